"""The per-resource limits of spec control-plane-2 through boto3: 10 stages per API (CreateStage, and CreateDeployment
naming a new stage) and 50 tags per resource (TagResource on top of the existing tags, and `tags` on Create*)
[DOC DG:limits]. AWS's error for either is not on record: BadRequest, as the spec's other limits, with [UNK]
texts. A refused call changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.control.deploy_helpers import deploy, deployable_api, stage_arn
from tests.helpers import raises_aws

TOO_MANY_STAGES = "The maximum number of stages for an API (10) has been reached"  # [UNK] text
TOO_MANY_TAGS = "The maximum number of tags for a resource (50) has been exceeded"  # [UNK] text


def _tags(count: int, prefix: str = "k") -> dict[str, str]:
    return {f"{prefix}{i}": "v" for i in range(count)}


@pytest.fixture
def ten_stages(client: Any) -> tuple[str, str]:
    """(api id, deployment id) of an API that has its 10 stages (`s0`..`s9`)."""
    api_id, _ = deployable_api(client)
    deployment_id = deploy(client, api_id)["id"]
    for i in range(10):
        client.create_stage(restApiId=api_id, stageName=f"s{i}", deploymentId=deployment_id)
    return api_id, deployment_id


def test_an_eleventh_stage_is_refused_by_create_stage(client: Any, ten_stages: tuple[str, str]) -> None:
    api_id, deployment_id = ten_stages

    with raises_aws("BadRequestException", TOO_MANY_STAGES, 400):
        client.create_stage(restApiId=api_id, stageName="s10", deploymentId=deployment_id)

    assert len(client.get_stages(restApiId=api_id)["item"]) == 10


def test_an_eleventh_stage_is_refused_by_create_deployment_and_no_deployment_is_made(
    client: Any, ten_stages: tuple[str, str]
) -> None:
    api_id, _ = ten_stages

    with raises_aws("BadRequestException", TOO_MANY_STAGES, 400):
        client.create_deployment(restApiId=api_id, stageName="s10")

    assert len(client.get_deployments(restApiId=api_id)["items"]) == 1
    assert len(client.get_stages(restApiId=api_id)["item"]) == 10


def test_at_the_limit_existing_stages_are_redeployed_and_a_freed_place_is_taken(
    client: Any, ten_stages: tuple[str, str]
) -> None:
    api_id, deployment_id = ten_stages

    redeployed = deploy(client, api_id, stageName="s3")["id"]  # names an existing stage: no new one
    client.delete_stage(restApiId=api_id, stageName="s0")
    client.create_stage(restApiId=api_id, stageName="s10", deploymentId=deployment_id)

    stages = {stage["stageName"]: stage["deploymentId"] for stage in client.get_stages(restApiId=api_id)["item"]}
    assert len(stages) == 10
    assert (stages["s3"], stages["s10"]) == (redeployed, deployment_id)


def test_a_duplicate_stage_is_still_a_conflict_at_the_limit(client: Any, ten_stages: tuple[str, str]) -> None:
    api_id, deployment_id = ten_stages

    with raises_aws("ConflictException", "Stage already exists", 409):
        client.create_stage(restApiId=api_id, stageName="s9", deploymentId=deployment_id)


def test_tag_resource_counts_the_existing_tags(client: Any) -> None:
    api_id = client.create_rest_api(name="a", tags=_tags(30))["id"]
    arn = f"arn:aws:apigateway:us-east-1::/restapis/{api_id}"

    client.tag_resource(resourceArn=arn, tags={**_tags(10), **_tags(20, "n")})  # 10 overwritten, 20 new: 50
    with raises_aws("BadRequestException", TOO_MANY_TAGS, 400):
        client.tag_resource(resourceArn=arn, tags={"one-more": "v"})

    assert len(client.get_tags(resourceArn=arn)["tags"]) == 50


def test_a_stage_takes_at_most_50_tags(client: Any) -> None:
    api_id, _ = deployable_api(client)
    deploy(client, api_id, stageName="dev")

    with raises_aws("BadRequestException", TOO_MANY_TAGS, 400):
        client.tag_resource(resourceArn=stage_arn(api_id, "dev"), tags=_tags(51))

    assert client.get_tags(resourceArn=stage_arn(api_id, "dev"))["tags"] == {}


@pytest.mark.parametrize(
    "create",
    [
        lambda client, tags: client.create_rest_api(name="a", tags=tags),
        lambda client, tags: client.create_api_key(name="k", tags=tags),
        lambda client, tags: client.create_usage_plan(name="p", tags=tags),
        lambda client, tags: client.generate_client_certificate(tags=tags),
        lambda client, tags: client.create_vpc_link(name="l", targetArns=["arn:aws:elasticloadbalancing:x"], tags=tags),
    ],
    ids=["CreateRestApi", "CreateApiKey", "CreateUsagePlan", "GenerateClientCertificate", "CreateVpcLink"],
)
def test_create_takes_at_most_50_tags(client: Any, create: Any) -> None:
    create(client, _tags(50))

    with raises_aws("BadRequestException", TOO_MANY_TAGS, 400):
        create(client, _tags(51))


def test_create_stage_takes_at_most_50_tags(client: Any) -> None:
    api_id, _ = deployable_api(client)
    deployment_id = deploy(client, api_id)["id"]

    with raises_aws("BadRequestException", TOO_MANY_TAGS, 400):
        client.create_stage(restApiId=api_id, stageName="dev", deploymentId=deployment_id, tags=_tags(51))

    assert client.get_stages(restApiId=api_id)["item"] == []
