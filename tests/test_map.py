"""The map's ground (borders, governorates, coast), its labels, and the web map of the [geo] extra.

The figure's other promises (where each strike is placed, the title's counts, the unplaced
list) are tested in ``test_plot.py``; here what the basemap adds, on the bundled data.
"""

from __future__ import annotations

import itertools
import json
import socket
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import idlibstrikes as isk
from idlibstrikes._basemap import boundaries
from idlibstrikes._defaults import map as strike_map

matplotlib = pytest.importorskip("matplotlib")

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Ellipse  # noqa: E402
from matplotlib.text import Annotation, Text  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "src" / "idlibstrikes" / "geo"


@pytest.fixture(scope="module")
def record() -> isk.Dataset:
    return isk.load()


@pytest.fixture(scope="module")
def articles() -> isk.Dataset:
    return isk.load(sources="articles")


@pytest.fixture(scope="module")
def whole(record: isk.Dataset) -> Figure:
    return strike_map(record)


@pytest.fixture(scope="module")
def quoted(articles: isk.Dataset) -> Figure:
    return strike_map(articles)


# --- the bundled boundaries ----------------------------------------------------------------


def test_the_bundled_boundaries_are_small_cited_and_complete() -> None:
    size = (GEO / "boundaries.json").stat().st_size
    assert 50_000 < size < 130_000  # the bytes the package carries for its ground
    document = json.loads((GEO / "boundaries.json").read_text(encoding="utf-8"))
    assert document["type"] == "FeatureCollection"
    assert document["source"]["publisher"] == "Natural Earth"
    assert document["source"]["licence"].startswith("public domain")
    assert len(document["source"]["input_sha256"]) == 64
    readme = (GEO / "README.md").read_text(encoding="utf-8")
    assert "public domain" in readme
    assert document["source"]["input_sha256"] in readme
    ground = boundaries()
    codes = ["DI", "DR", "DY", "HA", "HI", "HL", "HM", "ID", "LA", "QU", "RA", "RD", "SU", "TA"]
    assert {g.code for g in ground.governorates} == {f"SY-{c}" for c in codes}
    assert [c.code for c in ground.countries] == [
        "SYR", "TUR", "LBN", "ISR", "PSX", "JOR", "IRQ", "SAU",
    ]  # fmt: skip
    borders = {line.between for line in ground.lines if line.kind == "border"}
    for neighbour in ("IRQ", "ISR", "JOR", "LBN", "TUR"):
        assert tuple(sorted(("SYR", neighbour))) in borders
    assert {line.kind for line in ground.lines} == {"border", "coast", "governorate-boundary"}


def test_the_script_that_made_the_file_says_what_the_file_says() -> None:
    pytest.importorskip("shapely")
    import importlib.util

    spec = importlib.util.spec_from_file_location("basemap", ROOT / "tools" / "basemap.py")
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    source = json.loads((GEO / "boundaries.json").read_text(encoding="utf-8"))["source"]
    assert source["box"] == list(script.BOX)
    assert source["tolerance_degrees"] == script.TOLERANCE
    assert source["made_by"] == "tools/basemap.py"
    assert boundaries().box == script.BOX


def test_every_cited_point_lies_in_the_governorate_its_reference_names(
    record: isk.Dataset,
) -> None:
    # two independent sources agree: the gazetteer's points (GeoNames, Wikipedia) and
    # Natural Earth's governorate lines, simplified for the package
    ground = boundaries()
    checked = []
    for place in record.places:
        ref = place.reference
        if ref is None or ref.coordinates is None:
            continue
        lon, lat = ref.coordinates.longitude, ref.coordinates.latitude
        assert ground.country("SYR").contains(lon, lat), place.id
        found = ground.governorate_at(lon, lat)
        assert found is not None, place.id
        assert found.name == ref.governorate, place.id
        checked.append(place.id)
    assert len(checked) == 7  # al-Jinah (Aleppo) lies 6 km from Idlib's boundary


def test_a_hole_is_a_hole() -> None:
    ground = boundaries()
    damascus, rural = ground.governorate("SY-DI"), ground.governorate("SY-RD")
    ring = damascus.polygons[0][0]
    lon = sum(x for x, _ in ring) / len(ring)
    lat = sum(y for _, y in ring) / len(ring)
    assert ground.governorate_at(lon, lat) is damascus
    assert not rural.contains(lon, lat)  # Rif Dimashq surrounds Damascus: a hole in it
    assert any(len(p) > 1 for p in rural.polygons)


# --- the ground on the map -----------------------------------------------------------------


def lines(fig: Figure, label: str) -> list[Any]:
    """The vertices, in the map's view, of the ground's line collection ``label``."""
    ax = fig.axes[0]
    (west, east), (south, north) = ax.get_xlim(), ax.get_ylim()
    (found,) = [c for c in ax.collections if c.get_label() == label]
    assert isinstance(found, LineCollection)
    return [
        (x, y)
        for segment in found.get_segments()
        for x, y in segment
        if west <= x <= east and south <= y <= north
    ]


@pytest.mark.parametrize("name", ["whole", "quoted"])
def test_the_map_draws_the_syria_turkey_border_and_governorates(
    name: str, request: pytest.FixtureRequest
) -> None:
    fig = request.getfixturevalue(name)
    assert len(lines(fig, "_border SYR-TUR")) > 20  # the border north-west of Idlib
    assert len(lines(fig, "_governorate-boundary")) > 50
    ax = fig.axes[0]
    names = {t.get_text() for t in ax.texts if t.get_gid() == "area-label"}
    assert {"TURKEY", "SYRIA", "Idlib governorate", "Aleppo governorate"} <= names
    # the overview: Syria whole, with the map's view outlined
    overview = fig.axes[2]
    (outline,) = [p for p in overview.patches if p.get_gid() == "view"]
    fig.draw_without_rendering()
    x, y = outline.get_xy()
    assert (x, x + outline.get_width()) == pytest.approx(ax.get_xlim())
    assert (y, y + outline.get_height()) == pytest.approx(ax.get_ylim())
    shown = {t.get_text() for t in overview.texts}
    assert {"SYRIA", "TURKEY", "IRAQ"} <= shown
    assert "Natural Earth" in overview.get_xlabel()


def test_a_circle_on_the_ground_is_drawn_round(quoted: Figure) -> None:
    ax = quoted.axes[0]
    quoted.draw_without_rendering()
    (kafranbel,) = [
        p for p in ax.patches if isinstance(p, Ellipse) and tuple(p.center) == (36.5611, 35.6139)
    ]
    box = kafranbel.get_window_extent()
    assert box.width == pytest.approx(box.height, rel=0.01)


# --- labels --------------------------------------------------------------------------------


def label_boxes(fig: Figure) -> list[tuple[str, Bbox]]:
    """Each label's text extent as the Agg renderer draws it (leader lines left out)."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    found = []
    for ax in fig.axes:
        frame = ax.get_window_extent(renderer)
        for t in ax.texts:
            box = Text.get_window_extent(t, renderer)
            if frame.overlaps(box):  # the unplaced list below the map is not a label
                found.append((t.get_text(), box))
    return found


def overlapping(boxes: list[tuple[str, Bbox]]) -> list[tuple[str, str]]:
    return [
        (a, b)
        for (a, p), (b, q) in itertools.combinations(boxes, 2)
        if min(p.x1, q.x1) - max(p.x0, q.x0) > 0 and min(p.y1, q.y1) - max(p.y0, q.y0) > 0
    ]


@pytest.mark.parametrize("name", ["whole", "quoted"])
def test_no_label_overlaps_another_or_a_marker(name: str, request: pytest.FixtureRequest) -> None:
    fig = request.getfixturevalue(name)
    boxes = label_boxes(fig)
    assert overlapping(boxes) == []
    ax = fig.axes[0]
    frame = ax.get_window_extent()
    markers = [
        xy
        for c in ax.collections
        if c.get_gid() in ("strike", "context")
        for xy in ax.transData.transform(c.get_offsets())
    ]
    on_map = [(text, box) for text, box in boxes if frame.overlaps(box)]
    for text, box in on_map:
        assert frame.contains(box.x0, box.y0), text
        assert frame.contains(box.x1, box.y1), text
        assert not any(box.contains(x, y) for x, y in markers), text
    texts = [text for text, _ in on_map]
    # every strike's label and every reference town's is there: only area names may be dropped
    assert (
        sum(", 20" in t or "strikes placed here" in t for t in texts)
        == {
            "whole": 7,
            "quoted": 6,
        }[name]
    )
    data = request.getfixturevalue({"whole": "record", "quoted": "articles"}[name])
    towns = [p.name for p in data.places if p.reference and p.reference.coordinates]
    assert len(towns) == {"whole": 7, "quoted": 6}[name]
    for town in towns:
        assert any(t == town or t.startswith(f"{town} (seat: ") for t in texts), town
    assert "Idlib (seat: Idlib Gov., Idlib Dist.)" in texts


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_labels_never_overlap_on_any_part_of_the_record(data: st.DataObject) -> None:
    record = isk.load()
    chosen = data.draw(
        st.lists(st.sampled_from(record.strikes), min_size=1, max_size=20, unique_by=lambda s: s.id)
    )
    fig = strike_map(isk.Strikes(chosen, dataset=record))
    assert overlapping(label_boxes(fig)) == []


def test_the_point_labels_carry_their_leaders_only_when_they_stand_off(whole: Figure) -> None:
    for t in whole.axes[0].texts:
        if isinstance(t, Annotation) and t.arrow_patch is not None:
            dx, dy = t.xyann
            assert max(abs(dx), abs(dy)) > 10


# --- offline, and the [geo] extra's web map ------------------------------------------------


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the map tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.usefixtures("no_network")
def test_the_map_draws_offline(record: isk.Dataset) -> None:
    fig = strike_map(record)
    assert len(lines(fig, "_border SYR-TUR")) > 20


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("sources", ["articles", "all"])
def test_explore_gives_a_folium_web_map(sources: str) -> None:
    folium = pytest.importorskip("folium", reason="the [geo] extra's folium is not installed")
    pytest.importorskip("mapclassify", reason="the [geo] extra's mapclassify is not installed")
    data = isk.load(sources=sources)  # type: ignore[arg-type]
    frame = data.to_geodataframe()
    web = frame.explore()
    assert isinstance(web, folium.Map)
    (layer,) = [c for c in web._children.values() if isinstance(c, folium.GeoJson)]
    features = layer.data["features"]
    placed = [r for r in data.to_records("strikes") if r["latitude"] is not None]
    assert len(features) == len(placed) == {"articles": 7, "all": 53}[sources]
    html = web.get_root().render()
    assert "Kafranbel" in html
