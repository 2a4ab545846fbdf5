"""Each strike's first and last day, as day numbers, and whether it is a series.

The columns the period queries index (``_index.DateIndex``): two arrays of machine
integers and a list of flags, in the dataset's order of strikes.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Sequence
from itertools import repeat
from operator import attrgetter, eq
from typing import TYPE_CHECKING

import attrs

from ._models import Scope

if TYPE_CHECKING:
    from ._models import Strike

__all__ = ["StrikeDays"]

_DATE, _EARLIEST, _LATEST = attrgetter("date"), attrgetter("earliest"), attrgetter("latest")
_SCOPE = attrgetter("scope")


@attrs.frozen
class StrikeDays:
    """Each strike's first and last day (day numbers) and whether it is a series, in order.

    The loader records them as it orders the strikes (it reads each strike's dates for
    that anyway), so the first period query reads two arrays instead of every strike.

    Examples:
        >>> import idlibstrikes as isk
        >>> days = StrikeDays.of(isk.load().strikes)
        >>> days.firsts[0] == isk.load().strikes[0].date.earliest.toordinal(), sum(days.series)
        (True, 4)
    """

    firsts: array[int]
    lasts: array[int]
    series: list[bool]

    @classmethod
    def of(cls, strikes: Sequence[Strike]) -> StrikeDays:
        """Read from the strikes: map() over attrgetters and C methods, no frame a strike."""
        dates = list(map(_DATE, strikes))
        return cls(
            array("i", map(dt.date.toordinal, map(_EARLIEST, dates))),
            array("i", map(dt.date.toordinal, map(_LATEST, dates))),
            list(map(eq, map(_SCOPE, strikes), repeat(Scope.SERIES))),
        )
