"""The command line, end to end, from the built wheel installed in a bare environment.

The environment holds the wheel and its run-time dependencies only (attrs, dateutil):
no pandas, no matplotlib, no Hypothesis, so this also checks that ``pip install .``
alone works and that everything not needing the extras runs. Nothing is downloaded:
the dependencies are linked in from the test environment.
"""

from __future__ import annotations

import collections
import csv
import importlib.util
import io
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import idlibstrikes as isk

ROOT = Path(__file__).resolve().parents[1]
RUNTIME = ("attr", "attrs", "dateutil", "six", "tzdata")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``bin`` folder of a fresh venv holding the built wheel and nothing optional."""
    work = tmp_path_factory.mktemp("installed")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(work), ROOT],
        check=True,
        capture_output=True,
    )
    (wheel,) = work.glob("idlibstrikes-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-index", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
    )
    deps = work / "deps"
    deps.mkdir()
    for name in RUNTIME:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            continue
        origin = Path(spec.origin)
        target = origin.parent if origin.name == "__init__.py" else origin
        (deps / target.name).symlink_to(target)
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(site) / "runtime-deps.pth").write_text(f"{deps}\n", encoding="utf-8")
    return venv / "bin"


def cli(bin_dir: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    # no COLUMNS: piped, the tables are not wrapped, one line per row
    drop = ("PYTHONPATH", "VIRTUAL_ENV", "COLUMNS")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    # the five articles' data, whose figures these tests assert (the whole record's are
    # test_reference_lists' and test_whole_record's), unless a test asks for --sources
    if "--sources" not in args and "--version" not in args and "--help" not in args:
        args = ("--sources", "articles", *args)
    return subprocess.run(
        [bin_dir / "idlibstrikes", *args], capture_output=True, text=True, cwd=cwd, env=env
    )


def test_the_environment_is_bare(installed: Path) -> None:
    code = (
        "import importlib.util as u, idlibstrikes\n"
        f"print(idlibstrikes.__file__.startswith({str(installed.parent)!r}))\n"
        "print([m for m in ('pandas', 'matplotlib', 'hypothesis') if u.find_spec(m)])"
    )
    done = subprocess.run([installed / "python", "-c", code], capture_output=True, text=True)
    assert done.stdout.splitlines() == ["True", "[]"], done.stderr


def test_help_shows_examples(installed: Path) -> None:
    done = cli(installed, "--help")
    assert done.returncode == 0
    for command in ("strikes", "show", "groups", "ceasefires", "casualties", "export", "validate"):
        assert command in done.stdout
    assert 'idlibstrikes strikes --group "Hurras al-Din"' in done.stdout
    assert "idlibstrikes COMMAND --help" in done.stdout
    assert "idlibstrikes export --format datapackage" in cli(installed, "export", "--help").stdout


def test_the_default_lists_every_strike_then_the_series_apart(installed: Path) -> None:
    done = cli(installed)
    assert done.returncode == 0
    events, series = done.stdout.split("\n\n")
    lines = events.splitlines()
    assert lines[0].split() == ["date", "by", "place", "targets", "deaths", "sources"]
    assert len(lines) == 2 + 7
    rest = series.splitlines()
    assert rest[0].startswith("series of strikes reported only as a whole")
    assert rest[1].split()[:3] == ["from", "to", "by"]
    assert len(rest) == 3 + 4
    assert cli(installed, "strikes", "--series").stdout == done.stdout
    assert cli(installed, "strikes").stdout == events + "\n"  # single strikes by default


def test_strikes_as_csv_and_json(installed: Path) -> None:
    done = cli(installed, "strikes", "--group", "Hurras al-Deen", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout, newline="")))
    assert [r["event_date"] for r in rows] == [
        "2019-06-30",
        "2019-08-31",
        "2025-01-30",
        "2025-02-15",
    ]
    assert [r["deaths_low"] for r in rows] == ["6", "40", "1", "2"]
    assert rows[0]["deaths_disputed"] == "true"
    assert rows[0]["actor2"] == "al-Qaeda in Syria; Hurras al-Din"
    done = cli(
        installed, "strikes", "--between", "2019-06", "Sep 2019", "--certain", "--format", "json"
    )
    ids = [r["id"] for r in json.loads(done.stdout)]
    assert ids == [
        "2019-06-30-rif-al-muhandisin",
        "2019-08-27-hts-missile-khan-sheikhoun",
        "2019-08-31-idlib-training-camp",
        "2019-08-31-kafranbel-shelling",
    ]


def test_show_a_strike_with_every_claim_and_quote(installed: Path) -> None:
    done = cli(installed, "show", "2019-06-30-rif-al-muhandisin")
    assert done.returncode == 0
    out = done.stdout
    assert "8 commanders killed, per Kurdistan 24 (own voice) [002]" in out
    assert "deaths (all): 6-8+ (disputed)" in out
    assert "reference, high: date 2019-06-30: Sunday 30 Jun 2019" in out
    assert "6 commanders killed, per Syrian Observatory for Human Rights" in out
    assert "\u201cUS forces carried out a rare strike against al-Qaeda in Syria on Sunday" in out
    group = cli(installed, "show", "hurras al-deen").stdout
    assert group.startswith("hurras-al-din: Hurras al-Din (militant)")
    ceasefire = cli(installed, "show", "2019-08-31-ceasefire").stdout
    assert "start: 2019-08-31" in ceasefire
    assert (
        "status: in effect 2019-08-31 to 2019-09-01; may be in effect 2019-09-02 to 2019-09-06; "
        "status unknown 2019-09-07 to 2024-12-08; ended by 2024-12-08"
    ) in ceasefire
    fall = cli(installed, "show", "2024-12-08-fall-of-assad-government").stdout
    assert "start: 2024-12-08 (on December 8 last year)" in fall


def test_show_an_unknown_id_suggests(installed: Path) -> None:
    done = cli(installed, "show", "2019-08-31-idlib-camp")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "did you mean: '2019-08-31-idlib-training-camp'" in done.stderr


def test_groups_and_ceasefires(installed: Path) -> None:
    groups = cli(installed, "groups").stdout.splitlines()
    # 11 kinds, each a heading, a header and a rule, with a blank line between: 43 groups
    assert len(groups) == 11 * 3 + 10 + 43
    [hurras] = [line for line in groups if line.startswith("hurras-al-din ")]
    assert "affiliate_of al-qaeda: period unknown [000,001]" in hurras
    on = cli(installed, "ceasefires", "--on", "2019-08-31").stdout.splitlines()
    assert [line.split()[:4] for line in on[2:]] == [
        ["2018-09-sochi-agreement", "2018-09-17", "2019-09-01..", "in_effect"],
        ["2019-08-31-ceasefire", "2019-08-31", "2019-09-01..2024-12-08", "in_effect"],
    ]
    # a report whose publication day is a window (001: 31 August to 6 September) shows
    # the ceasefires only as of its first day: after 1 September they may be in effect
    after = cli(installed, "ceasefires", "--on", "2019-09-05").stdout.splitlines()
    assert [line.split()[:4] for line in after[2:]] == [
        ["2018-09-sochi-agreement", "2018-09-17", "2019-09-01..", "may_be_in_effect"],
        ["2019-08-31-ceasefire", "2019-08-31", "2019-09-01..2024-12-08", "may_be_in_effect"],
    ]
    later = cli(installed, "ceasefires", "--on", "2025-02-15").stdout.splitlines()
    assert [line.split()[:4] for line in later[2:]] == [
        ["2018-09-sochi-agreement", "2018-09-17", "2019-09-01..", "unknown"]
    ]
    assert len(cli(installed, "ceasefires").stdout.splitlines()) == 2 + 3


def test_casualties_shows_the_range_and_who_said_what(installed: Path) -> None:
    done = cli(installed, "casualties", "--group", "Hurras al-Din", "--victims", "commanders")
    lines = done.stdout.splitlines()
    assert lines[2].split()[:4] == ["2019-06-30-rif-al-muhandisin", "6-8", "(disputed)", "-"]
    assert "8 Kurdistan 24 (own voice) 002; 6 Syrian Observatory for Human Rights 003" in lines[2]
    assert lines[3].split()[:3] == ["2019-08-31-idlib-training-camp", "40", "40"]
    assert lines[-1] == (
        "48-50+ commanders killed in 4 strike(s) with figures; 0 without; the sources disagree on 1"
    )
    civilians = cli(installed, "casualties", "--victims", "civilians", "--series").stdout
    [offensive] = [line for line in civilians.splitlines() if line.startswith("2019-idlib")]
    assert offensive.split()[1:5] == ["951+", "to", "2019-08-31", "951"]
    assert civilians.splitlines()[-1].startswith("1-50 civilians killed in 2 strike(s)")
    assert "not added, series reported as a whole: 2019-idlib-offensive 951+" in civilians
    had = cli(installed, "casualties", "--group", "Hurras al-Din", "--victims", "civilians")
    assert had.stdout.splitlines()[-1] == "no figures for civilians killed in 4 strike(s)"
    wounded = cli(installed, "casualties", "--outcome", "wounded", "--between", "2019-08-31")
    assert wounded.stdout.splitlines()[-1].startswith("1+ all wounded in 1 strike(s)")


def test_by_perpetrator_and_periods_as_the_library_prints_them(installed: Path) -> None:
    us = cli(installed, "strikes", "--by", "United States", "--format", "json")
    assert [r["actor1"] for r in json.loads(us.stdout)] == ["US military"] * 5
    ranged = cli(installed, "strikes", "--between", "2025-01-30..2025-02-20", "--format", "json")
    assert [r["id"] for r in json.loads(ranged.stdout)] == [
        "2025-01-late-al-zabir",
        "2025-02-15-urum-al-jawz",
    ]
    ambiguous = cli(installed, "strikes", "--between", "03/08/2019")
    assert ambiguous.returncode == 1
    assert "reads as 3 August or 8 March 2019" in ambiguous.stderr


def test_export_every_format(installed: Path, tmp_path: Path) -> None:
    for fmt, names in {
        "csv": [
            "strikes.csv",
            "series.csv",
            "claims.csv",
            "groups.csv",
            "ceasefires.csv",
            "sources.csv",
            "references.csv",
        ],
        "json": ["idlibstrikes.json"],
        "geojson": ["strikes.geojson", "series.geojson"],
        "datapackage": [
            "strikes.csv",
            "series.csv",
            "claims.csv",
            "groups.csv",
            "ceasefires.csv",
            "sources.csv",
            "references.csv",
            "datapackage.json",
        ],
    }.items():
        out = tmp_path / fmt
        done = cli(installed, "export", "--format", fmt, "--out", str(out))
        assert done.returncode == 0, done.stderr
        assert [Path(line).name for line in done.stdout.splitlines()] == names
        assert all((out / name).is_file() for name in names)
        if fmt in ("geojson", "geoparquet"):
            assert done.stderr.startswith("4 strike(s) written without a point")


def test_parquet_without_pyarrow_names_the_extra(installed: Path, tmp_path: Path) -> None:
    for fmt in ("parquet", "geoparquet"):  # the installed wheel has nothing optional
        done = cli(installed, "export", "--format", fmt, "--out", str(tmp_path))
        assert done.returncode == 1
        assert done.stderr == (
            f"idlibstrikes: export('{fmt}') needs pyarrow; install it with "
            "pip install pyarrow (the [arrow] extra)\n"
        )


def test_export_parquet_partitioned_and_read_back(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import idlibstrikes as isk

    command = [sys.executable, "-m", "idlibstrikes", "--sources", "articles", "export"]
    command += ["--out", str(tmp_path)]
    done = subprocess.run(
        [*command, "--format", "parquet", "--partition-by", "year"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "strikes/year=2019/part-0.parquet" in done.stdout
    assert isk.load(tmp_path, bundled=False) == isk.load(sources="articles")
    geo = subprocess.run([*command, "--format", "geoparquet"], capture_output=True, text=True)
    assert geo.returncode == 0, geo.stderr
    assert geo.stderr.startswith("4 strike(s) written without a point")
    wrong = subprocess.run(
        [*command, "--format", "csv", "--partition-by", "year"], capture_output=True, text=True
    )
    assert wrong.returncode == 2
    assert "--partition-by applies to --format parquet" in wrong.stderr


def test_validate_and_user_data(installed: Path) -> None:
    ok = cli(installed, "validate", "examples/new-article.json", "--articles", "examples/articles")
    assert (ok.returncode, ok.stdout.startswith("ok: 1 file")) == (0, True)
    bad = cli(installed, "validate", "examples/broken-article.json")
    assert bad.returncode == 1
    assert bad.stdout.splitlines()[0].startswith("examples/broken-article.json:26: ")
    mine = cli(
        installed, "--data", "examples/new-article.json", "casualties", "--between", "2019-08-31"
    )
    # the local monitor's "at least 38" agrees with SOHR's 40: listed, never lowering it
    assert "41+ all killed in 2 strike(s)" in mine.stdout
    assert "38+ local monitoring group" in mine.stdout


def test_errors_go_to_stderr_with_a_non_zero_exit(installed: Path) -> None:
    bad_date = cli(installed, "strikes", "--between", "2019-13")
    assert (bad_date.returncode, bad_date.stdout) == (1, "")
    assert bad_date.stderr.startswith("idlibstrikes: ")
    usage = cli(installed, "strikes", "--certain")
    assert usage.returncode == 2
    assert "--certain needs --between" in usage.stderr
    unknown = cli(installed, "export", "--format", "xlsx", "--out", "x")
    assert unknown.returncode == 2
    assert "invalid choice: 'xlsx'" in unknown.stderr


def test_extras_name_themselves_when_missing(installed: Path) -> None:
    code = (
        "import idlibstrikes as isk\n"
        "data = isk.load(sources='articles')\n"
        "for call in (lambda: data.to_dataframe(), lambda: isk.timeline()):\n"
        "    try:\n        call()\n    except ImportError as e:\n        print(e)\n"
    )
    done = subprocess.run([installed / "python", "-c", code], capture_output=True, text=True)
    lines = done.stdout.splitlines()
    assert len(lines) == 2, done.stderr
    assert "pip install pandas (the [pandas] extra)" in lines[0]
    assert "pip install matplotlib (the [plot] extra)" in lines[1]


@pytest.mark.parametrize(
    ("ident", "first"),
    [
        ("Abu Baker Mourek", "abu-baker-mourek: Abu Baker Mourek"),
        ("Maarrat Misrin", "maarrat-misrin: Maarrat Misrin (town)"),
        ("002", "002_0d9037507fd83edc.txt [002]: article"),
        ("ref-camp-place", "ref-camp-place: reference fact about 2019-08-31-idlib-training-camp"),
        ("2019-idlib-offensive", "2019-idlib-offensive: "),
    ],
)
def test_show_shows_any_record(ident: str, first: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "idlibstrikes", "show", ident], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(first)


def test_show_an_unknown_id_names_every_kind_and_real_methods() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "idlibstrikes", "show", "nonsense"], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "person, place, source or reference fact" in done.stderr
    for method in re.findall(r"Dataset\.(\w+)", done.stderr):
        assert hasattr(isk.Dataset, method), method


def test_quote_warns_of_a_match_inside_a_word_or_found_twice() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "idlibstrikes",
            "quote",
            "examples/articles/example-0002.txt",
            "ear",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert done.stdout == '"quote": "ear"\n'
    assert "note: the words start or end inside a word of the article" in done.stderr
    assert "note: found 2 times" in done.stderr


# -- terminal output that fits -------------------------------------------------------------

#: Every command that prints a table (or, for show, long lines), with its common options.
PRINTING = [
    [],
    ["strikes"],
    ["strikes", "--series"],
    ["strikes", "--group", "Hurras al-Din", "--affiliates"],
    ["strikes", "--between", "2019"],
    ["groups"],
    ["ceasefires"],
    ["ceasefires", "--on", "2019-08-31"],
    ["casualties"],
    ["casualties", "--series"],
    ["casualties", "--victims", "civilians", "--series"],
    ["casualties", "--group", "Hurras al-Din", "--victims", "commanders"],
    ["casualties", "--outcome", "wounded"],
    ["show", "2019-06-30-rif-al-muhandisin"],
    ["show", "hts"],
]


def printed(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    columns: int | None = None,
) -> str:
    """What ``idlibstrikes ARGS`` prints, piped (not a terminal), with COLUMNS as given."""
    from idlibstrikes._cli import main

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", str(columns))
    capsys.readouterr()
    if "--sources" not in args:  # the five articles' data, as cli() gives
        args = ("--sources", "articles", *args)
    assert main(list(args)) == 0
    return capsys.readouterr().out


def tokens(text: str, *, rules: bool = False) -> collections.Counter[str]:
    """Every word printed, split where a long word may break (after "..", or a comma
    between numbers), without the rules under the headers."""
    from idlibstrikes._cli_text import _pieces

    return collections.Counter(
        piece
        for line in text.splitlines()
        if rules or not re.fullmatch(r"[- ]+", line)
        for word in line.split()
        for piece in _pieces(word)
    )


@pytest.mark.parametrize("args", PRINTING, ids=" ".join)
def test_output_fits_100_columns_and_keeps_every_word(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    wide = printed(capsys, monkeypatch, *args)
    fitted = printed(capsys, monkeypatch, *args, columns=100)
    assert max(map(len, fitted.splitlines())) <= 100
    assert "\u2026" not in fitted  # at 100 columns nothing needs cutting
    assert tokens(fitted) == tokens(wide)  # wrapped, not lost: every word, figure and id
    if max(map(len, wide.splitlines())) <= 100:
        assert fitted == wide  # a table that fits is printed as it is
    else:  # piped (no COLUMNS): one line per row, however long
        assert len(fitted.splitlines()) > len(wide.splitlines())


def columns_of(table: str) -> list[str]:
    """The text of each column of a table's body, read down the column (rows in order).

    The columns are where the rule under the header has its dashes.
    """
    lines = table.splitlines()
    rule = next(i for i, line in enumerate(lines) if re.fullmatch(r"-+(  -+)*", line))
    spans = [m.span() for m in re.finditer(r"-+", lines[rule])]
    spans[-1] = (spans[-1][0], 10_000)
    body = lines[rule + 1 :]
    return ["".join(line[a:b] for line in body).replace(" ", "") for a, b in spans]


@pytest.mark.parametrize("args", [["strikes", "--series"], ["groups"]], ids=" ".join)
def test_wrapping_keeps_each_column_text_in_order(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    wide = printed(capsys, monkeypatch, *args).split("\n\n")
    fitted = printed(capsys, monkeypatch, *args, columns=100).split("\n\n")
    assert len(wide) == len(fitted) > 1  # the strikes and the series; a table per kind
    for one, other in zip(wide, fitted, strict=True):
        assert columns_of(one) == columns_of(other)
        assert len(other.splitlines()) > len(one.splitlines()) or one == other


def test_a_wide_terminal_gets_wide_tables(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    strikes = printed(capsys, monkeypatch, "strikes", columns=200).splitlines()
    assert 100 < max(map(len, strikes)) <= 200
    assert len(strikes) < len(printed(capsys, monkeypatch, "strikes", columns=100).splitlines())
    groups = printed(capsys, monkeypatch, "groups", columns=200).splitlines()
    assert 100 < max(map(len, groups)) <= 200
    at_100 = printed(capsys, monkeypatch, "groups", columns=100).splitlines()
    assert len(groups) < len(at_100)


def test_a_narrow_terminal_cuts_names_with_a_marker_never_ids_or_figures(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = isk.load(sources="articles")
    for args, ids in [
        (["strikes", "--series"], []),
        (["casualties", "--series"], [s.id for s in data.strikes]),
        (["groups"], [g.id for g in data.groups]),
    ]:
        wide = printed(capsys, monkeypatch, *args)
        narrow = printed(capsys, monkeypatch, *args, columns=40)
        cut = [word for word in narrow.split() if "\u2026" in word]
        if args[0] == "strikes":
            assert "governm\u2026" in cut  # "Syrian government forces" in a column of 8
        whole = tokens(wide)
        for word in cut:
            kept = word.rstrip(";,").removesuffix("\u2026")
            assert kept
            assert not any(c.isdigit() for c in kept)
            assert any(w.startswith(kept) for w in whole), word
        # every id, figure, date and source number is printed whole, as often as before
        digits = {w: n for w, n in tokens(narrow).items() if any(c.isdigit() for c in w)}
        assert digits == {w: n for w, n in whole.items() if any(c.isdigit() for c in w)}
        assert all(i in tokens(narrow) or i + ";" in tokens(narrow) for i in ids)
    # at 80 columns too, the tables fit, cutting a name or two in the series' seven columns
    for args in (["strikes", "--series"], ["groups"], ["casualties", "--series"]):
        fitted = printed(capsys, monkeypatch, *args, columns=80)
        assert max(map(len, fitted.splitlines())) <= 80, args


def test_width_is_columns_or_none_when_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    from idlibstrikes._cli_text import _width

    monkeypatch.setattr(sys, "stdout", io.StringIO())  # not a terminal
    monkeypatch.setenv("COLUMNS", "123")
    assert _width() == 123
    for unset in ("", "wide", "0"):
        monkeypatch.setenv("COLUMNS", unset)
        assert _width() is None


def test_groups_are_listed_by_kind_with_each_affiliation_once_with_sources_and_periods(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = isk.load(sources="articles")
    sections = printed(capsys, monkeypatch, "groups").split("\n\n")
    headings = [s.splitlines()[0] for s in sections]
    assert headings == [
        "militant groups (kind militant): 6",
        "rebel groups (kind rebel): 4",
        "state forces and commands (kind state_force): 5",
        "governments and states (kind government): 11",
        "coalitions (kind coalition): 1",
        "monitors (kind monitor): 1",
        "civil defence (kind civil_defence): 1",
        "news media (kind media): 8",
        "think tanks (kind think_tank): 3",
        "international bodies (kind international): 2",
        "local people (kind local): 1",
    ]
    for section in sections:
        kind = re.search(r"\(kind (\w+)\)", section.splitlines()[0])
        assert kind is not None
        ids = [line.split()[0] for line in section.splitlines()[3:]]
        assert ids == [g.id for g in data.groups if g.kind.value == kind[1]]
    militant, media = sections[0], sections[7]
    assert "al-jazeera" not in militant
    assert "the-national" in media
    [hurras] = [line for line in militant.splitlines() if line.startswith("hurras-al-din ")]
    # 000 (per CENTCOM) and 001 say "affiliate": once, with both sources
    assert "affiliate_of al-qaeda: period unknown [000,001]; branch_of al-qaeda" in hurras
    assert "linked_to al-qaeda: period unknown [001,003,004]" in hurras
    assert "split_from hts: since 2018-01-01..2018-12-31 (in 2018) [000]" in hurras
    assert hurras.count("linked_to al-qaeda") == hurras.count("ally_of hts") == 1
    [hts] = [line for line in militant.splitlines() if line.startswith("hts ")]
    assert hts.count("affiliate_of al-qaeda") == 1
    assert (
        "affiliate_of al-qaeda: until 2014-01-01..2014-12-31 (in 2014) [000], ended by "
        "2019-09-06 (former) [001], ended by 2019-07-06 (former) [003], ended by 2019-09-01 "
        "(former) [004] [reference 2016-07-28, corrects the articles, high]; linked_to "
        "al-qaeda: period unknown [001]"
    ) in hts
    # the references beside the articles' founding and end, labelled (Hurras al-Din: the
    # articles' February 2018 and the reference's 27 February; its dissolution by reference)
    assert "2018-02-27 (articles: 2018-02-01..2018-02-28) [reference 2018-02-27, high]" in hurras
    assert "- (articles: not stated) [reference 2025-01-28, high]" in hurras
    # in a terminal, one affiliation a line
    fitted = printed(capsys, monkeypatch, "groups", columns=200).splitlines()
    at = next(i for i, line in enumerate(fitted) if line.startswith("hurras-al-din "))
    assert fitted[at].endswith("affiliate_of al-qaeda: period unknown [000,001];")
    assert fitted[at + 1].endswith("  branch_of al-qaeda: period unknown [000];")


COMMANDS = [
    "strikes",
    "show",
    "groups",
    "ceasefires",
    "casualties",
    "export",
    "new",
    "quote",
    "schema",
    "validate",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_shows_its_own_examples(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = printed(capsys, monkeypatch, command, "--help", columns=100)
    assert max(map(len, text.splitlines())) <= 100
    examples = text.split("\nexamples:\n")[1].splitlines()
    assert 1 <= len(examples) <= 4
    for line in examples:
        assert line.startswith(f"  idlibstrikes {command}"), line
    if command in ("strikes", "show", "groups", "ceasefires", "casualties", "export"):
        assert len(examples) >= 2
        assert "--data FILE" in text  # the global option, after the command too
    overview = printed(capsys, monkeypatch, "--help", columns=100)
    assert "idlibstrikes COMMAND --help" in overview
    assert "idlibstrikes COMMAND" not in text


def test_help_examples_run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from idlibstrikes._cli import _COMMAND_EXAMPLES, main

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")
    ran = 0
    for command, text in _COMMAND_EXAMPLES.items():
        for line in text.splitlines():
            args = shlex.split(re.split(r"\s{2,}", line.strip())[0])[1:]
            if command in ("export", "new") or "mine.json" in args or "|" in args or ">" in args:
                continue  # they write files, or need the reader's own file
            capsys.readouterr()
            assert main(args) == 0, line
            ran += 1
    assert ran >= 10


def test_data_is_accepted_before_and_after_the_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    mine = "examples/new-article.json"
    monkeypatch.chdir(ROOT)
    before = printed(capsys, monkeypatch, "--data", mine, "casualties", "--between", "2019-08-31")
    after = printed(capsys, monkeypatch, "casualties", "--between", "2019-08-31", "--data", mine)
    assert before == after
    assert "38+ local monitoring group" in after
    assert "38+" not in printed(capsys, monkeypatch, "casualties", "--between", "2019-08-31")
    # both places at once: both files are loaded
    second = tmp_path / "second.json"
    second.write_text(
        json.dumps(
            {
                "idlibstrikes": 1,
                "groups": [
                    {
                        "id": "example-second-monitor",
                        "name": "second monitor",
                        "kind": "monitor",
                        "citations": [
                            {
                                "about": "name",
                                "source": "example-0001.txt",
                                "quote": "A local monitoring group",
                            }
                        ],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    groups = printed(capsys, monkeypatch, "--data", mine, "groups", "--data", str(second))
    monitors = next(s for s in groups.split("\n\n") if s.startswith("monitors"))
    assert [line.split()[0] for line in monitors.splitlines()[3:]] == [
        "sohr",
        "example-local-monitor",
        "example-second-monitor",
    ]


def test_data_given_to_a_command_that_reads_no_dataset_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from idlibstrikes._cli import main

    monkeypatch.chdir(ROOT)
    # before: validate would answer "ok" about its own file as if --data had been loaded
    with pytest.raises(SystemExit) as exited:  # a usage error: argparse's exit status
        main(["--data", "/no/such/file.json", "validate", "examples/new-article.json"])
    err = capsys.readouterr().err
    assert exited.value.code == 2
    assert "--data is for the commands that read the dataset (strikes, show" in err
    assert "validate takes its files as arguments" in err
    # a command that reads the dataset still takes it
    assert main(["--data", "examples/new-article.json", "groups"]) == 0
    capsys.readouterr()


def test_version_is_accepted_before_and_after_the_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = printed(capsys, monkeypatch, "--version")
    assert before.startswith("idlibstrikes 0.1.0; data 2026.12.1")
    assert printed(capsys, monkeypatch, "strikes", "--version") == before
    assert printed(capsys, monkeypatch, "groups", "--version") == before


def test_new_report_writes_a_reported_strikes_skeleton_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from idlibstrikes._cli import main

    out = tmp_path / "mine.json"
    assert main(["new", "--report", "https://example.org/story", "--out", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["sources"][0] == {
        **doc["sources"][0],
        "kind": "report",
        "address": "https://example.org/story",
    }
    claim = doc["strikes"][0]["claims"][0]
    assert "quote" not in claim
    assert claim["row"] == doc["references"][0]["id"]
    before = out.read_bytes()
    with pytest.raises(SystemExit) as done:
        main(["new", "--report", "https://example.org/other", "--out", str(out)])
    assert done.value.code == 2
    assert "exists; give another --out" in capsys.readouterr().err
    assert out.read_bytes() == before
    with pytest.raises(SystemExit) as done:
        main(["new", "article.txt", "--report", "https://example.org/story"])
    assert done.value.code == 2
    assert "not both" in capsys.readouterr().err


def test_an_export_of_the_whole_dataset_is_read_with_sources_none(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from idlibstrikes._cli import main

    monkeypatch.setenv("COLUMNS", "200")
    assert (
        main(["--sources", "articles", "export", "--format", "json", "--out", str(tmp_path)]) == 0
    )
    export = str(tmp_path / "idlibstrikes.json")
    capsys.readouterr()
    # with the bundled data, every record of the export is there twice
    assert main(["validate", export]) == 1
    assert "duplicate" in capsys.readouterr().out
    # alone, it is the articles' dataset again
    assert main(["--sources", "none", "validate", export]) == 0
    assert "alone: 7 strikes, 4 series" in capsys.readouterr().out
    hurras = printed(
        capsys,
        monkeypatch,
        "--sources",
        "none",
        "--data",
        export,
        "strikes",
        "--group",
        "Hurras al-Din",
    )
    assert hurras.count("Hurras al-Din") == 4
    with pytest.raises(SystemExit) as caught:  # none, and no files: a usage error
        main(["--sources", "none", "strikes"])
    assert caught.value.code == 2
    assert "--data FILE" in capsys.readouterr().err
