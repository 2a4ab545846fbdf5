"""GeoParquet (1.1, WKB points): the map layers of the GeoJSON export, for geopandas.

Needs pyarrow only (the ``[arrow]`` extra), imported only when writing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._base import Export, ExportFormat
from ._geojson import layers

if TYPE_CHECKING:
    from .._dataset import Dataset

__all__ = ["FORMAT", "geoparquet_table"]


def _wkb_point(lon: float, lat: float) -> bytes:
    """A point as ISO WKB (little-endian), as GeoParquet stores geometries."""
    import struct

    return struct.pack("<BIdd", 1, 1, lon, lat)


def geoparquet_table(table: Any) -> Any:
    """A strikes view table as a pyarrow table with a GeoParquet 1.1 ``geometry`` column.

    The geometry is WKB, null where nothing places the strike; the schema's ``geo``
    metadata says so (version 1.1.0, encoding WKB, Point, CRS OGC:CRS84 by default,
    the bounding box of the points).
    """
    import json

    from .._table import require

    pa = require("pyarrow", "arrow", "the GeoParquet export")
    arrow = table.to_arrow()
    lats, lons = arrow["latitude"].to_pylist(), arrow["longitude"].to_pylist()
    points = [
        _wkb_point(lon, lat) if lat is not None and lon is not None else None
        for lat, lon in zip(lats, lons, strict=True)
    ]
    placed = [(lon, lat) for lat, lon in zip(lats, lons, strict=True) if lat is not None]
    column: dict[str, Any] = {"encoding": "WKB", "geometry_types": ["Point"]}
    if placed:
        xs, ys = [p[0] for p in placed], [p[1] for p in placed]
        column["bbox"] = [min(xs), min(ys), max(xs), max(ys)]
    geo = {"version": "1.1.0", "primary_column": "geometry", "columns": {"geometry": column}}
    geometry = pa.array(points, type=pa.binary())  # typed: every value may be null
    arrow = arrow.append_column(pa.field("geometry", pa.binary(), nullable=True), geometry)
    meta = dict(arrow.schema.metadata or {})
    meta[b"geo"] = json.dumps(geo).encode()
    return arrow.replace_schema_metadata(meta)


def _write(data: Dataset, folder: Path, partition_by: Sequence[str] = ()) -> Export:
    from .._table import require

    tables, unplaced = layers(data)
    pq = require("pyarrow.parquet", "arrow", "export('geoparquet')")
    written = []
    for table in tables:
        path = folder / f"{table.name}.parquet"
        pq.write_table(geoparquet_table(table), path)
        written.append(path)
    return Export(format="geoparquet", files=tuple(written), unplaced=unplaced)


FORMAT = ExportFormat(
    name="geoparquet", writes="strikes.parquet and series.parquet: map layers", write=_write
)
