"""`quote` finds a long misquote in a long article: the passage meant, and nothing else.

Generated, seeded cases: an article of about 100 KB made of the example articles' words
(so every word of the passage recurs all over it), a passage of 40 or 400 of those words
planted in it, and a misquote of that passage with words substituted and dropped. The
search must give the planted passage as its best near match. How fast it does so is
measured by benchmarks/quote.py, not here.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from idlibstrikes._encode import collapse, find_quote

ROOT = Path(__file__).resolve().parent.parent
WORDS = " ".join(
    (ROOT / "examples" / "articles" / name).read_text(encoding="utf-8")
    for name in ("example-0001.txt", "example-0002.txt")
).split()


def article_with_passage(seed: int, size: int, length: int) -> tuple[str, int, int]:
    """An article of about ``size`` characters and where its planted passage starts, ends."""
    rng = random.Random(seed)
    before = [rng.choice(WORDS) for _ in range(size // 11)]
    passage = [rng.choice(WORDS) for _ in range(length)]
    after = [rng.choice(WORDS) for _ in range(size // 11)]
    head = " ".join(before) + " "
    return (
        head + " ".join(passage) + " " + " ".join(after),
        len(head),
        len(head) + len(" ".join(passage)),
    )


def misquote(seed: int, passage: str) -> str:
    """The passage remembered: about one word in ten replaced, one in ten left out."""
    rng = random.Random(seed)
    out = []
    for word in passage.split(" "):
        roll = rng.random()
        if roll < 0.1:
            continue
        out.append(rng.choice(WORDS) if roll < 0.2 else word)
    return " ".join(out)


@pytest.mark.parametrize("length", [40, 400])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_misquote_finds_its_passage_in_an_article_of_100_kb(seed: int, length: int) -> None:
    article, start, end = article_with_passage(seed, 100_000, length)
    assert len(article) > 95_000
    passage = article[start:end]
    words = misquote(seed, passage)
    assert words not in article
    found = find_quote(article, words)
    assert found, "no near passage"
    best = found[0]
    at = collapse(article).find(best.text)
    assert start <= at, "the best match is not the passage"
    assert at + len(best.text) <= end, "the best match is not the passage"
    # as many words as the misquote (give or take one), nearly all of the passage's
    assert len(best.text.split(" ")) >= len(words.split(" ")) - 1
    assert best.similarity >= 0.8
    assert all(p.similarity <= best.similarity for p in found)


def test_an_exact_quote_in_a_long_article_is_still_exact() -> None:
    article, start, end = article_with_passage(4, 100_000, 400)
    (only,) = find_quote(article, article[start:end])
    assert only.similarity == 1.0
    assert only.text == article[start:end]
