"""How figures, dates and references are worded wherever a person reads them.

The command line, the notebook HTML, the strikes table's text cells and the docs pages
all word a casualty range, a summary date and a reference fact with these functions, so
that the same state reads the same everywhere ("6-8+ (disputed)", "no figures").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ._dates import DateRange
from ._models import (
    Affiliation,
    Attribution,
    Ceasefire,
    CeasefireStatus,
    DateClaim,
    Group,
    ReferenceFact,
    Source,
    Strike,
)
from ._summary import of_claims

__all__ = [
    "affiliation_items",
    "attribution_text",
    "count_text",
    "date_text",
    "end_text",
    "ended_text",
    "figure_text",
    "founded_text",
    "perpetrators_text",
    "reference_text",
    "references_beside",
    "span_text",
    "status_text",
    "strike_date_text",
    "who_text",
]


def span_text(low: int | None, high: int | None, open_ended: bool) -> str:
    """A casualty range as text: ``6``, ``6-8``, ``+`` where open above, or "no figures".

    Examples:
        >>> span_text(32, 50, True), span_text(40, 40, False), span_text(None, None, False)
        ('32-50+', '40', 'no figures')
    """
    if low is None or high is None:
        return "no figures"
    span = str(low) if low == high else f"{low}-{high}"
    return span + ("+" if open_ended else "")


def figure_text(low: int, high: int | None) -> str:
    """One claim's or account's figure: ``8``, ``6-8``, or ``6+`` for "at least six".

    Examples:
        >>> figure_text(6, None), figure_text(25, 49), figure_text(8, 8)
        ('6+', '25-49', '8')
    """
    if high is None:
        return f"{low}+"
    return span_text(low, high, False)


def date_text(date: DateRange | None, *, wording: bool = False) -> str:
    """A summary date: ISO days, marked where the sources disagree; "-" when unknown.

    Examples:
        >>> import idlibstrikes as isk
        >>> date_text(isk.load(sources="articles").strike("2017-03-al-jinah").date)
        '2017-03-16..2017-03-17 (disputed)'
        >>> articles = isk.load(sources="articles")
        >>> date_text(articles.strike("2019-08-31-kafranbel-shelling").date, wording=True)
        '2019-08-31 (late on Saturday)'
    """
    if date is None:
        return "-"
    notes = [date.text] if wording and date.text else []
    if date.disputed:
        notes.append("disputed")
    return f"{date} ({'; '.join(notes)})" if notes else str(date)


def reference_text(fact: ReferenceFact) -> str:
    """A reference fact as one line, labelled as a reference.

    It says whether the reference corrects an article, its confidence, what it says and
    where it comes from.

    Examples:
        >>> import idlibstrikes as isk
        >>> articles = isk.load(sources="articles")
        >>> [fact] = [f for f in articles.references_for("2017-03-al-jinah") if f.field == "date"]
        >>> print(reference_text(fact))  # doctest: +ELLIPSIS
        reference, corrects, high: date 2017-03-16: Thursday 16 Mar 2017, ... (CENTCOM ...)
    """
    flags = ", corrects" if fact.corrects else ""
    date = f" {fact.date}" if fact.date is not None else ""
    cited = fact.source.headline or fact.source.outlet or fact.source.id
    return f"reference{flags}, {fact.graded}: {fact.field}{date}: {fact.value} ({cited})"


def report_text(source: Source) -> str:
    """A report as every view cites it: outlet, whose copy, date and address.

    Examples:
        >>> import idlibstrikes as isk
        >>> src = isk.load().strike("2017-01-01-sarmada").claims[0].source
        >>> report_text(src)  # doctest: +ELLIPSIS
        'reported by ...'
    """
    copy = f" ({source.wire} copy)" if source.wire else ""
    published = str(source.published) if source.published is not None else "n.d."
    address = f", {source.address}" if source.address else ""
    return f"reported by {source.outlet or source.id}{copy}, {published}{address}"


def words_text(claim: Any) -> str:
    """What a claim rests on: an article's quote, or a report's list row, labelled.

    An article's claim is quoted from the article; a report's carries the fact as the
    reference list words it (no sentence of the page), with its row and confidence.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load()
        >>> words_text(data.strike("2025-02-15-urum-al-jawz").claims[0])
        'The White Helmets said at least two people were killed inside the car.'
        >>> print(words_text(data.strike("2017-01-01-sarmada").claims[0]))  # doctest: +ELLIPSIS
        reported, per the reference list (row r16-..., ...): ...
    """
    row = claim.row
    if row is None:
        return str(claim.quote)
    return f"reported, per the reference list (row {row.id}, {row.graded}): {row.value}"


def provenance(claim: Any) -> str:
    """``"quoted"`` for an article's claim, ``"reported"`` for a reference list's.

    Examples:
        >>> import idlibstrikes as isk
        >>> provenance(isk.load(sources="articles").strike("2025-02-15-urum-al-jawz").claims[0])
        'quoted'
    """
    return "quoted" if claim.row is None else "reported"


def who_text(claimant: Group | None, source: Source | None) -> str:
    """Who gave a figure: the claimant, or the outlet speaking in its own voice.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load(sources="articles")
        >>> a002, a001 = data.source("002_0d9037507fd83edc"), data.source("001_a3fa68a93635bb6d")
        >>> who_text(None, a002), who_text(None, a001)
        ('Kurdistan 24 (own voice)', 'The National (own voice)')
    """
    if claimant is not None:
        return claimant.name
    outlet = source.outlet if source is not None else None
    return f"{outlet or 'the outlet'} (own voice)"


_STATUS_WORDS = {
    CeasefireStatus.IN_EFFECT: "in effect",
    CeasefireStatus.MAY_BE_IN_EFFECT: "may be in effect",
    CeasefireStatus.UNKNOWN: "status unknown",
}


def end_text(c: Ceasefire) -> str:
    """How a ceasefire ended, in words: its reported end, the latest day, or no known end.

    Examples:
        >>> import idlibstrikes as isk
        >>> [end_text(c) for c in isk.load(sources="articles").ceasefires]
        ['no known end', 'ended 2019-08-05', 'ended by 2024-12-08']
    """
    if c.end is None or c.end.open_end:
        return "no known end"
    if c.end_reported:
        return f"ended {date_text(c.end)}"
    return f"ended by {c.end.latest}"


def status_text(c: Ceasefire) -> str:
    """A ceasefire's status over time (`Ceasefire.statuses`) and its end, as one line.

    Every view (the CLI, the notebook, the timeline, the data page) words it so.

    Examples:
        >>> import idlibstrikes as isk
        >>> print(status_text(isk.load(sources="articles").ceasefire("2019-08-31-ceasefire")))
        ... # doctest: +NORMALIZE_WHITESPACE
        in effect 2019-08-31 to 2019-09-01; may be in effect 2019-09-02 to 2019-09-06;
        status unknown 2019-09-07 to 2024-12-08; ended by 2024-12-08
    """
    parts = []
    for run in c.statuses():
        words = _STATUS_WORDS[run.status]
        if run.last == dt.date.max:
            parts.append(f"{words} from {run.first}")
        elif run.first == run.last:
            parts.append(f"{words} {run.first}")
        else:
            parts.append(f"{words} {run.first} to {run.last}")
    return "; ".join([*parts, end_text(c)])


def perpetrators_text(s: Strike) -> str:
    """Who struck, as every view words it: each perpetrator, and whether it is disputed.

    Examples:
        >>> import idlibstrikes as isk
        >>> perpetrators_text(isk.load(sources="articles").strike("2019-idlib-offensive"))
        'Syrian government forces + Russian military'
    """
    who = " + ".join(g.name for g in s.perpetrators)
    return f"{who} (disputed)" if s.perpetrator_disputed else who


def attribution_text(a: Attribution) -> str:
    """One attribution as a line: its stance, the groups, who says so and where.

    Examples:
        >>> import idlibstrikes as isk
        >>> articles = isk.load(sources="articles")
        >>> [a] = articles.strike("2019-06-30-rif-al-muhandisin").attributions[2:3]
        >>> attribution_text(a)
        'struck: US Central Command, per US Central Command [003]'
    """
    who = f", per {a.claimant.name}" if a.claimant else ""
    return f"{a.stance.value}: {', '.join(g.name for g in a.groups)}{who} [{a.source.short_id}]"


def count_text(strikes: Sequence[Strike]) -> str:
    """How many strikes, and apart how many series: a series is never counted as a strike.

    Examples:
        >>> import idlibstrikes as isk
        >>> count_text(isk.load(sources="articles").strikes)
        '7 strikes, 4 series'
    """
    series = sum(s.is_series for s in strikes)
    events = len(strikes) - series
    counted = f"{events} strike{'' if events == 1 else 's'}"
    if not series:
        return counted
    return f"{counted}, {series} series" if events else f"{series} series"


def references_beside(facts: Sequence[ReferenceFact]) -> str:
    """Reference facts as a short note to print beside an article's value, labelled.

    Examples:
        >>> import idlibstrikes as isk
        >>> hts = isk.load(sources="articles").group("HTS")
        >>> references_beside([f for f in hts.references if f.field.endswith(".until")])
        'reference 2016-07-28, corrects the articles, high'
    """
    notes = []
    for f in facts:
        what = str(f.date) if f.date is not None else f.value
        corrects = ", corrects the articles" if f.corrects else ""
        notes.append(f"reference {what}{corrects}, {f.graded}")
    return "; ".join(notes)


def _beside(value: str, facts: Sequence[ReferenceFact]) -> str:
    note = references_beside(facts)
    return f"{value} [{note}]" if note else value


def _dated(
    summary: DateRange | None, claims: Sequence[DateClaim], facts: Sequence[ReferenceFact]
) -> str:
    """A summary date with the articles' own reading and the references beside it."""
    if not facts:
        return date_text(summary)
    articles = of_claims(claims)
    same = (
        articles is not None
        and summary is not None
        and (articles.earliest, articles.latest) == (summary.earliest, summary.latest)
    )
    own = "" if same else f" (articles: {date_text(articles) if articles else 'not stated'})"
    return f"{date_text(summary)}{own} [{references_beside(facts)}]"


def founded_text(g: Group) -> str:
    """When a group was founded, with the articles' own reading and any reference beside it.

    Examples:
        >>> import idlibstrikes as isk
        >>> print(founded_text(isk.load(sources="articles").group("Hurras al-Din")))
        ... # doctest: +NORMALIZE_WHITESPACE
        2018-02-27 (articles: 2018-02-01..2018-02-28)
        [reference 2018-02-27, high]
    """
    return _dated(g.founded, g.founding, [f for f in g.references if f.field == "founded"])


def ended_text(g: Group) -> str:
    """When a group ceased to exist, with any reference beside it.

    A reference alone does not end a group: the articles' value stays "-".

    Examples:
        >>> import idlibstrikes as isk
        >>> print(ended_text(isk.load(sources="articles").group("Hurras al-Din")))
        - (articles: not stated) [reference 2025-01-28, high]
    """
    return _dated(g.ended, g.ending, [f for f in g.references if f.field == "ended"])


def _bound(date: DateRange, word: str, by: str, after: str) -> str:
    """When a relation began or ended, as its source gives it."""
    if date.open_start and not date.open_end:
        text = f"{by} {date.latest.isoformat()}"
    elif date.open_end and not date.open_start:
        text = f"{after} {date.earliest.isoformat()}"
    else:
        text = f"{word} {date}"
    notes = [date.text] if date.text else []
    notes += ["disputed"] if date.disputed else []
    return f"{text} ({'; '.join(notes)})" if notes else text


def _period(a: Affiliation) -> str:
    """An affiliation's period as one source gives it, or "period unknown".

    Examples:
        >>> import idlibstrikes as isk
        >>> [_period(a) for a in isk.load(sources="articles").group("HTS").affiliations[:3]]
        ['until 2014-01-01..2014-12-31 (in 2014)', 'period unknown', 'ended by 2019-09-06 (former)']
    """
    parts = []
    if a.since is not None:
        parts.append(_bound(a.since, "since", "began by", "began on or after"))
    if a.until is not None:
        parts.append(_bound(a.until, "until", "ended by", "ended on or after"))
    return ", ".join(parts) or "period unknown"


def affiliation_items(group: Group) -> tuple[str, ...]:
    """A group's affiliations: one item per relation to another group.

    Each item gives the period each source gives, with the sources' article numbers, and
    the reference facts about that relation beside them, labelled.

    Examples:
        >>> import idlibstrikes as isk
        >>> for item in affiliation_items(isk.load(sources="articles").group("Hurras al-Din"))[:3]:
        ...     print(item)
        affiliate_of al-qaeda: period unknown [000,001]
        branch_of al-qaeda: period unknown [000]
        split_from hts: since 2018-01-01..2018-12-31 (in 2018) [000]
        >>> articles = isk.load(sources="articles")
        >>> print(affiliation_items(articles.group("HTS"))[0])  # doctest: +ELLIPSIS
        affiliate_of al-qaeda: until 2014-01-01..2014-12-31 (in 2014) [000], ... [reference
        2016-07-28, corrects the articles, high]
    """
    found: dict[tuple[str, str], dict[str, list[str]]] = {}
    for a in group.affiliations:
        periods = found.setdefault((a.relation.value, a.other.id), {})
        sources = periods.setdefault(_period(a), [])
        if a.source.short_id not in sources:
            sources.append(a.source.short_id)
    items = []
    for (relation, other), periods in found.items():
        text = f"{relation} {other}: " + ", ".join(
            f"{period} [{','.join(ids)}]" for period, ids in periods.items()
        )
        facts = [f for f in group.references if f.field.startswith(f"affiliations.{other}.")]
        # a fact about the relation with that group is printed beside its strongest claim:
        # the affiliate relation if there is one, else the first
        first = next(
            (r for (r, o) in found if o == other and r in ("affiliate_of", "branch_of")),
            next(r for (r, o) in found if o == other),
        )
        items.append(_beside(text, facts) if relation == first else text)
    return tuple(items)


def strike_date_text(s: Strike) -> str:
    """A single strike's date as listings give it, with the references beside it.

    Where a reference bears on the date, the articles' own reading shows too (where the
    summary differs from it) and the reference, labelled.

    Examples:
        >>> import idlibstrikes as isk
        >>> print(strike_date_text(isk.load(sources="articles").strike("2025-01-late-al-zabir")))
        2025-01-30 (articles: ..2025-01-31) [reference 2025-01-30, high]
        >>> articles = isk.load(sources="articles")
        >>> print(strike_date_text(articles.strike("2019-06-30-rif-al-muhandisin")))
        2019-06-30 [reference 2019-06-30, high]
        >>> strike_date_text(isk.load(sources="articles").strike("2019-08-31-kafranbel-shelling"))
        '2019-08-31'
    """
    return _dated(s.date, s.date_claims, [f for f in s.references if f.field == "date"])
