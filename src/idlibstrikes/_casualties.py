"""Casualty figures that say what the sources say: accounts, floors, and no false zero.

Maintainer's note: the rules, in the order the code applies them (the codebook states
them with the real examples):

1. **Accounts.** A strike's figures are grouped into accounts: one claimant in one source.
   Within an account, its claims narrow each other (SOHR's "six commanders" and "six
   people among those killed" in 003 are one account).
2. **Floors from parts.** A figure about a part of the asked victims is a floor on the
   whole, never a ceiling: commanders are within militants, militants, civilians and
   children within all (children within civilians only where a claim says so, in
   ``within``). The named dead are an account of their own: at least one dead for each
   name, and for their role where it is coded (``Role.counts_as``). A floor of 0 is no
   figure. Within one account, its figure for a wider set is a ceiling on the asked
   victims (SOHR's "Forty killed" caps the militants its "40 of them" leaders make at
   least 40); across accounts a whole only disputes a part (rule 3).
3. **Agreement.** Two accounts agree when, for the asked victims and every part of them,
   their ranges meet. Accounts that all agree are summarised by what they jointly allow:
   ``low`` is their largest floor and ``best`` (UCDP's best estimate) that value. Where
   some disagree, the summary spans the largest sets of accounts that agree: ``low`` is
   the smallest of those sets' floors, ``disputed`` is true and ``best`` is ``None``. So a
   vague word ("dozens", at least 24) that agrees with a specific figure never lowers it,
   and a part's floor never lowers the whole.
4. **The high end.** ``high`` is the largest figure any account gives (among agreeing
   accounts, no more than they jointly allow), and the range is open above (``+``) when
   an account giving that figure gives it as a floor only ("at least 40").
5. **Series.** A toll that grows over a series counts up to a day (``counts_to``); an
   earlier snapshot is a floor on the later toll, not a rival to it. Series are never
   summed with single strikes: [`Casualties`][idlibstrikes.Casualties] reports them apart.
6. **Unknown is not zero.** Without any figure, ``low``, ``high`` and ``best`` are ``None``
   and every view says "no figures".
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter

import attrs

from . import _checks as check
from ._dates import DateRange
from ._models import (
    CasualtyClaim,
    Group,
    Outcome,
    Person,
    Scope,
    Source,
    Strike,
    Victims,
)
from ._records import as_html
from ._vocabularies import _Vocabulary
from ._wording import span_text, who_text

__all__ = [
    "Account",
    "Basis",
    "Casualties",
    "StrikeCasualties",
    "aggregate",
    "counted_text",
    "deaths_text",
    "summarize",
]

# The sets a figure about each kind of victims is a part of (the codebook's assumptions).
_WITHIN: dict[Victims, frozenset[Victims]] = {
    Victims.ALL: frozenset(),
    Victims.CIVILIANS: frozenset({Victims.ALL}),
    Victims.MILITANTS: frozenset({Victims.ALL}),
    Victims.COMMANDERS: frozenset({Victims.MILITANTS, Victims.ALL}),
    Victims.CHILDREN: frozenset({Victims.ALL}),
}


class Basis(_Vocabulary):
    """What an account's figure for the asked victims rests on.

    ``stated``: a figure the source gives for those victims; ``vague``: only a vague word
    ("dozens"); ``parts``: only figures for parts of them (a floor); ``bounded``: figures
    for parts of them (the floor) and, in the same account, for a wider set (the ceiling:
    SOHR's "40 of them", the leaders, and "Forty killed" in 001 make its militants exactly
    40); ``named``: only the named dead.

    Examples:
        >>> Basis("parts").name
        'PARTS'
    """

    STATED = "stated"
    VAGUE = "vague"
    PARTS = "parts"
    BOUNDED = "bounded"
    NAMED = "named"


@attrs.frozen(kw_only=True)
class Account:
    """What one claimant in one source says of a strike's asked victims, claims combined.

    Attributes:
        claimant: Who gave the figures, or ``None`` for the outlet's own voice or the
            named dead.
        source: The source, or ``None`` for the named dead.
        low: The smallest number the account allows.
        high: The largest, or ``None`` where it is open above.
        basis: What the figure rests on (see [`Basis`][idlibstrikes.Basis]).
        claims: The claims behind it (the asked victims' and their parts').
        named: For the named dead: the people.
        counts_to: For a series' toll, the day it counts up to.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load()
        >>> c = data.casualties([data.strike("2019-06-30-rif-al-muhandisin")])
        >>> [(a.source.id[:3], a.low, a.high, a.basis.value) for a in c.per_strike[0].accounts]
        [('002', 8, None, 'parts'), ('003', 6, None, 'stated')]
    """

    claimant: Group | None = attrs.field(validator=check.optional_instance(Group))
    source: Source | None = attrs.field(validator=check.optional_instance(Source))
    low: int = attrs.field(validator=check.count)
    high: int | None = attrs.field(validator=check.optional_count)
    basis: Basis = attrs.field(validator=check.instance(Basis))
    claims: tuple[CasualtyClaim, ...] = attrs.field(validator=check.tuple_of(CasualtyClaim))
    named: tuple[Person, ...] = attrs.field(default=(), validator=check.tuple_of(Person))
    counts_to: DateRange | None = attrs.field(
        default=None, validator=check.optional_instance(DateRange)
    )

    @property
    def who(self) -> str:
        """Who the account is, in words: the claimant, the outlet, or the named dead.

        Examples:
            >>> import idlibstrikes as isk
            >>> data = isk.load()
            >>> c = data.casualties([data.strike("2025-02-15-urum-al-jawz")])
            >>> [a.who for a in c.per_strike[0].accounts]
            ['White Helmets', 'Residents', 'US military', 'the named dead']
        """
        if self.basis is Basis.NAMED:
            return "the named dead"
        return who_text(self.claimant, self.source)


@attrs.frozen(kw_only=True)
class StrikeCasualties:
    """One strike's figures for some victims: a range, with the accounts behind it.

    Attributes:
        strike: The strike.
        victims: Whom the figures count.
        outcome: Killed or wounded.
        low: What the accounts jointly allow at least (where they disagree, the smallest
            floor of the accounts that agree among themselves); ``None`` without figures.
        high: The largest figure any account gives (where accounts agree, no more than they
            jointly allow); ``None`` without figures.
        open_ended: Whether the account giving ``high`` gives it as a floor ("at least").
        best: UCDP's best estimate: the value every account allows, where they agree;
            ``None`` where they disagree or nothing is known.
        disputed: Whether the accounts disagree (on these victims or on a part of them).
        accounts: The accounts, one per claimant and source, plus the named dead.
        counted_to: For a series, the day its toll counts up to (the latest snapshot).

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load()
        >>> one = data.casualties([data.strike("2017-03-al-jinah")]).per_strike[0]
        >>> one.low, one.high, one.best, one.disputed
        (49, 49, 49, False)
    """

    strike: Strike = attrs.field(validator=check.instance(Strike))
    victims: Victims = attrs.field(validator=check.instance(Victims))
    outcome: Outcome = attrs.field(validator=check.instance(Outcome))
    low: int | None = attrs.field(validator=check.optional_count)
    high: int | None = attrs.field(validator=check.optional_count)
    open_ended: bool = attrs.field(validator=check.instance(bool))
    best: int | None = attrs.field(validator=check.optional_count)
    disputed: bool = attrs.field(validator=check.instance(bool))
    accounts: tuple[Account, ...] = attrs.field(validator=check.tuple_of(Account))
    counted_to: DateRange | None = attrs.field(
        default=None, validator=check.optional_instance(DateRange)
    )

    @property
    def known(self) -> bool:
        """Whether any account gives a figure for these victims.

        Examples:
            >>> import idlibstrikes as isk
            >>> data = isk.load()
            >>> hts = data.strike("2019-08-27-hts-missile-khan-sheikhoun")
            >>> data.casualties([hts]).strikes_without_figures == (hts,)
            True
        """
        return self.low is not None

    @property
    def claims(self) -> tuple[CasualtyClaim, ...]:
        """Every claim behind the accounts, each once.

        Examples:
            >>> import idlibstrikes as isk
            >>> data = isk.load()
            >>> camp = data.strike("2019-08-31-idlib-training-camp")
            >>> [(c.low, c.high) for c in data.casualties([camp], victims="commanders").claims]
            [(40, 40), (24, None)]
        """
        seen: dict[int, CasualtyClaim] = {}
        for account in self.accounts:
            for claim in account.claims:
                seen.setdefault(id(claim), claim)
        return tuple(seen.values())

    def __str__(self) -> str:
        text = span_text(self.low, self.high, self.open_ended)
        if self.disputed:
            text += " (disputed)"
        return text


@attrs.frozen(kw_only=True)
class Casualties:
    """Casualty figures over a set of strikes, as a range with the accounts behind it.

    Single strikes are summed; series (runs of strikes reported as one) are never added
    to them and are listed apart in ``series``.

    Attributes:
        victims: Whom the figures count.
        outcome: Killed or wounded.
        low: The sum over strikes of each strike's ``low``; ``None`` when no strike has
            figures (never 0 for "unknown").
        high: The sum of each strike's ``high``; ``None`` without figures.
        open_ended: Whether some strike's range is open above.
        best: The sum of the strikes' best estimates, where every strike with figures has
            one; else ``None``.
        disputed: Whether the accounts of some strike disagree.
        per_strike: Each single strike with figures, chronologically.
        strikes_without_figures: The single strikes no account gives a figure for.
        series: Each series asked about (with or without figures): reported apart.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load()
        >>> c = data.casualties(data.strikes_by_group("Hurras al-Din"), victims="commanders")
        >>> c.low, c.high, c.open_ended, c.best, c.without_figures
        (48, 50, True, None, 0)
        >>> print(data.casualties(data.strikes_by_group("Hurras al-Din"), victims="civilians"))
        no figures for civilians killed in 4 strike(s)
    """

    victims: Victims = attrs.field(validator=check.instance(Victims))
    outcome: Outcome = attrs.field(validator=check.instance(Outcome))
    low: int | None = attrs.field(validator=check.optional_count)
    high: int | None = attrs.field(validator=check.optional_count)
    open_ended: bool = attrs.field(validator=check.instance(bool))
    best: int | None = attrs.field(validator=check.optional_count)
    disputed: bool = attrs.field(validator=check.instance(bool))
    per_strike: tuple[StrikeCasualties, ...] = attrs.field(
        validator=check.tuple_of(StrikeCasualties)
    )
    strikes_without_figures: tuple[Strike, ...] = attrs.field(validator=check.tuple_of(Strike))
    series: tuple[StrikeCasualties, ...] = attrs.field(
        default=(), validator=check.tuple_of(StrikeCasualties)
    )

    @property
    def without_figures(self) -> int:
        """How many single strikes no account gives a figure for.

        Examples:
            >>> import idlibstrikes as isk
            >>> data = isk.load()
            >>> data.casualties(data.strikes_by_group("Hurras al-Din")).without_figures
            0
        """
        return len(self.strikes_without_figures)

    @property
    def claims(self) -> tuple[CasualtyClaim, ...]:
        """Every claim behind the single strikes' figures, strike by strike.

        Examples:
            >>> import idlibstrikes as isk
            >>> data = isk.load()
            >>> had = data.strikes_by_group("Hurras al-Din")[:1]
            >>> c = data.casualties(had, victims="commanders")
            >>> [(claim.low, claim.high, claim.source.id[:3]) for claim in c.claims]
            [(8, 8, '002'), (6, None, '002'), (6, 6, '003')]
        """
        return tuple(c for one in self.per_strike for c in one.claims)

    def _repr_html_(self) -> str:
        return as_html(self)

    def __str__(self) -> str:
        what = f"{self.victims.value} {self.outcome.value}"
        strikes = len(self.per_strike) + self.without_figures
        if self.low is None:
            text = f"no figures for {what} in {strikes} strike(s)"
        else:
            text = (
                f"{span_text(self.low, self.high, self.open_ended)} {what} in "
                f"{len(self.per_strike)} strike(s) with figures; {self.without_figures} without"
            )
            disputed = sum(one.disputed for one in self.per_strike)
            if disputed:
                text += f"; the sources disagree on {disputed}"
        known = [one for one in self.series if one.known]
        if known:
            each = ", ".join(f"{one.strike.id} {counted_text(one)}" for one in known)
            text += f"; not added, series reported as a whole: {each}"
        return text


# -- one strike -----------------------------------------------------------------------------


# Sets of victims as bits, so that the many membership tests below are integer operations
# (an Enum member hashes in Python, and a strike asks thousands of such questions).
_BIT = {v: 1 << i for i, v in enumerate(Victims)}
# each set's bit -> the bits of the sets it is always part of (a figure for one of them is
# a ceiling on it, within one account)
_ABOVE = {_BIT[v]: sum(_BIT[w] for w in wider) for v, wider in _WITHIN.items()}


@functools.lru_cache(maxsize=64)
def _wider(victims: Victims, within: tuple[Victims, ...]) -> int:
    """The sets that victims of this kind are part of (their own set not included)."""
    wider = _WITHIN[victims]
    for extra in within:
        wider = wider | {extra} | _WITHIN[extra]
    return sum(_BIT[v] for v in wider)


def _parts_of(claim: CasualtyClaim) -> int:
    """The sets ``claim``'s victims are part of (its own set not included), as bits."""
    return _wider(claim.victims, claim.within)


# The same, looked up by a member's value (a string: its hash is cached, where an Enum
# member's is a Python call): each set's bit, and the sets it is part of without ``within``.
_BIT_OF = {v.value: _BIT[v] for v in Victims}
_PARTS = {_BIT[v]: _wider(v, ()) for v in Victims}


# The members the loops below test or give, named once: a member looked up on its Enum
# class goes through the metaclass's ``__getattr__`` hook, a slow path on Python 3.11.
_SERIES, _KILLED = Scope.SERIES, Outcome.KILLED
_STATED, _VAGUE, _ON_PARTS, _BOUNDED = Basis.STATED, Basis.VAGUE, Basis.PARTS, Basis.BOUNDED

Range = tuple[int, int | None]


def _meet(a: Range, b: Range) -> bool:
    return (b[1] is None or a[0] <= b[1]) and (a[1] is None or b[0] <= a[1])


def _agree(ours: dict[int, Range], theirs_by_set: dict[int, Range]) -> bool:
    """Whether two accounts' ranges meet for every set of victims both give one for."""
    for bit, (low, high) in ours.items():
        theirs = theirs_by_set.get(bit)
        if theirs is not None and not _meet((low, high), theirs):
            return False
    return True


class _Account:
    """An account being read: its claims, and its range for each set of victims.

    ``floors`` are claims read as floors only: an earlier snapshot of a series' growing
    toll says what the toll was at least, whatever its own upper figure. Sets of victims
    are bits (``_BIT``) here.
    """

    __slots__ = (
        "bounded",
        "claimant",
        "claims",
        "items",
        "named",
        "ranges",
        "source",
        "stated",
        "vague",
    )

    def __init__(
        self,
        claimant: Group | None,
        source: Source | None,
        claims: Sequence[CasualtyClaim],
        named: Sequence[Person] = (),
        floors: frozenset[int] = frozenset(),
    ) -> None:
        self.claimant, self.source, self.claims, self.named = claimant, source, claims, named
        # per claim: its set, the sets it is part of, its low, its high (None: a floor only)
        self.items = [
            (_BIT[c.victims], _parts_of(c), c.low, None if id(c) in floors else c.high, c.vague)
            for c in claims
        ]
        self.ranges: dict[int, Range] = {}
        self.stated = 0
        self.vague = 0
        self.bounded = 0

    def read(self, sets: Iterable[int]) -> bool:
        """Work out this account's range for each of ``sets``; False if its claims clash."""
        for bit in sets:
            floor = 0
            low = -1
            high: int | None = None
            ceiling: int | None = None  # the account's own figure for a wider set
            vague = True
            above = _ABOVE.get(bit, 0)
            for own, parts, c_low, c_high, c_vague in self.items:
                if own == bit:
                    low = max(low, c_low)
                    if c_high is not None and (high is None or c_high < high):
                        high = c_high
                    vague = vague and c_vague
                elif parts & bit:
                    floor = max(floor, c_low)
                elif own & above and c_high is not None and (ceiling is None or c_high < ceiling):
                    ceiling = c_high
            if self.named:
                floor = max(floor, _named_floor(self.named, bit))
            if ceiling is not None and (high is None or ceiling < high) and (low >= 0 or floor):
                high = ceiling
                if low < 0:
                    self.bounded |= bit
            if low >= 0:  # some claim is about these victims themselves
                low = max(low, floor)
                if high is not None and low > high:
                    return False
                self.ranges[bit] = (low, high)
                if vague:
                    self.vague |= bit
                else:
                    self.stated |= bit
            elif floor > 0:
                if high is not None and floor > high:
                    return False
                self.ranges[bit] = (floor, high)
        return True

    def agrees(self, other: _Account) -> bool:
        return _agree(self.ranges, other.ranges)

    def singles(self, sets: Iterable[int], floors: frozenset[int]) -> list[_Account]:
        """This account's claims one by one: for an account whose own claims clash."""
        out = []
        for claim in self.claims:
            single = _Account(self.claimant, self.source, (claim,), floors=floors)
            single.read(sets)
            out.append(single)
        return out

    def freeze(self, bit: int, counts_to: DateRange | None) -> Account:
        low, high = self.ranges[bit]
        if self.named and not self.claims:
            basis = Basis.NAMED
        elif self.stated & bit:
            basis = Basis.STATED
        elif self.vague & bit:
            basis = Basis.VAGUE
        elif self.bounded & bit:
            basis = Basis.BOUNDED
        else:
            basis = Basis.PARTS
        return Account(
            claimant=self.claimant,
            source=self.source,
            low=low,
            high=high,
            basis=basis,
            # the claims about these victims and their parts (a wider set's figure, read as
            # a ceiling, shows in the basis "bounded")
            claims=tuple(c for c in self.claims if _BIT[c.victims] == bit or _parts_of(c) & bit),
            named=tuple(self.named),
            counts_to=counts_to,
        )


def _named_floor(named: Sequence[Person], bit: int) -> int:
    """How many of the named dead count among the victims ``bit``.

    All of them count among all victims; among a kind of victims, those whose role is coded
    as that kind or a part of it (``Role.counts_as``).
    """
    if bit == _BIT[Victims.ALL]:
        return len(named)
    return sum(
        any(
            r.counts_as is not None and (_BIT[r.counts_as] == bit or _wider(r.counts_as, ()) & bit)
            for r in person.roles
        )
        for person in named
    )


def _accounts(
    claims: Sequence[CasualtyClaim],
    named: Sequence[Person],
    sets: Iterable[int],
    floors: frozenset[int] = frozenset(),
) -> list[_Account]:
    """The accounts of ``claims`` (and the named dead), read for ``sets``."""
    sets = tuple(sets)
    grouped: dict[tuple[str | None, str], list[CasualtyClaim]] = {}
    for c in claims:
        grouped.setdefault((c.claimant.id if c.claimant else None, c.source.id), []).append(c)
    accounts = [
        _Account(group[0].claimant, group[0].source, group, floors=floors)
        for group in grouped.values()
    ]
    if named:
        accounts.append(_Account(None, None, (), named))
    read: list[_Account] = []
    for account in accounts:
        # an account whose own claims clash: each claim speaks for itself
        read += [account] if account.read(sets) else account.singles(sets, floors)
    return read


def _snapshots(claims: Sequence[CasualtyClaim]) -> tuple[frozenset[int], DateRange | None]:
    """For a series: the earlier snapshots of its growing toll, and the latest one's day.

    An earlier snapshot is a floor on the later toll (see ``_Account``).
    """
    dated = [c.counts_to for c in claims if c.counts_to is not None]
    if not dated:
        return frozenset(), None
    latest = max(dated, key=lambda d: (d.latest, d.earliest))
    earlier = frozenset(
        id(c) for c in claims if c.counts_to is not None and c.counts_to.latest < latest.earliest
    )
    return earlier, latest


def summarize(strike: Strike, victims: Victims, outcome: Outcome) -> StrikeCasualties:
    """One strike's figures for ``victims`` (see the module's rules).

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load()
        >>> june = data.strike("2019-06-30-rif-al-muhandisin")
        >>> kafranbel = data.strike("2019-08-31-kafranbel-shelling")
        >>> str(summarize(june, Victims.ALL, Outcome.KILLED))
        '6-8+ (disputed)'
        >>> str(summarize(kafranbel, Victims.ALL, Outcome.KILLED))
        '1+'
    """
    bit = _BIT[victims]
    one = _plain(strike, victims, outcome, bit, _ABOVE[bit])
    if one is None:
        return _general(strike, victims, outcome, *_classify(strike, victims, outcome))
    return one


_Read = tuple[CasualtyClaim, int, int]  # a claim, its set, the sets it is part of


def _classify(
    strike: Strike, victims: Victims, outcome: Outcome
) -> tuple[int, list[_Read], list[CasualtyClaim], Sequence[Person]]:
    """What ``summarize`` reads of a strike for ``victims`` and ``outcome``.

    The victims' bit; each claim about them or a part of them, with its set and the sets
    it is part of (as bits); the claims about a set they are part of; the named dead
    among them (for the killed).
    """
    bit = _BIT[victims]
    above = _ABOVE[bit]
    read: list[_Read] = []
    wider: list[CasualtyClaim] = []
    for c in strike.claims:
        if c.outcome is not outcome:
            continue
        own = _BIT_OF[c.victims._value_]
        parts = _wider(c.victims, c.within) if c.within else _PARTS[own]
        if own == bit or parts & bit:
            read.append((c, own, parts))
        elif own & above:
            wider.append(c)
    return bit, read, wider, strike.killed if outcome is Outcome.KILLED else ()


def _general(
    strike: Strike,
    victims: Victims,
    outcome: Outcome,
    bit: int,
    read: Sequence[_Read],
    wider: Sequence[CasualtyClaim],
    named: Sequence[Person],
) -> StrikeCasualties:
    """``summarize`` for any strike (see ``_classify`` for what it is given)."""
    if not read and not named:
        return _unknown(strike, victims, outcome)
    relevant = [c for c, _, _ in read]
    floors, counted_to = _snapshots(relevant) if strike.is_series else (frozenset(), None)
    sets = {bit, *(_BIT[c.victims] for c in relevant)}
    # an account's figures for wider sets cap its own ranges (rule 2); they are read with it
    accounts = _accounts([*relevant, *wider], named, sets, floors)
    readers = [a for a in accounts if bit in a.ranges]
    if not readers:
        return _unknown(strike, victims, outcome)
    frozen = tuple(a.freeze(bit, counted_to) for a in readers)
    ranges = [a.ranges for a in readers]
    groups = [_group_summary([ranges[i][bit] for i in g]) for g in _agreeing_sets(ranges)]
    high = max(g[1] for g in groups)
    # A whole caps its parts: "5 killed" in one account disputes "8 commanders" in another,
    # though the whole gives no figure for the commanders themselves.
    disputed = len(groups) > 1 or (bool(wider) and _wider_disputes(readers, wider, sets, floors))
    return StrikeCasualties(
        strike=strike,
        victims=victims,
        outcome=outcome,
        low=min(g[0] for g in groups),
        high=high,
        open_ended=any(g[1] == high and g[2] for g in groups),
        best=None if disputed else groups[0][0],
        disputed=disputed,
        accounts=frozen,
        counted_to=counted_to,
    )


def _plain(
    strike: Strike, victims: Victims, outcome: Outcome, bit: int, above: int
) -> StrikeCasualties | None:
    """``summarize`` for the usual strike, without the general path's objects.

    ``None`` for any other strike. The usual strike is a single strike with no named dead
    among the asked and no figure for a set the asked victims (``bit``) are part of
    (``above``: those sets). Its claims are read as ``_classify`` reads them, and the
    rules are those of ``_accounts``, ``_Account.read`` and ``_general``, over plain
    values. A test holds the two paths to the same answers.
    """
    if strike.scope is _SERIES or (strike.killed and outcome is _KILLED):
        return None
    read: list[_Read] = []
    for c in strike.claims:
        if c.outcome is not outcome:
            continue
        own = _BIT_OF[c.victims._value_]
        parts = _wider(c.victims, c.within) if c.within else _PARTS[own]
        if own == bit or parts & bit:
            read.append((c, own, parts))
        elif own & above:  # a figure for a wider set: the general path
            return None
    if len(read) == 1:  # one claim: its figure, or its low as a floor on the whole
        c, own, _ = read[0]
        if own == bit:
            low, high = c.low, c.high
            basis = _VAGUE if c.vague else _STATED
        elif c.low > 0:
            low, high, basis = c.low, None, _ON_PARTS
        else:  # a floor of 0 is no figure
            return _unknown(strike, victims, outcome)
        account = _account(c.claimant, c.source, low, high, basis, (c,))
        most = low if high is None else high
        return _strike_casualties(
            strike, victims, outcome, low, most, high is None, low, False, (account,)
        )
    if not read:
        return _unknown(strike, victims, outcome)
    if len(read) == 2:
        return _two(strike, victims, outcome, bit, read)
    return _several(strike, victims, outcome, bit, read)


def _two(
    strike: Strike, victims: Victims, outcome: Outcome, bit: int, read: Sequence[_Read]
) -> StrikeCasualties:
    """``_several`` for two claims, the commonest shape, over plain values.

    Two claims of one account (one claimant in one source) go to ``_several``.
    """
    (c, own, parts), (c2, own2, parts2) = read
    source, source2, claimant, claimant2 = c.source, c2.source, c.claimant, c2.claimant
    if source.id == source2.id and (
        claimant is claimant2
        or (claimant is not None and claimant2 is not None and claimant.id == claimant2.id)
    ):
        return _several(strike, victims, outcome, bit, read)
    low, high, low2, high2 = c.low, c.high, c2.low, c2.high
    first = second = None
    if own == bit:
        first = _account(claimant, source, low, high, _VAGUE if c.vague else _STATED, (c,))
    elif low:  # a floor on the whole (a floor of 0 is no figure)
        first = _account(claimant, source, low, None, _ON_PARTS, (c,))
    if own2 == bit:
        second = _account(claimant2, source2, low2, high2, _VAGUE if c2.vague else _STATED, (c2,))
    elif low2:
        second = _account(claimant2, source2, low2, None, _ON_PARTS, (c2,))
    if first is None or second is None:
        one = first or second
        if one is None:
            return _unknown(strike, victims, outcome)
        most, open_ended = (one.low, True) if one.high is None else (one.high, False)
        return _strike_casualties(
            strike, victims, outcome, one.low, most, open_ended, one.low, False, (one,)
        )
    top, top2 = _NONE if high is None else high, _NONE if high2 is None else high2
    if own == own2:
        agree = low <= top2 and low2 <= top
    else:
        agree = (not own & parts2 or low2 <= top) and (not own2 & parts or low <= top2)
    range1, range2 = (low, first.high), (low2, second.high)
    if agree:
        low, most, open_ended = _group_summary((range1, range2))
        best: int | None = low
    else:  # each its own set: the smaller low, the larger figure
        high, high2 = first.high, second.high
        most = low if high is None else high
        most2 = low2 if high2 is None else high2
        if most2 > most:
            most, open_ended = most2, high2 is None
        else:
            open_ended = high is None or (most2 == most and high2 is None)
        low, best = min(low, low2), None
    return _strike_casualties(
        strike, victims, outcome, low, most, open_ended, best, not agree, (first, second)
    )


# An account of the usual strike as ``_several`` reads it: its set, the sets it is part
# of, its low and its high (``_NONE``: open above), for an account of one claim; its
# ranges for an account of several (else ``None``).
_Figures = tuple[int, int, int, int, "dict[int, Range] | None"]
_NONE = 1 << 62  # a high no figure reaches: a range open above


def _several(
    strike: Strike, victims: Victims, outcome: Outcome, bit: int, read: Sequence[_Read]
) -> StrikeCasualties:
    """``_plain`` for several claims (``read``): their accounts, and where they agree.

    An account of one claim needs no table of ranges: its figure for its own set, and its
    low as a floor on each set it is part of (``_read_one``). Two such accounts can only
    disagree where one's set is the other's own set or a set the other is part of.
    """
    keys = []
    for c, _, _ in read:
        keys.append((None if c.claimant is None else c.claimant.id, c.source.id))
    # each claim read (a claim, its set, the sets it is part of), or an account of several
    # claims with its ranges and basis
    items: Sequence[_Read | tuple[list[_Read], tuple[dict[int, Range], Basis]]] = read
    if len(set(keys)) < len(keys):  # some account holds several claims
        grouped: dict[tuple[str | None, str], list[_Read]] = {}
        sets = {bit}
        for key, entry in zip(keys, read, strict=True):
            sets.add(entry[1])
            group = grouped.get(key)
            if group is None:
                grouped[key] = [entry]
            else:
                group.append(entry)
        items = []
        for group in grouped.values():
            found = _read_plain(group, sets, bit) if len(group) > 1 else None
            if found is None:  # one claim; or the account's own claims clash: each speaks
                items += group  # for itself
            else:
                items.append((group, found))
    accounts: list[Account] = []
    ranges: list[Range] = []  # each account's range for the asked victims
    figures: list[_Figures] = []
    for item in items:
        if len(item) == 2:  # an account of several claims
            group, (read_ranges, basis) = item
            if bit in read_ranges:
                low, high = read_ranges[bit]
                claims = tuple([entry[0] for entry in group])
                c = claims[0]
                accounts.append(_account(c.claimant, c.source, low, high, basis, claims))
                ranges.append((low, high))
                figures.append((0, 0, 0, 0, read_ranges))
            continue
        c, own, parts = item
        low, high = c.low, c.high
        if own == bit:
            basis = _VAGUE if c.vague else _STATED
            accounts.append(_account(c.claimant, c.source, low, high, basis, (c,)))
            ranges.append((low, high))
        elif low:
            accounts.append(_account(c.claimant, c.source, low, None, _ON_PARTS, (c,)))
            ranges.append((low, None))
        else:  # a floor of 0 is no figure
            continue
        figures.append((own, parts, low, _NONE if high is None else high, None))
    n = len(accounts)
    if n < 3:
        if not n:
            return _unknown(strike, victims, outcome)
        if n == 1:
            low, high = ranges[0]
            most, open_ended = (low, True) if high is None else (high, False)
            return _strike_casualties(
                strike, victims, outcome, low, most, open_ended, low, False, (accounts[0],)
            )
        if _figures_agree(figures[0], figures[1]):
            summaries = [_group_summary(ranges)]
        else:  # each its own set
            summaries = [(low, low if high is None else high, high is None) for low, high in ranges]
        return _summed(strike, victims, outcome, summaries, (accounts[0], accounts[1]))
    # who agrees with whom, as bits (each agrees with itself)
    closed = _ALONE[:n] if n <= len(_ALONE) else [1 << i for i in range(n)]
    for i, first in enumerate(figures):
        own, parts, low, high, table = first
        for j in range(i + 1, n):
            own2, parts2, low2, high2, table2 = second = figures[j]
            if table is not None or table2 is not None:
                agree = _tables_agree(first, second)
            elif own == own2:
                agree = low <= high2 and low2 <= high
            else:
                agree = (not own & parts2 or low2 <= high) and (not own2 & parts or low <= high2)
            if agree:
                closed[i] |= 1 << j
                closed[j] |= 1 << i
    cliques = _largest_sets(tuple(closed))
    if cliques is None:  # all agree
        summaries = [_group_summary(ranges)]
    else:
        summaries = []
        for members in cliques:
            if isinstance(members, int):  # one account
                low, high = ranges[members]
                summaries.append((low, low if high is None else high, high is None))
            else:
                summaries.append(_group_summary(members(ranges)))
    return _summed(strike, victims, outcome, summaries, tuple(accounts))


_ALONE = [1 << i for i in range(64)]  # accounts that agree only with themselves, as bits


def _figures_agree(first: _Figures, second: _Figures) -> bool:
    """Whether two accounts agree, as ``_several`` reads them."""
    own, parts, low, high, table = first
    own2, parts2, low2, high2, table2 = second
    if table is None and table2 is None:
        if own == own2:
            return low <= high2 and low2 <= high
        return (not own & parts2 or low2 <= high) and (not own2 & parts or low <= high2)
    return _tables_agree(first, second)


def _tables_agree(first: _Figures, second: _Figures) -> bool:
    """Whether two accounts agree where one of them holds several claims (``_several``)."""
    if first[4] is None:
        first, second = second, first
    table, other = first[4], second[4]
    assert table is not None
    if other is not None:
        return _agree(table, other)
    own, parts, low, high, _ = second
    for s, (s_low, s_high) in table.items():
        if s == own:
            if (s_high is not None and low > s_high) or s_low > high:
                return False
        elif parts & s and s_high is not None and low > s_high:
            return False
    return True


def _summed(
    strike: Strike,
    victims: Victims,
    outcome: Outcome,
    groups: Sequence[tuple[int, int, bool]],
    accounts: tuple[Account, ...],
) -> StrikeCasualties:
    """A single strike's summary from its largest sets of agreeing accounts' summaries.

    Each set is summarised by ``_group_summary``; the strike's low is the smallest of
    their lows, its high the largest of their highs; it is disputed if there are several.
    """
    low, most, open_ended = groups[0]
    for g_low, g_high, g_open in groups[1:]:
        if g_low < low:
            low = g_low
        if g_high > most:
            most, open_ended = g_high, g_open
        elif g_high == most and g_open:
            open_ended = True
    disputed = len(groups) > 1
    best = None if disputed else low
    return _strike_casualties(
        strike, victims, outcome, low, most, open_ended, best, disputed, accounts
    )


# Records this module makes from values it worked out from checked records are built as
# attrs' generated ``__init__`` builds them, a value in each field's slot, without running
# the fields' validators again: on a cold question over thousands of strikes the validators
# were a fifth of the time. Each slot is set by its own descriptor's ``__set__`` (what
# ``object.__setattr__`` finds and calls, without the finding). A test holds the records
# equal to records built the usual way, field by field, and these lists to the fields.
def _setters(kind: type, names: Sequence[str]) -> list[Callable[[object, object], None]]:
    """Each named field's slot setter, in order: the descriptors of a slotted class."""
    return [kind.__dict__[name].__set__ for name in names]


_ACCOUNT_FIELDS = ("claimant", "source", "low", "high", "basis", "claims", "named", "counts_to")
_ONE_FIELDS = (
    "strike",
    "victims",
    "outcome",
    "low",
    "high",
    "open_ended",
    "best",
    "disputed",
    "accounts",
    "counted_to",
)
(
    _set_claimant,
    _set_source,
    _set_account_low,
    _set_account_high,
    _set_basis,
    _set_claims,
    _set_named,
    _set_counts_to,
) = _setters(Account, _ACCOUNT_FIELDS)
(
    _set_strike,
    _set_victims,
    _set_outcome,
    _set_low,
    _set_high,
    _set_open_ended,
    _set_best,
    _set_disputed,
    _set_accounts,
    _set_counted_to,
) = _setters(StrikeCasualties, _ONE_FIELDS)
_new = object.__new__


def _account(
    claimant: Group | None,
    source: Source | None,
    low: int,
    high: int | None,
    basis: Basis,
    claims: tuple[CasualtyClaim, ...],
) -> Account:
    """``Account(...)`` of these values, with no named dead and no day counted to."""
    account = _new(Account)
    _set_claimant(account, claimant)
    _set_source(account, source)
    _set_account_low(account, low)
    _set_account_high(account, high)
    _set_basis(account, basis)
    _set_claims(account, claims)
    _set_named(account, ())
    _set_counts_to(account, None)
    return account


def _strike_casualties(
    strike: Strike,
    victims: Victims,
    outcome: Outcome,
    low: int | None,
    high: int | None,
    open_ended: bool,
    best: int | None,
    disputed: bool,
    accounts: tuple[Account, ...],
) -> StrikeCasualties:
    """``StrikeCasualties(...)`` of these values, for a single strike (no day counted to)."""
    one = _new(StrikeCasualties)
    _set_strike(one, strike)
    _set_victims(one, victims)
    _set_outcome(one, outcome)
    _set_low(one, low)
    _set_high(one, high)
    _set_open_ended(one, open_ended)
    _set_best(one, best)
    _set_disputed(one, disputed)
    _set_accounts(one, accounts)
    _set_counted_to(one, None)
    return one


def _read_one(entry: _Read, sets: Iterable[int], bit: int) -> tuple[dict[int, Range], Basis]:
    """``_read_plain`` of an account of one claim (which never clashes with itself).

    Its own set gets its figure; each set it is part of, its low as a floor (a floor of 0
    is no figure); a wider set's figure needs another claim to cap.
    """
    c, own, parts = entry
    ranges: dict[int, Range] = {own: (c.low, c.high)}
    if parts and c.low > 0:
        for s in sets:
            if parts & s and s != own:
                ranges[s] = (c.low, None)
    if own == bit:
        return ranges, _VAGUE if c.vague else _STATED
    return ranges, _ON_PARTS


def _read_plain(
    group: Sequence[_Read], sets: Iterable[int], bit: int
) -> tuple[dict[int, Range], Basis] | None:
    """One account's range for each of ``sets``, and its basis for ``bit``.

    As ``_Account.read`` works them out (no snapshots, no named dead); ``None`` if the
    account's claims clash.
    """
    ranges: dict[int, Range] = {}
    basis = _ON_PARTS
    for s in sets:
        floor = 0
        low = -1
        high: int | None = None
        ceiling: int | None = None  # the account's own figure for a wider set
        vague = True
        above = _ABOVE[s]
        for c, own, parts in group:
            if own == s:
                if c.low > low:
                    low = c.low
                if c.high is not None and (high is None or c.high < high):
                    high = c.high
                if not c.vague:
                    vague = False
            elif parts & s:
                if c.low > floor:
                    floor = c.low
            elif own & above and c.high is not None and (ceiling is None or c.high < ceiling):
                ceiling = c.high
        bounded = False
        if ceiling is not None and (high is None or ceiling < high) and (low >= 0 or floor):
            high = ceiling
            bounded = low < 0
        if low >= 0:  # some claim is about these victims themselves
            if floor > low:
                low = floor
            if high is not None and low > high:
                return None
            ranges[s] = (low, high)
            if s == bit:
                basis = _VAGUE if vague else _STATED
        elif floor > 0:
            if high is not None and floor > high:
                return None
            ranges[s] = (floor, high)
            if s == bit and bounded:
                basis = _BOUNDED
    return ranges, basis


def _unknown(strike: Strike, victims: Victims, outcome: Outcome) -> StrikeCasualties:
    """No account gives a figure: nothing is known, which is not zero."""
    return _strike_casualties(strike, victims, outcome, None, None, False, None, False, ())


def _wider_disputes(
    readers: Sequence[_Account],
    wider: Sequence[CasualtyClaim],
    sets: set[int],
    floors: frozenset[int],
) -> bool:
    """Whether a figure for a set the asked victims belong to conflicts with an account.

    Every figure for a part is a floor on the sets it belongs to, so "8 commanders" in one
    account conflicts with "5 killed" in another.
    """
    above = {_BIT[c.victims] for c in wider}
    for reader in readers:
        reader.read(above - sets)  # the reader's floors on the wider sets
    whole = _accounts(wider, (), above, floors)
    return any(not r.agrees(w) for r in readers for w in whole)


def _group_summary(ranges: Sequence[Range]) -> tuple[int, int, bool]:
    """What a set of agreeing accounts says: (low, high, open above).

    ``low`` is what they jointly allow at least (their largest floor). ``high`` is the
    largest figure any of them gives, but no more than they jointly allow: a vaguer
    account ("30 to 50") that agrees with a sharper one ("40") adds no uncertainty. It is
    open when an account gives that figure only as a floor ("at least 40").
    """
    low = top = floor = -1  # the largest low; figure given as a ceiling; floor only
    ceiling: int | None = None  # the smallest figure any of them gives as a ceiling
    for r_low, r_high in ranges:
        if r_low > low:
            low = r_low
        if r_high is None:
            if r_low > floor:
                floor = r_low
        else:
            if r_high > top:
                top = r_high
            if ceiling is None or r_high < ceiling:
                ceiling = r_high
    largest = top if top > floor else floor
    high = largest if ceiling is None or largest < ceiling else ceiling
    # Agreeing ranges meet, so no floor passes a ceiling: one gives ``high`` as a floor
    # only if the largest floor does.
    return low, high, floor == high


def _agreeing_sets(accounts: Sequence[dict[int, Range]]) -> list[Sequence[int]]:
    """The largest sets of accounts that all agree (maximal cliques), by position.

    Each account is given by its ranges. Agreement is pairwise: ranges on a line that meet
    pairwise share a point, and so do boxes of several such ranges, so a set that agrees
    pairwise agrees as a whole. The order of the sets is not meaningful.
    """
    n = len(accounts)
    if n == 1 or _all_agree(accounts):
        return [range(n)]
    closed = [1 << i for i in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            if _agree(accounts[i], accounts[j]):
                closed[i] |= 1 << j
                closed[j] |= 1 << i
    return _cliques(closed)


@functools.lru_cache(maxsize=4096)
def _largest_sets(closed: tuple[int, ...]) -> tuple[int | itemgetter[Range], ...] | None:
    """``_cliques``, remembered (a strike's few accounts agree in one of a few ways).

    ``None`` if all agree; else, for each set, its one account or what gets its accounts'
    ranges (a tuple) from a list of them.
    """
    found = _cliques(closed)
    if len(found) == 1:
        return None
    return tuple(members[0] if len(members) == 1 else itemgetter(*members) for members in found)


def _cliques(closed: Sequence[int]) -> list[Sequence[int]]:
    """The largest sets of accounts that all agree, by position, from who agrees with whom.

    ``closed[i]`` holds, as bits, the accounts that agree with account ``i``, itself
    included. The order of the sets is not meaningful.
    """
    n = len(closed)
    everyone = (1 << n) - 1
    if all(agreeing == everyone for agreeing in closed):
        return [list(range(n))]
    if n > _FEW:
        return _many_cliques(closed)
    # Sets of accounts as bits. The accounts that agree with every member of a set
    # (members included) are exactly the set when, and only when, it is a largest
    # agreeing set: built up one account at a time over every set (2^n of them).
    shared = [everyone] * (1 << n)
    largest: list[Sequence[int]] = []
    for members in range(1, 1 << n):
        last = members & -members
        agreeing = shared[members] = shared[members ^ last] & closed[last.bit_length() - 1]
        if agreeing == members:
            largest.append([i for i in range(n) if members >> i & 1])
    return largest


_FEW = 8  # up to this many accounts, the largest agreeing sets are found over every set


def _many_cliques(closed: Sequence[int]) -> list[Sequence[int]]:
    """``_cliques`` of many accounts: Bron-Kerbosch, with a pivot."""
    n = len(closed)
    near = [frozenset(j for j in range(n) if j != i and closed[i] >> j & 1) for i in range(n)]
    found: list[Sequence[int]] = []

    def expand(clique: frozenset[int], candidates: set[int], excluded: set[int]) -> None:
        if not candidates and not excluded:
            found.append(sorted(clique))
            return
        pivot = max(candidates | excluded, key=lambda u: len(near[u] & candidates))
        for v in list(candidates - near[pivot]):
            expand(clique | {v}, candidates & near[v], excluded & near[v])
            candidates.discard(v)
            excluded.add(v)

    expand(frozenset(), set(range(n)), set())
    return found


def _all_agree(accounts: Sequence[dict[int, Range]]) -> bool:
    """Whether all accounts agree: for each set of victims, their ranges share a number.

    Ranges on a line that share a number two by two share one all together (and so do
    boxes of several ranges), so this one pass per set decides what the pairwise check
    would.
    """
    lows: dict[int, int] = {}
    highs: dict[int, int] = {}
    for ranges in accounts:
        for bit, (low, high) in ranges.items():
            if low > lows.get(bit, low - 1):
                lows[bit] = low
            if high is not None and high < highs.get(bit, high + 1):
                highs[bit] = high
    return all(lows[bit] <= high for bit, high in highs.items())


# -- several strikes ------------------------------------------------------------------------


#: Per-strike summaries already worked out: by (victims, outcome), then by id of the strike.
#: Each summary holds its strike, so the strike outlives its entry and its id is not reused.
SummaryCache = dict[tuple[Victims, Outcome], dict[int, StrikeCasualties]]
_CACHE_LIMIT = 2_000_000


def aggregate(
    strikes: Iterable[Strike],
    victims: Victims,
    outcome: Outcome,
    cache: SummaryCache | None = None,
) -> Casualties:
    """Sum the single strikes' ranges; list series apart.

    See [`Casualties`][idlibstrikes.Casualties]. With ``cache`` (a dataset keeps one),
    each strike's summary is worked out once and reused by later questions.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load()
        >>> c = aggregate(data.strikes, Victims.CIVILIANS, Outcome.KILLED)
        >>> c.low, c.high, [one.strike.id for one in c.series if one.known]
        (1, 50, ['2019-idlib-offensive'])
    """
    per: list[StrikeCasualties] = []
    missing: list[Strike] = []
    series: list[StrikeCasualties] = []
    seen: set[str] = set()
    known = {} if cache is None else cache.setdefault((victims, outcome), {})
    if len(known) > _CACHE_LIMIT:  # strikes from elsewhere, asked about again and again
        known.clear()
    bit = _BIT[victims]
    above = _ABOVE[bit]
    low = high = best = 0
    every_best, open_ended, disputed = True, False, False
    for strike in strikes:
        if strike.id in seen:  # a strike listed twice must not count twice
            continue
        seen.add(strike.id)
        key = id(strike)
        one = known.get(key)
        if one is None:  # summarize(strike, victims, outcome), as it does it
            one = _plain(strike, victims, outcome, bit, above)
            if one is None:
                one = _general(strike, victims, outcome, *_classify(strike, victims, outcome))
            known[key] = one
        if strike.scope is _SERIES:
            series.append(one)
        elif one.low is not None:  # known
            per.append(one)
            low += one.low
            if one.high is not None:  # always, with a low
                high += one.high
            if one.best is None:
                every_best = False
            else:
                best += one.best
            if one.open_ended:
                open_ended = True
            if one.disputed:
                disputed = True
        else:
            missing.append(strike)
    return Casualties(
        victims=victims,
        outcome=outcome,
        low=low if per else None,
        high=high if per else None,
        open_ended=open_ended,
        best=best if per and every_best else None,
        disputed=disputed,
        per_strike=tuple(per),
        strikes_without_figures=tuple(missing),
        series=tuple(series),
    )


# -- wording ---------------------------------------------------------------------------------


def deaths_text(strike: Strike, victims: Victims = Victims.ALL) -> str:
    """A strike's deaths as every view words them: ``6-8+ (disputed)``, ``no figures``.

    Examples:
        >>> import idlibstrikes as isk
        >>> deaths_text(isk.load().strike("2019-08-31-kafranbel-shelling"))
        '1+'
    """
    return counted_text(summarize(strike, victims, Outcome.KILLED))


def counted_text(one: StrikeCasualties) -> str:
    """A strike's figure, with the day a series' toll counts to.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load()
        >>> offensive = data.strike("2019-idlib-offensive")
        >>> counted_text(summarize(offensive, Victims.CIVILIANS, Outcome.KILLED))
        '951+ to 2019-08-31'
    """
    text = str(one)
    if one.known and one.counted_to is not None:
        text += f" to {one.counted_to}"
    return text
