"""Records put together from values read and checked: through their slots.

What a record class's validators check (types, a low at most its high), the readers of
``_reading`` have checked already, so a record read quickly is put together as attrs'
generated ``__init__`` puts it, a value in each field's slot, without running them again:
from the values read by name (`_assemble`, what `ShapeReader.make` does first), or,
for a list of nested objects whose every field is plainly right, straight from each
object, with no dict between (`_plain_records`, `ShapeReader`'s plain reader of such a
list). Here too are what they share with ``_reading``'s plain readers: what one gives for a
value that is not plainly right (``_NO``), the plain reader of a count, and the spot a
rule is given for an object read plainly (`_Spot`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from ._reader import Bail, Fields

__all__: list[str] = []

#: What a plain reader gives for a value that is not plainly right.
_NO: Any = object()
#: One step of a shape's plan (see `ShapeReader.plan`).
_Step = tuple[str, bool, Any, Callable[[Any, dict[str, Any]], Any] | None, Callable[[Fields], Any]]


class _Spot:
    """What a rule is given for an object read plainly: any failure is a `Bail`.

    One stands for the objects of a list (a rule reads no data of its own object, only
    that of the object it is inside: ``parent.data``).
    """

    __slots__ = ("data", "parent")
    failed = False

    def __init__(self, data: dict[str, Any] | None, parent: _Spot | None) -> None:
        self.data = data
        self.parent = parent

    def fail(self, *_: Any, **__: Any) -> None:
        raise Bail

    spoil = fail


def _plain_count(value: Any, _: dict[str, Any]) -> Any:
    """The plain reader of a count: a whole number, zero or more."""
    return value if type(value) is int and value >= 0 else _NO


def _never(value: Any, data: dict[str, Any]) -> Any:
    """The plain reader of a field that has none: nothing is plainly right."""
    return _NO


def _ignore(record: Any, value: Any) -> None:
    """What sets a value the record class has no field for: nothing."""


_FIELD_NAMES: dict[Any, dict[str, bool]] = {}
_SLOTS: dict[Any, dict[tuple[str, ...], tuple[tuple[Any, ...], ...]]] = {}
_new = object.__new__
_NOTHING = attrs.NOTHING
#: How many orders of keys `_plain_records` keeps the reading of, per shape.
_LAYOUTS = 64


def _assemble(factory: Any, values: dict[str, Any], more: dict[str, Any]) -> Any:
    """A record put together from values read and checked (``None``: one is missing).

    Each field's value is in ``more``, else in ``values`` (`ShapeReader.make`'s). What the
    validators of the record class check (types, low <= high) the readers have checked:
    the record is put together through its slots without running them again (see
    `_slots`). ``None`` where a field without a default has no value its type allows: the
    caller then runs ``__init__``, whose validator says why.
    """
    plans = _SLOTS.get(factory) or _slots(factory)
    given = tuple(more)
    plan = plans.get(given)
    if plan is None:  # which fields come from which (once per set of names in more)
        plan = plans[given] = (
            tuple(slot for slot in plans[()][0] if slot[0] not in more),
            tuple(slot for slot in plans[()][0] if slot[0] in more),
        )
    record = _new(factory)
    for name, set_slot, default in plan[0]:
        try:
            value = values[name]
        except KeyError:
            value = None
        if value is None:
            if default is _NO:
                return None
            value = default
        set_slot(record, value)
    for name, set_slot, default in plan[1]:
        value = more[name]
        if value is None:
            if default is _NO:
                return None
            value = default
        set_slot(record, value)
    return record


def _slots(factory: Any) -> dict[tuple[str, ...], tuple[tuple[Any, ...], ...]]:
    """How `ShapeReader.make` puts a record of a frozen, slotted class together.

    Each field's name, its slot's own setter (a frozen class blocks ``setattr``, not
    these, which set a field as attrs' generated ``__init__`` does, without its
    validators), and what a missing value stands for: its default, else ``None`` where its
    type allows it, else ``_NO`` (the record cannot be put together). By the names
    `_assemble` is given besides the values read: under ``()``, every field.
    """
    every = tuple(
        (
            a.name,
            vars(factory)[a.name].__set__,
            a.default if a.default is not _NOTHING else (None if "None" in str(a.type) else _NO),
        )
        for a in attrs.fields(factory)
    )
    found: dict[tuple[str, ...], tuple[tuple[Any, ...], ...]] = {(): (every, ())}
    _SLOTS[factory] = found
    return found


def _field_names(factory: Any) -> dict[str, bool]:
    """A record class's field names (what `RecordBuilder.make` may pass).

    Each with whether it has a default: a ``None`` is passed only to a field without one.
    """
    found = _FIELD_NAMES.get(factory)
    if found is None:
        found = _FIELD_NAMES[factory] = {
            a.name: a.default is not attrs.NOTHING for a in attrs.fields(factory)
        }
    return found


def _plain_records(
    shape: str,
    factory: Any,
    rule: Callable[[Fields, Any], None] | None,
    keys: frozenset[str],
    plan: tuple[_Step, ...],
    lookups: dict[str, dict[str, Any] | None],
) -> Callable[[Any, dict[str, Any]], Any]:
    """The plain reader of a list of objects of a shape read straight into records.

    ``factory`` is the record class of ``shape`` and ``rule`` its rule (`ShapeReader.makers`),
    ``keys`` and ``plan`` the shape's keys and plan, ``lookups`` each field's look-up
    (`ShapeReader._lookup`). The reader gives the records, as a tuple, each read straight
    from its object when every field is plainly right and its rule holds (else ``_NO``,
    as for what is not a list). It is given the list and the object the list is in; the
    rule is given a spot that stands for the object's `Fields` (its ``parent`` holds the
    object it is inside).

    A record is put together as `_assemble` does, through its slots (see `_slots`). An
    object that gives every field has each key's step found by its name; one that
    leaves some out is read by the order of the keys it gives (found once per order:
    the defaults of the fields left out, and the steps in that order).
    """
    fields = attrs.fields(factory)
    if not {a.name for a in fields} <= keys:
        raise TypeError(f"{factory.__name__} has a field {shape!r} cannot give")
    slot = {a.name: vars(factory)[a.name].__set__ for a in fields}
    # a field left out (or null) is the record class's default, else the shape's
    # empty value (a claim's open high); a required one cannot be, nor one whose
    # record field has no default and cannot be None (read carefully, it is reported)
    left_out = {name: empty for name, _, empty, _, _ in plan}
    left_out.update((a.name, a.default) for a in fields if a.default is not _NOTHING)
    required = frozenset(name for name, required, _, _, _ in plan if required) | {
        a.name for a in fields if a.default is _NOTHING and "None" not in str(a.type)
    }
    # each key's look-up, plain reader, what it is when null, and its slot's setter (a
    # key only the format knows is not kept)
    steps = {
        name: (
            lookups[name],
            plain or _never,
            _NO if name in required else left_out[name],
            slot.get(name, _ignore),
        )
        for name, _, _, plain, _ in plan
    }
    every = len(keys)
    # how an object that leaves fields out is read, by the keys it gives in their
    # order (made once per order): the defaults of the fields it leaves out, and each
    # key's step in that order; False where it gives a key the shape does not have (a
    # comment too) or leaves out a required one
    layouts: dict[tuple[str, ...], Any] = {}

    def layout(names: tuple[str, ...]) -> Any:
        if len(layouts) >= _LAYOUTS:  # a file of many orders of keys: keep a few
            layouts.clear()
        found = layouts[names] = (
            keys.issuperset(names)
            and required.issubset(names)
            and (
                tuple((slot[a.name], left_out[a.name]) for a in fields if a.name not in names),
                tuple(steps[name] for name in names),
            )
        )
        return found

    # what the rule is given: it stands for the object read (its parent for the object
    # the list is in)
    spot = _Spot(None, _Spot(None, None))

    def read(items: Any, inside: dict[str, Any]) -> Any:
        if type(items) is not list:
            return _NO
        out = []
        for item in items:
            if type(item) is not dict:
                return _NO
            record: Any = _new(factory)
            # (the two loops read a value alike: one finds each key's step by its
            # name, the other has them in the order of the keys given)
            try:
                if len(item) == every:  # every field given
                    if not keys.issuperset(item):  # a key the shape does not have
                        return _NO
                    for name, value in item.items():
                        lookup, plain, null, set_slot = steps[name]
                        if value is None:
                            if null is _NO:
                                return _NO
                            set_slot(record, null)
                        elif lookup is not None and (got := lookup.get(value)) is not None:
                            set_slot(record, got)
                        elif plain is _plain_count:  # (its check, without its call)
                            if type(value) is not int or value < 0:
                                return _NO
                            set_slot(record, value)
                        elif (got := plain(value, item)) is _NO:
                            return _NO
                        else:
                            set_slot(record, got)
                else:
                    names = tuple(item)
                    how = layouts.get(names)
                    if how is None:
                        how = layout(names)
                    if how is False:
                        return _NO
                    for set_slot, default in how[0]:
                        set_slot(record, default)
                    for (lookup, plain, null, set_slot), value in zip(
                        how[1], item.values(), strict=False
                    ):
                        if value is None:
                            if null is _NO:
                                return _NO
                            set_slot(record, null)
                        elif lookup is not None and (got := lookup.get(value)) is not None:
                            set_slot(record, got)
                        elif plain is _plain_count:
                            if type(value) is not int or value < 0:
                                return _NO
                            set_slot(record, value)
                        elif (got := plain(value, item)) is _NO:
                            return _NO
                        else:
                            set_slot(record, got)
            except TypeError:  # a look-up given a list or an object
                return _NO
            if rule is not None:
                spot.parent.data = inside  # type: ignore[union-attr]  # set above
                try:
                    rule(spot, record)  # type: ignore[arg-type]  # as Fields
                except Bail:
                    return _NO
            out.append(record)
        return tuple(out)

    return read
