"""The timeline and the map, rendered headless and checked on the bundled data."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import subprocess
import sys
from collections.abc import Callable, Iterator

import numpy as np
import pytest

import idlibstrikes as isk
from idlibstrikes._defaults import map as strike_map
from idlibstrikes._defaults import timeline

matplotlib = pytest.importorskip("matplotlib")

from matplotlib.axes import Axes  # noqa: E402
from matplotlib.collections import LineCollection, PathCollection  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.dates import ConciseDateFormatter, date2num  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.inset import InsetIndicator  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.markers import MarkerStyle  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402

DAY = dt.timedelta(days=1)
WHITE = (1.0, 1.0, 1.0, 1.0)


def num(day: dt.date) -> float:
    return float(date2num(day))


def by_date(strikes: tuple[isk.Strike, ...]) -> list[isk.Strike]:
    return sorted(strikes, key=lambda s: (s.date.earliest, s.date.latest, s.id))


def targets(strike: isk.Strike) -> list[str]:
    return [t.name for t in strike.targets] or ["no target named"]


def legend_texts(fig: Figure) -> list[str]:
    legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes)]
    return [t.get_text() for leg in legends if leg is not None for t in leg.get_texts()]


def spans(ax: Axes, gid: str = "ceasefire") -> list[Patch]:
    return [p for p in ax.patches if p.get_gid() == gid]


def ceasefire_spans(fig: Figure) -> list[Patch]:
    return spans(fig.axes[0])


def x_extent(patch: Patch) -> tuple[float, float]:
    # axvspan returns a Rectangle (matplotlib >= 3.9) or a Polygon (older): mapping the
    # path through the patch transform gives data x for both.
    xs = patch.get_patch_transform().transform(patch.get_path().vertices)[:, 0]
    return float(xs.min()), float(xs.max())


def extents_of(ax: Axes, name: str) -> list[float]:
    """The x extents of a ceasefire's spans (found by its name in their label), in order."""
    found = sorted(
        x_extent(p) for p in ax.patches if p.get_gid() and name in p.get_label().replace("\n", " ")
    )
    return [x for extent in found for x in extent]


def points(ax: Axes) -> Iterator[tuple[int, float, PathCollection]]:
    """(row, x, artist) of each strike point: one artist per strike and target."""
    for c in ax.collections:
        if isinstance(c, PathCollection) and c.get_gid() == "strike":
            ((x, y),) = c.get_offsets()
            yield round(float(y)), float(x), c


def bars(ax: Axes) -> Iterator[tuple[int, tuple[float, float], LineCollection]]:
    for c in ax.collections:
        if isinstance(c, LineCollection) and c.get_gid() == "strike":
            (((x0, y), (x1, _)),) = c.get_segments()
            yield round(float(y)), (float(x0), float(x1)), c


def shape(path: object) -> list[list[float]]:
    return np.round(path.vertices, 6).tolist()  # type: ignore[attr-defined]


def marker_shape(marker: object) -> list[list[float]]:
    style = MarkerStyle(marker)  # type: ignore[arg-type]
    return shape(style.get_path().transformed(style.get_transform()))


@pytest.fixture(scope="module")
def line(data: isk.Dataset) -> Figure:
    return timeline(data)


@pytest.fixture(scope="module")
def placed(data: isk.Dataset) -> Figure:
    return strike_map(data)


def test_the_bundled_data_is_what_these_tests_expect(data: isk.Dataset) -> None:
    assert len(data.strikes) == 11
    assert len(data.ceasefires) == 3
    assert {s.place.name for s in data.strikes if s.place.coordinates} == {"al-Jinah", "Kafranbel"}
    assert {s.perpetrator.name for s in data.strikes} == {
        "US military",
        "US-led coalition",
        "Syrian government forces",
        "Hayat Tahrir al-Sham",
        "Turkey",
    }
    # Hurras al-Din is named second in 2019 (after "al-Qaeda in Syria"), first in 2025.
    had = [
        targets(s).index("Hurras al-Din") for s in by_date(data.strikes_by_group("Hurras al-Din"))
    ]
    assert had == [1, 1, 0, 0]
    assert sum(s.date.earliest.year == 2019 for s in data.strikes if s.date.is_exact) == 4


def test_timeline_has_one_labelled_row_per_strike(data: isk.Dataset, line: Figure) -> None:
    labels = [t.get_text().split("\n") for t in line.axes[0].get_yticklabels()]
    assert len(labels) == len(data.strikes) == 11
    assert labels[0] == [
        "2014-01-01..2017-06-30  north-west Syria",
        "US-led coalition → no target named",
    ]
    assert ["2017-03-16..2017-03-17  al-Jinah", "US military → al-Qaeda"] in labels
    assert labels[6] == [
        "2019-08-31  training camp just north of Idlib city",
        "US military → al-Qaeda in Syria, Hurras al-Din,",
        "Ansar al-Tawhid",
    ]
    assert labels[-1] == [
        "2025-02-15  motorway near the village of Urum Al Joz",
        "US military → Hurras al-Din",
    ]
    # Every strike has one point per target on its own row, the Turkish air attacks (no
    # known end) at their first day.
    rows = by_date(data.strikes)
    drawn: dict[int, list[str]] = {}
    for y, _, c in points(line.axes[0]):
        drawn.setdefault(y, []).append(c.get_label())
    assert drawn == {y: targets(s) for y, s in enumerate(rows)}


def test_timeline_defaults_to_the_bundled_dataset(line: Figure) -> None:
    default = timeline()  # the whole bundled record
    assert [t.get_text() for t in default.axes[0].get_yticklabels()] == [
        t.get_text() for t in timeline(isk.load()).axes[0].get_yticklabels()
    ]
    assert len(ceasefire_spans(default)) == 3


def test_timeline_gives_each_group_one_colour(data: isk.Dataset, line: Figure) -> None:
    colours: dict[str, set[str]] = {}
    for ax in line.axes:
        for _, _, c in points(ax):
            colours.setdefault(c.get_label(), set()).add(to_hex(c.get_edgecolor()[0]))
            if tuple(c.get_facecolor()[0]) != WHITE:
                colours[c.get_label()].add(to_hex(c.get_facecolor()[0]))
        for _, _, c in bars(ax):
            colours.setdefault(c.get_label(), set()).add(to_hex(c.get_color()[0]))
    named = {t for s in data.strikes for t in targets(s)}
    assert set(colours) == named
    assert all(len(c) == 1 for c in colours.values()), colours
    assert len(colours["Hurras al-Din"]) == 1
    # and no two groups share one
    assert len({c for (c,) in colours.values()}) == len(named)
    # Hurras al-Din's points: two strikes where it is named with others, two alone
    had = [c for ax in line.axes[:1] for _, _, c in points(ax) if c.get_label() == "Hurras al-Din"]
    assert len(had) == 4
    assert len({tuple(c.get_facecolor()[0]) for c in had}) == 1


def test_timeline_shapes_say_who_struck(data: isk.Dataset, line: Figure) -> None:
    rows = by_date(data.strikes)
    shapes: dict[str, set[str]] = {}
    for y, _, c in points(line.axes[0]):
        shapes.setdefault(rows[y].perpetrator.name, set()).add(repr(shape(c.get_paths()[0])))
    assert set(shapes) == {s.perpetrator.name for s in data.strikes}
    assert all(len(s) == 1 for s in shapes.values())
    assert len({next(iter(s)) for s in shapes.values()}) == len(shapes)  # one shape each
    # The legend names every perpetrator, with the shape its points have.
    legend = line.legends[0]
    entries = [
        (t.get_text(), h) for t, h in zip(legend.get_texts(), legend.legend_handles, strict=True)
    ]
    section = [t for t, _ in entries].index("who struck (shape)")
    handles = dict(entries[section + 1 : [t for t, _ in entries].index("")])
    assert list(handles) == [
        "US military",
        "US-led coalition",
        "Syrian government forces",
        "Hayat Tahrir al-Sham",
        "Turkey",
    ]  # most strikes first
    for name, drawn in shapes.items():
        handle = handles[name]
        assert isinstance(handle, Line2D)
        assert {repr(marker_shape(handle.get_marker()))} == drawn, name
    texts = legend_texts(line)
    assert "who struck (shape)" in texts
    assert "whom (colour)" in texts
    # every target is in the legend, not only those named first
    assert {t for s in data.strikes for t in targets(s)} <= set(texts)
    assert "Ansar al-Tawhid" in texts


def test_timeline_bars_run_over_the_date_range(data: isk.Dataset, line: Figure) -> None:
    rows = by_date(data.strikes)
    right = line.axes[0].get_xlim()[1]
    drawn_bars = {(y, c.get_label()): x for y, x, c in bars(line.axes[0])}
    drawn_points = {(y, c.get_label()): x for y, x, c in points(line.axes[0])}
    for y, strike in enumerate(rows):
        # A day runs from its midnight to the next: a range covers its last day.
        first = num(strike.date.earliest)
        last = right if strike.date.open_end else num(strike.date.latest) + 1
        for target in targets(strike):
            if strike.date.is_exact:
                assert (y, target) not in drawn_bars, strike.id
            else:
                assert drawn_bars[y, target] == pytest.approx((first, last)), strike.id
            middle = first if strike.date.open_end else (first + last) / 2
            assert drawn_points[y, target] == pytest.approx(middle), strike.id
    jinah = next(y for y, s in enumerate(rows) if s.id == "2017-03-al-jinah")
    assert drawn_bars[jinah, "al-Qaeda"] == pytest.approx(
        (num(dt.date(2017, 3, 16)), num(dt.date(2017, 3, 18)))
    )


def test_timeline_draws_series_hollow(data: isk.Dataset, line: Figure) -> None:
    rows = by_date(data.strikes)
    hollow = {
        rows[y].id for y, _, c in points(line.axes[0]) if tuple(c.get_facecolor()[0]) == WHITE
    }
    filled = {
        rows[y].id for y, _, c in points(line.axes[0]) if tuple(c.get_facecolor()[0]) != WHITE
    }
    assert hollow == {s.id for s in data.strikes if s.is_series}
    assert len(hollow) == 4
    assert hollow.isdisjoint(filled)


def test_timeline_shades_ceasefires_while_known_in_effect(data: isk.Dataset, line: Figure) -> None:
    ax = line.axes[0]
    right = ax.get_xlim()[1]
    assert len(spans(ax)) == 3
    d = dt.date
    # Sochi: in effect from its start to the last day a dated report certainly shows it
    # (004, 1 September 2019); it may be in effect to 001's last possible day (6
    # September); no source says it ended, so its status is unknown from then on.
    sochi = "Turkey-Russia agreement"
    assert extents_of(ax, sochi) == pytest.approx(
        [
            *(num(d(2018, 9, 17)), num(d(2019, 9, 2))),
            *(num(d(2019, 9, 2)), num(d(2019, 9, 7))),
            *(num(d(2019, 9, 7)), right),
        ]
    )
    # 31 August 2019: in effect to 1 September (the Russian military's Sunday statement,
    # 004), may be to 6 September, then unknown until its only party fell (8 December
    # 2024, the last day it can have ended); nothing after.
    moscow = "ceasefire of 31 August 2019"
    assert extents_of(ax, moscow) == pytest.approx(
        [
            *(num(d(2019, 8, 31)), num(d(2019, 9, 2))),
            *(num(d(2019, 9, 2)), num(d(2019, 9, 7))),
            *(num(d(2019, 9, 7)), num(d(2024, 12, 9))),
        ]
    )
    # 1 August 2019: in effect to 4 August; it ended on 5 August, when it may still hold.
    truce = "truce of 1 August 2019"
    assert extents_of(ax, truce) == pytest.approx(
        [num(d(2019, 8, 1)), num(d(2019, 8, 5)), num(d(2019, 8, 5)), num(d(2019, 8, 6))]
    )
    assert len(spans(ax, "ceasefire-uncertain")) == 3
    assert len(spans(ax, "ceasefire-unknown")) == 2
    # Each span has the status the library gives its days, first and last.
    by_name = {c.name: c for c in data.ceasefires}
    status = {
        "ceasefire": "in_effect",
        "ceasefire-unknown": "unknown",
        "ceasefire-uncertain": "may_be_in_effect",
    }
    for patch in ax.patches:
        if patch.get_gid() not in status:
            continue
        (name,) = [n for n in by_name if n in patch.get_label().replace("\n", " ")]
        first, last = x_extent(patch)
        days = [d.fromordinal(round(first) + 719163)]  # num 0 is 1970-01-01
        if last < right:
            days.append(d.fromordinal(round(last) + 719163) - DAY)
        for day in days:
            assert by_name[name].status_on(day).value == status[patch.get_gid()], (name, day)
        if last < right:
            after = d.fromordinal(round(last) + 719163)
            assert by_name[name].status_on(after).value != status[patch.get_gid()]  # maximal
    texts = " ".join(" ".join(t.split()) for t in legend_texts(line))
    assert (
        "in effect 2018-09-17 to 2019-09-01; may be in effect 2019-09-02 to 2019-09-06; "
        "status unknown from 2019-09-07; no known end"
    ) in texts
    assert "status unknown 2019-09-07 to 2024-12-08; ended by 2024-12-08" in texts
    assert "may be in effect 2019-08-05; ended 2019-08-05" in texts


def test_timeline_zooms_on_the_2019_cluster(data: isk.Dataset, line: Figure) -> None:
    assert len(line.axes) == 2
    ax, zoom = line.axes
    left, right = zoom.get_xlim()
    cluster = [s for s in data.strikes if s.date.earliest.year == 2019]
    # four strikes and one series (the offensive): five records, not "five strikes"
    assert (sum(not s.is_series for s in cluster), sum(s.is_series for s in cluster)) == (4, 1)
    # the zoom covers every day of the five records, and little more
    assert left <= min(num(s.date.earliest) for s in cluster)
    assert max(num(s.date.latest) + 1 for s in cluster) <= right
    assert right - left < 160
    assert zoom.get_title() == "Zoom: 2019-04-10 to 2019-09-11 (boxed above)"
    # its rows are those five records, with their labels, each drawn as on the whole axis
    labels = [t.get_text() for t in zoom.get_yticklabels()]
    assert [s.split("\n")[0] for s in labels] == [
        f"{s.date}  {s.place.name}" for s in by_date(tuple(cluster))
    ]
    whole = {(y, c.get_label()): x for y, x, c in points(ax)}
    near = {(y, c.get_label()): x for y, x, c in points(zoom)}
    assert near == {k: v for k, v in whole.items() if k[0] in range(3, 8)}
    # the zoom's points are far enough apart to tell apart: 2019-08-27 and 2019-08-31
    line.draw_without_rendering()
    xs = sorted({round(x, 3) for x in near.values()})
    pixels = zoom.transData.transform([(x, 0) for x in xs])[:, 0]
    assert min(np.diff(pixels)) > 15
    # ceasefires are shaded there too, and the whole axis boxes the zoom
    assert {p.get_gid() for p in zoom.patches if p.get_gid()} >= {"ceasefire", "ceasefire-unknown"}
    (box,) = [c for c in ax.get_children() if isinstance(c, InsetIndicator)]
    assert box.rectangle.get_bbox().bounds == pytest.approx((left, 7.5, right - left, -5.0))


def test_timeline_labels_do_not_overlap(line: Figure) -> None:
    line.draw_without_rendering()
    for ax in line.axes:
        boxes = [t.get_window_extent() for t in ax.get_yticklabels()]
        for upper, lower in itertools.pairwise(boxes):
            assert not upper.overlaps(lower)
    legends = [leg.get_window_extent() for leg in line.legends]
    axes = [ax.get_window_extent() for ax in line.axes]
    for legend in legends:
        assert not any(legend.overlaps(a) for a in axes)
    assert not Bbox.intersection(legends[0], legends[1])


def test_timeline_zoom_can_be_chosen_or_left_out(data: isk.Dataset) -> None:
    assert len(timeline(data, zoom=False).axes) == 1
    fig = timeline(data, zoom=("2025-01", "2025-02"))
    assert fig.axes[1].get_xlim() == (num(dt.date(2025, 1, 1)), num(dt.date(2025, 3, 1)))
    labels = [t.get_text().split("\n")[0] for t in fig.axes[1].get_yticklabels()]
    assert labels == [
        "2025-01-30  north-west Syria",
        "2025-02-15  motorway near the village of Urum Al Joz",
    ]
    with pytest.raises(ValueError, match="no strike in the zoom period"):
        timeline(data, zoom=("2021", "2022"))
    with pytest.raises(isk.InvalidPeriodError):
        timeline(data, zoom=("2019-13", "2020"))


def test_timeline_x_axis_is_dates_covering_every_strike(data: isk.Dataset, line: Figure) -> None:
    ax = line.axes[0]
    left, right = ax.get_xlim()
    earliest = min(s.date.earliest for s in data.strikes)
    latest = max(s.date.latest for s in data.strikes if not s.date.open_end)
    assert (earliest, latest) == (dt.date(2014, 1, 1), dt.date(2025, 2, 15))
    assert left <= num(earliest) < num(latest) + 1 <= right
    assert right - left < (num(latest) - num(earliest)) * 1.1  # padded, not stretched
    assert isinstance(ax.xaxis.get_major_formatter(), ConciseDateFormatter)
    line.draw_without_rendering()
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert "2014" in ticks
    assert "2024" in ticks


def test_timeline_of_a_subset(data: isk.Dataset) -> None:
    had = data.strikes_by_group("Hurras al-Din")
    fig = timeline(had)
    labels = [t.get_text().split("\n")[0] for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == 4
    assert labels == [f"{s.date}  {s.place.name}" for s in had]
    assert len(fig.axes) == 1  # two pairs of strikes are not a crowd
    assert [p for p in fig.axes[0].patches if p.get_gid()] == []  # strikes carry no ceasefires
    left, right = fig.axes[0].get_xlim()
    assert left <= num(dt.date(2019, 6, 30))
    assert num(dt.date(2025, 2, 16)) <= right
    assert right < num(dt.date(2025, 12, 31))
    assert {t for t in legend_texts(fig) if "→" not in t} >= {"US military", "Hurras al-Din"}


def test_timeline_clips_ceasefires_to_the_strikes(data: isk.Dataset) -> None:
    late = data.strikes_between("2025")
    fig = timeline(late, ceasefires=data.ceasefires, title="2025")
    assert fig.axes[0].get_title() == "2025"
    left, right = fig.axes[0].get_xlim()
    # None is known to be in effect in 2025: the August 2019 truce ended that month, the
    # 31 August 2019 ceasefire by the fall of its only party (8 December 2024); the Sochi
    # agreement has no known end, and no report since 2019: its status is unknown.
    assert ceasefire_spans(fig) == []
    (unknown,) = spans(fig.axes[0], "ceasefire-unknown")
    assert "Turkey-Russia agreement" in unknown.get_label()
    assert x_extent(unknown) == pytest.approx((left, right))
    texts = " ".join(" ".join(t.split()) for t in legend_texts(fig))
    assert "Turkey-Russia" in texts
    assert "31 August 2019" not in texts  # not drawn, so not in the legend


def test_timeline_rejects_nothing_and_non_strikes(data: isk.Dataset) -> None:
    with pytest.raises(ValueError, match="no strikes"):
        timeline([])
    with pytest.raises(TypeError, match="expected Strike records, found str"):
        timeline(["2019-06-30"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="expected Ceasefire records, found Strike"):
        timeline(data.strikes, ceasefires=data.strikes)  # type: ignore[arg-type]


def test_map_places_each_strike_where_the_tables_do(data: isk.Dataset, placed: Figure) -> None:
    rows = [r for r in data.to_records("strikes") if r["latitude"] is not None]
    points = [c for c in placed.axes[0].collections if c.get_gid() == "strike"]
    drawn = sorted(tuple(map(float, xy)) for c in points for xy in c.get_offsets())
    assert drawn == sorted((r["longitude"], r["latitude"]) for r in rows)
    assert len(drawn) == 7
    assert placed.axes[0].get_title() == (
        "Strikes placed from reference points: 7 of 7 (precision 1: 2, 2: 1, 3: 4)\n"
        "and series of strikes: 0 of 4"
    )
    # a degree of longitude drawn as long as it is at the map's latitude (about 36 N)
    assert placed.axes[0].get_aspect() == pytest.approx(1 / np.cos(np.radians(36)), rel=0.02)
    assert placed.axes[0].get_xlabel().startswith("longitude")


def test_map_marks_each_points_precision(placed: Figure) -> None:
    assert legend_texts(placed) == [
        "1: the place itself",
        "2: near a place",
        "3: district or governorate seat",
        "reference town: a cited\nreference's point (not a strike)",
        "dashed circle: how far the\nstrike may lie (geo_radius_m)",
        "international border",
        "governorate boundary",
    ]
    by_label = {c.get_label(): c for c in placed.axes[0].collections}
    assert by_label["2: near a place"].get_offsets().tolist() == [[36.6718, 36.0115]]
    labels = [t.get_text() for t in placed.axes[0].texts]
    assert "Kafranbel, 2019-08-31" in labels
    assert "al-Jinah, 2017-03-16..2017-03-17" in labels


def test_map_draws_the_reference_towns_as_context(data: isk.Dataset, placed: Figure) -> None:
    towns = [c for c in placed.axes[0].collections if c.get_gid() == "context"]
    drawn = sorted(tuple(map(float, xy)) for c in towns for xy in c.get_offsets())
    with_points = [p for p in data.places if p.reference and p.reference.coordinates]
    assert len(drawn) == len(with_points) == 6
    labels = [t.get_text() for t in placed.axes[0].texts]
    assert "Idlib (seat: Idlib Gov., Idlib Dist.)" in labels
    assert "Ariha (seat: Ariha Dist.)" in labels
    assert "Maarrat Misrin" in labels


def test_map_labels_cover_no_point_and_no_other_label(placed: Figure) -> None:
    ax = placed.axes[0]
    placed.draw_without_rendering()
    frame = ax.get_window_extent()
    strike_labels = [t for t in ax.texts if ", 20" in t.get_text()]
    assert len(strike_labels) == 6  # seven strikes, two of them at one point
    boxes = [Text.get_window_extent(t) for t in strike_labels]  # without leader lines
    others = [t.get_window_extent() for t in ax.texts if t not in strike_labels]
    dots = [
        xy
        for c in ax.collections
        if c.get_gid() in ("strike", "context")
        for xy in ax.transData.transform(c.get_offsets())
    ]
    for i, box in enumerate(boxes):
        assert frame.contains(box.x0, box.y0)
        assert frame.contains(box.x1, box.y1)
        assert not any(box.overlaps(b) for j, b in enumerate(boxes) if j != i)
        assert not any(box.overlaps(b) for b in others if frame.overlaps(b))
        assert not any(box.contains(x, y) for x, y in dots)


def test_map_names_the_strikes_it_cannot_place(data: isk.Dataset, placed: Figure) -> None:
    (box,) = [t.get_text() for t in placed.axes[0].texts if "no point" in t.get_text()]
    box = " ".join(box.split())
    assert box.startswith("4 series with no point (no reference gives one")
    for strike in data.strikes:
        if strike.is_series:
            assert strike.place.name in box, strike.id
    assert "Kafranbel" not in box


def test_map_of_a_result_uses_its_datasets_gazetteer(data: isk.Dataset) -> None:
    had = data.strikes_by_group("Hurras al-Din")
    fig = strike_map(had)
    points = [c for c in fig.axes[0].collections if c.get_gid() == "strike"]
    assert sum(len(c.get_offsets()) for c in points) == 4
    assert fig.axes[0].get_title().startswith("Strikes placed from reference points: 4 of 4")
    nothing = strike_map([data.strike("2019-idlib-offensive")])
    texts = " ".join(" ".join(t.get_text().split()) for t in nothing.axes[0].texts)
    assert "no strike can be placed from a reference point" in texts
    assert "1 series with no point" in texts


@pytest.mark.parametrize("draw", [timeline, strike_map])
def test_figures_save_as_png(draw: Callable[[], Figure]) -> None:
    out = io.BytesIO()
    draw().savefig(out, format="png")
    assert out.getvalue().startswith(b"\x89PNG\r\n\x1a\n")
    assert len(out.getvalue()) > 10_000


@pytest.mark.parametrize("name", ["timeline", "map"])
def test_without_matplotlib_the_error_names_the_extra(name: str) -> None:
    code = (
        "import sys\n"
        "sys.modules['matplotlib'] = None\n"
        "from idlibstrikes import _defaults\n"
        "try:\n"
        f"    _defaults.{name}()\n"
        "except ImportError as exc:\n"
        "    print(type(exc.__cause__).__name__)\n"
        "    print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    cause, message = done.stdout.strip().split("\n")
    assert cause == "ModuleNotFoundError", done.stderr
    assert message == (
        f"idlibstrikes.{name}() needs matplotlib; install it with pip install matplotlib "
        "(the [plot] extra)"
    )


def test_importing_the_plot_module_does_not_import_matplotlib() -> None:
    code = (
        "import sys\n"
        "import idlibstrikes, idlibstrikes._plot, idlibstrikes._timeline, idlibstrikes._map\n"
        "print('matplotlib' not in sys.modules and 'matplotlib.figure' not in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "True", done.stderr
