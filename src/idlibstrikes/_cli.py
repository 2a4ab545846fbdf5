"""The command line: ``idlibstrikes`` (or ``python -m idlibstrikes``).

With no arguments it prints every strike in the bundled data: date range, who struck,
place, targets, the range of reported deaths and the articles reporting it; then, apart,
the series of strikes the sources report only as a whole.
Subcommands answer quick questions (``strikes``, ``show``, ``groups``, ``ceasefires``,
``casualties``), write exports (``export``) and check data files (``validate``).
Results go to standard output; errors go to standard error with exit status 1
(2 for a usage error, as argparse does).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from ._casualties import StrikeCasualties, counted_text, deaths_text
from ._cli_args import _chosen, _data, _UsageError
from ._cli_files import _new, _quote_command, _schema, _validate
from ._cli_show import _show
from ._cli_text import _basis, _Cell, _fit, _place, _table, _width
from ._models import (
    GroupKind,
    Strike,
)
from ._wording import (
    affiliation_items,
    date_text,
    ended_text,
    figure_text,
    founded_text,
    perpetrators_text,
    status_text,
    strike_date_text,
)

__all__ = ["main", "series_rows", "strike_rows"]

_HEADER = ("date", "by", "place", "targets", "deaths", "sources")
_SERIES_HEADER = ("from", "to", "by", "place", "targets", "deaths", "sources")
_SERIES_NOTE = "series of strikes reported only as a whole (never counted or summed as strikes):"

_EXAMPLES = """\
examples:
  idlibstrikes                                  every strike in the bundled data
  idlibstrikes strikes --group "Hurras al-Din"  strikes on one group (any spelling)
  idlibstrikes casualties --group HTS --affiliates --victims civilians
  idlibstrikes --data mine.json strikes         the bundled data plus your file
  idlibstrikes COMMAND --help                   a command's options, with examples

Tables fit the terminal: long names wrap within their column (a word cut short ends in
"…"; ids and figures are never cut). COLUMNS=N sets the width; piped or redirected,
each row is one line unless COLUMNS is set.
"""

#: Each command's own examples, the end of its ``--help``.
_COMMAND_EXAMPLES = {
    "strikes": """\
  idlibstrikes strikes --group "Hurras al-Din"  strikes on one group (any spelling)
  idlibstrikes strikes --by "United States"     strikes by US forces
  idlibstrikes strikes --between 2019-06 "Sep 2019" --certain --format csv
  idlibstrikes strikes --between 2025-01-30..2025-02-20 --series --data mine.json
""",
    "show": """\
  idlibstrikes show 2019-08-31-idlib-training-camp  a strike: every claim with its quote
  idlibstrikes show "Hurras al-Din"                 a group: names, affiliations, sources
  idlibstrikes show 002                             an article, by its number
""",
    "groups": """\
  idlibstrikes groups                       every group by kind, with its affiliations
  idlibstrikes groups --data mine.json      with the groups your file adds
  idlibstrikes groups | less -S             one line per group, scrolled sideways
""",
    "ceasefires": """\
  idlibstrikes ceasefires                   every ceasefire, truce and agreement
  idlibstrikes ceasefires --on 2019-08-31   those that may have been in effect that day
  idlibstrikes ceasefires --on "Feb 2025"   ... on any day of that month
""",
    "casualties": """\
  idlibstrikes casualties --group "Hurras al-Din" --victims commanders
  idlibstrikes casualties --group HTS --affiliates --victims civilians
  idlibstrikes casualties --between 2019 --outcome wounded
  idlibstrikes casualties --victims civilians --series
""",
    "export": """\
  idlibstrikes export --format datapackage --out ./idlibstrikes-data
  idlibstrikes export --format parquet --out ./tables --partition-by year
  idlibstrikes export --format geojson --out ./map --data mine.json
""",
    "new": """\
  idlibstrikes new examples/articles/example-0002.txt   writes example-0002.json here
  idlibstrikes new examples/articles/example-0002.txt --out mine.json
""",
    "quote": """\
  idlibstrikes quote examples/articles/example-0001.txt "at least 38 people were killed"
""",
    "schema": """\
  idlibstrikes schema > idlibstrikes.schema.json
""",
    "validate": """\
  idlibstrikes validate mine.json                        its records, with the bundled data
  idlibstrikes validate mine.json --articles ~/articles  and every quote against the texts
  idlibstrikes validate examples/new-article.json --articles examples/articles
""",
}

#: The commands that read the dataset, and so take ``--data`` after the command too.
_READERS = ("strikes", "show", "groups", "ceasefires", "casualties", "export")

_DATA_HELP = "also load this data file (or folder); may be given more than once, before or "
_DATA_HELP += "after the command"


class _HelpFormatter(argparse.HelpFormatter):
    """Descriptions filled to the terminal; examples (text with line breaks) kept as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


#: The export formats (the same as ``idlibstrikes.export``'s; a test keeps them equal,
#: without importing the exporter when the command line starts).
EXPORT_FORMATS = ("csv", "json", "parquet", "geojson", "geoparquet", "datapackage")


def strike_rows(strikes: Sequence[Strike]) -> list[tuple[str, ...]]:
    """One row of text per strike: the columns of the main listing.

    A series has its start and end in two columns (see ``series_rows``).

    Examples:
        >>> import idlibstrikes as isk
        >>> strike_rows([isk.load().strike("2025-02-15-urum-al-jawz")])[0][:3]
        ('2025-02-15 [reference 2025-02-15, high]', 'US military', 'motorway near ... (Idlib)')
    """
    return [
        (
            strike_date_text(s),
            perpetrators_text(s),
            _place(s),
            ", ".join(t.name for t in s.targets) or "-",
            deaths_text(s),
            ",".join(src.id[:3] for src in s.sources),
        )
        for s in strikes
    ]


def series_rows(series: Sequence[Strike]) -> list[tuple[str, ...]]:
    """One row of text per series: its start and end, then the columns of strikes.

    Examples:
        >>> import idlibstrikes as isk
        >>> series_rows([isk.load().strike("2019-idlib-offensive")])[0][:3]
        ('2019-04-21..2019-04-30', '2019-08-31', 'Syrian government forces + Russian military')
    """
    return [
        (date_text(s.start), date_text(s.end), *row[1:])
        for s, row in zip(series, strike_rows(series), strict=True)
    ]


def _listing(strikes: Sequence[Strike]) -> str:
    """Single strikes, then (labelled, apart) series; "no strikes" when there are none."""
    events = [s for s in strikes if not s.is_series]
    series = [s for s in strikes if s.is_series]
    width = _width()
    parts = [_table([_HEADER, *strike_rows(events)], text={1, 2, 3}, width=width)] if events else []
    if series:
        rows = [_SERIES_HEADER, *series_rows(series)]
        parts.append(_fit(_SERIES_NOTE, width) + "\n" + _table(rows, text={2, 3, 4}, width=width))
    return "\n\n".join(parts) or "no strikes"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="idlibstrikes",
        description="Query and check the idlibstrikes dataset. With no command, list every "
        "strike with its date range, who struck, place, targets, the range of reported "
        "deaths and the reporting articles, then the series of strikes reported as a whole.",
        epilog=_EXAMPLES,
        formatter_class=_HelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="store_true",
        help="print the package's and the bundled data's versions, and exit",
    )
    parser.add_argument("--data", action="append", metavar="FILE", help=_DATA_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help: str, description: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=help,
            description=description,
            epilog="examples:\n" + _COMMAND_EXAMPLES[name],
            formatter_class=_HelpFormatter,
        )
        # the global options, after the command too (kept apart from those given before it)
        sub.add_argument(
            "--version", action="store_true", dest="version_after", help=argparse.SUPPRESS
        )
        if name in _READERS:  # given after the command, kept apart from --data given before
            sub.add_argument(
                "--data", action="append", metavar="FILE", dest="data_after", help=_DATA_HELP
            )
        return sub

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
        sub.add_argument(
            "--by",
            metavar="NAME",
            help="only strikes by this group or forces that are part of it ('United States')",
        )
        sub.add_argument(
            "--series",
            action="store_true",
            help="also series of strikes reported as a whole (listed apart, never summed)",
        )

    strikes = command(
        "strikes",
        "list strikes (the default)",
        "List strikes. Deaths (all victims): what the sources' accounts jointly allow, or the "
        "span of the accounts that disagree ('disputed'); '+' marks an 'at least' figure; 'no "
        "figures' where none is given. Sources: article numbers (000 = 000_*.txt). Periods: "
        "'2019', '2019-06', 'Jun 2019', '2025-01-30..2025-02-20'.",
    )
    group(strikes)
    period(strikes)
    strikes.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="table (default), or csv/json with every column of the strikes table (json "
        "with --series: an object of two tables, strikes and series; csv holds one table: "
        "'export --format csv' writes series.csv beside strikes.csv)",
    )
    show = command(
        "show",
        "show any record (strike, group, ceasefire, person, place, source ...) with its quotes",
        "Show one record in full: every claim with who made it, the article and its words, "
        "and the reference facts beside them.",
    )
    show.add_argument(
        "id",
        metavar="ID",
        help="an id or name: strike, series, ceasefire, group, development, person, place, "
        "source (or its short id, 002) or reference fact",
    )
    command(
        "groups",
        "list groups by kind, with their affiliations and the sources for each",
        "List the groups (every actor the articles name: militant groups, forces, governments, "
        "monitors, news media, think tanks ...) under a heading per kind, with their founding "
        "and end dates and their affiliations: each relation to another group once, with the "
        "period each source gives ('period unknown' where it gives none) and the sources' "
        "article numbers in brackets. 'show GROUP' gives every claim with its quote.",
    )
    ceasefires = command(
        "ceasefires",
        "list ceasefires",
        "List ceasefires, truces and agreements; with --on, those that may have been in "
        "effect that day, each with its status (in effect, may be in effect, or unknown after "
        "the last report about it).",
    )
    ceasefires.add_argument("--on", metavar="DATE", help="only ceasefires possibly in effect then")
    casualties = command(
        "casualties",
        "sum reported deaths over strikes, per strike and in all",
        "Sum casualty figures over strikes: per strike, what the accounts (one claimant in "
        "one source) jointly allow, or their span where they disagree, with UCDP's best "
        "estimate where they agree; then the sums. Series are listed apart and never added.",
    )
    group(casualties)
    period(casualties)
    casualties.add_argument(
        "--victims",
        default="all",
        choices=("all", "civilians", "militants", "commanders", "children"),
        help="whose deaths (default: all)",
    )
    casualties.add_argument(
        "--outcome",
        default="killed",
        choices=("killed", "wounded"),
        help="the dead or the wounded (default: killed)",
    )
    export = command(
        "export",
        "write the dataset as CSV, JSON, Parquet, GeoJSON, GeoParquet or a data package",
        "Write the lossless tables (json, parquet: load() reads them back), the analyst's "
        "tables (csv, datapackage) or every strike on a map (geojson, geoparquet) into a "
        "folder. Strikes a map cannot place (null geometry) are reported on standard error. "
        "parquet and geoparquet need pyarrow (pip install pyarrow: the [arrow] extra).",
    )
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    export.add_argument("--out", required=True, metavar="DIR", help="the folder to write into")
    export.add_argument(
        "--partition-by",
        nargs="+",
        default=(),
        metavar="COLUMN",
        help="parquet only: Hive-partition the tables that have these columns (e.g. year)",
    )
    new = command(
        "new",
        "write a skeleton data file for a new article",
        "Write the start of a data file for an article: its source record (fill in the "
        "publication date), empty lists for the rest, and '//' comments on what goes where "
        "(the loader ignores them). Refuses to overwrite a file.",
    )
    new.add_argument("article", metavar="ARTICLE", help="the article's text file")
    new.add_argument(
        "--out", metavar="FILE", help="where to write (default: ARTICLE's name with .json)"
    )
    quote = command(
        "quote",
        "find the exact words of a quote in an article",
        "Find the words in the article as the loader does (runs of whitespace collapsed) and "
        "print the quote ready to paste; where they are not there exactly, print the closest "
        "passages and how they differ, and exit 1.",
    )
    quote.add_argument("article", metavar="ARTICLE", help="the article's text file")
    quote.add_argument("words", metavar="WORDS", help="the words to find")
    command(
        "schema",
        "print the JSON Schema of the data files",
        "Print the JSON Schema (draft 2020-12) of the data-file format, for editors that "
        "validate as you type: save it as idlibstrikes.schema.json beside your files and "
        'start each file with "$schema": "./idlibstrikes.schema.json".',
    )
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
        ok: 1 file, 3 records; with the bundled data: 7 strikes, 4 series, 44 groups, 6 articles
        quotes checked against 1 article text(s) in examples/articles
        0
        >>> main(["ceasefires", "--on", "2019-09-05"])
        id                       start       end                     status            name
        -----------------------  ----------  ----------------------  ----------------  ------...
        2018-09-sochi-agreement  2018-09-17  2019-09-01..            may_be_in_effect  Turkey...
        2019-08-31-ceasefire     2019-08-31  2019-09-01..2024-12-08  may_be_in_effect  Moscow...
        0
    """
    for stream in (sys.stdout, sys.stderr):
        # data may hold what the terminal's encoding cannot (Arabic on a Latin-1
        # console): print it escaped rather than fail with a traceback
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error argparse has reported
        return int(exc.code or 0)
    from ._errors import DataError, InvalidPeriodError, UnknownNameError

    if args.version or getattr(args, "version_after", False):
        from ._release import AS_OF, DATA_VERSION, package_version

        print(f"idlibstrikes {package_version()}; data {DATA_VERSION} (as of {AS_OF})")
        return 0
    try:
        if args.data and args.command not in (None, *_READERS):
            # it would be ignored: say so rather than answer as if the file were loaded
            raise _UsageError(
                f"--data is for the commands that read the dataset ({', '.join(_READERS)}); "
                f"{args.command} takes its files as arguments or reads none"
            )
        if args.command == "validate":
            return _validate(args.files, args.articles)
        return _COMMANDS[args.command or "main"](args)
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


def _strikes(args: argparse.Namespace) -> int:
    data = _data(args)
    chosen = _chosen(data, args)
    fmt = getattr(args, "format", "table")
    if fmt == "table":
        print(_listing(chosen))
        if not chosen and not getattr(args, "series", False):
            # series are listed only on request: say when some match, lest "no strikes"
            # read as "nothing matches"
            args.series = True
            also = [s.id for s in _chosen(data, args) if s.is_series]
            if also:
                print(_fit(f"(and {len(also)} series: {', '.join(also)}; add --series)", _width()))
        return 0
    from ._export import rows_csv
    from ._table import json_rows
    from ._tables import columns, strike_records

    series = bool(getattr(args, "series", False))
    if fmt == "csv" and series:
        raise _UsageError(
            "--series with --format csv: a CSV holds one table, and series are never rows "
            "of the strikes table; use --format json, or 'idlibstrikes export --format csv "
            "--out DIR', which writes series.csv beside strikes.csv"
        )
    rows = strike_records(chosen, data)
    if fmt == "csv":
        sys.stdout.write(rows_csv(rows, columns("strikes")))
        return 0
    import json

    doc: Any = json_rows(rows)
    if series:  # the two tables apart, as everywhere: a series is never summed as a strike
        doc = {"strikes": doc, "series": json_rows(strike_records(chosen, data, "series"))}
    print(json.dumps(doc, ensure_ascii=False, indent=1))
    return 0


def _main_listing(args: argparse.Namespace) -> int:
    """The main job: every strike, then every series, apart."""
    data = _data(args)
    print(_listing(data.strikes))
    return 0


#: The headings of ``groups``, one per kind of actor, in the vocabulary's order.
_KINDS = {
    GroupKind.MILITANT: "militant groups",
    GroupKind.REBEL: "rebel groups",
    GroupKind.STATE_FORCE: "state forces and commands",
    GroupKind.GOVERNMENT: "governments and states",
    GroupKind.COALITION: "coalitions",
    GroupKind.MONITOR: "monitors",
    GroupKind.CIVIL_DEFENCE: "civil defence",
    GroupKind.MEDIA: "news media",
    GroupKind.THINK_TANK: "think tanks",
    GroupKind.INTERNATIONAL: "international bodies",
    GroupKind.LOCAL: "local people",
}


def _groups(args: argparse.Namespace) -> int:
    data = _data(args)
    width = _width()
    parts = []
    for kind, heading in _KINDS.items():
        groups = [g for g in data.groups if g.kind is kind]
        if not groups:
            continue
        rows: list[tuple[_Cell, ...]] = [
            ("id", "name", "founded", "ended", "affiliations: period [sources]")
        ]
        rows += [
            (g.id, g.name, founded_text(g), ended_text(g), affiliation_items(g)) for g in groups
        ]
        title = f"{heading} (kind {kind.value}): {len(groups)}"
        parts.append(_fit(title, width) + "\n" + _table(rows, text={1}, width=width))
    print("\n\n".join(parts))
    return 0


def _ceasefires(args: argparse.Namespace) -> int:
    data = _data(args)
    if args.on:
        chosen = data.ceasefires_on(args.on)
        rows: list[tuple[str, ...]] = [("id", "start", "end", "status", "name")]
        rows += [
            (c.id, date_text(c.start), date_text(c.end), chosen.status(c).value, c.name)
            for c in chosen
        ]
    else:
        rows = [("id", "start", "end", "status", "name")]
        rows += [
            (c.id, date_text(c.start), date_text(c.end), status_text(c), c.name)
            for c in data.ceasefires
        ]
    print(_table(rows, text={len(rows[0]) - 1}))
    return 0


def _casualties(args: argparse.Namespace) -> int:
    data = _data(args)
    chosen = _chosen(data, args)
    result = data.casualties(chosen, victims=args.victims, outcome=args.outcome)
    width = _width()
    rows: list[tuple[_Cell, ...]] = [
        ("strike", "figure", "best", "accounts (figure per claimant and source)")
    ]
    for one in result.per_strike:
        rows.append((one.strike.id, str(one), _best(one), _accounts_items(one)))
    rows += [(s.id, "no figures", "-", "-") for s in result.strikes_without_figures]
    print(_table(rows, text={3}, width=width))
    if result.series:
        print("\n" + _fit(_SERIES_NOTE, width))
        series: list[tuple[_Cell, ...]] = [
            ("series", "figure", "best", "accounts (figure per claimant and source)")
        ]
        series += [
            (one.strike.id, counted_text(one), _best(one), _accounts_items(one))
            for one in result.series
        ]
        print(_table(series, text={3}, width=width))
    print(_fit(str(result), width))
    return 0


def _best(one: StrikeCasualties) -> str:
    return "-" if one.best is None else str(one.best)


def _accounts_items(one: StrikeCasualties) -> tuple[str, ...]:
    items = []
    for a in one.accounts:
        where = f" {a.source.id[:3]}" if a.source is not None else ""
        items.append(f"{figure_text(a.low, a.high)} {a.who}{where}{_basis(a)}")
    return tuple(items)


def _export(args: argparse.Namespace) -> int:
    data = _data(args)
    if args.partition_by and args.format != "parquet":
        raise _UsageError("--partition-by applies to --format parquet")
    try:
        done = data.export(args.format, args.out, partition_by=tuple(args.partition_by))
    except ImportError as exc:  # an optional library the format needs
        print(f"idlibstrikes: {exc}", file=sys.stderr)
        return 1
    for path in done.files:
        print(path)
    if done.unplaced:
        print(
            f"{len(done.unplaced)} strike(s) written without a point (no reference gives "
            f"one for the place, a place near it, or its district or governorate): "
            f"{', '.join(done.unplaced)}",
            file=sys.stderr,
        )
    return 0


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "main": _main_listing,
    "strikes": _strikes,
    "show": _show,
    "groups": _groups,
    "ceasefires": _ceasefires,
    "casualties": _casualties,
    "export": _export,
    "schema": _schema,
    "new": _new,
    "quote": _quote_command,
}
