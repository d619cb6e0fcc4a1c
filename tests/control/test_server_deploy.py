"""Server mode over real loopback HTTP: the deploy lifecycle, stages and tags (ARN in the URL path) answer as
in-process."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from apigw_mock.server import running_server
from tests.control.deploy_helpers import INVALID_STAGE, deployable_api, stage_arn
from tests.helpers import raises_aws


@pytest.fixture(scope="module")
def remote() -> Iterator[Any]:
    with running_server() as url:
        yield boto3.client(
            "apigateway", endpoint_url=url, region_name="us-east-1", aws_access_key_id="AKIDFAKE",
            aws_secret_access_key="fake",
        )  # fmt: skip


def test_deploy_lifecycle_over_http(remote: Any) -> None:
    api_id, _ = deployable_api(remote, name="over-http")
    created = remote.create_deployment(restApiId=api_id, stageName="dev", variables={"a": "1"})
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    stage = remote.update_stage(
        restApiId=api_id,
        stageName="dev",
        patchOperations=[
            {"op": "replace", "path": "/~1pets/GET/logging/loglevel", "value": "INFO"},
            {"op": "replace", "path": "/canarySettings/percentTraffic", "value": "5"},
        ],
    )
    assert stage["methodSettings"]["~1pets/GET"]["loggingLevel"] == "INFO"
    assert stage["canarySettings"] == {"percentTraffic": 5.0, "deploymentId": created["id"], "useStageCache": False}
    assert [s["stageName"] for s in remote.get_stages(restApiId=api_id)["item"]] == ["dev"]
    summary = remote.get_deployment(restApiId=api_id, deploymentId=created["id"], embed=["apisummary"])["apiSummary"]
    assert summary == {"/pets": {"GET": {"authorizationType": "NONE", "apiKeyRequired": False}}}

    arn = stage_arn(api_id, "dev")
    assert remote.tag_resource(resourceArn=arn, tags={"k": "v"})["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert remote.get_tags(resourceArn=arn)["tags"] == {"k": "v"}
    remote.untag_resource(resourceArn=arn, tagKeys=["k"])
    assert remote.get_tags(resourceArn=arn)["tags"] == {}

    with raises_aws("BadRequestException", "Active stages pointing to this deployment must be moved or deleted", 400):
        remote.delete_deployment(restApiId=api_id, deploymentId=created["id"])
    assert remote.delete_stage(restApiId=api_id, stageName="dev")["ResponseMetadata"]["HTTPStatusCode"] == 202
    with raises_aws("NotFoundException", INVALID_STAGE, 404):
        remote.get_stage(restApiId=api_id, stageName="dev")
