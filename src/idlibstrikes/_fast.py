"""The fast path for strikes: build one that the strict reader would accept, checked once.

Maintainer's note: a big data file is almost all strikes, and the strict reader (``Fields``)
spends about 500 function calls on each one, locating every field for a message it will
never print. ``FastStrikes.strike`` reads a single strike (not a series) straight from its
parsed JSON, checking exactly what the strict reader checks: keys, exact JSON types, ids
and references, vocabularies, counts, texts (non-empty, writable), quotes against the
article where its text is at hand, and the same record-level rules. It never reports a
problem: at the first thing that is not plainly right it returns ``None`` *before* changing
anything, and the builder reads that record again with the strict reader, which finds and
locates every problem. So a good strike is built the same either way, and a bad file gets
the same problems as before (``tests/test_fast.py`` checks both, by property).

Dates go through the strict reader itself (on a scratch problem list), once per distinct
date object: a data file repeats its date objects, and equal ones share one ``DateRange``.
Whatever the fast path accepts here must stay in step with ``_load._Builder.build_strikes``
and ``_builder.RecordBuilder``: change one, change the other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any, TypeVar

import attrs

from ._builder import RecordBuilder, _span_date, articles_of, collapse
from ._dates import DateRange
from ._files import RawRecord
from ._format import FORMAT
from ._models import (
    Announcement,
    Attribution,
    CasualtyClaim,
    Citation,
    DateClaim,
    Outcome,
    Scope,
    Source,
    Stance,
    Strike,
    StrikeKind,
    Victims,
    nested,
)
from ._reader import _ID, _ISO_DAY, COMMENT, Fields, Problems, _writable
from ._summary import of_claims

__all__ = ["FastStrikes"]

E = TypeVar("E", bound=Enum)
R = TypeVar("R")

# the keys each object may have, comments included (the strict reader skips "//")
_STRIKE_KEYS = FORMAT["strike"].keys | {COMMENT}
_CLAIM_KEYS = FORMAT["claim"].keys | {COMMENT}
_DATE_CLAIM_KEYS = FORMAT["date_claim"].keys | {COMMENT}
_CITATION_KEYS = FORMAT["citation"].keys | {COMMENT}
_ATTRIBUTION_KEYS = FORMAT["attribution"].keys | {COMMENT}
_PLAIN_DATE_KEYS = frozenset({"text", "span", "earliest", "latest", "reasoning", COMMENT})


def _members(vocabulary: type[E]) -> dict[str, E]:
    return {m.value: m for m in vocabulary}


_KINDS = _members(StrikeKind)
_VICTIMS = _members(Victims)
_OUTCOMES = _members(Outcome)
_STANCES = _members(Stance)


def _setters(cls: type, names: str) -> tuple[Any, ...]:
    """The slots' own setters of ``cls``, one per field, in the order of ``names``.

    A frozen class blocks ``setattr``, not its slots' descriptors: these set a field the
    way attrs' generated ``__init__`` does, without that ``__init__``'s validators, which
    the fast path has already checked (as it checks ``CasualtyClaim``'s low <= high).
    """
    fields = names.split()
    assert sorted(fields) == sorted(a.name for a in attrs.fields(cls)), cls  # in step
    return tuple(cls.__dict__[name].__set__ for name in fields)


_new = object.__new__
_DATE_CLAIM = _setters(DateClaim, "date source quote report note")
_CITATION = _setters(Citation, "source quote about")
_CLAIM = _setters(
    CasualtyClaim, "low high victims source quote outcome claimant vague within counts_to note"
)
_STRIKE = _setters(
    Strike,
    "id scope kind description date date_claims start end start_claims end_claims place "
    "perpetrator attributions allies targets claims killed announcements sources citations "
    "references note",
)


def _date_claim(date: DateRange, source: Source, quote: str, report: bool, note: str) -> DateClaim:
    s_date, s_source, s_quote, s_report, s_note = _DATE_CLAIM
    o = _new(DateClaim)
    s_date(o, date)
    s_source(o, source)
    s_quote(o, quote)
    s_report(o, report)
    s_note(o, note)
    return o


def _citation(source: Source, quote: str, about: str) -> Citation:
    s_source, s_quote, s_about = _CITATION
    o = _new(Citation)
    s_source(o, source)
    s_quote(o, quote)
    s_about(o, about)
    return o


def _claim(
    low: Any,
    high: Any,
    victims: Any,
    source: Any,
    quote: Any,
    outcome: Any,
    claimant: Any,
    vague: Any,
    within: Any,
    counts_to: Any,
    note: Any,
) -> CasualtyClaim:
    (
        s_low,
        s_high,
        s_victims,
        s_source,
        s_quote,
        s_outcome,
        s_claimant,
        s_vague,
        s_within,
        s_counts_to,
        s_note,
    ) = _CLAIM
    o = _new(CasualtyClaim)
    s_low(o, low)
    s_high(o, high)
    s_victims(o, victims)
    s_source(o, source)
    s_quote(o, quote)
    s_outcome(o, outcome)
    s_claimant(o, claimant)
    s_vague(o, vague)
    s_within(o, within)
    s_counts_to(o, counts_to)
    s_note(o, note)
    return o


def _strike(
    id: Any,
    scope: Any,
    kind: Any,
    description: Any,
    date: Any,
    date_claims: Any,
    start: Any,
    end: Any,
    start_claims: Any,
    end_claims: Any,
    place: Any,
    perpetrator: Any,
    attributions: Any,
    allies: Any,
    targets: Any,
    claims: Any,
    killed: Any,
    announcements: Any,
    sources: Any,
    citations: Any,
    references: Any,
    note: Any,
) -> Strike:
    (
        s_id,
        s_scope,
        s_kind,
        s_description,
        s_date,
        s_date_claims,
        s_start,
        s_end,
        s_start_claims,
        s_end_claims,
        s_place,
        s_perpetrator,
        s_attributions,
        s_allies,
        s_targets,
        s_claims,
        s_killed,
        s_announcements,
        s_sources,
        s_citations,
        s_references,
        s_note,
    ) = _STRIKE
    o = _new(Strike)
    s_id(o, id)
    s_scope(o, scope)
    s_kind(o, kind)
    s_description(o, description)
    s_date(o, date)
    s_date_claims(o, date_claims)
    s_start(o, start)
    s_end(o, end)
    s_start_claims(o, start_claims)
    s_end_claims(o, end_claims)
    s_place(o, place)
    s_perpetrator(o, perpetrator)
    s_attributions(o, attributions)
    s_allies(o, allies)
    s_targets(o, targets)
    s_claims(o, claims)
    s_killed(o, killed)
    s_announcements(o, announcements)
    s_sources(o, sources)
    s_citations(o, citations)
    s_references(o, references)
    s_note(o, note)
    return o


class _Bail(Exception):
    """Something is not plainly right: the strict reader is to read this record."""


def _empty(value: object) -> bool:
    """Whether an optional list field is absent: null, missing or ``[]`` (strictly)."""
    return value is None or (type(value) is list and not value)


class FastStrikes:
    """Builds single strikes from raw records the strict reader would accept."""

    def __init__(
        self, builder: RecordBuilder, by_subject: Mapping[str, Sequence[Announcement]]
    ) -> None:
        self.b = builder
        self.by_subject = by_subject
        self.strings = builder.problems.strings
        # the strict date reader's problems land here, and mean "read strictly instead"
        self.scratch = Problems()
        self.scratch.strings = builder.problems.strings
        self.scratch.tuples = builder.problems.tuples
        self.dates: dict[tuple[tuple[str, Any], ...], DateRange] = {}
        self.days: dict[str, dt.date] = {}
        # each source by id, with its article's text where a quote is to be found in it
        self.quoting: dict[str, tuple[Source, str | None]] = {}
        self.references = {k for k, v in builder.sources.items() if v.is_reference}
        self.article_sets: dict[tuple[str, ...], tuple[Source, ...]] = {}

    def strike(self, record: RawRecord) -> Strike | None:
        """The strike, or ``None`` where the strict reader is to read the record."""
        d = record.data
        if record.origins or record.added or not _STRIKE_KEYS.issuperset(d):
            return None
        try:
            return self._strike(d)
        except _Bail:
            return None

    # -- values ---------------------------------------------------------------------------
    def text(self, value: object) -> str:
        """A required non-empty text (as ``Fields.text``), shared with equal texts."""
        # not value.strip(), without making the stripped copy
        if type(value) is not str or not value or value.isspace():
            raise _Bail
        if not value.isascii() and not _writable(value):
            raise _Bail
        return self.strings.setdefault(value, value)

    def note(self, d: dict[str, Any]) -> str:
        """An optional note (as ``Fields.note``): "" when absent or null."""
        value = d.get("note")
        return "" if value is None else self.text(value)

    @staticmethod
    def ref(value: object, table: Mapping[str, R]) -> R:
        """A required reference to a record built already."""
        if type(value) is not str:
            raise _Bail
        found = table.get(value)
        if found is None:
            raise _Bail
        return found

    def refs(self, value: object, table: Mapping[str, R]) -> tuple[R, ...]:
        """An optional list of references (shared, as ``RecordBuilder.refs``)."""
        if value is None:
            return ()
        if type(value) is not list:
            raise _Bail
        return self.b.shared([self.ref(v, table) for v in value])

    def flag(self, value: object) -> bool:
        """An optional true/false."""
        if value is None:
            return False
        if type(value) is not bool:
            raise _Bail
        return value

    @staticmethod
    def member(value: object, members: Mapping[str, E], default: E | None = None) -> E:
        """A word of a vocabulary; ``default`` when null or absent (required without one)."""
        if value is None and default is not None:
            return default
        if type(value) is not str:
            raise _Bail
        found = members.get(value)
        if found is None:
            raise _Bail
        return found

    @staticmethod
    def count(value: object) -> int:
        """A whole number, zero or more."""
        if type(value) is not int or value < 0:
            raise _Bail
        return value

    def source_and_quote(self, d: dict[str, Any]) -> tuple[Source, str]:
        """A part's source and its quote, found in the article where its text is at hand."""
        ident = d.get("source")
        known = self.quoting.get(ident) if type(ident) is str else None
        if known is None:
            source = self.ref(ident, self.b.sources)
            article = None if source.is_reference else self.b.article_text(source)
            known = self.quoting[source.id] = (source, article)
        source, article = known
        quote = d.get("quote")
        # as text(), but not shared: a quote is nearly always the only one of its words
        if type(quote) is not str or not quote or quote.isspace():
            raise _Bail
        if not quote.isascii() and not _writable(quote):
            raise _Bail
        if article is not None and collapse(quote) not in article:
            raise _Bail
        return source, quote

    def objects(self, value: object, keys: frozenset[str]) -> list[dict[str, Any]]:
        """An optional list of objects, each with only known keys."""
        if value is None:
            return []
        if type(value) is not list:
            raise _Bail
        for item in value:
            if type(item) is not dict or not keys.issuperset(item):
                raise _Bail
        return value

    def date(self, value: object) -> DateRange:
        """A date object, read by the strict reader once per distinct object."""
        if type(value) is not dict:
            raise _Bail
        try:
            key = tuple(value.items())
            found = self.dates.get(key)
        except TypeError:  # a relative date's nested object: not kept
            key, found = None, None
        if found is not None:
            return found
        date = None if key is None else self.plain_date(value)
        if date is not None:
            self.dates[key] = date  # type: ignore[index]  # key is set when date is
            return date
        f = Fields(self.scratch, "", value, record=None, path="date", allowed=FORMAT["date"].keys)
        date = self.b.date(f)
        if date is None or self.scratch:
            self.scratch.items.clear()
            raise _Bail
        if key is not None:
            self.dates[key] = date
        return date

    def day(self, value: object) -> dt.date:
        """An ISO day (as ``Fields.iso_date``), one object per distinct day."""
        found = self.days.get(value) if type(value) is str else None
        if found is None:
            if type(value) is not str or not _ISO_DAY.fullmatch(value):
                raise _Bail
            try:
                found = self.days[value] = dt.date.fromisoformat(value)
            except ValueError:
                raise _Bail from None
        return found

    def plain_date(self, d: dict[str, Any]) -> DateRange | None:
        """A date given as a span or as both bounds (as ``RecordBuilder.date``).

        ``None`` for any other form (a relative date, one bound), which the strict reader
        then reads.
        """
        if not _PLAIN_DATE_KEYS.issuperset(d):
            return None
        text = self.text(d.get("text"))
        reasoning = d.get("reasoning")
        reasoning = "" if reasoning is None else self.text(reasoning)
        span = d.get("span")
        bounds = "earliest" in d or "latest" in d
        if span is not None:
            if bounds:
                raise _Bail
            try:
                date = _span_date(self.text(span), None, text, reasoning)
            except (ValueError, OverflowError):
                raise _Bail from None
            if date.open_start or date.open_end:
                raise _Bail
            return date
        if type(d.get("earliest")) is not str or type(d.get("latest")) is not str:
            return None
        earliest, latest = self.day(d["earliest"]), self.day(d["latest"])
        if not reasoning or earliest > latest:
            raise _Bail
        if earliest == dt.date.min and latest == dt.date.max:
            raise _Bail
        return DateRange(earliest=earliest, latest=latest, text=text, reasoning=reasoning)

    # -- parts ----------------------------------------------------------------------------
    def date_claim(self, d: dict[str, Any]) -> DateClaim:
        date = self.date(d.get("date"))
        source, quote = self.source_and_quote(d)
        return _date_claim(date, source, quote, self.flag(d.get("report")), self.note(d))

    def claim(self, d: dict[str, Any]) -> CasualtyClaim:
        low = self.count(d.get("low"))
        high = d.get("high")
        if high is not None and self.count(high) < low:
            raise _Bail
        victims = self.member(d.get("victims"), _VICTIMS)
        within: tuple[Victims, ...] = ()
        if not _empty(d.get("within")):
            within = tuple(self.member(w, _VICTIMS) for w in self.texts(d["within"]))
            if victims in within or Victims.ALL in within:
                raise _Bail
        if d.get("counts_to") is not None:  # only a series' figure has one
            raise _Bail
        claimant = d.get("claimant")
        source, quote = self.source_and_quote(d)
        return _claim(
            low,
            high,
            victims,
            source,
            quote,
            self.member(d.get("outcome"), _OUTCOMES, Outcome.KILLED),
            None if claimant is None else self.ref(claimant, self.b.groups),
            self.flag(d.get("vague")),
            within,
            None,
            self.note(d),
        )

    def texts(self, value: object) -> list[str]:
        """A list of texts (each non-empty and writable)."""
        if type(value) is not list:
            raise _Bail
        return [self.text(v) for v in value]

    def attribution(self, d: dict[str, Any]) -> Attribution:
        groups = self.refs(d.get("groups"), self.b.groups)
        if not groups:
            raise _Bail
        claimant = d.get("claimant")
        source, quote = self.source_and_quote(d)
        return Attribution(
            groups=groups,
            stance=self.member(d.get("stance"), _STANCES, Stance.STRUCK),
            claimant=None if claimant is None else self.ref(claimant, self.b.groups),
            source=source,
            quote=quote,
            note=self.note(d),
        )

    def citation(self, d: dict[str, Any]) -> Citation:
        source, quote = self.source_and_quote(d)
        return _citation(source, quote, self.text(d.get("about")))

    def articles(self, parts: tuple[tuple[Any, ...], ...]) -> tuple[Source, ...]:
        """The articles behind a strike's parts (as ``articles_of``), one tuple per set."""
        found = {p.source.id for ps in parts for p in ps} - self.references
        key = tuple(sorted(found))
        shared = self.article_sets.get(key)
        if shared is None:
            shared = self.article_sets[key] = self.b.shared(self.b.sources[i] for i in key)
        return shared

    # -- the strike -----------------------------------------------------------------------
    def _strike(self, d: dict[str, Any]) -> Strike:
        b = self.b
        ident = d.get("id")
        if type(ident) is not str or not _ID.fullmatch(ident) or ident in b.strikes:
            raise _Bail
        ident = self.text(ident)
        scope = d.get("scope")
        if scope is not None and scope != "event":  # a series: the strict reader's
            raise _Bail
        if not (_empty(d.get("start_claims")) and _empty(d.get("end_claims"))):
            raise _Bail
        date_claims = tuple(
            [self.date_claim(c) for c in self.objects(d.get("date_claims"), _DATE_CLAIM_KEYS)]
        )
        if not date_claims:
            raise _Bail
        facts = b.facts.get(ident)
        date = of_claims(date_claims, [f for f in facts if f.field == "date"] if facts else ())
        if date is None:
            raise _Bail
        claims = tuple([self.claim(c) for c in self.objects(d.get("claims"), _CLAIM_KEYS)])
        citations = tuple(
            [self.citation(c) for c in self.objects(d.get("citations"), _CITATION_KEYS)]
        )
        attributions = tuple(
            [self.attribution(a) for a in self.objects(d.get("attributions"), _ATTRIBUTION_KEYS)]
        )
        perpetrator = self.ref(d.get("perpetrator"), b.groups)
        if attributions and not any(  # the strict reader says why
            nested(perpetrator, g)
            for a in attributions
            if a.stance is not Stance.DENIED
            for g in a.groups
        ):
            raise _Bail
        announcements = tuple(self.by_subject.get(ident, ()))
        targets = self.refs(d.get("targets"), b.groups)
        for target in targets:
            if target.founded is not None and date.latest < target.founded.earliest:
                raise _Bail
        sources = self.articles((date_claims, claims, citations, attributions))
        if announcements:  # rare: the general rule
            sources = b.shared(
                articles_of([*sources, *(s for a in announcements for s in a.sources)])
            )
        return _strike(
            ident,
            Scope.EVENT,
            self.member(d.get("kind"), _KINDS, StrikeKind.UNKNOWN),
            self.text(d.get("description")),
            date,
            date_claims,
            None,
            None,
            (),
            (),
            self.ref(d.get("place"), b.places),
            perpetrator,
            attributions,
            self.refs(d.get("allies"), b.groups),
            targets,
            claims,
            self.refs(d.get("killed"), b.people),
            announcements,
            sources,
            citations,
            tuple(facts) if facts else (),
            self.note(d),
        )
