"""Every column the README and the docs name is a column of the table they name it for.

The analyst's tables (``to_records``, ``to_dataframe``, CSV, the data package, GeoJSON)
and the lossless tables (``tables()``, the JSON and Parquet exports) name some values
differently (``event_date`` and ``date_earliest``). The how-to's table of which is which is
checked here against the bundled data, value by value; and the column names in the
README's and the docs' prose are checked against the shape the passage is about.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import idlibstrikes as isk
from idlibstrikes._view_columns import KINDS

ROOT = Path(__file__).resolve().parents[1]
MAPPING = "## Which column is which in the lossless tables"


@pytest.fixture(scope="module")
def data() -> isk.Dataset:
    return isk.load()


@pytest.fixture(scope="module")
def analyst() -> dict[str, set[str]]:
    return {kind: {c.name for c in isk.columns(kind)} for kind in KINDS}


@pytest.fixture(scope="module")
def lossless(data: isk.Dataset) -> dict[str, set[str]]:
    tables = data.tables()
    return {name: {f.name for f in tables[name].fields} for name in tables}


def names(cell: str) -> tuple[str, list[str]]:
    """A cell of the mapping: its table, then its columns ("strikes `a`, `b`")."""
    table, _, rest = cell.strip().partition(" ")
    return table, re.findall(r"`([a-z0-9_]+)`", rest)


def mapping_rows() -> list[tuple[str, str, str]]:
    text = (ROOT / "docs" / "how-to" / "tables.md").read_text(encoding="utf-8")
    section = text.split(MAPPING, 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| analyst's table | lossless table |")
    cells = [tuple(c.strip() for c in row.strip("|").split("|")) for row in rows[2:]]
    assert all(len(c) == 3 for c in cells)
    return [(a, b, c) for a, b, c in cells]


def plain(value: Any) -> Any:
    """A cell as a comparable value: lists and tuples alike, an empty list as none."""
    if isinstance(value, list | tuple):
        return tuple(value) or None
    return value


def test_the_mapping_names_real_columns_and_their_values_agree(
    data: isk.Dataset, analyst: dict[str, set[str]], lossless: dict[str, set[str]]
) -> None:
    tables = data.tables()
    compared = 0
    for left, right, how in mapping_rows():
        (view, ours), (table, theirs) = names(left), names(right)
        assert view == table
        assert view in ("strikes", "series")
        assert len(ours) == len(theirs) >= 1, left
        assert set(ours) <= analyst[view], (left, set(ours) - analyst[view])
        assert set(theirs) <= lossless[table], (right, set(theirs) - lossless[table])
        rows = {r["id"]: r for r in data.to_records(view)}
        back = {r["id"]: r for r in tables[table].to_records()}
        assert rows.keys() == back.keys()
        same = how.startswith("the same values")
        if not same:  # names in the analyst's table, the ids they are of in the lossless
            assert re.fullmatch(r"(group|people's) names in the analyst's table, .*", how)
        find = data.group if how.startswith("group") else data.person
        for mine, other in zip(ours, theirs, strict=True):
            for ident, row in rows.items():
                value = back[ident][other]
                if not same:
                    value = [find(i).name for i in value or ()]
                assert plain(row[mine]) == plain(value), (ident, mine, other)
                compared += 1
    assert compared > 1000  # 62 strikes and 9 series, a column pair at a time


def test_every_value_both_shapes_hold_under_two_names_is_in_the_mapping(
    data: isk.Dataset,
) -> None:
    documented = set()
    for left, right, _ in mapping_rows():
        view, theirs = names(left)[0], names(right)[1]
        documented |= {(view, other) for other in theirs}
    tables = data.tables()
    for view in ("strikes", "series"):
        # a name both shapes use is in the mapping: "a column not in it is in one shape only"
        both = {c.name for c in isk.columns(view)} & {f.name for f in tables[view].fields}
        assert {(view, name) for name in both} <= documented, view
        rows = {r["id"]: r for r in data.to_records(view)}
        back = {r["id"]: r for r in tables[view].to_records()}
        for other in back[next(iter(back))]:
            values = {plain(r[other]) for r in back.values()} - {None}
            if len(values) < 2:  # a column all alike would match by chance
                continue
            same = [
                mine
                for mine in rows[next(iter(rows))]
                if all(plain(rows[i][mine]) == plain(back[i][other]) for i in rows)
            ]
            if same:
                assert (view, other) in documented, (view, other, same)


def columnish(text: str, known: set[str]) -> list[str]:
    """The column names in a passage's prose: backticked words with an underscore, or known
    column names (``id``), split at "/" (``event_date``/``date_end``); code blocks skipped."""
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    found = []
    for token in re.findall(r"`([^`\n]+)`", text):
        if not re.fullmatch(r"[a-z0-9_/*]+", token):
            continue  # code, a call, a path
        found += [w for w in token.split("/") if w and ("_" in w or w in known)]
    return found


def named(word: str, columns: set[str]) -> bool:
    if word.endswith("*"):
        return any(c.startswith(word[:-1]) for c in columns)
    return word in columns


def test_readme_names_the_analysts_columns(
    analyst: dict[str, set[str]], lossless: dict[str, set[str]]
) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    passage = text.split("Tables follow the conflict-event datasets", 1)[1]
    views, rest = re.split(r"These are the analyst's\s+tables", passage, maxsplit=1)
    known = set().union(*analyst.values(), *lossless.values())
    strikes = analyst["strikes"] | analyst["series"]
    found = columnish(views, known)
    assert len(found) >= 15
    assert [w for w in found if not named(w, strikes | set(KINDS))] == []
    # the sentence after it names the lossless tables' own names for two of them
    after = columnish(rest.split("\n\n", 1)[0], known)
    assert after == ["date_earliest", "date_latest", "event_date", "date_end"]
    assert {"date_earliest", "date_latest"} <= lossless["strikes"] - analyst["strikes"]


def test_the_tables_how_to_names_the_analysts_columns(
    analyst: dict[str, set[str]], lossless: dict[str, set[str]]
) -> None:
    text = (ROOT / "docs" / "how-to" / "tables.md").read_text(encoding="utf-8")
    before, rest = text.split(MAPPING, 1)
    after = rest.split("\n## ", 1)[1]
    known = set().union(*analyst.values(), *lossless.values())
    found = columnish(before + after, known)
    assert len(found) >= 15
    every = set().union(*analyst.values()) | set(KINDS)
    assert [w for w in found if not named(w, every)] == []


def test_the_engines_page_names_the_lossless_derived_columns(
    data: isk.Dataset, analyst: dict[str, set[str]], lossless: dict[str, set[str]]
) -> None:
    text = (ROOT / "docs" / "how-to" / "engines.md").read_text(encoding="utf-8")
    listed = text.split("carry the library's derived columns (", 1)[1].split(";", 1)[0]
    found = columnish(listed, lossless["strikes"])
    derived = {f.name for f in data.tables()["strikes"].fields if f.derived}
    assert set(found) == derived  # every derived column, and only those
    assert set(found) <= lossless["strikes"] & lossless["series"]
    codebook = (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    rule = codebook.split("Columns marked *derived*", 1)[1].split("\n- ", 1)[0]
    assert set(columnish(rule, lossless["strikes"])) <= derived
