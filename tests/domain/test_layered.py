"""`Layered`, the deployments' resource map: each snapshot equals the live map as it was, whatever happened since;
unchanged snapshots share their base and order; changes are kept until they reach an eighth of the map."""

from __future__ import annotations

import copy
import pickle

from hypothesis import given
from hypothesis import strategies as st

from apigw_mock.domain.snapshot import Layered
from apigw_mock.paging import PagedDict

Step = tuple[str, int, int]  # (action, key number, value)
STEPS = st.lists(
    st.tuples(st.sampled_from(["set", "set", "delete", "freeze"]), st.integers(0, 40), st.integers(0, 3)), max_size=80
)


def test_an_unchanged_map_shares_everything() -> None:
    live: PagedDict[str, object] = PagedDict()
    live.update({f"r{i}": object() for i in range(100)})
    first = Layered.of(live)
    second = first.then(live)
    assert second._base is first._base and second._order is first._order and second._changes == {}


def test_an_edit_keeps_only_the_change_and_the_order() -> None:
    live: PagedDict[str, object] = PagedDict()
    live.update({f"r{i}": object() for i in range(100)})
    first = Layered.of(live)
    live["r5"] = changed = object()
    second = first.then(live)
    assert second._base is first._base and second._order is first._order
    assert second._changes == {"r5": changed}
    assert second["r5"] is changed and first["r5"] is not changed


def test_additions_and_deletions_keep_creation_order() -> None:
    live: PagedDict[str, int] = PagedDict()
    live.update({f"r{i}": i for i in range(50)})
    first = Layered.of(live)
    del live["r3"]
    live["new"] = 99
    second = first.then(live)
    assert list(second) == [key for key in live]
    assert "r3" not in second and second.get("r3") is None and "r3" in first
    assert len(second) == 50 and second["new"] == 99


def test_compaction_once_changes_reach_an_eighth() -> None:
    live: PagedDict[str, object] = PagedDict()
    live.update({f"r{i}": object() for i in range(160)})
    snapshot = Layered.of(live)
    for i in range(19):
        live[f"r{i}"] = object()
        snapshot = snapshot.then(live)
    assert len(snapshot._changes) == 19
    live["r19"] = object()
    compacted = snapshot.then(live)
    assert compacted._changes == {} and compacted._base == dict(live.items())


def test_copy_and_pickle() -> None:
    layered = Layered.of({"a": 1}).then({"a": 2, "b": 3})
    for twin in (copy.deepcopy(layered), pickle.loads(pickle.dumps(layered))):
        assert dict(twin) == {"a": 2, "b": 3}


@given(STEPS)
def test_every_snapshot_equals_the_live_map_when_it_was_taken(steps: list[Step]) -> None:
    live: PagedDict[str, int] = PagedDict()
    snapshot = Layered.of(live)
    taken: list[tuple[Layered[int], list[tuple[str, int]]]] = []
    for action, number, value in steps:
        key = f"k{number}"
        if action == "set":
            live[key] = value * 1000 + number  # distinct ints beyond the small-int cache: identity differs
        elif action == "delete" and key in live:
            del live[key]
        else:
            snapshot = snapshot.then(live)
            taken.append((snapshot, list(live.items())))
    for frozen, expected in taken:
        assert list(frozen.items()) == expected
        assert len(frozen) == len(expected)
        assert all(key in frozen for key, _ in expected)
