"""Scale: an API with 10,000 resources keeps point operations O(1) and listing pages O(page size).

Two guards: (1) during the boto3 calls no whole collection is iterated (`PagedDict.__iter__` is forbidden), and
(2) generous relative timings of the domain structures, small vs large, which an O(n) step would blow up.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any, NoReturn

import pytest

from apigw_mock import MockApiGateway
from apigw_mock.domain.resource_tree import ResourceTree
from apigw_mock.paging import PagedDict

SIZE = 10_000


def _seed(mock: MockApiGateway, api_id: str, count: int) -> list[str]:
    """`count` resources under the root, seeded through the white-box backend (fast)."""
    backend = mock.backend()
    tree = backend.apis[api_id].resources
    root = tree.root
    return [tree.add_child(root, f"r{i}", backend.new_id(6)).id for i in range(count)]


@pytest.fixture
def big_api(mock: MockApiGateway, client: Any) -> tuple[str, list[str]]:
    api_id = client.create_rest_api(name="big")["id"]
    return api_id, _seed(mock, api_id, SIZE)


@pytest.fixture
def no_full_walks(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(self: PagedDict[Any, Any]) -> NoReturn:
        raise AssertionError(f"a whole {type(self).__name__} was iterated")

    monkeypatch.setattr(PagedDict, "__iter__", forbidden)


def _best_of(repeat: int, action: Callable[[], object]) -> float:
    """The fastest of `repeat` timings of 50 runs of `action` (robust against noise on a shared machine)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(50):
            action()
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.usefixtures("no_full_walks")
def test_point_operations_never_walk_the_graph(client: Any, big_api: tuple[str, list[str]]) -> None:
    api_id, ids = big_api
    last = ids[-1]
    assert client.get_resource(restApiId=api_id, resourceId=last)["path"] == f"/r{SIZE - 1}"
    client.put_method(restApiId=api_id, resourceId=last, httpMethod="GET", authorizationType="NONE")
    client.put_method_response(restApiId=api_id, resourceId=last, httpMethod="GET", statusCode="200")
    put = client.put_integration(restApiId=api_id, resourceId=last, httpMethod="GET", type="MOCK")
    assert put["cacheNamespace"] == last
    assert client.get_integration(restApiId=api_id, resourceId=last, httpMethod="GET")["type"] == "MOCK"
    assert client.get_method(restApiId=api_id, resourceId=last, httpMethod="GET")["methodResponses"]
    child = client.create_resource(restApiId=api_id, parentId=last, pathPart="child")
    client.delete_resource(restApiId=api_id, resourceId=child["id"])
    with pytest.raises(client.exceptions.ConflictException):
        client.create_resource(restApiId=api_id, parentId=_root(client, api_id), pathPart="r5")


def _root(client: Any, api_id: str) -> str:
    return str(client.get_rest_api(restApiId=api_id)["rootResourceId"])


@pytest.mark.usefixtures("no_full_walks")
def test_get_resources_pages_through_everything_without_walking_it(client: Any, big_api: tuple[str, list[str]]) -> None:
    api_id, ids = big_api
    seen: list[str] = []
    pages = 0
    position: str | None = None
    while True:
        kwargs = {"position": position} if position else {}
        page = client.get_resources(restApiId=api_id, limit=500, **kwargs)
        seen += [item["id"] for item in page["items"]]
        pages += 1
        position = page.get("position")
        if position is None:
            break
    assert pages == 21  # 10,001 resources (root included) in pages of 500
    assert seen == [_root(client, api_id), *ids]


def _pages(tree: PagedDict[Any, Any], limit: int) -> Iterator[str]:
    position: str | None = None
    while True:
        _, position = tree.page(position, limit)
        if position is None:
            return
        yield position


def test_last_page_costs_no_more_than_the_first() -> None:
    tree: PagedDict[int, int] = PagedDict()
    for i in range(SIZE):
        tree[i] = i
    positions = list(_pages(tree, 25))
    last = positions[-1]
    first_cost = _best_of(5, lambda: tree.page(None, 25))
    last_cost = _best_of(5, lambda: tree.page(last, 25))
    # A scan from the start would make the last page ~400x dearer; allow 5x for noise.
    assert last_cost < 5 * first_cost + 1e-4


def _tree_of(size: int) -> tuple[ResourceTree, str]:
    from apigw_mock.domain.resource import Resource

    tree = ResourceTree()
    tree["root"] = Resource(id="root", path="/")
    for i in range(size):
        tree.add_child(tree["root"], f"r{i}", f"id{i}")
    return tree, f"id{size - 1}"


@pytest.mark.parametrize(
    "operation",
    [
        pytest.param(lambda tree, last: tree[last], id="lookup"),
        pytest.param(lambda tree, _: tree.child("root", "r5"), id="child-by-name"),
        pytest.param(lambda tree, _: tree.check_child(tree["root"], "fresh"), id="sibling-rules"),
    ],
)
def test_tree_point_operations_do_not_grow_with_the_tree(operation: Callable[[ResourceTree, str], object]) -> None:
    small, small_last = _tree_of(10)
    large, large_last = _tree_of(SIZE)
    small_cost = _best_of(5, lambda: operation(small, small_last))
    large_cost = _best_of(5, lambda: operation(large, large_last))
    assert large_cost < 5 * small_cost + 1e-4
