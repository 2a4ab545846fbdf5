"""Writing records back to the data file format, so users can produce files from code.

What is written loads back equal: every stored field is written, and the fields the
loader computes (summary dates such as a strike's ``date``, a series', ceasefire's or
development's ``start`` and ``end``, a group's ``founded`` and ``ended``; ``sources``,
``leaders``, ``references`` and ``announcements`` on records) are left for it to compute
again.
Relative dates are written resolved, as ranges, with their wording and reasoning.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ._dates import DateRange, span_text
from ._models import (
    Affiliation,
    Announcement,
    Attribution,
    CasualtyClaim,
    Ceasefire,
    Citation,
    DateClaim,
    Development,
    Figure,
    Group,
    Person,
    Place,
    ReferenceFact,
    Role,
    Source,
    StrengthEstimate,
    Strike,
)

__all__ = ["dump", "dumps", "to_document"]

_KIND = {
    Source: "sources",
    Place: "places",
    Person: "people",
    Group: "groups",
    Announcement: "announcements",
    Strike: "strikes",
    Ceasefire: "ceasefires",
    Development: "developments",
    Figure: "figures",
    ReferenceFact: "references",
}


def _drop_empty(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, "", [], ())}


def _date(r: DateRange) -> dict[str, Any]:
    out: dict[str, Any] = {"text": r.text or str(r)}
    if r.open_start or r.open_end:
        if not r.open_start:
            out["earliest"] = r.earliest.isoformat()
        if not r.open_end:
            out["latest"] = r.latest.isoformat()
        out["reasoning"] = r.reasoning or "no bound is known on the open side"
        return out
    out["span"] = span_text(r.earliest, r.latest)
    if r.reasoning:
        out["reasoning"] = r.reasoning
    return out


def _cite(c: Citation) -> dict[str, Any]:
    return {"about": c.about, "source": c.source.id, "quote": c.quote}


def _date_claim(c: DateClaim) -> dict[str, Any]:
    return _drop_empty(
        {
            "date": _date(c.date),
            "source": c.source.id,
            "quote": c.quote,
            "report": c.report or None,
            "note": c.note,
        }
    )


def _source(s: Source) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": s.id,
            "kind": s.kind.value,
            "article": s.article,
            "outlet": s.outlet,
            "outlet_quote": s.outlet_quote,
            "outlet_from": s.outlet_from.id if s.outlet_from else None,
            "headline": s.headline,
            "published": _date(s.published) if s.published else None,
            "published_from": s.published_from.id if s.published_from else None,
            "address": s.address,
            "note": s.note,
        }
    )


def _place(p: Place) -> dict[str, Any]:
    ref = p.reference
    reference = None
    if ref is not None:
        reference = _drop_empty(
            {
                "source": ref.source.id,
                "governorate": ref.governorate,
                "district": ref.district,
                "latitude": ref.coordinates.latitude if ref.coordinates else None,
                "longitude": ref.coordinates.longitude if ref.coordinates else None,
                "names": list(ref.names),
                "note": ref.note,
            }
        )
    return _drop_empty(
        {
            "id": p.id,
            "name": p.name,
            "kind": p.kind.value,
            "aliases": list(p.aliases),
            "governorate": p.governorate,
            "near": p.near.id if p.near else None,
            "citations": [_cite(c) for c in p.citations],
            "reference": reference,
            "note": p.note,
        }
    )


def _role(r: Role) -> dict[str, Any]:
    return _drop_empty(
        {
            "title": r.title,
            "group": r.group_id,
            "leads": r.leads or None,
            "source": r.source.id,
            "quote": r.quote,
            "since": _date_claim(r.since) if r.since else None,
            "until": _date_claim(r.until) if r.until else None,
            "counts_as": r.counts_as.value if r.counts_as else None,
            "note": r.note,
        }
    )


def _person(p: Person) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": p.id,
            "name": p.name,
            "aliases": list(p.aliases),
            "citations": [_cite(c) for c in p.citations],
            "roles": [_role(r) for r in p.roles],
            "note": p.note,
        }
    )


def _strength(e: StrengthEstimate) -> dict[str, Any]:
    return _drop_empty(
        {
            "count": e.count,
            "approximate": e.approximate or None,
            "unit": e.unit,
            "as_of": _date(e.as_of),
            "claimant": e.claimant.id if e.claimant else None,
            "source": e.source.id,
            "quote": e.quote,
            "note": e.note,
        }
    )


def _affiliation(a: Affiliation) -> dict[str, Any]:
    return _drop_empty(
        {
            "other": a.other.id,
            "relation": a.relation.value,
            "claimant": a.claimant.id if a.claimant else None,
            "source": a.source.id,
            "quote": a.quote,
            "since": _date(a.since) if a.since else None,
            "until": _date(a.until) if a.until else None,
            "note": a.note,
        }
    )


def _group(g: Group) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": g.id,
            "name": g.name,
            "kind": g.kind.value,
            "aliases": list(g.aliases),
            "citations": [_cite(c) for c in g.citations],
            "founding": [_date_claim(c) for c in g.founding],
            "ending": [_date_claim(c) for c in g.ending],
            "strength": [_strength(e) for e in g.strength],
            "affiliations": [_affiliation(a) for a in g.affiliations],
            "note": g.note,
        }
    )


def _claim(c: CasualtyClaim) -> dict[str, Any]:
    out = {
        "victims": c.victims.value,
        "outcome": c.outcome.value,
        "low": c.low,
        "high": c.high,
        "claimant": c.claimant.id if c.claimant else None,
        "source": c.source.id,
        "quote": c.quote,
        "vague": c.vague or None,
        "within": [v.value for v in c.within],
        "counts_to": _date(c.counts_to) if c.counts_to else None,
        "note": c.note,
    }
    # "high": null is meaningful (no upper bound), so it is kept even when empty
    return {k: v for k, v in out.items() if k == "high" or v not in (None, "", [])}


def _ids(records: Iterable[Any]) -> list[str]:
    return [r.id for r in records]


def _attribution(a: Attribution) -> dict[str, Any]:
    out = {
        "groups": _ids(a.groups),
        "stance": a.stance.value,
        "claimant": a.claimant.id if a.claimant else None,
        "source": a.source.id,
        "quote": a.quote,
        "note": a.note,
    }
    return {k: v for k, v in out.items() if v not in (None, "")}


def _strike(s: Strike) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": s.id,
            "scope": s.scope.value,
            "kind": s.kind.value,
            "description": s.description,
            "date_claims": [_date_claim(c) for c in s.date_claims],
            "start_claims": [_date_claim(c) for c in s.start_claims],
            "end_claims": [_date_claim(c) for c in s.end_claims],
            "place": s.place.id,
            "perpetrator": s.perpetrator.id,
            "attributions": [_attribution(a) for a in s.attributions],
            "allies": _ids(s.allies),
            "targets": _ids(s.targets),
            "killed": _ids(s.killed),
            "claims": [_claim(c) for c in s.claims],
            "citations": [_cite(c) for c in s.citations],
            "note": s.note,
        }
    )


def _ceasefire(c: Ceasefire) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": c.id,
            "name": c.name,
            "kind": c.kind.value,
            "start_claims": [_date_claim(x) for x in c.start_claims],
            "end_claims": [_date_claim(x) for x in c.end_claims],
            "parties": _ids(c.parties),
            "brokers": _ids(c.brokers),
            "citations": [_cite(x) for x in c.citations],
            "note": c.note,
        }
    )


def _announcement(a: Announcement) -> dict[str, Any]:
    head = {
        "id": a.id,
        "announcer": a.announcer.id if a.announcer else None,
        "about": a.about,
        "summary": a.summary,
    }
    if len(a.reports) == 1 and not a.reports[0].report and not a.reports[0].note:
        # the compact form of a statement only one source reports
        [r] = a.reports
        reported: dict[str, Any] = {
            "date": _date(r.date),
            "source": r.source.id,
            "quote": r.quote,
        }
    else:
        reported = {"reports": [_date_claim(r) for r in a.reports]}
    return _drop_empty({**head, **reported, "note": a.note})


def _development(d: Development) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": d.id,
            "kind": d.kind.value,
            "description": d.description,
            "start_claims": [_date_claim(x) for x in d.start_claims],
            "end_claims": [_date_claim(x) for x in d.end_claims],
            "actors": _ids(d.actors),
            "affected": _ids(d.affected),
            "place": d.place.id if d.place else None,
            "citations": [_cite(x) for x in d.citations],
            "note": d.note,
        }
    )


def _figure(f: Figure) -> dict[str, Any]:
    out = {
        "id": f.id,
        "measure": f.measure,
        "subject": f.subject,
        "low": f.low,
        "high": f.high,
        "unit": f.unit,
        "approximate": f.approximate or None,
        "period": _date(f.period) if f.period else None,
        "place": f.place.id if f.place else None,
        "claimant": f.claimant.id if f.claimant else None,
        "source": f.source.id,
        "quote": f.quote,
        "note": f.note,
    }
    return {k: v for k, v in out.items() if k == "high" or v not in (None, "")}


def _reference(r: ReferenceFact) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": r.id,
            "subject": r.subject,
            "field": r.field,
            "value": r.value,
            "date": _date(r.date) if r.date else None,
            "corrects": r.corrects or None,
            "confidence": r.confidence.value,
            "source": r.source.id,
            "place": r.place.id if r.place else None,
            "note": r.note,
        }
    )


_WRITERS: dict[str, Any] = {
    "sources": _source,
    "places": _place,
    "people": _person,
    "groups": _group,
    "announcements": _announcement,
    "strikes": _strike,
    "ceasefires": _ceasefire,
    "developments": _development,
    "figures": _figure,
    "references": _reference,
}


def to_document(records: Any) -> dict[str, Any]:
    """The data-file document (a dict ready for JSON) for a dataset or some records.

    Args:
        records: A [`Dataset`][idlibstrikes.Dataset], or records of any kinds. Records may
            refer to records not given (bundled ids, say): only their ids are written.

    Raises:
        TypeError: Something that is not a dataset or a record was given.

    Examples:
        >>> import idlibstrikes as isk
        >>> doc = to_document([isk.load().strike("2025-02-15-urum-al-jawz")])
        >>> sorted(doc), doc["strikes"][0]["date_claims"][0]["date"]["span"]
        (['idlibstrikes', 'strikes'], '2025-02-15')
    """
    doc: dict[str, Any] = {"idlibstrikes": 1}
    # a dataset: every kind of record, by kind (the dataset's layer is above this one)
    if all(hasattr(records, kind) for kind in _WRITERS):
        for kind, writer in _WRITERS.items():
            items = getattr(records, kind)
            if items:
                doc[kind] = [writer(r) for r in items]
        return doc
    grouped: dict[str, list[Any]] = {}
    for record in records:
        found = _KIND.get(type(record))
        if found is None:
            raise TypeError(
                f"cannot write {type(record).__name__}: give a Dataset or records "
                f"({', '.join(t.__name__ for t in _KIND)})"
            )
        grouped.setdefault(found, []).append(_WRITERS[found](record))
    for kind in _WRITERS:  # the canonical order of kinds
        if kind in grouped:
            doc[kind] = grouped[kind]
    return doc


def dumps(records: Any) -> str:
    """The data file text (JSON, two-space indents) for a dataset or some records.

    Examples:
        >>> import idlibstrikes as isk
        >>> text = dumps([isk.load().group("Hurras al-Din")])
        >>> text.splitlines()[:3]
        ['{', '  "idlibstrikes": 1,', '  "groups": [']
    """
    import json  # here, not at the top: importing idlibstrikes stays cheap

    return json.dumps(to_document(records), ensure_ascii=False, indent=2) + "\n"


def dump(records: Any, path: str | os.PathLike[str]) -> Path:
    """Write a dataset or some records to a data file; returns its path.

    Examples:
        >>> import idlibstrikes as isk, tempfile, pathlib
        >>> out = dump(isk.load(), pathlib.Path(tempfile.mkdtemp()) / "all.json")
        >>> isk.load(out, bundled=False) == isk.load()
        True
    """
    target = Path(path)
    target.write_text(dumps(records), encoding="utf-8")
    return target
