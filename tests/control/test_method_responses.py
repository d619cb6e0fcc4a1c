"""MethodResponse CRUD: PutMethodResponse (shape, not an upsert, status code pattern), GetMethodResponse,
DeleteMethodResponse, and their not-found precedence (spec §1.1, §1.3, §2, §3.4).
"""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from tests.helpers import (
    METHOD_NOT_FOUND,
    STATUS_NOT_FOUND,
    assert_reply,
    assert_saved,
    body,
    build_nothing,
    missing_parents,
    not_found_ladder,
    put_method,
    raises_aws,
    status_code_violation,
    validation_message,
)


def _put(client: Any, api_id: str, resource_id: str, status: str = "200", **kwargs: Any) -> dict[str, Any]:
    return client.put_method_response(
        restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode=status, **kwargs
    )


def _get(client: Any, api_id: str, resource_id: str, status: str = "200") -> dict[str, Any]:
    return client.get_method_response(restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode=status)


def _delete(client: Any, api_id: str, resource_id: str, status: str = "200") -> dict[str, Any]:
    return client.delete_method_response(restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode=status)


def _with_response(client: Any, api_id: str, resource_id: str) -> None:
    """GET + method response 200."""
    put_method(client, api_id, resource_id)
    _put(client, api_id, resource_id)


def _with_deleted_response(client: Any, api_id: str, resource_id: str) -> None:
    """GET whose method response 200 was put, then deleted."""
    _with_response(client, api_id, resource_id)
    _delete(client, api_id, resource_id)


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
    put_method(client, rest_api["id"], resource["id"])

    resp = _put(client, rest_api["id"], resource["id"], status, **fields)

    assert_saved(resp, 201, expected, body(_get(client, rest_api["id"], resource["id"], status)))


def test_put_method_response_existing_status_is_conflict_and_keeps_the_original(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _with_response(client, rest_api["id"], resource["id"])

    with raises_aws("ConflictException", "Response already exists for this resource", 409):
        _put(client, rest_api["id"], resource["id"], "200", responseModels={"application/json": "Empty"})

    assert body(_get(client, rest_api["id"], resource["id"])) == {"statusCode": "200"}


# --- statusCode outside [1-5]\d\d: ValidationException before any existence check ------------------------------


@pytest.mark.parametrize(
    ("call", "with_method", "resource_id", "status"),
    [
        *(
            pytest.param(_put, True, None, status, id=f"put-{status}")
            for status in ("wrong", "600", "099", "20", "2000")
        ),
        # spec §1.4: [INF] shape validation precedes existence checks (recorded for integration responses)
        pytest.param(_put, False, "nope00", "wrong", id="put-before-existence"),
        # spec §1.3: [INF] same `statusCode` pattern check as the other status-code URIs
        pytest.param(_get, True, None, "wrong", id="get"),
        pytest.param(_delete, True, None, "wrong", id="delete"),
    ],
)
def test_invalid_status_code_is_validation_exception(
    client: Any,
    rest_api: dict[str, Any],
    resource: dict[str, Any],
    call: Any,
    with_method: bool,
    resource_id: str | None,
    status: str,
) -> None:
    if with_method:
        put_method(client, rest_api["id"], resource["id"])

    with raises_aws("ValidationException", validation_message(status_code_violation(status)), 400):
        call(client, rest_api["id"], resource_id or resource["id"], status)


# --- GetMethodResponse / GetMethod -------------------------------------------------------------------------------


def test_get_method_response_returns_the_stored_response(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    put_method(client, rest_api["id"], resource["id"])
    put = body(
        _put(client, rest_api["id"], resource["id"], "400", responseParameters={"method.response.header.X-Err": True})
    )

    resp = _get(client, rest_api["id"], resource["id"], "400")

    assert_reply(resp, 200, put)


def test_get_method_lists_all_method_responses(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    put_method(client, rest_api["id"], resource["id"])
    _put(client, rest_api["id"], resource["id"], "200", responseParameters={}, responseModels={})
    _put(client, rest_api["id"], resource["id"], "500")

    method = client.get_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")

    assert method["methodResponses"] == {
        "200": {"statusCode": "200", "responseParameters": {}, "responseModels": {}},
        "500": {"statusCode": "500"},
    }


# --- DeleteMethodResponse ----------------------------------------------------------------------------------------


def test_delete_method_response_returns_204(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    _with_response(client, rest_api["id"], resource["id"])

    resp = _delete(client, rest_api["id"], resource["id"])

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 204


def test_delete_method_response_allows_putting_it_again(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _with_deleted_response(client, rest_api["id"], resource["id"])

    again = body(_put(client, rest_api["id"], resource["id"], "200", responseModels={"application/json": "Empty"}))

    assert again == {"statusCode": "200", "responseModels": {"application/json": "Empty"}}


def test_delete_method_response_leaves_other_status_codes(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _with_response(client, rest_api["id"], resource["id"])
    _put(client, rest_api["id"], resource["id"], "400")

    _delete(client, rest_api["id"], resource["id"], "400")

    assert body(_get(client, rest_api["id"], resource["id"], "200")) == {"statusCode": "200"}


# --- not found (spec §2: [INF] resource, method and status-code messages unless noted) ----------------------------


test_not_found = not_found_ladder(
    pytest.param(_put, build_nothing, None, None, METHOD_NOT_FOUND, id="put-missing-method"),
    *missing_parents("put", _put),
    pytest.param(partial(_get, status="404"), _with_response, None, None, STATUS_NOT_FOUND, id="get-missing-status"),
    pytest.param(_get, build_nothing, None, None, METHOD_NOT_FOUND, id="get-missing-method"),
    *missing_parents("get", _get),
    pytest.param(_get, _with_deleted_response, None, None, STATUS_NOT_FOUND, id="get-after-delete"),
    # spec §2: [INF] same message as GetMethodResponse
    pytest.param(_delete, put_method, None, None, STATUS_NOT_FOUND, id="delete-missing-status"),
    pytest.param(_delete, _with_deleted_response, None, None, STATUS_NOT_FOUND, id="delete-twice"),
    pytest.param(_delete, build_nothing, None, None, METHOD_NOT_FOUND, id="delete-missing-method"),
    *missing_parents("delete", _delete),
)
