"""HTML for notebooks: what ``_repr_html_`` shows for records and query results.

Plain HTML tables, no styles or scripts, every text escaped: Jupyter, VS Code and
GitHub render them alike. Each view ends with its sources, so a screenshot of a
notebook cell still says where the figures come from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

from ._casualties import Casualties, StrikeCasualties, deaths_text, summarize
from ._models import Ceasefire, Group, Outcome, ReferenceFact, Strike, Victims
from ._table import Table
from ._wording import (
    count_text,
    date_text,
    figure_text,
    perpetrators_text,
    reference_text,
    status_text,
    strike_date_text,
    who_text,
    words_text,
)

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__ = [
    "MAX_ROWS",
    "casualties_html",
    "ceasefire_html",
    "ceasefires_html",
    "dataset_html",
    "group_html",
    "more_rows",
    "render",
    "strike_html",
    "strikes_html",
    "table_html",
]


#: Rows a notebook table shows before it says how many it left out (as pandas does).
MAX_ROWS = 20


def more_rows(left_out: int, width: int, what: str = "row(s)") -> str:
    """The last row of a truncated notebook table: how many rows it left out.

    Examples:
        >>> print(more_rows(3, 2))  # doctest: +ELLIPSIS
        <tr><td colspan="2">… 3 more row(s) not shown (to_records() ...)</td></tr>
        >>> more_rows(0, 2)
        ''
    """
    if left_out <= 0:
        return ""
    return (
        f'<tr><td colspan="{width}">… {left_out:,} more {what} not shown '
        "(to_records() or to_dataframe() gives them all)</td></tr>"
    )


def _table(
    head: Sequence[str],
    rows: Iterable[Sequence[str]],
    caption: str = "",
    *,
    limit: int | None = None,
    what: str = "row(s)",
) -> str:
    """An HTML table; with ``limit``, only the first rows and a row saying how many more."""
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    th = "".join(f"<th>{escape(h)}</th>" for h in head)
    cells = []
    left_out = 0
    for i, row in enumerate(rows):
        if limit is not None and i >= limit:
            left_out += 1
            continue
        cells.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>")
    body = "".join(cells) + more_rows(left_out, len(head), what)
    return f"<table>{cap}<thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _fields(pairs: Iterable[tuple[str, str]], caption: str) -> str:
    body = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in pairs)
    return f"<table><caption>{escape(caption)}</caption><tbody>{body}</tbody></table>"


def _references(facts: Sequence[ReferenceFact]) -> str:
    rows = ((f.field, reference_text(f)) for f in facts)
    return _table(("field", "reference fact"), rows, caption="Reference facts (beside the claims)")


def _sources(names: Iterable[str]) -> str:
    listed = ", ".join(escape(i) for i in names) or "none"
    return f"<p><small>Sources: {listed}</small></p>"


def strike_html(s: Strike) -> str:
    """One strike: its facts, every casualty claim with who said it and the quote.

    Examples:
        >>> import idlibstrikes as isk
        >>> html = strike_html(isk.load(sources="articles").strike("2019-06-30-rif-al-muhandisin"))
        >>> "<td>Syrian Observatory for Human Rights</td>" in html
        True
    """
    if s.is_series:
        when = [
            ("scope", "series of strikes reported as a whole (never summed with strikes)"),
            ("start", date_text(s.start, wording=True)),
            ("end", date_text(s.end, wording=True)),
        ]
    else:
        when = [("date", date_text(s.date, wording=True))]
    deaths = summarize(s, Victims.ALL, Outcome.KILLED)
    facts = _fields(
        [
            *when,
            ("place", s.place.name + (f", {s.place.governorate}" if s.place.governorate else "")),
            ("who struck", perpetrators_text(s)),
            *((("with the backing of", ", ".join(g.name for g in s.allies)),) if s.allies else ()),
            ("targets", ", ".join(t.name for t in s.targets) or "none named"),
            ("deaths (all victims)", deaths_text(s)),
            ("best estimate", "-" if deaths.best is None else str(deaths.best)),
            ("named dead", ", ".join(p.name for p in s.killed) or "none"),
        ],
        caption=f"{s.id}: {s.description}",
    )
    claims = _table(
        ("figure", "victims", "outcome", "according to", "source", "quote or reported fact"),
        (
            (
                figure_text(c.low, c.high) + (" (vague)" if c.vague else ""),
                c.victims.value,
                c.outcome.value,
                who_text(c.claimant, c.source),
                c.source.label,
                words_text(c),
            )
            for c in s.claims
        ),
        caption="Casualty claims",
    )
    attributions = _table(
        ("says", "groups", "according to", "source", "quote or reported fact"),
        (
            (
                a.stance.value,
                ", ".join(g.name for g in a.groups),
                who_text(a.claimant, a.source),
                a.source.label,
                words_text(a),
            )
            for a in s.attributions
        ),
        caption="Who struck, source by source",
    )
    return (
        facts
        + (attributions if s.attributions else "")
        + (_accounts(deaths) if deaths.known else "")
        + (claims if s.claims else "")
        + (_references(s.references) if s.references else "")
        + _sources(src.label for src in s.sources)
    )


def _accounts(one: StrikeCasualties) -> str:
    rows = (
        (
            a.who,
            a.source.label if a.source is not None else "-",
            figure_text(a.low, a.high),
            a.basis.value,
        )
        for a in one.accounts
    )
    caption = f"Deaths ({one.victims.value}): {one} by account"
    return _table(("account", "source", "figure", "basis"), rows, caption=caption)


def strikes_html(strikes: Sequence[Strike]) -> str:
    """A table of strikes with their date ranges, places, targets, deaths and sources.

    Long results show their first `MAX_ROWS` strikes and say how many more there are.

    Examples:
        >>> import idlibstrikes as isk
        >>> articles = isk.load(sources="articles")
        >>> strikes_html(articles.strikes_by_group("Hurras al-Din")).count("<tr>")
        5
    """
    rows = (
        (
            f"series {date_text(s.date)}" if s.is_series else strike_date_text(s),
            perpetrators_text(s),
            s.place.name,
            ", ".join(t.name for t in s.targets) or "-",
            deaths_text(s),
            ", ".join(src.label for src in s.sources),
        )
        for s in strikes
    )
    head = ("date", "by", "place", "targets", "deaths", "sources")
    series = sum(s.is_series for s in strikes)
    count = f"{len(strikes) - series} strike(s)" + (
        f" and {series} series (never summed with strikes)" if series else ""
    )
    return _table(head, rows, caption=count, limit=MAX_ROWS, what="strike(s) and series")


def group_html(g: Group) -> str:
    """One group: names, founding, leaders, affiliations and strength, with sources.

    Examples:
        >>> import idlibstrikes as isk
        >>> "affiliate_of" in group_html(isk.load(sources="articles").group("Hurras al-Din"))
        True
    """
    facts = _fields(
        [
            ("kind", g.kind.value),
            ("also known as", ", ".join(g.aliases) or "-"),
            ("founded", date_text(g.founded, wording=True) if g.founded else "not stated"),
            ("ended", date_text(g.ended, wording=True) if g.ended else "not stated"),
            ("leaders", ", ".join(p.name for p in g.leaders) or "-"),
        ],
        caption=f"{g.name} ({g.id})",
    )
    links = _table(
        ("relation", "group", "since", "until", "source", "quote"),
        (
            (
                a.relation.value,
                a.other.name,
                str(a.since or ""),
                str(a.until or ""),
                a.source.label,
                words_text(a),
            )
            for a in g.affiliations
        ),
        caption="Affiliations",
    )
    strength = _table(
        ("count", "unit", "as of", "according to", "source", "quote"),
        (
            (
                ("about " if e.approximate else "") + str(e.count),
                e.unit,
                str(e.as_of),
                e.claimant.name if e.claimant else "the outlet",
                e.source.label,
                words_text(e),
            )
            for e in g.strength
        ),
        caption="Strength estimates",
    )
    sources = sorted({c.source.label for c in g.citations})
    return (
        facts
        + (links if g.affiliations else "")
        + (strength if g.strength else "")
        + (_references(g.references) if g.references else "")
        + _sources(sources)
    )


def ceasefire_html(c: Ceasefire) -> str:
    """One ceasefire: start, end, parties and brokers, with sources.

    Examples:
        >>> import idlibstrikes as isk
        >>> html = ceasefire_html(isk.load(sources="articles").ceasefire("2019-08-31-ceasefire"))
        >>> "may be in effect 2019-09-02 to 2019-09-06" in html, "not known to have ended" in html
        (True, False)
    """
    facts = _fields(
        [
            ("kind", c.kind.value),
            ("start", date_text(c.start, wording=True)),
            ("end", date_text(c.end) if c.end else "not known to have ended"),
            ("status", status_text(c)),
            ("parties", ", ".join(g.name for g in c.parties) or "-"),
            ("brokers", ", ".join(g.name for g in c.brokers) or "-"),
        ],
        caption=f"{c.name} ({c.id})",
    )
    return (
        facts
        + (_references(c.references) if c.references else "")
        + _sources(s.label for s in c.sources)
    )


def ceasefires_html(ceasefires: Sequence[Ceasefire]) -> str:
    """A table of ceasefires with their periods and sources.

    Examples:
        >>> import idlibstrikes as isk
        >>> ceasefires_html(isk.load(sources="articles").ceasefires_on("2019-08-31")).count("<tr>")
        3
    """
    period = getattr(ceasefires, "period", None)
    rows = (
        (
            c.name,
            date_text(c.start),
            date_text(c.end),
            c.status_on(*period).value if period else "-",
            ", ".join(s.label for s in c.sources),
        )
        for c in ceasefires
    )
    head = ("name", "start", "end", "status", "sources")
    return _table(
        head, rows, f"{len(ceasefires)} ceasefire(s)", limit=MAX_ROWS, what="ceasefire(s)"
    )


def casualties_html(c: Casualties) -> str:
    """A casualty range: the total, then per strike each account behind it, with its words.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load(sources="articles")
        >>> had = data.strikes_by_group("Hurras al-Din")
        >>> html = casualties_html(data.casualties(had, victims="commanders"))
        >>> html.count("<tr>"), html.count("<td>the named dead</td>")
        (10, 2)
    """
    rows = (
        (
            one.strike.id + (" (series)" if one.strike.is_series else ""),
            str(one),
            a.who,
            figure_text(a.low, a.high),
            a.basis.value,
            a.source.label if a.source is not None else "-",
            " / ".join(words_text(claim) for claim in a.claims)
            or ", ".join(p.name for p in a.named),
        )
        for one in (*c.per_strike, *(s for s in c.series if s.known))
        for a in one.accounts
    )
    head = ("strike", "strike's figure", "account", "figure", "basis", "source", "words")
    return _table(head, rows, caption=str(c), limit=MAX_ROWS, what="account(s)")


def dataset_html(data: Dataset) -> str:
    """A dataset: its size, then the table of its strikes.

    Examples:
        >>> import idlibstrikes as isk
        >>> dataset_html(isk.load(sources="articles")).count("<tr>")
        12
    """
    articles = [s for s in data.sources if not s.is_reference]
    summary = (
        f"<p>idlibstrikes dataset: {count_text(data.strikes)}, {len(data.groups)} groups, "
        f"{len(data.ceasefires)} ceasefires, from {len(articles)} articles.</p>"
    )
    return summary + strikes_html(data.strikes)


def render(obj: object) -> str:
    """The HTML of a record or a casualty summary: what the model's ``as_html`` asks for.

    Examples:
        >>> import idlibstrikes as isk
        >>> render(isk.load(sources="articles").groups[0]).startswith("<table>")
        True
    """
    if isinstance(obj, Strike):
        return strike_html(obj)
    if isinstance(obj, Group):
        return group_html(obj)
    if isinstance(obj, Ceasefire):
        return ceasefire_html(obj)
    if isinstance(obj, Casualties):
        return casualties_html(obj)
    if isinstance(obj, Table):
        return table_html(obj)
    return f"<pre>{escape(repr(obj))}</pre>"


def table_html(table: Table) -> str:
    """A table's first rows, and how many it left out."""
    shown = table[:MAX_ROWS]
    head = "".join(f"<th>{escape(f.name)}</th>" for f in table.fields)
    body = "".join(
        "<tr>"
        + "".join(f"<td>{escape(_table_cell(r.get(f.name)))}</td>" for f in table.fields)
        + "</tr>"
        for r in shown
    )
    more = more_rows(len(table) - len(shown), len(table.fields))
    caption = f"{table.name}: {len(table)} rows"
    return (
        f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}{more}</tbody></table>"
    )


def _table_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return "; ".join(map(str, value))
    return str(value)
