"""What the command line prints reads well in a terminal of 80 columns.

Its ``--help`` fits the width without breaking a word or an example command; a list of
thousands (the article files behind a large data file) is summarised in a line; every id the
tables print is one ``show`` takes, for your own articles too; and a message about an unknown
name says which command lists the names, never a Python attribute.
"""

from __future__ import annotations

import collections
import json
import re
import shlex
from pathlib import Path

import pytest

from idlibstrikes._cli import _COMMAND_EXAMPLES, _EXAMPLES, main
from idlibstrikes._cli_text import _pieces

ROOT = Path(__file__).resolve().parents[1]
MINE = "examples/new-article.json"  # a user's file: its article is example-0001.txt
HELPS = [[], *([command] for command in _COMMAND_EXAMPLES)]


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    columns: int | None = 80,
) -> tuple[int, str, str]:
    """``idlibstrikes ARGS`` in the repository, piped, ``COLUMNS`` as given: status and output."""
    monkeypatch.chdir(ROOT)
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", str(columns))
    capsys.readouterr()
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def words(text: str) -> collections.Counter[str]:
    """Every word, split where a long word may break; a continued command's "\\" dropped."""
    return collections.Counter(p for w in text.split() if w != "\\" for p in _pieces(w))


@pytest.mark.parametrize("command", HELPS, ids=lambda c: " ".join(c) or "idlibstrikes")
def test_help_fits_80_columns_with_no_word_broken(
    command: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, wide, _ = run(capsys, monkeypatch, *command, "--help", columns=1000)
    status, text, _ = run(capsys, monkeypatch, *command, "--help", columns=80)
    assert status == 0
    assert max(map(len, text.splitlines())) <= 80, text
    assert max(map(len, wide.splitlines())) > 80  # the check is of a help that had to wrap
    assert words(text) == words(wide)  # no word broken across lines, none lost
    # at 80 columns every example is printed as written: a command and what it does
    examples = _EXAMPLES if not command else "examples:\n" + _COMMAND_EXAMPLES[command[0]]
    for line in examples.splitlines():
        if line.startswith("  "):
            assert line + "\n" in text, line


@pytest.mark.parametrize("columns", [50, 60, 70, 100])
def test_help_at_other_widths_keeps_each_example_command_whole(
    columns: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for command in HELPS:
        _, wide, _ = run(capsys, monkeypatch, *command, "--help", columns=1000)
        _, text, _ = run(capsys, monkeypatch, *command, "--help", columns=columns)
        assert max(map(len, text.splitlines())) <= columns, (command, text)
        assert words(text) == words(wide), command
        # a command broken between its arguments with " \" is the same command, pasted
        pasted = re.sub(r" \\\n\s*", " ", text)
        examples = _EXAMPLES if not command else _COMMAND_EXAMPLES[command[0]]
        for line in examples.splitlines():
            if line.startswith("  "):
                said = re.split(r"\s{2,}", line.strip())[0]
                printed = [re.split(r"\s{2,}", x.strip())[0] for x in pasted.splitlines()]
                assert said in [" ".join(x.split()) for x in printed], (columns, said)


def big_file(folder: Path, articles: int) -> tuple[Path, list[str]]:
    """A data file with ``articles`` article sources besides a synthetic one's: its texts."""
    from idlibstrikes.testing import synthetic

    doc = synthetic.document(40, seed=7)
    model = doc["sources"][0]
    for i in range(articles):
        name = f"{i:03}_{i:016x}.txt"
        doc["sources"].append({**model, "id": name, "article": name, "headline": f"No. {i}"})
    path = folder / "big.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path, sorted(s["article"] for s in doc["sources"])


@pytest.mark.parametrize("columns", [80, None])
def test_validate_summarises_thousands_of_unchecked_articles(
    columns: int | None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    path, texts = big_file(tmp_path, 5000)
    assert len(texts) == 5002  # the 5,000 and the synthetic file's 2
    status, out, _ = run(capsys, monkeypatch, "validate", str(path), columns=columns)
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("ok: 1 file, ")
    assert max(map(len, lines)) <= (columns or 200)  # piped: one line, of a few names
    said = " ".join(out.split()).partition("articles quotes")[2]
    assert "quotes" + said == (
        "quotes not checked: give --articles FOLDER with the texts of "
        f"{texts[0]}, {texts[1]}, {texts[2]} and 4,999 others"
    )
    empty = tmp_path / "texts"
    empty.mkdir()
    (empty / texts[1]).write_text("x", encoding="utf-8")  # one text there: 5,001 missing
    status, out, _ = run(capsys, monkeypatch, "validate", str(path), "--articles", str(empty))
    assert status == 0
    assert max(map(len, out.splitlines())) <= 80
    said = " ".join(out.split()).partition("articles quotes")[2]
    assert "quotes" + said == (
        f"quotes not checked for articles not in {empty}: "
        f"{texts[0]}, {texts[2]}, {texts[3]} and 4,998 others"
    )


def test_export_summarises_the_strikes_it_could_not_place(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from idlibstrikes.testing import synthetic

    path = synthetic.write(tmp_path / "data", 600)  # hundreds of places with no point
    out = tmp_path / "map"
    status, _, err = run(
        capsys, monkeypatch, "--sources", "articles", "export", "--format", "geojson",
        "--out", str(out), "--data", str(path),
    )  # fmt: skip
    assert status == 0
    features = json.loads((out / "strikes.geojson").read_text(encoding="utf-8"))["features"]
    unplaced = [f["properties"]["id"] for f in features if f["geometry"] is None]
    series = json.loads((out / "series.geojson").read_text(encoding="utf-8"))["features"]
    unplaced += [f["properties"]["id"] for f in series if f["geometry"] is None]
    assert len(unplaced) > 100
    said = " ".join(err.split())
    assert said.startswith(f"{len(unplaced):,} strike(s) written without a point")
    assert said.endswith(f" and {len(unplaced) - 3:,} others")
    assert max(map(len, err.splitlines())) <= 80


def source_ids(listing: str) -> list[str]:
    """The ids in the sources column of a piped listing (one line a row, last column)."""
    found = []
    for line in listing.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        if len(cells) < 6 or cells[-1] == "sources" or set(line) <= {"-", " "}:
            continue
        found += [part.split(":")[0] for part in cells[-1].split(",")]
    return list(dict.fromkeys(found))


def test_every_source_id_the_listings_print_is_one_show_takes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, listing, _ = run(capsys, monkeypatch, "--data", MINE, "strikes", "--series", columns=None)
    ids = source_ids(listing)
    # articles by short id, yours too; reference lists' events by their list's id
    assert {"000", "001", "002", "003", "004", "example-0001", "R05", "R51"} <= set(ids)
    assert "exa" not in listing.split()  # not the file name's first three letters
    for ident in ids:
        status, out, err = run(capsys, monkeypatch, "--data", MINE, "show", ident)
        assert status == 0, (ident, err)
        if ident == "example-0001":
            assert out.startswith("example-0001.txt [example-0001]: article")
        elif ident.startswith("R"):
            assert "reference list" in out
    # the casualties table prints each account's source as show takes it too
    _, table, _ = run(
        capsys, monkeypatch, "--data", MINE, "casualties", "--between", "2019-08-31", columns=None
    )
    assert "38+ local monitoring group example-0001" in table


def test_show_finds_a_strike_by_its_list_id_in_any_case(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, by_id, _ = run(capsys, monkeypatch, "show", "undated-kafr-deryan-sarmada-road")
    for ident in ("R51", "r51"):
        status, out, _ = run(capsys, monkeypatch, "show", ident)
        assert status == 0
        assert out == by_id
        assert out.startswith("undated-kafr-deryan-sarmada-road: ")


@pytest.mark.parametrize(
    "args",
    [
        ["strikes", "--group", "Nope"],
        ["casualties", "--by", "Nope"],
        ["show", "nope"],
        ["--data", MINE, "show", "exa"],
        ["--sources", "articles", "show", "R51"],
    ],
    ids=" ".join,
)
def test_unknown_names_are_answered_with_commands_that_list_them(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, err = run(capsys, monkeypatch, *args)
    assert status == 1
    assert not out
    message = " ".join(err.split())
    assert max(map(len, err.splitlines())) <= 80
    assert "Dataset" not in message
    assert not re.search(r"\w\(\)", message)  # no Python call
    commands = re.findall(r"'(idlibstrikes [^']+)'", message)
    assert commands
    for command in commands:  # each runs as written (a strike's id for STRIKE)
        named = shlex.split(command.replace("STRIKE", "2019-08-31-idlib-training-camp"))[1:]
        status, _, err = run(capsys, monkeypatch, *named)
        assert status == 0, (command, err)
