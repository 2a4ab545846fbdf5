"""Casualty aggregation that shows disagreement instead of hiding it.

For one strike the sources' figures are never averaged: the range runs from the
smallest figure any claim states to the largest ("at least N" states N). Over several
strikes the lows and the highs are summed. Strikes no source gives a figure for add
nothing and are counted apart, so "0" never stands for "unknown".
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from . import _checks as check
from ._models import CasualtyClaim, Outcome, Strike, Victims

__all__ = ["Casualties", "StrikeCasualties", "aggregate"]


@attrs.frozen(kw_only=True)
class StrikeCasualties:
    """The range of one strike's figures, with the claims it comes from.

    Attributes:
        strike: The strike.
        low: The smallest figure any claim states.
        high: The largest figure any claim states ("at least N" states N).
        open_ended: Whether some claim is open above, so the toll may exceed ``high``.
        claims: The claims used.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load()
        >>> one = data.casualties([data.strike("2017-03-al-jinah")]).per_strike[0]
        >>> one.low, one.high, len(one.claims)
        (24, 49, 2)
    """

    strike: Strike = attrs.field(validator=check.instance(Strike))
    low: int = attrs.field(validator=check.count)
    high: int = attrs.field(validator=check.count)
    open_ended: bool = attrs.field(validator=check.instance(bool))
    claims: tuple[CasualtyClaim, ...] = attrs.field(validator=check.tuple_of(CasualtyClaim))


@attrs.frozen(kw_only=True)
class Casualties:
    """Casualty figures over a set of strikes, as a range with the claims behind it.

    Attributes:
        victims: Whom the figures count.
        outcome: Killed or wounded.
        low: The sum over strikes of each strike's smallest figure.
        high: The sum over strikes of each strike's largest figure.
        open_ended: Whether some claim used is open above ("at least N").
        per_strike: The range for each strike that has figures, chronologically.
        without_figures: How many strikes no source gives such a figure for.
        strikes_without_figures: Those strikes.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load()
        >>> c = data.casualties(data.strikes_by_group("Hurras al-Din"), victims="commanders")
        >>> c.low, c.high, c.without_figures
        (32, 50, 0)
        >>> sorted({claim.claimant.name for claim in c.claims if claim.claimant})
        ['Residents', 'Syrian Observatory for Human Rights', 'US Central Command', 'US military']
    """

    victims: Victims = attrs.field(validator=check.instance(Victims))
    outcome: Outcome = attrs.field(validator=check.instance(Outcome))
    low: int = attrs.field(validator=check.count)
    high: int = attrs.field(validator=check.count)
    open_ended: bool = attrs.field(validator=check.instance(bool))
    per_strike: tuple[StrikeCasualties, ...] = attrs.field(
        validator=check.tuple_of(StrikeCasualties)
    )
    strikes_without_figures: tuple[Strike, ...] = attrs.field(validator=check.tuple_of(Strike))

    @property
    def without_figures(self) -> int:
        """How many strikes no source gives a figure for.

        Examples:
            >>> import idlibstrikes as isk
            >>> data = isk.load()
            >>> data.casualties(data.strikes_by_group("Hurras al-Din")).without_figures
            1
        """
        return len(self.strikes_without_figures)

    @property
    def claims(self) -> tuple[CasualtyClaim, ...]:
        """Every claim used, strike by strike: who said what.

        Examples:
            >>> import idlibstrikes as isk
            >>> data = isk.load()
            >>> camp = data.strike("2019-08-31-idlib-training-camp")
            >>> [(c.low, c.high) for c in data.casualties([camp], victims="commanders").claims]
            [(40, 40), (24, None)]
        """
        return tuple(c for one in self.per_strike for c in one.claims)

    def _repr_html_(self) -> str:
        from ._html import casualties_html

        return casualties_html(self)

    def __str__(self) -> str:
        return (
            f"{span_text(self.low, self.high, self.open_ended)} "
            f"{self.victims.value} {self.outcome.value} in "
            f"{len(self.per_strike)} strike(s) with figures; "
            f"{self.without_figures} without"
        )


def span_text(low: int, high: int, open_ended: bool, dash: str = "-") -> str:
    """A casualty range as text: ``6``, ``6-8``, and ``+`` where a figure is open above.

    Examples:
        >>> span_text(32, 50, True), span_text(40, 40, False)
        ('32-50+', '40')
    """
    span = str(low) if low == high else f"{low}{dash}{high}"
    return span + ("+" if open_ended else "")


def for_strike(strike: Strike, victims: Victims, outcome: Outcome) -> StrikeCasualties | None:
    """The range of one strike's figures for ``victims``, or ``None`` without any."""
    used = tuple(c for c in strike.claims if c.victims is victims and c.outcome is outcome)
    if not used:
        return None
    return StrikeCasualties(
        strike=strike,
        low=min(c.low for c in used),
        high=max(c.low if c.high is None else c.high for c in used),
        open_ended=any(c.high is None for c in used),
        claims=used,
    )


def aggregate(strikes: Iterable[Strike], victims: Victims, outcome: Outcome) -> Casualties:
    """Sum the per-strike ranges of ``strikes``; see [`Casualties`][idlibstrikes.Casualties]."""
    per: list[StrikeCasualties] = []
    missing: list[Strike] = []
    seen: set[str] = set()
    for strike in strikes:
        if strike.id in seen:  # a strike listed twice must not count twice
            continue
        seen.add(strike.id)
        one = for_strike(strike, victims, outcome)
        if one is None:
            missing.append(strike)
        else:
            per.append(one)
    return Casualties(
        victims=victims,
        outcome=outcome,
        low=sum(p.low for p in per),
        high=sum(p.high for p in per),
        open_ended=any(p.open_ended for p in per),
        per_strike=tuple(per),
        strikes_without_figures=tuple(missing),
    )
