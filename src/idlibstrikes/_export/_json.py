"""JSON: the lossless tables in one file, which ``load`` reads back.

``idlibstrikes.json`` is ``{"idlibstrikes_tables": 1, "metadata": {...}, "tables":
{"<table>": [rows]}}``: lists as arrays, days as ISO text, missing as null.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .._columns import FORMAT as TABLES_FORMAT
from .._columns import JSON_MARK, _iso
from .._relational import tables
from ._base import Export, ExportFormat, write_text

if TYPE_CHECKING:
    from .._dataset import Dataset

__all__ = ["FORMAT", "tables_json"]


def tables_json(data: Dataset) -> str:
    """The lossless tables as one JSON document (dates ISO text, lists arrays).

    Examples:
        >>> import idlibstrikes as isk, json
        >>> doc = json.loads(tables_json(isk.load(sources="articles")))
        >>> list(doc)[:2], doc["tables"]["casualty_claims"][0]["low"]
        (['idlibstrikes_tables', 'metadata'], 24)
    """
    import json

    made = tables(data)
    meta = next(iter(made.values())).metadata
    body = {
        JSON_MARK: TABLES_FORMAT,
        "metadata": {k: v for k, v in meta.items() if k != "idlibstrikes.table"},
        "tables": {name: t.to_records() for name, t in made.items()},
    }
    return json.dumps(body, ensure_ascii=False, indent=1, default=_iso) + "\n"


def _write(data: Dataset, folder: Path, partition_by: Sequence[str] = ()) -> Export:
    return Export(
        format="json", files=(write_text(folder / "idlibstrikes.json", tables_json(data)),)
    )


FORMAT = ExportFormat(name="json", writes="idlibstrikes.json: the lossless tables", write=_write)
