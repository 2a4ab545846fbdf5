"""The commands that query and export the dataset.

With no command, every strike, then (labelled, apart) the series of strikes the sources
report only as a whole; ``strikes``, ``groups``, ``ceasefires`` and ``casualties`` list
what their options choose, and ``export`` writes the dataset into a folder. A series is
listed apart from strikes everywhere, and never counted or summed as one.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from ._casualties import StrikeCasualties, counted_text, deaths_text
from ._cli_args import _chosen, _data, _UsageError
from ._cli_text import _basis, _Cell, _fit, _listed, _place, _table, _width
from ._models import GroupKind, Strike
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

__all__ = [
    "_casualties",
    "_ceasefires",
    "_export",
    "_groups",
    "_main_listing",
    "_strikes",
    "series_rows",
    "strike_rows",
]

_HEADER = ("date", "by", "place", "targets", "deaths", "sources")
_SERIES_HEADER = ("from", "to", "by", "place", "targets", "deaths", "sources")
_SERIES_NOTE = "series of strikes reported only as a whole (never counted or summed as strikes):"


def strike_rows(strikes: Sequence[Strike]) -> list[tuple[str, ...]]:
    """One row of text per strike: the columns of the main listing.

    A series has its start and end in two columns (see ``series_rows``).

    Examples:
        >>> import idlibstrikes as isk
        >>> strike_rows([isk.load(sources="articles").strike("2025-02-15-urum-al-jawz")])[0][:3]
        ('2025-02-15 [reference 2025-02-15, high]', 'US military', 'motorway near ... (Idlib)')
    """
    return [
        (
            strike_date_text(s),
            perpetrators_text(s),
            _place(s),
            ", ".join(t.name for t in s.targets) or "-",
            deaths_text(s),
            _sources(s),
        )
        for s in strikes
    ]


def _sources(s: Strike) -> str:
    """The articles by short id, and the reference lists' reports by the event's list id.

    Each is what ``show`` takes: "002" for the article 002_*.txt, "example-0001" for your
    example-0001.txt, "R05" for the event the lists number R05.
    """
    articles = [src.short_id for src in s.sources if not src.is_report]
    reports = sum(src.is_report for src in s.sources)
    if reports:
        listed = s.listed or "list"
        articles.append(f"{listed}: {reports} report{'s' if reports > 1 else ''}")
    return ",".join(articles)


def series_rows(series: Sequence[Strike]) -> list[tuple[str, ...]]:
    """One row of text per series: its start and end, then the columns of strikes.

    Examples:
        >>> import idlibstrikes as isk
        >>> series_rows([isk.load(sources="articles").strike("2019-idlib-offensive")])[0][:3]
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
                print(_fit(f"(and {len(also):,} series: {_listed(also)}; add --series)", _width()))
        return 0
    from ._export._csv import rows_csv
    from ._table import json_rows
    from ._tables import strike_records
    from ._view_columns import columns

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
    result = data.casualties(
        chosen,
        victims=args.victims,
        outcome=args.outcome,
        min_confidence=getattr(args, "min_confidence", None),
    )
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
        where = f" {a.source.short_id}" if a.source is not None else ""
        items.append(f"{figure_text(a.low, a.high)} {a.who}{where}{_basis(a)}")
    return tuple(items)


def _export(args: argparse.Namespace) -> int:
    data = _data(args)
    if args.partition_by and args.format != "parquet":
        raise _UsageError("--partition-by applies to --format parquet")
    if not args.out:  # Path("") is the current folder: never write there unasked
        raise _UsageError("--out is empty; give the folder to write into ('.' for this one)")
    try:
        done = data.export(args.format, args.out, partition_by=tuple(args.partition_by))
    except ImportError as exc:  # an optional library the format needs
        print(f"idlibstrikes: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # --out is a file, or cannot be made or written: one line, exit 2
        raise _UsageError(f"--out: {exc}") from None
    for path in done.files:
        print(path)
    if done.unplaced:
        print(
            _fit(
                f"{len(done.unplaced):,} strike(s) written without a point (no reference gives "
                f"one for the place, a place near it, or its district or governorate): "
                f"{_listed(done.unplaced)}",
                _width(),
            ),
            file=sys.stderr,
        )
    return 0
