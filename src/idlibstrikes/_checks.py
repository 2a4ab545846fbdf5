"""Tiny attrs validators with messages a person can read.

attrs' own ``instance_of`` prints the whole attribute object in its message; these say
which field was wrong, what it held, and what it should hold.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

__all__ = [
    "count",
    "fields_repr",
    "instance",
    "optional_count",
    "optional_instance",
    "text",
    "tuple_of",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _show(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def instance(kind: type | tuple[type, ...]) -> Validator:
    """A validator: the value is an instance of ``kind``."""
    names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))

    def check(obj: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise ValueError(
                f"{attribute.name} must be {names}, not {type(value).__name__} {_show(value)}"
            )

    return check


def optional_instance(kind: type) -> Validator:
    """A validator: the value is ``None`` or an instance of ``kind``."""
    inner = instance(kind)

    def check(obj: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner(obj, attribute, value)

    return check


def text(obj: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A validator: the value is non-empty text."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be non-empty text, not {_show(value)}")


def count(obj: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A validator: the value is a whole number, zero or more (``True`` is not a number)."""
    if type(value) is not int:
        raise ValueError(f"{attribute.name} must be a whole number, not {_show(value)}")
    if value < 0:
        raise ValueError(f"{attribute.name} must not be negative, not {value}")


def optional_count(obj: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A validator: ``None`` or a whole number, zero or more."""
    if value is not None:
        count(obj, attribute, value)


def tuple_of(kind: type) -> Validator:
    """A validator: the value is a tuple whose items are all instances of ``kind``."""

    def check(obj: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise ValueError(
                f"{attribute.name} must be a tuple, not {type(value).__name__} {_show(value)}"
            )
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                raise ValueError(
                    f"{attribute.name}[{i}] must be {kind.__name__}, "
                    f"not {type(item).__name__} {_show(item)}"
                )

    return check


def fields_repr(self: Any) -> str:
    """``Name(field=value, ...)``, as attrs writes a record's repr.

    One function shared by the records that show every field: attrs would compile a
    ``__repr__`` for each class when the package is imported, a cost on every start.
    """
    cls = type(self)
    shown = ", ".join(f"{a.name}={getattr(self, a.name)!r}" for a in attrs.fields(cls) if a.repr)
    return f"{cls.__name__}({shown})"
