"""The strikes as ACLED and UCDP GED tables: each dataset's columns, types and codes.

An analyst's ACLED or UCDP GED code reads these tables unchanged: the columns are the
datasets' own (``_shape_columns``), each convention is coded as that dataset codes it, and
what its columns cannot hold is said in the row (ACLED's ``notes`` and ``tags``) or left
empty, never made up. The codebook's section "ACLED and UCDP GED shapes" gives every rule;
the main ones:

* **Rows.** ACLED: single strikes only (ACLED records events by day, never campaigns),
  dated to a month at least and placed below the country, as ACLED's codebook requires.
  UCDP GED: strikes with at least one death the accounts agree on (UCDP's event
  definition), dated to a year at least, within one calendar year; series (runs of
  strikes reported as one) in a table of their own with ``event_clarity`` 2. Every record
  left out is listed with its reason in the table's metadata (`left_out`).
* **Figures.** ACLED's ``fatalities`` is the lowest figure the accounts allow, and 0 where
  nothing is known, tagged ``fatalities=no report``. UCDP's ``low``, ``best``, ``high``
  are the strike's ``deaths_low``, ``deaths_best`` and ``deaths_high``: ``best`` is empty
  where the accounts disagree.
* **Names.** States as each dataset names them (ACLED's "Military Forces of the United
  States (2017-2021)", UCDP's "Government of United States of America") for the four
  states the data name (`STATES`); every other group by this dataset's name.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import math
import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ._casualties import summarize
from ._errors import UnknownNameError
from ._geo import DISTRICT_RADIUS, Placement, gazetteer, place
from ._models import (
    Group,
    GroupKind,
    Outcome,
    PlaceKind,
    Relation,
    Source,
    Strike,
    StrikeKind,
    Victims,
)
from ._shape_columns import ACLED_COLUMNS, UCDP_COLUMNS
from ._tables import Row, strike_records

if TYPE_CHECKING:
    from ._dataset import Dataset
    from ._table import Table
    from ._view_columns import Column

__all__ = [
    "COUNTRY",
    "LEFT_OUT",
    "STATES",
    "State",
    "acled",
    "left_out",
    "left_out_rows",
    "priogrid_gid",
    "ucdp_ged",
    "ucdp_id",
    "unplaced",
]

#: The metadata key of a shaped table that lists the records it leaves out, with why.
LEFT_OUT = "idlibstrikes.left_out"


@attrs.frozen
class State:
    """A state the data name, as ACLED and UCDP GED name it.

    Attributes:
        acled: The state in ACLED's "Military Forces of ..." names ("the United States").
        ucdp: UCDP's name for its government side ("Government of Syria").
        gw: Its Gleditsch-Ward number (UCDP's ``gwnoa``, ``country_id``).
        terms: ACLED's regimes: (first day, last day or ``None``, the years ACLED writes).

    Examples:
        >>> STATES["russia"].ucdp, STATES["russia"].gw
        ('Government of Russia (Soviet Union)', 365)
    """

    acled: str
    ucdp: str
    gw: int
    terms: tuple[tuple[dt.date, dt.date | None, str], ...] = ()


_D = dt.date
#: The states the data name, by their group's id (a group within one, by ``part_of``, is
#: its forces). ACLED's regimes are those seen in ACLED's data or following its
#: "Military Forces of State (Year-Year)" pattern (US: presidential terms); a date outside
#: them keeps the group's own name.
STATES: dict[str, State] = {
    "united-states": State(
        "the United States",
        "Government of United States of America",
        2,
        (
            (_D(2001, 1, 20), _D(2009, 1, 19), "2001-2009"),
            (_D(2009, 1, 20), _D(2017, 1, 19), "2009-2017"),
            (_D(2017, 1, 20), _D(2021, 1, 19), "2017-2021"),
            (_D(2021, 1, 20), _D(2025, 1, 19), "2021-2025"),
            (_D(2025, 1, 20), None, "2025-"),
        ),
    ),
    "syrian-government": State(
        "Syria", "Government of Syria", 652, ((_D(2000, 7, 17), _D(2024, 12, 7), "2000-2024"),)
    ),
    "russia": State(
        "Russia", "Government of Russia (Soviet Union)", 365, ((_D(2000, 5, 7), None, "2000-"),)
    ),
    "turkey": State("Turkey", "Government of Turkey", 640),
}

#: The country of every strike: name, ISO 3166 numeric, Gleditsch-Ward, ACLED's and UCDP's
#: region, and the id of its government's group.
COUNTRY = {"name": "Syria", "iso": 760, "gw": 652, "region": "Middle East"}
_HOME = "syrian-government"
_CIVILIANS = "Civilians (Syria)"

# ACLED's actor types, by their old numeric code: the order of an interaction's two types
_INTER = {
    "State forces": 1,
    "Rebel group": 2,
    "Political militia": 3,
    "Identity militia": 4,
    "Rioters": 5,
    "Protesters": 6,
    "Civilians": 7,
    "External/Other forces": 8,
}
_SUB_EVENT = {
    StrikeKind.AIR: "Air/drone strike",
    StrikeKind.DRONE: "Air/drone strike",
    StrikeKind.MISSILE: "Shelling/artillery/missile attack",
    StrikeKind.ARTILLERY: "Shelling/artillery/missile attack",
}
# UCDP's where_prec for a strike without a point: how precisely the sources place it
_WHERE = {
    PlaceKind.COUNTRY: 6,
    PlaceKind.REGION: 5,
    PlaceKind.GOVERNORATE: 4,
    PlaceKind.DISTRICT: 3,
}


# -- groups -------------------------------------------------------------------------------


def _state(group: Group) -> str | None:
    """The id of the state a group is, or is part of (``part_of``, transitively)."""
    seen, todo = set(), [group]
    while todo:
        g = todo.pop(0)
        if g.id in STATES:
            return g.id
        seen.add(g.id)
        todo += [
            a.other
            for a in g.affiliations
            if a.relation is Relation.PART_OF and a.other.id not in seen
        ]
    return None


def _state_side(group: Group) -> bool:
    """Whether a group fights as a state does: a state's forces, or a coalition of states."""
    return _state(group) is not None or group.kind is GroupKind.COALITION


def _acled_name(group: Group, first: dt.date, last: dt.date) -> str:
    """ACLED's name for a state's forces over the strike's dates; else the group's name."""
    state = STATES.get(_state(group) or "")
    if state is None or group.kind is not GroupKind.STATE_FORCE:
        return group.name
    for start, end, years in state.terms:
        if start <= first and (end is None or last <= end):
            return f"Military Forces of {state.acled} ({years})"
    return group.name


def _inter(group: Group) -> str | None:
    """ACLED's actor type for a group (its codebook's eight), where the data tell it."""
    state = _state(group)
    if state == _HOME:
        return "State forces"
    if state is not None or group.kind is GroupKind.COALITION:
        return "External/Other forces"  # a state's forces outside its own country
    if group.kind in (GroupKind.MILITANT, GroupKind.REBEL):
        return "Rebel group"
    return None


def _interaction(one: str | None, two: str | None) -> str | None:
    if one is None:
        return None
    if two is None:
        return f"{one} only"
    # ACLED's order: the lower code first, civilians always second ("External/Other
    # forces-Civilians", its code 78)
    first, second = sorted((one, two), key=lambda t: (t == "Civilians", _INTER[t]))
    return f"{first}-{second}"


# -- cells --------------------------------------------------------------------------------


def _day(day: dt.date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def _range(low: int, high: int | None, open_ended: bool) -> str:
    text = str(low) if high in (None, low) else f"{low}-{high}"
    return text + ("+" if open_ended else "")


def _joined(values: Iterable[str], separator: str = "; ") -> str | None:
    kept = list(dict.fromkeys(v for v in values if v))
    return separator.join(kept) if kept else None


def _aligned(values: Sequence[str]) -> str | None:
    """One value per source, in order, blanks kept in place; empty when all are blank."""
    return "; ".join(values) if any(values) else None


def _published(source: Source) -> str:
    r = source.published
    if r is None or r.earliest == dt.date.min or r.latest == dt.date.max:
        return ""
    if r.earliest == r.latest:
        return r.earliest.isoformat()
    return f"{r.earliest.isoformat()}/{r.latest.isoformat()}"


def priogrid_gid(latitude: float, longitude: float) -> int:
    """The PRIO-GRID cell (0.5 degrees) holding a point: ``(row - 1) * 720 + column``.

    Row 1 starts at 90 S and column 1 at 180 W (PRIO-GRID's numbering, as its tools
    compute it); a point on a cell's edge falls in the cell to its north and east.

    Examples:
        >>> priogrid_gid(35.9306, 36.6339)  # Idlib
        181154
        >>> priogrid_gid(-89.9, -179.9), priogrid_gid(89.9, 179.9)
        (1, 259200)
    """
    row = min(math.floor((latitude + 90) * 2) + 1, 360)
    column = min(math.floor((longitude + 180) * 2) + 1, 720)
    return (row - 1) * 720 + column


def ucdp_id(ident: str) -> int:
    """A UCDP-typed id for a record: negative (never a UCDP id), stable, from its CRC-32.

    Examples:
        >>> ucdp_id("2019-06-30-rif-al-muhandisin") < 0
        True
        >>> ucdp_id("a") == ucdp_id("a") != ucdp_id("b")
        True
    """
    return -(zlib.crc32(ident.encode("utf-8")) % (2**31 - 1)) - 1


# -- rows ---------------------------------------------------------------------------------


@attrs.frozen
class _Shaping:
    """What every row needs beside its strike: places and the data's as-of day."""

    places: dict[str, Any]
    gazetteer: list[Any]
    timestamp: int

    def placement(self, s: Strike) -> tuple[Placement, str | None]:
        where = place(s, self.gazetteer)
        point = self.places[where.point_of].name if where.point_of in self.places else None
        return where, point


def _shaping(data: Dataset) -> _Shaping:
    as_of = data.version.as_of
    return _Shaping(
        places={p.id: p for p in data.places},
        gazetteer=gazetteer(data.places),
        timestamp=calendar.timegm(as_of.timetuple()),
    )


def _bounds(s: Strike) -> tuple[dt.date, dt.date]:
    return s.date.earliest, s.date.latest


def _span(first: dt.date, last: dt.date) -> str:
    """A range of days as ISO 8601 ("2024-09-24/2024-12-17"), an unknown bound as "..".

    Examples:
        >>> _span(dt.date(2017, 1, 28), dt.date.max)
        '2017-01-28/..'
    """
    start = ".." if first == dt.date.min else first.isoformat()
    return f"{start}/{'..' if last == dt.date.max else last.isoformat()}"


def _acled_reason(s: Strike) -> str | None:
    if s.is_series:
        return "a series of strikes reported as one: ACLED records events by day, not campaigns"
    first, last = _bounds(s)
    if s.date.precision.value > 3:
        return (
            f"dated only to {_span(first, last)}: ACLED does not include events known less "
            "precisely than a month"
        )
    if s.place.kind is PlaceKind.COUNTRY:
        return (
            f"placed only in the country as a whole ({s.place.name}): ACLED does not record "
            "events imprecise to the country level"
        )
    return None


def _acled_row(s: Strike, row: Row, ctx: _Shaping) -> Row:
    first, last = _bounds(s)
    precision = s.date.precision.value
    day = first + (last - first) // 2 if precision in (2, 3) else first
    where, point = ctx.placement(s)
    deaths = summarize(s, Victims.ALL, Outcome.KILLED)
    civilians = summarize(s, Victims.CIVILIANS, Outcome.KILLED).low or 0
    others = [p for p in s.perpetrators if p.id != s.perpetrator.id]
    tags, notes = [], [s.description.rstrip(".") + "."]
    if precision > 1:
        tags.append(f"date range={first.isoformat()}/{last.isoformat()}")
        notes.append(f"Date: {_day(first)} to {_day(last)}; event_date is the middle day.")
    if point is not None and point != s.place.name:
        notes.append(f"Place: {s.place.name} ({where.basis}).")
    if deaths.low is None:
        tags.append("fatalities=no report")
        notes.append("Fatalities: no source gives a figure; 0 recorded, as ACLED codes no report.")
    else:
        figure = _range(deaths.low, deaths.high, deaths.open_ended)
        if figure != str(deaths.low):
            tags.append(f"fatalities range={figure}")
        if deaths.disputed:
            tags.append("fatalities disputed")
        if figure != str(deaths.low) or deaths.disputed:
            said = ", the accounts disagree" if deaths.disputed else ""
            notes.append(f"Fatalities: {figure}{said}; the lowest is recorded.")
    if s.perpetrator_disputed:
        tags.append("perpetrator disputed")
        names = "; ".join(p.name for p in s.perpetrators)
        notes.append(f"Who struck is disputed; the sources name: {names}.")
    actor1 = s.perpetrator
    targets = list(s.targets)
    actor2 = _acled_name(targets[0], first, last) if targets else None
    inter2 = _inter(targets[0]) if targets else None
    assoc2 = [_acled_name(t, first, last) for t in targets[1:]]
    if civilians >= 1:
        if targets:
            assoc2.append(_CIVILIANS)
        else:
            actor2, inter2 = _CIVILIANS, "Civilians"
    allies = [*s.allies, *([] if s.perpetrator_disputed else others)]
    inter1 = _inter(actor1)
    return {
        "event_id_cnty": s.id,
        "event_date": day,
        "year": day.year,
        "time_precision": precision,
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": _SUB_EVENT.get(s.kind),
        "actor1": _acled_name(actor1, first, last),
        "assoc_actor_1": _joined(_acled_name(g, first, last) for g in allies),
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": _joined(assoc2),
        "inter2": inter2,
        "interaction": None
        if actor2 is not None and inter2 is None
        else _interaction(inter1, inter2),
        "civilian_targeting": None,
        "iso": COUNTRY["iso"],
        "region": COUNTRY["region"],
        "country": COUNTRY["name"],
        "admin1": row["admin1"],
        "admin2": row["admin2"],
        "admin3": None,
        "location": point if point is not None else s.place.name,
        "latitude": where.latitude,
        "longitude": where.longitude,
        "geo_precision": where.precision,
        "source": _joined(src.outlet or src.id for src in s.sources),
        "source_scale": None,
        "notes": " ".join(notes),
        "fatalities": deaths.low if deaths.low is not None else 0,
        "tags": _joined(tags),
        "timestamp": ctx.timestamp,
    }


def _date_prec(first: dt.date, last: dt.date) -> int | None:
    """UCDP's date_prec for a range of days, or ``None`` beyond its scale (a year)."""
    if last == dt.date.max or first == dt.date.min or first.year != last.year:
        return None
    days = (last - first).days + 1
    for bound, code in ((1, 1), (6, 2), (7, 3), (31, 4), (366, 5)):
        if days <= bound:
            return code
    return None  # pragma: no cover - a range within one year has at most 366 days


def _ucdp_reason(s: Strike) -> str | None:
    deaths = summarize(s, Victims.ALL, Outcome.KILLED)
    if deaths.low is None:
        return "no source gives a figure for the dead: UCDP GED records only events with a death"
    if deaths.low < 1:
        said = "report no one killed" if deaths.high == 0 else "do not establish a death"
        return f"the sources {said}: UCDP GED records events with at least one death"
    first, last = _bounds(s)
    if _date_prec(first, last) is None:
        return (
            f"dated only to {_span(first, last)}: UCDP dates an event within one calendar "
            "year at most"
        )
    return None


def _where_prec(s: Strike, where: Placement, row: Row) -> int:
    if where.precision == 3:  # a seat's point: the district's (3) or the governorate's (4)
        return 3 if where.radius_m == DISTRICT_RADIUS else 4
    if where.precision is not None:
        return where.precision
    if s.place.kind not in _WHERE:  # a named place without a point: as the sources put it
        return 2 if s.place.near is not None else 1
    known = [3] if row["admin2"] else [4] if row["admin1"] else []
    return min([_WHERE[s.place.kind], *known])


def _sides(s: Strike) -> tuple[Group, list[Group], bool]:
    """UCDP's side A and side B, and whether the perpetrator is side A.

    Side A is the government side: the perpetrator, unless it is an armed group striking a
    state's forces (then the state is side A, the perpetrator side B).
    """
    perpetrator, targets = s.perpetrator, list(s.targets)
    states = [t for t in targets if _state_side(t)]
    if not _state_side(perpetrator) and states:
        return states[0], [perpetrator], False
    return perpetrator, targets, True


def _type_of_violence(s: Strike) -> int | None:
    if not s.targets:
        return None
    sides = [s.perpetrator, *s.targets]
    return 1 if any(_state_side(g) for g in sides) else 2


def _ucdp_side(group: Group) -> tuple[str, str | None]:
    state = STATES.get(_state(group) or "")
    return (state.ucdp, str(state.gw)) if state is not None else (group.name, None)


def _ucdp_row(s: Strike, row: Row, ctx: _Shaping) -> Row:
    first, last = _bounds(s)
    where, point = ctx.placement(s)
    deaths = summarize(s, Victims.ALL, Outcome.KILLED)
    civilians = summarize(s, Victims.CIVILIANS, Outcome.KILLED)
    militants = summarize(s, Victims.MILITANTS, Outcome.KILLED)
    a, b, forward = _sides(s)
    side_a, gwnoa = _ucdp_side(a)
    b_named = [_ucdp_side(g) for g in b]
    deaths_b = militants.best if forward else None
    # the dead no account places among civilians or (side B's) militants: where each part
    # is agreed on or has no figure at all; never below 0 (parts from different accounts)
    unknown = None
    parts = (civilians, militants)
    placed = all(p.best is not None or not p.known for p in parts)
    if deaths.best is not None and placed and (forward or not militants.known):
        rest = deaths.best - sum(p.best or 0 for p in parts)
        unknown = rest if rest >= 0 else None
    lat, lon = where.latitude, where.longitude
    claimants = [c.claimant.name for c in s.claims if c.claimant is not None]
    claimants += [x.claimant.name for x in s.attributions if x.claimant is not None]
    return {
        "id": ucdp_id(s.id),
        "relid": s.id,
        "year": first.year,
        "active_year": None,
        "code_status": None,
        "type_of_violence": _type_of_violence(s),
        "conflict_dset_id": None,
        "conflict_new_id": None,
        "conflict_name": None,
        "dyad_dset_id": None,
        "dyad_new_id": None,
        "dyad_name": None,
        "side_a_dset_id": None,
        "side_a_new_id": None,
        "side_a": side_a,
        "side_b_dset_id": None,
        "side_b_new_id": None,
        "side_b": _joined((name for name, _ in b_named), ", "),
        "number_of_sources": len(s.sources),
        "source_article": _aligned([src.outlet or src.id for src in s.sources]),
        "source_office": None,
        "source_date": _aligned([_published(src) for src in s.sources]),
        "source_headline": _aligned([src.headline or "" for src in s.sources]),
        "source_original": _joined(claimants),
        "where_prec": _where_prec(s, where, row),
        "where_coordinates": point,
        "where_description": s.place.name,
        "adm_1": f"{row['admin1']} governorate" if row["admin1"] else None,
        "adm_2": f"{row['admin2']} district" if row["admin2"] else None,
        "latitude": lat,
        "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None else None,
        "priogrid_gid": priogrid_gid(lat, lon) if lat is not None and lon is not None else None,
        "country": COUNTRY["name"],
        "country_id": COUNTRY["gw"],
        "region": COUNTRY["region"],
        "event_clarity": 2 if s.is_series else 1,
        "date_prec": _date_prec(first, last),
        "date_start": first,
        "date_end": last,
        "deaths_a": None,
        "deaths_b": deaths_b,
        "deaths_civilians": civilians.best,
        "deaths_unknown": unknown,
        "best": deaths.best,
        "high": deaths.high,
        "low": deaths.low,
        "gwnoa": gwnoa,
        "gwnob": _joined((gw for _, gw in b_named if gw), ";"),
    }


# -- tables -------------------------------------------------------------------------------


def _fields(columns: Sequence[Column]) -> tuple[Any, ...]:
    from ._columns import Field

    # plain text (no dictionary, no categorical): concatenates with the datasets' own data;
    # counts 64-bit, as pandas and Arrow read the datasets' CSV files
    return tuple(
        Field(
            name=c.name,
            type=c.type,
            description=c.description,
            required=c.required,
            wide=c.type == "integer",
        )
        for c in columns
    )


def _table(
    data: Dataset,
    name: str,
    columns: Sequence[Column],
    rows: list[Row],
    left: dict[str, str],
) -> Table:
    from ._relational import metadata
    from ._table import Table

    meta = {
        **metadata(data, "view"),
        "idlibstrikes.table": name,
        LEFT_OUT: json.dumps(left, ensure_ascii=False),
    }
    return Table(name, _fields(columns), rows, meta)


def _shaped(
    data: Dataset, strikes: Iterable[Strike] | None, series: bool
) -> Iterator[tuple[Strike, Row]]:
    """Each strike (or series) with its row of the strikes (or series) table."""
    chosen = [s for s in (data.strikes if strikes is None else strikes) if s.is_series is series]
    rows = strike_records(chosen, data, "series" if series else "strikes")
    return zip(chosen, rows, strict=True)


def acled(data: Dataset, strikes: Iterable[Strike] | None = None) -> Table:
    """The single strikes in ACLED's 31 columns (see the module and the codebook).

    Examples:
        >>> import idlibstrikes as isk
        >>> t = acled(isk.load(sources="articles"))
        >>> len(t), t[1]["event_date"], t[1]["actor1"], t[1]["fatalities"]
        (7, datetime.date(2019, 6, 30), 'Military Forces of the United States (2017-2021)', 6)
        >>> left_out(t)["2019-idlib-offensive"][:20]
        'a series of strikes '
    """
    ctx = _shaping(data)
    left: dict[str, str] = {}
    rows = []
    chosen = list(data.strikes if strikes is None else strikes)
    for s in chosen:
        reason = _acled_reason(s)
        if reason is not None:
            left[s.id] = reason
    for s, row in _shaped(data, chosen, series=False):
        if s.id not in left:
            rows.append(_acled_row(s, row, ctx))
    return _table(data, "acled", ACLED_COLUMNS, rows, left)


def ucdp_ged(
    data: Dataset, kind: str = "strikes", strikes: Iterable[Strike] | None = None
) -> Table:
    """The strikes (``kind="strikes"``) or the series in UCDP GED's 49 columns.

    Examples:
        >>> import idlibstrikes as isk
        >>> t = ucdp_ged(isk.load(sources="articles"))
        >>> [(r["relid"][:10], r["low"], r["best"], r["high"]) for r in t][:2]
        [('2017-03-al', 49, 49, 49), ('2019-06-30', 6, None, 8)]
        >>> [r["event_clarity"] for r in ucdp_ged(isk.load(sources="articles"), "series")]
        [2]
    """
    if kind not in ("strikes", "series"):
        raise UnknownNameError(kind, kind="UCDP GED table", suggestions=("strikes", "series"))
    series = kind == "series"
    ctx = _shaping(data)
    left: dict[str, str] = {}
    rows = []
    for s, row in _shaped(data, strikes, series):
        reason = _ucdp_reason(s)
        if reason is not None:
            left[s.id] = reason
        else:
            rows.append(_ucdp_row(s, row, ctx))
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):  # pragma: no cover - a CRC-32 clash among a table's ids
        raise ValueError("two records' UCDP ids clash; rename one of them")
    name = "ucdp_ged_series" if series else "ucdp_ged"
    return _table(data, name, UCDP_COLUMNS, rows, left)


def left_out(table: Table) -> dict[str, str]:
    """The records a shaped table leaves out, by id, with the reason (from its metadata).

    Examples:
        >>> import idlibstrikes as isk
        >>> gone = left_out(ucdp_ged(isk.load(sources="articles")))
        >>> gone["2019-08-27-hts-missile-khan-sheikhoun"][:40]
        'no source gives a figure for the dead: U'
    """
    found: dict[str, str] = json.loads(table.metadata.get(LEFT_OUT, "{}"))
    return found


def left_out_rows(*tables: Table) -> list[Row]:
    """The records some shaped tables leave out: one row per record and table, with why.

    Examples:
        >>> import idlibstrikes as isk
        >>> rows = left_out_rows(acled(isk.load(sources="articles")))
        >>> [(r["id"], r["table"]) for r in rows][2]
        ('2019-idlib-offensive', 'acled')
    """
    return [
        {"id": ident, "table": t.name, "reason": reason}
        for t in tables
        for ident, reason in left_out(t).items()
    ]


def unplaced(*tables: Table) -> tuple[str, ...]:
    """The ids of the rows some shaped tables hold without a point (no latitude).

    Examples:
        >>> import idlibstrikes as isk
        >>> unplaced(acled(isk.load(sources="articles")))
        ()
    """
    key = {"acled": "event_id_cnty"}
    return tuple(r[key.get(t.name, "relid")] for t in tables for r in t if r["latitude"] is None)
