"""The command line: ``python -m idlibstrikes`` (or ``idlibstrikes``).

With no arguments it prints every strike in the bundled data: date range, place,
perpetrator, targets, the range of reported deaths and the articles reporting it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ._casualties import for_strike
from ._models import Outcome, Strike, Victims

__all__ = ["main", "strike_rows"]

_HEADER = ("date", "place", "perpetrator", "targets", "deaths", "sources")


def _deaths(strike: Strike) -> str:
    one = for_strike(strike, Victims.ALL, Outcome.KILLED)
    if one is None:
        subsets = sorted({c.victims.value for c in strike.claims if c.outcome is Outcome.KILLED})
        return f"- (only {', '.join(subsets)})" if subsets else "-"
    span = str(one.low) if one.low == one.high else f"{one.low}-{one.high}"
    return span + ("+" if one.open_ended else "")


def strike_rows(strikes: Sequence[Strike]) -> list[tuple[str, ...]]:
    """One row of text per strike: the columns of the main listing.

    Example:
        >>> import idlibstrikes as isk
        >>> strike_rows([isk.load().strike("2025-02-15-urum-al-jawz")])[0][:2]
        ('2025-02-15', 'Urum Al Joz (Idlib)')
    """
    rows: list[tuple[str, ...]] = []
    for s in strikes:
        gov = s.place.governorate
        place = f"{s.place.name} ({gov})" if gov and gov != s.place.name else s.place.name
        sources = ",".join(src.id[:3] for src in s.sources)
        series = " [series]" if s.scope.value == "series" else ""
        rows.append(
            (
                str(s.date) + series,
                place,
                s.perpetrator.name,
                ", ".join(t.name for t in s.targets) or "-",
                _deaths(s),
                sources,
            )
        )
    return rows


def _table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Example:
        >>> main(["--help"])  # doctest: +ELLIPSIS
        usage: idlibstrikes ...
        0
    """
    parser = argparse.ArgumentParser(
        prog="idlibstrikes",
        description="List the strikes in the idlibstrikes dataset, with dates, places, "
        "targets, the range of reported deaths and the reporting articles.",
        epilog="Deaths: the smallest to the largest figure any source gives for all victims; "
        "'+' marks an 'at least' figure. Sources: article numbers (000 = 000_*.txt).",
    )
    try:
        parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    from ._dataset import load
    from ._errors import DataError

    try:
        data = load()
    except DataError as exc:
        print(f"idlibstrikes: {exc}", file=sys.stderr)
        return 1
    print(_table([_HEADER, *strike_rows(data.strikes)]))
    return 0
