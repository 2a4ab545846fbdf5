"""One table of rows with typed columns, and its conversions: Arrow, Polars, pandas.

A `Table` is what [`Dataset.table`][idlibstrikes.Dataset.table] (the analyst's views)
and [`Dataset.tables`][idlibstrikes.Dataset.tables] (the lossless set) give. It holds
plain rows and knows its columns' types, so each conversion is typed the same way:

* Arrow: ``date32`` for days, ``dictionary<int32, string>`` for closed vocabularies,
  ``int32`` counts (``int64`` for figures about the wider war) with nulls for unknown,
  ``list<string>`` for multi-valued cells; the schema's metadata names the table, the
  data-file format version, the package version and a digest of the data.
* `__arrow_c_stream__` (the Arrow PyCapsule interface), so ``duckdb.sql("from t")``,
  ``polars.DataFrame(t)`` and ``pyarrow.table(t)`` take a table with no extra call.
* pandas: the pandas 3 string dtype, categoricals for vocabularies, nullable ``Int32``/
  ``Int64`` and ``boolean``, ``datetime64[s]`` days, tuples for multi-valued cells.

pyarrow, polars and pandas are optional extras, imported on first use only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, overload

from ._errors import DataError, Problem
from ._records import as_html

if TYPE_CHECKING:
    from ._columns import Field

__all__ = ["Table", "json_rows", "require"]

Row = dict[str, Any]


def require(module: str, extra: str, what: str) -> Any:
    """Import an optional dependency, or fail with the extra that installs it.

    Examples:
        >>> require("json", "none", "this example").__name__
        'json'
    """
    from importlib import import_module

    try:
        return import_module(module)
    except ImportError as exc:
        # the distribution itself, which pip finds wherever this package came from (a
        # checkout, a wheel), and the extra that pins its least version
        top = module.split(".")[0]
        raise ImportError(
            f"{what} needs {top}; install it with pip install {top} (the [{extra}] extra)"
        ) from exc


# Not a registered collections.abc.Sequence at run time: Polars and pyarrow take a
# Sequence for rows and guess their types instead of reading the typed Arrow stream.
if TYPE_CHECKING:
    _Rows = Sequence[Row]
else:
    _Rows = object


class Table(_Rows):
    """Rows of one table with typed columns: a sequence of dicts that converts well.

    Attributes:
        name: The table's name (``strikes``, ``casualty_claims`` ...).
        fields: Its columns (see [`Field`][idlibstrikes.Field]), in order.
        metadata: What the Arrow schema's metadata carries (format, package and data
            versions, and the table's name).

    Examples:
        >>> import idlibstrikes as isk
        >>> t = isk.load(sources="articles").table("strikes")
        >>> len(t), t[0]["id"], t.fields[0].name
        (7, '2017-03-al-jinah', 'id')
        >>> t.to_arrow().schema.field("event_date").type
        DataType(date32[day])
    """

    __slots__ = ("_rows", "fields", "metadata", "name")

    def __init__(
        self,
        name: str,
        fields: Sequence[Field],
        rows: Sequence[Row],
        metadata: Mapping[str, str] | None = None,
    ) -> None:
        """A table called ``name`` with ``fields`` and ``rows`` (dicts keyed by field)."""
        self.name = name
        self.fields = tuple(fields)
        self._rows = tuple(rows)
        self.metadata = dict(metadata or {})

    @overload
    def __getitem__(self, i: int) -> Row: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Row]: ...
    def __getitem__(self, i: int | slice) -> Row | Sequence[Row]:
        return self._rows[i]

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[Row]:
        return iter(self._rows)

    def __repr__(self) -> str:
        return f"<Table {self.name}: {len(self)} rows, {len(self.fields)} columns>"

    def to_records(self) -> list[Row]:
        """The rows as new plain dicts.

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load(sources="articles").table("ceasefires").to_records()[0]["kind"]
            'agreement'
        """
        return [dict(r) for r in self._rows]

    def to_arrow(self) -> Any:
        """A ``pyarrow.Table`` with the typed schema (needs the ``[arrow]`` extra).

        Raises:
            ImportError: pyarrow is not installed (the message names the extra).
            DataError: A count does not fit its column's type.

        Examples:
            >>> import idlibstrikes as isk
            >>> schema = isk.load(sources="articles").table("claims").to_arrow().schema
            >>> str(schema.field("victims").type), str(schema.field("low").type)
            ('dictionary<values=string, indices=int32, ordered=0>', 'int32')
            >>> schema.metadata[b"idlibstrikes.table"]
            b'claims'
        """
        pa = require("pyarrow", "arrow", "to_arrow()")
        schema = pa.schema(
            [pa.field(f.name, arrow_type(pa, f), nullable=not f.required) for f in self.fields],
            metadata=dict(self.metadata),
        )
        arrays = []
        for f in self.fields:
            values = [r.get(f.name) for r in self._rows]
            try:
                arrays.append(pa.array(values, type=schema.field(f.name).type))
            except (OverflowError, pa.ArrowInvalid, pa.ArrowTypeError) as exc:
                raise DataError(
                    [
                        Problem(
                            file=f"table {self.name}",
                            field=f.name,
                            message=f"a value does not fit the column's type "
                            f"({schema.field(f.name).type}): {exc}",
                        )
                    ]
                ) from None
        return pa.Table.from_arrays(arrays, schema=schema)

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """The Arrow PyCapsule stream: DuckDB, Polars and pyarrow read the table directly.

        Examples:
            >>> import idlibstrikes as isk, pyarrow
            >>> pyarrow.table(isk.load(sources="articles").table("ceasefires")).num_rows
            3
        """
        return self.to_arrow().__arrow_c_stream__(requested_schema)

    def to_polars(self) -> Any:
        """A ``polars.DataFrame`` (needs the ``[polars]`` extra; built through Arrow).

        Examples:
            >>> import idlibstrikes as isk
            >>> df = isk.load(sources="articles").table("strikes").to_polars()
            >>> df.filter(df["scope"] == "event").height
            7
        """
        pl = require("polars", "polars", "to_polars()")
        require("pyarrow", "polars", "to_polars()")
        return pl.from_arrow(self.to_arrow())

    def to_dataframe(self) -> Any:
        """A pandas DataFrame (needs the ``[pandas]`` extra).

        Text uses the pandas 3 string dtype, vocabularies are categoricals, counts are
        nullable integers (a missing figure is ``<NA>``, never 0 or NaN), flags nullable
        booleans, days ``datetime64[s]``, and a multi-valued cell is a tuple
        (``DataFrame.explode`` splits it).

        Examples:
            >>> import idlibstrikes as isk
            >>> df = isk.load(sources="articles").table("strikes").to_dataframe()
            >>> str(df["id"].dtype), str(df["scope"].dtype), str(df["deaths_low"].dtype)
            ('str', 'category', 'Int32')
        """
        pd = require("pandas", "pandas", "to_dataframe()")
        series = {
            f.name: pd.Series(
                [r.get(f.name) for r in self._rows], dtype=_pandas_type(pd, f), name=f.name
            )
            for f in self.fields
        }
        return pd.DataFrame(series, columns=[f.name for f in self.fields])

    def _repr_html_(self) -> str:
        return as_html(self)


def arrow_type(pa: Any, f: Field) -> Any:
    """The Arrow type of a field's column."""
    if f.type == "string":
        return pa.dictionary(pa.int32(), pa.string()) if f.vocabulary else pa.string()
    if f.type == "integer":
        return pa.int64() if f.wide else pa.int32()
    return {
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
        "strings": pa.list_(pa.string()),
    }[f.type]


def _pandas_type(pd: Any, f: Field) -> Any:
    if f.type == "string":
        if f.vocabulary:
            return pd.CategoricalDtype(categories=list(f.vocabulary))
        return "str"
    return {
        "integer": "Int64" if f.wide else "Int32",
        "number": "Float64",
        "boolean": "boolean",
        "date": "datetime64[s]",
        "strings": "object",
    }[f.type]


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def json_rows(rows: Iterable[Row]) -> list[dict[str, Any]]:
    """Rows with dates as ISO text and tuples as lists, ready for ``json.dumps``."""
    return [{k: _jsonable(v) for k, v in row.items()} for row in rows]
