"""How to cite what the library answers: the data, the code, the query, and the articles.

ACLED's attribution policy asks users to state the data version, the access date, the
filters used and any changes; a news figure must also name the reports behind it. A
citation here says all of that: the data version and as-of date, the package version,
the access date, the query that made a result, whether the user's own files were added
(the digest then identifies exactly the data), and every article behind the cited
records with its outlet, headline, publication date and address. Where an article does
not print its outlet or address, the reference layer gives them, and the citation says
so (the article texts themselves are not redistributed).

Styles: ``text`` (plain text, here), ``bibtex`` (``_bibtex``) and ``csl-json`` (``_csl``,
for Zotero and pandoc). What they say alike (a date to the precision it is known, never a
range of days; only web addresses as addresses; the dataset's own entry) is ``_citation``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._citation import AUTHOR, TITLE, UNTITLED, context, is_address, issued
from ._dates import DateRange
from ._models import (
    Ceasefire,
    Development,
    Group,
    Person,
    Place,
    ReferenceFact,
    Source,
    Strike,
)

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__ = ["STYLES", "CitedArticle", "cite", "cited_articles"]

Style = Literal["text", "bibtex", "csl-json"]
#: The citation styles [`cite`][idlibstrikes.cite] writes.
STYLES: tuple[Style, ...] = ("text", "bibtex", "csl-json")


# Records that a citation of a record does not descend into: they are other records,
# cited when they are cited themselves.
_RECORDS = (Strike, Ceasefire, Development, Group, Person, Place, Source)


@attrs.frozen(kw_only=True)
class CitedArticle:
    """One article as a citation names it, each part with where it comes from.

    Attributes:
        source: The article's source record.
        short_id: The id views use ("002").
        outlet: The outlet, or ``None`` where neither the article nor a reference names it.
        outlet_from: ``"the article"`` or the id of the reference that gives it.
        headline: The headline the article prints, else the title a reference gives it
            (``None`` where neither does: citations then say "[Untitled article]").
        published: The publication date (a range where the article prints no date).
        published_from: ``"the article"`` (or the article's own wording, read with the
            reasoning given) or the id of the reference that gives it.
        address: The web address, from the reference layer.
        address_from: The id of the reference fact that gives the address.
        headline_from: The id of the reference fact that gives the title, where the
            article prints no headline and a reference gives one.

    Examples:
        >>> import idlibstrikes as isk
        >>> articles = isk.load(sources="articles")
        >>> a = cited_articles(articles, [articles.source("001")])[0]
        >>> a.outlet, a.outlet_from
        ('The National', 'ref-the-national-001-page')
    """

    source: Source
    short_id: str
    outlet: str | None
    outlet_from: str | None
    headline: str | None
    published: DateRange | None
    published_from: str | None
    address: str | None
    address_from: str | None
    headline_from: str | None = None

    @property
    def from_references(self) -> tuple[str, ...]:
        """What the citation takes from the reference layer, as ``part: reference`` labels.

        Examples:
            >>> import idlibstrikes as isk
            >>> articles = isk.load(sources="articles")
            >>> a = cited_articles(articles, [articles.source("004")])[0]
            >>> a.from_references
            ('published: ref-al-jazeera-004-page', 'address: ref-004-address')
        """
        parts = (
            ("title", self.headline_from),
            ("outlet", self.outlet_from),
            ("published", self.published_from),
            ("address", self.address_from),
        )
        return tuple(f"{p}: {ref}" for p, ref in parts if ref and ref != "the article")


def _fact(data: Dataset, source: Source, field: str) -> ReferenceFact | None:
    return next((f for f in data.references_for(source.id) if f.field == field), None)


def cited_articles(data: Dataset, sources: Iterable[Source]) -> list[CitedArticle]:
    """The articles among ``sources``, by id, each with what a citation names."""
    found = {s.id: s for s in sources if not s.is_reference}
    made = []
    for source in (found[k] for k in sorted(found)):
        outlet, outlet_from = source.outlet, "the article" if source.outlet_quote else None
        if source.outlet_from is not None:  # the article does not name it: a reference does
            outlet_from = source.outlet_from.id
        address, address_from = source.address, "the article" if source.address else None
        if address is None and (fact := _fact(data, source, "address")) is not None:
            address, address_from = fact.value.strip(), fact.id
        headline, headline_from = source.headline, None
        if headline is None:
            titled = _fact(data, source, "headline") or _fact(data, source, "title")
            if titled is not None and titled.value.strip():
                headline, headline_from = titled.value.strip(), titled.id
        made.append(
            CitedArticle(
                source=source,
                short_id=source.short_id,
                outlet=outlet,
                outlet_from=outlet_from,
                headline=headline,
                published=source.published,
                published_from=source.published_from.id if source.published_from else None,
                address=address,
                address_from=address_from,
                headline_from=headline_from,
            )
        )
    return made


def _sources_of(obj: Any, seen: set[int], depth: int = 0) -> Iterable[Source]:
    """Every source a record's claims and citations name (not other records')."""
    if isinstance(obj, Source):
        yield obj
        return
    if id(obj) in seen or depth > 6:
        return
    seen.add(id(obj))
    if isinstance(obj, tuple):
        for item in obj:
            yield from _sources_of(item, seen, depth + 1)
        return
    if not attrs.has(type(obj)):
        return
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        if depth > 0 and isinstance(obj, _RECORDS):
            return  # another record: cited when it is cited itself
        if isinstance(value, _RECORDS) and not isinstance(value, Source):
            continue
        first = value[0] if isinstance(value, tuple) and value else None
        if isinstance(first, _RECORDS) and not isinstance(first, Source):
            continue
        yield from _sources_of(value, seen, depth + 1)


def _what(obj: Any) -> tuple[Dataset | None, list[Any], str | None]:
    """The dataset, the records cited, and the query that chose them, for ``obj``.

    A dataset and a query's result are told by what they have (their layer is above this
    one): a dataset its version and every kind of record, a result its query.
    """
    if all(hasattr(obj, k) for k in ("version", "sources", "strikes", "references")):
        return obj, [], None
    if hasattr(obj, "query") and hasattr(obj, "dataset") and hasattr(obj, "__iter__"):
        return obj.dataset, list(obj), obj.query
    if attrs.has(type(obj)):
        return None, [obj], None
    if isinstance(obj, tuple | list) and obj and all(attrs.has(type(r)) for r in obj):
        return None, list(obj), None  # a slice of a result, or records picked by hand
    raise TypeError(
        f"cannot cite a {type(obj).__name__}: give a Dataset, a record (a strike, group, "
        "ceasefire, source ...) or a query's result"
    )


def cite(
    obj: Any,
    style: str = "text",
    *,
    data: Dataset | None = None,
    accessed: dt.date | str | None = None,
    bundled: Callable[[], Dataset],
) -> str:
    """A citation of ``obj`` (see [`cite`][idlibstrikes.cite]).

    ``bundled`` gives the bundled dataset, for a record given without ``data``.

    Examples:
        >>> import idlibstrikes as isk, datetime as dt
        >>> data = isk.load(sources="articles")
        >>> text = cite(data, accessed=dt.date(2026, 11, 29), bundled=isk.load)
        >>> text.startswith("idlibstrikes developers.")
        True
    """
    from ._errors import UnknownNameError

    if style not in STYLES:
        raise UnknownNameError(style, kind="citation style", suggestions=STYLES)
    day = _day(accessed)
    found, records, query = _what(obj)
    dataset = data or found
    if dataset is None:
        dataset = bundled()
        foreign = [r for r in records if not _in(dataset, r)]
        if foreign:
            # citing the bundled data's version for someone else's record would be wrong
            raise ValueError(
                f"{getattr(foreign[0], 'id', foreign[0])!r} is not a record of the bundled "
                "data: pass data=, the dataset it comes from, so the citation states its "
                "version and changes"
            )
    if records:
        sources: list[Source] = [s for r in records for s in _sources_of(r, set())]
    else:
        sources = list(dataset.sources)
    articles = cited_articles(dataset, sources)
    references = sorted({s.id: s for s in sources if s.is_reference}.values(), key=_by_id)
    what = _described(records)
    if style == "bibtex":
        from ._bibtex import bibtex

        return bibtex(dataset, articles, references, day, query, what)
    if style == "csl-json":
        from ._csl import csl_items

        items = csl_items(dataset, articles, references, day, query, what)
        return json.dumps(items, ensure_ascii=False, indent=2)
    return _text(dataset, articles, references, day, query, what)


def _by_id(source: Source) -> str:
    return source.id


def _day(accessed: dt.date | str | None) -> dt.date:
    if accessed is None:
        return dt.date.today()
    if isinstance(accessed, dt.date):
        return accessed
    if isinstance(accessed, str):
        try:
            return dt.date.fromisoformat(accessed)
        except ValueError:
            pass
    raise TypeError(f"accessed must be a date or 'YYYY-MM-DD', not {accessed!r}")


def _in(data: Dataset, record: Any) -> bool:
    """Whether ``record`` is one of ``data``'s own records (or a claim inside one)."""
    pools = (
        data.strikes,
        data.groups,
        data.ceasefires,
        data.developments,
        data.people,
        data.places,
        data.sources,
        data.references,
        data.announcements,
        data.figures,
    )
    if isinstance(record, (*_RECORDS, ReferenceFact)):
        return any(record in pool for pool in pools)
    return True  # a claim or citation: its sources are named; its record is not known


def _described(records: list[Any]) -> str | None:
    if not records:
        return None
    ids = [getattr(r, "id", None) or type(r).__name__ for r in records]
    shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
    return f"{len(ids)} record(s): {shown}"


def _dataset_line(data: Dataset, day: dt.date, query: str | None, what: str | None) -> str:
    v = data.version
    parts = [
        f"{AUTHOR}. {TITLE}. Data version {v.data} (as of {v.as_of.isoformat()}), "
        f"idlibstrikes {v.package}. Accessed {day.isoformat()}."
    ]
    parts += [f"{label.capitalize()}: {value}." for label, value in context(v, query, what)]
    return " ".join(parts)


def _published(published: DateRange | None) -> str:
    """A publication date in a citation's text: its known parts, then what is not known."""
    if published is None:
        return "Publication date not known"
    return f"Published {issued(published).words}"


def _where(address: str | None, missing: str) -> str:
    """An address; a locator that is not one, said as such; or ``missing``."""
    if is_address(address):
        return f" {address}"
    if address:
        return f" Location given (not a web address): {address}."
    return f" {missing}"


def _text(
    data: Dataset,
    articles: list[CitedArticle],
    references: list[Source],
    day: dt.date,
    query: str | None,
    what: str | None,
) -> str:
    lines = [_dataset_line(data, day, query, what)]
    lines.append(f"Articles behind it ({len(articles)}):")
    for a in articles:
        outlet = a.outlet or "outlet not known"
        headline = f' "{a.headline}."' if a.headline else f" {UNTITLED}."
        where = _where(a.address, "Address not known.")
        layer = a.from_references
        note = f" (from the reference layer: {'; '.join(layer)})" if layer else ""
        lines.append(
            f"  [{a.short_id}] {outlet}.{headline} {_published(a.published)}.{where}{note}"
        )
    reports = [r for r in references if r.is_report]
    if reports:
        lines.append(f"Reports the reference lists cite ({len(reports)}):")
        lines += [f"  [{r.id}] {_reference_line(r)}" for r in reports]
    others = [r for r in references if not r.is_report]
    if others:
        lines.append(f"References beside the articles ({len(others)}):")
        lines += [f"  [{r.id}] {_reference_line(r)}" for r in others]
    lines.append(
        "The encoded data are licensed CC BY 4.0; the articles' texts are not "
        "redistributed (read them at their addresses)."
    )
    return "\n".join(lines) + "\n"


def _reference_line(r: Source) -> str:
    """A reference: outlet (whose copy), title where known, date or "n.d.", address."""
    copy = f" ({r.wire} copy)" if r.wire else ""
    title = f' "{r.headline}."' if r.headline else ""
    when = issued(r.published).words
    when += "" if when.endswith(".") else "."  # "n.d." ends with its own
    where = _where(r.address, "Address not given.")
    return f"{r.outlet or 'Outlet not named'}{copy}.{title} {when}{where}"
