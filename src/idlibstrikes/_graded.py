"""Confidence as data: a minimum confidence asked of queries and casualty summaries.

The reference lists grade each row high, medium or low (`Confidence`); the five articles
are quoted and not graded. A minimum keeps what the articles say and what the lists grade
at that level or above. Without one, nothing is left out: the codebook says why (ACLED
codes every report; UCDP's best estimate rests on the most reliable sources, which a
minimum of ``"high"`` approximates).
"""

from __future__ import annotations

import attrs

from ._errors import UnknownNameError
from ._models import CasualtyClaim, Confidence, Strike

__all__ = ["claim_meets", "graded", "level", "strike_meets"]


def level(value: Confidence | str | None) -> Confidence | None:
    """The minimum asked for, as a `Confidence` (``None``: no minimum).

    Raises:
        UnknownNameError: Not ``"low"``, ``"medium"`` or ``"high"``.

    Examples:
        >>> level("medium")
        <Confidence.MEDIUM: 'medium'>
        >>> try:
        ...     level("hihg")
        ... except LookupError as err:
        ...     print(err)
        no confidence level is known as 'hihg'; did you mean: 'high'?
    """
    if value is None or isinstance(value, Confidence):
        return value
    try:
        return Confidence(value)
    except ValueError:
        words = [c.value for c in Confidence]
        import difflib  # only for a word not known: not worth its import otherwise

        close = difflib.get_close_matches(str(value), words, n=2, cutoff=0.5)
        raise UnknownNameError(
            str(value), kind="confidence level", suggestions=close or words
        ) from None


def claim_meets(claim: CasualtyClaim, floor: Confidence) -> bool:
    """Whether a claim is kept at ``floor``: an article's always; a list row's if graded so."""
    row = claim.row
    return row is None or (row.confidence is not None and row.confidence.at_least(floor))


def strike_meets(strike: Strike, floor: Confidence) -> bool:
    """Whether a strike is kept at ``floor``: if the articles report it, or as graded."""
    confidence = strike.confidence
    return confidence is None or confidence.at_least(floor)


def graded(strike: Strike, floor: Confidence) -> Strike:
    """The strike with only the casualty claims kept at ``floor`` (itself if all are)."""
    kept = tuple(c for c in strike.claims if claim_meets(c, floor))
    return strike if len(kept) == len(strike.claims) else attrs.evolve(strike, claims=kept)
