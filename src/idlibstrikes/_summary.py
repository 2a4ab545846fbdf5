"""Summary dates: one rule for every date that stands for several claims.

A strike's date, a group's founding, a ceasefire's or a series' start and end, an
announcement's day and an affiliation's bounds each summarise several sources' claims
(and the cited reference facts beside them). The rule is the same everywhere:

* The summary is **what every reading allows**: the days common to all of them. A vaguer
  claim that agrees with a sharper one ("In March 2017" beside "On March 17, 2017") adds
  no uncertainty.
* Where readings conflict (no day satisfies them all), the summary spans **the most
  specific readings that conflict**: the hull of the intersections of the largest sets of
  readings that do agree. It is then marked ``disputed``. al-Jinah: 002's 17 March, the
  reference's 16 March and 003's March give 16-17 March 2017, disputed.

A claim that dates a *report* ("In late January, US Central Command said ...") bounds
the event from above only: the event is on or before the report.

Maintainer's note: for ranges on one line, the largest agreeing sets are the maximal
cliques of an interval graph, and the hull of their intersections has a closed form:
its start is the largest start among the ranges that start by the smallest end, and its
end the smallest end among those that end after the largest start. So the rule costs one
pass, which matters when 10^5 strikes load.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from ._checks import fields_repr
from ._context import last_held_day
from ._dates import DateRange
from ._models import (
    DateClaim,
    Group,
    ReferenceFact,
    Source,
)

__all__ = [
    "Reading",
    "bounded_end",
    "ceasefire_end",
    "combine",
    "held",
    "of_claims",
    "of_readings",
    "parties_end",
    "reading",
    "source_label",
]


@attrs.frozen(repr=False)
class Reading:
    """One claim's bound on a date: the days it allows, and how to name it in reasoning.

    Examples:
        >>> import datetime as dt
        >>> r = Reading(DateRange.day(dt.date(2017, 3, 16)), "reference ref-jinah-date")
        >>> r.label
        'reference ref-jinah-date'
    """

    __repr__ = fields_repr

    allows: DateRange
    label: str
    text: str = ""


def reading(date: DateRange, label: str, *, report: bool = False) -> Reading:
    """The reading of one claim; a report date allows any day up to its last.

    Examples:
        >>> import datetime as dt
        >>> r = reading(DateRange.parse("2017-03", text="In March 2017"), "003", report=True)
        >>> str(r.allows), r.text
        ('..2017-03-31', 'In March 2017')
    """
    if not report:
        return Reading(date, label, date.text)
    allows = DateRange(
        earliest=dt.date.min,
        latest=date.latest,
        text=date.text,
        reasoning=f"{date.text or date} dates a report of the event: the event is on or "
        f"before {date.latest}",
    )
    return Reading(allows, label, date.text)


def combine(readings: Sequence[Reading]) -> DateRange | None:
    """What several readings of one date allow together (see the module's rule).

    Returns ``None`` when there are no readings; the one reading itself when there is
    one; otherwise a new range whose ``text`` joins the claims' wordings and whose
    ``reasoning`` says how it was reached.

    Examples:
        >>> import datetime as dt
        >>> day = lambda d, label: Reading(DateRange.parse(d, text=d), label)
        >>> jinah = combine([day("2017-03-17", "002"), day("2017-03-16", "reference"),
        ...                  reading(DateRange.parse("2017-03"), "003", report=True)])
        >>> str(jinah), jinah.disputed
        ('2017-03-16..2017-03-17', True)
        >>> founded = combine([day("2018", "000"), day("2018-02", "001"), day("2018-02-27", "ref")])
        >>> str(founded), founded.disputed
        ('2018-02-27', False)
    """
    if not readings:
        return None
    if len(readings) == 1:
        return readings[0].allows
    ranges = [r.allows for r in readings]
    smallest_end = min(r.latest for r in ranges)
    largest_start = max(r.earliest for r in ranges)
    texts = "; ".join(dict.fromkeys(r.text for r in readings if r.text))
    named = "; ".join(f"{r.label} {r.allows}" for r in readings)
    if largest_start <= smallest_end:
        return DateRange(
            earliest=largest_start,
            latest=smallest_end,
            text=texts,
            reasoning=f"the days all {len(readings)} readings allow ({named})",
        )
    first = max(r.earliest for r in ranges if r.earliest <= smallest_end)
    last = min(r.latest for r in ranges if r.latest >= largest_start)
    return DateRange(
        earliest=first,
        latest=last,
        text=texts,
        reasoning=f"disputed: no day fits all {len(readings)} readings ({named}); the range "
        "spans the most specific readings that conflict",
        disputed=True,
    )


def of_claims(
    claims: Sequence[DateClaim],
    facts: Sequence[ReferenceFact] = (),
    extra: Sequence[Reading] = (),
) -> DateRange | None:
    """The summary of a date: what its claims and the reference facts about it allow.

    ``facts`` are the reference facts on this date (the caller picks them by subject and
    field). References narrow or dispute what the articles say; they never date a record
    on their own, so without claims there is no summary.

    Examples:
        >>> import idlibstrikes as isk
        >>> jinah = isk.load(sources="articles").strike("2017-03-al-jinah")
        >>> str(of_claims(jinah.date_claims)), str(of_claims(jinah.date_claims, jinah.references))
        ('2017-03-17', '2017-03-16..2017-03-17')
    """
    if len(claims) == 1 and not facts and not extra and not claims[0].report:
        return claims[0].date  # the common case, kept cheap for large loads
    readings = [reading(c.date, source_label(c.source.id), report=c.report) for c in claims]
    return of_readings(readings, facts, extra)


def of_readings(
    readings: Sequence[Reading],
    facts: Sequence[ReferenceFact] = (),
    extra: Sequence[Reading] = (),
) -> DateRange | None:
    """The summary of the articles' ``readings`` with the reference ``facts`` beside them.

    ``None`` without readings: a reference never dates a record on its own.

    Examples:
        >>> import datetime as dt
        >>> claim = Reading(DateRange.parse("2018-02", text="in February 2018"), "001")
        >>> str(of_readings([claim])), of_readings([]) is None
        ('2018-02-01..2018-02-28', True)
    """
    if not readings:
        return None
    # a reference's wording is not the articles': the summary's text keeps theirs only
    dated = [Reading(f.date, f"reference {f.id}") for f in facts if f.date is not None]
    return combine([*readings, *dated, *extra])


def source_label(source_id: str) -> str:
    """An article's number ("002" for 002_0d9037507fd83edc.txt), as the tables write it.

    Examples:
        >>> source_label("002_0d9037507fd83edc.txt"), source_label("ref-geonames")
        ('002', 'ref-geonames')
    """
    number, _, rest = source_id.partition("_")
    return number if number.isdigit() and rest.endswith(".txt") else source_id


def parties_end(parties: Sequence[Group]) -> Reading | None:
    """A ceasefire ends no later than the day one of its parties ceased to exist.

    A ceasefire binds its parties: it cannot outlive any of them.

    Examples:
        >>> import idlibstrikes as isk
        >>> print(parties_end([isk.load(sources="articles").group("Syrian government")]).allows)
        ..2024-12-08
    """
    ended = [p for p in parties if p.ended is not None]
    if not ended:
        return None
    first = min(ended, key=lambda p: p.ended.latest if p.ended else dt.date.max)
    assert first.ended is not None  # chosen among the parties that ended
    return Reading(
        DateRange(earliest=dt.date.min, latest=first.ended.latest),
        f"its party ({first.name}) had ceased to exist",
    )


def held(day: dt.date | None, sources: Sequence[Source]) -> Reading | None:
    """An end no earlier than ``day``, the last day a dated report shows a ceasefire holding.

    ``sources`` are the reports that may show it (named in the reasoning).

    Examples:
        >>> import datetime as dt
        >>> print(held(dt.date(2019, 9, 1), []).allows)
        2019-09-01..
    """
    if day is None:
        return None
    shown = [s.short_id for s in sources if s.published is not None and s.published.earliest == day]
    by = f" ({', '.join(shown)}, published then)" if shown else ""
    return Reading(
        DateRange(earliest=day, latest=dt.date.max),
        f"a dated report shows it holding on {day}{by}",
    )


def ceasefire_end(
    start: DateRange,
    claims: Sequence[DateClaim],
    facts: Sequence[ReferenceFact],
    parties: Sequence[Group],
    sources: Sequence[Source],
) -> DateRange | None:
    """A ceasefire's end: its claims and facts, after its last dated report, by its parties' end.

    The one rule the loader and hand-made records both follow: no later than the day its
    first party ceased to exist (`parties_end`), no earlier than the last day a dated
    report shows it holding (`Ceasefire.held_until`).

    Raises:
        ValueError: A party ceased to exist before it started.

    Examples:
        >>> import idlibstrikes as isk
        >>> c = isk.load(sources="articles").ceasefire("2019-08-31-ceasefire")
        >>> str(ceasefire_end(c.start, c.end_claims, (), c.parties, c.sources))
        '2019-09-01..2024-12-08'
    """
    holding = held(last_held_day(start, sources, claims), sources)
    return bounded_end(start, claims, facts, parties_end(parties), holding)


def bounded_end(
    start: DateRange,
    claims: Sequence[DateClaim],
    facts: Sequence[ReferenceFact],
    bound: Reading | None,
    holding: Reading | None = None,
) -> DateRange | None:
    """The summary of an end that ``bound`` may cut short (a ceasefire's parties' end).

    ``holding`` is the last day a report shows it holding (see `held`): the end is no
    earlier.

    Raises:
        ValueError: ``bound`` ends before ``start``: the record cannot have existed.

    Examples:
        >>> import idlibstrikes as isk
        >>> c = isk.load(sources="articles").ceasefire("2019-08-31-ceasefire")
        >>> str(bounded_end(c.start, c.end_claims, (), parties_end(c.parties)))
        '2019-09-01..2024-12-08'
    """
    end = of_claims(claims, facts)
    extra = [
        r
        for r in (bound, holding)
        if r is not None
        and (
            end is None
            or r.allows.latest < end.latest  # the bound cuts it short
            or r.allows.earliest > end.earliest  # a report shows it held later
        )
    ]
    if not extra:
        return end
    if end is not None:
        return of_claims(claims, facts, extra)
    if bound is not None and bound.allows.latest < start.earliest:
        raise ValueError(f"{bound.label} ({bound.allows.latest}) before it starts ({start})")
    first = holding.allows.earliest if holding is not None else start.earliest
    last = bound.allows.latest if bound is not None else dt.date.max
    if last < first:  # a report shows it holding after its party ceased to exist
        return combine(extra)
    why = ["no source reports its end"]
    if holding is not None:
        why.append(f"it ended on or after {first}, as {holding.label}")
    if bound is not None:
        why.append(f"it ended by {last}, when {bound.label}")
    return DateRange(earliest=first, latest=last, reasoning="; ".join(why))
