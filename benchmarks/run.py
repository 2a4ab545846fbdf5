"""Benchmarks: idlibstrikes against pandas, Polars and DuckDB on the same synthetic data.

    python benchmarks/run.py                       # N = 10^3, 2x10^4, 10^5, 10^6
    python benchmarks/run.py --sizes 1000 20000    # quicker
    python benchmarks/run.py --write docs/benchmarks.md   # also benchmarks/results.json

Needs the package and, for the comparison, pandas, pyarrow, Polars, DuckDB and numpy
(``pip install -e . --group bench``). For each N it writes a synthetic data file
(``idlibstrikes.testing.synthetic``), then measures:

- load: ``isk.load(file, bundled=False)`` against ``json.loads`` of the same bytes, the two
  alternating run by run, with the garbage collector as the interpreter has it (enabled,
  default thresholds); then both again, alternating, with the collector disabled around
  each call. Medians.
- memory: what the loaded dataset holds (tracemalloc, after a collection), less its quote
  text, per strike; and, in a fresh process, the growth of its resident set over a load and
  the peak resident set of that process (``VmHWM``).
- cold queries: on a freshly loaded dataset, the first ``strikes_between`` (date index built
  on the way) and then the first ``strikes_by_group`` (group index built); for each
  yardstick, its sort or index build plus its first query, on structures just made.
- warm queries: ``strikes_between`` over a period that about 1% of the strikes overlap,
  ``strikes_by_group`` for the most-targeted group, and ``casualties`` over the answer of
  ``strikes_between`` for a period holding about 1,000 strikes (all at small N). Each
  yardstick is given what is natural for it: pandas (pyarrow strings, integer day numbers,
  the frame sorted by start day and cut with ``searchsorted``; positions by group; claims
  indexed by strike), Polars (the same, ``search_sorted`` and ``partition_by``) and DuckDB
  (DATE columns, the table created in start-day order, an ART index on the targets' group,
  parameterised queries). Where a tool has two natural forms (a sorted cut or a full mask;
  DuckDB rows or Arrow) both are timed and its faster is reported. Every answer is
  materialised in the tool's own type; the tools must agree before they are timed. Rounds
  alternate the tools; the collector is off while timing (as ``timeit`` does). Medians.

Start-up is measured apart, on a normal install: the package is built as a wheel,
installed into a temporary folder (put first on ``PYTHONPATH``) and compiled to bytecode;
then ``python -c "import attrs, dateutil.parser"`` and the first answer (import, bundled
load, one ``strikes_by_group``) run in fresh interpreters, interleaved. Medians.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import resource
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
END = "<!-- end of results: text below this line is kept by benchmarks/run.py --write -->"
SIZES = [10**3, 2 * 10**4, 10**5, 10**6]
UNIX_EPOCH = dt.date(1970, 1, 1).toordinal()  # Arrow's date32 counts days from here
TOOLS = ("idlibstrikes", "pandas", "polars", "duckdb")
YARDSTICKS = TOOLS[1:]
LABELS = {
    "idlibstrikes": "idlibstrikes",
    "pandas": "pandas",
    "polars": "Polars",
    "duckdb": "DuckDB",
}


def say(what: str) -> None:
    """Progress, on standard error."""
    print(f"  {what}", file=sys.stderr, flush=True)


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    """The wall time of one ``call``, in seconds, and its result."""
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


# --- loading and memory --------------------------------------------------------------------


def load_runs(path: Path, repeat: int, collector: bool) -> tuple[dict[str, Any], Any]:
    """``json.loads`` of the file's bytes and ``isk.load`` of the file, alternating.

    Each ``repeat`` times. With ``collector`` the garbage collector is left as the
    interpreter has it; without, it is disabled around each call. Each run starts after a
    full collection, with no earlier result alive (the bytes for ``json.loads`` are read
    just before it, untimed, and dropped after). Returns the times and the dataset of the
    last load (never queried).
    """
    runs: dict[str, list[float]] = {"json": [], "load": [], "first_query": []}
    data: Any = None
    for _ in range(repeat):
        for name in ("json", "load"):
            data = None
            raw = path.read_bytes() if name == "json" else b""
            gc.collect()
            if not collector:
                gc.disable()
            try:
                start = time.perf_counter()
                data = json.loads(raw) if name == "json" else isk.load(path, bundled=False)
                seconds = time.perf_counter() - start
            finally:
                gc.enable()
            del raw
            runs[name].append(seconds)
            if name == "load" and collector:
                # a user's first question, straight after the load: the date index is
                # built from nothing (January 2019: the cost is the build, not the answer)
                start = time.perf_counter()
                data.strikes_between("2019-01-01", "2019-01-31")
                runs["first_query"].append(time.perf_counter() - start)
    return runs, data


def quote_bytes(data: isk.Dataset) -> int:
    """The memory held by the distinct quote strings of a dataset."""
    quotes: dict[int, str] = {}
    for s in data.strikes:
        parts: tuple[Any, ...] = (*s.claims, *s.citations, *s.date_claims)
        for part in parts:
            quotes[id(part.quote)] = part.quote
    records: tuple[Any, ...] = (*data.groups, *data.places)
    for g in records:
        for c in g.citations:
            quotes[id(c.quote)] = c.quote
    return sum(sys.getsizeof(q) for q in quotes.values())


def traced_memory(path: Path, n: int) -> dict[str, float]:
    """Bytes per strike that a loaded dataset holds (tracemalloc), with and without quotes."""
    gc.collect()
    tracemalloc.start()
    data = isk.load(path, bundled=False)
    gc.collect()
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return {
        "bytes_per_strike": held / n,
        "bytes_per_strike_without_quotes": (held - quote_bytes(data)) / n,
    }


def resident() -> int | None:
    """This process's resident set, in bytes (Linux), or None."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return None


def peak_resident() -> int:
    """This process's peak resident set so far, in bytes.

    On Linux, ``VmHWM``: ``ru_maxrss`` would not do, since a child started by ``exec``
    inherits its parent's peak in it.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def rss_child(path: str, n: int) -> None:
    """In a fresh process: load ``path`` and print its resident-memory figures as JSON."""
    gc.collect()
    before, peak_before = resident(), peak_resident()
    seconds, data = timed(lambda: isk.load(path, bundled=False))
    peak = peak_resident()
    gc.collect()
    after = resident()
    quotes = quote_bytes(data)
    growth = None if before is None or after is None else after - before
    print(
        json.dumps(
            {
                "child_load_s": seconds,
                "rss_before": before,
                "rss_after": after,
                "rss_growth_per_strike": None if growth is None else growth / n,
                "rss_growth_per_strike_without_quotes": (
                    None if growth is None else (growth - quotes) / n
                ),
                "peak_rss_before": peak_before,
                "peak_rss": peak,
            }
        )
    )


def resident_memory(path: Path, n: int) -> dict[str, Any]:
    """Resident-memory figures of a load, measured in a fresh interpreter."""
    child = [sys.executable, str(Path(__file__).resolve()), "--rss-child", str(path), str(n)]
    done = subprocess.run(child, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"the measuring process failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# --- what is asked -------------------------------------------------------------------------


def centred_period(data: isk.Dataset, wanted: int) -> tuple[dt.date, dt.date, int]:
    """The shortest period, centred on the middle strike, holding ``wanted`` single strikes.

    If the data hold fewer, the period that holds them all.
    """
    singles = sum(1 for s in data.strikes if not s.is_series)
    wanted = min(wanted, singles)
    centre = data.strikes[len(data.strikes) // 2].date.earliest
    lo, hi = 0, 8000  # days either side; the synthetic data span 12 years

    def period(days: int) -> tuple[dt.date, dt.date]:
        return centre - dt.timedelta(days=days), centre + dt.timedelta(days=days)

    while lo < hi:
        mid = (lo + hi) // 2
        if len(data.strikes_between(*period(mid))) >= wanted:
            hi = mid
        else:
            lo = mid + 1
    first, last = period(lo)
    return first, last, len(data.strikes_between(first, last))


def busiest_group(data: isk.Dataset) -> str:
    """The id of the group most strikes name among their targets."""
    counts: dict[str, int] = {}
    for s in data.strikes:
        for g in {t.id for t in s.targets}:
            counts[g] = counts.get(g, 0) + 1
    return max(counts, key=lambda g: (counts[g], g))


# --- the yardsticks ------------------------------------------------------------------------


class Columns:
    """The data as plain columns, in the file's order (by strike id); ``pos`` is the key."""

    def __init__(self, data: isk.Dataset) -> None:
        import numpy as np

        strikes = sorted(data.strikes, key=lambda s: s.id)
        self.n = len(strikes)
        self.ids = [s.id for s in strikes]
        self.scope = [s.scope.value for s in strikes]
        self.start = np.array([s.date.earliest.toordinal() for s in strikes], dtype=np.int32)
        self.end = np.array([s.date.latest.toordinal() for s in strikes], dtype=np.int32)
        # one row per (strike, group it names), and per casualty claim
        self.target_pos: list[int] = []
        self.target_group: list[str] = []
        for pos, s in enumerate(strikes):
            for g in sorted({t.id for t in s.targets}):
                self.target_pos.append(pos)
                self.target_group.append(g)
        claims = [
            (pos, c.victims.value, c.outcome.value, c.low, c.low if c.high is None else c.high)
            for pos, s in enumerate(strikes)
            for c in s.claims
        ]
        self.claim_pos = [c[0] for c in claims]
        self.victims = [c[1] for c in claims]
        self.outcome = [c[2] for c in claims]
        self.low = [c[3] for c in claims]
        self.high = [c[4] for c in claims]


class Pandas:
    """pandas: pyarrow strings, categorical vocabularies, int32 day numbers (``toordinal``).

    The date build sorts the strikes by start day and notes the widest date range, so a
    period's candidates are cut with ``searchsorted``; the group build maps each group to
    the positions of its strikes in that order (``groupby(...).indices``). Claims are
    indexed by strike, sorted. Answers are DataFrames.
    """

    def __init__(self, cols: Columns) -> None:
        import numpy as np
        import pandas as pd

        self.np = np
        pos = pd.RangeIndex(cols.n, name="pos")
        self.raw = pd.DataFrame(
            {
                "id": pd.array(cols.ids, dtype="str"),
                "scope": pd.Categorical(cols.scope),
                "start": cols.start,
                "end": cols.end,
            },
            index=pos,
        )
        assert self.raw["id"].dtype.storage == "pyarrow", "pandas strings are not pyarrow"
        self.targets = pd.DataFrame(
            {"pos": cols.target_pos, "group_id": pd.array(cols.target_group, dtype="str")}
        )
        claims = pd.DataFrame(
            {
                "pos": cols.claim_pos,
                "victims": pd.Categorical(cols.victims),
                "outcome": pd.Categorical(cols.outcome),
                "low": cols.low,
                "high": cols.high,
            }
        )
        self.claims = claims.set_index("pos").sort_index(kind="stable")

    def build_dates(self) -> None:
        self.strikes = self.raw.sort_values("start", kind="stable")
        self.starts = self.strikes["start"].to_numpy()
        self.widest = int((self.strikes["end"] - self.strikes["start"]).max())

    def build_groups(self) -> None:
        np = self.np
        row = np.empty(len(self.strikes), dtype=np.int64)
        row[self.strikes.index.to_numpy()] = np.arange(len(self.strikes))
        rows = row[self.targets["pos"].to_numpy()]
        order = np.argsort(rows, kind="stable")
        rows = rows[order]
        groups = self.targets["group_id"].take(order).reset_index(drop=True)
        self.by_group_rows = {g: rows[i] for g, i in groups.groupby(groups).indices.items()}

    def between(self, first: dt.date, last: dt.date) -> Any:
        a, b = first.toordinal(), last.toordinal()
        lo = self.starts.searchsorted(a - self.widest, "left")
        hi = self.starts.searchsorted(b, "right")
        cut = self.strikes.iloc[lo:hi]
        return cut[(cut["end"] >= a) & (cut["scope"] == "event")]

    def between_mask(self, first: dt.date, last: dt.date) -> Any:
        a, b, s = first.toordinal(), last.toordinal(), self.strikes
        return s[(s["start"] <= b) & (s["end"] >= a) & (s["scope"] == "event")]

    def by_group(self, group: str) -> Any:
        found = self.strikes.take(self.by_group_rows[group])
        return found[found["scope"] == "event"]

    def casualties(self, answer: Any) -> tuple[int, int]:
        claims = self.claims.loc[self.claims.index.intersection(answer.index)]
        chosen = claims[(claims["victims"] == "all") & (claims["outcome"] == "killed")]
        per = chosen.groupby(level=0).agg(low=("low", "min"), high=("high", "max"))
        return int(per["low"].sum()), int(per["high"].sum())

    @staticmethod
    def ids(answer: Any) -> list[str]:
        return answer["id"].tolist()  # type: ignore[no-any-return]


class Polars:
    """Polars: String ids, Categorical vocabularies, Int32 day numbers.

    The date build sorts by start day (the column flagged sorted) and notes the widest
    range, for ``search_sorted``; the group build joins the targets to that order and
    partitions them by group (``partition_by``), so a group's strikes are gathered by
    position. Answers are DataFrames.
    """

    def __init__(self, cols: Columns) -> None:
        import polars as pl

        self.pl = pl
        self.raw = pl.DataFrame(
            {
                "pos": pl.Series(range(cols.n), dtype=pl.Int32),
                "id": pl.Series(cols.ids, dtype=pl.String),
                "scope": pl.Series(cols.scope, dtype=pl.Categorical),
                "start": pl.Series(cols.start, dtype=pl.Int32),
                "end": pl.Series(cols.end, dtype=pl.Int32),
            }
        )
        self.targets = pl.DataFrame(
            {
                "pos": pl.Series(cols.target_pos, dtype=pl.Int32),
                "group_id": pl.Series(cols.target_group, dtype=pl.String),
            }
        )
        self.claims = pl.DataFrame(
            {
                "pos": pl.Series(cols.claim_pos, dtype=pl.Int32),
                "victims": pl.Series(cols.victims, dtype=pl.Categorical),
                "outcome": pl.Series(cols.outcome, dtype=pl.Categorical),
                "low": pl.Series(cols.low, dtype=pl.Int64),
                "high": pl.Series(cols.high, dtype=pl.Int64),
            }
        ).sort("pos", maintain_order=True)

    def build_dates(self) -> None:
        pl = self.pl
        self.strikes = self.raw.sort("start", maintain_order=True).set_sorted("start")
        self.starts = self.strikes["start"]
        self.widest = int(self.strikes.select((pl.col("end") - pl.col("start")).max()).item())

    def build_groups(self) -> None:
        order = self.strikes.select("pos").with_row_index("row")
        targets = self.targets.join(order, on="pos").sort("row")
        parts = targets.select("group_id", "row").partition_by("group_id", as_dict=True)
        self.by_group_rows = {key[0]: part["row"] for key, part in parts.items()}

    def between(self, first: dt.date, last: dt.date) -> Any:
        pl = self.pl
        a, b = first.toordinal(), last.toordinal()
        lo = self.starts.search_sorted(a - self.widest, "left")
        hi = self.starts.search_sorted(b, "right")
        return self.strikes.slice(lo, hi - lo).filter(
            (pl.col("end") >= a) & (pl.col("scope") == "event")
        )

    def between_mask(self, first: dt.date, last: dt.date) -> Any:
        pl = self.pl
        a, b = first.toordinal(), last.toordinal()
        return self.strikes.filter(
            (pl.col("start") <= b) & (pl.col("end") >= a) & (pl.col("scope") == "event")
        )

    def by_group(self, group: str) -> Any:
        pl = self.pl
        return self.strikes[self.by_group_rows[group]].filter(pl.col("scope") == "event")

    def casualties(self, answer: Any) -> tuple[int, int]:
        pl = self.pl
        chosen = self.claims.filter(
            pl.col("pos").is_in(answer["pos"].implode())
            & (pl.col("victims") == "all")
            & (pl.col("outcome") == "killed")
        )
        per = chosen.group_by("pos").agg(pl.col("low").min(), pl.col("high").max())
        low, high = per.select(pl.col("low").sum(), pl.col("high").sum()).row(0)
        return int(low), int(high)

    @staticmethod
    def ids(answer: Any) -> list[str]:
        return answer["id"].to_list()  # type: ignore[no-any-return]


class DuckDB:
    """DuckDB, in memory: DATE columns, VARCHAR text, parameterised queries.

    The date build creates the strikes table ordered by start day (so its zone maps cut a
    period's row groups) and notes the widest range, so a query can bound the start day
    from below; the group build creates an ART index on the targets' group. Answers are
    fetched as rows (``fetchall``) or as an Arrow table (``con.sql(...).to_arrow_table()``).
    """

    BETWEEN = (
        "SELECT pos, id, scope, start_date, end_date FROM strikes "
        "WHERE start_date BETWEEN ? AND ? AND end_date >= ? AND scope = 'event'"
    )  # insertion (start-day) order is kept: DuckDB preserves it by default
    BY_GROUP = (
        "SELECT s.pos, s.id, s.scope, s.start_date, s.end_date "
        "FROM targets t JOIN strikes s ON s.pos = t.pos "
        "WHERE t.group_id = ? AND s.scope = 'event' ORDER BY s.start_date, s.pos"
    )
    CASUALTIES = (
        "SELECT coalesce(sum(lo), 0), coalesce(sum(hi), 0) FROM ("
        "SELECT pos, min(low) AS lo, max(high) AS hi FROM claims "
        "WHERE victims = 'all' AND outcome = 'killed' AND pos IN (SELECT pos FROM answer) "
        "GROUP BY pos)"
    )

    def __init__(self, cols: Columns) -> None:
        import duckdb
        import pyarrow as pa

        self.pa = pa
        self.con = duckdb.connect()
        day = pa.date32()
        tables = {
            "strikes_raw": pa.table(
                {
                    "pos": pa.array(range(cols.n), pa.int32()),
                    "id": pa.array(cols.ids, pa.string()),
                    "scope": pa.array(cols.scope, pa.string()),
                    "start_date": pa.array(cols.start - UNIX_EPOCH, pa.int32()).cast(day),
                    "end_date": pa.array(cols.end - UNIX_EPOCH, pa.int32()).cast(day),
                }
            ),
            "targets": pa.table(
                {
                    "pos": pa.array(cols.target_pos, pa.int32()),
                    "group_id": pa.array(cols.target_group, pa.string()),
                }
            ),
            "claims": pa.table(
                {
                    "pos": pa.array(cols.claim_pos, pa.int32()),
                    "victims": pa.array(cols.victims, pa.string()),
                    "outcome": pa.array(cols.outcome, pa.string()),
                    "low": pa.array(cols.low, pa.int64()),
                    "high": pa.array(cols.high, pa.int64()),
                }
            ),
        }
        for name, table in tables.items():
            self.con.register("incoming", table)
            order = " ORDER BY pos" if name == "claims" else ""
            self.con.execute(f"CREATE TABLE {name} AS SELECT * FROM incoming{order}")
            self.con.unregister("incoming")

    def build_dates(self) -> None:
        self.con.execute(
            "CREATE TABLE strikes AS SELECT * FROM strikes_raw ORDER BY start_date, pos"
        )
        widest = self.con.execute("SELECT max(end_date - start_date) FROM strikes").fetchall()
        self.widest = dt.timedelta(days=int(widest[0][0]))

    def build_groups(self) -> None:
        self.con.execute("CREATE INDEX targets_group ON targets (group_id)")

    def between(self, first: dt.date, last: dt.date) -> Any:
        params = [first - self.widest, last, first]
        return self.con.execute(self.BETWEEN, params).fetchall()

    def between_arrow(self, first: dt.date, last: dt.date) -> Any:
        params = [first - self.widest, last, first]
        return self.con.sql(self.BETWEEN, params=params).to_arrow_table()

    def by_group(self, group: str) -> Any:
        return self.con.execute(self.BY_GROUP, [group]).fetchall()

    def by_group_arrow(self, group: str) -> Any:
        return self.con.sql(self.BY_GROUP, params=[group]).to_arrow_table()

    def prepared_casualties(self, answer: Any) -> Callable[[], tuple[int, int]]:
        """``casualties`` over ``answer``, its view registered once (outside the timing)."""
        self.con.register("answer", answer)

        def run() -> tuple[int, int]:
            row = self.con.execute(self.CASUALTIES).fetchall()[0]
            return int(row[0]), int(row[1])

        return run

    @staticmethod
    def ids(answer: Any) -> list[str]:
        if isinstance(answer, list):
            return [row[1] for row in answer]
        return answer.column("id").to_pylist()  # type: ignore[no-any-return]


# --- one size ------------------------------------------------------------------------------


def bench_size(
    n: int, repeat: int, load_repeat: int, trace_up_to: int, folder: Path
) -> dict[str, Any]:
    """Every measure for one size."""
    path = synthetic.write(folder / str(n), n, seed=1)
    out: dict[str, Any] = {"n": n, "file_mib": path.stat().st_size / 2**20}
    out["load_repeat"] = load_repeat
    gc.collect()

    # first, while this process holds little: a fresh process that loads the file
    say("memory (resident, fresh process)")
    out.update(resident_memory(path, n))

    # loading, with the collector as the interpreter has it; the last dataset loaded
    # chooses the questions, and is dropped before the next loads
    say("load, collector on")
    out["gc_enabled"], out["gc_threshold"] = gc.isenabled(), list(gc.get_threshold())
    runs, probe = load_runs(path, load_repeat, collector=True)
    out["json_runs_s"], out["load_runs_s"] = runs["json"], runs["load"]
    out["json_s"], out["load_s"] = (statistics.median(runs[k]) for k in ("json", "load"))
    out["first_query_runs_s"] = runs["first_query"]
    out["first_query_s"] = statistics.median(runs["first_query"])
    b_first, b_last, k_between = centred_period(probe, max(1, n // 100))
    c_first, c_last, k_casualties = centred_period(probe, 1000)
    group = busiest_group(probe)
    out.update(
        period=f"{b_first}..{b_last}",
        k_between=k_between,
        casualties_period=f"{c_first}..{c_last}",
        k_casualties=k_casualties,
        group=group,
        k_group=len(probe.strikes_by_group(group)),
    )
    del probe

    say("load, collector off")
    runs, data = load_runs(path, load_repeat, collector=False)
    out["json_nogc_runs_s"], out["load_nogc_runs_s"] = runs["json"], runs["load"]
    out["json_nogc_s"], out["load_nogc_s"] = (statistics.median(runs[k]) for k in ("json", "load"))
    queries(data, (b_first, b_last), (c_first, c_last), group, repeat, out)
    del data
    gc.collect()

    if n <= trace_up_to:
        say("memory (tracemalloc)")
        out.update(traced_memory(path, n))
    path.unlink()
    return out


def queries(
    data: isk.Dataset,
    period: tuple[dt.date, dt.date],
    casualty_period: tuple[dt.date, dt.date],
    group: str,
    repeat: int,
    out: dict[str, Any],
) -> None:
    """The cold and warm query measures, over a dataset never queried before, into ``out``."""
    (b_first, b_last), (c_first, c_last) = period, casualty_period
    k_between, k_casualties = out["k_between"], out["k_casualties"]

    # cold: the dataset has never been queried (collector as the interpreter has it, as a
    # user's first question meets it)
    say("cold queries")
    gc.collect()
    out["cold_between_idlibstrikes_s"], _ = timed(lambda: data.strikes_between(b_first, b_last))
    gc.collect()
    out["cold_by_group_idlibstrikes_s"], _ = timed(lambda: data.strikes_by_group(group))

    say("yardsticks")
    cols = Columns(data)
    tools: dict[str, Any] = {"pandas": Pandas(cols), "polars": Polars(cols), "duckdb": DuckDB(cols)}
    del cols
    for name, tool in tools.items():
        gc.collect()
        seconds, _ = timed(lambda tool=tool: (tool.build_dates(), tool.between(b_first, b_last)))
        out[f"cold_between_{name}_s"] = seconds
        gc.collect()
        seconds, _ = timed(lambda tool=tool: (tool.build_groups(), tool.by_group(group)))
        out[f"cold_by_group_{name}_s"] = seconds
    pd_t, pl_t, db_t = tools["pandas"], tools["polars"], tools["duckdb"]

    # the answers each tool's casualties work from: its own, computed once
    isk_answer = data.strikes_between(c_first, c_last)
    pd_answer, pl_answer = pd_t.between(c_first, c_last), pl_t.between(c_first, c_last)
    db_answer = db_t.between_arrow(c_first, c_last)

    questions: dict[str, dict[tuple[str, str], Callable[[], Any]]] = {
        "between": {
            ("idlibstrikes", ""): lambda: data.strikes_between(b_first, b_last),
            ("pandas", "sorted cut"): lambda: pd_t.between(b_first, b_last),
            ("pandas", "mask"): lambda: pd_t.between_mask(b_first, b_last),
            ("polars", "sorted cut"): lambda: pl_t.between(b_first, b_last),
            ("polars", "filter"): lambda: pl_t.between_mask(b_first, b_last),
            ("duckdb", "rows"): lambda: db_t.between(b_first, b_last),
            ("duckdb", "Arrow"): lambda: db_t.between_arrow(b_first, b_last),
        },
        "by_group": {
            ("idlibstrikes", ""): lambda: data.strikes_by_group(group),
            ("pandas", ""): lambda: pd_t.by_group(group),
            ("polars", ""): lambda: pl_t.by_group(group),
            ("duckdb", "rows"): lambda: db_t.by_group(group),
            ("duckdb", "Arrow"): lambda: db_t.by_group_arrow(group),
        },
        "casualties": {
            ("idlibstrikes", ""): lambda: data.casualties(isk_answer),
            ("pandas", ""): lambda: pd_t.casualties(pd_answer),
            ("polars", ""): lambda: pl_t.casualties(pl_answer),
            ("duckdb", ""): db_t.prepared_casualties(db_answer),
        },
    }

    # The tools must agree before they are timed: the same strikes (single strikes only,
    # as the library answers unless asked for series) for both periods and the group. The
    # casualty yardsticks compute each strike's smallest and largest figure for all
    # victims killed (the rule before the accounts of issue F) and must agree with each
    # other; the library computes accounts, which is more work, and is timed on that.
    say("agreement")
    ids = {
        "pandas": pd_t.ids,
        "polars": pl_t.ids,
        "duckdb": db_t.ids,
        "idlibstrikes": lambda a: [s.id for s in a],
    }
    for name, expected, answers in (
        ("between", k_between, questions["between"]),
        ("by_group", out["k_group"], questions["by_group"]),
    ):
        wanted = sorted(ids["idlibstrikes"](answers["idlibstrikes", ""]()))
        assert len(wanted) == expected, f"{name}: the library's answer changed size"
        for (tool, how), call in answers.items():
            assert sorted(ids[tool](call())) == wanted, f"{name}: {tool} {how} differs"
    wanted = sorted(s.id for s in isk_answer)
    assert len(wanted) == k_casualties
    for tool, answer in (("pandas", pd_answer), ("polars", pl_answer), ("duckdb", db_answer)):
        assert sorted(ids[tool](answer)) == wanted, f"casualty period: {tool} differs"
    figures = {tool: call() for (tool, _), call in questions["casualties"].items()}
    assert figures["pandas"] == figures["polars"] == figures["duckdb"], figures
    out["casualties_yardstick_range"] = list(figures["pandas"])
    isk_range = figures["idlibstrikes"]
    out["casualties_idlibstrikes_range"] = [isk_range.low, isk_range.high]

    say("warm queries")
    rounds = 3
    for name, calls in questions.items():
        runs_by: dict[tuple[str, str], list[float]] = {key: [] for key in calls}
        # Three rounds, each tool run repeat/3 times in a row per round (warm, as an
        # analyst's repeated question is), so that a slow moment hits every tool alike.
        # The garbage collector is off while timing, as timeit does: a full collection
        # over millions of loaded objects would land on whichever call triggered it.
        gc.collect()
        gc.disable()
        try:
            for _ in range(rounds):
                for key, call in calls.items():
                    call()  # warm-up, not timed
                    for _ in range(max(1, repeat // rounds)):
                        runs_by[key].append(timed(call)[0])
        finally:
            gc.enable()
        variants = {f"{t}/{h}" if h else t: statistics.median(v) for (t, h), v in runs_by.items()}
        out[f"{name}_variants_s"] = variants
        for tool in TOOLS:
            best = min((v, k) for k, v in variants.items() if k.split("/")[0] == tool)
            out[f"{name}_{tool}_s"] = best[0]
            out[f"{name}_{tool}_how"] = best[1].partition("/")[2]
        fastest = min(YARDSTICKS, key=lambda t: out[f"{name}_{t}_s"])
        out[f"{name}_fastest_yardstick"] = fastest
    db_t.con.close()


# --- start-up ------------------------------------------------------------------------------


def installed_copy(folder: Path, env: dict[str, str]) -> str:
    """Build a wheel of the package, install it into ``folder``/site and put that first on
    ``env``'s ``PYTHONPATH``; returns how the package will be imported."""
    site, wheels = folder / "site", folder / "wheel"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    build = [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(wheels)]
    done = subprocess.run([*build, str(ROOT)], env=env, capture_output=True, text=True)
    built = sorted(wheels.glob("idlibstrikes-*.whl"))
    if done.returncode or not built:
        return f"editable install (no wheel: {done.stderr.strip()[-300:]})"
    install = [*pip, "install", "--no-deps", "--no-index", "--no-compile", "--target", str(site)]
    done = subprocess.run([*install, str(built[-1])], env=env, capture_output=True, text=True)
    if done.returncode:
        return f"editable install (the wheel did not install: {done.stderr.strip()[-300:]})"
    compiled = [sys.executable, "-m", "compileall", "-q", str(site / "idlibstrikes")]
    subprocess.run(compiled, env=env, check=True, capture_output=True)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH")]))
    where = [sys.executable, "-c", "import idlibstrikes; print(idlibstrikes.__file__)"]
    found = subprocess.run(where, env=env, capture_output=True, text=True, check=True)
    if not Path(found.stdout.strip()).is_relative_to(site):
        del env["PYTHONPATH"]
        return f"editable install (the wheel was not the copy imported: {found.stdout.strip()})"
    return f"a wheel ({built[-1].name}) installed and compiled"


def startup(repeat: int) -> dict[str, Any]:
    """Fresh-interpreter wall times: the baseline imports and the first answer."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    commands = {
        "baseline": "import attrs, dateutil.parser",
        "import": "import idlibstrikes",
        "first_answer": "import idlibstrikes as isk; isk.load().strikes_by_group('Hurras al-Din')",
    }
    times: dict[str, list[float]] = {k: [] for k in commands}
    with tempfile.TemporaryDirectory() as tmp:
        how = installed_copy(Path(tmp), env)
        if how.startswith("editable"):
            print(f"warning: start-up measured on the {how}", file=sys.stderr)
            subprocess.run(
                [sys.executable, "-m", "compileall", "-q", str(Path(isk.__file__).parent)],
                env=env,
                check=True,
                capture_output=True,
            )
        for code in commands.values():  # once each, untimed: file caches warm
            subprocess.run([sys.executable, "-c", code], env=env, check=True)
        for _ in range(repeat):
            for name, code in commands.items():
                seconds, _ = timed(
                    lambda code=code: subprocess.run(
                        [sys.executable, "-c", code], env=env, check=True
                    )
                )
                times[name].append(seconds)
    found: dict[str, Any] = {k: statistics.median(v) for k, v in times.items()}
    found.update(install=how, repeat=repeat, runs=times)
    return found


# --- the report ----------------------------------------------------------------------------


def versions() -> dict[str, str]:
    """The versions and machine the numbers were measured with."""
    from importlib.metadata import version

    found = {"python": platform.python_version()}
    for name in (
        "idlibstrikes",
        "attrs",
        "python-dateutil",
        "pandas",
        "pyarrow",
        "polars",
        "duckdb",
        "numpy",
    ):
        try:
            found[name] = version(name)
        except Exception:
            found[name] = "not installed"
    found["machine"] = f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}"
    return found


def ms(seconds: float | None) -> str:
    """Seconds as milliseconds, to three significant figures or so."""
    if seconds is None:
        return "–"
    value = seconds * 1000
    if value < 1:
        return f"{value:.3f}"
    return f"{value:.2f}" if value < 100 else f"{value:,.0f}"


def mib(size: float | None) -> str:
    return "–" if size is None else f"{size / 2**20:,.0f}"


def per_strike(size: float | None) -> str:
    return "–" if size is None else f"{size:,.0f}"


def times(value: float) -> str:
    """A ratio, as "2.31 ×"."""
    return (
        f"{value:,.0f} ×" if value >= 100 else f"{value:.1f} ×" if value >= 10 else f"{value:.2f} ×"
    )


def n_text(n: int) -> str:
    return {10**5: "10^5", 10**6: "10^6", 2 * 10**4: "2×10^4"}.get(n, f"{n:,}")


def targets(results: list[dict[str, Any]], start: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Each target of issue J, what was measured, and whether it is met."""
    by_n = {r["n"]: r for r in results}
    rows: list[tuple[str, str, str]] = []

    def row(
        target: str, n: int | None, measure: Callable[[dict[str, Any]], tuple[str, bool | None]]
    ) -> None:
        if n is not None and n not in by_n:
            rows.append((target, f"not measured (N = {n_text(n)} not in this run)", "–"))
            return
        text, met = measure(by_n[n] if n is not None else {})
        rows.append((target, text, "–" if met is None else "met" if met else "missed"))

    for n, most in ((2 * 10**4, 3), (10**5, 2)):
        row(
            f"load of {n_text(n)} strikes ≤ {most} × `json.loads` (collector on)",
            n,
            lambda r, most=most: (
                f"{r['load_s'] / r['json_s']:.2f} × ({ms(r['load_s'])} ms against "
                f"{ms(r['json_s'])} ms; collector off: "
                f"{r['load_nogc_s'] / r['json_nogc_s']:.2f} ×)",
                r["load_s"] <= most * r["json_s"],
            ),
        )
    row(
        "first query at 10^5 (fresh load, index built) ≤ 50 ms",
        10**5,
        lambda r: (
            f"{ms(r['first_query_s'])} ms (median of {len(r['first_query_runs_s'])}, each "
            "straight after a load; "
            + ", ".join(ms(x) for x in r["first_query_runs_s"])
            + f" ms; after a full collection: {ms(r['cold_between_idlibstrikes_s'])} ms)",
            r["first_query_s"] <= 0.050,
        ),
    )
    for name, title in (
        ("between", "`strikes_between` at 1%"),
        ("by_group", "`strikes_by_group`"),
    ):
        row(
            f"{title} at 10^5 ≥ 3 × faster than the fastest yardstick (warm)",
            10**5,
            lambda r, name=name: (
                f"{times(ratio(r, name))} ({LABELS[r[name + '_fastest_yardstick']]} "
                f"{ms(fastest_time(r, name))} ms, idlibstrikes "
                f"{ms(r[name + '_idlibstrikes_s'])} ms)",
                ratio(r, name) >= 3,
            ),
        )
    row(
        "`casualties` over ~1,000 strikes at 10^5 at least as fast as Polars",
        10**5,
        lambda r: (
            f"{r['casualties_polars_s'] / r['casualties_idlibstrikes_s']:.2f} × "
            f"({r['k_casualties']:,} strikes: idlibstrikes {ms(r['casualties_idlibstrikes_s'])}"
            f" ms, Polars {ms(r['casualties_polars_s'])} ms)",
            r["casualties_idlibstrikes_s"] <= r["casualties_polars_s"],
        ),
    )
    row(
        "≤ 1 KiB per strike at 10^5, quote text excluded (tracemalloc)",
        10**5,
        lambda r: (
            f"{per_strike(r.get('bytes_per_strike_without_quotes'))} bytes "
            f"({per_strike(r.get('bytes_per_strike'))} with quotes; resident growth "
            f"{per_strike(r.get('rss_growth_per_strike'))})",
            None
            if "bytes_per_strike_without_quotes" not in r
            else r["bytes_per_strike_without_quotes"] <= 1024,
        ),
    )
    row(
        "load of 10^6 strikes under 4 GiB peak resident memory",
        10**6,
        lambda r: (f"{mib(r['peak_rss'])} MiB peak", r["peak_rss"] < 4 * 2**30),
    )
    if start:
        row(
            "first answer ≤ 1.2 × `import attrs, dateutil.parser` (installed wheel)",
            None,
            lambda _: (
                f"{start['first_answer'] / start['baseline']:.2f} × "
                f"({ms(start['first_answer'])} ms against {ms(start['baseline'])} ms)",
                start["first_answer"] <= 1.2 * start["baseline"],
            ),
        )
    return rows


def fastest_time(r: dict[str, Any], name: str) -> float:
    """The warm time of the fastest yardstick on question ``name``."""
    return float(r[f"{name}_{r[name + '_fastest_yardstick']}_s"])


def ratio(r: dict[str, Any], name: str) -> float:
    """How many times faster the library is than the fastest yardstick, warm."""
    return fastest_time(r, name) / float(r[f"{name}_idlibstrikes_s"])


def report(
    results: list[dict[str, Any]],
    start: dict[str, Any],
    info: dict[str, str],
    raw_numbers: str | None = None,
) -> str:
    """The results as Markdown tables."""
    info = dict(info)
    lines = [MARK, "", f"Measured {dt.date.today()} on {info.pop('machine')}; versions: "]
    lines[-1] += ", ".join(f"{k} {v}" for k, v in info.items()) + "."
    if results:
        r0 = results[0]
        lines[-1] += (
            f" Collector: {'enabled' if r0['gc_enabled'] else 'disabled'}, thresholds "
            f"{tuple(r0['gc_threshold'])}."
        )
    lines += [
        "",
        "### Targets",
        "",
        "| target | measured | |",
        "|---|---|---|",
        *(f"| {t} | {m} | {s} |" for t, m, s in targets(results, start)),
        "",
        "### Loading",
        "",
        "Medians of the runs given; `json.loads` and `isk.load` alternate run by run.",
        "",
        "| N | file (MiB) | runs | json.loads (ms) | isk.load (ms) | load / json | "
        "json.loads, collector off (ms) | isk.load, collector off (ms) | load / json, off |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['n']:,} | {r['file_mib']:.1f} | {r['load_repeat']} | {ms(r['json_s'])} | "
            f"{ms(r['load_s'])} | {r['load_s'] / r['json_s']:.2f} × | {ms(r['json_nogc_s'])} | "
            f"{ms(r['load_nogc_s'])} | {r['load_nogc_s'] / r['json_nogc_s']:.2f} × |"
        )
    lines += [
        "",
        "### Memory",
        "",
        "| N | held per strike (bytes, tracemalloc) | without quotes | resident growth per "
        "strike (bytes) | without quotes | peak resident set of the loading process (MiB) | "
        "load in that process (ms) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['n']:,} | {per_strike(r.get('bytes_per_strike'))} | "
            f"{per_strike(r.get('bytes_per_strike_without_quotes'))} | "
            f"{per_strike(r.get('rss_growth_per_strike'))} | "
            f"{per_strike(r.get('rss_growth_per_strike_without_quotes'))} | "
            f"{mib(r.get('peak_rss'))} | {ms(r.get('child_load_s'))} |"
        )
    lines += [
        "",
        "### Cold: index or sort built, then the first query (ms)",
        "",
        "| N | question | " + " | ".join(LABELS[t] for t in TOOLS) + " |",
        "|---:|---|" + "---:|" * len(TOOLS),
    ]
    for r in results:
        for name, title in (("between", "`strikes_between`"), ("by_group", "`strikes_by_group`")):
            cells = " | ".join(ms(r[f"cold_{name}_{t}_s"]) for t in TOOLS)
            lines.append(f"| {r['n']:,} | {title} | {cells} |")
    for name, title in (
        ("between", "`strikes_between` at about 1% selectivity"),
        ("by_group", "`strikes_by_group` (the most-targeted group)"),
        ("casualties", "`casualties` over the answer of a period of about 1,000 strikes"),
    ):
        lines += [
            "",
            f"### Warm: {title} (ms)",
            "",
            "| N | answer | " + " | ".join(LABELS[t] for t in TOOLS) + " | fastest yardstick "
            "/ idlibstrikes |",
            "|---:|---:|" + "---:|" * len(TOOLS) + "---:|",
        ]
        for r in results:
            k = r[{"between": "k_between", "by_group": "k_group"}.get(name, "k_casualties")]
            warm = []
            for t in TOOLS:
                how = r[f"{name}_{t}_how"]
                warm.append(ms(r[f"{name}_{t}_s"]) + (f" ({how})" if how else ""))
            fastest = LABELS[r[f"{name}_fastest_yardstick"]]
            tail = f"{times(ratio(r, name))} ({fastest})"
            lines.append(f"| {r['n']:,} | {k:,} | {' | '.join(warm)} | {tail} |")
    if start:
        lines += [
            "",
            f"### Start-up (fresh interpreters, {start['repeat']} interleaved runs, medians; "
            f"{start['install']})",
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
            lines.append(f"| {label} | {ms(start[name])} | {start[name] / base:.2f} × |")
    if raw_numbers:
        lines += ["", f"The raw numbers of this run are in `{raw_numbers}`."]
    lines += ["", END]
    return "\n".join(lines) + "\n"


def load_repeats(n: int) -> int:
    return 5 if n <= 2 * 10**4 else 3 if n <= 10**5 else 1


def main() -> None:
    """Run the benchmarks and print (or write) the tables."""
    if len(sys.argv) == 4 and sys.argv[1] == "--rss-child":  # the fresh process of a load
        rss_child(sys.argv[2], int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--repeat", type=int, default=21, help="runs per query (median)")
    parser.add_argument(
        "--load-repeat",
        type=int,
        help="loads per size (default: 5 up to 2x10^4 strikes, 3 up to 10^5, then 1)",
    )
    parser.add_argument(
        "--trace-up-to",
        type=int,
        default=10**5,
        help="measure held memory with tracemalloc up to this N (it slows a load 3-4 times)",
    )
    parser.add_argument("--startup-repeat", type=int, default=31, help="0: skip start-up")
    parser.add_argument("--write", type=Path, help="replace the results in this Markdown file")
    parser.add_argument(
        "--json",
        type=Path,
        help="write the raw numbers here (default with --write: benchmarks/results.json)",
    )
    args = parser.parse_args()
    if args.write and not args.json:
        args.json = ROOT / "benchmarks" / "results.json"

    results = []
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            print(f"N = {n:,} ...", file=sys.stderr, flush=True)
            repeat = args.load_repeat or load_repeats(n)
            results.append(bench_size(n, args.repeat, repeat, args.trace_up_to, Path(tmp)))
            gc.collect()
    print("start-up ...", file=sys.stderr, flush=True)
    start = startup(args.startup_repeat) if args.startup_repeat else {}
    info = versions()
    print(f"took {time.perf_counter() - began:.0f} s", file=sys.stderr)
    raw_numbers = None
    if args.json:
        raw = {"sizes": results, "startup": start, **info}
        args.json.write_text(json.dumps(raw, indent=1) + "\n", encoding="utf-8")
        where = args.json.resolve()
        raw_numbers = str(where.relative_to(ROOT) if where.is_relative_to(ROOT) else where)
    text = report(results, start, info, raw_numbers)
    if args.write:
        page = args.write.read_text(encoding="utf-8")
        head, _, rest = page.partition(MARK) if MARK in page else (page + "\n", "", "")
        tail = rest.partition(END)[2] if END in rest else "\n"
        args.write.write_text(head + text.rstrip("\n") + tail, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
