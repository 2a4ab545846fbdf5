"""JSON: the lossless tables in one file, which ``load`` reads back.

``idlibstrikes.json`` is ``{"idlibstrikes_tables": 1, "metadata": {...}, "tables":
{"<table>": [rows]}}``: lists as arrays, days as ISO text, missing as null.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._base import Export, ExportFormat, write_text

if TYPE_CHECKING:
    from .._dataset import Dataset

__all__ = ["FORMAT"]


def _write(data: Dataset, folder: Path, partition_by: Sequence[str] = ()) -> Export:
    from .._relational import tables_json

    return Export(
        format="json", files=(write_text(folder / "idlibstrikes.json", tables_json(data)),)
    )


FORMAT = ExportFormat(name="json", writes="idlibstrikes.json: the lossless tables", write=_write)
