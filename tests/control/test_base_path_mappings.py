"""Base path mappings of public and private domain names through boto3 (spec control-plane-2 §9.3).

Stages come from `tests.stages.ensure_stage` (CreateDeployment once the deployments branch is merged, a white-box
seed of `ApiGraph.stages` before)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.helpers import body, raises_aws
from tests.stages import ensure_stage

DOMAIN = "api.example.com"
CERT = "arn:aws:acm:us-east-1:123456789012:certificate/edge"
NOT_FOUND = "Invalid base path mapping identifier specified"  # [UNK]
DUPLICATE = "Base path already exists for this domain name"  # [UNK]


@pytest.fixture
def domain(client: Any) -> dict[str, Any]:
    return body(client.create_domain_name(domainName=DOMAIN, certificateArn=CERT))


def _map(client: Any, api_id: str, **kwargs: Any) -> Any:
    return client.create_base_path_mapping(domainName=DOMAIN, restApiId=api_id, **kwargs)


def test_the_empty_base_path_is_none(client: Any, domain: Any, rest_api: dict[str, Any]) -> None:
    resp = _map(client, rest_api["id"])

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert body(resp) == {"basePath": "(none)", "restApiId": rest_api["id"]}  # no stage: omitted [UNK]
    assert body(client.get_base_path_mapping(domainName=DOMAIN, basePath="(none)")) == body(resp)
    with raises_aws("ConflictException", DUPLICATE, 409):
        _map(client, rest_api["id"], basePath="")


def test_the_list_pages(client: Any, domain: Any, rest_api: dict[str, Any]) -> None:
    for path in ("v1", "v2", "v3"):
        _map(client, rest_api["id"], basePath=path)

    first = client.get_base_path_mappings(domainName=DOMAIN, limit=2)
    rest = client.get_base_path_mappings(domainName=DOMAIN, position=first["position"])

    assert [m["basePath"] for m in first["items"] + rest["items"]] == ["v1", "v2", "v3"]
    assert "position" not in rest


MULTI_LEVEL = (
    "API Gateway V1 doesn't support the slash character (/) in base path mappings. "
    "To create a multi-level base path mapping, use API Gateway V2."
)


def test_multi_level_base_paths_are_for_api_gateway_v2(client: Any, domain: Any, rest_api: dict[str, Any]) -> None:
    _map(client, rest_api["id"], basePath="v1")

    with raises_aws("BadRequestException", MULTI_LEVEL, 400):
        _map(client, rest_api["id"], basePath="v1/orders")
    with raises_aws("BadRequestException", MULTI_LEVEL, 400):
        client.update_base_path_mapping(
            domainName=DOMAIN, basePath="v1", patchOperations=[{"op": "replace", "path": "/basePath", "value": "a/b"}]
        )
    assert [m["basePath"] for m in client.get_base_path_mappings(domainName=DOMAIN)["items"]] == ["v1"]


@pytest.mark.parametrize(
    ("kwargs", "code", "message"),
    [
        pytest.param(
            {"restApiId": "doesnotexi"}, "BadRequestException", "Invalid REST API identifier specified", id="api"
        ),
        pytest.param({"stage": "prod"}, "BadRequestException", "Invalid stage identifier specified", id="stage"),
    ],
)
def test_create_refuses_a_missing_api_or_stage(
    client: Any, domain: Any, rest_api: dict[str, Any], kwargs: dict[str, str], code: str, message: str
) -> None:
    with raises_aws(code, message, 400):
        client.create_base_path_mapping(domainName=DOMAIN, **{"restApiId": rest_api["id"], **kwargs})
    assert client.get_base_path_mappings(domainName=DOMAIN)["items"] == []


def test_duplicates_conflict(client: Any, domain: Any, rest_api: dict[str, Any]) -> None:
    _map(client, rest_api["id"], basePath="v1")
    with raises_aws("ConflictException", DUPLICATE, 409):
        _map(client, rest_api["id"], basePath="v1")


def test_update_renames_the_base_path_and_moves_the_api(client: Any, domain: Any, rest_api: dict[str, Any]) -> None:
    other = client.create_rest_api(name="other")["id"]
    _map(client, rest_api["id"], basePath="v1")
    ops = [
        {"op": "replace", "path": "/basePath", "value": "v2"},
        {"op": "replace", "path": "/restapiId", "value": other},
    ]

    updated = body(client.update_base_path_mapping(domainName=DOMAIN, basePath="v1", patchOperations=ops))

    assert updated == {"basePath": "v2", "restApiId": other}
    assert client.get_base_path_mappings(domainName=DOMAIN)["items"] == [updated]
    with raises_aws("NotFoundException", NOT_FOUND, 404):
        client.get_base_path_mapping(domainName=DOMAIN, basePath="v1")


@pytest.mark.parametrize(
    ("op", "code", "message"),
    [
        pytest.param({"path": "/basePath", "value": "taken"}, "ConflictException", DUPLICATE, id="taken"),
        pytest.param(
            {"path": "/restapiId", "value": "doesnotexi"},
            "BadRequestException",
            "Invalid REST API identifier specified",
            id="api",
        ),
        pytest.param(
            {"path": "/stage", "value": "prod"}, "BadRequestException", "Invalid stage identifier specified", id="stage"
        ),
        pytest.param(
            {"path": "/restApiId", "value": "x"}, "BadRequestException", "Invalid patch path /restApiId", id="path"
        ),
    ],
)
def test_update_refusals_change_nothing(
    client: Any, domain: Any, rest_api: dict[str, Any], op: dict[str, str], code: str, message: str
) -> None:
    _map(client, rest_api["id"], basePath="v1")
    _map(client, rest_api["id"], basePath="taken")

    with raises_aws(code, message):
        client.update_base_path_mapping(domainName=DOMAIN, basePath="v1", patchOperations=[{"op": "replace", **op}])
    assert body(client.get_base_path_mapping(domainName=DOMAIN, basePath="v1")) == {
        "basePath": "v1",
        "restApiId": rest_api["id"],
    }


def test_delete_answers_202(client: Any, domain: Any, rest_api: dict[str, Any]) -> None:
    _map(client, rest_api["id"])

    resp = client.delete_base_path_mapping(domainName=DOMAIN, basePath="(none)")

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert client.get_base_path_mappings(domainName=DOMAIN)["items"] == []
    with raises_aws("NotFoundException", NOT_FOUND, 404):
        client.delete_base_path_mapping(domainName=DOMAIN, basePath="(none)")


def test_a_missing_domain_name_is_not_found_first(client: Any, rest_api: dict[str, Any]) -> None:
    for call in (
        lambda: client.create_base_path_mapping(domainName="nope.example.com", restApiId=rest_api["id"]),
        lambda: client.get_base_path_mappings(domainName="nope.example.com"),
        lambda: client.get_base_path_mapping(domainName="nope.example.com", basePath="v1"),
    ):
        with raises_aws("NotFoundException", "Invalid domain name identifier specified", 404):
            call()


def test_private_domain_names_have_mappings_of_their_own(client: Any, domain: Any, rest_api: dict[str, Any]) -> None:
    private = client.create_domain_name(
        domainName=DOMAIN,
        certificateArn=CERT,
        endpointConfiguration={"types": ["PRIVATE"]},
        policy=json.dumps({"Statement": []}),
    )["domainNameId"]
    client.create_base_path_mapping(domainName=DOMAIN, domainNameId=private, restApiId=rest_api["id"], basePath="p")

    listed = client.get_base_path_mappings(domainName=DOMAIN, domainNameId=private)["items"]

    assert listed == [{"basePath": "p", "restApiId": rest_api["id"]}]
    assert client.get_base_path_mappings(domainName=DOMAIN)["items"] == []
    fetched = client.get_base_path_mapping(domainName=DOMAIN, domainNameId=private, basePath="p")
    assert body(fetched) == listed[0]


def test_a_mapping_to_an_existing_stage(client: Any, domain: Any, rest_api: dict[str, Any]) -> None:
    ensure_stage(client, rest_api["id"])
    ensure_stage(client, rest_api["id"], "dev")

    created = body(_map(client, rest_api["id"], basePath="v1", stage="prod"))
    ops = [{"op": "replace", "path": "/stage", "value": "dev"}]
    updated = body(client.update_base_path_mapping(domainName=DOMAIN, basePath="v1", patchOperations=ops))

    assert created == {"basePath": "v1", "restApiId": rest_api["id"], "stage": "prod"}
    assert updated == {**created, "stage": "dev"}
