"""The ACLED- and UCDP GED-shaped tables: each dataset's columns and types, its users' code.

The expected columns are written out here from each dataset's own documentation, not read
from the package: ACLED's codebook, Table 1 ("ACLED Data Columns at a Glance", acleddata.com;
the same 31 names in ACLED's R package acledR, tests/testthat/test-acled_api.R) and UCDP's
GED CSV header (versions 23.1-26.1) with the types of UCDP's API schema (``GedDb``). The
snippets are the ones ACLED's and UCDP's users run (see each test), unchanged.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import idlibstrikes as isk
from idlibstrikes._casualties import summarize
from idlibstrikes._models import Outcome, Victims
from idlibstrikes._shapes import left_out, priogrid_gid
from idlibstrikes.testing import strategies, synthetic

pd = pytest.importorskip("pandas")

S, N, F, D, B = "string", "integer", "number", "date", "boolean"

# ACLED codebook, Table 1: name and type, in ACLED's order (inter1, inter2 and interaction
# are text since ACLED's 2024 change: "A text value indicating the type of Actor 1").
ACLED = [
    ("event_id_cnty", S),
    ("event_date", D),
    ("year", N),
    ("time_precision", N),
    ("disorder_type", S),
    ("event_type", S),
    ("sub_event_type", S),
    ("actor1", S),
    ("assoc_actor_1", S),
    ("inter1", S),
    ("actor2", S),
    ("assoc_actor_2", S),
    ("inter2", S),
    ("interaction", S),
    ("civilian_targeting", S),
    ("iso", N),
    ("region", S),
    ("country", S),
    ("admin1", S),
    ("admin2", S),
    ("admin3", S),
    ("location", S),
    ("latitude", F),
    ("longitude", F),
    ("geo_precision", N),
    ("source", S),
    ("source_scale", S),
    ("notes", S),
    ("fatalities", N),
    ("tags", S),
    ("timestamp", N),
]

# UCDP GED: the CSV's 49 columns in order, typed as UCDP's API schema types them (its
# date-time date_start and date_end are days here; gwnoa and gwnob are text, as in GED).
UCDP = [
    ("id", N),
    ("relid", S),
    ("year", N),
    ("active_year", B),
    ("code_status", S),
    ("type_of_violence", N),
    ("conflict_dset_id", S),
    ("conflict_new_id", N),
    ("conflict_name", S),
    ("dyad_dset_id", S),
    ("dyad_new_id", N),
    ("dyad_name", S),
    ("side_a_dset_id", S),
    ("side_a_new_id", N),
    ("side_a", S),
    ("side_b_dset_id", S),
    ("side_b_new_id", N),
    ("side_b", S),
    ("number_of_sources", N),
    ("source_article", S),
    ("source_office", S),
    ("source_date", S),
    ("source_headline", S),
    ("source_original", S),
    ("where_prec", N),
    ("where_coordinates", S),
    ("where_description", S),
    ("adm_1", S),
    ("adm_2", S),
    ("latitude", F),
    ("longitude", F),
    ("geom_wkt", S),
    ("priogrid_gid", N),
    ("country", S),
    ("country_id", N),
    ("region", S),
    ("event_clarity", N),
    ("date_prec", N),
    ("date_start", D),
    ("date_end", D),
    ("deaths_a", N),
    ("deaths_b", N),
    ("deaths_civilians", N),
    ("deaths_unknown", N),
    ("best", N),
    ("high", N),
    ("low", N),
    ("gwnoa", S),
    ("gwnob", S),
]

PANDAS = {S: "str", N: "Int64", F: "Float64", D: "datetime64[s]", B: "boolean"}


@pytest.fixture(scope="module")
def data() -> isk.Dataset:
    return isk.load()


@pytest.fixture(scope="module")
def exported(data: isk.Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("shapes")
    data.export("acled", out)
    data.export("ucdp-ged", out)
    return out


# -- the columns and their types are each dataset's ----------------------------------------


@pytest.mark.parametrize(
    ("method", "expected"), [("to_acled", ACLED), ("to_ucdp_ged", UCDP)], ids=["acled", "ucdp"]
)
def test_the_columns_and_types_are_the_codebooks(
    data: isk.Dataset, method: str, expected: list[tuple[str, str]]
) -> None:
    table = getattr(data, method)()
    assert [(f.name, f.type) for f in table.fields] == expected
    frame = table.to_dataframe()
    assert list(frame.columns) == [name for name, _ in expected]
    assert {n: str(frame[n].dtype) for n, _ in expected} == {n: PANDAS[t] for n, t in expected}
    arrow = table.to_arrow()  # counts 64-bit, days date32, text plain strings
    arrow_types = {S: "string", N: "int64", F: "double", D: "date32[day]", B: "bool"}
    assert {n: str(arrow.schema.field(n).type) for n, _ in expected} == {
        n: arrow_types[t] for n, t in expected
    }


@pytest.mark.parametrize(
    ("name", "expected"),
    [("acled.csv", ACLED), ("ucdp_ged.csv", UCDP), ("ucdp_ged_series.csv", UCDP)],
)
def test_the_csv_headers_are_the_datasets(
    exported: Path, name: str, expected: list[tuple[str, str]]
) -> None:
    header = (exported / name).read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == [n for n, _ in expected]


# -- their users' code runs unchanged ------------------------------------------------------


def test_an_acled_users_pandas_code_runs_unchanged(data: isk.Dataset, exported: Path) -> None:
    # as ACLED users read an export (github.com/lboekestein/capstone; acled.api's README):
    # read the CSV, parse event_date, filter by country and event type, sum fatalities
    df = pd.read_csv(exported / "acled.csv")
    df["event_date"] = pd.to_datetime(df["event_date"])
    syria = df[df["country"] == "Syria"]
    by_date = syria.groupby("event_date")["fatalities"].sum()
    f_by_e = df.groupby("event_type")["fatalities"].sum()
    nb_f = df["fatalities"].sum()
    assert nb_f == f_by_e.sum() == by_date.sum()
    remote = df[df["event_type"] == "Explosions/Remote violence"]
    air = remote[remote["sub_event_type"] == "Air/drone strike"]
    assert len(remote) == len(df) == 59
    assert len(air) == 51
    # the total is the library's own: the most conservative figure of every strike shaped
    strikes = [data.strike(i) for i in df["event_id_cnty"]]
    total = data.casualties(strikes)
    assert nb_f == total.low == 390
    # and the 0s are the strikes no source gives a figure for, tagged, plus those reported 0
    nothing = df["tags"].fillna("").str.contains("fatalities=no report")
    assert sorted(df.loc[nothing, "event_id_cnty"]) == sorted(
        s.id for s in total.strikes_without_figures
    )
    zero = df.loc[(df["fatalities"] == 0) & ~nothing, "event_id_cnty"].tolist()
    assert zero == ["2020-12-30-salqin-isqat-road"]
    assert summarize(data.strike(zero[0]), Victims.ALL, Outcome.KILLED).high == 0


def test_a_ucdp_users_code_runs_unchanged(data: isk.Dataset, exported: Path) -> None:
    # as UCDP GED users read it (mapme.biodiversity's calc_fatalities_ucdp): filter by the
    # precision of place and date, sum the deaths by year and type of violence
    ged = pd.read_csv(exported / "ucdp_ged.csv")
    precise = ged[(ged["where_prec"] <= 4) & (ged["date_prec"] <= 4)]
    yearly = precise.groupby(["year", "type_of_violence"])[["low", "best", "high"]].sum()
    state_based = ged[ged["type_of_violence"] == 1]
    assert int(state_based["best"].sum()) == 172
    assert len(state_based) == 47
    assert int(yearly.loc[(2019, 1), "low"]) == 49  # Rif al-Muhandisin 6, the camp 40, 2, 1
    # low and high are the library's range over the same strikes
    strikes = [data.strike(i) for i in ged["relid"]]
    total = data.casualties(strikes)
    assert (int(ged["low"].sum()), int(ged["high"].sum())) == (total.low, total.high) == (391, 523)
    # best is the library's where the accounts agree, and empty where they do not
    for relid, best in zip(ged["relid"], ged["best"], strict=True):
        one = summarize(data.strike(relid), Victims.ALL, Outcome.KILLED)
        assert (None if pd.isna(best) else int(best)) == one.best, relid
    assert total.best is None  # some strikes have no best: the library gives no total best
    assert ged["best"].isna().sum() == 22


def test_a_frame_of_the_table_answers_as_the_csv_does(data: isk.Dataset, exported: Path) -> None:
    ged = data.to_ucdp_ged().to_dataframe()
    from_csv = pd.read_csv(exported / "ucdp_ged.csv")
    assert ged["relid"].tolist() == from_csv["relid"].tolist()
    assert ged["low"].sum() == from_csv["low"].sum()
    assert ged["date_start"].dt.year.tolist() == from_csv["year"].tolist()


# -- the conventions, coded as each dataset codes them -------------------------------------


def test_acled_rows_follow_acleds_rules(data: isk.Dataset) -> None:
    table = data.to_acled()
    rows = {r["event_id_cnty"]: r for r in table}
    # every record is a row or is left out, with why; no series is a row
    gone = left_out(table)
    assert sorted([*rows, *gone]) == sorted(s.id for s in data.strikes)
    assert {s.id for s in data.strikes if s.is_series} <= set(gone)
    assert sorted(i for i, why in gone.items() if "series" not in why) == [
        "2024-12-17-armanaz-kafr-takharim",  # 2024-09-24/2024-12-17: wider than a month
        "2026-01-16-north-west-syria",  # placed only in Syria as a whole
        "undated-kafr-deryan-sarmada-road",  # no last day
    ]
    assert {r["time_precision"] for r in rows.values()} == {1, 2, 3}
    kafranbel = rows["2019-08-31-kafranbel-shelling"]
    assert (kafranbel["actor1"], kafranbel["inter1"]) == (
        "Military Forces of Syria (2000-2024)",
        "State forces",
    )
    assert (kafranbel["actor2"], kafranbel["interaction"]) == (
        "Civilians (Syria)",
        "State forces-Civilians",
    )
    hts = rows["2019-08-27-hts-missile-khan-sheikhoun"]
    assert (hts["actor1"], hts["actor2"], hts["interaction"]) == (
        "Hayat Tahrir al-Sham",
        "Military Forces of Syria (2000-2024)",
        "State forces-Rebel group",
    )
    assert hts["sub_event_type"] == "Shelling/artillery/missile attack"
    june = rows["2019-06-30-rif-al-muhandisin"]
    assert (june["actor1"], june["inter1"], june["actor2"], june["assoc_actor_2"]) == (
        "Military Forces of the United States (2017-2021)",
        "External/Other forces",
        "al-Qaeda in Syria",
        "Hurras al-Din",
    )
    assert (june["fatalities"], june["tags"]) == (6, "fatalities range=6-8+; fatalities disputed")
    assert rows["2017-01-19-sheikh-suleiman"]["actor1"].endswith("(2009-2017)")  # Obama's
    assert rows["2017-02-03-near-idlib"]["actor1"].endswith("(2017-2021)")  # Trump's
    # a week or a month: the middle day, the range kept in tags and notes
    jinah = rows["2017-03-al-jinah"]
    assert (jinah["event_date"], jinah["time_precision"]) == (dt.date(2017, 3, 16), 2)
    assert "date range=2017-03-16/2017-03-17" in jinah["tags"]
    sept = rows["2020-09-14-idlib"]
    assert (sept["event_date"], sept["time_precision"]) == (dt.date(2020, 9, 9), 3)
    # the location is the place whose point the row gives; the article's place is in notes
    camp = rows["2019-08-31-idlib-training-camp"]
    assert (camp["location"], camp["geo_precision"]) == ("Maarrat Misrin", 2)
    assert "training camp just north of Idlib city" in camp["notes"]
    # a disputed perpetrator: filed under the record's, tagged, every reading in notes
    for s in data.strikes:
        if s.id in rows and s.perpetrator_disputed:
            assert "perpetrator disputed" in rows[s.id]["tags"], s.id
            assert all(p.name in rows[s.id]["notes"] for p in s.perpetrators), s.id
    # nothing the data do not give
    for column in ("civilian_targeting", "admin3", "source_scale"):
        assert {r[column] for r in rows.values()} == {None}
    assert {(r["iso"], r["country"], r["region"]) for r in rows.values()} == {
        (760, "Syria", "Middle East")
    }


def test_ucdp_rows_follow_ucdps_rules(data: isk.Dataset) -> None:
    table = data.to_ucdp_ged()
    rows = {r["relid"]: r for r in table}
    assert all(r["low"] >= 1 for r in rows.values())  # UCDP: at least one death
    assert {r["event_clarity"] for r in rows.values()} == {1}
    gone = left_out(table)
    assert sorted(gone) == [
        "2014-11-13-west-of-aleppo",
        "2014-11-harem",
        "2019-08-27-hts-missile-khan-sheikhoun",
        "2020-12-30-salqin-isqat-road",
        "2024-12-17-armanaz-kafr-takharim",
        "undated-kafr-deryan-sarmada-road",
    ]
    assert sorted([*rows, *gone]) == sorted(s.id for s in data.strikes if not s.is_series)
    ids = [r["id"] for r in rows.values()]
    assert len(set(ids)) == len(ids)
    assert all(i < 0 for i in ids)
    # date_prec: 2 days, 11 days, 31 days
    assert rows["2017-03-al-jinah"]["date_prec"] == 2
    assert rows["2020-09-14-idlib"]["date_prec"] == 4
    assert rows["2025-10-02-harem-barisha-road"]["date_prec"] == 4
    # where_prec: the place itself, near a place, a district's seat, a governorate's seat
    assert rows["2017-03-al-jinah"]["where_prec"] == 1
    assert rows["2019-08-31-idlib-training-camp"]["where_prec"] == 2
    assert rows["2025-02-15-urum-al-jawz"]["where_prec"] == 3
    assert rows["2019-06-30-rif-al-muhandisin"]["where_prec"] == 4
    assert rows["2026-01-16-north-west-syria"]["where_prec"] == 6
    jinah = rows["2017-03-al-jinah"]
    assert jinah["geom_wkt"] == "POINT (36.787 36.1079)"
    assert jinah["priogrid_gid"] == priogrid_gid(36.1079, 36.787) == 181874
    assert (jinah["adm_1"], jinah["adm_2"]) == ("Aleppo governorate", "Atarib district")
    june = rows["2019-06-30-rif-al-muhandisin"]
    assert (june["side_a"], june["gwnoa"], june["type_of_violence"]) == (
        "Government of United States of America",
        "2",
        1,
    )
    assert (june["low"], june["best"], june["high"]) == (6, None, 8)
    kafranbel = rows["2019-08-31-kafranbel-shelling"]
    assert (kafranbel["side_a"], kafranbel["gwnoa"], kafranbel["side_b"]) == (
        "Government of Syria",
        "652",
        None,
    )
    assert kafranbel["type_of_violence"] is None  # no targeted group: not one-sided either
    # the parts add up to best wherever deaths_unknown is filled
    for r in rows.values():
        if r["deaths_unknown"] is not None:
            parts = (r["deaths_b"] or 0) + (r["deaths_civilians"] or 0) + r["deaths_unknown"]
            assert parts == r["best"], r["relid"]
    hq = rows["2017-01-03-sarmada-hq"]  # 14 civilians and 25 militants, 30 dead in all
    assert (hq["deaths_civilians"], hq["deaths_b"], hq["best"], hq["deaths_unknown"]) == (
        14,
        25,
        30,
        None,
    )
    # UCDP's own ids and codes, and what no source gives, are empty
    never = (
        "active_year",
        "code_status",
        "conflict_dset_id",
        "conflict_new_id",
        "conflict_name",
        "dyad_dset_id",
        "dyad_new_id",
        "dyad_name",
        "side_a_dset_id",
        "side_a_new_id",
        "side_b_dset_id",
        "side_b_new_id",
        "source_office",
        "deaths_a",
    )
    for column in never:
        assert {r[column] for r in rows.values()} == {None}, column
    assert {(r["country"], r["country_id"], r["region"]) for r in rows.values()} == {
        ("Syria", 652, "Middle East")
    }


def test_series_are_a_ucdp_table_of_their_own(data: isk.Dataset) -> None:
    series = data.to_ucdp_ged("series")
    rows = {r["relid"]: r for r in series}
    assert {r["event_clarity"] for r in rows.values()} == {2}
    assert set(rows) == {
        "2014-sohr-coalition-nusra-toll",
        "2015-khorasan-leader-strikes",
        "2017-01-us-strike-campaign",
        "2019-idlib-offensive",
    }
    offensive = rows["2019-idlib-offensive"]
    assert (offensive["side_a"], offensive["low"], offensive["date_prec"]) == (
        "Government of Syria",
        951,
        5,
    )
    strikes = {r["relid"] for r in data.to_ucdp_ged()}
    assert not strikes & set(rows)  # never in one table
    with pytest.raises(LookupError, match="series"):
        data.to_ucdp_ged("serie")


def test_a_query_result_is_shaped_too(data: isk.Dataset) -> None:
    found = data.strikes_by_group("Hurras al-Din")
    acled = data.to_acled(found)
    assert [r["event_id_cnty"] for r in acled] == [s.id for s in found]
    assert all(
        "Hurras al-Din" in (r["actor2"], *(r["assoc_actor_2"] or "").split("; ")) for r in acled
    )


def test_acleds_vague_words_change_no_strikes_fatalities(data: isk.Dataset) -> None:
    # ACLED codes "dozens" as 12 and "hundreds" as 100; this dataset reads them as floors of
    # 24 and 200 (the codebook says so). Recoded as ACLED codes them, no strike's fatalities
    # changes: every vague word sits beside a figure (Kansafra's "dozens" beside 14, which
    # agrees with 12 or more), or counts only a part. The codebook says so; this checks it.
    acleds = {24: 12, 200: 100}
    differ = []
    for s in data.strikes:
        if s.is_series or not any(c.vague and c.low in acleds for c in s.claims):
            continue
        recoded = tuple(
            attrs.evolve(c, low=acleds[c.low]) if c.vague and c.low in acleds else c
            for c in s.claims
        )
        theirs = summarize(attrs.evolve(s, claims=recoded), Victims.ALL, Outcome.KILLED)
        ours = summarize(s, Victims.ALL, Outcome.KILLED)
        if theirs.low != ours.low:
            differ.append((s.id, ours.low, theirs.low))
    assert differ == []
    checked = [s.id for s in data.strikes if any(c.vague and c.low == 24 for c in s.claims)]
    assert "2015-05-20-kansafra" in checked
    assert "2017-03-al-jinah" in checked


def test_the_exports_list_what_they_leave_out(exported: Path) -> None:
    acled = pd.read_csv(exported / "acled_left_out.csv")
    assert list(acled.columns) == ["id", "table", "reason"]
    assert len(acled) == 12
    assert set(acled["table"]) == {"acled"}
    ucdp = pd.read_csv(exported / "ucdp_ged_left_out.csv")
    assert set(ucdp["table"]) == {"ucdp_ged", "ucdp_ged_series"}
    assert (
        ucdp["reason"]
        .str.contains("at least one death|only events with a death|calendar year")
        .all()
    )


# -- invariants, on generated datasets -----------------------------------------------------


def check_invariants(generated: isk.Dataset) -> None:
    """Every record a row or left out; figures keep their meaning; every row converts."""
    acled = generated.to_acled()
    acled.to_arrow()  # every required column filled, every value of its type
    rows = {r["event_id_cnty"]: r for r in acled}
    assert sorted([*rows, *left_out(acled)]) == sorted(s.id for s in generated.strikes)
    for ident, row in rows.items():
        s = generated.strike(ident)
        assert not s.is_series
        low = summarize(s, Victims.ALL, Outcome.KILLED).low
        unknown = "fatalities=no report" in (row["tags"] or "")
        assert row["fatalities"] == (0 if low is None else low)
        assert unknown is (low is None)
        assert row["time_precision"] in (1, 2, 3)
        assert row["interaction"] is None or row["inter1"] is not None
    for kind in ("strikes", "series"):
        ged = generated.to_ucdp_ged(kind)
        ged.to_arrow()
        shaped = {r["relid"]: r for r in ged}
        mine = [s.id for s in generated.strikes if s.is_series is (kind == "series")]
        assert sorted([*shaped, *left_out(ged)]) == sorted(mine)
        assert len({r["id"] for r in ged}) == len(ged)
        for r in shaped.values():
            assert r["low"] >= 1
            assert r["event_clarity"] == (2 if kind == "series" else 1)
            assert r["date_start"].year == r["date_end"].year == r["year"]
            if r["best"] is not None:
                assert r["low"] <= r["best"] <= r["high"]
            if r["deaths_unknown"] is not None:
                parts = (r["deaths_b"] or 0) + (r["deaths_civilians"] or 0)
                assert parts + r["deaths_unknown"] == r["best"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.datasets(max_strikes=8))
def test_invariants_on_generated_datasets(generated: isk.Dataset) -> None:
    pytest.importorskip("pyarrow")
    check_invariants(generated)  # their dates are mostly wide: most records are left out


def test_invariants_on_a_synthetic_dataset() -> None:
    pytest.importorskip("pyarrow")
    generated = synthetic.dataset(2000, seed=13)  # most of its strikes are rows
    assert len(generated.to_acled()) > 1000
    assert len(generated.to_ucdp_ged()) > 1000
    check_invariants(generated)
