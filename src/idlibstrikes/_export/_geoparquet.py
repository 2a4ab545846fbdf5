"""GeoParquet (1.1, WKB points): the map layers of the GeoJSON export, for geopandas.

Needs pyarrow only (the ``[arrow]`` extra), imported only when writing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._base import Export, ExportFormat
from ._geojson import layers

if TYPE_CHECKING:
    from .._dataset import Dataset

__all__ = ["FORMAT"]


def _write(data: Dataset, folder: Path, partition_by: Sequence[str] = ()) -> Export:
    from .._geo import geoparquet_table
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
