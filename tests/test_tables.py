"""Tabular views: rows, columns and DataFrames on the real data."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

import idlibstrikes as isk


def test_every_table_has_its_columns_in_order(data: isk.Dataset) -> None:
    counts = {"strikes": 11, "claims": 20, "groups": 43, "ceasefires": 3, "sources": 29}
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
    # Sources disagree on al-Jinah: the smallest and largest tolls are kept, never averaged.
    assert (jinah["deaths_low"], jinah["deaths_high"]) == (24, 49)
    assert (jinah["admin1"], jinah["admin1_source"], jinah["admin2"]) == (
        "Aleppo",
        "article",
        "Atarib",
    )
    assert (jinah["latitude"], jinah["longitude"]) == (36.1079, 36.787)
    assert jinah["geo_source"] == "ref-wikipedia-al-jinah-airstrike"
    camp = rows["2019-08-31-idlib-training-camp"]
    assert camp["event_date"] == camp["date_end"] == dt.date(2019, 8, 31)
    assert camp["date_precision"] == 1
    assert camp["actor1"] == "US military"
    assert "Hurras al-Din" in camp["actor2"]
    assert (camp["deaths_low"], camp["deaths_high"]) == (40, 40)
    assert camp["latitude"] is None  # the reference gives no point for the camp
    # Kafranbel: no governorate in the article; Idlib comes from the cited reference.
    kafranbel = rows["2019-08-31-kafranbel-shelling"]
    assert (kafranbel["admin1"], kafranbel["admin1_source"]) == ("Idlib", "ref-wikipedia-kafr-nabl")
    zabir = rows["2025-01-late-al-zabir"]
    assert (zabir["event_date"], zabir["date_end"]) == (dt.date(2025, 1, 21), dt.date(2025, 1, 31))
    assert zabir["date_precision"] == 3
    assert zabir["geo_precision"] == 3  # "north-west Syria": a region
    urum = rows["2025-02-15-urum-al-jawz"]
    assert (urum["location"], urum["geo_precision"], urum["number_of_sources"]) == (
        "Urum Al Joz",
        1,
        1,
    )


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
    # "in 2018" (000) and "in February 2018" (001, 003): the founding date is their hull.
    assert (had["founded_earliest"], had["founded_latest"]) == (
        dt.date(2018, 1, 1),
        dt.date(2018, 12, 31),
    )
    ceasefires = {r["id"]: r for r in data.to_records("ceasefires")}
    assert any(r["start_earliest"] == dt.date(2019, 8, 31) for r in ceasefires.values())
    assert any("Russia" in r["brokers"] or "Russia" in r["parties"] for r in ceasefires.values())


def test_multi_value_cells_never_hold_the_separator(data: isk.Dataset) -> None:
    for kind in ("strikes", "claims", "groups", "ceasefires", "sources"):
        multiple = [c.name for c in isk.columns(kind) if c.multiple]
        for row in data.to_records(kind):
            for name in multiple:
                assert isinstance(row[name], tuple)
                assert not any(";" in value for value in row[name]), (kind, name)


def test_an_unknown_table_suggests_the_known_ones(data: isk.Dataset) -> None:
    with pytest.raises(LookupError, match="no table is known as 'strike'; did you mean"):
        data.to_records("strike")


def test_dataframes_have_typed_columns(data: isk.Dataset) -> None:
    df = data.to_dataframe("strikes")
    assert df.shape == (11, len(isk.columns("strikes")))
    assert str(df["event_date"].dtype) == "datetime64[s]"
    assert str(df["deaths_low"].dtype) == "Int64"
    assert int(df["deaths_high"].sum()) == 49 + 6 + 40 + 2  # missing figures are skipped
    assert df["deaths_low"].isna().sum() == 7  # 4 strikes with figures for all victims
    exploded = df.explode("actor2")
    assert (exploded["actor2"] == "Hurras al-Din").sum() == 4
    claims = data.to_dataframe("claims")
    by_source = claims.groupby("source")["claim_id"].count().to_dict()
    assert by_source["002_0d9037507fd83edc.txt"] == 4


def test_to_dataframe_without_pandas_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import idlibstrikes as isk\n"
        "try:\n    isk.load().to_dataframe()\n"
        "except ImportError as e:\n    print(e)\n"
        "rows = isk.load().to_records()\n"
        "print(len(rows))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.splitlines() == [
        "to_dataframe() needs pandas; install it with pip install 'idlibstrikes[pandas]'",
        "11",
    ], done.stderr
