"""Loading data files into a ``Dataset``.

Maintainer's note: loading runs in three steps. ``_read_files`` parses each file with
the standard library and sorts its records by kind. ``_Builder`` then builds records in
dependency order (sources, places, people, groups, announcements, strikes, ceasefires,
figures, references), reading every field strictly through `Fields` and
resolving every reference. Whatever is wrong is collected; only when nothing is does a
dataset come out, so a bad file never yields a half-loaded dataset.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import attrs

from ._dates import DateRange, resolve_relative
from ._errors import DataError, Problem
from ._models import (
    Affiliation,
    Announcement,
    CasualtyClaim,
    Ceasefire,
    CeasefireKind,
    Citation,
    Confidence,
    Coordinates,
    DateClaim,
    Figure,
    Group,
    GroupKind,
    Outcome,
    Person,
    Place,
    PlaceKind,
    PlaceReference,
    ReferenceFact,
    Relation,
    Role,
    Scope,
    Source,
    SourceKind,
    StrengthEstimate,
    Strike,
    StrikeKind,
    Victims,
)
from ._names import name_clashes
from ._reader import Fields, Problems

__all__ = ["FORMAT_VERSION", "KINDS", "build", "read_bundled", "read_paths"]

FORMAT_VERSION = 1
#: The record kinds a data file may hold, in the order they are built.
KINDS = (
    "additions",
    "sources",
    "places",
    "people",
    "groups",
    "announcements",
    "strikes",
    "ceasefires",
    "figures",
    "references",
)
_TOP = frozenset({"idlibstrikes", *KINDS})

T = TypeVar("T")


def _keys(*names: str) -> frozenset[str]:
    return frozenset(names)


_DATE = _keys(
    "text", "span", "part", "relative", "unit", "anchor", "earliest", "latest", "reasoning"
)
_CITATION = _keys("about", "source", "quote")
_DATE_CLAIM = _keys("date", "source", "quote", "note")
_SOURCE = _keys(
    "id",
    "kind",
    "article",
    "outlet",
    "outlet_quote",
    "headline",
    "published",
    "published_from",
    "address",
    "note",
)
_PLACE = _keys("id", "name", "kind", "aliases", "governorate", "citations", "reference", "note")
_PLACE_REF = _keys("source", "governorate", "district", "latitude", "longitude", "names", "note")
_PERSON = _keys("id", "name", "aliases", "citations", "roles", "note")
_ROLE = _keys("title", "group", "leads", "source", "quote", "note")
_GROUP = _keys(
    "id", "name", "kind", "aliases", "citations", "founding", "strength", "affiliations", "note"
)
_STRENGTH = _keys("count", "approximate", "unit", "as_of", "claimant", "source", "quote", "note")
_AFFILIATION = _keys("other", "relation", "claimant", "source", "quote", "since", "until", "note")
_ANNOUNCEMENT = _keys("id", "announcer", "about", "date", "summary", "source", "quote", "note")
_STRIKE = _keys(
    "id",
    "scope",
    "kind",
    "description",
    "date_claims",
    "place",
    "perpetrator",
    "allies",
    "targets",
    "killed",
    "claims",
    "citations",
    "note",
)
_CLAIM = _keys("victims", "outcome", "low", "high", "claimant", "source", "quote", "note")
_CEASEFIRE = _keys(
    "id", "name", "kind", "start_claims", "end_claims", "parties", "brokers", "citations", "note"
)
_FIGURE = _keys(
    "id",
    "measure",
    "subject",
    "low",
    "high",
    "unit",
    "approximate",
    "period",
    "place",
    "claimant",
    "source",
    "quote",
    "note",
)
_REFERENCE = _keys(
    "id", "subject", "field", "value", "date", "corrects", "confidence", "source", "note"
)


@attrs.frozen
class RawRecord:
    """One record as parsed, with the file it came from.

    ``origins`` locates list items that a user file's ``additions`` appended to this
    record: (field, index) -> (file, path), so a problem in one names the user's file.
    """

    file: str
    data: dict[str, Any]
    position: int = 0
    origins: dict[tuple[str, int], tuple[str, str]] = attrs.Factory(dict)


@attrs.frozen
class RawData:
    """Every record of a set of files, sorted by kind, and the problems met reading them."""

    records: dict[str, tuple[RawRecord, ...]]
    problems: tuple[Problem, ...]
    #: Each file's bytes, kept to give line numbers to problems if the load fails.
    texts: dict[str, bytes] = attrs.Factory(dict)


# -- reading files -----------------------------------------------------------------------


def _parse(name: str, raw: bytes, problems: list[Problem], out: dict[str, list[RawRecord]]) -> None:
    def fail(message: str, line: int | None = None, **kw: str) -> None:
        problems.append(Problem(file=name, line=line, message=message, **kw))

    if not raw.strip():
        fail('the file is empty; a data file is a JSON object such as {"idlibstrikes": 1}')
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        fail(
            f"not UTF-8 text: byte {raw[exc.start]:#04x} at offset {exc.start}; "
            "save the file as UTF-8",
            line=line,
        )
        return
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        fail(f"not valid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno)
        return
    except RecursionError:
        fail("nesting too deep to read; data files nest only a few levels")
        return
    if type(doc) is not dict:
        fail(
            'the file must hold a JSON object with the key "idlibstrikes"', found=type(doc).__name__
        )
        return
    version = doc.get("idlibstrikes")
    if version != FORMAT_VERSION or type(version) is not int:
        fail(
            "missing or unsupported format version",
            field="idlibstrikes",
            found=repr(version),
            expected=str(FORMAT_VERSION),
        )
        return
    for key, value in doc.items():
        if key not in _TOP:
            fail(
                "unknown top-level key (a typo?)",
                field=key,
                expected="one of " + ", ".join(sorted(_TOP)),
            )
        elif key != "idlibstrikes":
            if type(value) is not list:
                fail("must be a list of records", field=key, found=type(value).__name__)
                continue
            for i, item in enumerate(value):
                if type(item) is not dict:
                    fail(
                        "each record must be a JSON object",
                        field=f"{key}[{i}]",
                        found=type(item).__name__,
                    )
                else:
                    out[key].append(RawRecord(name, item, position=i))


def _read(files: Iterable[tuple[str, bytes]]) -> RawData:
    out: dict[str, list[RawRecord]] = {kind: [] for kind in KINDS}
    problems: list[Problem] = []
    texts: dict[str, bytes] = {}
    for name, raw in files:
        texts[name] = raw
        _parse(name, raw, problems, out)
    return RawData({k: tuple(v) for k, v in out.items()}, tuple(problems), texts)


def read_bundled() -> RawData:
    """Parse the data files shipped inside the package."""
    folder = resources.files("idlibstrikes").joinpath("data")
    entries = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".json")),
        key=lambda entry: entry.name,
    )
    return _read((f"idlibstrikes/data/{e.name}", e.read_bytes()) for e in entries)


def read_paths(paths: Sequence[str | os.PathLike[str]]) -> RawData:
    """Parse user data files (a folder stands for the ``*.json`` files in it)."""
    files: list[tuple[str, bytes]] = []
    problems: list[Problem] = []
    for given in paths:
        path = Path(given)
        targets = sorted(path.glob("*.json")) if path.is_dir() else [path]
        if path.is_dir() and not targets:
            problems.append(Problem(file=str(path), message="the folder holds no *.json files"))
        for target in targets:
            try:
                files.append((str(target), target.read_bytes()))
            except OSError as exc:
                problems.append(
                    Problem(file=str(target), message=f"cannot read the file: {exc.strerror}")
                )
    data = _read(files)
    return RawData(data.records, (*problems, *data.problems), data.texts)


def merge(*parts: RawData) -> RawData:
    """The records and problems of several reads together."""
    records = {k: tuple(r for part in parts for r in part.records.get(k, ())) for k in KINDS}
    texts = {name: raw for part in parts for name, raw in part.texts.items()}
    return RawData(records, tuple(p for part in parts for p in part.problems), texts)


# -- additions -----------------------------------------------------------------------------

#: What a user file may add to an existing record: its kind -> (file key, list fields).
_ADDABLE = {
    "strike": ("strikes", ("date_claims", "targets", "allies", "killed", "claims", "citations")),
    "group": ("groups", ("aliases", "citations", "founding", "strength", "affiliations")),
    "ceasefire": ("ceasefires", ("start_claims", "end_claims", "parties", "brokers", "citations")),
    "place": ("places", ("aliases", "citations")),
    "person": ("people", ("aliases", "citations", "roles")),
}


def apply_additions(raw: RawData, problems: Problems) -> RawData:
    """Append each addition's items to the record it names (which may be bundled)."""
    records = {k: list(v) for k, v in raw.records.items()}
    where: dict[tuple[str, str], int] = {}
    for kind in KINDS:
        for i, record in enumerate(records[kind]):
            ident = record.data.get("id")
            if isinstance(ident, str):
                where.setdefault((kind, ident), i)
    for add in raw.records["additions"]:
        path = f"additions[{add.position}]"
        target = add.data.get("kind")
        fields = _ADDABLE[target][1] if isinstance(target, str) and target in _ADDABLE else ()
        named = add.data.get("id")
        f = Fields(
            problems,
            add.file,
            add.data,
            record=named if isinstance(named, str) else None,
            path=path,
            allowed=frozenset({"kind", "id", *fields}),
        )
        key = f.text("kind")
        if key is not None and key not in _ADDABLE:
            f.fail(
                "kind",
                "not a kind of record that can be added to",
                found=repr(key),
                expected="one of " + ", ".join(_ADDABLE),
            )
        ident = f.ident("id")
        if key not in _ADDABLE or ident is None:
            continue
        kind = _ADDABLE[key][0]
        if (kind, ident) not in where:
            f.fail(
                "id",
                f"unknown {key} id: an addition must name an existing {key}",
                found=repr(ident),
            )
            continue
        position = where[(kind, ident)]
        record = records[kind][position]
        data, origins = dict(record.data), dict(record.origins)
        for field in fields:
            items = add.data.get(field)
            if items is None:
                continue
            if type(items) is not list:
                f.fail(field, "must be a list", found=type(items).__name__)
                continue
            existing = data.get(field)
            base = list(existing) if isinstance(existing, list) else []
            for j, _ in enumerate(items):
                origins[(field, len(base) + j)] = (add.file, f"{path}.{field}[{j}]")
            data[field] = base + items
        records[kind][position] = RawRecord(record.file, data, record.position, origins)
    return RawData({k: tuple(v) for k, v in records.items()}, raw.problems, raw.texts)


# -- building records --------------------------------------------------------------------


class _Builder:
    """Builds typed records from raw records, collecting every problem."""

    def __init__(self, raw: RawData, articles: Path | None = None) -> None:
        self.raw = raw
        self.articles = articles
        self._texts: dict[str, str | None] = {}
        self.problems = Problems()
        for problem in raw.problems:
            self.problems.add(problem)
        self.raw = raw = apply_additions(raw, self.problems)
        labels = {
            "sources": "source",
            "places": "place",
            "people": "person",
            "groups": "group",
            "strikes": "strike",
            "ceasefires": "ceasefire",
        }
        self.defined: dict[str, set[str]] = {
            label: {r.data["id"] for r in raw.records[kind] if isinstance(r.data.get("id"), str)}
            for kind, label in labels.items()
        }
        self.sources: dict[str, Source] = {}
        self.places: dict[str, Place] = {}
        self.people: dict[str, Person] = {}
        self.groups: dict[str, Group] = {}
        self.announcements: dict[str, Announcement] = {}
        self.strikes: dict[str, Strike] = {}
        self.ceasefires: dict[str, Ceasefire] = {}
        self.figures: dict[str, Figure] = {}
        self.references: dict[str, ReferenceFact] = {}
        self._group_raw: dict[str, tuple[RawRecord, Fields]] = {}

    # -- helpers ----------------------------------------------------------------------
    def fields(self, record: RawRecord, allowed: frozenset[str]) -> tuple[Fields, str | None]:
        """Open a record for reading; its id names it in messages."""
        raw_id = record.data.get("id")
        name = raw_id if isinstance(raw_id, str) else None
        f = Fields(
            self.problems,
            record.file,
            record.data,
            record=name,
            path="",
            allowed=allowed,
            origins=record.origins,
        )
        return f, f.ident("id")

    def unique(self, f: Fields, ident: str | None, table: dict[str, T], kind: str) -> bool:
        """Whether the id is free (records a problem when it is taken)."""
        if ident is not None and ident in table:
            f.fail(
                "id",
                f"duplicate {kind} id: another {kind} already has it; ids must be unique",
                found=repr(ident),
            )
            return False
        return ident is not None

    def ref(
        self, f: Fields, key: str, table: dict[str, T], kind: str, value: str | None = None
    ) -> T | None:
        """Resolve the id in ``key`` (or ``value``) against ``table``."""
        ident = f.ident(key) if value is None else value
        if ident is None:
            return None
        found = table.get(ident)
        if found is None and ident in self.defined.get(kind, ()):
            f.spoil()  # the record exists but is itself bad: its own problem says why
            return None
        if found is None:
            import difflib

            close = difflib.get_close_matches(ident, list(table), n=3, cutoff=0.6)
            f.fail(
                key,
                f"unknown {kind} id",
                found=repr(ident),
                expected=("one of " + ", ".join(map(repr, close)))
                if close
                else f"the id of a {kind} defined in some data file",
            )
        return found

    def opt_ref(self, f: Fields, key: str, table: dict[str, T], kind: str) -> T | None:
        """Resolve an optional id."""
        if f.data.get(key) is None:
            return None
        return self.ref(f, key, table, kind)

    def refs(self, f: Fields, key: str, table: dict[str, T], kind: str) -> tuple[T, ...]:
        """Resolve a list of ids."""
        out = []
        for i, ident in enumerate(f.ids(key)):
            found = self.ref(f, f"{key}[{i}]", table, kind, value=ident)
            if found is not None:
                out.append(found)
        return self.shared(out)

    def shared(self, records: Iterable[T]) -> tuple[T, ...]:
        """``tuple(records)``, one object for every equal tuple of this load (saves memory)."""
        items = tuple(records)
        if not items:
            return ()
        # keyed by identity: the records live as long as the load, and hashing them by
        # value would walk every nested record
        return self.problems.tuples.setdefault(tuple(map(id, items)), items)

    def source(self, f: Fields, key: str = "source") -> Source | None:
        """Resolve a source id."""
        return self.ref(f, key, self.sources, "source")

    def article_text(self, source: Source) -> str | None:
        """The article's text, whitespace-collapsed, or ``None`` where it is not available."""
        if self.articles is None or source.article is None:
            return None
        if source.article not in self._texts:
            path = self.articles / source.article
            try:
                self._texts[source.article] = collapse(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                self._texts[source.article] = None
        return self._texts[source.article]

    def quote(self, f: Fields, key: str = "quote", source_key: str = "source") -> str | None:
        """Read a quote; where the article's text is available, it must be found in it."""
        text = f.text(key)
        ident = f.data.get(source_key)
        source = self.sources.get(ident) if isinstance(ident, str) else None
        if text is not None and source is not None and not source.is_reference:
            article = self.article_text(source)
            if article is not None and collapse(text) not in article:
                f.fail(
                    key,
                    "the quote is not in the article; quote it verbatim (only whitespace may "
                    "differ)",
                    found=repr(text if len(text) <= 60 else text[:57] + "..."),
                    expected=f"words found in {source.article}",
                )
        return text

    def construct(self, f: Fields, factory: Callable[..., T], **kwargs: Any) -> T | None:
        """Build a record unless reading it failed; a validator's ValueError becomes a problem."""
        if f.failed:
            return None
        try:
            return factory(**kwargs)
        except ValueError as exc:
            f.fail(None, str(exc))
            return None

    def date(self, f: Fields | None) -> DateRange | None:
        """Read a date in any of its three forms (see docs/format.md)."""
        if f is None:
            return None
        text = f.text("text")
        reasoning = f.opt_text("reasoning") or ""
        span, relative = f.opt_text("span"), f.child("relative", _RELATIVE_KEYS)
        earliest, latest = f.iso_date("earliest"), f.iso_date("latest")
        part, unit = f.opt_text("part"), f.opt_text("unit")
        forms = sum(x is not None for x in (span, relative)) + (
            1 if "earliest" in f.data or "latest" in f.data else 0
        )
        if forms != 1:
            f.fail(
                None,
                "a date needs exactly one of: span, relative, earliest/latest",
                expected='{"text": ..., "span": "2019-08"} or a relative or explicit range',
            )
            return None
        if f.failed or text is None:
            return None
        try:
            if span is not None:
                try:
                    return _span_date(span, part, text, reasoning)
                except ValueError as exc:
                    f.fail("span", f"bad date: {exc}", found=repr(span))
                    return None
            if relative is not None:
                anchor = self.ref(f, "anchor", self.sources, "source")
                if anchor is None:
                    return None
                if anchor.published is None:
                    f.fail("anchor", "the anchor source has no publication date to resolve against")
                    return None
                return resolve_relative(
                    anchor.published,
                    relative.data,
                    unit=unit or "day",
                    part=part,
                    text=text,
                    anchor_label=f"publication date of {anchor.id}",
                    reasoning=reasoning,
                )
            if not reasoning:
                f.fail(
                    "reasoning",
                    "an explicit earliest/latest range must say why",
                    expected="a reasoning text",
                )
                return None
            if earliest is not None and latest is not None and earliest > latest:
                f.fail(
                    "latest",
                    f"latest ({latest}) is before earliest ({earliest}); a date range must run "
                    "forwards",
                    found=str(latest),
                    expected=f"on or after {earliest}",
                )
                return None
            return DateRange(
                earliest=earliest or dt.date.min,
                latest=latest or dt.date.max,
                text=text,
                reasoning=reasoning,
            )
        except (ValueError, OverflowError) as exc:  # dateutil overflows near year 1 or 9999
            f.fail(None, f"bad date: {exc}")
            return None

    def citations(self, f: Fields) -> tuple[Citation, ...]:
        """Read a record's citations."""
        out = []
        for c in f.children("citations", _CITATION):
            citation = self.construct(
                c, Citation, source=self.source(c), quote=self.quote(c), about=c.text("about")
            )
            if citation is not None:
                out.append(citation)
        return tuple(out)

    def date_claims(self, f: Fields, key: str) -> tuple[DateClaim, ...]:
        """Read a list of date claims."""
        out = []
        for c in f.children(key, _DATE_CLAIM):
            claim = self.construct(
                c,
                DateClaim,
                date=self.date(c.child("date", _DATE, required=True)),
                source=self.source(c),
                quote=self.quote(c),
                note=c.note(),
            )
            if claim is not None:
                out.append(claim)
        return tuple(out)

    # -- each kind --------------------------------------------------------------------------
    def build_sources(self) -> None:
        pending: list[tuple[Fields, str, dict[str, Any]]] = []
        for record in self.raw.records["sources"]:
            f, ident = self.fields(record, _SOURCE)
            if not self.unique(f, ident, self.sources, "source"):
                continue
            assert ident is not None
            kind = f.enum("kind", SourceKind)
            article = f.opt_text("article")
            if kind is SourceKind.ARTICLE and article is None:
                f.fail(
                    "article",
                    "an article source needs the article's file name",
                    expected=f"for example {ident!r}",
                )
            published = self.date(f.child("published", _DATE)) if kind else None
            if kind is SourceKind.ARTICLE and published is None and not f.failed:
                f.fail(
                    "published",
                    "an article source needs a publication date range "
                    "(with reasoning where the article prints none)",
                )
            outlet, outlet_quote = f.opt_text("outlet"), f.opt_text("outlet_quote")
            if kind is SourceKind.ARTICLE and outlet is not None and outlet_quote is None:
                f.fail("outlet_quote", "an article's outlet needs the words that name it")
            source = self.construct(
                f,
                Source,
                id=ident,
                kind=kind,
                article=article,
                outlet=outlet,
                outlet_quote=outlet_quote or "",
                headline=f.opt_text("headline"),
                published=published,
                address=f.opt_text("address"),
                note=f.note(),
            )
            if source is not None and outlet_quote:
                text = self.article_text(source)
                if text is not None and collapse(outlet_quote) not in text:
                    f.fail(
                        "outlet_quote",
                        "the words naming the outlet are not in the article",
                        found=repr(outlet_quote),
                        expected=f"words found in {source.article}",
                    )
            if source is not None and not f.failed:
                self.sources[ident] = source
                if f.data.get("published_from") is not None:
                    pending.append((f, ident, f.data))
        # Second pass: an article's publication date may come from a reference.
        for f, ident, _ in pending:
            ref = self.ref(f, "published_from", self.sources, "source")
            if ref is None:
                continue
            if not ref.is_reference:
                f.fail("published_from", "must name a reference source", found=repr(ref.id))
                continue
            self.sources[ident] = attrs.evolve(self.sources[ident], published_from=ref)

    def build_places(self) -> None:
        for record in self.raw.records["places"]:
            f, ident = self.fields(record, _PLACE)
            if not self.unique(f, ident, self.places, "place"):
                continue
            reference = None
            r = f.child("reference", _PLACE_REF)
            if r is not None:
                lat, lon = r.number("latitude"), r.number("longitude")
                coords = None
                if (lat is None) != (lon is None):
                    r.fail(None, "give both latitude and longitude, or neither")
                elif lat is not None and lon is not None:
                    coords = self.construct(r, Coordinates, latitude=lat, longitude=lon)
                src = self.source(r)
                if src is not None and not src.is_reference:
                    r.fail(
                        "source",
                        "coordinates and districts come only from reference sources",
                        found=repr(src.id),
                    )
                reference = self.construct(
                    r,
                    PlaceReference,
                    source=src,
                    governorate=r.opt_text("governorate"),
                    district=r.opt_text("district"),
                    coordinates=coords,
                    names=r.texts("names"),
                    note=r.note(),
                )
            place = self.construct(
                f,
                Place,
                id=ident,
                name=f.text("name"),
                kind=f.enum("kind", PlaceKind),
                aliases=f.texts("aliases"),
                governorate=f.opt_text("governorate"),
                reference=reference,
                citations=self.citations(f),
                note=f.note(),
            )
            if place is not None and ident is not None:
                self.places[ident] = place

    def build_people(self) -> None:
        for record in self.raw.records["people"]:
            f, ident = self.fields(record, _PERSON)
            if not self.unique(f, ident, self.people, "person"):
                continue
            roles = []
            for r in f.children("roles", _ROLE):
                role = self.construct(
                    r,
                    Role,
                    title=r.text("title"),
                    group_id=r.opt_ident("group"),
                    leads=r.flag("leads"),
                    source=self.source(r),
                    quote=self.quote(r),
                    note=r.note(),
                )
                if role is not None:
                    roles.append(role)
            person = self.construct(
                f,
                Person,
                id=ident,
                name=f.text("name"),
                aliases=f.texts("aliases"),
                roles=tuple(roles),
                citations=self.citations(f),
                note=f.note(),
            )
            if person is not None and ident is not None:
                self.people[ident] = person

    def build_groups(self) -> None:
        # Groups refer to each other (affiliations, claimants), so build them in
        # dependency order; a cycle is reported rather than recursed into.
        for record in self.raw.records["groups"]:
            f, ident = self.fields(record, _GROUP)
            if ident is not None and ident in self._group_raw:
                f.fail(
                    "id",
                    "duplicate group id: another group already has it; ids must be unique",
                    found=repr(ident),
                )
                continue
            if ident is not None:
                self._group_raw[ident] = (record, f)
        state: dict[str, int] = {}  # 1: being built, 2: done

        def deps(f: Fields) -> list[str]:
            out = []
            for key in ("affiliations", "strength"):
                items = f.data.get(key)
                for item in items if isinstance(items, list) else ():
                    if isinstance(item, dict):
                        for k in ("other", "claimant"):
                            if isinstance(item.get(k), str):
                                out.append(item[k])
            return out

        def visit(ident: str, chain: list[str]) -> None:
            if state.get(ident) == 2 or ident not in self._group_raw:
                return
            if state.get(ident) == 1:
                cycle = [*chain[chain.index(ident) :], ident]
                self._group_raw[ident][1].fail(
                    "affiliations",
                    "the groups' affiliations form a cycle: " + " -> ".join(cycle),
                    expected="store a symmetric relation (ally_of) on one group only",
                )
                return
            state[ident] = 1
            for dep in deps(self._group_raw[ident][1]):
                visit(dep, [*chain, ident])
            self._build_group(ident)
            state[ident] = 2

        for ident in self._group_raw:
            visit(ident, [])

    def _build_group(self, ident: str) -> None:
        _, f = self._group_raw[ident]
        founding = self.date_claims(f, "founding")
        strength = []
        for s in f.children("strength", _STRENGTH):
            src = self.source(s)
            as_of = self.date(s.child("as_of", _DATE))
            if as_of is None and src is not None and not s.failed:
                as_of = src.published
                if as_of is None:
                    s.fail("as_of", "give as_of: the source has no publication date")
            estimate = self.construct(
                s,
                StrengthEstimate,
                count=s.count("count"),
                approximate=s.flag("approximate"),
                unit=s.text("unit"),
                as_of=as_of,
                claimant=self.opt_ref(s, "claimant", self.groups, "group"),
                source=src,
                quote=self.quote(s),
                note=s.note(),
            )
            if estimate is not None:
                strength.append(estimate)
        affiliations = []
        for a in f.children("affiliations", _AFFILIATION):
            affiliation = self.construct(
                a,
                Affiliation,
                other=self.ref(a, "other", self.groups, "group"),
                relation=a.enum("relation", Relation),
                since=self.date(a.child("since", _DATE)),
                until=self.date(a.child("until", _DATE)),
                claimant=self.opt_ref(a, "claimant", self.groups, "group"),
                source=self.source(a),
                quote=self.quote(a),
                note=a.note(),
            )
            if affiliation is not None:
                affiliations.append(affiliation)
        leaders = tuple(
            p for p in self.people.values() if any(r.leads and r.group_id == ident for r in p.roles)
        )
        group = self.construct(
            f,
            Group,
            id=ident,
            name=f.text("name"),
            kind=f.enum("kind", GroupKind),
            aliases=f.texts("aliases"),
            founded=_hull(c.date for c in founding),
            founding=founding,
            strength=tuple(strength),
            affiliations=tuple(affiliations),
            leaders=leaders,
            citations=self.citations(f),
            note=f.note(),
        )
        if group is not None:
            self.groups[ident] = group

    def build_announcements(self) -> None:
        for record in self.raw.records["announcements"]:
            f, ident = self.fields(record, _ANNOUNCEMENT)
            if not self.unique(f, ident, self.announcements, "announcement"):
                continue
            announcement = self.construct(
                f,
                Announcement,
                id=ident,
                date=self.date(f.child("date", _DATE, required=True)),
                summary=f.text("summary"),
                announcer=self.opt_ref(f, "announcer", self.groups, "group"),
                about=f.opt_ident("about"),
                source=self.source(f),
                quote=self.quote(f),
                note=f.note(),
            )
            if announcement is not None and ident is not None:
                self.announcements[ident] = announcement

    def announcements_by_subject(self) -> dict[str, list[Announcement]]:
        """The announcements about each strike or ceasefire id."""
        by_subject: dict[str, list[Announcement]] = {}
        for a in self.announcements.values():
            if a.about is not None:
                by_subject.setdefault(a.about, []).append(a)
        return by_subject

    def build_strikes(self) -> None:
        by_subject = self.announcements_by_subject()
        for record in self.raw.records["strikes"]:
            f, ident = self.fields(record, _STRIKE)
            if not self.unique(f, ident, self.strikes, "strike"):
                continue
            date_claims = self.date_claims(f, "date_claims")
            if not date_claims and not f.failed:
                f.fail("date_claims", "a strike needs at least one date claim")
            claims = []
            for c in f.children("claims", _CLAIM):
                low, high = _low_high(c)
                claim = self.construct(
                    c,
                    CasualtyClaim,
                    low=low,
                    high=high,
                    victims=c.enum("victims", Victims),
                    outcome=c.enum("outcome", Outcome, Outcome.KILLED),
                    claimant=self.opt_ref(c, "claimant", self.groups, "group"),
                    source=self.source(c),
                    quote=self.quote(c),
                    note=c.note(),
                )
                if claim is not None:
                    claims.append(claim)
            citations = self.citations(f)
            announcements = tuple(by_subject.get(ident or "", ()))
            targets = self.refs(f, "targets", self.groups, "group")
            strike = self.construct(
                f,
                Strike,
                id=ident,
                scope=f.enum("scope", Scope, Scope.EVENT),
                kind=f.enum("kind", StrikeKind, StrikeKind.UNKNOWN),
                description=f.text("description"),
                date=_hull(c.date for c in date_claims),
                date_claims=date_claims,
                place=self.ref(f, "place", self.places, "place"),
                perpetrator=self.ref(f, "perpetrator", self.groups, "group"),
                allies=self.refs(f, "allies", self.groups, "group"),
                targets=targets,
                claims=tuple(claims),
                killed=self.refs(f, "killed", self.people, "person"),
                announcements=announcements,
                sources=self.shared(
                    _articles(
                        [
                            *(c.source for c in date_claims),
                            *(c.source for c in claims),
                            *(c.source for c in citations),
                            *(a.source for a in announcements),
                        ]
                    )
                ),
                citations=citations,
                note=f.note(),
            )
            if strike is None or ident is None:
                continue
            for i, target in enumerate(strike.targets):
                if target.founded is not None and strike.date.latest < target.founded.earliest:
                    f.fail(
                        f"targets[{i}]",
                        f"the strike ({strike.date}) is before {target.id} was founded "
                        f"({target.founded})",
                        expected="a target group founded on or before the strike",
                    )
            if not f.failed:
                self.strikes[ident] = strike

    def build_ceasefires(self) -> None:
        by_subject = self.announcements_by_subject()
        for record in self.raw.records["ceasefires"]:
            f, ident = self.fields(record, _CEASEFIRE)
            if not self.unique(f, ident, self.ceasefires, "ceasefire"):
                continue
            starts = self.date_claims(f, "start_claims")
            ends = self.date_claims(f, "end_claims")
            if not starts and not f.failed:
                f.fail("start_claims", "a ceasefire needs at least one start claim")
            citations = self.citations(f)
            start, end = _hull(c.date for c in starts), _hull(c.date for c in ends)
            if start is not None and end is not None and end.latest < start.earliest:
                f.fail(
                    "end_claims",
                    f"the ceasefire ends ({end}) before it starts ({start})",
                    found=str(end),
                    expected=f"on or after {start.earliest}",
                )
            ceasefire = self.construct(
                f,
                Ceasefire,
                id=ident,
                name=f.text("name"),
                kind=f.enum("kind", CeasefireKind, CeasefireKind.CEASEFIRE),
                start=start,
                end=end,
                parties=self.refs(f, "parties", self.groups, "group"),
                brokers=self.refs(f, "brokers", self.groups, "group"),
                start_claims=starts,
                end_claims=ends,
                sources=_articles(
                    [
                        *(c.source for c in (*starts, *ends)),
                        *(c.source for c in citations),
                        *(a.source for a in by_subject.get(ident or "", ())),
                    ]
                ),
                citations=citations,
                note=f.note(),
            )
            if ceasefire is not None and ident is not None:
                self.ceasefires[ident] = ceasefire

    def build_figures(self) -> None:
        for record in self.raw.records["figures"]:
            f, ident = self.fields(record, _FIGURE)
            if not self.unique(f, ident, self.figures, "figure"):
                continue
            low, high = _low_high(f)
            figure = self.construct(
                f,
                Figure,
                id=ident,
                measure=f.text("measure"),
                subject=f.text("subject"),
                low=low,
                high=high,
                unit=f.text("unit"),
                approximate=f.flag("approximate"),
                period=self.date(f.child("period", _DATE)),
                place=self.opt_ref(f, "place", self.places, "place"),
                claimant=self.opt_ref(f, "claimant", self.groups, "group"),
                source=self.source(f),
                quote=self.quote(f),
                note=f.note(),
            )
            if figure is not None and ident is not None:
                self.figures[ident] = figure

    def build_references(self) -> None:
        every = {
            **self.sources,
            **self.places,
            **self.people,
            **self.groups,
            **self.announcements,
            **self.strikes,
            **self.ceasefires,
            **self.figures,
        }
        for record in self.raw.records["references"]:
            f, ident = self.fields(record, _REFERENCE)
            if not self.unique(f, ident, self.references, "reference"):
                continue
            src = self.source(f)
            if src is not None and not src.is_reference:
                f.fail(
                    "source", "a reference fact must cite a reference source", found=repr(src.id)
                )
            subject = f.ident("subject")
            known = set().union(*self.defined.values())
            if subject is not None and subject not in every and subject in known:
                f.spoil()
            elif subject is not None and subject not in every:
                f.fail(
                    "subject",
                    "unknown record id",
                    found=repr(subject),
                    expected="the id of a strike, group, place, person, ceasefire or source",
                )
            fact = self.construct(
                f,
                ReferenceFact,
                id=ident,
                subject=subject,
                field=f.text("field"),
                value=f.text("value"),
                date=self.date(f.child("date", _DATE)),
                corrects=f.flag("corrects"),
                confidence=f.enum("confidence", Confidence),
                source=src,
                note=f.note(),
            )
            if fact is not None and ident is not None:
                self.references[ident] = fact

    def check_links(self) -> None:
        """Ids held as text (roles, announcements) must name real records."""
        for record in self.raw.records["people"]:
            f = Fields(
                self.problems,
                record.file,
                record.data,
                record=_ident(record.data),
                path="",
                allowed=_PERSON,
            )
            roles = record.data.get("roles")
            for i, role in enumerate(roles if isinstance(roles, list) else ()):
                if isinstance(role, dict) and isinstance(role.get("group"), str):
                    if role["group"] not in self.groups and role["group"] in self._group_raw:
                        continue  # the group itself failed; its own problem says why
                    if role["group"] not in self.groups:
                        f.fail(f"roles[{i}].group", "unknown group id", found=repr(role["group"]))
        subjects = {**self.strikes, **self.ceasefires}
        for record in self.raw.records["announcements"]:
            about = record.data.get("about")
            failed = self.defined["strike"] | self.defined["ceasefire"]
            if isinstance(about, str) and about not in subjects and about not in failed:
                f = Fields(
                    self.problems,
                    record.file,
                    record.data,
                    record=_ident(record.data),
                    path="",
                    allowed=_ANNOUNCEMENT,
                )
                f.fail("about", "unknown strike or ceasefire id", found=repr(about))

    def check_names(self) -> None:
        """A name or alias must find one record of its kind."""
        files = {(k, _ident(r.data)): r.file for k in KINDS for r in self.raw.records[k]}
        tables: list[tuple[str, str, dict[str, Any]]] = [
            ("groups", "group", self.groups),
            ("people", "person", self.people),
            ("places", "place", self.places),
        ]
        for kind, label, table in tables:
            for name, first, second in name_clashes(label, table.values()):
                self.problems.add(
                    Problem(
                        file=files.get((kind, second.id), "?"),
                        record=second.id,
                        field="aliases",
                        message=f"the name {name!r} is also a name of {label} {first.id!r}; "
                        f"a name must find one {label}: drop or change one of them",
                    )
                )

    def run(self) -> dict[str, tuple[Any, ...]]:
        self.build_sources()
        self.build_places()
        self.build_people()
        self.build_groups()
        self.build_announcements()
        self.build_strikes()
        self.build_ceasefires()
        self.build_figures()
        self.build_references()
        self.check_links()
        self.check_names()
        if self.problems:
            raise DataError(self.problems.items)
        return {
            "sources": tuple(self.sources.values()),
            "places": tuple(self.places.values()),
            "people": tuple(self.people.values()),
            "groups": tuple(self.groups[k] for k in self._group_raw if k in self.groups),
            "announcements": tuple(self.announcements.values()),
            "strikes": tuple(
                sorted(self.strikes.values(), key=lambda s: (s.date.earliest, s.date.latest, s.id))
            ),
            "ceasefires": tuple(
                sorted(self.ceasefires.values(), key=lambda c: (c.start.earliest, c.id))
            ),
            "figures": tuple(self.figures.values()),
            "references": tuple(self.references.values()),
        }


_RELATIVE_KEYS = frozenset({"years", "months", "weeks", "days", "year", "month", "day", "weekday"})


def _ident(data: dict[str, Any]) -> str | None:
    """A raw record's id, if it is text (a bad id is reported where it is read)."""
    ident = data.get("id")
    return ident if isinstance(ident, str) else None


def _low_high(f: Fields) -> tuple[int | None, int | None]:
    """Read ``low`` and ``high``; a high below the low is reported on ``high``."""
    low, high = f.count("low"), f.count("high", required=False)
    if low is not None and high is not None and low > high:
        f.fail(
            "high",
            f"low ({low}) is greater than high ({high})",
            found=str(high),
            expected=f"at least {low}, or null for no upper bound",
        )
    return low, high


def _span_date(span: str, part: str | None, text: str, reasoning: str) -> DateRange:
    first_text, _, last_text = span.partition("/")
    if not _looks_iso(first_text) or (last_text and not _looks_iso(last_text)):
        raise ValueError(
            f"span must be ISO text such as '2019', '2019-08' or '2019-08-31', "
            f"or two joined by '/', not {span!r}"
        )
    first, last = _span_days(first_text, last_text, part)
    return DateRange(earliest=first, latest=last, text=text, reasoning=reasoning)


@functools.lru_cache(maxsize=8192)
def _span_days(first_text: str, last_text: str, part: str | None) -> tuple[dt.date, dt.date]:
    """The first and last day of a span; cached, so equal dates share their objects."""
    from ._dates import _PARTS, parse_period

    first, last = parse_period(first_text)
    if last_text:
        last = parse_period(last_text)[1]
    if part is not None:
        if part not in _PARTS or first.day != 1 or last_text or first.month != last.month:
            raise ValueError("part ('early', 'mid', 'late') needs a span of one month")
        lo, hi = _PARTS[part]
        first, last = first.replace(day=lo), last.replace(day=min(hi, last.day))
    return first, (first if first == last else last)  # an exact day: one date object


def _looks_iso(text: str) -> bool:
    import re

    return re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text) is not None


def _hull(dates: Iterable[DateRange]) -> DateRange | None:
    ranges = list(dates)
    if not ranges:
        return None
    if len(ranges) == 1:
        return ranges[0]
    texts = list(dict.fromkeys(r.text for r in ranges if r.text))
    return DateRange(
        earliest=min(r.earliest for r in ranges),
        latest=max(r.latest for r in ranges),
        text="; ".join(texts),
        reasoning=f"every day allowed by any of {len(ranges)} source claims (their hull)",
    )


def _articles(sources: Iterable[Source | None]) -> tuple[Source, ...]:
    unique = {s.id: s for s in sources if s is not None and not s.is_reference}
    return tuple(unique[k] for k in sorted(unique))


def build(raw: RawData, articles: Path | None = None) -> dict[str, tuple[Any, ...]]:
    """Build every record of ``raw``; raise ``DataError`` with every problem found.

    With ``articles`` (a folder holding the articles' texts by file name), every quote from
    an article found there must appear in it. Problems are given the line of their field.
    """
    try:
        return _Builder(raw, articles).run()
    except DataError as exc:
        from ._lines import locate

        texts = {name: data.decode("utf-8", "replace") for name, data in raw.texts.items()}
        records: dict[tuple[str, str], list[tuple[str | int, ...]]] = {}
        for kind in KINDS:
            for record in raw.records[kind]:
                ident = _ident(record.data)
                if ident is not None:
                    records.setdefault((record.file, ident), []).append((kind, record.position))
        raise DataError(locate(exc.problems, texts, records)) from None


def collapse(text: str) -> str:
    """Collapse runs of whitespace, no-break spaces included, to one space."""
    return " ".join(text.replace("\u00a0", " ").split())
