"""Quick-look figures: a timeline of strikes and ceasefires, and a map of the placed strikes.

Both functions return a `matplotlib.figure.Figure` made without pyplot, so no GUI
backend and no global figure state is involved: show it in a notebook, or save it with
``fig.savefig("timeline.png")``. matplotlib is an optional dependency
(``pip install matplotlib``, the ``[plot]`` extra) imported only when a function is called, so
importing `idlibstrikes` never imports it.

The figures draw only what the data holds. Uncertain dates are drawn as ranges, not as
days; a ceasefire is shaded as in effect only while the library knows it held
(`Ceasefire.status_on`); strikes are placed only at points a cited reference gives (with
ACLED's precision codes, see `_geo`), and the strikes that cannot be placed are listed on
the map rather than left out silently.

Examples:
    >>> import idlibstrikes as isk
    >>> from idlibstrikes._plot import map, timeline
    >>> fig = timeline(isk.load())
    >>> len(fig.axes[0].get_yticklabels())
    11
    >>> print(map(isk.load()).axes[0].get_title())
    Strikes placed from reference points: 7 of 7 (precision 1: 2, 2: 1, 3: 4)
    and series of strikes: 0 of 4
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from ._dates import PeriodLike, parse_period
from ._models import Ceasefire, CeasefireStatus, Place, Scope, StatusSpan, Strike
from ._wording import count_text, perpetrators_text, status_text

if TYPE_CHECKING:
    import matplotlib.axes
    import matplotlib.figure
    import matplotlib.lines
    import matplotlib.text
    import matplotlib.transforms

__all__ = ["DatasetLike", "map", "timeline"]

#: The label and colour of strikes whose sources name no target.
NO_TARGET = "no target named"
_GREY = "#9a9a9a"
# tab10 without its grey, which is kept for "no target named" / "not stated".
_PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#bcbd22",
    "#17becf",
)
# One shape per perpetrator, most frequent first; filled shapes only, so that a series
# (hollow) reads the same way whatever the shape.
_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "p", "h", "<", ">")
#: The marker and legend label of the perpetrators beyond the shapes above.
OTHER_PERPETRATORS = "other (named in the row label)"
# Pale enough that strikes stay readable on top; each ceasefire has its own colour, and its
# "status unknown" hatching its own direction, so that overlapping spans stay apart.
_SPAN_COLOURS = ("#a6cee3", "#fdbf6f", "#cab2d6", "#b2df8a")
_SPAN_EDGES = ("#1f78b4", "#e3840b", "#6a3d9a", "#33a02c")
_SPAN_HATCHES = ("//", "\\\\", "||", "--")
#: The ``gid`` of the spans where a ceasefire is known to be in effect on a timeline.
CEASEFIRE_GID = "ceasefire"
#: The ``gid`` of the spans after a ceasefire's last report, when no source says it ended.
CEASEFIRE_UNKNOWN_GID = "ceasefire-unknown"
#: The ``gid`` of the spans where a ceasefire's uncertain start or end may fall.
CEASEFIRE_UNCERTAIN_GID = "ceasefire-uncertain"
#: The ``gid`` of the strike points and bars (on the map: the points).
STRIKE_GID = "strike"
#: The gid of the reference towns drawn for context on the map.
CONTEXT_GID = "context"
_DAY = dt.timedelta(days=1)


def _require_matplotlib(function: str) -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            f"idlibstrikes.{function}() needs matplotlib; "
            "install it with pip install matplotlib (the [plot] extra)"
        ) from exc


class DatasetLike(Protocol):
    """What the figures read of a dataset (the dataset's layer is above this one)."""

    @property
    def strikes(self) -> Sequence[Strike]: ...
    @property
    def ceasefires(self) -> Sequence[Ceasefire]: ...
    @property
    def places(self) -> Sequence[Place]: ...


def _is_dataset(data: object) -> bool:
    return all(hasattr(data, k) for k in ("strikes", "ceasefires", "places"))


def _gather(
    data: DatasetLike | Iterable[Strike], ceasefires: Iterable[Ceasefire] | None
) -> tuple[tuple[Strike, ...], tuple[Ceasefire, ...]]:
    own: tuple[Ceasefire, ...] = ()
    if _is_dataset(data):
        strikes, own = tuple(data.strikes), tuple(data.ceasefires)  # type: ignore[union-attr]
    else:
        strikes = tuple(data)  # type: ignore[arg-type]
    chosen = own if ceasefires is None else tuple(ceasefires)
    _check_all(Strike, strikes)
    _check_all(Ceasefire, chosen)
    return strikes, chosen


def _check_all(kind: type, records: tuple[object, ...]) -> None:
    wrong = [r for r in records if not isinstance(r, kind)]
    if wrong:
        raise TypeError(
            f"expected {kind.__name__} records, found {type(wrong[0]).__name__} "
            f"{wrong[0]!r}; pass a Dataset, an iterable of Strike records, or nothing "
            "for the bundled data"
        )


def _colours(keys: Sequence[str]) -> dict[str, str | tuple[float, float, float, float]]:
    from matplotlib import colormaps

    named = [k for k in keys if k != NO_TARGET]
    colours: dict[str, str | tuple[float, float, float, float]] = {}
    if len(named) <= len(_PALETTE):
        colours.update(zip(named, _PALETTE, strict=False))
    else:
        # More groups than distinct palette colours: spread them along a colour map
        # rather than repeat a colour, which would make the legend ambiguous.
        ramp = colormaps["turbo"]
        colours.update((k, ramp(i / (len(named) - 1))) for i, k in enumerate(named))
    if NO_TARGET in keys:
        colours[NO_TARGET] = _GREY
    return colours


def _targets(strike: Strike) -> list[str]:
    return [t.name for t in strike.targets] or [NO_TARGET]


def _markers(rows: Sequence[Strike]) -> dict[str, str]:
    # Most frequent perpetrator first (ties: the earlier), so the commonest get the
    # plainest shapes; beyond the shapes, one shape stands for "other", and the row label
    # names them.
    counts = Counter(s.perpetrator.name for s in rows)
    order = sorted(counts, key=lambda name: -counts[name])  # stable: first seen first
    shapes = dict(zip(order, _MARKERS, strict=False))
    return {name: shapes.get(name, "*") for name in order}


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _row_label(strike: Strike) -> str:
    # ISO dates, not the article's wording: "late on Saturday" means nothing out of context.
    # The lines under it say who struck whom, so no row depends on the legend alone.
    who = f"{perpetrators_text(strike)} \u2192 {', '.join(_targets(strike))}"
    lines = textwrap.wrap(who, 50, max_lines=2, placeholder=" ...")
    return "\n".join([f"{strike.date}  {_short(strike.place.name)}", *lines])


class _Extent(NamedTuple):
    """A strike's possible days on the date axis: [first, last), and where its point goes."""

    first: float
    last: float
    point: float | None


def _extent(strike: Strike, left: float, right: float) -> _Extent:
    from matplotlib.dates import date2num

    num: Callable[[dt.date], float] = date2num  # untyped in matplotlib
    date = strike.date
    # A day runs from its midnight to the next: the range covers its last day too.
    first = left if date.open_start else num(date.earliest)
    last = right if date.open_end else num(date.latest) + 1
    if date.open_start and date.open_end:
        point = None
    elif date.open_end:
        point = first  # its first possible day: nothing is known of its end
    elif date.open_start:
        point = last
    else:
        point = (first + last) / 2
    return _Extent(first, last, point)


def _draw_strike(
    ax: matplotlib.axes.Axes,
    y: float,
    strike: Strike,
    extent: _Extent,
    colours: dict[str, str | tuple[float, float, float, float]],
    marker: str,
) -> None:
    # One mark per target, stacked within the row, each in its target's colour: a group
    # has one colour wherever it is named, first or not.
    targets = _targets(strike)
    step = min(0.25, 0.75 / len(targets))
    size = 70.0 if len(targets) <= 2 else max(20.0, 70.0 - 10.0 * len(targets))
    series = strike.scope is Scope.SERIES
    for i, target in enumerate(targets):
        at = y + (i - (len(targets) - 1) / 2) * step
        colour = colours[target]
        if not strike.date.is_exact:
            ax.hlines(
                at,
                extent.first,
                extent.last,
                colors=[colour],
                linewidth=6 if len(targets) == 1 else max(2.0, 8.0 / len(targets)),
                alpha=0.3 if series else 0.75,
                gid=STRIKE_GID,
                label=target,
            )
        if extent.point is not None:
            ax.scatter(
                [extent.point],
                [at],
                s=size,
                marker=marker,
                facecolors="white" if series else [colour],
                edgecolors=[colour],
                linewidths=2 if len(targets) == 1 else 1.5,
                zorder=3,
                gid=STRIKE_GID,
                label=target,
            )


def _ceasefire_label(truce: Ceasefire) -> str:
    return textwrap.fill(f"{truce.kind.value}: {truce.name}: {status_text(truce)}", 62)


def _span_style(i: int, status: CeasefireStatus) -> dict[str, Any]:
    """How the ``i``-th ceasefire's span of this status is drawn (and its legend swatch)."""
    from matplotlib.colors import to_rgba

    fill = _SPAN_COLOURS[i % len(_SPAN_COLOURS)]
    if status is CeasefireStatus.IN_EFFECT:
        return {"facecolor": to_rgba(fill, 0.6), "edgecolor": "none"}
    return {
        "facecolor": to_rgba(fill, 0.15),
        "hatch": _SPAN_HATCHES[i % len(_SPAN_HATCHES)],
        "hatchcolor": to_rgba(_SPAN_EDGES[i % len(_SPAN_EDGES)], 0.7),
        "edgecolor": "none",
    }


_STATUS_GIDS = {
    CeasefireStatus.IN_EFFECT: CEASEFIRE_GID,
    CeasefireStatus.MAY_BE_IN_EFFECT: CEASEFIRE_UNCERTAIN_GID,
    CeasefireStatus.UNKNOWN: CEASEFIRE_UNKNOWN_GID,
}


def _shade(
    ax: matplotlib.axes.Axes,
    truces: Sequence[Ceasefire],
    left: float,
    right: float,
) -> list[tuple[int, Ceasefire, tuple[StatusSpan, ...]]]:
    """Shade each ceasefire's runs of days (`Ceasefire.statuses`) on ``ax``; those drawn.

    The runs are clipped to [left, right].
    """
    from matplotlib.dates import date2num

    num: Callable[[dt.date], float] = date2num  # untyped in matplotlib
    shown = []
    for i, truce in enumerate(truces):
        runs = truce.statuses()
        label = _ceasefire_label(truce)
        drawn = False
        for run in runs:
            start = max(num(run.first), left)
            # a day runs from its midnight to the next
            end = right if run.open_end else min(num(run.last) + 1, right)
            if end <= start:
                continue
            style = _span_style(i, run.status)
            ax.axvspan(start, end, zorder=0, gid=_STATUS_GIDS[run.status], label=label, **style)
            drawn = True
        if drawn:
            shown.append((i, truce, runs))
    return shown


def _crowded(extents: Sequence[_Extent], left: float, right: float) -> tuple[float, float] | None:
    """The window of the largest cluster of 3 or more strikes too close to tell apart."""
    span = right - left
    short = sorted(
        (e for e in extents if e.point is not None and e.last - e.first <= 0.1 * span),
        key=lambda e: e.point or 0.0,
    )
    clusters: list[list[_Extent]] = []
    for e in short:
        if clusters and (e.point or 0.0) - (clusters[-1][-1].point or 0.0) <= 0.02 * span:
            clusters[-1].append(e)
        else:
            clusters.append([e])
    best = max(clusters, key=len, default=[])
    if len(best) < 3:
        return None
    low, high = min(e.first for e in best), max(e.last for e in best)
    if high - low > 0.25 * span:
        return None  # wide enough to read on the whole axis
    pad = max(0.08 * (high - low), 7.0)
    return math.floor(low - pad), math.ceil(high + pad)  # whole days


def _header(text: str) -> matplotlib.lines.Line2D:
    from matplotlib.lines import Line2D

    return Line2D([], [], linestyle="", marker="", label=text)


def _date_axis(ax: matplotlib.axes.Axes) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    # matplotlib.dates has no type hints; the two constructors are checked by the tests.
    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)


def timeline(
    data: DatasetLike | Iterable[Strike],
    *,
    ceasefires: Iterable[Ceasefire] | None = None,
    title: str | None = None,
    zoom: tuple[PeriodLike, PeriodLike] | bool = True,
) -> matplotlib.figure.Figure:
    """Draw a timeline of ``data``.

    See [`timeline`][idlibstrikes.timeline], which takes the bundled dataset when given none.

    Examples:
        >>> import idlibstrikes as isk
        >>> len(timeline(isk.load()).axes) > 0
        True
    """
    _require_matplotlib("timeline")
    from matplotlib.dates import date2num, num2date
    from matplotlib.figure import Figure
    from matplotlib.legend_handler import HandlerTuple
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    strikes, truces = _gather(data, ceasefires)
    if not strikes:
        raise ValueError("timeline() got no strikes to draw; pass a dataset or some strikes")
    rows = sorted(strikes, key=lambda s: (s.date.earliest, s.date.latest, s.id))
    known = [s.date.earliest for s in rows if not s.date.open_start]
    known += [s.date.latest + _DAY for s in rows if not s.date.open_end]
    if not known:
        raise ValueError("timeline() needs at least one strike with a known earliest or latest day")

    num: Callable[[dt.date], float] = date2num  # untyped in matplotlib
    low, high = num(min(known)), num(max(known))
    pad = max(0.02 * (high - low), 5.0)
    left, right = low - pad, high + pad
    extents = [_extent(s, left, right) for s in rows]

    window: tuple[float, float] | None = None
    if zoom is True:
        window = _crowded(extents, left, right)
    elif zoom is not False:
        window = (num(parse_period(zoom[0])[0]), num(parse_period(zoom[1])[1]) + 1)
    block: list[int] = []
    if window is not None:
        inside = [y for y, e in enumerate(extents) if window[0] <= e.first < e.last <= window[1]]
        inside = inside or [
            y for y, e in enumerate(extents) if e.first < window[1] and window[0] < e.last
        ]
        if not inside:
            raise ValueError(f"timeline() found no strike in the zoom period {zoom!r}")
        block = list(range(min(inside), max(inside) + 1))

    keys = list(dict.fromkeys(t for s in rows for t in _targets(s)))
    colours = _colours(keys)
    markers = _markers(rows)
    labels = [_row_label(s) for s in rows]

    # Tall enough for two-line rows, and for the legends beside them.
    height = max(2.2 + 0.55 * len(rows), 2.0 + 0.3 * (len(colours) + len(set(markers.values()))))
    height += 1.2 + 0.6 * len(block) if block else 0.0
    fig = Figure(figsize=(14, height), layout="constrained")
    if block:
        ax, zax = fig.subplots(
            2, 1, height_ratios=[len(rows) + 1.5, len(block) + 2.5], squeeze=True
        )
    else:
        ax, zax = fig.add_subplot(), None

    for y, (strike, extent) in enumerate(zip(rows, extents, strict=True)):
        _draw_strike(ax, y, strike, extent, colours, markers[strike.perpetrator.name])
    shaded = _shade(ax, truces, left, right)
    ax.set_xlim(left, right)
    ax.set_ylim(len(rows) - 0.5, -0.5)  # earliest strike at the top
    ax.set_yticks(range(len(rows)), labels=labels, fontsize="small")
    _date_axis(ax)
    ax.set_title(
        "Strikes by date: who struck (shape) and whom (colour)" if title is None else title
    )

    if zax is not None and window is not None:
        for y in block:
            _draw_strike(zax, y, rows[y], extents[y], colours, markers[rows[y].perpetrator.name])
        _shade(zax, truces, *window)
        zax.set_xlim(*window)
        zax.set_ylim(block[-1] + 0.5, block[0] - 0.5)
        zax.set_yticks(block, labels=[labels[y] for y in block], fontsize="small")
        _date_axis(zax)
        to_date: Callable[[float], dt.datetime] = num2date  # untyped in matplotlib
        first, last = (to_date(x).date() for x in window)
        zax.set_title(f"Zoom: {first} to {last - _DAY} (boxed above)", fontsize="medium")
        ax.indicate_inset_zoom(zax, edgecolor="#333333", alpha=0.8)
    (ax if zax is None else zax).set_xlabel("date")

    whom = [
        Line2D([], [], linestyle="", marker="o", markersize=8, color=colours[k], label=k)
        for k in colours
    ]
    who = [
        Line2D([], [], linestyle="", marker=m, markersize=8, color="#444444", label=name)
        for name, m in markers.items()
        if m != "*"
    ]
    if "*" in markers.values():
        who.append(
            Line2D(
                [],
                [],
                linestyle="",
                marker="*",
                markersize=9,
                color="#444444",
                label=OTHER_PERPETRATORS,
            )
        )
    # One legend beside the axes, in two sections (two legends at one place would overlap).
    headers = ["who struck (shape)", "whom (colour)"]
    beside = fig.legend(
        handles=[_header(headers[0]), *who, _header(""), _header(headers[1]), *whom],
        loc="outside right upper",
        fontsize="small",
    )
    for text in beside.get_texts():
        if text.get_text() in headers:
            text.set_fontweight("bold")
    scopes = [
        Line2D(
            [],
            [],
            color="#777777",
            linewidth=5,
            alpha=0.6,
            label="bar: the days it may have happened on",
        ),
        Line2D(
            [],
            [],
            linestyle="",
            marker="o",
            markersize=8,
            color="black",
            label="point: one strike, at the middle of those days (the first, if no end is known)",
        ),
        Line2D(
            [],
            [],
            linestyle="",
            marker="o",
            markersize=8,
            markerfacecolor="white",
            markeredgecolor="black",
            markeredgewidth=2,
            label="hollow point, pale bar: a series of strikes reported as one",
        ),
    ]
    spans = [
        tuple(
            Patch(**_span_style(i, status)) for status in dict.fromkeys(run.status for run in runs)
        )
        for i, _, runs in shaded
    ]
    names = [_ceasefire_label(t) for _, t, _ in shaded]
    fig.legend(
        handles=[*scopes, *spans],
        labels=[h.get_label() for h in scopes] + names,
        handler_map={tuple: HandlerTuple(ndivide=None)},
        loc="outside lower center",
        ncols=2,
        fontsize="small",
        handlelength=3.5,
        title=textwrap.fill(
            "Ceasefires: solid through the last day a dated report certainly shows them "
            "holding; light and hatched while they may be in effect (a report may still cover "
            "the day, or an uncertain start or end may fall) or their status is unknown "
            "(after every report, none saying they ended); not shaded once ended",
            120,
        )
        if shaded
        else None,
        title_fontsize="small",
    )
    return fig


def _governorate(place: Place) -> str | None:
    # The article's word first, as in the tables' admin1 column; a reference fills the gap.
    if place.governorate:
        return place.governorate
    return place.reference.governorate if place.reference else None


# Named map, as the package exports it: it shadows the builtin in this module only.
def map(
    data: DatasetLike | Iterable[Strike],
    *,
    title: str | None = None,
) -> matplotlib.figure.Figure:
    """Draw a map of ``data``.

    See [`map`][idlibstrikes.map], which takes the bundled dataset when given none.

    Examples:
        >>> import idlibstrikes as isk
        >>> map(isk.load()).axes[0].get_title().startswith("Strikes placed")
        True
    """
    _require_matplotlib("map")
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Ellipse

    from ._geo import place

    strikes, _ = _gather(data, ())
    gazetteer = _gazetteer(data, strikes)
    where = {s.id: place(s, gazetteer) for s in strikes}
    placed = [s for s in strikes if where[s.id].placed]
    unplaced = [s for s in strikes if not where[s.id].placed]

    fig = Figure(figsize=(8.5, 7.5), layout="constrained")
    ax = fig.add_subplot()
    for town in gazetteer:
        ref = town.reference
        assert ref is not None
        assert ref.coordinates is not None
        seat = [f"{ref.governorate} Gov."] if ref.governorate == town.name else []
        if ref.district == town.name:
            seat.append(f"{ref.district} Dist.")
        label = town.name + (f" (seat: {', '.join(seat)})" if seat else "")
        ax.scatter(
            [ref.coordinates.longitude],
            [ref.coordinates.latitude],
            marker="s",
            s=18,
            color=_GREY,
            zorder=2,
            gid=CONTEXT_GID,
        )
        ax.annotate(
            label,
            (ref.coordinates.longitude, ref.coordinates.latitude),
            xytext=(-7, -9),
            textcoords="offset points",
            ha="right",
            fontsize="x-small",
            color="#666666",
        )

    for precision, (marker, colour, words) in _PRECISION.items():
        here = [s for s in placed if where[s.id].precision == precision]
        if not here:
            continue
        ax.scatter(
            [float(where[s.id].longitude or 0) for s in here],
            [float(where[s.id].latitude or 0) for s in here],
            marker=marker,
            s=90,
            color=colour,
            edgecolors="black",
            linewidths=0.8,
            zorder=4,
            label=f"{precision}: {words}",
            gid=STRIKE_GID,
        )
    at_point: dict[tuple[float, float], list[Strike]] = {}
    pending: list[tuple[tuple[float, float], str]] = []
    for strike in placed:
        w = where[strike.id]
        assert w.latitude is not None
        assert w.longitude is not None
        at_point.setdefault((w.longitude, w.latitude), []).append(strike)
    for (lon, lat), here in at_point.items():
        radius = max(where[s.id].radius_m or 0 for s in here)
        height = 2 * radius / 111_320  # metres to degrees of latitude
        width = height / math.cos(math.radians(lat))
        ax.add_patch(
            Ellipse(
                (lon, lat),
                width,
                height,
                fill=False,
                linestyle="--",
                linewidth=0.7,
                color="#aaaaaa",
                zorder=1,
            )
        )
        lines = [f"{textwrap.shorten(s.place.name, 30, placeholder='…')}, {s.date}" for s in here]
        pending.append(((lon, lat), "\n".join(lines)))

    points = [(p.longitude, p.latitude) for p in where.values() if p.placed]
    points += [
        (r.coordinates.longitude, r.coordinates.latitude)
        for t in gazetteer
        if (r := t.reference) is not None and r.coordinates is not None
    ]
    if placed:
        lons = [float(x) for x, _ in points if x is not None]
        lats = [float(y) for _, y in points if y is not None]
        pad = max(0.2, 0.2 * max(max(lons) - min(lons), max(lats) - min(lats)))
        # room for the context labels (left of their points) and the strikes' (right)
        ax.set_xlim(min(lons) - 1.6 * pad, max(lons) + 2.4 * pad)
        ax.set_ylim(min(lats) - 1.5 * pad, max(lats) + 1.5 * pad)
        handles, _ = ax.get_legend_handles_labels()
        handles += [
            Line2D(
                [],
                [],
                linestyle="",
                marker="s",
                markersize=5,
                color=_GREY,
                label="reference town: a cited\nreference's point (not a strike)",
            ),
            Line2D(
                [],
                [],
                linestyle="",
                marker="o",
                markersize=14,
                markerfacecolor="none",
                markeredgecolor="#aaaaaa",
                label="dashed circle: how far the\nstrike may lie (geo_radius_m)",
            ),
        ]
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.02, 1.0),
            title="geo-precision (ACLED)",
            fontsize="small",
        )
    else:
        ax.text(
            0.5,
            0.5,
            "no strike can be placed from a reference point",
            transform=ax.transAxes,
            ha="center",
            va="center",
        )
    ax.set_aspect("equal")
    ax.grid(color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_xlabel("longitude (degrees east)")
    ax.set_ylabel("latitude (degrees north)")
    counts = ", ".join(
        f"{p}: {sum(where[s.id].precision == p for s in placed)}" for p in _PRECISION
    )
    # a series is never counted as a strike: the title counts them apart
    events = [s for s in strikes if not s.is_series]
    series = [s for s in strikes if s.is_series]
    placed_series = sum(where[s.id].placed for s in series)
    also = f"\nand series of strikes: {placed_series} of {len(series)}" if series else ""
    ax.set_title(
        f"Strikes placed from reference points: {sum(where[s.id].placed for s in events)} of "
        f"{len(events)} (precision {counts}){also}"
        if title is None
        else title
    )

    if unplaced:
        names: dict[str, int] = {}
        for strike in unplaced:
            names[strike.place.name] = names.get(strike.place.name, 0) + 1
        listed = "; ".join(f"{n} ({c} records)" if c > 1 else n for n, c in names.items())
        kinds = count_text(unplaced)
        ax.text(
            0.0,
            -0.15,
            textwrap.fill(
                f"{kinds} with no point (no reference gives one for the place, a "
                f"place near it, or its district or governorate): {listed}",
                90,
            ),
            transform=ax.transAxes,
            ha="left",
            va="top",
            fontsize="small",
            bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "#999999"},
        )
    if pending:
        _place_labels(ax, pending)
    return fig


def _place_labels(
    ax: matplotlib.axes.Axes, labels: Sequence[tuple[tuple[float, float], str]]
) -> None:
    """Label points where the label covers no marker, no other label and stays in the axes.

    Each label tries the four corners beside its point, then farther out with a leader
    line; failing all, the place where it covers least. Labels are left out of the layout,
    so placing them does not move the axes they were placed on.
    """
    from matplotlib.text import Annotation
    from matplotlib.transforms import Bbox

    figure = ax.get_figure(root=True)
    assert figure is not None
    figure.draw_without_rendering()  # lays the figure out, so that extents are final
    frame = ax.get_window_extent()
    reach = 7 * figure.dpi / 72  # half a strike marker, and a little room
    taken = [_text_box(t) if isinstance(t, Annotation) else t.get_window_extent() for t in ax.texts]
    for c in ax.collections:
        if c.get_gid() in (STRIKE_GID, CONTEXT_GID):
            for x, y in ax.transData.transform(c.get_offsets()):
                taken.append(Bbox.from_extents(x - reach, y - reach, x + reach, y + reach))

    def clash(box: Bbox) -> float:
        inside = Bbox.intersection(box, frame)
        outside = box.width * box.height - (inside.width * inside.height if inside else 0.0)
        covered = 0.0
        for other in taken:
            overlap = Bbox.intersection(box, other)
            if overlap is not None:
                covered += overlap.width * overlap.height
        return covered + 10 * outside

    corners = [(1, 1), (1, -1), (-1, 1), (-1, -1)]
    offsets = [(8 * sx, 6 * sy, sx, sy) for sx, sy in corners]
    offsets += [(d * sx, d * sy, sx, sy) for d in (22, 40, 60) for sx, sy in corners]
    for xy, text in labels:
        best: tuple[float, Any] | None = None
        for dx, dy, sx, sy in offsets:
            far = abs(dx) > 10
            label = ax.annotate(
                text,
                xy,
                xytext=(dx, dy),
                textcoords="offset points",
                ha="left" if sx > 0 else "right",
                va="bottom" if sy > 0 else "top",
                fontsize="small",
                zorder=5,
                arrowprops={"arrowstyle": "-", "color": "#555555", "lw": 0.6, "shrinkB": 5}
                if far
                else None,
            )
            label.set_in_layout(False)
            score = clash(_text_box(label))
            if best is None or score < best[0]:
                if best is not None:
                    best[1].remove()
                best = (score, label)
            else:
                label.remove()
            if score == 0:
                break
        assert best is not None
        taken.append(_text_box(best[1]))


def _text_box(label: matplotlib.text.Annotation) -> matplotlib.transforms.Bbox:
    """The extent of an annotation's text alone, without its leader line."""
    from matplotlib.text import Text

    label.get_window_extent()  # places the text where the annotation puts it
    return Text.get_window_extent(label)


#: Marker, colour and meaning of each ACLED geo-precision code on the map.
_PRECISION = {
    1: ("o", "#b2182b", "the place itself"),
    2: ("^", "#ef8a62", "near a place"),
    3: ("s", "#fddbc7", "district or governorate seat"),
}


def _gazetteer(data: DatasetLike | Iterable[Strike], strikes: Sequence[Strike]) -> list[Place]:
    """The places with a reference point: the dataset's, or those the strikes reach."""
    from ._geo import gazetteer, reached

    source = data if _is_dataset(data) else getattr(data, "dataset", None)
    if _is_dataset(source):
        return gazetteer(source.places)  # type: ignore[union-attr]
    found = {p.id: p for s in strikes for p in reached(s)}
    return gazetteer(found.values())
