"""The bundled dataset, ready-built: a JSON snapshot of its records for a fast first load.

Maintainer's note: ``isk.load()`` with no arguments would parse the bundled data files
and check every field, reference and summary (about 70 ms for the whole record). The
records it builds are the same on every start, so the package also ships them as built,
in ``snapshot/bundled.json``: generated from the data files by
``python -m idlibstrikes._snapshot`` and checked by ``tests/test_snapshot.py`` to load
equal to them. It is plain JSON read with ``json``, and records are made from it by
setting their fields; nothing in it is run (no pickle, no eval), and only the record
classes named here can be made. Reading it takes about 7 ms of a first answer's 80
(``benchmarks/run.py --startup``); the layout below is what made that so.

The snapshot is used only while it matches: the checksum of the data files it was made
from, and the fields of every record class, must equal today's. Otherwise (a data file
edited, a field added, no snapshot at all) the bundled files are loaded, and checked, as
before. User files always take the checked path.

Encoding, made to be read fast: records are numbered class by class (``classes``, in
name order, each ``[class, count, column, ...]``), and a class's fields are written as
columns, one per field in field order, each ``[codec, values]`` with one value a record.
The codec says how every value of the column is read (``CODECS``): JSON's own, a
record's number, a date's ordinal, a word of a vocabulary, or a tuple of one of those;
null is ``None``. Where most records of a class hold one value (an empty quote, no
row), the column is ``[codec, the others' values, that value, the others' positions]``.
``dataset`` gives each kind's records by number. Reading makes every record empty first,
then sets their fields column by column, so a record may name one numbered after it.
The file is ASCII (other letters escaped), which ``json`` reads faster than UTF-8.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import zlib
from collections import Counter, deque
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

import attrs

from . import _models
from ._dates import DatePrecision, DateRange

__all__ = ["bundled_records", "data_digest", "encode"]

FORMAT = 2
_PLAIN = frozenset({str, int, float, bool, type(None)})  # a JSON value that is its own


class CODECS:
    """How a column's values are written (see the module's note)."""

    PLAIN = "="  # JSON's own value, or null
    PLAINS = "=*"  # a tuple of those
    RECORD = "r"  # a record's number, or null
    RECORDS = "r*"  # a tuple of records' numbers
    DATE = "d"  # a date's ordinal, or null
    WORD = "w:"  # + a vocabulary's name: a word's value, or null
    WORDS = "w*:"  # + a vocabulary's name: a tuple of words' values


_HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(_HERE, "data")
SNAPSHOT = os.path.join(_HERE, "snapshot", "bundled.json")

#: The classes a snapshot can make, by name: the records and the vocabularies.
RECORDS: dict[str, type] = {
    name: cls for name in _models.__all__ if attrs.has(cls := getattr(_models, name))
} | {"DateRange": DateRange}
VOCABULARIES: dict[str, type[Enum]] = {
    name: cls
    for name in _models.__all__
    if isinstance(cls := getattr(_models, name), type) and issubclass(cls, Enum)
} | {"DatePrecision": DatePrecision}


def layout() -> dict[str, list[str]]:
    """Each record class's fields, in order: a snapshot is read only if they are unchanged."""
    return {name: [a.name for a in attrs.fields(cls)] for name, cls in sorted(RECORDS.items())}


def data_digest() -> str:
    """A checksum of the bundled data files: each one's name, size and CRC-32, in name order.

    Not a cryptographic hash: it tells a snapshot made from other data files (an edit not
    followed by ``python -m idlibstrikes._snapshot``), cheaply, on every start.
    """
    parts = []
    for folder, prefix in ((DATA, ""), (os.path.join(DATA, "reported"), "reported/")):
        if not os.path.isdir(folder):
            continue
        for name in sorted(n for n in os.listdir(folder) if n.endswith(".json")):
            with open(os.path.join(folder, name), "rb") as file:
                data = file.read()
            parts.append(f"{prefix}{name}:{len(data)}:{zlib.crc32(data):08x}")
    return " ".join(parts)


# -- writing --------------------------------------------------------------------------------
def encode(records: Mapping[str, tuple[Any, ...]], digest: str) -> dict[str, Any]:
    """The snapshot document of a dataset's ``records``, made from files with ``digest``.

    ``records`` are by kind, as the loader gives them: ``{"strikes": (...), ...}``.
    """
    found: list[Any] = []  # every record once, in the order first met
    seen: dict[int, int] = {}  # id() -> place in found (found keeps the records alive)

    def visit(v: Any) -> None:
        if isinstance(v, tuple):
            for x in v:
                visit(x)
        elif attrs.has(cls := type(v)) and id(v) not in seen:
            if RECORDS.get(cls.__name__) is not cls:
                raise TypeError(f"a snapshot cannot hold {cls.__name__}")
            seen[id(v)] = len(found)
            found.append(v)
            for a in attrs.fields(cls):
                visit(getattr(v, a.name))

    for kind in records.values():
        visit(tuple(kind))
    # numbered class by class (classes in name order), each class's records as first met
    by_class: dict[str, list[Any]] = {}
    for r in found:
        by_class.setdefault(type(r).__name__, []).append(r)
    number: dict[int, int] = {}
    for name in sorted(by_class):
        for r in by_class[name]:
            number[id(r)] = len(number)
    classes = [
        [name, len(rs), *(_column([getattr(r, a.name) for r in rs], number) for a in fields)]
        for name in sorted(by_class)
        for rs in (by_class[name],)
        for fields in (attrs.fields(RECORDS[name]),)
    ]
    return {
        "idlibstrikes_snapshot": FORMAT,
        "data_digest": digest,
        "layout": layout(),
        "classes": classes,
        "dataset": {kind: [number[id(r)] for r in rs] for kind, rs in records.items()},
    }


def _column(values: list[Any], number: dict[int, int]) -> list[Any]:
    """One field of every record of a class, as the module's note says.

    ``[codec, values]``; or, where most records hold one value, ``[codec, the others'
    values, that value, the others' positions]``: half the values or fewer to read.
    """
    codec, encoded = _dense(values, number)
    keys = [json.dumps(v) for v in encoded]
    usual, count = Counter(keys).most_common(1)[0] if keys else ("null", 0)
    if 2 * count <= len(keys):
        return [codec, encoded]
    others = [i for i, key in enumerate(keys) if key != usual]
    return [codec, [encoded[i] for i in others], json.loads(usual), others]


def _dense(values: list[Any], number: dict[int, int]) -> tuple[str, list[Any]]:
    present = [v for v in values if v is not None]
    kinds = {type(v) for v in present}
    items = [x for v in present if isinstance(v, tuple) for x in v]
    if kinds <= _PLAIN:
        return CODECS.PLAIN, values
    if kinds == {dt.date}:
        return CODECS.DATE, [None if v is None else v.toordinal() for v in values]
    if len(kinds) == 1 and issubclass(enum := next(iter(kinds)), Enum):
        return f"{CODECS.WORD}{enum.__name__}", [None if v is None else v.value for v in values]
    if all(type(v).__name__ in RECORDS for v in present):
        return CODECS.RECORD, [None if v is None else number[id(v)] for v in values]
    if kinds == {tuple} and None not in values:
        kinds = {type(x) for x in items}
        if kinds <= _PLAIN:
            return CODECS.PLAINS, [list(v) for v in values]
        if len(kinds) == 1 and issubclass(enum := next(iter(kinds)), Enum):
            return f"{CODECS.WORDS}{enum.__name__}", [[x.value for x in v] for v in values]
        if all(type(x).__name__ in RECORDS for x in items):
            return CODECS.RECORDS, [[number[id(x)] for x in v] for v in values]
    raise TypeError(f"a snapshot cannot hold the values {sorted(k.__name__ for k in kinds)}")


def write() -> str:
    """Write the snapshot of the bundled data files (built by the checked loader)."""
    from ._collector import collector_paused
    from ._files import read_bundled
    from ._load import build

    with collector_paused():
        records, _ = build(read_bundled())
    doc = encode(records, data_digest())
    os.makedirs(os.path.dirname(SNAPSHOT), exist_ok=True)
    with open(SNAPSHOT, "w", encoding="utf-8", newline="\n") as file:
        # ASCII, non-ASCII letters escaped: read back without decoding UTF-8 to a wide
        # string, about 0.4 ms less on every start
        json.dump(doc, file, ensure_ascii=True, separators=(",", ":"))
        file.write("\n")
    return SNAPSHOT


# -- reading --------------------------------------------------------------------------------
def _records(doc: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    new = object.__new__
    objects: list[Any] = []
    for name, count, *_ in doc["classes"]:
        cls = RECORDS[name]
        objects += [new(cls) for _ in range(count)]
    record = objects.__getitem__
    start = 0
    for name, count, *columns in doc["classes"]:
        mine = objects[start : start + count]
        start += count
        slots = [RECORDS[name].__dict__[field].__set__ for field in doc["layout"][name]]
        for set_field, (codec, values, *usual) in zip(slots, columns, strict=True):
            decoded = _decoded(codec, values, record)
            if usual:  # the usual value, and where the others go
                (common,), positions = _decoded(codec, usual[:1], record), usual[1]
                column = [common] * count
                for i, v in zip(positions, decoded, strict=True):
                    column[i] = v
                decoded = column
            if len(decoded) != count:
                raise ValueError(f"{name}: {len(decoded)} values for {count} records")
            # fields set through their slots, as attrs' own __init__ does; the values were
            # checked when the snapshot was made, and the test checks the result
            deque(map(set_field, mine, decoded), maxlen=0)
    return {kind: tuple(map(record, numbers)) for kind, numbers in doc["dataset"].items()}


def _decoded(codec: str, values: list[Any], record: Callable[[int], Any]) -> list[Any]:
    if codec == CODECS.PLAIN:
        return values
    if codec == CODECS.RECORD:
        return [None if v is None else record(v) for v in values]
    if codec == CODECS.RECORDS:
        return [tuple(map(record, v)) for v in values]
    if codec == CODECS.PLAINS:
        return list(map(tuple, values))
    if codec == CODECS.DATE:
        day = dt.date.fromordinal
        return [None if v is None else day(v) for v in values]
    if codec.startswith(CODECS.WORDS):
        words = _words(codec.removeprefix(CODECS.WORDS))
        return [tuple(map(words, v)) for v in values]
    words = _words(codec.removeprefix(CODECS.WORD))
    return [None if v is None else words(v) for v in values]


def _words(enum: str) -> Callable[[Any], Enum]:
    """The member of vocabulary ``enum`` for a value (a KeyError if it has none)."""
    return {m.value: m for m in VOCABULARIES[enum]}.__getitem__


def bundled_records() -> dict[str, tuple[Any, ...]] | None:
    """The bundled records from the snapshot, by kind, or ``None`` where it does not match."""
    try:
        with open(SNAPSHOT, "rb") as file:
            doc = json.loads(file.read())
        if (
            doc.get("idlibstrikes_snapshot") != FORMAT
            or doc.get("layout") != layout()
            or doc.get("data_digest") != data_digest()
        ):
            return None
        fields = _records(doc)
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None  # no usable snapshot (not installed, or from another version)
    return fields


if __name__ == "__main__":  # python -m idlibstrikes._snapshot
    sys.stdout.write(f"wrote {write()}\n")
