"""The documentation site covers the whole public surface (the build itself runs in CI)."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

import idlibstrikes as isk
from idlibstrikes._tables import KINDS

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
RECORDS = sorted(
    name
    for name in isk.__all__
    if isinstance(getattr(isk, name), type) and attrs.has(getattr(isk, name)) and name != "Dataset"
)


@pytest.fixture(scope="module")
def isk_docs():  # the helpers the pages call while the site builds
    import idlibstrikes._site

    return idlibstrikes._site


def test_every_page_is_in_the_navigation() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = set(re.findall(r":\s*([\w/-]+\.md)\s*$", nav, flags=re.M))
    pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    assert pages == listed


def test_the_codebook_has_a_field_table_for_every_record_and_every_table() -> None:
    codebook = (DOCS / "codebook.md").read_text(encoding="utf-8")
    assert RECORDS
    # API objects, not records of the dataset
    not_data = {"CitedArticle", "Column", "DataVersion", "Export", "Field", "Problem"}
    assert [r for r in RECORDS if f"fields_table(isk.{r})" not in codebook] == sorted(not_data)
    assert [k for k in KINDS if f'columns_table("{k}")' not in codebook] == []
    lossless = list(isk.load(sources="articles").tables())
    assert [t for t in lossless if f'lossless_table("{t}")' not in codebook] == []


@pytest.mark.parametrize("name", RECORDS)
def test_every_field_of_every_record_is_described(isk_docs, name: str) -> None:
    table = isk_docs.fields_table(getattr(isk, name))  # raises on an undescribed field
    assert table.count("\n") == len(attrs.fields(getattr(isk, name))) + 1


def test_every_example_script_is_shown_on_some_page() -> None:
    pages = "".join(p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md"))
    scripts = sorted(p.name for p in (ROOT / "examples").glob("*.py"))
    assert scripts
    assert [s for s in scripts if f'example("{s}")' not in pages] == []
    assert 'notebook("tutorial.ipynb")' in pages


def test_transcripts_show_values_prints_and_expected_errors(isk_docs) -> None:
    code = """
        import idlibstrikes as isk
        # a comment
        len(isk.load(sources="articles").strikes_by_group("Hurras al-Din"))
        for n in (1, 2):
            print(n)
        isk.load(sources="articles").group("Huras al Din")
    """
    shown = isk_docs.transcript(code, {}, errors=True)
    assert shown.splitlines()[:9] == [
        ">>> import idlibstrikes as isk",
        ">>> # a comment",
        '>>> len(isk.load(sources="articles").strikes_by_group("Hurras al-Din"))',
        "4",
        ">>> for n in (1, 2):",
        "...     print(n)",
        "...",
        "1",
        "2",
    ]
    assert shown.endswith(
        "idlibstrikes.UnknownNameError: no group is known as 'Huras al Din'; "
        "did you mean: 'Hurras al-Din', 'Hurras al-Deen'?"
    )
    with pytest.raises(isk.UnknownNameError):
        isk_docs.transcript(code, {})  # an unexpected error fails the build


def test_the_data_tables_show_ranges_as_the_package_computes_them(isk_docs) -> None:
    # as the page reads it: brackets are escaped in the Markdown, lest they make links
    rows = (
        isk_docs.strikes_table(isk.load(sources="articles"))
        .replace("\\[", "[")
        .replace("\\]", "]")
        .splitlines()
    )
    jinah = next(r for r in rows if "`2017-03-al-jinah`" in r)
    # the summary, disputed, with the articles' reading and the reference beside it
    assert (
        "| 2017-03-16..2017-03-17 (disputed) (articles: 2017-03-17) [reference 2017-03-16, "
        "corrects the articles, high] |"
    ) in jinah
    assert "| 49 | 49 |" in jinah  # deaths, best
    camp = next(r for r in rows if "`2019-08-31-idlib-training-camp`" in r)
    assert "| 40+ | 40 |" in camp
    june = next(r for r in rows if "`2019-06-30-rif-al-muhandisin`" in r)
    assert "| 6-8+ (disputed) |  |" in june  # disputed: no best estimate
    hts = next(r for r in rows if "`2019-08-27-hts-missile-khan-sheikhoun`" in r)
    assert "| no figures |" in hts
    data = isk.load(sources="articles")
    assert len(rows) == 2 + sum(not s.is_series for s in data.strikes)
    assert len(isk_docs.series_table(data).splitlines()) == 2 + sum(
        s.is_series for s in data.strikes
    )


def test_data_page_tables_escape_brackets_that_markdown_would_make_links(isk_docs) -> None:
    # "[004] [reference 2016-07-28, ...]" in a cell read as a reference link and failed the
    # strict site build; every bracket in a generated table is escaped
    for make in (isk_docs.strikes_table, isk_docs.series_table, isk_docs.groups_table):
        text = re.sub(r"`[^`]*`", "", make())  # code spans print brackets as they are
        assert not re.search(r"(?<!\\)[\[\]]", text), make.__name__
    assert "\\[reference 2016-07-28, corrects the articles, high\\]" in isk_docs.groups_table()
