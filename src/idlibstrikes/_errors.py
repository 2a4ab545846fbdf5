"""The library's own exceptions.

Every error a user can meet is one of these, so that ``except idlibstrikes.DataError``
or ``except LookupError`` is enough, and no ``KeyError`` or ``TypeError`` from deep
inside the library ever reaches a notebook.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ._checks import fields_repr

__all__ = ["DataError", "InvalidPeriodError", "Problem", "UnknownNameError", "printable"]


@attrs.frozen(kw_only=True, repr=False)
class Problem:
    """One thing wrong with a data file, located as precisely as the parser allows.

    Attributes:
        file: The file's path (or name, for bundled data).
        message: What is wrong and how to fix it.
        line: The line, where the parser gives one (syntax errors), else ``None``.
        record: The id of the record at fault, where known.
        field: The dotted path of the field at fault, where known.
        found: A short rendering of the value found, where useful.
        expected: What was expected instead, where useful.
        at: Where the record is in its file (its kind and position), used to find the
            line; not part of the problem's value (ignored by ``==``).

    Examples:
        >>> p = Problem(file="strikes.json", record="s1", field="claims[0].low",
        ...             message="low is greater than high", found="9", expected="<= 4")
        >>> str(p)
        'strikes.json: s1.claims[0].low: low is greater than high (found 9, expected <= 4)'
    """

    __repr__ = fields_repr

    file: str
    message: str
    line: int | None = None
    record: str | None = None
    field: str | None = None
    found: str | None = None
    expected: str | None = None
    at: tuple[str, int] | None = attrs.field(default=None, eq=False, repr=False)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        what = ".".join(part for part in (self.record, self.field) if part)
        text = f"{where}: {what}: {self.message}" if what else f"{where}: {self.message}"
        details = []
        if self.found is not None:
            details.append(f"found {self.found}")
        if self.expected is not None:
            details.append(f"expected {self.expected}")
        return printable(f"{text} ({', '.join(details)})" if details else text)


#: Characters that would break a message across lines or out of its encoding: control
#: characters, line and paragraph separators, and lone surrogates.
_UNPRINTABLE = frozenset({"Cc", "Cs", "Zl", "Zp"})


def printable(text: str) -> str:
    r"""``text`` with each character that would break its line (or its encoding) escaped.

    A problem is printed on one line, whatever the data hold: a newline in an id or key
    is shown as ``\n``, never written.

    Examples:
        >>> printable("s1\nforged: ok")
        's1\\nforged: ok'
    """
    if text.isprintable():
        return text
    import unicodedata

    return "".join(
        repr(ch)[1:-1] if unicodedata.category(ch) in _UNPRINTABLE else ch for ch in text
    )


class DataError(ValueError):
    """Bad data: raised with every problem found, so a file can be fixed in one pass.

    Attributes:
        problems: Each problem found, file by file and record by record; within a
            record, unknown keys first (often the cause of a missing one), then each
            field in the format's order, then checks across fields (low above high).

    Examples:
        >>> err = DataError([Problem(file="x.json", record="s1", field="low",
        ...                          message="must not be negative")])
        >>> print(err)
        1 problem in the data:
          x.json: s1.low: must not be negative
        >>> isinstance(err, ValueError)
        True
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data:"
        super().__init__("\n  ".join([head, *map(str, self.problems)]))


class UnknownNameError(LookupError):
    """No group, person, place or source is known by that name.

    Attributes:
        name: The name that was asked for.
        kind: What was looked up (``"group"``, ``"person"``, ...).
        suggestions: The closest known names, best first.

    Examples:
        >>> err = UnknownNameError("Huras al-Din", kind="group", suggestions=("Hurras al-Din",))
        >>> print(err)
        no group is known as 'Huras al-Din'; did you mean: 'Hurras al-Din'?
        >>> isinstance(err, LookupError)
        True
    """

    name: str
    kind: str
    suggestions: tuple[str, ...]

    def __init__(self, name: str, *, kind: str, suggestions: Iterable[str] = ()) -> None:
        self.name = name
        self.kind = kind
        self.suggestions = tuple(suggestions)
        message = f"no {kind} is known as {name!r}"
        if self.suggestions:
            message += "; did you mean: " + ", ".join(map(repr, self.suggestions)) + "?"
        else:
            message += f"; {_where_to_look(kind)}"
        super().__init__(message)

    def __str__(self) -> str:
        # LookupError's str() would wrap the message in quotes like KeyError; keep it plain.
        return str(self.args[0])


# The look-ups that list their names, and where the ids of other kinds of record are.
_NAMES = {"group": "group_names", "person": "person_names", "place": "place_names"}
_RECORDS = {
    "strike": "strikes",
    "ceasefire": "ceasefires",
    "development": "developments",
    "source": "sources",
}


def _where_to_look(kind: str) -> str:
    """Where a user finds the names or ids a look-up of ``kind`` accepts."""
    if kind in _NAMES:
        return f"list the known names with Dataset.{_NAMES[kind]}()"
    if kind == "analyst's table":
        return (
            "the analyst's tables are strikes, claims, groups, ceasefires, sources and "
            "references; a lossless table (casualty_claims, date_claims ...) is "
            "Dataset.tables()[name]"
        )
    kinds = [k.strip() for k in kind.replace(" or ", ", ").split(",")]
    found = [f"Dataset.{_RECORDS[k]}" for k in kinds if k in _RECORDS]
    found += [f"Dataset.{_NAMES[k]}()" for k in kinds if k in _NAMES]
    if found:
        return "the ids are in " + ", ".join(found)
    return "check the spelling"


class InvalidPeriodError(ValueError):
    """A date or period argument that cannot be read.

    Examples:
        >>> from idlibstrikes import load
        >>> load().strikes_between("the summer")
        Traceback (most recent call last):
        ...
        idlibstrikes._errors.InvalidPeriodError: cannot read 'the summer' as a date or period; ...
    """
