"""The analysts' tables' columns: each view's columns, their types and their meanings.

These are the views' columns (``_tables`` makes their rows): one row per record, shaped
like ACLED and UCDP GED, with figures summarised and claims counted. They are not the
lossless tables' columns (``_columns``), from which a dataset can be rebuilt.

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
* Death figures follow the casualty policy (see `_casualties`): per strike and kind of
  victims, ``*_low`` is what the accounts jointly allow (or, where they disagree, the
  smallest floor of those that agree), ``*_high`` the largest figure any account gives,
  ``*_open_ended`` that the account giving it gave only a floor; ``deaths_best`` is UCDP's
  best estimate and ``deaths_disputed`` says the accounts disagree. A missing figure is
  empty, never 0. The strikes table holds single strikes only; the series are rows of the
  series table, whose figures (``toll_*``) count up to ``toll_counted_to`` and are never
  to be summed with single strikes.
* ``admin2``, ``latitude`` and ``longitude`` come only from cited references (the
  articles give none); ``geo_source`` names the reference. ``admin1`` is the article's
  governorate where it names one, else the reference's (the place's, or the place a
  reference puts the strike at); ``admin1_source`` is the id of the source that gives it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._errors import UnknownNameError
from ._models import (
    CeasefireKind,
    Confidence,
    GroupKind,
    Outcome,
    PlaceKind,
    Scope,
    SourceKind,
    StrikeKind,
    Victims,
)

if TYPE_CHECKING:
    from ._columns import Field

__all__ = [
    "EVENT_DATES",
    "KEYS",
    "KINDS",
    "SEPARATOR",
    "Column",
    "Kind",
    "columns",
    "toll_name",
    "view_fields",
]

#: Joins the values of a multi-value cell in CSV ("Hurras al-Din; Ansar al-Tawhid").
SEPARATOR = "; "

Kind = Literal["strikes", "series", "claims", "groups", "ceasefires", "sources", "references"]
#: The tables, in the order exports write them.
KINDS: tuple[Kind, ...] = (
    "strikes",
    "series",
    "claims",
    "groups",
    "ceasefires",
    "sources",
    "references",
)

Type = Literal["string", "integer", "number", "boolean", "date"]


@attrs.frozen(kw_only=True)
class Column:
    """One column of a table: its name, type and meaning.

    Attributes:
        name: The column's name.
        type: A Table Schema type: ``string``, ``integer``, ``number``, ``boolean``, ``date``.
        description: What a value means, and where it comes from.
        multiple: Whether a cell holds several values (a tuple; joined with ``"; "`` in CSV).
        required: Whether every row has a value.
        vocabulary: The words a text column may hold, where it is a closed list.

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
    vocabulary: tuple[str, ...] | None = None


def _c(name: str, type: Type, description: str, **kw: Any) -> Column:
    return Column(name=name, type=type, description=description, **kw)


def _words(vocabulary: Iterable[Any]) -> tuple[str, ...]:
    return tuple(str(v.value) for v in vocabulary)


_STRIKES = (
    _c("id", "string", "The strike's id.", required=True),
    _c(
        "scope",
        "string",
        "'event': one strike (the strikes table holds single strikes only; a series of "
        "strikes reported as one is a row of the series table, never of this one).",
        required=True,
        vocabulary=_words(Scope),
    ),
    _c(
        "kind",
        "string",
        "air, missile, drone, artillery or unknown.",
        required=True,
        vocabulary=_words(StrikeKind),
    ),
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
    _c(
        "date_disputed",
        "boolean",
        "The sources' dates (or a reference's) conflict: the range spans the conflicting readings.",
        required=True,
    ),
    _c("admin1", "string", "Governorate: the article's where stated, else a reference's."),
    _c(
        "admin1_source",
        "string",
        "The id of the source that gives admin1: the article that names the governorate, "
        "else the reference that gives it (see the sources table).",
    ),
    _c("admin2", "string", "District, from a cited reference only (geo_source)."),
    _c("location", "string", "The place's name as an article prints it.", required=True),
    _c("location_id", "string", "The place's id (see the places in the dataset).", required=True),
    _c(
        "location_kind",
        "string",
        "village, town, city, suburb, site, district, region ...",
        required=True,
        vocabulary=_words(PlaceKind),
    ),
    _c(
        "latitude",
        "number",
        "WGS 84 latitude of the strike's point (see location_basis); empty when nothing "
        "places it. From a cited reference only.",
    ),
    _c(
        "longitude",
        "number",
        "WGS 84 longitude of the strike's point; empty when nothing places it.",
    ),
    _c(
        "geo_precision",
        "integer",
        "As ACLED: 1 the place itself has the point, 2 near a place with a point (a "
        "reference's or the article's 'near'), 3 the seat of its district or governorate "
        "stands for it; empty without a point.",
    ),
    _c(
        "location_basis",
        "string",
        "What the point is and why it stands for the strike (or why there is none).",
        required=True,
    ),
    _c(
        "geo_radius_m",
        "integer",
        "How far (metres) the strike may lie from the point: the codebook's convention "
        "for the precision (25,000 for 'near', as UCDP), not a measurement.",
    ),
    _c("geo_source", "string", "The reference that gives the point, if any."),
    _c(
        "actor1",
        "string",
        "The perpetrator the record is filed under (ACLED actor1): a group its sources name.",
        required=True,
    ),
    _c("actor1_id", "string", "That perpetrator's group id.", required=True),
    _c(
        "perpetrators",
        "string",
        "Every perpetrator the sources name, one per reading (groups within one another "
        "named once, by the one filed under): 'Syrian government forces; Russian military'.",
        multiple=True,
        required=True,
    ),
    _c("perpetrator_ids", "string", "Their group ids.", multiple=True, required=True),
    _c(
        "perpetrator_disputed",
        "boolean",
        "The sources disagree on who struck (a denial, a rival attribution); the "
        "perpetrators then span every reading.",
        required=True,
    ),
    _c(
        "attributed_ids",
        "string",
        "Ids of every group a source says struck or may have struck (as the perpetrator "
        "filter finds a record by), the filed perpetrator first.",
        multiple=True,
        required=True,
    ),
    _c("assoc_actor_1", "string", "Names of groups acting with the perpetrator.", multiple=True),
    _c("actor2", "string", "Names of the targeted groups.", multiple=True),
    _c("actor2_ids", "string", "Ids of the targeted groups.", multiple=True),
    _c(
        "deaths_low",
        "integer",
        "Deaths (all victims): what the accounts jointly allow at least; where they "
        "disagree, the smallest floor of those that agree. Parts (commanders, a civilian, "
        "the named dead) count as floors. Empty: no figures.",
    ),
    _c(
        "deaths_high",
        "integer",
        "Deaths (all victims): the largest figure any account gives ('at least N' gives N; "
        "where accounts agree, no more than they jointly allow).",
    ),
    _c(
        "deaths_open_ended",
        "boolean",
        "The account giving deaths_high gives it only as a floor ('at least').",
    ),
    _c(
        "deaths_best",
        "integer",
        "UCDP's best estimate: the value every account allows, where they agree; empty "
        "where they disagree or nothing is known.",
    ),
    _c("deaths_disputed", "boolean", "The accounts disagree (on all victims or a part)."),
    _c(
        "deaths_counted_to",
        "date",
        "For a series: the day its toll counts up to (the latest snapshot).",
    ),
    *(
        column
        for label, what in (
            ("civilian", "civilians"),
            ("militant", "militants"),
            ("commander", "commanders, leaders and senior operatives"),
            ("child", "children"),
        )
        for column in (
            _c(f"{label}_deaths_low", "integer", f"Deaths of {what}: low, as deaths_low."),
            _c(f"{label}_deaths_high", "integer", f"Deaths of {what}: high, as deaths_high."),
            _c(
                f"{label}_deaths_open_ended",
                "boolean",
                f"Deaths of {what}: high is only a floor.",
            ),
        )
    ),
    _c("wounded_low", "integer", "Wounded (all victims): low, as deaths_low."),
    _c("wounded_high", "integer", "Wounded (all victims): high, as deaths_high."),
    _c("wounded_open_ended", "boolean", "Wounded: high is only a floor."),
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
    _c(
        "outlets",
        "string",
        "Their outlets (short id and outlet: '002 Kurdistan 24'), the reference layer's "
        "where an article does not print it.",
        multiple=True,
    ),
    _c(
        "references",
        "string",
        "Ids of the reference facts about the strike (see the references table).",
        multiple=True,
    ),
    _c("listed", "string", "The reference lists' id for the event ('R05'); empty: the articles'."),
    _c(
        "confidence",
        "string",
        "How well the reference lists attest it (high, medium, low: its best-graded row saying "
        "who struck); empty for a strike the articles report, quoted and not graded.",
    ),
)

# The series table: a series' own dates (start and end) in place of a strike's, and its
# figures under names of their own (toll_*), so that no figure column of one table can be
# summed with the other's by name, nor a concatenation of the two count a series as an event.
EVENT_DATES = ("event_date", "date_end", "date_precision", "date_text")
_SERIES_DATES = (
    _c("start_earliest", "date", "Earliest possible first day of the series."),
    _c("start_latest", "date", "Latest possible first day."),
    _c("start_text", "string", "The sources' wording of its start."),
    _c("end_earliest", "date", "Earliest possible last day; empty when not known."),
    _c("end_latest", "date", "Latest possible last day; empty when not known."),
    _c("end_text", "string", "The sources' wording of its end."),
)


def toll_name(name: str) -> str:
    """A strike figure column's name in the series table (deaths_low -> toll_low)."""
    if name.startswith("wounded_"):
        return "wounded_toll_" + name.removeprefix("wounded_")
    return name.replace("deaths", "toll")


def _series_columns() -> tuple[Column, ...]:
    out: list[Column] = []
    for c in _STRIKES:
        if c.name == "id":
            out.append(attrs.evolve(c, description="The series' id."))
        elif c.name == "scope":
            out.append(
                attrs.evolve(c, description="'series': strikes the sources report only as one.")
            )
        elif c.name == "event_date":
            out += _SERIES_DATES
        elif c.name in EVENT_DATES:
            continue
        elif toll_name(c.name) != c.name:
            described = c.description.replace("Deaths", "The series' toll").replace(
                "deaths_", "toll_"
            )
            out.append(attrs.evolve(c, name=toll_name(c.name), description=described))
        else:
            out.append(c)
    return tuple(out)


_SERIES = _series_columns()
# deaths_counted_to is a series' (toll_counted_to); a single strike's toll counts to no day
_STRIKES = tuple(c for c in _STRIKES if c.name != "deaths_counted_to")

_CLAIMS = (
    _c(
        "claim_id",
        "string",
        "'<strike id>#<n>': the strike and the claim's position.",
        required=True,
    ),
    _c(
        "strike_id",
        "string",
        "The single strike the figure is about (the strikes table); empty for a series' toll.",
    ),
    _c(
        "series_id",
        "string",
        "The series whose toll the figure is (the series table); empty for a strike's.",
    ),
    _c(
        "scope",
        "string",
        "'event' (a single strike's figure) or 'series' (a series' toll): never sum "
        "a series' figures with a strike's.",
        required=True,
        vocabulary=_words(Scope),
    ),
    _c(
        "victims",
        "string",
        "all, civilians, militants, commanders or children.",
        required=True,
        vocabulary=_words(Victims),
    ),
    _c("outcome", "string", "killed or wounded.", required=True, vocabulary=_words(Outcome)),
    _c("low", "integer", "The figure, or its lower bound.", required=True),
    _c("high", "integer", "The upper bound; empty when the source states none ('at least')."),
    _c("open_ended", "boolean", "True when the source gives only a lower bound.", required=True),
    _c(
        "claimant",
        "string",
        "Who gave the figure, as the article attributes it; empty: the outlet.",
    ),
    _c("claimant_id", "string", "The claimant's group id."),
    _c("source", "string", "The article's id (file name), or the report's.", required=True),
    _c("source_short_id", "string", "The article's short id ('002').", required=True),
    _c("outlet", "string", "The outlet (an article's own, else the reference layer's)."),
    _c(
        "provenance",
        "string",
        "'quoted' (from one of the five articles) or 'reported' (from the reference lists).",
        required=True,
    ),
    _c("quote", "string", "The article's words stating the figure; empty for a report's."),
    _c("fact", "string", "A reported claim's list row, as the list words it (no quote)."),
    _c("row", "string", "A reported claim's row: the id of its reference fact ('r31-9')."),
    _c("confidence", "string", "A reported claim's confidence, as the list grades its row."),
    _c(
        "vague",
        "boolean",
        "The figure is a vague word ('dozens' at least 24, 'hundreds' at least 200).",
        required=True,
    ),
    _c(
        "within",
        "string",
        "Wider sets the text puts these victims in, beyond the codebook's own.",
        multiple=True,
    ),
    _c("counts_to", "date", "For a series' growing toll: the last day it counts up to."),
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
        vocabulary=_words(GroupKind),
    ),
    _c("aliases", "string", "Other names and spellings the articles use.", multiple=True),
    _c("founded_earliest", "date", "Earliest possible founding day."),
    _c("founded_latest", "date", "Latest possible founding day."),
    _c("founded_text", "string", "The sources' wording of the founding date."),
    _c("founded_disputed", "boolean", "The founding claims (or a reference) conflict."),
    _c("ended_earliest", "date", "Earliest possible day it ceased to exist (per the articles)."),
    _c("ended_latest", "date", "Latest possible day it ceased to exist."),
    _c("ended_disputed", "boolean", "The sources' dates for its end (or a reference's) conflict."),
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
    _c(
        "references",
        "string",
        "Ids of the reference facts about the group (founding, dissolution, the dates of "
        "an affiliation), beside the articles' values: see the references table.",
        multiple=True,
    ),
)

_CEASEFIRES = (
    _c("id", "string", "The ceasefire's id.", required=True),
    _c("name", "string", "Its name.", required=True),
    _c(
        "kind",
        "string",
        "ceasefire, truce, agreement ...",
        required=True,
        vocabulary=_words(CeasefireKind),
    ),
    _c("start_earliest", "date", "Earliest possible first day."),
    _c("start_latest", "date", "Latest possible first day."),
    _c("start_text", "string", "The sources' wording of the start."),
    _c("end_earliest", "date", "Earliest possible end; empty when not known to have ended."),
    _c("end_latest", "date", "Latest possible end."),
    _c("end_text", "string", "The sources' wording of the end."),
    _c(
        "held_until",
        "date",
        "The last day a dated report certainly shows it holding: in effect through it, and "
        "its end is no earlier.",
    ),
    _c(
        "reported_until",
        "date",
        "The last day a report of it may have appeared; where no source says it ended, its "
        "status after that day is unknown.",
    ),
    _c(
        "status",
        "string",
        "Its status over time and its end, in words ('in effect 2019-08-31 to 2019-09-01; "
        "may be in effect ...'), as every view gives it.",
        required=True,
    ),
    _c("parties", "string", "Names of the parties.", multiple=True),
    _c("brokers", "string", "Names of the brokers.", multiple=True),
    _c("number_of_sources", "integer", "Articles reporting it.", required=True),
    _c("sources", "string", "Ids of those articles.", multiple=True),
    _c(
        "references",
        "string",
        "Ids of the reference facts about it (start, end), beside the articles' claims.",
        multiple=True,
    ),
)

_SOURCES = (
    _c(
        "id",
        "string",
        "The source's id (an article's file name, or a reference's id).",
        required=True,
    ),
    _c("short_id", "string", "The id views show: an article's number ('002').", required=True),
    _c("kind", "string", "article or reference.", required=True, vocabulary=_words(SourceKind)),
    _c("article", "string", "The article's file name."),
    _c(
        "outlet",
        "string",
        "The outlet: the article's where it prints it, else the reference layer's.",
    ),
    _c("outlet_from", "string", "'article', or the id of the reference giving the outlet."),
    _c("headline", "string", "The headline (a reference's title)."),
    _c("published_earliest", "date", "Earliest possible publication day."),
    _c("published_latest", "date", "Latest possible publication day."),
    _c("published_text", "string", "How the publication date was found."),
    _c("published_from", "string", "The reference that gives the publication date, if any."),
    _c("address", "string", "Where to find it (for an article, from the reference layer)."),
    _c("address_from", "string", "'article', or the id of the reference fact giving it."),
)

_REFERENCES = (
    _c("id", "string", "The reference fact's id.", required=True),
    _c("subject", "string", "The id of the record it is about.", required=True),
    _c("field", "string", "The field it bears on ('date', 'place', 'founded' ...).", required=True),
    _c("value", "string", "The fact, worded as the reference gives it.", required=True),
    _c("date_earliest", "date", "Where the fact is a date: its earliest day."),
    _c("date_latest", "date", "Where the fact is a date: its latest day."),
    _c(
        "corrects",
        "boolean",
        "The reference itself says an article's claim is wrong.",
        required=True,
    ),
    _c(
        "confidence",
        "string",
        "high, medium or low.",
        required=True,
        vocabulary=_words(Confidence),
    ),
    _c("place_id", "string", "The place the reference puts the subject at, if it has a record."),
    _c("source", "string", "The reference source's id.", required=True),
    _c("note", "string", "A coding note."),
)

_COLUMNS: dict[str, tuple[Column, ...]] = {
    "strikes": _STRIKES,
    "series": _SERIES,
    "claims": _CLAIMS,
    "groups": _GROUPS,
    "ceasefires": _CEASEFIRES,
    "sources": _SOURCES,
    "references": _REFERENCES,
}

#: For each table: its primary key, and foreign keys (column -> (table, column)).
KEYS: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {
    "strikes": ("id", {"actor1_id": ("groups", "id")}),
    "series": ("id", {"actor1_id": ("groups", "id")}),
    "claims": (
        "claim_id",
        {
            "strike_id": ("strikes", "id"),
            "series_id": ("series", "id"),
            "claimant_id": ("groups", "id"),
            "source": ("sources", "id"),
        },
    ),
    "groups": ("id", {}),
    "ceasefires": ("id", {}),
    "sources": ("id", {"published_from": ("sources", "id")}),
    "references": ("id", {"source": ("sources", "id")}),
}


def columns(kind: str) -> tuple[Column, ...]:
    """The columns of one table, in order.

    Args:
        kind: ``strikes``, ``claims``, ``groups``, ``ceasefires`` or ``sources``.

    Raises:
        UnknownNameError: An unknown table.

    Examples:
        >>> [c.name for c in columns("claims")][:4]
        ['claim_id', 'strike_id', 'series_id', 'scope']
    """
    try:
        return _COLUMNS[kind]
    except (KeyError, TypeError):
        from ._names import Suggester

        close = Suggester(KINDS).suggest(str(kind), n=3)
        raise UnknownNameError(kind, kind="analyst's table", suggestions=close) from None


def view_fields(kind: str) -> tuple[Field, ...]:
    """A view's columns as the typed fields a [`Table`][idlibstrikes.Table] converts with."""
    from ._columns import Field

    return tuple(
        Field(
            name=c.name,
            type="strings" if c.multiple else c.type,
            description=c.description,
            vocabulary=c.vocabulary,
            required=c.required,
        )
        for c in columns(kind)
    )
