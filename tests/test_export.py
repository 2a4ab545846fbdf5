"""Exports: CSV read back, GeoJSON against RFC 7946, the data package against frictionless."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest

import idlibstrikes as isk
from idlibstrikes._export._csv import _cell

KINDS = ("strikes", "series", "claims", "groups", "ceasefires", "sources", "references")


def test_csv_reads_back_to_the_same_rows(data: isk.Dataset, tmp_path: Path) -> None:
    done = data.export("csv", tmp_path)
    assert [f.name for f in done.files] == [f"{k}.csv" for k in KINDS]
    for kind in KINDS:
        raw = (tmp_path / f"{kind}.csv").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")  # UTF-8 without a byte-order mark
        text = raw.decode("utf-8")
        assert text.endswith("\r\n")
        cols = isk.columns(kind)
        with (tmp_path / f"{kind}.csv").open(encoding="utf-8", newline="") as f:
            back = list(csv.DictReader(f))
        expected = [{c.name: _cell(row[c.name], c) for c in cols} for row in data.to_records(kind)]
        assert back == expected, kind
    # Multi-value cells split back into their values with the separator.
    with (tmp_path / "strikes.csv").open(encoding="utf-8", newline="") as f:
        camp = next(r for r in csv.DictReader(f) if r["id"] == "2019-08-31-idlib-training-camp")
    assert tuple(camp["actor2"].split("; ")) == tuple(
        t.name for t in data.strike(camp["id"]).targets
    )


def test_csv_quotes_what_needs_quoting(data: isk.Dataset) -> None:
    text = isk.csv_text(data, "claims")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    at = rows[0].index("quote")
    quotes = [r[at] for r in rows[1:]]
    assert any('"' in q or "," in q for q in quotes)  # the real quotes need CSV quoting
    assert quotes == [c.quote for s in data.strikes for c in s.claims]


def rfc7946_problems(doc: object) -> list[str]:
    """The RFC 7946 rules a FeatureCollection of Points must follow."""
    found = []
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        return ["not a FeatureCollection (7946 section 3.3)"]
    if "crs" in doc:
        found.append("a 'crs' member (removed in 7946, section 4)")
    features = doc.get("features")
    if not isinstance(features, list):
        return [*found, "'features' is not an array (3.3)"]
    for i, f in enumerate(features):
        if not isinstance(f, dict) or f.get("type") != "Feature":
            found.append(f"feature {i}: type is not Feature (3.2)")
            continue
        if "id" in f and not isinstance(f["id"], str | int | float):
            found.append(f"feature {i}: id is neither a string nor a number (3.2)")
        if not isinstance(f.get("properties"), dict | type(None)) or "properties" not in f:
            found.append(f"feature {i}: properties must be an object or null (3.2)")
        if "geometry" not in f:
            found.append(f"feature {i}: no geometry member (3.2; null is allowed)")
            continue
        geometry = f.get("geometry")
        if geometry is None:  # an unlocated feature (3.2)
            continue
        if not isinstance(geometry, dict) or geometry.get("type") != "Point":
            found.append(f"feature {i}: geometry is not a Point (3.1.2)")
            continue
        position = geometry.get("coordinates")
        if not (
            isinstance(position, list)
            and len(position) in (2, 3)
            and all(isinstance(x, int | float) and math.isfinite(x) for x in position)
        ):
            found.append(f"feature {i}: a position is 2 or 3 finite numbers (3.1.1)")
            continue
        lon, lat = position[:2]
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            found.append(f"feature {i}: [longitude, latitude] out of range (3.1.1, 4)")
    return found


def test_rfc7946_checker_catches_errors() -> None:
    bad = {
        "type": "FeatureCollection",
        "crs": {},
        "features": [
            {
                "type": "Feature",
                "properties": {},
                "geometry": {"type": "Point", "coordinates": [1]},
            },
            {
                "type": "Feature",
                "properties": {},
                "geometry": {"type": "Point", "coordinates": [200, 1]},
            },
        ],
    }
    assert len(rfc7946_problems(bad)) == 3


def test_geojson_keeps_every_strike_and_places_each_by_its_reference(
    data: isk.Dataset, tmp_path: Path
) -> None:
    done = data.export("geojson", tmp_path)
    doc = json.loads((tmp_path / "strikes.geojson").read_text(encoding="utf-8"))
    series = json.loads((tmp_path / "series.geojson").read_text(encoding="utf-8"))
    assert rfc7946_problems(doc) == rfc7946_problems(series) == []
    # every single strike, placed or not, in one layer; the series in a layer of their own
    assert {f["id"] for f in series["features"]} == {s.id for s in data.strikes if s.is_series}
    assert all(f["properties"]["scope"] == "series" for f in series["features"])
    features = {f["id"]: f for f in doc["features"]}
    assert set(features) == {s.id for s in data.strikes if not s.is_series}
    # Longitude first: Kafranbel lies at 35.6139 N, 36.5611 E.
    kafranbel = features["2019-08-31-kafranbel-shelling"]
    assert kafranbel["geometry"]["coordinates"] == [36.5611, 35.6139]
    assert kafranbel["properties"]["geo_source"] == "ref-wikipedia-kafr-nabl"
    assert kafranbel["properties"]["geo_precision"] == 1
    assert features["2017-03-al-jinah"]["properties"]["deaths_high"] == 49
    precision = {i: f["properties"]["geo_precision"] for i, f in features.items()}
    assert sorted(precision.values(), key=str) == [1, 1, 2, 3, 3, 3, 3]
    camp = features["2019-08-31-idlib-training-camp"]["properties"]
    assert (camp["latitude"], camp["longitude"]) == (36.0115, 36.6718)  # Maarrat Misrin
    assert "ref-camp-place" in camp["location_basis"]
    assert camp["geo_radius_m"] == 25000
    urum = features["2025-02-15-urum-al-jawz"]["properties"]
    assert urum["geo_precision"] == 3
    assert urum["location_basis"].startswith("in Ariha District (per ref-zaman-al-wasl")
    for f in features.values():  # every point cites its reference
        if f["geometry"] is not None:
            assert f["properties"]["geo_source"].startswith("ref-")
    unplaced = {f["id"] for f in series["features"] if f["geometry"] is None}
    assert all(f["geometry"] is not None for f in features.values())
    assert set(done.unplaced) == unplaced == {s.id for s in data.strikes if s.is_series}


def test_geoparquet_holds_every_strike_for_geopandas(data: isk.Dataset, tmp_path: Path) -> None:
    gpd = pytest.importorskip("geopandas")
    pq = pytest.importorskip("pyarrow.parquet")
    done = data.export("geoparquet", tmp_path)
    meta = json.loads(pq.read_schema(done.files[0]).metadata[b"geo"])
    assert meta["version"] == "1.1.0"
    assert meta["columns"]["geometry"]["encoding"] == "WKB"
    assert [f.name for f in done.files] == ["strikes.parquet", "series.parquet"]
    frame = gpd.read_parquet(done.files[0])
    series = gpd.read_parquet(done.files[1])
    assert (len(frame), len(series)) == (7, 4)
    assert int(frame.geometry.isna().sum()) == 0
    assert int(series.geometry.isna().sum()) == 4 == len(done.unplaced)
    kafranbel = frame[frame["id"] == "2019-08-31-kafranbel-shelling"].geometry.iloc[0]
    assert (kafranbel.x, kafranbel.y) == (36.5611, 35.6139)
    again = gpd.read_file(data.export("geojson", tmp_path).files[0])
    assert len(again) == 7


def test_to_geodataframe_places_points_in_wgs84(data: isk.Dataset) -> None:
    pytest.importorskip("geopandas")
    frame = data.to_geodataframe()
    assert frame.crs.to_epsg() == 4326
    assert len(frame) == 7
    assert int(frame.geometry.notna().sum()) == 7
    assert len(data.to_geodataframe("series")) == 4
    had = data.strikes_by_group("Hurras al-Din").to_geodataframe()
    assert had["geo_precision"].tolist() == [3, 2, 3, 3]


def test_json_export_holds_every_lossless_table(data: isk.Dataset, tmp_path: Path) -> None:
    done = data.export("json", tmp_path)
    doc = json.loads(done.files[0].read_text(encoding="utf-8"))
    tables = data.tables()
    assert [len(rows) for rows in doc["tables"].values()] == [len(t) for t in tables.values()]
    rif = next(r for r in doc["tables"]["strikes"] if r["id"] == "2019-06-30-rif-al-muhandisin")
    assert rif["date_earliest"] == "2019-06-30"
    assert rif["targets"] == ["aq-s", "hurras-al-din"]
    assert doc["metadata"]["idlibstrikes.data"] == data.digest


def test_the_data_package_is_valid_for_frictionless(data: isk.Dataset, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    data.export("datapackage", tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert [r["name"] for r in package["resources"]] == list(KINDS)
    assert {r["type"] for r in package["resources"]} == {"table"}
    strikes = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    assert strikes["scope"]["categories"] == ["event", "series"]
    assert strikes["actor2"] | {"description": ""} == {
        "name": "actor2",
        "type": "list",
        "delimiter": "; ",
        "itemType": "string",
        "description": "",
    }
    claims = package["resources"][2]["schema"]
    assert {"fields": ["strike_id"], "reference": {"resource": "strikes", "fields": ["id"]}} in (
        claims["foreignKeys"]
    )
    assert {"fields": ["series_id"], "reference": {"resource": "series", "fields": ["id"]}} in (
        claims["foreignKeys"]
    )
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    # The check is real: a claim about a strike that does not exist breaks a foreign key.
    path = tmp_path / "claims.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",2017-03-al-jinah,", ",no-such-strike,", 1),
        encoding="utf-8",
        newline="",
    )
    broken = frictionless.validate(tmp_path / "datapackage.json")
    assert not broken.valid
    assert "foreign-key" in {e[0] for e in broken.flatten(["type"])}
    # and so is a word outside a vocabulary (v2 categories)
    data.export("datapackage", tmp_path)
    path.write_text(
        path.read_text(encoding="utf-8").replace(",killed,", ",maimed,", 1),
        encoding="utf-8",
        newline="",
    )
    broken = frictionless.validate(tmp_path / "datapackage.json")
    assert not broken.valid


def test_an_unknown_format_suggests_the_known_ones(data: isk.Dataset, tmp_path: Path) -> None:
    with pytest.raises(LookupError, match="'geojson'"):
        data.export("geo-json", tmp_path)


def test_the_data_package_states_the_data_version_and_licence(
    data: isk.Dataset, tmp_path: Path
) -> None:
    data.export("datapackage", tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == data.version.data
    assert [lic["name"] for lic in package["licenses"]] == ["CC-BY-4.0"]
    titles = [s["title"] for s in package["sources"]]
    assert "Kurdistan 24 - US carries out rare strike against al-Qaeda in Syria" in titles


def test_every_registered_format_writes_the_bundled_data(data: isk.Dataset, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from importlib import import_module

    from idlibstrikes import _export

    modules = [import_module(f"idlibstrikes._export.{name}") for name in _export.MODULES]
    assert _export.FORMATS == tuple(_export.registry()) == tuple(m.FORMAT.name for m in modules)
    assert len(set(_export.FORMATS)) == len(modules)
    # every format module beside the interface is registered: a new format is a new file
    folder = Path(_export.__file__).parent
    assert {p.stem for p in folder.glob("_*.py")} - {"__init__", "_base"} == set(_export.MODULES)
    for fmt in _export.FORMATS:
        done = data.export(fmt, tmp_path / fmt)
        assert done.format == fmt
        assert done.files
        for path in done.files:
            assert path.is_file(), path
            assert path.stat().st_size, path
            assert path.is_relative_to(tmp_path / fmt), path
