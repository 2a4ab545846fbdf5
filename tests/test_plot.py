"""The timeline and the map, rendered headless and checked on the bundled data."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from collections.abc import Callable

import pytest

import idlibstrikes as isk
from idlibstrikes._plot import map as strike_map
from idlibstrikes._plot import timeline

matplotlib = pytest.importorskip("matplotlib")

from matplotlib.collections import LineCollection, PathCollection  # noqa: E402
from matplotlib.dates import ConciseDateFormatter, date2num  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402


def num(day: dt.date) -> float:
    return float(date2num(day))


def legend_texts(fig: Figure) -> list[str]:
    legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes)]
    return [t.get_text() for leg in legends if leg is not None for t in leg.get_texts()]


def ceasefire_spans(fig: Figure) -> list[Patch]:
    return [p for p in fig.axes[0].patches if p.get_gid() == "ceasefire"]


def x_extent(patch: Patch) -> tuple[float, float]:
    # axvspan returns a Rectangle (matplotlib >= 3.9) or a Polygon (older): mapping the
    # path through the patch transform gives data x for both.
    xs = patch.get_patch_transform().transform(patch.get_path().vertices)[:, 0]
    return float(xs.min()), float(xs.max())


def points_by_row(fig: Figure) -> dict[int, PathCollection]:
    rows = {}
    for c in fig.axes[0].collections:
        if isinstance(c, PathCollection):
            (_, y), *_ = c.get_offsets()
            rows[round(float(y))] = c
    return rows


def bars_by_row(fig: Figure) -> dict[int, tuple[float, float]]:
    bars = {}
    for c in fig.axes[0].collections:
        if isinstance(c, LineCollection):
            ((x0, y), (x1, _)), *_ = c.get_segments()
            bars[round(float(y))] = (float(x0), float(x1))
    return bars


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


def test_timeline_has_one_labelled_row_per_strike(data: isk.Dataset, line: Figure) -> None:
    labels = [t.get_text() for t in line.axes[0].get_yticklabels()]
    assert len(labels) == len(data.strikes) == 11
    assert labels[0] == "2014-01-01..2017-06-30  north-west Syria"
    assert "2017-03-16..2017-03-17  al-Jinah" in labels
    assert labels[-1] == "2025-02-15  motorway near the village of Urum Al Joz"
    # One point per strike with both ends known, each on its own row; the Turkish air
    # attacks, going on when 000 appeared, have no known end and so no middle.
    rows = sorted(data.strikes, key=lambda s: (s.date.earliest, s.date.latest, s.id))
    bounded = [y for y, s in enumerate(rows) if not s.date.open_end]
    assert sorted(points_by_row(line)) == bounded == [y for y in range(11) if y != 8]


def test_timeline_defaults_to_the_bundled_dataset(line: Figure) -> None:
    default = timeline()
    assert [t.get_text() for t in default.axes[0].get_yticklabels()] == [
        t.get_text() for t in line.axes[0].get_yticklabels()
    ]
    assert len(ceasefire_spans(default)) == 3


def test_timeline_legend_names_the_first_targets(data: isk.Dataset, line: Figure) -> None:
    texts = legend_texts(line)
    assert "Hurras al-Din" in texts
    assert "no target named" in texts  # the Kafranbel shelling names no target
    expected = {s.targets[0].name for s in data.strikes if s.targets} | {"no target named"}
    assert expected <= set(texts)
    # Only first-named targets: Ansar al-Tawhid is only ever named third.
    assert "Ansar al-Tawhid" not in texts


def test_timeline_bars_run_over_the_date_range(data: isk.Dataset, line: Figure) -> None:
    rows = sorted(data.strikes, key=lambda s: (s.date.earliest, s.date.latest, s.id))
    bars = bars_by_row(line)
    points = points_by_row(line)
    right = line.axes[0].get_xlim()[1]
    for y, strike in enumerate(rows):
        first = num(strike.date.earliest)
        last = right if strike.date.open_end else num(strike.date.latest)
        if strike.date.is_exact:
            assert y not in bars, strike.id
        else:
            assert bars[y] == pytest.approx((first, last)), strike.id
        if not strike.date.open_end:
            assert points[y].get_offsets()[0][0] == pytest.approx((first + last) / 2), strike.id
    jinah = next(y for y, s in enumerate(rows) if s.id == "2017-03-al-jinah")
    assert bars[jinah] == pytest.approx((num(dt.date(2017, 3, 16)), num(dt.date(2017, 3, 17))))


def test_timeline_draws_series_hollow(data: isk.Dataset, line: Figure) -> None:
    rows = sorted(data.strikes, key=lambda s: (s.date.earliest, s.date.latest, s.id))
    points = points_by_row(line)
    white = (1.0, 1.0, 1.0, 1.0)
    hollow = {
        s.id
        for y, s in enumerate(rows)
        if y in points and tuple(points[y].get_facecolor()[0]) == white
    }
    assert hollow == {s.id for s in data.strikes if s.is_series and not s.date.open_end}
    assert len(hollow) == 3


def test_timeline_shades_each_ceasefire(data: isk.Dataset, line: Figure) -> None:
    spans = ceasefire_spans(line)
    assert len(spans) == 3
    right = line.axes[0].get_xlim()[1]
    by_name = {c.name: c for c in data.ceasefires}
    for span in spans:
        (name,) = [n for n in by_name if n in span.get_label().replace("\n", " ")]
        ceasefire = by_name[name]
        first, last = x_extent(span)
        assert first == pytest.approx(num(ceasefire.start.earliest))
        if ceasefire.end is None:
            assert last == pytest.approx(right)  # not known to have ended: to the edge
        else:
            assert last == pytest.approx(num(ceasefire.end.latest))
    truce = next(s for s in spans if "1 August 2019" in s.get_label())
    # "lasted only a few days" (3-8 August) and the reference's 5 August: ended 5 August
    assert x_extent(truce) == pytest.approx((num(dt.date(2019, 8, 1)), num(dt.date(2019, 8, 5))))
    assert any("no known end" in t.replace("\n", " ") for t in legend_texts(line))


def test_timeline_x_axis_is_dates_covering_every_strike(data: isk.Dataset, line: Figure) -> None:
    ax = line.axes[0]
    left, right = ax.get_xlim()
    earliest = min(s.date.earliest for s in data.strikes)
    latest = max(s.date.latest for s in data.strikes if not s.date.open_end)
    assert (earliest, latest) == (dt.date(2014, 1, 1), dt.date(2025, 2, 15))
    assert left <= num(earliest) < num(latest) <= right
    assert right - left < (num(latest) - num(earliest)) * 1.1  # padded, not stretched
    assert isinstance(ax.xaxis.get_major_formatter(), ConciseDateFormatter)
    line.draw_without_rendering()
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert "2014" in ticks
    assert "2024" in ticks


def test_timeline_of_a_subset(data: isk.Dataset) -> None:
    had = data.strikes_by_group("Hurras al-Din")
    fig = timeline(had)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == 4
    assert labels == [f"{s.date}  {s.place.name}" for s in had]
    assert ceasefire_spans(fig) == []  # strikes alone carry no ceasefires
    left, right = fig.axes[0].get_xlim()
    assert left <= num(dt.date(2019, 6, 30))
    assert num(dt.date(2025, 2, 15)) <= right
    assert right < num(dt.date(2025, 12, 31))


def test_timeline_clips_ceasefires_to_the_strikes(data: isk.Dataset) -> None:
    late = data.strikes_between("2025")
    fig = timeline(late, ceasefires=data.ceasefires, title="2025")
    assert fig.axes[0].get_title() == "2025"
    left, right = fig.axes[0].get_xlim()
    spans = ceasefire_spans(fig)
    # The August 2019 truce ended that month, and the 31 August 2019 ceasefire by the fall
    # of its only party (8 December 2024); the Sochi agreement has no known end.
    assert len(spans) == 1
    for span in spans:
        assert x_extent(span) == pytest.approx((left, right))


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
        "Strikes placed from reference points: 7 of 11 (precision 1: 2, 2: 1, 3: 4)"
    )
    assert placed.axes[0].get_aspect() == 1.0
    assert placed.axes[0].get_xlabel().startswith("longitude")


def test_map_marks_each_points_precision(placed: Figure) -> None:
    assert legend_texts(placed) == [
        "1: the place itself",
        "2: near a place",
        "3: district or governorate seat",
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


def test_map_names_the_strikes_it_cannot_place(data: isk.Dataset, placed: Figure) -> None:
    (box,) = [t.get_text() for t in placed.axes[0].texts if "no point" in t.get_text()]
    box = " ".join(box.split())
    assert box.startswith("4 with no point (no reference gives one")
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
    assert "1 with no point" in texts


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
        "from idlibstrikes import _plot\n"
        "try:\n"
        f"    _plot.{name}()\n"
        "except ImportError as exc:\n"
        "    print(type(exc.__cause__).__name__)\n"
        "    print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    cause, message = done.stdout.strip().split("\n")
    assert cause == "ModuleNotFoundError", done.stderr
    assert message == (
        f"idlibstrikes.{name}() needs matplotlib; install it with pip install 'idlibstrikes[plot]'"
    )


def test_importing_the_plot_module_does_not_import_matplotlib() -> None:
    code = (
        "import sys\n"
        "import idlibstrikes, idlibstrikes._plot\n"
        "print('matplotlib' not in sys.modules and 'matplotlib.figure' not in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "True", done.stderr
