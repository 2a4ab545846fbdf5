"""The bundled dataset, ready-built: a JSON snapshot of its records for a fast first load.

Maintainer's note: ``isk.load()`` with no arguments would parse the bundled data files
and check every field, reference and summary (about 25 ms, most of a first answer). The
records it builds are the same on every start, so the package also ships them as built,
in ``snapshot/bundled.json``: generated from the data files by
``python -m idlibstrikes._snapshot`` and checked by ``tests/test_snapshot.py`` to load
equal to them. It is plain JSON read with ``json``, and records are made from it by
setting their fields; nothing in it is run (no pickle, no eval), and only the record
classes named here can be made.

The snapshot is used only while it matches: the checksum of the data files it was made
from, and the fields of every record class, must equal today's. Otherwise (a data file
edited, a field added, no snapshot at all) the bundled files are loaded, and checked, as
before. User files always take the checked path.

Encoding: ``objects`` lists every record once, children first, each as ``[class, value,
...]`` in the order of its fields. A value is JSON's own (null, true, false, a number, a
string), ``[i]`` for the i-th record, ``{"t": [...]}`` for a tuple, ``{"d": n}`` for the
date with ordinal ``n``, and ``{"e": [enum, value]}`` for a word of a vocabulary.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import zlib
from collections.abc import Mapping
from enum import Enum
from typing import Any

import attrs

from . import _models
from ._dates import DatePrecision, DateRange

__all__ = ["bundled_records", "data_digest", "encode"]

FORMAT = 1
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
    objects: list[list[Any]] = []
    index: dict[int, int] = {}
    keep: list[Any] = []  # the records indexed by id() stay alive while encoding

    def value(v: Any) -> Any:
        if v is None or isinstance(v, (bool, int, float, str)):
            return v
        if isinstance(v, Enum):
            return {"e": [type(v).__name__, v.value]}
        if isinstance(v, dt.date):
            return {"d": v.toordinal()}
        if isinstance(v, tuple):
            return {"t": [value(x) for x in v]}
        if type(v).__name__ in RECORDS and RECORDS[type(v).__name__] is type(v):
            return [record(v)]
        raise TypeError(f"a snapshot cannot hold {type(v).__name__}")

    def record(r: Any) -> int:
        found = index.get(id(r))
        if found is None:
            item = [type(r).__name__, *(value(getattr(r, a.name)) for a in attrs.fields(type(r)))]
            found = index[id(r)] = len(objects)
            objects.append(item)
            keep.append(r)
        return found

    fields = {name: value(tuple(kind)) for name, kind in records.items()}
    return {
        "idlibstrikes_snapshot": FORMAT,
        "data_digest": digest,
        "layout": layout(),
        "objects": objects,
        "dataset": fields,
    }


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
        json.dump(doc, file, ensure_ascii=False, separators=(",", ":"))
        file.write("\n")
    return SNAPSHOT


_PLAIN = frozenset({str, int, float, bool, type(None)})  # a JSON value that is its own


# -- reading --------------------------------------------------------------------------------
def _records(doc: dict[str, Any]) -> list[Any]:
    objects: list[Any] = []
    setters = {
        name: [cls.__dict__[field].__set__ for field in fields]
        for name, fields in doc["layout"].items()
        for cls in (RECORDS[name],)
    }
    new = object.__new__

    def value(v: Any) -> Any:
        kind = type(v)
        if kind is list:
            return objects[v[0]]
        if kind is dict:
            if "t" in v:
                return tuple([value(x) for x in v["t"]])
            if "d" in v:
                return dt.date.fromordinal(v["d"])
            enum, word = v["e"]
            return VOCABULARIES[enum](word)
        return v

    for name, *values in doc["objects"]:
        # fields set through their slots, as attrs' own __init__ does; the values were
        # checked when the snapshot was made, and the test checks the result
        obj: Any = new(RECORDS[name])
        for set_field, v in zip(setters[name], values, strict=True):
            set_field(obj, v if type(v) in _PLAIN else value(v))
        objects.append(obj)
    return [value(v) for v in doc["dataset"].values()]


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
        fields = dict(zip(doc["dataset"], _records(doc), strict=True))
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None  # no usable snapshot (not installed, or from another version)
    return fields


if __name__ == "__main__":  # python -m idlibstrikes._snapshot
    sys.stdout.write(f"wrote {write()}\n")
