"""Black-box tests for UpdateMethod (spec §1.1, §2, §3.3, §4.1, §4.4).

Most tests act on a bare `GET /pets` method with authorizationType NONE (no integration, no method responses).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import (
    HTTP_STATUS,
    ONLY_REPLACE,
    body,
    op_violation,
    put_method,
    raises_aws,
    update_results,
    validation_message,
)
from tests.support.calls import aimed, bound

OPTIONAL_Q = "method.request.querystring.optional"
BASE = {"httpMethod": "GET", "authorizationType": "NONE", "apiKeyRequired": False}
JSON_MODEL = "/requestModels/application~1json"
AUTHORIZER_REQUIRED = (
    "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS "
    "requires a valid authorizer."
)


# --- successful updates: HTTP 200, the reply is the new method, and a later GET agrees --------------------------


test_update_result = update_results(
    put_method,
    aimed("update_method", raw=True, httpMethod="GET"),
    aimed("get_method", httpMethod="GET"),
    200,
    pytest.param(
        {},
        [{"op": "add", "path": f"/requestParameters/{OPTIONAL_Q}", "value": "true"}],
        {**BASE, "requestParameters": {OPTIONAL_Q: True}},
        id="add-request-parameter-true-is-stored-as-boolean",
    ),
    pytest.param(
        {"requestParameters": {OPTIONAL_Q: True}},
        [{"op": "replace", "path": f"/requestParameters/{OPTIONAL_Q}", "value": "false"}],
        {**BASE, "requestParameters": {OPTIONAL_Q: False}},
        id="replace-request-parameter-false",
    ),
    pytest.param(
        {},
        [{"op": "add", "path": JSON_MODEL, "value": "Empty"}],
        {**BASE, "requestModels": {"application/json": "Empty"}},
        id="add-request-model",
    ),
    pytest.param(
        {"requestParameters": {OPTIONAL_Q: True}, "requestModels": {"application/json": "Empty"}},
        [
            {"op": "remove", "path": f"/requestParameters/{OPTIONAL_Q}"},
            {"op": "remove", "path": JSON_MODEL},
        ],
        BASE,
        id="removing-last-parameter-and-model-drops-both-keys",
    ),
    pytest.param(
        {},
        [{"op": "replace", "path": "/authorizationType", "value": "AWS_IAM"}],
        {**BASE, "authorizationType": "AWS_IAM"},
        id="replace-authorization-type-aws-iam",
    ),
    pytest.param(
        {},
        [{"op": "replace", "path": "/authorizerId", "value": "abc123"}],
        BASE,
        id="replace-authorizer-id-on-none-authorization-is-ignored",
    ),
    pytest.param(
        {},
        [{"op": "replace", "path": "/operationName", "value": "ListPets"}],
        {**BASE, "operationName": "ListPets"},
        id="replace-operation-name",
    ),
    pytest.param(
        {},
        [
            {"op": "replace", "path": "/operationName", "value": "ListPets"},
            {"op": "add", "path": f"/requestParameters/{OPTIONAL_Q}", "value": "true"},
            {"op": "replace", "path": "/apiKeyRequired", "value": "true"},
        ],
        {**BASE, "apiKeyRequired": True, "operationName": "ListPets", "requestParameters": {OPTIONAL_Q: True}},
        id="update-response-equals-later-get",
    ),
    pytest.param(
        {},
        [
            {"op": "add", "path": f"/requestParameters/{OPTIONAL_Q}", "value": "true"},
            {"op": "replace", "path": f"/requestParameters/{OPTIONAL_Q}", "value": "false"},
        ],
        {**BASE, "requestParameters": {OPTIONAL_Q: False}},
        id="ops-are-applied-in-order",
    ),
)


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("false", False), ("whatever", False)])
def test_replace_api_key_required_parses_boolean(
    client: Any, rest_api: dict, resource: dict, value: str, expected: bool
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    # Start from the opposite value so that an ignored patch cannot pass.
    put_method(client, rest_api["id"], resource["id"], apiKeyRequired=not expected)

    resp = ids.raw.update_method(patchOperations=[{"op": "replace", "path": "/apiKeyRequired", "value": value}])

    assert body(resp) == {**BASE, "apiKeyRequired": expected}


def test_replace_api_key_required_is_case_insensitive(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    put_method(client, rest_api["id"], resource["id"])

    resp = ids.raw.update_method(patchOperations=[{"op": "replace", "path": "/apiKeyRequired", "value": "TRUE"}])

    # spec §4.1: [INF] case-insensitive parseBoolean
    assert body(resp)["apiKeyRequired"] is True


# --- rejected patches (on a bare GET method) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ops", "code", "message"),
    [
        # spec §4.1: [UNK] recommended choice for *Parameters maps
        pytest.param(
            [{"op": "remove", "path": f"/requestParameters/{OPTIONAL_Q}"}],
            "NotFoundException",
            "Invalid parameter name specified",
            id="remove-missing-request-parameter",
        ),
        # spec §4.1: [UNK] recommended choice for *Models maps
        pytest.param(
            [{"op": "remove", "path": JSON_MODEL}],
            "NotFoundException",
            "Content-Type specified was not found",
            id="remove-missing-request-model",
        ),
        # spec §4.4: [INF] from PutMethod
        pytest.param(
            [{"op": "add", "path": JSON_MODEL, "value": "petModel"}],
            "BadRequestException",
            "Invalid model identifier specified: petModel",
            id="add-request-model-with-unknown-model",
        ),
        pytest.param(
            [{"op": "replace", "path": "/requestParameters", "value": "true"}],
            "BadRequestException",
            "Invalid patch path /requestParameters",
            id="bare-request-parameters-path",
        ),
        pytest.param(
            [{"op": "add", "path": "/requestModels/application/json", "value": "Empty"}],
            "BadRequestException",
            "Invalid patch path /requestModels/application/json",
            id="unescaped-model-content-type",
        ),
        pytest.param(
            [{"op": "replace", "path": "/authorizationType", "value": "CUSTOM"}],
            "BadRequestException",
            AUTHORIZER_REQUIRED,
            id="custom-authorization-alone",
        ),
        pytest.param(
            [
                {"op": "replace", "path": "/authorizationType", "value": "CUSTOM"},
                {"op": "replace", "path": "/authorizerId", "value": "nosuch"},
            ],
            "BadRequestException",
            AUTHORIZER_REQUIRED,
            id="custom-authorization-with-invalid-authorizer-id",
        ),
        pytest.param(
            [{"op": "replace", "path": "/requestValidatorId", "value": "nosuch"}],
            "BadRequestException",
            "Invalid Request Validator identifier specified",
            id="replace-unknown-request-validator",
        ),
        *(
            pytest.param(
                [{"op": "add", "path": path, "value": "nosuch"}],
                "BadRequestException",
                ONLY_REPLACE,
                id=f"add-on-replace-only-path-{path}",
            )
            for path in ("/operationName", "/requestValidatorId")
        ),
        pytest.param(
            [{"op": "add", "path": "/httpMethod", "value": "POST"}],
            "BadRequestException",
            "Invalid patch path /httpMethod",
            id="add-http-method",
        ),
        # spec §4.1: [INF] member naming for this operation
        pytest.param(
            [{"op": "bogus", "path": "/operationName", "value": "x"}],
            "ValidationException",
            validation_message(op_violation("updateMethodInput.patchOperations", "bogus", 1)),
            id="bad-op",
        ),
        # spec §4.1: [INF] for this operation
        pytest.param([{"op": "replace", "value": "x"}], "BadRequestException", "Invalid patch path null", id="no-path"),
        pytest.param(
            [{"op": "replace", "path": "/foo", "value": "x"}],
            "BadRequestException",
            "Invalid patch path /foo",
            id="unknown-path",
        ),
    ],
)
def test_rejected_patch(
    client: Any, rest_api: dict, resource: dict, ops: list[dict[str, Any]], code: str, message: str
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    put_method(client, rest_api["id"], resource["id"])

    with raises_aws(code, message, HTTP_STATUS[code]):
        ids.update_method(patchOperations=ops)


def test_failing_later_op_leaves_method_unchanged(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    put_method(client, rest_api["id"], resource["id"])

    with raises_aws("BadRequestException"):
        ids.update_method(
            patchOperations=[
                {"op": "replace", "path": "/operationName", "value": "ListPets"},
                {"op": "replace", "path": "/requestValidatorId", "value": "nosuch"},
            ]
        )

    # spec §4.1 / §7.3: [UNK] recommended choice (all-or-nothing)
    assert ids.get_method() == BASE


# --- existence ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("with_method", "api_id", "resource_id", "verb", "ops", "message", "status"),
    [
        pytest.param(
            False, "noapi00000", "nores0", "GET", [], "Invalid Resource identifier specified", 404, id="missing-api"
        ),
        pytest.param(
            False, None, "nores0", "GET", [], "Invalid Resource identifier specified", None, id="missing-resource"
        ),
        pytest.param(
            False,
            None,
            None,
            "GET",
            [{"op": "replace", "path": "/operationName", "value": "x"}],
            "Invalid Method identifier specified",
            None,
            id="missing-method",
        ),
        pytest.param(
            True, None, None, "WRONG", [], "Invalid Method identifier specified", None, id="invalid-verb-in-uri"
        ),
    ],
)
def test_not_found(
    client: Any,
    rest_api: dict,
    resource: dict,
    with_method: bool,
    api_id: str | None,
    resource_id: str | None,
    verb: str,
    ops: list[dict[str, Any]],
    message: str,
    status: int | None,
) -> None:
    ids = bound(client, restApiId=api_id or rest_api["id"], resourceId=resource_id or resource["id"], httpMethod=verb)
    if with_method:
        put_method(client, rest_api["id"], resource["id"])

    with raises_aws("NotFoundException", message, status):
        ids.update_method(patchOperations=ops)
