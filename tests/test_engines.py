"""Engines read the partitioned Parquet export and agree with the library's own answers.

On 10^5 synthetic strikes (``ENGINE_STRIKES`` to change it): DuckDB and Dask read the
Hive-partitioned export and compute the deaths per year (over strikes certainly in the
year, as ``strikes_between(year, certain=True)`` selects them) and the strikes per
targeted group (as ``strikes_by_group``); both must equal the library's figures.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from pathlib import Path

import pytest

import idlibstrikes as isk
from idlibstrikes.testing import synthetic

duckdb = pytest.importorskip("duckdb")
dd = pytest.importorskip("dask.dataframe")
pytest.importorskip("pyarrow")

N = int(os.environ.get("ENGINE_STRIKES", "100000"))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[isk.Dataset, Path]:
    data = synthetic.dataset(N, seed=11)
    out = tmp_path_factory.mktemp("engines")
    data.export("parquet", out, partition_by=("year",))
    return data, out


def _library_per_year(data: isk.Dataset) -> dict[int, tuple[int | None, int | None, int, bool]]:
    years = sorted({s.date.earliest.year for s in data.strikes if s.date.earliest.year > 1})
    found = {}
    for year in years:
        total = data.casualties(data.strikes_between(str(year), certain=True))
        found[year] = (total.low, total.high, len(total.per_strike), total.open_ended)
    return found


def test_the_export_is_partitioned_by_year(exported: tuple[isk.Dataset, Path]) -> None:
    data, out = exported
    assert len(data.strikes) == N
    years = sorted(p.name for p in (out / "strikes").iterdir())
    assert years[0] == "year=2014"
    assert years[-1] == "year=2025"


def test_duckdb_agrees_with_the_library(exported: tuple[isk.Dataset, Path]) -> None:
    data, out = exported
    rows = duckdb.sql(
        f"""
        select year(date_earliest) as y, sum(deaths_low), sum(deaths_high),
               count(deaths_low), bool_or(coalesce(deaths_open_ended, false))
        from read_parquet('{out}/strikes/**/*.parquet', hive_partitioning = true)
        where year(date_earliest) = year(date_latest)
        group by y order by y
        """
    ).fetchall()
    engine = {y: (int(lo), int(hi), n, bool(o)) for y, lo, hi, n, o in rows}
    assert engine == _library_per_year(data)
    # the filter matters: some strikes may fall in either of two years, or any of several
    (across,) = duckdb.sql(
        f"""
        select count(*) from read_parquet('{out}/strikes/**/*.parquet', hive_partitioning = true)
        where year(date_earliest) <> year(date_latest)
        """
    ).fetchall()[0]
    assert across > 0
    counts = duckdb.sql(
        f"""
        select target, count(*) from (
            select unnest(targets) as target
            from read_parquet('{out}/strikes/**/*.parquet', hive_partitioning = true)
        ) group by target
        """
    ).fetchall()
    library = {g.id: len(data.strikes_by_group(g)) for g in data.groups}
    assert dict(counts) == {g: n for g, n in library.items() if n}
    assert sum(library.values()) > N  # many strikes name several targets


# dask (2026.8) calls a pandas method pandas 3.1 deprecates; the warning is theirs
@pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index")
def test_dask_agrees_with_the_library(exported: tuple[isk.Dataset, Path]) -> None:
    data, out = exported
    strikes = dd.read_parquet(out / "strikes")
    first = strikes["date_earliest"].astype("datetime64[s]").dt.year
    last = strikes["date_latest"].astype("datetime64[s]").dt.year
    certain = strikes[first == last].assign(y=first[first == last])
    sums = certain.groupby("y").agg({"deaths_low": ["sum", "count"], "deaths_high": "sum"})
    computed = sums.compute().sort_index()
    engine = {
        int(y): (int(r[("deaths_low", "sum")]), int(r[("deaths_high", "sum")]))
        for y, r in computed.iterrows()
    }
    library = {y: (lo, hi) for y, (lo, hi, _, _) in _library_per_year(data).items()}
    assert engine == library
    targets = strikes["targets"].explode().value_counts().compute()
    by_group = Counter({g.id: len(data.strikes_by_group(g)) for g in data.groups})
    assert dict(targets) == {g: n for g, n in by_group.items() if n}
    # the year partition comes back from the folder names and matches date_earliest
    years = strikes["year"].astype(int).compute()
    earliest = strikes["date_earliest"].compute()
    assert all(y == d.year for y, d in zip(years, earliest, strict=True) if isinstance(d, dt.date))
