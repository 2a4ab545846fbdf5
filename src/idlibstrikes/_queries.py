"""Answering a dataset's questions: its look-up tables, its query indexes, its arguments.

``_Index`` holds a dataset's tables by name and id (built with the dataset, where clashing
names are found); ``_Queries`` its query indexes (dates, target groups, affiliations;
built by the first query that needs each) and the answers already worked out. The
helpers check a query's arguments and say how it was asked, for citations.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ._dates import DateRange, PeriodLike, parse_period
from ._errors import InvalidPeriodError, Problem
from ._index import DateIndex, GroupIndex, Lazy, pick
from ._models import (
    Affiliation,
    Ceasefire,
    Development,
    Group,
    Person,
    Place,
    ReferenceFact,
    Source,
    Strike,
)
from ._names import NameIndex, indexed
from ._results import Strikes
from ._strikes import reaches

if TYPE_CHECKING:
    from ._casualties import SummaryCache
    from ._days import StrikeDays

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__: list[str] = []

T = TypeVar("T")


def call(name: str, *args: object, **options: object) -> str:
    """How a query was asked, as code: what a citation of its result states.

    Arguments left at their defaults (``None``, ``False``) are not shown.

    Examples:
        >>> call("data.strikes_between", "2019", None, certain=True, perpetrator=None)
        "data.strikes_between('2019', certain=True)"
    """
    shown = [_shown(a) for a in args if a is not None]
    shown += [f"{k}={_shown(v)}" for k, v in options.items() if v not in (None, False)]
    return f"{name}({', '.join(shown)})"


def _shown(value: object) -> str:
    if isinstance(value, Group):
        return repr(value.name)
    if isinstance(value, dt.date | DateRange):
        return repr(str(value))
    return repr(value)


def _period(start: PeriodLike, end: PeriodLike | None) -> tuple[Any, Any]:
    first = parse_period(start)[0]
    last = parse_period(start if end is None else end)[1]
    if last < first:
        raise InvalidPeriodError(
            f"the period ends ({last}) before it starts ({first}); swap start and end"
        )
    return first, last


def _flag(name: str, value: object) -> None:
    if type(value) is not bool:
        raise TypeError(f"{name} must be True or False, not {type(value).__name__} {value!r}")


def _bound(group: Group, found: list[Affiliation], other: str, side: str) -> DateRange | None:
    """One side (since/until) of an affiliation: its claims and references, summarised."""
    from ._summary import of_readings, reading, source_label  # (not needed at import)

    readings = [
        reading(date, source_label(a.source.id))
        for a in found
        if (date := a.since if side == "since" else a.until) is not None
    ]
    field = f"affiliations.{other}.{side}"
    return of_readings(readings, [f for f in group.references if f.field == field])


def _affiliate_links(group: Group) -> list[tuple[Group, DateRange | None, DateRange | None]]:
    """The groups ``group`` is an affiliate of, each with its summarised since/until."""
    claims: dict[str, list[Affiliation]] = {}
    others: dict[str, Group] = {}
    for a in group.affiliations:
        if a.relation.is_affiliate:
            claims.setdefault(a.other.id, []).append(a)
            others[a.other.id] = a.other
    return [
        (others[oid], _bound(group, found, oid, "since"), _bound(group, found, oid, "until"))
        for oid, found in claims.items()
    ]


Links = list[tuple[Group, DateRange | None, DateRange | None]]


def _reaches(
    group: Group,
    target_id: str,
    date: DateRange,
    links: Callable[[Group], Links] = _affiliate_links,
) -> bool:
    """Whether ``group`` is ``target_id`` or its affiliate (transitively) on ``date``.

    ``links`` gives a group's summarised affiliate links; a dataset's queries pass their
    cache of them.
    """

    def up(g: Group) -> list[Group]:
        # not if it became an affiliate only after the strike, or had stopped before it
        return [
            other
            for other, since, until in links(g)
            if (since is None or since.earliest <= date.latest)
            and (until is None or until.latest >= date.earliest)
        ]

    return reaches(group, target_id, up)


class _Queries:
    """The query indexes of one dataset (see ``_index``), and answers already given."""

    __slots__ = (
        "_all_groups",
        "_dates",
        "_days",
        "_groups",
        "_links",
        "_lock",
        "_read_days",
        "_series_dates",
        "strikes",
        "summaries",
    )

    def __init__(self, data: Dataset, days: StrikeDays | None = None) -> None:
        self.strikes = data.strikes
        self._all_groups = data.groups
        # each strike's first and last day and whether it is a series, where the loader
        # recorded them while building (else read from the strikes when first needed)
        self._days = days
        self._read_days: Lazy[StrikeDays] = Lazy()
        self._series_dates: Lazy[DateIndex] = Lazy()
        # each strike's casualty summary, once worked out (see _casualties.aggregate)
        self.summaries: SummaryCache = {}
        # each index is built by the first query that needs it: a period query never
        # pays for the group index, nor a group query for the date index
        self._dates: Lazy[DateIndex] = Lazy()
        self._groups: Lazy[GroupIndex] = Lazy()
        self._links: dict[str, Links] = {}
        self._lock = threading.Lock()

    @property
    def dates(self) -> DateIndex:
        """The strikes' date ranges, indexed (built on first use)."""
        return self._dates.get(self._date_index)

    @property
    def days(self) -> StrikeDays:
        """The strikes' day columns: the loader's, else read from the strikes once."""
        from ._days import StrikeDays  # (not needed at import: most first answers need none)

        return self._days or self._read_days.get(lambda: StrikeDays.of(self.strikes))

    def _date_index(self, series: bool = False) -> DateIndex:
        # Single strikes and series apart: most questions leave series out, and then the
        # answer needs no test per strike. The loader's columns come in order of start; a
        # dataset made by hand may not.
        chosen = self.days.series if series else self.days.single
        return DateIndex(
            chosen.firsts, chosen.lasts, chosen.positions, ordered=self._days is not None
        )

    @property
    def series_dates(self) -> DateIndex:
        """The series' date ranges (their whole spans), indexed (built on first use)."""
        return self._series_dates.get(lambda: self._date_index(series=True))

    @property
    def series(self) -> Sequence[int]:
        """The positions of the series among the strikes, in order."""
        return self.days.series.positions

    @property
    def groups(self) -> GroupIndex:
        """The strikes by target group, with affiliates (built on first use)."""
        return self._groups.get(lambda: GroupIndex(self.strikes, self._all_groups))

    def links(self, group: Group) -> Links:
        """A group's summarised affiliate links, worked out once per group."""
        found = self._links.get(group.id)
        if found is None:
            with self._lock:
                found = self._links.setdefault(group.id, _affiliate_links(group))
        return found

    def reaches(self, group: Group, target_id: str, date: DateRange) -> bool:
        """``_reaches`` with this dataset's cache of affiliate links."""
        return _reaches(group, target_id, date, self.links)

    def between(self, first: dt.date, last: dt.date, certain: bool, series: bool) -> list[int]:
        """The positions of the strikes in a period (single strikes unless ``series``)."""
        lo, hi = first.toordinal(), last.toordinal()
        if not certain:
            found = self.dates.overlapping(lo, hi)
            if series:
                found += self.series_dates.overlapping(lo, hi)
                found.sort()
            return found
        # a series is certainly in a period only if it was under way throughout it
        found = self.dates.within(lo, hi)
        if series:
            found += [i for i in self.series if self.strikes[i].certainly_within(first, last)]
            found.sort()
        return found

    def by_group(self, group_id: str, include_affiliates: bool) -> Strikes:
        if not include_affiliates:
            return Strikes(pick(self.strikes, self.groups.targeting(group_id)))
        family = self.groups.affiliates(group_id)
        return Strikes(
            s
            for s in pick(self.strikes, self.groups.targeting_any(family))
            # a strike on an affiliate counts only if the affiliation may have held then
            if any(t.id in family and self.reaches(t, group_id, s.date) for t in s.targets)
        )


class _Loading(threading.local):
    #: True while this thread's loader makes a `Dataset` of records it has checked (names
    #: that clash among them included): its look-up tables can wait for a look-up.
    #: (A thread-local rather than a context variable: setting one of those replaces
    #: objects, which would change a program's frozen count; see `collector_paused`.)
    checked = False


_LOADING = _Loading()


class _Index:
    """Look-up tables of one dataset, each built at its first use.

    Records given by hand are checked for names that clash while the dataset is made, so
    their tables are built at once. A loaded dataset's records were checked by the loader
    (and the bundled snapshot's when it was made), so a table waits for its first
    look-up: the strikes' (one entry a strike: 45 bytes, and 0.14 s at 10^5 strikes),
    and the others, which a first answer mostly does not need.
    """

    def __init__(self, data: Dataset, *, checked: bool = False) -> None:
        self.problems: list[Problem] = []
        # the record tuples, not the dataset: the dataset holds this index
        self._records: dict[str, tuple[Any, ...]] = {
            kind: getattr(data, field) for kind, field in _TABLES.items()
        }
        self._tables: dict[str, Lazy[NameIndex[Any]]] = {kind: Lazy() for kind in _TABLES}
        self._facts: Lazy[dict[str, list[ReferenceFact]]] = Lazy()
        self._references = data.references
        if checked:
            return
        for kind in _TABLES:
            # A loaded dataset has none (the loader reports clashes with their files);
            # these are records given to Dataset() by hand.
            for name, first, second in self.table(kind).clashes:
                self.problems.append(
                    Problem(
                        file="(records given to Dataset)",
                        record=getattr(second, "id", None),
                        field="aliases",
                        message=f"the name {name!r} is also a name of {kind} "
                        f"{getattr(first, 'id', '?')!r}; a name must find one {kind}",
                    )
                )

    def table(self, kind: str) -> NameIndex[Any]:
        """The records of ``kind`` (``"group"``, ...) by id and name."""
        return self._tables[kind].get(lambda: indexed(kind, self._records[kind]))

    @property
    def groups(self) -> NameIndex[Group]:
        return self.table("group")

    @property
    def people(self) -> NameIndex[Person]:
        return self.table("person")

    @property
    def places(self) -> NameIndex[Place]:
        return self.table("place")

    @property
    def sources(self) -> NameIndex[Source]:
        return self.table("source")

    @property
    def strikes(self) -> NameIndex[Strike]:
        return self.table("strike")

    @property
    def ceasefires(self) -> NameIndex[Ceasefire]:
        return self.table("ceasefire")

    @property
    def developments(self) -> NameIndex[Development]:
        return self.table("development")

    @property
    def facts(self) -> dict[str, list[ReferenceFact]]:
        """The reference facts by the id of the record they are about."""

        def build() -> dict[str, list[ReferenceFact]]:
            facts: dict[str, list[ReferenceFact]] = {}
            for fact in self._references:
                facts.setdefault(fact.subject, []).append(fact)
            return facts

        return self._facts.get(build)


#: The look-up tables, by kind of record: the dataset's field holding them.
_TABLES = {
    "group": "groups",
    "person": "people",
    "place": "places",
    "source": "sources",
    "strike": "strikes",
    "ceasefire": "ceasefires",
    "development": "developments",
}
