"""CI's own scripts: the documented set-up commands it finds, and the site checker."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

CI = Path(__file__).resolve().parents[1] / ".ci"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"ci_{name}", CI / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


setup_commands = load("setup_commands")


def real_plan() -> tuple[list[Any], list[Any], Any]:
    commands = setup_commands.find_commands(setup_commands.documented_files())
    project = setup_commands.Project.read(CI.parent / "pyproject.toml")
    return commands, setup_commands.plan(commands, project), project


def test_ci_runs_the_documented_test_lint_and_site_commands() -> None:
    """CI keeps no copies: the tests, lint and site build run only because the docs show them."""
    commands, jobs, project = real_plan()
    assert setup_commands.problems_of(commands, jobs, project) == []
    by_place = {p.command.where: p for job in jobs for p in job.planned}
    # the README's own venv commands run in full, as written, each in a copy of its own
    full = {where: p for where, p in by_place.items() if p.full}
    assert all(where.startswith("README.md:") for where in full)
    assert len(full) >= 3  # run the job, run the tests, build the site
    assert all(step.as_written for p in full.values() for step in p.steps)
    # the suite: once, in the README test command's environment, which starts first
    suite = [p for p in full.values() if any("-m pytest" in s.text for s in p.steps)]
    assert len(suite) == 1
    assert "--group test" in suite[0].steps[0].text
    assert jobs[0].planned == suite
    site = [p for p in full.values() if any("mkdocs build --strict" in s.text for s in p.steps)]
    assert len(site) == 1
    # every other command: in the site build's copy, on top of its .venv, after it
    host = next(job for job in jobs if job.planned[0] is site[0])
    assert [p.full for p in host.planned] == [True] + [False] * (len(host.planned) - 1)
    assert len(host.planned) == len(commands) - len(full) + 1
    assert all(p.on_top_of is site[0].command for p in host.planned[1:])
    assert all(len(job.planned) == 1 for job in jobs if job is not host)
    contributing = [p for w, p in by_place.items() if w.startswith("docs/contributing.md:")]
    assert len(contributing) == 1
    steps = contributing[0].steps
    # its suite is only collected; its lint and type checks (all its other lines) run as written
    smoke = [s.text for s in steps if s.how == "smoke"]
    assert smoke == [".venv/bin/python -m pytest --collect-only -q"]
    usage = [line.text for line in contributing[0].command.usage]
    written = [s.text for s in steps if s.as_written]
    assert [text for text in usage if "-m pytest" not in text] == written[-len(usage) + 1 :]
    assert any("ruff check" in text and "mypy --strict" in text for text in written)
    # the layers contract (pyproject.toml) is checked where the lint runs
    assert any("lint-imports" in text for text in written)
    imports = [s.text for s in steps if s.how == "imports"]
    assert len(imports) == 1
    assert all(name in imports[0] for name in ("idlibstrikes", "pytest", "mypy", "mkdocs"))
    # each command run as far as it differs imports what it installs, right after installing
    for planned in host.planned[1:]:
        hows = [s.how for s in planned.steps]
        assert hows[len(planned.command.setup)] == "imports", planned.command.where
    skipped = [line.text for c in commands for line, _ in c.skipped]
    assert all("mkdocs serve" in t or "--write" in t for t in skipped)


def test_the_rule_on_made_up_markdown(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    text = """# Set up

```sh
python3 -m venv .venv
.venv/bin/python -m pip install -q -U pip
.venv/bin/python -m pip install -e . --group a \\
    --group b
# a comment, not a command

.venv/bin/python -m pytest
.venv/bin/mkdocs serve   # never ends
```

```console
$ python3 -m venv .venv && echo transcript, not run
```

```python
python3 -m venv .venv  # not a shell block
```

- In a list:

  ```bash
  python -m pip install '.[x]'
  python -m pip install .
  ```

```sh
python3 -m venv .venv && .venv/bin/python -m pip install . && .venv/bin/python -m thing
```
"""
    page.write_text(text, encoding="utf-8")
    again = tmp_path / "again.md"
    again.write_text(
        "```sh\npython -m pip install .\n```\n\n"
        "Or `pip install '.[y]'`; not `pip install --target`\n",
        encoding="utf-8",
    )
    found = setup_commands.find_commands([page, again])
    assert [(c.kind, c.setup[0].number, len(c.setup), len(c.usage)) for c in found] == [
        ("venv", 4, 3, 1),
        ("pip", 25, 1, 0),
        ("pip", 26, 1, 0),
        ("venv", 30, 1, 0),
        ("pip", 5, 1, 0),  # an inline command in the text
    ]
    assert found[4].setup[0].text == "pip install '.[y]'"
    first = found[0]
    assert first.setup[2].text == ".venv/bin/python -m pip install -e . --group a --group b"
    assert first.usage[0].text == ".venv/bin/python -m pytest"
    assert [line.number for line, _ in first.skipped] == [11]
    assert found[2].places == [f"{page}:26", f"{again}:2"]  # the same command runs once


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_the_site_checker_catches_planted_faults() -> None:
    pytest.importorskip("playwright", reason="the site-check group is not installed")
    browser = chromium()
    if browser is None:
        pytest.skip("no system Chromium (apt-get install chromium)")
    check_site = load("check_site")
    assert check_site.self_test(browser) == []


def test_ci_fails_when_the_docs_stop_showing_a_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert setup_commands.main(["--list"]) == 0  # the real docs show every check
    readme = tmp_path / "README.md"
    readme.write_text(
        "```sh\npython3 -m venv .venv && .venv/bin/python -m pip install -q .\n"
        ".venv/bin/ruff check .\n```\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(setup_commands, "documented_files", lambda: [readme])
    assert setup_commands.main(["--list"]) == 1
    out = capsys.readouterr().out
    assert "no documented set-up command runs -m pytest, ruff format --check" in out


PYPROJECT = """
[project]
name = "thing"
dependencies = ["attrs>=23"]

[project.optional-dependencies]
arrow = ["pyarrow>=17"]
polars = ["polars>=1.0", "pyarrow>=17"]

[dependency-groups]
test = ["pytest>=8", "dask[dataframe]>=2024.8"]
lint = ["ruff", {include-group = "test"}, "mypy; python_version >= '3.11'"]
"""


def test_what_a_command_installs(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    project = setup_commands.Project.read(tmp_path / "pyproject.toml")
    assert project.groups["lint"] == ("ruff", "pytest", "dask", "mypy")

    def line(text: str) -> list:
        return [setup_commands.Line("page.md", 1, text)]

    venv = setup_commands.installs(
        line(
            "python3 -m venv .venv && .venv/bin/python -m pip install -q -U pip && "
            ".venv/bin/python -m pip install -q -e . --group test --group=lint && "
            ".venv/bin/python -m pytest  # --group docs is a comment"
        )
    )
    assert (venv.project, venv.editable, venv.groups, venv.extras, venv.others) == (
        True, True, ["test", "lint"], [], []
    )  # fmt: skip
    assert venv.distributions(project) == ["thing", "pytest", "dask", "ruff", "mypy"]
    bare = setup_commands.installs(
        line("pip3 install -c constraints.txt '.[arrow,polars]' duckdb 'dask[dataframe]>=1'")
    )
    assert (bare.project, bare.editable, bare.extras) == (True, False, ["arrow", "polars"])
    assert bare.others == ["duckdb", "dask"]
    assert bare.distributions(project) == ["thing", "pyarrow", "polars", "duckdb", "dask"]
    assert bare.problems(project) == []
    wrong = setup_commands.installs(
        line("pip install -U pip '.[arow]' && pip install --group tset")
    )
    assert [p.split(" (")[0] for p in wrong.problems(project)] == [
        "no extra 'arow' in pyproject.toml",
        "no dependency group 'tset' in pyproject.toml",
    ]
    assert setup_commands.installs(line("python -m pip install pandas")).project is False
    # a fresh venv's pip is too old for --group: every command using it upgrades pip first
    assert venv.group_before_pip is False
    for text in (
        "python3 -m venv .venv && .venv/bin/python -m pip install -q -e . --group test",
        ".venv/bin/pip install -U pip --group test",  # in the same pip run is not first
        ".venv/bin/pip install pip --group test",
    ):
        late = setup_commands.installs(line(text))
        assert late.problems(project) == [setup_commands.GROUP_BEFORE_PIP]
    assert "too old for --group" in setup_commands.GROUP_BEFORE_PIP
    split = [
        setup_commands.Line("page.md", 1, ".venv/bin/python -m pip install --upgrade -q pip"),
        setup_commands.Line("page.md", 2, ".venv/bin/python -m pip install --group test"),
    ]
    assert setup_commands.installs(split).problems(project) == []


def test_a_smoke_run_adds_its_arguments_before_the_comment() -> None:
    split = setup_commands.split_comment
    assert split(".venv/bin/python -m pytest   # tests, doctests") == (
        ".venv/bin/python -m pytest",
        "# tests, doctests",
    )
    assert split("echo 'a # b' \"c # d\" e\\#f x#y # real") == (
        "echo 'a # b' \"c # d\" e\\#f x#y",
        "# real",
    )
    assert split("no comment") == ("no comment", "")
    command = setup_commands.Command(
        "venv",
        [setup_commands.Line("docs/a.md", 3, "python3 -m venv .venv")],
        usage=[
            setup_commands.Line("docs/a.md", 4, ".venv/bin/python -m pytest tests/x.py  # quick"),
            setup_commands.Line("docs/a.md", 5, ".venv/bin/python benchmarks/run.py --sizes 9"),
            setup_commands.Line("docs/a.md", 6, ".venv/bin/ruff check ."),
        ],
    )
    planned = setup_commands.plan_command(command, False, setup_commands.Project("thing"))
    assert [(s.how, s.text) for s in planned.steps] == [
        ("as written", "python3 -m venv .venv"),  # installs nothing: nothing to import
        ("smoke", ".venv/bin/python -m pytest tests/x.py --collect-only -q"),
        (
            "smoke",
            ".venv/bin/python benchmarks/run.py --sizes 9 "
            + setup_commands.SMOKE["benchmarks/run.py"][0],
        ),
        ("as written", ".venv/bin/ruff check ."),
    ]
    in_full = setup_commands.plan_command(command, True, setup_commands.Project("thing"))
    assert all(s.as_written for s in in_full.steps)
    assert [s.text for s in in_full.steps] == [line.text for line in command.setup + command.usage]


def make_repo(root: Path, readme: str, pages: dict[str, str]) -> Path:
    root.mkdir()
    (root / "README.md").write_text(readme, encoding="utf-8")
    for name, text in pages.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (root / ".ci").mkdir()
    shutil.copy2(CI / "setup_commands.py", root / ".ci" / "setup_commands.py")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    return root


def block(*lines: str) -> str:
    return "```sh\n" + "\n".join(lines) + "\n```\n\n"


UPGRADE = ".venv/bin/python -m pip install -q -U pip"
SUITE = f"python3 -m venv .venv && {UPGRADE} && .venv/bin/pip install -q -e . --group test"
SITE = f"python3 -m venv .venv && {UPGRADE} && .venv/bin/pip install -q -e . --group lint"
CHECKS = "ruff check && ruff format --check && mypy --strict && mkdocs build --strict"


def test_the_plan_runs_the_readme_in_full_and_the_rest_on_its_largest_other_venv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo(
        tmp_path / "repo",
        block("python3 -m venv .venv && .venv/bin/python -m pip install -q .")
        + block(f"{SUITE} && .venv/bin/python -m pytest")
        + block(SITE, f".venv/bin/{CHECKS}")
        + "Plots: `pip install '.[arrow]'`.\n",
        {"dev.md": block(f"{SUITE} --group lint", ".venv/bin/python -m pytest")},
    )
    monkeypatch.setattr(setup_commands, "ROOT", root)
    commands = setup_commands.find_commands(setup_commands.documented_files())
    project = setup_commands.Project.read(root / "pyproject.toml")
    jobs = setup_commands.plan(commands, project)
    assert setup_commands.problems_of(commands, jobs, project) == []
    assert [[p.command.where for p in job.planned] for job in jobs] == [
        ["README.md:6"],  # the suite first
        ["README.md:2"],
        ["README.md:10", "README.md:14", "docs/dev.md:2"],  # the largest other environment
    ]
    assert [p.full for p in jobs[2].planned] == [True, False, False]
    assert (
        jobs[2].planned[1].steps[-1].text == "python .ci/setup_commands.py --imports thing pyarrow"
    )
    dev = jobs[2].planned[2]
    assert dev.on_top_of is jobs[2].planned[0].command
    assert [s.how for s in dev.steps] == ["as written", "imports", "smoke"]
    # with no README environment but the suite's, the others get a copy of their own
    only = [c for c in commands if c.where in ("README.md:6", "docs/dev.md:2")]
    alone = setup_commands.plan(only, project)
    assert [job.name for job in alone] == ["README.md-6", "as-far-as-they-differ"]
    assert alone[1].planned[0].on_top_of is None
    # a docs page's suite run is no run of the suite: CI fails if the README's loses it
    readme = root / "README.md"
    readme.write_text(readme.read_text().replace(" && .venv/bin/python -m pytest", ""))
    commands = setup_commands.find_commands(setup_commands.documented_files())
    jobs = setup_commands.plan(commands, project)
    assert setup_commands.problems_of(commands, jobs, project) == [
        "no documented set-up command runs -m pytest as written (CI would skip it)"
    ]


def test_an_unknown_extra_fails_before_anything_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo(
        tmp_path / "repo",
        block(f"{SUITE} && .venv/bin/python -m pytest", f".venv/bin/{CHECKS}"),
        {"page.md": "Plots: `pip install '.[plto]'`.\n"},
    )
    monkeypatch.setattr(setup_commands, "ROOT", root)
    assert setup_commands.main(["--list"]) == 1
    assert "FAILED: docs/page.md:1: no extra 'plto' in pyproject.toml" in capsys.readouterr().out


def fake_distribution(site: Path, name: str, files: dict[str, str]) -> None:
    info = site / f"{name.replace('-', '_')}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "RECORD").write_text("".join(f"{path},,\n" for path in files))
    for path, text in files.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text)


def test_the_imports_check_imports_what_was_installed_and_fails_on_what_does_not_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_distribution(tmp_path, "ci-fake-good", {"ci_fake_mod/__init__.py": "OK = 1\n"})
    fake_distribution(
        tmp_path, "ci-fake-broken", {"ci_fake_broken_mod/__init__.py": "raise ImportError('no')\n"}
    )
    fake_distribution(tmp_path, "ci-fake-stubs", {"ci_fake_stubs-stubs/__init__.pyi": ""})
    # its module of the same name only (matplotlib, not pylab beside it)
    fake_distribution(
        tmp_path,
        "ci-fake-pair",
        {"ci_fake_pair/__init__.py": "", "ci_fake_pair_x/__init__.py": "raise ImportError\n"},
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("ci_fake_mod", "ci_fake_pair"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    check = setup_commands.check_imports
    # python-dateutil's module is dateutil: found through what the distribution installs
    assert (
        check(["pytest", "python-dateutil", "ci-fake-good", "ci-fake-stubs", "ci-fake-pair"]) == []
    )
    assert "ci_fake_mod" in sys.modules
    assert "ci_fake_pair" in sys.modules
    problems = check(["ci-fake-broken", "no-such-distribution-here"])
    assert [p.split(":")[0] for p in problems] == ["ci-fake-broken", "no-such-distribution-here"]
    assert "import ci_fake_broken_mod failed" in problems[0]
    assert "not installed" in problems[1]
    # as CI runs it: the environment's python runs this script, whose exit status says
    assert setup_commands.main(["--imports", "ci-fake-good", "pytest"]) == 0
    assert setup_commands.main(["--imports", "pytest", "ci-fake-broken"]) == 1


def test_a_run_side_by_side_in_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real runner on made-up docs: venvs without pip, so nothing is downloaded."""
    venv = "python3 -m venv --without-pip .venv"
    root = make_repo(
        tmp_path / "repo",
        block(f"{venv} && echo '-m pytest {CHECKS}' > suite.txt")
        + block(f"{venv} && mkdir site && echo '<p>site</p>' > site/index.html"),
        {
            "a.md": block(
                venv,
                "test -f site/index.html && test ! -e suite.txt  # in the site's copy",
                "echo .venv/bin/python -m pytest > collected.txt  # tests",
            ),
            "b.md": block(venv, "false", "touch not-reached"),
            "c.md": block(venv, "touch reached && echo printed-by-$((6 * 7))"),
        },
    )
    monkeypatch.setattr(setup_commands, "ROOT", root)
    work, site = tmp_path / "work", tmp_path / "site-out"
    check = f"test -f {site}/index.html && echo checked-$((2 * 3))"  # CI's, not documented
    argv = ["--work", str(work), "--site-out", str(site), "--keep", "--jobs", "2"]
    assert setup_commands.main([*argv, "--site-check", check]) == 1  # b.md fails
    out = capsys.readouterr().out
    assert "checked-6" in out  # the site check ran on the site, from the checkout root
    assert "the site check: ok" in out
    assert "FAILED: docs/b.md:3 exited 1" in out
    assert "commands: 4 passed, 1 failed" in out
    assert "printed-by-42" in out  # each copy's output, printed when it ends
    assert (site / "index.html").read_text() == "<p>site</p>\n"
    suite, host = work / "01-README.md-2" / "checkout", work / "02-README.md-6" / "checkout"
    assert (suite / "suite.txt").is_file()
    assert (host / "collected.txt").read_text() == ".venv/bin/python -m pytest --collect-only -q\n"
    assert (host / "reached").is_file()  # the run went on after b.md failed
    assert not (host / "not-reached").exists()  # but not b.md's own next line
    record = json.loads((work / "commands.json").read_text())
    assert [c["copy"] for c in record["copies"]] == ["01-README.md-2", "02-README.md-6"]
    assert [(c["places"], c["how"], c["ok"]) for c in record["commands"]] == [
        (["README.md:2"], "in full", True),
        (["README.md:6"], "in full", True),
        (["docs/a.md:2"], "as far as it differs", True),
        (["docs/b.md:2"], "as far as it differs", False),
        (["docs/c.md:2"], "as far as it differs", True),
    ]


def test_a_failing_site_check_fails_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    venv = "python3 -m venv --without-pip .venv"
    root = make_repo(
        tmp_path / "repo",
        block(f"{venv} && echo '-m pytest {CHECKS}' && mkdir site && touch site/index.html"),
        {},
    )
    monkeypatch.setattr(setup_commands, "ROOT", root)
    argv = ["--work", str(tmp_path / "work"), "--site-out", str(tmp_path / "site")]
    assert setup_commands.main([*argv, "--site-check", "exit 0"]) == 0
    assert setup_commands.main([*argv, "--site-check", "exit 3"]) == 1
    assert "the site check: FAILED: exited 3" in capsys.readouterr().out
    # and one that never runs, because no site was built
    (root / "README.md").write_text(block(f"{venv} && echo '-m pytest {CHECKS}'"))
    assert setup_commands.main([*argv, "--site-check", "exit 0"]) == 1
    assert "the site check did not run" in capsys.readouterr().out
