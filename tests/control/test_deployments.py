"""CreateDeployment, GetDeployment(s), UpdateDeployment, DeleteDeployment through boto3 (spec control-plane-2 §3)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from tests.control.deploy_helpers import ACCOUNT, INVALID_DEPLOYMENT, INVALID_STAGE, deploy, deployable_api
from tests.helpers import MISSING_API, body, put_method, raises_aws


def test_create_deployment_answers_201_with_id_and_date_only(client: Any) -> None:
    api_id, _ = deployable_api(client)
    resp = client.create_deployment(restApiId=api_id)
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    reply = body(resp)
    assert set(reply) == {"id", "createdDate"}
    assert len(reply["id"]) == 6 and reply["id"].isalnum()
    assert isinstance(reply["createdDate"], datetime.datetime)
    assert client.get_stages(restApiId=api_id)["item"] == []  # no stageName: no stage


def test_description_is_echoed_and_kept(client: Any) -> None:
    api_id, _ = deployable_api(client)
    created = deploy(client, api_id, description="first")
    assert created["description"] == "first"
    assert body(client.get_deployment(restApiId=api_id, deploymentId=created["id"])) == created


def test_refused_without_methods(client: Any) -> None:
    api_id = client.create_rest_api(name="empty")["id"]
    with raises_aws("BadRequestException", "The REST API doesn't contain any methods", 400):
        client.create_deployment(restApiId=api_id, stageName="dev")
    assert client.get_deployments(restApiId=api_id)["items"] == []
    assert client.get_stages(restApiId=api_id)["item"] == []


def test_refused_with_a_method_lacking_an_integration(client: Any) -> None:
    api_id, resource_id = deployable_api(client)
    put_method(client, api_id, resource_id, "POST")
    with raises_aws("BadRequestException", "No integration defined for method", 400):
        client.create_deployment(restApiId=api_id, stageName="dev")
    assert client.get_stages(restApiId=api_id)["item"] == []


def test_missing_api(client: Any) -> None:
    with raises_aws("NotFoundException", f"Invalid API identifier specified {ACCOUNT}:{MISSING_API}", 404):
        client.create_deployment(restApiId=MISSING_API)


def test_new_stage_name_creates_the_stage(client: Any) -> None:
    api_id, _ = deployable_api(client)
    created = deploy(
        client, api_id, stageName="dev", stageDescription="development", variables={"env": "dev"},
        cacheClusterEnabled=True, cacheClusterSize="1.6", tracingEnabled=True,
    )  # fmt: skip
    stage = body(client.get_stage(restApiId=api_id, stageName="dev"))
    assert stage == {
        "deploymentId": created["id"],
        "stageName": "dev",
        "description": "development",
        "variables": {"env": "dev"},
        "cacheClusterEnabled": True,
        "cacheClusterSize": "1.6",
        "cacheClusterStatus": "AVAILABLE",
        "methodSettings": {},
        "tracingEnabled": True,
        "createdDate": stage["createdDate"],
        "lastUpdatedDate": stage["lastUpdatedDate"],
    }


def test_existing_stage_is_repointed_and_variables_merge(client: Any) -> None:
    """[UNK] spec §18.2: variables merge key by key; stageDescription replaces the description."""
    api_id, _ = deployable_api(client)
    deploy(client, api_id, stageName="dev", stageDescription="one", variables={"a": "1", "b": "2"})
    second = deploy(client, api_id, stageName="dev", stageDescription="two", variables={"b": "3"})
    stage = client.get_stage(restApiId=api_id, stageName="dev")
    assert (stage["deploymentId"], stage["description"], stage["variables"]) == (
        second["id"],
        "two",
        {"a": "1", "b": "3"},
    )


def test_stage_with_canary_moves_only_the_canary(client: Any) -> None:
    api_id, _ = deployable_api(client)
    first = deploy(client, api_id, stageName="prod")
    canary = deploy(client, api_id, stageName="prod", canarySettings={"percentTraffic": 10.0})
    stage = client.get_stage(restApiId=api_id, stageName="prod")
    assert stage["deploymentId"] == first["id"]
    assert stage["canarySettings"] == {"percentTraffic": 10.0, "deploymentId": canary["id"]}
    third = deploy(client, api_id, stageName="prod")
    stage = client.get_stage(restApiId=api_id, stageName="prod")
    assert stage["deploymentId"] == first["id"]
    assert stage["canarySettings"]["deploymentId"] == third["id"]


def test_canary_on_a_missing_stage_is_refused(client: Any) -> None:
    """[UNK] spec §3.1.6: NotFound `Invalid stage identifier specified`; nothing is created."""
    api_id, _ = deployable_api(client)
    with raises_aws("NotFoundException", INVALID_STAGE, 404):
        client.create_deployment(restApiId=api_id, stageName="nope", canarySettings={"percentTraffic": 5.0})
    assert client.get_deployments(restApiId=api_id)["items"] == []


def test_empty_stage_name_creates_no_stage(client: Any) -> None:
    """[UNK] spec §3.1.7: `""` reads as absent."""
    api_id, _ = deployable_api(client)
    deploy(client, api_id, stageName="")
    assert client.get_stages(restApiId=api_id)["item"] == []
    assert len(client.get_deployments(restApiId=api_id)["items"]) == 1


def test_bad_stage_name_and_variables_change_nothing(client: Any) -> None:
    api_id, _ = deployable_api(client)
    with raises_aws("BadRequestException", "Stage name only allows a-zA-Z0-9_"):  # [UNK] text
        client.create_deployment(restApiId=api_id, stageName="bad name")
    with raises_aws("BadRequestException"):
        client.create_deployment(restApiId=api_id, stageName="dev", variables={"bad name": "x"})
    assert client.get_deployments(restApiId=api_id)["items"] == []


def test_get_deployment_embed_apisummary(client: Any) -> None:
    api_id, resource_id = deployable_api(client)
    put_method(client, api_id, resource_id, "POST", apiKeyRequired=True)
    client.put_integration(restApiId=api_id, resourceId=resource_id, httpMethod="POST", type="MOCK")
    created = deploy(client, api_id)
    plain = body(client.get_deployment(restApiId=api_id, deploymentId=created["id"]))
    assert "apiSummary" not in plain
    summary = client.get_deployment(restApiId=api_id, deploymentId=created["id"], embed=["apisummary"])["apiSummary"]
    assert summary == {
        "/pets": {
            "GET": {"authorizationType": "NONE", "apiKeyRequired": False},
            "POST": {"authorizationType": "NONE", "apiKeyRequired": True},
        }
    }


def test_apisummary_is_each_deployments_own(client: Any) -> None:
    """The summary is kept beside its deployment once asked for: asked again, and after the API changed and was
    deployed again, each deployment still shows what it froze."""
    api_id, resource_id = deployable_api(client)
    first = deploy(client, api_id)["id"]

    def summary(deployment_id: str) -> Any:
        return client.get_deployment(restApiId=api_id, deploymentId=deployment_id, embed=["apisummary"])["apiSummary"]

    before = summary(first)
    put_method(client, api_id, resource_id, "POST", apiKeyRequired=True)
    client.put_integration(restApiId=api_id, resourceId=resource_id, httpMethod="POST", type="MOCK")
    second = deploy(client, api_id)["id"]
    assert summary(first) == before == {"/pets": {"GET": {"authorizationType": "NONE", "apiKeyRequired": False}}}
    assert summary(second)["/pets"]["POST"] == {"authorizationType": "NONE", "apiKeyRequired": True}


def test_get_missing_deployment(client: Any) -> None:
    api_id, _ = deployable_api(client)
    with raises_aws("NotFoundException", INVALID_DEPLOYMENT, 404):
        client.get_deployment(restApiId=api_id, deploymentId="nope00")


def test_get_deployments_pages(client: Any) -> None:
    api_id, _ = deployable_api(client)
    ids = [deploy(client, api_id)["id"] for _ in range(3)]
    first = client.get_deployments(restApiId=api_id, limit=2)
    assert [item["id"] for item in first["items"]] == ids[:2]
    rest = client.get_deployments(restApiId=api_id, limit=2, position=first["position"])
    assert [item["id"] for item in rest["items"]] == ids[2:]
    assert "position" not in rest


def test_update_deployment_description(client: Any) -> None:
    api_id, _ = deployable_api(client)
    created = deploy(client, api_id, description="old")
    resp = client.update_deployment(
        restApiId=api_id,
        deploymentId=created["id"],
        patchOperations=[{"op": "replace", "path": "/description", "value": "new"}],
    )
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert body(resp) == {**created, "description": "new"}
    assert client.get_deployment(restApiId=api_id, deploymentId=created["id"])["description"] == "new"


def test_update_deployment_unknown_path(client: Any) -> None:
    api_id, _ = deployable_api(client)
    created = deploy(client, api_id)
    with raises_aws("BadRequestException", "Invalid patch path /canarySettings/percentTraffic"):
        client.update_deployment(
            restApiId=api_id, deploymentId=created["id"],
            patchOperations=[{"op": "replace", "path": "/canarySettings/percentTraffic", "value": "1"}],
        )  # fmt: skip


def test_delete_deployment(client: Any) -> None:
    api_id, _ = deployable_api(client)
    created = deploy(client, api_id)
    resp = client.delete_deployment(restApiId=api_id, deploymentId=created["id"])
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert client.get_deployments(restApiId=api_id)["items"] == []
    with raises_aws("NotFoundException", INVALID_DEPLOYMENT):
        client.delete_deployment(restApiId=api_id, deploymentId=created["id"])


@pytest.mark.parametrize("via", ["stage", "canary"])
def test_delete_refused_while_a_stage_points_at_it(client: Any, via: str) -> None:
    api_id, _ = deployable_api(client)
    first = deploy(client, api_id, stageName="dev")
    target = (
        first if via == "stage" else deploy(client, api_id, stageName="dev", canarySettings={"percentTraffic": 1.0})
    )
    with raises_aws("BadRequestException", "Active stages pointing to this deployment must be moved or deleted", 400):
        client.delete_deployment(restApiId=api_id, deploymentId=target["id"])
    client.delete_stage(restApiId=api_id, stageName="dev")
    client.delete_deployment(restApiId=api_id, deploymentId=target["id"])


@pytest.mark.parametrize(
    ("call", "kwargs"),
    [
        ("get_deployment", {"deploymentId": "abc123"}),
        ("get_deployments", {}),
        ("update_deployment", {"deploymentId": "abc123", "patchOperations": []}),
        ("delete_deployment", {"deploymentId": "abc123"}),
        ("get_stage", {"stageName": "dev"}),
        ("get_stages", {}),
        ("update_stage", {"stageName": "dev", "patchOperations": []}),
        ("delete_stage", {"stageName": "dev"}),
        ("flush_stage_cache", {"stageName": "dev"}),
        ("flush_stage_authorizers_cache", {"stageName": "dev"}),
    ],
)
def test_missing_api_is_the_api_level_not_found(client: Any, call: str, kwargs: dict[str, Any]) -> None:
    """[UNK] spec §2: a missing parent is the parent's own lookup (design-review §8)."""
    with raises_aws("NotFoundException", f"Invalid API identifier specified {ACCOUNT}:{MISSING_API}", 404):
        getattr(client, call)(restApiId=MISSING_API, **kwargs)
