"""Strict reading of parsed JSON: every field typed, checked and located.

A `Fields` wraps one JSON object. Each accessor returns the value when it is
of the right type, or records a ``Problem`` (file, record, field,
what was found, what was expected) and returns ``None``. Nothing is coerced: ``"3"``
is not ``3`` and ``true`` is not ``1``. The caller builds a record only when its
reader reports no failure, so one bad file yields every problem at once.

Read into a *quick* `Problems`, the first problem raises `Bail` instead of being
recorded: the builder then reads that record again into the real one, where every
problem is found and located. So a large file of good records pays for no locating,
and a bad record is read by the very same code, reporting (see ``_builder.quickly``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from typing import Any, TypeVar

from ._errors import Problem

__all__ = ["ID_PATTERN", "Bail", "Fields", "Problems", "show"]

E = TypeVar("E", bound=Enum)

#: A record id: lowercase letters, digits, '.', '_' and '-', starting with a letter or digit
#: (as a JSON Schema pattern; ``_ID`` is the same rule for Python's ``re``).
ID_PATTERN = "^[a-z0-9][a-z0-9._-]*$"
_ID = re.compile(ID_PATTERN.removesuffix("$") + r"\Z")
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ITEM = re.compile(r"^(\w+)\[([0-9]+)\]")
_JSON_TYPES = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
    list: "a list",
    dict: "an object",
    float: "a number",
}


_new = object.__new__
_MEMBERS: dict[type[Enum], dict[str, Any]] = {}


def _members(vocabulary: type[E]) -> dict[str, E]:
    """A vocabulary's members by value (built once per vocabulary)."""
    found = _MEMBERS.get(vocabulary)
    if found is None:
        found = _MEMBERS[vocabulary] = {m.value: m for m in vocabulary}
    return found


def _kind(value: object) -> str:
    if value is None:
        return "null"
    return {
        str: "text",
        bool: "true/false",
        int: "a whole number",
        float: "a number",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


_UNWRITABLE = (
    "holds a lone surrogate (a half of a UTF-16 pair, such as \\ud800), which no UTF-8 "
    "file can hold: correct the text"
)


def _writable(text: str) -> bool:
    r"""Whether ``text`` can be written as UTF-8 (JSON's \ud800 escapes can make it not)."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


#: The key of a comment ("//": "..."), allowed at the top of a file and in its records
#: and their claims, and ignored (not inside a relative date's ``relative``).
COMMENT = "//"


def valid_id(text: str) -> bool:
    """Whether ``text`` is a valid record id (lowercase letters, digits, '.', '-', '_').

    Examples:
        >>> valid_id("example-0002.txt"), valid_id("My Report.txt")
        (True, False)
    """
    return _ID.match(text) is not None


def show(value: object) -> str:
    """A short rendering of a value found, for a problem's ``found`` (a long one clipped)."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


class Bail(Exception):
    """A quick read met a problem: the record is to be read again, reporting."""


class Problems:
    """The problems found so far, across every file of one load.

    A quick one (`quick`) records nothing: its first problem raises `Bail`. It shares
    the interned texts and tuples of the one it is made from.
    """

    def __init__(self, of: Problems | None = None) -> None:
        self.items: list[Problem] = []
        self.quick = of is not None
        # One copy of each distinct text read in this load, and of each tuple of records
        # (by the records' identities). A data file repeats much text (notes, quotes that
        # back two facts, "place") and many lists (an article's strikes share its source);
        # json gives each occurrence its own object, and 10^5 strikes would keep them all.
        self.strings: dict[str, str] = {} if of is None else of.strings
        self.tuples: dict[tuple[int, ...], tuple[Any, ...]] = {} if of is None else of.tuples

    def add(self, problem: Problem) -> None:
        """Record one problem (a quick one raises `Bail` instead)."""
        if self.quick:
            raise Bail
        self.items.append(problem)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)


class Fields:
    """One JSON object being read, with its location for messages."""

    __slots__ = (
        "added",
        "at",
        "data",
        "failed",
        "file",
        "origins",
        "parent",
        "path",
        "problems",
        "record",
    )

    def __init__(
        self,
        problems: Problems,
        file: str,
        data: dict[str, Any],
        *,
        record: str | None,
        path: str,
        allowed: frozenset[str],
        parent: Fields | None = None,
        origins: Mapping[tuple[str, int], tuple[str, str]] | None = None,
        added: Mapping[str, tuple[str, str]] | None = None,
        at: tuple[str, int] | None = None,
    ) -> None:
        self.problems = problems
        self.parent = parent
        self.origins = origins or {}
        self.added = added or {}
        self.at = at
        self.file = file
        self.data = data
        self.record = record
        self.path = path
        self.failed = False
        # issuperset runs in C: the per-key loop runs only when some key is unknown
        for key in () if allowed.issuperset(data) else data:
            if key not in allowed and key != COMMENT:
                self.fail(
                    key,
                    "unknown field (a typo?); remove it or correct its name",
                    found=show(key),
                    expected="one of " + ", ".join(sorted(allowed)),
                )

    # -- locating -------------------------------------------------------------
    def where(self, key: str) -> str:
        """The dotted path of a field below this object."""
        return f"{self.path}.{key}" if self.path else key

    def fail(
        self,
        key: str | None,
        message: str,
        *,
        found: str | None = None,
        expected: str | None = None,
    ) -> None:
        """Record a problem with one field (or the whole object when ``key`` is None)."""
        if self.problems.quick:
            raise Bail
        node: Fields | None = self
        while node is not None:  # a record with a bad part is itself bad
            node.failed = True
            node = node.parent
        file, field = self.file, (self.where(key) if key else self.path) or None
        item = _ITEM.match(key or "")
        if item and (item.group(1), int(item.group(2))) in self.origins:
            # an item a user file's addition appended: locate it in that file
            file, path = self.origins[(item.group(1), int(item.group(2)))]
            field = path + (key or "")[item.end() :]
        elif key is not None and key in self.added:
            # a problem with a whole list that an addition appended to (a cycle, an end
            # before the start): the addition made it, so name the last one
            file, field = self.added[key]
        self.problems.add(
            Problem(
                file=file,
                record=self.record,
                field=field,
                message=message,
                found=found,
                expected=expected,
                at=self.at if file == self.file else None,
            )
        )

    def blame(self, *keys: str) -> str:
        """Of fields that conflict, the one an addition extended (else the first).

        A founding after the ending, an end before the start: where a user's addition
        brought one side, the problem is named there, in the user's file.
        """
        return next((key for key in keys if key in self.added), keys[0])

    def spoil(self) -> None:
        """Mark this object failed without a problem of its own (another one explains it)."""
        node: Fields | None = self
        while node is not None:
            node.failed = True
            node = node.parent

    # -- scalar accessors ---------------------------------------------------------
    def _get(self, key: str, kind: type, required: bool) -> Any:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail(key, "missing required field", expected=_JSON_TYPES[kind])
            return None
        # bool is a subclass of int in Python, but not in a data file.
        if type(value) is not kind and not (kind is float and type(value) is int):
            self.fail(
                key,
                f"wrong type: {_kind(value)}",
                found=show(value),
                expected=_JSON_TYPES[kind],
            )
            return None
        if isinstance(value, str) and not _writable(value):
            self.fail(key, _UNWRITABLE, found=show(value), expected="text without lone surrogates")
            return None
        return value

    # Each accessor first takes the plainly right value (the common case, a few checks in
    # C); anything else goes the long way, which finds and words the problem.
    def text(self, key: str) -> str | None:
        """A required, non-empty string."""
        value = self.data.get(key)
        if (
            type(value) is str
            and value
            and not value.isspace()
            and (value.isascii() or _writable(value))
        ):
            return self.problems.strings.setdefault(value, value)
        value = self._get(key, str, True)
        if value is not None and not value.strip():
            self.fail(key, "must not be empty", expected="non-empty text")
            return None
        return None if value is None else self.problems.strings.setdefault(value, value)

    def opt_text(self, key: str) -> str | None:
        """An optional string (``None`` when absent or null)."""
        value: str | None = self._get(key, str, False)
        if value is not None and not value.strip():
            self.fail(key, "must not be empty; leave the field out instead", found='""')
            return None
        return None if value is None else self.problems.strings.setdefault(value, value)

    def note(self) -> str:
        """The record's optional note ("" when absent)."""
        return self.opt_text("note") or ""

    def ident(self, key: str = "id") -> str | None:
        """A required id: lowercase letters, digits, '.', '_' and '-'."""
        value = self.data.get(key)
        if type(value) is str and _ID.fullmatch(value):
            return self.problems.strings.setdefault(value, value)
        value = self.text(key)
        if value is not None and not _ID.fullmatch(value):
            self.fail(
                key,
                "not a valid id",
                found=show(value),
                expected="lowercase letters, digits, '.', '_' and '-', starting with a "
                "letter or digit",
            )
            return None
        return value

    def opt_ident(self, key: str) -> str | None:
        """An optional id."""
        if self.data.get(key) is None:
            return None
        return self.ident(key)

    def count(self, key: str, *, required: bool = True) -> int | None:
        """A whole number, zero or more."""
        value = self.data.get(key)
        if type(value) is int and value >= 0:
            return value
        checked: int | None = self._get(key, int, required)
        if checked is not None and checked < 0:
            self.fail(key, "must not be negative", found=str(checked), expected="0 or more")
            return None
        return checked

    def integer(
        self,
        key: str,
        *,
        required: bool = False,
        low: float | None = None,
        high: float | None = None,
    ) -> int | None:
        """A whole number (of either sign), within ``low`` and ``high`` where given."""
        value: int | None = self._get(key, int, required)
        if value is None:
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            span = (
                f"from {low if low is not None else '...'} to {high if high is not None else '...'}"
            )
            self.fail(key, "out of range", found=str(value), expected=f"a whole number {span}")
            return None
        return value

    def word(self, key: str, words: tuple[str, ...], *, required: bool = False) -> str | None:
        """A word of a closed list given as text (``None`` when absent or null)."""
        value: str | None = self._get(key, str, required)
        if value is not None and value not in words:
            self.fail(
                key, "not a known word", found=show(value), expected="one of " + ", ".join(words)
            )
            return None
        return value

    def number(self, key: str) -> float | None:
        """An optional finite number (whole numbers accepted), returned as float."""
        value = self._get(key, float, False)
        if value is None:
            return None
        try:
            number = float(value)
        except OverflowError:  # a whole number of hundreds of digits
            number = math.inf
        if not math.isfinite(number):
            self.fail(key, "number out of range", found=show(value), expected="a finite number")
            return None
        return number

    def flag(self, key: str, default: bool = False) -> bool:
        """An optional true/false."""
        value = self.data.get(key)
        if type(value) is bool:
            return value
        value = self._get(key, bool, False)
        return default if value is None else value

    def enum(self, key: str, vocabulary: type[E], default: E | None = None) -> E | None:
        """A value from a closed vocabulary; required when there is no default."""
        raw = self.data.get(key)
        if type(raw) is str:
            member: E | None = _members(vocabulary).get(raw)
            if member is not None:
                return member
        raw = self._get(key, str, default is None)
        if raw is None:
            return default
        try:
            return vocabulary(raw)
        except ValueError:
            self.fail(
                key,
                f"not a known {vocabulary.__name__}",
                found=show(raw),
                expected="one of " + ", ".join(str(m.value) for m in vocabulary),
            )
            return None

    def opt_enum(self, key: str, vocabulary: type[E]) -> E | None:
        """An optional value from a closed vocabulary (``None`` when absent or null)."""
        if self.data.get(key) is None:
            return None
        return self.enum(key, vocabulary)

    def enums(self, key: str, vocabulary: type[E]) -> tuple[E, ...]:
        """An optional list of values from a closed vocabulary."""
        out: list[E] = []
        for i, item in self.indexed_texts(key):
            try:
                out.append(vocabulary(item))
            except ValueError:
                self.fail(
                    f"{key}[{i}]",
                    f"not a known {vocabulary.__name__}",
                    found=show(item),
                    expected="one of " + ", ".join(str(m.value) for m in vocabulary),
                )
        return tuple(out)

    def iso_date(self, key: str) -> dt.date | None:
        """An optional ISO date (YYYY-MM-DD)."""
        raw = self._get(key, str, False)
        if raw is None:
            return None
        try:
            if not _ISO_DAY.fullmatch(raw):  # fromisoformat also reads 20190101, 2019-W01-1
                raise ValueError(raw)
            return dt.date.fromisoformat(raw)
        except ValueError:
            self.fail(key, "not a real date", found=show(raw), expected="YYYY-MM-DD")
            return None

    # -- nested accessors -----------------------------------------------------------
    def texts(self, key: str) -> tuple[str, ...]:
        """An optional list of non-empty strings."""
        return tuple(item for _, item in self.indexed_texts(key))

    def plain_ids(self, key: str) -> list[str] | None:
        """The list of ids in ``key`` when every item is plainly one (else ``None``)."""
        items = self.data.get(key)
        if type(items) is not list:
            return None
        fullmatch = _ID.fullmatch
        for item in items:
            if type(item) is not str or not fullmatch(item):
                return None
        return items

    def indexed_texts(self, key: str) -> list[tuple[int, str]]:
        """The good items of an optional list of strings, each with its position.

        Positions are kept so that a problem found later with an item names that item,
        not the one that took its place when a bad item before it was left out.
        """
        items: list[Any] | None = self._get(key, list, False)
        out: list[tuple[int, str]] = []
        for i, item in enumerate(items or ()):
            if type(item) is not str:
                self.fail(
                    f"{key}[{i}]", f"wrong type: {_kind(item)}", found=show(item), expected="text"
                )
            elif not item.strip():
                self.fail(f"{key}[{i}]", "must not be empty", found=show(item))
            elif not _writable(item):
                self.fail(f"{key}[{i}]", _UNWRITABLE, found=show(item))
            else:
                out.append((i, item))
        return out

    def ids(self, key: str) -> tuple[str, ...]:
        """An optional list of ids."""
        return tuple(item for _, item in self.indexed_ids(key))

    def indexed_ids(self, key: str) -> list[tuple[int, str]]:
        """The good ids of an optional list of ids, each with its position."""
        out = []
        for i, item in self.indexed_texts(key):
            if not _ID.fullmatch(item):
                self.fail(f"{key}[{i}]", "not a valid id", found=show(item))
            else:
                out.append((i, item))
        return out

    def child(self, key: str, allowed: frozenset[str], *, required: bool = False) -> Fields | None:
        """A nested object."""
        value: dict[str, Any] | None = self._get(key, dict, required)
        if value is None:
            return None
        return self._sub(value, self.where(key), allowed)

    def children(self, key: str, allowed: frozenset[str]) -> Iterable[Fields]:
        """Each object of an optional list of objects."""
        items = self.data.get(key)
        if type(items) is list and not self.origins:  # the common case, made directly
            out = []
            path = self.where(key)
            for i, item in enumerate(items):
                if type(item) is not dict or not allowed.issuperset(item):
                    break
                sub = _new(Fields)
                sub.problems, sub.parent, sub.origins, sub.added = self.problems, self, {}, {}
                sub.at, sub.file, sub.data, sub.record = self.at, self.file, item, self.record
                sub.path, sub.failed = f"{path}[{i}]", False
                out.append(sub)
            else:
                return out
        return self._children(key, allowed)

    def _children(self, key: str, allowed: frozenset[str]) -> Iterator[Fields]:
        items: list[Any] | None = self._get(key, list, False)
        for i, item in enumerate(items or ()):
            if type(item) is not dict:
                self.fail(
                    f"{key}[{i}]",
                    f"wrong type: {_kind(item)}",
                    found=show(item),
                    expected="an object",
                )
                continue
            yield self._sub(item, self.where(f"{key}[{i}]"), allowed)

    def _sub(self, data: dict[str, Any], path: str, allowed: frozenset[str]) -> Fields:
        if not self.origins and allowed.issuperset(data):  # the common case, made directly
            sub = _new(Fields)
            sub.problems, sub.parent, sub.origins, sub.added = self.problems, self, {}, {}
            sub.at, sub.file, sub.data, sub.record = self.at, self.file, data, self.record
            sub.path, sub.failed = path, False
            return sub
        file = self.file
        item = _ITEM.fullmatch(path) if self.origins else None  # only additions have origins
        if item and (item.group(1), int(item.group(2))) in self.origins:
            file, path = self.origins[(item.group(1), int(item.group(2)))]
        return Fields(
            self.problems,
            file,
            data,
            record=self.record,
            path=path,
            allowed=allowed,
            parent=self,
            at=self.at if file == self.file else None,
        )
