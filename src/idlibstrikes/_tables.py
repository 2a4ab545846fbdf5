"""The analysts' tables' rows: one plain dict per record, in its table's column order.

The tables are views: one row per record, shaped like ACLED and UCDP GED, with figures
summarised and claims counted. Their columns (names, types, meanings, and the
conventions their cells follow) are described in ``_view_columns``; here each record
becomes a row, and the rows a list of dicts, a `Table` or a pandas DataFrame.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ._casualties import summarize
from ._dates import DateRange
from ._models import (
    CasualtyClaim,
    Ceasefire,
    Group,
    Outcome,
    Place,
    ReferenceFact,
    Source,
    Strike,
    Victims,
)
from ._view_columns import (
    EVENT_DATES,
    KINDS,
    SEPARATOR,
    Column,
    Kind,
    columns,
    toll_name,
    view_fields,
)
from ._wording import provenance, status_text

if TYPE_CHECKING:
    from ._cite import CitedArticle
    from ._dataset import Dataset
    from ._table import Table

__all__ = ["KINDS", "SEPARATOR", "Column", "Kind", "columns", "to_dataframe", "to_records"]

Row = dict[str, Any]


# -- cells -------------------------------------------------------------------------------


def _day(day: dt.date) -> dt.date | None:
    # date.min / date.max stand for "no bound known"; a table shows that as missing.
    return None if day in (dt.date.min, dt.date.max) else day


def _range(r: DateRange | None) -> tuple[dt.date | None, dt.date | None, str | None]:
    if r is None:
        return None, None, None
    return _day(r.earliest), _day(r.latest), r.text or None


def _period(start: DateRange | None, end: DateRange | None) -> Row:
    """The start and end columns of a record with a period (a ceasefire, a series)."""
    (start_earliest, start_latest, start_text), (end_earliest, end_latest, end_text) = (
        _range(start),
        _range(end),
    )
    return {
        "start_earliest": start_earliest,
        "start_latest": start_latest,
        "start_text": start_text,
        "end_earliest": end_earliest,
        "end_latest": end_latest,
        "end_text": end_text,
    }


def _names(groups: Iterable[Group]) -> tuple[str, ...]:
    return tuple(g.name for g in groups)


def _ids(records: Iterable[Any]) -> tuple[str, ...]:
    return tuple(r.id for r in records)


def _figures(strike: Strike, label: str, victims: Victims, outcome: Outcome) -> Row:
    one = summarize(strike, victims, outcome)
    return {
        f"{label}_low": one.low,
        f"{label}_high": one.high,
        f"{label}_open_ended": one.open_ended if one.known else None,
    }


_VICTIM_COLUMNS = (
    ("civilian_deaths", Victims.CIVILIANS),
    ("militant_deaths", Victims.MILITANTS),
    ("commander_deaths", Victims.COMMANDERS),
    ("child_deaths", Victims.CHILDREN),
)


def _admin1(s: Strike) -> tuple[str | None, str | None]:
    """The governorate: the article's, else a reference's, and the source that gives it.

    The source is always a source's id: the article that names the governorate, or the
    reference that gives it (the place's, or that of the place a reference puts the strike
    at: "near Batabo").
    """
    place, ref = s.place, s.place.reference
    if place.governorate is not None:
        cited = [c for c in place.citations if c.about == "governorate"]
        return place.governorate, cited[0].source.id if cited else None
    if ref is not None and ref.governorate is not None:
        return ref.governorate, ref.source.id
    for fact in s.references:  # the place a reference puts the strike at ("near Batabo")
        at = fact.place.reference if fact.place is not None else None
        if at is not None and at.governorate is not None:
            return at.governorate, at.source.id
    return None, None


def _strike_row(s: Strike, gazetteer: Sequence[Place] | None = None) -> Row:
    from ._geo import place as locate

    place, ref = s.place, s.place.reference
    admin1, admin1_source = _admin1(s)
    where = locate(s, gazetteer)
    deaths = summarize(s, Victims.ALL, Outcome.KILLED)
    detail: Row = {}
    for label, victims in _VICTIM_COLUMNS:
        detail.update(_figures(s, label, victims, Outcome.KILLED))
    return {
        "id": s.id,
        "scope": s.scope.value,
        "kind": s.kind.value,
        "description": s.description,
        "event_date": _day(s.date.earliest),
        "date_end": _day(s.date.latest),
        "date_precision": s.date.precision.value,
        "date_text": s.date.text or None,
        "date_disputed": s.date.disputed,
        "admin1": admin1,
        "admin1_source": admin1_source,
        "admin2": ref.district if ref is not None else None,
        "location": place.name,
        "location_id": place.id,
        "location_kind": place.kind.value,
        "latitude": where.latitude,
        "longitude": where.longitude,
        "geo_precision": where.precision,
        "location_basis": where.basis,
        "geo_radius_m": where.radius_m,
        "geo_source": where.geo_source,
        "actor1": s.perpetrator.name,
        "actor1_id": s.perpetrator.id,
        "perpetrators": _names(s.perpetrators),
        "perpetrator_ids": _ids(s.perpetrators),
        "perpetrator_disputed": s.perpetrator_disputed,
        "attributed_ids": _ids(s.attributed),
        "assoc_actor_1": _names(s.allies),
        "actor2": _names(s.targets),
        "actor2_ids": _ids(s.targets),
        "deaths_low": deaths.low,
        "deaths_high": deaths.high,
        "deaths_open_ended": deaths.open_ended if deaths.known else None,
        "deaths_best": deaths.best,
        "deaths_disputed": deaths.disputed if deaths.known else None,
        "deaths_counted_to": _day(deaths.counted_to.latest) if deaths.counted_to else None,
        **detail,
        **_figures(s, "wounded", Victims.ALL, Outcome.WOUNDED),
        "killed_named": tuple(p.name for p in s.killed),
        "number_of_claims": len(s.claims),
        "number_of_sources": len(s.sources),
        "sources": _ids(s.sources),
        "outlets": tuple(src.label for src in s.sources),
        "references": _ids(s.references),
        "listed": s.listed or None,
        "confidence": s.confidence.value if s.confidence is not None else None,
    }


def _claim_row(s: Strike, i: int, c: CasualtyClaim) -> Row:
    return {
        "claim_id": f"{s.id}#{i}",
        "strike_id": None if s.is_series else s.id,
        "series_id": s.id if s.is_series else None,
        "scope": s.scope.value,
        "victims": c.victims.value,
        "outcome": c.outcome.value,
        "low": c.low,
        "high": c.high,
        "open_ended": c.high is None,
        "claimant": c.claimant.name if c.claimant else None,
        "claimant_id": c.claimant.id if c.claimant else None,
        "source": c.source.id,
        "source_short_id": c.source.short_id,
        "outlet": c.source.outlet,
        "provenance": provenance(c),
        "quote": c.quote or None,
        "fact": c.row.value if c.row is not None else None,
        "row": c.row.id if c.row is not None else None,
        "confidence": c.row.confidence.value if c.row is not None and c.row.confidence else None,
        "vague": c.vague,
        "within": tuple(v.value for v in c.within),
        "counts_to": _day(c.counts_to.latest) if c.counts_to else None,
        "note": c.note or None,
    }


def _group_sources(g: Group) -> tuple[Source, ...]:
    found: dict[str, Source] = {}
    cited: list[Source] = [c.source for c in g.citations]
    cited += [c.source for c in g.founding]
    cited += [e.source for e in g.strength]
    cited += [a.source for a in g.affiliations]
    for source in cited:
        if not source.is_reference:
            found.setdefault(source.id, source)
    return tuple(sorted(found.values(), key=lambda s: s.id))


def _group_row(g: Group) -> Row:
    founded, ended = _range(g.founded), _range(g.ended)
    counts = [e.count for e in g.strength]
    sources = _group_sources(g)
    return {
        "id": g.id,
        "name": g.name,
        "kind": g.kind.value,
        "aliases": g.aliases,
        "founded_earliest": founded[0],
        "founded_latest": founded[1],
        "founded_text": founded[2],
        "founded_disputed": g.founded.disputed if g.founded else None,
        "ended_earliest": ended[0],
        "ended_latest": ended[1],
        "ended_disputed": g.ended.disputed if g.ended else None,
        "leaders": tuple(p.name for p in g.leaders),
        "affiliations": tuple(f"{a.relation.value}:{a.other.id}" for a in g.affiliations),
        "strength_low": min(counts, default=None),
        "strength_high": max(counts, default=None),
        "number_of_sources": len(sources),
        "sources": _ids(sources),
        "references": _ids(g.references),
    }


def _ceasefire_row(c: Ceasefire) -> Row:
    return {
        "id": c.id,
        "name": c.name,
        "kind": c.kind.value,
        **_period(c.start, c.end),
        "held_until": c.held_until,
        "reported_until": c.reported_until,
        "status": status_text(c),
        "parties": _names(c.parties),
        "brokers": _names(c.brokers),
        "number_of_sources": len(c.sources),
        "sources": _ids(c.sources),
        "references": _ids(c.references),
    }


def _source_row(s: Source, articles: Mapping[str, CitedArticle] | None = None) -> Row:
    published = _range(s.published)
    cited = articles.get(s.id) if articles is not None else None
    outlet_from = s.outlet_from.id if s.outlet_from else "article" if s.outlet else None
    address_from = "article" if s.address else None
    if cited is not None:
        address_from = "article" if cited.address_from == "the article" else cited.address_from
    return {
        "id": s.id,
        "short_id": s.short_id,
        "kind": s.kind.value,
        "article": s.article,
        "outlet": s.outlet,
        "outlet_from": outlet_from,
        "headline": s.headline,
        "published_earliest": published[0],
        "published_latest": published[1],
        "published_text": published[2],
        "published_from": s.published_from.id if s.published_from else None,
        "address": cited.address if cited is not None else s.address,
        "address_from": address_from,
    }


def _reference_row(f: ReferenceFact) -> Row:
    date = _range(f.date)
    return {
        "id": f.id,
        "subject": f.subject,
        "field": f.field,
        "value": f.value,
        "date_earliest": date[0],
        "date_latest": date[1],
        "corrects": f.corrects,
        "confidence": f.confidence.value if f.confidence else None,
        "place_id": f.place.id if f.place else None,
        "source": f.source.id,
        "note": f.note or None,
    }


def cited_by_id(data: Dataset | None) -> dict[str, CitedArticle] | None:
    """Each article's outlet and address, the reference layer's where it lacks them."""
    if data is None:
        return None
    from ._cite import cited_articles

    return {a.source.id: a for a in cited_articles(data, data.sources)}


def _gazetteer(data: Dataset | None) -> list[Place] | None:
    from ._geo import gazetteer

    return None if data is None else gazetteer(data.places)


def _series_row(s: Strike, row: Row) -> Row:
    """A series' row of the series table, from the row `_strike_row` made of it."""
    out: Row = {}
    for key, value in row.items():
        if key == "event_date":
            out |= _period(s.start, s.end)
        elif key not in EVENT_DATES:
            out[toll_name(key)] = value
    return out


def strike_records(
    strikes: Iterable[Strike], data: Dataset | None = None, kind: str = "strikes"
) -> list[Row]:
    """The rows of the strikes (or the series) table for any strikes (a query's result).

    ``kind`` ``strikes`` takes the single strikes among ``strikes``, ``series`` the series:
    each table holds its own records only. ``data`` gives the places whose points may
    stand for a district or governorate.
    """
    gazetteer = _gazetteer(data)
    series = kind == "series"
    rows = []
    for s in strikes:
        if s.is_series is not series:
            continue
        row = _strike_row(s, gazetteer)
        if series:
            rows.append(_series_row(s, row))
        else:
            del row["deaths_counted_to"]
            rows.append(row)
    return rows


def rows_of(kind: str, records: Iterable[Any], data: Dataset | None = None) -> list[Row]:
    """A view's rows for some of its records (a query's result): strikes, series, ceasefires."""
    if kind in ("strikes", "series"):
        return strike_records(records, data, kind)
    return list(map(_ceasefire_row, records))


def _rows(data: Dataset, kind: str) -> Iterable[Row]:
    articles = cited_by_id(data) if kind == "sources" else None
    makers: dict[str, Callable[[], Iterable[Row]]] = {
        "strikes": lambda: strike_records(data.strikes, data),
        "series": lambda: strike_records(data.strikes, data, "series"),
        "claims": lambda: (
            _claim_row(s, i, c) for s in data.strikes for i, c in enumerate(s.claims)
        ),
        "groups": lambda: map(_group_row, data.groups),
        "ceasefires": lambda: map(_ceasefire_row, data.ceasefires),
        "sources": lambda: (_source_row(s, articles) for s in data.sources),
        "references": lambda: map(_reference_row, data.references),
    }
    columns(kind)  # an unknown kind raises here, with suggestions
    return makers[kind]()


def to_records(data: Dataset, kind: str = "strikes") -> list[Row]:
    """One plain dict per record, keys in column order (see [`columns`][idlibstrikes.columns]).

    Args:
        data: The dataset.
        kind: ``strikes``, ``claims``, ``groups``, ``ceasefires`` or ``sources``.

    Raises:
        UnknownNameError: An unknown table.

    Examples:
        >>> import idlibstrikes as isk
        >>> row = to_records(isk.load(sources="articles"))[1]
        >>> row["event_date"], row["location"], row["admin1"]
        (datetime.date(2019, 6, 30), 'Rif Al-Muhandiseen', 'Aleppo')
        >>> row["actor2"]
        ('al-Qaeda in Syria', 'Hurras al-Din')
        >>> row["deaths_low"], row["deaths_high"], row["deaths_open_ended"], row["deaths_disputed"]
        (6, 8, True, True)
    """
    return list(_rows(data, kind))


def to_table(data: Dataset, kind: str = "strikes") -> Table:
    """One view as a [`Table`][idlibstrikes.Table] (typed for Arrow, Polars and pandas)."""
    from ._relational import metadata
    from ._table import Table

    rows = to_records(data, kind)
    return Table(
        kind, view_fields(kind), rows, {**metadata(data, "view"), "idlibstrikes.table": kind}
    )


def to_dataframe(data: Dataset, kind: str = "strikes") -> Any:
    """The table as a pandas DataFrame (needs the ``[pandas]`` extra).

    Text is the pandas 3 string dtype, vocabularies categoricals, counts nullable
    ``Int32`` (missing: ``<NA>``, never 0), flags nullable ``boolean``, dates
    ``datetime64[s]``; a multi-value cell holds a tuple (``DataFrame.explode`` splits it).

    Args:
        data: The dataset.
        kind: ``strikes``, ``claims``, ``groups``, ``ceasefires`` or ``sources``.

    Raises:
        ImportError: pandas is not installed.
        UnknownNameError: An unknown table.

    Examples:
        >>> import idlibstrikes as isk
        >>> df = to_dataframe(isk.load(sources="articles"), "claims")
        >>> df.groupby("source")["claim_id"].count().to_dict()["002_0d9037507fd83edc.txt"]
        4
    """
    return to_table(data, kind).to_dataframe()
