"""The command line: ``python -m idlibstrikes`` (or ``idlibstrikes``).

With no arguments it prints every strike in the bundled data: date range, place,
perpetrator, targets, the range of reported deaths and the articles reporting it.
``validate FILE...`` checks data files and prints every problem, one per line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ._casualties import for_strike
from ._models import Outcome, Scope, Strike, Victims

__all__ = ["main", "strike_rows"]

_HEADER = ("date", "place", "perpetrator", "targets", "deaths", "sources")

_EXAMPLES = """\
examples:
  idlibstrikes                                  every strike in the bundled data
  idlibstrikes strikes --group "Hurras al-Din"  strikes on one group (any spelling)
  idlibstrikes strikes --between 2019-06 "Sep 2019" --certain
  idlibstrikes validate mine.json --articles ~/articles
"""


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
        series = " [series]" if s.scope is Scope.SERIES else ""
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="idlibstrikes",
        description="Query and check the idlibstrikes dataset. With no command, list every "
        "strike with its date range, place, perpetrator, targets, the range of reported "
        "deaths and the reporting articles.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    strikes = commands.add_parser(
        "strikes",
        help="list strikes (the default)",
        description="List strikes. Deaths: the smallest to the largest figure any source "
        "gives for all victims; '+' marks an 'at least' figure. Sources: article numbers "
        "(000 = 000_*.txt).",
    )
    strikes.add_argument("--group", metavar="NAME", help="only strikes on this group")
    strikes.add_argument(
        "--affiliates", action="store_true", help="with --group: also strikes on its affiliates"
    )
    strikes.add_argument(
        "--between",
        nargs="+",
        metavar="DATE",
        help="only strikes in this period: one or two dates, months or years",
    )
    strikes.add_argument(
        "--certain", action="store_true", help="with --between: only strikes certainly in it"
    )
    validate = commands.add_parser(
        "validate",
        help="check data files; print every problem",
        description="Check data files (with the bundled data they may refer to). Prints "
        "every problem as 'file:line: record.field: message' and exits 1, or prints a "
        "one-line summary and exits 0.",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="data files or folders")
    validate.add_argument(
        "--articles", metavar="DIR", help="folder of article texts: check every quote in them"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Example:
        >>> main(["validate", "examples/new-article.json", "--articles", "examples/articles"])
        ok: 1 file, 3 records; with the bundled data: 11 strikes, 44 groups, 6 articles
        0
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error argparse has reported
        return int(exc.code or 0)
    from ._dataset import load
    from ._errors import DataError, InvalidPeriodError, UnknownNameError

    try:
        if args.command == "validate":
            return _validate(args.files, args.articles)
        data = load()
        chosen = data.strikes
        if getattr(args, "group", None):
            chosen = data.strikes_by_group(args.group, include_affiliates=args.affiliates)
        if getattr(args, "between", None):
            if len(args.between) > 2:
                parser.error("--between takes one or two dates")
            period = set(data.strikes_between(*args.between, certain=args.certain))
            chosen = tuple(s for s in chosen if s in period)
    except (DataError, InvalidPeriodError, UnknownNameError) as exc:
        print(f"idlibstrikes: {exc}", file=sys.stderr)
        return 1
    print(_table([_HEADER, *strike_rows(chosen)]))
    return 0


def _validate(files: Sequence[str], articles: str | None) -> int:
    from ._dataset import load
    from ._errors import DataError
    from ._load import KINDS, read_paths

    try:
        data = load(*files, articles=articles)
    except DataError as exc:
        for problem in exc.problems:
            print(problem)
        count = len(exc.problems)
        print(f"{count} problem{'s' if count != 1 else ''}", file=sys.stderr)
        return 1
    raw = read_paths(files)
    records = sum(len(raw.records[k]) for k in KINDS)
    names = {r.file for k in KINDS for r in raw.records[k]}
    articles_count = sum(1 for s in data.sources if not s.is_reference)
    print(
        f"ok: {len(names)} file{'s' if len(names) != 1 else ''}, {records} records; "
        f"with the bundled data: {len(data.strikes)} strikes, {len(data.groups)} groups, "
        f"{articles_count} articles"
    )
    return 0
