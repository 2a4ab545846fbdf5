"""Data package: a Data Package v2 of the CSV files, for Frictionless and other tools.

``datapackage.json`` (``$schema``, ``type: "table"``) beside the CSV files, with a Table
Schema per table (types, ``list`` cells, categories for closed vocabularies, required
fields, primary and foreign keys).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._view_columns import KEYS, KINDS, SEPARATOR, columns
from ._base import Export, ExportFormat, write_text
from ._csv import write_tables

if TYPE_CHECKING:
    from .._dataset import Dataset

__all__ = ["FORMAT", "PROFILES"]


#: Data Package v2 (June 2024) profiles, by what they describe.
PROFILES = {
    "package": "https://datapackage.org/profiles/2.0/datapackage.json",
    "resource": "https://datapackage.org/profiles/2.0/dataresource.json",
    "schema": "https://datapackage.org/profiles/2.0/tableschema.json",
}


def _schema(kind: str) -> dict[str, Any]:
    """A Table Schema (v2) for one view: types, lists, categories, keys."""
    key, foreign = KEYS[kind]
    fields = []
    for c in columns(kind):
        field: dict[str, Any] = {"name": c.name, "description": c.description}
        if c.multiple:
            # v2's list type: the CSV cell joins its values with the separator
            field |= {"type": "list", "delimiter": SEPARATOR, "itemType": c.type}
        else:
            field["type"] = c.type
        constraints: dict[str, Any] = {}
        if c.vocabulary:
            # categories say what the words are; the enum constraint is what validators
            # (frictionless among them) check a cell against
            field["categories"] = list(c.vocabulary)
            constraints["enum"] = list(c.vocabulary)
        if c.required:
            constraints["required"] = True
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    return {
        "$schema": PROFILES["schema"],
        "fields": fields,
        "missingValues": [""],
        "primaryKey": [key],
        "foreignKeys": [
            {
                "fields": [column],
                # v2: a reference without a resource is to this table itself
                "reference": {"fields": [target]}
                if table == kind
                else {"resource": table, "fields": [target]},
            }
            for column, (table, target) in foreign.items()
        ],
    }


def _package(data: Dataset) -> dict[str, Any]:
    from .._cite import cited_articles

    v = data.version
    return {
        "$schema": PROFILES["package"],
        "name": "idlibstrikes",
        "title": "US strikes on al-Qaeda-linked groups in north-west Syria",
        "description": "Strikes, casualty claims, groups, ceasefires and sources, hand-encoded "
        "from news reports; every figure carries its source and a verbatim quote. "
        "Where sources disagree each claim is kept (see the claims table). These are the "
        "analyst's views; the lossless tables are in the json and parquet exports. "
        f"Made with the idlibstrikes package {v.package}"
        + ("" if v.origin == "bundled" else f"; {v.origin} (data digest {v.digest})")
        + ". The articles' texts are not redistributed.",
        # the data's version, not the package's: they change apart
        "version": v.data,
        "created": f"{v.as_of.isoformat()}T00:00:00Z",  # the data's as-of day (RFC 3339)
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0",
            }
        ],
        "sources": [
            {
                "title": " - ".join(x for x in (a.outlet, a.headline) if x) or a.source.id,
                **({"path": a.address} if a.address else {}),
            }
            for a in cited_articles(data, data.sources)
        ],
        "resources": [
            {
                "$schema": PROFILES["resource"],
                "name": kind,
                "type": "table",
                "path": f"{kind}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": _schema(kind),
            }
            for kind in KINDS
        ],
    }


def _write(data: Dataset, folder: Path, partition_by: Sequence[str] = ()) -> Export:
    import json  # only when exporting: import idlibstrikes stays cheap

    files = write_tables(data, folder)
    text = json.dumps(_package(data), ensure_ascii=False, indent=2) + "\n"
    files.append(write_text(folder / "datapackage.json", text))
    return Export(format="datapackage", files=tuple(files))


FORMAT = ExportFormat(
    name="datapackage", writes="the CSV files and datapackage.json (Data Package v2)", write=_write
)
