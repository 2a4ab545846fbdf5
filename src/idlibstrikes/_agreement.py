"""The arithmetic of casualty accounts: sets of victims as bits, ranges, and agreement.

What ``_casualties`` states as rules rests on these plain values: a set of victims is a bit
(so that the many membership tests are integer operations: an Enum member hashes in
Python, and a strike asks thousands of such questions); an account's figure for a set is a
range (low, high), ``None`` above where it is open; two accounts agree where their ranges
meet; a set of agreeing accounts is summarised by what they jointly allow; and where some
disagree, the largest sets of accounts that agree are found.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from operator import itemgetter

from ._models import CasualtyClaim, Victims

__all__ = ["Range"]

# The sets a figure about each kind of victims is a part of (the codebook's assumptions).
_WITHIN: dict[Victims, frozenset[Victims]] = {
    Victims.ALL: frozenset(),
    Victims.CIVILIANS: frozenset({Victims.ALL}),
    Victims.MILITANTS: frozenset({Victims.ALL}),
    Victims.COMMANDERS: frozenset({Victims.MILITANTS, Victims.ALL}),
    Victims.CHILDREN: frozenset({Victims.ALL}),
}


# Sets of victims as bits.
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
    if n <= _FEW:
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
    # More accounts, one at a time: the largest sets among those before the next, then
    # each of those sets that does not all agree with it, and each one's members that do
    # agree with it, with it (unless another such set holds them).
    found = [1]
    for i in range(1, n):
        mine = 1 << i
        near = closed[i] & (mine - 1)  # those before it that agree with it
        kept = []
        grown: list[int] = []
        for members in found:
            agreeing = members & near
            if agreeing != members:
                kept.append(members)
            if agreeing | mine not in grown:
                grown.append(agreeing | mine)
        for members in grown:
            for other in grown:
                if other != members and other & members == members:
                    break
            else:
                kept.append(members)
        found = kept
    return [[i for i in range(n) if members >> i & 1] for members in found]


_FEW = 4  # up to this many accounts, the largest agreeing sets are found over every set


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
