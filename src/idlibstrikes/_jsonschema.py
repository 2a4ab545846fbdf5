"""A JSON Schema (draft 2020-12) of the data files, made from the format's description.

Editors (VS Code, JetBrains, anything speaking the JSON language server) validate a data
file as it is typed when the file names the schema with a top-level ``"$schema"`` key.
The schema says what the loader says about *shape and type*, from the same description
the loader reads with (`_format.FORMAT`): which keys a record may have, which are
required, each value's type and closed vocabulary. What it cannot say (an id that names
no record, a quote missing from its article, dates that contradict each other) the loader
still checks.

``idlibstrikes schema`` prints it (save it beside your files and start each file with
``"$schema": "./idlibstrikes.schema.json"``); ``docs/idlibstrikes.schema.json`` is a copy
that a test keeps equal to it.
"""

from __future__ import annotations

from typing import Any

from ._format import FORMAT, Field, Format, Shape, addable
from ._reader import ID_PATTERN

__all__ = ["json_schema", "schema_text"]

# text: not empty, not only spaces (the loader refuses both, and asks to leave the key out)
_TEXT: dict[str, Any] = {"type": "string", "pattern": "\\S"}
_DAY = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_ID = {"type": "string", "pattern": ID_PATTERN}  # the loader's id rule
# "//": a comment, in any object (the loader ignores it)
_COMMENT: dict[str, Any] = {"description": "A comment; the loader ignores it."}


def _value(field: Field) -> dict[str, Any]:
    """The schema of one field's value (never null: see `_object`)."""
    t = field.type
    if t == "text":
        return {"type": "string", "pattern": field.pattern} if field.pattern else _TEXT
    if t in ("id", "ref", "names"):
        return _ID
    if t == "refs":
        return {"type": "array", "items": _ID} | ({"minItems": 1} if field.required else {})
    if t == "texts":
        return {"type": "array", "items": _TEXT}
    if t in ("count", "integer", "number"):
        out: dict[str, Any] = {"type": "number" if t == "number" else "integer"}
        if t == "count":
            out["minimum"] = 0
        if field.minimum is not None:
            out["minimum"] = field.minimum
        if field.maximum is not None:
            out["maximum"] = field.maximum
        return out
    if t == "flag":
        return {"type": "boolean"}
    if t == "word":
        return {"type": "string", "enum": list(field.words)}
    if t == "words":
        return {"type": "array", "items": {"type": "string", "enum": list(field.words)}}
    if t == "day":
        return _DAY
    if t == "object":
        return {"$ref": f"#/$defs/{field.of}"}
    assert t == "objects", t
    return {"type": "array", "items": {"$ref": f"#/$defs/{field.of}"}}


def _given(*names: str) -> dict[str, Any]:
    """All these keys are given: present, and not null.

    The loader reads a key given as null as the key left out, so a bare ``required``
    (which a null satisfies) would let through what the loader refuses.
    """
    return {
        "required": list(names),
        "properties": {n: {"not": {"type": "null"}} for n in names},
    }


def _any_of(*names: str) -> dict[str, Any]:
    """Any of these keys is given (see `_given`)."""
    return {"anyOf": [_given(n) for n in names]}


def _forms(shape: Shape) -> list[dict[str, Any]]:
    """``oneOf`` the shape's forms: each form's keys given (see `_given`), no other form's mark."""
    marks = [form[0].split("|") for form in shape.one_of]
    out = []
    for i, form in enumerate(shape.one_of):
        required = list(form[1:]) + (marks[i] if len(marks[i]) == 1 else [])
        schema: dict[str, Any] = _given(*required) if required else {}
        if len(marks[i]) > 1:
            schema |= _any_of(*marks[i])
        others = [k for j, keys in enumerate(marks) if j != i for k in keys]
        schema["not"] = _any_of(*others)
        out.append(schema)
    return out


def _object(shape: Shape) -> dict[str, Any]:
    # the loader reads an optional key given as null as the key left out
    properties = {
        f.name: (
            _value(f) if f.required or not shape.nulls else {"anyOf": [_value(f), {"type": "null"}]}
        )
        | ({"description": f.doc} if f.doc else {})
        for f in sorted(shape.fields, key=lambda f: f.name)
    }
    if shape.comments:
        properties["//"] = _COMMENT
    out: dict[str, Any] = {"type": "object", "properties": properties}
    if shape.required:
        out["required"] = list(shape.required)
    out["additionalProperties"] = False
    if shape.one_of:
        out["oneOf"] = _forms(shape)
    if shape.together:  # each given (not null) only with the others given
        out["allOf"] = [
            {"if": _given(k), "then": _given(*(o for o in shape.together if o != k))}
            for k in shape.together
        ]
    return out


def json_schema(fmt: Format = FORMAT) -> dict[str, Any]:
    """The JSON Schema of a data file (a new dict), draft 2020-12.

    ``fmt`` is the format's description (a test passes one with a field added).

    Examples:
        >>> schema = json_schema()
        >>> schema["$schema"], sorted(schema["properties"])[:3]
        ('https://json-schema.org/draft/2020-12/schema', ['$schema', '//', 'additions'])
        >>> schema["$defs"]["claim"]["required"]
        ['victims', 'low', 'source']
    """
    defs = {shape.name: _object(shape) for shape in fmt.shapes.values() if shape.plural is None}
    additions = []
    for kind, (plural, lists) in addable(fmt).items():
        fields = fmt.kind(plural).by_name
        additions.append(
            {
                "type": "object",
                "properties": {
                    "kind": {"const": kind},
                    "id": _ID,
                    "//": _COMMENT,
                    **{name: _value(fields[name]) for name in lists},
                },
                "required": ["kind", "id"],
                "additionalProperties": False,
            }
        )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "idlibstrikes data file",
        "description": "A data file of the idlibstrikes format (docs/format.md). The loader "
        "checks more than shape and types: ids that name records, quotes in their articles, "
        "dates that agree.",
        "type": "object",
        "properties": {
            "$schema": {"type": "string"},
            "//": _COMMENT,
            "idlibstrikes": {"const": 1},
            "additions": {"type": "array", "items": {"oneOf": additions}},
            **{
                shape.plural: {"type": "array", "items": _object(shape)}
                for shape in fmt.kinds
                if shape.plural is not None
            },
        },
        "required": ["idlibstrikes"],
        "additionalProperties": False,
        "$defs": defs,
    }


def schema_text() -> str:
    """The schema as the text ``idlibstrikes schema`` prints (two-space indents)."""
    import json

    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
