"""VPC links through boto3, and integrations that name them (spec control-plane-2 §10; core spec §3.5)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import body, put_method, raises_aws

NLB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/my-lb/1234"
NOT_FOUND = "Invalid VPC link identifier specified"  # [UNK]


@pytest.fixture
def link(client: Any) -> dict[str, Any]:
    return body(client.create_vpc_link(name="my-link", targetArns=[NLB]))


def test_create_answers_202_pending_and_the_link_is_available_next(client: Any) -> None:
    resp = client.create_vpc_link(name="my-link", description="to the NLB", targetArns=[NLB], tags={"team": "api"})
    created = body(resp)

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert created == {
        "id": created["id"],
        "name": "my-link",
        "description": "to the NLB",
        "targetArns": [NLB],
        "status": "PENDING",  # [UNK §18.9] the mock's lifecycle
        "tags": {"team": "api"},
    }
    assert len(created["id"]) == 6
    assert body(client.get_vpc_link(vpcLinkId=created["id"])) == {
        **created,
        "status": "AVAILABLE",
        "statusMessage": "Your vpc link is ready for use",
    }


def test_tags_are_present_even_when_none(client: Any, link: dict[str, Any]) -> None:
    assert link["tags"] == {}
    assert "description" not in link and "statusMessage" not in link


def test_list_pages(client: Any) -> None:
    ids = [client.create_vpc_link(name=f"l{i}", targetArns=[NLB])["id"] for i in range(3)]

    first = client.get_vpc_links(limit=2)
    rest = client.get_vpc_links(position=first["position"])

    assert [v["id"] for v in first["items"] + rest["items"]] == ids
    assert {v["status"] for v in first["items"]} == {"AVAILABLE"}


def test_update_replaces_name_and_description(client: Any, link: dict[str, Any]) -> None:
    ops = [
        {"op": "replace", "path": "/name", "value": "renamed"},
        {"op": "replace", "path": "/description", "value": "d"},
    ]

    updated = body(client.update_vpc_link(vpcLinkId=link["id"], patchOperations=ops))

    assert (updated["name"], updated["description"], updated["status"]) == ("renamed", "d", "AVAILABLE")
    assert body(client.get_vpc_link(vpcLinkId=link["id"])) == updated
    with raises_aws("BadRequestException", "Invalid patch path /targetArns", 400):
        client.update_vpc_link(vpcLinkId=link["id"], patchOperations=[{"op": "replace", "path": "/targetArns"}])


def test_delete_and_missing_links(client: Any, link: dict[str, Any]) -> None:
    resp = client.delete_vpc_link(vpcLinkId=link["id"])

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202
    for call in (
        lambda: client.get_vpc_link(vpcLinkId=link["id"]),
        lambda: client.update_vpc_link(vpcLinkId=link["id"], patchOperations=[]),
        lambda: client.delete_vpc_link(vpcLinkId=link["id"]),
    ):
        with raises_aws("NotFoundException", NOT_FOUND, 404):
            call()


# ---- integrations naming a link -----------------------------------------------------------------------------------


def _put(client: Any, rest_api: dict[str, Any], resource: dict[str, Any], connection_id: str | None) -> Any:
    put_method(client, rest_api["id"], resource["id"])
    extra = {} if connection_id is None else {"connectionId": connection_id}
    return client.put_integration(
        restApiId=rest_api["id"],
        resourceId=resource["id"],
        httpMethod="GET",
        type="HTTP_PROXY",
        integrationHttpMethod="GET",
        uri="http://nlb.internal/pets",
        connectionType="VPC_LINK",
        **extra,
    )


def test_an_integration_through_an_existing_link(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], link: dict[str, Any]
) -> None:
    created = body(_put(client, rest_api, resource, link["id"]))

    assert (created["connectionType"], created["connectionId"]) == ("VPC_LINK", link["id"])


@pytest.mark.parametrize("connection_id", ["nope00", None], ids=["unknown", "missing"])
def test_an_integration_must_name_an_existing_link(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], connection_id: str | None
) -> None:
    with raises_aws("BadRequestException", NOT_FOUND, 400):  # [UNK] text
        _put(client, rest_api, resource, connection_id)
    with raises_aws("NotFoundException"):
        client.get_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")


def test_a_stage_variable_is_resolved_per_stage_so_it_is_kept(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    created = body(_put(client, rest_api, resource, "${stageVariables.vpcLinkId}"))

    assert created["connectionId"] == "${stageVariables.vpcLinkId}"


def test_update_integration_checks_a_changed_connection_only(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], link: dict[str, Any]
) -> None:
    ids = {"restApiId": rest_api["id"], "resourceId": resource["id"], "httpMethod": "GET"}
    _put(client, rest_api, resource, link["id"])
    client.delete_vpc_link(vpcLinkId=link["id"])  # allowed while named (spec §18.11)

    timeout = [{"op": "replace", "path": "/timeoutInMillis", "value": "1000"}]
    assert client.update_integration(**ids, patchOperations=timeout)["timeoutInMillis"] == 1000
    with raises_aws("BadRequestException", NOT_FOUND, 400):
        client.update_integration(**ids, patchOperations=[{"op": "replace", "path": "/connectionId", "value": "x1"}])
    assert client.get_integration(**ids)["connectionId"] == link["id"]
