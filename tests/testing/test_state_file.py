"""State files (apigw_mock.testing.state_file), seeding (testing.seeding) and deterministic ids (`seed=`)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import boto3
import pytest

from apigw_mock import MockApiGateway, mock_apigateway
from apigw_mock.server import running_server
from apigw_mock.testing import state_file
from tests.testing.test_snapshots import everything, listing


def build(client: Any) -> None:
    """A small fixture graph: two APIs, resources, a method with its integration and response, a model."""
    api = client.create_rest_api(name="shop", description="the shop", tags={"team": "a"})
    root = api["rootResourceId"]
    orders = client.create_resource(restApiId=api["id"], parentId=root, pathPart="orders")
    item = client.create_resource(restApiId=api["id"], parentId=orders["id"], pathPart="{id}")
    client.put_method(restApiId=api["id"], resourceId=item["id"], httpMethod="GET", authorizationType="NONE")
    client.put_integration(restApiId=api["id"], resourceId=item["id"], httpMethod="GET", type="MOCK")
    client.put_method_response(restApiId=api["id"], resourceId=item["id"], httpMethod="GET", statusCode="200")
    client.create_model(restApiId=api["id"], name="Order", contentType="application/json", schema="{}")
    client.put_gateway_response(restApiId=api["id"], responseType="DEFAULT_4XX", statusCode="400")
    boto3.client("apigateway", region_name="eu-west-1").create_rest_api(name="eu")


def test_save_then_load_gives_back_every_backend(mock: MockApiGateway, client: Any, tmp_path: Path) -> None:
    build(client)
    expected, seen = everything(), listing(client)
    mock.save(tmp_path / "state.json")
    mock.reset()
    mock.load(tmp_path / "state.json")
    assert everything() == expected
    assert listing(client) == seen


def test_a_deployed_stage_survives_save_and_load_and_still_answers(
    mock: MockApiGateway, client: Any, tmp_path: Path
) -> None:
    api = client.create_rest_api(name="served")
    ids = {"restApiId": api["id"], "resourceId": api["rootResourceId"], "httpMethod": "GET"}
    client.put_method(**ids, authorizationType="NONE")
    client.put_method_response(**ids, statusCode="200")
    client.put_integration(**ids, type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'})
    client.put_integration_response(**ids, statusCode="200", responseTemplates={"application/json": '{"v": 1}'})
    first = client.create_deployment(restApiId=api["id"], stageName="dev")["id"]
    client.put_integration_response(**ids, statusCode="200", responseTemplates={"application/json": '{"v": 2}'})
    client.create_deployment(restApiId=api["id"], stageName="next")
    expected = listing(client)
    mock.save(tmp_path / "state.json")
    mock.reset()
    mock.load(tmp_path / "state.json")
    assert listing(client) == expected
    assert client.get_stage(restApiId=api["id"], stageName="dev")["deploymentId"] == first
    assert mock.invoke(api["id"], "dev", "GET", "/").json() == {"v": 1}  # each stage serves its own snapshot
    assert mock.invoke(api["id"], "next", "GET", "/").json() == {"v": 2}


def test_the_file_is_versioned_json_in_the_documented_shape(mock: MockApiGateway, client: Any, tmp_path: Path) -> None:
    build(client)
    document = json.loads(mock.save(tmp_path / "state.json").read_text())
    assert (document["format"], document["version"]) == ("apigw_mock-state", 1)
    backend = next(entry for entry in document["backends"] if entry["region"] == "us-east-1")
    assert backend["accountId"] == "123456789012" and backend["idsState"] is None
    (api,) = backend["restApis"]
    assert api["api"]["name"] == "shop" and api["api"]["tags"] == {"team": "a"}
    resources = api["containers"]["resources"]
    assert resources["kind"] == "ResourceTree" and resources["type"] == "apigw_mock.domain.resource:Resource"
    assert [node["path"] for node in resources["items"].values()] == ["/", "/orders", "/orders/{id}"]
    assert {"resources", "models", "gatewayResponses", "deployments", "stages"} <= set(api["containers"])


def test_a_load_continues_with_fresh_ids(mock: MockApiGateway, client: Any, tmp_path: Path) -> None:
    build(client)
    used = set(mock.backend()._ids)
    mock.save(tmp_path / "state.json")
    mock.load(tmp_path / "state.json")
    assert client.create_rest_api(name="new")["id"] not in used


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({"format": "other", "version": 1}, "format='other'"),
        ({"format": "apigw_mock-state", "version": 2}, "version=2"),
    ],
)
def test_other_formats_and_versions_are_refused(mock: MockApiGateway, document: dict[str, Any], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        mock.load(document)


def test_node_types_come_only_from_apigw_mock(mock: MockApiGateway) -> None:
    container = {"kind": "dict", "type": "os:system", "items": {"x": {}}}
    backend = {"accountId": "123456789012", "region": "us-east-1", "containers": {"evil": container}}
    with pytest.raises(ValueError, match="node type 'os:system' is not apigw_mock's"):
        mock.load({"format": "apigw_mock-state", "version": 1, "backends": [backend]})


def test_saving_is_atomic_a_failed_write_leaves_the_old_file(
    mock: MockApiGateway, client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "state.json"
    mock.save(target)
    old = target.read_text()
    client.create_rest_api(name="new")

    def crash(*_: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError, match="disk full"):
        mock.save(target)
    assert target.read_text() == old
    assert [path.name for path in tmp_path.iterdir()] == ["state.json"]  # no temporary file left behind


# ---- seeding ---------------------------------------------------------------------------------------------------------


def test_seed_from_a_function_runs_it_once_and_restores_it_afterwards(tmp_path: Path) -> None:
    runs: list[int] = []

    def fixture(client: Any) -> None:
        runs.append(1)
        client.create_rest_api(name="seeded")

    for _ in range(3):
        with mock_apigateway() as apigw:
            client = boto3.client("apigateway", region_name="us-east-1")
            client.create_rest_api(name="dropped")
            apigw.seed(fixture)
            assert [api["name"] for api in client.get_rest_apis()["items"]] == ["seeded"]
            assert apigw.calls.operations == ["CreateRestApi", "GetRestApis"]  # the fixture's own calls are not kept
    assert runs == [1]


def test_seed_from_a_file_a_document_or_a_snapshot(mock: MockApiGateway, client: Any, tmp_path: Path) -> None:
    client.create_rest_api(name="saved")
    mock.save(tmp_path / "state.json")
    snap = mock.snapshot()
    for source in (tmp_path / "state.json", str(tmp_path / "state.json"), state_file.document(), snap):
        mock.reset()
        mock.seed(source)
        assert [api["name"] for api in client.get_rest_apis()["items"]] == ["saved"]


# ---- deterministic ids -------------------------------------------------------------------------------------------


def ids_of_a_run(seed: int | str | None) -> list[str]:
    with mock_apigateway(seed=seed):
        client = boto3.client("apigateway", region_name="us-east-1")
        build(client)
        apis = client.get_rest_apis()["items"]
        resources = client.get_resources(restApiId=apis[0]["id"])["items"]
        models = client.get_models(restApiId=apis[0]["id"])["items"]
        eu = boto3.client("apigateway", region_name="eu-west-1").get_rest_apis()["items"]
        return [item["id"] for item in [*apis, *resources, *models, *eu]]


def test_a_seed_makes_every_id_the_same_on_every_run() -> None:
    first = ids_of_a_run(7)
    assert first == ids_of_a_run(7)
    assert first != ids_of_a_run(8)
    assert ids_of_a_run(None) != ids_of_a_run(None)


def test_seeded_ids_follow_a_snapshot_and_a_state_file(tmp_path: Path) -> None:
    with mock_apigateway(seed="s") as apigw:
        client = boto3.client("apigateway", region_name="us-east-1")
        client.create_rest_api(name="a")
        snap = apigw.snapshot()
        apigw.save(tmp_path / "state.json")
        following = client.create_rest_api(name="b")["id"]
        apigw.restore(snap)
        assert client.create_rest_api(name="b")["id"] == following
        apigw.load(tmp_path / "state.json")
        assert client.create_rest_api(name="b")["id"] == following


# ---- server mode: --state-file ------------------------------------------------------------------------------------


def server_client(url: str) -> Any:
    return boto3.client(
        "apigateway", endpoint_url=url, region_name="us-east-1", aws_access_key_id="AKIDFAKE", aws_secret_access_key="x"
    )


def test_kept_loads_at_start_and_saves_on_post_save_and_at_exit(tmp_path: Path) -> None:
    import requests

    path = tmp_path / "state.json"
    with state_file.kept(path), running_server() as url:
        server_client(url).create_rest_api(name="kept")
        reply = requests.post(f"{url}/_apigw_mock/save", timeout=10)
        assert reply.json() == {"status": "ok", "path": str(path)}
        assert [api["api"]["name"] for api in json.loads(path.read_text())["backends"][0]["restApis"]] == ["kept"]
        server_client(url).create_rest_api(name="at-exit")
    with state_file.kept(path), running_server() as url:
        assert [api["name"] for api in server_client(url).get_rest_apis()["items"]] == ["kept", "at-exit"]
        assert requests.post(f"{url}/_apigw_mock/reset", timeout=10).status_code == 200


def test_save_without_a_state_file_says_how_to_get_one() -> None:
    import requests

    with running_server() as url:
        assert requests.post(f"{url}/_apigw_mock/save", timeout=10).json() == {
            "status": "error",
            "message": "no state file: start the server with --state-file PATH",
        }


def test_cli_state_file_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    for expected in ([], ["survivor"]):
        process = subprocess.Popen(
            [sys.executable, "-m", "apigw_mock", "serve", "--port", "0", "--state-file", str(path)],
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert process.stderr is not None
            line = process.stderr.readline()
            url = re.search(r"http://127\.0\.0\.1:\d+", line)
            assert url is not None, line
            client = server_client(url.group())
            assert [api["name"] for api in client.get_rest_apis()["items"]] == expected
            if not expected:
                client.create_rest_api(name="survivor")
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=10) == 0
        finally:
            process.kill()
            if process.stderr is not None:
                process.stderr.close()
    assert json.loads(path.read_text())["version"] == 1
