"""Text for the terminal: prose and tables fitted to its width.

Every command prints through these: aligned tables whose long names wrap within their
column (a word cut short ends in "…"; ids and figures are never cut), prose whose long
lines wrap between words, and lists of any length summarised in a line (`_listed`).
``COLUMNS`` sets the width; piped or redirected and without it, nothing is wrapped, so
that a file or ``grep`` gets one line per row. ``--help`` is fitted to the terminal too
(`_HelpFormatter`): words never broken, example commands kept whole. Here too are the few
words of records that more than one command prints (a place, an account's basis), so that
the listings and ``show`` print them alike.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import unicodedata
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Literal

from ._casualties import Basis

if TYPE_CHECKING:
    from ._casualties import Account
    from ._models import Development, Strike

__all__ = [
    "_Cell",
    "_HelpFormatter",
    "_basis",
    "_fit",
    "_listed",
    "_pieces",
    "_place",
    "_table",
    "_width",
]

#: What a cell cut short ends with (never an id's or a figure's: those are kept whole).
_MARK = "\u2026"

#: A table cell: its text, or items (affiliations, accounts) that each start a line when
#: the cell wraps, joined with "; " on one line otherwise.
_Cell = str | tuple[str, ...]


def _width() -> int | None:
    """The width to fit output to: ``COLUMNS`` if set, else the terminal's.

    Piped or redirected (standard output not a terminal) and without ``COLUMNS``: ``None``,
    no limit, so that a file or ``grep`` gets one line per row.
    """
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        tty = sys.stdout.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        tty = False
    return shutil.get_terminal_size().columns if tty else None


def _text_width(text: str) -> int:
    """The columns ``text`` takes in a terminal.

    Wide East-Asian characters take two, combining marks none.
    """
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def _clip(word: str, width: int) -> str:
    """``word`` cut to ``width`` columns, ending in the marker."""
    kept = ""
    for c in word:
        if _text_width(kept + c) > width - 1:
            break
        kept += c
    return kept + _MARK


def _cuttable(word: str) -> bool:
    """A word that may be cut short: not a figure, a date or a source number."""
    return not any(c.isdigit() for c in word)


#: Where a word too long for its line may break without losing anything: after the ".." of
#: a date range, after a comma inside a word (source numbers: "2019-01-01..", "001,002,").
_BREAKS = re.compile(r"(?<=[^.]\.\.)(?=\S)|(?<=[^,\s],)(?=[^,\s])")


def _pieces(word: str) -> list[str]:
    """A word's pieces between the places it may break.

    Examples:
        >>> _pieces("2014-01-01..2014-12-31"), _pieces("001,002,003"), _pieces("..2019")
        (['2014-01-01..', '2014-12-31'], ['001,', '002,', '003'], ['..2019'])
    """
    return _BREAKS.split(word)


def _wrap(text: str, width: int, *, cut: bool = False, indent: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken between words.

    A word longer than a line breaks after the ".." of a date range or a comma between
    source numbers; a piece still too long stands alone on its line, or, with ``cut``, is
    cut short with the marker unless it holds a digit (a figure, date or source number is
    never cut). Continuation lines start with ``indent``.

    Examples:
        >>> _wrap("Syrian Observatory for Human Rights", 12)
        ['Syrian', 'Observatory', 'for Human', 'Rights']
        >>> _wrap("951+ to 2019-04-21..2019-04-30", 14)
        ['951+ to', '2019-04-21..', '2019-04-30']
        >>> _wrap("Foundation of the Defence of Democracies 2019-08-31", 8, cut=True)
        ['Foundat…', 'of the', 'Defence', 'of', 'Democra…', '2019-08-31']
    """
    if _text_width(text) <= width:
        return [text]
    room = width - _text_width(indent)
    lines: list[str] = []
    line = text[: len(text) - len(text.lstrip())]  # a first line's indent is kept
    for word in text.split():
        for k, piece in enumerate([word] if _text_width(word) <= room else _pieces(word)):
            if cut and _text_width(piece) > room and _cuttable(piece):
                piece = _clip(piece, room)
            glue = "" if k else " "
            if not line.strip():
                line += piece
            elif _text_width(line) + len(glue) + _text_width(piece) <= width:
                line += glue + piece
            else:
                lines.append(line)
                line = indent + piece
    return [*lines, line]


def _fit(text: str, width: int | None) -> str:
    """Prose (not a table) fitted to ``width``.

    Each long line is wrapped between words, its continuations indented four columns more.
    """
    if width is None:
        return text
    out = []
    for line in text.splitlines():
        lead = line[: len(line) - len(line.lstrip())]
        out += _wrap(line, width, indent=lead + "    ") if line.strip() else [line]
    return "\n".join(out)


def _listed(items: Sequence[str], most: int = 3) -> str:
    """Items for a line of prose, however many: past ``most``, the rest counted.

    A list of thousands (the article files behind a large data file) would make a line of
    a hundred thousand characters; the first few, then how many others, say as much.

    Examples:
        >>> _listed(["000_x.txt", "001_y.txt"])
        '000_x.txt and 001_y.txt'
        >>> _listed([f"{n:03}.txt" for n in range(4)])
        '000.txt, 001.txt, 002.txt and 003.txt'
        >>> _listed([f"{n:03}_x.txt" for n in range(5000)])
        '000_x.txt, 001_x.txt, 002_x.txt and 4,997 others'
    """
    if len(items) <= most + 1:  # never "and 1 other": name it
        shown, rest = list(items), ""
    else:
        shown, rest = list(items[:most]), f"{len(items) - most:,} others"
    if rest:
        return f"{', '.join(shown)} and {rest}"
    return " and ".join([", ".join(shown[:-1]), shown[-1]]) if len(shown) > 1 else "".join(shown)


#: An example in a command's help: its indent, the command, and what it does (after two
#: spaces or more) where the line says.
_EXAMPLE = re.compile(r"(?P<indent> +)(?P<command>\S.*?)(?: {2,}(?P<what>\S.*))?")

#: An argument of a command line: quoted text is one argument, spaces and all.
_ARGUMENT = re.compile(r"(?:\"[^\"]*\"|'[^']*'|[^\s\"'])+")


def _command_lines(command: str, indent: str, width: int) -> list[str]:
    r"""A command line in lines of ``width``, broken between arguments with a shell's ``\``.

    Pasted into a shell, the lines are still the one command.

    Examples:
        >>> _command_lines('idlibstrikes strikes --group "Hurras al-Din" --series', "  ", 40)
        ['  idlibstrikes strikes --group \\', '      "Hurras al-Din" --series']
    """
    args = _ARGUMENT.findall(command)
    lines = [indent]
    for n, arg in enumerate(args):
        line = lines[-1]
        room = width if n == len(args) - 1 else width - 2  # the last needs no " \\"
        if line.strip() and _text_width(line) + 1 + _text_width(arg) > room:
            lines[-1] = line + " \\"
            lines.append(indent + "    " + arg)
        else:
            lines[-1] = line + " " + arg if line.strip() else line + arg
    return lines


class _HelpFormatter(argparse.HelpFormatter):
    r"""``--help`` fitted to the terminal: no line wider, no word broken across lines.

    argparse wraps prose, but breaks words at their hyphens ("al-" / "Sham"), and leaves
    example text, and a usage line with a long list of choices, as long as they are. Here
    prose (descriptions, options' help) wraps between words only; examples (text with line
    breaks: lines of "  COMMAND  what it does", and paragraphs) are kept as written where
    every line of a run of them fits; else each command stands on its own line, broken
    between its arguments with a shell's ``\`` (so that it can still be pasted), and what
    it does wraps beneath it; paragraphs are filled. Any other line still too long (a usage
    line's long list of choices) wraps between words, a list of choices after its commas.
    The width is argparse's: ``COLUMNS`` or the terminal's, less two.
    """

    def _split_lines(self, text: str, width: int) -> list[str]:
        return _wrap(" ".join(text.split()), width) if text.strip() else []

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" not in text:
            return "\n".join(indent + line for line in self._split_lines(text, width))
        out: list[str] = []
        lines = text.splitlines()
        i = 0
        while i < len(lines):
            j = i + 1
            if not lines[i].strip():
                out.append("")
            elif lines[i].startswith(" "):  # a run of examples
                while j < len(lines) and lines[j].startswith(" ") and lines[j].strip():
                    j += 1
                out += self._examples(lines[i:j], width)
            else:  # a paragraph
                while j < len(lines) and lines[j].strip() and not lines[j].startswith(" "):
                    j += 1
                out += _wrap(" ".join(" ".join(lines[i:j]).split()), width)
            i = j
        return "".join(indent + line + "\n" if line else "\n" for line in out)

    @staticmethod
    def _examples(lines: Sequence[str], width: int) -> list[str]:
        if all(_text_width(line.rstrip()) <= width for line in lines):
            return [line.rstrip() for line in lines]
        out = []
        for line in lines:
            example = _EXAMPLE.fullmatch(line.rstrip())
            assert example is not None  # an indented line that is not blank
            indent, what = example["indent"], example["what"]
            out += _command_lines(example["command"], indent, width)
            if what:
                out += _wrap(indent + "    " + what, width, indent=indent + "    ")
        return out

    def format_help(self) -> str:
        width = self._width
        out = []
        for line in super().format_help().splitlines():
            if _text_width(line) <= width:
                out.append(line)
            else:  # a usage line's long list of choices
                lead = line[: len(line) - len(line.lstrip())]
                piece = max(_text_width(p) for w in line.split() for p in _pieces(w))
                # on a very narrow terminal, less indented than argparse would have it
                lead = lead[: max(0, width - piece)]
                # continued two columns in, unless a list of choices then no longer fits whole
                longest = max(map(_text_width, line.split()))
                more = "  " if _text_width(lead) + 2 + longest <= width else ""
                out += _wrap(lead + line.lstrip(), width, indent=lead + more)
        return "\n".join(out) + "\n"


def _paragraphs(cell: _Cell, limited: bool) -> list[str]:
    """A cell's text, in paragraphs that each start a line.

    Within a width, items (affiliations, accounts) are one a line, each but the last ending
    in the ";" that joins them on one line otherwise.
    """
    if isinstance(cell, str):
        return [cell]
    if not limited or len(cell) < 2:
        return ["; ".join(cell) or "-"]
    return [item + ";" for item in cell[:-1]] + [cell[-1]]


def _cell_lines(cell: _Cell, width: int | None, cut: bool) -> list[str]:
    paragraphs = _paragraphs(cell, width is not None)
    if width is None:
        return paragraphs
    return [line for text in paragraphs for line in _wrap(text, width, cut=cut)]


def _widths(natural: list[int], least: list[int], room: int) -> list[int]:
    """Column widths within ``room``.

    Columns narrower than a fair share keep their natural width; the others share what is
    left, none below its least width.
    """
    widths = list(natural)
    if sum(natural) <= room:
        return widths
    undecided = set(range(len(natural)))
    left = room
    while undecided:
        share = left // len(undecided)
        settled = [i for i in undecided if natural[i] <= share] or [
            i for i in undecided if least[i] > share
        ]
        if not settled:
            order = sorted(undecided, key=lambda i: -natural[i])
            for n, i in enumerate(order):
                widths[i] = share + (1 if n < left - share * len(order) else 0)
            break
        for i in settled:
            widths[i] = natural[i] if natural[i] <= share else least[i]
            left -= widths[i]
            undecided.discard(i)
    # a column granted its natural width early may have taken what another needed at least
    while sum(widths) > room:
        slack = max(range(len(widths)), key=lambda i: widths[i] - least[i])
        if widths[slack] <= least[slack]:
            break
        widths[slack] -= 1
    return widths


def _table(
    rows: Sequence[Sequence[_Cell]],
    *,
    text: Collection[int] = (),
    width: int | Literal["terminal"] | None = "terminal",
) -> str:
    """Rows of cells (the first row the header) as an aligned table fitted to ``width``.

    With no limit (``None``), each row is one line. Within a limit, cells wrap between
    words in their column, and every word is kept whole while the longest words fit. Where
    they do not, in the ``text`` columns (names, places, targets) a long word is cut short
    with the marker; ids, and words holding a digit (figures, dates, source numbers), are
    never cut, even if the table then overflows. ``"terminal"``: the width `_width` gives.

    Examples:
        >>> rows = [("id", "name"), ("hts", "Hayat Tahrir al-Sham"), ("sohr", "Syrian Observatory")]
        >>> print(_table(rows, text={1}, width=18))
        id    name
        ----  ------------
        hts   Hayat Tahrir
              al-Sham
        sohr  Syrian
              Observatory
        >>> print(_table(rows, text={1}, width=14))
        id    name
        ----  --------
        hts   Hayat
              Tahrir
              al-Sham
        sohr  Syrian
              Observa…
    """
    if width == "terminal":
        width = _width()
    count = len(rows[0])
    limits: list[int | None] = [None] * count
    if width is not None:
        texts = [
            [" ".join(_paragraphs(cell, True)) for cell in column]
            for column in zip(*rows, strict=True)
        ]
        natural = [
            max(_text_width(p) for cell in column for p in _paragraphs(cell, True))
            for column in zip(*rows, strict=True)
        ]
        words = [[w for t in column for w in t.split()] or [""] for column in texts]
        room = width - 2 * (count - 1)
        # keep words whole while they fit; else break them only where nothing is lost (after
        # a date range's ".." or a comma between numbers); else (a very narrow terminal) cut
        # long names short
        least = [max(map(_text_width, column)) for column in words]
        if sum(least) > room:
            pieces = [[p for w in column for p in _pieces(w)] for column in words]
            least = [max(map(_text_width, column)) for column in pieces]
            if sum(least) > room:
                least = [
                    max(
                        [min(most, 8)]
                        + [_text_width(p) for p in column if i not in text or not _cuttable(p)]
                    )
                    for i, (most, column) in enumerate(zip(least, pieces, strict=True))
                ]
        limits = list(_widths(natural, least, room))
    cells = [
        [_cell_lines(cell, limits[i], i in text) for i, cell in enumerate(row)] for row in rows
    ]
    widths = [max(_text_width(line) for row in cells for line in row[i]) for i in range(count)]
    out = []
    for n, row in enumerate(cells):
        for k in range(max(len(lines) for lines in row)):
            parts = [lines[k] if k < len(lines) else "" for lines in row]
            out.append(
                "  ".join(
                    p + " " * (w - _text_width(p)) for p, w in zip(parts, widths, strict=True)
                ).rstrip()
            )
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


# The words of records that both the listings and ``show`` print.


def _place(s: Strike | Development) -> str:
    """Where a strike or development was: its place, "-" if none.

    The place's governorate follows its name, unless the name already holds it.
    """
    if s.place is None:
        return "-"
    gov = s.place.governorate
    return f"{s.place.name} ({gov})" if gov and gov not in s.place.name else s.place.name


def _basis(account: Account) -> str:
    """How an account's figure is marked: nothing for a stated one, else its basis."""
    return "" if account.basis is Basis.STATED else f" ({account.basis.value})"
