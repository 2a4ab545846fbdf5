"""The ``Dataset``: every record, and the questions users ask of them.

Maintainer's note: a dataset is immutable. Its look-up tables (names, ids) are built
once, in ``__attrs_post_init__`` (they also find names that clash, which is a data
error); the query indexes (dates, target groups; see ``_index`` and ``_queries``) are
built on the first query, under a lock. Neither changes afterwards, so one dataset can be
shared between threads. Loading one is ``_loading``'s.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from . import _checks as check
from ._conversions import Conversions
from ._dates import PeriodLike
from ._errors import DataError, UnknownNameError
from ._index import Lazy, pick
from ._models import (
    Announcement,
    Ceasefire,
    Confidence,
    Development,
    Figure,
    Group,
    Outcome,
    Person,
    Place,
    ReferenceFact,
    Source,
    Strike,
    Victims,
)
from ._results import Ceasefires, Strikes, _answer

if TYPE_CHECKING:
    from pathlib import Path

    from ._casualties import Casualties
    from ._export import Export
    from ._relational import Tables
    from ._release import DataVersion, Origin

from ._queries import _LOADING, _flag, _Index, _period, _Queries, call
from ._results import _vocab

__all__ = ["Dataset", "from_tables"]

T = TypeVar("T")


@attrs.frozen(kw_only=True, repr=False)
class Dataset(Conversions):
    """Every record of a dataset, and the query helpers.

    Get one with [`load`][idlibstrikes.load]. All collections are tuples; strikes are in
    chronological order (by the earliest possible date).

    Attributes:
        strikes: Every strike, chronologically.
        groups: Every group (militant groups, state forces, governments, monitors, outlets).
        ceasefires: Every ceasefire, truce and agreement, by start.
        developments: Every offensive, change of control and fall of a government the
            articles report, by start.
        sources: The articles and the references cited beside them.
        people: Every named person.
        places: Every named place.
        announcements: Every dated statement.
        figures: Every number about the wider war.
        references: Every reference fact, kept beside the articles' claims.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load(sources="articles")
        >>> data
        <Dataset: 7 strikes, 4 series, 3 ceasefires, 43 groups, 5 articles>
        >>> [s.id for s in data.strikes_by_group("Hurras al-Din")]  # doctest: +NORMALIZE_WHITESPACE
        ['2019-06-30-rif-al-muhandisin', '2019-08-31-idlib-training-camp',
         '2025-01-late-al-zabir', '2025-02-15-urum-al-jawz']
    """

    sources: tuple[Source, ...] = attrs.field(validator=check.tuple_of(Source))
    places: tuple[Place, ...] = attrs.field(validator=check.tuple_of(Place))
    people: tuple[Person, ...] = attrs.field(validator=check.tuple_of(Person))
    groups: tuple[Group, ...] = attrs.field(validator=check.tuple_of(Group))
    strikes: tuple[Strike, ...] = attrs.field(validator=check.tuple_of(Strike))
    ceasefires: tuple[Ceasefire, ...] = attrs.field(validator=check.tuple_of(Ceasefire))
    developments: tuple[Development, ...] = attrs.field(
        default=(), validator=check.tuple_of(Development)
    )
    announcements: tuple[Announcement, ...] = attrs.field(
        default=(), validator=check.tuple_of(Announcement)
    )
    figures: tuple[Figure, ...] = attrs.field(default=(), validator=check.tuple_of(Figure))
    references: tuple[ReferenceFact, ...] = attrs.field(
        default=(), validator=check.tuple_of(ReferenceFact)
    )
    _index: _Index = attrs.field(init=False, eq=False, hash=False)
    _queries: Lazy[_Queries] = attrs.field(init=False, eq=False, hash=False, factory=Lazy)
    _digest: Lazy[str] = attrs.field(init=False, eq=False, hash=False, factory=Lazy)
    # where the records came from (set by load); not part of what the data are
    _origin: Origin = attrs.field(default="records", eq=False, hash=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        index = _Index(self, checked=_LOADING.checked)
        if index.problems:
            raise DataError(index.problems)
        object.__setattr__(self, "_index", index)

    def _query_index(self) -> _Queries:
        return self._queries.get(lambda: _Queries(self))

    @property
    def version(self) -> DataVersion:
        """The data's version, as-of date and origin, and the package's version.

        What a citation states (see [`cite`][idlibstrikes.cite]). The bundled data have
        their own version, apart from the package's; with your files added, the version
        says so and gives the digest of exactly these data.

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load(sources="articles").version.data
            '2026.12.1'
            >>> isk.load("examples/new-article.json").version.origin
            'bundled and your files'
        """
        from ._release import AS_OF, DATA_VERSION, DataVersion, package_version

        return DataVersion(
            data=DATA_VERSION,
            as_of=AS_OF,
            package=package_version(),
            origin=self._origin,
            digest=self.digest,
        )

    @property
    def digest(self) -> str:
        """A fingerprint of the data: equal datasets have equal digests.

        The SHA-256 of the data-file text [`dumps`][idlibstrikes.dumps] writes, first 16
        hex digits; exports carry it so that a table can be traced to its data.

        Examples:
            >>> import idlibstrikes as isk
            >>> d = isk.load(sources="articles").digest
            >>> d.startswith("sha256:"), len(d)
            (True, 23)
        """

        def build() -> str:
            import hashlib

            from ._write import dumps

            text = dumps(self).encode("utf-8", "surrogatepass")
            return "sha256:" + hashlib.sha256(text).hexdigest()[:16]

        return self._digest.get(build)

    def _repr_html_(self) -> str:
        from ._html import dataset_html

        return dataset_html(self)

    def __repr__(self) -> str:
        from ._wording import count_text

        articles = sum(1 for s in self.sources if not s.is_reference)
        return (
            f"<Dataset: {count_text(self.strikes)}, {len(self.ceasefires)} ceasefires, "
            f"{len(self.groups)} groups, {articles} articles>"
        )

    # -- look-ups -----------------------------------------------------------------------
    def group(self, name: str | Group) -> Group:
        """The group known by ``name``: its id, name, any alias or abbreviation.

        Case, diacritics, apostrophes, hyphens and spacing are ignored.

        Raises:
            UnknownNameError: No group has that name; the message lists the closest.

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load(sources="articles").group("hurras al-deen").name
            'Hurras al-Din'
            >>> isk.load(sources="articles").group("CENTCOM").name
            'US Central Command'
            >>> try:
            ...     isk.load(sources="articles").group("Huras al Din")
            ... except LookupError as err:
            ...     print(err)
            no group is known as 'Huras al Din'; did you mean: 'Hurras al-Din', 'Hurras al-Deen'?
        """
        if isinstance(name, Group):
            return self._index.groups.lookup(name.id)
        return self._index.groups.lookup(name)

    def person(self, name: str | Person) -> Person:
        """The person known by ``name`` (id, name or alias).

        Raises:
            UnknownNameError: No person has that name.

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load(sources="articles").person("Mr Al Shara").name
            'Ahmad Al Shara'
        """
        if isinstance(name, Person):
            return self._index.people.lookup(name.id)
        return self._index.people.lookup(name)

    def place(self, name: str | Place) -> Place:
        """The place known by ``name`` (id, name or alias).

        Raises:
            UnknownNameError: No place has that name.

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load(sources="articles").place("Rif Al-Muhandiseen").governorate
            'Aleppo'
        """
        if isinstance(name, Place):
            return self._index.places.lookup(name.id)
        return self._index.places.lookup(name)

    def source(self, ident: str) -> Source:
        """The source with this id, its file name, or its short id.

        An article is found by its file name (with or without ``.txt``) or by its short
        id ("002", as every view shows it) where only one article has it; a reference by
        its id.

        Raises:
            UnknownNameError: No source has that id.

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load(sources="articles").source("004_4230a031e6ff8aa2").outlet
            'Al Jazeera'
            >>> isk.load(sources="articles").source("002").outlet
            'Kurdistan 24'
        """
        try:
            return self._index.sources.lookup(ident)
        except UnknownNameError:
            short = [s for s in self.sources if not s.is_reference and s.short_id == ident]
            if len(short) == 1:
                return short[0]
            if len(short) > 1:  # two articles numbered alike: the file name decides
                raise UnknownNameError(
                    ident,
                    kind="source (a short id several articles share)",
                    suggestions=[s.id for s in short],
                ) from None
            raise

    def strike(self, ident: str) -> Strike:
        """The strike with this id.

        Raises:
            UnknownNameError: No strike has that id.

        Examples:
            >>> import idlibstrikes as isk
            >>> place = isk.load(sources="articles").strike("2025-02-15-urum-al-jawz").place
            >>> place.name, place.near.name
            ('motorway near the village of Urum Al Joz', 'Urum Al Joz')
        """
        return self._index.strikes.lookup(ident)

    def ceasefire(self, ident: str) -> Ceasefire:
        """The ceasefire with this id (or name).

        Raises:
            UnknownNameError: No ceasefire has that id or name.

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load(sources="articles").ceasefire("2018-09-sochi-agreement").kind.value
            'agreement'
        """
        return self._index.ceasefires.lookup(ident)

    def development(self, ident: str) -> Development:
        """The development (offensive, change of control, fall of a government) with this id.

        Raises:
            UnknownNameError: No development has that id.

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load(sources="articles").development("2024-late-hts-offensive").kind.value
            'offensive'
        """
        return self._index.developments.lookup(ident)

    def group_names(self) -> tuple[str, ...]:
        """Every name and alias a group can be looked up by.

        Examples:
            >>> import idlibstrikes as isk
            >>> "HTS" in isk.load(sources="articles").group_names()
            True
        """
        return self._index.groups.names()

    def person_names(self) -> tuple[str, ...]:
        """Every name and alias a person can be looked up by.

        Examples:
            >>> import idlibstrikes as isk
            >>> "Abu Baker Mourek" in isk.load(sources="articles").person_names()
            True
        """
        return self._index.people.names()

    def place_names(self) -> tuple[str, ...]:
        """Every name and alias a place can be looked up by.

        Examples:
            >>> import idlibstrikes as isk
            >>> "Kafranbel" in isk.load(sources="articles").place_names()
            True
        """
        return self._index.places.names()

    def references_for(self, record: str | Any) -> tuple[ReferenceFact, ...]:
        """The reference facts about a record (by id or the record itself).

        Examples:
            >>> import idlibstrikes as isk
            >>> data = isk.load(sources="articles")
            >>> [f.field for f in data.references_for(data.group("Hurras al-Din"))]
            ['founded', 'ended']
        """
        ident = record if isinstance(record, str) else getattr(record, "id", None)
        return tuple(self._index.facts.get(ident, ())) if isinstance(ident, str) else ()

    # -- queries --------------------------------------------------------------------------
    def strikes_by_group(
        self,
        group: str | Group,
        *,
        include_affiliates: bool = False,
        perpetrator: str | Group | None = None,
        include_series: bool = False,
        min_confidence: Confidence | str | None = None,
    ) -> Strikes:
        """The strikes that name ``group`` among their targets, chronologically.

        Args:
            group: A group, or any of its names.
            include_affiliates: Also return strikes on the group's affiliates (branches,
                affiliates, parts; transitively), counting an affiliation only if it may
                have held on the strike's date where the data say when it held. Where
                several sources date one affiliation, their dates are summarised by the
                codebook's rule: consistent dates narrow each other ("a former
                affiliate" and "severed in 2014": ended in 2014), conflicting ones span
                the conflicting readings.
            perpetrator: Only strikes carried out by this group or by forces that are
                part of it (``"United States"`` includes the US military and CENTCOM).
            include_series: Also return series of strikes reported as one (labelled by
                their ``scope``); by default only single strikes are returned.
            min_confidence: Only strikes the articles report or the reference lists grade
                at least so (``"medium"``: see `Strike.confidence`); ``None``, all.

        Raises:
            UnknownNameError: No group has that name, or no confidence level.
            TypeError: A flag is not ``True`` or ``False``.

        Examples:
            >>> import idlibstrikes as isk
            >>> data = isk.load(sources="articles")
            >>> len(data.strikes_by_group("al-Qaeda"))
            1
            >>> len(data.strikes_by_group("al-Qaeda", include_affiliates=True))
            5
            >>> [s.id for s in data.strikes_by_group("HTS", include_series=True)]
            ['2019-idlib-offensive']
        """
        _flag("include_affiliates", include_affiliates)
        _flag("include_series", include_series)
        target = self.group(group)
        found = self._query_index().by_group(target.id, include_affiliates)
        query = call(
            "data.strikes_by_group",
            group if isinstance(group, str) else group.name,
            include_affiliates=include_affiliates,
            perpetrator=perpetrator,
            include_series=include_series,
            min_confidence=min_confidence,
        )
        return self._filtered(found, perpetrator, include_series, query, min_confidence)

    def strikes_between(
        self,
        start: PeriodLike,
        end: PeriodLike | None = None,
        *,
        certain: bool = False,
        perpetrator: str | Group | None = None,
        include_series: bool = False,
        min_confidence: Confidence | str | None = None,
    ) -> Strikes:
        """The strikes in a period, chronologically.

        Args:
            start: The period, or its first day, month or year: a date, a
                [`DateRange`][idlibstrikes.DateRange], ISO text (``"2019"``,
                ``"2019-06"``), ``"A..B"`` as the library prints ranges, or text such as
                ``"Jun 2019"`` (see [`parse_period`][idlibstrikes.parse_period]).
            end: The last day, month or year (to its last day); defaults to the end of
                ``start``.
            certain: Return only strikes certainly in the period (the whole date range
                inside it; for a series, under way throughout it) rather than every
                strike that may fall in it.
            perpetrator: Only strikes carried out by this group or by forces that are
                part of it.
            include_series: Also return series of strikes reported as one.
            min_confidence: As for `strikes_by_group`.

        Raises:
            InvalidPeriodError: A bound cannot be read, or ``end`` is before ``start``.
            TypeError: ``certain`` or ``include_series`` is not ``True`` or ``False``.

        Examples:
            >>> import idlibstrikes as isk
            >>> data = isk.load(sources="articles")
            >>> [s.id for s in data.strikes_between("2025-01-25", "2025-01-31")]
            ['2025-01-late-al-zabir']
            >>> [s.id for s in data.strikes_between("2025-01-30..2025-02-20")]
            ['2025-01-late-al-zabir', '2025-02-15-urum-al-jawz']
            >>> [s.id for s in data.strikes_between("2019-06", certain=True, include_series=True)]
            ['2019-idlib-offensive', '2019-06-30-rif-al-muhandisin']
        """
        _flag("certain", certain)
        _flag("include_series", include_series)
        first, last = _period(start, end)
        found = pick(
            self.strikes, self._query_index().between(first, last, certain, include_series)
        )
        query = call(
            "data.strikes_between",
            start,
            end,
            certain=certain,
            perpetrator=perpetrator,
            include_series=include_series,
            min_confidence=min_confidence,
        )
        return self._filtered(found, perpetrator, True, query, min_confidence)

    def _filtered(
        self,
        strikes: Sequence[Strike],
        perpetrator: str | Group | None,
        include_series: bool,
        query: str | None = None,
        min_confidence: Confidence | str | None = None,
    ) -> Strikes:
        """``strikes`` without series (unless asked for), by ``perpetrator`` and confidence."""
        chosen: Iterable[Strike] = strikes
        if min_confidence is not None:
            from ._graded import level, strike_meets  # (most questions ask no confidence)

            floor = level(min_confidence)
            if floor is not None:
                chosen = [s for s in chosen if strike_meets(s, floor)]
        if not include_series:
            chosen = [s for s in chosen if not s.is_series]
        if perpetrator is not None:
            # by any group a source says struck or may have struck (or one part of it)
            by, queries = self.group(perpetrator).id, self._query_index()
            chosen = [
                s for s in chosen if any(queries.reaches(g, by, s.date) for g in s.attributed)
            ]
        return _answer(chosen, self, query)

    def ceasefires_on(self, day: PeriodLike) -> Ceasefires:
        """The ceasefires that may have been in effect on ``day``, each with its status.

        That is, those that started on or before it and are not known to have ended
        before it. A ceasefire that no source says has ended is listed with the status
        ``unknown`` after the last report about it (``result.status(c)``), not as in
        effect. ``day`` may be a month or year (any day in it), or a strike's date.

        Raises:
            InvalidPeriodError: ``day`` cannot be read.

        Examples:
            >>> import idlibstrikes as isk
            >>> on = isk.load(sources="articles").ceasefires_on("2019-08-31")
            >>> [(c.id, on.status(c).value) for c in on]
            [('2018-09-sochi-agreement', 'in_effect'), ('2019-08-31-ceasefire', 'in_effect')]
            >>> later = isk.load(sources="articles").ceasefires_on("2025-02-15")
            >>> [(c.id, later.status(c).value) for c in later]
            [('2018-09-sochi-agreement', 'unknown')]
        """
        first, last = _period(day, None)
        chosen = (c for c in self.ceasefires if c.may_be_in_effect(first, last))
        query = call("data.ceasefires_on", day)
        return Ceasefires(chosen, period=(first, last), dataset=self, query=query)

    def casualties(
        self,
        strikes: Iterable[Strike] | None = None,
        *,
        victims: Victims | str = Victims.ALL,
        outcome: Outcome | str = Outcome.KILLED,
        min_confidence: Confidence | str | None = None,
    ) -> Casualties:
        """The casualty range over ``strikes`` (all strikes by default), with its accounts.

        For each strike, its figures are grouped into accounts (one claimant in one
        source). A figure about part of the asked victims (commanders, within all) is a
        floor, never a ceiling; the named dead count too. Where the accounts agree, the
        range is what they jointly allow; where they disagree it spans them and is marked
        disputed. ``high`` is the largest figure any account gives (among accounts that
        agree, no more than they jointly allow), open (``+``) when that account gives it as
        "at least". Lows and highs are summed over single strikes;
        strikes with no figure are counted apart, and series (runs of strikes reported as
        one) are never added: they are listed in ``series``. See the codebook.

        Args:
            strikes: The strikes to sum over.
            victims: ``"all"`` (the whole toll), ``"civilians"``, ``"militants"``,
                ``"commanders"`` (commanders, leaders, senior operatives) or
                ``"children"``.
            outcome: ``"killed"`` or ``"wounded"``.
            min_confidence: Count only the articles' claims and the reference lists'
                graded at least so (``"high"``: UCDP's practice); ``None``, every claim.

        Raises:
            ValueError: ``victims`` or ``outcome`` is not a known value.
            UnknownNameError: ``min_confidence`` is not a confidence level.

        Examples:
            >>> import idlibstrikes as isk
            >>> data = isk.load(sources="articles")
            >>> c = data.casualties(data.strikes_between("2019"))
            >>> c.low, c.high, c.open_ended, c.best, c.disputed
            (47, 49, True, None, True)
            >>> print(data.casualties(victims="civilians"))  # doctest: +NORMALIZE_WHITESPACE
            1-50 civilians killed in 2 strike(s) with figures; 5 without; the sources disagree
            on 1; not added, series reported as a whole: 2019-idlib-offensive 951+ to 2019-08-31
        """
        from ._casualties import aggregate
        from ._graded import graded, level

        chosen = self.strikes if strikes is None else strikes
        asked, floor = (_vocab(Victims, victims), _vocab(Outcome, outcome)), level(min_confidence)
        if floor is None:
            # its own strikes, or an answer to a query, hold each strike once
            distinct = strikes is None or (isinstance(strikes, Strikes) and strikes._distinct)
            return aggregate(chosen, *asked, self._query_index().summaries, distinct)
        return aggregate([graded(s, floor) for s in chosen], *asked)  # copies: not cached

    def to_geodataframe(self, kind: str = "strikes") -> Any:
        """The strikes (or the series) view as a geopandas GeoDataFrame (``[geo]`` extra).

        Every strike is a row; its geometry is the point the codebook's rules give (see
        ``geo_precision``, ``location_basis`` and ``geo_radius_m``), or missing where no
        reference places it. CRS EPSG:4326, so ``.explore()`` draws it on a web map.

        Args:
            kind: ``strikes`` (single strikes) or ``series``.

        Raises:
            ImportError: geopandas is not installed (the message names the extra).
            UnknownNameError: A table other than those two.

        Examples:
            >>> import idlibstrikes as isk
            >>> frame = isk.load(sources="articles").to_geodataframe()
            >>> len(frame), int(frame.geometry.notna().sum()), frame.crs.to_epsg()
            (7, 7, 4326)
            >>> len(isk.load(sources="articles").to_geodataframe("series"))
            4
        """
        from ._geo import to_geodataframe

        if kind not in ("strikes", "series"):
            raise UnknownNameError(kind, kind="map table", suggestions=("strikes", "series"))
        return to_geodataframe(self.table(kind))

    def tables(self) -> Tables:
        """The dataset as lossless relational tables, one per record and claim kind.

        Unlike the analyst's tables (`to_records`), these keep every stored field, and
        every claim is a row with its source and quote; [`from_tables`][idlibstrikes.from_tables]
        turns them back into an equal dataset. See [`Tables`][idlibstrikes.Tables].

        Examples:
            >>> import idlibstrikes as isk
            >>> t = isk.load(sources="articles").tables()
            >>> had = [r for r in t["affiliations"] if r["group_id"] == "hurras-al-din"]
            >>> [(r["relation"], r["other"], r["source"][:3]) for r in had][:2]
            [('affiliate_of', 'al-qaeda', '000'), ('branch_of', 'al-qaeda', '000')]
        """
        from ._relational import tables

        return tables(self, from_tables)

    def export(
        self,
        format: str,
        out: str | os.PathLike[str],
        *,
        partition_by: Sequence[str] = (),
    ) -> Export:
        """Write the dataset in one of the export formats into the folder ``out``.

        ``json`` and ``parquet`` are lossless (``load`` reads them back); ``csv``,
        ``datapackage``, ``geojson`` and ``geoparquet`` are views for other tools, and
        ``acled`` and ``ucdp-ged`` the strikes in ACLED's and UCDP GED's columns (see
        `to_acled`, `to_ucdp_ged`). See [`export`][idlibstrikes.export] for the files.

        Args:
            format: ``csv``, ``json``, ``parquet``, ``geojson``, ``geoparquet``,
                ``datapackage``, ``acled`` or ``ucdp-ged``.
            out: The folder to write into (created if missing).
            partition_by: For ``parquet``: columns to Hive-partition by, such as
                ``("year",)``.

        Raises:
            UnknownNameError: An unknown format.
            OSError: ``out`` is a file, or cannot be made or written (the message names
                it); what the failed export wrote is removed, as
                [`export`][idlibstrikes.export] says.

        Examples:
            >>> import idlibstrikes as isk, tempfile
            >>> done = isk.load(sources="articles").export("csv", tempfile.mkdtemp())
            >>> [f.name for f in done.files]  # doctest: +NORMALIZE_WHITESPACE
            ['strikes.csv', 'series.csv', 'claims.csv', 'groups.csv', 'ceasefires.csv',
             'sources.csv', 'references.csv']
        """
        from ._export import export

        return export(self, format, out, partition_by=partition_by)


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
        >>> t = isk.load(sources="articles").tables()
        >>> isk.from_tables(t) == isk.load(sources="articles")
        True
        >>> rows = {name: table.to_records() for name, table in t.items()}
        >>> rows["casualty_claims"][0]["low"] = -1
        >>> isk.from_tables(rows)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        idlibstrikes._errors.DataError: 1 problem in the data:
          (tables): 2017-03-al-jinah.claims[0].low: must not be negative (found -1, ...)
    """
    from ._collector import collector_paused
    from ._files import read_files
    from ._from_tables import TABLES_NAME, document_bytes, without_lines

    try:
        with collector_paused():
            raw = read_files([(TABLES_NAME, document_bytes(given))])
            return _from_raw(raw)
    except DataError as exc:
        raise DataError(without_lines(exc.problems, TABLES_NAME)) from None


def _from_raw(
    raw: Any, articles: Path | None = None, origin: Origin = "records", keep_raw: bool = False
) -> Dataset:
    from ._load import build

    records, days = build(raw, articles, keep_raw=keep_raw)
    data = checked_dataset(records, origin)
    data._queries.get(lambda: _Queries(data, days))  # indexes still built on first use
    return data


def checked_dataset(records: dict[str, Any], origin: Origin) -> Dataset:
    """A `Dataset` of ``records`` whose names the loader has checked (or the snapshot's)."""
    _LOADING.checked = True  # so their look-up tables wait for a look-up
    try:
        return Dataset(**records, origin=origin)
    finally:
        _LOADING.checked = False
