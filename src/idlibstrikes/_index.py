"""Query indexes: strikes by date range and by target group, built once per dataset.

Maintainer's note: a strike's date is a range, so "which strikes overlap a period?" is
an interval query. The ranges are put in buckets by width (exact days, up to 2 days, up
to 4, up to 8 ... days), and each bucket is sorted by its earliest day. In a bucket of
ranges at most ``w`` days wide, the ranges that overlap ``[first, last]`` are exactly
those starting in ``[first, last]`` (every one of them overlaps: a slice, no test), plus
those starting in ``[first - w, first)`` that reach ``first`` (a short run to test). So
a query costs two or three bisections per bucket (a few dozen buckets at most, since
the widest range is date.min..date.max) plus the answer's size: O(log n + k). Most
real dates are exact days or months, so most of the answer is sliced, not tested.

The group index maps a group id to the positions of the strikes that name it, and the
affiliate closure (which groups are, directly or through others, branches, affiliates
or parts of a group) is computed once per group asked for. Whether an affiliation held
on a strike's date is then tested only on the strikes that target one of those groups.

Indexes are built on first use, under a lock, so a dataset can still be shared between
threads; an index never changes once built.
"""

from __future__ import annotations

import threading
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import islice
from operator import itemgetter, le, sub
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from ._models import Group, Strike

__all__ = ["DateIndex", "GroupIndex", "Lazy", "pick"]

T = TypeVar("T")


class DateIndex:
    """Positions of date ranges, for overlap and containment queries by bisection.

    Built from two columns of day numbers; each bucket keeps three arrays of machine
    integers (starts, ends, positions), not a tuple per range: about 12 bytes a range, and
    no object the garbage collector has to walk (a first query right after a big load
    would otherwise set off collections over the whole load).

    Examples:
        >>> index = DateIndex([10, 12, 15, 30], [10, 20, 15, 40])
        >>> index.overlapping(14, 16), index.within(14, 16), index.overlapping(21, 29)
        ([1, 2], [2], [])
    """

    __slots__ = ("_buckets",)

    def __init__(
        self,
        starts: Sequence[int],
        ends: Sequence[int],
        positions: Sequence[int] | None = None,
        *,
        ordered: bool = False,
    ) -> None:
        """Index the ranges ``starts[i]..ends[i]`` (day numbers) by ``positions[i]``.

        ``positions`` defaults to ``i``; a query answers positions in ascending order.
        ``ordered``: the starts are known to be sorted (as the loader gives them).
        """
        n = len(starts)
        bits = list(map(int.bit_length, map(sub, ends, starts)))
        # by start, then (stably) by bucket; a dataset's strikes come sorted by start, and
        # then the first sort is skipped
        order = list(range(n))
        if not ordered and not all(map(le, starts, islice(starts, 1, None))):
            order.sort(key=starts.__getitem__)
        order.sort(key=bits.__getitem__)
        sizes = Counter(bits)
        # per bucket: the widest its ranges can be (in days, minus one: under 2**bits),
        # then starts, ends, positions
        self._buckets: list[tuple[int, array[int], array[int], array[int]]] = []
        at = 0
        for width in sorted(sizes):
            chunk = order[at : at + sizes[width]]
            at += sizes[width]
            first = array("i", pick(starts, chunk))
            last = array("i", pick(ends, chunk))
            where = array("i", chunk if positions is None else pick(positions, chunk))
            self._buckets.append(((1 << width) - 1, first, last, where))

    def overlapping(self, first: int, last: int) -> list[int]:
        """The positions of the ranges that share a day with ``[first, last]``, in order."""
        found: list[int] = []
        for width, starts, ends, positions in self._buckets:
            lo = bisect_left(starts, first - width)
            mid = bisect_left(starts, first, lo)
            hi = bisect_right(starts, last, mid)
            # started before the period: overlaps only if it reaches the period
            found += [positions[i] for i in range(lo, mid) if ends[i] >= first]
            found += positions[mid:hi]  # starts inside the period: overlaps
        found.sort()
        return found

    def within(self, first: int, last: int) -> list[int]:
        """The positions of the ranges that lie wholly inside ``[first, last]``, in order."""
        found: list[int] = []
        for width, starts, ends, positions in self._buckets:
            lo = bisect_left(starts, first)
            safe = max(lo, bisect_right(starts, last - width, lo))
            hi = bisect_right(starts, last, safe)
            found += positions[lo:safe]  # starts early enough that even the widest fits
            found += [positions[i] for i in range(safe, hi) if ends[i] <= last]
        found.sort()
        return found


class GroupIndex:
    """Strike positions by target group, and each group's affiliates.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load(sources="articles")
        >>> index = GroupIndex(data.strikes, data.groups)
        >>> [data.strikes[i].id for i in index.targeting("hurras-al-din")][:2]
        ['2019-06-30-rif-al-muhandisin', '2019-08-31-idlib-training-camp']
        >>> "hurras-al-din" in index.affiliates("al-qaeda")
        True
    """

    __slots__ = ("_affiliates", "_children", "_lock", "_targets")

    def __init__(self, strikes: Sequence[Strike], groups: Sequence[Group]) -> None:
        """Index ``strikes`` by the ids of their targets; ``groups`` give the affiliations."""
        self._targets: dict[str, list[int]] = {}
        for position, strike in enumerate(strikes):
            for target_id in {t.id for t in strike.targets}:
                self._targets.setdefault(target_id, []).append(position)
        # parent id -> ids of the groups that claim to be its branch, affiliate or part
        self._children: dict[str, set[str]] = {}
        for group in groups:
            for a in group.affiliations:
                if a.relation.is_affiliate:
                    self._children.setdefault(a.other.id, set()).add(group.id)
        self._affiliates: dict[str, frozenset[str]] = {}
        self._lock = threading.Lock()

    def targeting(self, group_id: str) -> list[int]:
        """The positions of the strikes that name ``group_id`` among their targets."""
        return self._targets.get(group_id, [])

    def affiliates(self, group_id: str) -> frozenset[str]:
        """The group and every group that is, at some time, its affiliate (transitively)."""
        with self._lock:
            found = self._affiliates.get(group_id)
            if found is None:
                seen = {group_id}
                todo = [group_id]
                while todo:
                    for child in self._children.get(todo.pop(), ()):
                        if child not in seen:
                            seen.add(child)
                            todo.append(child)
                found = self._affiliates[group_id] = frozenset(seen)
            return found

    def targeting_any(self, group_ids: frozenset[str]) -> list[int]:
        """The positions of the strikes that name any of ``group_ids``, in order."""
        if len(group_ids) == 1:
            return self.targeting(next(iter(group_ids)))
        return sorted({p for g in group_ids for p in self._targets.get(g, ())})


def pick(records: Sequence[T], positions: Sequence[int]) -> tuple[T, ...]:
    """The items at ``positions``, as a tuple (itemgetter does the copying in C)."""
    if not positions:
        return ()
    if len(positions) == 1:
        return (records[positions[0]],)
    return itemgetter(*positions)(records)  # type: ignore[no-any-return]


class Lazy(Generic[T]):
    """A value built on first use, once, under a lock: the cache of a frozen record.

    The builder is given at each call rather than kept, so a record holding a ``Lazy``
    does not hold a reference cycle through it.

    Examples:
        >>> cache: Lazy[list[int]] = Lazy()
        >>> first = cache.get(lambda: [1, 2])
        >>> cache.get(lambda: [3]) is first
        True
    """

    __slots__ = ("_lock", "_value")

    def __init__(self) -> None:
        """An empty cache."""
        self._lock = threading.Lock()
        self._value: T | None = None

    def get(self, build: Callable[[], T]) -> T:
        """The value, built by ``build`` for the first caller."""
        value = self._value
        if value is None:
            with self._lock:
                value = self._value
                if value is None:
                    value = self._value = build()
        return value
