"""Citations as CSL-JSON, the format of Zotero, pandoc, citeproc-js and citeproc-py.

One item for the data (``dataset``: its version, licence and keywords as ``CITATION.cff``
gives them; the query and changes in its note), one for the code (``software``), one per
article (``article-newspaper``: headline, outlet as ``container-title``, address, date), and
one per reference (``webpage`` where it has an address, else ``document``: the outlet as its
author, title, date, and a locator that is not an address as its ``number``).

Dates are given to the precision they are known (``_citation.issued``), never as a range
of days: processors print a range as a span of publication days, and citeproc-py drops the
year of one. What the parts leave out is in the item's ``note``. See docs/cite.md.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ._citation import (
    AUTHOR,
    KEYWORDS,
    LICENCE,
    SOFTWARE_LICENCE,
    SOFTWARE_TITLE,
    TITLE,
    UNTITLED,
    UNTITLED_REFERENCE,
    Issued,
    article_keys,
    data_key,
    is_address,
    issued,
    layer,
    notes,
    sentence,
    software_key,
)

if TYPE_CHECKING:
    from ._cite import CitedArticle
    from ._dataset import Dataset
    from ._models import Source

__all__ = ["csl_items"]

Item = dict[str, Any]


def _day(day: dt.date) -> Item:
    return {"date-parts": [[day.year, day.month, day.day]]}


def _dated(item: Item, when: Issued, note: list[str]) -> None:
    """Put a publication date's certain parts in ``issued`` and the rest in the note."""
    if when.parts:
        item["issued"] = {"date-parts": [list(when.parts)]}
    if when.uncertain:
        note.insert(0, f"Publication date: {when.words}")


def _located(item: Item, address: str | None, note: list[str], *, number: bool) -> None:
    """An address as ``URL``; any other locator as the note says (and as ``number``)."""
    if is_address(address):
        item["URL"] = address
    elif address:
        note.append(f"location given (not a web address): {address}")
        if number:
            item["number"] = address


def csl_items(
    data: Dataset,
    articles: list[CitedArticle],
    references: list[Source],
    day: dt.date,
    query: str | None,
    what: str | None,
) -> list[Item]:
    """The CSL-JSON items of a citation: the data, the code, the articles, the references.

    Examples:
        >>> import idlibstrikes as isk, datetime as dt
        >>> from idlibstrikes._cite import cited_articles
        >>> data = isk.load(sources="articles")
        >>> articles = cited_articles(data, [data.source("001")])
        >>> items = csl_items(data, articles, [], dt.date(2026, 12, 10), None, None)
        >>> [i["type"] for i in items]
        ['dataset', 'software', 'article-newspaper']
        >>> items[2]["issued"], items[2]["note"][:40]
        ({'date-parts': [[2019]]}, 'Publication date: 2019, month and day no')
    """
    v = data.version
    items: list[Item] = [
        {
            "id": data_key(v, query, what),
            "type": "dataset",
            "title": TITLE,
            "author": [{"literal": AUTHOR}],
            "version": v.data,
            "issued": _day(v.as_of),
            "accessed": _day(day),
            "license": LICENCE,
            "keyword": ", ".join(KEYWORDS),
            "note": "; ".join(notes(v, query, what)),
        },
        {
            "id": software_key(v),
            "type": "software",
            "title": SOFTWARE_TITLE,
            "author": [{"literal": AUTHOR}],
            "version": v.package,
            "license": SOFTWARE_LICENCE,
            "note": "The code that reads and queries the data; versioned apart from them",
        },
    ]
    for a, key in zip(articles, article_keys([a.source for a in articles]), strict=True):
        items.append(_article(a, key, day))
    for r in references:
        items.append(_reference(r))
    return items


def _article(a: CitedArticle, key: str, day: dt.date) -> Item:
    note: list[str] = []
    item: Item = {
        "id": f"isk-{key}",
        "type": "article-newspaper",
        "title": a.headline or UNTITLED,
    }
    if not a.headline:
        note.append("the article prints no headline")
    if a.outlet:
        item["container-title"] = a.outlet
    _dated(item, issued(a.published), note)
    if a.published is None:
        note.append("publication date not known")
    _located(item, a.address, note, number=False)
    item["accessed"] = _day(day)
    note.append(f"idlibstrikes source {a.source.id}")
    if a.from_references:
        note.append("from the reference layer: " + ", ".join(a.from_references))
    item["note"] = sentence("; ".join(note))
    return item


def _reference(r: Source) -> Item:
    note: list[str] = []
    item: Item = {
        "id": f"isk-{r.id}",
        "type": "webpage" if is_address(r.address) else "document",
    }
    if r.outlet:
        item["author"] = [{"literal": r.outlet}]
    else:
        note.append("outlet not named")
    if r.headline or not r.outlet:  # a reference with neither is cited as untitled
        item["title"] = r.headline or UNTITLED_REFERENCE
    if r.wire:
        item["genre"] = f"{r.wire} copy"
    _dated(item, issued(r.published), note)
    _located(item, r.address, note, number=True)
    note.append(f"{layer(r)}; idlibstrikes source {r.id}")
    item["note"] = sentence("; ".join(note))
    return item
