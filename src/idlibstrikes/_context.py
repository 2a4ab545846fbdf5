"""The war around the strikes: ceasefires and their status, developments, figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from . import _checks as check
from ._checks import fields_repr
from ._dates import DateRange, PeriodLike, parse_period
from ._records import (
    Citation,
    DateClaim,
    Group,
    Place,
    ReferenceFact,
    Source,
    _check_order,
    as_html,
)
from ._vocabularies import CeasefireKind, CeasefireStatus, DevelopmentKind

__all__ = [
    "Ceasefire",
    "Development",
    "Figure",
    "StatusSpan",
]


@attrs.frozen(kw_only=True, weakref_slot=False)
class StatusSpan:
    """A run of days over which a ceasefire's status is the same.

    Attributes:
        first: The first day.
        last: The last day (``datetime.date.max`` when the run has no end).
        status: What is known of the ceasefire on each of those days.

    Examples:
        >>> import idlibstrikes as isk
        >>> first = isk.load(sources="articles").ceasefire("2019-08-31-ceasefire").statuses()[0]
        >>> str(first.first), str(first.last), first.status.value
        ('2019-08-31', '2019-09-01', 'in_effect')
    """

    first: dt.date = attrs.field(validator=check.instance(dt.date))
    last: dt.date = attrs.field(validator=check.instance(dt.date))
    status: CeasefireStatus = attrs.field(validator=check.instance(CeasefireStatus))

    @property
    def open_end(self) -> bool:
        """Whether the run goes on with no known last day.

        Examples:
            >>> import idlibstrikes as isk
            >>> articles = isk.load(sources="articles")
            >>> articles.ceasefire("2018-09-sochi-agreement").statuses()[-1].open_end
            True
        """
        return self.last == dt.date.max


def last_held_day(
    start: DateRange, sources: Sequence[Source], end_claims: Sequence[DateClaim]
) -> dt.date | None:
    """The last day a dated report certainly shows a ceasefire holding, or ``None``.

    A claim that it ended on or after a day (the Russian military said on Sunday that
    the raid was endangering the ceasefire) shows it holding that day. Where no source
    reports that it ended, each report shows it holding on the *first* day it can have
    appeared: article 001 (31 August to 6 September 2019) only on 31 August. A report
    from before the ceasefire had certainly begun shows nothing of it.

    Examples:
        >>> import idlibstrikes as isk
        >>> c = isk.load(sources="articles").ceasefire("2019-08-31-ceasefire")
        >>> last_held_day(c.start, c.sources, c.end_claims)
        datetime.date(2019, 9, 1)
    """
    days = [c.date.earliest for c in end_claims if c.date.open_end and not c.date.open_start]
    if all(c.date.open_end for c in end_claims):  # no source says it ended
        days += [
            s.published.earliest
            for s in sources
            if s.published is not None and not s.published.open_start
        ]
    return max((d for d in days if d >= start.latest), default=None)


@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Ceasefire:
    """A ceasefire, truce or agreement.

    Its ``start`` and ``end`` summarise the sources' claims and the reference facts
    about them (see the codebook's summary rule). A ceasefire ends no later than the day
    its last party ceased to exist, and no earlier than the last day a dated report
    shows it holding (`held_until`). It is in effect only through that day: after it,
    until a bound ends it, it may be in effect, and after the last report about it, its
    status is unknown (see [`status_on`][idlibstrikes.Ceasefire.status_on] and
    [`statuses`][idlibstrikes.Ceasefire.statuses]).

    Attributes:
        id: A stable id.
        name: A name for it in the dataset's words.
        kind: Ceasefire, truce or wider agreement.
        start: When it began.
        end: When it ended: the summary of its end claims, bounded by the end of its
            parties; ``None`` where nothing is known of its end.
        parties: Who agreed to it.
        brokers: Who brokered or backed it.
        start_claims: Each source's start date.
        end_claims: Each source's end date.
        sources: Every article that reports it.
        citations: The quotes behind parties and brokers.
        references: Reference facts about it (start, end), beside the claims.
        note: Coding decisions.

    Examples:
        >>> import idlibstrikes as isk
        >>> c = isk.load(sources="articles").ceasefire("2019-08-31-ceasefire")
        >>> str(c.start), str(c.end), [g.name for g in c.brokers]
        ('2019-08-31', '2019-09-01..2024-12-08', ['Russia'])
        >>> [c.status_on(d).value for d in ("2019-09-01", "2019-09-05", "2021", "2025")]
        ['in_effect', 'may_be_in_effect', 'unknown', 'ended']
    """

    id: str = attrs.field(validator=check.text)
    name: str = attrs.field(validator=check.text)
    start: DateRange = attrs.field(validator=check.instance(DateRange))
    kind: CeasefireKind = attrs.field(
        default=CeasefireKind.CEASEFIRE, validator=check.instance(CeasefireKind)
    )
    end: DateRange | None = attrs.field(default=None, validator=check.optional_instance(DateRange))
    parties: tuple[Group, ...] = attrs.field(default=(), validator=check.tuple_of(Group))
    brokers: tuple[Group, ...] = attrs.field(default=(), validator=check.tuple_of(Group))
    start_claims: tuple[DateClaim, ...] = attrs.field(
        default=(), validator=check.tuple_of(DateClaim)
    )
    end_claims: tuple[DateClaim, ...] = attrs.field(default=(), validator=check.tuple_of(DateClaim))
    sources: tuple[Source, ...] = attrs.field(default=(), validator=check.tuple_of(Source))
    citations: tuple[Citation, ...] = attrs.field(default=(), validator=check.tuple_of(Citation))
    references: tuple[ReferenceFact, ...] = attrs.field(
        default=(), validator=check.tuple_of(ReferenceFact)
    )
    note: str = attrs.field(default="", validator=check.instance(str))

    def __attrs_post_init__(self) -> None:
        _check_order(self.start, self.end)

    @property
    def reported_until(self) -> dt.date | None:
        """The last day on which a source reporting it may have appeared.

        After it, a ceasefire that no source says has ended has an unknown status.

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load(sources="articles").ceasefire("2018-09-sochi-agreement").reported_until
            datetime.date(2019, 9, 6)
        """
        days = [s.published.latest for s in self.sources if s.published is not None]
        return max(days, default=None)

    @property
    def held_until(self) -> dt.date | None:
        """The last day a dated report certainly shows it holding, or ``None``.

        A claim that it ended on or after a day shows it holding that day; where no source
        says it ended, so does each report, on the first day it can have appeared.

        It is in effect through this day, and its end is no earlier.

        Examples:
            >>> import idlibstrikes as isk
            >>> articles = isk.load(sources="articles")
            >>> [str(c.held_until) for c in articles.ceasefires]  # Sochi, 1 and 31 August
            ['2019-09-01', 'None', '2019-09-01']
        """
        return last_held_day(self.start, self.sources, self.end_claims)

    @property
    def end_reported(self) -> bool:
        """Whether a source reports that it ended, by a known day.

        Not so for a ceasefire without end claims (its end may be bounded only by its
        parties' end), nor for one whose only end claims say it still held on some day.

        Examples:
            >>> import idlibstrikes as isk
            >>> articles = isk.load(sources="articles")
            >>> [c.end_reported for c in articles.ceasefires]  # Sochi, 1 and 31 August 2019
            [False, True, False]
        """
        return any(not c.date.open_end for c in self.end_claims)

    def status_on(self, day: PeriodLike, until: PeriodLike | None = None) -> CeasefireStatus:
        """What is known of it from ``day`` to ``until`` (by default the period ``day``).

        * ``not_started``: it began only after the period;
        * ``ended``: it had certainly ended before the period;
        * ``in_effect``: it had certainly begun, and had certainly not ended: the period
          lies before its reported end, or within the days a dated report certainly
          shows it holding (`held_until`; a report whose publication day is a window
          shows it only as of the window's first day);
        * ``unknown``: no source says it ended (`end_reported`), and the period starts
          after every report about it (`reported_until`): nothing is known;
        * ``may_be_in_effect``: it is neither known to hold nor known to have ended (after
          the last day a report certainly covers, until a bound ends it), or its start is
          too uncertain to say.

        Raises:
            InvalidPeriodError: A bound cannot be read.

        Examples:
            >>> import idlibstrikes as isk
            >>> truce = isk.load(sources="articles").ceasefire("2019-08-01-truce")
            >>> [truce.status_on(d).value for d in ("2019-07", "2019-08-02", "2019-08", "2020")]
            ['not_started', 'in_effect', 'may_be_in_effect', 'ended']
        """
        first = parse_period(day)[0]
        last = parse_period(day if until is None else until)[1]
        return self._status(first, last, self.held_until, self.end_reported)

    def _status(
        self, first: dt.date, last: dt.date, held: dt.date | None, end_reported: bool
    ) -> CeasefireStatus:
        if self.start.earliest > last:
            return CeasefireStatus.NOT_STARTED
        if self.end is not None and self.end.latest < first:
            return CeasefireStatus.ENDED
        reported = self.reported_until
        if (
            not end_reported
            and reported is not None
            and first > reported
            and (held is None or first > held)
        ):
            return CeasefireStatus.UNKNOWN
        begun = self.start.latest <= first
        going = (held is not None and last <= held) or (
            end_reported and self.end is not None and last < self.end.earliest
        )
        return CeasefireStatus.IN_EFFECT if begun and going else CeasefireStatus.MAY_BE_IN_EFFECT

    def statuses(self) -> tuple[StatusSpan, ...]:
        """Its status day by day, as runs of days, from its first possible day to its end.

        The one account of "when was it in effect" that every view draws on (the CLI, the
        notebook, the timeline, the data page): each run is what
        [`status_on`][idlibstrikes.Ceasefire.status_on] says of each of its days.

        Examples:
            >>> import idlibstrikes as isk
            >>> c = isk.load(sources="articles").ceasefire("2019-08-31-ceasefire")
            >>> [(str(s.first), str(s.last), s.status.value) for s in c.statuses()]
            ... # doctest: +NORMALIZE_WHITESPACE
            [('2019-08-31', '2019-09-01', 'in_effect'),
             ('2019-09-02', '2019-09-06', 'may_be_in_effect'),
             ('2019-09-07', '2024-12-08', 'unknown')]
        """
        held, end_reported = self.held_until, self.end_reported
        # a single day's status can change only on these days
        cuts = {self.start.earliest, self.start.latest}
        for day in (held, self.reported_until):
            if day is not None and day < dt.date.max:
                cuts.add(day + dt.timedelta(days=1))
        if self.end is not None:
            cuts.add(self.end.earliest)
            if self.end.latest < dt.date.max:
                cuts.add(self.end.latest + dt.timedelta(days=1))
        days = sorted(cuts)
        spans: list[StatusSpan] = []
        for day, after in zip(days, [*days[1:], None], strict=True):
            status = self._status(day, day, held, end_reported)
            if status in (CeasefireStatus.NOT_STARTED, CeasefireStatus.ENDED):
                continue
            last = dt.date.max if after is None else after - dt.timedelta(days=1)
            if (
                spans
                and spans[-1].status is status
                and spans[-1].last + dt.timedelta(days=1) == day
            ):
                spans[-1] = StatusSpan(first=spans[-1].first, last=last, status=status)
            else:
                spans.append(StatusSpan(first=day, last=last, status=status))
        return tuple(spans)

    def may_be_in_effect(self, day: PeriodLike, until: PeriodLike | None = None) -> bool:
        """Whether it may have been in effect on some day from ``day`` to ``until``.

        That is: it started on or before the last day, and is not known to have ended
        before the first (its status is in effect, may be in effect, or unknown). ``day``
        may be a date or period text, as for
        [`Dataset.strikes_between`][idlibstrikes.Dataset.strikes_between].

        Raises:
            InvalidPeriodError: A bound cannot be read.

        Examples:
            >>> import idlibstrikes as isk
            >>> c = isk.load(sources="articles").ceasefire("2019-08-01-truce")
            >>> c.may_be_in_effect("2019-08-02"), c.may_be_in_effect("2019-08-31")
            (True, False)
        """
        status = self.status_on(day, until)
        return status not in (CeasefireStatus.NOT_STARTED, CeasefireStatus.ENDED)

    def _repr_html_(self) -> str:
        return as_html(self)

    def __repr__(self) -> str:
        end = f" to {self.end}" if self.end and not self.end.open_end else ", no known end"
        return f"<Ceasefire {self.id}: from {self.start}{end}>"


@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Development:
    """Something the articles report that is not a strike: an offensive, a change of control.

    Or the fall of a government. Like a ceasefire, it has a ``start`` and possibly an
    ``end``, each summarising the sources' claims. A development that happens on one day
    (a government's fall) has only a start.

    Attributes:
        id: A stable id.
        kind: Offensive, change of control or fall of a government.
        description: A one-line description in the dataset's words.
        start: When it began (or happened).
        end: When it ended, or ``None`` where no source says.
        start_claims: Each source's date for its start.
        end_claims: Each source's date for its end.
        actors: Who carried it out, where a source says.
        affected: Who it was against, or who lost by it.
        place: Where, where a source says.
        sources: Every article that reports it.
        citations: The quotes behind actors, affected and place.
        references: Reference facts about it.
        note: Coding decisions.

    Examples:
        >>> import idlibstrikes as isk
        >>> fall = isk.load(sources="articles").development("2024-12-08-fall-of-assad-government")
        >>> fall.kind.value, str(fall.start), [g.name for g in fall.affected]
        ('government_falls', '2024-12-08', ['Syrian government'])
    """

    id: str = attrs.field(validator=check.text)
    kind: DevelopmentKind = attrs.field(validator=check.instance(DevelopmentKind))
    description: str = attrs.field(validator=check.text)
    start: DateRange = attrs.field(validator=check.instance(DateRange))
    end: DateRange | None = attrs.field(default=None, validator=check.optional_instance(DateRange))
    start_claims: tuple[DateClaim, ...] = attrs.field(
        default=(), validator=check.tuple_of(DateClaim)
    )
    end_claims: tuple[DateClaim, ...] = attrs.field(default=(), validator=check.tuple_of(DateClaim))
    actors: tuple[Group, ...] = attrs.field(default=(), validator=check.tuple_of(Group))
    affected: tuple[Group, ...] = attrs.field(default=(), validator=check.tuple_of(Group))
    place: Place | None = attrs.field(default=None, validator=check.optional_instance(Place))
    sources: tuple[Source, ...] = attrs.field(default=(), validator=check.tuple_of(Source))
    citations: tuple[Citation, ...] = attrs.field(default=(), validator=check.tuple_of(Citation))
    references: tuple[ReferenceFact, ...] = attrs.field(
        default=(), validator=check.tuple_of(ReferenceFact)
    )
    note: str = attrs.field(default="", validator=check.instance(str))

    def __attrs_post_init__(self) -> None:
        _check_order(self.start, self.end)

    def __repr__(self) -> str:
        return f"<Development {self.id}: {self.kind.value} from {self.start}>"


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
class Figure:
    """A number about the wider war that the sources state: deaths, displacement, territory.

    Attributes:
        id: A stable id.
        measure: What kind of number ("killed", "displaced", "population", "territory").
        subject: What it counts, in the dataset's words.
        low: The smallest number the words allow.
        high: The largest, or ``None`` where open above ("more than 400,000").
        unit: The unit ("people", "civilians", "percent").
        approximate: Whether the source hedges it ("about", "some").
        period: The period it covers, where stated.
        place: The place it covers, where stated.
        claimant: Who gave it, or ``None`` where the source gives it in its own voice.
        source: The source.
        quote: The source's words.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> articles = isk.load(sources="articles")
        >>> tolls = [f for f in articles.figures if f.measure == "killed" and f.unit == "people"]
        >>> sorted(f.low for f in tolls)
        [370001, 400001]
    """

    __repr__ = fields_repr

    id: str = attrs.field(validator=check.text)
    measure: str = attrs.field(validator=check.text)
    subject: str = attrs.field(validator=check.text)
    low: int = attrs.field(validator=check.count)
    high: int | None = attrs.field(validator=check.optional_count)
    unit: str = attrs.field(validator=check.text)
    source: Source = attrs.field(validator=check.instance(Source))
    quote: str = attrs.field(validator=check.text)
    approximate: bool = attrs.field(default=False, validator=check.instance(bool))
    period: DateRange | None = attrs.field(
        default=None, validator=check.optional_instance(DateRange)
    )
    place: Place | None = attrs.field(default=None, validator=check.optional_instance(Place))
    claimant: Group | None = attrs.field(default=None, validator=check.optional_instance(Group))
    note: str = attrs.field(default="", validator=check.instance(str))

    def __attrs_post_init__(self) -> None:
        if self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low}) is greater than high ({self.high})")
