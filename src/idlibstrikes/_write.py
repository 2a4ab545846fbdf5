"""Writing records back to the data file format, so users can produce files from code.

The writer is made from the format's description (``_format``): each record is written
field by field in the description's order, each value by its JSON type, so a field added
to a shape's description (and to its record class) is written with no change here. What
is written loads back equal: every stored field is written, and the fields the loader
computes (summary dates such as a strike's ``date``, a series', ceasefire's or
development's ``start`` and ``end``, a group's ``founded`` and ``ended``; ``sources``,
``leaders``, ``references`` and ``announcements`` on records) are not in the description
and are left for it to compute again. Relative dates are written resolved, as ranges,
with their wording and reasoning.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

from ._dates import DateRange, span_text
from ._format import FORMAT, KINDS, Field, Format, Shape
from ._models import (
    Announcement,
    Ceasefire,
    Development,
    Figure,
    Group,
    Person,
    Place,
    ReferenceFact,
    Source,
    Strike,
)

__all__ = ["dump", "dumps", "to_document", "write_record"]

_KIND = {
    Source: "sources",
    Place: "places",
    Person: "people",
    Group: "groups",
    Announcement: "announcements",
    Strike: "strikes",
    Ceasefire: "ceasefires",
    Development: "developments",
    Figure: "figures",
    ReferenceFact: "references",
}


def _date(r: DateRange) -> dict[str, Any]:
    """A date as files write it: its span, or its known bounds and the reasoning."""
    out: dict[str, Any] = {"text": r.text or str(r)}
    if r.open_start or r.open_end:
        if not r.open_start:
            out["earliest"] = r.earliest.isoformat()
        if not r.open_end:
            out["latest"] = r.latest.isoformat()
        out["reasoning"] = r.reasoning or "no bound is known on the open side"
        return out
    out["span"] = span_text(r.earliest, r.latest)
    if r.reasoning:
        out["reasoning"] = r.reasoning
    return out


def _latitude(r: Any) -> float | None:
    return r.coordinates.latitude if r.coordinates else None


def _longitude(r: Any) -> float | None:
    return r.coordinates.longitude if r.coordinates else None


# Where a record keeps a field under another form than the file's key (everywhere else the
# record's attribute of the key's name holds it).
_HELD: dict[tuple[str, str], Callable[[Any], Any]] = {
    ("place_reference", "latitude"): _latitude,
    ("place_reference", "longitude"): _longitude,
    ("role", "group"): lambda r: r.group_id,
}


def _value(field: Field, value: Any, fmt: Format) -> Any:
    """A field's value as a file writes it, by its JSON type (``None``: left out)."""
    kind = field.type
    if value is None:
        return None
    if kind == "ref":
        return value.id
    if kind == "refs":
        return [r.id for r in value]
    if kind == "names":
        return getattr(value, "id", value)
    if kind == "word":
        return value.value if isinstance(value, Enum) else value
    if kind == "words":
        return [v.value if isinstance(v, Enum) else v for v in value]
    if kind == "texts":
        return list(value)
    if kind == "day":
        return value.isoformat()
    if kind == "flag":
        return True if value else None  # false is what a left-out flag means
    if kind == "object":
        return _date(value) if field.of == "date" else _encode(fmt[str(field.of)], value, fmt)
    if kind == "objects":
        shape = fmt[str(field.of)]
        return [_encode(shape, v, fmt) for v in value]
    return value  # text, id, count, integer, number: as they are


def _encode(shape: Shape, record: Any, fmt: Format) -> dict[str, Any]:
    """A record (or an object inside one) as its shape in the format describes it.

    Fields come in the description's order; an empty one is left out, but for a field whose
    null means something (a claim's ``high``: no upper bound); the keys of a compact form
    (``tables=False``) are written by `_compact` where it applies.
    """
    out: dict[str, Any] = {}
    for field in shape.fields:
        if not field.tables:
            continue
        held = _HELD.get((shape.name, field.name))
        value = _value(field, held(record) if held else getattr(record, field.name), fmt)
        if value is None:
            if field.keep_null:
                out[field.name] = None
            continue
        if value == "" or value == []:
            continue
        out[field.name] = value
    return out


def _compact(record: Announcement, out: dict[str, Any]) -> dict[str, Any]:
    """A statement only one source reports, in the compact form (date, source, quote)."""
    if len(record.reports) != 1 or record.reports[0].report or record.reports[0].note:
        return out
    [r] = record.reports
    head = {k: v for k, v in out.items() if k not in ("reports", "note")}
    one = {"date": _date(r.date), "source": r.source.id, "quote": r.quote}
    return {**head, **one, **({"note": out["note"]} if "note" in out else {})}


def write_record(record: Any, kind: str, fmt: Format = FORMAT) -> dict[str, Any]:
    """One record of a kind ("strikes") as the data file writes it.

    Examples:
        >>> import idlibstrikes as isk
        >>> out = write_record(isk.load(sources="articles").place("Kafranbel"), "places")
        >>> out["id"], out["kind"]
        ('kafranbel', 'town')
    """
    out = _encode(fmt.kind(kind), record, fmt)
    return _compact(record, out) if kind == "announcements" else out


def to_document(records: Any) -> dict[str, Any]:
    """The data-file document (a dict ready for JSON) for a dataset or some records.

    Args:
        records: A [`Dataset`][idlibstrikes.Dataset], or records of any kinds. Records may
            refer to records not given (bundled ids, say): only their ids are written.

    Raises:
        TypeError: Something that is not a dataset or a record was given.

    Examples:
        >>> import idlibstrikes as isk
        >>> doc = to_document([isk.load(sources="articles").strike("2025-02-15-urum-al-jawz")])
        >>> sorted(doc), doc["strikes"][0]["date_claims"][0]["date"]["span"]
        (['idlibstrikes', 'strikes'], '2025-02-15')
    """
    doc: dict[str, Any] = {"idlibstrikes": 1}
    # a dataset: every kind of record, by kind (the dataset's layer is above this one)
    if all(hasattr(records, kind) for kind in KINDS):
        for kind in KINDS:
            items = getattr(records, kind)
            if items:
                doc[kind] = [write_record(r, kind) for r in items]
        return doc
    grouped: dict[str, list[Any]] = {}
    for record in records:
        found = _KIND.get(type(record))
        if found is None:
            raise TypeError(
                f"cannot write {type(record).__name__}: give a Dataset or records "
                f"({', '.join(t.__name__ for t in _KIND)})"
            )
        grouped.setdefault(found, []).append(write_record(record, found))
    for kind in KINDS:  # the canonical order of kinds
        if kind in grouped:
            doc[kind] = grouped[kind]
    return doc


def dumps(records: Any) -> str:
    """The data file text (JSON, two-space indents) for a dataset or some records.

    Examples:
        >>> import idlibstrikes as isk
        >>> text = dumps([isk.load(sources="articles").group("Hurras al-Din")])
        >>> text.splitlines()[:3]
        ['{', '  "idlibstrikes": 1,', '  "groups": [']
    """
    import json  # here, not at the top: importing idlibstrikes stays cheap

    return json.dumps(to_document(records), ensure_ascii=False, indent=2) + "\n"


def dump(records: Any, path: str | os.PathLike[str]) -> Path:
    """Write a dataset or some records to a data file; returns its path.

    Examples:
        >>> import idlibstrikes as isk, tempfile, pathlib
        >>> out = dump(isk.load(sources="articles"), pathlib.Path(tempfile.mkdtemp()) / "all.json")
        >>> isk.load(out, bundled=False) == isk.load(sources="articles")
        True
    """
    target = Path(path)
    target.write_text(dumps(records), encoding="utf-8")
    return target
