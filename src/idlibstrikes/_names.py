"""Name lookup that forgives case, diacritics, apostrophes, hyphens and spacing.

``"hurras al-deen"``, ``"Hurras Al Din"`` and ``"HURRAS-AL-DIN"`` must all find the same
group, and ``"Hay’et Tahrir al-Sham"`` (curly apostrophe) the same as ``"Hay'at"`` where
both spellings are aliases. Every name is reduced to a key of letters and digits only.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from ._errors import UnknownNameError

__all__ = ["NameIndex", "name_key"]

T = TypeVar("T")


def name_key(name: str) -> str:
    """The lookup key of a name: letters and digits only, without accents, casefolded.

    Examples:
        >>> name_key("Hay’et Tahrir al-Sham") == name_key("hayet tahrir al sham")
        True
        >>> name_key("Ḥurrās al-Dīn")
        'hurrasaldin'
    """
    if name.isascii() and name.isalnum() and name.islower():
        return name  # already a key (most ids): no copy, which matters at 10^5 records
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed.casefold() if ch.isalnum())


def name_clashes(kind: str, records: Iterable[Any]) -> list[tuple[str, Any, Any]]:
    """Each name (or alias) that two of ``records`` share, with the two records."""
    index: NameIndex[Any] = NameIndex(kind)
    for record in records:
        reference = getattr(record, "reference", None)
        spellings = reference.names if reference is not None else ()
        index.add(record, (record.name, *record.aliases, record.id, *spellings))
    return index.clashes


class NameIndex(Generic[T]):
    """Records found by id, name or alias, with close-match suggestions for misses."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._by_key: dict[str, T] = {}
        self._display: dict[str, str] = {}
        self.clashes: list[tuple[str, T, T]] = []

    def add(self, record: T, names: Iterable[str]) -> None:
        """Index ``record`` under each of ``names``; a name two records share is a clash."""
        for name in names:
            key = name_key(name)
            if not key:
                continue
            held = self._by_key.get(key)
            if held is not None and held is not record:
                self.clashes.append((name, held, record))
                continue
            first = key not in self._by_key
            self._by_key[key] = record
            if first and name != key:
                self._display[key] = name  # shown as first written; a plain id as itself

    def get(self, name: str) -> T | None:
        """The record known by ``name``, or ``None``."""
        return self._by_key.get(name_key(name)) if isinstance(name, str) else None

    def lookup(self, name: str) -> T:
        """The record known by ``name``.

        Raises:
            UnknownNameError: No record has that name; the message lists close matches.
        """
        if not isinstance(name, str):
            raise UnknownNameError(repr(name), kind=self.kind)
        found = self._by_key.get(name_key(name))
        if found is None:
            raise UnknownNameError(name, kind=self.kind, suggestions=self.suggest(name))
        return found

    def suggest(self, name: str, n: int = 3) -> tuple[str, ...]:
        """The known names closest to ``name``, best first."""
        import difflib  # only when a name is not found: not worth its import otherwise

        keys = difflib.get_close_matches(name_key(name), list(self._by_key), n=n, cutoff=0.6)
        return tuple(self._display.get(k, k) for k in keys)

    def names(self) -> tuple[str, ...]:
        """Every indexed name, as first written."""
        shown = {self._display.get(k, k) for k in self._by_key}
        return tuple(sorted(shown, key=str.casefold))
