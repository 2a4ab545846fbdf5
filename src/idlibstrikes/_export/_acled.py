"""ACLED: the single strikes in ACLED's 31 columns, as CSV like ACLED's own export.

``acled.csv`` holds one row per strike ACLED would record, in ACLED's column order, with
ACLED's codes (``_shapes`` makes the rows; the codebook's "ACLED and UCDP GED shapes" gives
every rule); ``acled_left_out.csv`` lists each record it leaves out (the series, strikes
dated less precisely than a month, a strike placed only in the country) with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .._shape_columns import ACLED_COLUMNS, LEFT_OUT_COLUMNS
from .._shapes import acled, left_out_rows, unplaced
from ._base import Export, ExportFormat, write_text
from ._csv import rows_csv

if TYPE_CHECKING:
    from .._dataset import Dataset

__all__ = ["FORMAT"]


def _write(data: Dataset, folder: Path, partition_by: Sequence[str] = ()) -> Export:
    table = acled(data)
    files = (
        write_text(folder / "acled.csv", rows_csv(table, ACLED_COLUMNS)),
        write_text(folder / "acled_left_out.csv", rows_csv(left_out_rows(table), LEFT_OUT_COLUMNS)),
    )
    return Export(format="acled", files=files, unplaced=unplaced(table))


FORMAT = ExportFormat(
    name="acled",
    writes="acled.csv in ACLED's columns and codes, and acled_left_out.csv",
    write=_write,
)
