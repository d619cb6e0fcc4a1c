"""RestApi CRUD: CreateRestApi defaults and validations, GetRestApi, GetRestApis pagination, DeleteRestApi.

Covers spec §1.1, §1.3, §1.4, §2 and §3.1.

The last section holds details found in review beyond the spec-derived cases (from the former
test_graph_details.py); where a text is our choice the test says so ([INF]/[UNK]).
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import assert_aws_error, assert_reply, message_of, put_method
from tests.helpers import body as _body

ACCOUNT_ID = "123456789012"
API_ID_RE = re.compile(r"^[a-z0-9]{10}$")


def _default_api(body: dict[str, Any], name: str = "test-api") -> dict[str, Any]:
    """The full CreateRestApi/GetRestApi shape of an API created with only a name (spec §3.1)."""
    return {
        "id": body["id"],
        "name": name,
        "createdDate": body["createdDate"],
        "apiKeySource": "HEADER",
        "disableExecuteApiEndpoint": False,
        "endpointConfiguration": {"types": ["EDGE"], "ipAddressType": "ipv4"},
        "rootResourceId": body["rootResourceId"],
    }


# --- CreateRestApi -----------------------------------------------------------------------------------------------


def test_create_rest_api_returns_201(client: Any) -> None:
    resp = client.create_rest_api(name="test-api")
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201


def test_create_rest_api_with_only_name_returns_full_default_shape(client: Any) -> None:
    body = _body(client.create_rest_api(name="test-api"))
    assert body == _default_api(body)


def test_create_rest_api_created_date_is_now(client: Any) -> None:
    body = _body(client.create_rest_api(name="test-api"))
    created = body["createdDate"]
    assert isinstance(created, datetime)
    assert abs(datetime.now(UTC) - created) < timedelta(minutes=5)


def test_create_rest_api_id_is_ten_lowercase_alphanumerics(client: Any) -> None:
    body = _body(client.create_rest_api(name="test-api"))
    # spec §3.1: [INF] 10 chars, lowercase alnum
    assert API_ID_RE.match(body["id"])


def test_create_rest_api_root_resource_id_is_ten_lowercase_alphanumerics(client: Any) -> None:
    body = _body(client.create_rest_api(name="test-api"))
    # spec §3.2: [INF] root resource id is 10 chars lowercase alnum
    assert API_ID_RE.match(body["rootResourceId"])


def test_create_rest_api_root_resource_is_the_slash_resource(client: Any) -> None:
    body = _body(client.create_rest_api(name="test-api"))
    resources = client.get_resources(restApiId=body["id"])
    assert resources["items"] == [{"id": body["rootResourceId"], "path": "/"}]


def test_create_rest_api_generates_unique_ids(client: Any) -> None:
    bodies = [_body(client.create_rest_api(name=f"api-{i}")) for i in range(5)]
    api_ids = {b["id"] for b in bodies}
    root_ids = {b["rootResourceId"] for b in bodies}
    assert len(api_ids) == 5
    assert len(root_ids) == 5


def test_create_rest_api_echoes_optional_fields(client: Any) -> None:
    body = _body(
        client.create_rest_api(
            name="full-api",
            description="my description",
            version="v1.2",
            binaryMediaTypes=["image/png", "application/octet-stream"],
            minimumCompressionSize=1024,
            apiKeySource="AUTHORIZER",
            endpointConfiguration={"types": ["REGIONAL"]},
            tags={"team": "pets", "env": "dev"},
            disableExecuteApiEndpoint=True,
        )
    )
    assert body == {
        "id": body["id"],
        "name": "full-api",
        "description": "my description",
        "version": "v1.2",
        "createdDate": body["createdDate"],
        "binaryMediaTypes": ["image/png", "application/octet-stream"],
        "minimumCompressionSize": 1024,
        "apiKeySource": "AUTHORIZER",
        "endpointConfiguration": {"types": ["REGIONAL"], "ipAddressType": "ipv4"},
        "tags": {"team": "pets", "env": "dev"},
        "disableExecuteApiEndpoint": True,
        "rootResourceId": body["rootResourceId"],
    }


POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "execute-api:Invoke",
            "Resource": "execute-api:/*",
            "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/16"}},
        }
    ],
}
# As AWS answers it: the document minified, then escaped once more (`"` as `\"`, `/` as `\/`) [INF: the Terraform
# provider decodes `policy` as the body of a JSON string, and an unescaped one broke it against server mode].
POLICY_ANSWERED = json.dumps(json.dumps(POLICY, separators=(",", ":")))[1:-1].replace("/", "\\/")


def terraforms_reading(policy: str) -> Any:
    """What the Terraform provider does with GetRestApi's `policy`: decode it as a string's body, then as JSON."""
    return json.loads(json.loads(f'"{policy}"'))


def test_a_policy_is_kept_escaped_once_more(client: Any) -> None:
    created = client.create_rest_api(name="p", policy=json.dumps(POLICY, indent=2))
    assert created["policy"] == POLICY_ANSWERED
    assert '\\"Version\\":\\"2012-10-17\\"' in created["policy"] and "10.0.0.0\\/16" in created["policy"]
    assert client.get_rest_api(restApiId=created["id"])["policy"] == POLICY_ANSWERED
    assert terraforms_reading(created["policy"]) == POLICY

    denied = {**POLICY, "Statement": [{**POLICY["Statement"][0], "Effect": "Deny"}]}
    patch = [{"op": "replace", "path": "/policy", "value": json.dumps(denied)}]
    updated = client.update_rest_api(restApiId=created["id"], patchOperations=patch)
    assert terraforms_reading(updated["policy"]) == denied
    assert client.get_rest_apis()["items"][0]["policy"] == updated["policy"]


def test_create_rest_api_empty_binary_media_types_is_omitted(client: Any) -> None:
    body = _body(client.create_rest_api(name="test-api", binaryMediaTypes=[]))
    assert "binaryMediaTypes" not in body


def test_create_rest_api_does_not_default_version_or_tags(client: Any) -> None:
    body = _body(client.create_rest_api(name="test-api"))
    for key in ("version", "tags", "description", "binaryMediaTypes", "minimumCompressionSize", "policy"):
        assert key not in body


def test_create_rest_api_tags_are_returned_by_get(client: Any) -> None:
    created = _body(client.create_rest_api(name="test-api", tags={"owner": "me"}))
    fetched = _body(client.get_rest_api(restApiId=created["id"]))
    assert fetched["tags"] == {"owner": "me"}


def test_create_rest_api_private_defaults_ip_address_type_to_dualstack(client: Any) -> None:
    body = _body(client.create_rest_api(name="test-api", endpointConfiguration={"types": ["PRIVATE"]}))
    assert body["endpointConfiguration"] == {"types": ["PRIVATE"], "ipAddressType": "dualstack"}


def test_create_rest_api_regional_defaults_ip_address_type_to_ipv4(client: Any) -> None:
    body = _body(client.create_rest_api(name="test-api", endpointConfiguration={"types": ["REGIONAL"]}))
    assert body["endpointConfiguration"] == {"types": ["REGIONAL"], "ipAddressType": "ipv4"}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"description": ""}, "Description cannot be an empty string", id="empty-description"),
        pytest.param(
            {"minimumCompressionSize": -1},
            "Invalid minimum compression size, must be between 0 and 10485760",
            id="negative-compression",
        ),
        pytest.param(
            {"endpointConfiguration": {"types": []}},
            "REGIONAL Configuration and EDGE Configuration cannot be both DISABLED.",
            id="no-endpoint-types",
        ),
        pytest.param(
            {"endpointConfiguration": {"types": ["EDGE", "REGIONAL"]}},
            "Cannot create an api with multiple Endpoint Types.",
            id="two-endpoint-types",
        ),
        pytest.param(
            {"endpointConfiguration": {"types": ["PRIVATE"], "ipAddressType": "ipv4"}},
            "Only dualstack ipAddressType is supported for Private APIs.",
            id="private-ipv4",
        ),
    ],
)
def test_create_rest_api_semantic_validation_is_bad_request(client: Any, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.create_rest_api(name="test-api", **kwargs)
    assert exc.value.response["Error"]["Message"] == message
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_create_rest_api_compression_size_above_maximum_is_bad_request(client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.create_rest_api(name="test-api", minimumCompressionSize=10485761)
    # spec §3.1: [INF] upper bound taken from the recorded message text
    assert exc.value.response["Error"]["Message"] == "Invalid minimum compression size, must be between 0 and 10485760"


@pytest.mark.parametrize("size", [0, 10485760])
def test_create_rest_api_compression_size_bounds_are_accepted(client: Any, size: int) -> None:
    body = _body(client.create_rest_api(name="test-api", minimumCompressionSize=size))
    # spec §3.1: [INF] inclusive bounds taken from the recorded message text
    assert body["minimumCompressionSize"] == size


def test_create_rest_api_failed_create_leaves_no_api(client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException):
        client.create_rest_api(name="test-api", description="")
    assert client.get_rest_apis().get("items", []) == []


def test_create_rest_api_multiple_semantic_errors_report_only_the_first(client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.create_rest_api(name="test-api", description="", minimumCompressionSize=-1)
    assert exc.value.response["Error"]["Message"] == "Description cannot be an empty string"


def test_create_rest_api_invalid_endpoint_type_is_validation_exception(client: Any) -> None:
    with pytest.raises(ClientError) as exc:
        client.create_rest_api(name="test-api", endpointConfiguration={"types": ["wrong"]})
    assert_aws_error(
        exc,
        "ValidationException",
        "1 validation error detected: Value '[wrong]' at 'createRestApiInput.endpointConfiguration.types' "
        "failed to satisfy constraint: Member must satisfy constraint: "
        "[Member must satisfy enum value set: [PRIVATE, EDGE, REGIONAL]]",
        400,
    )


def test_create_rest_api_invalid_ip_address_type_is_validation_exception(client: Any) -> None:
    with pytest.raises(ClientError) as exc:
        client.create_rest_api(name="test-api", endpointConfiguration={"types": ["EDGE"], "ipAddressType": "wrong"})
    assert_aws_error(
        exc,
        "ValidationException",
        "1 validation error detected: Value 'wrong' at 'createRestApiInput.endpointConfiguration.ipAddressType' "
        "failed to satisfy constraint: Member must satisfy enum value set: [ipv4, dualstack]",
        400,
    )


def test_create_rest_api_validation_errors_are_aggregated_in_member_order(client: Any) -> None:
    with pytest.raises(ClientError) as exc:
        # ipAddressType is sent first on the wire; AWS still lists the types error first
        client.create_rest_api(name="test-api", endpointConfiguration={"ipAddressType": "wrong", "types": ["wrong"]})
    assert_aws_error(
        exc,
        "ValidationException",
        "2 validation errors detected: "
        "Value '[wrong]' at 'createRestApiInput.endpointConfiguration.types' failed to satisfy constraint: "
        "Member must satisfy constraint: [Member must satisfy enum value set: [PRIVATE, EDGE, REGIONAL]]; "
        "Value 'wrong' at 'createRestApiInput.endpointConfiguration.ipAddressType' failed to satisfy constraint: "
        "Member must satisfy enum value set: [ipv4, dualstack]",
        400,
    )


def test_create_rest_api_validation_exception_wins_over_bad_request(client: Any) -> None:
    with pytest.raises(ClientError) as exc:
        client.create_rest_api(
            name="test-api", description="", endpointConfiguration={"types": ["EDGE"], "ipAddressType": "wrong"}
        )
    assert_aws_error(
        exc,
        "ValidationException",
        "1 validation error detected: Value 'wrong' at 'createRestApiInput.endpointConfiguration.ipAddressType' "
        "failed to satisfy constraint: Member must satisfy enum value set: [ipv4, dualstack]",
        400,
    )


# --- GetRestApi / GetRestApis ------------------------------------------------------------------------------------


def test_get_rest_api_returns_the_created_api(client: Any, rest_api: dict[str, Any]) -> None:
    resp = client.get_rest_api(restApiId=rest_api["id"])
    assert_reply(resp, 200, _body(rest_api))


def test_get_rest_api_missing_is_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_rest_api(restApiId="doesnotexi")
    assert exc.value.response["Error"]["Message"] == f"Invalid API identifier specified {ACCOUNT_ID}:doesnotexi"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_get_rest_api_id_is_case_sensitive(client: Any, rest_api: dict[str, Any]) -> None:
    upper = rest_api["id"].upper()
    if upper == rest_api["id"]:
        pytest.skip("generated id has no letters")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_rest_api(restApiId=upper)
    assert exc.value.response["Error"]["Message"] == f"Invalid API identifier specified {ACCOUNT_ID}:{upper}"


def test_get_rest_apis_lists_all_apis_without_position(client: Any) -> None:
    created = [_body(client.create_rest_api(name=f"api-{i}")) for i in range(3)]
    resp = client.get_rest_apis()
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert "position" not in resp
    assert sorted(resp["items"], key=lambda a: a["id"]) == sorted(created, key=lambda a: a["id"])


def test_get_rest_apis_in_creation_order(client: Any) -> None:
    ids = [client.create_rest_api(name=f"api-{i}")["id"] for i in range(3)]
    # spec §7.9: [UNK] recommended choice (creation order)
    assert [a["id"] for a in client.get_rest_apis()["items"]] == ids


def test_get_rest_apis_paginates_with_limit_and_position(client: Any) -> None:
    ids = {client.create_rest_api(name=f"api-{i}")["id"] for i in range(3)}
    first = client.get_rest_apis(limit=2)
    assert len(first["items"]) == 2
    assert first.get("position")
    second = client.get_rest_apis(limit=2, position=first["position"])
    assert len(second["items"]) == 1
    assert "position" not in second
    assert {a["id"] for a in first["items"]} | {a["id"] for a in second["items"]} == ids


# --- DeleteRestApi -----------------------------------------------------------------------------------------------


def test_delete_rest_api_returns_202_with_empty_body(client: Any, rest_api: dict[str, Any]) -> None:
    resp = client.delete_rest_api(restApiId=rest_api["id"])
    assert_reply(resp, 202, {})


def test_delete_rest_api_then_get_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    client.delete_rest_api(restApiId=rest_api["id"])
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_rest_api(restApiId=rest_api["id"])
    assert exc.value.response["Error"]["Message"] == f"Invalid API identifier specified {ACCOUNT_ID}:{rest_api['id']}"


def test_delete_rest_api_removes_it_from_get_rest_apis(client: Any) -> None:
    keep = client.create_rest_api(name="keep")["id"]
    gone = client.create_rest_api(name="gone")["id"]
    client.delete_rest_api(restApiId=gone)
    assert [a["id"] for a in client.get_rest_apis()["items"]] == [keep]


def test_delete_rest_api_missing_is_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.delete_rest_api(restApiId="doesnotexi")
    # spec §2: [INF] same text as GetRestApi
    assert exc.value.response["Error"]["Message"] == f"Invalid API identifier specified {ACCOUNT_ID}:doesnotexi"


def test_delete_rest_api_removes_its_resources(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    client.delete_rest_api(restApiId=rest_api["id"])
    with pytest.raises(client.exceptions.NotFoundException):
        client.get_resource(restApiId=rest_api["id"], resourceId=resource["id"])


def test_delete_rest_api_leaves_other_apis_untouched(client: Any) -> None:
    keep = _body(client.create_rest_api(name="keep"))
    gone = client.create_rest_api(name="gone")["id"]
    client.delete_rest_api(restApiId=gone)
    assert _body(client.get_rest_api(restApiId=keep["id"])) == keep


# --- review details: cloneFrom, tags, PRIVATE endpoints, paging tokens ([INF]/[UNK] texts marked) ---------------------


def test_clone_from_copies_resources_methods_and_models_under_new_ids(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id = rest_api["id"]
    put_method(client, api_id, resource["id"], requestModels={"application/json": "Empty"})
    client.create_model(restApiId=api_id, name="Pet", contentType="application/json", schema="{}")
    clone = client.create_rest_api(name="clone", cloneFrom=api_id)
    assert clone["name"] == "clone"
    assert clone["id"] != api_id
    assert clone["rootResourceId"] != rest_api["rootResourceId"]
    items = {r["path"]: r for r in client.get_resources(restApiId=clone["id"], embed=["methods"])["items"]}
    assert set(items) == {"/", "/pets"}
    assert items["/pets"]["id"] != resource["id"]
    assert items["/pets"]["parentId"] == clone["rootResourceId"]
    assert items["/pets"]["resourceMethods"]["GET"]["requestModels"] == {"application/json": "Empty"}
    assert {m["name"] for m in client.get_models(restApiId=clone["id"])["items"]} == {"Empty", "Error", "Pet"}
    client.delete_resource(restApiId=clone["id"], resourceId=items["/pets"]["id"])
    assert client.get_resource(restApiId=api_id, resourceId=resource["id"])["path"] == "/pets"  # source untouched


def test_clone_and_source_change_independently(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    """Stored maps (methods, method and integration responses) are updated in place: a clone must own its own."""
    api_id, rid = rest_api["id"], resource["id"]
    target = {"resourceId": rid, "httpMethod": "GET"}
    put_method(client, api_id, rid)
    client.put_method_response(restApiId=api_id, **target, statusCode="200")
    client.put_integration(restApiId=api_id, **target, type="MOCK")
    client.put_integration_response(restApiId=api_id, **target, statusCode="200", selectionPattern="2..")
    clone_id = client.create_rest_api(name="clone", cloneFrom=api_id)["id"]
    clone_rid = next(r["id"] for r in client.get_resources(restApiId=clone_id)["items"] if r["path"] == "/pets")
    before = _body(client.get_method(restApiId=api_id, **target))
    clone_target = {"restApiId": clone_id, "resourceId": clone_rid, "httpMethod": "GET"}
    client.put_method_response(**clone_target, statusCode="404")
    client.put_integration_response(**clone_target, statusCode="404", selectionPattern="4..")
    patch = [{"op": "replace", "path": "/selectionPattern", "value": "20."}]
    client.update_integration_response(**clone_target, statusCode="200", patchOperations=patch)
    client.delete_method_response(**clone_target, statusCode="200")
    assert _body(client.get_method(restApiId=api_id, **target)) == before
    client.delete_integration_response(restApiId=api_id, **target, statusCode="200")
    clone = _body(client.get_method(**clone_target))
    assert set(clone["methodResponses"]) == {"404"}
    assert clone["methodIntegration"]["integrationResponses"] == {
        "200": {"statusCode": "200", "selectionPattern": "20."},
        "404": {"statusCode": "404", "selectionPattern": "4.."},
    }


def test_clone_from_missing_api_is_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.create_rest_api(name="clone", cloneFrom="doesnotexi")
    assert message_of(exc) == "Invalid API identifier specified 123456789012:doesnotexi"


def test_create_rest_api_empty_tags_are_omitted(client: Any) -> None:
    assert "tags" not in client.create_rest_api(name="api", tags={})


def test_create_rest_api_private_keeps_vpc_endpoint_ids(client: Any) -> None:
    config = {"types": ["PRIVATE"], "vpcEndpointIds": ["vpce-123"]}
    body = client.create_rest_api(name="api", endpointConfiguration=config)
    assert body["endpointConfiguration"] == {**config, "ipAddressType": "dualstack"}


def test_get_rest_apis_malformed_position_is_bad_request(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.get_rest_apis(position="not-a-token")
    # spec §7 [UNK]: AWS's text for a bad token is unrecorded
    assert message_of(exc) == "Invalid position parameter"
