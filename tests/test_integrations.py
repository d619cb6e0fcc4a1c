"""Integration CRUD: PutIntegration (defaults per type, validation, upsert), GetIntegration, DeleteIntegration.

Covers spec §1.1, §1.3, §1.4, §2 and §3.5.
"""

from __future__ import annotations

from typing import Any

import boto3
import botocore.config
import pytest
from botocore.exceptions import ClientError

from tests.helpers import assert_aws_error
from tests.helpers import body as _body

RESOURCE_NOT_FOUND = "Invalid Resource identifier specified"
METHOD_NOT_FOUND = "Invalid Method identifier specified"
INTEGRATION_NOT_FOUND = "Invalid Integration identifier specified"
LAMBDA_URI = (
    "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
    "arn:aws:lambda:us-east-1:123456789012:function:my-fn/invocations"
)
S3_URI = "arn:aws:apigateway:us-east-1:s3:path/my-bucket/{key}"


def _put_method(client: Any, api_id: str, resource_id: str, verb: str = "GET", **kwargs: Any) -> None:
    client.put_method(restApiId=api_id, resourceId=resource_id, httpMethod=verb, authorizationType="NONE", **kwargs)


def _put_integration(client: Any, api_id: str, resource_id: str, verb: str = "GET", **kwargs: Any) -> dict[str, Any]:
    return _body(client.put_integration(restApiId=api_id, resourceId=resource_id, httpMethod=verb, **kwargs))


def _defaults(resource_id: str) -> dict[str, Any]:
    """The keys PutIntegration always fills in (spec §3.5)."""
    return {
        "cacheKeyParameters": [],
        "cacheNamespace": resource_id,
        "passthroughBehavior": "WHEN_NO_MATCH",
        "timeoutInMillis": 29000,
    }


# --- PutIntegration: shapes and defaults -------------------------------------------------------------------------


def test_put_integration_returns_201(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    resp = client.put_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", type="MOCK")
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201


def test_put_integration_mock_defaults(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    body = _put_integration(client, rest_api["id"], resource["id"], type="MOCK")
    assert body == {"type": "MOCK", **_defaults(resource["id"])}


def test_put_integration_mock_drops_uri_and_http_method(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    body = _put_integration(
        client,
        rest_api["id"],
        resource["id"],
        type="MOCK",
        integrationHttpMethod="POST",
        uri="https://example.com/ignored",
    )
    assert body == {"type": "MOCK", **_defaults(resource["id"])}


@pytest.mark.parametrize("integration_type", ["HTTP", "HTTP_PROXY"])
def test_put_integration_http_types_default_connection_type_internet(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], integration_type: str
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    body = _put_integration(
        client,
        rest_api["id"],
        resource["id"],
        type=integration_type,
        integrationHttpMethod="GET",
        uri="https://example.com/pets",
    )
    assert body == {
        "type": integration_type,
        "httpMethod": "GET",
        "uri": "https://example.com/pets",
        "connectionType": "INTERNET",
        **_defaults(resource["id"]),
    }


@pytest.mark.parametrize("integration_type", ["AWS", "AWS_PROXY"])
def test_put_integration_aws_types_have_no_connection_type(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], integration_type: str
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    body = _put_integration(
        client, rest_api["id"], resource["id"], type=integration_type, integrationHttpMethod="POST", uri=LAMBDA_URI
    )
    assert body == {"type": integration_type, "httpMethod": "POST", "uri": LAMBDA_URI, **_defaults(resource["id"])}


def test_put_integration_aws_accepts_any_integration_method(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    body = _put_integration(client, rest_api["id"], resource["id"], type="AWS", integrationHttpMethod="ANY", uri=S3_URI)
    assert body["httpMethod"] == "ANY"
    assert body["uri"] == S3_URI


def test_put_integration_echoes_supplied_optional_fields(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"], requestParameters={"method.request.querystring.q": True})
    body = _put_integration(
        client,
        rest_api["id"],
        resource["id"],
        type="AWS",
        integrationHttpMethod="POST",
        uri=LAMBDA_URI,
        credentials="arn:aws:iam::123456789012:role/apigw-invoke",
        requestParameters={
            "integration.request.header.X-Static": "'fixed'",
            "integration.request.querystring.q": "method.request.querystring.q",
        },
        requestTemplates={"application/json": '{"q": "$input.params(\'q\')"}'},
        passthroughBehavior="WHEN_NO_TEMPLATES",
        cacheNamespace="my-namespace",
        cacheKeyParameters=["method.request.querystring.q"],
        contentHandling="CONVERT_TO_TEXT",
        timeoutInMillis=1000,
    )
    assert body == {
        "type": "AWS",
        "httpMethod": "POST",
        "uri": LAMBDA_URI,
        "credentials": "arn:aws:iam::123456789012:role/apigw-invoke",
        "requestParameters": {
            "integration.request.header.X-Static": "'fixed'",
            "integration.request.querystring.q": "method.request.querystring.q",
        },
        "requestTemplates": {"application/json": '{"q": "$input.params(\'q\')"}'},
        "passthroughBehavior": "WHEN_NO_TEMPLATES",
        "cacheNamespace": "my-namespace",
        "cacheKeyParameters": ["method.request.querystring.q"],
        "contentHandling": "CONVERT_TO_TEXT",
        "timeoutInMillis": 1000,
    }


def test_put_integration_keeps_vpc_link_connection(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    body = _put_integration(
        client,
        rest_api["id"],
        resource["id"],
        type="HTTP_PROXY",
        integrationHttpMethod="ANY",
        uri="http://internal.example.com/pets",
        connectionType="VPC_LINK",
        connectionId="${stageVariables.vpcLinkId}",
    )
    assert body == {
        "type": "HTTP_PROXY",
        "httpMethod": "ANY",
        "uri": "http://internal.example.com/pets",
        "connectionType": "VPC_LINK",
        "connectionId": "${stageVariables.vpcLinkId}",
        **_defaults(resource["id"]),
    }


@pytest.mark.parametrize("timeout", [50, 29000])
def test_put_integration_accepts_timeout_bounds(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], timeout: int
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    body = _put_integration(client, rest_api["id"], resource["id"], type="MOCK", timeoutInMillis=timeout)
    assert body["timeoutInMillis"] == timeout


def test_put_integration_is_an_upsert(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    _put_integration(
        client, rest_api["id"], resource["id"], type="HTTP", integrationHttpMethod="GET", uri="https://example.com"
    )
    resp = client.put_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", type="MOCK")
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert _body(resp) == {"type": "MOCK", **_defaults(resource["id"])}


def test_put_integration_upsert_is_visible_to_get(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    _put_integration(client, rest_api["id"], resource["id"], type="MOCK", timeoutInMillis=1000)
    second = _put_integration(
        client, rest_api["id"], resource["id"], type="HTTP", integrationHttpMethod="GET", uri="https://example.com"
    )
    fetched = _body(client.get_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET"))
    assert fetched == second
    assert fetched["timeoutInMillis"] == 29000


def test_put_integration_again_keeps_integration_responses(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    _put_method(client, api_id, rid)
    _put_integration(client, api_id, rid, type="MOCK")
    client.put_integration_response(restApiId=api_id, resourceId=rid, httpMethod="GET", statusCode="200")
    _put_integration(client, api_id, rid, type="MOCK", passthroughBehavior="NEVER")
    fetched = _body(client.get_integration(restApiId=api_id, resourceId=rid, httpMethod="GET"))
    # spec §3.5 / §7.6: [UNK] recommended choice (integration responses survive a re-PUT)
    assert fetched["integrationResponses"] == {"200": {"statusCode": "200"}}


# --- PutIntegration: validation ----------------------------------------------------------------------------------


def test_put_integration_invalid_type_is_validation_exception(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    with pytest.raises(ClientError) as exc:
        _put_integration(client, rest_api["id"], resource["id"], type="WRONG")
    response = exc.value.response
    assert response["Error"]["Code"] == "ValidationException"
    assert response["Error"]["Message"] == (
        "1 validation error detected: Value 'WRONG' at 'putIntegrationInput.type' failed to satisfy constraint: "
        "Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]"
    )
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_put_integration_invalid_type_wins_over_missing_method(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(ClientError) as exc:
        _put_integration(client, rest_api["id"], resource["id"], type="WRONG")
    assert exc.value.response["Error"]["Code"] == "ValidationException"


@pytest.mark.parametrize("integration_type", ["HTTP", "HTTP_PROXY", "AWS"])
def test_put_integration_without_integration_method_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], integration_type: str
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    uri = LAMBDA_URI if integration_type == "AWS" else "https://example.com"
    with pytest.raises(ClientError) as exc:
        _put_integration(client, rest_api["id"], resource["id"], type=integration_type, uri=uri)
    assert_aws_error(
        exc, "BadRequestException", status=400, message="Enumeration value for HttpMethod must be non-empty"
    )


def test_put_integration_aws_proxy_without_integration_method_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    with pytest.raises(ClientError) as exc:
        _put_integration(client, rest_api["id"], resource["id"], type="AWS_PROXY", uri=LAMBDA_URI)
    # spec §3.5: [INF] AWS_PROXY needs the integration method too
    assert_aws_error(
        exc, "BadRequestException", status=400, message="Enumeration value for HttpMethod must be non-empty"
    )


@pytest.mark.parametrize("integration_type", ["HTTP", "HTTP_PROXY"])
def test_put_integration_http_with_non_url_uri_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], integration_type: str
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    with pytest.raises(ClientError) as exc:
        _put_integration(
            client, rest_api["id"], resource["id"], type=integration_type, integrationHttpMethod="GET", uri="not-a-url"
        )
    assert_aws_error(exc, "BadRequestException", "Invalid HTTP endpoint specified for URI", 400)


@pytest.mark.parametrize("integration_type", ["AWS", "AWS_PROXY"])
def test_put_integration_aws_with_non_arn_uri_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], integration_type: str
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    with pytest.raises(ClientError) as exc:
        _put_integration(
            client,
            rest_api["id"],
            resource["id"],
            type=integration_type,
            integrationHttpMethod="POST",
            uri="non-valid-arn",
        )
    assert_aws_error(exc, "BadRequestException", "Invalid ARN specified in the request", 400)


@pytest.mark.parametrize("integration_type", ["AWS", "AWS_PROXY"])
@pytest.mark.parametrize(
    "uri",
    [
        pytest.param("arn:aws:lambda:us-east-1:123456789012:function:my-fn", id="plain-lambda-arn"),
        pytest.param("arn:aws:iam::123456789012:role/my-role", id="iam-role-arn"),
        pytest.param(
            "arn:aws:apigateway:us-east-1:lambda:test/2015-03-31/functions/"
            "arn:aws:lambda:us-east-1:123456789012:function:my-fn/invocations",
            id="neither-path-nor-action",
        ),
    ],
)
def test_put_integration_aws_arn_without_path_or_action_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], integration_type: str, uri: str
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    with pytest.raises(ClientError) as exc:
        _put_integration(
            client, rest_api["id"], resource["id"], type=integration_type, integrationHttpMethod="POST", uri=uri
        )
    assert_aws_error(
        exc, "BadRequestException", status=400, message="AWS ARN for integration must contain path or action"
    )


@pytest.mark.parametrize(
    "uri",
    [
        pytest.param(S3_URI, id="s3-path"),
        pytest.param("arn:aws:apigateway:us-east-1:lambda:path/some/other/path", id="lambda-other-path"),
    ],
)
def test_put_integration_aws_proxy_non_lambda_target_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], uri: str
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    with pytest.raises(ClientError) as exc:
        _put_integration(
            client, rest_api["id"], resource["id"], type="AWS_PROXY", integrationHttpMethod="POST", uri=uri
        )
    assert_aws_error(
        exc,
        "BadRequestException",
        "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
        400,
    )


@pytest.mark.parametrize("timeout", [49, 29001])
def test_put_integration_timeout_out_of_range_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], timeout: int
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    with pytest.raises(ClientError) as exc:
        _put_integration(client, rest_api["id"], resource["id"], type="MOCK", timeoutInMillis=timeout)
    assert_aws_error(exc, "BadRequestException", "Timeout should be between 50 ms and 29000 ms", 400)


def test_put_integration_undeclared_method_parameter_mapping_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    with pytest.raises(ClientError) as exc:
        _put_integration(
            client,
            rest_api["id"],
            resource["id"],
            type="HTTP",
            integrationHttpMethod="GET",
            uri="https://example.com",
            requestParameters={
                "integration.request.header.X-Some-Header": "method.request.querystring.X-Some-Header-2"
            },
        )
    assert_aws_error(
        exc,
        "BadRequestException",
        "Invalid mapping expression specified: Validation Result: warnings : [], errors : "
        "[Invalid mapping expression parameter specified: method.request.querystring.X-Some-Header-2]",
        400,
    )


def test_put_integration_undeclared_cache_key_parameter_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    with pytest.raises(ClientError) as exc:
        _put_integration(
            client,
            rest_api["id"],
            resource["id"],
            type="HTTP",
            integrationHttpMethod="GET",
            uri="https://example.com",
            cacheKeyParameters=["method.request.querystring.undeclared"],
        )
    assert_aws_error(exc, "BadRequestException", "Invalid cache key parameter specified", 400)


def test_put_integration_bool_parameter_value_is_serialization_exception(
    mock: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    raw = boto3.client("apigateway", region_name="us-east-1", config=botocore.config.Config(parameter_validation=False))
    _put_method(raw, rest_api["id"], resource["id"])
    with pytest.raises(ClientError) as exc:
        raw.put_integration(
            restApiId=rest_api["id"],
            resourceId=resource["id"],
            httpMethod="GET",
            type="MOCK",
            requestParameters={"integration.request.header.X-Flag": True},
        )
    response = exc.value.response
    assert response["Error"]["Code"] == "SerializationException"
    assert response["Error"]["Message"] == "class java.lang.Boolean can not be converted to an String"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_put_integration_missing_method_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _put_integration(client, rest_api["id"], resource["id"], type="MOCK")
    assert exc.value.response["Error"]["Message"] == METHOD_NOT_FOUND
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_put_integration_missing_resource_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _put_integration(client, rest_api["id"], "nope00", type="MOCK")
    assert exc.value.response["Error"]["Message"] == RESOURCE_NOT_FOUND


def test_put_integration_missing_api_is_not_found(client: Any, resource: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _put_integration(client, "doesnotexi", resource["id"], type="MOCK")
    # spec §2: [INF] resource message
    assert exc.value.response["Error"]["Message"] == RESOURCE_NOT_FOUND


def test_put_integration_missing_method_wins_over_bad_uri(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _put_integration(
            client, rest_api["id"], resource["id"], type="HTTP", integrationHttpMethod="GET", uri="not-a-url"
        )
    # spec §1.4: [UNK] recommended choice (existence before semantic validation)
    assert exc.value.response["Error"]["Message"] == METHOD_NOT_FOUND


# --- GetIntegration ----------------------------------------------------------------------------------------------


def test_get_integration_returns_the_put_integration(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    put = _put_integration(
        client, rest_api["id"], resource["id"], type="HTTP", integrationHttpMethod="POST", uri="https://example.com"
    )
    resp = client.get_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert _body(resp) == put


def test_get_integration_includes_integration_responses(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    _put_method(client, api_id, rid)
    _put_integration(client, api_id, rid, type="MOCK")
    client.put_integration_response(restApiId=api_id, resourceId=rid, httpMethod="GET", statusCode="200")
    client.put_integration_response(
        restApiId=api_id, resourceId=rid, httpMethod="GET", statusCode="500", selectionPattern="Error.*"
    )
    body = _body(client.get_integration(restApiId=api_id, resourceId=rid, httpMethod="GET"))
    assert body == {
        "type": "MOCK",
        **_defaults(rid),
        "integrationResponses": {
            "200": {"statusCode": "200"},
            "500": {"statusCode": "500", "selectionPattern": "Error.*"},
        },
    }


def test_get_integration_without_integration_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert exc.value.response["Error"]["Message"] == INTEGRATION_NOT_FOUND
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_get_integration_missing_method_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert exc.value.response["Error"]["Message"] == METHOD_NOT_FOUND


def test_get_integration_missing_resource_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_integration(restApiId=rest_api["id"], resourceId="nope00", httpMethod="GET")
    assert exc.value.response["Error"]["Message"] == RESOURCE_NOT_FOUND


def test_get_integration_missing_api_is_not_found(client: Any, resource: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_integration(restApiId="doesnotexi", resourceId=resource["id"], httpMethod="GET")
    assert exc.value.response["Error"]["Message"] == RESOURCE_NOT_FOUND


# --- DeleteIntegration -------------------------------------------------------------------------------------------


def test_delete_integration_returns_204(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    _put_integration(client, rest_api["id"], resource["id"], type="MOCK")
    resp = client.delete_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 204


def test_delete_integration_then_get_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    _put_integration(client, rest_api["id"], resource["id"], type="MOCK")
    client.delete_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert exc.value.response["Error"]["Message"] == INTEGRATION_NOT_FOUND


def test_delete_integration_removes_method_integration_from_get_method(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    _put_integration(client, rest_api["id"], resource["id"], type="MOCK")
    client.delete_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    method = _body(client.get_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET"))
    assert method == {"httpMethod": "GET", "authorizationType": "NONE", "apiKeyRequired": False}


def test_delete_integration_removes_its_integration_responses(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    _put_method(client, api_id, rid)
    _put_integration(client, api_id, rid, type="MOCK")
    client.put_integration_response(restApiId=api_id, resourceId=rid, httpMethod="GET", statusCode="200")
    client.delete_integration(restApiId=api_id, resourceId=rid, httpMethod="GET")
    fresh = _put_integration(client, api_id, rid, type="MOCK")
    assert "integrationResponses" not in fresh
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_integration_response(restApiId=api_id, resourceId=rid, httpMethod="GET", statusCode="200")
    assert exc.value.response["Error"]["Message"] == "Invalid Response status code specified"


def test_delete_integration_missing_integration_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"])
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.delete_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    # spec §2: [INF] integration message
    assert exc.value.response["Error"]["Message"] == INTEGRATION_NOT_FOUND


def test_delete_integration_missing_resource_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.delete_integration(restApiId=rest_api["id"], resourceId="nope00", httpMethod="GET")
    # spec §2: [INF] resource message
    assert exc.value.response["Error"]["Message"] == RESOURCE_NOT_FOUND


def test_delete_integration_missing_method_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    # spec §2: [UNK] method or integration message, so only the error type is asserted
    with pytest.raises(client.exceptions.NotFoundException):
        client.delete_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
