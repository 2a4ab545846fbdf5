"""Fuzzing the loader: mutated data files load whole or raise DataError, never anything else.

Each run mutates the bundled data files and the example user file FUZZ_MUTATIONS times
(2,000 by default, times FUZZ_SCALE) with a seeded generator, so a failure can be reproduced
from the seed and the mutation's index, which the failure message gives. Every outcome is
checked against the loader's promises (``promises.keeps_promises``).
"""

from __future__ import annotations

import copy
import json
import os
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import idlibstrikes as isk

from .promises import SCALE, attempt, keeps_promises

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "idlibstrikes" / "data"
EXAMPLE = ROOT / "examples" / "new-article.json"
MUTATIONS = int(os.environ.get("FUZZ_MUTATIONS", round(2000 * SCALE)))
SEED = int(os.environ.get("FUZZ_SEED", "20261123"))

_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1.5,
    10**30,
    "",
    " ",
    "x",
    "2019-13-45",
    "SA(-9)",
    "0001-01-01",
    "9999-12-31",
    [],
    {},
    [1, "a"],
    {"text": "t"},
    {"text": "t", "span": "2019"},
    {"text": "t", "relative": {"years": -3000}, "anchor": "000_e4fa0e6bef30d977.txt"},
    {"text": "t", "relative": {"weekday": "SA(-1)"}, "anchor": "example-0001.txt"},
    {"text": "t", "earliest": "0001-01-01", "reasoning": "r"},
    {"text": "t", "latest": "0001-01-01", "reasoning": "r"},
]
_KEYS = [
    "id",
    "kind",
    "source",
    "quote",
    "low",
    "high",
    "date",
    "span",
    "relative",
    "anchor",
    "earliest",
    "latest",
    "other",
    "relation",
    "targets",
    "place",
    "about",
    "extra",
    "Id",
]


def containers(node: Any) -> Iterator[Any]:
    """Every dict and list inside ``node``, ``node`` included."""
    todo = [node]
    while todo:
        current = todo.pop()
        if isinstance(current, dict):
            yield current
            todo.extend(current.values())
        elif isinstance(current, list):
            yield current
            todo.extend(current)


def pick(rng: random.Random, doc: Any, kind: type) -> Any:
    found = [c for c in containers(doc) if isinstance(c, kind) and c]
    return rng.choice(found) if found else None


def delete_key(rng: random.Random, doc: Any) -> str:
    d = pick(rng, doc, dict)
    if d is None:
        return "nothing to delete"
    key = rng.choice(list(d))
    del d[key]
    return f"delete {key!r}"


def insert_key(rng: random.Random, doc: Any) -> str:
    d = pick(rng, doc, dict)
    if d is None:
        return "no object"
    key = rng.choice(_KEYS)
    d[key] = copy.deepcopy(rng.choice(_VALUES))
    return f"insert {key!r}"


def rename_key(rng: random.Random, doc: Any) -> str:
    d = pick(rng, doc, dict)
    if d is None:
        return "no object"
    key = rng.choice(list(d))
    d[rng.choice([key + "s", key.upper(), key[:-1] or "k"])] = d.pop(key)
    return f"rename {key!r}"


def retype(rng: random.Random, doc: Any) -> str:
    container = pick(rng, doc, rng.choice([dict, list]))
    if container is None:
        return "no container"
    if isinstance(container, dict):
        key: Any = rng.choice(list(container))
    else:
        key = rng.randrange(len(container))
    container[key] = copy.deepcopy(rng.choice(_VALUES))
    return f"retype {key!r}"


def break_reference(rng: random.Random, doc: Any) -> str:
    d = pick(rng, doc, dict)
    if d is None:
        return "no object"
    strings = [k for k, v in d.items() if isinstance(v, str)]
    if not strings:
        return "no string"
    key = rng.choice(strings)
    d[key] = rng.choice([d[key] + "-x", d[key][:-1], "", d[key].upper()])
    return f"break {key!r}"


def duplicate(rng: random.Random, doc: Any) -> str:
    lst = pick(rng, doc, list)
    if lst is None:
        return "no list"
    lst.append(json.loads(json.dumps(rng.choice(lst))))
    return "duplicate an item"


def nest(rng: random.Random, doc: Any) -> str:
    d = pick(rng, doc, dict)
    if d is None:
        return "no object"
    depth = rng.choice([5, 50, 500])
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    d[rng.choice(list(d) or ["k"])] = value
    return f"nest {depth} deep"


STRUCTURAL: list[Callable[[random.Random, Any], str]] = [
    delete_key,
    insert_key,
    rename_key,
    retype,
    break_reference,
    duplicate,
    nest,
]


def byte_mutation(rng: random.Random, raw: bytes) -> tuple[bytes, str]:
    n = len(raw)
    op = rng.randrange(6)
    i, j = sorted((rng.randrange(n), rng.randrange(n)))
    if op == 0:
        b = bytearray(raw)
        b[i], b[j] = b[j], b[i]
        return bytes(b), f"swap bytes {i},{j}"
    if op == 1:
        return raw[:i], f"truncate at {i}"
    if op == 2:
        junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8)))
        return raw[:i] + junk + raw[i:], f"insert {junk!r} at {i}"
    if op == 3:
        return raw[:i] + raw[j:], f"delete {i}:{j}"
    if op == 4:
        return raw[:i] + b"\xff\xfe" + raw[i + 2 :], f"invalid UTF-8 at {i}"
    depth = rng.choice([1000, 100_000])
    return raw[:i] + b"[" * depth + b"]" * depth + raw[i:], f"nest {depth} deep at {i}"


def test_mutated_files_load_or_raise_data_error(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    # the articles' data files: the reader is the same for the lists', and loading the whole
    # record two thousand times would take CI's budget
    bundled = sorted(DATA.glob("*.json"))
    bases = [*bundled, EXAMPLE]
    outcomes = {"loaded": 0, "DataError": 0}
    for n in range(MUTATIONS):
        base = rng.choice(bases)
        raw = base.read_bytes()
        if rng.random() < 0.7:
            doc = json.loads(raw)
            steps = [rng.choice(STRUCTURAL)(rng, doc) for _ in range(rng.randint(1, 3))]
            what = "; ".join(steps)
            text = json.dumps(doc, ensure_ascii=rng.random() < 0.5, indent=1)
            mutated = text.encode("utf-8", "surrogatepass")
        else:
            mutated, what = byte_mutation(rng, raw)
        target = tmp_path / f"m{n % 7}" / base.name
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(mutated)
        label = f"#{n} (seed {SEED}) {base.name}: {what}"
        if base == EXAMPLE:
            files = [*bundled, target]
            outcome = attempt(
                label, *bundled, target, bundled=False, articles=EXAMPLE.parent / "articles"
            )
        else:
            files = [target, *(p for p in bundled if p != base)]
            outcome = attempt(label, *files, bundled=False)
        outcomes["loaded" if isinstance(outcome, isk.Dataset) else "DataError"] += 1
        # every record kept, and written back equal (on every fifth, to keep CI quick)
        if isinstance(outcome, isk.DataError) or outcomes["loaded"] % 5 == 1:
            keeps_promises(label, outcome, files, tmp_path)
    assert sum(outcomes.values()) == MUTATIONS
    # the mutations must bite: most are caught, some still load
    assert outcomes["DataError"] > MUTATIONS // 2
    assert outcomes["loaded"] > 0
