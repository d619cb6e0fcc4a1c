"""Several clients in parallel threads against one server: no errors, no lost updates (bounded, loopback only)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import boto3
import pytest

from apigw_mock.server import running_server

THREADS = 6
ROUNDS = 10  # per thread


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    with running_server() as url:
        yield url


@pytest.fixture(scope="module")
def clients(server_url: str) -> list[Any]:
    """One client per worker thread (made up front: creating clients is the slow part, calling them is thread-safe)."""
    return [make_client(server_url) for _ in range(THREADS)]


def make_client(url: str) -> Any:
    session = boto3.session.Session(aws_access_key_id="AKIDFAKE", aws_secret_access_key="x", region_name="us-east-1")
    return session.client("apigateway", endpoint_url=url)


def run_in_threads(work: Callable[[int, Any], None], clients: list[Any]) -> None:
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        for future in [pool.submit(work, worker, client) for worker, client in enumerate(clients)]:
            future.result(timeout=60)  # re-raises the first error of any worker


def test_parallel_creates_are_all_kept(clients: list[Any]) -> None:
    setup = clients[0]
    api = setup.create_rest_api(name="busy")

    def work(worker: int, client: Any) -> None:
        for index in range(ROUNDS):
            client.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart=f"w{worker}-{index}")

    run_in_threads(work, clients)
    paths = {item["path"] for item in setup.get_resources(restApiId=api["id"], limit=500)["items"]}
    assert paths == {"/"} | {f"/w{worker}-{index}" for worker in range(THREADS) for index in range(ROUNDS)}


def test_parallel_patches_of_one_node_lose_no_update(clients: list[Any]) -> None:
    setup = clients[0]
    api = setup.create_rest_api(name="contended")
    where = {"restApiId": api["id"], "resourceId": api["rootResourceId"], "httpMethod": "GET"}
    setup.put_method(**where, authorizationType="NONE")
    setup.put_integration(**where, type="MOCK")
    setup.put_integration_response(**where, statusCode="200", responseTemplates={})

    def work(worker: int, client: Any) -> None:
        for index in range(ROUNDS):
            patch = [{"op": "add", "path": f"/responseTemplates/text~1w{worker}-{index}", "value": f"{worker}"}]
            client.update_integration_response(**where, statusCode="200", patchOperations=patch)

    run_in_threads(work, clients)
    templates = setup.get_integration_response(**where, statusCode="200")["responseTemplates"]
    assert templates == {f"text/w{worker}-{index}": f"{worker}" for worker in range(THREADS) for index in range(ROUNDS)}
