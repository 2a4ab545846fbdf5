"""The quick read builds what the careful read builds, and accepts nothing it rejects.

A load reads each strike quickly first (its first problem stops the read, which is then
done again, reporting) and takes each value that is plainly right as it is; the careful
read takes every field through ``Fields``, locating each problem. Both are made from the
one description of the format: a good file builds the same either way, and every bad
file gets the same problems.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import idlibstrikes as isk
from idlibstrikes._builder import RecordBuilder
from idlibstrikes.testing import strategies as iss
from idlibstrikes.testing import synthetic

from .conftest import ARTICLES

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def fast_path(enabled: bool) -> Iterator[list[int]]:
    """Run loads quickly and plainly (counting the strikes read quickly), or carefully."""
    original = RecordBuilder.quickly
    built = [0]

    def counted(self: RecordBuilder, build: Any, record: Any) -> bool:
        done = original(self, build, record)
        built[0] += done
        return done

    RecordBuilder.quickly = counted  # type: ignore[method-assign]
    RecordBuilder.quick_first = RecordBuilder.plainly = enabled
    try:
        yield built
    finally:
        RecordBuilder.quickly = original  # type: ignore[method-assign]
        RecordBuilder.quick_first = RecordBuilder.plainly = True


def outcome(*paths: Path | str, **kwargs: Any) -> tuple[str, Any]:
    """A load's result: the dataset, or the problems (with their lines) it reported."""
    try:
        return "ok", isk.load(*paths, **kwargs, sources="articles")
    except isk.DataError as exc:
        return "error", [str(p) for p in exc.problems]


def both(*paths: Path | str, **kwargs: Any) -> tuple[tuple[str, Any], tuple[str, Any], int]:
    with fast_path(False):
        strict = outcome(*paths, **kwargs)
    with fast_path(True) as built:
        fast = outcome(*paths, **kwargs)
    return strict, fast, built[0]


def test_the_bundled_data_and_the_examples_build_the_same_either_way() -> None:
    # every strike and series is read quickly, the one a user's file adds to included
    for paths, kwargs, fast_ones in (
        ((), {"articles": ARTICLES}, 11),
        (("examples/new-article.json",), {"articles": ROOT / "examples" / "articles"}, 11),
    ):
        strict, fast, built = both(*(ROOT / p for p in paths), **kwargs)
        assert strict[0] == "ok"
        assert fast == strict
        assert built == fast_ones


def test_synthetic_data_build_the_same_and_all_quickly(tmp_path: Path) -> None:
    path = synthetic.write(tmp_path, 600, seed=4, articles=True)
    strict, fast, built = both(path, bundled=False, articles=path.parent / "articles")
    assert strict[0] == "ok"
    assert fast == strict
    assert built == len(strict[1].strikes) == 600


def test_equal_dates_share_one_object(tmp_path: Path) -> None:
    path = synthetic.write(tmp_path, 400, seed=2)
    data = isk.load(path, bundled=False)
    ranges = [c.date for s in data.strikes for c in s.date_claims]
    assert len({id(r) for r in ranges}) < len(set(ranges)) + 1  # one object per equal date
    assert len({id(r) for r in ranges}) < len(ranges)


@given(iss.datasets())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_datasets_build_the_same_either_way(
    tmp_path_factory: pytest.TempPathFactory, data: isk.Dataset
) -> None:
    path = tmp_path_factory.mktemp("fast") / "data.json"
    isk.dump(data, path)
    strict, fast, _ = both(path, bundled=False)
    assert strict == ("ok", data)
    assert fast == strict


# -- bad input, by class: every mutation of a good strike gets the same problems --------------
BASE = synthetic.document(30, seed=9)
IDS = {kind: [r["id"] for r in BASE[kind]] for kind in ("sources", "places", "groups", "strikes")}
KINDS = sorted(k for k, v in BASE.items() if isinstance(v, list) and v)
WORDS = ["event", "series", "killed", "injured", "all", "militants", "civilians", "airstrike"]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 60),
    st.floats(allow_nan=False, allow_infinity=False, width=16),
    st.sampled_from(["", " ", "\u00a0", "\ud800", "x", "Bad Id", "2019-06-01", "2019-13-01"]),
    st.sampled_from(["20190601", "2019-06", "2019", "2019-06-01/2019-06-03", "0001-01-01"]),
    st.sampled_from(WORDS),
    st.sampled_from([i for ids in IDS.values() for i in ids[:3]]),
)
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=2),
    st.dictionaries(st.sampled_from(["text", "earliest", "latest", "span", "x", "//"]), SCALARS),
)


def near_misses(value: Any) -> st.SearchStrategy[Any]:
    """Values of about the right kind that a reader must still refuse (or accept alike)."""
    if isinstance(value, bool):
        return st.sampled_from([0, 1, "true", None, not value])
    if isinstance(value, int):
        return st.sampled_from([-1, -value - 1, True, float(value), str(value), value + 1])
    if isinstance(value, str):
        return st.sampled_from(
            ["", " ", "\ud800", value + "\ud800", value.upper(), " " + value, value + "x"]
        )
    if isinstance(value, list):
        return st.sampled_from([[], [None], value + value[:1], value[:1] * 2, value[::-1]])
    return st.sampled_from([{}, [value], None])


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a JSON value: keys of objects and items of lists, nested."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, child in items:
        yield (*prefix, key)
        if isinstance(child, (dict, list)):
            yield from _paths(child, (*prefix, key))


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """The base document with one record broken (or not) in one place, by one class.

    Mostly a strike (most of a big file), else a record of another kind, whose nested
    objects are read plainly too.
    """
    doc = copy.deepcopy(BASE)
    kind = draw(st.sampled_from(["strikes"] * 3 + [k for k in KINDS if k != "strikes"]))
    strike = draw(st.sampled_from(doc[kind]))
    places = sorted(_paths(strike), key=repr)
    for _ in range(draw(st.integers(1, 2))):
        path = draw(st.sampled_from(places))
        parent = strike
        try:
            for key in path[:-1]:
                parent = parent[key]
        except (KeyError, IndexError, TypeError):  # the first mutation changed the way
            continue
        if not isinstance(parent, (dict, list)):
            continue
        how = draw(st.sampled_from(["near miss", "near miss", "replace", "delete", "add key"]))
        key = path[-1]
        there = (
            key in parent
            if isinstance(parent, dict)
            else isinstance(key, int) and key < len(parent)
        )
        if how == "near miss" and there:
            parent[path[-1]] = draw(near_misses(parent[path[-1]]))
        elif how == "delete" and isinstance(parent, dict):
            parent.pop(path[-1], None)
        elif how == "add key" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["qoute", "note", "//", "high", "counts_to"]))] = draw(
                VALUES
            )
        elif how == "replace" and (there or isinstance(parent, dict)):
            parent[key] = draw(VALUES)
    return doc


@given(mutated())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_broken_strike_gets_the_same_problems_either_way(
    tmp_path_factory: pytest.TempPathFactory, doc: dict[str, Any]
) -> None:
    path = tmp_path_factory.mktemp("bad") / "data.json"
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    strict, fast, _ = both(path, bundled=False)
    assert fast == strict


def test_the_mutations_do_reach_problems_the_quick_read_must_not_hide(tmp_path: Path) -> None:
    # a guard for the property above: these classes of break are caught (read again)
    cases = {
        ("claims", 0, "low"): True,  # bool, not a count
        ("claims", 1, "high"): -1,
        ("claims", 0, "victims"): "everyone",
        ("date_claims", 0, "date", "earliest"): "2019-02-30",
        ("date_claims", 0, "quote"): " ",
        ("targets",): ["no-such-group"],
        ("description",): "\ud800",
    }
    for where, value in cases.items():
        doc = copy.deepcopy(BASE)
        parent = doc["strikes"][3]
        for key in where[:-1]:
            parent = parent[key]
        parent[where[-1]] = value
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        strict, fast, _ = both(path, bundled=False)
        assert strict[0] == "error", where
        assert fast == strict, where


# -- a big file read a strike at a time gives the same dataset and the same problems ----------
@contextmanager
def streaming(enabled: bool) -> Iterator[None]:
    """Loads with every file read a strike at a time (or none)."""
    from idlibstrikes import _files

    saved = _files.STREAM_BYTES
    _files.STREAM_BYTES = 0 if enabled else 2**62
    try:
        yield
    finally:
        _files.STREAM_BYTES = saved


def both_ways(path: Path, **kwargs: Any) -> tuple[tuple[str, Any], tuple[str, Any]]:
    with streaming(False):
        whole = outcome(path, bundled=False, **kwargs)
    with streaming(True):
        streamed = outcome(path, bundled=False, **kwargs)
    return whole, streamed


def test_a_file_read_a_strike_at_a_time_loads_the_same(tmp_path: Path) -> None:
    path = synthetic.write(tmp_path, 300, seed=6)
    whole, streamed = both_ways(path)
    assert whole[0] == "ok"
    assert streamed == whole


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(lambda t: t.replace('"kind": "', '"kind": "x", "kind": "', 1), id="key twice"),
        pytest.param(lambda t: t.replace('"low": 1', '"low": NaN', 1), id="NaN"),
        pytest.param(lambda t: t.replace("}", "},", 1), id="syntax"),
        pytest.param(lambda t: t.replace('"strikes": [', '"strikes": [3, ', 1), id="not an object"),
        pytest.param(lambda t: t[:-3], id="cut short"),
        pytest.param(lambda t: t + " x", id="after the end"),
        pytest.param(
            lambda t: t.replace('{"id": "s0000002"', '{"id": 2, "x": "s0000002"'), id="bad id"
        ),
    ],
)
def test_a_broken_big_file_gets_the_same_problems_read_either_way(
    tmp_path: Path, text: Any
) -> None:
    path = synthetic.write(tmp_path, 40, seed=8)
    path.write_text(text(path.read_text(encoding="utf-8")), encoding="utf-8")
    whole, streamed = both_ways(path)
    assert whole[0] == "error"
    assert streamed == whole


@given(mutated())
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_broken_strike_gets_the_same_problems_read_a_strike_at_a_time(
    tmp_path_factory: pytest.TempPathFactory, doc: dict[str, Any]
) -> None:
    path = tmp_path_factory.mktemp("stream") / "data.json"
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    whole, streamed = both_ways(path)
    assert streamed == whole


def test_validate_reads_a_big_file_whole(tmp_path: Path) -> None:
    # validate walks the files' records after the load: it must find them all there
    from idlibstrikes import _loading

    path = synthetic.write(tmp_path, 30, seed=3)
    with streaming(True):
        _, raw = _loading._load_files([path], False, None, keep_raw=True)
    assert all(r.text is None and len(r.data) > 1 for r in raw.records["strikes"])
