"""The vocabulary the data-file format is described in: `Field`, `Shape` and `Format`.

A `Field` is one key of an object in a data file: its JSON type, whether it is required,
the vocabulary or the kind of record it names, and the text rules it obeys. A `Shape` is
one kind of JSON object and its fields; a `Format` is every shape by name. The description
of the format itself, made of these, is ``_format``'s.

Maintainer's note: the JSON types are few on purpose; each is read the same way wherever it
appears. ``text`` is a non-empty string that UTF-8 can hold; ``id`` the id pattern;
``ref``/``refs`` ids of records of the kind named in ``of``, resolved while loading (a
``names`` field holds an id that is checked once every record is built, where the record
may be of several kinds, or a back-reference that would make a cycle); ``count`` a whole
number of zero or more; ``integer`` any whole number (bounded by ``minimum``/``maximum``);
``number`` a finite number; ``flag`` true or false; ``word``/``words`` members of the
vocabulary in ``of`` (an Enum, or a tuple of words); ``day`` an ISO day; ``object`` and
``objects`` a nested shape (``of`` names it).
"""

from __future__ import annotations

import builtins
import functools
from collections.abc import Mapping
from enum import Enum
from typing import Any, Literal

import attrs

__all__ = ["Field", "Format", "Shape", "Type"]

Type = Literal[
    "text",
    "id",
    "ref",
    "refs",
    "names",
    "texts",
    "count",
    "integer",
    "number",
    "flag",
    "word",
    "words",
    "day",
    "object",
    "objects",
]


@attrs.frozen(kw_only=True)
class Field:
    """One key of an object in a data file.

    Attributes:
        name: The key.
        type: Its JSON type (see the module's note).
        doc: What a value means (the lossless tables' column description).
        required: Whether the key must be given (a null is the key left out).
        of: For ``ref``/``refs``/``names``: the kind of record named ("group"); for
            ``word``/``words``: the vocabulary (an Enum or a tuple of words); for
            ``object``/``objects``: the shape's name.
        default: The value an absent key stands for (a vocabulary's word, ``False``).
        quote: A text that must be found in the article of the object's ``source``.
        keep_null: ``null`` means something (a claim's ``high``: no upper bound), so it
            is written out rather than left out.
        minimum: The smallest number allowed.
        maximum: The largest number allowed.
        pattern: A regular expression a text must match (beyond being text).
        addable: Whether a user's ``"additions"`` may append to this list of an existing
            record.
        wide: A count that may pass 32 bits (figures of the wider war).
        tables: Whether the lossless tables hold it (a compact form's keys do not).
    """

    name: str
    type: Type
    doc: str = ""
    required: bool = False
    of: str | builtins.type[Enum] | tuple[str, ...] | None = None
    default: Any = None
    quote: bool = False
    keep_null: bool = False
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None
    addable: bool = False
    wide: bool = False
    tables: bool = True

    @property
    def words(self) -> tuple[str, ...]:
        """A ``word``/``words`` field's vocabulary, as the words a file may hold."""
        if isinstance(self.of, tuple):
            return self.of
        if isinstance(self.of, builtins.type) and issubclass(self.of, Enum):
            return tuple(str(m.value) for m in self.of)
        return ()


@attrs.frozen(kw_only=True, slots=False)  # not slotted: its derived sets are cached
class Shape:
    """One kind of JSON object in a data file, and the fields it may hold.

    Attributes:
        name: The shape's name ("strike", "claim", "date").
        fields: Its fields, in the order files write them.
        plural: For a kind of record: its key at the top of a file ("strikes").
        table: For a shape that is a list item: its lossless table ("casualty_claims").
        one_of: The forms an object takes, exactly one of which it gives: each a tuple
            whose first item is the key (or keys joined by ``|``, any of them) that marks
            the form, and whose other items the form also requires (a date's span, its
            relative form with its anchor, or its bounds with their reasoning).
        together: Keys given together or not at all (a point's latitude and longitude).
        comments: Whether a ``"//"`` comment key is allowed (everywhere but in a relative
            date's arguments, which go to dateutil as they are).
        nulls: Whether an optional key may be given as null, meaning left out.
        doc: What the shape is.
    """

    name: str
    fields: tuple[Field, ...]
    plural: str | None = None
    table: str | None = None
    one_of: tuple[tuple[str, ...], ...] = ()
    together: tuple[str, ...] = ()
    comments: bool = True
    nulls: bool = True
    doc: str = ""

    @functools.cached_property
    def keys(self) -> frozenset[str]:
        """The keys an object of this shape may have."""
        return frozenset(f.name for f in self.fields)

    @functools.cached_property
    def by_name(self) -> Mapping[str, Field]:
        """Its fields by key."""
        return {f.name: f for f in self.fields}

    @functools.cached_property
    def required(self) -> tuple[str, ...]:
        """The keys that must be given."""
        return tuple(f.name for f in self.fields if f.required)

    def add(self, field: Field) -> Shape:
        """This shape with one more field (how a field is added: see the contributing guide).

        Examples:
            >>> from idlibstrikes._format import FORMAT  # the description, made of these
            >>> FORMAT["claim"].add(Field(name="confidence", type="text")).keys >= {"low"}
            True
        """
        return attrs.evolve(self, fields=(*self.fields, field))


@attrs.frozen
class Format:
    """The whole format: every shape by name, and the kinds of record in file order.

    Examples:
        >>> from idlibstrikes._format import FORMAT  # the description, made of these
        >>> FORMAT["strike"].by_name["perpetrator"].of
        'group'
        >>> [s.plural for s in FORMAT.kinds][:3]
        ['sources', 'places', 'people']
    """

    shapes: Mapping[str, Shape]

    def __getitem__(self, name: str) -> Shape:
        return self.shapes[name]

    @property
    def kinds(self) -> tuple[Shape, ...]:
        """The shapes that are kinds of record (a key at the top of a file), in order."""
        return tuple(s for s in self.shapes.values() if s.plural is not None)

    def kind(self, plural: str) -> Shape:
        """The shape of the records under a top-level key ("strikes")."""
        return next(s for s in self.kinds if s.plural == plural)

    def replace(self, shape: Shape) -> Format:
        """This format with one shape replaced (a test adds a field this way)."""
        return Format({**self.shapes, shape.name: shape})
