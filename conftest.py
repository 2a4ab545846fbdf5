"""For every test and doctest (tests/ and the package's docstrings): no terminal width."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True)
def _no_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands print as when piped (one line a row), unless a test sets COLUMNS itself.

    Not even a width the developer's shell exports; and GNU readline, once something imports
    it, exports COLUMNS and LINES behind the back of ``os.environ``, so that every child
    process would inherit a width of 80: they are unset at that level too.
    """
    for name in ("COLUMNS", "LINES"):
        monkeypatch.delenv(name, raising=False)
        os.unsetenv(name)
