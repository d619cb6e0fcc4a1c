"""IntegrationResponse read/delete: GetIntegrationResponse and DeleteIntegrationResponse, including their
different not-found messages and precedence (spec §1.1, §1.4, §2, §3.6).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import (
    body,
    method_with_mock,
    put_method,
    raises_aws,
    status_code_violation,
    validation_message,
)

RESOURCE_NOT_FOUND = "Invalid Resource identifier specified"
METHOD_NOT_FOUND = "Invalid Method identifier specified"
INTEGRATION_NOT_FOUND = "Invalid Integration identifier specified"
STATUS_NOT_FOUND = "Invalid Response status code specified"


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
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert body(resp) == put
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

# What exists before the call: nothing, a bare method, a method with a MOCK integration, that plus an integration
# response 200, or that integration response put and deleted again.
BUILDERS = {
    "nothing": lambda client, api_id, resource_id: None,
    "method": put_method,
    "integration": method_with_mock,
    "response": _with_response,
    "deleted": _with_deleted_response,
}


@pytest.mark.parametrize(
    ("call", "built", "api_id", "resource_id", "verb", "status_code", "message", "status"),
    [
        pytest.param(_get_ir, "response", None, None, "GET", "400", STATUS_NOT_FOUND, 404, id="get-missing-status"),
        pytest.param(_get_ir, "method", None, None, "GET", "200", INTEGRATION_NOT_FOUND, None, id="get-no-integration"),
        pytest.param(_get_ir, "nothing", None, None, "GET", "200", METHOD_NOT_FOUND, None, id="get-missing-method"),
        pytest.param(
            _get_ir, "integration", None, None, "wrong-method", "200", METHOD_NOT_FOUND, None, id="get-invalid-verb"
        ),
        pytest.param(
            _get_ir, "nothing", None, "nope00", "GET", "200", RESOURCE_NOT_FOUND, None, id="get-missing-resource"
        ),
        pytest.param(
            _get_ir, "nothing", "doesnotexi", None, "GET", "200", RESOURCE_NOT_FOUND, None, id="get-missing-api"
        ),
        pytest.param(_get_ir, "deleted", None, None, "GET", "200", STATUS_NOT_FOUND, None, id="get-after-delete"),
        pytest.param(
            _delete_ir, "integration", None, None, "GET", "200", STATUS_NOT_FOUND, 404, id="delete-missing-status"
        ),
        pytest.param(_delete_ir, "deleted", None, None, "GET", "200", STATUS_NOT_FOUND, None, id="delete-twice"),
        pytest.param(
            _delete_ir, "nothing", None, None, "GET", "200", INTEGRATION_NOT_FOUND, None, id="delete-missing-method"
        ),
        pytest.param(
            _delete_ir, "integration", None, None, "WRONG", "200", INTEGRATION_NOT_FOUND, None, id="delete-invalid-verb"
        ),
        # spec §2: [INF] integration message
        pytest.param(
            _delete_ir, "method", None, None, "GET", "200", INTEGRATION_NOT_FOUND, None, id="delete-no-integration"
        ),
        pytest.param(
            _delete_ir, "nothing", None, "nope00", "GET", "200", RESOURCE_NOT_FOUND, None, id="delete-missing-resource"
        ),
        pytest.param(
            _delete_ir, "nothing", "doesnotexi", None, "GET", "200", RESOURCE_NOT_FOUND, None, id="delete-missing-api"
        ),
    ],
)
def test_not_found(
    client: Any,
    rest_api: dict[str, Any],
    resource: dict[str, Any],
    call: Any,
    built: str,
    api_id: str | None,
    resource_id: str | None,
    verb: str,
    status_code: str,
    message: str,
    status: int | None,
) -> None:
    BUILDERS[built](client, rest_api["id"], resource["id"])

    with raises_aws("NotFoundException", message, status):
        call(client, api_id or rest_api["id"], resource_id or resource["id"], status_code, verb=verb)
