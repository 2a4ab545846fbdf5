"""UCDP GED: the strikes, and apart the series, in UCDP GED's 49 columns, as CSV.

``ucdp_ged.csv`` holds the single strikes (``event_clarity`` 1) with at least one death,
in GED's column order and codes (``_shapes`` makes the rows; the codebook's "ACLED and UCDP
GED shapes" gives every rule); ``ucdp_ged_series.csv`` the series (``event_clarity`` 2,
strikes the sources report only as one), never in one file with single strikes; and
``ucdp_ged_left_out.csv`` each record left out of either, with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .._shape_columns import LEFT_OUT_COLUMNS, UCDP_COLUMNS
from .._shapes import left_out_rows, ucdp_ged, unplaced
from ._base import Export, ExportFormat, write_text
from ._csv import rows_csv

if TYPE_CHECKING:
    from .._dataset import Dataset

__all__ = ["FORMAT"]


def _write(data: Dataset, folder: Path, partition_by: Sequence[str] = ()) -> Export:
    strikes, series = ucdp_ged(data), ucdp_ged(data, "series")
    files = (
        write_text(folder / "ucdp_ged.csv", rows_csv(strikes, UCDP_COLUMNS)),
        write_text(folder / "ucdp_ged_series.csv", rows_csv(series, UCDP_COLUMNS)),
        write_text(
            folder / "ucdp_ged_left_out.csv",
            rows_csv(left_out_rows(strikes, series), LEFT_OUT_COLUMNS),
        ),
    )
    return Export(format="ucdp-ged", files=files, unplaced=unplaced(strikes, series))


FORMAT = ExportFormat(
    name="ucdp-ged",
    writes="ucdp_ged.csv and ucdp_ged_series.csv in UCDP GED's columns, and the left-out list",
    write=_write,
)
