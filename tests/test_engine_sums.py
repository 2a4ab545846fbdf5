"""Unknown stays unknown in an engine's sums, with the idiom docs/how-to/engines.md shows.

pandas, Polars and Dask sum a group whose every value is null to 0, the "unknown becomes 0"
this library never prints; DuckDB (and Spark) give NULL. On the bundled data, shaped as UCDP
GED: both 2014 strikes have accounts that disagree, so neither has a ``best``, and 2014's
``best`` sums to 0 though at least 56 died. Counting the non-null figures beside the sum
(or ``min_count=1`` in pandas and Dask; in Polars ``pl.when(count > 0).then(sum)``) keeps it
unknown, and a sum is a total only where the count is the number of events: then, and only
then, it equals the library's own total.
"""

from __future__ import annotations

import pytest

import idlibstrikes as isk

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")
dd = pytest.importorskip("dask.dataframe")
duckdb = pytest.importorskip("duckdb")


@pytest.fixture(scope="module")
def data() -> isk.Dataset:
    return isk.load()


@pytest.fixture(scope="module")
def ged(data: isk.Dataset) -> isk.Table:
    return data.to_ucdp_ged()


def test_pandas_sums_unknown_to_zero_unless_asked(ged: isk.Table) -> None:
    frame = ged.to_dataframe()
    by_year = frame.groupby("year")["best"]
    assert by_year.sum()[2014] == 0  # the trap: two strikes, at least 56 dead
    assert pd.isna(by_year.sum(min_count=1)[2014])  # the idiom: unknown stays unknown
    assert by_year.count()[2014] == 0
    assert by_year.sum(min_count=1)[2015] == by_year.sum()[2015] == 15  # known: the same


def test_polars_sums_unknown_to_zero_unless_asked(ged: isk.Table) -> None:
    frame = pl.DataFrame(ged)
    naive = frame.group_by("year").agg(pl.col("best").sum())
    assert naive.filter(pl.col("year") == 2014)["best"].to_list() == [0]  # the trap
    kept = frame.group_by("year").agg(
        pl.when(pl.col("best").count() > 0).then(pl.col("best").sum()).alias("best"),
        pl.col("best").count().alias("with_best"),
        pl.len().alias("events"),
    )
    row = kept.filter(pl.col("year") == 2014).row(0, named=True)
    assert (row["best"], row["with_best"], row["events"]) == (None, 0, 2)


# dask (2026.8) calls a pandas method pandas 3.1 deprecates; the warning is theirs
@pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index")
def test_dask_sums_unknown_to_zero_unless_asked(ged: isk.Table) -> None:
    frame = dd.from_pandas(ged.to_dataframe(), npartitions=3)
    by_year = frame.groupby("year")["best"]
    assert by_year.sum().compute()[2014] == 0  # the trap
    assert pd.isna(by_year.sum(min_count=1).compute()[2014])  # the idiom


def test_duckdb_keeps_unknown_as_null(ged: isk.Table) -> None:
    rows = duckdb.sql("select year, sum(best), count(best) from ged group by year").fetchall()
    assert {y: (s, n) for y, s, n in rows}[2014] == (None, 0)


def test_a_sum_is_a_total_only_where_every_event_has_a_figure(
    data: isk.Dataset, ged: isk.Table
) -> None:
    frame = pl.DataFrame(ged)
    per_year = frame.group_by("year").agg(
        pl.when(pl.col("best").count() > 0).then(pl.col("best").sum()).alias("best"),
        pl.col("best").count().alias("with_best"),
        pl.len().alias("events"),
        pl.col("relid"),
    )
    complete = 0
    for row in per_year.iter_rows(named=True):
        library = data.casualties([data.strike(i) for i in row["relid"]]).best
        if row["with_best"] == row["events"]:
            assert row["best"] == library, row["year"]
            complete += 1
        else:  # some strike's accounts disagree: the library gives no total best
            assert library is None, row["year"]
    assert 0 < complete < len(per_year)  # both cases are in the bundled data
