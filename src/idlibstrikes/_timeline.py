"""The timeline: strikes by date, who struck (shape) and whom (colour), over the ceasefires.

Uncertain dates are drawn as ranges, not as days; a ceasefire is shaded as in effect only
while the library knows it held (`Ceasefire.status_on`). A cluster of strikes too close
to tell apart gets a zoomed panel of its own. What the figures share is in ``_plot``.

Examples:
    >>> import idlibstrikes as isk
    >>> from idlibstrikes._timeline import timeline
    >>> fig = timeline(isk.load(sources="articles"))
    >>> len(fig.axes[0].get_yticklabels())
    11
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ._dates import PeriodLike, parse_period
from ._models import Ceasefire, CeasefireStatus, Scope, StatusSpan, Strike
from ._plot import GREY, STRIKE_GID, DatasetLike, gather, require_matplotlib
from ._wording import perpetrators_text, status_text

if TYPE_CHECKING:
    import matplotlib.axes
    import matplotlib.figure
    import matplotlib.lines

__all__ = ["timeline"]

#: The label and colour of strikes whose sources name no target.
NO_TARGET = "no target named"
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
_DAY = dt.timedelta(days=1)


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
        colours[NO_TARGET] = GREY
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
        >>> len(timeline(isk.load(sources="articles")).axes) > 0
        True
    """
    require_matplotlib("timeline")
    from matplotlib.dates import date2num, num2date
    from matplotlib.figure import Figure
    from matplotlib.legend_handler import HandlerTuple
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    strikes, truces = gather(data, ceasefires)
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
