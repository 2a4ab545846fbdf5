"""The format is described once (``_format``): the readers and the JSON Schema follow it.

A field added to a shape's description is read (quickly and carefully alike), checked
with its problems located, and written into the JSON Schema, with no other change; and
the three derived pieces agree on the real description.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from idlibstrikes import DataError, _files, _load
from idlibstrikes._format import FORMAT, Field, Format
from idlibstrikes._jsonschema import json_schema
from idlibstrikes._reading import ShapeReader
from idlibstrikes.testing import synthetic

#: A field added to the casualty claim's shape, as the contributing guide shows.
PRECISION = Field(
    name="precision",
    type="word",
    of=("exact", "rounded"),
    doc="Whether the source gives the figure exactly or rounds it.",
)
WITH_PRECISION = FORMAT.replace(FORMAT["claim"].add(PRECISION))


@contextmanager
def reading(quick: bool) -> Iterator[None]:
    """Loads read quickly and plainly (as by default), or wholly carefully."""
    ShapeReader.quick_first = ShapeReader.plainly = quick
    try:
        yield
    finally:
        ShapeReader.quick_first = ShapeReader.plainly = True


def build(doc: dict[str, Any], fmt: Format) -> tuple[str, Any]:
    """A document built by the format ``fmt``: its records, or its problems."""
    raw = _files.read_files([("data.json", json.dumps(doc, indent=1).encode())])
    try:
        records, _ = _load.build(raw, fmt=fmt)
    except DataError as exc:
        return "error", [(p.line, p.record, p.field, p.message) for p in exc.problems]
    return "ok", records


def with_claim_field(value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(BASE)
    doc["strikes"][2]["claims"][0]["precision"] = value
    return doc


BASE = synthetic.document(12, seed=5)


@pytest.mark.parametrize("quick", [True, False], ids=["quick", "careful"])
def test_a_field_added_to_a_shape_is_read_by_both_readers(quick: bool) -> None:
    with reading(quick):
        plain = build(BASE, FORMAT)
        assert build(BASE, WITH_PRECISION) == plain  # files without it read the same
        assert build(with_claim_field("rounded"), WITH_PRECISION) == plain
        # without the field in the description, the key is unknown
        state, problems = build(with_claim_field("rounded"), FORMAT)
        assert state == "error"
        assert [p[2:] for p in problems] == [
            (
                "claims[0].precision",
                "unknown field (a typo?); remove it or correct its name",
            )
        ]


def test_a_field_added_to_a_shape_is_checked_with_its_problem_located() -> None:
    outcomes = []
    for quick in (True, False):
        with reading(quick):
            outcomes.append(build(with_claim_field("roughly"), WITH_PRECISION))
    assert outcomes[0] == outcomes[1]
    state, problems = outcomes[0]
    assert state == "error"
    ((line, record, field, message),) = problems
    assert (record, field, message) == (
        BASE["strikes"][2]["id"],
        "claims[0].precision",
        "not a known word",
    )
    text = json.dumps(with_claim_field("roughly"), indent=1).splitlines()
    assert line is not None
    assert '"precision": "roughly"' in text[line - 1]


def test_the_reader_gives_the_added_field_by_name() -> None:
    from idlibstrikes._reader import Fields

    raw = _files.read_files([("data.json", json.dumps(BASE).encode())])
    builder = _load._Builder(raw, fmt=WITH_PRECISION)
    builder.build_sources()
    claim = dict(BASE["strikes"][2]["claims"][0], precision="exact")
    f = Fields(
        builder.problems, "x", claim, record=None, path="", allowed=WITH_PRECISION["claim"].keys
    )
    values = builder.read(f, WITH_PRECISION["claim"])
    assert values["precision"] == "exact"
    assert values["low"] == claim["low"]
    assert not builder.problems


def test_a_field_added_to_a_shape_is_in_the_json_schema() -> None:
    before, after = json_schema(), json_schema(WITH_PRECISION)
    claim_before = before["$defs"]["claim"]["properties"]
    claim_after = after["$defs"]["claim"]["properties"]
    assert "precision" not in claim_before
    assert claim_after["precision"] == {
        "anyOf": [{"type": "string", "enum": ["exact", "rounded"]}, {"type": "null"}],
        "description": PRECISION.doc,
    }
    assert {k: v for k, v in claim_after.items() if k != "precision"} == claim_before


def test_the_readers_and_the_schema_agree_on_every_shape() -> None:
    # the keys the readers allow are the properties the schema gives, shape by shape
    schema = json_schema()
    for name, shape in FORMAT.shapes.items():
        of = (
            schema["$defs"][name]
            if shape.plural is None
            else schema["properties"][shape.plural]["items"]
        )
        assert set(of["properties"]) - {"//"} == set(shape.keys), name
        assert set(of.get("required", ())) == {f.name for f in shape.fields if f.required}, name
        assert all("description" in v for k, v in of["properties"].items() if k != "//"), name


def test_a_field_added_to_a_shape_is_written() -> None:
    import attrs

    from idlibstrikes import CasualtyClaim
    from idlibstrikes._write import _encode

    @attrs.frozen
    class WithPrecision(CasualtyClaim):  # the record class's side of adding the field
        precision: str | None = None

    state, records = build(BASE, FORMAT)
    assert state == "ok"
    strike = next(s for s in records["strikes"] if s.id == BASE["strikes"][2]["id"])
    claim = strike.claims[0]
    given = {a.name: getattr(claim, a.name) for a in attrs.fields(CasualtyClaim)}
    written = _encode(
        WITH_PRECISION["claim"], WithPrecision(**given, precision="rounded"), WITH_PRECISION
    )
    assert written["precision"] == "rounded"
    assert {k: v for k, v in written.items() if k != "precision"} == _encode(
        FORMAT["claim"], claim, FORMAT
    )
    # what is written reads back through the same description, as the file had it
    doc = copy.deepcopy(BASE)
    doc["strikes"][2]["claims"][0] = written
    assert build(doc, WITH_PRECISION) == build(with_claim_field("rounded"), WITH_PRECISION)
