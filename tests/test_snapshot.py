"""The bundled snapshot loads equal to the bundled data files, and only while it matches them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import idlibstrikes as isk
from idlibstrikes import _loading, _snapshot

STALE = "the snapshot is stale: run `python -m idlibstrikes._snapshot` and commit the result"


def test_the_snapshot_is_in_step_with_the_data_files() -> None:
    checked = _loading._checked_bundled()
    document = json.loads(Path(_snapshot.SNAPSHOT).read_text(encoding="utf-8"))
    records = {kind: getattr(checked, kind) for kind in document["dataset"]}
    assert document == json.loads(json.dumps(_snapshot.encode(records, _snapshot.data_digest()))), (
        STALE
    )


def test_the_snapshot_loads_equal_to_the_checked_files() -> None:
    fast = _loading.snapshot_dataset()
    assert fast is not None, STALE
    checked = _loading._checked_bundled()
    assert fast == checked
    assert fast.digest == checked.digest
    assert fast.version == checked.version  # origin "bundled" too
    # every record alike, field by field (== on the dataset compares them all), and the
    # answers the README gives
    assert [s.id for s in fast.strikes_by_group("Hurras al-Din")] == [
        s.id for s in checked.strikes_by_group("Hurras al-Din")
    ]
    assert str(fast.casualties(fast.strikes_between("2019"))) == str(
        checked.casualties(checked.strikes_between("2019"))
    )


def test_load_uses_the_snapshot() -> None:
    assert isk.load() == _loading.snapshot_dataset()


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda doc: doc.update(data_digest="x.json:1:0"), id="data edited"),
        pytest.param(lambda doc: doc["layout"]["Strike"].append("new_field"), id="field added"),
        pytest.param(lambda doc: doc.update(idlibstrikes_snapshot=1), id="other format"),
        pytest.param(lambda doc: doc["classes"][0].__setitem__(0, "os.system"), id="other class"),
        pytest.param(lambda doc: doc["classes"][-1][2][1].pop(), id="value missing"),
        pytest.param(lambda doc: doc["classes"][-1].__setitem__(1, 10**6), id="count wrong"),
        pytest.param(lambda doc: doc["classes"].pop(), id="class missing"),
        pytest.param(lambda doc: doc["classes"][0][2].__setitem__(0, "w:Nope"), id="other codec"),
    ],
)
def test_a_snapshot_that_does_not_match_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spoil: Any
) -> None:
    doc = json.loads(Path(_snapshot.SNAPSHOT).read_text(encoding="utf-8"))
    spoil(doc)
    path = tmp_path / "bundled.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setattr(_snapshot, "SNAPSHOT", str(path))
    assert _loading.snapshot_dataset() is None  # so load() builds from the files, checked


def test_no_snapshot_means_the_checked_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_snapshot, "SNAPSHOT", str(tmp_path / "absent.json"))
    assert _loading.snapshot_dataset() is None
    _loading._bundled.cache_clear()
    try:
        assert len(isk.load().strikes) == 71  # the articles (11) and the reference lists (60)
    finally:
        _loading._bundled.cache_clear()
