"""Query results: tuples that show themselves as tables in notebooks.

``strikes_by_group`` and ``strikes_between`` return ``Strikes``, ``ceasefires_on``
returns ``Ceasefires``. They are tuples in every other way (equal to the plain
tuple of the same records, hashable, immutable); slicing gives a plain tuple.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ._models import Ceasefire, CeasefireStatus, Strike

__all__ = ["Ceasefires", "Strikes"]


class Strikes(tuple[Strike, ...]):
    """Strikes from a query: a tuple, shown in notebooks as a table with sources.

    Examples:
        >>> import idlibstrikes as isk
        >>> found = isk.load().strikes_by_group("Hurras al-Din")
        >>> isinstance(found, tuple), len(found), found == tuple(found)
        (True, 4, True)
        >>> found._repr_html_().count("<tr>")
        5
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        from ._html import strikes_html

        return strikes_html(self)


class Ceasefires(tuple[Ceasefire, ...]):
    """Ceasefires from a query: a tuple, shown in notebooks as a table with sources.

    A result of [`Dataset.ceasefires_on`][idlibstrikes.Dataset.ceasefires_on] keeps the
    period asked about, and `status` says what is known of each ceasefire then.

    Examples:
        >>> import idlibstrikes as isk
        >>> on = isk.load().ceasefires_on("2019-08-31")
        >>> [c.id for c in on]
        ['2018-09-sochi-agreement', '2019-08-31-ceasefire']
        >>> on.period
        (datetime.date(2019, 8, 31), datetime.date(2019, 8, 31))
    """

    period: tuple[dt.date, dt.date] | None

    def __new__(
        cls, items: Iterable[Ceasefire] = (), *, period: tuple[dt.date, dt.date] | None = None
    ) -> Ceasefires:
        """A tuple of ``items``; ``period`` is the period they were asked about, if any."""
        made = super().__new__(cls, items)
        object.__setattr__(made, "period", period)
        return made

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"query results are immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"query results are immutable: cannot delete {name!r}")

    def status(self, ceasefire: Ceasefire) -> CeasefireStatus:
        """What is known of ``ceasefire`` in the period asked about.

        Raises:
            ValueError: The result was not made by a query for a period.

        Examples:
            >>> import idlibstrikes as isk
            >>> on = isk.load().ceasefires_on("2021")
            >>> [(c.id, on.status(c).value) for c in on]
            [('2018-09-sochi-agreement', 'unknown'), ('2019-08-31-ceasefire', 'unknown')]
        """
        if self.period is None:
            raise ValueError(
                "status() needs the period a result was asked for: use Dataset.ceasefires_on, "
                "or Ceasefire.status_on(day)"
            )
        return ceasefire.status_on(*self.period)

    def _repr_html_(self) -> str:
        from ._html import ceasefires_html

        return ceasefires_html(self)
