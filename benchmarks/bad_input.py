"""Benchmark: how long a load takes to report thousands of mistakes.

    python benchmarks/bad_input.py                       # 10^3, 10^4, 10^5 mistakes
    python benchmarks/bad_input.py --sizes 1000 10000    # quicker
    python benchmarks/bad_input.py --write docs/format.md

For each N it writes one file of N strikes and N places in which every strike names its
place misspelt ("plase-000042" for "place-000042"): N unknown references, each reported
with the close matches a user would want. The yardsticks, measured in the same run on a
file of the same size, are the same file with every reference correct (a clean load) and
a bare ``json.loads`` of its bytes. Ratios against them are the figures to compare across
machines; medians of ``--repeat`` runs (one run at 10^5).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import idlibstrikes as isk

BEGIN = "<!-- bad-input results: written by benchmarks/bad_input.py; do not edit by hand -->"
END = "<!-- end of bad-input results -->"


def document(n: int, misspelt: bool) -> dict[str, Any]:
    """N places and N strikes, each strike naming its place (misspelt, or not)."""
    claim = {"date": {"text": "2020", "span": "2020"}, "source": "a.txt", "quote": "q"}
    return {
        "idlibstrikes": 1,
        "sources": [
            {
                "id": "a.txt",
                "kind": "article",
                "article": "a.txt",
                "published": {"text": "1 May 2020", "span": "2020-05-01"},
            }
        ],
        "groups": [{"id": "g0", "name": "G0", "kind": "militant"}],
        "places": [
            {"id": f"place-{i:06d}", "name": f"Place {i}", "kind": "village"} for i in range(n)
        ],
        "strikes": [
            {
                "id": f"s{i}",
                "description": "d",
                "date_claims": [claim],
                "place": f"{'plase' if misspelt else 'place'}-{i:06d}",
                "perpetrator": "g0",
            }
            for i in range(n)
        ],
    }


def timed(call: Any, repeat: int) -> tuple[float, Any]:
    """The median time of ``call`` and its last result (an exception counts as a result)."""
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        try:
            result = call()
        except isk.DataError as exc:
            result = exc
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bench(n: int, repeat: int, tmp: Path) -> dict[str, Any]:
    bad, good = tmp / f"bad{n}.json", tmp / f"good{n}.json"
    bad.write_text(json.dumps(document(n, True), indent=2), encoding="utf-8")
    good.write_text(json.dumps(document(n, False), indent=2), encoding="utf-8")
    raw = bad.read_bytes()
    json_s, _ = timed(lambda: json.loads(raw), repeat)
    clean_s, clean = timed(lambda: isk.load(good, bundled=False), repeat)
    bad_s, error = timed(lambda: isk.load(bad, bundled=False), repeat)
    assert isinstance(clean, isk.Dataset)
    assert len(clean.strikes) == n
    assert isinstance(error, isk.DataError)
    assert len(error.problems) == n
    return {
        "n": n,
        "file_mib": len(raw) / 2**20,
        "json_s": json_s,
        "clean_s": clean_s,
        "bad_s": bad_s,
        "example": str(error.problems[-1]).replace(f"{tmp}{os.sep}", ""),
    }


def report(results: list[dict[str, Any]]) -> str:
    machine = f"{platform.machine()}, Python {platform.python_version()}"
    lines = [
        BEGIN,
        "",
        f"Measured {dt.date.today()} on {machine} by `benchmarks/bad_input.py`.",
        "",
        "| mistakes | file (MiB) | json.loads (s) | clean load (s) | with the mistakes (s) | "
        "ratio | ms per mistake |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        extra = (r["bad_s"] - r["clean_s"]) * 1000 / r["n"]
        lines.append(
            f"| {r['n']:,} | {r['file_mib']:.1f} | {r['json_s']:.3f} | {r['clean_s']:.2f} | "
            f"{r['bad_s']:.2f} | {r['bad_s'] / r['clean_s']:.1f}x | {extra:.2f} |"
        )
    lines += ["", f"The last problem reported at N = {results[-1]['n']:,}:", ""]
    lines += ["```text", results[-1]["example"], "```", "", END]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10**3, 10**4, 10**5])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--write", type=Path, help="replace the results in this Markdown file")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            print(f"N = {n:,} ...", file=sys.stderr, flush=True)
            repeat = args.repeat if n < 10**5 else 1
            results.append(bench(n, repeat, Path(tmp)))
    text = report(results)
    if args.write:
        page = args.write.read_text(encoding="utf-8")
        if BEGIN not in page or END not in page:
            sys.exit(f"{args.write} has no {BEGIN!r} ... {END!r} block to replace")
        head, rest = page.split(BEGIN, 1)
        args.write.write_text(head + text + rest.split(END, 1)[1], encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
