"""Query results: tuples that show themselves as tables in notebooks.

``strikes_by_group`` and ``strikes_between`` return ``Strikes``, ``ceasefires_on``
returns ``Ceasefires``. They are tuples in every other way (equal to the plain
tuple of the same records, hashable, immutable); slicing gives a plain tuple.
"""

from __future__ import annotations

from ._models import Ceasefire, Strike

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

    Examples:
        >>> import idlibstrikes as isk
        >>> [c.id for c in isk.load().ceasefires_on("2019-08-31")]
        ['2018-09-sochi-agreement', '2019-08-31-ceasefire']
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        from ._html import ceasefires_html

        return ceasefires_html(self)
