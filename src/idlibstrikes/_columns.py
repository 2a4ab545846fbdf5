"""The lossless tables' columns: the data-file format as one table per record and claim kind.

The analyst's tables (`_tables`; their columns: `_view_columns`) are views: one row per
strike, shaped like ACLED and UCDP GED, with figures summarised and claims counted. They
cannot be turned back into a dataset. The lossless tables can: every stored field of
every record and claim has a column, every claim (casualty figure, date, citation,
affiliation, strength, role) is a row with its source and quote. This module says how:
it is shared by writing them (``_relational``) and reading them back (``_from_tables``).

Maintainer's note: a table is described by the ``_Part`` list of the document record it
flattens (``_SPECS``), made from the format's description (``_format``): columns, rows
and the way back are all made from it. A part is a scalar, a list of text, a date range
(four columns: text, earliest, latest, reasoning), a nested object (prefixed columns) or
a list of nested objects (rows in a child table keyed by the parent and a position).
Strikes and series share one document list and are split by ``scope``. Some tables also
carry *derived* columns (a strike's summary date and death figures): they are for
engines and are ignored on the way back, where the loader computes them again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._dates import parse_period, span_text
from ._errors import UnknownNameError
from ._format import FORMAT as FORMAT_SHAPES
from ._format import KINDS as RECORD_KINDS
from ._format import Field as FormatField
from ._format import Format, Shape

if TYPE_CHECKING:
    pass

__all__ = ["JSON_MARK", "TABLES", "Field", "fields"]

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
    for kind in RECORD_KINDS
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
        ['record_table', 'record_id', 'list', 'position', 'about', 'source', 'quote', 'row']
    """
    try:
        return _FIELDS[table]
    except KeyError:
        raise UnknownNameError(
            table, kind="lossless table", suggestions=_close(table, TABLES)
        ) from None


def _close(name: str, options: Iterable[str]) -> tuple[str, ...]:
    """The options closest to a mistyped name (all of them where there are few)."""
    from ._names import Suggester

    known = sorted(options)
    close = Suggester(known).suggest(name, n=4)
    return close if close else tuple(known) if len(known) <= 20 else ()


#: The first key of a JSON tables export; `load` recognises the file by it.
JSON_MARK = "idlibstrikes_tables"


def _iso(value: Any) -> str:
    """``json.dumps``'s hook for the one kind of cell JSON has no type for: a day.

    Rows reach it cleaned (`_cleaned`): tuples are JSON arrays already, and numpy
    values and timestamps have become Python ones.
    """
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__}")
