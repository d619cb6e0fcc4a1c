"""MethodResponse CRUD: PutMethodResponse (shape, not an upsert, status code pattern), GetMethodResponse,
DeleteMethodResponse, and their not-found precedence (spec §1.1, §1.3, §2, §3.4).
"""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import assert_aws_error
from tests.helpers import body as _body

RESOURCE_NOT_FOUND = "Invalid Resource identifier specified"
METHOD_NOT_FOUND = "Invalid Method identifier specified"
STATUS_NOT_FOUND = "Invalid Response status code specified"


def _put_method(client: Any, api_id: str, resource_id: str, verb: str = "GET") -> None:
    client.put_method(restApiId=api_id, resourceId=resource_id, httpMethod=verb, authorizationType="NONE")


def _put_response(client: Any, api_id: str, resource_id: str, status: str = "200", **kwargs: Any) -> dict[str, Any]:
    return _body(
        client.put_method_response(
            restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode=status, **kwargs
        )
    )


def _pattern_error(value: str) -> str:
    return (
        f"1 validation error detected: Value '{value}' at 'statusCode' failed to satisfy constraint: "
        r"Member must satisfy regular expression pattern: [1-5]\d\d"
    )


# --- PutMethodResponse -------------------------------------------------------------------------------------------


def test_put_method_response_returns_201_with_only_status_code(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    resp = client.put_method_response(
        restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
    )
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert _body(resp) == {"statusCode": "200"}


def test_put_method_response_keeps_empty_maps(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    body = _put_response(client, rest_api["id"], resource["id"], responseParameters={}, responseModels={})
    assert body == {"statusCode": "200", "responseParameters": {}, "responseModels": {}}


def test_put_method_response_echoes_parameters_and_models(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    body = _put_response(
        client,
        rest_api["id"],
        resource["id"],
        "201",
        responseParameters={"method.response.header.Location": True, "method.response.header.X-Id": False},
        responseModels={"application/json": "Empty"},
    )
    assert body == {
        "statusCode": "201",
        "responseParameters": {"method.response.header.Location": True, "method.response.header.X-Id": False},
        "responseModels": {"application/json": "Empty"},
    }


def test_put_method_response_existing_status_is_conflict(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    _put_response(client, rest_api["id"], resource["id"], "200")
    with pytest.raises(client.exceptions.ConflictException) as exc:
        _put_response(client, rest_api["id"], resource["id"], "200", responseModels={"application/json": "Empty"})
    assert exc.value.response["Error"]["Message"] == "Response already exists for this resource"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 409


def test_put_method_response_conflict_keeps_the_original(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    _put_response(client, rest_api["id"], resource["id"], "200")
    with pytest.raises(client.exceptions.ConflictException):
        _put_response(client, rest_api["id"], resource["id"], "200", responseModels={"application/json": "Empty"})
    fetched = client.get_method_response(
        restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
    )
    assert _body(fetched) == {"statusCode": "200"}


@pytest.mark.parametrize("status", ["wrong", "600", "099", "20", "2000"])
def test_put_method_response_invalid_status_code_is_validation_exception(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], status: str
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    with pytest.raises(ClientError) as exc:
        _put_response(client, rest_api["id"], resource["id"], status)
    assert_aws_error(exc, "ValidationException", _pattern_error(status), 400)


def test_put_method_response_status_validation_precedes_existence(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(ClientError) as exc:
        _put_response(client, rest_api["id"], "nope00", "wrong")
    # spec §1.4: [INF] shape validation precedes existence checks (recorded for integration responses)
    assert_aws_error(exc, "ValidationException", _pattern_error("wrong"), 400)


def test_put_method_response_missing_method_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _put_response(client, rest_api["id"], resource["id"], "200")
    # spec §2: [INF] method message
    assert exc.value.response["Error"]["Message"] == METHOD_NOT_FOUND


def test_put_method_response_missing_resource_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _put_response(client, rest_api["id"], "nope00", "200")
    # spec §2: [INF] resource message
    assert exc.value.response["Error"]["Message"] == RESOURCE_NOT_FOUND


def test_put_method_response_missing_api_is_not_found(client: Any, resource: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _put_response(client, "doesnotexi", resource["id"], "200")
    # spec §2: [INF] resource message
    assert exc.value.response["Error"]["Message"] == RESOURCE_NOT_FOUND


# --- GetMethodResponse -------------------------------------------------------------------------------------------


def test_get_method_response_returns_the_stored_response(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    put = _put_response(
        client, rest_api["id"], resource["id"], "400", responseParameters={"method.response.header.X-Err": True}
    )
    resp = client.get_method_response(
        restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="400"
    )
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert _body(resp) == put


def test_get_method_response_missing_status_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    _put_response(client, rest_api["id"], resource["id"], "200")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_method_response(
            restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="404"
        )
    assert exc.value.response["Error"]["Message"] == STATUS_NOT_FOUND
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_get_method_response_missing_method_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_method_response(
            restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
        )
    # spec §2: [INF] method message
    assert exc.value.response["Error"]["Message"] == METHOD_NOT_FOUND


def test_get_method_response_missing_resource_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_method_response(restApiId=rest_api["id"], resourceId="nope00", httpMethod="GET", statusCode="200")
    # spec §2: [INF] resource message
    assert exc.value.response["Error"]["Message"] == RESOURCE_NOT_FOUND


def test_get_method_response_invalid_status_is_validation_exception(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    with pytest.raises(ClientError) as exc:
        client.get_method_response(
            restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="wrong"
        )
    # spec §1.3: [INF] same `statusCode` pattern check as the other status-code URIs
    assert_aws_error(exc, "ValidationException", _pattern_error("wrong"), 400)


def test_get_method_lists_all_method_responses(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    _put_response(client, rest_api["id"], resource["id"], "200", responseParameters={}, responseModels={})
    _put_response(client, rest_api["id"], resource["id"], "500")
    method = client.get_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert method["methodResponses"] == {
        "200": {"statusCode": "200", "responseParameters": {}, "responseModels": {}},
        "500": {"statusCode": "500"},
    }


# --- DeleteMethodResponse ----------------------------------------------------------------------------------------


def test_delete_method_response_returns_204(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    _put_response(client, rest_api["id"], resource["id"], "200")
    resp = client.delete_method_response(
        restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
    )
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 204


def test_delete_method_response_then_get_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    _put_response(client, rest_api["id"], resource["id"], "200")
    client.delete_method_response(
        restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
    )
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_method_response(
            restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
        )
    assert exc.value.response["Error"]["Message"] == STATUS_NOT_FOUND


def test_delete_method_response_allows_putting_it_again(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    _put_response(client, rest_api["id"], resource["id"], "200")
    client.delete_method_response(
        restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
    )
    again = _put_response(client, rest_api["id"], resource["id"], "200", responseModels={"application/json": "Empty"})
    assert again == {"statusCode": "200", "responseModels": {"application/json": "Empty"}}


def test_delete_method_response_leaves_other_status_codes(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    _put_response(client, rest_api["id"], resource["id"], "200")
    _put_response(client, rest_api["id"], resource["id"], "400")
    client.delete_method_response(
        restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="400"
    )
    fetched = client.get_method_response(
        restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
    )
    assert _body(fetched) == {"statusCode": "200"}


def test_delete_method_response_missing_status_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.delete_method_response(
            restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
        )
    # spec §2: [INF] same message as GetMethodResponse
    assert exc.value.response["Error"]["Message"] == STATUS_NOT_FOUND


def test_delete_method_response_missing_method_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.delete_method_response(
            restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
        )
    # spec §2: [INF] method message
    assert exc.value.response["Error"]["Message"] == METHOD_NOT_FOUND
