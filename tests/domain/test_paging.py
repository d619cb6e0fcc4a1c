"""PagedDict: dict semantics in creation order, and position tokens that survive edits (pure unit tests)."""

from __future__ import annotations

import copy
import pickle

import pytest

from apigw_mock.exceptions import BadRequestException
from apigw_mock.paging import PagedDict, page_size


def _filled(count: int) -> PagedDict[str, int]:
    paged: PagedDict[str, int] = PagedDict()
    for i in range(count):
        paged[f"k{i}"] = i
    return paged


def _all_pages(paged: PagedDict[str, int], limit: int) -> list[list[int]]:
    pages, position = [], None
    while True:
        items, position = paged.page(position, limit)
        pages.append(items)
        if position is None:
            return pages


def test_behaves_like_an_insertion_ordered_dict() -> None:
    paged = _filled(3)
    paged["k1"] = 10  # replacing keeps the place
    del paged["k0"]
    paged["k3"] = 3
    assert list(paged.items()) == [("k1", 10), ("k2", 2), ("k3", 3)]
    assert len(paged) == 3
    assert "k0" not in paged
    assert (paged.get("k0"), paged.get("k0", -1), paged.get("k1")) == (None, -1, 10)
    assert (paged.lookup("k0"), paged.lookup("k3")) == (None, 3)
    assert list(paged.keys()) == ["k1", "k2", "k3"]
    assert list(paged.values()) == [10, 2, 3]


def test_pages_cover_everything_once_and_the_last_has_no_position() -> None:
    assert _all_pages(_filled(5), 2) == [[0, 1], [2, 3], [4]]


def test_exact_fit_has_no_position() -> None:
    items, position = _filled(4).page(None, 4)
    assert (items, position) == ([0, 1, 2, 3], None)


def test_empty_collection_is_one_empty_page() -> None:
    assert PagedDict[str, int]().page(None, 25) == ([], None)


def test_position_survives_deleting_the_next_item_and_earlier_ones() -> None:
    paged = _filled(6)
    _, position = paged.page(None, 2)
    del paged["k2"]  # the first item of the next page
    del paged["k0"]
    paged["k6"] = 6
    assert paged.page(position, 10) == ([3, 4, 5, 6], None)


def test_trailing_deleted_items_do_not_leave_a_dangling_position() -> None:
    paged = _filled(4)
    del paged["k2"]
    del paged["k3"]
    assert paged.page(None, 2) == ([0, 1], None)


def test_compaction_keeps_order_and_outstanding_positions() -> None:
    paged = _filled(100)
    _, position = paged.page(None, 90)
    for i in range(80):  # enough deletions to trigger compaction
        del paged[f"k{i}"]
    assert paged.page(position, 100) == ([90, 91, 92, 93, 94, 95, 96, 97, 98, 99], None)
    assert list(paged.values()) == list(range(80, 100))


@pytest.mark.parametrize("position", ["garbage", "p", "pzz", ""])
def test_malformed_position_is_bad_request(position: str) -> None:
    paged = _filled(3)
    if position == "":
        assert paged.page(position, 2)[0] == [0, 1]  # an empty token reads as "from the start"
        return
    with pytest.raises(BadRequestException):
        paged.page(position, 2)


@pytest.mark.parametrize(("limit", "size"), [(None, 25), (1, 1), (500, 500), (501, 500), (0, 1), (-3, 1)])
def test_page_size(limit: int | None, size: int) -> None:
    assert page_size(limit) == size


def test_deep_copies_look_up_in_their_own_entries() -> None:
    original = _filled(2)
    for clone in (copy.deepcopy(original), pickle.loads(pickle.dumps(original))):
        clone["k9"] = 9
        assert (clone.lookup("k9"), clone.get("k9"), clone.lookup("k1")) == (9, 9, 1)
    assert original.lookup("k9") is None
    assert list(original) == ["k0", "k1"]
