"""Each strike's first and last day, as day numbers: single strikes and series apart.

The columns the period queries index (``_index.DateIndex``): arrays of machine integers,
in the dataset's order of strikes.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Sequence
from itertools import compress, repeat
from operator import attrgetter, eq, not_
from typing import TYPE_CHECKING

import attrs

from ._models import Scope

if TYPE_CHECKING:
    from ._models import Strike

__all__ = ["Days", "StrikeDays"]

_DATE, _EARLIEST, _LATEST = attrgetter("date"), attrgetter("earliest"), attrgetter("latest")
_SCOPE = attrgetter("scope")


@attrs.frozen
class Days:
    """First and last days (day numbers) of some strikes, with their positions, in order."""

    firsts: array[int]
    lasts: array[int]
    positions: array[int]


@attrs.frozen
class StrikeDays:
    """The single strikes' days and the series' days, apart, in the dataset's order.

    The loader records them as it orders the strikes (it reads each strike's dates for
    that anyway), so the first period query reads arrays instead of every strike; single
    strikes and series are apart because most questions leave series out.

    Examples:
        >>> import idlibstrikes as isk
        >>> days = StrikeDays.of(isk.load(sources="articles").strikes)
        >>> len(days.single.firsts), list(days.series.positions)
        (7, [0, 1, 3, 8])
    """

    single: Days
    series: Days

    @classmethod
    def of(cls, strikes: Sequence[Strike]) -> StrikeDays:
        """Read from the strikes: map() over attrgetters and C methods, no frame a strike."""
        dates = list(map(_DATE, strikes))
        return cls.split(
            array("i", map(dt.date.toordinal, map(_EARLIEST, dates))),
            array("i", map(dt.date.toordinal, map(_LATEST, dates))),
            list(map(eq, map(_SCOPE, strikes), repeat(Scope.SERIES))),
        )

    @classmethod
    def split(cls, firsts: array[int], lasts: array[int], series: list[bool]) -> StrikeDays:
        """The columns of all strikes, split into single strikes and series."""
        if not any(series):  # most files: no pass to split
            return cls(Days(firsts, lasts, array("i", range(len(firsts)))), _NONE)
        single = list(map(not_, series))
        return cls(
            Days(*(array("i", compress(c, single)) for c in (firsts, lasts, range(len(firsts))))),
            Days(*(array("i", compress(c, series)) for c in (firsts, lasts, range(len(firsts))))),
        )


_NONE = Days(array("i"), array("i"), array("i"))
