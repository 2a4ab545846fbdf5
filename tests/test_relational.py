"""Lossless tables: every field and claim in a table, and back to an equal dataset."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import idlibstrikes as isk
from idlibstrikes._columns import TABLES
from idlibstrikes.testing import strategies as iss

pa = pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def data() -> isk.Dataset:
    return isk.load(sources="articles")


@pytest.fixture(scope="module")
def tables(data: isk.Dataset) -> isk.Tables:
    return data.tables()


def test_the_tables_hold_every_record_and_claim(data: isk.Dataset, tables: isk.Tables) -> None:
    assert list(tables) == list(TABLES)
    events = [s for s in data.strikes if not s.is_series]
    assert [r["id"] for r in tables["strikes"]] == [s.id for s in events]
    assert len(tables["series"]) == 4
    assert len(tables["casualty_claims"]) == sum(len(s.claims) for s in data.strikes) == 20
    assert len(tables["affiliations"]) == sum(len(g.affiliations) for g in data.groups)
    assert len(tables["roles"]) == sum(len(p.roles) for p in data.people)
    dated = sum(len(s.date_claims) + len(s.start_claims) + len(s.end_claims) for s in data.strikes)
    on_strikes = [r for r in tables["date_claims"] if r["record_table"] in ("strikes", "series")]
    assert len(on_strikes) == dated


def test_every_claim_row_has_its_source_and_a_quote_found_in_the_article(
    tables: isk.Tables,
) -> None:
    articles = Path(__file__).resolve().parents[2] / "shared" / "articles"
    for name in ("casualty_claims", "date_claims", "citations", "affiliations", "roles"):
        for row in tables[name]:
            assert row["source"], (name, row)
            assert row["quote"], (name, row)
            path = articles / row["source"]
            if path.exists():
                text = " ".join(path.read_text(encoding="utf-8").split())
                assert " ".join(row["quote"].split()) in text, (name, row["quote"])


def test_a_claim_keeps_its_figures_and_its_words(tables: isk.Tables) -> None:
    rif = [
        r
        for r in tables["casualty_claims"]
        if r["strike_id"] == "2019-06-30-rif-al-muhandisin" and r["victims"] == "commanders"
    ]
    assert [(r["victims"], r["low"], r["high"], r["source"][:3]) for r in rif] == [
        ("commanders", 8, 8, "002"),
        ("commanders", 6, None, "002"),
        ("commanders", 6, 6, "003"),
    ]
    assert rif[1]["quote"].startswith("In the strike, at least six commanders")


def test_derived_columns_carry_the_summary_figures(tables: isk.Tables) -> None:
    camp = next(r for r in tables["strikes"] if r["id"] == "2019-08-31-idlib-training-camp")
    assert (camp["year"], camp["date_earliest"], camp["date_latest"]) == (
        2019,
        dt.date(2019, 8, 31),
        dt.date(2019, 8, 31),
    )
    assert (camp["deaths_low"], camp["deaths_high"], camp["deaths_best"]) == (40, 40, 40)
    missile = next(r for r in tables["strikes"] if "hts-missile" in r["id"])
    assert missile["deaths_low"] is None
    assert missile["deaths_high"] is None


def test_tables_give_back_an_equal_dataset(data: isk.Dataset, tables: isk.Tables) -> None:
    assert isk.from_tables(tables) == data
    assert isk.from_tables({n: t.to_records() for n, t in tables.items()}) == data


@pytest.mark.parametrize("convert", ["to_arrow", "to_polars", "to_dataframe"])
def test_tables_come_back_from_every_library(
    data: isk.Dataset, tables: isk.Tables, convert: str
) -> None:
    if convert == "to_polars":
        pytest.importorskip("polars")
    if convert == "to_dataframe":
        pytest.importorskip("pandas")
    assert isk.from_tables({n: getattr(t, convert)() for n, t in tables.items()}) == data


def test_derived_columns_are_ignored_on_the_way_back(data: isk.Dataset) -> None:
    rows = {n: t.to_records() for n, t in data.tables().items()}
    for row in rows["strikes"]:
        row["deaths_low"], row["year"] = 999, 1900
    assert isk.from_tables(rows) == data


def test_row_order_within_a_list_comes_from_position(data: isk.Dataset) -> None:
    rows = {n: t.to_records() for n, t in data.tables().items()}
    rows["casualty_claims"].reverse()
    rows["citations"].reverse()
    assert isk.from_tables(rows) == data


def test_a_bad_row_is_a_data_error_naming_the_record_and_field(data: isk.Dataset) -> None:
    rows = {n: t.to_records() for n, t in data.tables().items()}
    rows["affiliations"][0]["relation"] = "friend_of"
    with pytest.raises(isk.DataError) as caught:
        isk.from_tables(rows)
    [problem] = caught.value.problems
    assert problem.file == "(tables)"
    assert problem.line is None
    assert problem.record == "us-military"
    assert "relation" in (problem.field or "")
    with pytest.raises(isk.DataError, match="row 0 of strikes is a str"):
        isk.from_tables({"strikes": ["not a row"]})
    with pytest.raises(isk.DataError, match="did you mean: 'strikes'"):
        isk.from_tables({"strike": []})


def test_arrow_schema_is_typed_and_says_where_it_comes_from(data: isk.Dataset) -> None:
    schema = data.to_arrow("strikes").schema
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("scope").type == pa.dictionary(pa.int32(), pa.string())
    assert schema.field("deaths_low").type == pa.int32()
    assert schema.field("deaths_low").nullable
    assert schema.field("actor2").type == pa.list_(pa.string())
    meta = {k.decode(): v.decode() for k, v in schema.metadata.items()}
    assert meta["idlibstrikes.format"] == "1"
    assert meta["idlibstrikes.layout"] == "view"
    assert meta["idlibstrikes.data"] == data.digest
    assert meta["idlibstrikes.package"]
    lossless = data.tables()["figures"].to_arrow().schema
    assert lossless.field("low").type == pa.int64()  # figures about the war can be large
    arrow = data.to_arrow("strikes")
    lows = dict(zip(arrow["id"].to_pylist(), arrow["deaths_low"].to_pylist(), strict=True))
    assert lows["2019-08-31-idlib-training-camp"] == 40
    assert lows["2019-08-27-hts-missile-khan-sheikhoun"] is None


def test_tables_and_results_are_arrow_streams_for_duckdb_polars_and_pyarrow(
    data: isk.Dataset,
) -> None:
    duckdb = pytest.importorskip("duckdb")
    pl = pytest.importorskip("polars")
    t = data.table("strikes")
    found = data.strikes_by_group("Hurras al-Din")
    assert duckdb.sql("select count(*) from t where scope = 'event'").fetchall() == [(7,)]
    assert duckdb.sql("select count(*) from t").fetchall() == [(7,)]  # single strikes only
    assert duckdb.sql("select sum(deaths_low) from t").fetchall() == [(99,)]
    assert duckdb.sql("select sum(deaths_low) from found").fetchall() == [(49,)]
    assert pl.DataFrame(t).height == 7
    assert pa.table(found).column("id").to_pylist() == [s.id for s in found]
    assert pa.table(data.tables()["casualty_claims"]).num_rows == 20


def test_pandas_uses_the_string_dtype_and_categoricals(data: isk.Dataset) -> None:
    pd = pytest.importorskip("pandas")
    df = data.to_dataframe("claims")
    assert str(df["quote"].dtype) == "str"
    assert isinstance(df["victims"].dtype, pd.CategoricalDtype)
    assert list(df["victims"].cat.categories) == [v.value for v in isk.Victims]
    assert str(df["low"].dtype) == "Int32"


def test_json_export_round_trips(data: isk.Dataset, tmp_path: Path) -> None:
    done = data.export("json", tmp_path)
    doc = json.loads(done.files[0].read_text(encoding="utf-8"))
    assert list(doc) == ["idlibstrikes_tables", "metadata", "tables"]
    assert list(doc["tables"]) == list(TABLES)
    assert isk.load(done.files[0], bundled=False) == data


def test_parquet_export_is_partitioned_and_round_trips(data: isk.Dataset, tmp_path: Path) -> None:
    done = data.export("parquet", tmp_path, partition_by=("year",))
    names = {p.relative_to(tmp_path).as_posix() for p in done.files}
    assert "strikes/year=2019/part-0.parquet" in names
    assert "casualty_claims/year=2017/part-0.parquet" in names
    assert "places/part-0.parquet" in names  # no year: written whole
    assert isk.load(tmp_path, bundled=False) == data
    again = data.export("parquet", tmp_path)  # a new export replaces the old one
    assert {p.relative_to(tmp_path).as_posix() for p in again.files} >= {"strikes/part-0.parquet"}
    assert isk.load(tmp_path, bundled=False) == data


def test_parquet_keeps_the_schema_and_its_metadata(data: isk.Dataset, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    data.export("parquet", tmp_path)
    schema = pq.read_schema(tmp_path / "casualty_claims" / "part-0.parquet")
    assert schema.field("low").type == pa.int32()
    assert schema.metadata[b"idlibstrikes.table"] == b"casualty_claims"


def test_a_broken_parquet_export_is_a_data_error(data: isk.Dataset, tmp_path: Path) -> None:
    data.export("parquet", tmp_path)
    broken = tmp_path / "strikes" / "part-0.parquet"
    broken.write_bytes(b"not parquet")
    with pytest.raises(isk.DataError, match="cannot read it as Parquet") as caught:
        isk.load(tmp_path, bundled=False)
    assert [p.file for p in caught.value.problems] == [str(broken)]


def test_a_broken_json_export_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text('{"idlibstrikes_tables": 1, "tables": []}', encoding="utf-8")
    with pytest.raises(isk.DataError, match="'tables' must be an object of tables"):
        isk.load(path, bundled=False)


def test_partitioning_by_an_unknown_column_suggests_one(data: isk.Dataset, tmp_path: Path) -> None:
    with pytest.raises(LookupError, match="did you mean: 'year'"):
        data.export("parquet", tmp_path, partition_by=("yaer",))
    with pytest.raises(ValueError, match="partition_by applies to the parquet export"):
        data.export("csv", tmp_path, partition_by=("year",))


@given(iss.datasets())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_datasets_round_trip_through_tables_and_json(
    tmp_path_factory: pytest.TempPathFactory, data: isk.Dataset
) -> None:
    assert isk.from_tables(data.tables()) == data
    out = tmp_path_factory.mktemp("json")
    assert isk.load(data.export("json", out).files[0], bundled=False) == data


@given(iss.datasets())
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_datasets_round_trip_through_parquet(
    tmp_path_factory: pytest.TempPathFactory, data: isk.Dataset
) -> None:
    out = tmp_path_factory.mktemp("parquet")
    data.export("parquet", out, partition_by=("year",))
    assert isk.load(out, bundled=False) == data


def test_a_missing_extra_is_named(tmp_path: Path) -> None:
    for name in ("pyarrow", "polars", "pandas"):
        (tmp_path / f"{name}.py").write_text("raise ImportError('not here')\n")
    code = (
        "import idlibstrikes as isk\n"
        "t = isk.load(sources='articles').table('strikes')\n"
        "for call in (t.to_arrow, t.to_polars, t.to_dataframe):\n"
        "    try:\n"
        "        call()\n"
        "    except ImportError as e:\n"
        "        print(e)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path)},
        check=True,
    )
    assert done.stdout.splitlines() == [
        "to_arrow() needs pyarrow; install it with pip install pyarrow (the [arrow] extra)",
        "to_polars() needs polars; install it with pip install polars (the [polars] extra)",
        "to_dataframe() needs pandas; install it with pip install pandas (the [pandas] extra)",
    ]


def test_an_export_never_deletes_what_it_did_not_write(data: isk.Dataset, tmp_path: Path) -> None:
    (tmp_path / "references").mkdir()
    (tmp_path / "references" / "thesis.docx").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError, match=r"thesis\.docx"):
        data.export("parquet", tmp_path)
    assert (tmp_path / "references" / "thesis.docx").read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "sources").exists()  # checked before anything was removed


def test_only_derived_columns_partition(data: isk.Dataset, tmp_path: Path) -> None:
    # a stored column would bring rows back in another order, or not at all
    for column in ("kind", "aliases", "note", "source"):
        with pytest.raises(LookupError, match=f"no partition column is known as '{column}'"):
            data.export("parquet", tmp_path, partition_by=(column,))


def test_geoparquet_of_strikes_with_no_point(tmp_path: Path) -> None:
    gpd = pytest.importorskip("geopandas")
    from idlibstrikes.testing import synthetic

    data = synthetic.dataset(50, seed=1)
    done = data.export("geoparquet", tmp_path)
    frames = [gpd.read_parquet(f) for f in done.files]
    assert sum(map(len, frames)) == 50
    assert len(done.unplaced) == sum(int(f.geometry.isna().sum()) for f in frames)


def test_bad_tables_are_data_errors_with_every_problem(data: isk.Dataset) -> None:
    rows = {n: t.to_records() for n, t in data.tables().items()}
    rows["strikes"][0]["notes"] = "a typo for note"
    rows["casualty_claims"][0]["strike_id"] = "no-such-strike"
    rows["citations"][0]["position"] = "first"
    rows["figures"][0]["note"] = b"bytes"
    with pytest.raises(isk.DataError) as caught:
        isk.from_tables(rows)
    messages = [p.message for p in caught.value.problems]
    assert any("unknown column 'notes'; did you mean: 'note'" in m for m in messages)
    assert any("casualty_claims belong to no-such-strike, which no row" in m for m in messages)
    assert any("position must be a whole number" in m for m in messages)
    assert any("a bytes (b'bytes') is not a value a table holds" in m for m in messages)
    for bad in (None, [], "strikes", {"sources": None}, {"sources": 5}, {"strike": []}):
        with pytest.raises(isk.DataError):
            isk.from_tables(bad)  # type: ignore[arg-type]


def test_tables_come_back_from_streams_lazy_frames_and_pandas_readers(
    data: isk.Dataset, tmp_path: Path
) -> None:
    pl = pytest.importorskip("polars")
    pd = pytest.importorskip("pandas")
    tables = data.tables()
    readers = {n: t.to_arrow().to_reader() for n, t in tables.items()}
    assert isk.from_tables(readers) == data
    assert isk.from_tables({n: t.to_polars().lazy() for n, t in tables.items()}) == data
    data.export("parquet", tmp_path)
    # pandas reads a nullable integer column back as floats: whole floats are accepted
    frames = {n: pd.read_parquet(tmp_path / n) for n in tables}
    assert isk.from_tables(frames) == data
    assert isk.from_tables({n: pl.read_parquet(tmp_path / n / "*.parquet") for n in tables}) == data


def test_an_export_missing_a_table_is_refused(data: isk.Dataset, tmp_path: Path) -> None:
    import shutil

    data.export("parquet", tmp_path)
    shutil.rmtree(tmp_path / "casualty_claims")
    with pytest.raises(isk.DataError, match="no Parquet files for table 'casualty_claims'"):
        isk.load(tmp_path, bundled=False)
    path = data.export("json", tmp_path / "j").files[0]
    doc = json.loads(path.read_text(encoding="utf-8"))
    del doc["tables"]["citations"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(isk.DataError, match="the export has no table 'citations'"):
        isk.load(path, bundled=False)
    doc["idlibstrikes_tables"] = 99
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(isk.DataError, match="idlibstrikes_tables is 99; this version reads 1"):
        isk.load(path, bundled=False)


def test_arrow_tables_are_read_a_column_at_a_time_with_the_same_rows(
    data: isk.Dataset, tmp_path: Path
) -> None:
    from idlibstrikes import _from_tables

    data.export("parquet", tmp_path)
    ds = pytest.importorskip("pyarrow.dataset")
    read_by_columns = 0
    for name in TABLES:
        table = ds.dataset(tmp_path / name, format="parquet").to_table()
        known = {f.name: f for f in isk.fields(name)}
        fast = _from_tables._arrow_rows(table, known)
        cell_by_cell = _from_tables.plain_rows(name, table.to_pylist(), [])
        if fast is not None:
            read_by_columns += 1
            assert fast == cell_by_cell, name
    # the places table has float coordinates (read cell by cell); the others by columns
    assert read_by_columns == len(TABLES) - 1


def test_an_arrow_column_the_schema_cannot_vouch_for_is_read_cell_by_cell(
    data: isk.Dataset,
) -> None:
    from idlibstrikes import _from_tables

    tables = {n: t.to_arrow() for n, t in data.tables().items()}
    known = {f.name: f for f in isk.fields("citations")}
    citations = tables["citations"]
    assert _from_tables._arrow_rows(citations, known) is not None
    position = citations.schema.get_field_index("position")
    negative = pa.array([-1] * citations.num_rows, pa.int32())
    nulls = pa.array([None] * citations.num_rows, pa.int32())
    for column in (negative, nulls):
        bad = citations.set_column(position, "position", column)
        assert _from_tables._arrow_rows(bad, known) is None
        tables["citations"] = bad
        with pytest.raises(isk.DataError, match="position must be a whole number"):
            isk.from_tables(tables)
    tables["citations"] = citations.append_column("notes", pa.array(["x"] * citations.num_rows))
    assert _from_tables._arrow_rows(tables["citations"], known) is None
    with pytest.raises(isk.DataError, match="row 0 of citations has an unknown column 'notes'"):
        isk.from_tables(tables)
