"""No public object exposes a mutable container; records hash by value; sharing is safe."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

import attrs

import idlibstrikes as isk

DATA = Path(__file__).resolve().parents[1] / "src" / "idlibstrikes" / "data"


def reachable(obj: object) -> Iterator[object]:
    seen: set[int] = set()
    todo = [obj]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if isinstance(current, tuple):
            todo.extend(current)
        elif attrs.has(type(current)):
            todo.extend(
                getattr(current, f.name)
                for f in attrs.fields(type(current))
                if not f.name.startswith("_")
            )


def test_no_mutable_container_anywhere(data: isk.Dataset) -> None:
    kinds = {type(o) for o in reachable(data)}
    assert not kinds & {list, dict, set, bytearray}
    allowed = {tuple, str, int, float, bool, type(None), __import__("datetime").date}
    odd = {k for k in kinds if not (attrs.has(k) or issubclass(k, Enum) or k in allowed)}
    assert odd == set()


def test_records_are_frozen(data: isk.Dataset) -> None:
    strike = data.strikes[0]
    for obj, name in ((strike, "place"), (strike.date, "earliest"), (data, "strikes")):
        try:
            setattr(obj, name, None)
        except attrs.exceptions.FrozenInstanceError:
            pass
        else:  # pragma: no cover - a failure
            raise AssertionError(f"{type(obj).__name__}.{name} could be set")


def test_records_hash_and_compare_by_value(data: isk.Dataset) -> None:
    rebuilt = isk.load("examples/new-article.json", sources="articles")
    jinah_a, jinah_b = data.strike("2017-03-al-jinah"), rebuilt.strike("2017-03-al-jinah")
    assert jinah_a is not jinah_b
    assert jinah_a == jinah_b
    assert hash(jinah_a) == hash(jinah_b)
    camp_a = data.strike("2019-08-31-idlib-training-camp")
    camp_b = rebuilt.strike("2019-08-31-idlib-training-camp")
    assert camp_a != camp_b  # the example file adds a claim to it
    assert len(set(data.strikes) | set(rebuilt.strikes)) == len(data.strikes) + 1
    assert hash(data) == hash(isk.load(*sorted(DATA.glob("*.json")), bundled=False))


def test_the_cached_dataset_is_safe_to_share_between_threads() -> None:
    code = """
import threading, idlibstrikes as isk
results, answers = [], []
barrier = threading.Barrier(8)
def work():
    barrier.wait()
    data = isk.load(sources="articles")
    results.append(data)
    answers.append(tuple(s.id for s in data.strikes_by_group("Hurras al-Din")))
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
assert len(results) == 8 and all(r is results[0] for r in results)
assert len(set(answers)) == 1 and len(answers[0]) == 4
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "ok", done.stderr
