"""Lossless relational tables: the data-file format as one table per record and claim kind.

The analyst's tables (`_tables`) are views: one row per strike, shaped like ACLED and
UCDP GED, with figures summarised and claims counted. They cannot be turned back into a
dataset. The tables here can: every stored field of every record and claim has a column,
every claim (casualty figure, date, citation, affiliation, strength, role) is a row with
its source and quote, and [`from_tables`][idlibstrikes.from_tables] rebuilds the dataset
by writing the data-file document and loading it through the checked loader, so a table
edited by hand (or by an engine) gets the same problems, with the same messages, as a
data file.

Maintainer's note: a table is described once, by the ``_Part`` list of the document
record it flattens (``_SPECS``); columns, rows and the way back are all made from it.
A part is a scalar, a list of text, a date range (four columns: text, earliest, latest,
reasoning), a nested object (prefixed columns) or a list of nested objects (rows in a
child table keyed by the parent and a position). Strikes and series share one document
list and are split by ``scope``. Some tables also carry *derived* columns (a strike's
summary date and death figures, as F computes them): they are for engines and are
ignored on the way back, where the loader computes them again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._dates import parse_period, span_text
from ._errors import DataError, Problem, UnknownNameError
from ._files import KINDS as FILE_KINDS
from ._format import FORMAT as FORMAT_SHAPES
from ._format import Field as FormatField
from ._format import Format, Shape
from ._models import (
    Outcome,
    Victims,
)
from ._reader import show

if TYPE_CHECKING:
    from ._dataset import Dataset
    from ._table import Table

__all__ = ["TABLES", "Field", "Tables", "fields", "from_tables", "tables"]

FieldType = Literal["string", "integer", "number", "boolean", "date", "strings"]
Row = dict[str, Any]

#: The data-file format version the tables encode (the ``"idlibstrikes"`` key of a file).
FORMAT = 1


@attrs.frozen(kw_only=True)
class Field:
    """One column of a lossless table.

    Attributes:
        name: The column's name.
        type: ``string``, ``integer``, ``number``, ``boolean``, ``date`` (a day) or
            ``strings`` (a list of text).
        description: What a value means.
        vocabulary: The words a ``string`` column may hold, where it is a closed list.
        required: Whether every row has a value.
        derived: Computed by the library from the other tables (summary dates and
            figures); ignored when tables are read back.
        wide: Counts that may exceed 32 bits (figures about the wider war).

    Examples:
        >>> import idlibstrikes as isk
        >>> f = isk.fields("casualty_claims")[2]
        >>> f.name, f.type, f.vocabulary
        ('victims', 'string', ('all', 'civilians', 'militants', 'commanders', 'children'))
    """

    name: str
    type: FieldType
    description: str
    vocabulary: tuple[str, ...] | None = None
    required: bool = False
    derived: bool = False
    wide: bool = False


def _words(vocabulary: Iterable[Any]) -> tuple[str, ...]:
    return tuple(str(v.value) for v in vocabulary)


# -- parts of a document record ------------------------------------------------------------


class _Part:
    """How one key of a document record maps to columns (and back)."""

    key: str

    def fields(self, prefix: str) -> list[Field]:
        raise NotImplementedError

    def put(self, value: Any, row: Row, prefix: str, emit: _Emit) -> None:
        raise NotImplementedError

    def take(self, row: Row, prefix: str, children: _Children) -> Any:
        """The document value for this key, or ``None`` to leave the key out."""
        raise NotImplementedError


_Emit = Callable[[str, Row], None]  # (child table, row) -> None
_Children = Callable[[str, str], list[Row]]  # (child table, list key) -> rows in order


@attrs.frozen
class _Scalar(_Part):
    key: str
    type: FieldType
    description: str
    vocabulary: tuple[str, ...] | None = None
    required: bool = False
    keep_null: bool = False  # "high": null means "no upper bound": it is written
    wide: bool = False

    def fields(self, prefix: str) -> list[Field]:
        return [
            Field(
                name=prefix + self.key,
                type=self.type,
                description=self.description,
                vocabulary=self.vocabulary,
                required=self.required or self.type == "boolean",
                wide=self.wide,
            )
        ]

    def put(self, value: Any, row: Row, prefix: str, emit: _Emit) -> None:
        if self.type == "boolean":
            value = bool(value)  # absent means false in the data files
        elif self.type == "strings":
            value = tuple(value or ())
        row[prefix + self.key] = value

    def take(self, row: Row, prefix: str, children: _Children) -> Any:
        value = row.get(prefix + self.key)
        if self.type == "strings":
            return list(value) if value is not None and len(value) else None
        if self.type == "boolean":
            return True if value else None
        if value is None and self.keep_null:
            return _NULL
        return value


_NULL = object()  # a key written with the value null


@attrs.frozen
class _Range(_Part):
    """A date range: ``{text, span | earliest/latest, reasoning}`` as four columns."""

    key: str
    description: str

    def fields(self, prefix: str) -> list[Field]:
        name = prefix + self.key
        return [
            Field(name=f"{name}_text", type="string", description=f"{self.description}: wording."),
            Field(
                name=f"{name}_earliest",
                type="date",
                description=f"{self.description}: earliest possible day; empty: no bound.",
            ),
            Field(
                name=f"{name}_latest",
                type="date",
                description=f"{self.description}: latest possible day; empty: no bound.",
            ),
            Field(
                name=f"{name}_reasoning",
                type="string",
                description=f"{self.description}: how the range was read.",
            ),
        ]

    def put(self, value: Any, row: Row, prefix: str, emit: _Emit) -> None:
        name = prefix + self.key
        earliest = latest = None
        if value is not None:
            if "span" in value:
                earliest, latest = parse_period(value["span"].replace("/", ".."))
            else:
                earliest = _day(value.get("earliest"))
                latest = _day(value.get("latest"))
        value = value or {}
        row[f"{name}_text"] = value.get("text")
        row[f"{name}_earliest"] = earliest
        row[f"{name}_latest"] = latest
        row[f"{name}_reasoning"] = value.get("reasoning")

    def take(self, row: Row, prefix: str, children: _Children) -> Any:
        name = prefix + self.key
        text, reasoning = row.get(f"{name}_text"), row.get(f"{name}_reasoning")
        first, last = row.get(f"{name}_earliest"), row.get(f"{name}_latest")
        if text is None and first is None and last is None and reasoning is None:
            return None
        out: dict[str, Any] = {"text": text}
        if isinstance(first, dt.date) and isinstance(last, dt.date):
            out["span"] = span_text(first, last)
        else:
            for side, day in (("earliest", first), ("latest", last)):
                if day is not None:
                    out[side] = day.isoformat() if isinstance(day, dt.date) else day
        if reasoning is not None:
            out["reasoning"] = reasoning
        return out


def _day(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


@attrs.frozen
class _Nested(_Part):
    """A nested object, flattened into columns prefixed with its key."""

    key: str
    parts: tuple[_Part, ...]

    def fields(self, prefix: str) -> list[Field]:
        # the object may be absent, so none of its columns is required
        inner = (f for p in self.parts for f in p.fields(f"{prefix}{self.key}_"))
        return [attrs.evolve(f, required=False) for f in inner]

    def put(self, value: Any, row: Row, prefix: str, emit: _Emit) -> None:
        inner = f"{prefix}{self.key}_"
        for part in self.parts:
            part.put((value or {}).get(part.key), row, inner, emit)

    def take(self, row: Row, prefix: str, children: _Children) -> Any:
        out = _assemble(self.parts, row, f"{prefix}{self.key}_", children)
        return out or None


@attrs.frozen
class _Child(_Part):
    """A list of nested objects: rows of another table (see ``_CHILD``)."""

    key: str
    table: str

    def fields(self, prefix: str) -> list[Field]:
        return []

    def put(self, value: Any, row: Row, prefix: str, emit: _Emit) -> None:
        for position, item in enumerate(value or ()):
            child: Row = {"position": position}
            if self.table in _SHARED:
                child["list"] = self.key
            _flatten(_SPECS[self.table], item, child, emit)
            emit(self.table, child)

    def take(self, row: Row, prefix: str, children: _Children) -> Any:
        rows = children(self.table, self.key)
        return [_assemble(_SPECS[self.table], r, "", children) for r in rows] or None


def _flatten(parts: Sequence[_Part], record: Mapping[str, Any], row: Row, emit: _Emit) -> None:
    for part in parts:
        part.put(record.get(part.key), row, "", emit)


def _assemble(parts: Sequence[_Part], row: Row, prefix: str, children: _Children) -> Row:
    out: Row = {}
    for part in parts:
        value = part.take(row, prefix, children)
        if value is _NULL:
            out[part.key] = None
        elif value is not None:
            out[part.key] = value
    return out


# -- the tables ----------------------------------------------------------------------------


def _part(field: FormatField, fmt: Format) -> _Part | None:
    """How one field of the format's description maps to columns (``None``: it does not)."""
    t, of, key, doc = field.type, field.of, field.name, field.doc
    if not field.tables:
        return None
    if t in ("object", "objects"):
        assert isinstance(of, str)
        if t == "objects":
            table = fmt[of].table
            assert table is not None, of
            return _Child(key, table)
        if of == "date":
            return _Range(key, doc)
        return _Nested(key, _parts(fmt[of], fmt))
    # a field with a default always has a value in the tables (a strike's kind: unknown)
    required = field.required or field.default not in (None, False)
    if t in ("refs", "texts", "words"):
        return _Scalar(key, "strings", doc, required=required)
    if t in ("count", "integer"):
        return _Scalar(
            key, "integer", doc, required=required, keep_null=field.keep_null, wide=field.wide
        )
    if t == "number":
        return _Scalar(key, "number", doc, required=required)
    if t == "flag":
        return _Scalar(key, "boolean", doc)
    if t == "day":
        return _Scalar(key, "date", doc, required=required)
    vocabulary = None
    if t == "word":
        vocabulary = of if isinstance(of, tuple) else _words(of)  # type: ignore[arg-type]
    return _Scalar(key, "string", doc, vocabulary=vocabulary, required=required)


def _parts(shape: Shape, fmt: Format) -> tuple[_Part, ...]:
    """The columns of a shape's objects: one part per field the tables hold."""
    return tuple(p for f in shape.fields if (p := _part(f, fmt)) is not None)


#: Each table's parts, made from the format's description (``_format``): a kind of record's
#: table from its shape, a child table from the shape its rows are objects of.
_SPECS: dict[str, tuple[_Part, ...]] = {
    **{shape.plural: _parts(shape, FORMAT_SHAPES) for shape in FORMAT_SHAPES.kinds if shape.plural},
    **{
        shape.table: _parts(shape, FORMAT_SHAPES)
        for shape in FORMAT_SHAPES.shapes.values()
        if shape.table is not None
    },
}

# Child tables used by several kinds of record name the record's table and the list.
_SHARED = ("date_claims", "citations")
_KIND_OF = {"series": "strikes"}  # a table -> the document list it comes from

#: The lossless tables, parents before children.
TABLES: tuple[str, ...] = (
    "sources",
    "places",
    "people",
    "roles",
    "groups",
    "affiliations",
    "strength_estimates",
    "announcements",
    "strikes",
    "series",
    "attributions",
    "casualty_claims",
    "date_claims",
    "citations",
    "ceasefires",
    "developments",
    "figures",
    "references",
)
# the record tables, in the data-file format's order, with series beside strikes
_TOP = tuple(
    table
    for kind in FILE_KINDS
    if kind != "additions"
    for table in ((kind, "series") if kind == "strikes" else (kind,))
)
_PARENT_KEY = {
    "roles": ("person_id", "people"),
    "affiliations": ("group_id", "groups"),
    "strength_estimates": ("group_id", "groups"),
    "casualty_claims": ("strike_id", "strikes or series"),
    "attributions": ("strike_id", "strikes or series"),
}


def _derived(name: str, type: FieldType, description: str) -> Field:
    return Field(
        name=name,
        type=type,
        description=description,
        derived=True,
        required=name == "date_disputed",
    )


_DERIVED_STRIKE = tuple(
    _derived(*spec)
    for spec in (
        ("year", "integer", "The year of date_earliest."),
        ("date_earliest", "date", "Summary date: the earliest possible day (the codebook's rule)."),
        ("date_latest", "date", "Summary date: the latest possible day."),
        ("date_disputed", "boolean", "The sources' dates conflict."),
        ("deaths_low", "integer", "Deaths, all victims: low (as in the strikes view)."),
        ("deaths_high", "integer", "Deaths: high (a floor where deaths_open_ended)."),
        ("deaths_open_ended", "boolean", "The account at high gives only a floor."),
        ("deaths_best", "integer", "UCDP's best estimate."),
        ("deaths_disputed", "boolean", "The accounts disagree."),
    )
)


def _head(table: str) -> list[Field]:
    """The key columns a child row starts with."""
    if table in _SHARED:
        return [
            Field(
                name="record_table",
                type="string",
                description="The table of the record the row belongs to.",
                vocabulary=_TOP,
                required=True,
            ),
            Field(
                name="record_id",
                type="string",
                description="The id of the record the row belongs to.",
                required=True,
            ),
            Field(
                name="list",
                type="string",
                description="Which of the record's lists the row is in (date_claims, "
                "start_claims, founding ...).",
                required=True,
            ),
            Field(
                name="position",
                type="integer",
                description="The row's place in that list, from 0.",
                required=True,
            ),
        ]
    if table in _PARENT_KEY:
        name, parent = _PARENT_KEY[table]
        return [
            Field(name=name, type="string", description=f"The id in {parent}.", required=True),
            Field(
                name="position",
                type="integer",
                description="The row's place in the record's list, from 0.",
                required=True,
            ),
        ]
    return []


def _fields_of(table: str) -> tuple[Field, ...]:
    spec = _SPECS[_KIND_OF.get(table, table)]
    own = [f for p in spec for f in p.fields("")]
    if table in ("strikes", "series"):
        own.extend(_DERIVED_STRIKE)
    if table == "casualty_claims":
        own.append(
            Field(name="year", type="integer", description="The strike's year.", derived=True)
        )
    return (*_head(table), *own)


_FIELDS = {t: _fields_of(t) for t in TABLES}


def fields(table: str) -> tuple[Field, ...]:
    """The columns of one lossless table, in order.

    Args:
        table: One of `TABLES` (``strikes``, ``casualty_claims``, ``date_claims`` ...).

    Raises:
        UnknownNameError: An unknown table.

    Examples:
        >>> import idlibstrikes as isk
        >>> [f.name for f in isk.fields("citations")]
        ['record_table', 'record_id', 'list', 'position', 'about', 'source', 'quote']
    """
    try:
        return _FIELDS[table]
    except KeyError:
        raise UnknownNameError(
            table, kind="lossless table", suggestions=_close(table, TABLES)
        ) from None


# -- dataset -> tables -----------------------------------------------------------------------


class Tables(Mapping[str, "Table"]):
    """The lossless tables of a dataset: table name -> [`Table`][idlibstrikes.Table].

    Made by [`Dataset.tables`][idlibstrikes.Dataset.tables]; read back with
    [`from_tables`][idlibstrikes.from_tables] (or `to_dataset`). Each table's rows are
    dicts keyed by its [`fields`][idlibstrikes.fields]; dates are ``datetime.date``,
    lists are tuples, a missing value is ``None``. Tables come in `TABLES` order,
    parents before children.

    Examples:
        >>> import idlibstrikes as isk
        >>> t = isk.load().tables()
        >>> len(t["strikes"]), len(t["series"]), len(t["casualty_claims"])
        (7, 4, 20)
        >>> t.to_dataset() == isk.load()
        True
    """

    __slots__ = ("_tables",)

    def __init__(self, rows: Mapping[str, Sequence[Row]], metadata: Mapping[str, str]) -> None:
        """Rows by table name (missing tables are empty), and the schema metadata."""
        from ._table import Table

        self._tables = {
            t: Table(t, _FIELDS[t], rows.get(t, ()), {**metadata, "idlibstrikes.table": t})
            for t in TABLES
        }

    def __getitem__(self, table: str) -> Table:
        fields(table)  # an unknown name raises with suggestions
        return self._tables[table]

    def __iter__(self) -> Any:
        return iter(TABLES)

    def __len__(self) -> int:
        return len(TABLES)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{t}={len(r)}" for t, r in self._tables.items())
        return f"Tables({sizes})"

    def to_dataset(self) -> Dataset:
        """The dataset these tables encode (see [`from_tables`][idlibstrikes.from_tables]).

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load().tables().to_dataset().strike("2025-02-15-urum-al-jawz").place.id
            'urum-al-jawz-motorway'
        """
        return from_tables(self)


def tables(data: Dataset) -> Tables:
    """The dataset as lossless relational tables (see `Tables`)."""
    from ._casualties import summarize
    from ._write import to_document

    out: dict[str, list[Row]] = {t: [] for t in TABLES}
    doc = to_document(data)
    strikes = {s.id: s for s in data.strikes}
    for kind, records in doc.items():
        if kind == "idlibstrikes":
            continue
        for record in records:
            if kind == "announcements" and "reports" not in record:
                record = _reports_form(record)
            table = "series" if kind == "strikes" and record["scope"] == "series" else kind
            row: Row = {}
            children: list[tuple[str, Row]] = []
            _flatten(_SPECS[kind], record, row, _collector(children))
            if kind == "strikes":
                strike = strikes[record["id"]]
                deaths = summarize(strike, Victims.ALL, Outcome.KILLED)
                earliest, latest = (_known(strike.date.earliest), _known(strike.date.latest))
                row |= {
                    "year": earliest.year if earliest else None,
                    "date_earliest": earliest,
                    "date_latest": latest,
                    "date_disputed": strike.date.disputed,
                    "deaths_low": deaths.low,
                    "deaths_high": deaths.high,
                    "deaths_open_ended": deaths.open_ended if deaths.known else None,
                    "deaths_best": deaths.best,
                    "deaths_disputed": deaths.disputed if deaths.known else None,
                }
            out[table].append(_ordered(table, row))
            for child_table, child in children:
                _own(child_table, child, table, record["id"], row)
                out[child_table].append(_ordered(child_table, child))
    return Tables(out, metadata(data, "lossless"))


def metadata(data: Dataset, layout: str) -> dict[str, str]:
    """What a table's Arrow schema says about where it comes from."""
    from importlib import metadata as meta  # only when exporting: import stays cheap

    try:
        version = meta.version("idlibstrikes")
    except meta.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        version = "unknown"
    return {
        "idlibstrikes.layout": layout,
        "idlibstrikes.format": str(FORMAT),
        "idlibstrikes.package": version,
        "idlibstrikes.data": data.digest,
    }


def _close(name: str, options: Iterable[str]) -> tuple[str, ...]:
    """The options closest to a mistyped name (all of them where there are few)."""
    from ._names import Suggester

    known = sorted(options)
    close = Suggester(known).suggest(name, n=4)
    return close if close else tuple(known) if len(known) <= 20 else ()


def _collector(into: list[tuple[str, Row]]) -> _Emit:
    def emit(table: str, row: Row) -> None:
        into.append((table, row))

    return emit


def _known(day: dt.date) -> dt.date | None:
    return None if day in (dt.date.min, dt.date.max) else day


def _reports_form(record: Row) -> Row:
    """An announcement in its compact form (one report) as a list of reports."""
    report = {k: record[k] for k in ("date", "source", "quote") if k in record}
    rest = {k: v for k, v in record.items() if k not in report}
    return {**rest, "reports": [report]}


def _own(child_table: str, child: Row, table: str, record_id: str, parent: Row) -> None:
    """Fill a child row's key columns (a grandchild, such as a role's, is its parent's)."""
    if child_table in _SHARED:
        child["record_table"], child["record_id"] = table, record_id
    elif child_table in _PARENT_KEY:
        child[_PARENT_KEY[child_table][0]] = record_id
    if child_table == "casualty_claims":
        child["year"] = parent.get("year")


def _ordered(table: str, row: Row) -> Row:
    return {f.name: row.get(f.name) for f in _FIELDS[table]}


# -- tables -> dataset -----------------------------------------------------------------------


def from_tables(given: Mapping[str, Any]) -> Dataset:
    """The dataset that lossless tables encode, built and checked by the loader.

    The tables are written back as a data-file document and loaded like a file, so
    every check the loader makes applies, and a problem names the record and field.
    Derived columns (summary dates, death figures) are ignored: the loader computes
    them again. Row order within a record's list comes from ``position``.

    Args:
        given: Table name -> rows: a [`Tables`][idlibstrikes.Tables], or a mapping of
            sequences of dicts, pyarrow tables, or pandas or Polars DataFrames. Tables
            not given are empty.

    Raises:
        DataError: Every problem at once: the tables' own (an unknown table or column,
            a row that is not a mapping, a cell no table holds, a child row whose parent
            is missing) or the records' (the loader's checks).

    Examples:
        >>> import idlibstrikes as isk
        >>> t = isk.load().tables()
        >>> isk.from_tables(t) == isk.load()
        True
        >>> rows = {name: table.to_records() for name, table in t.items()}
        >>> rows["casualty_claims"][0]["low"] = -1
        >>> isk.from_tables(rows)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        idlibstrikes._errors.DataError: 1 problem in the data:
          (tables): 2017-03-al-jinah.claims[0].low: must not be negative (found -1, ...)
    """
    from ._dataset import _from_raw, collector_paused
    from ._files import read_files

    try:
        with collector_paused():
            raw = read_files([(TABLES_NAME, document_bytes(given))])
            return _from_raw(raw)
    except DataError as exc:
        raise DataError(without_lines(exc.problems, TABLES_NAME)) from None


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
    import json  # only when reading tables back: import idlibstrikes stays cheap

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
        rows[name] = _plain_rows(name, value, problems)
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


def _iso(value: Any) -> str:
    """``json.dumps``'s hook for the one kind of cell JSON has no type for: a day.

    Rows reach it cleaned (`_cleaned`): tuples are JSON arrays already, and numpy
    values and timestamps have become Python ones.
    """
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__}")


def _plain_rows(name: str, value: Any, problems: list[Problem]) -> list[Row]:
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


# -- the JSON and Parquet exports of the tables ---------------------------------------------

#: The first key of a JSON tables export; `load` recognises the file by it.
JSON_MARK = "idlibstrikes_tables"


def tables_json(data: Dataset) -> str:
    """The lossless tables as one JSON document (dates ISO text, lists arrays).

    Examples:
        >>> import idlibstrikes as isk, json
        >>> doc = json.loads(tables_json(isk.load()))
        >>> list(doc)[:2], doc["tables"]["casualty_claims"][0]["low"]
        (['idlibstrikes_tables', 'metadata'], 24)
    """
    import json

    made = tables(data)
    meta = next(iter(made.values())).metadata
    body = {
        JSON_MARK: FORMAT,
        "metadata": {k: v for k, v in meta.items() if k != "idlibstrikes.table"},
        "tables": {name: t.to_records() for name, t in made.items()},
    }
    return json.dumps(body, ensure_ascii=False, indent=1, default=_iso) + "\n"


def is_tables_json(raw: bytes) -> bool:
    """Whether a file's bytes are a JSON tables export (its first key is `JSON_MARK`)."""
    head = raw[:200].lstrip()
    return head.startswith(b"{") and head[1:].lstrip().startswith(b'"' + JSON_MARK.encode() + b'"')


def json_document(raw: bytes) -> bytes:
    """The data-file document a JSON tables export encodes."""
    import json

    try:
        doc = json.loads(raw)
        found = doc["tables"]
        if not isinstance(found, dict):
            raise TypeError("'tables' is not an object")
        if doc.get(JSON_MARK) != FORMAT:
            raise ValueError(f"{JSON_MARK} is {doc.get(JSON_MARK)!r}; this version reads {FORMAT}")
    except (ValueError, KeyError, TypeError) as exc:
        raise DataError(
            [
                _problem(
                    f"not a JSON tables export this version reads ({exc}); export one with "
                    "Dataset.export('json', folder)"
                )
            ]
        ) from None
    missing = [t for t in TABLES if t not in found]
    if missing:
        # an export names every table (empty ones too): a missing one is lost data
        raise DataError(
            [_problem(f"the export has no table {t!r}; every table must be there") for t in missing]
        )
    return document_bytes(found)


def is_parquet_export(folder: Any) -> bool:
    """Whether a folder is a Parquet tables export (it holds ``sources/*.parquet``)."""
    from pathlib import Path

    return any((Path(folder) / "sources").glob("*.parquet"))


def parquet_document(folder: Any) -> bytes:
    """The data-file document a Parquet tables export encodes (needs pyarrow)."""
    from pathlib import Path

    from ._table import arrow_type as _arrow_type
    from ._table import require

    ds = require("pyarrow.dataset", "arrow", "reading a Parquet export")
    pa = require("pyarrow", "arrow", "reading a Parquet export")
    found = {}
    missing = []
    for name in TABLES:
        where = Path(folder) / name
        files = sorted(where.rglob("*.parquet")) if where.is_dir() else []
        if not files:
            missing.append(name)
            continue
        # The partition columns' types come from the table's fields, not from guessing
        # at folder names (a column that is null throughout cannot be guessed).
        keys = {
            part.split("=", 1)[0]
            for f in files
            for part in f.relative_to(where).parts[:-1]
            if "=" in part
        }
        types = {f.name: _arrow_type(pa, f) for f in _FIELDS[name]}
        schema = pa.schema([(k, types.get(k, pa.string())) for k in sorted(keys)])
        partitioning = ds.partitioning(schema, flavor="hive") if keys else None
        found[name] = ds.dataset(where, format="parquet", partitioning=partitioning).to_table()
    if missing:
        # the export writes every table, empty ones too: a missing one is lost data
        raise DataError(
            [
                _problem(f"the export has no Parquet files for table {t!r} ({t}/*.parquet)")
                for t in missing
            ]
        )
    return document_bytes(found)


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
    from pathlib import Path

    from ._table import require

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
