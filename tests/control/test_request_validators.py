"""Request validators through boto3 (spec control-plane-2 §6): Create's defaults, Get/Get…s, the
UpdateRequestValidator table, Delete, and PutMethod/UpdateMethod naming one."""

from __future__ import annotations

from typing import Any

import pytest

from apigw_mock.domain.request_validator import RequestValidator
from apigw_mock.exceptions import ApiGatewayError
from apigw_mock.patch import apply_patch
from tests.helpers import body, put_method, raises_aws

INVALID_VALIDATOR = "Invalid Request Validator identifier specified"


def test_create_request_validator_defaults_both_flags_to_false(client: Any, rest_api: dict[str, Any]) -> None:
    resp = client.create_request_validator(restApiId=rest_api["id"], name="body-only")

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    created = body(resp)
    assert len(created["id"]) == 6
    assert created == {
        "id": created["id"],
        "name": "body-only",
        "validateRequestBody": False,
        "validateRequestParameters": False,
    }


def test_create_request_validator_needs_no_name(client: Any, rest_api: dict[str, Any]) -> None:
    created = body(client.create_request_validator(restApiId=rest_api["id"], validateRequestBody=True))

    assert created == {"id": created["id"], "validateRequestBody": True, "validateRequestParameters": False}


def test_create_request_validator_on_a_missing_api(client: Any) -> None:
    with raises_aws("BadRequestException", "Invalid REST API identifier specified", 400):
        client.create_request_validator(restApiId="doesnotexi", name="v")


def test_get_request_validators_lists_and_pages(client: Any, rest_api: dict[str, Any]) -> None:
    ids = [client.create_request_validator(restApiId=rest_api["id"], name=f"v{n}")["id"] for n in range(3)]

    first = client.get_request_validators(restApiId=rest_api["id"], limit=2)
    rest = client.get_request_validators(restApiId=rest_api["id"], position=first["position"])

    assert [v["id"] for v in first["items"] + rest["items"]] == ids
    assert "position" not in rest
    with raises_aws("NotFoundException", "Invalid API identifier specified 123456789012:doesnotexi", 404):
        client.get_request_validators(restApiId="doesnotexi")


def test_missing_request_validator(client: Any, rest_api: dict[str, Any]) -> None:
    for call in (client.get_request_validator, client.delete_request_validator, client.update_request_validator):
        with raises_aws("NotFoundException", INVALID_VALIDATOR, 404):
            call(restApiId=rest_api["id"], requestValidatorId="nope00")


def test_update_request_validator_answers_what_get_shows(client: Any, rest_api: dict[str, Any]) -> None:
    created = body(client.create_request_validator(restApiId=rest_api["id"], name="v"))

    updated = body(
        client.update_request_validator(
            restApiId=rest_api["id"],
            requestValidatorId=created["id"],
            patchOperations=[
                {"op": "replace", "path": "/name", "value": "both"},
                {"op": "replace", "path": "/validateRequestBody", "value": "TRUE"},
                {"op": "replace", "path": "/validateRequestParameters", "value": "true"},
            ],
        )
    )

    assert updated == {**created, "name": "both", "validateRequestBody": True, "validateRequestParameters": True}
    assert body(client.get_request_validator(restApiId=rest_api["id"], requestValidatorId=created["id"])) == updated


VALIDATOR = RequestValidator(id="v1v1v1", name="v", validate_request_body=True)
TABLE: dict[str, tuple[list[dict[str, Any]], dict[str, Any] | str]] = {
    "flag without a value is false (core §4.1, recorded)": (
        [{"op": "replace", "path": "/validateRequestBody"}],
        {"validateRequestBody": False},
    ),
    "flag with junk is false": (
        [{"op": "replace", "path": "/validateRequestParameters", "value": "yes"}],
        {"validateRequestParameters": False},
    ),
    "remove a flag's path": (
        [{"op": "remove", "path": "/validateRequestBody"}],
        "Invalid patch operation specified. Must be one of: [replace]",
    ),
    "unknown path": ([{"op": "replace", "path": "/id", "value": "x"}], "Invalid patch path /id"),
    "path missing": ([{"op": "replace"}], "Invalid patch path null"),
}


@pytest.mark.parametrize(("ops", "expected"), TABLE.values(), ids=TABLE.keys())
def test_update_request_validator_table(ops: list[dict[str, Any]], expected: dict[str, Any] | str) -> None:
    if isinstance(expected, str):
        with pytest.raises(ApiGatewayError) as caught:
            apply_patch(VALIDATOR, ops)
        assert caught.value.message == expected
        return
    assert apply_patch(VALIDATOR, ops) == VALIDATOR.model_copy(update={_field(key): v for key, v in expected.items()})


def _field(alias: str) -> str:
    return next(name for name, info in RequestValidator.model_fields.items() if info.encode_name == alias)


def test_delete_request_validator_answers_202(client: Any, rest_api: dict[str, Any]) -> None:
    created = client.create_request_validator(restApiId=rest_api["id"], name="v")

    resp = client.delete_request_validator(restApiId=rest_api["id"], requestValidatorId=created["id"])

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert client.get_request_validators(restApiId=rest_api["id"])["items"] == []


def test_methods_name_request_validators(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    validator = client.create_request_validator(restApiId=rest_api["id"], name="v")["id"]
    ids = {"restApiId": rest_api["id"], "resourceId": resource["id"], "httpMethod": "GET"}

    assert put_method(client, rest_api["id"], resource["id"], requestValidatorId=validator)["requestValidatorId"] == (
        validator
    )
    with raises_aws("BadRequestException", INVALID_VALIDATOR, 400):
        put_method(client, rest_api["id"], resource["id"], "POST", requestValidatorId="nope00")
    with raises_aws("BadRequestException", INVALID_VALIDATOR, 400):
        client.update_method(**ids, patchOperations=[{"op": "replace", "path": "/requestValidatorId", "value": "x"}])
    other = client.create_request_validator(restApiId=rest_api["id"], name="w")["id"]
    updated = client.update_method(
        **ids, patchOperations=[{"op": "replace", "path": "/requestValidatorId", "value": other}]
    )
    assert updated["requestValidatorId"] == other


def test_deleting_a_validator_a_method_names_is_allowed(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    validator = client.create_request_validator(restApiId=rest_api["id"], name="v")["id"]
    put_method(client, rest_api["id"], resource["id"], requestValidatorId=validator)

    client.delete_request_validator(restApiId=rest_api["id"], requestValidatorId=validator)  # [UNK → §18.11]

    method = client.get_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert method["requestValidatorId"] == validator  # the dangling id stays, validating nothing
