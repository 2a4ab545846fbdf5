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

__all__ = [
    "NAMED_KINDS",
    "NameIndex",
    "Suggester",
    "indexed",
    "name_clashes",
    "name_key",
    "spellings",
]

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
    return "".join(filter(str.isalnum, decomposed.casefold()))


class Suggester:
    """The known names closest to a misspelt one, found among many in little time.

    ``difflib`` compares a name with every candidate it is given: fine for the bundled
    data's few hundred names, quadratic for a file with thousands of records and thousands
    of misspellings. A misspelling nearly always keeps its beginning or its end, so the
    candidates are the names next to it in sorted order and next to it in the order of
    names read backwards: 2 x ``reach`` on each side, found by bisection. Up to
    ``4 * reach`` names, every name is a candidate (the same answer difflib gives).

    Examples:
        >>> names = [f"place-{i:05d}" for i in range(10_000)]
        >>> Suggester(names).suggest("plase-00042", n=1)
        ('place-00042',)
    """

    def __init__(self, names: Iterable[str], reach: int = 8) -> None:
        self._names = sorted(set(names))
        self._backwards = sorted(name[::-1] for name in self._names)
        self._reach = reach
        # a misspelling is often repeated: how many were asked for, and the answer
        self._found: dict[str, tuple[int, tuple[str, ...]]] = {}

    def suggest(self, name: str, n: int = 3) -> tuple[str, ...]:
        """Up to ``n`` close matches for ``name``, best first (none below 0.6 similarity)."""
        cached = self._found.get(name)
        if cached is not None and cached[0] >= n:
            return cached[1][:n]
        import bisect
        import difflib  # only when a name is not found: not worth its import otherwise

        reach = self._reach
        candidates: Iterable[str] = self._names
        if len(self._names) > 4 * reach:
            at = bisect.bisect(self._names, name)
            back = bisect.bisect(self._backwards, name[::-1])
            near = {
                *self._names[max(at - reach, 0) : at + reach],
                *(b[::-1] for b in self._backwards[max(back - reach, 0) : back + reach]),
            }
            # difflib's measure is the costly part: give it only the few neighbours that
            # share the most of the name's beginning and end
            candidates = sorted(near, key=lambda c: (-_ends_shared(name, c), c))[: max(n, 3) + 1]
        found = tuple(difflib.get_close_matches(name, candidates, n=max(n, 3), cutoff=0.6))
        if len(self._found) < 100_000:
            self._found[name] = (max(n, 3), found)
        return found[:n]


def _ends_shared(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their beginning and at their end."""
    size = min(len(a), len(b))
    start = 0
    while start < size and a[start] == b[start]:
        start += 1
    end = 0
    while end < size - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return start + end


def spellings(kind: str, record: Any) -> tuple[str, ...]:
    """Every name a record of ``kind`` is found by, its id among them.

    One list for the dataset's look-ups and for the loader's check that a name finds one
    record, so that a clash is found (and blamed on its file) while loading.

    Examples:
        >>> import idlibstrikes as isk
        >>> spellings("source", isk.load(sources="articles").sources[0])
        ('000_e4fa0e6bef30d977.txt', '000_e4fa0e6bef30d977')
    """
    if kind == "source":
        return (record.id, record.id.removesuffix(".txt"))
    if kind in ("strike", "development"):
        return (record.id,)
    if kind == "ceasefire":
        return (record.name, record.id)
    reference = getattr(record, "reference", None)
    return (record.name, *record.aliases, record.id, *(reference.names if reference else ()))


#: The kinds of record found by name, in the order their clashes are reported.
NAMED_KINDS = ("group", "person", "place", "source", "strike", "ceasefire", "development")


def name_clashes(kind: str, records: Iterable[Any]) -> list[tuple[str, Any, Any]]:
    """Each name (or alias) that two of ``records`` share, with the two records."""
    return indexed(kind, records).clashes


def indexed(kind: str, records: Iterable[T]) -> NameIndex[T]:
    """``records`` of ``kind`` indexed under every name they are found by (`spellings`)."""
    index: NameIndex[T] = NameIndex(kind)
    for record in records:
        index.add(record, spellings(kind, record))
    return index


class NameIndex(Generic[T]):
    """Records found by id, name or alias, with close-match suggestions for misses."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._by_key: dict[str, T] = {}
        self._display: dict[str, str] = {}
        self.clashes: list[tuple[str, T, T]] = []
        self._suggester: Suggester | None = None

    def add(self, record: T, names: Iterable[str]) -> None:
        """Index ``record`` under each of ``names``; a name two records share is a clash."""
        by_key = self._by_key
        for name in names:
            key = name_key(name)
            if not key:
                continue
            held = by_key.get(key)
            if held is not None and held is not record:
                self.clashes.append((name, held, record))
                continue
            self._suggester = None  # built again, with this name, when next needed
            by_key[key] = record
            if held is None and name != key:
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
        if self._suggester is None:
            self._suggester = Suggester(self._by_key)
        keys = self._suggester.suggest(name_key(name), n)
        return tuple(self._display.get(k, k) for k in keys)

    def names(self) -> tuple[str, ...]:
        """Every indexed name, as first written."""
        shown = {self._display.get(k, k) for k in self._by_key}
        return tuple(sorted(shown, key=str.casefold))
