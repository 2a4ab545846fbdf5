"""HTML for notebooks: what ``_repr_html_`` shows for records and query results.

Plain HTML tables, no styles or scripts, every text escaped: Jupyter, VS Code and
GitHub render them alike. Each view ends with its sources, so a screenshot of a
notebook cell still says where the figures come from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

from ._casualties import for_strike, span_text
from ._models import Ceasefire, Group, Outcome, Strike, Victims

if TYPE_CHECKING:
    from ._casualties import Casualties
    from ._dataset import Dataset

__all__ = [
    "casualties_html",
    "ceasefire_html",
    "ceasefires_html",
    "dataset_html",
    "group_html",
    "strike_html",
    "strikes_html",
]


def _table(head: Sequence[str], rows: Iterable[Sequence[str]], caption: str = "") -> str:
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    th = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table>{cap}<thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _fields(pairs: Iterable[tuple[str, str]], caption: str) -> str:
    body = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in pairs)
    return f"<table><caption>{escape(caption)}</caption><tbody>{body}</tbody></table>"


def _deaths(strike: Strike) -> str:
    one = for_strike(strike, Victims.ALL, Outcome.KILLED)
    if one is None:
        return "no figure"
    return span_text(one.low, one.high, one.open_ended, dash="\u2013")


def _figure(low: int, high: int | None) -> str:
    if high is None:
        return f"at least {low}"
    return span_text(low, high, False, dash="\u2013")


def _sources(ids: Iterable[str]) -> str:
    listed = ", ".join(escape(i) for i in ids) or "none"
    return f"<p><small>Sources: {listed}</small></p>"


def strike_html(s: Strike) -> str:
    """One strike: its facts, every casualty claim with who said it and the quote.

    Examples:
        >>> import idlibstrikes as isk
        >>> html = strike_html(isk.load().strike("2019-06-30-rif-al-muhandisin"))
        >>> "<td>Syrian Observatory for Human Rights</td>" in html
        True
    """
    facts = _fields(
        [
            ("date", f"{s.date} ({s.date.text})" if s.date.text else str(s.date)),
            ("place", s.place.name + (f", {s.place.governorate}" if s.place.governorate else "")),
            ("perpetrator", s.perpetrator.name),
            ("targets", ", ".join(t.name for t in s.targets) or "none named"),
            ("deaths (all victims)", _deaths(s)),
            ("named dead", ", ".join(p.name for p in s.killed) or "none"),
        ],
        caption=f"{s.id}: {s.description}",
    )
    claims = _table(
        ("figure", "victims", "outcome", "according to", "source", "quote"),
        (
            (
                _figure(c.low, c.high),
                c.victims.value,
                c.outcome.value,
                c.claimant.name if c.claimant else "the outlet",
                c.source.id,
                c.quote,
            )
            for c in s.claims
        ),
        caption="Casualty claims",
    )
    return facts + (claims if s.claims else "") + _sources(src.id for src in s.sources)


def strikes_html(strikes: Sequence[Strike]) -> str:
    """A table of strikes with their date ranges, places, targets, deaths and sources.

    Examples:
        >>> import idlibstrikes as isk
        >>> strikes_html(isk.load().strikes_by_group("Hurras al-Din")).count("<tr>")
        5
    """
    rows = (
        (
            str(s.date),
            s.place.name,
            s.perpetrator.name,
            ", ".join(t.name for t in s.targets) or "-",
            _deaths(s),
            ", ".join(src.id for src in s.sources),
        )
        for s in strikes
    )
    head = ("date", "place", "perpetrator", "targets", "deaths", "sources")
    return _table(head, rows, caption=f"{len(strikes)} strike(s)")


def group_html(g: Group) -> str:
    """One group: names, founding, leaders, affiliations and strength, with sources.

    Examples:
        >>> import idlibstrikes as isk
        >>> "affiliate_of" in group_html(isk.load().group("Hurras al-Din"))
        True
    """
    facts = _fields(
        [
            ("kind", g.kind.value),
            ("also known as", ", ".join(g.aliases) or "-"),
            ("founded", str(g.founded) if g.founded else "not stated"),
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
                a.source.id,
                a.quote,
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
                e.source.id,
                e.quote,
            )
            for e in g.strength
        ),
        caption="Strength estimates",
    )
    sources = sorted({c.source.id for c in g.citations})
    return (
        facts
        + (links if g.affiliations else "")
        + (strength if g.strength else "")
        + _sources(sources)
    )


def ceasefire_html(c: Ceasefire) -> str:
    """One ceasefire: start, end, parties and brokers, with sources.

    Examples:
        >>> import idlibstrikes as isk
        >>> html = ceasefire_html(isk.load().ceasefire("2019-08-31-ceasefire"))
        >>> "not known to have ended" in html
        True
    """
    facts = _fields(
        [
            ("kind", c.kind.value),
            ("start", f"{c.start} ({c.start.text})" if c.start.text else str(c.start)),
            ("end", str(c.end) if c.end else "not known to have ended"),
            ("parties", ", ".join(g.name for g in c.parties) or "-"),
            ("brokers", ", ".join(g.name for g in c.brokers) or "-"),
        ],
        caption=f"{c.name} ({c.id})",
    )
    return facts + _sources(s.id for s in c.sources)


def ceasefires_html(ceasefires: Sequence[Ceasefire]) -> str:
    """A table of ceasefires with their periods and sources.

    Examples:
        >>> import idlibstrikes as isk
        >>> ceasefires_html(isk.load().ceasefires_on("2019-08-31")).count("<tr>")
        3
    """
    rows = (
        (c.name, str(c.start), str(c.end or "-"), ", ".join(s.id for s in c.sources))
        for c in ceasefires
    )
    return _table(("name", "start", "end", "sources"), rows, f"{len(ceasefires)} ceasefire(s)")


def casualties_html(c: Casualties) -> str:
    """A casualty range: the total, then per strike every claim it used.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load()
        >>> had = data.strikes_by_group("Hurras al-Din")
        >>> html = casualties_html(data.casualties(had, victims="commanders"))
        >>> html.count("<tr>")
        9
    """
    rows = (
        (one.strike.id, _figure(claim.low, claim.high), claim.source.id, claim.quote)
        for one in c.per_strike
        for claim in one.claims
    )
    return _table(("strike", "figure", "source", "quote"), rows, caption=str(c))


def dataset_html(data: Dataset) -> str:
    """A dataset: its size, then the table of its strikes.

    Examples:
        >>> import idlibstrikes as isk
        >>> dataset_html(isk.load()).count("<tr>")
        12
    """
    articles = [s for s in data.sources if not s.is_reference]
    summary = (
        f"<p>idlibstrikes dataset: {len(data.strikes)} strikes, {len(data.groups)} groups, "
        f"{len(data.ceasefires)} ceasefires, from {len(articles)} articles.</p>"
    )
    return summary + strikes_html(data.strikes)
