"""The shared half of building records: references, quotes, dates and summaries.

``RecordBuilder`` holds what every kind of record needs while it is built from its raw
data: the records built so far (by id), the reference facts about each record, and the
readers for a reference to another record, a quote (checked against the article's text
when it is available), a date in any of its three forms and a date's summary. Reading
each object by the format's description is `_reading.ShapeReader`'s; the builder of each
kind (``_load._Builder``) adds one method per kind of record.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import os
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TypeVar

from ._dates import DateRange, checked_range, narrow_part, parse_period, resolve_relative
from ._errors import Problem
from ._files import NOTHING_ADDED, RawData, RawRecord, apply_additions
from ._folders import inside
from ._format import FORMAT, Format, Shape
from ._models import (
    Announcement,
    Ceasefire,
    DateClaim,
    Development,
    Figure,
    Group,
    Person,
    Place,
    ReferenceFact,
    Source,
    SourceKind,
    Strike,
)
from ._names import Suggester
from ._order import dependency_order
from ._reader import _ID, Fields, Problems, show
from ._reading import UNCHECKED, ShapeReader, collapse
from ._summary import of_claims

__all__ = [
    "LABELS",
    "RecordBuilder",
    "articles_of",
    "collapse",
    "ident_of",
    "plain_file_name",
    "series_span",
]

T = TypeVar("T")

_new = object.__new__
_SOURCE = operator.attrgetter("source")

#: Each kind of record (its key in a data file) and its name in messages.
LABELS = {
    "sources": "source",
    "places": "place",
    "people": "person",
    "groups": "group",
    "announcements": "announcement",
    "strikes": "strike",
    "ceasefires": "ceasefire",
    "developments": "development",
    "figures": "figure",
    "references": "reference",
}


class RecordBuilder(ShapeReader):
    """Builds typed records from raw records, collecting every problem (the shared part)."""

    def __init__(
        self,
        raw: RawData,
        articles: Path | None = None,
        *,
        keep_raw: bool = True,
        fmt: Format = FORMAT,
    ) -> None:
        #: Whether the caller reads ``raw`` after the load (``validate`` does); if not,
        #: each strike's raw data is dropped once it is built (see ``RawRecord``).
        self.keep_raw = keep_raw
        super().__init__(Problems(), fmt)
        self.raw = raw
        self.articles = articles
        self._texts: dict[str, str | None] = {}
        for problem in raw.problems:
            self.problems.add(problem)
        self.raw = raw = apply_additions(raw, self.problems)
        self.defined: dict[str, set[str]] = {
            label: {r.data["id"] for r in raw.records[kind] if isinstance(r.data.get("id"), str)}
            for kind, label in LABELS.items()
        }
        self.sources: dict[str, Source] = {}
        self.places: dict[str, Place] = {}
        self.people: dict[str, Person] = {}
        self.groups: dict[str, Group] = {}
        self.announcements: dict[str, Announcement] = {}
        self.strikes: dict[str, Strike] = {}
        self.ceasefires: dict[str, Ceasefire] = {}
        self.developments: dict[str, Development] = {}
        self.figures: dict[str, Figure] = {}
        self.references: dict[str, ReferenceFact] = {}
        # reference facts by the id of the record they are about
        self.facts: dict[str, list[ReferenceFact]] = {}
        self._suggesters: dict[str, Suggester] = {}
        self._articles: dict[frozenset[int], tuple[Source, ...]] = {}
        self._one_source: dict[int, tuple[Source, ...]] = {}
        self._raw_by_id: dict[tuple[str, str], RawRecord] = {
            (kind, r.data["id"]): r
            for kind in LABELS
            for r in reversed(raw.records[kind])  # the first of a duplicated id wins
            if r.added and isinstance(r.data.get("id"), str)
        }

    # -- helpers ----------------------------------------------------------------------
    def fields(self, record: RawRecord, allowed: frozenset[str]) -> tuple[Fields, str | None]:
        """Open a record for reading; its id names it in messages."""
        data = record.data
        raw_id = data.get("id")
        name = raw_id if type(raw_id) is str else None
        if (
            record.origins is NOTHING_ADDED
            and record.added is NOTHING_ADDED
            and record.kind
            and allowed.issuperset(data)
        ):
            # the common case (no key to report, nothing added), made directly
            f = _new(Fields)
            f.problems, f.parent = self.problems, None
            f.origins = f.added = NOTHING_ADDED  # (read only: one shared empty mapping)
            f.at, f.file, f.data, f.record = (record.kind, record.position), record.file, data, name
            f.path, f.failed = "", False
            if name is not None and _ID.fullmatch(name):  # (Fields.ident, without its call,
                opened = self._opened  # nor the sharing: a record's id is its own)
                opened.clear()
                opened[name] = name
                return f, name
            return f, f.ident("id")
        f = Fields(
            self.problems,
            record.file,
            record.data,
            record=name,
            path="",
            allowed=allowed,
            origins=record.origins,
            added=record.added,
            at=(record.kind, record.position) if record.kind else None,
        )
        return f, f.ident("id")

    def in_order(
        self,
        kind: str,
        allowed: frozenset[str],
        depends_on: Callable[[dict[str, Any]], Iterable[str]],
        cycle: Callable[[dict[str, Fields], list[str]], None],
    ) -> tuple[list[tuple[Fields, str]], list[str]]:
        """Open the records of a kind that refer to their own kind, in dependency order.

        Returns the records (each with its id) in the order to build them, and their ids
        in file order (the order the dataset keeps). A duplicate id is reported here, and
        ``cycle`` reports each cycle (given every record opened, by id, and the cycle).
        """
        opened: dict[str, Fields] = {}
        for record in self.raw.records[kind]:
            f, ident = self.fields(record, allowed)
            if self.unique(f, ident, opened, LABELS[kind]):
                assert ident is not None  # unique() is False for a missing id
                opened[ident] = f
        order, cycles = dependency_order(list(opened), lambda i: depends_on(opened[i].data))
        for found in cycles:
            cycle(opened, found)
        return [(opened[i], i) for i in order], list(opened)

    def unique(self, f: Fields, ident: str | None, table: dict[str, T], kind: str) -> bool:
        """Whether the id is free (records a problem when it is taken)."""
        if ident is not None and ident in table:
            f.fail(
                "id",
                f"duplicate {kind} id: another {kind} already has it; ids must be unique",
                found=show(ident),
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
            close = self.suggester(kind).suggest(ident)
            f.fail(
                key,
                f"unknown {kind} id",
                found=show(ident),
                expected=("one of " + ", ".join(map(repr, close)))
                if close
                else f"the id of a {kind} defined in some data file",
            )
        return found

    def suggester(self, kind: str) -> Suggester:
        """Close matches among the ids of ``kind`` the files define (built once per kind)."""
        found = self._suggesters.get(kind)
        if found is None:
            found = self._suggesters[kind] = Suggester(self.defined.get(kind, ()))
        return found

    def opt_ref(self, f: Fields, key: str, table: dict[str, T], kind: str) -> T | None:
        """Resolve an optional id."""
        if f.data.get(key) is None:
            return None
        return self.ref(f, key, table, kind)

    def refs(self, f: Fields, key: str, table: dict[str, T], kind: str) -> tuple[T, ...]:
        """Resolve a list of ids."""
        plain = f.plain_ids(key)
        if plain is not None:
            records = [table.get(ident) for ident in plain]
            if all(record is not None for record in records):
                return self.shared(records)  # type: ignore[arg-type]  # no None in it
        out = []
        for i, ident in f.indexed_ids(key):
            found = self.ref(f, f"{key}[{i}]", table, kind, value=ident)
            if found is not None:
                out.append(found)
        return self.shared(out)

    def articles_behind(
        self, parts: Sequence[Any], announcements: Sequence[Announcement] = ()
    ) -> tuple[Source, ...]:
        """The articles behind a record, in id order; one tuple for each set of them.

        Those of its parts' sources (each part has a ``source``) and its announcements'.
        """
        # by identity: hashing a record hashes every field (and the sources live as
        # long as the load)
        also = [
            s for part in parts if (row := getattr(part, "row", None)) is not None for s in row.also
        ]
        if also:  # a reference list's row citing several pages: each is behind it
            return self.shared(
                articles_of([*map(_SOURCE, parts), *also, *_announced(announcements)])
            )
        if parts and not announcements:  # most records cite one source throughout
            one = parts[0].source
            for part in parts:
                if part.source is not one:
                    break
            else:
                shared = self._one_source.get(id(one))
                if shared is None:
                    shared = self._one_source[id(one)] = self.shared(articles_of((one,)))
                return shared
        if announcements:
            sources = list(map(_SOURCE, parts))
            for a in announcements:
                sources += a.sources
            key = frozenset(map(id, sources))
        else:
            key = frozenset(map(id, map(_SOURCE, parts)))
        shared = self._articles.get(key)
        if shared is None:
            found = list(map(_SOURCE, parts))
            for a in announcements:
                found += a.sources
            shared = self._articles[key] = self.shared(articles_of(found))
        return shared

    def provenance(self, f: Fields, v: Any) -> None:
        """A claim's provenance: an article's is quoted, a report's names its list row.

        A claim that names a row (a reference fact: the fact as the reference list words
        it) has no quote and cites one of the row's sources; a report's claim must name
        one; any other claim gives its quote. ``v`` has the claim's values by attribute
        (``source``, ``quote``, ``row``).
        """
        source, quote, row = v.source, v.quote, v.row
        if source is None:
            return  # its own problem is reported
        if row is not None:
            if quote:
                f.fail(
                    "quote",
                    "a claim from a reference list's row has no quote (no sentence of a page "
                    "enters the data): the row holds the fact as the list words it",
                    found=show(quote),
                )
            elif row.source is not source and source not in row.also:
                f.fail(
                    "row",
                    "the row does not cite this claim's source; give one of the row's sources",
                    found=show(row.id),
                    expected=f"a row citing {source.id!r}",
                )
        elif source.kind is SourceKind.REPORT:
            if (f.data or {}).get("row") is not None:
                return  # an unknown row id: its own problem says so
            f.fail(
                "row",
                "required for a report's claim: the id of the reference fact holding the "
                "list's row it comes from (a report's claim has no quote)",
                expected=f"a reference fact citing {source.id!r}",
            )
        elif not quote and (f.data or {}).get("quote") is None:  # (one given: checked)
            f.fail("quote", "missing required field", expected="text")

    def rule_of(
        self, shape: Shape, rule: Callable[[Fields, Any], None] | None
    ) -> Callable[[Fields, Any], None] | None:
        """A shape's rule, and the provenance rule where its claims may come from a report."""
        if "row" not in shape.keys:
            return rule
        provenance = self.provenance
        if rule is None:
            return provenance

        def both(f: Fields, v: Any) -> None:
            provenance(f, v)
            rule(f, v)

        return both

    def make(
        self, f: Fields, factory: Callable[..., T], values: dict[str, Any], **more: Any
    ) -> T | None:
        """`ShapeReader.make`, checking a claim's provenance first (see `provenance`)."""
        if "row" in values and "quote" in values:
            self.provenance(f, SimpleNamespace(**values))
        return super().make(f, factory, values, **more)

    def source(self, f: Fields, key: str = "source") -> Source | None:
        """Resolve a source id."""
        return self.ref(f, key, self.sources, "source")

    def article_text(self, source: Source, f: Fields | None = None) -> str | None:
        """The article's text, whitespace-collapsed, or ``None`` where it is not available.

        An article missing from the folder is not available (its quotes go unchecked: the
        folder may hold only some articles); one that is there but cannot be read as UTF-8
        text is a problem, reported on ``f`` (the source's record, read first).
        """
        if self.articles is None or source.article is None:
            return None
        name = source.article
        if name not in self._texts:
            self._texts[name], why = _read_article(self.articles, name)
            if why is not None and f is not None:
                f.fail(
                    "article",
                    f"cannot read the article in {self.articles}: {why}",
                    found=show(name),
                    expected="a readable UTF-8 text file, so that its quotes can be checked",
                )
        return self._texts[name]

    def quote(self, f: Fields, key: str = "quote", source_key: str = "source") -> str | None:
        """Read a quote; where the article's text is available, it must be found in it.

        The quote's source is read from ``source_key`` beside it (a quote field's
        source is its object's ``source``).
        """
        text = f.text(key)
        ident = f.data.get(source_key)
        source = self.sources.get(ident) if isinstance(ident, str) else None
        if source is not None:
            article = None if source.is_reference else self.article_text(source)
            self._quoting[source.id] = UNCHECKED if article is None else article
        if text is not None and source is not None and not source.is_reference:
            article = self.article_text(source)
            if article is not None and collapse(text) not in article:
                f.fail(
                    key,
                    "the quote is not in the article; quote it verbatim (only whitespace may "
                    "differ)",
                    found=show(text),
                    expected=f"words found in {source.article}",
                )
        return text

    def date(self, f: Fields | None) -> DateRange | None:
        """Read a date in any of its three forms (see docs/format.md)."""
        if f is None:
            return None
        text = f.text("text")
        reasoning = f.opt_text("reasoning") or ""
        span, relative = f.opt_text("span"), f.child("relative", FORMAT["relative"].keys)
        earliest, latest = f.iso_date("earliest"), f.iso_date("latest")
        part, unit = f.opt_text("part"), f.opt_text("unit")
        if relative is None and f.data.get("anchor") is not None:
            # an anchor is read wherever it is given, as every key is by its type (a date
            # read plainly has had its anchor looked up already); only a relative date is
            # resolved against it
            self.ref(f, "anchor", self.sources, "source")
        return self.dated(f, text, reasoning, span, relative, earliest, latest, part, unit)

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
        """A date from its fields' values, read (the rest of `date`; its plain read's too)."""
        data = f.data
        # a key given as null is the key left out (as the JSON Schema reads it)
        forms = (
            (span is not None)
            + (relative is not None)
            + (data.get("earliest") is not None or data.get("latest") is not None)
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
                    return self.within_calendar(f, "span", _span_date(span, part, text, reasoning))
                except ValueError as exc:
                    f.fail("span", f"bad date: {exc}", found=show(span))
                    return None
            if relative is not None:
                anchor = self.ref(f, "anchor", self.sources, "source")
                if anchor is None:
                    return None
                if anchor.published is None:
                    f.fail("anchor", "the anchor source has no publication date to resolve against")
                    return None
                return self.within_calendar(
                    f,
                    "relative",
                    resolve_relative(
                        anchor.published,
                        relative.data,
                        unit=unit or "day",
                        part=part,
                        text=text,
                        anchor_label=f"publication date of {anchor.id}",
                        reasoning=reasoning,
                    ),
                )
            if (earliest or dt.date.min) == dt.date.min and (latest or dt.date.max) == dt.date.max:
                f.fail(
                    "earliest",
                    "an explicit range needs earliest, latest or both; a date nothing is "
                    "known of is left out, not given as a range without bounds",
                    expected="YYYY-MM-DD in earliest or latest",
                )
                return None
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
            return checked_range(earliest or dt.date.min, latest or dt.date.max, text, reasoning)
        except (ValueError, OverflowError) as exc:  # dateutil overflows near year 1 or 9999
            f.fail(None, f"bad date: {exc}")
            return None

    @staticmethod
    def within_calendar(f: Fields, key: str, date: DateRange) -> DateRange | None:
        """``date``, unless it reaches the first or last day of the calendar.

        Those days stand for "no bound" (an explicit range with that side left out), so
        a span or a relative date reaching them would be written back as something else.
        """
        if date.earliest == dt.date.min or date.latest == dt.date.max:  # an open side
            f.fail(
                key,
                f"the date reaches the edge of the calendar ({date.earliest}..{date.latest}), "
                "which stands for 'no bound'; give an explicit range with that side left out",
                expected="a date within years 1 to 9999, not touching their first or last day",
            )
            return None
        return date

    def added_elsewhere(self, kind: str, ident: str, field: str) -> tuple[str, str] | None:
        """Where an addition in a user's file extended ``field`` of another record, if one did.

        A problem a record meets through another record's data (a strike before its target
        was founded, a ceasefire outliving its parties) is the addition's doing when the
        addition brought that data: it is then named where the addition is.
        """
        record = self._raw_by_id.get((kind, ident))
        return None if record is None else record.added.get(field)

    def fail_through(
        self,
        f: Fields,
        key: str,
        message: str,
        through: Iterable[tuple[str, str, str]],
        *,
        expected: str | None = None,
    ) -> None:
        """Report a problem with ``key`` of ``f``, or where an addition caused it.

        ``through`` lists the (kind, id, field) of other records' data the problem rests
        on; the first that a user's addition extended is named instead of ``f``'s field.
        """
        for kind, ident, field in through:
            where = self.added_elsewhere(kind, ident, field)
            if where is not None:
                f.spoil()
                self.problems.add(
                    Problem(
                        file=where[0],
                        record=ident,
                        field=where[1],
                        message=f"{message} (for {f.record})",
                        expected=expected,
                    )
                )
                return
        f.fail(key, message, expected=expected)

    @property
    def tables(self) -> dict[str, dict[str, Any]]:
        """The records built so far, by the kind a ``ref`` field names ("group")."""
        return {
            "source": self.sources,
            "place": self.places,
            "reference": self.references,
            "person": self.people,
            "group": self.groups,
            "strike": self.strikes,
            "ceasefire": self.ceasefires,
            "development": self.developments,
        }

    def references_for(self, ident: str | None) -> tuple[ReferenceFact, ...]:
        """The reference facts about the record ``ident``."""
        return tuple(self.facts.get(ident or "", ()))

    def summary(
        self, claims: Sequence[DateClaim], ident: str | None, field: str
    ) -> DateRange | None:
        """The summary of a record's date ``field`` (see ``_summary.of_claims``)."""
        facts = self.facts.get(ident or "")  # (facts_on, without its call: most have none)
        return of_claims(claims, [f for f in facts if f.field == field] if facts else ())

    def facts_on(self, ident: str | None, field: str) -> list[ReferenceFact]:
        """The reference facts about the record ``ident``'s date ``field``."""
        facts = self.facts.get(ident or "")
        return [f for f in facts if f.field == field] if facts else []


def _read_article(folder: Path, name: str) -> tuple[str | None, str | None]:
    """An article's collapsed text, or why it cannot be read (``None, None``: it is absent).

    An absent article is not a problem: the folder may hold only some of the articles. A
    link is read only where it leads inside the folder (`_folders`: the one rule for links).
    """
    path = folder / name
    try:
        if path.is_symlink() and path.exists() and not inside(Path(os.path.realpath(folder)), path):
            return None, (
                f"it is a link to {os.path.realpath(path)}, outside the folder; nothing "
                "outside the folder given is read: copy the article in"
            )
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            return None, "it is a folder, not a file"
        if not stat.S_ISREG(mode):  # a pipe would make the load wait for ever
            return None, "it is not a regular file"
        raw = path.read_bytes()
    except FileNotFoundError:
        if path.is_symlink():  # a link to nothing: named, there, and unreadable
            return None, "it is a link to a file that does not exist"
        return None, None
    except (OSError, ValueError) as exc:
        return None, getattr(exc, "strerror", None) or str(exc)
    if b"\0" in raw:  # valid UTF-8, yet not text: how UTF-16 reads
        return None, "it holds NUL bytes, so it is not UTF-8 text (UTF-16?); save it as UTF-8"
    try:
        return collapse(raw.decode("utf-8")), None
    except UnicodeDecodeError as exc:
        return None, (
            f"not UTF-8 text (byte {raw[exc.start]:#04x} at offset {exc.start}); save it as UTF-8"
        )


def plain_file_name(name: str) -> bool:
    """Whether ``name`` names a file inside a folder, and nothing outside it.

    Examples:
        >>> [plain_file_name(n) for n in ("a.txt", "../a.txt", "/etc/passwd", "..", "C:a")]
        [True, False, False, False, False]
    """
    return (
        name not in ("", ".", "..")
        and not any(c in name for c in "/\\\0:")
        and name.strip() == name
    )


def ident_of(data: dict[str, Any]) -> str | None:
    """A raw record's id, if it is text (a bad id is reported where it is read)."""
    ident = data.get("id")
    return ident if isinstance(ident, str) else None


def _span_date(span: str, part: str | None, text: str, reasoning: str) -> DateRange:
    first_text, _, last_text = span.partition("/")
    if not _looks_iso(first_text) or (last_text and not _looks_iso(last_text)):
        raise ValueError(
            f"span must be ISO text such as '2019', '2019-08' or '2019-08-31', "
            f"or two joined by '/', not {span!r}"
        )
    first, last = _span_days(first_text, last_text, part)
    return checked_range(first, last, text, reasoning)


@functools.lru_cache(maxsize=8192)
def _span_days(first_text: str, last_text: str, part: str | None) -> tuple[dt.date, dt.date]:
    """The first and last day of a span; cached, so equal dates share their objects."""
    if len(first_text) == 10 and first_text[4] == first_text[7] == "-" and not last_text:
        try:  # a day, YYYY-MM-DD (as parse_period reads it, in C)
            day = dt.date.fromisoformat(first_text)
        except ValueError:
            pass  # parse_period says why
        else:
            if part is None:
                return day, day
    first, last = parse_period(first_text)
    if last_text:
        last = parse_period(last_text)[1]
    if part is not None:
        if last_text:
            raise ValueError("part ('early', 'mid', 'late') needs a span of one month or year")
        first, last = narrow_part(first, last, part)
    return first, (first if first == last else last)  # an exact day: one date object


def _looks_iso(text: str) -> bool:
    return _ISO_PERIOD.fullmatch(text) is not None


_ISO_PERIOD = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def series_span(start: DateRange | None, end: DateRange | None) -> DateRange | None:
    """A series' date: from its earliest possible start to its latest possible end."""
    if start is None:
        return None
    latest = dt.date.max if end is None else end.latest
    until = f"to its end ({end})" if end is not None else "with no known end"
    return DateRange(
        earliest=start.earliest,
        latest=max(latest, start.latest),
        text=start.text,
        reasoning=f"a series: every day from its start ({start}) {until}",
        disputed=start.disputed or (end is not None and end.disputed),
    )


def _announced(announcements: Sequence[Announcement]) -> list[Source]:
    return [s for a in announcements for s in a.sources]


def articles_of(sources: Iterable[Source | None]) -> tuple[Source, ...]:
    """The articles and reports among ``sources``, once each, in id order."""
    unique = {s.id: s for s in sources if s is not None and s.kind is not SourceKind.REFERENCE}
    return tuple(unique[k] for k in sorted(unique))
