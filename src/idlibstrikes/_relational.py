"""Writing lossless relational tables: a dataset as one table per record and claim kind.

Every stored field of every record and claim has a column (see ``_columns``); a dataset's
tables are read back into a dataset by [`from_tables`][idlibstrikes.from_tables]
(``_from_tables``, then the loader). Here: the tables of a dataset; the ``json`` and
``parquet`` exports (``_export``) write them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ._models import (
    Outcome,
    Victims,
)

if TYPE_CHECKING:
    from ._dataset import Dataset
    from ._table import Table

from ._columns import (
    _FIELDS,
    _PARENT_KEY,
    _SHARED,
    _SPECS,
    FORMAT,
    TABLES,
    Row,
    _Emit,
    _flatten,
    fields,
)

__all__ = ["Tables", "metadata", "tables"]


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
        >>> t = isk.load(sources="articles").tables()
        >>> len(t["strikes"]), len(t["series"]), len(t["casualty_claims"])
        (7, 4, 20)
        >>> t.to_dataset() == isk.load(sources="articles")
        True
    """

    __slots__ = ("_read_back", "_tables")

    def __init__(
        self,
        rows: Mapping[str, Sequence[Row]],
        metadata: Mapping[str, str],
        read_back: Callable[[Tables], Dataset] | None = None,
    ) -> None:
        """Rows by table name (missing tables are empty) and the schema metadata.

        ``read_back`` makes tables a dataset again (``from_tables``, of the layer above).
        """
        from ._table import Table

        self._read_back = read_back
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
            >>> articles = isk.load(sources="articles")
            >>> articles.tables().to_dataset().strike("2025-02-15-urum-al-jawz").place.id
            'urum-al-jawz-motorway'
        """
        if self._read_back is None:  # tables made only to be written
            raise TypeError("these tables were made to be written, not read back")
        return self._read_back(self)


def tables(data: Dataset, read_back: Callable[[Tables], Dataset] | None = None) -> Tables:
    """The dataset as lossless relational tables (see `Tables`).

    ``read_back`` makes tables a dataset again (``from_tables``).
    """
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
    return Tables(out, metadata(data, "lossless"), read_back)


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
