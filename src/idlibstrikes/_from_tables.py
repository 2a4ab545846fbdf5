"""Reading lossless tables back: the data-file document that tables encode.

Tables given as rows (dicts, pyarrow tables, pandas or Polars frames), a JSON tables export
or a Parquet export folder are written back as a data-file document (``document_bytes``),
which the loader then reads like any file: a table edited by hand (or by an engine) gets
the same problems, with the same messages, as a data file. The columns are ``_columns``'.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ._errors import DataError, Problem
from ._reader import show

if TYPE_CHECKING:
    pass

from ._columns import (
    _FIELDS,
    _KIND_OF,
    _PARENT_KEY,
    _SHARED,
    _SPECS,
    _TOP,
    FORMAT,
    JSON_MARK,
    TABLES,
    Field,
    Row,
    _assemble,
    _close,
    _iso,
    fields,
)

__all__ = [
    "TABLES_NAME",
    "document_bytes",
    "document_of_rows",
    "json_document",
    "plain_rows",
    "without_lines",
]


#: The file name problems in tables read back are reported under.
TABLES_NAME = "(tables)"


def without_lines(problems: Iterable[Problem], suffix: str) -> list[Problem]:
    """Problems with no line where the file is a document made from tables.

    Its lines are those of a text nobody saw; the record and field say where.
    """
    return [attrs.evolve(p, line=None) if p.file.endswith(suffix) else p for p in problems]


def document_bytes(given: Any) -> bytes:
    """The data-file document (UTF-8 JSON) that tables encode (see `from_tables`).

    Raises:
        DataError: Every problem the rows have as tables (not a mapping of tables, a
            table that is not rows, an unknown column, a cell of a type no table holds,
            a position that is not a whole number, a child row whose parent is in no
            table), all at once. The records' own checks are the loader's.
    """
    problems: list[Problem] = []
    if not isinstance(given, Mapping):
        raise DataError(
            [
                _problem(
                    f"expected a mapping of table names to rows, found {type(given).__name__}; "
                    "give Dataset.tables() or a dict such as {'strikes': rows, ...}"
                )
            ]
        )
    rows: dict[str, list[Row]] = {}
    for name, value in given.items():
        if name not in _FIELDS:
            problems.append(
                _problem(
                    f"no lossless table is known as {name!r}" + _did_you_mean(str(name), TABLES),
                    record=str(name),
                )
            )
            continue
        rows[name] = plain_rows(name, value, problems)
    return document_of_rows(rows, problems)


def document_of_rows(rows: Mapping[str, list[Row]], problems: list[Problem]) -> bytes:
    """The data-file document of tables already read as plain rows (see `plain_rows`).

    Raises:
        DataError: ``problems`` met reading the rows, with those of their tables (a
            child row whose parent is in no table), if there are any.
    """
    import json

    children: dict[tuple[str, str, str], list[Row]] = {}
    for name in (*_SHARED, *_PARENT_KEY):
        for row in rows.get(name, ()):
            children.setdefault(_child_key(name, row), []).append(row)
    for found in children.values():
        found.sort(key=_position)
    used: set[tuple[str, str, str]] = set()
    doc: dict[str, Any] = {"idlibstrikes": FORMAT}
    for table in _TOP:
        kind = _KIND_OF.get(table, table)
        made = []
        for row in rows.get(table, ()):
            ident = row.get("id")

            def kids(child: str, key: str, _t: str = table, _id: Any = ident) -> list[Row]:
                at = _child_lookup(child, key, _t, _id)
                used.add(at)
                return children.get(at, [])

            made.append(_assemble(_SPECS[kind], row, "", kids))
        if made:
            doc.setdefault(kind, []).extend(made)
    for (table, parent, listed), orphans in children.items():
        if (table, parent, listed) in used:
            continue
        where = parent.replace("\0", " ")
        what = f"list {listed!r} of " if listed else ""
        problems.append(
            _problem(
                f"{len(orphans)} row(s) of {table} belong to {what}{where}, which no row of "
                "the parent table has (a misspelt id, or a parent row missing)",
                record=table,
            )
        )
    if problems:
        raise DataError(problems)
    # compact: the C encoder (indent would need the pure-Python one); nobody reads it
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), default=_iso)
    return text.encode("utf-8", "surrogatepass")


def _problem(message: str, **kw: Any) -> Problem:
    return Problem(file=TABLES_NAME, message=message, **kw)


def _did_you_mean(name: str, options: Iterable[str]) -> str:
    close = _close(name, options)
    return f"; did you mean: {', '.join(map(repr, close))}?" if close else ""


def _position(row: Row) -> int:
    at = row.get("position")
    return at if isinstance(at, int) else 0


def _child_key(table: str, row: Row) -> tuple[str, str, str]:
    if table in _SHARED:
        return (table, f"{row.get('record_table')}\0{row.get('record_id')}", str(row.get("list")))
    column = _PARENT_KEY[table][0]
    return (table, str(row.get(column)), "")


def _child_lookup(child: str, key: str, table: str, ident: Any) -> tuple[str, str, str]:
    if child in _SHARED:
        return (child, f"{table}\0{ident}", key)
    return (child, str(ident), "")


def plain_rows(name: str, value: Any, problems: list[Problem]) -> list[Row]:
    """Rows as plain dicts, from rows or a table object of a known library.

    Accepted: a sequence of mappings; a pyarrow ``Table``, ``RecordBatch`` or
    ``RecordBatchReader``; a pandas or Polars ``DataFrame`` (a ``LazyFrame`` is
    collected); anything with ``__arrow_c_stream__`` (read with pyarrow).
    """
    known = {f.name: f for f in fields(name)}
    plain = _arrow_rows(value, known)
    if plain is not None:
        return plain
    try:
        found = _row_list(value)
    except (TypeError, ValueError) as exc:
        problems.append(
            _problem(
                f"table {name} is a {type(value).__name__}, not rows ({exc}); give a list "
                "of dicts, a pyarrow table or a DataFrame",
                record=name,
            )
        )
        return []
    out = []
    for i, row in enumerate(found):
        if not isinstance(row, Mapping):
            problems.append(
                _problem(
                    f"row {i} of {name} is a {type(row).__name__}, not a mapping of column "
                    "names to values",
                    record=name,
                )
            )
            continue
        out.append(_cleaned(name, i, dict(row), known, problems))
    return out


def _arrow_rows(value: Any, known: Mapping[str, Field]) -> list[Row] | None:
    """A pyarrow table's rows, where its schema shows every cell is one `_cleaned` keeps.

    Arrow gives each column one type, so the check is made once a column, not once a
    cell (at 10^5 strikes, seconds). Any other table, or a column of another type (a
    float, a timestamp, a day as text, an unknown name, a position that may be null or
    negative), gives ``None``, and the rows are then read cell by cell with every message.
    """
    import sys

    pa = sys.modules.get("pyarrow")
    if pa is None or not isinstance(value, pa.Table | pa.RecordBatch):
        return None
    names = value.schema.names
    if len(set(names)) != len(names):
        return None
    for column in value.schema:
        f = known.get(column.name)
        if f is None or not _kept_as_is(pa, column.type, f):
            return None
    if "position" in names:
        import pyarrow.compute as pc

        position = value.column("position")
        if position.null_count or (len(position) and pc.min(position).as_py() < 0):
            return None
    rows: list[Row] = value.to_pylist()
    return rows


def _kept_as_is(pa: Any, kind: Any, f: Field) -> bool:
    """Whether every value of an Arrow column of this type is a cell `_cleaned` keeps."""
    t = pa.types
    if t.is_dictionary(kind):
        kind = kind.value_type
    if t.is_string(kind) or t.is_large_string(kind):
        return f.type != "date"  # a day as ISO text is read by `_cleaned`
    if t.is_list(kind) or t.is_large_list(kind):
        return bool(t.is_string(kind.value_type) or t.is_large_string(kind.value_type))
    return bool(t.is_integer(kind) or t.is_boolean(kind) or t.is_date(kind) or t.is_null(kind))


def _row_list(value: Any) -> list[Any]:
    from ._table import Table

    if isinstance(value, Table):  # our own: its rows, with no library needed
        return value.to_records()
    if value is None or isinstance(value, str | bytes | Mapping):
        raise TypeError("one table is a sequence of rows")
    if hasattr(value, "collect") and hasattr(value, "lazy") and not hasattr(value, "to_dicts"):
        value = value.collect()  # a Polars LazyFrame
    if hasattr(value, "read_all"):  # a pyarrow RecordBatchReader
        value = value.read_all()
    if hasattr(value, "to_pylist"):  # pyarrow Table or RecordBatch
        return list(value.to_pylist())
    if hasattr(value, "to_dicts"):  # Polars
        return list(value.to_dicts())
    if hasattr(value, "to_dict") and hasattr(value, "columns"):  # pandas
        return list(value.astype(object).where(value.notna(), None).to_dict("records"))
    if hasattr(value, "__arrow_c_stream__"):  # DuckDB relations, and any Arrow stream
        from ._table import require

        pa = require("pyarrow", "arrow", "reading an Arrow stream")
        return list(pa.table(value).to_pylist())
    return list(value)


_PLAIN = (str, int, float, bool, dt.date, list, tuple)
_SIMPLE = frozenset({str, int, bool, type(None), dt.date})  # exactly: no subclass


def _cleaned(name: str, i: int, row: Row, known: dict[str, Field], problems: list[Problem]) -> Row:
    """A row with its cells as the loader reads them, or problems saying why not.

    DataFrames hold NaN or NaT for a missing value, numpy scalars and arrays, and floats
    for nullable integers; JSON holds days as ISO text.
    """
    out: Row = {}
    for key, value in row.items():
        f = known.get(key)
        kind = type(value)
        # what the checks below keep as it is, in one test (a day as ISO text is read below)
        if (
            kind in _SIMPLE
            and f is not None
            and key != "position"
            and (kind is not str or f.type != "date")
        ):
            out[key] = value
            continue
        if f is None:
            problems.append(
                _problem(
                    f"row {i} of {name} has an unknown column {key!r}"
                    + _did_you_mean(str(key), known)
                    + f" (the columns: isk.fields({name!r}))",
                    record=name,
                )
            )
            continue
        if hasattr(value, "to_pydatetime"):  # a pandas Timestamp (or NaT)
            value = None if value != value else value.to_pydatetime()
        elif hasattr(value, "tolist") and not isinstance(value, _PLAIN):
            value = value.tolist()  # numpy scalars and arrays
        if isinstance(value, float) and value != value:
            value = None
        elif isinstance(value, dt.datetime):
            value = value.date()
        elif f.type == "date" and isinstance(value, str):
            # a day that cannot be read is left as text: the loader says what is wrong
            with contextlib.suppress(ValueError):
                value = dt.date.fromisoformat(value)
        elif f.type == "integer" and isinstance(value, float) and value.is_integer():
            value = int(value)  # pandas reads a nullable integer column as floats
        if value is not None and not isinstance(value, _PLAIN):
            problems.append(
                _problem(
                    f"row {i} of {name}, column {key!r}: a {type(value).__name__} "
                    f"({show(value)}) is not a value a table holds",
                    record=name,
                    field=key,
                )
            )
            continue
        if key == "position" and not (type(value) is int and value >= 0):
            problems.append(
                _problem(
                    f"row {i} of {name}: position must be a whole number, 0 or more, "
                    f"not {show(value)}",
                    record=name,
                    field=key,
                )
            )
            continue
        out[key] = value
    return out


def is_tables_json(raw: bytes) -> bool:
    """Whether a file's bytes are a JSON tables export (its first key is `JSON_MARK`)."""
    head = raw[:200].lstrip()
    return head.startswith(b"{") and head[1:].lstrip().startswith(b'"' + JSON_MARK.encode() + b'"')


def json_document(doc: Any) -> bytes:
    """The data-file document a JSON tables export encodes, parsed as a data file is.

    ``doc`` is the export as the data files' parser reads it (every key once, no NaN,
    UTF-8): the export is held to the same rules, and to its own top level (its mark,
    exactly this version's whole number; ``metadata``; ``tables``, every table there).

    Raises:
        DataError: Every problem of its top level, or of its tables (`document_bytes`).
    """
    export = "; export one with Dataset.export('json', folder)"
    if type(doc) is not dict:
        raise DataError(
            [_problem(f"a JSON tables export is an object, not a {type(doc).__name__}{export}")]
        )
    problems = []
    mark = doc.get(JSON_MARK)
    if type(mark) is not int or mark != FORMAT:
        problems.append(
            _problem(
                f"{JSON_MARK} is {show(mark)}; this version reads {FORMAT} (the whole number)"
                + export,
                field=JSON_MARK,
            )
        )
    for key in doc:
        if key not in _EXPORT_KEYS:
            problems.append(
                _problem(
                    f"unknown top-level key {key!r} (a typo?); an export holds "
                    + ", ".join(map(repr, _EXPORT_KEYS))
                    + _did_you_mean(str(key), _EXPORT_KEYS),
                    field=str(key),
                )
            )
    if type(doc.get("metadata", {})) is not dict:
        problems.append(_problem("metadata must be an object", field="metadata"))
    found = doc.get("tables")
    if type(found) is not dict:
        problems.append(
            _problem(f"'tables' must be an object of tables, not {show(found)}", field="tables")
        )
    else:
        # an export names every table (empty ones too): a missing one is lost data
        problems += [
            _problem(f"the export has no table {t!r}; every table must be there", record=t)
            for t in TABLES
            if t not in found
        ]
    if problems or not isinstance(found, dict):
        raise DataError(problems)
    return document_bytes(found)


#: The top-level keys of a JSON tables export.
_EXPORT_KEYS = (JSON_MARK, "metadata", "tables")
