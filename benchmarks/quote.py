"""Benchmark: how long `idlibstrikes quote` takes to find a misquote's near passages.

    python benchmarks/quote.py                      # 20, 76, 100 KB x 40, 400 words
    python benchmarks/quote.py --old                # and the old exhaustive scan beside it
    python benchmarks/quote.py --sizes 100 --words 400 --timeout 30

Each article is generated (seeded) from the example articles' words, a passage of the
given number of words is planted in it a third of the way in, and the misquote drops one
word in ten and replaces another one in ten, as tests/test_quote_speed.py does. **Every
measurement runs in a fresh process of its own** (this file, run with ``--child``), which
builds the article, then times one ``find_quote`` call. Printed: seconds, the best near
passage's similarity, and whether it lies within the planted passage.

The yardstick, ``--old``, is the scan ``find_quote`` used before (every run of words
scored by difflib, with its default autojunk), copied below; it is kept here only, to
measure against. A run that does not finish within ``--timeout`` seconds is killed.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the repository


def article_with_passage(kb: int, length: int, seed: int) -> tuple[str, int, int]:
    """An article of about ``kb`` KB and where its planted passage starts and ends."""
    names = ("example-0001.txt", "example-0002.txt")
    words: list[str] = []
    for name in names:
        with open(os.path.join(ROOT, "examples", "articles", name), encoding="utf-8") as f:
            words += f.read().split()
    rng = random.Random(seed)
    size = kb * 1000
    head = " ".join(rng.choice(words) for _ in range(size // 17)) + " "
    passage = " ".join(rng.choice(words) for _ in range(length))
    tail = " " + " ".join(rng.choice(words) for _ in range(2 * size // 17))
    return head + passage + tail, len(head), len(head) + len(passage)


def misquote(passage: str, seed: int) -> str:
    """The passage remembered: about one word in ten replaced, one in ten left out."""
    rng = random.Random(seed)
    words = passage.split(" ")
    out = []
    for word in words:
        roll = rng.random()
        if roll < 0.1:
            continue
        out.append(rng.choice(words) if roll < 0.2 else word)
    return " ".join(out)


def old_find_quote(article: str, words: str, *, most: int = 3) -> list[tuple[str, float]]:
    """The yardstick: find_quote's scan before the near-linear search (texts, ratios)."""
    from idlibstrikes._encode import collapse

    body, wanted = collapse(article), collapse(words)
    if not wanted:
        return []
    at = body.find(wanted)
    if at >= 0:
        return [(body[at : at + len(wanted)], 1.0)]
    tokens = body.split(" ")
    size = len(wanted.split(" "))
    scored: list[tuple[float, int, int]] = []
    for width in {max(1, size - 1), size, size + 1}:
        for start in range(max(1, len(tokens) - width + 1)):
            window = " ".join(tokens[start : start + width])
            matcher = difflib.SequenceMatcher(None, wanted.lower(), window.lower())
            if matcher.real_quick_ratio() < 0.5 or matcher.quick_ratio() < 0.5:
                continue
            scored.append((matcher.ratio(), start, width))
    scored.sort(key=lambda s: (-s[0], s[1]))
    found: list[tuple[str, float]] = []
    taken: list[range] = []
    for ratio, start, width in scored:
        if ratio < 0.6 or len(found) >= most:
            break
        span = range(start, start + width)
        if any(set(span) & set(t) for t in taken):
            continue
        taken.append(span)
        found.append((" ".join(tokens[start : start + width]), round(ratio, 3)))
    return found


def child(kb: int, length: int, seed: int, old: bool) -> None:
    """One measurement, in this fresh process: prints a JSON line."""
    sys.path.insert(0, os.path.join(ROOT, "src"))
    from idlibstrikes._encode import find_quote

    article, start, end = article_with_passage(kb, length, seed)
    words = misquote(article[start:end], seed)
    began = time.perf_counter()
    if old:
        found = old_find_quote(article, words)
    else:
        found = [(p.text, p.similarity) for p in find_quote(article, words)]
    seconds = time.perf_counter() - began
    text, similarity = found[0] if found else ("", None)
    at = article.find(text) if found else -1
    print(
        json.dumps(
            {
                "seconds": seconds,
                "similarity": similarity,
                "in_passage": bool(found) and start <= at and at + len(text) <= end,
                "article_chars": len(article),
            }
        )
    )


def measure(kb: int, length: int, seed: int, old: bool, timeout: float) -> dict[str, object]:
    argv = [sys.executable, __file__, "--child", str(kb), str(length), str(seed)]
    argv += ["--old"] if old else []
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"seconds": None}
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 76, 100], help="KB")
    parser.add_argument("--words", type=int, nargs="+", default=[40, 400])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--old", action="store_true", help="time the old scan too")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per run")
    parser.add_argument("--child", type=int, nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kb, length, seed = args.child
        child(kb, length, seed, old=args.old)
        return
    print(f"{'article':>8} {'quote':>6} {'scan':>4} {'seconds':>8} {'similar':>7}  in passage")
    for kb in args.sizes:
        for length in args.words:
            for old in (False, True) if args.old else (False,):
                r = measure(kb, length, args.seed, old, args.timeout)
                name = "old" if old else "new"
                if r["seconds"] is None:
                    print(f"{kb:>5} KB {length:>6} {name:>4} {'>' + str(args.timeout):>8}")
                    continue
                print(
                    f"{kb:>5} KB {length:>6} {name:>4} {r['seconds']:>8.2f}"
                    f" {r['similarity'] or '-':>7}  {'yes' if r['in_passage'] else 'no'}"
                )


if __name__ == "__main__":
    main()
