"""The example scripts and the tutorial notebook run, print real figures, and cover the API."""

from __future__ import annotations

import ast
import contextlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import idlibstrikes as isk

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))
NOTEBOOK = EXAMPLES / "tutorial.ipynb"

#: What each script must print: real figures from the bundled data. A new script without
#: an entry here fails test_every_script_has_expectations.
EXPECTED: dict[str, tuple[str, ...]] = {
    "casualties.py": (
        "32-50+ commanders killed in 4 strike(s) with figures; 0 without",
        "low 32, high 50, open-ended (some 'at least'): True",
        "2019-06-30-rif-al-muhandisin (2019-06-30): 6-8+",
        "    8  the article itself (002_0d9037507fd83edc.txt)",
        "   6+  the article itself (002_0d9037507fd83edc.txt)",
        "    6  Syrian Observatory for Human Rights (003_e4f56a08b823a065.txt)",
        "'In the strike, at least six commanders of non-Syrian nationalities were killed.'",
        "low=8 high=8: a stated figure (002)",
        "low=6 high=None: a lower bound (002)",
        "low=6 high=6: a stated figure (003)",
        "all victims: 48+ all killed in 3 strike(s) with figures; 1 without",
        "no source gives a toll for 2025-01-late-al-zabir",
    ),
    "ceasefires.py": (
        "Turkey-Russia agreement of September 2018 on Idlib",
        "Moscow-backed Idlib ceasefire of 31 August 2019",
        "ceasefire, from 2019-08-31, end: none reported",
        "2017-03-al-jinah                       2017-03-01..2017-03-31 -",
        "2019-idlib-offensive                   2019-04-01..2019-08-31 A B C",
        "2019-08-31-idlib-training-camp         2019-08-31             A C",
        "brokers: Russia",
        "2019-08-31 (004): 'Saturday’s truce is the latest attempt to avert a full-blown",
        "Idlib truce of 1 August 2019: from 2019-08-01 to 2019-08-03..2019-08-08",
        "in force on 2019-08-02: True; on 2019-08-31: False",
    ),
    "lookups.py": (
        "targets: al-Qaeda in Syria, Hurras al-Din, Ansar al-Tawhid",
        "(001) 'The leaders of Hurras Al Din, Ansar Al Tawhid and other allied groups",
        "Abu Baker Mourek: 'a Hurras Al Din commander' (group hurras-al-din), per 000",
        "killed in: 2025-02-15-urum-al-jawz",
        "district 'Ariha'",
        "Kafranbel: 35.6139 N, 36.5611 E, per ref-wikipedia-kafr-nabl",
        "published: 2019-09-01..2019-09-06",
        "names: 84 for groups, 18 for people, 62 for places",
        "(002) 2017-03-17: 'On March 17, 2017'",
        "date (ref-centcom-2017-03-16, corrects an article)",
    ),
    "own_data.py": (
        "mine:    <Dataset: 11 strikes, 3 ceasefires, 44 groups, 6 articles>",
        "2019-08-31-idlib-training-camp: 5 claims bundled, 6 with mine",
        "added: low 38, high None (an 'at least': a lower bound)",
        "claimant: local monitoring group; source: example-0001.txt",
        "whole toll, mine:    38-40+ all killed in 1 strike(s) with figures; 0 without",
        "broken-article.json: DataError with 6 problems",
        "broken-article.json:26: example-local-monitor.citations[0].qoute: unknown field",
        "broken-article.json:50: 2019-08-31-idlib-training-camp.additions[0].claims[1].quote:",
        "dump -> everything.json; loads back equal: True",
        "same as the file: True",
        '"id": "example-local-monitor",',
    ),
    "strikes_between.py": (
        "'late January 2025'  -> 2025-01-21 .. 2025-01-31",
        "'Sep 2019'           -> 2019-09-01 .. 2019-09-30",
        "the al-Zabir strike: 2025-01-21..2025-01-31 (precision: month)",
        "the article's words: 'In late January'",
        "2025-01-25 .. 2025-01-31: 2 strike(s) may fall in it, 0 certainly",
        "  possibly   2025-01-late-al-zabir                  2025-01-21..2025-01-31",
        "late January 2025: 2 strike(s) may fall in it, 1 certainly",
        "  certainly  2025-01-late-al-zabir                  2025-01-21..2025-01-31",
        "2019-06 .. Sep 2019: 7 strike(s) may fall in it, 4 certainly",
        "'31 August' names no year",
        "swap start and end",
    ),
    "strikes_by_group.py": (
        "'hurras al-deen' finds: Hurras al-Din (id 'hurras-al-din', kind militant)",
        "aliases: Hurras Al Din, Hurras al-Deen",
        "strikes on Hurras al-Din: 4",
        "  2019-06-30             Rif Al-Muhandiseen",
        "  2019-08-31             training camp just north of Idlib city",
        "  2025-01-21..2025-01-31 north-west Syria",
        "  2025-02-15             Urum Al Joz",
        "strikes naming al-Qaeda itself: 1",
        "strikes on al-Qaeda or an affiliate on the strike's date: 5",
        "until 2014-01-01..2014-12-31   (000) 'HTS severed itself from Al Qaeda in 2014'",
        "Hayat Tahrir al-Sham (2019-04-01..2019-08-31) is among the 5: False",
        "UnknownNameError: no group is known as 'Huras al Din'; did you mean: 'Hurras al-Din'",
    ),
    "tables_and_exports.py": (
        "to_records('strikes'): 11 rows of 35 columns",
        "to_records('claims'): 20 rows",
        "deaths_low (integer): Smallest death toll (all victims) any source gives.",
        "Rif Al-Muhandiseen           6            6               True",
        "csv         strikes.csv, claims.csv, groups.csv, ceasefires.csv, sources.csv; left out: 0",
        "geojson     strikes.geojson; left out: 9",
        "datapackage strikes.csv, claims.csv, groups.csv, ceasefires.csv, sources.csv, "
        "datapackage.json",
        "csv_text(data, 'ceasefires'): 4 lines",
        "geojson(data): FeatureCollection of 2 features",
        "al-Jinah: 36.1079 N, 36.787 E, per ref-wikipedia-al-jinah-airstrike",
    ),
}

#: The module-level functions the examples must call. ``timeline`` and ``map`` are left
#: out on purpose: they draw figures, which the documentation shows instead.
FUNCTIONS = ("load", "parse_period", "columns", "dump", "dumps", "csv_text", "geojson", "export")


def _notebook() -> dict[str, Any]:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))


def _text(value: str | list[str]) -> str:
    return value if isinstance(value, str) else "".join(value)


def _code_cells() -> list[dict[str, Any]]:
    return [c for c in _notebook()["cells"] if c["cell_type"] == "code"]


def test_every_script_has_expectations() -> None:
    assert SCRIPTS
    assert {p.name for p in SCRIPTS} == set(EXPECTED)


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_script_runs_and_prints_real_figures(script: Path, tmp_path: Path) -> None:
    # Run from an unrelated folder: a script must find its files from its own location.
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert list(tmp_path.iterdir()) == []  # temporary files go to tempfile.mkdtemp() only
    for expected in EXPECTED[script.name]:
        assert expected in done.stdout, f"{script.name} did not print {expected!r}"
    assert len(done.stdout.splitlines()) <= 60  # the docs show the output in full


def test_script_starts_with_a_docstring() -> None:
    for script in SCRIPTS:
        module = ast.parse(script.read_text(encoding="utf-8"))
        assert ast.get_docstring(module), script.name


def test_examples_call_every_query_helper() -> None:
    sources = [p.read_text(encoding="utf-8") for p in SCRIPTS]
    sources += [_text(cell["source"]) for cell in _code_cells()]
    everything = "\n".join(sources)
    methods = [
        name
        for name in dir(isk.Dataset)
        if not name.startswith("_") and callable(getattr(isk.Dataset, name))
    ]
    assert "strikes_by_group" in methods  # the list is the real one
    missing = [name for name in methods if not re.search(rf"\.{name}\(", everything)]
    assert missing == [], f"no example calls Dataset.{missing}"
    missing = [name for name in FUNCTIONS if f"isk.{name}(" not in everything]
    assert missing == [], f"no example calls isk.{missing}"


def test_notebook_is_nbformat_4_5_with_cell_ids() -> None:
    nb = _notebook()
    assert (nb["nbformat"], nb["nbformat_minor"]) == (4, 5)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    ids = [cell["id"] for cell in nb["cells"]]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{1,64}", i) for i in ids)
    counts = [cell["execution_count"] for cell in _code_cells()]
    assert counts == list(range(1, len(counts) + 1))
    for cell in _code_cells():
        for output in cell["outputs"]:
            assert output["output_type"] in ("stream", "execute_result")
            if output["output_type"] == "execute_result":
                assert set(output["data"]) == {"text/plain"}  # no HTML in the stored notebook
                assert output["execution_count"] == cell["execution_count"]


def _run_cell(source: str, namespace: dict[str, Any], name: str) -> list[tuple[str, str]]:
    """Run a cell as IPython does; return its outputs as (kind, text) pairs."""
    tree = ast.parse(source)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(compile(tree, name, "exec"), namespace)
        value = eval(compile(last, name, "eval"), namespace) if last is not None else None
    outputs = []
    if buffer.getvalue():
        outputs.append(("stream", buffer.getvalue()))
    if value is not None:
        outputs.append(("execute_result", repr(value)))
    return outputs


def test_notebook_outputs_are_what_its_code_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the cells must not depend on the working directory
    namespace: dict[str, Any] = {"__name__": "__main__"}
    for cell in _code_cells():
        name = f"<tutorial.ipynb cell {cell['execution_count']}>"
        produced = _run_cell(_text(cell["source"]), namespace, name)
        stored = [
            (
                o["output_type"],
                _text(o["text"])
                if o["output_type"] == "stream"
                else _text(o["data"]["text/plain"]),
            )
            for o in cell["outputs"]
        ]
        assert produced == stored, name
