"""GeoJSON (RFC 7946): every strike, and apart every series, as a map layer.

A strike is a Point where the codebook's rules place it (ACLED precision, basis, radius,
the reference), with a null geometry where nothing does (reported in
``Export.unplaced``), never placed at a guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._errors import UnknownNameError
from .._tables import to_records
from ._base import Export, ExportFormat, write_text

if TYPE_CHECKING:
    from .._dataset import Dataset
    from .._table import Table

__all__ = ["FORMAT", "collection", "geojson", "layers"]


def geojson(data: Dataset, kind: str = "strikes") -> dict[str, Any]:
    """The strikes as an RFC 7946 GeoJSON FeatureCollection (a new dict): every strike.

    ``kind`` ``series`` gives the series instead: one layer never mixes the two.

    A feature's geometry is a Point ``[longitude, latitude]`` (WGS 84, as RFC 7946
    requires) from the reference named in its ``geo_source`` property, placed by the
    codebook's rules with ACLED's ``geo_precision`` (1 the place itself, 2 near a place,
    3 a district's or governorate's seat), a ``location_basis`` saying what the point is
    and a ``geo_radius_m``. A strike nothing places keeps a null geometry: it is in the
    file, not placed at a guess. Its properties are the strike's row (see
    [`columns`][idlibstrikes.columns]).

    Examples:
        >>> import idlibstrikes as isk
        >>> doc = geojson(isk.load(sources="articles"))
        >>> len(doc["features"]), len(geojson(isk.load(sources="articles"), "series")["features"])
        (7, 4)
        >>> [(f["properties"]["location"], f["properties"]["geo_precision"])
        ...  for f in doc["features"] if f["geometry"]][:3]
        [('al-Jinah', 1), ('Rif Al-Muhandiseen', 3), ('Idlib province', 3)]
        >>> doc["features"][0]["geometry"]
        {'type': 'Point', 'coordinates': [36.787, 36.1079]}
    """
    if kind not in ("strikes", "series"):
        raise UnknownNameError(kind, kind="map table", suggestions=("strikes", "series"))
    return collection(to_records(data, kind))


def collection(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Strike rows as an RFC 7946 FeatureCollection: every strike, null geometry if unplaced."""
    from .._table import json_rows

    features = []
    for row in json_rows(rows):
        lat, lon = row["latitude"], row["longitude"]
        geometry = None
        if lat is not None and lon is not None:
            geometry = {"type": "Point", "coordinates": [lon, lat]}
        features.append(
            {"type": "Feature", "id": row["id"], "geometry": geometry, "properties": row}
        )
    return {"type": "FeatureCollection", "features": features}


def layers(data: Dataset) -> tuple[list[Table], tuple[str, ...]]:
    """The map layers (single strikes, series) and the ids of the rows nothing places.

    Examples:
        >>> import idlibstrikes as isk
        >>> tables, unplaced = layers(isk.load(sources="articles"))
        >>> [t.name for t in tables], len(unplaced)
        (['strikes', 'series'], 4)
    """
    # single strikes and series apart, as in the tables: a map layer of events only
    tables = [data.table(kind) for kind in ("strikes", "series")]
    unplaced = tuple(r["id"] for t in tables for r in t if r["latitude"] is None)
    return tables, unplaced


def _write(data: Dataset, folder: Path, partition_by: Sequence[str] = ()) -> Export:
    import json  # only when exporting: import idlibstrikes stays cheap

    tables, unplaced = layers(data)
    written = []
    for table in tables:
        text = json.dumps(collection(table), ensure_ascii=False, indent=1) + "\n"
        written.append(write_text(folder / f"{table.name}.geojson", text))
    return Export(format="geojson", files=tuple(written), unplaced=unplaced)


FORMAT = ExportFormat(
    name="geojson", writes="strikes.geojson and series.geojson: map layers", write=_write
)
