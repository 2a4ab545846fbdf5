"""Citations name the data and code versions, the query, and every article behind a record."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import idlibstrikes as isk

ROOT = Path(__file__).resolve().parents[1]

DAY = dt.date(2026, 11, 29)
ADDRESSES = {
    "000": "https://thenationalnews.com/news/mena/2025/02/16/",
    "001": "https://www.thenationalnews.com/world/mena/us-launches-strike",
    "002": "https://www.kurdistan24.net/en/news/ee871cff",
    "003": "https://www.middleeasteye.net/news/us-led-coalition-says",
    "004": "https://www.aljazeera.com/news/2019/9/1/",
}
OUTLETS = {
    "000": "The National",
    "001": "The National",
    "002": "Kurdistan 24",
    "003": "Middle East Eye",
    "004": "Al Jazeera",
}


def articles_in(text: str) -> dict[str, str]:
    return dict(re.findall(r"^  \[(\d{3})\] (.*)$", text, flags=re.M))


def test_a_record_of_your_own_data_needs_its_dataset() -> None:
    mine = isk.load("examples/new-article.json", sources="articles")
    strike = mine.strike("2019-08-31-idlib-training-camp")
    with pytest.raises(ValueError, match="pass data="):
        isk.cite(strike)
    first = isk.cite(strike, data=mine, accessed="2026-11-29").splitlines()[0]
    assert "Changes: bundled and your files" in first


def test_references_behind_a_record_are_cited_beside_its_articles(data: isk.Dataset) -> None:
    text = isk.cite(data.strike("2017-03-al-jinah"), accessed=DAY)
    refs = re.findall(r"^  \[(ref-[\w-]+)\]", text, flags=re.M)
    assert "ref-centcom-2017-03-16" in refs  # the reference that dates the strike
    fact = isk.cite(data.references[0], accessed=DAY)
    assert "References beside the articles (1):" in fact


def test_a_slice_of_a_result_can_be_cited(data: isk.Dataset) -> None:
    found = data.strikes_by_group("Hurras al-Din")
    assert "Cited: 1 record(s): 2019-06-30-rif-al-muhandisin." in isk.cite(
        found[:1], data=data, accessed=DAY
    )
    with pytest.raises(TypeError, match="accessed must be a date"):
        isk.cite(found, accessed="last week")


def cited_records(data: isk.Dataset) -> list[object]:
    return [
        data,
        data.strike("2019-06-30-rif-al-muhandisin"),
        data.strikes_by_group("Hurras al-Din"),
        data.group("Hurras al-Din"),
        data.ceasefires_on("2019-08-31"),
        data.person("Abu Baker Mourek"),
        data.source("004"),
    ]


@pytest.mark.parametrize("index", range(7))
def test_a_citation_names_every_article_behind_the_cited_records(
    data: isk.Dataset, index: int
) -> None:
    obj = cited_records(data)[index]
    text = isk.cite(obj, data=data, accessed=DAY)
    if isinstance(obj, isk.Dataset):
        behind = {s.short_id for s in data.sources if not s.is_reference}
    elif isinstance(obj, isk.Source):
        behind = {obj.short_id}
    else:
        records = list(obj) if isinstance(obj, isk.Strikes | isk.Ceasefires) else [obj]
        behind = set()
        for record in records:
            sources = getattr(record, "sources", None)
            if sources is None:
                sources = [c.source for c in getattr(record, "citations", ())]
            behind |= {s.short_id for s in sources if not s.is_reference}
    found = articles_in(text)
    assert behind <= set(found)
    for short, line in found.items():
        assert line.startswith(OUTLETS[short] + ".")
        assert ADDRESSES[short] in line


def test_a_citation_states_versions_access_date_and_query(data: isk.Dataset) -> None:
    found = data.strikes_by_group("Hurras al-Din").strikes_between("2019")
    first = isk.cite(found, accessed=DAY).splitlines()[0]
    assert "Data version 2026.12.1 (as of 2026-12-08)" in first
    assert f"idlibstrikes {data.version.package}" in first
    assert "Accessed 2026-11-29." in first
    assert "Query: data.strikes_by_group('Hurras al-Din').strikes_between('2019')." in first
    assert set(articles_in(isk.cite(found, accessed=DAY))) == {"001", "002", "003", "004"}


def test_a_citation_says_where_an_outlet_or_address_comes_from(data: isk.Dataset) -> None:
    lines = articles_in(isk.cite(data, accessed=DAY))
    assert (
        "(from the reference layer: outlet: ref-the-national-001-page; address: ref-001-address)"
        in (lines["001"])
    )
    assert "published: ref-al-jazeera-004-page" in lines["004"]
    assert "ref-002-outlet" not in lines["002"]  # 002 prints its outlet itself


def test_your_files_are_named_as_changes() -> None:
    mine = isk.load("examples/new-article.json", sources="articles")
    first = isk.cite(mine, accessed=DAY).splitlines()[0]
    assert f"Changes: bundled and your files (data digest {mine.digest})." in first


def test_bibtex_and_csl_json(data: isk.Dataset) -> None:
    strike = data.strike("2025-02-15-urum-al-jawz")
    bib = isk.cite(strike, "bibtex", data=data, accessed=DAY)
    assert bib.startswith("@misc{idlibstrikes-data-2026.12.1-")  # its own key: what it cites
    assert isk.cite(data, "bibtex").startswith("@misc{idlibstrikes-data-2026.12.1,\n")
    assert "@misc{isk-ref-zaman-al-wasl," in bib  # the reference that places the strike
    assert "@misc{isk-000," in bib
    assert "url = {https://thenationalnews.com/news/mena/2025/02/16/" in bib
    assert "000\\_e4fa0e6bef30d977.txt" in bib  # escaped for BibTeX
    assert bib.count("{") == bib.count("}")
    items = json.loads(isk.cite(data.group("Hurras al-Din"), "csl-json", data=data, accessed=DAY))
    assert items[0]["type"] == "dataset"
    assert items[0]["version"] == "2026.12.1"
    papers = {i["id"]: i for i in items[1:]}
    assert papers["isk-004"]["issued"] == {"date-parts": [[2019, 9, 1]]}
    assert papers["isk-004"]["container-title"] == "Al Jazeera"


def test_what_cannot_be_cited(data: isk.Dataset) -> None:
    with pytest.raises(LookupError, match="no citation style is known as 'bibtext'"):
        isk.cite(data, "bibtext")
    with pytest.raises(TypeError, match="cannot cite a str"):
        isk.cite("2019")


def test_version_and_short_ids(data: isk.Dataset) -> None:
    assert data.version.origin == "bundled"
    assert data.source("002") is data.source("002_0d9037507fd83edc.txt")
    assert [s.short_id for s in data.sources if not s.is_reference] == [
        "000",
        "001",
        "002",
        "003",
        "004",
    ]


def test_the_command_line_prints_both_versions() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "idlibstrikes", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert (
        done.stdout
        == f"idlibstrikes {isk.load().version.package}; data 2026.12.1 (as of 2026-12-08)\n"
    )


def test_the_licences_and_citation_file_agree_with_the_data_version() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    cff = (root / "CITATION.cff").read_text(encoding="utf-8")
    assert f'version: "{isk.load().version.data}"' in cff
    assert f'date-released: "{isk.load().version.as_of}"' in cff
    assert "CC BY 4.0" in (root / "LICENSE-DATA").read_text(encoding="utf-8")


# --- issue 26, part 2: dates to the precision known, addresses, titles, the data's entry ---


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.integers(min_value=0, max_value=800),
    st.sampled_from(["", "not printed in the article"]),
)
def test_a_publication_date_states_only_parts_every_possible_day_shares(
    first: dt.date, days: int, text: str
) -> None:
    from idlibstrikes._citation import issued
    from idlibstrikes._dates import DateRange

    last = min(first + dt.timedelta(days=days), dt.date(2030, 12, 31))
    when = issued(DateRange(earliest=first, latest=last, text=text))
    for day in (first, last):  # the parts are true of every day the date can be
        assert (day.year, day.month, day.day)[: len(when.parts)] == when.parts
    assert bool(when.parts) == (first.year == last.year)  # the year wherever it is known
    assert (len(when.parts) == 3) == (first == last)
    if when.uncertain:  # what the parts leave out is said, with both ends
        assert f"between {first} and {last}" in when.uncertain
        assert text in when.words


def test_open_and_missing_dates_are_no_date() -> None:
    from idlibstrikes._citation import issued
    from idlibstrikes._dates import DateRange

    after = DateRange(earliest=dt.date(2016, 4, 5), latest=dt.date.max, text="n.d.")
    assert issued(after).parts == ()
    assert issued(after).words == "n.d. (on or after 2016-04-05; n.d.)"
    assert issued(None).words == "n.d."


def test_the_text_gives_each_reference_its_title_publisher_and_date(
    record: isk.Dataset,
) -> None:
    text = isk.cite(record, accessed=DAY)
    lines = dict(re.findall(r"^  \[([\w.-]+)\] (.*)$", text, flags=re.M))
    assert lines["ref-centcom-1891697"] == (
        'US Central Command. "Statement from US Central Command on strike against al-Qaida in '
        'Syria." 2019-06-30. Location given (not a web address): centcom.mil statement 1891697.'
    )
    assert lines["ref-afp-nampa-2019-07-01"] == (
        'AFP; NAMPA. "AFP\'s story (datelined Beirut, 1 July 2019), via NAMPA." 2019-07-01. '
        "Address not given."
    )
    assert lines["rep-a-bradenton-herald-nd-atmeh"] == (
        "Bradenton Herald (McClatchy copy). n.d. "
        "https://www.bradenton.com/latest-news/article34808343.html"
    )
    assert lines["rep-a-the-world-nd-reuters-nusra"].startswith(
        "The World (Reuters copy). n.d. (on or after 2014-11-01; URL wrongly dated"
    )
    assert lines["000"].startswith("The National. [Untitled article]. Published 2025-02-16. ")
    assert lines["001"].startswith(
        "The National. \"US launches strike on 'Al Qaeda leaders' in Syria's Idlib province.\" "
        "Published 2019, month and day not known (between 2019-08-31 and 2019-09-06; not "
        "printed in the article). https://www.thenationalnews.com/"
    )
    assert not re.search(r"\d{4}-\d\d-\d\d\.\.", text)  # no "2019-08-31..2019-09-06"


def test_a_title_from_the_reference_layer_is_labelled(tmp_path: Path) -> None:
    mine = tmp_path / "title.json"
    fact = {
        "id": "ref-000-title-test",
        "subject": "000_e4fa0e6bef30d977.txt",
        "field": "headline",
        "value": "A title a reference gives (fictional, for this test)",
        "corrects": False,
        "confidence": "medium",
        "source": "ref-the-national-000-page",
    }
    mine.write_text(json.dumps({"idlibstrikes": 1, "references": [fact]}), encoding="utf-8")
    data = isk.load(mine)
    (line,) = articles_in(isk.cite(data.source("000"), data=data, accessed=DAY)).values()
    assert line.startswith('The National. "A title a reference gives (fictional, for this test)."')
    assert "(from the reference layer: title: ref-000-title-test;" in line
    (item,) = [
        i
        for i in json.loads(isk.cite(data.source("000"), "csl-json", data=data, accessed=DAY))
        if i["id"] == "isk-000"
    ]
    assert item["title"] == fact["value"]
    assert "from the reference layer: title: ref-000-title-test" in item["note"]


def test_the_data_entry_says_what_citation_cff_says(data: isk.Dataset) -> None:
    import yaml

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    items = json.loads(isk.cite(data, "csl-json", accessed=DAY))
    entry, code = items[0], items[1]
    assert entry["title"] == cff["title"]
    assert [a["literal"] for a in entry["author"]] == [a["name"] for a in cff["authors"]]
    assert entry["version"] == cff["version"]
    assert entry["issued"] == {"date-parts": [[2026, 12, 8]]}  # date-released
    assert str(cff["date-released"]) == "2026-12-08"
    assert entry["license"] == cff["license"] == "CC-BY-4.0"
    assert entry["keyword"].split(", ") == cff["keywords"]
    (software,) = cff["references"]
    assert (code["type"], code["title"], code["license"]) == (
        "software",
        software["title"],
        software["license"],
    )
    # CITATION.cff gives no web address, publisher or DOI: none is made up
    assert not {"url", "repository-code", "doi", "publisher", "identifiers"} & set(cff)
    assert not {"URL", "DOI", "publisher"} & set(entry)


def test_the_command_line_cites_the_data_or_records(
    capsys: pytest.CaptureFixture[str], record: isk.Dataset
) -> None:
    from idlibstrikes._cli import main

    assert main(["cite", "001", "004", "--style", "bibtex", "--accessed", "2026-12-10"]) == 0
    printed = capsys.readouterr().out
    picked = (record.source("001"), record.source("004"))
    assert printed == isk.cite(picked, "bibtex", data=record, accessed="2026-12-10")
    assert "@misc{isk-001," in printed
    assert "@misc{isk-004," in printed
    assert main(["--sources", "articles", "cite", "--accessed", "2026-12-10"]) == 0
    assert capsys.readouterr().out == isk.cite(isk.load(sources="articles"), accessed="2026-12-10")
    assert main(["cite", "Hurras al-Din", "--style", "csl-json", "--accessed", "2026-12-10"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert items[0]["note"].endswith("cited: 1 record(s): hurras-al-din")
    with pytest.raises(SystemExit) as exited:  # a usage error: argparse's exit status
        main(["cite", "001", "--accessed", "yesterday"])
    assert exited.value.code == 2
    assert "--accessed takes a day as YYYY-MM-DD, not 'yesterday'" in capsys.readouterr().err
    assert main(["cite", "no-such-record"]) == 1
    assert "no strike, series, ceasefire, group" in capsys.readouterr().err
