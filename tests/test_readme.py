"""The README's examples print what it says."""

from __future__ import annotations

import doctest
import re
import shlex
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_examples_run() -> None:
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", text, flags=re.S)
    assert blocks
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    session: dict[str, object] = {}  # one notebook: later blocks use earlier names
    for i, block in enumerate(blocks):
        test = parser.get_doctest(block, session, f"README block {i}", str(README), 0)
        runner.run(test, clear_globs=False)
        session.update(test.globs)
    assert runner.failures == 0


def test_readme_console_sessions_print_what_they_show() -> None:
    text = README.read_text(encoding="utf-8")
    sessions = re.findall(r"```console\n(.*?)```", text, flags=re.S)
    assert sessions
    for session in sessions:
        for command, shown in re.findall(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", session, flags=re.M):
            args = shlex.split(command)
            assert args[:3] == ["python", "-m", "idlibstrikes"], command
            done = subprocess.run(
                [sys.executable, *args[1:]],
                capture_output=True,
                text=True,
                cwd=README.parent,
                check=False,
            )
            assert done.stdout == shown, command
