r"""Citations as BibTeX, for BibTeX, biblatex (biber), pybtex and bibtexparser.

Every entry is ``@misc``, the type every BibTeX style formats: the data (its version,
licence and keywords as ``CITATION.cff`` gives them; the query and changes in its note), the
code, each article (headline as ``title``, outlet as ``howpublished``; no ``author``: the
byline is not recorded, and the outlet is not the author) and each reference (its outlet as
a corporate ``author``; a wire copy, or a locator that is not an address, as
``howpublished``).

Dates: ``year`` wherever the year is known, ``month`` (a month macro) where the month is,
and biblatex's ``date`` to the same precision; a range of days is never written (what is
not known is in the note). ``url`` holds web addresses only, with characters outside ASCII
percent-encoded (an IRI as its URI), so that LaTeX's ``\url`` can set them. See
docs/cite.md.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ._citation import (
    AUTHOR,
    KEYWORDS,
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

__all__ = ["bibtex"]

_ESCAPED = {
    "\\": "\\textbackslash{}",
    "{": "\\textbraceleft{}",
    "}": "\\textbraceright{}",
    "~": "\\textasciitilde{}",
    "^": "\\textasciicircum{}",
    **{c: "\\" + c for c in "&%$#_"},
}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

#: A field: its name, its value, and whether the value is a macro (written bare).
Field = tuple[str, str | None, bool]


def _bib(value: str) -> str:
    r"""A value safe inside a BibTeX field's braces (its own braces balanced).

    Examples:
        >>> print(_bib("100% of {x} ~ y"))
        100\% of \textbraceleft{}x\textbraceright{} \textasciitilde{} y
    """
    return "".join(_ESCAPED.get(c, c) for c in value)


def _uri(address: str) -> str:
    """A web address with what a URI may not hold percent-encoded (UTF-8), as RFC 3987 maps.

    Examples:
        >>> _uri("https://syria.news/مقتل-ID82071.html")
        'https://syria.news/%D9%85%D9%82%D8%AA%D9%84-ID82071.html'
    """
    from urllib.parse import quote

    return "".join(
        quote(c, safe="") if not c.isascii() or c in '{}\\"<>^`| ' else c for c in address.strip()
    )


def _entry(key: str, fields: list[Field]) -> str:
    lines = [
        f"  {name} = {value}" if bare else f"  {name} = {{{value}}}"
        for name, value, bare in fields
        if value
    ]
    return "@misc{" + key + ",\n" + ",\n".join(lines) + "\n}"


def _dates(when: Issued) -> list[Field]:
    """``year``, ``month`` and ``date``, each where that part is certain."""
    if not when.parts:
        return []
    found: list[Field] = [("year", str(when.parts[0]), False)]
    if len(when.parts) > 1:
        found.append(("month", _MONTHS[when.parts[1] - 1], True))
    found.append(("date", when.iso, False))
    return found


def bibtex(
    data: Dataset,
    articles: list[CitedArticle],
    references: list[Source],
    day: dt.date,
    query: str | None,
    what: str | None,
) -> str:
    r"""The BibTeX entries of a citation: the data, the code, the articles, the references.

    Examples:
        >>> import idlibstrikes as isk, datetime as dt
        >>> from idlibstrikes._cite import cited_articles
        >>> data = isk.load(sources="articles")
        >>> articles = cited_articles(data, [data.source("004")])
        >>> print(bibtex(data, articles, [], dt.date(2026, 12, 10), None, None).split("\n\n")[-1])
        ... # doctest: +ELLIPSIS
        @misc{isk-004,
          title = {{Syria’s war: US ‘targets al-Qaeda leaders’ in rebel-held Idlib}},
          howpublished = {Al Jazeera},
          year = {2019},
          month = sep,
          date = {2019-09-01},
          url = {https://www.aljazeera.com/news/2019/9/1/syrias-war-us-targets-al-qaeda-leaders-in-rebel-held-idlib},
          urldate = {2026-12-10},
          note = {idlibstrikes source 004\_4230a031e6ff8aa2.txt; from the reference layer: ...}
        }
        <BLANKLINE>
    """
    v = data.version
    entries = [
        _entry(
            data_key(v, query, what),
            [
                ("author", "{" + _bib(AUTHOR) + "}", False),
                ("title", "{" + _bib(TITLE) + "}", False),
                ("version", v.data, False),
                *_dates(Issued((v.as_of.year, v.as_of.month, v.as_of.day))),
                ("urldate", day.isoformat(), False),
                ("keywords", _bib(", ".join(KEYWORDS)), False),
                ("note", _bib("; ".join(notes(v, query, what))), False),
            ],
        ),
        _entry(
            software_key(v),
            [
                ("author", "{" + _bib(AUTHOR) + "}", False),
                ("title", "{" + _bib(SOFTWARE_TITLE) + "}", False),
                ("version", _bib(v.package), False),
                ("note", f"Software, licensed {SOFTWARE_LICENCE}; versioned apart", False),
            ],
        ),
    ]
    keys = article_keys([a.source for a in articles])
    for a, key in zip(articles, keys, strict=True):
        entries.append(_entry(f"isk-{key}", _article(a, day)))
    for r in references:
        entries.append(_entry(f"isk-{r.id}", _reference(r)))
    return "\n\n".join(entries) + "\n"


def _located(address: str | None, note: list[str]) -> tuple[str | None, str | None]:
    """The ``url`` (a web address) and any other locator, which the note names too."""
    if is_address(address):
        return _uri(address or ""), None
    if address:
        note.append(f"location given (not a web address): {address}")
        return None, address
    return None, None


def _article(a: CitedArticle, day: dt.date) -> list[Field]:
    note: list[str] = []
    when = issued(a.published)
    if when.uncertain:
        note.append(f"Publication date: {when.words}")
    elif a.published is None:
        note.append("Publication date not known")
    if not a.headline:
        note.append("the article prints no headline")
    url, other = _located(a.address, note)
    note.append(f"idlibstrikes source {a.source.id}")
    if a.from_references:
        note.append("from the reference layer: " + ", ".join(a.from_references))
    return [
        ("title", "{" + _bib(a.headline or UNTITLED) + "}", False),
        ("howpublished", _bib("; ".join(p for p in (a.outlet, other) if p)), False),
        *_dates(when),
        ("url", url, False),
        ("urldate", day.isoformat() if url else None, False),
        ("note", _bib(sentence("; ".join(note))), False),
    ]


def _reference(r: Source) -> list[Field]:
    note: list[str] = []
    when = issued(r.published)
    if when.uncertain:
        note.append(f"Publication date: {when.words}")
    if not r.outlet:
        note.append("outlet not named")
    url, other = _located(r.address, note)
    note.append(f"{layer(r)}; idlibstrikes source {r.id}")
    copy = f"{r.wire} copy" if r.wire else None
    title = r.headline or (None if r.outlet else UNTITLED_REFERENCE)
    return [
        ("author", "{" + _bib(r.outlet) + "}" if r.outlet else None, False),
        ("title", "{" + _bib(title) + "}" if title else None, False),
        ("howpublished", _bib("; ".join(p for p in (copy, other) if p)), False),
        *_dates(when),
        ("url", url, False),
        ("note", _bib(sentence("; ".join(note))), False),
    ]
