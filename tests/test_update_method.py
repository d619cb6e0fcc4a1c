"""Black-box tests for UpdateMethod (spec §1.1, §2, §3.3, §4.1, §4.4).

Most tests act on a bare `GET /pets` method with authorizationType NONE (no integration, no method responses).
"""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

OPTIONAL_Q = "method.request.querystring.optional"
BASE = {"httpMethod": "GET", "authorizationType": "NONE", "apiKeyRequired": False}
OP_ENUM = "Member must satisfy enum value set: [add, remove, move, test, replace, copy]"
ONLY_REPLACE = "Invalid patch operation specified. Must be one of: [replace]"
AUTHORIZER_REQUIRED = (
    "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS "
    "requires a valid authorizer."
)


def _body(resp: dict[str, Any]) -> dict[str, Any]:
    """The response without its ResponseMetadata."""
    return {key: value for key, value in resp.items() if key != "ResponseMetadata"}


def _put_get(client: Any, api_id: str, resource_id: str, **kwargs: Any) -> None:
    client.put_method(restApiId=api_id, resourceId=resource_id, httpMethod="GET", authorizationType="NONE", **kwargs)


def _update(
    client: Any, api_id: str, resource_id: str, ops: list[dict[str, Any]], http_method: str = "GET"
) -> dict[str, Any]:
    return client.update_method(restApiId=api_id, resourceId=resource_id, httpMethod=http_method, patchOperations=ops)


def _get(client: Any, api_id: str, resource_id: str) -> dict[str, Any]:
    return _body(client.get_method(restApiId=api_id, resourceId=resource_id, httpMethod="GET"))


# --- maps -----------------------------------------------------------------------------------------------------


def test_add_request_parameter_true_is_stored_as_boolean(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "add", "path": f"/requestParameters/{OPTIONAL_Q}", "value": "true"}],
    )

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert _body(resp) == {**BASE, "requestParameters": {OPTIONAL_Q: True}}


def test_replace_request_parameter_false(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"], requestParameters={OPTIONAL_Q: True})

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "replace", "path": f"/requestParameters/{OPTIONAL_Q}", "value": "false"}],
    )

    assert _body(resp) == {**BASE, "requestParameters": {OPTIONAL_Q: False}}


def test_add_request_model(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "add", "path": "/requestModels/application~1json", "value": "Empty"}],
    )

    assert _body(resp) == {**BASE, "requestModels": {"application/json": "Empty"}}


def test_removing_last_parameter_and_model_drops_both_keys(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(
        client,
        rest_api["id"],
        resource["id"],
        requestParameters={OPTIONAL_Q: True},
        requestModels={"application/json": "Empty"},
    )

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [
            {"op": "remove", "path": f"/requestParameters/{OPTIONAL_Q}"},
            {"op": "remove", "path": "/requestModels/application~1json"},
        ],
    )

    assert _body(resp) == BASE
    assert _get(client, rest_api["id"], resource["id"]) == BASE


def test_remove_missing_request_parameter_is_not_found(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": "remove", "path": f"/requestParameters/{OPTIONAL_Q}"}])

    # spec §4.1: [UNK] recommended choice for *Parameters maps
    assert exc.value.response["Error"]["Message"] == "Invalid parameter name specified"


def test_remove_missing_request_model_is_not_found(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": "remove", "path": "/requestModels/application~1json"}])

    # spec §4.1: [UNK] recommended choice for *Models maps
    assert exc.value.response["Error"]["Message"] == "Content-Type specified was not found"


def test_add_request_model_with_unknown_model_is_bad_request(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [{"op": "add", "path": "/requestModels/application~1json", "value": "petModel"}],
        )

    # spec §4.4: [INF] from PutMethod
    assert exc.value.response["Error"]["Message"] == "Invalid model identifier specified: petModel"


def test_bare_request_parameters_path_is_invalid(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(
            client, rest_api["id"], resource["id"], [{"op": "replace", "path": "/requestParameters", "value": "true"}]
        )

    assert exc.value.response["Error"]["Message"] == "Invalid patch path /requestParameters"


def test_unescaped_model_content_type_is_invalid_path(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [{"op": "add", "path": "/requestModels/application/json", "value": "Empty"}],
        )

    assert exc.value.response["Error"]["Message"] == "Invalid patch path /requestModels/application/json"


# --- scalar paths ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("false", False), ("whatever", False)])
def test_replace_api_key_required_parses_boolean(
    client: Any, rest_api: dict, resource: dict, value: str, expected: bool
) -> None:
    # Start from the opposite value so that an ignored patch cannot pass.
    _put_get(client, rest_api["id"], resource["id"], apiKeyRequired=not expected)

    resp = _update(
        client, rest_api["id"], resource["id"], [{"op": "replace", "path": "/apiKeyRequired", "value": value}]
    )

    assert _body(resp) == {**BASE, "apiKeyRequired": expected}


def test_replace_api_key_required_is_case_insensitive(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    resp = _update(
        client, rest_api["id"], resource["id"], [{"op": "replace", "path": "/apiKeyRequired", "value": "TRUE"}]
    )

    # spec §4.1: [INF] case-insensitive parseBoolean
    assert _body(resp)["apiKeyRequired"] is True


def test_replace_authorization_type_aws_iam(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    resp = _update(
        client, rest_api["id"], resource["id"], [{"op": "replace", "path": "/authorizationType", "value": "AWS_IAM"}]
    )

    assert _body(resp) == {**BASE, "authorizationType": "AWS_IAM"}


@pytest.mark.parametrize(
    "ops",
    [
        [{"op": "replace", "path": "/authorizationType", "value": "CUSTOM"}],
        [
            {"op": "replace", "path": "/authorizationType", "value": "CUSTOM"},
            {"op": "replace", "path": "/authorizerId", "value": "nosuch"},
        ],
    ],
    ids=["alone", "with-invalid-authorizer-id"],
)
def test_custom_authorization_without_valid_authorizer_is_bad_request(
    client: Any, rest_api: dict, resource: dict, ops: list[dict[str, Any]]
) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], ops)

    assert exc.value.response["Error"]["Message"] == AUTHORIZER_REQUIRED


def test_replace_authorizer_id_on_none_authorization_is_ignored(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    resp = _update(
        client, rest_api["id"], resource["id"], [{"op": "replace", "path": "/authorizerId", "value": "abc123"}]
    )

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert _body(resp) == BASE


def test_replace_unknown_request_validator_is_bad_request(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [{"op": "replace", "path": "/requestValidatorId", "value": "nosuch"}],
        )

    assert exc.value.response["Error"]["Message"] == "Invalid Request Validator identifier specified"


def test_replace_operation_name(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    resp = _update(
        client, rest_api["id"], resource["id"], [{"op": "replace", "path": "/operationName", "value": "ListPets"}]
    )

    assert _body(resp) == {**BASE, "operationName": "ListPets"}


@pytest.mark.parametrize("path", ["/operationName", "/requestValidatorId"])
def test_add_on_replace_only_path_is_bad_request(client: Any, rest_api: dict, resource: dict, path: str) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": "add", "path": path, "value": "nosuch"}])

    assert exc.value.response["Error"]["Message"] == ONLY_REPLACE


def test_add_http_method_is_invalid_path(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": "add", "path": "/httpMethod", "value": "POST"}])

    assert exc.value.response["Error"]["Message"] == "Invalid patch path /httpMethod"


# --- op semantics ---------------------------------------------------------------------------------------------


def test_update_response_equals_later_get(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [
            {"op": "replace", "path": "/operationName", "value": "ListPets"},
            {"op": "add", "path": f"/requestParameters/{OPTIONAL_Q}", "value": "true"},
            {"op": "replace", "path": "/apiKeyRequired", "value": "true"},
        ],
    )

    assert _body(resp) == _get(client, rest_api["id"], resource["id"])
    assert _body(resp) == {
        **BASE,
        "apiKeyRequired": True,
        "operationName": "ListPets",
        "requestParameters": {OPTIONAL_Q: True},
    }


def test_ops_are_applied_in_order(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [
            {"op": "add", "path": f"/requestParameters/{OPTIONAL_Q}", "value": "true"},
            {"op": "replace", "path": f"/requestParameters/{OPTIONAL_Q}", "value": "false"},
        ],
    )

    assert _body(resp) == {**BASE, "requestParameters": {OPTIONAL_Q: False}}


def test_failing_later_op_leaves_method_unchanged(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException):
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [
                {"op": "replace", "path": "/operationName", "value": "ListPets"},
                {"op": "replace", "path": "/requestValidatorId", "value": "nosuch"},
            ],
        )

    # spec §4.1 / §7.3: [UNK] recommended choice (all-or-nothing)
    assert _get(client, rest_api["id"], resource["id"]) == BASE


# --- errors ---------------------------------------------------------------------------------------------------


def test_bad_op_is_validation_exception(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    with pytest.raises(ClientError) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": "bogus", "path": "/operationName", "value": "x"}])

    assert exc.value.response["Error"]["Code"] == "ValidationException"
    # spec §4.1: [INF] member naming for this operation
    assert exc.value.response["Error"]["Message"] == (
        "1 validation error detected: Value 'bogus' at 'updateMethodInput.patchOperations.1.member.op' "
        f"failed to satisfy constraint: {OP_ENUM}"
    )
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_missing_path_is_bad_request(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": "replace", "value": "x"}])

    # spec §4.1: [INF] for this operation
    assert exc.value.response["Error"]["Message"] == "Invalid patch path null"


def test_unknown_path_is_bad_request(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": "replace", "path": "/foo", "value": "x"}])

    assert exc.value.response["Error"]["Message"] == "Invalid patch path /foo"


def test_missing_api_is_not_found_with_empty_ops(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, "noapi00000", "nores0", [])

    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_missing_resource_is_not_found_with_empty_ops(client: Any, rest_api: dict) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, rest_api["id"], "nores0", [])

    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"


def test_missing_method_is_not_found(client: Any, rest_api: dict, resource: dict) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": "replace", "path": "/operationName", "value": "x"}])

    assert exc.value.response["Error"]["Message"] == "Invalid Method identifier specified"


def test_invalid_verb_in_uri_is_method_not_found(client: Any, rest_api: dict, resource: dict) -> None:
    _put_get(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, rest_api["id"], resource["id"], [], http_method="WRONG")

    assert exc.value.response["Error"]["Message"] == "Invalid Method identifier specified"
