"""Hostile tables read back: exports edited, split, misnamed and linked, by class.

Each class of issue O's list, generated many ways from one seed (``FUZZ_SEED``, and
``FUZZ_SCALE`` for more inputs, as in test_hostile.py), holds the loader's promises: a
load gives a dataset with every record and cell its inputs hold, or one ``DataError``
whose problems name the user's file; nothing else escapes; nothing outside the paths
given is read. The starting point is always a real export of the five articles' data.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import idlibstrikes as isk
from idlibstrikes._columns import TABLES

from .promises import SCALE, SEED

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def runs(n: int) -> int:
    return max(1, round(n * SCALE))


def rng_for(test: str) -> random.Random:
    return random.Random(f"{SEED}:tables:{test}")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("export")
    isk.load(sources="articles").export("parquet", where)
    return where


@pytest.fixture(scope="module")
def articles() -> isk.Dataset:
    return isk.load(sources="articles")


def copy_of(exported: Path, where: Path) -> Path:
    shutil.copytree(exported, where)
    return where


def outcome_of(*paths: Path, **options: Any) -> isk.Dataset | isk.DataError:
    """The load's dataset or its DataError; anything else fails the test."""
    try:
        return isk.load(*paths, bundled=False, **options)
    except isk.DataError as exc:
        return exc


def blames(outcome: object, label: str, *files: Path | str) -> isk.DataError:
    """The outcome is a DataError whose problems each name one of ``files``."""
    assert isinstance(outcome, isk.DataError), f"{label}: loaded, where it must not"
    named = {str(f) for f in files}
    for p in outcome.problems:
        assert p.file in named, f"{label}: {p.file} blamed: {p}"
        assert len(str(p).splitlines()) == 1, f"{label}: {p}"
    return outcome


def same_records(found: object, expected: isk.Dataset) -> bool:
    """Every record alike, in any order of a kind's records (top-level rows have no
    position: rows split over files come back in the files' order)."""
    if not isinstance(found, isk.Dataset):
        return False

    def by_id(data: isk.Dataset, kind: str) -> list[Any]:
        return sorted(getattr(data, kind), key=lambda r: str(getattr(r, "id", repr(r))))

    kinds = [a.name for a in isk.Dataset.__attrs_attrs__ if a.eq]
    return all(by_id(found, k) == by_id(expected, k) for k in kinds)


def table_of(export: Path, name: str) -> Any:
    (file,) = (export / name).glob("*.parquet")
    return pq.ParquetFile(file).read()


def taken_out(exported: Path, where: Path, name: str) -> tuple[Path, Any]:
    """A copy of the export at ``where`` without table ``name``'s file, and that table."""
    export = copy_of(exported, where)
    table = table_of(export, name)
    (file,) = (export / name).glob("*.parquet")
    file.unlink()
    return export, table


def splittable(export: Path) -> list[tuple[str, str, int, bool]]:
    """Ways to split a table in two files, rows in order, one file without a column.

    ``(table, column, k, first)``: rows before ``k`` in one file, the rest in another;
    the column is null throughout the first part (``first``) or the second, and holds a
    value in the other, so that part's file need not have the column at all.
    """
    found = []
    for name in TABLES:
        table = table_of(export, name)
        for column in table.column_names:
            nulls = table.column(column).is_null().to_pylist()
            for k in range(1, table.num_rows):
                before, after = nulls[:k], nulls[k:]
                if all(before) and not all(after):
                    found.append((name, column, k, True))
                elif all(after) and not all(before):
                    found.append((name, column, k, False))
    return found


# -- 1. a table over several files keeps every file's columns --------------------------------


def test_a_table_over_files_with_different_columns_keeps_every_cell(
    exported: Path, articles: isk.Dataset, tmp_path: Path
) -> None:
    rng = rng_for("columns")
    ways = splittable(exported)
    assert len({(t, c) for t, c, _, _ in ways}) > 20  # many tables and columns to choose
    for n in range(runs(12)):
        name, column, k, first = rng.choice(ways)
        export, table = taken_out(exported, tmp_path / f"e{n}", name)
        head, tail = table.slice(0, k), table.slice(k)
        if first:
            head = head.drop_columns([column])  # no such column at all in the first file
        else:
            tail = tail.drop_columns([column])
        pq.write_table(head, export / name / "a.parquet")
        pq.write_table(tail, export / name / "b.parquet")
        label = f"#{n} {name}.{column}, not in the {'first' if first else 'second'} file"
        outcome = outcome_of(export)
        assert isinstance(outcome, isk.Dataset), f"{label}: {outcome}"
        assert outcome == articles, f"{label}: cells lost"


def test_a_column_only_a_later_file_has_is_a_problem_naming_it(
    exported: Path, tmp_path: Path
) -> None:
    rng = rng_for("later column")
    for n in range(runs(8)):
        name = rng.choice([t for t in TABLES if table_of(exported, t).num_rows])
        export = copy_of(exported, tmp_path / f"e{n}")
        table = table_of(export, name)
        extra = rng.choice(["notes", "Note", "extra", "year_", "deaths"]) + str(n)
        later = table.slice(0, 1).append_column(extra, pa.array(["x"]))
        path = export / name / "z-later.parquet"
        pq.write_table(later, path)
        error = blames(outcome_of(export), f"#{n} {name}.{extra}", path)
        assert any(extra in p.message for p in error.problems), error


# -- 2. hidden and underscore files are read --------------------------------------------------


def test_files_named_with_a_dot_or_underscore_are_read(
    exported: Path, articles: isk.Dataset, tmp_path: Path
) -> None:
    rng = rng_for("hidden")
    for n in range(runs(10)):
        name = rng.choice([t for t in TABLES if table_of(exported, t).num_rows >= 2])
        export, table = taken_out(exported, tmp_path / f"e{n}", name)
        cut = rng.randint(1, table.num_rows - 1)
        hidden = rng.choice(["_", ".", "_.", "._"]) + rng.choice(["part", "x", "0", "tmp"])
        # (".", "_" sort before "p": the hidden file holds the first rows, in order)
        pq.write_table(table.slice(0, cut), export / name / f"{hidden}.parquet")
        pq.write_table(table.slice(cut), export / name / "part-0.parquet")
        outcome = outcome_of(export)
        label = f"#{n} {name}: {hidden}.parquet holds rows 0-{cut - 1}"
        assert outcome == articles, f"{label}: {outcome}"


# -- 3. what is not a table is read or reported -----------------------------------------------


def _typo(rng: random.Random, name: str) -> str:
    i = rng.randrange(len(name))
    changes = [
        name[:i] + name[i + 1 :],  # a letter dropped
        name[:i] + name[i] + name[i:],  # one doubled
        name.rstrip("s"),  # a singular
        name.replace("_", "-"),
        name.capitalize(),
    ]
    return rng.choice([c for c in changes if c != name and c not in TABLES] or [name + "x"])


def test_a_misspelt_table_folder_is_a_problem_with_the_closest_name(
    exported: Path, tmp_path: Path
) -> None:
    rng = rng_for("misspelt")
    for n in range(runs(10)):
        name = rng.choice([t for t in TABLES if table_of(exported, t).num_rows >= 2])
        export, table = taken_out(exported, tmp_path / f"e{n}", name)
        cut = rng.randint(1, table.num_rows - 1)
        pq.write_table(table.slice(0, cut), export / name / "part-0.parquet")
        wrong = _typo(rng, name)
        (export / wrong).mkdir()
        pq.write_table(table.slice(cut), export / wrong / "part-1.parquet")
        error = blames(outcome_of(export), f"#{n} {wrong}/", export / wrong)
        assert any(repr(name) in p.message for p in error.problems), (wrong, error)


def test_a_data_file_beside_the_tables_is_read(
    exported: Path, articles: isk.Dataset, tmp_path: Path
) -> None:
    rng = rng_for("beside")
    for n in range(runs(6)):
        export = copy_of(exported, tmp_path / f"e{n}")
        ident = f"place-{rng.randrange(10**6)}"
        mine = export / rng.choice(["mine.json", "extra.json", "_more.json", ".x.json"])
        place = {"id": ident, "name": f"Place {n}", "kind": "village"}
        mine.write_text(json.dumps({"idlibstrikes": 1, "places": [place]}), encoding="utf-8")
        outcome = outcome_of(export)
        assert isinstance(outcome, isk.Dataset), f"#{n} {mine.name}: {outcome}"
        assert outcome.place(ident).name == f"Place {n}"
        assert len(outcome.places) == len(articles.places) + 1


def test_a_file_in_a_table_folder_that_is_not_parquet_is_a_problem(
    exported: Path, tmp_path: Path
) -> None:
    rng = rng_for("not parquet")
    for n in range(runs(6)):
        name = rng.choice(TABLES)
        export = copy_of(exported, tmp_path / f"e{n}")
        odd = export / name / rng.choice(["part-1.csv", "notes.txt", "part-1.parq", "x.json"])
        odd.write_text("id\nx\n", encoding="utf-8")
        blames(outcome_of(export), f"#{n} {odd.name}", odd)


# -- 4. the JSON tables export is read as strictly as a data file ----------------------------


def _json_export(articles: isk.Dataset, where: Path) -> str:
    articles.export("json", where)
    return (where / "idlibstrikes.json").read_text(encoding="utf-8")


def _twice(rng: random.Random, text: str) -> str:
    table = rng.choice(TABLES)
    return text.replace('"tables": {', f'"tables": {{\n  "{table}": [],', 1)


def _unknown_key(rng: random.Random, text: str) -> str:
    key = rng.choice(["tabels", "Tables", "comment", "metadata2", "version"])
    # after the mark, which tells an export from a data file
    return text.replace('"metadata":', f'"{key}": {{}},\n "metadata":', 1)


def _mark(rng: random.Random, text: str) -> str:
    word = rng.choice(["true", "1.0", '"1"', "1e0", "null", "2"])
    return re.sub(r'"idlibstrikes_tables": 1\b', f'"idlibstrikes_tables": {word}', text, count=1)


def _nan(rng: random.Random, text: str) -> str:
    word = rng.choice(["NaN", "Infinity", "-Infinity"])
    found = list(re.finditer(r'"(high|low)": (\d+|null)', text))
    at = rng.choice(found)
    return text[: at.start(2)] + word + text[at.end(2) :]


@pytest.mark.parametrize("mutate", [_twice, _unknown_key, _mark, _nan])
def test_a_json_tables_export_is_held_to_the_data_files_rules(
    articles: isk.Dataset, tmp_path: Path, mutate: Callable[[random.Random, str], str]
) -> None:
    rng = rng_for(f"json {mutate.__name__}")
    text = _json_export(articles, tmp_path)
    for n in range(runs(6)):
        path = tmp_path / f"t{n}.json"
        path.write_text(mutate(rng, text), encoding="utf-8")
        blames(outcome_of(path), f"#{n} {mutate.__name__}", path)


def test_a_key_given_twice_in_a_json_export_is_named_at_its_line(
    articles: isk.Dataset, tmp_path: Path
) -> None:
    text = _json_export(articles, tmp_path)
    path = tmp_path / "t.json"
    path.write_text(text.replace('"tables": {', '"tables": {\n  "figures": [],', 1), "utf-8")
    error = blames(outcome_of(path), "figures twice", path)
    (problem,) = error.problems
    assert problem.line == text[: text.index('"figures"')].count("\n") + 1 or problem.line
    assert "given twice" in problem.message


# -- 5. a partition folder may not name a stored column --------------------------------------


def test_a_partition_by_a_stored_column_is_a_problem(exported: Path, tmp_path: Path) -> None:
    rng = rng_for("partition")
    for n in range(runs(10)):
        name = rng.choice([t for t in TABLES if table_of(exported, t).num_rows])
        export = copy_of(exported, tmp_path / f"e{n}")
        stored = [f.name for f in isk.fields(name) if not f.derived]
        column = rng.choice(stored)
        (file,) = (export / name).glob("*.parquet")
        where = export / name / f"{column}=a"
        where.mkdir()
        moved = file.rename(where / file.name)
        error = blames(outcome_of(export), f"#{n} {name}/{column}=a", moved)
        assert any(p.field == column for p in error.problems), error


def test_a_partition_by_year_still_reads_back_equal(articles: isk.Dataset, tmp_path: Path) -> None:
    articles.export("parquet", tmp_path, partition_by=["year"])
    assert list((tmp_path / "strikes").glob("year=*"))
    assert isk.load(tmp_path, bundled=False) == articles


# -- 6. what pyarrow or json cannot read is one DataError ------------------------------------


def test_a_later_file_with_a_column_type_no_table_holds_is_a_problem(
    exported: Path, tmp_path: Path
) -> None:
    rng = rng_for("types")
    odd_types = [
        lambda: pa.array([{"a": 1}], pa.struct([("a", pa.int64())])),
        lambda: pa.array([[1, 2]], pa.list_(pa.int64())),
        lambda: pa.array([[("k", "v")]], pa.map_(pa.string(), pa.string())),
        lambda: pa.array([b"\x00"], pa.binary()),
        lambda: pa.array([1.5], pa.float64()),
        lambda: pa.array([[[1]]], pa.list_(pa.list_(pa.int64()))),
    ]
    for n in range(runs(12)):
        name = rng.choice([t for t in TABLES if table_of(exported, t).num_rows])
        export = copy_of(exported, tmp_path / f"e{n}")
        table = table_of(export, name)
        column = rng.choice([f.name for f in isk.fields(name) if f.type == "string"] or ["id"])
        if column not in table.column_names:
            continue
        odd = rng.choice(odd_types)()
        later = table.slice(0, 1).set_column(table.column_names.index(column), column, odd)
        path = export / name / "z-later.parquet"
        pq.write_table(later, path)
        # the file, where pyarrow cannot give its values; else the value, in the export
        where = (path, export, f"{export} (tables)")
        blames(outcome_of(export), f"#{n} {name}.{column}: {odd.type}", *where)


def test_a_json_export_nested_too_deep_is_a_problem(articles: isk.Dataset, tmp_path: Path) -> None:
    rng = rng_for("deep")
    text = _json_export(articles, tmp_path)
    for n in range(runs(4)):
        depth = rng.choice([1_000, 5_000, 100_000])
        path = tmp_path / f"deep{n}.json"
        deep = "[" * depth + "]" * depth
        path.write_text(re.sub(r'"note": "[^"]*"', f'"note": {deep}', text, count=1), "utf-8")
        blames(outcome_of(path), f"#{n} depth {depth}", path)


# -- 9. links: one rule, in every folder -----------------------------------------------------


def test_a_link_out_of_an_export_is_a_problem_and_not_read(exported: Path, tmp_path: Path) -> None:
    rng = rng_for("out")
    outside = tmp_path / "outside"
    outside.mkdir()
    for n in range(runs(6)):
        name = rng.choice(TABLES)
        export = copy_of(exported, tmp_path / f"e{n}")
        # a table's folder, or one file of it, is a link to a copy outside the export
        away = outside / f"{name}{n}"
        shutil.move(export / name, away)
        if rng.random() < 0.5:
            link = export / name
            link.symlink_to(away, target_is_directory=True)
        else:
            (export / name).mkdir()
            (file,) = away.glob("*.parquet")
            link = export / name / file.name
            link.symlink_to(file)
        error = blames(outcome_of(export), f"#{n} {link}", link, export)
        assert any("outside" in p.message and p.file == str(link) for p in error.problems)


def test_a_link_loop_reads_each_file_once(
    exported: Path, articles: isk.Dataset, tmp_path: Path
) -> None:
    rng = rng_for("loop")
    for n in range(runs(6)):
        export = copy_of(exported, tmp_path / f"e{n}")
        name = rng.choice(TABLES)
        target = rng.choice([export, export / name, export / rng.choice(TABLES)])
        (export / name / f"loop{n}").symlink_to(target, target_is_directory=True)
        outcome = outcome_of(export)
        assert same_records(outcome, articles), f"#{n} {name}/loop -> {target.name}: {outcome}"


def test_a_broken_link_is_a_problem(exported: Path, tmp_path: Path) -> None:
    rng = rng_for("broken")
    for n in range(runs(6)):
        export = copy_of(exported, tmp_path / f"e{n}")
        name = rng.choice(TABLES)
        link = export / name / rng.choice(["part-1.parquet", "old", "x.parquet"])
        link.symlink_to(tmp_path / f"nothing{n}")
        error = blames(outcome_of(export), f"#{n} {link}", link)
        assert any("broken link" in p.message for p in error.problems)


def test_links_in_a_folder_of_data_files_follow_the_same_rule(
    articles: isk.Dataset, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    data_dir = Path(isk.__file__).parent / "data"
    outside = tmp_path / "outside.json"
    shutil.copy(data_dir / "places.json", outside)
    shutil.copy(data_dir / "sources.json", folder / "sources.json")
    (folder / "places.json").symlink_to(outside)  # out of the folder
    (folder / "gone.json").symlink_to(tmp_path / "nothing.json")  # broken
    (folder / "again.json").symlink_to(folder / "sources.json")  # inside: read once
    error = blames(outcome_of(folder), "folder", folder / "places.json", folder / "gone.json")
    assert len(error.problems) == 2, error


def test_an_article_linked_from_outside_the_folder_is_a_problem(
    articles: isk.Dataset, tmp_path: Path
) -> None:
    texts = Path(__file__).resolve().parents[1].parent / "shared" / "articles"
    if not texts.is_dir():
        pytest.skip("../shared/articles is absent")
    folder = tmp_path / "articles"
    folder.mkdir()
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    for text in texts.iterdir():
        shutil.copy(text, outside / text.name)
        (folder / text.name).symlink_to(outside / text.name)
    data_dir = Path(isk.__file__).parent / "data"
    with pytest.raises(isk.DataError) as caught:  # they were read, before
        isk.load(*sorted(data_dir.glob("*.json")), bundled=False, articles=folder)
    assert all("outside the folder" in p.message for p in caught.value.problems), caught.value
