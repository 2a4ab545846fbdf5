"""The JSON Schema of the data files agrees with the loader on shape and types.

Every bundled and example file validates; for a seeded corpus of files mutated in shape
or type (an unknown key, a value of the wrong JSON type, a required key removed), the
loader and the schema both reject every one. And for every field of every shape, mutated
in each class (taken out, null, a wrong type, 0, -1, 38.0, the empty text) in objects the
seeded generator picks from the bundled files, the two give the same verdict, but for the
few rules the schema cannot say (docs/format.md lists them; `LOADER_ONLY` here).
"""

from __future__ import annotations

import copy
import json
import math
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import jsonschema  # a test dependency: the check must run, never be skipped
import pytest

import idlibstrikes as isk
from idlibstrikes._files import read_files
from idlibstrikes._format import FORMAT, Field, Shape
from idlibstrikes._jsonschema import json_schema, schema_text
from idlibstrikes._loading import _from_raw

from .promises import SCALE, SEED

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


# -- the schema and the loader give the same verdict, mutation by mutation ------------------
#
# Every field of every shape the format describes is mutated in each class below, in an
# object of that shape picked from the bundled files by the seeded generator; the mutated
# files go to the JSON Schema and to the loader, which must both accept them or both
# reject them. The only exceptions are the rules the schema cannot say (`LOADER_ONLY`).

#: The articles' files: they load on their own (faster); a mutation in a reference list's
#: file loads every file.
ARTICLES_DATA = {p.name for p in BUNDLED if p.parent.name == "data"}
_REMOVED = object()  # the key is taken out
_WRONG = object()  # a value of a JSON type the field never takes
#: The classes of mutation, each a value given to a field (or the key taken out). Every
#: field is taken out, given null and given a value of a wrong type; a number is also given
#: 0, -1 and 38.0, and a text (an id, a word, a day) the empty text. (0 in a text field is a
#: wrong type like any other.)
CLASSES: dict[str, Any] = {
    "removed": _REMOVED,
    "null": None,
    "wrong type": _WRONG,
    "0": 0,
    "-1": -1,
    "38.0": 38.0,
    "empty text": "",
}
_NUMBERS = ("count", "integer", "number")
_TEXTS = ("text", "id", "ref", "names", "word", "day")


@attrs.frozen
class Mutation:
    """One field of one object of the bundled files given a mutated value (or taken out)."""

    shape: str
    key: str
    how: str
    file: str
    path: tuple[Any, ...]

    def __str__(self) -> str:
        where = "/".join(map(str, self.path))
        return f"{self.file} {where} ({self.shape}) {self.key}: {self.how}"

    def files(self) -> dict[str, Any]:
        """The bundled files' documents, this one's file mutated (the others shared)."""
        files = dict(BASE)
        files[self.file] = doc = copy.deepcopy(BASE[self.file])
        obj: Any = doc
        for step in self.path:
            obj = obj[step]
        value = CLASSES.get(self.how)
        if self.how == "unknown key":
            obj["colour"] = "red"
        elif value is _REMOVED:
            del obj[self.key]
        elif value is _WRONG:
            obj[self.key] = _wrong_type(FORMAT[self.shape].by_name[self.key])
        else:
            obj[self.key] = value
        return files


BASE = docs()
_BYTES = {name: json.dumps(doc).encode() for name, doc in BASE.items()}


def _classes(field: Field) -> list[str]:
    """The classes of mutation `CLASSES` gives ``field``."""
    return ["removed", "null", "wrong type"] + (
        ["0", "-1", "38.0"]
        if field.type in _NUMBERS
        else ["empty text"]
        if field.type in _TEXTS
        else []
    )


def _wrong_type(field: Field) -> Any:
    """A value of a JSON type ``field`` never takes."""
    if field.type in _NUMBERS:
        return "7"
    if field.type == "flag":
        return "yes"
    if field.type in ("refs", "texts", "words", "objects", "object"):
        return "x"  # text where a list or an object belongs
    return 7  # a number where text belongs (an id, a word, a day)


def _occurrences() -> dict[str, list[tuple[str, tuple[Any, ...], dict[str, Any]]]]:
    """Every object of each shape in the bundled files, as (file, path, object), by shape."""
    found: dict[str, list[tuple[str, tuple[Any, ...], dict[str, Any]]]] = {}

    def walk(file: str, path: tuple[Any, ...], shape: Shape, obj: dict[str, Any]) -> None:
        found.setdefault(shape.name, []).append((file, path, obj))
        for field in shape.fields:
            value = obj.get(field.name)
            if field.type == "object" and isinstance(value, dict):
                walk(file, (*path, field.name), FORMAT[str(field.of)], value)
            elif field.type == "objects" and isinstance(value, list):
                for i, item in enumerate(value):
                    walk(file, (*path, field.name, i), FORMAT[str(field.of)], item)

    for file, doc in sorted(BASE.items()):
        for shape in FORMAT.kinds:
            for i, record in enumerate(doc.get(shape.plural, ())):
                walk(file, (shape.plural, i), shape, record)
    return found


def agreement_mutations() -> list[Mutation]:
    """Each field of each shape mutated in each class of `CLASSES`, each shape given a key.

    Each in ``FUZZ_SCALE`` objects of the shape (rounded up), picked by the seeded
    generator; the unknown key is ``"colour"``.
    """
    rng = random.Random(f"{SEED}:schema-agreement")
    made = []
    for shape, objects in _occurrences().items():
        fields = FORMAT[shape].fields
        for key, classes in [(f.name, _classes(f)) for f in fields] + [("colour", ["unknown key"])]:
            for how in classes:
                # a key is taken out of objects that hold it, and nulled in them where some
                # do; objects in the articles' files where there are some (they load faster)
                holders = [o for o in objects if key in o[2]]
                pool = {"removed": holders, "null": holders or objects}.get(how, objects)
                pool = [o for o in pool if o[0] in ARTICLES_DATA] or pool
                for file, path, _ in rng.sample(pool, min(len(pool), math.ceil(SCALE))):
                    made.append(Mutation(shape, key, how, file, path))
    return made


AGREEMENT = agreement_mutations()


def schema_accepts(mutation: Mutation, files: dict[str, Any]) -> bool:
    """The schema's verdict on the mutated file: on its mutated record alone.

    A file's records are validated one by one (no rule of the schema relates two), so the
    record gets the verdict its file would, in a fraction of the time.
    """
    kind, i = mutation.path[:2]
    return VALIDATOR.is_valid({"idlibstrikes": 1, kind: [files[mutation.file][kind][i]]})


def loader_problems(mutation: Mutation, files: dict[str, Any]) -> list[isk.Problem]:
    """The loader's problems with the mutated files (none: it accepts them)."""
    names = ARTICLES_DATA if mutation.file in ARTICLES_DATA else files.keys()
    raw = read_files(
        [
            (name, _BYTES[name] if files[name] is BASE[name] else json.dumps(files[name]).encode())
            for name in sorted(names)
        ]
    )
    try:
        _from_raw(raw)
    except isk.DataError as exc:
        return list(exc.problems)
    return []


def _whole_float(m: Mutation, p: isk.Problem) -> bool:
    whole = FORMAT[m.shape].by_name[m.key].type in ("count", "integer")
    return whole and m.how == "38.0" and "38.0" in f"{p.message} {p.found}"


def _provenance(m: Mutation, p: isk.Problem) -> bool:
    # a claim (a shape with a row) needs its quote where its source is an article, its row
    # where the source is a report (taking out a reference's row leaves it needing a quote)
    return (
        m.key in ("quote", "row")
        and "row" in FORMAT[m.shape].keys
        and (p.field or "").endswith(("quote", "row"))
        and (
            p.message == "missing required field"
            or p.message.startswith("required for a report's claim")
        )
    )


def _says(*words: str) -> Callable[[Mutation, isk.Problem], bool]:
    return lambda m, p: any(w in p.message for w in words)


#: What the loader checks and the schema cannot say (docs/format.md, "Editor help: the
#: JSON Schema"), each known by the problem the loader reports: a mutated file the loader
#: refuses only for these, the schema may accept. The schema is never the stricter.
LOADER_ONLY: dict[str, Callable[[Mutation, isk.Problem], bool]] = {
    "a whole number written 38.0": _whole_float,
    "what another record decides: a claim's quote or row, by its source's kind": _provenance,
    "what another record decides: the groups a strike's attributions name, the anchor's "
    "publication date": _says(
        "no attribution names this group",  # the perpetrator (or a group it is part of)
        "falls outside the calendar",  # a relative date, resolved against its anchor's
    ),
    "values compared: a low above its high, a range running backwards, a part of no month": (
        _says(
            "is greater than high",
            "a date range must run forwards",
            "narrows a whole month or a whole year",  # a span's part: of a month or a year
            "needs unit 'month' or 'year'",  # a relative date's part
        )
    ),
    "what a record's kind or scope asks for": _says(
        "needs at least one",  # a strike's date claims, a series' or ceasefire's start claims
        "only a series",  # start and end claims, a toll counted up to a day
        "an article source needs",  # its file name
        "an article's outlet needs",  # the words naming it, or the reference that does
        "names the reference an outlet was taken from",  # outlet_from, with the outlet
    ),
}


def _disagreement(mutation: Mutation) -> str | None:
    files = mutation.files()
    schema = schema_accepts(mutation, files)
    problems = loader_problems(mutation, files)
    if schema == (not problems):
        return None
    if schema and all(any(rule(mutation, p) for rule in LOADER_ONLY.values()) for p in problems):
        return None
    said = "; ".join(str(p) for p in problems[:3]) or "accepts"
    return f"{mutation}: the schema {'accepts' if schema else 'rejects'}, the loader {said}"


@pytest.mark.parametrize("shape", sorted({m.shape for m in AGREEMENT}))
def test_the_schema_and_the_loader_agree_on_every_mutation_of_every_field(shape: str) -> None:
    mutations = [m for m in AGREEMENT if m.shape == shape]
    found = [d for m in mutations if (d := _disagreement(m)) is not None]
    assert found == [], f"seed {SEED}: {len(found)} of {len(mutations)}:\n" + "\n".join(found)


def test_the_agreement_corpus_mutates_every_field_of_every_shape_in_every_class() -> None:
    shapes = {m.shape for m in AGREEMENT}
    assert shapes == set(FORMAT.shapes)  # each shape occurs in the bundled files
    covered = {(m.shape, m.key, m.how) for m in AGREEMENT}
    for shape in shapes:
        assert (shape, "colour", "unknown key") in covered
        for field in FORMAT[shape].fields:
            # (a key no bundled object holds cannot be taken out)
            given = {h for s, k, h in covered if (s, k) == (shape, field.name)} | {"removed"}
            assert given == set(_classes(field)), (shape, field.name)
