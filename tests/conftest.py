from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import idlibstrikes as isk

#: The articles folder: ../shared/articles beside the checkout, or $IDLIBSTRIKES_ARTICLES.
ARTICLES = Path(
    os.environ.get(
        "IDLIBSTRIKES_ARTICLES", Path(__file__).resolve().parents[2] / "shared" / "articles"
    )
)


def collapse(text: str) -> str:
    """Collapse runs of whitespace (no-break spaces included) to one space."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@pytest.fixture(scope="session")
def data() -> isk.Dataset:
    """The five articles' data alone: the figures most tests assert are the articles'.

    The whole record (the articles and the reference lists) is ``record``.
    """
    return isk.load(sources="articles")


@pytest.fixture(scope="session")
def record() -> isk.Dataset:
    """The whole bundled record: the five articles and the reference lists."""
    return isk.load()


@pytest.fixture(scope="session")
def articles() -> dict[str, str]:
    if not ARTICLES.is_dir():
        pytest.skip(
            f"the articles folder {ARTICLES} is absent (set IDLIBSTRIKES_ARTICLES to check "
            "quotes against the article texts)"
        )
    return {p.name: collapse(p.read_text(encoding="utf-8")) for p in ARTICLES.glob("*.txt")}
