"""Benchmarks: idlibstrikes against pandas, Polars and DuckDB on the same synthetic data.

One command measures everything and rewrites the results on the page:

    python benchmarks/run.py --write docs/benchmarks.md   # N = 10^3 .. 10^6, 15-25 minutes
    python benchmarks/run.py --sizes 1000 20000            # a quick look, printed only

Needs the package and, for the comparison, pandas, pyarrow, Polars, DuckDB and numpy
(``pip install -e . --group bench``). Only one run at a time on a machine: the figures are
ratios of wall times. For each N it writes a synthetic data file
(``idlibstrikes.testing.synthetic``); then **every measurement runs in a fresh process of
its own** (this file, run with ``--child``), which imports only what it needs: the
process timing ``json.loads`` imports no more than ``json``; the one timing
``isk.load`` imports the package and nothing else; each yardstick's process imports its
own tool only. This process only writes the files, starts the others, in rounds that
alternate them, and reports medians. Measured:

- load: ``isk.load(file, bundled=False)`` against ``json.loads`` of the same bytes (read
  just before, untimed), each in its own process, the collector as the interpreter has it
  and, in two more processes, disabled around each call. Cold: the first load in the
  process; warm: a second one after the first is dropped (up to ``--warm-load-up-to``).
- memory: in a fresh process that loads the file once, the growth of its resident set and
  its peak (``VmHWM``); in another, what the dataset holds (tracemalloc), less its quotes.
- queries, one process per tool: on a freshly loaded dataset (the library) or on
  structures just made from the same data (the yardsticks), cold: the first
  ``strikes_between``, ``strikes_by_group`` and ``casualties`` (each with the index, sort
  or build it needs; the library's first ``casualties`` works from the claims, nothing
  cached); warm: the same questions asked again, 21 times in three rounds, the collector
  off while timing (as ``timeit`` does). Each yardstick is given what is natural for it
  (see the classes below and the page). The answers of every tool must agree.
- start-up: fresh interpreters on an installed wheel (``import attrs, dateutil.parser``
  against the first answer).

The loader and the queries are reached only through the public API (``isk.load``,
``Dataset.strikes_between``, ``strikes_by_group``, ``casualties``).
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: the measuring processes import no more
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any

    import idlibstrikes as isk

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the repository
MARK = "<!-- results: written by benchmarks/run.py; do not edit by hand -->"
END = "<!-- end of results: text below this line is kept by benchmarks/run.py --write -->"
SIZES = [10**3, 2 * 10**4, 10**5, 10**6]
UNIX_EPOCH = 719163  # dt.date(1970, 1, 1).toordinal(): Arrow's date32 counts days from here
TOOLS = ("idlibstrikes", "pandas", "polars", "duckdb")
YARDSTICKS = TOOLS[1:]
LABELS = {
    "idlibstrikes": "idlibstrikes",
    "pandas": "pandas",
    "polars": "Polars",
    "duckdb": "DuckDB",
}
QUESTIONS = ("between", "by_group", "casualties")
FIRST_QUERY = ("2019-01-01", "2019-01-31")  # a user's first question after a load


def say(what: str) -> None:
    """Progress, on standard error."""
    print(f"  {what}", file=sys.stderr, flush=True)


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    """The wall time of one ``call``, in seconds, and its result."""
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def median(values: list[float]) -> float:
    import statistics

    return statistics.median(values)


# --- the measuring processes ---------------------------------------------------------------
#
# Each is this file run with ``--child SPEC`` (SPEC: a JSON object); it prints one JSON
# object on its last line of output. Only ``gc``, ``json``, ``os``, ``sys`` and ``time``
# are imported at the top of this file; anything else is imported by the process that
# needs it.


def child_load(spec: dict[str, Any]) -> dict[str, Any]:
    """Time ``isk.load`` or ``json.loads`` of one file: cold, then (``warm``) once more.

    ``collector``: the garbage collector as the interpreter has it, or disabled around
    each call. Each call starts after a full collection with no earlier result alive.
    After the library's cold load with the collector on, a user's first question
    (``strikes_between`` over January 2019: it builds the date index) is timed too.
    """
    path, tool, collector = spec["path"], spec["tool"], spec["collector"]
    if tool == "idlibstrikes":
        import idlibstrikes as isk

        def call() -> Any:
            return isk.load(path, bundled=False)

    else:
        with open(path, "rb") as file:
            raw = file.read()

        def call() -> Any:
            return json.loads(raw)

    out: dict[str, Any] = {}
    for label in ("cold", "warm") if spec["warm"] else ("cold",):
        result = None
        gc.collect()
        if not collector:
            gc.disable()
        try:
            seconds, result = timed(call)
        finally:
            gc.enable()
        out[f"{label}_s"] = seconds
        if label == "cold" and tool == "idlibstrikes" and collector:
            began = time.perf_counter()
            result.strikes_between(*FIRST_QUERY)
            out["first_query_s"] = time.perf_counter() - began
        del result
    return out


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
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


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


def child_resident(spec: dict[str, Any]) -> dict[str, Any]:
    """Load the file once; the growth of the resident set over the load, and its peak."""
    import idlibstrikes as isk

    path, n = spec["path"], spec["n"]
    gc.collect()
    before, peak_before = resident(), peak_resident()
    seconds, data = timed(lambda: isk.load(path, bundled=False))
    peak = peak_resident()
    gc.collect()
    after = resident()
    quotes = quote_bytes(data)
    growth = None if before is None or after is None else after - before
    return {
        "child_load_s": seconds,
        "rss_before": before,
        "rss_after": after,
        "rss_growth_per_strike": None if growth is None else growth / n,
        "rss_growth_per_strike_without_quotes": None if growth is None else (growth - quotes) / n,
        "peak_rss_before": peak_before,
        "peak_rss": peak,
    }


def child_traced(spec: dict[str, Any]) -> dict[str, Any]:
    """Bytes per strike that a loaded dataset holds (tracemalloc), with and without quotes."""
    import tracemalloc

    import idlibstrikes as isk

    path, n = spec["path"], spec["n"]
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


def child_prepare(spec: dict[str, Any]) -> dict[str, Any]:
    """Choose the questions from a loaded dataset; write the yardsticks' columns.

    The periods and the group are chosen by asking the library; the columns (the data in
    the file's order, by strike id) are written as JSON for the yardsticks' processes.
    """
    import idlibstrikes as isk

    data = isk.load(spec["path"], bundled=False)
    n = len(data.strikes)
    b_first, b_last, k_between = centred_period(data, max(1, n // 100))
    c_first, c_last, k_casualties = centred_period(data, 1000)
    group = busiest_group(data)
    with open(spec["columns"], "w", encoding="utf-8") as file:
        json.dump(columns(data), file)
    return {
        "period": [b_first.isoformat(), b_last.isoformat()],
        "k_between": k_between,
        "casualties_period": [c_first.isoformat(), c_last.isoformat()],
        "k_casualties": k_casualties,
        "group": group,
        "k_group": len(data.strikes_by_group(group)),
    }


def child_queries(spec: dict[str, Any]) -> dict[str, Any]:
    """One tool's cold and warm answers to the three questions, in a process of its own."""
    import datetime as dt
    import functools

    tool, group = spec["tool"], spec["group"]
    b_first, b_last = (dt.date.fromisoformat(d) for d in spec["period"])
    c_first, c_last = (dt.date.fromisoformat(d) for d in spec["casualties_period"])
    out: dict[str, Any] = {}
    calls: dict[str, dict[str, Callable[[], Any]]]

    if tool == "idlibstrikes":
        import idlibstrikes as isk

        data = isk.load(spec["path"], bundled=False)
        # cold: a dataset nothing has queried; the collector as the interpreter has it, as
        # a user's first questions meet it. The casualty question's strikes are found
        # first (untimed). The first casualties call of a process imports the casualty
        # module: a call over no strikes, timed apart, pays that; then the cold figure is
        # the casualties of the answer from the claims, nothing cached.
        gc.collect()
        out["cold_between_s"], _ = timed(lambda: data.strikes_between(b_first, b_last))
        gc.collect()
        out["cold_by_group_s"], _ = timed(lambda: data.strikes_by_group(group))
        answer = data.strikes_between(c_first, c_last)
        gc.collect()
        out["casualties_import_s"], _ = timed(lambda: data.casualties([]))
        gc.collect()
        out["cold_casualties_s"], cold = timed(lambda: data.casualties(answer))
        calls = {
            "between": {"": lambda: data.strikes_between(b_first, b_last)},
            "by_group": {"": lambda: data.strikes_by_group(group)},
            "casualties": {"": lambda: data.casualties(answer)},
        }

        def ids(found: Any) -> list[str]:
            return [s.id for s in found]

        figures = [cold.low, cold.high]
        warm_figures = calls["casualties"][""]()
        assert [warm_figures.low, warm_figures.high] == figures, "cached figures differ"
    else:
        with open(spec["columns"], encoding="utf-8") as file:
            cols = Columns(json.load(file))
        made: Any = {"pandas": Pandas, "polars": Polars, "duckdb": DuckDB}[tool](cols)
        del cols
        gc.collect()
        out["cold_between_s"], _ = timed(
            lambda: (made.build_dates(), made.between(b_first, b_last))
        )
        gc.collect()
        out["cold_by_group_s"], _ = timed(lambda: (made.build_groups(), made.by_group(group)))
        if tool == "duckdb":
            answer = made.between_arrow(c_first, c_last)
            casualties = made.prepared_casualties(answer)  # registers the answer, untimed
        else:
            answer = made.between(c_first, c_last)

            def casualties() -> tuple[int, int]:
                return made.casualties(answer)  # type: ignore[no-any-return]

        gc.collect()
        out["cold_casualties_s"], first = timed(casualties)
        figures = list(first)
        if tool == "pandas":
            between = {"sorted cut": made.between, "mask": made.between_mask}
            by_group = {"": made.by_group}
        elif tool == "polars":
            between = {"sorted cut": made.between, "filter": made.between_mask}
            by_group = {"": made.by_group}
        else:
            between = {"rows": made.between, "Arrow": made.between_arrow}
            by_group = {"rows": made.by_group, "Arrow": made.by_group_arrow}
        calls = {
            "between": {h: functools.partial(f, b_first, b_last) for h, f in between.items()},
            "by_group": {h: functools.partial(f, group) for h, f in by_group.items()},
            "casualties": {"": casualties},
        }
        ids = made.ids

    # every form a tool has must give the same strikes; the parent compares the tools
    for name in ("between", "by_group"):
        found = [sorted(ids(call())) for call in calls[name].values()]
        assert all(f == found[0] for f in found), f"{tool}: the forms of {name} differ"
        out[f"{name}_ids"] = found[0]
    out["casualties_ids"] = sorted(ids(answer))
    out["casualties_figures"] = figures

    # warm: three rounds, each form run repeat/3 times in a row per round after a warm-up,
    # the collector off while timing (a full collection over the loaded objects would land
    # on whichever call set it off)
    rounds, repeat = 3, spec["repeat"]
    runs: dict[str, dict[str, list[float]]] = {q: {h: [] for h in calls[q]} for q in QUESTIONS}
    gc.collect()
    gc.disable()
    try:
        for _ in range(rounds):
            for name in QUESTIONS:
                for how, call in calls[name].items():
                    call()
                    for _ in range(max(1, repeat // rounds)):
                        runs[name][how].append(timed(call)[0])
    finally:
        gc.enable()
    out["warm_runs_s"] = runs
    if tool == "duckdb":
        made.con.close()
    return out


CHILDREN: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "load": child_load,
    "resident": child_resident,
    "traced": child_traced,
    "prepare": child_prepare,
    "queries": child_queries,
}


def child_env() -> dict[str, str]:
    """The environment of the measuring processes: bytecode is read and written, as on a
    normal install (``PYTHONDONTWRITEBYTECODE`` would make every import compile)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def compile_package() -> None:
    """Compile the package to bytecode first, as an installation does, so that no
    measuring process pays for it (an editable install is not compiled)."""
    import subprocess

    import idlibstrikes

    folder = os.path.dirname(idlibstrikes.__file__)
    command = [sys.executable, "-m", "compileall", "-q", folder]
    subprocess.run(command, env=child_env(), check=True, capture_output=True)


def in_fresh_process(kind: str, **spec: Any) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter (this file with ``--child``)."""
    import subprocess

    command = [
        sys.executable,
        os.path.abspath(__file__),
        "--child",
        json.dumps({"kind": kind, **spec}),
    ]
    done = subprocess.run(command, capture_output=True, text=True, env=child_env())
    if done.returncode:
        raise RuntimeError(f"the measuring process ({kind}) failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# --- what is asked -------------------------------------------------------------------------


def centred_period(data: isk.Dataset, wanted: int) -> tuple[dt.date, dt.date, int]:
    """The shortest period, centred on the middle strike, holding ``wanted`` single strikes.

    If the data hold fewer, the period that holds them all.
    """
    import datetime as dt

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


def columns(data: isk.Dataset) -> dict[str, list[Any]]:
    """The data as plain columns, in the file's order (by strike id); a row's ``pos`` is
    its place in that order. Written by the preparing process for the yardsticks."""
    strikes = sorted(data.strikes, key=lambda s: s.id)
    cols: dict[str, list[Any]] = {
        "ids": [s.id for s in strikes],
        "scope": [s.scope.value for s in strikes],
        "start": [s.date.earliest.toordinal() for s in strikes],
        "end": [s.date.latest.toordinal() for s in strikes],
    }
    # one row per (strike, group it names), and per casualty claim
    cols["target_pos"], cols["target_group"] = [], []
    for pos, s in enumerate(strikes):
        for g in sorted({t.id for t in s.targets}):
            cols["target_pos"].append(pos)
            cols["target_group"].append(g)
    for name in ("claim_pos", "victims", "outcome", "low", "high"):
        cols[name] = []
    for pos, s in enumerate(strikes):
        for c in s.claims:
            cols["claim_pos"].append(pos)
            cols["victims"].append(c.victims.value)
            cols["outcome"].append(c.outcome.value)
            cols["low"].append(c.low)
            cols["high"].append(c.low if c.high is None else c.high)
    return cols


class Columns:
    """The columns written by ``columns``, as attributes; ``n`` strikes."""

    def __init__(self, cols: dict[str, list[Any]]) -> None:
        self.n = len(cols["ids"])
        self.ids: list[str] = cols["ids"]
        self.scope: list[str] = cols["scope"]
        self.start: list[int] = cols["start"]
        self.end: list[int] = cols["end"]
        self.target_pos: list[int] = cols["target_pos"]
        self.target_group: list[str] = cols["target_group"]
        self.claim_pos: list[int] = cols["claim_pos"]
        self.victims: list[str] = cols["victims"]
        self.outcome: list[str] = cols["outcome"]
        self.low: list[int] = cols["low"]
        self.high: list[int] = cols["high"]


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
        start, end = (np.array(days, dtype=np.int32) for days in (cols.start, cols.end))
        self.raw = pd.DataFrame(
            {
                "id": pd.array(cols.ids, dtype="str"),
                "scope": pd.Categorical(cols.scope),
                "start": start,
                "end": end,
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
                    "start_date": pa.array([d - UNIX_EPOCH for d in cols.start], pa.int32()).cast(
                        day
                    ),
                    "end_date": pa.array([d - UNIX_EPOCH for d in cols.end], pa.int32()).cast(day),
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
        import datetime as dt

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


def bench_size(n: int, args: Any, folder: Path) -> dict[str, Any]:
    """Every measure for one size, each in fresh processes, in rounds that alternate them."""
    from idlibstrikes.testing import synthetic

    path = synthetic.write(folder / str(n), n, seed=1)
    cols_path = folder / f"columns-{n}.json"
    out: dict[str, Any] = {"n": n, "file_mib": path.stat().st_size / 2**20}
    out["gc_enabled"], out["gc_threshold"] = gc.isenabled(), list(gc.get_threshold())
    say("the questions, and the yardsticks' columns")
    asked = in_fresh_process("prepare", path=str(path), columns=str(cols_path))
    out.update(asked)
    say("memory (resident, a fresh process that loads once)")
    out.update(in_fresh_process("resident", path=str(path), n=n))

    load_rounds = args.load_rounds or default_load_rounds(n)
    query_rounds = args.query_rounds or default_query_rounds(n)
    warm = n <= args.warm_load_up_to
    out.update(load_rounds=load_rounds, query_rounds=query_rounds, warm_load=warm)
    loads: dict[tuple[str, bool], list[dict[str, Any]]] = {}
    answers: dict[str, list[dict[str, Any]]] = {tool: [] for tool in TOOLS}
    for r in range(1, max(load_rounds, query_rounds) + 1):
        if r <= load_rounds:
            say(f"round {r} of {load_rounds}: loads (json.loads and isk.load, collector on, off)")
            for collector in (True, False):
                for tool in ("json", "idlibstrikes"):
                    timing = in_fresh_process(
                        "load", path=str(path), tool=tool, collector=collector, warm=warm
                    )
                    loads.setdefault((tool, collector), []).append(timing)
        if r <= query_rounds:
            say(f"round {r} of {query_rounds}: queries, a process per tool")
            for tool in TOOLS:
                asked_one = in_fresh_process(
                    "queries",
                    tool=tool,
                    path=str(path),
                    columns=str(cols_path),
                    period=asked["period"],
                    casualties_period=asked["casualties_period"],
                    group=asked["group"],
                    repeat=args.repeat,
                )
                answers[tool].append(asked_one)
    if n <= args.trace_up_to:
        say("memory (tracemalloc, a fresh process)")
        out.update(in_fresh_process("traced", path=str(path), n=n))
    path.unlink()
    cols_path.unlink()

    # loads: medians over the processes
    for (tool, collector), timings in loads.items():
        name = ("json" if tool == "json" else "load") + ("" if collector else "_nogc")
        for label in ("cold", "warm") if warm else ("cold",):
            runs = [f[f"{label}_s"] for f in timings]
            key = name if label == "cold" else f"{name}_warm"
            out[f"{key}_runs_s"], out[f"{key}_s"] = runs, median(runs)
    first = [f["first_query_s"] for f in loads["idlibstrikes", True]]
    out["first_query_runs_s"], out["first_query_s"] = first, median(first)

    # the tools must agree before their times mean anything: the same strikes (single
    # strikes only, as the library answers unless asked for series) for both periods and
    # the group. The casualty yardsticks compute each strike's smallest and largest figure
    # for all victims killed (the rule before the accounts of issue F) and must agree with
    # each other; the library computes accounts, which is more work, and is timed on that.
    for name, k in (
        ("between", "k_between"),
        ("by_group", "k_group"),
        ("casualties", "k_casualties"),
    ):
        wanted = answers["idlibstrikes"][0][f"{name}_ids"]
        assert len(wanted) == out[k], f"{name}: the library's answer changed size"
        for tool, processes in answers.items():
            for one in processes:
                assert one[f"{name}_ids"] == wanted, f"{name}: {tool} differs"
    figures = {
        tool: {tuple(f["casualties_figures"]) for f in processes}
        for tool, processes in answers.items()
    }
    assert figures["pandas"] == figures["polars"] == figures["duckdb"], figures
    assert len(figures["pandas"]) == len(figures["idlibstrikes"]) == 1, figures
    out["casualties_yardstick_range"] = list(figures["pandas"].pop())
    out["casualties_idlibstrikes_range"] = list(figures["idlibstrikes"].pop())

    # cold: medians over the processes; warm: the median of every run of every process
    imports = [f["casualties_import_s"] for f in answers["idlibstrikes"]]
    out["casualties_import_runs_s"], out["casualties_import_s"] = imports, median(imports)
    for tool, processes in answers.items():
        for name in QUESTIONS:
            runs = [f[f"cold_{name}_s"] for f in processes]
            out[f"cold_{name}_{tool}_runs_s"] = runs
            out[f"cold_{name}_{tool}_s"] = median(runs)
    for name in QUESTIONS:
        variants: dict[str, float] = {}
        for tool, processes in answers.items():
            for how in processes[0]["warm_runs_s"][name]:
                pooled = [t for f in processes for t in f["warm_runs_s"][name][how]]
                variants[f"{tool}/{how}" if how else tool] = median(pooled)
        out[f"{name}_variants_s"] = variants
        for tool in TOOLS:
            best = min((v, k) for k, v in variants.items() if k.split("/")[0] == tool)
            out[f"{name}_{tool}_s"] = best[0]
            out[f"{name}_{tool}_how"] = best[1].partition("/")[2]
        fastest = min(YARDSTICKS, key=lambda t: out[f"{name}_{t}_s"])
        out[f"{name}_fastest_yardstick"] = fastest
    return out


# --- start-up ------------------------------------------------------------------------------


def installed_copy(folder: Path, env: dict[str, str]) -> str:
    """Build a wheel of the package, install it into ``folder``/site and put that first on
    ``env``'s ``PYTHONPATH``; returns how the package will be imported."""
    import subprocess
    from pathlib import Path

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
    import subprocess
    import tempfile
    from pathlib import Path

    import idlibstrikes as isk

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
    found: dict[str, Any] = {k: median(v) for k, v in times.items()}
    found.update(install=how, repeat=repeat, runs=times)
    return found


# --- the report ----------------------------------------------------------------------------


def versions() -> dict[str, str]:
    """The versions and machine the numbers were measured with."""
    import platform
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


def runs_text(runs: list[float]) -> str:
    """The runs behind a median, in milliseconds."""
    return ", ".join(ms(x) for x in runs)


def targets(results: list[dict[str, Any]], start: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Each target, what was measured, and whether it is met."""
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

    def load(r: dict[str, Any]) -> str:
        text = (
            f"{r['load_s'] / r['json_s']:.2f} × ({ms(r['load_s'])} ms against "
            f"{ms(r['json_s'])} ms, medians of {r['load_rounds']} processes each); "
            f"collector off: {r['load_nogc_s'] / r['json_nogc_s']:.2f} × "
            f"({ms(r['load_nogc_s'])} against {ms(r['json_nogc_s'])} ms)"
        )
        if r["warm_load"]:
            text += (
                f"; warm: {r['load_warm_s'] / r['json_warm_s']:.2f} ×, collector off "
                f"{r['load_nogc_warm_s'] / r['json_nogc_warm_s']:.2f} ×"
            )
        return text

    for n, most in ((2 * 10**4, 3), (10**5, 2)):
        row(
            f"load of {n_text(n)} strikes ≤ {most} × `json.loads` (fresh processes, collector on)",
            n,
            lambda r, most=most: (load(r), r["load_s"] <= most * r["json_s"]),
        )
    row(
        "first query at 10^5 (fresh load, index built) ≤ 50 ms",
        10**5,
        lambda r: (
            f"{ms(r['first_query_s'])} ms (median of {len(r['first_query_runs_s'])}, each "
            f"straight after a load in a fresh process: {runs_text(r['first_query_runs_s'])}"
            f" ms; after a full collection: {ms(r['cold_between_idlibstrikes_s'])} ms)",
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
        "`casualties` over ~1,000 strikes at 10^5, warm (summaries cached), at least as fast "
        "as Polars",
        10**5,
        lambda r: (
            f"{r['casualties_polars_s'] / r['casualties_idlibstrikes_s']:.2f} × faster "
            f"({r['k_casualties']:,} strikes: idlibstrikes {ms(r['casualties_idlibstrikes_s'])}"
            f" ms, Polars {ms(r['casualties_polars_s'])} ms)",
            r["casualties_idlibstrikes_s"] <= r["casualties_polars_s"],
        ),
    )
    row(
        "`casualties` over ~1,000 strikes at 10^5, cold (a fresh dataset: from the claims), "
        "≤ 5 × Polars (from the claims)",
        10**5,
        lambda r: (
            f"{cold_ratio(r):.2f} × ({r['k_casualties']:,} strikes: idlibstrikes "
            f"{ms(r['cold_casualties_idlibstrikes_s'])} ms, median of "
            f"{len(r['cold_casualties_idlibstrikes_runs_s'])} fresh processes: "
            f"{runs_text(r['cold_casualties_idlibstrikes_runs_s'])} ms; Polars "
            f"{ms(r['casualties_polars_s'])} ms)",
            cold_ratio(r) <= 5,
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


def cold_ratio(r: dict[str, Any]) -> float:
    """The library's casualties from the claims, against Polars' (always from the claims)."""
    return float(r["cold_casualties_idlibstrikes_s"]) / float(r["casualties_polars_s"])


def report(
    results: list[dict[str, Any]],
    start: dict[str, Any],
    info: dict[str, str],
    raw_numbers: str | None = None,
) -> str:
    """The results as Markdown tables."""
    import datetime as dt

    info = dict(info)
    lines = [MARK, "", f"Measured {dt.date.today()} on {info.pop('machine')}; versions: "]
    lines[-1] += ", ".join(f"{k} {v}" for k, v in info.items()) + "."
    if results:
        r0 = results[0]
        lines[-1] += (
            f" Collector: {'enabled' if r0['gc_enabled'] else 'disabled'}, thresholds "
            f"{tuple(r0['gc_threshold'])}. Every figure comes from fresh processes, one "
            "per measurement (see above)."
        )
    lines += [
        "",
        "### Targets",
        "",
        "| target | measured | |",
        "|---|---|---|",
        *(f"| {t} | {m} | {s} |" for t, m, s in targets(results, start)),
    ]
    load_columns = (
        "| N | file (MiB) | processes | json.loads (ms) | isk.load (ms) | load / json | "
        "json.loads, collector off (ms) | isk.load, collector off (ms) | load / json, off |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    )
    for label, title, note in (
        (
            "",
            "Loading, cold: the first load in a fresh process",
            "Each figure the median over that many processes, each of which imports what its "
            "call needs (the package, or `json`) and makes that one call; the collector as "
            "the interpreter has it, or disabled around the call.",
        ),
        (
            "_warm",
            "Loading, warm: a second load in the same process",
            "In the same processes, after the first result is dropped and a full collection.",
        ),
    ):
        shown = [r for r in results if not label or r["warm_load"]]
        if not shown:
            continue
        lines += ["", f"### {title}", "", note, "", *load_columns]
        for r in shown:
            on, off = (r[f"load{x}{label}_s"] / r[f"json{x}{label}_s"] for x in ("", "_nogc"))
            lines.append(
                f"| {r['n']:,} | {r['file_mib']:.1f} | {r['load_rounds']} | "
                f"{ms(r[f'json{label}_s'])} | {ms(r[f'load{label}_s'])} | {on:.2f} × | "
                f"{ms(r[f'json_nogc{label}_s'])} | {ms(r[f'load_nogc{label}_s'])} | "
                f"{off:.2f} × |"
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
        "### Cold: the first query in a fresh process, with the index, sort or build it needs (ms)",
        "",
        "Medians over the processes (per tool: "
        + ", ".join(f"{r['query_rounds']} at N = {r['n']:,}" for r in results)
        + "). The library's `casualties` works from the claims (nothing cached; its module "
        "already imported, see below); each yardstick's is its first call. The warm "
        "figures below are medians of every run of those processes.",
        "",
        "| N | question | " + " | ".join(LABELS[t] for t in TOOLS) + " |",
        "|---:|---|" + "---:|" * len(TOOLS),
    ]
    for r in results:
        for name, title in (
            ("between", "`strikes_between`"),
            ("by_group", "`strikes_by_group`"),
            ("casualties", "`casualties`"),
        ):
            cells = " | ".join(ms(r[f"cold_{name}_{t}_s"]) for t in TOOLS)
            lines.append(f"| {r['n']:,} | {title} | {cells} |")
    for name, title in (
        ("between", "`strikes_between` at about 1% selectivity"),
        ("by_group", "`strikes_by_group` (the most-targeted group)"),
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
            k = r["k_between" if name == "between" else "k_group"]
            warm = []
            for t in TOOLS:
                how = r[f"{name}_{t}_how"]
                warm.append(ms(r[f"{name}_{t}_s"]) + (f" ({how})" if how else ""))
            fastest = LABELS[r[f"{name}_fastest_yardstick"]]
            tail = f"{times(ratio(r, name))} ({fastest})"
            lines.append(f"| {r['n']:,} | {k:,} | {' | '.join(warm)} | {tail} |")
    lines += [
        "",
        "### `casualties` over the answer of a period of about 1,000 strikes, cold and warm (ms)",
        "",
        "The library's columns: cold, its casualties of the answer on a freshly loaded dataset, "
        "from the "
        "claims, nothing cached (median over the processes); the module import a process's "
        "first call pays (import) is timed apart, by a call over no strikes just before; warm, the "
        "same call again, each strike's summary cached. The yardsticks compute from the "
        "claims on every call; their warm medians are given (their first calls are in the "
        "cold table above).",
        "",
        "| N | answer | cold | import | warm |",
        "|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['n']:,} | {r['k_casualties']:,} | {ms(r['cold_casualties_idlibstrikes_s'])} | "
            f"{ms(r['casualties_import_s'])} | {ms(r['casualties_idlibstrikes_s'])} |"
        )
    # the yardsticks and the ratios in a table of their own: one table of all ten columns
    # is wider than the page's column
    lines += [
        "",
        "| N | pandas | Polars | DuckDB | cold / Polars | Polars / warm |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['n']:,} | {ms(r['casualties_pandas_s'])} | "
            f"{ms(r['casualties_polars_s'])} | {ms(r['casualties_duckdb_s'])} | "
            f"{times(cold_ratio(r))} | "
            f"{times(r['casualties_polars_s'] / r['casualties_idlibstrikes_s'])} |"
        )
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


def default_load_rounds(n: int) -> int:
    """Rounds of load processes: a load of 10^6 strikes swings most from run to run."""
    return 5 if n <= 2 * 10**4 else 3


def default_query_rounds(n: int) -> int:
    """Rounds of query processes (each loads the file first, untimed)."""
    return 5 if n <= 2 * 10**4 else 3 if n <= 10**5 else 1


def main() -> None:
    """Run the benchmarks and print (or write) the tables."""
    if len(sys.argv) == 3 and sys.argv[1] == "--child":  # a measuring process
        spec = json.loads(sys.argv[2])
        print(json.dumps(CHILDREN[spec.pop("kind")](spec)))
        return
    import argparse
    import tempfile
    from pathlib import Path

    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--repeat", type=int, default=21, help="warm runs per query and process")
    parser.add_argument(
        "--load-rounds",
        type=int,
        help="rounds of load processes per size (default: 5 up to 2x10^4 strikes, then 3)",
    )
    parser.add_argument(
        "--query-rounds",
        type=int,
        help="rounds of query processes per size (default: 5 up to 2x10^4 strikes, 3 up to "
        "10^5, then 1)",
    )
    parser.add_argument(
        "--warm-load-up-to",
        type=int,
        default=10**5,
        help="time a second (warm) load in each load process up to this N",
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
    root = Path(ROOT)
    if args.write and not args.json:
        args.json = root / "benchmarks" / "results.json"

    results = []
    began = time.perf_counter()
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            print(f"N = {n:,} ...", file=sys.stderr, flush=True)
            results.append(bench_size(n, args, Path(tmp)))
    print("start-up ...", file=sys.stderr, flush=True)
    start = startup(args.startup_repeat) if args.startup_repeat else {}
    info = versions()
    print(f"took {time.perf_counter() - began:.0f} s", file=sys.stderr)
    raw_numbers = None
    if args.json:
        raw = {"sizes": results, "startup": start, **info}
        args.json.write_text(json.dumps(raw, indent=1) + "\n", encoding="utf-8")
        where = args.json.resolve()
        raw_numbers = str(where.relative_to(root) if where.is_relative_to(root) else where)
    text = report(results, start, info, raw_numbers)
    if args.write:
        page = args.write.read_text(encoding="utf-8")
        head, _, rest = page.partition(MARK) if MARK in page else (page + "\n", "", "")
        tail = rest.partition(END)[2] if END in rest else "\n"
        args.write.write_text(head + text.rstrip("\n") + tail, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
