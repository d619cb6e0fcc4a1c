"""Snapshots of the whole state: exact, repeatable restores, cheap to take (apigw_mock.testing.snapshots)."""

from __future__ import annotations

import time
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apigw_mock import MockApiGateway, mock_apigateway
from apigw_mock.domain.graph import ApiGraph
from apigw_mock.server.management import state

REGIONS = ("us-east-1", "eu-west-1")


def everything() -> dict[str, Any]:
    """The management `/_apigw_mock/state` dump, minus the graphs' ownership bookkeeping (not state)."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: strip(item) for key, item in value.items() if key != "owned"}
        if isinstance(value, list):
            return [strip(item) for item in value]
        return value

    return strip(state())  # type: ignore[no-any-return]


def listing(client: Any) -> list[Any]:
    """What a user sees: every API with its resources (methods embedded) and models."""
    seen = []
    for api in client.get_rest_apis()["items"]:
        resources = client.get_resources(restApiId=api["id"], embed=["methods"])["items"]
        seen.append((api, resources, client.get_models(restApiId=api["id"])["items"]))
    return seen


def test_restore_undoes_every_change_and_can_be_repeated(mock: MockApiGateway, client: Any) -> None:
    api = client.create_rest_api(name="shop")
    root = api["rootResourceId"]
    orders = client.create_resource(restApiId=api["id"], parentId=root, pathPart="orders")
    client.put_method(restApiId=api["id"], resourceId=orders["id"], httpMethod="GET", authorizationType="NONE")
    before = listing(client)
    snap = mock.snapshot()
    for _ in range(2):
        client.update_rest_api(restApiId=api["id"], patchOperations=[{"op": "replace", "path": "/name", "value": "x"}])
        client.put_method(restApiId=api["id"], resourceId=orders["id"], httpMethod="POST", authorizationType="NONE")
        client.delete_resource(restApiId=api["id"], resourceId=orders["id"])
        client.create_rest_api(name="another")
        boto3.client("apigateway", region_name="eu-west-1").create_rest_api(name="elsewhere")
        mock.restore(snap)
        assert listing(client) == before
        assert boto3.client("apigateway", region_name="eu-west-1").get_rest_apis()["items"] == []


def test_a_node_read_before_a_restore_is_never_changed_by_later_writes(mock: MockApiGateway, client: Any) -> None:
    api = client.create_rest_api(name="shop")
    snap = mock.snapshot()
    mock.restore(snap)
    client.put_method(restApiId=api["id"], resourceId=api["rootResourceId"], httpMethod="GET", authorizationType="NONE")
    mock.restore(snap)
    assert client.get_resource(restApiId=api["id"], resourceId=api["rootResourceId"]).get("resourceMethods") is None


def test_history_and_faults_are_not_part_of_the_state(mock: MockApiGateway, client: Any) -> None:
    snap = mock.snapshot()
    client.get_rest_apis()
    fault = mock.fail("GetRestApi")
    mock.restore(snap)
    assert mock.calls.operations == ["GetRestApis"] and fault.armed


def test_snapshot_repr_counts_backends_and_apis(mock: MockApiGateway, client: Any) -> None:
    client.create_rest_api(name="a")
    assert repr(mock.snapshot()) == "Snapshot(1 backends, 1 REST APIs)"


def test_a_snapshot_of_ten_thousand_resources_shares_the_nodes(mock: MockApiGateway, client: Any) -> None:
    """Structural sharing: the snapshot holds the live nodes (pointers), no node is copied to take it."""
    api = client.create_rest_api(name="big")
    graph = mock.backend().apis[api["id"]]
    root = graph.resources.root
    for index in range(10_000):
        graph.resources.add_child(root, f"r{index}", f"id{index:05}")
    started = time.perf_counter()
    snap = mock.snapshot()
    elapsed = time.perf_counter() - started
    (copy,) = [backend.apis[api["id"]] for backend in snap.backends]
    assert copy.resources is not graph.resources
    assert all(copy.resources[key] is node for key, node in graph.resources.items())
    assert elapsed < 0.5  # O(resources) pointer copies: a few ms, where a deep copy takes seconds


# ---- the property: restore is exact --------------------------------------------------------------------------------

ACTION = st.tuples(
    st.sampled_from(["api", "resource", "method", "delete_resource", "rename", "model", "delete_api"]),
    st.integers(0, 20),
    st.sampled_from(REGIONS),
    st.sampled_from(["a", "b", "{id}", "c"]),
)


def act(action: tuple[str, int, str, str]) -> None:
    """Apply one random change; AWS errors (duplicates, missing nodes) are part of the game."""
    kind, pick, region, word = action
    client = boto3.client("apigateway", region_name=region)
    apis = client.get_rest_apis()["items"]
    try:
        if kind == "api" or not apis:
            client.create_rest_api(name=f"api-{word}")
            return
        api = apis[pick % len(apis)]["id"]
        resources = client.get_resources(restApiId=api)["items"]
        resource = resources[pick % len(resources)]["id"]
        if kind == "resource":
            client.create_resource(restApiId=api, parentId=resource, pathPart=word)
        elif kind == "method":
            client.put_method(restApiId=api, resourceId=resource, httpMethod="GET", authorizationType="NONE")
        elif kind == "delete_resource":
            client.delete_resource(restApiId=api, resourceId=resource)
        elif kind == "rename":
            operations = [{"op": "replace", "path": "/name", "value": f"renamed-{word}"}]
            client.update_rest_api(restApiId=api, patchOperations=operations)
        elif kind == "model":
            client.create_model(restApiId=api, name=f"M{pick}", contentType="application/json", schema="{}")
        else:
            client.delete_rest_api(restApiId=api)
    except ClientError:
        pass


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ACTION, max_size=12), st.lists(ACTION, min_size=1, max_size=12))
def test_restore_gives_back_exactly_the_state_at_the_snapshot(
    before: list[tuple[str, int, str, str]], after: list[tuple[str, int, str, str]]
) -> None:
    with mock_apigateway() as apigw:
        for action in before:
            act(action)
        expected = everything()
        snap = apigw.snapshot()
        for action in after:
            act(action)
        apigw.restore(snap)
        assert everything() == expected
        for action in after:  # and once more, from the same snapshot
            act(action)
        apigw.restore(snap)
        assert everything() == expected


@pytest.mark.parametrize("region", REGIONS)
def test_restore_drops_backends_made_after_the_snapshot(mock: MockApiGateway, region: str) -> None:
    snap = mock.snapshot()
    boto3.client("apigateway", region_name=region).create_rest_api(name="late")
    mock.restore(snap)
    assert everything() == {"backends": []}


def test_a_container_the_fork_leaves_shared_is_copied_anyway(
    mock: MockApiGateway, client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A container field added to ApiGraph (stages, deployments...) whose fork() does not copy it yet."""
    api = client.create_rest_api(name="a")
    fork = ApiGraph.fork

    def sharing_fork(self: ApiGraph) -> ApiGraph:
        twin = fork(self)
        twin.models = self.models
        return twin

    monkeypatch.setattr(ApiGraph, "fork", sharing_fork)
    before = client.get_models(restApiId=api["id"])["items"]
    snap = mock.snapshot()
    client.create_model(restApiId=api["id"], name="Late", contentType="application/json", schema="{}")
    mock.restore(snap)
    assert client.get_models(restApiId=api["id"])["items"] == before
