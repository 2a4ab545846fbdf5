"""How to cite what the library answers: the data, the code, the query, and the articles.

ACLED's attribution policy asks users to state the data version, the access date, the
filters used and any changes; a news figure must also name the reports behind it. A
citation here says all of that: the data version and as-of date, the package version,
the access date, the query that made a result, whether the user's own files were added
(the digest then identifies exactly the data), and every article behind the cited
records with its outlet, headline, publication date and address. Where an article does
not print its outlet or address, the reference layer gives them, and the citation says
so (the article texts themselves are not redistributed).

Styles: ``text`` (plain text), ``bibtex`` and ``csl-json`` (for Zotero and pandoc).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

import attrs

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

TITLE = "idlibstrikes: US strikes on al-Qaeda-linked groups in north-west Syria"
AUTHOR = "idlibstrikes developers"

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
        outlet_from: ``"the article"`` or the id of the reference fact that gives it.
        headline: The headline the article prints, if any.
        published: The publication date (a range where the article prints no date).
        address: The web address, from the reference layer.
        address_from: The id of the reference fact that gives the address.

    Examples:
        >>> import idlibstrikes as isk
        >>> a = cited_articles(isk.load(), [isk.load().source("001")])[0]
        >>> a.outlet, a.outlet_from
        ('The National (Abu Dhabi)', 'ref-001-outlet')
    """

    source: Source
    short_id: str
    outlet: str | None
    outlet_from: str | None
    headline: str | None
    published: DateRange | None
    address: str | None
    address_from: str | None


def _fact(data: Dataset, source: Source, field: str) -> ReferenceFact | None:
    return next((f for f in data.references_for(source.id) if f.field == field), None)


def cited_articles(data: Dataset, sources: Iterable[Source]) -> list[CitedArticle]:
    """The articles among ``sources``, by id, each with what a citation names."""
    found = {s.id: s for s in sources if not s.is_reference}
    made = []
    for source in (found[k] for k in sorted(found)):
        outlet, outlet_from = source.outlet, "the article" if source.outlet else None
        if outlet is None and (fact := _fact(data, source, "outlet")) is not None:
            # the reference's words up to any comment ("...; body largely AFP copy")
            outlet, outlet_from = fact.value.split(";")[0].strip(), fact.id
        address, address_from = source.address, "the article" if source.address else None
        if address is None and (fact := _fact(data, source, "address")) is not None:
            address, address_from = fact.value.strip(), fact.id
        made.append(
            CitedArticle(
                source=source,
                short_id=source.short_id,
                outlet=outlet,
                outlet_from=outlet_from,
                headline=source.headline,
                published=source.published,
                address=address,
                address_from=address_from,
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
    """The dataset, the records cited, and the query that chose them, for ``obj``."""
    from ._dataset import Dataset
    from ._results import Ceasefires, Strikes

    if isinstance(obj, Dataset):
        return obj, [], None
    if isinstance(obj, Strikes | Ceasefires):
        data = obj.dataset if isinstance(obj, Strikes) else getattr(obj, "dataset", None)
        return data, list(obj), getattr(obj, "query", None)
    if attrs.has(type(obj)):
        return None, [obj], None
    raise TypeError(
        f"cannot cite a {type(obj).__name__}: give a Dataset, a record (a strike, group, "
        "ceasefire, source ...) or a query's result"
    )


def cite(
    obj: Any,
    style: str = "text",
    *,
    data: Dataset | None = None,
    accessed: dt.date | None = None,
) -> str:
    """A citation of a dataset, a record or a query's result, with every article behind it.

    It states what ACLED's attribution policy asks for: the data version and as-of date,
    the package version, the access date, the query (for a result) and whether your own
    files were added; then each article behind the cited records, with its outlet,
    headline, publication date and address (from the reference layer where the article
    does not print them, which the citation says).

    Args:
        obj: A [`Dataset`][idlibstrikes.Dataset], a record, or a query's result.
        style: ``text``, ``bibtex`` or ``csl-json``.
        data: The dataset a record comes from (default: the one a result was asked of,
            else the bundled dataset); its reference facts give outlets and addresses.
        accessed: The access date (default: today).

    Raises:
        UnknownNameError: An unknown style.
        TypeError: ``obj`` is not something that can be cited.

    Examples:
        >>> import idlibstrikes as isk, datetime as dt
        >>> data = isk.load()
        >>> text = cite(data.strike("2019-06-30-rif-al-muhandisin"), accessed=dt.date(2026, 11, 29))
        >>> print(text.splitlines()[0])  # doctest: +ELLIPSIS
        idlibstrikes developers. idlibstrikes: ... Data version 2026.11.0 (as of 2026-11-29), ...
        >>> [line[3:6] for line in text.splitlines() if line.startswith("  [")]
        ['001', '002', '003', '004']
    """
    from ._dataset import load
    from ._errors import UnknownNameError

    if style not in STYLES:
        raise UnknownNameError(style, kind="citation style", suggestions=STYLES)
    found, records, query = _what(obj)
    dataset = data or found or load()
    if records:
        sources: Iterable[Source] = [s for r in records for s in _sources_of(r, set())]
    else:
        sources = dataset.sources
    articles = cited_articles(dataset, sources)
    day = accessed or dt.date.today()
    what = _described(records)
    if style == "bibtex":
        return _bibtex(dataset, articles, day, query, what)
    if style == "csl-json":
        return json.dumps(_csl(dataset, articles, day, query, what), ensure_ascii=False, indent=2)
    return _text(dataset, articles, day, query, what)


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
    if v.origin != "bundled":
        parts.append(f"Changes: {v.origin} (data digest {v.digest}).")
    if query:
        parts.append(f"Query: {query}.")
    if what:
        parts.append(f"Cited: {what}.")
    return " ".join(parts)


def _published(a: CitedArticle) -> str:
    if a.published is None:
        return "Publication date not known"
    return f"Published {a.published}"


def _text(
    data: Dataset, articles: list[CitedArticle], day: dt.date, query: str | None, what: str | None
) -> str:
    lines = [_dataset_line(data, day, query, what)]
    lines.append(f"Articles behind it ({len(articles)}):")
    for a in articles:
        outlet = a.outlet or "outlet not known"
        headline = f' "{a.headline}."' if a.headline else ""
        where = f" {a.address}" if a.address else " address not known"
        layer = sorted({f for f in (a.outlet_from, a.address_from) if f and f != "the article"})
        note = f" (from the reference layer: {', '.join(layer)})" if layer else ""
        lines.append(f"  [{a.short_id}] {outlet}.{headline} {_published(a)}.{where}{note}")
    lines.append(
        "The encoded data are licensed CC BY 4.0; the articles' texts are not "
        "redistributed (read them at their addresses)."
    )
    return "\n".join(lines) + "\n"


def _bib(value: str) -> str:
    """A value safe inside a BibTeX field's braces."""
    out = value.replace("\\", "\\textbackslash{}")
    for char in "&%$#_{}":
        out = out.replace(char, "\\" + char)
    return out.replace("\\\\textbackslash\\{\\}", "\\textbackslash{}")


def _bibtex(
    data: Dataset, articles: list[CitedArticle], day: dt.date, query: str | None, what: str | None
) -> str:
    v = data.version
    notes = [f"Data as of {v.as_of.isoformat()}", f"package idlibstrikes {v.package}"]
    if v.origin != "bundled":
        notes.append(f"changes: {v.origin} (data digest {v.digest})")
    if query:
        notes.append(f"query: {query}")
    if what:
        notes.append(f"cited: {what}")
    entries = [
        "@misc{idlibstrikes-data-" + v.data + ",\n"
        f"  author = {{{{{_bib(AUTHOR)}}}}},\n"
        f"  title = {{{_bib(TITLE)}}},\n"
        f"  version = {{{v.data}}},\n"
        f"  year = {{{v.as_of.year}}},\n"
        f"  urldate = {{{day.isoformat()}}},\n"
        f"  note = {{{_bib('; '.join(notes))}}}\n"
        "}"
    ]
    for a in articles:
        fields = {
            "author": "{" + _bib(a.outlet) + "}" if a.outlet else None,
            "title": _bib(a.headline) if a.headline else None,
            "howpublished": _bib(a.outlet) if a.outlet else None,
            "year": str(a.published.earliest.year)
            if a.published and a.published.earliest.year == a.published.latest.year
            else None,
            "url": a.address,
            "urldate": day.isoformat(),
            "note": _bib(f"{_published(a)}; idlibstrikes source {a.source.id}"),
        }
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items() if v)
        entries.append(f"@misc{{isk-{a.short_id},\n{body}\n}}")
    return "\n\n".join(entries) + "\n"


def _parts(day: dt.date) -> list[int]:
    return [day.year, day.month, day.day]


def _csl(
    data: Dataset, articles: list[CitedArticle], day: dt.date, query: str | None, what: str | None
) -> list[dict[str, Any]]:
    v = data.version
    note = f"Data as of {v.as_of.isoformat()}; package idlibstrikes {v.package}"
    if v.origin != "bundled":
        note += f"; changes: {v.origin} (data digest {v.digest})"
    if query:
        note += f"; query: {query}"
    if what:
        note += f"; cited: {what}"
    items: list[dict[str, Any]] = [
        {
            "id": f"idlibstrikes-data-{v.data}",
            "type": "dataset",
            "title": TITLE,
            "author": [{"literal": AUTHOR}],
            "version": v.data,
            "issued": {"date-parts": [_parts(v.as_of)]},
            "accessed": {"date-parts": [_parts(day)]},
            "note": note,
        }
    ]
    for a in articles:
        item: dict[str, Any] = {
            "id": f"isk-{a.short_id}",
            "type": "article-newspaper",
            "accessed": {"date-parts": [_parts(day)]},
            "note": f"{_published(a)}; idlibstrikes source {a.source.id}",
        }
        if a.headline:
            item["title"] = a.headline
        if a.outlet:
            item["container-title"] = a.outlet
        if a.address:
            item["URL"] = a.address
        if a.published is not None:
            first, last = a.published.earliest, a.published.latest
            item["issued"] = (
                {"date-parts": [_parts(first)]}
                if first == last
                else {"date-parts": [_parts(first), _parts(last)]}
            )
        items.append(item)
    return items
