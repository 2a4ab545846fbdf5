"""The ``show`` and ``cite`` commands: one record in full, or records as a citation.

Any record may be shown (a strike or series, ceasefire, group, development, person,
place, source or reference fact), by its id or name; an unknown one gets the closest ids.
Each claim is printed with who made it, the article and the quote, and the reference
facts beside them. ``cite`` names records the same way and prints ``isk.cite`` of them
(of the whole dataset when none is named).
"""

from __future__ import annotations

import argparse
import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._casualties import StrikeCasualties, counted_text, summarize
from ._cli_args import _data
from ._cli_text import _basis, _fit, _place, _width
from ._models import (
    Ceasefire,
    DateClaim,
    Development,
    Group,
    Outcome,
    Person,
    Place,
    ReferenceFact,
    Source,
    Strike,
    Victims,
)
from ._wording import (
    attribution_text,
    date_text,
    figure_text,
    perpetrators_text,
    reference_text,
    report_text,
    status_text,
    who_text,
    words_text,
)

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__ = ["_cite", "_show"]


def _quote(text: str) -> str:
    return "\u201c" + text + "\u201d"


def _words(claim: Any) -> str:
    """An article's claim in its quote marks; a report's list row and the report cited."""
    if claim.row is None:
        return _quote(claim.quote)
    return f"{words_text(claim)} ({report_text(claim.source)})"


def _show(args: argparse.Namespace) -> int:
    data = _data(args)
    print(_fit(_describe(_record(data, args.id), data), _width()))
    return 0


def _cite(args: argparse.Namespace) -> int:
    """``cite``: the dataset, or the records named, in a citation style."""
    import datetime as dt

    from ._cli_args import _UsageError
    from ._defaults import cite

    accessed = None
    if args.accessed is not None:
        try:
            accessed = dt.date.fromisoformat(args.accessed)
        except ValueError:
            raise _UsageError(
                f"--accessed takes a day as YYYY-MM-DD, not {args.accessed!r}"
            ) from None
    data = _data(args)
    records = list({id(r): r for r in (_record(data, name) for name in args.ids)}.values())
    obj: object = data if not records else records[0] if len(records) == 1 else tuple(records)
    print(cite(obj, args.style, data=data, accessed=accessed), end="")
    return 0


def _record(data: Dataset, name: str) -> Any:
    """The record an id or name names, of any kind; else the closest ids."""
    from ._errors import UnknownNameError

    facts = {f.id: f for f in data.references}
    suggestions: list[str] = []
    lookups = (
        data.strike,
        data.ceasefire,
        data.group,
        data.development,
        data.person,
        data.place,
        data.source,
    )
    for lookup in lookups:
        try:
            return lookup(name)
        except UnknownNameError as exc:
            suggestions += exc.suggestions
            continue
    if name in facts:
        return facts[name]
    # a strike by its reference lists' event id, as the listings print it ("R05: 4 reports")
    listed = [s for s in data.strikes if s.listed and s.listed.casefold() == name.casefold()]
    if len(listed) == 1:
        return listed[0]
    suggestions += [s.id for s in listed]  # several strikes one list id: say which
    ids = [s.id for s in data.strikes] + [c.id for c in data.ceasefires]
    ids += [d.id for d in data.developments] + list(facts)
    suggestions += difflib.get_close_matches(name, ids, n=3, cutoff=0.6)
    raise UnknownNameError(
        name,
        kind="strike, series, ceasefire, group, development, person, place, source or "
        "reference fact",
        suggestions=list(dict.fromkeys(suggestions))[:6],
    )


def _describe_other(record: Person | Place | Source | ReferenceFact, data: Dataset) -> list[str]:
    """``show`` for people, places, sources and reference facts."""
    if isinstance(record, Person):
        lines = [f"{record.id}: {record.name}", f"  also: {', '.join(record.aliases) or '-'}"]
        for r in record.roles:
            since = f" since {date_text(r.began)}" if r.began else ""
            until = f" until {r.until.date}" if r.until else ""
            lines.append(f"  {r.title}{since}{until} [{r.source.short_id}]: {_words(r)}")
            if r.since is not None and r.began != r.since.date:
                lines.append(f"    since per {r.since.source.short_id}: {r.since.date}")
            lines += _facts(
                [f for f in data.references_for(record.id) if f.field == f"roles.{r.title}.since"]
            )
        lines += [f"  {c.about} [{c.source.short_id}]: {_words(c)}" for c in record.citations]
        killed = [s.id for s in data.strikes if record in s.killed]
        if killed:
            lines.append(f"  reported killed in: {', '.join(killed)}")
        return lines
    if isinstance(record, Place):
        ref = record.reference
        lines = [f"{record.id}: {record.name} ({record.kind.value})"]
        lines.append(f"  governorate (article): {record.governorate or 'not stated'}")
        if record.near is not None:
            lines.append(f"  near: {record.near.name}")
        if ref is not None:
            point = ref.coordinates
            at = f"{point.latitude} N, {point.longitude} E" if point else "no point"
            lines.append(
                f"  reference {ref.source.id}: governorate {ref.governorate or '-'}, "
                f"district {ref.district or '-'}, {at}"
            )
        lines += [f"  {c.about} [{c.source.short_id}]: {_words(c)}" for c in record.citations]
        strikes = [s.id for s in data.strikes if s.place is record]
        if strikes:
            lines.append(f"  strikes here: {', '.join(strikes)}")
        return lines
    if isinstance(record, Source):
        from ._cite import cited_articles

        if record.is_reference:
            return [
                f"{record.id}: reference, {record.outlet or '-'}: {record.headline or '-'}",
                f"  note: {record.note or '-'}",
            ]
        (a,) = cited_articles(data, [record])
        return [
            f"{record.id} [{a.short_id}]: article",
            f"  outlet: {a.outlet or 'not known'} (from {a.outlet_from or '-'})",
            f"  headline: {a.headline or 'not printed'}"
            + (f" (from {a.headline_from})" if a.headline_from else ""),
            f"  published: {date_text(record.published, wording=True)}",
            f"  address: {a.address or 'not known'} (from {a.address_from or '-'})",
        ]
    return [
        f"{record.id}: reference fact about {record.subject} ({record.field})",
        f"  {record.value}",
        f"  source: {record.source.id}; confidence {record.graded}"
        + ("; corrects the article" if record.corrects else ""),
    ]


def _claims_of(claims: Sequence[DateClaim], label: str) -> list[str]:
    lines = []
    for d in claims:
        report = " (dates a report: the event is on or before it)" if d.report else ""
        lines.append(f"    {label} per {d.source.short_id}: {d.date}{report} {_words(d)}")
    return lines


def _facts(references: Sequence[ReferenceFact], *fields: str) -> list[str]:
    return [
        f"    {reference_text(f)}"
        for f in references
        if not fields or f.field in fields or any(f.field.endswith("." + x) for x in fields)
    ]


def _accounts_lines(one: StrikeCasualties) -> list[str]:
    lines = []
    for a in one.accounts:
        where = f" [{a.source.id}]" if a.source is not None else ""
        names = f": {', '.join(p.name for p in a.named)}" if a.named else ""
        lines.append(f"    per {a.who}{where}: {figure_text(a.low, a.high)}{_basis(a)}{names}")
    return lines


def _describe(record: object, data: Dataset) -> str:
    lines: list[str] = []
    if isinstance(record, Person | Place | Source | ReferenceFact):
        return "\n".join(_describe_other(record, data))
    if isinstance(record, Strike):
        s = record
        lines.append(f"{s.id}: {s.description}")
        if s.is_series:
            lines += [
                "  scope: series (strikes reported only as a whole; never summed with strikes)",
                f"  start: {date_text(s.start, wording=True)}",
                *_claims_of(s.start_claims, "start"),
                *_facts(s.references, "start"),
                f"  end: {date_text(s.end, wording=True)}",
                *_claims_of(s.end_claims, "end"),
                *_facts(s.references, "end"),
            ]
        else:
            lines += [
                f"  date: {date_text(s.date, wording=True)}",
                *_claims_of(s.date_claims, "date"),
                *_facts(s.references, "date", "time"),
            ]
        lines += [
            f"  place: {_place(s)}" + (f", near {s.place.near.name}" if s.place.near else ""),
            *_facts(s.references, "place"),
            f"  who struck: {perpetrators_text(s)}",
            *(f"    {attribution_text(a)}: {_words(a)}" for a in s.attributions),
            *(
                [f"  with the backing of: {', '.join(g.name for g in s.allies)}"]
                if s.allies
                else []
            ),
            f"  targets: {', '.join(t.name for t in s.targets) or '-'}",
        ]
        if s.killed:
            lines.append(f"  named dead: {', '.join(p.name for p in s.killed)}")
        for victims in (Victims.ALL, Victims.CIVILIANS, Victims.MILITANTS, Victims.COMMANDERS):
            one = summarize(s, victims, Outcome.KILLED)
            if victims is not Victims.ALL and not one.known:
                continue
            best = f"; best estimate {one.best}" if one.best is not None else ""
            lines.append(f"  deaths ({victims.value}): {counted_text(one)}{best}")
            lines += _accounts_lines(one)
        wounded = summarize(s, Victims.ALL, Outcome.WOUNDED)
        if wounded.known:
            lines.append(f"  wounded (all): {wounded}")
            lines += _accounts_lines(wounded)
        if s.claims:
            lines.append("  claims:")
        for c in s.claims:
            who = who_text(c.claimant, c.source)
            vague = " (vague)" if c.vague else ""
            to = f" to {c.counts_to}" if c.counts_to is not None else ""
            lines.append(
                f"    {figure_text(c.low, c.high)}{vague} {c.victims.value} {c.outcome.value}"
                f"{to}, per {who} [{c.source.short_id}]: {_words(c)}"
            )
        # the list rows a claim above names are printed with it; the others here
        parts: tuple[Any, ...] = (*s.date_claims, *s.attributions, *s.claims, *s.citations)
        used = {id(c.row) for c in parts if c.row is not None}
        rest = _facts(
            [
                f
                for f in s.references
                if f.field not in ("date", "time", "place") and id(f) not in used
            ]
        )
        if rest:
            lines += ["  other reference facts:", *rest]
        sources = s.sources
    elif isinstance(record, Ceasefire):
        cf = record
        lines += [
            f"{cf.id}: {cf.name} ({cf.kind.value})",
            f"  start: {date_text(cf.start, wording=True)}",
            *_claims_of(cf.start_claims, "start"),
            *_facts(cf.references, "start"),
            f"  end: {date_text(cf.end, wording=True) if cf.end else 'not known to have ended'}",
            *_claims_of(cf.end_claims, "end"),
            *_facts(cf.references, "end"),
        ]
        if cf.end is not None and cf.end.reasoning and not cf.end_reported:
            lines.append(f"    ({cf.end.reasoning})")
        lines.append(f"  status: {status_text(cf)}")
        lines += [
            f"  parties: {', '.join(g.name for g in cf.parties) or '-'}",
            f"  brokers: {', '.join(g.name for g in cf.brokers) or '-'}",
        ]
        sources = cf.sources
    elif isinstance(record, Development):
        d = record
        lines += [
            f"{d.id}: {d.description} ({d.kind.value})",
            f"  start: {date_text(d.start, wording=True)}",
            *_claims_of(d.start_claims, "start"),
            f"  end: {date_text(d.end, wording=True) if d.end else 'not stated'}",
            *_claims_of(d.end_claims, "end"),
            f"  by: {', '.join(g.name for g in d.actors) or 'not stated'}",
            f"  against: {', '.join(g.name for g in d.affected) or 'not stated'}",
            f"  place: {_place(d)}",
            *_facts(d.references),
        ]
        sources = d.sources
    else:
        assert isinstance(record, Group)
        g = record
        lines += [
            f"{g.id}: {g.name} ({g.kind.value})",
            f"  also: {', '.join(g.aliases) or '-'}",
            f"  founded: {date_text(g.founded, wording=True) if g.founded else 'not stated'}",
            *_claims_of(g.founding, "founded"),
            *_facts(g.references, "founded"),
        ]
        if g.ended is not None or g.ending:
            lines += [
                f"  ended: {date_text(g.ended, wording=True)}",
                *_claims_of(g.ending, "ended"),
            ]
        lines += _facts(g.references, "ended")
        lines.append(f"  leaders: {', '.join(p.name for p in g.leaders) or '-'}")
        for a in g.affiliations:
            when = f" since {a.since}" if a.since else ""
            when += f" until {a.until}" if a.until else ""
            lines.append(
                f"  {a.relation.value} {a.other.name}{when} [{a.source.short_id}]: {_words(a)}"
            )
        lines += _facts(g.references, "since", "until")
        for e in g.strength:
            who = e.claimant.name if e.claimant else "the outlet"
            approx = "about " if e.approximate else ""
            lines.append(
                f"  strength {approx}{e.count} {e.unit} as of {e.as_of}, per {who} "
                f"[{e.source.short_id}]: {_words(e)}"
            )
        sources = tuple({c.source.id: c.source for c in g.citations}.values())
    lines.append("  sources: " + (", ".join(src.label for src in sources) or "-"))
    return "\n".join(lines)
