"""CreateStage, GetStage(s), UpdateStage, DeleteStage and the flushes through boto3 (spec control-plane-2 §4)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.control.deploy_helpers import ACCOUNT, INVALID_DEPLOYMENT, INVALID_STAGE, deploy, deployable_api
from tests.helpers import MISSING_API, body, raises_aws


@pytest.fixture
def deployed(client: Any) -> tuple[str, str]:
    """(api id, deployment id) of a deployable API deployed once, without a stage."""
    api_id, _ = deployable_api(client)
    return api_id, deploy(client, api_id)["id"]


def test_create_stage_defaults_and_omitted_keys(client: Any, deployed: tuple[str, str]) -> None:
    api_id, deployment_id = deployed
    resp = client.create_stage(restApiId=api_id, stageName="prod", deploymentId=deployment_id)
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    reply = body(resp)
    assert reply == {
        "deploymentId": deployment_id,
        "stageName": "prod",
        "cacheClusterEnabled": False,
        "cacheClusterStatus": "NOT_AVAILABLE",
        "methodSettings": {},
        "tracingEnabled": False,
        "createdDate": reply["createdDate"],
        "lastUpdatedDate": reply["createdDate"],
    }
    assert body(client.get_stage(restApiId=api_id, stageName="prod")) == reply


def test_create_stage_with_every_member(client: Any, deployed: tuple[str, str]) -> None:
    api_id, deployment_id = deployed
    reply = body(
        client.create_stage(
            restApiId=api_id, stageName="prod", deploymentId=deployment_id, description="p",
            cacheClusterEnabled=True, variables={"v": "1"}, documentationVersion="1.0",
            canarySettings={"percentTraffic": 5.5, "deploymentId": deployment_id, "useStageCache": True},
            tracingEnabled=True, tags={"team": "pets"},
        )
    )  # fmt: skip
    assert {key: reply[key] for key in reply if key not in ("createdDate", "lastUpdatedDate")} == {
        "deploymentId": deployment_id,
        "stageName": "prod",
        "description": "p",
        "cacheClusterEnabled": True,
        "cacheClusterSize": "0.5",  # [UNK] spec §4.1: the default size when enabling without one
        "cacheClusterStatus": "AVAILABLE",
        "methodSettings": {},
        "variables": {"v": "1"},
        "documentationVersion": "1.0",
        "canarySettings": {"percentTraffic": 5.5, "deploymentId": deployment_id, "useStageCache": True},
        "tracingEnabled": True,
        "tags": {"team": "pets"},
    }


def test_create_stage_errors_change_nothing(client: Any, deployed: tuple[str, str]) -> None:
    api_id, deployment_id = deployed
    client.create_stage(restApiId=api_id, stageName="prod", deploymentId=deployment_id)
    with raises_aws("ConflictException", "Stage already exists", 409):
        client.create_stage(restApiId=api_id, stageName="prod", deploymentId=deployment_id)
    with raises_aws("NotFoundException", INVALID_DEPLOYMENT, 404):  # [UNK] text
        client.create_stage(restApiId=api_id, stageName="other", deploymentId="nope00")
    with raises_aws("BadRequestException", "Stage name only allows a-zA-Z0-9_", 400):  # [UNK] text
        client.create_stage(restApiId=api_id, stageName="no/slash", deploymentId=deployment_id)
    with raises_aws("NotFoundException", f"Invalid API identifier specified {ACCOUNT}:{MISSING_API}"):  # [UNK] family
        client.create_stage(restApiId=MISSING_API, stageName="x", deploymentId=deployment_id)
    assert [stage["stageName"] for stage in client.get_stages(restApiId=api_id)["item"]] == ["prod"]


def test_get_stages_is_item_and_filters_by_deployment(client: Any, deployed: tuple[str, str]) -> None:
    api_id, first = deployed
    second = deploy(client, api_id)["id"]
    client.create_stage(restApiId=api_id, stageName="a", deploymentId=first)
    client.create_stage(restApiId=api_id, stageName="b", deploymentId=second)
    everything = client.get_stages(restApiId=api_id)
    assert set(body(everything)) == {"item"}
    assert [stage["stageName"] for stage in everything["item"]] == ["a", "b"]
    assert [stage["stageName"] for stage in client.get_stages(restApiId=api_id, deploymentId=second)["item"]] == ["b"]


@pytest.mark.parametrize(
    "call",
    ["get_stage", "delete_stage", "flush_stage_cache", "flush_stage_authorizers_cache", "update_stage"],
)
def test_missing_stage(client: Any, deployed: tuple[str, str], call: str) -> None:
    kwargs: dict[str, Any] = {"patchOperations": []} if call == "update_stage" else {}
    with raises_aws("NotFoundException", INVALID_STAGE, 404):
        getattr(client, call)(restApiId=deployed[0], stageName="nope", **kwargs)


def test_delete_and_flush_answer_202(client: Any, deployed: tuple[str, str]) -> None:
    api_id, deployment_id = deployed
    client.create_stage(restApiId=api_id, stageName="prod", deploymentId=deployment_id)
    for call in (client.flush_stage_cache, client.flush_stage_authorizers_cache, client.delete_stage):
        assert call(restApiId=api_id, stageName="prod")["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert client.get_stages(restApiId=api_id)["item"] == []


def test_update_stage_returns_and_keeps_the_whole_stage(client: Any, deployed: tuple[str, str]) -> None:
    api_id, first = deployed
    second = deploy(client, api_id)["id"]
    client.create_stage(restApiId=api_id, stageName="prod", deploymentId=first)
    resp = client.update_stage(
        restApiId=api_id,
        stageName="prod",
        patchOperations=[
            {"op": "replace", "path": "/deploymentId", "value": second},
            {"op": "replace", "path": "/variables/env", "value": "prod"},
            {"op": "replace", "path": "/*/*/metrics/enabled", "value": "true"},
            {"op": "replace", "path": "/~1pets/GET/caching/ttlInSeconds", "value": "60"},
        ],
    )
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    reply = body(resp)
    assert reply["deploymentId"] == second
    assert reply["variables"] == {"env": "prod"}
    assert reply["methodSettings"]["*/*"]["metricsEnabled"] is True
    assert reply["methodSettings"]["~1pets/GET"] == {
        "metricsEnabled": False,
        "dataTraceEnabled": False,
        "throttlingBurstLimit": 5000,
        "throttlingRateLimit": 10000.0,
        "cachingEnabled": False,
        "cacheTtlInSeconds": 60,
        "cacheDataEncrypted": False,
        "requireAuthorizationForCacheControl": True,
        "unauthorizedCacheControlHeaderStrategy": "SUCCEED_WITH_RESPONSE_HEADER",
    }
    assert reply["lastUpdatedDate"] >= reply["createdDate"]
    assert body(client.get_stage(restApiId=api_id, stageName="prod")) == reply


def test_update_stage_failure_changes_nothing(client: Any, deployed: tuple[str, str]) -> None:
    api_id, deployment_id = deployed
    before = body(client.create_stage(restApiId=api_id, stageName="prod", deploymentId=deployment_id))
    with raises_aws("BadRequestException", "Invalid patch path /webAclArn", 400):
        client.update_stage(
            restApiId=api_id,
            stageName="prod",
            patchOperations=[
                {"op": "replace", "path": "/description", "value": "x"},
                {"op": "replace", "path": "/webAclArn", "value": "arn:aws:wafv2:x"},
            ],
        )
    assert body(client.get_stage(restApiId=api_id, stageName="prod")) == before


def test_canary_promotion(client: Any) -> None:
    api_id, _ = deployable_api(client)
    first = deploy(client, api_id, stageName="prod", variables={"color": "blue"})["id"]
    canary = deploy(
        client, api_id, stageName="prod",
        canarySettings={"percentTraffic": 20.0, "stageVariableOverrides": {"color": "green"}},
    )["id"]  # fmt: skip
    assert client.get_stage(restApiId=api_id, stageName="prod")["deploymentId"] == first
    promoted = client.update_stage(
        restApiId=api_id,
        stageName="prod",
        patchOperations=[
            {"op": "copy", "from": "/canarySettings/deploymentId", "path": "/deploymentId"},
            {"op": "copy", "from": "/canarySettings/stageVariableOverrides", "path": "/variables"},
            {"op": "replace", "path": "/canarySettings/percentTraffic", "value": "0.0"},
        ],
    )
    assert promoted["deploymentId"] == canary
    assert promoted["variables"] == {"color": "green"}
    assert promoted["canarySettings"]["percentTraffic"] == 0.0
    removed = client.update_stage(
        restApiId=api_id, stageName="prod", patchOperations=[{"op": "remove", "path": "/canarySettings"}]
    )
    assert "canarySettings" not in removed


def test_create_stage_canary_without_deployment_starts_on_the_stages(client: Any, deployed: tuple[str, str]) -> None:
    """[INF] spec §4.4: like a canary created by UpdateStage."""
    api_id, deployment_id = deployed
    reply = client.create_stage(
        restApiId=api_id, stageName="prod", deploymentId=deployment_id, canarySettings={"percentTraffic": 1.0}
    )
    assert reply["canarySettings"] == {"percentTraffic": 1.0, "deploymentId": deployment_id}
