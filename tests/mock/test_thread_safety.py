"""Thread safety: 8 threads, each with its own boto3 client, create, put, patch and read concurrently.

On separate objects (one API per thread) nothing may be lost; on shared objects (one API, one method, one
integration response for all threads) every thread's writes must land too, because handlers run one at a time.
Afterwards the graph is consistent, as seen through GetResources/GetMethod and through the white-box backend.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import boto3
import pytest

from apigw_mock import MockApiGateway

THREADS = 8
ROUNDS = 6
REGION = "us-east-1"


def run_in_threads(work: Callable[[int, Any], None]) -> None:
    """Run `work(index, client)` in THREADS threads started together; re-raise the first failure."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(THREADS)

    def target(index: int) -> None:
        try:
            client = boto3.session.Session().client("apigateway", region_name=REGION)
            barrier.wait()
            work(index, client)
        except BaseException as error:  # collected and re-raised in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=target, args=(index,)) for index in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    if errors:
        raise errors[0]


def all_resources(client: Any, api_id: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    position: dict[str, str] = {}
    while True:
        page = client.get_resources(restApiId=api_id, limit=25, **position)
        items += page["items"]
        if "position" not in page:
            return items
        position = {"position": page["position"]}


def build_method(client: Any, api_id: str, resource_id: str) -> dict[str, str]:
    """GET with a 200 method response, a MOCK integration and a 200 integration response."""
    target = {"restApiId": api_id, "resourceId": resource_id, "httpMethod": "GET"}
    client.put_method(**target, authorizationType="NONE")
    client.put_method_response(**target, statusCode="200")
    client.put_integration(**target, type="MOCK")
    client.put_integration_response(**target, statusCode="200", responseTemplates={"application/json": "{}"})
    return target


def test_separate_objects_lose_no_update(mock: MockApiGateway) -> None:
    finals: dict[int, tuple[str, str]] = {}

    def work(index: int, client: Any) -> None:
        api = client.create_rest_api(name=f"api-{index}")
        parent = api["rootResourceId"]
        for depth in range(3):
            parent = client.create_resource(restApiId=api["id"], parentId=parent, pathPart=f"t{index}d{depth}")["id"]
        target = build_method(client, api["id"], parent)
        for round_ in range(ROUNDS):
            value = f"{index}-{round_}"
            client.update_integration_response(
                **target,
                statusCode="200",
                patchOperations=[{"op": "replace", "path": "/selectionPattern", "value": value}],
            )
            assert client.get_integration_response(**target, statusCode="200")["selectionPattern"] == value
        finals[index] = (api["id"], parent)

    run_in_threads(work)

    client = boto3.client("apigateway", region_name=REGION)
    assert len(client.get_rest_apis(limit=500)["items"]) == THREADS
    for index, (api_id, resource_id) in finals.items():
        paths = sorted(item["path"] for item in all_resources(client, api_id))
        expected = f"/t{index}d0/t{index}d1/t{index}d2"
        assert paths == ["/", f"/t{index}d0", f"/t{index}d0/t{index}d1", expected]
        method = client.get_method(restApiId=api_id, resourceId=resource_id, httpMethod="GET")
        assert method["methodIntegration"]["integrationResponses"]["200"]["selectionPattern"] == f"{index}-{ROUNDS - 1}"
        assert set(method["methodResponses"]) == {"200"}


def test_shared_objects_keep_every_write(mock: MockApiGateway) -> None:
    client = boto3.client("apigateway", region_name=REGION)
    api = client.create_rest_api(name="shared")
    api_id, root = api["id"], api["rootResourceId"]
    shared = client.create_resource(restApiId=api_id, parentId=root, pathPart="shared")["id"]
    target = build_method(client, api_id, shared)

    def work(index: int, client: Any) -> None:
        status = f"2{index + 1:02d}"  # 201..208: each thread its own integration response on the shared method
        client.put_method_response(**target, statusCode=status)
        client.put_integration_response(**target, statusCode=status, selectionPattern=f"t{index}")
        for round_ in range(ROUNDS):
            client.create_resource(restApiId=api_id, parentId=shared, pathPart=f"t{index}r{round_}")
            client.update_integration_response(  # every thread patches the same shared node
                **target,
                statusCode="200",
                patchOperations=[
                    {"op": "add", "path": f"/responseTemplates/application~1x-t{index}-{round_}", "value": "{}"}
                ],
            )
            client.update_method(
                **target, patchOperations=[{"op": "replace", "path": "/operationName", "value": f"t{index}"}]
            )
            client.get_method(**target)
            all_resources(client, api_id)

    run_in_threads(work)

    templates = client.get_integration_response(**target, statusCode="200")["responseTemplates"]
    expected_templates = {f"application/x-t{i}-{r}" for i in range(THREADS) for r in range(ROUNDS)}
    assert set(templates) == expected_templates | {"application/json"}
    method = client.get_method(**target)
    codes = {f"2{i + 1:02d}" for i in range(THREADS)}
    assert set(method["methodResponses"]) == codes | {"200"}
    assert set(method["methodIntegration"]["integrationResponses"]) == codes | {"200"}
    assert method["operationName"] in {f"t{i}" for i in range(THREADS)}
    resources = all_resources(client, api_id)
    children = sorted(item["path"] for item in resources if item.get("parentId") == shared)
    assert children == sorted(f"/shared/t{i}r{r}" for i in range(THREADS) for r in range(ROUNDS))
    assert len({item["id"] for item in resources}) == len(resources) == 2 + THREADS * ROUNDS
    assert_backend_consistent(mock, api_id, resources)


def assert_backend_consistent(mock: MockApiGateway, api_id: str, listed: list[dict[str, Any]]) -> None:
    """The white-box graph holds exactly what GetResources listed, every parent exists, paths join up."""
    graph = mock.backend(REGION).apis[api_id]
    by_id = {resource.id: resource for resource in graph.resources.values()}
    assert set(by_id) == {item["id"] for item in listed}
    for resource in by_id.values():
        if resource.parent_id is None:
            assert resource.path == "/"
            continue
        parent = by_id[resource.parent_id]
        assert resource.path == f"{parent.path.rstrip('/')}/{resource.path_part}"


@pytest.mark.parametrize("operation", ["create_rest_api", "get_rest_apis"])
def test_concurrent_first_calls_in_a_fresh_region(mock: MockApiGateway, operation: str) -> None:
    """The per-region backend is created once even when 8 threads reach a new region at the same moment."""
    region = "eu-west-3"

    def work(index: int, _: Any) -> None:
        client = boto3.session.Session().client("apigateway", region_name=region)
        if operation == "create_rest_api":
            client.create_rest_api(name=f"r{index}")
        else:
            client.get_rest_apis()

    run_in_threads(work)
    expected = THREADS if operation == "create_rest_api" else 0
    client = boto3.client("apigateway", region_name=region)
    assert len(client.get_rest_apis()["items"]) == expected
    assert len(mock.backend(region).apis) == expected
