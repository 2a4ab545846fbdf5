"""Quick-look figures: a timeline of strikes and ceasefires, and a map of the placed strikes.

Both functions return a `matplotlib.figure.Figure` made without pyplot, so no GUI
backend and no global figure state is involved: show it in a notebook, or save it with
``fig.savefig("timeline.png")``. matplotlib is an optional dependency
(``pip install 'idlibstrikes[plot]'``) imported only when a function is called, so
importing `idlibstrikes` never imports it.

The figures draw only what the data holds. Uncertain dates are drawn as ranges, not as
days; strikes are placed only at points a cited reference gives (with ACLED's precision
codes, see `_geo`), and the strikes that cannot be placed are listed on the map rather
than left out silently.

Examples:
    >>> import idlibstrikes as isk
    >>> from idlibstrikes._plot import map, timeline
    >>> fig = timeline(isk.load())
    >>> len(fig.axes[0].get_yticklabels())
    11
    >>> map(isk.load()).axes[0].get_title()
    'Strikes placed from reference points: 7 of 11 (precision 1: 2, 2: 1, 3: 4)'
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from ._models import Ceasefire, Place, Scope, Strike

if TYPE_CHECKING:
    import matplotlib.figure

    from ._dataset import Dataset

__all__ = ["map", "timeline"]

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
# Pale enough that strikes stay readable on top; hatches tell overlapping spans apart.
_SPAN_COLOURS = ("#a6cee3", "#fdbf6f", "#cab2d6", "#b2df8a")
_SPAN_HATCHES = ("", "//", "\\\\", "xx")
#: The ``gid`` of the shaded ceasefire spans on a timeline, to find them again.
CEASEFIRE_GID = "ceasefire"
#: The ``gid`` of the strike points on a map.
STRIKE_GID = "strike"
#: The gid of the reference towns drawn for context on the map.
CONTEXT_GID = "context"


def _require_matplotlib(function: str) -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            f"idlibstrikes.{function}() needs matplotlib; "
            "install it with pip install 'idlibstrikes[plot]'"
        ) from exc


def _gather(
    data: Dataset | Iterable[Strike] | None, ceasefires: Iterable[Ceasefire] | None
) -> tuple[tuple[Strike, ...], tuple[Ceasefire, ...]]:
    # Imported here, not at the top, so that _dataset may import this module one day.
    from ._dataset import Dataset, load

    if data is None:
        data = load()
    own: tuple[Ceasefire, ...] = ()
    if isinstance(data, Dataset):
        strikes, own = data.strikes, data.ceasefires
    else:
        strikes = tuple(data)
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
    colours[NO_TARGET] = _GREY
    return colours


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _row_label(strike: Strike) -> str:
    # ISO dates, not the article's wording: "late on Saturday" means nothing out of context.
    return f"{strike.date}  {_short(strike.place.name)}"


def timeline(
    data: Dataset | Iterable[Strike] | None = None,
    *,
    ceasefires: Iterable[Ceasefire] | None = None,
    title: str | None = None,
) -> matplotlib.figure.Figure:
    """A timeline: one row per strike, over its possible dates, with ceasefires shaded.

    Drawn: one row per strike, earliest first, labelled with its date range (ISO) and
    place name. A bar runs from the earliest to the latest day the strike can have happened
    (the date's uncertainty; a strike dated to one day has no bar), and a point marks the
    middle of that range. Colour is the first target the sources name (grey: no target
    named); the legend lists them. A series of strikes reported as one record
    (``Scope.SERIES``) has a hollow point and a paler bar. Each ceasefire, truce or
    agreement is a shaded span from the earliest day it can have started to the latest day
    it can have ended, or to the right edge when no source says it has ended.

    Not drawn: the middle point is not a known date of a ranged strike, only the middle
    of its range; the other targets of a strike (see ``strike.targets``); casualty figures;
    the uncertainty of a ceasefire's start and end (the span is their widest reading). The
    date axis covers the strikes: a ceasefire is clipped to it, and one entirely outside it
    is not drawn.

    Args:
        data: A [`Dataset`][idlibstrikes.Dataset] (its strikes and ceasefires), an iterable
            of [`Strike`][idlibstrikes.Strike] records (no ceasefires unless ``ceasefires`` is
            given), or ``None`` for the bundled dataset.
        ceasefires: The ceasefires to shade, in place of the dataset's.
        title: The figure's title; a description of the figure by default.

    Returns:
        A `matplotlib.figure.Figure` with one axes; the ceasefire spans have the
        ``gid`` ``"ceasefire"``.

    Raises:
        ImportError: matplotlib is not installed.
        TypeError: ``data`` or ``ceasefires`` holds something other than records.
        ValueError: There are no strikes, or none has a known date bound.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load()
        >>> fig = timeline(data.strikes_by_group("Hurras al-Din"), title="Hurras al-Din")
        >>> [t.get_text() for t in fig.axes[0].get_yticklabels()][-1]
        '2025-02-15  motorway near the village of Urum Al Joz'
        >>> fig = timeline()
        >>> len(fig.axes[0].collections) > 0
        True
        >>> sum(p.get_gid() == "ceasefire" for p in fig.axes[0].patches)
        3
    """
    _require_matplotlib("timeline")
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    strikes, truces = _gather(data, ceasefires)
    if not strikes:
        raise ValueError("timeline() got no strikes to draw; pass a dataset or some strikes")
    rows = sorted(strikes, key=lambda s: (s.date.earliest, s.date.latest, s.id))
    known = [s.date.earliest for s in rows if not s.date.open_start]
    known += [s.date.latest for s in rows if not s.date.open_end]
    if not known:
        raise ValueError("timeline() needs at least one strike with a known earliest or latest day")

    num: Callable[[dt.date], float] = date2num  # untyped in matplotlib
    low, high = num(min(known)), num(max(known))
    pad = max(0.02 * (high - low), 5.0)
    left, right = low - pad, high + pad

    keys = [s.targets[0].name if s.targets else NO_TARGET for s in rows]
    colours = _colours(list(dict.fromkeys(keys)))

    # Tall enough for the rows, and for the legend of targets beside them.
    height = max(1.8 + 0.4 * len(rows), 1.4 + 0.3 * len(colours))
    fig = Figure(figsize=(12, height), layout="constrained")
    ax = fig.add_subplot()
    for y, (strike, key) in enumerate(zip(rows, keys, strict=True)):
        colour = colours[key]
        series = strike.scope is Scope.SERIES
        first = left if strike.date.open_start else num(strike.date.earliest)
        last = right if strike.date.open_end else num(strike.date.latest)
        if last > first:
            ax.hlines(y, first, last, colors=[colour], linewidth=6, alpha=0.3 if series else 0.75)
        if not (strike.date.open_start or strike.date.open_end):
            ax.scatter(
                [(first + last) / 2],
                [y],
                s=70,
                marker="o",
                facecolors="white" if series else [colour],
                edgecolors=[colour],
                linewidths=2,
                zorder=3,
            )

    spans = []
    for i, truce in enumerate(truces):
        start = left if truce.start.open_start else num(truce.start.earliest)
        end = right if truce.end is None or truce.end.open_end else num(truce.end.latest)
        start, end = max(start, left), min(end, right)
        if end < start:
            continue
        ending = "no known end" if truce.end is None else str(truce.end)
        label = f"{truce.kind.value}: {truce.name} ({truce.start} to {ending})"
        span = ax.axvspan(
            start,
            end,
            facecolor=_SPAN_COLOURS[i % len(_SPAN_COLOURS)],
            hatch=_SPAN_HATCHES[i % len(_SPAN_HATCHES)],
            edgecolor="#8a8a8a",
            linewidth=0.6,
            alpha=0.45,
            zorder=0,
            gid=CEASEFIRE_GID,
            label=textwrap.fill(label, 60),
        )
        spans.append(span)

    ax.set_xlim(left, right)
    ax.set_ylim(len(rows) - 0.5, -0.5)  # earliest strike at the top
    ax.set_yticks(range(len(rows)), labels=[_row_label(s) for s in rows])
    # matplotlib.dates has no type hints; the two constructors are checked by the tests.
    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_xlabel("date (bar: earliest to latest possible day; point: middle of that range)")
    ax.set_title("Strikes by date, coloured by the first target named" if title is None else title)

    targets = [
        Line2D([], [], linestyle="", marker="o", markersize=8, color=colours[k], label=k)
        for k in colours
        if k in keys
    ]
    fig.legend(handles=targets, loc="outside right upper", title="first target named")
    scopes = [
        Line2D([], [], linestyle="", marker="o", markersize=8, color="black", label="one strike"),
        Line2D(
            [],
            [],
            linestyle="",
            marker="o",
            markersize=8,
            markerfacecolor="white",
            markeredgecolor="black",
            markeredgewidth=2,
            label="series of strikes reported as one",
        ),
    ]
    fig.legend(handles=[*scopes, *spans], loc="outside lower center", ncols=2, fontsize="small")
    return fig


def _governorate(place: Place) -> str | None:
    # The article's word first, as in the tables' admin1 column; a reference fills the gap.
    if place.governorate:
        return place.governorate
    return place.reference.governorate if place.reference else None


# Named map, as the package exports it: it shadows the builtin in this module only.
def map(
    data: Dataset | Iterable[Strike] | None = None,
    *,
    title: str | None = None,
) -> matplotlib.figure.Figure:
    """A map of the strikes, each placed as the codebook's rules place it, with context.

    Drawn: every strike that can be placed, at the point the codebook's rules give (the
    same as ``latitude``/``longitude`` in the tables and the GeoJSON), its marker and
    colour saying ACLED's precision (1 the place itself, 2 near a place, 3 a district's
    or governorate's seat standing for it), and a dashed circle of its ``geo_radius_m``;
    labelled with the place's name and the strikes' dates (strikes sharing a point share
    a label). As context, the reference towns (every place a reference gives a point for,
    grey squares, with the governorate a seat stands for). Under the axes, a box lists
    every strike that has no point, by place name; the title counts both.

    Not drawn: no basemap, borders or coastlines (nothing is downloaded; for a web map
    with a basemap use ``data.to_geodataframe().explore()``); no point is guessed. A
    point at precision 2 or 3 is a known place standing for the strike, not where it
    landed. Degrees of longitude and latitude are drawn the same size, so at Idlib's
    latitude east-west distances look about a fifth longer than they are.

    Args:
        data: A [`Dataset`][idlibstrikes.Dataset], an iterable of
            [`Strike`][idlibstrikes.Strike] records (a query's result keeps its dataset's
            places), or ``None`` for the bundled dataset.
        title: The figure's title; by default it says how many strikes are placed.

    Returns:
        A `matplotlib.figure.Figure` whose first axes is the map; the strike points
        have the ``gid`` ``"strike"``, the reference towns ``"context"``.

    Raises:
        ImportError: matplotlib is not installed.
        TypeError: ``data`` holds something other than strikes.

    Examples:
        >>> import idlibstrikes as isk
        >>> fig = map(isk.load())
        >>> fig.axes[0].get_title()
        'Strikes placed from reference points: 7 of 11 (precision 1: 2, 2: 1, 3: 4)'
        >>> any("no point" in t.get_text() for t in fig.axes[0].texts)
        True
    """
    _require_matplotlib("map")
    from matplotlib.figure import Figure
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
        ax.annotate(
            "\n".join(lines),
            (lon, lat),
            xytext=(8, 6),
            textcoords="offset points",
            fontsize="small",
            zorder=5,
        )

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
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), title="geo-precision (ACLED)")
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
    ax.set_title(
        f"Strikes placed from reference points: {len(placed)} of {len(strikes)} "
        f"(precision {counts})"
        if title is None
        else title
    )

    if unplaced:
        names: dict[str, int] = {}
        for strike in unplaced:
            names[strike.place.name] = names.get(strike.place.name, 0) + 1
        listed = "; ".join(f"{n} ({c} strikes)" if c > 1 else n for n, c in names.items())
        ax.text(
            0.0,
            -0.15,
            textwrap.fill(
                f"{len(unplaced)} with no point (no reference gives one for the place, a "
                f"place near it, or its district or governorate): {listed}",
                90,
            ),
            transform=ax.transAxes,
            ha="left",
            va="top",
            fontsize="small",
            bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "#999999"},
        )
    return fig


#: Marker, colour and meaning of each ACLED geo-precision code on the map.
_PRECISION = {
    1: ("o", "#b2182b", "the place itself"),
    2: ("^", "#ef8a62", "near a place"),
    3: ("s", "#fddbc7", "district or governorate seat"),
}


def _gazetteer(data: Dataset | Iterable[Strike] | None, strikes: Sequence[Strike]) -> list[Place]:
    """The places with a reference point: the dataset's, or those the strikes reach."""
    from ._dataset import Dataset, load
    from ._geo import gazetteer, reached

    source = data if isinstance(data, Dataset) else getattr(data, "dataset", None)
    if data is None:
        source = load()
    if isinstance(source, Dataset):
        return gazetteer(source.places)
    found = {p.id: p for s in strikes for p in reached(s)}
    return gazetteer(found.values())
