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
    "acled_and_ucdp.py": (
        "wrote: acled.csv, acled_left_out.csv",
        "ACLED rows: 59; air/drone strikes: 51",
        "fatalities, all rows: 390",
        "rows whose 0 means nothing is known: 2014-11-13-west-of-aleppo, 2014-11-harem, "
        "2019-08-27-hts-missile-khan-sheikhoun",
        "  actor1: Military Forces of the United States (2017-2021)",
        "  interaction: Rebel group-External/Other forces",
        "  tags: fatalities range=6-8+; fatalities disputed",
        "left out of ACLED: 12, of which series: 9",
        "2014       2   56    56  <NA>          0",
        "priogrid_gid of Idlib's point: 181154",
        "  series 2019-idlib-offensive: clarity 2, 951 dead",
    ),
    "engines.py": (
        "strikes.event_date: date32[day]",
        "strikes.deaths_low: int32",
        "[('2019-06-30-rif-al-muhandisin', 6, 8), ('2019-08-31-idlib-training-camp', 40, 40), "
        "('2025-01-late-al-zabir', 1, 1), ('2025-02-15-urum-al-jawz', 2, 2)]",
        "narrowed to 2019: ['2019-06-30-rif-al-muhandisin', '2019-08-31-idlib-training-camp']",
        "casualty_claims=20",
        "  2019: 4 strike(s), deaths 47-49 (sums of per-strike figures)",
        "2019 by the library: 47-49+ all killed in 3 strike(s) with figures; 1 without",
        "loaded back from Parquet: equal to the original: True",
        "GeoDataFrame: 7 strikes, 7 with a point, CRS EPSG:4326",
        "  precision 1: 2",
        "  precision 2: 1",
        "  precision 3: 4",
    ),
    "casualties.py": (
        "48-50+ commanders killed in 4 strike(s) with figures; 0 without; the sources "
        "disagree on 1",
        "low 48, high 50, open-ended (some 'at least'): True; best None, disputed True",
        "2019-06-30-rif-al-muhandisin (2019-06-30): 6-8 (disputed); best estimate None",
        "     8  Kurdistan 24 (own voice)                 stated  002",
        "     6  Syrian Observatory for Human Rights      stated  003",
        "2019-08-31-idlib-training-camp (2019-08-31): 40; best estimate 40",
        "   24+  The National (own voice)                 vague   001",
        "    1+  the named dead: Muhammad Salah Al Zabir  named   -",
        "low=6 high=None: a lower bound (002)",
        "'In the strike, at least six commanders of non-Syrian nationalities were killed.'",
        "all victims: 49-51+ all killed in 4 strike(s) with figures; 0 without; the sources "
        "disagree on 1",
        "    8+  Kurdistan 24 (own voice)                 parts   002",
        "civilians: no figures for civilians killed in 4 strike(s) (low None, high None)",
        "every strike in the dataset, all victims: 99-101+ all killed in 6 strike(s) with",
        "  no source gives a toll for 2019-08-27-hts-missile-khan-sheikhoun",
        "  series, listed apart: 2019-idlib-offensive: 951+, counted to 2019-08-31",
        "  series, listed apart: baghouz-coalition-strikes: no figures",
    ),
    "ceasefires.py": (
        "  Turkey-Russia agreement of September 2018 on Idlib: in_effect",
        "    agreement, from 2018-09-17, end: none reported, on or after 2019-09-01",
        "    ceasefire, from 2019-08-31, end: 2019-09-01..2024-12-08",
        "    in effect through 2019-09-01, the last day a dated report shows it holding",
        "    last reported by an article published by 2019-09-06",
        "on 2019-09-05: 2018-09-sochi-agreement may_be_in_effect, 2019-08-31-ceasefire",
        "on 2021: 2018-09-sochi-agreement unknown, 2019-08-31-ceasefire unknown",
        "on 2025-02-15: 2018-09-sochi-agreement unknown",
        "  2017-03-al-jinah                       2017-03-16..2017-03-17 -         -         -",
        "  2019-idlib-offensive                   2019-04-21..2019-08-31 in effect maybe     maybe",
        "  2019-08-31-idlib-training-camp         2019-08-31             in effect -         "
        "in effect",
        "  2025-02-15-urum-al-jawz                2025-02-15             unknown   -         -",
        "brokers: Russia",
        "2019-08-31 (004): 'Saturday’s truce is the latest attempt to avert a full-blown",
        "  its end: the days all 2 readings allow (004 2019-09-01..; its party (Syrian",
        "    2024-12-08 (000): 'helped him overthrow the Assad regime on December 8 last year'",
        "  status: 2019-09-01 in_effect, 2021 unknown, 2025 ended",
        "    2019-09-02 to 2019-09-06: may_be_in_effect",
        "Idlib truce of 1 August 2019: from 2019-08-01 to 2019-08-05",
        "  end (001): 2019-08-03..2019-08-08, 'a truce declared on August 1 lasted only a few "
        "days'",
        "  in force on 2019-08-02: True (in_effect); on 2019-08-31: False (ended)",
    ),
    "lookups.py": (
        "targets: al-Qaeda in Syria, Hurras al-Din, Ansar al-Tawhid",
        "(001) 'The leaders of Hurras Al Din, Ansar Al Tawhid and other allied groups",
        "Abu Baker Mourek: 'a Hurras Al Din commander' (group hurras-al-din), per 000",
        "killed in: 2025-02-15-urum-al-jawz",
        "district 'Ariha'",
        "  the strike's place: 'motorway near the village of Urum Al Joz' (site), near Urum Al Joz",
        "Kafranbel: 35.6139 N, 36.5611 E, per ref-wikipedia-kafr-nabl",
        "  published: 2019-09-01, from ref-al-jazeera-004-page (it prints no date)",
        "2024-late-hts-offensive: offensive, 2024-09-01..2024-12-08; 7 in all",
        "  by Hayat Tahrir al-Sham, against Syrian government; end: none reported",
        "2019-06-30-centcom-statement: 2019-06-30, by US Central Command; its reports:",
        "  (002) 2019-06-30             dates it",
        "  (001) 2019-07-01             dates a report: the statement is on or before it",
        "  (004) 2019-07-01             dates a report: the statement is on or before it",
        "names: 84 for groups, 18 for people, 72 for places",
        "(002) 2017-03-17: 'On March 17, 2017'",
        "(003, dates a report: the strike is on or before it) 2017-03-01..2017-03-31: 'In",
        "date (ref-centcom-2017-03-16, corrects an article)",
        "  the strike's date: 2017-03-16..2017-03-17, disputed: True",
    ),
    "own_data.py": (
        "mine:    <Dataset: 7 strikes, 4 series, 3 ceasefires, 44 groups, 6 articles>",
        "2019-08-31-idlib-training-camp: 5 claims bundled, 6 with mine",
        "added: low 38, high None (an 'at least': a lower bound)",
        "claimant: local monitoring group; source: example-0001.txt",
        "whole toll, bundled: 40+ all killed in 1 strike(s) with figures; 0 without",
        "whole toll, mine:    40+ all killed in 1 strike(s) with figures; 0 without",
        "  best estimate 40, disputed False; the accounts:",
        "     38+  local monitoring group               stated  example-0001.txt",
        "      40  Syrian Observatory for Human Rights  stated  001_a3fa68a93635bb6d.txt",
        "broken-article.json: DataError with 6 problems",
        "broken-article.json:26: example-local-monitor.citations[0].qoute: unknown field",
        "broken-article.json:50: 2019-08-31-idlib-training-camp.additions[0].claims[1].quote:",
        "dump -> everything.json; loads back equal: True",
        "same as the file: True",
        '"id": "example-local-monitor",',
    ),
    "strikes_between.py": (
        "'Sep 2019'               -> 2019-09-01 .. 2019-09-30",
        "'late January 2025'      -> 2025-01-21 .. 2025-01-31",
        "'2025-01-30..2025-02-20' -> 2025-01-30 .. 2025-02-20",
        "the al-Zabir strike: 2025-01-30 (precision: day)",
        "the article's words: 'In late January' -> 2025-01-21..2025-01-31, dating a report: the",
        "  a reference (ref-stars-and-stripes-2025-01-31): 2025-01-30",
        "2017-03-17: 1 strike(s) may fall in it, 0 certainly",
        "  possibly   2017-03-al-jinah                       2017-03-16..2017-03-17",
        "2025-01-30..2025-02-20: 2 strike(s) may fall in it, 2 certainly",
        "2025-01-30..2025-02-20, with series: 3 strike(s) may fall in it, 2 certainly",
        "  possibly   2024-2025-turkish-air-attacks          2024-12-08..           series",
        "2019-06, with series: 3 strike(s) may fall in it, 2 certainly",
        "  certainly  2019-idlib-offensive                   2019-04-21..2019-08-31 series",
        "2019-06 .. Sep 2019, with series: 6 strike(s) may fall in it, 4 certainly",
        "  possibly   2019-idlib-offensive                   2019-04-21..2019-08-31 series",
        "2019-idlib-offensive: started 2019-04-21..2019-04-30, ended 2019-08-31",
        "  certainly under way 2019-06-01 .. 2019-06-30: True",
        "  certainly under way 2019-04-01 .. 2019-04-30: False",
        "  single strikes certainly within its dates: 4",
        "'31 August' names no year",
        "'03/08/2019' reads as 3 August or 8 March 2019",
        "swap start and end",
    ),
    "strikes_by_group.py": (
        "'hurras al-deen' finds: Hurras al-Din (id 'hurras-al-din', kind militant)",
        "aliases: Hurras Al Din, Hurras al-Deen",
        "founded: 2018-02-27, what all these allow:",
        "  (001) 2018-02-01..2018-02-28 'was established in February 2018'",
        "  (a reference, ref-wikipedia-guardians-of-religion) 2018-02-27",
        "strikes on Hurras al-Din: 4",
        "  2019-06-30             Rif Al-Muhandiseen",
        "  2019-08-31             training camp just north of Idlib city",
        "  2025-01-30             north-west Syria",
        "  2025-02-15             motorway near the village of Urum Al Joz",
        "by the United States (its military, CENTCOM ...): 4",
        "by Syrian government forces: 0",
        "strikes naming al-Qaeda itself: 1",
        "strikes on al-Qaeda or an affiliate on the strike's date: 5",
        "  2017-03-16..2017-03-17 US military  al-Qaeda",
        "strikes on Hayat Tahrir al-Sham: 0; with series: 1",
        "  2019-idlib-offensive (series), by Syrian government forces: 2019-04-21..2019-04-30 "
        "to 2019-08-31",
        "  until 2014-01-01..2014-12-31   (000) 'HTS severed itself from Al Qaeda in 2014'",
        "  until 2016-07-28               (ref-hurriyet-mef, corrects 000: True)",
        "strikes on al-Qaeda or an affiliate, series included: False",
        "UnknownNameError: no group is known as 'Huras al Din'; did you mean: 'Hurras al-Din'",
    ),
    "tables_and_exports.py": (
        "to_records('strikes'): 7 rows of 58 columns",
        "  to_records('series'): 4 rows",
        "to_records('claims'): 20 rows",
        "to_records('references'): 37 rows",
        "deaths_best (integer): UCDP's best estimate: the value every account allows, where",
        "deaths_disputed (boolean): The accounts disagree (on all victims or a part).",
        "2017-03-16           True              al-jinah          49           49           49"
        "            False",
        "2019-06-30          False     rif-al-muhandisin           6            8         <NA>"
        "             True",
        "2025-02-15          False urum-al-jawz-motorway           2            2            2"
        "            False",
        "and, in a table of their own, 4 series (never add their tolls to strikes'):",
        "                 2019-idlib-offensive       951      2019-08-31",
        "csv         strikes.csv, series.csv, claims.csv, groups.csv, ceasefires.csv, "
        "sources.csv, references.csv; without a point: 0",
        "geojson     strikes.geojson, series.geojson; without a point: 4",
        "datapackage strikes.csv, series.csv, claims.csv, groups.csv, ceasefires.csv, "
        "sources.csv, references.csv, datapackage.json",
        "csv_text(data, 'ceasefires'): 4 lines",
        "geojson(data): FeatureCollection of 7 features",
        "al-Jinah: 36.1079 N, 36.787 E, precision 1, per ref-wikipedia-al-jinah-airstrike",
        "  series with no point (null geometry): north-west Syria, Baghouz, Idlib region, "
        "Eastern Syria",
        "Rif Al-Muhandiseen: 36.2012 N, 37.1612 E, precision 3, per ref-geonames",
    ),
}

#: The module-level functions the examples must call. ``timeline`` and ``map`` are left
#: out on purpose: they draw figures, which the documentation shows instead.
FUNCTIONS = (
    "load",
    "parse_period",
    "columns",
    "dump",
    "dumps",
    "csv_text",
    "geojson",
    "export",
    "fields",
    "from_tables",
)


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
