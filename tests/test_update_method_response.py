"""Black-box tests for UpdateMethodResponse (spec §1.1, §1.3, §2, §3.4, §4.1, §4.5).

UpdateMethodResponse is the one Update* operation that answers HTTP 201. Tests act on `GET /pets` with a method
response 200 built from the keyword arguments of `_setup`.
"""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

MY_HEADER = "method.response.header.my-header"
OTHER_HEADER = "method.response.header.other-header"
OP_ENUM = "Member must satisfy enum value set: [add, remove, move, test, replace, copy]"
STATUS_CONSTRAINT = r"Member must satisfy regular expression pattern: [1-5]\d\d"
MEMBER = "updateMethodResponseInput.patchOperations"


def _body(resp: dict[str, Any]) -> dict[str, Any]:
    """The response without its ResponseMetadata."""
    return {key: value for key, value in resp.items() if key != "ResponseMetadata"}


def _setup(client: Any, api_id: str, resource_id: str, **method_response: Any) -> None:
    client.put_method(restApiId=api_id, resourceId=resource_id, httpMethod="GET", authorizationType="NONE")
    client.put_method_response(
        restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode="200", **method_response
    )


def _update(
    client: Any, api_id: str, resource_id: str, ops: list[dict[str, Any]], status_code: str = "200"
) -> dict[str, Any]:
    return client.update_method_response(
        restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode=status_code, patchOperations=ops
    )


def _get(client: Any, api_id: str, resource_id: str) -> dict[str, Any]:
    return _body(
        client.get_method_response(restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode="200")
    )


# --- success --------------------------------------------------------------------------------------------------


def test_add_response_parameter_answers_201_with_boolean(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "add", "path": f"/responseParameters/{MY_HEADER}", "value": "true"}],
    )

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert _body(resp) == {"statusCode": "200", "responseParameters": {MY_HEADER: True}}


def test_replace_response_parameter_true(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], responseParameters={MY_HEADER: False})

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "replace", "path": f"/responseParameters/{MY_HEADER}", "value": "true"}],
    )

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert _body(resp) == {"statusCode": "200", "responseParameters": {MY_HEADER: True}}


def test_replace_response_parameter_non_true_is_false(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], responseParameters={MY_HEADER: True})

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "replace", "path": f"/responseParameters/{MY_HEADER}", "value": "nope"}],
    )

    assert _body(resp) == {"statusCode": "200", "responseParameters": {MY_HEADER: False}}


def test_add_response_model(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "add", "path": "/responseModels/application~1json", "value": "Empty"}],
    )

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert _body(resp) == {"statusCode": "200", "responseModels": {"application/json": "Empty"}}


def test_replace_response_model(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], responseModels={"application/json": "Empty"})

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "replace", "path": "/responseModels/application~1json", "value": "Error"}],
    )

    assert _body(resp) == {"statusCode": "200", "responseModels": {"application/json": "Error"}}


def test_removing_last_entries_leaves_only_status_code(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(
        client,
        rest_api["id"],
        resource["id"],
        responseParameters={MY_HEADER: True},
        responseModels={"application/json": "Empty"},
    )

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [
            {"op": "remove", "path": f"/responseParameters/{MY_HEADER}", "value": "ignored"},
            {"op": "remove", "path": "/responseModels/application~1json"},
        ],
    )

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert _body(resp) == {"statusCode": "200"}
    assert _get(client, rest_api["id"], resource["id"]) == {"statusCode": "200"}


def test_remove_one_parameter_keeps_the_other(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], responseParameters={MY_HEADER: True, OTHER_HEADER: False})

    resp = _update(
        client, rest_api["id"], resource["id"], [{"op": "remove", "path": f"/responseParameters/{MY_HEADER}"}]
    )

    assert _body(resp) == {"statusCode": "200", "responseParameters": {OTHER_HEADER: False}}


def test_update_response_equals_later_get(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], responseParameters={OTHER_HEADER: False})

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [
            {"op": "add", "path": f"/responseParameters/{MY_HEADER}", "value": "true"},
            {"op": "add", "path": "/responseModels/application~1json", "value": "Empty"},
        ],
    )

    assert _body(resp) == _get(client, rest_api["id"], resource["id"])
    assert _body(resp) == {
        "statusCode": "200",
        "responseParameters": {OTHER_HEADER: False, MY_HEADER: True},
        "responseModels": {"application/json": "Empty"},
    }


def test_empty_patch_answers_201_with_unchanged_object(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], responseParameters={MY_HEADER: True})

    resp = _update(client, rest_api["id"], resource["id"], [])

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert _body(resp) == {"statusCode": "200", "responseParameters": {MY_HEADER: True}}


def test_ops_are_applied_in_order(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [
            {"op": "add", "path": f"/responseParameters/{MY_HEADER}", "value": "true"},
            {"op": "replace", "path": f"/responseParameters/{MY_HEADER}", "value": "false"},
            {"op": "add", "path": "/responseModels/application~1json", "value": "Empty"},
            {"op": "remove", "path": "/responseModels/application~1json"},
        ],
    )

    assert _body(resp) == {"statusCode": "200", "responseParameters": {MY_HEADER: False}}


def test_failing_later_op_leaves_method_response_unchanged(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], responseParameters={MY_HEADER: True})

    with pytest.raises(client.exceptions.NotFoundException):
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [
                {"op": "replace", "path": f"/responseParameters/{MY_HEADER}", "value": "false"},
                {"op": "remove", "path": f"/responseParameters/{OTHER_HEADER}"},
            ],
        )

    # spec §4.1 / §7.3: [UNK] recommended choice (all-or-nothing)
    assert _get(client, rest_api["id"], resource["id"]) == {
        "statusCode": "200",
        "responseParameters": {MY_HEADER: True},
    }


# --- missing keys and bad paths -------------------------------------------------------------------------------


@pytest.mark.parametrize("op", ["replace", "remove"])
def test_missing_response_parameter_is_not_found(client: Any, rest_api: dict, resource: dict, op: str) -> None:
    _setup(client, rest_api["id"], resource["id"], responseParameters={OTHER_HEADER: True})

    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [{"op": op, "path": f"/responseParameters/{MY_HEADER}", "value": "true"}],
        )

    assert exc.value.response["Error"]["Message"] == "Invalid parameter name specified"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


@pytest.mark.parametrize("op", ["replace", "remove"])
def test_missing_response_model_is_not_found(client: Any, rest_api: dict, resource: dict, op: str) -> None:
    _setup(client, rest_api["id"], resource["id"], responseModels={"text/plain": "Empty"})

    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [{"op": op, "path": "/responseModels/application~1json", "value": "Empty"}],
        )

    assert exc.value.response["Error"]["Message"] == "Content-Type specified was not found"


def test_unknown_top_path_is_bad_request(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": "add", "path": f"/wrong/{MY_HEADER}", "value": "true"}])

    assert exc.value.response["Error"]["Message"] == f"Invalid patch path /wrong/{MY_HEADER}"


def test_missing_path_is_bad_request(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": "add", "value": "true"}])

    # spec §4.1: [INF] for this operation
    assert exc.value.response["Error"]["Message"] == "Invalid patch path null"


@pytest.mark.parametrize("op", ["move", "copy", "test"])
def test_move_copy_test_are_rejected(client: Any, rest_api: dict, resource: dict, op: str) -> None:
    _setup(client, rest_api["id"], resource["id"], responseParameters={MY_HEADER: True})

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [
                {
                    "op": op,
                    "path": f"/responseParameters/{OTHER_HEADER}",
                    "from": f"/responseParameters/{MY_HEADER}",
                    "value": "true",
                }
            ],
        )

    # spec §4.1: [UNK] message text; only class and status are pinned
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


# --- ValidationException --------------------------------------------------------------------------------------


def test_bad_ops_are_aggregated_and_valid_ops_skipped(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], responseParameters={MY_HEADER: True})

    with pytest.raises(ClientError) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [
                {"op": "wrong_op", "path": f"/responseParameters/{MY_HEADER}", "value": "true"},
                {"op": "remove", "path": f"/responseParameters/{MY_HEADER}"},
                {"op": "wrong_op", "path": f"/responseParameters/{MY_HEADER}", "value": "true"},
            ],
        )

    assert exc.value.response["Error"]["Code"] == "ValidationException"
    assert exc.value.response["Error"]["Message"] == (
        f"2 validation errors detected: Value 'wrong_op' at '{MEMBER}.1.member.op' failed to satisfy constraint: "
        f"{OP_ENUM}; Value 'wrong_op' at '{MEMBER}.3.member.op' failed to satisfy constraint: {OP_ENUM}"
    )
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert _get(client, rest_api["id"], resource["id"]) == {
        "statusCode": "200",
        "responseParameters": {MY_HEADER: True},
    }


def test_single_bad_op_is_validation_exception(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(ClientError) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [
                {"op": "add", "path": f"/responseParameters/{MY_HEADER}", "value": "true"},
                {"op": "bogus", "path": f"/responseParameters/{MY_HEADER}", "value": "true"},
            ],
        )

    assert exc.value.response["Error"]["Code"] == "ValidationException"
    assert exc.value.response["Error"]["Message"] == (
        f"1 validation error detected: Value 'bogus' at '{MEMBER}.2.member.op' failed to satisfy constraint: {OP_ENUM}"
    )


def test_bad_status_code_is_validation_exception(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(ClientError) as exc:
        _update(client, rest_api["id"], resource["id"], [], status_code="wrong")

    assert exc.value.response["Error"]["Code"] == "ValidationException"
    assert exc.value.response["Error"]["Message"] == (
        f"1 validation error detected: Value 'wrong' at 'statusCode' failed to satisfy constraint: {STATUS_CONSTRAINT}"
    )


def test_bad_status_code_and_bad_op_list_patch_operations_first(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(ClientError) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [{"op": "wrong_op", "path": f"/responseParameters/{MY_HEADER}", "value": "true"}],
            status_code="wrong",
        )

    assert exc.value.response["Error"]["Code"] == "ValidationException"
    assert exc.value.response["Error"]["Message"] == (
        f"2 validation errors detected: Value 'wrong_op' at '{MEMBER}.1.member.op' failed to satisfy constraint: "
        f"{OP_ENUM}; Value 'wrong' at 'statusCode' failed to satisfy constraint: {STATUS_CONSTRAINT}"
    )


def test_bad_status_code_precedes_existence_checks(client: Any, rest_api: dict, resource: dict) -> None:
    with pytest.raises(ClientError) as exc:
        _update(client, rest_api["id"], resource["id"], [], status_code="wrong")

    assert exc.value.response["Error"]["Code"] == "ValidationException"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


# --- existence ------------------------------------------------------------------------------------------------


def test_missing_status_code_is_not_found(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, rest_api["id"], resource["id"], [], status_code="404")

    assert exc.value.response["Error"]["Message"] == "Invalid Response status code specified"


def test_missing_method_is_not_found(client: Any, rest_api: dict, resource: dict) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, rest_api["id"], resource["id"], [])

    assert exc.value.response["Error"]["Message"] == "Invalid Method identifier specified"


def test_missing_resource_is_not_found(client: Any, rest_api: dict) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, rest_api["id"], "nores0", [])

    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"


def test_missing_api_is_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, "noapi00000", "nores0", [])

    # spec §2: [INF]
    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"
