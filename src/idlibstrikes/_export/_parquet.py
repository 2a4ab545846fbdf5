"""Parquet: the lossless tables, one folder each, typed, optionally Hive-partitioned.

The columns' types and the tables' metadata are those of `_table`; ``load`` reads the
folder back. Needs pyarrow (the ``[arrow]`` extra), imported only when writing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._columns import _close
from .._errors import UnknownNameError
from .._relational import tables
from ._base import Export, ExportFormat

if TYPE_CHECKING:
    from .._dataset import Dataset

__all__ = ["FORMAT", "PARTITIONS", "write_parquet"]


#: The columns a Parquet export may be partitioned by.
PARTITIONS = ("year",)


def _check_export(where: Any) -> None:
    """Refuse to replace a table's folder that holds what an export does not write.

    Raises:
        FileExistsError: The folder holds something an export does not write.
    """
    if not where.exists():
        return
    if not where.is_dir() or where.is_symlink():
        raise FileExistsError(f"{where} is in the way of the export; move it or export elsewhere")
    for path in where.rglob("*"):
        ours = (path.is_file() and path.suffix == ".parquet") or (
            path.is_dir() and "=" in path.name
        )
        if not ours or path.is_symlink():
            raise FileExistsError(
                f"{where} holds {path.name!r}, which a Parquet export does not write; "
                "export into an empty folder, or one an earlier export wrote"
            )


def write_parquet(data: Dataset, folder: Any, partition_by: Sequence[str] = ()) -> list[Any]:
    """Write the lossless tables as Parquet, one folder per table; returns the files.

    A table that has every column of ``partition_by`` is Hive-partitioned by them
    (``strikes/year=2019/part-0.parquet``); the others are one file each.
    """
    import shutil

    from .._table import require

    pq = require("pyarrow.parquet", "arrow", "export('parquet')")
    ds = require("pyarrow.dataset", "arrow", "export('parquet')")
    unknown = [c for c in partition_by if c not in PARTITIONS]
    if unknown:
        # Only derived columns: a table partitioned by a stored column would come back in
        # another row order (top-level records have no position) or not at all (a list,
        # a long text).
        raise UnknownNameError(
            unknown[0], kind="partition column", suggestions=_close(unknown[0], PARTITIONS)
        )
    made = tables(data)
    root = Path(folder)
    for name in made:  # check every folder before removing any
        _check_export(root / name)
    for name in made:  # a new export replaces an earlier one's tables, not mixes with them
        if (root / name).exists():
            shutil.rmtree(root / name)
    written: list[Path] = []
    for name, table in made.items():
        where = root / name
        arrow = table.to_arrow()
        names = {f.name for f in table.fields}
        # an empty table is one empty file, so its schema is still there to read
        if partition_by and len(table) and all(c in names for c in partition_by):
            ds.write_dataset(
                arrow,
                where,
                format="parquet",
                partitioning=list(partition_by),
                partitioning_flavor="hive",
                basename_template="part-{i}.parquet",
            )
            written.extend(sorted(where.rglob("*.parquet")))
        else:
            where.mkdir(parents=True)
            pq.write_table(arrow, where / "part-0.parquet")
            written.append(where / "part-0.parquet")
    return written


def _write(data: Dataset, folder: Path, partition_by: Sequence[str] = ()) -> Export:
    return Export(format="parquet", files=tuple(write_parquet(data, folder, partition_by)))


FORMAT = ExportFormat(
    name="parquet",
    writes="<table>/part-0.parquet for each lossless table",
    write=_write,
    partitions=True,
)
