"""Query results: immutable sequences of records that are also tables.

``strikes_by_group`` and ``strikes_between`` return ``Strikes``, ``ceasefires_on``
returns ``Ceasefires``. Each is an immutable sequence, equal to the tuple of the same
records and hashable like it; slicing gives a plain tuple. Each is also a table of the
matching view (``to_records``, ``to_dataframe``, ``to_arrow``, ``to_polars`` and the
Arrow stream) and shows in a notebook as a table with sources.

Why not tuple subclasses (nor registered sequences): DuckDB, Polars and pyarrow read
those as values, never asking for the Arrow stream, so ``duckdb.sql("from found")``
would fail on one and ``polars.DataFrame(found)`` would guess the types.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from ._errors import UnknownNameError
from ._models import Ceasefire, CeasefireStatus, Group, Outcome, Strike, Victims

if TYPE_CHECKING:
    from ._casualties import Casualties
    from ._dataset import Dataset
    from ._dates import PeriodLike
    from ._table import Table

__all__ = ["Ceasefires", "Strikes"]


T = TypeVar("T")

# Not a registered collections.abc.Sequence at run time: Polars and pyarrow take a
# Sequence for rows of values and never ask it for its Arrow stream. Type checkers see
# a Sequence, which is what it behaves as.
if TYPE_CHECKING:
    _Sequence = Sequence
else:

    class _Sequence(Generic[T]):
        __slots__ = ()

        def __contains__(self, value: object) -> bool:
            return value in self._items

        def __reversed__(self) -> Iterator[T]:
            return reversed(self._items)

        def index(self, value: object, start: int = 0, stop: int = sys.maxsize) -> int:
            return self._items.index(value, start, stop)

        def count(self, value: object) -> int:
            return self._items.count(value)


class _Result(_Sequence[T]):
    """An immutable sequence of records, equal to the tuple of them, and a view table."""

    __slots__ = ("_items",)
    _items: tuple[T, ...]
    _kind = ""  # the view these records are rows of
    _views: tuple[str, ...] = ()  # the views they can be rows of (the first by default)

    def __init__(self, items: Iterable[T] = ()) -> None:
        object.__setattr__(self, "_items", tuple(items))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"query results are immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"query results are immutable: cannot delete {name!r}")

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[T, ...]: ...
    def __getitem__(self, i: int | slice) -> T | tuple[T, ...]:
        return self._items[i]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Result):
            return self._items == other._items
        if isinstance(other, tuple):
            return self._items == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._items)

    def __add__(self, other: Iterable[T]) -> tuple[T, ...]:
        return self._items + tuple(other)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self._items)!r})"

    def _dataset(self) -> Dataset | None:
        return None

    def table(self, kind: str | None = None) -> Table:
        """These records as a [`Table`][idlibstrikes.Table] of their view.

        Args:
            kind: The view: for strikes, ``"strikes"`` (the default: the single strikes
                among them) or ``"series"`` (the series among them); each table holds its
                own records only, so that a series is never summed or counted as a strike.

        Raises:
            UnknownNameError: A view these records are not rows of.

        Examples:
            >>> import idlibstrikes as isk
            >>> t = isk.load(sources="articles").strikes_by_group("Hurras al-Din").table()
            >>> len(t), t[0]["location"]
            (4, 'Rif Al-Muhandiseen')
            >>> found = isk.load(sources="articles").strikes_between("2019", include_series=True)
            >>> len(found), len(found.table()), len(found.table("series"))
            (6, 4, 2)
        """
        from ._relational import metadata
        from ._table import Table
        from ._tables import rows_of
        from ._view_columns import view_fields

        kind = self._kind if kind is None else kind
        if kind not in self._views:
            raise UnknownNameError(
                kind, kind=f"view of {type(self).__name__}", suggestions=self._views
            )
        meta = {"idlibstrikes.table": kind}
        data = self._dataset()
        if data is not None:
            meta = {**metadata(data, "view"), **meta}
        rows = rows_of(kind, self, data)
        return Table(kind, view_fields(kind), rows, meta)

    def to_records(self, kind: str | None = None) -> list[dict[str, Any]]:
        """One dict per record, the view's columns (see [`columns`][idlibstrikes.columns]).

        ``kind`` as for `table`.

        Examples:
            >>> import idlibstrikes as isk
            >>> rows = isk.load(sources="articles").strikes_by_group("Hurras al-Din").to_records()
            >>> [r["deaths_high"] for r in rows]
            [8, 40, 1, 2]
        """
        return self.table(kind).to_records()

    def to_dataframe(self, kind: str | None = None) -> Any:
        """A pandas DataFrame of these records (``[pandas]`` extra); ``kind`` as for `table`.

        Examples:
            >>> import idlibstrikes as isk
            >>> articles = isk.load(sources="articles")
            >>> articles.strikes_by_group("Hurras al-Din").to_dataframe().shape[0]
            4
        """
        return self.table(kind).to_dataframe()

    def to_arrow(self, kind: str | None = None) -> Any:
        """A ``pyarrow.Table`` of these records (``[arrow]`` extra); ``kind`` as for `table`.

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load(sources="articles").ceasefires_on("2019-08-31").to_arrow().num_rows
            2
        """
        return self.table(kind).to_arrow()

    def to_polars(self, kind: str | None = None) -> Any:
        """A ``polars.DataFrame`` of these records (``[polars]`` extra); ``kind`` as for `table`.

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load(sources="articles").strikes_by_group("Hurras al-Din").to_polars().height
            4
        """
        return self.table(kind).to_polars()

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """The Arrow PyCapsule stream of the view (``duckdb.sql("from found")``).

        Examples:
            >>> import idlibstrikes as isk, pyarrow
            >>> found = isk.load(sources="articles").strikes_by_group("Hurras al-Din")
            >>> pyarrow.table(found).num_rows
            4
        """
        return self.table().__arrow_c_stream__(requested_schema)


class Strikes(_Result[Strike]):
    """Strikes from a query: a tuple that is also a table, and can be asked again.

    It converts like a [`Table`][idlibstrikes.Table] of the strikes view
    (`to_records`, `to_dataframe`, `to_arrow`, `to_polars`, and the Arrow stream, so
    ``duckdb.sql("from found")`` works), can be narrowed with the dataset's own queries
    (`strikes_between`, `strikes_by_group`) and summed with `casualties`. In a notebook
    it shows as a table with sources, the first rows only when it is long.

    Examples:
        >>> import idlibstrikes as isk
        >>> found = isk.load(sources="articles").strikes_by_group("Hurras al-Din")
        >>> len(found), found == tuple(found), found[0].place.name
        (4, True, 'Rif Al-Muhandiseen')
        >>> [s.id for s in found.strikes_between("2025")]
        ['2025-01-late-al-zabir', '2025-02-15-urum-al-jawz']
        >>> print(found.strikes_between("2019").casualties(victims="commanders"))
        46-48 commanders killed in 2 strike(s) with figures; 0 without; the sources disagree on 1
        >>> found._repr_html_().count("<tr>")
        5
    """

    __slots__ = ("_distinct", "dataset", "query")
    dataset: Dataset | None
    query: str | None
    _distinct: bool  # a query's answer: each strike once, their ids distinct (``_answer``)
    _kind = "strikes"
    _views = ("strikes", "series")

    def __init__(
        self,
        items: Iterable[Strike] = (),
        *,
        dataset: Dataset | None = None,
        query: str | None = None,
    ) -> None:
        """The strikes ``items``, the dataset they were found in and the query, if any."""
        super().__init__(items)
        object.__setattr__(self, "dataset", dataset)
        object.__setattr__(self, "query", query)
        object.__setattr__(self, "_distinct", False)

    def _dataset(self) -> Dataset | None:
        return self.dataset

    def _asked(self, what: str) -> Dataset:
        if self.dataset is None:
            raise ValueError(
                f"{what}() needs the dataset the strikes come from: use a result of "
                "Dataset.strikes_between or Dataset.strikes_by_group"
            )
        return self.dataset

    def _within(self, found: Strikes) -> Strikes:
        keep = {id(s) for s in found}
        query = found.query
        if self.query and query:  # the narrowing, as code: data.a(...).b(...)
            query = self.query + query.removeprefix("data")
        narrowed = Strikes((s for s in self if id(s) in keep), dataset=self.dataset, query=query)
        object.__setattr__(narrowed, "_distinct", self._distinct)
        return narrowed

    def strikes_between(
        self,
        start: PeriodLike,
        end: PeriodLike | None = None,
        *,
        certain: bool = False,
        perpetrator: str | Group | None = None,
        include_series: bool = False,
    ) -> Strikes:
        """These strikes that fall in a period.

        The arguments are those of
        [`Dataset.strikes_between`][idlibstrikes.Dataset.strikes_between].

        Examples:
            >>> import idlibstrikes as isk
            >>> found = isk.load(sources="articles").strikes_by_group("Hurras al-Din")
            >>> len(found.strikes_between("2019-08"))
            1
        """
        data = self._asked("strikes_between")
        return self._within(
            data.strikes_between(
                start,
                end,
                certain=certain,
                perpetrator=perpetrator,
                include_series=include_series,
            )
        )

    def strikes_by_group(
        self,
        group: str | Group,
        *,
        include_affiliates: bool = False,
        perpetrator: str | Group | None = None,
        include_series: bool = False,
    ) -> Strikes:
        """These strikes that target a group.

        The arguments are those of
        [`Dataset.strikes_by_group`][idlibstrikes.Dataset.strikes_by_group].

        Examples:
            >>> import idlibstrikes as isk
            >>> in_2019 = isk.load(sources="articles").strikes_between("2019")
            >>> [s.id for s in in_2019.strikes_by_group("Hurras al-Din")]
            ['2019-06-30-rif-al-muhandisin', '2019-08-31-idlib-training-camp']
        """
        data = self._asked("strikes_by_group")
        return self._within(
            data.strikes_by_group(
                group,
                include_affiliates=include_affiliates,
                perpetrator=perpetrator,
                include_series=include_series,
            )
        )

    def casualties(
        self, *, victims: Victims | str = Victims.ALL, outcome: Outcome | str = Outcome.KILLED
    ) -> Casualties:
        """The casualty range over these strikes.

        As [`Dataset.casualties`][idlibstrikes.Dataset.casualties] gives it.

        Examples:
            >>> import idlibstrikes as isk
            >>> print(isk.load(sources="articles").strikes_by_group("Hurras al-Din").casualties())
            49-51+ all killed in 4 strike(s) with figures; 0 without; the sources disagree on 1
        """
        from ._casualties import aggregate

        cache = None if self.dataset is None else self.dataset._query_index().summaries
        return aggregate(
            self, _vocab(Victims, victims), _vocab(Outcome, outcome), cache, self._distinct
        )

    def to_geodataframe(self) -> Any:
        """These strikes as a geopandas GeoDataFrame (``[geo]`` extra; see the dataset's).

        Examples:
            >>> import idlibstrikes as isk
            >>> articles = isk.load(sources="articles")
            >>> frame = articles.strikes_by_group("Hurras al-Din").to_geodataframe()
            >>> frame["geo_precision"].tolist()
            [3, 2, 3, 3]
        """
        from ._geo import to_geodataframe

        return to_geodataframe(self.table())

    def _repr_html_(self) -> str:
        from ._html import strikes_html

        return strikes_html(self)


def _answer(items: Iterable[Strike], dataset: Dataset, query: str | None) -> Strikes:
    """A dataset's answer to a query: some of its strikes, each once.

    A dataset's strikes have distinct ids (it refuses a clash), so a sum over its answer
    need not check for a strike listed twice (``aggregate``'s ``distinct``).
    """
    found = Strikes(items, dataset=dataset, query=query)
    object.__setattr__(found, "_distinct", True)
    return found


class Ceasefires(_Result[Ceasefire]):
    """Ceasefires from a query: a sequence and a table, shown in notebooks with sources.

    A result of [`Dataset.ceasefires_on`][idlibstrikes.Dataset.ceasefires_on] keeps the
    period asked about, and `status` says what is known of each ceasefire then.

    Examples:
        >>> import idlibstrikes as isk
        >>> on = isk.load(sources="articles").ceasefires_on("2019-08-31")
        >>> [c.id for c in on]
        ['2018-09-sochi-agreement', '2019-08-31-ceasefire']
        >>> on.period
        (datetime.date(2019, 8, 31), datetime.date(2019, 8, 31))
    """

    __slots__ = ("dataset", "period", "query")
    period: tuple[dt.date, dt.date] | None
    dataset: Dataset | None
    query: str | None
    _kind = "ceasefires"
    _views = ("ceasefires",)

    def __init__(
        self,
        items: Iterable[Ceasefire] = (),
        *,
        period: tuple[dt.date, dt.date] | None = None,
        dataset: Dataset | None = None,
        query: str | None = None,
    ) -> None:
        """The ceasefires ``items``, the period asked about, the dataset and the query."""
        super().__init__(items)
        object.__setattr__(self, "period", period)
        object.__setattr__(self, "dataset", dataset)
        object.__setattr__(self, "query", query)

    def _dataset(self) -> Dataset | None:
        return self.dataset

    def status(self, ceasefire: Ceasefire) -> CeasefireStatus:
        """What is known of ``ceasefire`` in the period asked about.

        Raises:
            ValueError: The result was not made by a query for a period.

        Examples:
            >>> import idlibstrikes as isk
            >>> on = isk.load(sources="articles").ceasefires_on("2021")
            >>> [(c.id, on.status(c).value) for c in on]
            [('2018-09-sochi-agreement', 'unknown'), ('2019-08-31-ceasefire', 'unknown')]
        """
        if self.period is None:
            raise ValueError(
                "status() needs the period a result was asked for: use Dataset.ceasefires_on, "
                "or Ceasefire.status_on(day)"
            )
        return ceasefire.status_on(*self.period)

    def _repr_html_(self) -> str:
        from ._html import ceasefires_html

        return ceasefires_html(self)


def _vocab(vocabulary: type[T], value: object) -> T:
    if isinstance(value, vocabulary):
        return value
    try:
        return vocabulary(value)  # type: ignore[call-arg]
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in vocabulary)  # type: ignore[attr-defined]
        raise ValueError(
            f"{value!r} is not a {vocabulary.__name__} value; use one of {allowed}"
        ) from None
