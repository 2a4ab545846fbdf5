"""CI's own scripts: the documented set-up commands it finds, and the site checker."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

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


def test_ci_runs_the_documented_test_lint_and_site_commands() -> None:
    """CI keeps no copies: the tests, lint and site build run only because the docs show them."""
    commands = setup_commands.find_commands(setup_commands.documented_files())
    lines = {c.where: [line.text for line in c.setup + c.usage] for c in commands}
    readme = [where for where in lines if where.startswith("README.md:")]
    assert len(readme) >= 3  # run the job, run the tests, build the site
    assert any("-m pytest" in " ".join(lines[w]) and "--group test" in lines[w][0] for w in readme)
    assert any(any("mkdocs build --strict" in text for text in lines[w]) for w in readme)
    contributing = [w for w in lines if w.startswith("docs/contributing.md:")]
    assert any(any("mypy --strict" in text for text in lines[w]) for w in contributing)
    assert any(any("ruff check" in text for text in lines[w]) for w in contributing)
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
