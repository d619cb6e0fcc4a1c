"""The write path's ownership rule (domain/graph.py): a node handed out is never changed by a later write.

Handed out means: read from the white-box view, held by a fork (what deployments and state snapshots keep), or
sent in a reply. Each test holds a node, writes through boto3 as a user would, and checks the held node.
"""

from __future__ import annotations

from typing import Any

from apigw_mock import MockApiGateway
from apigw_mock.domain.graph import ApiGraph

HEADER = "method.response.header.X-Trace"


def _api_with_response(client: Any) -> dict[str, str]:
    api = client.create_rest_api(name="owned")
    ids = {"restApiId": api["id"], "resourceId": api["rootResourceId"], "httpMethod": "GET"}
    client.put_method(**ids, authorizationType="NONE")
    client.put_method_response(**ids, statusCode="200", responseParameters={HEADER: False})
    client.put_integration(**ids, type="MOCK")
    client.put_integration_response(**ids, statusCode="200", responseParameters={HEADER: "'old'"})
    return ids


def _patch_header(client: Any, ids: dict[str, str], value: str) -> None:
    ops = [{"op": "replace", "path": f"/responseParameters/{HEADER}", "value": value}]
    client.update_integration_response(**ids, statusCode="200", patchOperations=ops)


def _held_response(graph: ApiGraph, ids: dict[str, str]) -> Any:
    method = (graph.resources[ids["resourceId"]].resource_methods or {})["GET"]
    assert method.method_integration is not None
    return (method.method_integration.integration_responses or {})["200"]


def test_a_node_read_from_the_white_box_view_keeps_what_it_saw(mock: MockApiGateway, client: Any) -> None:
    ids = _api_with_response(client)
    held = _held_response(mock.backend().graph(ids["restApiId"]), ids)
    held_method = mock.backend().graph(ids["restApiId"]).resources[ids["resourceId"]].resource_methods

    _patch_header(client, ids, "'new'")
    client.put_method_response(**ids, statusCode="404")

    assert held.response_parameters == {HEADER: "'old'"}
    assert held_method is not None and set(held_method["GET"].method_responses or {}) == {"200"}
    assert _held_response(mock.backend().graph(ids["restApiId"]), ids).response_parameters == {HEADER: "'new'"}


def test_a_fork_keeps_its_nodes_and_the_live_graph_moves_on(mock: MockApiGateway, client: Any) -> None:
    ids = _api_with_response(client)
    live = mock.backend().graph(ids["restApiId"])
    fork = live.fork()

    _patch_header(client, ids, "'new'")
    client.delete_method(**{k: ids[k] for k in ("restApiId", "resourceId")}, httpMethod="GET")
    child = client.create_resource(restApiId=ids["restApiId"], parentId=ids["resourceId"], pathPart="later")

    assert _held_response(fork, ids).response_parameters == {HEADER: "'old'"}
    assert child["id"] not in fork.resources and child["id"] in live.resources
    assert live.resources[ids["resourceId"]].resource_methods is None


def test_writes_after_a_fork_copy_a_resource_once_then_edit_in_place(mock: MockApiGateway, client: Any) -> None:
    ids = _api_with_response(client)
    live = mock.backend().graph(ids["restApiId"])
    live.fork()

    _patch_header(client, ids, "'first'")
    copied = live.resources[ids["resourceId"]]
    _patch_header(client, ids, "'second'")

    assert live.resources[ids["resourceId"]] is copied  # owned again: the second write edited it in place
    assert _held_response(live, ids).response_parameters == {HEADER: "'second'"}


def test_a_reply_never_changes_after_a_later_write(client: Any) -> None:
    ids = _api_with_response(client)
    reply = client.get_integration_response(**ids, statusCode="200")

    _patch_header(client, ids, "'new'")

    assert reply["responseParameters"] == {HEADER: "'old'"}


def test_a_failed_write_after_a_fork_changes_nothing(mock: MockApiGateway, client: Any) -> None:
    ids = _api_with_response(client)
    fork = mock.backend().graph(ids["restApiId"]).fork()
    bad = [{"op": "replace", "path": "/nope", "value": "x"}]

    try:
        client.update_integration_response(**ids, statusCode="200", patchOperations=bad)
    except client.exceptions.BadRequestException:
        pass
    else:  # pragma: no cover - the assertion below explains
        raise AssertionError("an unknown patch path must be refused")

    assert client.get_integration_response(**ids, statusCode="200")["responseParameters"] == {HEADER: "'old'"}
    assert _held_response(fork, ids).response_parameters == {HEADER: "'old'"}
