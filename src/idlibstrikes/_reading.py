"""Reading objects by the format's description: quickly, and carefully.

`ShapeReader` reads an object of any shape of the format (``_format``) field by field, each
by its JSON type, into a dict of values by name (`ShapeReader.read`) or straight into its
record (`ShapeReader.make`). What it reads is made once per shape from the description
(`ShapeReader.plan`): adding a field to a shape is all a new field needs here.

Maintainer's note: each field has two readers. The *plain* one takes a value that is
plainly right (the right JSON type, a known id, a word of its vocabulary, a quote found in
its article) as it is, in a few checks, and gives ``_NO`` for anything else; the *careful*
one reads the field through `Fields`, which finds, words and locates whatever is wrong. A
value is read plainly where it can be, carefully otherwise. A nested object of a shape in
`ShapeReader.makers` is read plainly as a whole, straight into its record (no `Fields`, no
dict), and its rule (a claim's low above its high) is the one function the careful read
calls too; records read quickly are put together through their slots (``_assembly``). And
a record is read *quickly* first (`ShapeReader.quickly`): into a quick `Problems`, whose
first problem raises `Bail`; the record is then read again by the same code, reporting.
So a large file of good records pays for no locating, and a bad one is read by the very
code that reads a good one. ``tests/test_quick.py`` checks, by property, that a good file
builds the same and a bad one gets the same problems with every shortcut turned off
(`ShapeReader.quick_first`, `ShapeReader.plainly`).

The builders (``_builder``, ``_load``) supply what reading needs of the records built so
far: the tables a reference is resolved in, and the readers of references, quotes and
dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from types import SimpleNamespace
from typing import Any, TypeVar

from ._assembly import (
    _NO,
    _assemble,
    _field_names,
    _plain_count,
    _plain_records,
    _Spot,
    _Step,
)
from ._dates import DateRange
from ._files import RawRecord
from ._format import Field, Format, Shape
from ._models import Citation, DateClaim
from ._reader import _ID, _ISO_DAY, Bail, Fields, Problems, _members, _writable

__all__ = ["UNCHECKED", "ShapeReader", "collapse"]

T = TypeVar("T")


class ShapeReader:
    """Reads objects by the format's description (see the module's note)."""

    #: Whether `quickly` reads a record quickly first, and whether `read` takes a value
    #: that is plainly right as it is (a test turns them off, to compare).
    quick_first = True
    plainly = True

    def __init__(self, problems: Problems, fmt: Format) -> None:
        self.problems = problems
        #: The format's description every record is read by (a test passes one with a
        #: field added, to see the reader follow).
        self.format = fmt
        self.shapes: dict[str, Shape] = dict(fmt.shapes)
        self._plans: dict[str, tuple[_Step, ...]] = {}
        self._given: dict[str, Any] = {}
        # each source a quote has cited, by id: its article's text, or UNCHECKED
        self._quoting: dict[str, str] = {}
        # what a quick read records into: its first problem raises Bail (see `quickly`)
        self._quick = Problems(problems)
        # each plain date object read so far (a file repeats its dates: by `_date_key`),
        # and each ISO day
        self._dates: dict[str, DateRange] = {}
        self._days: dict[str, dt.date] = {}
        # the id of the record opened last by a builder (RecordBuilder.fields), checked:
        # reading the record's fields finds it here
        self._opened: dict[str, str] = {}
        # what a new date read plainly is given as its Fields (any problem is a Bail)
        self._spot = _Spot(None, None)

    # -- what the builders supply ---------------------------------------------------------
    @property
    def tables(self) -> dict[str, dict[str, Any]]:
        """The records built so far, by the kind a ``ref`` field names ("group")."""
        raise NotImplementedError

    def ref(
        self, f: Fields, key: str, table: dict[str, T], kind: str, value: str | None = None
    ) -> T | None:
        """Resolve the id in ``key`` (or ``value``) against ``table``."""
        raise NotImplementedError

    def refs(self, f: Fields, key: str, table: dict[str, T], kind: str) -> tuple[T, ...]:
        """Resolve a list of ids."""
        raise NotImplementedError

    def quote(self, f: Fields, key: str = "quote", source_key: str = "source") -> str | None:
        """Read a quote (and note in ``_quoting`` whether its source's can be checked)."""
        raise NotImplementedError

    def date(self, f: Fields | None) -> DateRange | None:
        """Read a date in any of its forms."""
        raise NotImplementedError

    def dated(
        self,
        f: Fields,
        text: str | None,
        reasoning: str,
        span: str | None,
        relative: Fields | None,
        earliest: dt.date | None,
        latest: dt.date | None,
        part: str | None,
        unit: str | None,
    ) -> DateRange | None:
        """A date from its fields' values (what `date` does once it has read them)."""
        raise NotImplementedError

    def shared(self, records: Iterable[T]) -> tuple[T, ...]:
        """``tuple(records)``, one object for every equal tuple of this load (saves memory)."""
        items = tuple(records)
        if not items:
            return ()
        # keyed by identity: the records live as long as the load, and hashing them by
        # value would walk every nested record
        return self.problems.tuples.setdefault(tuple(map(id, items)), items)

    # -- reading ----------------------------------------------------------------------------
    def quickly(self, build: Callable[[RawRecord], object], record: RawRecord) -> bool:
        """Build ``record`` with ``build``, reading quickly first.

        Where the quick read meets any problem, the record is read again, reporting: the
        same code, locating every problem. Returns whether the quick read did it.

        A quick read records nothing until its end: ``build`` keeps a record only when
        nothing failed, and a quick `Problems` raises `Bail` at the first problem.
        """
        if self.quick_first:
            main, self.problems = self.problems, self._quick
            try:
                build(record)
                return True
            except Bail:
                pass
            finally:
                self.problems = main
        build(record)
        return False

    def open(self, f: Fields, key: str, shape: str, *, required: bool = False) -> Fields | None:
        """The nested object ``key`` of ``f``, opened for reading as the format's ``shape``."""
        return f.child(key, self.shapes[shape].keys, required=required)

    def read(self, f: Fields, shape: Shape) -> dict[str, Any]:
        """Every field of ``shape`` in ``f``, each read and checked by its type.

        What the description says of a field (its JSON type, whether it is required, its
        vocabulary, the kind of record it names, a quote to find in its article) is checked
        here, each problem located; a nested object is read by the reader of its shape
        (``self.readers``). What a kind's builder computes beyond that (summaries, checks
        across fields and records) it does with the values returned, by key. An optional
        field left out (or null) takes its empty value without a read, and a value that is
        plainly right is taken as it is (see `plan`).
        """
        data = f.data
        if self.problems.quick:  # by the keys given: the order of problems is moot
            given = self._given.get(shape.name)
            if given is None:
                given = self._given[shape.name] = self._by_key(shape)
            empties, steps, required = given
            out = empties.copy()
            for name, value in data.items():
                if value is None:
                    if name in required:
                        out[name] = steps[name][2](f)  # reports it missing: Bail
                    continue
                try:
                    lookup, plain, careful = steps[name]
                except KeyError:  # a comment (any other key failed the Fields already)
                    continue
                try:
                    got = None if lookup is None else lookup.get(value)
                    if got is None and plain is not None:
                        got = plain(value, data)
                except TypeError:  # a list or an object where text belongs: read carefully
                    got = _NO
                out[name] = careful(f) if got is None or got is _NO else got
            if not data.keys() >= required:
                for name in required - data.keys():
                    out[name] = steps[name][2](f)  # reports it missing: Bail
            return out
        out = {}
        for name, required, empty, plain, careful in self.plan(shape):
            value = data.get(name)
            if value is None:
                out[name] = careful(f) if required else empty
                continue
            try:
                got = _NO if plain is None else plain(value, data)
            except TypeError:  # a list or an object where text belongs: read carefully
                got = _NO
            out[name] = careful(f) if got is _NO else got
        return out

    def _by_key(
        self, shape: Shape
    ) -> tuple[dict[str, Any], dict[str, tuple[Any, Any, Any]], frozenset[str]]:
        """A shape's plan by key, for a quick read: empty values, readers, required keys.

        Each key's readers: where its plainly right texts are found (see `_lookup`), its
        plain reader and its careful one.
        """
        plan = self.plan(shape)
        lookups = {field.name: self._lookup(field) for field in shape.fields}
        return (
            {name: empty for name, _, empty, _, _ in plan},
            {name: (lookups[name], plain, careful) for name, _, _, plain, careful in plan},
            frozenset(name for name, required, _, _, _ in plan if required),
        )

    def plan(self, shape: Shape) -> tuple[_Step, ...]:
        """How `read` reads each field of ``shape``, made once per shape from the description.

        Each field's name, whether it is required, its empty value, and two readers: a
        plain one, which takes a value that is plainly right in a few checks (``_NO`` for
        anything else: ``None`` where there is none), and the careful one, which reads the
        field through ``Fields``, finding and locating whatever is wrong.
        """
        found = self._plans.get(shape.name)
        if found is None:
            found = self._plans[shape.name] = tuple(
                (
                    field.name,
                    field.required,
                    _empty(field),
                    self._plain(field),
                    self._careful(field),
                )
                for field in shape.fields
            )
        return found

    def _plain(self, field: Field) -> Callable[[Any, dict[str, Any]], Any] | None:
        """The plain reader of a field (see `plan`), where its type has one.

        It is given the value and the object it is in (a quote's source is beside it).
        """
        t, of = field.type, field.of
        strings = self.problems.strings
        if not self.plainly:
            return None
        if t == "text" and field.quote:
            return self._plain_quote()
        if t == "text":
            return lambda v, _: (
                strings.setdefault(v, v)
                if type(v) is str and v and not v.isspace() and (v.isascii() or _writable(v))
                else _NO
            )
        if t == "id":  # its record's own: not shared (no other record holds it as text)
            return lambda v, _: v if type(v) is str and _ID.fullmatch(v) else _NO
        if t == "names":
            return lambda v, _: (
                strings.setdefault(v, v) if type(v) is str and _ID.fullmatch(v) else _NO
            )
        if t in ("ref", "refs"):
            assert isinstance(of, str)
            table = self.tables[of]  # its ids are valid ones: a plain id is found in it
            if t == "ref":
                return lambda v, _: table.get(v, _NO) if type(v) is str else _NO
            return self._plain_refs(table)
        if t == "count":
            return _plain_count
        if t == "day":
            return self._plain_day
        if t == "word" and isinstance(of, tuple):
            words = of
            return lambda v, _: v if type(v) is str and v in words else _NO
        if t == "flag":
            return lambda v, _: v if type(v) is bool else _NO
        if t in ("word", "words") and of is not None and not isinstance(of, str | tuple):
            members = _members(of)
            if t == "word":
                return lambda v, _: members.get(v, _NO) if type(v) is str else _NO
            return lambda v, _: _plain_words(v, members)
        if t == "object" and of == "date":
            return self._plain_date
        if t in ("object", "objects") and of in self.makers:
            assert isinstance(of, str)
            direct = self._direct(of)
            if t == "object":
                return lambda v, d: _first(direct([v], d))
            return direct
        return None

    def _lookup(self, field: Field) -> dict[str, Any] | None:
        """Where a field's plainly right values are found as they are, by their text.

        A reference's table (a plain id names a record built already), a vocabulary's
        members by word, for a text the texts read so far (each was checked when it was
        first read), and for a record's id the one its builder opened it by (checked then,
        see `_opened`): a text value found there is the value read, in one look-up in C.
        One not found there is read by the plain reader (which gives the same values).
        """
        t, of = field.type, field.of
        if not self.plainly:
            return None
        if t == "ref":
            assert isinstance(of, str)
            return self.tables[of]
        if t == "id":
            return self._opened
        if t == "word" and of is not None and not isinstance(of, str | tuple):
            return _members(of)
        if t == "text" and not field.quote:
            return self.problems.strings
        return None

    def shared_date(self, f: Fields) -> DateRange | None:
        """`date`, read once per distinct date object of a load (and its object shared)."""
        key = _date_key(f.data)
        if key is None:  # a relative date's nested object, a number: read each time
            return self.date(f)
        found = self._dates.get(key)
        if found is None:
            found = self.date(f)
            if found is not None and not f.failed:
                self._dates[key] = found
        return found

    def _plain_date(self, value: Any, _: dict[str, Any]) -> Any:
        """A date read before (a file repeats them), or read now if it is plainly right.

        Its fields are read plainly, by the date's description; what they make is
        `dated`'s, as for a date read carefully.
        """
        if type(value) is not dict:
            return _NO
        try:  # (_date_key, without its call)
            key = "\0".join([*value, *value.values()])
        except TypeError:  # a relative date's nested object, a number: not plainly right
            return _NO
        if key.count("\0") != 2 * len(value) - 1:
            return _NO
        found = self._dates.get(key)
        if found is None:
            v = self._plainly(value, self.shapes["date"])
            if v is _NO:
                return _NO
            get = v.get
            spot = self._spot
            spot.data = value
            try:
                found = self.dated(
                    spot,  # type: ignore[arg-type]  # as Fields: a problem is a Bail
                    get("text"),
                    get("reasoning") or "",
                    get("span"),
                    None,  # a relative date is not read plainly (see above)
                    get("earliest"),
                    get("latest"),
                    get("part"),
                    get("unit"),
                )
            except Bail:
                return _NO
            if found is None:
                return _NO
            self._dates[key] = found
        return found

    def _plain_day(self, value: Any, _: dict[str, Any]) -> Any:
        """An ISO day (YYYY-MM-DD), one object per distinct day of a load."""
        found = self._days.get(value) if type(value) is str else None
        if found is None:
            if type(value) is not str or not _ISO_DAY.fullmatch(value):
                return _NO
            try:
                found = self._days[value] = dt.date.fromisoformat(value)
            except ValueError:
                return _NO
        return found

    def _plainly(self, data: dict[str, Any], shape: Shape) -> Any:
        """Every field of ``shape`` in ``data`` read plainly, by key (``_NO`` if one is not).

        A key the shape does not have (a comment included), or a required one left
        out, is not plainly right either.
        """
        given = self._given.get(shape.name)
        if given is None:
            given = self._given[shape.name] = self._by_key(shape)
        steps, required = given[1], given[2]
        out = {}
        try:
            for name, value in data.items():
                if value is not None:
                    lookup, plain, _ = steps[name]
                    got = None if lookup is None else lookup.get(value)
                    if got is None and (plain is None or (got := plain(value, data)) is _NO):
                        return _NO
                    out[name] = got
                elif name not in steps:
                    return _NO
        except KeyError:  # a key the shape does not have
            return _NO
        except TypeError:  # a list or an object where text belongs
            return _NO
        if not out.keys() >= required:
            return _NO
        return out

    def _direct(self, shape: str) -> Callable[[Any, dict[str, Any]], Any]:
        """The plain reader of a list of objects of a shape in `makers` (`_plain_records`).

        Their records, as a tuple, each read straight from its object when every field is
        plainly right and its rule holds (else ``_NO``, as for what is not a list).
        """
        factory, rule = self.makers[shape]
        described = self.shapes[shape]
        rule = self.rule_of(described, rule)
        lookups = {field.name: self._lookup(field) for field in described.fields}
        return _plain_records(shape, factory, rule, described.keys, self.plan(described), lookups)

    def _plain_quote(self) -> Callable[[Any, dict[str, Any]], Any]:
        """The plain reader of a quote whose source has been read (``_quoting``).

        A quote is plainly right where it is text found in its source's article (where
        the article is at hand).
        """
        quoting: dict[Any, str] = self._quoting

        def quote(text: Any, data: dict[str, Any]) -> Any:
            if (
                type(text) is str
                and text
                and not text.isspace()
                and (text.isascii() or _writable(text))
            ):
                # (a source that is a list or an object raises TypeError: read carefully)
                known = quoting.get(data.get("source"))
                if known is UNCHECKED or (known is not None and collapse(text) in known):
                    return text  # not shared: a quote is nearly always the only one of its words
            return _NO

        return quote

    def _plain_refs(self, table: dict[str, Any]) -> Callable[[Any, dict[str, Any]], Any]:
        """The plain reader of a list of ids of records built already (in ``table``).

        It gives them as one shared tuple.
        """
        shared = self.shared

        def refs(ids: Any, _: dict[str, Any]) -> Any:
            if type(ids) is not list:
                return _NO
            found = []
            for ident in ids:
                record = table.get(ident) if type(ident) is str else None
                if record is None:
                    return _NO
                found.append(record)
            return shared(found)

        return refs

    def _careful(self, field: Field) -> Callable[[Fields], Any]:
        """The careful reader of one field, by its JSON type (see the note of ``_format``)."""
        name, t, required, of = field.name, field.type, field.required, field.of
        if t == "text":
            if field.quote:
                return lambda f: self.quote(f, name)
            return (lambda f: f.text(name)) if required else (lambda f: f.opt_text(name))
        if t in ("id", "names"):
            return lambda f: f.ident(name)
        if t in ("ref", "refs"):
            assert isinstance(of, str)
            table = self.tables[of]
            if t == "refs":
                return lambda f: self.refs(f, name, table, of)
            return lambda f: self.ref(f, name, table, of)
        if t == "texts":
            return lambda f: f.texts(name)
        if t == "count":
            return lambda f: f.count(name, required=required)
        if t == "integer":
            low, high = field.minimum, field.maximum
            return lambda f: f.integer(name, required=required, low=low, high=high)
        if t == "number":
            return lambda f: f.number(name)
        if t == "flag":
            default = bool(field.default)
            return lambda f: f.flag(name, default)
        if t == "day":
            return lambda f: f.iso_date(name)
        if t in ("word", "words"):
            assert of is not None
            assert not isinstance(of, str)
            if isinstance(of, tuple):
                words = of
                return lambda f: f.word(name, words, required=required)
            vocabulary, default = of, field.default
            if t == "words":
                return lambda f: f.enums(name, vocabulary)
            return lambda f: f.enum(name, vocabulary, default)
        assert isinstance(of, str), field
        reader, keys = self.readers[of], self.shapes[of].keys
        if t == "object":
            return lambda f: _maybe(reader, f.child(name, keys, required=required))
        return lambda f: tuple(
            [item for c in f.children(name, keys) if (item := reader(c)) is not None]
        )

    @property
    def readers(self) -> dict[str, Callable[[Fields], Any]]:
        """How an object of each nested shape becomes a value.

        The kinds' builders add theirs (see ``_load``).
        """
        return {
            "date": self.shared_date,
            "relative": lambda f: f.data,  # resolved against its anchor by `date`
        } | {name: self._made(name) for name in self.makers}

    @property
    def makers(self) -> dict[str, tuple[type, Callable[[Fields, Any], None] | None]]:
        """The nested shapes read straight into a record: its class, and its rule.

        A rule checks what a shape's fields cannot say alone (a claim's low above its
        high): given the object's `Fields` and its values by attribute (the record, when
        it was read plainly), it calls ``fail`` on the first. The kinds' builders add
        theirs.
        """
        return {"date_claim": (DateClaim, None), "citation": (Citation, None)}

    def rule_of(
        self, shape: Shape, rule: Callable[[Fields, Any], None] | None
    ) -> Callable[[Fields, Any], None] | None:
        """The whole rule of a shape read plainly: its maker's, and the builders' own."""
        return rule

    def _made(self, shape: str) -> Callable[[Fields], Any]:
        factory, rule = self.makers[shape]
        described = self.shapes[shape]

        def read(c: Fields) -> Any:
            v = self.read(c, described)
            if rule is not None:
                rule(c, SimpleNamespace(**v))  # by attribute, as on a record read plainly
            return self.make(c, factory, v)

        return read

    def make(
        self, f: Fields, factory: Callable[..., T], values: dict[str, Any], **more: Any
    ) -> T | None:
        """Build a record from the values `read` gave, by name, and ``more`` besides.

        A value the record class has no field for (a key only the format knows) is not
        passed; a missing one (``None``) leaves the field at its default, or is passed
        where the field has none (a claim's open ``high``).
        """
        if self.problems.quick and not f.failed:
            record: T | None = _assemble(factory, values, more)
            if record is not None:
                return record
        if more:
            values = values | more
        names = _field_names(factory)
        kwargs = {k: v for k, v in values.items() if k in names and (v is not None or not names[k])}
        return self.construct(f, factory, **kwargs)

    def construct(self, f: Fields, factory: Callable[..., T], **kwargs: Any) -> T | None:
        """Build a record unless reading it failed; a validator's ValueError becomes a problem."""
        if f.failed:
            return None
        try:
            return factory(**kwargs)
        except ValueError as exc:
            f.fail(None, str(exc))
            return None


def _date_key(value: dict[str, Any]) -> str | None:
    """What `ShapeReader` keeps a date read under: its keys and texts, in order, as one text.

    ``None`` where that cannot stand for it alone: a value is not text, or holds the
    separator. (One text hashes and compares in one piece, where the date's items would
    be a tuple of tuples, each in its own place in memory: a look-up takes half the time.)
    """
    try:
        key = "\0".join([*value, *value.values()])
    except TypeError:
        return None
    return key if key.count("\0") == 2 * len(value) - 1 else None


def _first(records: Any) -> Any:
    """The one record of a plain read of a list of one (``_NO`` where it was not read)."""
    return _NO if records is _NO else records[0]


def _plain_words(words: Any, members: dict[str, Any]) -> Any:
    """A list of words of a vocabulary, as a tuple of its members."""
    if type(words) is not list:
        return _NO
    found = tuple([members.get(w, _NO) if type(w) is str else _NO for w in words])
    return _NO if _NO in found else found


def _empty(field: Field) -> Any:
    """What an optional field left out (or null) reads as."""
    if field.type in ("refs", "texts", "words", "objects"):
        return ()
    if field.type == "flag":
        return bool(field.default)
    return field.default


def _maybe(reader: Callable[[Fields], T], f: Fields | None) -> T | None:
    return None if f is None else reader(f)


#: A source whose quotes cannot be checked (a reference, or no article text at hand).
UNCHECKED = "\0unchecked"


def collapse(text: str) -> str:
    """Collapse runs of whitespace, no-break spaces included, to one space."""
    return " ".join(text.replace("\u00a0", " ").split())
