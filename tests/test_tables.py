"""Tabular views: rows, columns and DataFrames on the real data."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

import idlibstrikes as isk
from idlibstrikes._tables import KINDS as TABLES


def test_every_table_has_its_columns_in_order(data: isk.Dataset) -> None:
    counts = {
        "strikes": 7,
        "series": 4,
        "claims": 20,
        "groups": 43,
        "ceasefires": 3,
        "sources": 36,
        "references": 37,
    }
    for kind, count in counts.items():
        rows = data.to_records(kind)
        assert len(rows) == count, kind
        names = [c.name for c in isk.columns(kind)]
        assert all(list(row) == names for row in rows), kind
        for column in isk.columns(kind):
            if column.required:
                assert all(row[column.name] is not None for row in rows), (kind, column.name)


def test_strike_rows_use_event_dataset_columns(data: isk.Dataset) -> None:
    rows = {r["id"]: r for r in data.to_records("strikes")}
    jinah = rows["2017-03-al-jinah"]
    # "dozens" (002) agrees with SOHR's 49 (003): it does not lower the toll
    assert (jinah["deaths_low"], jinah["deaths_high"], jinah["deaths_best"]) == (49, 49, 49)
    # SOHR's "most of" 49 civilians against the Pentagon's "only one possible": disputed
    assert (jinah["civilian_deaths_low"], jinah["civilian_deaths_high"]) == (0, 49)
    # 002's 17 March, 003's report of March, the reference's 16 March: two readings conflict
    assert (jinah["event_date"], jinah["date_end"], jinah["date_disputed"]) == (
        dt.date(2017, 3, 16),
        dt.date(2017, 3, 17),
        True,
    )
    assert (jinah["admin1"], jinah["admin1_source"], jinah["admin2"]) == (
        "Aleppo",
        "002_0d9037507fd83edc.txt",  # 002 names the governorate ("al-Jinah village of Aleppo")
        "Atarib",
    )
    assert (jinah["latitude"], jinah["longitude"]) == (36.1079, 36.787)
    assert jinah["geo_source"] == "ref-wikipedia-al-jinah-airstrike"
    camp = rows["2019-08-31-idlib-training-camp"]
    assert camp["event_date"] == camp["date_end"] == dt.date(2019, 8, 31)
    assert camp["date_precision"] == 1
    assert camp["actor1"] == "US military"
    assert "Hurras al-Din" in camp["actor2"]
    assert (camp["deaths_low"], camp["deaths_high"], camp["deaths_open_ended"]) == (40, 40, True)
    assert (camp["commander_deaths_low"], camp["commander_deaths_high"]) == (40, 40)
    assert (camp["wounded_low"], camp["wounded_open_ended"]) == (1, True)
    # the reference puts the camp "between Maarrat Misrin and Kafriya": near a town, 2
    assert camp["geo_precision"] == 2
    assert (camp["latitude"], camp["longitude"]) == (36.0115, 36.6718)
    assert camp["geo_source"] == "ref-geonames"
    # Kafranbel: no governorate in the article; Idlib comes from the cited reference.
    kafranbel = rows["2019-08-31-kafranbel-shelling"]
    assert (kafranbel["admin1"], kafranbel["admin1_source"]) == ("Idlib", "ref-wikipedia-kafr-nabl")
    # "killed a civilian": at least one dead in all, never an empty cell
    assert (kafranbel["deaths_low"], kafranbel["deaths_open_ended"]) == (1, True)
    assert (kafranbel["civilian_deaths_low"], kafranbel["civilian_deaths_high"]) == (1, 1)
    zabir = rows["2025-01-late-al-zabir"]
    assert (zabir["event_date"], zabir["date_end"]) == (dt.date(2025, 1, 30), dt.date(2025, 1, 30))
    assert zabir["date_precision"] == 1
    assert zabir["geo_precision"] == 3  # "north-west Syria": a region
    # the governorate from the reference that puts the strike near Batabo
    assert (zabir["admin1"], zabir["admin1_source"]) == ("Idlib", "ref-sohr-afp-north-press")
    # one meaning: admin1_source is always the id of a source (an article or a reference)
    sources = {r["id"] for r in data.to_records("sources")}
    for kind in ("strikes", "series"):
        for row in data.to_records(kind):
            assert (row["admin1"] is None) == (row["admin1_source"] is None), row["id"]
            assert row["admin1_source"] is None or row["admin1_source"] in sources, row["id"]
    assert (zabir["deaths_low"], zabir["deaths_open_ended"]) == (1, True)  # a named dead man
    urum = rows["2025-02-15-urum-al-jawz"]
    assert (urum["location"], urum["geo_precision"], urum["number_of_sources"]) == (
        "motorway near the village of Urum Al Joz",
        3,  # placed at Ariha, the seat of the district the reference gives
        1,
    )
    june = rows["2019-06-30-rif-al-muhandisin"]
    assert (june["deaths_low"], june["deaths_high"], june["deaths_disputed"]) == (6, 8, True)
    assert june["deaths_best"] is None
    series = {r["id"]: r for r in data.to_records("series")}
    offensive = series["2019-idlib-offensive"]
    assert (offensive["scope"], offensive["civilian_toll_low"]) == ("series", 951)
    assert offensive["toll_counted_to"] == dt.date(2019, 8, 31)
    assert (offensive["start_earliest"], offensive["end_latest"]) == (
        dt.date(2019, 4, 21),
        dt.date(2019, 8, 31),
    )
    assert "2019-idlib-offensive" not in rows  # a series is never a row of the strikes table
    nothing = rows["2019-08-27-hts-missile-khan-sheikhoun"]
    assert nothing["deaths_low"] is None
    assert nothing["deaths_best"] is None


def test_claim_rows_keep_every_claim(data: isk.Dataset) -> None:
    rif = [r for r in data.to_records("claims") if r["strike_id"] == "2019-06-30-rif-al-muhandisin"]
    commanders = [
        (r["low"], r["high"], r["source"][:3]) for r in rif if r["victims"] == "commanders"
    ]
    assert commanders == [(8, 8, "002"), (6, None, "002"), (6, 6, "003")]
    assert [r["open_ended"] for r in rif if r["victims"] == "commanders"] == [False, True, False]
    assert len({r["claim_id"] for r in data.to_records("claims")}) == 20


def test_group_and_ceasefire_rows(data: isk.Dataset) -> None:
    groups = {r["id"]: r for r in data.to_records("groups")}
    had = groups["hurras-al-din"]
    assert "affiliate_of:al-qaeda" in had["affiliations"]
    # "in 2018" (000), "in February 2018" (001, 003) and the reference's 27 February agree
    assert (had["founded_earliest"], had["founded_latest"], had["founded_disputed"]) == (
        dt.date(2018, 2, 27),
        dt.date(2018, 2, 27),
        False,
    )
    assert groups["syrian-government"]["ended_latest"] == dt.date(2024, 12, 8)
    ceasefires = {r["id"]: r for r in data.to_records("ceasefires")}
    assert any(r["start_earliest"] == dt.date(2019, 8, 31) for r in ceasefires.values())
    assert any("Russia" in r["brokers"] or "Russia" in r["parties"] for r in ceasefires.values())


def test_multi_value_cells_never_hold_the_separator(data: isk.Dataset) -> None:
    for kind in TABLES:
        multiple = [c.name for c in isk.columns(kind) if c.multiple]
        for row in data.to_records(kind):
            for name in multiple:
                assert isinstance(row[name], tuple)
                assert not any(";" in value for value in row[name]), (kind, name)


def test_an_unknown_table_suggests_the_known_ones(data: isk.Dataset) -> None:
    with pytest.raises(LookupError, match="no analyst's table is known as 'strike'; did you mean"):
        data.to_records("strike")


def test_dataframes_have_typed_columns(data: isk.Dataset) -> None:
    df = data.to_dataframe("strikes")
    assert df.shape == (7, len(isk.columns("strikes")))
    assert str(df["event_date"].dtype) == "datetime64[s]"
    assert str(df["deaths_low"].dtype) == "Int32"
    # the strikes table holds single strikes only: its figures sum without filtering
    assert set(df["scope"]) == {"event"}
    assert int(df["deaths_high"].sum()) == 49 + 8 + 40 + 1 + 1 + 2  # missing: skipped
    assert int(df["deaths_low"].sum()) == 99
    assert df["deaths_low"].isna().sum() == 1  # only the HTS missile has no figure
    exploded = df.explode("actor2")
    assert (exploded["actor2"] == "Hurras al-Din").sum() == 4
    claims = data.to_dataframe("claims")
    by_source = claims.groupby("source")["claim_id"].count().to_dict()
    assert by_source["002_0d9037507fd83edc.txt"] == 4


def test_to_dataframe_without_pandas_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import idlibstrikes as isk\n"
        "try:\n    isk.load(sources='articles').to_dataframe()\n"
        "except ImportError as e:\n    print(e)\n"
        "rows = isk.load(sources='articles').to_records()\n"
        "print(len(rows))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.splitlines() == [
        "to_dataframe() needs pandas; install it with pip install pandas (the [pandas] extra)",
        "7",
    ], done.stderr


def test_a_lossless_table_name_says_where_it_is(data: isk.Dataset) -> None:
    with pytest.raises(LookupError, match=r"is Dataset.tables\(\)\[name\]"):
        data.to_records("casualty_claims")


def test_a_query_result_is_accepted_where_a_table_is(data: isk.Dataset) -> None:
    found = data.strikes_by_group("Hurras al-Din")
    assert data.to_records(found) == found.to_records()
    assert [r["id"] for r in data.to_records(found)] == [s.id for s in found]
    on = data.ceasefires_on("2019-08-31")
    assert [r["id"] for r in data.to_records(on)] == [c.id for c in on]
