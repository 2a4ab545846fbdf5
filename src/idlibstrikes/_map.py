"""The map: the strikes placed at the points cited references give, with context.

Strikes are placed only at points a cited reference gives (with ACLED's precision codes,
see `_geo`), each with the circle of how far it may lie; the reference towns are drawn
for context, and the strikes that cannot be placed are listed under the map rather than
left out silently. What the figures share is in ``_plot``.

Examples:
    >>> import idlibstrikes as isk
    >>> from idlibstrikes._map import map
    >>> print(map(isk.load(sources="articles")).axes[0].get_title())
    Strikes placed from reference points: 7 of 7 (precision 1: 2, 2: 1, 3: 4)
    and series of strikes: 0 of 4
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ._models import Place, Strike
from ._plot import GREY, STRIKE_GID, DatasetLike, gather, is_dataset, require_matplotlib
from ._wording import count_text

if TYPE_CHECKING:
    import matplotlib.axes
    import matplotlib.figure
    import matplotlib.text
    import matplotlib.transforms

__all__ = ["map"]

#: The gid of the reference towns drawn for context on the map.
CONTEXT_GID = "context"


# Named map, as the package exports it: it shadows the builtin in this module only.
#: The most strikes at one point labelled one by one; more are labelled by their count.
_LISTED = 3


def map(
    data: DatasetLike | Iterable[Strike],
    *,
    title: str | None = None,
) -> matplotlib.figure.Figure:
    """Draw a map of ``data``.

    See [`map`][idlibstrikes.map], which takes the bundled dataset when given none.

    Examples:
        >>> import idlibstrikes as isk
        >>> map(isk.load(sources="articles")).axes[0].get_title().startswith("Strikes placed")
        True
    """
    require_matplotlib("map")
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Ellipse

    from ._geo import place

    strikes, _ = gather(data, ())
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
            color=GREY,
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
        if len(here) > _LISTED:  # a seat many strikes share: a count, not a column of names
            years = sorted({s.date.earliest.year for s in here})
            span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
            lines = [f"{len(here)} strikes placed here, {span}"]
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
                color=GREY,
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

    source = data if is_dataset(data) else getattr(data, "dataset", None)
    if is_dataset(source):
        return gazetteer(source.places)  # type: ignore[union-attr]
    found = {p.id: p for s in strikes for p in reached(s)}
    return gazetteer(found.values())
