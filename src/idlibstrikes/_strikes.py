"""Strikes, and who struck: a strike's attributions, and how groups nest within others."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import attrs

from . import _checks as check
from ._announcements import Announcement
from ._checks import fields_repr
from ._dates import DateRange
from ._records import (
    CasualtyClaim,
    Citation,
    DateClaim,
    Group,
    Person,
    Place,
    ReferenceFact,
    Source,
    as_html,
)
from ._vocabularies import Confidence, Relation, Scope, Stance, StrikeKind

__all__ = [
    "Attribution",
    "Strike",
]


def within(part: Group, whole: Group) -> bool:
    """Whether ``part`` is ``whole``, or a part of it, as attributions are compared.

    A group is within another it is (transitively) a part, branch or affiliate of (US
    Central Command within the US military, within the United States), and a coalition
    holds the forces of the state that leads it (``led_by``: the United States within the
    US-led coalition). Dates are not weighed: a force's place in its state does not lapse.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load(sources="articles")
        >>> centcom, coalition = data.group("CENTCOM"), data.group("US-led coalition")
        >>> within(centcom, coalition), within(coalition, centcom)
        (True, False)
    """
    seen: set[str] = set()
    todo = [whole]
    while todo:  # the whole and every leader inside it
        w = todo.pop()
        if w.id in seen:
            continue
        seen.add(w.id)
        if reaches(part, w.id, _affiliated):
            return True
        todo += [a.other for a in w.affiliations if a.relation is Relation.LED_BY]
    return False


def reaches(group: Group, target_id: str, up: Callable[[Group], Iterable[Group]]) -> bool:
    """Whether ``group`` is ``target_id``, or reaches it going ``up`` (transitively).

    ``up`` gives the groups one step above a group (those it is an affiliate or part of,
    perhaps only on some date); each group is visited once, so a loop of affiliations ends.

    Examples:
        >>> import idlibstrikes as isk
        >>> centcom = isk.load(sources="articles").group("CENTCOM")
        >>> reaches(centcom, "united-states", _affiliated)
        True
    """
    seen: set[str] = set()
    todo = [group]
    while todo:
        g = todo.pop()
        if g.id == target_id:
            return True
        if g.id not in seen:
            seen.add(g.id)
            todo += up(g)
    return False


def _affiliated(group: Group) -> list[Group]:
    """The groups ``group`` says it is a branch, affiliate or part of, at any time."""
    return [a.other for a in group.affiliations if a.relation.is_affiliate]


def nested(a: Group, b: Group) -> bool:
    """Whether one of two groups is within the other (see `within`): not rival accounts.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load(sources="articles")
        >>> nested(data.group("US military"), data.group("CENTCOM"))
        True
        >>> nested(data.group("Syrian government forces"), data.group("Russian military"))
        False
    """
    return within(a, b) or within(b, a)


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
class Attribution:
    """One source's statement of who carried a strike out (or did not), as it words it.

    Attributes:
        groups: The groups it names, together ("Syrian and Russian air strikes": two).
        stance: Whether it says they struck, may have, or did not
            (a [`Stance`][idlibstrikes.Stance]).
        source: The source.
        quote: The source's words (an article's attribution); empty for a report's.
        row: For a report's attribution, the reference list's row it comes from.
        claimant: Who makes the attribution, where the source says ("the US-led coalition
            ... has claimed responsibility", "US Central Command said its jets"); ``None``
            where the source speaks in its own voice.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> june = isk.load(sources="articles").strike("2019-06-30-rif-al-muhandisin")
        >>> [(a.groups[0].id, a.source.short_id) for a in june.attributions]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('us-military', '002'), ('us-led-coalition', '002'), ('centcom', '003'),
         ('us-led-coalition', '003')]
    """

    __repr__ = fields_repr

    groups: tuple[Group, ...] = attrs.field(validator=check.tuple_of(Group))
    source: Source = attrs.field(validator=check.instance(Source))
    quote: str = attrs.field(default="", validator=check.instance(str))
    row: ReferenceFact | None = attrs.field(
        default=None, validator=check.optional_instance(ReferenceFact)
    )
    stance: Stance = attrs.field(default=Stance.STRUCK, validator=check.instance(Stance))
    claimant: Group | None = attrs.field(default=None, validator=check.optional_instance(Group))
    note: str = attrs.field(default="", validator=check.instance(str))

    def __attrs_post_init__(self) -> None:
        if not self.groups:
            raise ValueError("an attribution names at least one group")


@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Strike:
    """One strike (or a series the sources report as one), however many sources report it.

    A single strike (``scope`` ``event``) is dated by ``date``, the days every article's
    date claim and every reference fact about its date allow (see the codebook's summary
    rule). A series (``scope`` ``series``) has a ``start`` and an ``end`` of its own, each
    summarised the same way, and its ``date`` runs from its earliest possible start to its
    latest possible end. Queries return single strikes unless asked for series.

    Attributes:
        id: A stable id.
        scope: One event, or a series reported as one.
        kind: The means of attack.
        description: A one-line description in the dataset's words.
        date: When: for a strike, the summary of its date claims (``disputed`` where they
            conflict); for a series, the span from its start to its end.
        date_claims: Each article's date for a single strike.
        start: For a series: when it began (summary of ``start_claims``); else ``None``.
        end: For a series: when it ended (summary of ``end_claims``), or ``None``.
        start_claims: For a series: each source's date for its start.
        end_claims: For a series: each source's date for its end ("still going on when
            the article appeared" is an end on or after the publication date).
        place: Where, as the articles name it.
        perpetrator: Who carried it out, as the dataset files it (ACLED's ``actor1``): one
            of the groups its attributions name, or one they are all within. Every
            perpetrator the sources name is in `perpetrators`.
        attributions: Each source's statement of who struck (or may have, or did not),
            with its words.
        allies: Who backed or joined the perpetrator, where stated.
        targets: The groups the sources name as its target.
        claims: Every casualty figure, one per claimant and source.
        killed: The named dead.
        announcements: Statements about it, with their dates.
        sources: Every article that reports it.
        citations: The quotes behind place, perpetrator, targets and the named dead.
        references: Reference facts about it (date, place, time), beside the claims; for
            a strike from the reference lists, every row the lists give for it.
        listed: The reference lists' id for the event ("R05", "RC1"), where it is one of
            theirs; empty for a strike only the articles report.
        may_be_same: The ids of strikes the sources say may be this one: kept apart, as
            one event is one record only where the sources show it.
        note: Coding decisions.

    Examples:
        >>> import idlibstrikes as isk
        >>> s = isk.load(sources="articles").strike("2019-06-30-rif-al-muhandisin")
        >>> str(s.date), s.place.name, s.perpetrator.name
        ('2019-06-30', 'Rif Al-Muhandiseen', 'US military')
        >>> [g.name for g in s.targets]
        ['al-Qaeda in Syria', 'Hurras al-Din']
        >>> len(s.sources)
        4
        >>> offensive = isk.load(sources="articles").strike("2019-idlib-offensive")
        >>> offensive.is_series, str(offensive.start), str(offensive.end)
        (True, '2019-04-21..2019-04-30', '2019-08-31')
    """

    id: str = attrs.field(validator=check.text)
    description: str = attrs.field(validator=check.text)
    date: DateRange = attrs.field(validator=check.instance(DateRange))
    place: Place = attrs.field(validator=check.instance(Place))
    perpetrator: Group = attrs.field(validator=check.instance(Group))
    scope: Scope = attrs.field(default=Scope.EVENT, validator=check.instance(Scope))
    kind: StrikeKind = attrs.field(default=StrikeKind.UNKNOWN, validator=check.instance(StrikeKind))
    date_claims: tuple[DateClaim, ...] = attrs.field(
        default=(), validator=check.tuple_of(DateClaim)
    )
    start: DateRange | None = attrs.field(
        default=None, validator=check.optional_instance(DateRange)
    )
    end: DateRange | None = attrs.field(default=None, validator=check.optional_instance(DateRange))
    start_claims: tuple[DateClaim, ...] = attrs.field(
        default=(), validator=check.tuple_of(DateClaim)
    )
    end_claims: tuple[DateClaim, ...] = attrs.field(default=(), validator=check.tuple_of(DateClaim))
    attributions: tuple[Attribution, ...] = attrs.field(
        default=(), validator=check.tuple_of(Attribution)
    )
    allies: tuple[Group, ...] = attrs.field(default=(), validator=check.tuple_of(Group))
    targets: tuple[Group, ...] = attrs.field(default=(), validator=check.tuple_of(Group))
    claims: tuple[CasualtyClaim, ...] = attrs.field(
        default=(), validator=check.tuple_of(CasualtyClaim)
    )
    killed: tuple[Person, ...] = attrs.field(default=(), validator=check.tuple_of(Person))
    announcements: tuple[Announcement, ...] = attrs.field(
        default=(), validator=check.tuple_of(Announcement)
    )
    sources: tuple[Source, ...] = attrs.field(default=(), validator=check.tuple_of(Source))
    citations: tuple[Citation, ...] = attrs.field(default=(), validator=check.tuple_of(Citation))
    references: tuple[ReferenceFact, ...] = attrs.field(
        default=(), validator=check.tuple_of(ReferenceFact)
    )
    listed: str = attrs.field(default="", validator=check.instance(str))
    may_be_same: tuple[str, ...] = attrs.field(default=(), validator=check.tuple_of(str))
    note: str = attrs.field(default="", validator=check.instance(str))

    @property
    def is_series(self) -> bool:
        """Whether this record is a series of strikes reported as one.

        Examples:
            >>> import idlibstrikes as isk
            >>> [s.id for s in isk.load(sources="articles").strikes if s.is_series][:2]
            ['2014-2019-coalition-northwest-strikes', 'baghouz-coalition-strikes']
        """
        return self.scope is Scope.SERIES

    def certainly_within(self, first: dt.date, last: dt.date) -> bool:
        """Whether it certainly falls in the period from ``first`` to ``last``.

        A strike does when its whole date range lies in the period. A series does when
        it was certainly under way throughout the period: the period lies between its
        latest possible start and its earliest possible end.

        Examples:
            >>> import datetime as dt, idlibstrikes as isk
            >>> offensive = isk.load(sources="articles").strike("2019-idlib-offensive")
            >>> offensive.certainly_within(dt.date(2019, 6, 1), dt.date(2019, 6, 30))
            True
            >>> offensive.certainly_within(dt.date(2019, 4, 1), dt.date(2019, 4, 30))
            False
        """
        if not self.is_series or self.start is None:
            return self.date.within(first, last)
        if self.end is None:  # not known to have run past its start
            return False
        return self.start.latest <= first and last <= self.end.earliest

    @property
    def attributed(self) -> tuple[Group, ...]:
        """Every group a source says struck or may have struck, and the filed perpetrator.

        What [`Dataset.strikes_between`][idlibstrikes.Dataset.strikes_between]'s
        ``perpetrator`` finds a record by; a denial is not an attribution.

        Examples:
            >>> import idlibstrikes as isk
            >>> june = isk.load(sources="articles").strike("2019-06-30-rif-al-muhandisin")
            >>> [g.id for g in june.attributed]
            ['us-military', 'us-led-coalition', 'centcom']
        """
        found = {self.perpetrator.id: self.perpetrator}
        for a in self.attributions:
            if a.stance is not Stance.DENIED:
                for g in a.groups:
                    found.setdefault(g.id, g)
        return tuple(found.values())

    @property
    def confidence(self) -> Confidence | None:
        """How well the reference lists attest it: ``None`` for a strike the articles report.

        The five articles are quoted, and not graded. A strike that only the reference
        lists document is as well attested as its best-graded row saying who struck (a
        denial is not such a row); where none does, its best-graded date row. A contested
        attribution resting on one partisan outlet is ``low`` (R26); a CENTCOM statement
        relayed by two outlets ``high``; R26 ``medium``, by SOHR's "probably the coalition"
        in the addendum beside Sham FM's low-graded claim.

        Examples:
            >>> import idlibstrikes as isk
            >>> data = isk.load()
            >>> print(data.strike("2019-06-30-rif-al-muhandisin").confidence)
            None
            >>> data.strike("2019-12-atmeh").confidence.value  # R26: a contested attribution
            'medium'
        """
        if self.sources and not all(s.is_report for s in self.sources):
            return None  # an article reports it
        rows = [a.row for a in self.attributions if a.stance is not Stance.DENIED] or [
            c.row for c in self.date_claims
        ]
        levels = [r.confidence for r in rows if r is not None and r.confidence is not None]
        return max(levels, key=lambda c: c.rank) if levels else Confidence.LOW

    @property
    def perpetrators(self) -> tuple[Group, ...]:
        """Who struck, summarised: the filed perpetrator and every other group named.

        Groups within one another are one reading, named once by the one it is filed
        under (CENTCOM's "its jets", Kurdistan 24's "US forces" and the coalition's claim
        of the 30 June 2019 strike are the US military's); groups that are not are each
        listed: "Syrian and Russian air strikes" make two. Where the attributions conflict
        (`perpetrator_disputed`), the groups only suspected are listed too.

        Examples:
            >>> import idlibstrikes as isk
            >>> data = isk.load(sources="articles")
            >>> [g.name for g in data.strike("2019-idlib-offensive").perpetrators]
            ['Syrian government forces', 'Russian military']
            >>> [g.name for g in data.strike("2019-06-30-rif-al-muhandisin").perpetrators]
            ['US military']
        """
        stances = (
            (Stance.STRUCK, Stance.SUSPECTED) if self.perpetrator_disputed else (Stance.STRUCK,)
        )
        out = [self.perpetrator]
        for a in self.attributions:
            if a.stance in stances:
                out += [g for g in a.groups if not any(nested(g, o) for o in out)]
        return tuple(out)

    @property
    def perpetrator_disputed(self) -> bool:
        """Whether the sources disagree on who struck.

        They do where a denial names a group another attribution says struck or may have
        (or one within it, or a whole it is within); where a source suspects a group that
        none says struck; or where two readings of who struck (groups within one another
        are one reading) are given and no one source gives both. Naming a part of another
        is agreement, and a source that names two groups says they struck together.

        Examples:
            >>> import idlibstrikes as isk
            >>> [s.id for s in isk.load(sources="articles").strikes if s.perpetrator_disputed]
            []
        """
        named: dict[Stance, list[tuple[Group, str]]] = {s: [] for s in Stance}
        for a in self.attributions:
            named[a.stance] += [(g, a.source.id) for g in a.groups]
        struck, suspected = named[Stance.STRUCK], named[Stance.SUSPECTED]
        if any(nested(d, g) for d, _ in named[Stance.DENIED] for g, _ in (*struck, *suspected)):
            return True
        if struck and any(not any(nested(s, g) for g, _ in struck) for s, _ in suspected):
            return True
        # readings: groups within one another, joined; each with the sources giving it
        readings: list[tuple[list[Group], set[str]]] = []
        for g, source in struck or suspected:
            joined = [r for r in readings if any(nested(g, o) for o in r[0])]
            groups, sources = [g], {source}
            for r in joined:
                readings.remove(r)
                groups += r[0]
                sources |= r[1]
            readings.append((groups, sources))
        return any(not a[1] & b[1] for i, a in enumerate(readings) for b in readings[i + 1 :])

    def citations_for(self, about: str) -> tuple[Citation, ...]:
        """The quotes that support one field (``"place"``, ``"targets"``, ...).

        Examples:
            >>> import idlibstrikes as isk
            >>> s = isk.load(sources="articles").strike("2019-08-31-idlib-training-camp")
            >>> len(s.citations_for("targets")) >= 2
            True
        """
        return tuple(c for c in self.citations if c.about == about)

    def _repr_html_(self) -> str:
        return as_html(self)

    def __repr__(self) -> str:
        targets = ", ".join(t.name for t in self.targets) or "no named target"
        who = " + ".join(g.name for g in self.perpetrators)
        return f"<Strike {self.id}: {self.date}, {self.place.name}, {who} -> {targets}>"
