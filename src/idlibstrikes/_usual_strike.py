"""The usual strike's casualty figures, read over plain values.

The usual strike is a single strike with no named dead among the asked victims and no
figure for a set they are part of. ``_casualties`` applies its rules to it without the
general path's objects: its claims are classified as they are read, its accounts of one
claim each are compared without tables of ranges, and the figures are worked out from the
checked values. The accounts' records (``_casualty_records``) are built only where they
are asked for: a sum over many strikes needs the figures alone. A test holds this path to
the general one, record for record, on strikes of every shape, and its figures alone to
its records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ._agreement import (
    _ABOVE,
    _BIT_OF,
    _PARTS,
    Range,
    _agree,
    _group_summary,
    _largest_sets,
    _wider,
)
from ._casualty_records import Account, Basis, _account, _Summary
from ._models import CasualtyClaim, Outcome, Scope, Strike

__all__: list[str] = []

# The members the loops below test or give, named once: a member looked up on its Enum
# class goes through the metaclass's ``__getattr__`` hook, a slow path on Python 3.11.
_SERIES, _KILLED = Scope.SERIES, Outcome.KILLED
_STATED, _VAGUE, _ON_PARTS, _BOUNDED = Basis.STATED, Basis.VAGUE, Basis.PARTS, Basis.BOUNDED

_Read = tuple[CasualtyClaim, int, int]  # a claim, its set, the sets it is part of


def _plain(
    strike: Strike, outcome: Outcome, bit: int, above: int, accounts: list[Account] | None
) -> _Summary | None:
    """``summarize`` for the usual strike, without the general path's objects.

    ``None`` for any other strike. The usual strike is a single strike with no named dead
    among the asked and no figure for a set the asked victims (``bit``) are part of
    (``above``: those sets). Its claims are read as ``_classify`` reads them, and the
    rules are those of ``_accounts``, ``_Account.read`` and ``_general``, over plain
    values. The answer is the strike's figures (see ``_Summary``); with ``accounts`` (a
    list), the records of its accounts are added to it, in order. A test holds the two
    paths to the same answers.
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
    n = len(read)
    if n == 1:  # one claim: its figure, or its low as a floor on the whole
        c, own, _ = read[0]
        low = c.low
        if own == bit:
            high = c.high
        elif low:
            high = None
        else:  # a floor of 0 is no figure
            return (None, None, False, None, False, strike)
        if accounts is not None:
            basis = (_VAGUE if c.vague else _STATED) if own == bit else _ON_PARTS
            accounts.append(_account(c.claimant, c.source, low, high, basis, (c,)))
        if high is None:
            return (low, low, True, low, False, strike)
        return (low, high, False, low, False, strike)
    if not n:
        return (None, None, False, None, False, strike)
    if n == 2:
        return _two(strike, bit, read, accounts)
    return _several(strike, bit, read, accounts)


def _two(
    strike: Strike, bit: int, read: Sequence[_Read], accounts: list[Account] | None
) -> _Summary:
    """``_several`` for two claims, the commonest shape, over plain values.

    Two claims of one account (one claimant in one source) are its range, unless they
    clash: then each speaks for itself, as two accounts of one claim do.
    """
    (c, own, parts), (c2, own2, parts2) = read
    source, source2, claimant, claimant2 = c.source, c2.source, c.claimant, c2.claimant
    if source.id == source2.id and (
        claimant is claimant2
        or (claimant is not None and claimant2 is not None and claimant.id == claimant2.id)
    ):
        found = _read_plain(read, {bit, own, own2}, bit)
        if found is not None:
            ranges, basis = found
            if bit not in ranges:
                return (None, None, False, None, False, strike)
            low, high = ranges[bit]
            if accounts is not None:
                accounts.append(_account(claimant, source, low, high, basis, (c, c2)))
            if high is None:
                return (low, low, True, low, False, strike)
            return (low, high, False, low, False, strike)
    low, high, low2, high2 = c.low, c.high, c2.low, c2.high
    # each claim's account: its figure for the asked victims, or its low as a floor on
    # them (a floor of 0 is no figure: no account); its high, None where open above
    first, second = own == bit or low > 0, own2 == bit or low2 > 0
    top = high if own == bit else None
    top2 = high2 if own2 == bit else None
    if accounts is not None:
        if first:
            basis = (_VAGUE if c.vague else _STATED) if own == bit else _ON_PARTS
            accounts.append(_account(claimant, source, low, top, basis, (c,)))
        if second:
            basis = (_VAGUE if c2.vague else _STATED) if own2 == bit else _ON_PARTS
            accounts.append(_account(claimant2, source2, low2, top2, basis, (c2,)))
    if not (first and second):
        if second:
            low, top = low2, top2
        elif not first:
            return (None, None, False, None, False, strike)
        if top is None:
            return (low, low, True, low, False, strike)
        return (low, top, False, low, False, strike)
    # the claims' own figures, for where they agree (``_NONE``: open above)
    most, most2 = _NONE if high is None else high, _NONE if high2 is None else high2
    if own == own2:
        agree = low <= most2 and low2 <= most
    else:
        agree = (not own & parts2 or low2 <= most) and (not own2 & parts or low <= most2)
    if agree:
        low, most, open_ended = _group_summary(((low, top), (low2, top2)))
        return (low, most, open_ended, low, False, strike)
    # each its own set: the smaller low, the larger figure
    most = low if top is None else top
    most2 = low2 if top2 is None else top2
    if most2 > most:
        most, open_ended = most2, top2 is None
    else:
        open_ended = top is None or (most2 == most and top2 is None)
    return (min(low, low2), most, open_ended, None, True, strike)


# An account of the usual strike as ``_several`` reads it: its set, the sets it is part
# of, its low and its high (``_NONE``: open above), for an account of one claim; its
# ranges for an account of several (else ``None``).
_Figures = tuple[int, int, int, int, "dict[int, Range] | None"]
_NONE = 1 << 62  # a high no figure reaches: a range open above


def _several(
    strike: Strike, bit: int, read: Sequence[_Read], accounts: list[Account] | None
) -> _Summary:
    """``_plain`` for several claims (``read``): their accounts, and where they agree.

    An account of one claim needs no table of ranges: its figure for its own set, and its
    low as a floor on each set it is part of (a floor of 0 is no figure; a wider set's
    figure needs another claim of the account to cap). Two such accounts can only
    disagree where one's set is the other's own set or a set the other is part of.
    """
    # the accounts: the claims by claimant and source
    grouped: dict[tuple[str | None, str], list[_Read]] = {}
    for entry in read:
        c = entry[0]
        claimant = c.claimant
        grouped.setdefault((None if claimant is None else claimant.id, c.source.id), []).append(
            entry
        )
    # each claim read (a claim, its set, the sets it is part of), or an account of several
    # claims with its ranges and basis
    items: Sequence[_Read | tuple[list[_Read], tuple[dict[int, Range], Basis]]] = read
    if len(grouped) < len(read):  # some account holds several claims
        sets = {bit, *[own for _, own, _ in read]}
        items = []
        for group in grouped.values():
            found = _read_plain(group, sets, bit) if len(group) > 1 else None
            if found is None:  # one claim; or the account's own claims clash: each speaks
                items += group  # for itself
            else:
                items.append((group, found))
    ranges: list[Range] = []  # each account's range for the asked victims
    figures: list[_Figures] = []
    for item in items:
        if len(item) == 2:  # an account of several claims
            group, (read_ranges, basis) = item
            if bit in read_ranges:
                low, high = read_ranges[bit]
                if accounts is not None:
                    claims = tuple([entry[0] for entry in group])
                    c = claims[0]
                    accounts.append(_account(c.claimant, c.source, low, high, basis, claims))
                ranges.append((low, high))
                figures.append((0, 0, 0, 0, read_ranges))
            continue
        c, own, parts = item
        low, high = c.low, c.high
        if own == bit:
            ranges.append((low, high))
            if accounts is not None:
                basis = _VAGUE if c.vague else _STATED
                accounts.append(_account(c.claimant, c.source, low, high, basis, (c,)))
        elif low:
            ranges.append((low, None))
            if accounts is not None:
                accounts.append(_account(c.claimant, c.source, low, None, _ON_PARTS, (c,)))
        else:  # a floor of 0 is no figure
            continue
        figures.append((own, parts, low, _NONE if high is None else high, None))
    n = len(ranges)
    if n < 3:
        if not n:
            return (None, None, False, None, False, strike)
        if n == 1:
            low, high = ranges[0]
            if high is None:
                return (low, low, True, low, False, strike)
            return (low, high, False, low, False, strike)
        if _figures_agree(figures[0], figures[1]):
            summaries = [_group_summary(ranges)]
        else:  # each its own set
            summaries = [(low, low if high is None else high, high is None) for low, high in ranges]
        return _summed(strike, summaries)
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
    return _summed(strike, summaries)


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


def _summed(strike: Strike, groups: Sequence[tuple[int, int, bool]]) -> _Summary:
    """A single strike's figures from its largest sets of agreeing accounts' summaries.

    Each set is summarised by ``_group_summary``; the strike's low is the smallest of
    their lows, its high the largest of their highs; it is disputed if there are several.
    """
    low, most, open_ended = groups[0]
    if len(groups) == 1:
        return (low, most, open_ended, low, False, strike)
    for g_low, g_high, g_open in groups[1:]:
        if g_low < low:
            low = g_low
        if g_high > most:
            most, open_ended = g_high, g_open
        elif g_high == most and g_open:
            open_ended = True
    return (low, most, open_ended, None, True, strike)


def _read_plain(
    group: Sequence[_Read], sets: Iterable[int], bit: int
) -> tuple[dict[int, Range], Basis] | None:
    """One account's range for each of ``sets``, and its basis for ``bit``.

    As ``_Account.read`` works them out (no snapshots, no named dead); ``None`` if the
    account's claims clash.
    """
    ranges: dict[int, Range] = {}
    basis = _ON_PARTS
    about = 0  # the sets its claims are about or part of: no range for any other
    for _, own, parts in group:
        about |= own | parts
    for s in sets:
        if not s & about:
            continue
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
