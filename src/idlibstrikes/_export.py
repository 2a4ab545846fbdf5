"""Exports in standard formats, with the standard library only.

* CSV: one file per table (RFC 4180: comma-separated, CRLF line ends, fields quoted
  where needed, UTF-8 without a byte-order mark, a header row). A missing value is an
  empty cell; a multi-value cell joins its values with ``"; "``; booleans are
  ``true``/``false``; dates are ISO 8601.
* JSON: one file holding the lossless tables (``{"idlibstrikes_tables": 1, "metadata":
  {...}, "tables": {"<table>": [rows]}}``), lists as arrays, days as ISO text, missing
  as null; ``load`` reads it back.
* Parquet: the lossless tables, one folder each, typed (see `_table`), optionally
  Hive-partitioned; ``load`` reads the folder back.
* GeoJSON and GeoParquet (1.1, WKB): every strike, a Point where the codebook's rules
  place it (ACLED precision, basis, radius, the reference), a null geometry where
  nothing does (reported in ``Export.unplaced``), never placed at a guess.
* Data package: a Data Package v2 (``$schema``, ``type: "table"``), ``datapackage.json``
  beside the CSV files, with a Table Schema per table (types, ``list`` cells, categories
  for closed vocabularies, required fields, primary and foreign keys).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._errors import UnknownNameError
from ._tables import KEYS, KINDS, SEPARATOR, Column, Row, columns, to_records

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__ = ["FORMATS", "Export", "csv_text", "export", "geojson"]

Format = Literal["csv", "json", "parquet", "geojson", "geoparquet", "datapackage"]
#: The formats [`export`][idlibstrikes.export] writes.
FORMATS: tuple[Format, ...] = ("csv", "json", "parquet", "geojson", "geoparquet", "datapackage")


@attrs.frozen(kw_only=True)
class Export:
    """What [`export`][idlibstrikes.export] wrote, and what it had to leave out.

    Attributes:
        format: The format written.
        files: The files written, in order.
        unplaced: For maps (GeoJSON, GeoParquet): the ids of strikes written with a null
            geometry, because no reference gives a point for them.

    Examples:
        >>> import idlibstrikes as isk, tempfile
        >>> done = isk.load().export("geojson", tempfile.mkdtemp())
        >>> [f.name for f in done.files], len(done.unplaced)
        (['strikes.geojson', 'series.geojson'], 4)
    """

    format: str
    files: tuple[Path, ...]
    unplaced: tuple[str, ...] = ()


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
        >>> text = csv_text(isk.load(), "ceasefires")
        >>> text.splitlines()[0][:40]
        'id,name,kind,start_earliest,start_latest'
        >>> text.count("\r\n") == len(isk.load().ceasefires) + 1
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


def geojson(data: Dataset, kind: str = "strikes") -> dict[str, Any]:
    """The strikes as an RFC 7946 GeoJSON FeatureCollection (a new dict): every strike.

    ``kind`` ``series`` gives the series instead: one layer never mixes the two.

    A feature's geometry is a Point ``[longitude, latitude]`` (WGS 84, as RFC 7946
    requires) from the reference named in its ``geo_source`` property, placed by the
    codebook's rules with ACLED's ``geo_precision`` (1 the place itself, 2 near a place,
    3 a district's or governorate's seat), a ``location_basis`` saying what the point is
    and a ``geo_radius_m``. A strike nothing places keeps a null geometry: it is in the
    file, not placed at a guess. Its properties are the strike's row (see
    [`columns`][idlibstrikes.columns]).

    Examples:
        >>> import idlibstrikes as isk
        >>> doc = geojson(isk.load())
        >>> len(doc["features"]), len(geojson(isk.load(), "series")["features"])
        (7, 4)
        >>> [(f["properties"]["location"], f["properties"]["geo_precision"])
        ...  for f in doc["features"] if f["geometry"]][:3]
        [('al-Jinah', 1), ('Rif Al-Muhandiseen', 3), ('Idlib province', 3)]
        >>> doc["features"][0]["geometry"]
        {'type': 'Point', 'coordinates': [36.787, 36.1079]}
    """
    from ._geo import geojson as collection

    if kind not in ("strikes", "series"):
        raise UnknownNameError(kind, kind="map table", suggestions=("strikes", "series"))
    return collection(to_records(data, kind))


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
    from ._cite import cited_articles

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


def _write(path: Path, text: str) -> Path:
    # newline="" keeps CSV's CRLF line ends as they are on every platform.
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(text)
    return path


def export(
    data: Dataset,
    format: str,
    out: str | os.PathLike[str],
    *,
    partition_by: Sequence[str] = (),
) -> Export:
    """Write the dataset in one of `FORMATS` into the folder ``out`` (created).

    Lossless (``load`` reads them back into an equal dataset): ``json`` writes
    ``idlibstrikes.json``, every lossless table (see [`Tables`][idlibstrikes.Tables]) as
    arrays of rows; ``parquet`` writes one folder of Parquet files per lossless table,
    with the typed schema and its metadata (needs the ``[arrow]`` extra).

    Views for other tools: ``csv`` writes ``<table>.csv`` for each of the analyst's
    tables; ``datapackage`` writes those and ``datapackage.json`` (Frictionless Data
    Package v2); ``geojson`` writes ``strikes.geojson`` and ``series.geojson``, and
    ``geoparquet`` ``strikes.parquet`` and ``series.parquet`` (GeoParquet 1.1): every
    single strike, and apart every series, placed or with a null geometry.

    Args:
        data: The dataset.
        format: One of `FORMATS`.
        out: The folder to write into.
        partition_by: For ``parquet``: columns to Hive-partition by (``("year",)``
            writes ``strikes/year=2019/part-0.parquet``); tables without them are
            written whole.

    Raises:
        UnknownNameError: An unknown format, or a ``partition_by`` column no table has.
        ImportError: ``parquet`` without pyarrow (the message names the extra).

    Examples:
        >>> import idlibstrikes as isk, tempfile
        >>> folder = tempfile.mkdtemp()
        >>> done = export(isk.load(), "datapackage", folder)
        >>> [f.name for f in done.files][-2:]
        ['references.csv', 'datapackage.json']
        >>> done = export(isk.load(), "json", folder)
        >>> isk.load(done.files[0], bundled=False) == isk.load()
        True
    """
    import json  # only when exporting: import idlibstrikes stays cheap

    if format not in FORMATS:
        raise UnknownNameError(format, kind="export format", suggestions=FORMATS)
    if partition_by and format != "parquet":
        raise ValueError(f"partition_by applies to the parquet export, not to {format!r}")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    if format == "json":
        from ._relational import tables_json

        return Export(
            format=format, files=(_write(folder / "idlibstrikes.json", tables_json(data)),)
        )
    if format == "parquet":
        from ._relational import write_parquet

        return Export(format=format, files=tuple(write_parquet(data, folder, partition_by)))
    if format in ("geojson", "geoparquet"):
        # single strikes and series apart, as in the tables: a map layer of events only
        tables = [data.table(kind) for kind in ("strikes", "series")]
        unplaced = tuple(r["id"] for t in tables for r in t if r["latitude"] is None)
        written = []
        if format == "geoparquet":
            from ._geo import geoparquet_table
            from ._table import require

            pq = require("pyarrow.parquet", "arrow", "export('geoparquet')")
            for table in tables:
                path = folder / f"{table.name}.parquet"
                pq.write_table(geoparquet_table(table), path)
                written.append(path)
            return Export(format=format, files=tuple(written), unplaced=unplaced)
        from ._geo import geojson as collection

        for table in tables:
            text = json.dumps(collection(table), ensure_ascii=False, indent=1) + "\n"
            written.append(_write(folder / f"{table.name}.geojson", text))
        return Export(format=format, files=tuple(written), unplaced=unplaced)
    files = [_write(folder / f"{kind}.csv", csv_text(data, kind)) for kind in KINDS]
    if format == "datapackage":
        text = json.dumps(_package(data), ensure_ascii=False, indent=2) + "\n"
        files.append(_write(folder / "datapackage.json", text))
    return Export(format=format, files=tuple(files))
