"""Packaging: the command line, cheap import, public names, and data inside the wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import attrs
import pytest

import idlibstrikes as isk
from idlibstrikes._cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_all_is_sorted_and_complete() -> None:
    assert isk.__all__ == sorted(isk.__all__)
    public = {n for n in dir(isk) if not n.startswith("_")}
    modules = {n for n in public if type(getattr(isk, n)).__name__ == "module"}
    assert public - modules == set(isk.__all__)


def test_main_job_lists_every_strike(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    events, series = capsys.readouterr().out.split("\n\n")
    lines = events.splitlines()
    assert lines[0].split() == ["date", "by", "place", "targets", "deaths", "sources"]
    # the whole record: the articles' 7 single strikes and the reference lists' 55; the
    # series (the articles' 4, the lists' 5) follow, apart
    assert len(lines) == 2 + 7 + 55
    assert len(series.splitlines()) == 3 + 4 + 5
    assert sum(line.startswith("2014-") for line in lines) == 4  # R01-R04
    camp = next(line for line in lines if "Ansar al-Tawhid" in line)
    assert camp.startswith("2019-08-31")
    assert "  40+  " in camp
    assert camp.rstrip().endswith("001,004")
    jinah = next(line for line in lines if line.startswith("2017-03-16..2017-03-17 (disputed)"))
    assert "  49  " in jinah
    # the deaths a row names or implies are never left blank
    kafranbel = next(line for line in lines if "Kafranbel" in line)
    assert "  1+  " in kafranbel
    june = next(line for line in lines if line.startswith("2019-06-30"))
    assert "  6-8+ (disputed)  " in june


def test_main_job_runs_as_a_module() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "idlibstrikes"], capture_output=True, text=True, check=True
    ).stdout
    assert "motorway near the village of Urum Al Joz (Idlib)" in out
    assert "2+" in out


def test_import_loads_no_data_and_no_metadata() -> None:
    code = (
        "import sys, idlibstrikes, idlibstrikes._loading as d;"
        "assert 'importlib.metadata' not in sys.modules, 'metadata imported';"
        "assert 'json' not in sys.modules, 'json imported';"
        "assert 'pandas' not in sys.modules, 'pandas imported';"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported';"
        "assert d._bundled.cache_info().currsize == 0, 'data loaded';"
        "print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr


def test_the_command_line_offers_the_export_formats_without_importing_them() -> None:
    # the --format choices are the registry's names (FORMATS), read without a format's module
    code = (
        "import sys, idlibstrikes._cli as c, idlibstrikes._export as e;"
        "loaded = sorted(m for m in sys.modules if m.startswith('idlibstrikes._export._')"
        " and m != 'idlibstrikes._export._base');"
        "assert not loaded, loaded;"
        "print(e.FORMATS)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    from idlibstrikes._export import FORMATS, registry

    assert out.stdout.strip() == str(FORMATS) == str(tuple(registry())), out.stderr
    usage = subprocess.run(
        [sys.executable, "-m", "idlibstrikes", "export", "--help"], capture_output=True, text=True
    ).stdout
    assert "{" + ",".join(FORMATS) + "}" in usage


def test_the_wheel_ships_the_data(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("idlibstrikes-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        n.removeprefix("idlibstrikes/data/") for n in names if n.startswith("idlibstrikes/data/")
    }
    data = ROOT / "src" / "idlibstrikes" / "data"
    bundled = {p.relative_to(data).as_posix() for p in data.rglob("*.json")}
    assert bundled
    assert shipped == bundled
    assert "idlibstrikes/py.typed" in names
    # the map's bundled borders, and their source and licence
    assert {"idlibstrikes/geo/boundaries.json", "idlibstrikes/geo/README.md"} <= names
    # the docs site's helpers (they read examples/ from the source tree) stay out
    assert "idlibstrikes/_dataset.py" in names
    assert "idlibstrikes/_site.py" not in names


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "idlibstrikes", *args], capture_output=True, text=True, cwd=ROOT
    )


def test_validate_accepts_the_example_file() -> None:
    done = run_cli("validate", "examples/new-article.json", "--articles", "examples/articles")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "ok: 1 file, 3 records; with the bundled data: 62 strikes, 9 series"
    )
    assert done.stdout.splitlines()[1:] == [
        "quotes checked against 1 article text(s) in examples/articles"
    ]
    unchecked = run_cli("validate", "examples/new-article.json")
    assert unchecked.stdout.splitlines()[1:] == [
        "quotes not checked: give --articles FOLDER with the texts of example-0001.txt"
    ]


def test_validate_prints_every_problem_one_per_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"idlibstrikes": 1, "strikes": [{"id": "x", "description": "d", "place": "atlantis",'
        ' "perpetrator": "us-military", "date_claims": [{"date": {"text": "t", "span":'
        ' "2019-13"}, "source": "nope", "quote": "q"}]}]}',
        encoding="utf-8",
    )
    done = run_cli("validate", str(bad))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert [line.split(": ")[0:2] for line in lines] == [
        [f"{bad}:1", "x.date_claims[0].date.span"],
        [f"{bad}:1", "x.date_claims[0].source"],
        [f"{bad}:1", "x.place"],
    ]
    assert done.stderr.strip() == "3 problems"


def test_validate_the_broken_example_file() -> None:
    done = run_cli("validate", "examples/broken-article.json", "--articles", "examples/articles")
    assert done.returncode == 1
    where = [line.split(": ")[0:2] for line in done.stdout.splitlines()]
    assert where == [
        ["examples/broken-article.json:26", "example-local-monitor.citations[0].qoute"],
        ["examples/broken-article.json:23", "example-local-monitor.citations[0].quote"],
        [
            "examples/broken-article.json:38",
            "2019-08-31-idlib-training-camp.additions[0].claims[0].low",
        ],
        [
            "examples/broken-article.json:40",
            "2019-08-31-idlib-training-camp.additions[0].claims[0].claimant",
        ],
        [
            "examples/broken-article.json:50",
            "2019-08-31-idlib-training-camp.additions[0].claims[1].quote",
        ],
        [
            "examples/broken-article.json:47",
            "2019-08-31-idlib-training-camp.additions[0].claims[1].high",
        ],
    ]
    assert done.stderr == "6 problems\n"


def test_validate_gives_the_line_of_a_syntax_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"idlibstrikes": 1,\n "strikes": [,]}\n', encoding="utf-8")
    done = run_cli("validate", str(bad))
    assert done.returncode == 1
    assert done.stdout.startswith(f"{bad}:2: not valid JSON")


def test_strikes_command_filters_by_group_and_period() -> None:
    done = run_cli("strikes", "--group", "hurras al deen", "--between", "2019")
    assert done.returncode == 0
    rows = done.stdout.splitlines()[2:]
    # the articles' two, and the reference lists' R49 (22 December 2019)
    assert [row.split()[0] for row in rows] == ["2019-06-30", "2019-08-31", "2019-12-22"]


def test_unknown_group_on_the_command_line() -> None:
    done = run_cli("strikes", "--group", "Huras")
    assert done.returncode == 1
    assert "did you mean: 'Hurras al-Din'" in done.stderr
    assert done.stdout == ""


OPTIONAL = ("pyarrow", "polars", "pandas", "geopandas", "duckdb", "dask", "matplotlib")

CORE_WORKFLOW = """
import sys, tempfile
import idlibstrikes as isk
data = isk.load(sources="articles")
found = data.strikes_by_group("Hurras al-Din").strikes_between("2019")
print(found.casualties(victims="commanders"))
rows = found.to_records() + data.to_records("claims")
tables = data.tables()
assert isk.from_tables(tables) == data
out = tempfile.mkdtemp()
for fmt in ("csv", "json", "geojson", "datapackage"):
    data.export(fmt, out)
assert isk.load(out + "/idlibstrikes.json", bundled=False) == data
found._repr_html_(), data.table("strikes")._repr_html_()
loaded = sorted(m for m in {OPTIONAL} if m in sys.modules)
print("optional modules imported:", loaded)
"""


def test_the_core_imports_no_optional_dependency() -> None:
    code = CORE_WORKFLOW.replace("{OPTIONAL}", repr(OPTIONAL))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "optional modules imported: []" in out.stdout


def test_the_core_works_without_any_optional_dependency(tmp_path: Path) -> None:
    for name in OPTIONAL:  # as on a machine with `pip install idlibstrikes` alone
        (tmp_path / f"{name}.py").write_text(f"raise ImportError('no {name} here')\n")
    code = CORE_WORKFLOW.replace("{OPTIONAL}", repr(OPTIONAL))
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert out.returncode == 0, out.stderr
    assert "46-48 commanders killed in 2 strike(s)" in out.stdout
    with_parquet = subprocess.run(
        [
            sys.executable,
            "-c",
            "import idlibstrikes as isk; isk.load(sources='articles').export('parquet', '.')",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert (
        "export('parquet') needs pyarrow; install it with pip install pyarrow (the [arrow] extra)"
        in (with_parquet.stderr)
    )


def test_validate_names_the_articles_whose_quotes_went_unchecked(tmp_path: Path) -> None:
    mine = tmp_path / "add.json"
    mine.write_text(
        '{"idlibstrikes": 1, "additions": [{"kind": "strike", '
        '"id": "2019-06-30-rif-al-muhandisin", "citations": [{"about": "place", '
        '"source": "002_0d9037507fd83edc.txt", "quote": "words no article has"}]}]}',
        encoding="utf-8",
    )
    done = run_cli("validate", str(mine))
    assert done.returncode == 0
    assert done.stdout.splitlines()[1] == (
        "quotes not checked: give --articles FOLDER with the texts of 002_0d9037507fd83edc.txt"
    )
    empty = tmp_path / "texts"
    empty.mkdir()
    done = run_cli("validate", str(mine), "--articles", str(empty))
    assert "quotes not checked for articles not in" in done.stdout


def test_validate_refuses_a_skeletons_placeholders(tmp_path: Path) -> None:
    done = run_cli("new", "examples/articles/example-0002.txt", "--out", str(tmp_path / "s.json"))
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "s.json").read_text(encoding="utf-8")
    filled = text.replace('"FILL IN: YYYY-MM-DD"', '"2025-03-12"')
    (tmp_path / "s.json").write_text(filled, encoding="utf-8")
    done = run_cli("validate", str(tmp_path / "s.json"))
    assert done.returncode == 1
    assert "a placeholder of the skeleton is still here" in done.stdout
    again = run_cli("new", "examples/articles/example-0002.txt", "--out", str(tmp_path / "s.json"))
    assert again.returncode == 2
    assert "exists; give another --out" in again.stderr


def test_a_short_id_two_articles_share_is_not_guessed(tmp_path: Path) -> None:
    from idlibstrikes.testing import strategies  # noqa: F401 - the extra is installed

    data = isk.load(sources="articles")
    twin = attrs.evolve(data.source("002"), id="002_mine.txt", article="002_mine.txt")
    both = isk.Dataset(
        sources=(*data.sources, twin),
        places=data.places,
        people=data.people,
        groups=data.groups,
        strikes=data.strikes,
        ceasefires=data.ceasefires,
    )
    with pytest.raises(LookupError, match="a short id several articles share"):
        both.source("002")
    assert both.source("002_mine").id == "002_mine.txt"


def test_a_load_leaves_the_collector_as_it_found_it(tmp_path: Path) -> None:
    import gc

    assert gc.isenabled()
    isk.load("examples/new-article.json", sources="articles")
    assert gc.isenabled()
    bad = tmp_path / "bad.json"
    bad.write_text('{"idlibstrikes": 1, "strikes": [{}]}', encoding="utf-8")
    with pytest.raises(isk.DataError):
        isk.load(bad, sources="articles")
    assert gc.isenabled()  # on again after a failed load too
    gc.disable()
    try:
        isk.load("examples/new-article.json", sources="articles")
        assert not gc.isenabled()  # and left off where the caller had turned it off
    finally:
        gc.enable()


def test_a_load_hands_its_records_to_the_oldest_generation(tmp_path: Path) -> None:
    import gc

    from idlibstrikes.testing import synthetic

    path = synthetic.write(tmp_path, 300, seed=2)
    gc.collect()
    data = isk.load(path, bundled=False)
    # nothing young is left for the next allocation's collection to walk ...
    assert gc.get_count()[0] < 50
    assert gc.get_freeze_count() == 0  # ... and nothing is left frozen
    strike = data.strikes[0]
    assert gc.is_tracked(strike)
    assert any(o is strike for o in gc.get_objects(generation=2))
    # a program that froze objects itself keeps them frozen
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        isk.load(path, bundled=False)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_install_hints_name_what_pip_can_find() -> None:
    """No message, docstring, example or page says ``pip install 'idlibstrikes[...]'``.

    The package is installed from a checkout, not from PyPI: an install hint names the
    dependency itself (``pip install pyarrow``) or ``'.[extra]'`` from a checkout.
    """
    places = [ROOT / "README.md", *(ROOT / "docs").rglob("*.md")]
    places += [*(ROOT / "src").rglob("*.py"), *(ROOT / "examples").glob("*")]
    found = [
        str(p.relative_to(ROOT))
        for p in places
        if p.is_file() and "idlibstrikes[" in p.read_text(encoding="utf-8")
    ]
    assert len(places) > 50
    assert found == []
