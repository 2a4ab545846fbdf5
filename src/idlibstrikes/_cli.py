"""The command line: ``idlibstrikes`` (or ``python -m idlibstrikes``).

With no arguments it prints every strike in the bundled data: date range, who struck,
place, targets, the range of reported deaths and the articles reporting it; then, apart,
the series of strikes the sources report only as a whole.
Subcommands answer quick questions (``strikes``, ``show``, ``groups``, ``ceasefires``,
``casualties``), write exports (``export``) and citations (``cite``) and check data files
(``validate``).
Results go to standard output; errors go to standard error with exit status 1
(2 for a usage error, as argparse does).

This module holds the argument parser, ``main`` and the dispatch to the commands. The
commands live in ``_cli_data`` (the listings and ``export``), ``_cli_show`` (``show``,
``cite``) and
``_cli_files`` (``new``, ``quote``, ``schema``, ``validate``); what they share, in
``_cli_args`` (reading the parsed arguments) and ``_cli_text`` (printing to the terminal).
They are the package's top layer: they may import any other module, and no other module
imports them (but ``__main__``, which runs ``main``); the command modules never import this
one.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence

from ._cite import STYLES
from ._cli_args import _unknown, _UsageError
from ._cli_data import _casualties, _ceasefires, _export, _groups, _main_listing, _strikes
from ._cli_files import _new, _quote_command, _schema, _validate
from ._cli_show import _cite, _show
from ._cli_text import _fit, _HelpFormatter, _width
from ._export import FORMATS

__all__ = ["main"]

_EXAMPLES = """\
examples:
  idlibstrikes                                  all the bundled strikes
  idlibstrikes strikes --group "Hurras al-Din"  on one group, any spelling
  idlibstrikes casualties --group HTS --affiliates --victims civilians
  idlibstrikes --data mine.json strikes         the bundled data and your file
  idlibstrikes COMMAND --help                   its options and examples

Tables fit the terminal: long names wrap within their column (a word cut short ends in
"…"; ids and figures are never cut). COLUMNS=N sets the width; piped or redirected,
each row is one line unless COLUMNS is set. So does this help, at any width.
"""

#: Each command's own examples, the end of its ``--help``: "  COMMAND  what it does", one a
#: line, each fitting 78 columns (argparse's width in a terminal of 80); narrower, the help
#: formatter puts what it does under the command.
_COMMAND_EXAMPLES = {
    "strikes": """\
  idlibstrikes strikes --group "Hurras al-Din"  on one group, any spelling
  idlibstrikes strikes --by "United States"     strikes by US forces
  idlibstrikes strikes --between 2019-06 "Sep 2019" --certain --format csv
  idlibstrikes strikes --between 2025-01-30..2025-02-20 --series
""",
    "show": """\
  idlibstrikes show 2019-08-31-idlib-training-camp  a strike, claim by claim
  idlibstrikes show "Hurras al-Din"                 a group, with its sources
  idlibstrikes show 002                             an article, by its number
  idlibstrikes show R51                             a strike, by its list's id
""",
    "groups": """\
  idlibstrikes groups                   every group by kind, with affiliations
  idlibstrikes groups --data mine.json  with the groups your file adds
  idlibstrikes groups | less -S         one line per group, scrolled sideways
""",
    "ceasefires": """\
  idlibstrikes ceasefires                  ceasefires, truces, agreements
  idlibstrikes ceasefires --on 2019-08-31  those possibly in effect that day
  idlibstrikes ceasefires --on "Feb 2025"  ... on any day of that month
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
  idlibstrikes export --format acled --out ./acled
""",
    "cite": """\
  idlibstrikes cite                         the data, every source behind them
  idlibstrikes cite 001 004 --style bibtex  two articles, for BibTeX
  idlibstrikes cite "Hurras al-Din" --style csl-json > hd.json
""",
    "new": """\
  idlibstrikes new examples/articles/example-0002.txt  makes example-0002.json
  idlibstrikes new examples/articles/example-0002.txt --out mine.json
  idlibstrikes new --report https://example.org/story --out mine.json
""",
    "quote": """\
  idlibstrikes quote examples/articles/example-0001.txt "at least 38 people"
""",
    "schema": """\
  idlibstrikes schema > idlibstrikes.schema.json
""",
    "validate": """\
  idlibstrikes validate mine.json                        with the bundled data
  idlibstrikes validate mine.json --articles ~/articles  and every quote too
  idlibstrikes validate examples/new-article.json --articles examples/articles
""",
}

#: The commands that read the dataset, and so take ``--data`` after the command too.
_READERS = ("strikes", "show", "groups", "ceasefires", "casualties", "export", "cite")

_DATA_HELP = "also load this data file (or folder); may be given more than once, before or "
_DATA_HELP += "after the command"


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
    parser.add_argument(
        "--sources",
        choices=("all", "articles", "none"),
        default="all",
        help="the bundled records: all (the five articles and the reference lists; the "
        "default), articles (the five articles' data alone) or none (only your files: an "
        "export of a whole dataset, which holds the bundled records already)",
    )
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
        sub.add_argument(
            "--min-confidence",
            choices=("low", "medium", "high"),
            help="only what the articles say and what the reference lists grade at least so "
            "(strikes by their best-graded row saying who struck; casualties by each row)",
        )

    strikes = command(
        "strikes",
        "list strikes (the default)",
        "List strikes. Deaths (all victims): what the sources' accounts jointly allow, or the "
        "span of the accounts that disagree ('disputed'); '+' marks an 'at least' figure; 'no "
        "figures' where none is given. Sources: articles by short id (000 for 000_*.txt, "
        "mine for your mine.txt), and a reference list's event id with its number of "
        "reports (R05: 4 reports); 'idlibstrikes show' takes either. Periods: "
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
        help="an id or name: strike, series (or a reference list's id for it, R05), "
        "ceasefire, group, development, person, place, source (or an article's short id, "
        "002) or reference fact",
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
        "write the dataset as CSV, JSON, Parquet, GeoJSON, GeoParquet, a data package, or ACLED "
        "or UCDP GED data",
        "Write the lossless tables (json, parquet: the library reads them back), the analyst's "
        "tables (csv, datapackage), every strike on a map (geojson, geoparquet) or the strikes "
        "in ACLED's or UCDP GED's columns (acled, ucdp-ged, with the records they leave out) "
        "into a folder. Strikes a map cannot place (null geometry) are reported on standard "
        "error. "
        "parquet and geoparquet need pyarrow (pip install pyarrow: the [arrow] extra).",
    )
    export.add_argument("--format", required=True, choices=FORMATS)
    export.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help="the folder to write into (made if missing). If it is a file or cannot be "
        "written, nothing is left behind: the command says why and exits 2",
    )
    export.add_argument(
        "--partition-by",
        nargs="+",
        default=(),
        metavar="COLUMN",
        help="parquet only: Hive-partition the tables that have these columns (e.g. year)",
    )
    cite = command(
        "cite",
        "print a citation of the data or of records, with every article behind them",
        "Print a citation: the data version and as-of date, the package version, the access "
        "date, any files added, and every article and report behind the records named (all "
        "of them when none is named), each with its outlet, title, date and address. A date "
        "is given to the precision it is known, never as a range of days.",
    )
    cite.add_argument(
        "ids",
        nargs="*",
        metavar="ID",
        help="records to cite, by id or name as 'show' takes them (default: the dataset)",
    )
    cite.add_argument(
        "--style",
        choices=STYLES,
        default="text",
        help="text (default), bibtex, or csl-json (Zotero, pandoc --citeproc)",
    )
    cite.add_argument(
        "--accessed", metavar="YYYY-MM-DD", help="the access date to state (default: today)"
    )
    new = command(
        "new",
        "write a skeleton data file for a new article",
        "Write the start of a data file for an article: its source record (fill in the "
        "publication date), empty lists for the rest, and '//' comments on what goes where "
        "(the loader ignores them). Refuses to overwrite a file.",
    )
    new.add_argument("article", metavar="ARTICLE", nargs="?", help="the article's text file")
    new.add_argument(
        "--report",
        metavar="ADDRESS",
        help="instead, a strike a report documents (its page's address): claims with no "
        "quote, each naming its row (the fact in your words, with its confidence)",
    )
    new.add_argument(
        "--out",
        metavar="FILE",
        help="where to write (default: ARTICLE's name with .json; reported.json)",
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
        "'file:line: record.field: message' and exits 1, or prints a one-line summary and exits 0. "
        "A folder stands for its *.json files, or, if it is a Parquet export, for every file "
        "of its tables; a JSON or Parquet tables export is held to the data files' rules. "
        "In any folder, a link is followed only where it leads inside it; a link elsewhere, or "
        "a broken one, is a problem (docs/format.md, 'Folders and links').",
    )
    validate.add_argument(
        "files", nargs="+", metavar="FILE", help="data files, folders, or tables exports"
    )
    validate.add_argument(
        "--articles", metavar="DIR", help="folder of article texts: check every quote in them"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Examples:
        >>> main(["validate", "examples/new-article.json", "--articles", "examples/articles"])
        ok: 1 file, 3 records; with the bundled data: 62 strikes, 9 series, 101 groups, 6 articles
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
            return _validate(args.files, args.articles, args.sources)
        return _COMMANDS[args.command or "main"](args)
    except _UsageError as exc:
        parser.error(str(exc))  # exits with 2
    except UnknownNameError as exc:  # in the command line's words: the commands to run
        print(_fit(f"idlibstrikes: {_unknown(exc)}", _width()), file=sys.stderr)
        return 1
    except (DataError, InvalidPeriodError) as exc:
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


#: Each command's function, by name (``validate``, which takes its files rather than the
#: parsed arguments, is called apart in ``main``).
_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "main": _main_listing,
    "strikes": _strikes,
    "show": _show,
    "groups": _groups,
    "ceasefires": _ceasefires,
    "casualties": _casualties,
    "export": _export,
    "cite": _cite,
    "schema": _schema,
    "new": _new,
    "quote": _quote_command,
}
