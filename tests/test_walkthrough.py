"""The contributing guide's walk-through runs as written: skeleton, quotes, validate, load.

Each ``console`` block's commands run in a fresh folder holding the example articles
(``idlibstrikes`` is this Python's ``-m idlibstrikes``) and must print what the guide
shows; the ``json`` block marked with a file name is written as that file; each ``pycon``
block runs as a doctest in that folder.
"""

from __future__ import annotations

import doctest
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "contributing.md"


def steps() -> list[tuple[str, str, str | None]]:
    """(kind, body, file name) for each block of the walk-through, in order."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("<!-- walkthrough -->", 1)[1].split("<!-- end of walkthrough -->", 1)[0]
    found = []
    pattern = (
        r"(?:<!-- file: (?P<file>\S+) -->\n)?```(?P<kind>console|json|pycon)\n(?P<body>.*?)```"
    )
    for match in re.finditer(pattern, section, flags=re.S):
        found.append((match["kind"], match["body"], match["file"]))
    return found


def run_console(block: str, where: Path) -> None:
    lines = block.splitlines()
    i = 0
    while i < len(lines):
        assert lines[i].startswith("$ "), lines[i]
        command = lines[i][2:]
        expected = []
        i += 1
        while i < len(lines) and not lines[i].startswith("$ "):
            expected.append(lines[i])
            i += 1
        target = None
        if " > " in command:
            command, target = command.split(" > ")
        args = shlex.split(command)
        assert args[0] == "idlibstrikes"
        argv = [sys.executable, "-m", "idlibstrikes", *args[1:]]
        if target is not None:  # "> file": the output is written, not shown
            done = subprocess.run(argv, cwd=where, capture_output=True, text=True)
            assert done.returncode == 0, done.stderr
            (where / target).write_text(done.stdout, encoding="utf-8")
            continue
        # unbuffered: standard output and error interleave as a terminal shows them
        done = subprocess.run(
            argv,
            cwd=where,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert done.stdout.splitlines() == expected, command


def test_the_walkthrough_has_every_step() -> None:
    kinds = [k for k, _, _ in steps()]
    assert kinds.count("console") >= 4
    assert "json" in kinds
    assert "pycon" in kinds
    text = " ".join(body for _, body, _ in steps())
    for command in ("idlibstrikes new", "idlibstrikes quote", "idlibstrikes validate"):
        assert command in text


def test_the_walkthrough_runs_as_written(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples" / "articles", tmp_path / "articles")
    for kind, body, name in steps():
        if kind == "console":
            run_console(body, tmp_path)
        elif kind == "json":
            assert name is not None
            (tmp_path / name).write_text(body, encoding="utf-8")
        else:
            here = os.getcwd()
            os.chdir(tmp_path)
            try:
                test = doctest.DocTestParser().get_doctest(body, {}, "walk-through", None, 0)
                runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
                runner.run(test)
            finally:
                os.chdir(here)
            assert runner.failures == 0


def test_the_finished_file_validates_against_the_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import json

    from idlibstrikes._jsonschema import json_schema

    (finished,) = [body for kind, body, name in steps() if kind == "json"]
    errors = list(jsonschema.Draft202012Validator(json_schema()).iter_errors(json.loads(finished)))
    assert errors == []
