"""The JSON Schema of the data files agrees with the loader on shape and types.

Every bundled and example file validates; for a seeded corpus of files mutated in shape
or type (an unknown key, a value of the wrong JSON type, a required key removed), the
loader and the schema both reject every one.
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import jsonschema  # a test dependency: the check must run, never be skipped
import pytest

import idlibstrikes as isk
from idlibstrikes._files import read_files
from idlibstrikes._jsonschema import json_schema, schema_text
from idlibstrikes._loading import _from_raw

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = sorted((ROOT / "src" / "idlibstrikes" / "data").rglob("*.json"))
SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
MUTATIONS = 240


def docs() -> dict[str, Any]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in BUNDLED}


def loader_accepts(files: dict[str, Any]) -> bool:
    raw = read_files([(name, json.dumps(doc).encode()) for name, doc in files.items()])
    try:
        _from_raw(raw)
    except isk.DataError:
        return False
    return True


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_published_copy_is_the_schema() -> None:
    assert (ROOT / "docs" / "idlibstrikes.schema.json").read_text(encoding="utf-8") == (
        schema_text()
    )


@pytest.mark.parametrize("path", [*BUNDLED, ROOT / "examples" / "new-article.json"], ids=str)
def test_every_bundled_and_example_file_validates(path: Path) -> None:
    errors = list(VALIDATOR.iter_errors(json.loads(path.read_text(encoding="utf-8"))))
    assert errors == []


def test_the_broken_example_is_rejected_for_its_shape_mistakes() -> None:
    doc = json.loads((ROOT / "examples" / "broken-article.json").read_text(encoding="utf-8"))
    errors = list(VALIDATOR.iter_errors(doc))
    messages = [e.message for error in errors for e in (error, *error.context)]
    assert any("'qoute' was unexpected" in m for m in messages)


def test_the_loader_accepts_a_schema_key() -> None:
    files = docs()
    files["strikes.json"]["$schema"] = "./idlibstrikes.schema.json"
    assert loader_accepts(files)
    assert VALIDATOR.is_valid(files["strikes.json"])
    files["strikes.json"]["$schema"] = 5
    assert not loader_accepts(files)
    assert not VALIDATOR.is_valid(files["strikes.json"])


def _objects(
    value: Any, path: tuple[Any, ...] = ()
) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    found = []
    if isinstance(value, dict):
        found.append((path, value))
        for key, item in value.items():
            found += _objects(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _objects(item, (*path, i))
    return found


def _wrong(value: Any) -> Any:
    """A value of another JSON type than ``value``."""
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return 7
    if isinstance(value, list):
        return {"items": value}
    if isinstance(value, dict):
        return [value]
    return None


def _required(path: tuple[Any, ...], schema: dict[str, Any]) -> list[str]:
    node: Any = schema
    for step in path:
        if isinstance(step, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(step, {})
        while "$ref" in node or "anyOf" in node:
            if "$ref" in node:
                node = SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[1]]
            else:
                node = node["anyOf"][0]
    return list(node.get("required", ()))


def mutations() -> list[tuple[str, str, dict[str, Any]]]:
    rng = random.Random(20261129)
    made = []
    base = docs()
    names = sorted(base)
    while len(made) < MUTATIONS:
        name = rng.choice(names)
        files = copy.deepcopy(base)
        objects = [o for o in _objects(files[name]) if o[0]]  # not the top level
        path, obj = rng.choice(objects)
        how = rng.choice(["unknown key", "wrong type", "missing key"])
        if how == "unknown key":
            obj["colour"] = "red"
        elif how == "wrong type":
            key = rng.choice(sorted(obj))
            replacement = _wrong(obj[key])
            if replacement is None:
                continue
            obj[key] = replacement
        else:
            required = [k for k in _required(path, SCHEMA) if k in obj]
            if not required:
                continue
            key = rng.choice(required)
            del obj[key]
        made.append((f"{name} {'/'.join(map(str, path))}: {how}", name, files))
    return made


CORPUS = mutations()


@pytest.mark.parametrize("case", range(MUTATIONS))
def test_the_schema_and_the_loader_both_reject_a_shape_or_type_mistake(case: int) -> None:
    what, name, files = CORPUS[case]
    assert not VALIDATOR.is_valid(files[name]), what
    assert not loader_accepts(files), what
