"""How do I take the data into Arrow, DuckDB, Polars or Parquet, and get it back intact?

Shows the two kinds of table: the analyst's views (one row per strike, ACLED/UCDP-shaped,
``data.table("strikes")``) and the lossless tables (one per record and claim kind, every
claim a row with its source and quote, ``data.tables()``). Both are Arrow streams, so
DuckDB and Polars read them with no extra call; so is a query's result. Then writes the
lossless tables as Hive-partitioned Parquet, asks DuckDB for deaths per year from the files
(summing the per-strike figures the library derives), and loads the folder back into a
dataset equal to the original; last, the strikes as a GeoDataFrame. Needs the extras:
``pip install '.[arrow,polars,geo]' duckdb`` (from a checkout).
"""

import tempfile

import duckdb
import polars as pl

import idlibstrikes as isk

data = isk.load(sources="articles")  # the five articles; isk.load() adds the reference lists

# -- the analyst's view, typed -----------------------------------------------------------------
arrow = data.to_arrow("strikes")
for name in ("event_date", "scope", "deaths_low", "actor2"):
    print(f"strikes.{name}: {arrow.schema.field(name).type}")
print(f"Polars: {data.to_polars('claims').height} casualty claims")

# -- a query's result is a table too: DuckDB reads it where it lives -------------------------
found = data.strikes_by_group("Hurras al-Din")
print(duckdb.sql("select id, deaths_low, deaths_high from found order by id").fetchall())
print(f"narrowed to 2019: {[s.id for s in found.strikes_between('2019')]}")
print(f"casualties of that result: {found.casualties(victims='commanders')}")

# -- the lossless tables ---------------------------------------------------------------------
tables = data.tables()
print(tables)
claims = pl.DataFrame(tables["casualty_claims"])
print(claims.select("strike_id", "victims", "low", "high", "source").head(3))
print("columns of citations:", [f.name for f in isk.fields("citations")])
assert isk.from_tables(tables) == data  # tables -> dataset: equal

# -- Parquet, partitioned by year, read by DuckDB and loaded back ------------------------------
out = tempfile.mkdtemp()
done = data.export("parquet", out, partition_by=("year",))
print(f"wrote {len(done.files)} Parquet files, e.g. strikes/year=2019/part-0.parquet")
per_year = duckdb.sql(
    f"""
    select year, count(*) as strikes, sum(deaths_low) as deaths_low,
           sum(deaths_high) as deaths_high
    from read_parquet('{out}/strikes/**/*.parquet', hive_partitioning = true)
    group by year order by year
    """
).fetchall()
for year, count, low, high in per_year:
    print(f"  {year}: {count} strike(s), deaths {low}-{high} (sums of per-strike figures)")
print(f"2019 by the library: {data.casualties(data.strikes_between('2019', certain=True))}")
again = isk.load(out, bundled=False)
print(f"loaded back from Parquet: equal to the original: {again == data}")

# -- a map for GIS tools: every strike, placed with ACLED's precision or left without a point --
frame = data.to_geodataframe()  # geopandas; frame.explore() draws it on a web map
placed = frame[frame.geometry.notna()]
print(f"GeoDataFrame: {len(frame)} strikes, {len(placed)} with a point, CRS {frame.crs}")
for precision, count in placed["geo_precision"].value_counts().sort_index().items():
    print(f"  precision {precision}: {count}")
