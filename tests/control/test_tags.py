"""TagResource, UntagResource, GetTags on REST APIs and stages; `tags` on Create/Get; `_custom_id_` (spec §14)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.control.deploy_helpers import ACCOUNT, INVALID_STAGE, deploy, deployable_api, stage_arn
from tests.helpers import body, raises_aws


def api_arn(api_id: str) -> str:
    return f"arn:aws:apigateway:us-east-1::/restapis/{api_id}"


@pytest.mark.parametrize("kind", ["restapi", "stage"])
def test_tag_untag_get(client: Any, kind: str) -> None:
    api_id, _ = deployable_api(client)
    deploy(client, api_id, stageName="dev")
    arn = api_arn(api_id) if kind == "restapi" else stage_arn(api_id, "dev")
    assert body(client.get_tags(resourceArn=arn)) == {"tags": {}}  # [INF] `{}` when none
    resp = client.tag_resource(resourceArn=arn, tags={"a": "1", "b": "2"})
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 204
    client.tag_resource(resourceArn=arn, tags={"b": "3"})  # merges, overwriting
    assert client.get_tags(resourceArn=arn)["tags"] == {"a": "1", "b": "3"}
    node = (
        client.get_rest_api(restApiId=api_id)
        if kind == "restapi"
        else client.get_stage(restApiId=api_id, stageName="dev")
    )
    assert node["tags"] == {"a": "1", "b": "3"}
    resp = client.untag_resource(resourceArn=arn, tagKeys=["a", "unknown"])  # unknown keys are ignored [INF]
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert client.get_tags(resourceArn=arn)["tags"] == {"b": "3"}
    client.untag_resource(resourceArn=arn, tagKeys=["b"])
    node = (
        client.get_rest_api(restApiId=api_id)
        if kind == "restapi"
        else client.get_stage(restApiId=api_id, stageName="dev")
    )
    assert "tags" not in node


def test_missing_nodes_are_their_own_not_found(client: Any) -> None:
    """[UNK] spec §14.2: a nonexistent resource is NotFound (the node's own text)."""
    api_id, _ = deployable_api(client)
    with raises_aws("NotFoundException", f"Invalid API identifier specified {ACCOUNT}:nope", 404):
        client.get_tags(resourceArn=api_arn("nope"))
    with raises_aws("NotFoundException", INVALID_STAGE, 404):
        client.tag_resource(resourceArn=stage_arn(api_id, "nope"), tags={"a": "1"})


@pytest.mark.parametrize(
    "arn",
    [
        "arn:aws:execute-api:us-east-1:123456789012:abc/dev/GET/pets",  # execution ARNs are not taggable
        "arn:aws:apigateway:eu-west-1::/restapis/abc",  # another region
        "arn:aws:apigateway:us-east-1::/restapis/abc/resources/def",  # not a taggable kind
        "not-an-arn",
    ],
)
def test_untaggable_arns(client: Any, arn: str) -> None:
    """[UNK] spec §14.2: other ARNs are a BadRequest."""
    with raises_aws("BadRequestException", "Invalid ARN specified in the request", 400):
        client.get_tags(resourceArn=arn)


def test_tag_rules_change_nothing(client: Any) -> None:
    api_id = client.create_rest_api(name="a")["id"]
    with raises_aws("BadRequestException", "Tag keys must not start with 'aws:'"):  # [UNK] text
        client.tag_resource(resourceArn=api_arn(api_id), tags={"ok": "1", "aws:x": "y"})
    assert client.get_tags(resourceArn=api_arn(api_id))["tags"] == {}


def test_custom_id_tag_chooses_the_api_id(client: Any) -> None:
    """moto/LocalStack's `_custom_id_` convention (not AWS): the tag stays, as they keep it."""
    created = client.create_rest_api(name="stable", tags={"_custom_id_": "myapi"})
    assert created["id"] == "myapi"
    assert client.get_rest_api(restApiId="myapi")["tags"] == {"_custom_id_": "myapi"}
    with raises_aws("ConflictException", "REST API with id myapi already exists", 409):  # [UNK] mock-only text
        client.create_rest_api(name="again", tags={"_custom_id_": "myapi"})
    assert len(client.get_rest_apis()["items"]) == 1
