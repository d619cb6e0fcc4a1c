"""IntegrationResponse read/delete: GetIntegrationResponse and DeleteIntegrationResponse, including their
different not-found messages and precedence (spec §1.1, §1.4, §2, §3.6).
"""

from __future__ import annotations

from functools import partial
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


def _put_ir(client: Any, api_id: str, resource_id: str, status: str = "200", **kwargs: Any) -> dict[str, Any]:
    return body(
        client.put_integration_response(
            restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode=status, **kwargs
        )
    )


def _get_ir(client: Any, api_id: str, resource_id: str, status: str = "200", verb: str = "GET") -> dict[str, Any]:
    return body(
        client.get_integration_response(restApiId=api_id, resourceId=resource_id, httpMethod=verb, statusCode=status)
    )


def _delete_ir(client: Any, api_id: str, resource_id: str, status: str = "200", verb: str = "GET") -> dict[str, Any]:
    return dict(
        client.delete_integration_response(restApiId=api_id, resourceId=resource_id, httpMethod=verb, statusCode=status)
    )


def _with_response(client: Any, api_id: str, resource_id: str) -> None:
    """GET + MOCK integration + integration response 200."""
    method_with_mock(client, api_id, resource_id)
    _put_ir(client, api_id, resource_id, "200")


def _with_deleted_response(client: Any, api_id: str, resource_id: str) -> None:
    """GET + MOCK integration whose integration response 200 was put, then deleted."""
    _with_response(client, api_id, resource_id)
    _delete_ir(client, api_id, resource_id, "200")


# --- GetIntegrationResponse --------------------------------------------------------------------------------------


def test_get_integration_response_returns_200_and_the_stored_response(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    method_with_mock(client, rest_api["id"], resource["id"])
    put = _put_ir(
        client,
        rest_api["id"],
        resource["id"],
        "200",
        selectionPattern="",
        responseTemplates={"application/json": '{"ok": true}'},
    )
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
    _with_response(client, rest_api["id"], resource["id"])
    assert _get_ir(client, rest_api["id"], resource["id"], "200") == {"statusCode": "200"}


def test_get_integration_response_invalid_status_is_validation_exception_before_existence(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with raises_aws("ValidationException", validation_message(status_code_violation("wrong")), 400):
        _get_ir(client, rest_api["id"], resource["id"], "wrong")


# --- DeleteIntegrationResponse -----------------------------------------------------------------------------------


def test_delete_integration_response_returns_204(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _with_response(client, rest_api["id"], resource["id"])
    resp = _delete_ir(client, rest_api["id"], resource["id"], "200")
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
    method_with_mock(client, rest_api["id"], resource["id"])
    _put_ir(client, rest_api["id"], resource["id"], "200")
    _put_ir(client, rest_api["id"], resource["id"], "500", selectionPattern="Error.*")
    _delete_ir(client, rest_api["id"], resource["id"], "200")
    integration = client.get_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert integration["integrationResponses"] == {"500": {"statusCode": "500", "selectionPattern": "Error.*"}}


# --- not found: Get and Delete name a missing method differently -------------------------------------------------


test_not_found = not_found_ladder(
    pytest.param(partial(_get_ir, status="400"), _with_response, None, None, STATUS_NOT_FOUND, id="get-missing-status"),
    pytest.param(_get_ir, put_method, None, None, INTEGRATION_NOT_FOUND, id="get-no-integration"),
    pytest.param(_get_ir, build_nothing, None, None, METHOD_NOT_FOUND, id="get-missing-method"),
    pytest.param(
        partial(_get_ir, verb="wrong-method"), method_with_mock, None, None, METHOD_NOT_FOUND, id="get-invalid-verb"
    ),
    *missing_parents("get", _get_ir),
    pytest.param(_get_ir, _with_deleted_response, None, None, STATUS_NOT_FOUND, id="get-after-delete"),
    pytest.param(_delete_ir, method_with_mock, None, None, STATUS_NOT_FOUND, id="delete-missing-status"),
    pytest.param(_delete_ir, _with_deleted_response, None, None, STATUS_NOT_FOUND, id="delete-twice"),
    pytest.param(_delete_ir, build_nothing, None, None, INTEGRATION_NOT_FOUND, id="delete-missing-method"),
    pytest.param(
        partial(_delete_ir, verb="WRONG"),
        method_with_mock,
        None,
        None,
        INTEGRATION_NOT_FOUND,
        id="delete-invalid-verb",
    ),
    # spec §2: [INF] integration message
    pytest.param(_delete_ir, put_method, None, None, INTEGRATION_NOT_FOUND, id="delete-no-integration"),
    *missing_parents("delete", _delete_ir),
)
