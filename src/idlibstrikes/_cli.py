"""The command line: ``idlibstrikes`` (or ``python -m idlibstrikes``).

With no arguments it prints every strike in the bundled data: date range, place,
perpetrator, targets, the range of reported deaths and the articles reporting it.
Subcommands answer quick questions (``strikes``, ``show``, ``groups``, ``ceasefires``,
``casualties``), write exports (``export``) and check data files (``validate``).
Results go to standard output; errors go to standard error with exit status 1
(2 for a usage error, as argparse does).
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ._casualties import for_strike, span_text
from ._models import CasualtyClaim, Ceasefire, Group, Outcome, Scope, Strike, Victims

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__ = ["main", "strike_rows"]

_HEADER = ("date", "place", "perpetrator", "targets", "deaths", "sources")

_EXAMPLES = """\
examples:
  idlibstrikes                                  every strike in the bundled data
  idlibstrikes strikes --group "Hurras al-Din"  strikes on one group (any spelling)
  idlibstrikes strikes --between 2019-06 "Sep 2019" --certain --format csv
  idlibstrikes show 2019-08-31-idlib-training-camp
  idlibstrikes ceasefires --on 2019-08-31
  idlibstrikes casualties --group HTS --affiliates --victims civilians
  idlibstrikes export --format datapackage --out ./idlibstrikes-data
  idlibstrikes --data mine.json strikes         the bundled data plus your file
  idlibstrikes validate mine.json --articles ~/articles
"""


def _deaths(strike: Strike) -> str:
    one = for_strike(strike, Victims.ALL, Outcome.KILLED)
    if one is None:
        subsets = sorted({c.victims.value for c in strike.claims if c.outcome is Outcome.KILLED})
        return f"- (only {', '.join(subsets)})" if subsets else "-"
    return span_text(one.low, one.high, one.open_ended)


def _claim_figure(claim: CasualtyClaim) -> str:
    # "8", "6-8", or "6+" for "at least six".
    if claim.high is None:
        return f"{claim.low}+"
    return span_text(claim.low, claim.high, False)


def strike_rows(strikes: Sequence[Strike]) -> list[tuple[str, ...]]:
    """One row of text per strike: the columns of the main listing.

    Examples:
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
    parser.add_argument(
        "--data",
        action="append",
        metavar="FILE",
        help="also load this data file (or folder); may be given more than once",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help: str, description: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=help,
            description=description,
            epilog=_EXAMPLES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    def period(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--between",
            nargs="+",
            metavar="DATE",
            help="only strikes in this period: one or two dates, months or years",
        )
        sub.add_argument(
            "--certain", action="store_true", help="with --between: only strikes certainly in it"
        )

    def group(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--group", metavar="NAME", help="only strikes on this group")
        sub.add_argument(
            "--affiliates", action="store_true", help="with --group: also strikes on its affiliates"
        )

    strikes = command(
        "strikes",
        "list strikes (the default)",
        "List strikes. Deaths: the smallest to the largest figure any source gives for all "
        "victims; '+' marks an 'at least' figure. Sources: article numbers (000 = 000_*.txt).",
    )
    group(strikes)
    period(strikes)
    strikes.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="table (default), or csv/json with every column of the strikes table",
    )
    show = command(
        "show",
        "show one strike, group or ceasefire with its claims and quotes",
        "Show one record in full: every claim with who made it, the article and its words.",
    )
    show.add_argument("id", metavar="ID", help="a strike id, or a group or ceasefire id or name")
    command("groups", "list groups", "List groups with their kind, founding date and affiliations.")
    ceasefires = command(
        "ceasefires",
        "list ceasefires",
        "List ceasefires, truces and agreements; with --on, those that may have been in "
        "effect that day.",
    )
    ceasefires.add_argument("--on", metavar="DATE", help="only ceasefires possibly in effect then")
    casualties = command(
        "casualties",
        "sum reported deaths over strikes, per strike and in all",
        "Sum casualty figures over strikes: per strike, the smallest and largest figure any "
        "source gives, then the sums; every claim used is listed with its source.",
    )
    group(casualties)
    period(casualties)
    casualties.add_argument(
        "--victims",
        default="all",
        choices=("all", "civilians", "militants", "commanders", "children"),
        help="whose deaths (default: all)",
    )
    export = command(
        "export",
        "write the dataset as CSV, JSON, GeoJSON or a data package",
        "Write every table (csv, json, datapackage) or the strikes with a point (geojson) "
        "into a folder. Strikes left out of GeoJSON are reported on standard error.",
    )
    export.add_argument(
        "--format", required=True, choices=("csv", "json", "geojson", "datapackage")
    )
    export.add_argument("--out", required=True, metavar="DIR", help="the folder to write into")
    validate = command(
        "validate",
        "check data files; print every problem",
        "Check data files (with the bundled data they may refer to). Prints every problem as "
        "'file:line: record.field: message' and exits 1, or prints a one-line summary and exits 0.",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="data files or folders")
    validate.add_argument(
        "--articles", metavar="DIR", help="folder of article texts: check every quote in them"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Examples:
        >>> main(["validate", "examples/new-article.json", "--articles", "examples/articles"])
        ok: 1 file, 3 records; with the bundled data: 11 strikes, 44 groups, 6 articles
        0
        >>> main(["ceasefires", "--on", "2019-09-01"])
        id                       start                   end  name
        -----------------------  ----------------------  ---  -----...
        2018-09-sochi-agreement  2018-09-01..2018-09-30  -    Turkey-Russia agreement of ...
        2019-08-31-ceasefire     2019-08-31              -    Moscow-backed Idlib ceasefire ...
        0
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error argparse has reported
        return int(exc.code or 0)
    from ._errors import DataError, InvalidPeriodError, UnknownNameError

    try:
        if args.command == "validate":
            return _validate(args.files, args.articles)
        return _COMMANDS[args.command or "strikes"](args)
    except _UsageError as exc:
        parser.error(str(exc))  # exits with 2
    except (DataError, InvalidPeriodError, UnknownNameError) as exc:
        print(f"idlibstrikes: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `idlibstrikes | head`: the reader has gone; that is fine
        _quiet_stdout()
        return 0
    return 0  # pragma: no cover - parser.error() does not return


def _quiet_stdout() -> None:
    # Python would report the broken pipe again when flushing stdout at exit.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


class _UsageError(Exception):
    """A combination of arguments argparse cannot check by itself."""


def _data(args: argparse.Namespace) -> Dataset:
    from ._dataset import load

    return load(*(args.data or ()))


def _chosen(data: Dataset, args: argparse.Namespace) -> tuple[Strike, ...]:
    chosen = data.strikes
    if getattr(args, "group", None):
        chosen = data.strikes_by_group(args.group, include_affiliates=args.affiliates)
    elif getattr(args, "affiliates", False):
        raise _UsageError("--affiliates needs --group")
    if getattr(args, "between", None):
        if len(args.between) > 2:
            raise _UsageError("--between takes one or two dates")
        period = set(data.strikes_between(*args.between, certain=args.certain))
        chosen = tuple(s for s in chosen if s in period)
    elif getattr(args, "certain", False):
        raise _UsageError("--certain needs --between")
    return chosen


def _strikes(args: argparse.Namespace) -> int:
    data = _data(args)
    chosen = _chosen(data, args)
    fmt = getattr(args, "format", "table")
    if fmt == "table":
        print(_table([_HEADER, *strike_rows(chosen)]))
        return 0
    from ._export import json_rows, rows_csv
    from ._tables import columns, strike_records

    rows = strike_records(chosen)
    if fmt == "csv":
        sys.stdout.write(rows_csv(rows, columns("strikes")))
    else:
        import json

        print(json.dumps(json_rows(rows), ensure_ascii=False, indent=1))
    return 0


def _quote(text: str) -> str:
    return "\u201c" + text + "\u201d"


def _show(args: argparse.Namespace) -> int:
    from ._errors import UnknownNameError

    data = _data(args)
    suggestions: list[str] = []
    for lookup in (data.strike, data.ceasefire, data.group):
        try:
            record = lookup(args.id)
        except UnknownNameError as exc:
            suggestions += exc.suggestions
            continue
        print(_describe(record))
        return 0
    ids = [s.id for s in data.strikes] + [c.id for c in data.ceasefires]
    suggestions += difflib.get_close_matches(args.id, ids, n=3, cutoff=0.6)
    raise UnknownNameError(
        args.id, kind="strike, ceasefire or group", suggestions=dict.fromkeys(suggestions)
    )


def _describe(record: Strike | Ceasefire | Group) -> str:
    lines: list[str] = []
    if isinstance(record, Strike):
        s = record
        lines += [
            f"{s.id}: {s.description}",
            f"  date: {s.date} ({s.date.text})" if s.date.text else f"  date: {s.date}",
            f"  place: {strike_rows([s])[0][1]}",
            f"  perpetrator: {s.perpetrator.name}",
            f"  targets: {', '.join(t.name for t in s.targets) or '-'}",
        ]
        if s.killed:
            lines.append(f"  named dead: {', '.join(p.name for p in s.killed)}")
        lines.append(f"  deaths (all victims): {_deaths(s)}")
        lines.append("  claims:")
        for c in s.claims:
            who = c.claimant.name if c.claimant else "the outlet"
            lines.append(
                f"    {_claim_figure(c)} {c.victims.value} {c.outcome.value}, per {who} "
                f"[{c.source.id}]: {_quote(c.quote)}"
            )
        for d in s.date_claims:
            lines.append(f"  date per {d.source.id}: {d.date} {_quote(d.quote)}")
        sources = s.sources
    elif isinstance(record, Ceasefire):
        cf = record
        lines += [
            f"{cf.id}: {cf.name} ({cf.kind.value})",
            f"  start: {cf.start}" + (f" ({cf.start.text})" if cf.start.text else ""),
            f"  end: {cf.end if cf.end else 'not known to have ended'}",
            f"  parties: {', '.join(g.name for g in cf.parties) or '-'}",
            f"  brokers: {', '.join(g.name for g in cf.brokers) or '-'}",
        ]
        for d in (*cf.start_claims, *cf.end_claims):
            lines.append(f"  date per {d.source.id}: {d.date} {_quote(d.quote)}")
        sources = cf.sources
    else:
        g = record
        lines += [
            f"{g.id}: {g.name} ({g.kind.value})",
            f"  also: {', '.join(g.aliases) or '-'}",
            f"  founded: {g.founded if g.founded else 'not stated'}",
            f"  leaders: {', '.join(p.name for p in g.leaders) or '-'}",
        ]
        for a in g.affiliations:
            when = f" since {a.since}" if a.since else ""
            when += f" until {a.until}" if a.until else ""
            lines.append(
                f"  {a.relation.value} {a.other.name}{when} [{a.source.id}]: {_quote(a.quote)}"
            )
        for e in g.strength:
            who = e.claimant.name if e.claimant else "the outlet"
            approx = "about " if e.approximate else ""
            lines.append(
                f"  strength {approx}{e.count} {e.unit} as of {e.as_of}, per {who} "
                f"[{e.source.id}]: {_quote(e.quote)}"
            )
        sources = tuple({c.source.id: c.source for c in g.citations}.values())
    lines.append("  sources: " + (", ".join(src.id for src in sources) or "-"))
    return "\n".join(lines)


def _groups(args: argparse.Namespace) -> int:
    data = _data(args)
    rows = [("id", "name", "kind", "founded", "affiliations")]
    for g in data.groups:
        links = ", ".join(f"{a.relation.value} {a.other.id}" for a in g.affiliations)
        rows.append((g.id, g.name, g.kind.value, str(g.founded or "-"), links or "-"))
    print(_table(rows))
    return 0


def _ceasefires(args: argparse.Namespace) -> int:
    data = _data(args)
    chosen = data.ceasefires_on(args.on) if args.on else data.ceasefires
    rows = [("id", "start", "end", "name")]
    rows += [(c.id, str(c.start), str(c.end or "-"), c.name) for c in chosen]
    print(_table(rows))
    return 0


def _casualties(args: argparse.Namespace) -> int:
    data = _data(args)
    chosen = _chosen(data, args)
    result = data.casualties(chosen, victims=args.victims)
    rows = [("strike", "low", "high", "claims (low-high per source)")]
    for one in result.per_strike:
        said = "; ".join(f"{_claim_figure(c)} {c.source.id[:3]}" for c in one.claims)
        high = f"{one.high}+" if one.open_ended else str(one.high)
        rows.append((one.strike.id, str(one.low), high, said))
    with_figures = {one.strike.id for one in result.per_strike}
    rows += [(s.id, "-", "-", "no figure") for s in chosen if s.id not in with_figures]
    print(_table(rows))
    print(result)
    return 0


def _export(args: argparse.Namespace) -> int:
    data = _data(args)
    done = data.export(args.format, args.out)
    for path in done.files:
        print(path)
    if done.left_out:
        print(
            f"left out {len(done.left_out)} strike(s) whose place has no point in any "
            f"reference: {', '.join(done.left_out)}",
            file=sys.stderr,
        )
    return 0


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "strikes": _strikes,
    "show": _show,
    "groups": _groups,
    "ceasefires": _ceasefires,
    "casualties": _casualties,
    "export": _export,
}


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
