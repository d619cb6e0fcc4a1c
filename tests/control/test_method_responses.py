"""MethodResponse CRUD: PutMethodResponse (shape, not an upsert, status code pattern), GetMethodResponse,
DeleteMethodResponse, and their not-found precedence (spec §1.1, §1.3, §2, §3.4).

The last section holds details found in review beyond the spec-derived cases (from the former
test_graph_details.py); where a text is our choice the test says so ([INF]/[UNK]).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import (
    INVALID_EXPRESSION,
    METHOD_NOT_FOUND,
    STATUS_NOT_FOUND,
    assert_reply,
    assert_saved,
    body,
    build_nothing,
    message_of,
    missing_parents,
    not_found_ladder,
    put_method,
    raises_aws,
    status_code_violation,
    validation_message,
)
from tests.support.calls import aimed, bound


def _with_response(client: Any, api_id: str, resource_id: str) -> None:
    """GET + method response 200."""
    ids = bound(client, restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode="200")
    put_method(client, api_id, resource_id)
    ids.put_method_response()


def _with_deleted_response(client: Any, api_id: str, resource_id: str) -> None:
    """GET whose method response 200 was put, then deleted."""
    ids = bound(client, restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode="200")
    _with_response(client, api_id, resource_id)
    ids.delete_method_response()


# --- PutMethodResponse: HTTP 201, the reply is the new method response, and a later GET agrees -------------------

HEADERS = {"method.response.header.Location": True, "method.response.header.X-Id": False}


@pytest.mark.parametrize(
    ("status", "fields", "expected"),
    [
        pytest.param("200", {}, {"statusCode": "200"}, id="only-status-code"),
        pytest.param(
            "200",
            {"responseParameters": {}, "responseModels": {}},
            {"statusCode": "200", "responseParameters": {}, "responseModels": {}},
            id="keeps-empty-maps",
        ),
        pytest.param(
            "201",
            {"responseParameters": HEADERS, "responseModels": {"application/json": "Empty"}},
            {"statusCode": "201", "responseParameters": HEADERS, "responseModels": {"application/json": "Empty"}},
            id="echoes-parameters-and-models",
        ),
    ],
)
def test_put_method_response(
    client: Any,
    rest_api: dict[str, Any],
    resource: dict[str, Any],
    status: str,
    fields: dict[str, Any],
    expected: dict[str, Any],
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode=status)
    put_method(client, rest_api["id"], resource["id"])

    resp = ids.raw.put_method_response(**fields)

    assert_saved(resp, 201, expected, ids.get_method_response())


def test_put_method_response_existing_status_is_conflict_and_keeps_the_original(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _with_response(client, rest_api["id"], resource["id"])

    with raises_aws("ConflictException", "Response already exists for this resource", 409):
        ids.put_method_response(responseModels={"application/json": "Empty"})

    assert ids.get_method_response() == {"statusCode": "200"}


# --- statusCode outside [1-5]\d\d: ValidationException before any existence check ------------------------------


@pytest.mark.parametrize(
    ("call", "with_method", "resource_id", "status"),
    [
        *(
            pytest.param("put_method_response", True, None, status, id=f"put-{status}")
            for status in ("wrong", "600", "099", "20", "2000")
        ),
        # spec §1.4: [INF] shape validation precedes existence checks (recorded for integration responses)
        pytest.param("put_method_response", False, "nope00", "wrong", id="put-before-existence"),
        # spec §1.3: [INF] same `statusCode` pattern check as the other status-code URIs
        pytest.param("get_method_response", True, None, "wrong", id="get"),
        pytest.param("delete_method_response", True, None, "wrong", id="delete"),
    ],
)
def test_invalid_status_code_is_validation_exception(
    client: Any,
    rest_api: dict[str, Any],
    resource: dict[str, Any],
    call: str,
    with_method: bool,
    resource_id: str | None,
    status: str,
) -> None:
    if with_method:
        put_method(client, rest_api["id"], resource["id"])

    with raises_aws("ValidationException", validation_message(status_code_violation(status)), 400):
        getattr(
            bound(
                client,
                restApiId=rest_api["id"],
                resourceId=resource_id or resource["id"],
                httpMethod="GET",
                statusCode=status,
            ),
            call,
        )()


# --- GetMethodResponse / GetMethod -------------------------------------------------------------------------------


def test_get_method_response_returns_the_stored_response(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="400")
    put_method(client, rest_api["id"], resource["id"])
    put = ids.put_method_response(responseParameters={"method.response.header.X-Err": True})

    resp = ids.raw.get_method_response()

    assert_reply(resp, 200, put)


def test_get_method_lists_all_method_responses(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    put_method(client, rest_api["id"], resource["id"])
    ids.put_method_response(responseParameters={}, responseModels={})
    bound(
        client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="500"
    ).put_method_response()

    method = client.get_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")

    assert method["methodResponses"] == {
        "200": {"statusCode": "200", "responseParameters": {}, "responseModels": {}},
        "500": {"statusCode": "500"},
    }


# --- DeleteMethodResponse ----------------------------------------------------------------------------------------


def test_delete_method_response_returns_204(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _with_response(client, rest_api["id"], resource["id"])

    resp = ids.raw.delete_method_response()

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 204


def test_delete_method_response_allows_putting_it_again(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _with_deleted_response(client, rest_api["id"], resource["id"])

    again = ids.put_method_response(responseModels={"application/json": "Empty"})

    assert again == {"statusCode": "200", "responseModels": {"application/json": "Empty"}}


def test_delete_method_response_leaves_other_status_codes(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="400")
    _with_response(client, rest_api["id"], resource["id"])
    ids.put_method_response()

    ids.delete_method_response()

    assert body(
        bound(
            client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
        ).raw.get_method_response()
    ) == {"statusCode": "200"}


# --- not found (spec §2: [INF] resource, method and status-code messages unless noted) ----------------------------


DELETE_METHOD_RESPONSE = aimed("delete_method_response", httpMethod="GET", statusCode="200")
GET_METHOD_RESPONSE = aimed("get_method_response", httpMethod="GET", statusCode="200")
PUT_METHOD_RESPONSE = aimed("put_method_response", httpMethod="GET", statusCode="200")


test_not_found = not_found_ladder(
    pytest.param(PUT_METHOD_RESPONSE, build_nothing, None, None, METHOD_NOT_FOUND, id="put-missing-method"),
    *missing_parents("put", PUT_METHOD_RESPONSE),
    pytest.param(
        aimed("get_method_response", httpMethod="GET", statusCode="404"),
        _with_response,
        None,
        None,
        STATUS_NOT_FOUND,
        id="get-missing-status",
    ),
    pytest.param(GET_METHOD_RESPONSE, build_nothing, None, None, METHOD_NOT_FOUND, id="get-missing-method"),
    *missing_parents("get", GET_METHOD_RESPONSE),
    pytest.param(GET_METHOD_RESPONSE, _with_deleted_response, None, None, STATUS_NOT_FOUND, id="get-after-delete"),
    # spec §2: [INF] same message as GetMethodResponse
    pytest.param(DELETE_METHOD_RESPONSE, put_method, None, None, STATUS_NOT_FOUND, id="delete-missing-status"),
    pytest.param(DELETE_METHOD_RESPONSE, _with_deleted_response, None, None, STATUS_NOT_FOUND, id="delete-twice"),
    pytest.param(DELETE_METHOD_RESPONSE, build_nothing, None, None, METHOD_NOT_FOUND, id="delete-missing-method"),
    *missing_parents("delete", DELETE_METHOD_RESPONSE),
)


# --- review details: model and parameter-name checks on Put ([INF]/[UNK] texts marked) --------------------------------


def test_put_method_response_checks_models_and_parameter_names(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    put_method(client, api_id, rid)
    put = {"restApiId": api_id, "resourceId": rid, "httpMethod": "GET", "statusCode": "200"}
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.put_method_response(**put, responseModels={"application/json": "Pet"})
    assert message_of(exc) == "Invalid model identifier specified: Pet"
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.put_method_response(**put, responseParameters={"header.X": True})
    assert message_of(exc) == INVALID_EXPRESSION.format("Invalid mapping expression specified: header.X")
    with pytest.raises(client.exceptions.NotFoundException):  # nothing was stored
        client.get_method_response(**put)
