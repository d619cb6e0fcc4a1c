"""IntegrationResponse read/delete: GetIntegrationResponse and DeleteIntegrationResponse, including their
different not-found messages and precedence (spec §1.1, §1.4, §2, §3.6).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import (
    INTEGRATION_NOT_FOUND,
    METHOD_NOT_FOUND,
    STATUS_NOT_FOUND,
    assert_reply,
    body,
    build_nothing,
    method_with_mock,
    missing_parents,
    not_found_ladder,
    put_method,
    raises_aws,
    status_code_violation,
    validation_message,
)
from tests.support.calls import aimed, bound


def _with_response(client: Any, api_id: str, resource_id: str) -> None:
    """GET + MOCK integration + integration response 200."""
    ids = bound(client, restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode="200")
    method_with_mock(client, api_id, resource_id)
    ids.put_integration_response()


def _with_deleted_response(client: Any, api_id: str, resource_id: str) -> None:
    """GET + MOCK integration whose integration response 200 was put, then deleted."""
    ids = bound(client, restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode="200")
    _with_response(client, api_id, resource_id)
    ids.delete_integration_response()


# --- GetIntegrationResponse --------------------------------------------------------------------------------------


def test_get_integration_response_returns_200_and_the_stored_response(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])
    put = ids.put_integration_response(selectionPattern="", responseTemplates={"application/json": '{"ok": true}'})
    resp = client.get_integration_response(
        restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
    )
    assert_reply(resp, 200, put)
    assert body(resp) == {
        "statusCode": "200",
        "selectionPattern": "",
        "responseTemplates": {"application/json": '{"ok": true}'},
    }


def test_get_integration_response_minimal_has_only_status_code(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _with_response(client, rest_api["id"], resource["id"])
    assert ids.get_integration_response() == {"statusCode": "200"}


def test_get_integration_response_invalid_status_is_validation_exception_before_existence(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="wrong")
    with raises_aws("ValidationException", validation_message(status_code_violation("wrong")), 400):
        ids.get_integration_response()


# --- DeleteIntegrationResponse -----------------------------------------------------------------------------------


def test_delete_integration_response_returns_204(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _with_response(client, rest_api["id"], resource["id"])
    resp = ids.raw.delete_integration_response()
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 204


def test_delete_last_integration_response_removes_key_from_get_method(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _with_deleted_response(client, rest_api["id"], resource["id"])
    method = client.get_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert "methodIntegration" in method
    assert "integrationResponses" not in method["methodIntegration"]


def test_delete_last_integration_response_removes_key_from_get_integration(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _with_deleted_response(client, rest_api["id"], resource["id"])
    integration = client.get_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert "integrationResponses" not in integration


def test_delete_integration_response_leaves_other_status_codes(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])
    ids.put_integration_response()
    bound(
        client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="500"
    ).put_integration_response(selectionPattern="Error.*")
    ids.delete_integration_response()
    integration = client.get_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert integration["integrationResponses"] == {"500": {"statusCode": "500", "selectionPattern": "Error.*"}}


# --- not found: Get and Delete name a missing method differently -------------------------------------------------


test_not_found = not_found_ladder(
    pytest.param(
        aimed("get_integration_response", httpMethod="GET", statusCode="400"),
        _with_response,
        None,
        None,
        STATUS_NOT_FOUND,
        id="get-missing-status",
    ),
    pytest.param(
        aimed("get_integration_response", httpMethod="GET", statusCode="200"),
        put_method,
        None,
        None,
        INTEGRATION_NOT_FOUND,
        id="get-no-integration",
    ),
    pytest.param(
        aimed("get_integration_response", httpMethod="GET", statusCode="200"),
        build_nothing,
        None,
        None,
        METHOD_NOT_FOUND,
        id="get-missing-method",
    ),
    pytest.param(
        aimed("get_integration_response", httpMethod="wrong-method", statusCode="200"),
        method_with_mock,
        None,
        None,
        METHOD_NOT_FOUND,
        id="get-invalid-verb",
    ),
    *missing_parents("get", aimed("get_integration_response", httpMethod="GET", statusCode="200")),
    pytest.param(
        aimed("get_integration_response", httpMethod="GET", statusCode="200"),
        _with_deleted_response,
        None,
        None,
        STATUS_NOT_FOUND,
        id="get-after-delete",
    ),
    pytest.param(
        aimed("delete_integration_response", httpMethod="GET", statusCode="200"),
        method_with_mock,
        None,
        None,
        STATUS_NOT_FOUND,
        id="delete-missing-status",
    ),
    pytest.param(
        aimed("delete_integration_response", httpMethod="GET", statusCode="200"),
        _with_deleted_response,
        None,
        None,
        STATUS_NOT_FOUND,
        id="delete-twice",
    ),
    pytest.param(
        aimed("delete_integration_response", httpMethod="GET", statusCode="200"),
        build_nothing,
        None,
        None,
        INTEGRATION_NOT_FOUND,
        id="delete-missing-method",
    ),
    pytest.param(
        aimed("delete_integration_response", httpMethod="WRONG", statusCode="200"),
        method_with_mock,
        None,
        None,
        INTEGRATION_NOT_FOUND,
        id="delete-invalid-verb",
    ),
    # spec §2: [INF] integration message
    pytest.param(
        aimed("delete_integration_response", httpMethod="GET", statusCode="200"),
        put_method,
        None,
        None,
        INTEGRATION_NOT_FOUND,
        id="delete-no-integration",
    ),
    *missing_parents("delete", aimed("delete_integration_response", httpMethod="GET", statusCode="200")),
)
