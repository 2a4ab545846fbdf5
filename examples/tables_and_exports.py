"""How do I get the strikes as a table, or into a spreadsheet, a GIS or a data package?

Builds the strikes table as plain dicts and as a pandas DataFrame (columns named as in the
conflict-event datasets ACLED and UCDP GED), describes a few columns, among them the ones
that say where the sources disagree (``date_disputed``, ``deaths_disputed``), UCDP's best
estimate (``deaths_best``, empty where the accounts disagree: the strike of 30 June 2019 is
6-8 deaths with no best estimate) and the deaths of parts of the victims
(``commander_deaths_low`` ...). The strikes table holds single strikes only, so its figures
sum as they are; series of strikes reported as one are rows of a series table of their own,
with their start and end and the day their toll counts up to, their figures named toll_*,
never to be added to the strikes'. Then writes every export format into a temporary folder:
CSV (series.csv apart, the reference facts in references.csv), JSON (the lossless tables),
GeoJSON (every strike, and apart every series; those no cited reference gives a point for
keep a null geometry, never a guessed one) and a Frictionless Data Package.
"""

import tempfile
import textwrap
from pathlib import Path

import idlibstrikes as isk

data = isk.load(sources="articles")  # the five articles; isk.load() adds the reference lists

# -- plain records, and what the columns mean ------------------------------------------------
rows = data.to_records("strikes")
print(f"to_records('strikes'): {len(rows)} rows of {len(rows[0])} columns")
first = rows[0]
print(f"  first row: {first['id']}, {first['event_date']}..{first['date_end']}, {first['actor1']}")
for kind in ("series", "claims", "groups", "ceasefires", "sources", "references"):
    print(f"  to_records({kind!r}): {len(data.to_records(kind))} rows")

described = {c.name: c for c in isk.columns("strikes")}
print("\nisk.columns('strikes'), a few:")
names = ("event_date", "date_end", "date_disputed", "actor2", "deaths_low", "deaths_high")
names += ("deaths_best", "deaths_disputed", "commander_deaths_low", "references")
for name in names:
    col = described[name]
    line = f"{name} ({col.type}{', several values' if col.multiple else ''}): {col.description}"
    print(textwrap.fill(line, width=88, initial_indent="  ", subsequent_indent="    "))

# -- a pandas DataFrame -----------------------------------------------------------------------
df = data.to_dataframe("strikes")
columns = ["event_date", "date_disputed", "location_id", "deaths_low", "deaths_high"]
columns += ["deaths_best", "deaths_disputed"]
toll = df["deaths_low"].notna()  # the strikes table holds single strikes only
print(f"\nto_dataframe('strikes'): {df.shape[0]} rows x {df.shape[1]} columns; with a toll:")
print(df.loc[toll, columns].to_string(index=False))
series = data.to_dataframe("series")[["id", "toll_low", "toll_counted_to"]]
print(f"and, in a table of their own, {len(series)} series (never add their tolls to strikes'):")
print(series.to_string(index=False))

# -- exports ------------------------------------------------------------------------------------
out = Path(tempfile.mkdtemp())
print("\nexports (into a temporary folder):")
for fmt in ("csv", "json", "geojson"):
    done = data.export(fmt, out / fmt)
    names = ", ".join(f.name for f in done.files)
    print(f"  {fmt:<11} {names}; without a point: {len(done.unplaced)}")
done = isk.export(data, "datapackage", out / "datapackage")  # the same, as a function
print(f"  datapackage {', '.join(f.name for f in done.files)}")

# -- the same, as text and dicts, without writing files -----------------------------------------
text = isk.csv_text(data, "ceasefires")
print(f"\ncsv_text(data, 'ceasefires'): {len(text.splitlines())} lines; header and first row:")
for line in text.splitlines()[:2]:
    print(f"  {line[:86]}...")

collection = isk.geojson(data)
series_layer = isk.geojson(data, "series")
print(f"\ngeojson(data): {collection['type']} of {len(collection['features'])} features")
print(f"geojson(data, 'series'), a layer apart: {len(series_layer['features'])} features")
unplaced = [f["properties"]["location"] for f in series_layer["features"] if not f["geometry"]]
print(f"  series with no point (null geometry): {', '.join(unplaced)}")
for feature in collection["features"][:4]:
    props = feature["properties"]
    if feature["geometry"] is None:
        continue
    lon, lat = feature["geometry"]["coordinates"]
    print(
        f"  {props['location']}: {lat} N, {lon} E, precision {props['geo_precision']}, "
        f"per {props['geo_source']}"
    )
