"""The map: the strikes placed at the points cited references give, on borders and governorates.

Strikes are placed only at points a cited reference gives (with ACLED's precision codes,
see `_geo`), each with the circle of how far it may lie; the reference towns are drawn
for context, and the strikes that cannot be placed are listed under the map rather than
left out silently. Under them, the ground: country borders (the Syria-Turkey border
among them), Syria's governorate boundaries and the coast, from Natural Earth's public
domain data bundled with the package (`_basemap`), and beside the map an overview of
Syria with the mapped area outlined. Labels are placed so that none covers another or a
marker (`_Labeller`). What the figures share is in ``_plot``.

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
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ._basemap import Area, Boundaries, boundaries
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
#: The gids of the ground: borders, governorate boundaries, the coast, the land and sea.
BORDER_GID = "border"
GOVERNORATE_GID = "governorate-boundary"
COAST_GID = "coast"
LAND_GID = "land"
SEA_GID = "sea"
#: The gid of the labels of countries and governorates.
AREA_LABEL_GID = "area-label"
#: The gid of the overview's rectangle of the area the map shows.
VIEW_GID = "view"

# The ground's colours: quiet, so that the strikes stand out.
_SEA = "#e3edf4"
_SYRIA = "#ffffff"
_NEIGHBOUR = "#eeeeea"
_BORDER = "#555555"
_GOVERNORATE = "#9c8bb0"
_COAST = "#8aaecb"

#: Under a point's label, a faint white ground that keeps the lines beneath from crossing
#: its letters; it reaches less than the point of room the labels keep between them.
_UNDERLAY = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.75}

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
    ground = boundaries()

    fig = Figure(figsize=(10, 7.5), layout="constrained")
    grid = fig.add_gridspec(2, 2, width_ratios=(3.1, 1), height_ratios=(1.25, 1))
    ax = fig.add_subplot(grid[:, 0])
    key = fig.add_subplot(grid[0, 1])
    overview = fig.add_subplot(grid[1, 1])

    points = [(float(p.longitude), float(p.latitude)) for p in where.values() if p.placed]  # type: ignore[arg-type]
    towns = [
        (town, ref.coordinates.longitude, ref.coordinates.latitude)
        for town in gazetteer
        if (ref := town.reference) is not None and ref.coordinates is not None
    ]
    view = _view(points + [(x, y) for _, x, y in towns]) if placed else _syria(ground)
    _ground(ax, ground, view, governorates=True)

    for _, lon, lat in towns:
        ax.scatter([lon], [lat], marker="s", s=18, color=GREY, zorder=3, gid=CONTEXT_GID)

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
            zorder=4.3 - 0.1 * precision,  # the most precise on top where points coincide
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
                color="#a0a0a0",
                zorder=3,
            )
        )
        lines = [f"{textwrap.shorten(s.place.name, 30, placeholder='…')}, {s.date}" for s in here]
        if len(here) > _LISTED:  # a seat many strikes share: a count, not a column of names
            years = sorted({s.date.earliest.year for s in here})
            span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
            lines = [f"{len(here)} strikes placed here, {span}"]
        pending.append(((lon, lat), "\n".join(lines)))

    west, east, south, north = view
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    # degrees of longitude shrink with latitude: drawn so, a circle on the ground is round
    ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    ax.grid(color="#c8c8c8", linewidth=0.5, alpha=0.7)
    ax.set_axisbelow(True)
    ax.set_xlabel("longitude (degrees east)")
    ax.set_ylabel("latitude (degrees north)")
    if not placed:
        ax.text(
            0.5,
            0.5,
            "no strike can be placed from a reference point",
            transform=ax.transAxes,
            ha="center",
            va="center",
            bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "#999999"},
        )

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
            markeredgecolor="#a0a0a0",
            label="dashed circle: how far the\nstrike may lie (geo_radius_m)",
        ),
        Line2D([], [], color=_BORDER, linewidth=1.3, label="international border"),
        Line2D([], [], color=_GOVERNORATE, linewidth=0.9, label="governorate boundary"),
    ]
    key.axis("off")
    key.legend(
        handles=handles,
        loc="upper left",
        title="geo-precision (ACLED)",
        fontsize="small",
        borderaxespad=0,
    )

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
            -0.12,
            textwrap.fill(
                f"{kinds} with no point (no reference gives one for the place, a "
                f"place near it, or its district or governorate): {listed}",
                100,
            ),
            transform=ax.transAxes,
            ha="left",
            va="top",
            fontsize="small",
            bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "#999999"},
        )

    _overview(overview, ground)

    # the labels last, once the layout is final: the reference towns beside their points,
    # then the strikes (beside, or farther out on a leader line), then the countries and
    # governorates in the room left
    _fill(ax)
    labels = _Labeller(ax)
    shown = _bounds(ax)  # the view as drawn, widened to fill the axes
    for town, lon, lat in towns:
        labels.point(
            (lon, lat),
            _town_label(town),
            near=True,
            fontsize="x-small",
            color="#555555",
            zorder=5,
            bbox=_UNDERLAY,
        )
    for xy, text in pending:
        labels.point(xy, text, required=True, fontsize="small", zorder=6, bbox=_UNDERLAY)
    _label_areas(labels, ground, shown)
    _outline(overview, shown)
    _label_areas(_Labeller(overview), ground, _bounds(overview), small=True)
    return fig


def _town_label(town: Place) -> str:
    ref = town.reference
    assert ref is not None
    seat = [f"{ref.governorate} Gov."] if ref.governorate == town.name else []
    if ref.district == town.name:
        seat.append(f"{ref.district} Dist.")
    return town.name + (f" (seat: {', '.join(seat)})" if seat else "")


# --- the ground --------------------------------------------------------------------------

#: (west, east, south, north) in degrees.
View = tuple[float, float, float, float]


def _view(points: Sequence[tuple[float, float]]) -> View:
    """The area around the points, with room for their labels."""
    lons = [x for x, _ in points]
    lats = [y for _, y in points]
    pad = max(0.2, 0.2 * max(max(lons) - min(lons), max(lats) - min(lats)))
    # room for the labels: the strikes' (long, mostly right of their points) and the towns'
    west, east = min(lons) - 1.6 * pad, max(lons) + 2.4 * pad
    south, north = min(lats) - 1.5 * pad, max(lats) + 1.5 * pad
    return west, east, south, north


def _syria(ground: Boundaries) -> View:
    """Syria whole, with a margin: the view when no strike can be placed."""
    xs = [x for p in ground.country("SYR").polygons for x, _ in p[0]]
    ys = [y for p in ground.country("SYR").polygons for _, y in p[0]]
    return min(xs) - 0.3, max(xs) + 0.3, min(ys) - 0.3, max(ys) + 0.3


def _fill(ax: matplotlib.axes.Axes) -> None:
    """Widen (or heighten) the view to fill the room the layout gives the map: more ground."""
    figure = ax.get_figure(root=True)
    assert figure is not None
    figure.draw_without_rendering()
    room = ax.get_position(original=True).transformed(figure.transFigure)
    west, east, south, north = _bounds(ax)
    aspect = float(ax.get_aspect())
    wide = (east - west) / ((north - south) * aspect)  # the view's width over its height, drawn
    if wide < room.width / room.height:
        grow = (room.width / room.height * (north - south) * aspect - (east - west)) / 2
        ax.set_xlim(west - grow, east + grow)
    else:
        grow = ((east - west) / (aspect * room.width / room.height) - (north - south)) / 2
        ax.set_ylim(south - grow, north + grow)


def _bounds(ax: matplotlib.axes.Axes) -> View:
    (west, east), (south, north) = ax.get_xlim(), ax.get_ylim()
    return west, east, south, north


def _ground(
    ax: matplotlib.axes.Axes, ground: Boundaries, view: View, *, governorates: bool
) -> None:
    """Sea, land (Syria white, its neighbours grey), borders, governorates and the coast."""
    from matplotlib.collections import LineCollection
    from matplotlib.patches import PathPatch, Rectangle

    west, south, east, north = ground.box
    ax.add_patch(
        Rectangle((west, south), east - west, north - south, color=_SEA, zorder=0, gid=SEA_GID)
    )
    for area in ground.countries:
        if _meets(area, view):
            colour = _SYRIA if area.code == "SYR" else _NEIGHBOUR
            patch = PathPatch(_path(area), facecolor=colour, edgecolor="none", zorder=0.2)
            patch.set_gid(LAND_GID)
            ax.add_patch(patch)
    style = {
        "coast": (_COAST, 0.7, COAST_GID),
        "governorate-boundary": (_GOVERNORATE, 0.9, GOVERNORATE_GID),
        "border": (_BORDER, 1.3, BORDER_GID),
    }
    for line in ground.lines:
        if line.kind == "governorate-boundary" and not governorates:
            continue
        colour, width, gid = style[line.kind]
        parts = [list(part) for part in line.parts]
        ax.add_collection(
            LineCollection(
                parts,
                colors=colour,
                linewidths=width,
                zorder=1.5 if line.kind == "border" else 1.2,
                gid=gid,
                # named for tests and readers of the figure; "_" keeps it out of the legend
                label=f"_{gid} {'-'.join(line.between)}".rstrip(),
                capstyle="round",
                joinstyle="round",
            ),
            autolim=False,
        )


def _overview(ax: matplotlib.axes.Axes, ground: Boundaries) -> None:
    """Syria and its neighbours: where on earth the map is (``_outline`` marks the area)."""
    west, east, south, north = _syria(ground)
    _ground(ax, ground, (west, east, south, north), governorates=False)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title("the map's area (red)", fontsize="small")
    ax.set_xlabel(ground.credit, fontsize="x-small", color="#666666")


def _outline(ax: matplotlib.axes.Axes, view: View) -> None:
    """Outline on the overview the area the map shows."""
    from matplotlib.patches import Rectangle

    west, east, south, north = view
    outline = Rectangle(
        (west, south), east - west, north - south, fill=False, edgecolor="#b2182b", lw=1.4
    )
    outline.set(zorder=3, gid=VIEW_GID, clip_on=True)
    ax.add_patch(outline)


def _meets(area: Area, view: View) -> bool:
    west, east, south, north = view
    return any(
        min(x for x, _ in p[0]) < east
        and max(x for x, _ in p[0]) > west
        and min(y for _, y in p[0]) < north
        and max(y for _, y in p[0]) > south
        for p in area.polygons
    )


def _path(area: Area) -> Any:
    """One matplotlib path of every ring of ``area`` (holes wind the other way: left open)."""
    from matplotlib.path import Path

    return Path.make_compound_path(*(Path(ring, closed=True) for p in area.polygons for ring in p))


def _inside(area: Area) -> Callable[[Any], Any]:
    """A test of many points at once (an array of (lon, lat)): inside ``area``?"""
    import numpy as np
    from matplotlib.path import Path

    rings = [Path(ring) for p in area.polygons for ring in p]

    def test(xy: Any) -> Any:
        inside = np.zeros(len(xy), dtype=bool)
        for ring in rings:
            inside ^= ring.contains_points(xy)
        return inside

    return test


# --- the labels --------------------------------------------------------------------------


class _Labeller:
    """Labels placed one by one where they cover no marker, no other label and no edge.

    Greedy: each label takes the first of its candidate spots (nearest its point first)
    where its text, and its leader line if it stands off, covers nothing already placed
    and stays inside the axes. A required label (a strike's) that finds none takes the
    first spot where it covers only labels that are not required, and those are dropped
    (failing that, the spot where it covers least); a label not required that finds no
    spot is left out. A label's size is measured once
    and its spots tried by arithmetic; only the chosen one is drawn. Labels are left out
    of the layout, so placing them does not move the axes; the layout is made final
    before the first one is placed.
    """

    def __init__(self, ax: matplotlib.axes.Axes) -> None:
        import numpy as np

        self.ax = ax
        figure = ax.get_figure(root=True)
        assert figure is not None
        figure.draw_without_rendering()  # lays the figure out, so that extents are final
        self.renderer = figure._get_renderer()  # type: ignore[attr-defined]
        frame = ax.get_window_extent()
        self.frame = (frame.x0, frame.y0, frame.x1, frame.y1)
        self.points = figure.dpi / 72
        reach = 7 * self.points  # half a strike marker, and a little room
        taken = [_extents(_text_box(t)) for t in ax.texts]
        for c in ax.collections:
            if c.get_gid() in (STRIKE_GID, CONTEXT_GID):
                for x, y in ax.transData.transform(c.get_offsets()):
                    taken.append((x - reach, y - reach, x + reach, y + reach))
        self.taken = np.array(taken, dtype=float).reshape(-1, 4)
        #: for each box taken, the label that may give it up (None: a marker, a required
        #: label or its leader, which stay)
        self.owners: list[Any] = [None] * len(taken)

    def clash(self, boxes: Any, *, hard: bool = False) -> Any:
        """How much each box covers of what is taken, or lies outside the axes (0: nothing).

        Boxes are (x0, y0, x1, y1) in pixels; with ``hard``, only what cannot be given up
        counts (markers, required labels and their leaders).
        """
        import numpy as np

        boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
        pad = self.points  # a point of room between labels
        x0, y0, x1, y1 = (boxes[:, i, None] for i in range(4))
        t = self.taken[[o is None for o in self.owners]] if hard else self.taken
        w = np.clip(np.minimum(x1 + pad, t[:, 2]) - np.maximum(x0 - pad, t[:, 0]), 0, None)
        h = np.clip(np.minimum(y1 + pad, t[:, 3]) - np.maximum(y0 - pad, t[:, 1]), 0, None)
        covered = (w * h).sum(axis=1)
        fx0, fy0, fx1, fy1 = self.frame
        inside_w = np.clip(np.minimum(x1, fx1) - np.maximum(x0, fx0), 0, None)
        inside_h = np.clip(np.minimum(y1, fy1) - np.maximum(y0, fy0), 0, None)
        outside = (x1 - x0) * (y1 - y0) - inside_w * inside_h
        total = covered + 10 * outside.ravel()
        return np.where(total < 0.01, 0.0, total)  # boxes that only touch (rounding) are free

    def take(self, boxes: Any, owner: Any = None) -> None:
        import numpy as np

        boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
        self.taken = np.vstack([self.taken, boxes])
        self.owners += [owner] * len(boxes)

    def evict(self, boxes: Any) -> None:
        """Drop the labels, not required, that ``boxes`` cover."""
        import numpy as np

        keep = np.ones(len(self.owners), dtype=bool)
        for row, owner in enumerate(self.owners):
            if owner is not None and self.clash_one(boxes, self.taken[row]):
                keep &= np.array([o is not owner for o in self.owners])
                if owner.axes is not None:
                    owner.remove()
        self.taken = self.taken[keep]
        self.owners = [o for o, k in zip(self.owners, keep, strict=True) if k]

    def clash_one(self, boxes: Any, other: Any) -> bool:
        """Whether any of ``boxes`` (with the point of room) covers the box ``other``."""
        pad = self.points
        return any(
            min(x1 + pad, other[2]) - max(x0 - pad, other[0]) > 0
            and min(y1 + pad, other[3]) - max(y0 - pad, other[1]) > 0
            for x0, y0, x1, y1 in boxes
        )

    def size(self, text: str, **style: Any) -> tuple[float, float]:
        """The width and height (pixels) ``text`` takes in ``style``."""
        probe = self.ax.text(0, 0, text, **style)
        box = probe.get_window_extent(self.renderer)
        probe.remove()
        return box.width, box.height

    def point(
        self,
        xy: tuple[float, float],
        text: str,
        *,
        required: bool = False,
        near: bool = False,
        **style: Any,
    ) -> matplotlib.text.Annotation | None:
        """Label the point ``xy`` beside it, or (unless ``near``) farther out on a leader."""
        corners = [(1, 1), (1, -1), (-1, 1), (-1, -1)]
        spots = [(8 * sx, 6 * sy, sx, sy) for sx, sy in corners]
        spots += [(9, 0, 1, 0), (-9, 0, -1, 0), (0, 9, 0, 1), (0, -9, 0, -1)]
        if not near:
            sides = [*corners, (1, 0), (-1, 0), (0, 1), (0, -1)]
            spots += [(d * sx, d * sy, sx, sy) for d in (22, 40, 60, 90) for sx, sy in sides]
        width, height = self.size(text, **style)
        px, py = self.ax.transData.transform(xy)
        tried = []
        for dx, dy, sx, sy in spots:
            ax_, ay = px + dx * self.points, py + dy * self.points  # the text's anchor
            x0 = ax_ - {1: 0, -1: width, 0: width / 2}[sx]
            y0 = ay - {1: 0, -1: height, 0: height / 2}[sy]
            line = self._leader((px, py), (dx, dy)) if abs(dx) > 10 or abs(dy) > 10 else []
            boxes = [(x0, y0, x0 + width, y0 + height), *line]
            tried.append(((dx, dy, sx, sy), boxes))
            if float(self.clash(boxes).sum()) == 0:
                break
        else:
            if not required:
                return None
            # no free spot: the one that covers least of the labels that can be dropped and
            # nothing else, or failing that the one that covers least
            scores = [
                (float(self.clash(b, hard=True).sum()), float(self.clash(b).sum()))
                for _, b in tried
            ]
            tried.append(tried[scores.index(min(scores))])
            self.evict(tried[-1][1])
        (dx, dy, sx, sy), boxes = tried[-1]
        line = boxes[1:]
        label = self.ax.annotate(
            text,
            xy,
            xytext=(dx, dy),
            textcoords="offset points",
            ha={1: "left", -1: "right", 0: "center"}[sx],
            va={1: "bottom", -1: "top", 0: "center"}[sy],
            arrowprops={"arrowstyle": "-", "color": "#555555", "lw": 0.6, "shrinkB": 5}
            if line
            else None,
            **style,
        )
        label.set_in_layout(False)
        # later labels keep off its leader too; a required label is never given up
        self.take([_extents(_text_box(label)), *line], None if required else label)
        return label

    def _leader(self, start: tuple[float, float], offset: tuple[float, float]) -> list[Any]:
        """Small boxes along a leader line, from beside the marker to the label's corner."""
        dx, dy = offset[0] * self.points, offset[1] * self.points
        length = math.hypot(dx, dy)
        reach, step, half = 8 * self.points, 3 * self.points, 0.75 * self.points
        dots = []
        for i in range(int((length - reach) / step) + 1):
            t = (reach + i * step) / length
            x, y = start[0] + t * dx, start[1] + t * dy
            dots.append((x - half, y - half, x + half, y + half))
        return dots

    def area(self, area: Area, text: str, view: View, **style: Any) -> matplotlib.text.Text | None:
        """Label ``area`` inside its visible part, wholly within it, or leave it unlabelled."""
        import numpy as np

        west, east, south, north = view
        columns, rows = np.meshgrid(np.linspace(0.05, 0.95, 16), np.linspace(0.05, 0.95, 14))
        spots = np.column_stack(
            [west + columns.ravel() * (east - west), south + rows.ravel() * (north - south)]
        )
        inside = _inside(area)
        spots = spots[inside(spots)]
        if not len(spots):
            return None
        spots = spots[np.argsort(((spots - spots.mean(axis=0)) ** 2).sum(axis=1))]
        width, height = self.size(text, ha="center", va="center", **style)
        centres = self.ax.transData.transform(spots)
        boxes = np.column_stack(
            [
                centres[:, 0] - width / 2,
                centres[:, 1] - height / 2,
                centres[:, 0] + width / 2,
                centres[:, 1] + height / 2,
            ]
        )
        to_data = self.ax.transData.inverted()
        free = self.clash(boxes) == 0
        for i in np.flatnonzero(free):
            x0, y0, x1, y1 = boxes[i]
            corners = to_data.transform([(x0, y0), (x0, y1), (x1, y0), (x1, y1)])
            if inside(corners).all():
                lon, lat = spots[i]
                label = self.ax.text(lon, lat, text, ha="center", va="center", **style)
                label.set_in_layout(False)
                self.take([_extents(label.get_window_extent(self.renderer))])
                return label
        return None


def _label_areas(labels: _Labeller, ground: Boundaries, view: View, *, small: bool = False) -> None:
    """Name the countries (capitals) and, on the map itself, the governorates in view."""
    for area in ground.countries:
        if _meets(area, view):
            labels.area(
                area,
                area.name.upper(),
                view,
                fontsize="x-small" if small else "medium",
                color="#8a8a8a",
                fontweight="bold",
                gid=AREA_LABEL_GID,
                zorder=2,
            )
    if small:
        return
    for area in ground.governorates:
        if _meets(area, view):
            labels.area(
                area,
                f"{area.name} governorate",
                view,
                fontsize="small",
                fontstyle="italic",
                color="#7d6a93",
                gid=AREA_LABEL_GID,
                zorder=2,
            )


def _extents(box: matplotlib.transforms.Bbox) -> tuple[float, float, float, float]:
    return box.x0, box.y0, box.x1, box.y1


def _text_box(label: matplotlib.text.Text) -> matplotlib.transforms.Bbox:
    """The extent of a label's text alone, without an annotation's leader line."""
    from matplotlib.text import Text

    figure = label.get_figure(root=True)
    renderer = figure._get_renderer()  # type: ignore[union-attr]
    label.get_window_extent(renderer)  # places the text where the annotation puts it
    return Text.get_window_extent(label, renderer)


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
