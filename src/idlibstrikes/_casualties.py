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

Where they are applied: to any strike here (``_general``, with the accounts of
``_Account``); to the usual strike over plain values in ``_usual_strike`` (a test holds
the two paths to the same answers); the records answered with are in
``_casualty_records``, and the arithmetic of sets of victims, ranges and agreement in
``_agreement``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import itemgetter

from ._agreement import (
    _ABOVE,
    _BIT,
    _BIT_OF,
    _PARTS,
    Range,
    _agree,
    _agreeing_sets,
    _group_summary,
    _parts_of,
    _wider,
)
from ._casualty_records import (
    Account,
    Basis,
    Casualties,
    StrikeCasualties,
    _casualties,
    _Later,
    _strike_casualties,
    _Summary,
    _unknown,
    counted_text,
)
from ._dates import DateRange
from ._models import CasualtyClaim, Group, Outcome, Person, Source, Strike, Victims
from ._usual_strike import _SERIES, _plain, _Read

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


# -- one strike -----------------------------------------------------------------------------


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
        >>> data = isk.load(sources="articles")
        >>> june = data.strike("2019-06-30-rif-al-muhandisin")
        >>> kafranbel = data.strike("2019-08-31-kafranbel-shelling")
        >>> str(summarize(june, Victims.ALL, Outcome.KILLED))
        '6-8+ (disputed)'
        >>> str(summarize(kafranbel, Victims.ALL, Outcome.KILLED))
        '1+'
    """
    bit = _BIT[victims]
    accounts: list[Account] = []
    one = _plain(strike, outcome, bit, _ABOVE[bit], accounts)
    if one is None:
        return _general(strike, victims, outcome, *_classify(strike, victims, outcome))
    low, high, open_ended, best, disputed, _ = one
    return _strike_casualties(
        strike, victims, outcome, low, high, open_ended, best, disputed, tuple(accounts)
    )


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


# -- several strikes ------------------------------------------------------------------------


#: Per-strike figures already worked out: by (victims, outcome), then by id of the strike.
#: Each entry holds its strike (or the strike's record, which holds it), so the strike
#: outlives its entry and its id is not reused.
SummaryCache = dict[tuple[Victims, Outcome], dict[int, _Summary]]
_CACHE_LIMIT = 2_000_000


def aggregate(
    strikes: Iterable[Strike],
    victims: Victims,
    outcome: Outcome,
    cache: SummaryCache | None = None,
    distinct: bool = False,
) -> Casualties:
    """Sum the single strikes' ranges; list series apart.

    See [`Casualties`][idlibstrikes.Casualties]. With ``cache`` (a dataset keeps one),
    each strike's figures are worked out once and reused by later questions. The sum is
    worked out from each strike's figures; the strikes' records (``per_strike``, with
    their accounts) are built when first read, and kept in ``cache``. A strike listed
    twice (by id) counts once; ``distinct``: the caller knows the ids are distinct (a
    dataset's strikes, or its answer to a query), so they are not checked.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load(sources="articles")
        >>> c = aggregate(data.strikes, Victims.CIVILIANS, Outcome.KILLED)
        >>> c.low, c.high, [one.strike.id for one in c.series if one.known]
        (1, 50, ['2019-idlib-offensive'])
    """
    per: list[_Summary] = []  # the figures of the single strikes with figures
    missing: list[Strike] = []
    series: list[StrikeCasualties] = []
    seen: set[str] = set()
    known = {} if cache is None else cache.setdefault((victims, outcome), {})
    if len(known) > _CACHE_LIMIT:  # strikes from elsewhere, asked about again and again
        known.clear()
    bit = _BIT[victims]
    above = _ABOVE[bit]
    for strike in strikes:
        if not distinct:  # a strike listed twice must not count twice
            if strike.id in seen:
                continue
            seen.add(strike.id)
        key = id(strike)
        one = known.get(key)
        if one is None:  # summarize(strike, victims, outcome)'s figures, as it does it
            one = _plain(strike, outcome, bit, above, None)
            if one is None:
                record = _general(strike, victims, outcome, *_classify(strike, victims, outcome))
                one = (
                    record.low,
                    record.high,
                    record.open_ended,
                    record.best,
                    record.disputed,
                    record,
                )
            known[key] = one
        if strike.scope is _SERIES:
            held = one[5]
            assert isinstance(held, StrikeCasualties)  # a series takes the general path
            series.append(held)
        elif one[0] is not None:  # known
            per.append(one)
        else:
            missing.append(strike)
    if per:  # (a strike with a low has a high)
        bests = list(map(_BEST, per))
        figures: tuple[int | None, int | None, bool, int | None, bool] = (
            sum(map(_LOW, per)),
            sum(map(_HIGH, per)),
            any(map(_OPEN_ENDED, per)),
            None if None in bests else sum(bests),
            any(map(_DISPUTED, per)),
        )
        records: tuple[StrikeCasualties, ...] | _Later = _Later(
            lambda: _records(per, victims, outcome, known)
        )
    else:
        figures, records = (None, None, False, None, False), ()
    return _casualties(victims, outcome, figures, records, tuple(missing), tuple(series))


_LOW, _HIGH, _OPEN_ENDED, _BEST, _DISPUTED = (itemgetter(i) for i in range(5))


def _records(
    found: Sequence[_Summary], victims: Victims, outcome: Outcome, known: dict[int, _Summary]
) -> tuple[StrikeCasualties, ...]:
    """The records of the strikes of ``found`` (``Casualties.per_strike``), kept in ``known``."""
    records = []
    for one in found:
        held = one[5]
        if not isinstance(held, StrikeCasualties):
            key = id(held)
            now = known.get(key)  # (None: the cache was emptied since)
            if now is not None and isinstance(now[5], StrikeCasualties):
                held = now[5]  # built since
            else:
                held = summarize(held, victims, outcome)
                if now is not None:
                    known[key] = (*now[:5], held)
        records.append(held)
    return tuple(records)


# -- wording ---------------------------------------------------------------------------------


def deaths_text(strike: Strike, victims: Victims = Victims.ALL) -> str:
    """A strike's deaths as every view words them: ``6-8+ (disputed)``, ``no figures``.

    Examples:
        >>> import idlibstrikes as isk
        >>> deaths_text(isk.load(sources="articles").strike("2019-08-31-kafranbel-shelling"))
        '1+'
    """
    return counted_text(summarize(strike, victims, Outcome.KILLED))
