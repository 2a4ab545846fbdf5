"""Benchmarks: idlibstrikes against pandas and DuckDB on the same synthetic data.

    python benchmarks/run.py                      # N = 10^3, 10^4, 10^5, 10^6
    python benchmarks/run.py --sizes 1000 10000   # quicker
    python benchmarks/run.py --write docs/benchmarks.md

Needs the package and, for the comparison, pandas and duckdb (``pip install -e .
--group bench``). For each N it writes a synthetic data file
(``idlibstrikes.testing.synthetic``), then measures, as medians of repeated runs:

- load: ``isk.load(file, bundled=False)`` against a bare ``json.loads`` of the same bytes;
- memory per strike: what the loaded dataset holds (tracemalloc), less its quote text;
- first query: the first ``strikes_between``, which builds the indexes;
- ``strikes_between`` over a period that about 1% of strikes overlap, ``strikes_by_group``
  for the most-targeted group, and ``casualties`` over the ``strikes_between`` answer;
- the same three questions, in the same run, as pandas boolean masks and a groupby, and
  as DuckDB SQL over the same tables (each answer materialised as rows); warm runs, the
  garbage collector off while timing (as ``timeit`` does).

Start-up is measured apart: ``python -c "import attrs, dateutil.parser"`` against the
first answer (import, bundled load, one ``strikes_by_group``), in fresh interpreters,
interleaved, with bytecode compiled (as after ``pip install``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import idlibstrikes as isk
from idlibstrikes.testing import synthetic

ROOT = Path(__file__).resolve().parents[1]
MARK = "<!-- results: written by benchmarks/run.py; do not edit by hand -->"


def median_time(call: Callable[[], Any], repeat: int) -> float:
    """The median wall time of ``call`` over ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def one_percent_period(data: isk.Dataset) -> tuple[dt.date, dt.date, int]:
    """A period (from the middle of the data) that about 1% of the strikes overlap."""
    n = len(data.strikes)
    first = data.strikes[n // 2].date.earliest
    lo, hi = 0, 4000
    while lo < hi:  # the shortest period holding at least 1%
        mid = (lo + hi) // 2
        if len(data.strikes_between(first, first + dt.timedelta(days=mid))) >= n / 100:
            hi = mid
        else:
            lo = mid + 1
    last = first + dt.timedelta(days=lo)
    return first, last, len(data.strikes_between(first, last))


def frames(data: isk.Dataset) -> dict[str, Any]:
    """The tables pandas and DuckDB query: strikes, targets (one row each), claims."""
    import pandas as pd

    strikes = pd.DataFrame(
        {
            "id": [s.id for s in data.strikes],
            "scope": [s.scope.value for s in data.strikes],
            "event_date": pd.to_datetime([s.date.earliest for s in data.strikes]),
            "date_end": pd.to_datetime([s.date.latest for s in data.strikes]),
        }
    )
    targets = pd.DataFrame(
        [(s.id, t.id) for s in data.strikes for t in s.targets], columns=["strike_id", "group_id"]
    )
    claims = pd.DataFrame(
        [
            (s.id, c.victims.value, c.outcome.value, c.low, c.low if c.high is None else c.high)
            for s in data.strikes
            for c in s.claims
        ],
        columns=["strike_id", "victims", "outcome", "low", "high"],
    )
    return {"strikes": strikes, "targets": targets, "claims": claims}


def quote_bytes(data: isk.Dataset) -> int:
    """The memory held by the distinct quote strings of a dataset."""
    quotes: dict[int, str] = {}
    for s in data.strikes:
        for part in (*s.claims, *s.citations, *s.date_claims):
            quotes[id(part.quote)] = part.quote
    for g in (*data.groups, *data.places):
        for c in g.citations:
            quotes[id(c.quote)] = c.quote
    return sum(sys.getsizeof(q) for q in quotes.values())


def bench_size(n: int, repeat: int, folder: Path) -> dict[str, Any]:
    """Every measure for one size."""
    import duckdb
    import pandas as pd

    path = synthetic.write(folder / str(n), n, seed=1)
    raw = path.read_bytes()
    load_repeat = max(1, min(repeat, 5 if n <= 10**4 else 3 if n <= 10**5 else 1))
    out: dict[str, Any] = {"n": n, "file_mib": len(raw) / 2**20}
    out["json_s"] = median_time(lambda: json.loads(raw), load_repeat)
    out["load_s"] = median_time(lambda: isk.load(path, bundled=False), load_repeat)

    gc.collect()
    tracemalloc.start()
    data = isk.load(path, bundled=False)
    gc.collect()
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    out["bytes_per_strike"] = held / n
    out["bytes_per_strike_without_quotes"] = (held - quote_bytes(data)) / n

    data = isk.load(path, bundled=False)  # fresh: no index yet
    start = time.perf_counter()
    data.strikes_between("2019-01-01", "2019-01-31")
    out["first_query_s"] = time.perf_counter() - start

    first, last, k = one_percent_period(data)
    counts: dict[str, int] = {}
    for s in data.strikes:
        for t in s.targets:
            counts[t.id] = counts.get(t.id, 0) + 1
    group = max(counts, key=lambda g: (counts[g], g))
    answer = data.strikes_between(first, last)
    out.update(period=f"{first}..{last}", k_between=k, group=group, k_group=counts[group])
    assert k == len(answer)

    t = frames(data)
    s_df, t_df, c_df = t["strikes"], t["targets"], t["claims"]
    ts_first, ts_last = pd.Timestamp(first), pd.Timestamp(last)
    con = duckdb.connect()
    for name, frame in t.items():
        con.register(f"{name}_df", frame)
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM {name}_df")
        con.unregister(f"{name}_df")

    # the library's queries return single strikes unless asked for series: so do these
    events = s_df[s_df["scope"] == "event"]

    def pd_between() -> Any:
        return events[(events["event_date"] <= ts_last) & (events["date_end"] >= ts_first)]

    def pd_group() -> Any:
        return events[events["id"].isin(t_df.loc[t_df["group_id"] == group, "strike_id"])]

    def pd_casualties() -> Any:
        ids = pd_between()["id"]
        chosen = c_df[
            c_df["strike_id"].isin(ids) & (c_df["victims"] == "all") & (c_df["outcome"] == "killed")
        ]
        per = chosen.groupby("strike_id").agg(low=("low", "min"), high=("high", "max"))
        return per["low"].sum(), per["high"].sum()

    def db_between() -> Any:
        sql = "SELECT * FROM strikes WHERE scope = 'event' AND event_date <= ? AND date_end >= ?"
        return con.execute(sql, [last, first]).fetchall()

    def db_group() -> Any:
        sql = (
            "SELECT s.* FROM strikes s JOIN targets t ON s.id = t.strike_id "
            "WHERE t.group_id = ? AND s.scope = 'event' ORDER BY s.event_date"
        )
        return con.execute(sql, [group]).fetchall()

    def db_casualties() -> Any:
        sql = (
            "SELECT sum(lo), sum(hi) FROM (SELECT strike_id, min(low) lo, max(high) hi "
            "FROM claims WHERE victims = 'all' AND outcome = 'killed' AND strike_id IN "
            "(SELECT id FROM strikes WHERE scope = 'event' AND event_date <= ? AND date_end >= ?) "
            "GROUP BY strike_id)"
        )
        return con.execute(sql, [last, first]).fetchall()

    # the three tools must agree before they are timed. The casualty yardsticks compute each
    # strike's smallest and largest figure for all victims (the rule before the accounts of
    # issue F); the library computes accounts, floors from parts and agreement, which is
    # more work: pandas and DuckDB must agree with each other, and the library is timed on
    # the harder question.
    events_k = sum(1 for s in answer if not s.is_series)
    assert len(pd_between()) == len(db_between()) == events_k == len(answer), "between differ"
    k_group = len(data.strikes_by_group(group))
    assert len(pd_group()) == len(db_group()) == k_group, "by group: the answers differ"
    assert tuple(int(x) for x in pd_casualties()) == tuple(db_casualties()[0]), "casualties differ"

    questions = {
        "between": (
            lambda: data.strikes_between(first, last),
            pd_between,
            db_between,
        ),
        "by_group": (lambda: data.strikes_by_group(group), pd_group, db_group),
        "casualties": (lambda: data.casualties(answer), pd_casualties, db_casualties),
    }
    rounds = 3
    for name, (isk_call, pd_call, db_call) in questions.items():
        runs: dict[str, list[float]] = {"isk": [], "pandas": [], "duckdb": []}
        # Three rounds, each tool run repeat/3 times in a row per round (warm, as an
        # analyst's repeated question is), so a slow moment hits all three alike. The
        # garbage collector is off while timing, as timeit does: a full collection over
        # millions of loaded objects would land on whichever call happened to trigger it.
        gc.collect()
        gc.disable()
        try:
            for _ in range(rounds):
                for tool, call in (("isk", isk_call), ("pandas", pd_call), ("duckdb", db_call)):
                    call()  # warm-up, not timed
                    for _ in range(max(1, repeat // rounds)):
                        start = time.perf_counter()
                        call()
                        runs[tool].append(time.perf_counter() - start)
        finally:
            gc.enable()
        for tool, times in runs.items():
            out[f"{name}_{tool}_s"] = statistics.median(times)
    con.close()
    return out


def startup(repeat: int) -> dict[str, float]:
    """Fresh-interpreter wall times: the baseline imports and the first answer."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(isk.__file__).parent)],
        env=env,
        check=True,
        capture_output=True,
    )
    commands = {
        "baseline": "import attrs, dateutil.parser",
        "import": "import idlibstrikes",
        "first_answer": "import idlibstrikes as isk; isk.load().strikes_by_group('Hurras al-Din')",
    }
    times: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(repeat):
        for name, code in commands.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], env=env, check=True)
            times[name].append(time.perf_counter() - start)
    return {k: statistics.median(v) for k, v in times.items()}


def versions() -> dict[str, str]:
    """The versions and machine the numbers were measured with."""
    from importlib.metadata import version

    found = {"python": platform.python_version()}
    for name in ("idlibstrikes", "attrs", "python-dateutil", "pandas", "duckdb", "numpy"):
        try:
            found[name] = version(name)
        except Exception:
            found[name] = "not installed"
    found["machine"] = f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}"
    return found


def ms(seconds: float) -> str:
    """Seconds as milliseconds, to three significant figures or so."""
    value = seconds * 1000
    return f"{value:.3f}" if value < 1 else f"{value:.2f}" if value < 100 else f"{value:.0f}"


def report(results: list[dict[str, Any]], start: dict[str, float], info: dict[str, str]) -> str:
    """The results as Markdown tables."""
    lines = [MARK, "", f"Measured {dt.date.today()} on {info.pop('machine')}; versions: "]
    lines[-1] += ", ".join(f"{k} {v}" for k, v in info.items()) + "."
    lines += [
        "",
        "### Loading and memory",
        "",
        "| N | file (MiB) | json.loads (ms) | isk.load (ms) | load / json | "
        "bytes per strike | without quotes | first query (ms) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['n']:,} | {r['file_mib']:.1f} | {ms(r['json_s'])} | {ms(r['load_s'])} | "
            f"{r['load_s'] / r['json_s']:.1f}x | {r['bytes_per_strike']:,.0f} | "
            f"{r['bytes_per_strike_without_quotes']:,.0f} | {ms(r['first_query_s'])} |"
        )
    for name, title in (
        ("between", "`strikes_between` at about 1% selectivity"),
        ("by_group", "`strikes_by_group` (the most-targeted group)"),
        ("casualties", "`casualties` over the `strikes_between` answer"),
    ):
        lines += [
            "",
            f"### {title}",
            "",
            "| N | answer | idlibstrikes (ms) | pandas (ms) | DuckDB (ms) | "
            "pandas / isk | DuckDB / isk |",
            "|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in results:
            k = r["k_group"] if name == "by_group" else r["k_between"]
            ours, pd_t, db_t = (r[f"{name}_{t}_s"] for t in ("isk", "pandas", "duckdb"))
            lines.append(
                f"| {r['n']:,} | {k:,} | {ms(ours)} | {ms(pd_t)} | {ms(db_t)} | "
                f"{pd_t / ours:.1f}x | {db_t / ours:.1f}x |"
            )
    if start:
        lines += [
            "",
            "### Start-up (fresh interpreters, medians)",
            "",
            "| command | ms | / baseline |",
            "|---|---:|---:|",
        ]
        base = start["baseline"]
        for name, label in (
            ("baseline", '`python -c "import attrs, dateutil.parser"`'),
            ("import", '`python -c "import idlibstrikes"`'),
            ("first_answer", "import, bundled load, one `strikes_by_group`"),
        ):
            lines.append(f"| {label} | {ms(start[name])} | {start[name] / base:.2f}x |")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Run the benchmarks and print (or write) the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10**3, 10**4, 10**5, 10**6])
    parser.add_argument("--repeat", type=int, default=21, help="runs per query (median)")
    parser.add_argument("--startup-repeat", type=int, default=31)
    parser.add_argument("--write", type=Path, help="replace the results in this Markdown file")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    args = parser.parse_args()

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            print(f"N = {n:,} ...", file=sys.stderr, flush=True)
            results.append(bench_size(n, args.repeat, Path(tmp)))
            gc.collect()
    start = startup(args.startup_repeat) if args.startup_repeat else {}
    info = versions()
    if args.json:
        args.json.write_text(json.dumps({"sizes": results, "startup": start, **info}, indent=1))
    text = report(results, start, dict(info))
    if args.write:
        page = args.write.read_text(encoding="utf-8")
        head = page.split(MARK)[0] if MARK in page else page + "\n"
        args.write.write_text(head + text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
