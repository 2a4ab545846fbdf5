"""Parquet: the lossless tables, one folder each, typed, optionally Hive-partitioned.

The columns' types and the tables' metadata are those of `_table`; ``load`` reads the
folder back. Needs pyarrow (the ``[arrow]`` extra), imported only when writing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._base import Export, ExportFormat

if TYPE_CHECKING:
    from .._dataset import Dataset

__all__ = ["FORMAT"]


def _write(data: Dataset, folder: Path, partition_by: Sequence[str] = ()) -> Export:
    from .._relational import write_parquet

    return Export(format="parquet", files=tuple(write_parquet(data, folder, partition_by)))


FORMAT = ExportFormat(
    name="parquet",
    writes="<table>/part-0.parquet for each lossless table",
    write=_write,
    partitions=True,
)
