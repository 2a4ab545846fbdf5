"""The records a casualty question answers with, and how this package builds them fast.

[`Account`][idlibstrikes.Account], [`StrikeCasualties`][idlibstrikes.StrikeCasualties] and
[`Casualties`][idlibstrikes.Casualties], with the basis of an account's figure
([`Basis`][idlibstrikes.Basis]); the rules that make them are in ``_casualties``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from . import _checks as check
from ._dates import DateRange
from ._models import CasualtyClaim, Group, Outcome, Person, Source, Strike, Victims
from ._records import as_html
from ._vocabularies import _Vocabulary
from ._wording import span_text, who_text

__all__ = ["Account", "Basis", "Casualties", "StrikeCasualties", "counted_text"]


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
        >>> data = isk.load(sources="articles")
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
            >>> data = isk.load(sources="articles")
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
        >>> data = isk.load(sources="articles")
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
            >>> data = isk.load(sources="articles")
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
            >>> data = isk.load(sources="articles")
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
        >>> data = isk.load(sources="articles")
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
            >>> data = isk.load(sources="articles")
            >>> data.casualties(data.strikes_by_group("Hurras al-Din")).without_figures
            0
        """
        return len(self.strikes_without_figures)

    @property
    def claims(self) -> tuple[CasualtyClaim, ...]:
        """Every claim behind the single strikes' figures, strike by strike.

        Examples:
            >>> import idlibstrikes as isk
            >>> data = isk.load(sources="articles")
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


def counted_text(one: StrikeCasualties) -> str:
    """A strike's figure, with the day a series' toll counts to.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load(sources="articles")
        >>> offensive = data.strike("2019-idlib-offensive")
        >>> counted_text(data.casualties([offensive], victims="civilians").series[0])
        '951+ to 2019-08-31'
    """
    text = str(one)
    if one.known and one.counted_to is not None:
        text += f" to {one.counted_to}"
    return text


# A strike's figures as the rules work them out, before any record is built: its low, high,
# whether open above, best and whether disputed (as ``StrikeCasualties`` gives them; lows
# of ``None``: no figures), and what holds them: the strike, or its record once built.
_Summary = tuple[int | None, int | None, bool, int | None, bool, "Strike | StrikeCasualties"]


# -- a field built when first read ----------------------------------------------------------


class _Later:
    """What a deferred field holds until it is first read: how to build its value."""

    __slots__ = ("build",)

    def __init__(self, build: Callable[[], object]) -> None:
        self.build = build


class _Deferred:
    """A slotted record's field whose value may be built on its first read.

    It takes the place of the field's slot descriptor on the class and reads and writes
    the slot through it. A record built by this package may hold a ``_Later`` in the slot:
    the first read of the field builds the value, keeps it in the slot and gives it, so
    every read (``record.field``, ``==``, ``hash``, ``repr``, ``attrs.evolve``, pickling)
    gives the built value, and the record stays immutable to its users. Two threads that
    read it first at once both build it, equal values; either is kept.
    """

    __slots__ = ("slot",)

    def __init__(self, slot: Any) -> None:
        self.slot = slot

    def __get__(self, record: object | None, kind: type | None = None) -> Any:
        if record is None:
            return self
        value = self.slot.__get__(record, kind)
        if type(value) is _Later:
            value = value.build()
            self.slot.__set__(record, value)
        return value

    def __set__(self, record: object, value: object) -> None:
        self.slot.__set__(record, value)

    def __delete__(self, record: object) -> None:
        self.slot.__delete__(record)


# -- building them ------------------------------------------------------------------------


# The records the casualty rules make from values worked out from checked records are built
# as attrs' generated ``__init__`` builds them, a value in each field's slot, without running
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
_CASUALTIES_FIELDS = (
    "victims",
    "outcome",
    "low",
    "high",
    "open_ended",
    "best",
    "disputed",
    "per_strike",
    "strikes_without_figures",
    "series",
)
(
    _set_sum_victims,
    _set_sum_outcome,
    _set_sum_low,
    _set_sum_high,
    _set_sum_open_ended,
    _set_sum_best,
    _set_sum_disputed,
    _set_per_strike,
    _set_without_figures,
    _set_series,
) = _setters(Casualties, _CASUALTIES_FIELDS)
# A sum's records of its strikes are built when first read (``_casualties``).
setattr(Casualties, "per_strike", _Deferred(vars(Casualties)["per_strike"]))  # noqa: B010
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


def _unknown(strike: Strike, victims: Victims, outcome: Outcome) -> StrikeCasualties:
    """No account gives a figure: nothing is known, which is not zero."""
    return _strike_casualties(strike, victims, outcome, None, None, False, None, False, ())


def _casualties(
    victims: Victims,
    outcome: Outcome,
    figures: tuple[int | None, int | None, bool, int | None, bool],
    per_strike: tuple[StrikeCasualties, ...] | _Later,
    strikes_without_figures: tuple[Strike, ...],
    series: tuple[StrikeCasualties, ...],
) -> Casualties:
    """``Casualties(...)`` of these values, its strikes' records possibly built later.

    ``figures``: its low, high, open_ended, best and disputed. ``per_strike`` may be a
    ``_Later``: the records, built when first read.
    """
    low, high, open_ended, best, disputed = figures
    made = _new(Casualties)
    _set_sum_victims(made, victims)
    _set_sum_outcome(made, outcome)
    _set_sum_low(made, low)
    _set_sum_high(made, high)
    _set_sum_open_ended(made, open_ended)
    _set_sum_best(made, best)
    _set_sum_disputed(made, disputed)
    _set_per_strike(made, per_strike)
    _set_without_figures(made, strikes_without_figures)
    _set_series(made, series)
    return made
