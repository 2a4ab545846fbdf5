"""How figures, dates and references are worded wherever a person reads them.

The command line, the notebook HTML, the strikes table's text cells and the docs pages
all word a casualty range, a summary date and a reference fact with these functions, so
that the same state reads the same everywhere ("6-8+ (disputed)", "no figures").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ._dates import DateRange
from ._models import Attribution, Ceasefire, CeasefireStatus, Group, ReferenceFact, Source, Strike

__all__ = [
    "attribution_text",
    "count_text",
    "date_text",
    "end_text",
    "figure_text",
    "perpetrators_text",
    "reference_text",
    "span_text",
    "status_text",
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
        >>> date_text(isk.load().strike("2017-03-al-jinah").date)
        '2017-03-16..2017-03-17 (disputed)'
        >>> date_text(isk.load().strike("2019-08-31-kafranbel-shelling").date, wording=True)
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
        >>> [fact] = [f for f in isk.load().references_for("2017-03-al-jinah") if f.field == "date"]
        >>> print(reference_text(fact))  # doctest: +ELLIPSIS
        reference, corrects, high: date 2017-03-16: Thursday 16 Mar 2017, ... (CENTCOM ...)
    """
    flags = ", corrects" if fact.corrects else ""
    date = f" {fact.date}" if fact.date is not None else ""
    cited = fact.source.headline or fact.source.outlet or fact.source.id
    return f"reference{flags}, {fact.confidence.value}: {fact.field}{date}: {fact.value} ({cited})"


def who_text(claimant: Group | None, source: Source | None) -> str:
    """Who gave a figure: the claimant, or the outlet speaking in its own voice.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load()
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
        >>> [end_text(c) for c in isk.load().ceasefires]
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
        >>> print(status_text(isk.load().ceasefire("2019-08-31-ceasefire")))
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
        >>> perpetrators_text(isk.load().strike("2019-idlib-offensive"))
        'Syrian government forces + Russian military'
    """
    who = " + ".join(g.name for g in s.perpetrators)
    return f"{who} (disputed)" if s.perpetrator_disputed else who


def attribution_text(a: Attribution) -> str:
    """One attribution as a line: its stance, the groups, who says so and where.

    Examples:
        >>> import idlibstrikes as isk
        >>> [a] = isk.load().strike("2019-06-30-rif-al-muhandisin").attributions[2:3]
        >>> attribution_text(a)
        'struck: US Central Command, per US Central Command [003]'
    """
    who = f", per {a.claimant.name}" if a.claimant else ""
    return f"{a.stance.value}: {', '.join(g.name for g in a.groups)}{who} [{a.source.short_id}]"


def count_text(strikes: Sequence[Strike]) -> str:
    """How many strikes, and apart how many series: a series is never counted as a strike.

    Examples:
        >>> import idlibstrikes as isk
        >>> count_text(isk.load().strikes)
        '7 strikes, 4 series'
    """
    series = sum(s.is_series for s in strikes)
    events = len(strikes) - series
    counted = f"{events} strike{'' if events == 1 else 's'}"
    return f"{counted}, {series} series" if series else counted
