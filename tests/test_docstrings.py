"""Every public class, function, method and property has a docstring with an example."""

from __future__ import annotations

import inspect
from collections.abc import Iterator

import idlibstrikes as isk


def public_members() -> Iterator[tuple[str, object]]:
    for name in isk.__all__:
        obj = getattr(isk, name)
        yield name, obj
        if inspect.isclass(obj) and not issubclass(obj, BaseException):
            for attr, value in vars(obj).items():
                if attr.startswith("_"):
                    continue
                if isinstance(value, property | classmethod | staticmethod) or inspect.isfunction(
                    value
                ):
                    yield f"{name}.{attr}", value


def test_every_public_name_has_an_example() -> None:
    missing = []
    for name, obj in public_members():
        target = obj.fget if isinstance(obj, property) else obj
        target = getattr(target, "__func__", target)
        doc = inspect.getdoc(target) or ""
        if ">>>" not in doc:
            missing.append(name)
    assert missing == []
