"""CSV: one file per analyst's table, with the standard library only.

RFC 4180: comma-separated, CRLF line ends, fields quoted where needed, UTF-8 without a
byte-order mark, a header row. A missing value is an empty cell; a multi-value cell joins
its values with ``"; "``; booleans are ``true``/``false``; dates are ISO 8601.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._tables import Row, to_records
from .._view_columns import KINDS, SEPARATOR, Column, columns
from ._base import Export, ExportFormat, write_text

if TYPE_CHECKING:
    from .._dataset import Dataset

__all__ = ["FORMAT", "csv_text", "rows_csv", "write_tables"]


def _cell(value: Any, column: Column) -> str:
    if value is None:
        return ""
    if column.multiple:
        return SEPARATOR.join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def csv_text(data: Dataset, kind: str = "strikes") -> str:
    r"""One table as RFC 4180 CSV text (header row, CRLF line ends).

    Args:
        data: The dataset.
        kind: ``strikes``, ``claims``, ``groups``, ``ceasefires`` or ``sources``.

    Examples:
        >>> import idlibstrikes as isk
        >>> text = csv_text(isk.load(sources="articles"), "ceasefires")
        >>> text.splitlines()[0][:40]
        'id,name,kind,start_earliest,start_latest'
        >>> text.count("\r\n") == len(isk.load(sources="articles").ceasefires) + 1
        True
    """
    return rows_csv(to_records(data, kind), columns(kind))


def rows_csv(rows: Iterable[Row], cols: Sequence[Column]) -> str:
    """Rows of one table as RFC 4180 CSV text, header first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in cols])
    for row in rows:
        writer.writerow([_cell(row[c.name], c) for c in cols])
    return out.getvalue()


def write_tables(data: Dataset, folder: Path) -> list[Path]:
    """Write ``<table>.csv`` for each of the analyst's tables; returns the files.

    Examples:
        >>> import idlibstrikes as isk, tempfile
        >>> articles = isk.load(sources="articles")
        >>> [p.name for p in write_tables(articles, Path(tempfile.mkdtemp()))][:3]
        ['strikes.csv', 'series.csv', 'claims.csv']
    """
    return [write_text(folder / f"{kind}.csv", csv_text(data, kind)) for kind in KINDS]


def _write(data: Dataset, folder: Path, partition_by: Sequence[str] = ()) -> Export:
    return Export(format="csv", files=tuple(write_tables(data, folder)))


FORMAT = ExportFormat(name="csv", writes="<table>.csv for each analyst's table", write=_write)
