"""MkDocs hook: let the pages' executed code blocks import the docs helpers in this folder."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

HERE = str(Path(__file__).resolve().parent)


def on_startup(**kwargs: Any) -> None:
    """Put this folder on ``sys.path`` once, before any page is built."""
    if HERE not in sys.path:
        sys.path.insert(0, HERE)
