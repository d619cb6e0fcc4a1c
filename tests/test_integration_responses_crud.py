"""IntegrationResponse read/delete: GetIntegrationResponse and DeleteIntegrationResponse, including their
different not-found messages and precedence (spec §1.1, §1.4, §2, §3.6).
"""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

RESOURCE_NOT_FOUND = "Invalid Resource identifier specified"
METHOD_NOT_FOUND = "Invalid Method identifier specified"
INTEGRATION_NOT_FOUND = "Invalid Integration identifier specified"
STATUS_NOT_FOUND = "Invalid Response status code specified"


def _body(resp: dict[str, Any]) -> dict[str, Any]:
    """The parsed response without boto3's ResponseMetadata."""
    return {k: v for k, v in resp.items() if k != "ResponseMetadata"}


def _method_with_mock(client: Any, api_id: str, resource_id: str, verb: str = "GET") -> None:
    """A method with a MOCK integration and no integration responses."""
    client.put_method(restApiId=api_id, resourceId=resource_id, httpMethod=verb, authorizationType="NONE")
    client.put_integration(restApiId=api_id, resourceId=resource_id, httpMethod=verb, type="MOCK")


def _put_ir(client: Any, api_id: str, resource_id: str, status: str = "200", **kwargs: Any) -> dict[str, Any]:
    return _body(
        client.put_integration_response(
            restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode=status, **kwargs
        )
    )


def _get_ir(client: Any, api_id: str, resource_id: str, status: str = "200", verb: str = "GET") -> dict[str, Any]:
    return _body(
        client.get_integration_response(restApiId=api_id, resourceId=resource_id, httpMethod=verb, statusCode=status)
    )


def _delete_ir(client: Any, api_id: str, resource_id: str, status: str = "200", verb: str = "GET") -> dict[str, Any]:
    return dict(
        client.delete_integration_response(restApiId=api_id, resourceId=resource_id, httpMethod=verb, statusCode=status)
    )


# --- GetIntegrationResponse --------------------------------------------------------------------------------------


def test_get_integration_response_returns_200_and_the_stored_response(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _method_with_mock(client, rest_api["id"], resource["id"])
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
    assert _body(resp) == put
    assert _body(resp) == {
        "statusCode": "200",
        "selectionPattern": "",
        "responseTemplates": {"application/json": '{"ok": true}'},
    }


def test_get_integration_response_minimal_has_only_status_code(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _method_with_mock(client, rest_api["id"], resource["id"])
    _put_ir(client, rest_api["id"], resource["id"], "200")
    assert _get_ir(client, rest_api["id"], resource["id"], "200") == {"statusCode": "200"}


def test_get_integration_response_missing_status_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _method_with_mock(client, rest_api["id"], resource["id"])
    _put_ir(client, rest_api["id"], resource["id"], "200")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _get_ir(client, rest_api["id"], resource["id"], "400")
    assert exc.value.response["Error"]["Message"] == STATUS_NOT_FOUND
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_get_integration_response_without_integration_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    client.put_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", authorizationType="NONE")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _get_ir(client, rest_api["id"], resource["id"], "200")
    assert exc.value.response["Error"]["Message"] == INTEGRATION_NOT_FOUND


def test_get_integration_response_missing_method_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _get_ir(client, rest_api["id"], resource["id"], "200")
    assert exc.value.response["Error"]["Message"] == METHOD_NOT_FOUND


def test_get_integration_response_invalid_verb_is_method_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _method_with_mock(client, rest_api["id"], resource["id"])
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _get_ir(client, rest_api["id"], resource["id"], "200", verb="wrong-method")
    assert exc.value.response["Error"]["Message"] == METHOD_NOT_FOUND


def test_get_integration_response_missing_resource_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _get_ir(client, rest_api["id"], "nope00", "200")
    assert exc.value.response["Error"]["Message"] == RESOURCE_NOT_FOUND


def test_get_integration_response_missing_api_is_not_found(client: Any, resource: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _get_ir(client, "doesnotexi", resource["id"], "200")
    assert exc.value.response["Error"]["Message"] == RESOURCE_NOT_FOUND


def test_get_integration_response_invalid_status_is_validation_exception_before_existence(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(ClientError) as exc:
        _get_ir(client, rest_api["id"], resource["id"], "wrong")
    response = exc.value.response
    assert response["Error"]["Code"] == "ValidationException"
    assert response["Error"]["Message"] == (
        "1 validation error detected: Value 'wrong' at 'statusCode' failed to satisfy constraint: "
        r"Member must satisfy regular expression pattern: [1-5]\d\d"
    )
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400


# --- DeleteIntegrationResponse -----------------------------------------------------------------------------------


def test_delete_integration_response_returns_204(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _method_with_mock(client, rest_api["id"], resource["id"])
    _put_ir(client, rest_api["id"], resource["id"], "200")
    resp = _delete_ir(client, rest_api["id"], resource["id"], "200")
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 204


def test_delete_integration_response_then_get_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _method_with_mock(client, rest_api["id"], resource["id"])
    _put_ir(client, rest_api["id"], resource["id"], "200")
    _delete_ir(client, rest_api["id"], resource["id"], "200")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _get_ir(client, rest_api["id"], resource["id"], "200")
    assert exc.value.response["Error"]["Message"] == STATUS_NOT_FOUND


def test_delete_last_integration_response_removes_key_from_get_method(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _method_with_mock(client, rest_api["id"], resource["id"])
    _put_ir(client, rest_api["id"], resource["id"], "200")
    _delete_ir(client, rest_api["id"], resource["id"], "200")
    method = client.get_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert "methodIntegration" in method
    assert "integrationResponses" not in method["methodIntegration"]


def test_delete_last_integration_response_removes_key_from_get_integration(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _method_with_mock(client, rest_api["id"], resource["id"])
    _put_ir(client, rest_api["id"], resource["id"], "200")
    _delete_ir(client, rest_api["id"], resource["id"], "200")
    integration = client.get_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert "integrationResponses" not in integration


def test_delete_integration_response_leaves_other_status_codes(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _method_with_mock(client, rest_api["id"], resource["id"])
    _put_ir(client, rest_api["id"], resource["id"], "200")
    _put_ir(client, rest_api["id"], resource["id"], "500", selectionPattern="Error.*")
    _delete_ir(client, rest_api["id"], resource["id"], "200")
    integration = client.get_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert integration["integrationResponses"] == {"500": {"statusCode": "500", "selectionPattern": "Error.*"}}


def test_delete_integration_response_missing_status_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _method_with_mock(client, rest_api["id"], resource["id"])
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _delete_ir(client, rest_api["id"], resource["id"], "200")
    assert exc.value.response["Error"]["Message"] == STATUS_NOT_FOUND
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_delete_integration_response_twice_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _method_with_mock(client, rest_api["id"], resource["id"])
    _put_ir(client, rest_api["id"], resource["id"], "200")
    _delete_ir(client, rest_api["id"], resource["id"], "200")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _delete_ir(client, rest_api["id"], resource["id"], "200")
    assert exc.value.response["Error"]["Message"] == STATUS_NOT_FOUND


def test_delete_integration_response_missing_method_uses_integration_message(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _delete_ir(client, rest_api["id"], resource["id"], "200")
    assert exc.value.response["Error"]["Message"] == INTEGRATION_NOT_FOUND


def test_delete_integration_response_invalid_verb_uses_integration_message(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _method_with_mock(client, rest_api["id"], resource["id"])
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _delete_ir(client, rest_api["id"], resource["id"], "200", verb="WRONG")
    assert exc.value.response["Error"]["Message"] == INTEGRATION_NOT_FOUND


def test_delete_integration_response_without_integration_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    client.put_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", authorizationType="NONE")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _delete_ir(client, rest_api["id"], resource["id"], "200")
    # spec §2: [INF] integration message
    assert exc.value.response["Error"]["Message"] == INTEGRATION_NOT_FOUND


def test_delete_integration_response_missing_resource_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _delete_ir(client, rest_api["id"], "nope00", "200")
    assert exc.value.response["Error"]["Message"] == RESOURCE_NOT_FOUND


def test_delete_integration_response_missing_api_is_not_found(client: Any, resource: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _delete_ir(client, "doesnotexi", resource["id"], "200")
    assert exc.value.response["Error"]["Message"] == RESOURCE_NOT_FOUND
