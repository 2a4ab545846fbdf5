"""A JSON Schema (draft 2020-12) of the data files, made from the loader's own key sets.

Editors (VS Code, JetBrains, anything speaking the JSON language server) validate a data
file as it is typed when the file names the schema with a top-level ``"$schema"`` key.
The schema says what the loader says about *shape and type*: which keys a record may
have (from `_schema`, the sets the loader checks), which are required, each value's type
and closed vocabulary. What it cannot say (an id that names no record, a quote missing
from its article, dates that contradict each other) the loader still checks.

``idlibstrikes schema`` prints it (save it beside your files and start each file with
``"$schema": "./idlibstrikes.schema.json"``); ``docs/idlibstrikes.schema.json`` is a copy
that a test keeps equal to it.
"""

from __future__ import annotations

from typing import Any

from . import _schema as keys
from ._files import ADDABLE
from ._models import (
    CeasefireKind,
    Confidence,
    DevelopmentKind,
    GroupKind,
    Outcome,
    PlaceKind,
    Relation,
    Scope,
    SourceKind,
    Stance,
    StrikeKind,
    Victims,
)

__all__ = ["json_schema", "schema_text"]

# text: not empty, not only spaces (the loader refuses both, and asks to leave the key out)
_TEXT: dict[str, Any] = {"type": "string", "pattern": "\\S"}
_NOTE = _TEXT
_PERIOD = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"  # a year, a month or a day
_DAY = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_ID = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9._-]*$"}  # the loader's id rule
_COUNT = {"type": "integer", "minimum": 0}
_FLAG = {"type": "boolean"}
# "//": a comment, in any object (the loader ignores it)
_COMMENT: dict[str, Any] = {"description": "A comment; the loader ignores it."}


def _words(vocabulary: Any) -> dict[str, Any]:
    return {"type": "string", "enum": [v.value for v in vocabulary]}


def _any_of(*names: str) -> dict[str, Any]:
    """Any of these keys is present (with a value other than null)."""
    return {
        "anyOf": [{"required": [n], "properties": {n: {"not": {"type": "null"}}}} for n in names]
    }


def _ids() -> dict[str, Any]:
    return {"type": "array", "items": _ID}


def _texts() -> dict[str, Any]:
    return {"type": "array", "items": _TEXT}


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _list(name: str) -> dict[str, Any]:
    return {"type": "array", "items": _ref(name)}


def _object(
    allowed: frozenset[str], properties: dict[str, Any], required: tuple[str, ...] = ()
) -> dict[str, Any]:
    missing = sorted(set(allowed) - set(properties))
    if missing:  # every key the loader accepts has a type here
        raise AssertionError(f"no schema for keys {missing}")
    # the loader reads an optional key given as null as the key left out
    return {
        "type": "object",
        "properties": {
            **{
                k: properties[k] if k in required else {"anyOf": [properties[k], {"type": "null"}]}
                for k in sorted(allowed)
            },
            "//": _COMMENT,
        },
        "required": list(required),
        "additionalProperties": False,
    }


def _defs() -> dict[str, Any]:
    shifts: dict[str, Any] = {
        **{k: {"type": "integer"} for k in ("years", "months", "weeks", "days")},
        "year": {"type": "integer", "minimum": 1, "maximum": 9999},
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "weekday": {"type": "string", "pattern": r"^(MO|TU|WE|TH|FR|SA|SU)\(-?[0-9]+\)$"},
    }
    relative = {"type": "object", "properties": shifts, "additionalProperties": False}
    if set(shifts) != keys.RELATIVE_KEYS:
        raise AssertionError("relative keys differ from the loader's")
    victims = _words(Victims)
    return {
        "date": _object(
            keys.DATE,
            {
                "text": _TEXT,
                "span": {"type": "string", "pattern": f"^{_PERIOD}(/{_PERIOD})?$"},
                "part": {"type": "string", "enum": ["early", "mid", "late"]},
                "relative": relative,
                "unit": {"type": "string", "enum": ["day", "week", "month", "year"]},
                "anchor": _ID,
                "earliest": _DAY,
                "latest": _DAY,
                "reasoning": _NOTE,
            },
            ("text",),
        )
        | {
            # exactly one form: a span, a relative date, or explicit bounds with reasoning
            "oneOf": [
                {"required": ["span"], "not": _any_of("relative", "earliest", "latest")},
                {"required": ["relative", "anchor"], "not": _any_of("span", "earliest", "latest")},
                {
                    "required": ["reasoning"],
                    "anyOf": [{"required": ["earliest"]}, {"required": ["latest"]}],
                    "not": _any_of("span", "relative"),
                },
            ]
        },
        "citation": _object(
            keys.CITATION, {"about": _TEXT, "source": _ID, "quote": _TEXT}, keys_of(keys.CITATION)
        ),
        "attribution": _object(
            keys.ATTRIBUTION,
            {
                "groups": _ids() | {"minItems": 1},
                "stance": _words(Stance),
                "claimant": _ID,
                "source": _ID,
                "quote": _TEXT,
                "note": _NOTE,
            },
            ("groups", "source", "quote"),
        ),
        "date_claim": _object(
            keys.DATE_CLAIM,
            {
                "date": _ref("date"),
                "source": _ID,
                "quote": _TEXT,
                "report": _FLAG,
                "note": _NOTE,
            },
            ("date", "source", "quote"),
        ),
        "place_reference": _object(
            keys.PLACE_REF,
            {
                "source": _ID,
                "governorate": _TEXT,
                "district": _TEXT,
                "latitude": {"type": "number", "minimum": -90, "maximum": 90},
                "longitude": {"type": "number", "minimum": -180, "maximum": 180},
                "names": _texts(),
                "note": _NOTE,
            },
            ("source",),
        )
        | {"dependentRequired": {"latitude": ["longitude"], "longitude": ["latitude"]}},
        "role": _object(
            keys.ROLE,
            {
                "title": _TEXT,
                "group": _ID,
                "leads": _FLAG,
                "source": _ID,
                "quote": _TEXT,
                "since": _ref("date_claim"),
                "until": _ref("date_claim"),
                "counts_as": victims,
                "note": _NOTE,
            },
            ("title", "source", "quote"),
        ),
        "strength": _object(
            keys.STRENGTH,
            {
                "count": _COUNT,
                "approximate": _FLAG,
                "unit": _TEXT,
                "as_of": _ref("date"),
                "claimant": _ID,
                "source": _ID,
                "quote": _TEXT,
                "note": _NOTE,
            },
            ("count", "unit", "source", "quote"),
        ),
        "affiliation": _object(
            keys.AFFILIATION,
            {
                "other": _ID,
                "relation": _words(Relation),
                "claimant": _ID,
                "source": _ID,
                "quote": _TEXT,
                "since": _ref("date"),
                "until": _ref("date"),
                "note": _NOTE,
            },
            ("other", "relation", "source", "quote"),
        ),
        "claim": _object(
            keys.CLAIM,
            {
                "victims": victims,
                "outcome": _words(Outcome),
                "low": _COUNT,
                "high": {"oneOf": [_COUNT, {"type": "null"}]},
                "claimant": _ID,
                "source": _ID,
                "quote": _TEXT,
                "vague": _FLAG,
                "within": {"type": "array", "items": victims},
                "counts_to": _ref("date"),
                "note": _NOTE,
            },
            ("victims", "low", "source", "quote"),
        ),
    }


def keys_of(allowed: frozenset[str]) -> tuple[str, ...]:
    """Every key, sorted: for shapes whose keys are all required."""
    return tuple(sorted(allowed))


def _records() -> dict[str, dict[str, Any]]:
    return {
        "sources": _object(
            keys.SOURCE,
            {
                "id": _ID,
                "kind": _words(SourceKind),
                "article": _TEXT,
                "outlet": _TEXT,
                "outlet_quote": _TEXT,
                "outlet_from": _ID,
                "headline": _TEXT,
                "published": _ref("date"),
                "published_from": _ID,
                "address": _TEXT,
                "note": _NOTE,
            },
            ("id", "kind"),
        ),
        "places": _object(
            keys.PLACE,
            {
                "id": _ID,
                "name": _TEXT,
                "kind": _words(PlaceKind),
                "aliases": _texts(),
                "governorate": _TEXT,
                "near": _ID,
                "citations": _list("citation"),
                "reference": _ref("place_reference"),
                "note": _NOTE,
            },
            ("id", "name", "kind"),
        ),
        "people": _object(
            keys.PERSON,
            {
                "id": _ID,
                "name": _TEXT,
                "aliases": _texts(),
                "citations": _list("citation"),
                "roles": _list("role"),
                "note": _NOTE,
            },
            ("id", "name"),
        ),
        "groups": _object(
            keys.GROUP,
            {
                "id": _ID,
                "name": _TEXT,
                "kind": _words(GroupKind),
                "aliases": _texts(),
                "citations": _list("citation"),
                "founding": _list("date_claim"),
                "ending": _list("date_claim"),
                "strength": _list("strength"),
                "affiliations": _list("affiliation"),
                "note": _NOTE,
            },
            ("id", "name", "kind"),
        ),
        "announcements": _object(
            keys.ANNOUNCEMENT,
            {
                "id": _ID,
                "announcer": _ID,
                "about": _ID,
                "date": _ref("date"),
                "summary": _TEXT,
                "source": _ID,
                "quote": _TEXT,
                "reports": _list("date_claim"),
                "note": _NOTE,
            },
            ("id", "summary"),
        ),
        "strikes": _object(
            keys.STRIKE,
            {
                "id": _ID,
                "scope": _words(Scope),
                "kind": _words(StrikeKind),
                "description": _TEXT,
                "date_claims": _list("date_claim"),
                "start_claims": _list("date_claim"),
                "end_claims": _list("date_claim"),
                "place": _ID,
                "perpetrator": _ID,
                "attributions": _list("attribution"),
                "allies": _ids(),
                "targets": _ids(),
                "killed": _ids(),
                "claims": _list("claim"),
                "citations": _list("citation"),
                "note": _NOTE,
            },
            ("id", "description", "place", "perpetrator"),
        ),
        "ceasefires": _object(
            keys.CEASEFIRE,
            {
                "id": _ID,
                "name": _TEXT,
                "kind": _words(CeasefireKind),
                "start_claims": _list("date_claim"),
                "end_claims": _list("date_claim"),
                "parties": _ids(),
                "brokers": _ids(),
                "citations": _list("citation"),
                "note": _NOTE,
            },
            ("id", "name"),
        ),
        "developments": _object(
            keys.DEVELOPMENT,
            {
                "id": _ID,
                "kind": _words(DevelopmentKind),
                "description": _TEXT,
                "start_claims": _list("date_claim"),
                "end_claims": _list("date_claim"),
                "actors": _ids(),
                "affected": _ids(),
                "place": _ID,
                "citations": _list("citation"),
                "note": _NOTE,
            },
            ("id", "kind", "description"),
        ),
        "figures": _object(
            keys.FIGURE,
            {
                "id": _ID,
                "measure": _TEXT,
                "subject": _TEXT,
                "low": _COUNT,
                "high": {"oneOf": [_COUNT, {"type": "null"}]},
                "unit": _TEXT,
                "approximate": _FLAG,
                "period": _ref("date"),
                "place": _ID,
                "claimant": _ID,
                "source": _ID,
                "quote": _TEXT,
                "note": _NOTE,
            },
            ("id", "measure", "subject", "low", "unit", "source", "quote"),
        ),
        "references": _object(
            keys.REFERENCE,
            {
                "id": _ID,
                "subject": _TEXT,
                "field": _TEXT,
                "value": _TEXT,
                "date": _ref("date"),
                "corrects": _FLAG,
                "confidence": _words(Confidence),
                "source": _ID,
                "place": _ID,
                "note": _NOTE,
            },
            ("id", "subject", "field", "value", "confidence", "source"),
        ),
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a data file (a new dict), draft 2020-12.

    Examples:
        >>> schema = json_schema()
        >>> schema["$schema"], sorted(schema["properties"])[:3]
        ('https://json-schema.org/draft/2020-12/schema', ['$schema', '//', 'additions'])
    """
    records = _records()
    additions = []
    for kind, (plural, lists) in ADDABLE.items():  # what the loader lets an addition extend
        fields = {name: records[plural]["properties"][name] for name in lists}
        additions.append(
            {
                "type": "object",
                "properties": {"kind": {"const": kind}, "id": _ID, "//": _COMMENT, **fields},
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
            **{kind: {"type": "array", "items": shape} for kind, shape in records.items()},
        },
        "required": ["idlibstrikes"],
        "additionalProperties": False,
        "$defs": _defs(),
    }


def schema_text() -> str:
    """The schema as the text ``idlibstrikes schema`` prints (two-space indents)."""
    import json

    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
