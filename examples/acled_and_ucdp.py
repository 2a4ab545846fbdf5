"""How do I run code written for ACLED or UCDP GED on this data?

``data.to_acled()`` and ``data.to_ucdp_ged()`` give the strikes in those datasets' own
columns, types and codes, and ``data.export("acled" or "ucdp-ged", folder)`` writes them as
CSV with the records each leaves out and why; pandas code written for ACLED or UCDP GED then
runs unchanged. Two things to keep in mind, both shown here: ACLED writes 0 where nothing is
known (such rows are tagged ``fatalities=no report``), and UCDP's ``best`` is empty where the
accounts disagree (count it beside its sum). The codebook's "ACLED and UCDP GED shapes"
gives every rule. Needs pandas (``pip install '.[pandas]'``, from a checkout).
"""

import tempfile
from pathlib import Path

import pandas as pd

import idlibstrikes as isk

data = isk.load()  # the articles and the reference lists

# -- ACLED: read the export as any ACLED export, filter by event type, sum fatalities -------
folder = Path(tempfile.mkdtemp())
done = data.export("acled", folder)
print("wrote:", ", ".join(f.name for f in done.files))
acled = pd.read_csv(folder / "acled.csv", parse_dates=["event_date"])
remote = acled[acled["event_type"] == "Explosions/Remote violence"]
air = remote[remote["sub_event_type"] == "Air/drone strike"]
print(f"ACLED rows: {len(acled)}; air/drone strikes: {len(air)}")
print(f"fatalities, all rows: {remote['fatalities'].sum()}")
no_report = acled["tags"].str.contains("fatalities=no report", na=False)
print(f"rows whose 0 means nothing is known: {', '.join(acled.loc[no_report, 'event_id_cnty'])}")
june = acled[acled["event_id_cnty"] == "2019-06-30-rif-al-muhandisin"].iloc[0]
for column in ("actor1", "inter1", "actor2", "interaction", "fatalities", "tags"):
    print(f"  {column}: {june[column]}")
left = pd.read_csv(folder / "acled_left_out.csv")
series_left = left["reason"].str.contains("series").sum()
print(f"left out of ACLED: {len(left)}, of which series: {series_left}")

# -- UCDP GED: as a DataFrame; state-based violence per year, best counted beside its sum -----
ged = data.to_ucdp_ged().to_dataframe()
state_based = ged[ged["type_of_violence"] == 1]
per_year = state_based.groupby("year").agg(
    events=("relid", "size"),
    low=("low", "sum"),
    high=("high", "sum"),
    best=("best", lambda b: b.sum(min_count=1)),
    with_best=("best", "count"),
)
print("UCDP GED, state-based, per year (best: a total only where with_best == events):")
print(per_year.head(4).to_string())
idlib = ged[ged["where_coordinates"] == "Idlib"].iloc[0]
print(f"priogrid_gid of Idlib's point: {idlib['priogrid_gid']}")

# -- series: a UCDP table of their own, event_clarity 2, never summed with the strikes ---------
series = data.to_ucdp_ged("series").to_dataframe()
for row in series.itertuples():
    dead = f"{row.low}" if row.low == row.high else f"{row.low}-{row.high}"
    print(f"  series {row.relid}: clarity {row.event_clarity}, {dead} dead")
