"""Tabular views: one row per record, with columns named like event datasets'.

Every table is described once, here, by its ``Column`` list; the CSV header, the
Frictionless Table Schema, the pandas dtypes and the codebook's column tables are all
made from it, so they cannot drift apart.

Conventions (documented in the codebook):

* A cell with several values (``actor2``, ``sources`` ...) is a tuple of text in
  `to_records` and in DataFrames, and is joined with `SEPARATOR` in CSV.
* A missing value is ``None`` (an empty CSV cell). An unknown date bound is missing,
  never a made-up day.
* Strike columns follow ACLED and UCDP GED where they mean the same thing: ``event_date``
  is the earliest possible day, ``date_end`` the latest; ``actor1`` is the perpetrator and
  ``actor2`` the targets; ``admin1`` the governorate.
* Death figures follow the casualty policy: ``deaths_low`` is the smallest figure any
  source gives for all victims, ``deaths_high`` the largest ("at least N" gives N) and
  ``deaths_open_ended`` says some source gave only a lower bound.
* ``admin2``, ``latitude`` and ``longitude`` come only from cited references (the
  articles give none); ``geo_source`` names the reference. ``admin1`` is the article's
  governorate where it names one, else the reference's; ``admin1_source`` says which.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._casualties import for_strike
from ._dates import DateRange
from ._errors import UnknownNameError
from ._models import (
    CasualtyClaim,
    Ceasefire,
    Group,
    Outcome,
    PlaceKind,
    Source,
    Strike,
    Victims,
)

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__ = ["KINDS", "SEPARATOR", "Column", "Kind", "columns", "to_dataframe", "to_records"]

#: Joins the values of a multi-value cell in CSV ("Hurras al-Din; Ansar al-Tawhid").
SEPARATOR = "; "

Kind = Literal["strikes", "claims", "groups", "ceasefires", "sources"]
#: The tables, in the order exports write them.
KINDS: tuple[Kind, ...] = ("strikes", "claims", "groups", "ceasefires", "sources")

Type = Literal["string", "integer", "number", "boolean", "date"]
Row = dict[str, Any]


@attrs.frozen(kw_only=True)
class Column:
    """One column of a table: its name, type and meaning.

    Attributes:
        name: The column's name.
        type: A Table Schema type: ``string``, ``integer``, ``number``, ``boolean``, ``date``.
        description: What a value means, and where it comes from.
        multiple: Whether a cell holds several values (a tuple; joined with ``"; "`` in CSV).
        required: Whether every row has a value.

    Examples:
        >>> import idlibstrikes as isk
        >>> col = isk.columns("strikes")[0]
        >>> col.name, col.type, col.required
        ('id', 'string', True)
    """

    name: str
    type: Type
    description: str
    multiple: bool = False
    required: bool = False


def _c(name: str, type: Type, description: str, **kw: bool) -> Column:
    return Column(name=name, type=type, description=description, **kw)


_STRIKES = (
    _c("id", "string", "The strike's id.", required=True),
    _c(
        "scope",
        "string",
        "'event' (one strike) or 'series' (strikes reported as one).",
        required=True,
    ),
    _c("kind", "string", "air, missile, drone, artillery or unknown.", required=True),
    _c("description", "string", "A one-line description.", required=True),
    _c("event_date", "date", "Earliest possible day (ACLED event_date, UCDP date_start)."),
    _c("date_end", "date", "Latest possible day (UCDP date_end); equals event_date when exact."),
    _c(
        "date_precision",
        "integer",
        "1 a known day, 2 within 2-7 days, 3 within a month, 4 within a year, 5 wider.",
        required=True,
    ),
    _c("date_text", "string", "The sources' own wording of the date."),
    _c("admin1", "string", "Governorate: the article's where stated, else a reference's."),
    _c("admin1_source", "string", "'article', or the id of the reference that gives admin1."),
    _c("admin2", "string", "District, from a cited reference only (geo_source)."),
    _c("location", "string", "The place's name as an article prints it.", required=True),
    _c("location_id", "string", "The place's id (see the places in the dataset).", required=True),
    _c(
        "location_kind",
        "string",
        "village, town, city, suburb, site, district, region ...",
        required=True,
    ),
    _c(
        "latitude",
        "number",
        "WGS 84 latitude from a cited reference; empty when none gives a point.",
    ),
    _c(
        "longitude",
        "number",
        "WGS 84 longitude from a cited reference; empty when none gives a point.",
    ),
    _c(
        "geo_precision",
        "integer",
        "As ACLED: 1 the place itself (site, village, town, suburb, city), 2 a district, "
        "3 a larger area (governorate, region, country).",
        required=True,
    ),
    _c("geo_source", "string", "The reference that gives admin2 or the point, if any."),
    _c("actor1", "string", "The perpetrator's name.", required=True),
    _c("actor1_id", "string", "The perpetrator's group id.", required=True),
    _c("assoc_actor_1", "string", "Names of groups acting with the perpetrator.", multiple=True),
    _c("actor2", "string", "Names of the targeted groups.", multiple=True),
    _c("actor2_ids", "string", "Ids of the targeted groups.", multiple=True),
    _c("deaths_low", "integer", "Smallest death toll (all victims) any source gives."),
    _c(
        "deaths_high",
        "integer",
        "Largest death toll (all victims) any source gives ('at least N' gives N).",
    ),
    _c("deaths_open_ended", "boolean", "Some source gave only a lower bound ('at least')."),
    _c("civilian_deaths_low", "integer", "Smallest civilian death toll any source gives."),
    _c("civilian_deaths_high", "integer", "Largest civilian death toll any source gives."),
    _c("civilian_deaths_open_ended", "boolean", "Some civilian figure is only a lower bound."),
    _c("wounded_low", "integer", "Smallest number of wounded (all victims) any source gives."),
    _c("wounded_high", "integer", "Largest number of wounded any source gives."),
    _c("killed_named", "string", "Names of the people reported killed.", multiple=True),
    _c(
        "number_of_claims",
        "integer",
        "Casualty claims about the strike (see the claims table).",
        required=True,
    ),
    _c("number_of_sources", "integer", "Articles reporting the strike.", required=True),
    _c(
        "sources", "string", "Ids (file names) of the articles reporting the strike.", multiple=True
    ),
)

_CLAIMS = (
    _c(
        "claim_id",
        "string",
        "'<strike id>#<n>': the strike and the claim's position.",
        required=True,
    ),
    _c("strike_id", "string", "The strike the figure is about.", required=True),
    _c("victims", "string", "all, civilians, militants, commanders or children.", required=True),
    _c("outcome", "string", "killed or wounded.", required=True),
    _c("low", "integer", "The figure, or its lower bound.", required=True),
    _c("high", "integer", "The upper bound; empty when the source states none ('at least')."),
    _c("open_ended", "boolean", "True when the source gives only a lower bound.", required=True),
    _c(
        "claimant",
        "string",
        "Who gave the figure, as the article attributes it; empty: the outlet.",
    ),
    _c("claimant_id", "string", "The claimant's group id."),
    _c("source", "string", "The article's id (file name).", required=True),
    _c("quote", "string", "The article's words stating the figure.", required=True),
    _c("note", "string", "A coding note."),
)

_GROUPS = (
    _c("id", "string", "The group's id.", required=True),
    _c("name", "string", "The group's name.", required=True),
    _c(
        "kind",
        "string",
        "militant, rebel, state_force, government, coalition, monitor ...",
        required=True,
    ),
    _c("aliases", "string", "Other names and spellings the articles use.", multiple=True),
    _c("founded_earliest", "date", "Earliest possible founding day."),
    _c("founded_latest", "date", "Latest possible founding day."),
    _c("founded_text", "string", "The sources' wording of the founding date."),
    _c("leaders", "string", "Names of people the articles say lead it.", multiple=True),
    _c(
        "affiliations",
        "string",
        "'<relation>:<group id>' for each affiliation the articles state (affiliate_of:al-qaeda).",
        multiple=True,
    ),
    _c("strength_low", "integer", "Smallest strength estimate (any unit)."),
    _c("strength_high", "integer", "Largest strength estimate (any unit)."),
    _c(
        "number_of_sources",
        "integer",
        "Articles that state something about the group.",
        required=True,
    ),
    _c("sources", "string", "Ids of those articles.", multiple=True),
)

_CEASEFIRES = (
    _c("id", "string", "The ceasefire's id.", required=True),
    _c("name", "string", "Its name.", required=True),
    _c("kind", "string", "ceasefire, truce, agreement ...", required=True),
    _c("start_earliest", "date", "Earliest possible first day."),
    _c("start_latest", "date", "Latest possible first day."),
    _c("start_text", "string", "The sources' wording of the start."),
    _c("end_earliest", "date", "Earliest possible end; empty when not known to have ended."),
    _c("end_latest", "date", "Latest possible end."),
    _c("end_text", "string", "The sources' wording of the end."),
    _c("parties", "string", "Names of the parties.", multiple=True),
    _c("brokers", "string", "Names of the brokers.", multiple=True),
    _c("number_of_sources", "integer", "Articles reporting it.", required=True),
    _c("sources", "string", "Ids of those articles.", multiple=True),
)

_SOURCES = (
    _c(
        "id",
        "string",
        "The source's id (an article's file name, or a reference's id).",
        required=True,
    ),
    _c("kind", "string", "article or reference.", required=True),
    _c("article", "string", "The article's file name."),
    _c("outlet", "string", "The outlet, where the article prints it."),
    _c("headline", "string", "The headline (a reference's title)."),
    _c("published_earliest", "date", "Earliest possible publication day."),
    _c("published_latest", "date", "Latest possible publication day."),
    _c("published_text", "string", "How the publication date was found."),
    _c("published_from", "string", "The reference that gives the publication date, if any."),
    _c("address", "string", "Where to find a reference."),
)

_COLUMNS: dict[str, tuple[Column, ...]] = {
    "strikes": _STRIKES,
    "claims": _CLAIMS,
    "groups": _GROUPS,
    "ceasefires": _CEASEFIRES,
    "sources": _SOURCES,
}

#: For each table: its primary key, and foreign keys (column -> (table, column)).
KEYS: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {
    "strikes": ("id", {"actor1_id": ("groups", "id")}),
    "claims": (
        "claim_id",
        {
            "strike_id": ("strikes", "id"),
            "claimant_id": ("groups", "id"),
            "source": ("sources", "id"),
        },
    ),
    "groups": ("id", {}),
    "ceasefires": ("id", {}),
    "sources": ("id", {"published_from": ("sources", "id")}),
}


def columns(kind: str) -> tuple[Column, ...]:
    """The columns of one table, in order.

    Args:
        kind: ``strikes``, ``claims``, ``groups``, ``ceasefires`` or ``sources``.

    Raises:
        UnknownNameError: An unknown table.

    Examples:
        >>> [c.name for c in columns("claims")][:4]
        ['claim_id', 'strike_id', 'victims', 'outcome']
    """
    try:
        return _COLUMNS[kind]
    except KeyError:
        raise UnknownNameError(kind, kind="table", suggestions=KINDS) from None


# -- cells -------------------------------------------------------------------------------


def _day(day: dt.date) -> dt.date | None:
    # date.min / date.max stand for "no bound known"; a table shows that as missing.
    return None if day in (dt.date.min, dt.date.max) else day


def _range(r: DateRange | None) -> tuple[dt.date | None, dt.date | None, str | None]:
    if r is None:
        return None, None, None
    return _day(r.earliest), _day(r.latest), r.text or None


def _names(groups: Iterable[Group]) -> tuple[str, ...]:
    return tuple(g.name for g in groups)


def _ids(records: Iterable[Any]) -> tuple[str, ...]:
    return tuple(r.id for r in records)


_GEO_PRECISION = {
    PlaceKind.SITE: 1,
    PlaceKind.SUBURB: 1,
    PlaceKind.VILLAGE: 1,
    PlaceKind.TOWN: 1,
    PlaceKind.CITY: 1,
    PlaceKind.DISTRICT: 2,
}


def _figures(strike: Strike, victims: Victims, outcome: Outcome) -> tuple[Any, Any, Any]:
    one = for_strike(strike, victims, outcome)
    return (None, None, None) if one is None else (one.low, one.high, one.open_ended)


def _strike_row(s: Strike) -> Row:
    place, ref = s.place, s.place.reference
    if place.governorate is not None:
        admin1, admin1_source = place.governorate, "article"
    elif ref is not None and ref.governorate is not None:
        admin1, admin1_source = ref.governorate, ref.source.id
    else:
        admin1, admin1_source = None, None
    point = ref.coordinates if ref is not None else None
    geo_source = ref.source.id if ref is not None and (point or ref.district) else None
    deaths = _figures(s, Victims.ALL, Outcome.KILLED)
    civilians = _figures(s, Victims.CIVILIANS, Outcome.KILLED)
    wounded = _figures(s, Victims.ALL, Outcome.WOUNDED)
    return {
        "id": s.id,
        "scope": s.scope.value,
        "kind": s.kind.value,
        "description": s.description,
        "event_date": _day(s.date.earliest),
        "date_end": _day(s.date.latest),
        "date_precision": s.date.precision.value,
        "date_text": s.date.text or None,
        "admin1": admin1,
        "admin1_source": admin1_source,
        "admin2": ref.district if ref is not None else None,
        "location": place.name,
        "location_id": place.id,
        "location_kind": place.kind.value,
        "latitude": point.latitude if point else None,
        "longitude": point.longitude if point else None,
        "geo_precision": _GEO_PRECISION.get(place.kind, 3),
        "geo_source": geo_source,
        "actor1": s.perpetrator.name,
        "actor1_id": s.perpetrator.id,
        "assoc_actor_1": _names(s.allies),
        "actor2": _names(s.targets),
        "actor2_ids": _ids(s.targets),
        "deaths_low": deaths[0],
        "deaths_high": deaths[1],
        "deaths_open_ended": deaths[2],
        "civilian_deaths_low": civilians[0],
        "civilian_deaths_high": civilians[1],
        "civilian_deaths_open_ended": civilians[2],
        "wounded_low": wounded[0],
        "wounded_high": wounded[1],
        "killed_named": tuple(p.name for p in s.killed),
        "number_of_claims": len(s.claims),
        "number_of_sources": len(s.sources),
        "sources": _ids(s.sources),
    }


def _claim_row(s: Strike, i: int, c: CasualtyClaim) -> Row:
    return {
        "claim_id": f"{s.id}#{i}",
        "strike_id": s.id,
        "victims": c.victims.value,
        "outcome": c.outcome.value,
        "low": c.low,
        "high": c.high,
        "open_ended": c.high is None,
        "claimant": c.claimant.name if c.claimant else None,
        "claimant_id": c.claimant.id if c.claimant else None,
        "source": c.source.id,
        "quote": c.quote,
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
    founded = _range(g.founded)
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
        "leaders": tuple(p.name for p in g.leaders),
        "affiliations": tuple(f"{a.relation.value}:{a.other.id}" for a in g.affiliations),
        "strength_low": min(counts, default=None),
        "strength_high": max(counts, default=None),
        "number_of_sources": len(sources),
        "sources": _ids(sources),
    }


def _ceasefire_row(c: Ceasefire) -> Row:
    start, end = _range(c.start), _range(c.end)
    return {
        "id": c.id,
        "name": c.name,
        "kind": c.kind.value,
        "start_earliest": start[0],
        "start_latest": start[1],
        "start_text": start[2],
        "end_earliest": end[0],
        "end_latest": end[1],
        "end_text": end[2],
        "parties": _names(c.parties),
        "brokers": _names(c.brokers),
        "number_of_sources": len(c.sources),
        "sources": _ids(c.sources),
    }


def _source_row(s: Source) -> Row:
    published = _range(s.published)
    return {
        "id": s.id,
        "kind": s.kind.value,
        "article": s.article,
        "outlet": s.outlet,
        "headline": s.headline,
        "published_earliest": published[0],
        "published_latest": published[1],
        "published_text": published[2],
        "published_from": s.published_from.id if s.published_from else None,
        "address": s.address,
    }


def strike_records(strikes: Iterable[Strike]) -> list[Row]:
    """The strikes table's rows for any strikes (a query's result, say)."""
    return list(map(_strike_row, strikes))


def _rows(data: Dataset, kind: str) -> Iterable[Row]:
    makers: dict[str, Callable[[], Iterable[Row]]] = {
        "strikes": lambda: strike_records(data.strikes),
        "claims": lambda: (
            _claim_row(s, i, c) for s in data.strikes for i, c in enumerate(s.claims)
        ),
        "groups": lambda: map(_group_row, data.groups),
        "ceasefires": lambda: map(_ceasefire_row, data.ceasefires),
        "sources": lambda: map(_source_row, data.sources),
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
        >>> row = to_records(isk.load())[4]
        >>> row["event_date"], row["location"], row["admin1"]
        (datetime.date(2019, 6, 30), 'Rif Al-Muhandiseen', 'Aleppo')
        >>> row["actor2"]
        ('al-Qaeda in Syria', 'Hurras al-Din')
        >>> row["deaths_low"], row["deaths_high"], row["deaths_open_ended"]
        (6, 6, True)
    """
    return list(_rows(data, kind))


def _frame(rows: Sequence[Row], cols: Sequence[Column]) -> Any:
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError(
            "to_dataframe() needs pandas; install it with pip install 'idlibstrikes[pandas]'"
        ) from exc
    # Nullable dtypes: a missing figure stays missing (<NA>), never becomes NaN or 0.
    dtypes = {
        "integer": "Int64",
        "number": "Float64",
        "boolean": "boolean",
        "date": "datetime64[s]",
        "string": "object",
    }
    series = {
        c.name: pd.Series(
            [row[c.name] for row in rows],
            dtype="object" if c.multiple else dtypes[c.type],
            name=c.name,
        )
        for c in cols
    }
    return pd.DataFrame(series, columns=[c.name for c in cols])


def to_dataframe(data: Dataset, kind: str = "strikes") -> Any:
    """The table as a pandas DataFrame (needs the ``[pandas]`` extra).

    Dates are ``datetime64[s]``, counts nullable ``Int64`` (missing: ``<NA>``), flags
    nullable ``boolean``; a multi-value cell holds a tuple (``DataFrame.explode`` splits it).

    Args:
        data: The dataset.
        kind: ``strikes``, ``claims``, ``groups``, ``ceasefires`` or ``sources``.

    Raises:
        ImportError: pandas is not installed.
        UnknownNameError: An unknown table.

    Examples:
        >>> import idlibstrikes as isk
        >>> df = to_dataframe(isk.load(), "claims")
        >>> df.groupby("source")["claim_id"].count().to_dict()["002_0d9037507fd83edc.txt"]
        4
    """
    cols = columns(kind)
    return _frame(to_records(data, kind), cols)
