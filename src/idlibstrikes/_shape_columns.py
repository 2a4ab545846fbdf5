"""The columns of the ACLED- and UCDP GED-shaped tables: each dataset's names, types and codes.

ACLED: the 31 columns of its export, in its order, as its codebook's Table 1 lists them
(acleddata.com, "ACLED Codebook"; the same list in ACLED's R package ``acledR``, its API
tests). UCDP GED: the 49 columns of the GED CSV (versions 20.1 to 26.1), in their order,
typed as UCDP's API schema types them (``GedDb``). Each column says what the dataset means
by it and how this dataset fills it: a value neither the articles nor the reference layer
give is empty, never made up. ``_shapes`` makes the rows; the codebook's section "ACLED and
UCDP GED shapes" prints these descriptions.
"""

from __future__ import annotations

from ._view_columns import Column, _c

__all__ = ["ACLED_COLUMNS", "LEFT_OUT_COLUMNS", "UCDP_COLUMNS", "shape_columns"]


_EMPTY = "Empty: "  # how a description starts when the column is never filled here

ACLED_COLUMNS: tuple[Column, ...] = (
    _c(
        "event_id_cnty",
        "string",
        "ACLED's event id (ISO3 and a number). Here the strike's own id in this dataset "
        "(stable between releases, never equal to an ACLED id).",
        required=True,
    ),
    _c(
        "event_date",
        "date",
        "The day of the strike. Where only a week or a month is known, the middle of the "
        "range, as ACLED dates such events (the range is in notes and tags).",
        required=True,
    ),
    _c("year", "integer", "The year of event_date.", required=True),
    _c(
        "time_precision",
        "integer",
        "ACLED's scale: 1 the day is known, 2 within a week, 3 within a month. Strikes "
        "dated less precisely are left out, as ACLED leaves them out.",
        required=True,
    ),
    _c(
        "disorder_type",
        "string",
        "'Political violence', ACLED's disorder type for Explosions/Remote violence.",
        required=True,
        vocabulary=("Political violence",),
    ),
    _c(
        "event_type",
        "string",
        "'Explosions/Remote violence': every strike (air, drone, missile, artillery).",
        required=True,
        vocabulary=("Explosions/Remote violence",),
    ),
    _c(
        "sub_event_type",
        "string",
        "'Air/drone strike' (air and drone strikes) or 'Shelling/artillery/missile attack' "
        "(missiles, artillery). Empty where the sources do not say how the strike was "
        "carried out (kind 'unknown').",
        vocabulary=("Air/drone strike", "Shelling/artillery/missile attack"),
    ),
    _c(
        "actor1",
        "string",
        "The perpetrator the record is filed under (the strikes table's actor1). State "
        "forces are named as ACLED names them, 'Military Forces of STATE (YEARS)' with the "
        "regime's years, where the strike's dates fall within one regime; other groups by "
        "this dataset's name. A disputed perpetrator is tagged and every reading is in notes.",
        required=True,
    ),
    _c(
        "assoc_actor_1",
        "string",
        "Groups acting with the perpetrator (the strikes table's assoc_actor_1), separated "
        "by '; '.",
    ),
    _c(
        "inter1",
        "string",
        "ACLED's actor type for actor1, as text: 'External/Other forces' (a state's forces "
        "outside their own country, a foreign coalition), 'State forces' (Syria's own), "
        "'Rebel group' (the armed groups); empty where the data do not tell.",
    ),
    _c(
        "actor2",
        "string",
        "The first group the sources name as the target; 'Civilians (Syria)' where no "
        "group is named and civilians are reported killed; empty otherwise.",
    ),
    _c(
        "assoc_actor_2",
        "string",
        "The other targeted groups, and 'Civilians (Syria)' where civilians are reported "
        "killed beside a targeted group (ACLED's rule for civilians harmed in a strike on "
        "an armed group), separated by '; '.",
    ),
    _c("inter2", "string", "ACLED's actor type for actor2 ('Civilians' for civilians)."),
    _c(
        "interaction",
        "string",
        "ACLED's interaction: the two actor types, the lower ACLED code first and "
        "civilians second ('Rebel group-External/Other forces', 'State forces-Civilians'), "
        "or 'TYPE only' where there is no actor2; empty where a type is not known.",
    ),
    _c(
        "civilian_targeting",
        "string",
        _EMPTY + "ACLED writes 'Civilians targeted' where civilians were the main or only "
        "target; the sources say whom a strike killed, not whom it was aimed at, so this "
        "is never filled (empty here means not known, not 'no').",
    ),
    _c("iso", "integer", "ISO 3166 numeric code: 760 (Syria).", required=True),
    _c("region", "string", "ACLED's region: 'Middle East'.", required=True),
    _c("country", "string", "'Syria': every strike in this dataset is in Syria.", required=True),
    _c(
        "admin1",
        "string",
        "Governorate: the article's where it names one, else a reference's (this dataset's "
        "spelling, which may differ from ACLED's gazetteer).",
    ),
    _c("admin2", "string", "District, from a cited reference only."),
    _c("admin3", "string", _EMPTY + "sub-district: no source gives it."),
    _c(
        "location",
        "string",
        "The place whose point latitude and longitude give (ACLED names the location of "
        "its coordinates); where nothing places the strike, the place as the article "
        "prints it. The article's wording of the place is in notes.",
        required=True,
    ),
    _c(
        "latitude",
        "number",
        "WGS 84, from a cited reference only; empty where nothing places the strike.",
    ),
    _c("longitude", "number", "WGS 84, as latitude."),
    _c(
        "geo_precision",
        "integer",
        "ACLED's scale, coded as ACLED codes it: 1 the place itself, 2 near a place, 3 a "
        "district's or governorate's seat stands for a larger area; empty without a point.",
    ),
    _c(
        "source",
        "string",
        "The outlets of the articles and reports that give the strike, separated by '; ' "
        "(a report without a known outlet by its id).",
        required=True,
    ),
    _c(
        "source_scale",
        "string",
        _EMPTY + "ACLED's source scale (local, national, international ...): the data do "
        "not classify outlets so.",
    ),
    _c(
        "notes",
        "string",
        "The strike's description, then what ACLED's columns cannot hold: the range of "
        "dates, the place as printed, the range and dispute of the figures, every "
        "perpetrator the sources name.",
        required=True,
    ),
    _c(
        "fatalities",
        "integer",
        "ACLED's single, most conservative figure: the lowest number of dead the accounts "
        "allow (deaths_low). 0 where the sources report none dead, and also 0 where no "
        "source gives a figure, as ACLED codes 'no report': those rows are tagged "
        "'fatalities=no report'.",
        required=True,
    ),
    _c(
        "tags",
        "string",
        "What ACLED's columns lose, as tags separated by '; ': 'fatalities=no report' (the "
        "0 means nothing is known), 'fatalities range=6-8+' (the accounts' range, '+' open "
        "above), 'fatalities disputed', 'perpetrator disputed', 'date range=FIRST/LAST'.",
    ),
    _c(
        "timestamp",
        "integer",
        "ACLED: when the event was last uploaded (Unix time). Here the data's as-of day "
        "(data.version.as_of) at 00:00 UTC.",
        required=True,
    ),
)

_ids = "UCDP's own identifier, which only UCDP assigns"

UCDP_COLUMNS: tuple[Column, ...] = (
    _c(
        "id",
        "integer",
        "UCDP's numeric event id. Here a negative number made from relid (its CRC-32): "
        "unique in the table and stable between releases, never a UCDP id (those are "
        "positive).",
        required=True,
    ),
    _c("relid", "string", "The strike's (or series') id in this dataset.", required=True),
    _c("year", "integer", "The year of date_start.", required=True),
    _c(
        "active_year",
        "boolean",
        _EMPTY + "whether the event's dyad passed UCDP's 25-deaths threshold that year: "
        "the dyad is UCDP's to code.",
    ),
    _c("code_status", "string", _EMPTY + "UCDP's review status ('Clear')."),
    _c(
        "type_of_violence",
        "integer",
        "1 state-based (a state's or a coalition's forces and an armed group, or two "
        "states), 2 non-state (two armed groups); empty where the sources name no targeted "
        "group. 3 (one-sided violence against civilians) is never coded: the sources do "
        "not say civilians were targeted.",
    ),
    _c("conflict_dset_id", "string", _EMPTY + _ids + "."),
    _c("conflict_new_id", "integer", _EMPTY + _ids + "."),
    _c("conflict_name", "string", _EMPTY + "UCDP's name for the conflict."),
    _c("dyad_dset_id", "string", _EMPTY + _ids + "."),
    _c("dyad_new_id", "integer", _EMPTY + _ids + "."),
    _c("dyad_name", "string", _EMPTY + "UCDP's name for the dyad."),
    _c("side_a_dset_id", "string", _EMPTY + _ids + "."),
    _c("side_a_new_id", "integer", _EMPTY + _ids + "."),
    _c(
        "side_a",
        "string",
        "The government side, named as UCDP names governments ('Government of United "
        "States of America', 'Government of Syria', 'Government of Russia (Soviet Union)'), "
        "or the coalition by this dataset's name; in a non-state event, the perpetrator. "
        "The perpetrator is the one the record is filed under.",
        required=True,
    ),
    _c("side_b_dset_id", "string", _EMPTY + _ids + "."),
    _c("side_b_new_id", "integer", _EMPTY + _ids + "."),
    _c(
        "side_b",
        "string",
        "The other side: the targeted groups, by this dataset's names, separated by ', ' "
        "(as GED lists a side of several actors) where the sources name several; empty "
        "where none is named.",
    ),
    _c("number_of_sources", "integer", "Articles and reports giving the strike.", required=True),
    _c(
        "source_article",
        "string",
        "Each source's outlet (or, for a report without one, its id), separated by '; '.",
        required=True,
    ),
    _c("source_office", "string", _EMPTY + "the agency's office: no source gives it."),
    _c(
        "source_date",
        "string",
        "Each source's publication day (ISO 8601; an uncertain day as its range, "
        "'2019-08-31/2019-09-06'), in source_article's order, separated by '; '.",
    ),
    _c(
        "source_headline",
        "string",
        "Each source's headline, in source_article's order, separated by '; '.",
    ),
    _c(
        "source_original",
        "string",
        "Who the figures and attributions come from, as the sources attribute them "
        "(SOHR, CENTCOM ...), separated by '; '.",
    ),
    _c(
        "where_prec",
        "integer",
        "UCDP's scale: 1 the place itself, 2 within about 25 km of a named place, 3 a "
        "district (its seat's point), 4 a governorate (its seat's point), 5 a vaguely "
        "bounded area ('north-west Syria'), 6 the country. Without a point, how precisely "
        "the sources place it.",
        required=True,
    ),
    _c(
        "where_coordinates",
        "string",
        "The place whose point latitude and longitude give; empty without a point.",
    ),
    _c("where_description", "string", "The place as the article prints it.", required=True),
    _c("adm_1", "string", "The governorate, as UCDP writes it ('Idlib governorate')."),
    _c("adm_2", "string", "The district, from a cited reference ('Idlib district')."),
    _c("latitude", "number", "WGS 84, from a cited reference only; empty without a point."),
    _c("longitude", "number", "WGS 84, as latitude."),
    _c("geom_wkt", "string", "The point as WKT, 'POINT (LONGITUDE LATITUDE)'."),
    _c(
        "priogrid_gid",
        "integer",
        "The PRIO-GRID cell (0.5 degrees) holding the point: (row - 1) * 720 + column, "
        "row 1 at 90 S and column 1 at 180 W; empty without a point.",
    ),
    _c("country", "string", "'Syria'.", required=True),
    _c(
        "country_id", "integer", "Gleditsch-Ward number of the country: 652 (Syria).", required=True
    ),
    _c("region", "string", "UCDP's region: 'Middle East'.", required=True),
    _c(
        "event_clarity",
        "integer",
        "1 a single strike; 2 a series (strikes the sources report only as one: an "
        "aggregation the sources made and that cannot be undone). Series are in a table "
        "of their own, never with single strikes.",
        required=True,
    ),
    _c(
        "date_prec",
        "integer",
        "UCDP's scale: 1 the day, 2 two to six days, 3 a week, 4 eight days to a month "
        "(31 days), 5 more than a month within one year. Records dated less precisely, or "
        "across two years, are left out.",
        required=True,
    ),
    _c("date_start", "date", "The earliest possible day.", required=True),
    _c("date_end", "date", "The latest possible day.", required=True),
    _c(
        "deaths_a",
        "integer",
        _EMPTY + "side A's dead: no source gives the attackers' losses in a strike.",
    ),
    _c(
        "deaths_b",
        "integer",
        "Side B's dead: the militants killed, where the accounts agree on a figure; empty "
        "where they disagree, give none, or side B is a state.",
    ),
    _c(
        "deaths_civilians",
        "integer",
        "Civilians killed, where the accounts agree on a figure; empty otherwise.",
    ),
    _c(
        "deaths_unknown",
        "integer",
        "The dead no source places among militants or civilians: best less deaths_b and "
        "deaths_civilians, where those are known or no source gives them. Empty where a "
        "part is disputed, or the parts come to more than best (different accounts): "
        "UCDP's best = deaths_a + deaths_b + deaths_civilians + deaths_unknown holds only "
        "where every part is filled.",
    ),
    _c(
        "best",
        "integer",
        "UCDP's best estimate: the figure every account allows, where they agree "
        "(deaths_best); empty where the accounts disagree, for this dataset never picks one.",
    ),
    _c(
        "high",
        "integer",
        "The largest figure any account gives (deaths_high); a floor itself where that "
        "account says 'at least' (deaths_open_ended in the strikes table).",
        required=True,
    ),
    _c(
        "low",
        "integer",
        "The fewest dead the accounts allow (deaths_low); at least 1 in every row.",
        required=True,
    ),
    _c(
        "gwnoa",
        "string",
        "Gleditsch-Ward number of side A where it is a state (2 the United States, 652 "
        "Syria, 365 Russia, 640 Turkey); empty for a coalition or an armed group.",
    ),
    _c(
        "gwnob",
        "string",
        "Gleditsch-Ward number of side B where it is a state (several separated by ';', "
        "as GED writes them).",
    ),
)


def shape_columns(shape: str) -> tuple[Column, ...]:
    """The columns of the ``acled`` or ``ucdp-ged`` shape, in the dataset's own order.

    Examples:
        >>> [c.name for c in shape_columns("acled")][:4]
        ['event_id_cnty', 'event_date', 'year', 'time_precision']
        >>> len(shape_columns("acled")), len(shape_columns("ucdp-ged"))
        (31, 49)
    """
    return ACLED_COLUMNS if shape == "acled" else UCDP_COLUMNS


#: The columns of a shaped export's list of the records it leaves out.
LEFT_OUT_COLUMNS: tuple[Column, ...] = (
    _c("id", "string", "The record's id (a strike's or a series').", required=True),
    _c("table", "string", "The shaped table it is left out of.", required=True),
    _c("reason", "string", "Why: the dataset's rule it does not meet.", required=True),
)
