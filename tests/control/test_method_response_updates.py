"""Black-box tests for UpdateMethodResponse (spec §1.1, §1.3, §2, §3.4, §4.1, §4.5).

UpdateMethodResponse is the one Update* operation that answers HTTP 201. Tests act on `GET /pets` with a method
response 200 built from the keyword arguments of `_setup`.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import (
    op_violation,
    put_method,
    raises_aws,
    status_code_violation,
    update_results,
    validation_message,
)
from tests.support.calls import aimed, bound

MY_HEADER = "method.response.header.my-header"
OTHER_HEADER = "method.response.header.other-header"
MEMBER = "updateMethodResponseInput.patchOperations"
JSON_MODEL = "/responseModels/application~1json"


def _setup(client: Any, api_id: str, resource_id: str, **method_response: Any) -> None:
    put_method(client, api_id, resource_id)
    client.put_method_response(
        restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode="200", **method_response
    )


# --- success: HTTP 201, the reply is the new method response, and a later GET agrees ----------------------------


test_update_result = update_results(
    _setup,
    aimed("update_method_response", raw=True, httpMethod="GET", statusCode="200"),
    aimed("get_method_response", httpMethod="GET", statusCode="200"),
    201,
    pytest.param(
        {},
        [{"op": "add", "path": f"/responseParameters/{MY_HEADER}", "value": "true"}],
        {"statusCode": "200", "responseParameters": {MY_HEADER: True}},
        id="add-response-parameter-with-boolean",
    ),
    pytest.param(
        {"responseParameters": {MY_HEADER: False}},
        [{"op": "replace", "path": f"/responseParameters/{MY_HEADER}", "value": "true"}],
        {"statusCode": "200", "responseParameters": {MY_HEADER: True}},
        id="replace-response-parameter-true",
    ),
    pytest.param(
        {"responseParameters": {MY_HEADER: True}},
        [{"op": "replace", "path": f"/responseParameters/{MY_HEADER}", "value": "nope"}],
        {"statusCode": "200", "responseParameters": {MY_HEADER: False}},
        id="replace-response-parameter-non-true-is-false",
    ),
    pytest.param(
        {},
        [{"op": "add", "path": JSON_MODEL, "value": "Empty"}],
        {"statusCode": "200", "responseModels": {"application/json": "Empty"}},
        id="add-response-model",
    ),
    pytest.param(
        {"responseModels": {"application/json": "Empty"}},
        [{"op": "replace", "path": JSON_MODEL, "value": "Error"}],
        {"statusCode": "200", "responseModels": {"application/json": "Error"}},
        id="replace-response-model",
    ),
    pytest.param(
        {"responseParameters": {MY_HEADER: True}, "responseModels": {"application/json": "Empty"}},
        [
            {"op": "remove", "path": f"/responseParameters/{MY_HEADER}", "value": "ignored"},
            {"op": "remove", "path": JSON_MODEL},
        ],
        {"statusCode": "200"},
        id="removing-last-entries-leaves-only-status-code",
    ),
    pytest.param(
        {"responseParameters": {MY_HEADER: True, OTHER_HEADER: False}},
        [{"op": "remove", "path": f"/responseParameters/{MY_HEADER}"}],
        {"statusCode": "200", "responseParameters": {OTHER_HEADER: False}},
        id="remove-one-parameter-keeps-the-other",
    ),
    pytest.param(
        {"responseParameters": {OTHER_HEADER: False}},
        [
            {"op": "add", "path": f"/responseParameters/{MY_HEADER}", "value": "true"},
            {"op": "add", "path": JSON_MODEL, "value": "Empty"},
        ],
        {
            "statusCode": "200",
            "responseParameters": {OTHER_HEADER: False, MY_HEADER: True},
            "responseModels": {"application/json": "Empty"},
        },
        id="update-response-equals-later-get",
    ),
    pytest.param(
        {"responseParameters": {MY_HEADER: True}},
        [],
        {"statusCode": "200", "responseParameters": {MY_HEADER: True}},
        id="empty-patch-unchanged-object",
    ),
    pytest.param(
        {},
        [
            {"op": "add", "path": f"/responseParameters/{MY_HEADER}", "value": "true"},
            {"op": "replace", "path": f"/responseParameters/{MY_HEADER}", "value": "false"},
            {"op": "add", "path": JSON_MODEL, "value": "Empty"},
            {"op": "remove", "path": JSON_MODEL},
        ],
        {"statusCode": "200", "responseParameters": {MY_HEADER: False}},
        id="ops-are-applied-in-order",
    ),
)


def test_failing_later_op_leaves_method_response_unchanged(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _setup(client, rest_api["id"], resource["id"], responseParameters={MY_HEADER: True})

    with raises_aws("NotFoundException"):
        ids.update_method_response(
            patchOperations=[
                {"op": "replace", "path": f"/responseParameters/{MY_HEADER}", "value": "false"},
                {"op": "remove", "path": f"/responseParameters/{OTHER_HEADER}"},
            ]
        )

    # spec §4.1 / §7.3: [UNK] recommended choice (all-or-nothing)
    assert ids.get_method_response() == {
        "statusCode": "200",
        "responseParameters": {MY_HEADER: True},
    }


# --- missing keys and bad paths -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setup", "op", "code", "message", "status"),
    [
        *(
            pytest.param(
                {"responseParameters": {OTHER_HEADER: True}},
                {"op": op, "path": f"/responseParameters/{MY_HEADER}", "value": "true"},
                "NotFoundException",
                "Invalid parameter name specified",
                404,
                id=f"missing-response-parameter-{op}",
            )
            for op in ("replace", "remove")
        ),
        *(
            pytest.param(
                {"responseModels": {"text/plain": "Empty"}},
                {"op": op, "path": JSON_MODEL, "value": "Empty"},
                "NotFoundException",
                "Content-Type specified was not found",
                None,
                id=f"missing-response-model-{op}",
            )
            for op in ("replace", "remove")
        ),
        pytest.param(
            {},
            {"op": "add", "path": f"/wrong/{MY_HEADER}", "value": "true"},
            "BadRequestException",
            f"Invalid patch path /wrong/{MY_HEADER}",
            None,
            id="unknown-top-path",
        ),
        # spec §4.1: [INF] for this operation
        pytest.param(
            {}, {"op": "add", "value": "true"}, "BadRequestException", "Invalid patch path null", None, id="no-path"
        ),
    ],
)
def test_rejected_op(
    client: Any,
    rest_api: dict,
    resource: dict,
    setup: dict[str, Any],
    op: dict[str, Any],
    code: str,
    message: str,
    status: int | None,
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _setup(client, rest_api["id"], resource["id"], **setup)

    with raises_aws(code, message, status):
        ids.update_method_response(patchOperations=[op])


@pytest.mark.parametrize("op", ["move", "copy", "test"])
def test_move_copy_test_are_rejected(client: Any, rest_api: dict, resource: dict, op: str) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _setup(client, rest_api["id"], resource["id"], responseParameters={MY_HEADER: True})

    # spec §4.1: [UNK] message text; only class and status are pinned
    with raises_aws("BadRequestException", status=400):
        ids.update_method_response(
            patchOperations=[
                {
                    "op": op,
                    "path": f"/responseParameters/{OTHER_HEADER}",
                    "from": f"/responseParameters/{MY_HEADER}",
                    "value": "true",
                }
            ]
        )


# --- ValidationException --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setup", "ops", "status_code", "message"),
    [
        pytest.param(
            {"responseParameters": {MY_HEADER: True}},
            [
                {"op": "wrong_op", "path": f"/responseParameters/{MY_HEADER}", "value": "true"},
                {"op": "remove", "path": f"/responseParameters/{MY_HEADER}"},
                {"op": "wrong_op", "path": f"/responseParameters/{MY_HEADER}", "value": "true"},
            ],
            "200",
            validation_message(op_violation(MEMBER, "wrong_op", 1), op_violation(MEMBER, "wrong_op", 3)),
            id="bad-ops-are-aggregated-and-valid-ops-skipped",
        ),
        pytest.param(
            {},
            [
                {"op": "add", "path": f"/responseParameters/{MY_HEADER}", "value": "true"},
                {"op": "bogus", "path": f"/responseParameters/{MY_HEADER}", "value": "true"},
            ],
            "200",
            validation_message(op_violation(MEMBER, "bogus", 2)),
            id="single-bad-op",
        ),
        pytest.param({}, [], "wrong", validation_message(status_code_violation("wrong")), id="bad-status-code"),
        pytest.param(
            {},
            [{"op": "wrong_op", "path": f"/responseParameters/{MY_HEADER}", "value": "true"}],
            "wrong",
            validation_message(op_violation(MEMBER, "wrong_op", 1), status_code_violation("wrong")),
            id="bad-status-code-and-bad-op-list-patch-operations-first",
        ),
    ],
)
def test_validation_exception_changes_nothing(
    client: Any,
    rest_api: dict,
    resource: dict,
    setup: dict[str, Any],
    ops: list[dict[str, Any]],
    status_code: str,
    message: str,
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode=status_code)
    _setup(client, rest_api["id"], resource["id"], **setup)

    with raises_aws("ValidationException", message, 400):
        ids.update_method_response(patchOperations=ops)

    assert bound(
        client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
    ).get_method_response() == {"statusCode": "200", **setup}


def test_bad_status_code_precedes_existence_checks(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="wrong")
    with raises_aws("ValidationException", status=400):
        ids.update_method_response(patchOperations=[])


# --- existence ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("with_method", "api_id", "resource_id", "status_code", "message"),
    [
        pytest.param(True, None, None, "404", "Invalid Response status code specified", id="missing-status-code"),
        pytest.param(False, None, None, "200", "Invalid Method identifier specified", id="missing-method"),
        pytest.param(False, None, "nores0", "200", "Invalid Resource identifier specified", id="missing-resource"),
        # spec §2: [INF]
        pytest.param(False, "noapi00000", "nores0", "200", "Invalid Resource identifier specified", id="missing-api"),
    ],
)
def test_not_found(
    client: Any,
    rest_api: dict,
    resource: dict,
    with_method: bool,
    api_id: str | None,
    resource_id: str | None,
    status_code: str,
    message: str,
) -> None:
    ids = bound(
        client,
        restApiId=api_id or rest_api["id"],
        resourceId=resource_id or resource["id"],
        httpMethod="GET",
        statusCode=status_code,
    )
    if with_method:
        _setup(client, rest_api["id"], resource["id"])

    with raises_aws("NotFoundException", message):
        ids.update_method_response(patchOperations=[])
