"""Integration CRUD: PutIntegration (defaults per type, validation, upsert), GetIntegration, DeleteIntegration.

Covers spec §1.1, §1.3, §1.4, §2 and §3.5. Most tests act on `GET /pets` with authorizationType NONE.

The last section holds details found in review beyond the spec-derived cases (from the former
test_graph_details.py); where a text is our choice the test says so ([INF]/[UNK]).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import (
    INTEGRATION_NOT_FOUND,
    METHOD_NOT_FOUND,
    assert_reply,
    assert_saved,
    body,
    build_nothing,
    message_of,
    method_with_mock,
    missing_parents,
    not_found_ladder,
    put_method,
    raises_aws,
    unvalidated_client,
    validation_message,
)
from tests.support.calls import aimed, bound

LAMBDA_URI = (
    "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
    "arn:aws:lambda:us-east-1:123456789012:function:my-fn/invocations"
)
S3_URI = "arn:aws:apigateway:us-east-1:s3:path/my-bucket/{key}"
HTTP_GET = {"type": "HTTP", "integrationHttpMethod": "GET", "uri": "https://example.com"}


def _defaults(resource_id: str) -> dict[str, Any]:
    """The keys PutIntegration always fills in (spec §3.5)."""
    return {
        "cacheKeyParameters": [],
        "cacheNamespace": resource_id,
        "passthroughBehavior": "WHEN_NO_MATCH",
        "timeoutInMillis": 29000,
    }


def _with_responses(client: Any, api_id: str, resource_id: str, *status_codes: str) -> None:
    """GET + MOCK integration + an integration response per status code (500 selects `Error.*`)."""
    method_with_mock(client, api_id, resource_id)
    for status_code in status_codes:
        extra = {"selectionPattern": "Error.*"} if status_code == "500" else {}
        client.put_integration_response(
            restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode=status_code, **extra
        )


# --- PutIntegration: shapes, defaults and upserts (HTTP 201, and a later GET agrees) ------------------------------

OPTIONAL_FIELDS = {
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
VPC_LINK = {
    "type": "HTTP_PROXY",
    "uri": "http://internal.example.com/pets",
    "connectionType": "VPC_LINK",
    "connectionId": "${stageVariables.vpcLinkId}",
}


@pytest.mark.parametrize(
    ("method", "before", "integration", "expected"),
    [
        pytest.param({}, None, {"type": "MOCK"}, {"type": "MOCK"}, id="mock-defaults"),
        pytest.param(
            {},
            None,
            {"type": "MOCK", "integrationHttpMethod": "POST", "uri": "https://example.com/ignored"},
            {"type": "MOCK"},
            id="mock-drops-uri-and-http-method",
        ),
        *(
            pytest.param(
                {},
                None,
                {"type": kind, "integrationHttpMethod": "GET", "uri": "https://example.com/pets"},
                {"type": kind, "httpMethod": "GET", "uri": "https://example.com/pets", "connectionType": "INTERNET"},
                id=f"{kind}-defaults-connection-type-internet",
            )
            for kind in ("HTTP", "HTTP_PROXY")
        ),
        *(
            pytest.param(
                {},
                None,
                {"type": kind, "integrationHttpMethod": "POST", "uri": LAMBDA_URI},
                {"type": kind, "httpMethod": "POST", "uri": LAMBDA_URI},
                id=f"{kind}-has-no-connection-type",
            )
            for kind in ("AWS", "AWS_PROXY")
        ),
        pytest.param(
            {},
            None,
            {"type": "AWS", "integrationHttpMethod": "ANY", "uri": S3_URI},
            {"type": "AWS", "httpMethod": "ANY", "uri": S3_URI},
            id="aws-accepts-any-integration-method",
        ),
        pytest.param(
            {"requestParameters": {"method.request.querystring.q": True}},
            None,
            {"type": "AWS", "integrationHttpMethod": "POST", "uri": LAMBDA_URI, **OPTIONAL_FIELDS},
            {"type": "AWS", "httpMethod": "POST", "uri": LAMBDA_URI, **OPTIONAL_FIELDS},
            id="echoes-supplied-optional-fields",
        ),
        pytest.param(
            {},
            None,
            {**VPC_LINK, "integrationHttpMethod": "ANY"},
            {**VPC_LINK, "httpMethod": "ANY"},
            id="keeps-vpc-link-connection",
        ),
        *(
            pytest.param(
                {},
                None,
                {"type": "MOCK", "timeoutInMillis": timeout},
                {"type": "MOCK", "timeoutInMillis": timeout},
                id=f"accepts-timeout-bound-{timeout}",
            )
            for timeout in (50, 29000)
        ),
        pytest.param({}, HTTP_GET, {"type": "MOCK"}, {"type": "MOCK"}, id="is-an-upsert"),
        pytest.param(
            {},
            {"type": "MOCK", "timeoutInMillis": 1000},
            HTTP_GET,
            {"type": "HTTP", "httpMethod": "GET", "uri": "https://example.com", "connectionType": "INTERNET"},
            id="upsert-resets-omitted-fields",
        ),
    ],
)
def test_put_integration(
    client: Any,
    rest_api: dict[str, Any],
    resource: dict[str, Any],
    method: dict[str, Any],
    before: dict[str, Any] | None,
    integration: dict[str, Any],
    expected: dict[str, Any],
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    put_method(client, rest_api["id"], resource["id"], **method)
    if before is not None:
        ids.put_integration(**before)

    resp = ids.raw.put_integration(**integration)

    # The defaults come first so that a row's own value (cacheNamespace, timeoutInMillis, ...) wins.
    full = {**_defaults(resource["id"]), **expected}
    assert_saved(resp, 201, full, ids.get_integration())


def test_put_integration_again_keeps_integration_responses(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    _with_responses(client, rest_api["id"], resource["id"], "200")

    ids.put_integration(type="MOCK", passthroughBehavior="NEVER")

    # spec §3.5 / §7.6: [UNK] recommended choice (integration responses survive a re-PUT)
    fetched = ids.get_integration()
    assert fetched["integrationResponses"] == {"200": {"statusCode": "200"}}


# --- PutIntegration: validation ----------------------------------------------------------------------------------

TYPE_VIOLATION = validation_message(
    "Value 'WRONG' at 'putIntegrationInput.type' failed to satisfy constraint: "
    "Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]"
)
NO_HTTP_METHOD = "Enumeration value for HttpMethod must be non-empty"
NO_PATH_OR_ACTION = "AWS ARN for integration must contain path or action"
ARNS_WITHOUT_PATH_OR_ACTION = {
    "plain-lambda-arn": "arn:aws:lambda:us-east-1:123456789012:function:my-fn",
    "iam-role-arn": "arn:aws:iam::123456789012:role/my-role",
    "neither-path-nor-action": "arn:aws:apigateway:us-east-1:lambda:test/2015-03-31/functions/"
    "arn:aws:lambda:us-east-1:123456789012:function:my-fn/invocations",
}
NON_LAMBDA_TARGETS = {
    "s3-path": S3_URI,
    "lambda-other-path": "arn:aws:apigateway:us-east-1:lambda:path/some/other/path",
}
ONLY_LAMBDA = (
    "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations."
)
MAPPING_ERROR = (
    "Invalid mapping expression specified: Validation Result: warnings : [], errors : "
    "[Invalid mapping expression parameter specified: method.request.querystring.X-Some-Header-2]"
)


@pytest.mark.parametrize("with_method", [pytest.param(True, id="method"), pytest.param(False, id="no-method")])
def test_put_integration_invalid_type_is_validation_exception_before_existence(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], with_method: bool
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    if with_method:
        put_method(client, rest_api["id"], resource["id"])

    with raises_aws("ValidationException", TYPE_VIOLATION, 400):
        ids.put_integration(type="WRONG")


@pytest.mark.parametrize(
    ("integration", "message"),
    [
        *(
            pytest.param(
                {"type": kind, "uri": LAMBDA_URI if kind.startswith("AWS") else "https://example.com"},
                NO_HTTP_METHOD,
                id=f"{kind}-without-integration-method",
            )
            # spec §3.5: [INF] AWS_PROXY needs the integration method too
            for kind in ("HTTP", "HTTP_PROXY", "AWS", "AWS_PROXY")
        ),
        *(
            pytest.param(
                {"type": kind, "integrationHttpMethod": "GET", "uri": "not-a-url"},
                "Invalid HTTP endpoint specified for URI",
                id=f"{kind}-with-non-url-uri",
            )
            for kind in ("HTTP", "HTTP_PROXY")
        ),
        *(
            pytest.param(
                {"type": kind, "integrationHttpMethod": "POST", "uri": "non-valid-arn"},
                "Invalid ARN specified in the request",
                id=f"{kind}-with-non-arn-uri",
            )
            for kind in ("AWS", "AWS_PROXY")
        ),
        *(
            pytest.param(
                {"type": kind, "integrationHttpMethod": "POST", "uri": uri},
                NO_PATH_OR_ACTION,
                id=f"{kind}-{name}",
            )
            for name, uri in ARNS_WITHOUT_PATH_OR_ACTION.items()
            for kind in ("AWS", "AWS_PROXY")
        ),
        *(
            pytest.param(
                {"type": "AWS_PROXY", "integrationHttpMethod": "POST", "uri": uri},
                ONLY_LAMBDA,
                id=f"aws-proxy-to-{name}",
            )
            for name, uri in NON_LAMBDA_TARGETS.items()
        ),
        *(
            pytest.param(
                {"type": "MOCK", "timeoutInMillis": timeout},
                "Timeout should be between 50 ms and 29000 ms",
                id=f"timeout-{timeout}-out-of-range",
            )
            for timeout in (49, 29001)
        ),
        pytest.param(
            {
                **HTTP_GET,
                "requestParameters": {
                    "integration.request.header.X-Some-Header": "method.request.querystring.X-Some-Header-2"
                },
            },
            MAPPING_ERROR,
            id="undeclared-method-parameter-mapping",
        ),
        pytest.param(
            {**HTTP_GET, "cacheKeyParameters": ["method.request.querystring.undeclared"]},
            "Invalid cache key parameter specified",
            id="undeclared-cache-key-parameter",
        ),
    ],
)
def test_put_integration_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], integration: dict[str, Any], message: str
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    put_method(client, rest_api["id"], resource["id"])

    with raises_aws("BadRequestException", message, 400):
        ids.put_integration(**integration)


def test_put_integration_bool_parameter_value_is_serialization_exception(
    mock: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    raw = unvalidated_client()
    ids = bound(raw, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    put_method(raw, rest_api["id"], resource["id"])

    with raises_aws("SerializationException", "class java.lang.Boolean can not be converted to an String", 400):
        ids.put_integration(type="MOCK", requestParameters={"integration.request.header.X-Flag": True})


# --- GetIntegration ----------------------------------------------------------------------------------------------


def test_get_integration_returns_the_put_integration(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    put_method(client, rest_api["id"], resource["id"])
    put = ids.put_integration(**{**HTTP_GET, "integrationHttpMethod": "POST"})

    resp = ids.raw.get_integration()

    assert_reply(resp, 200, put)


def test_get_integration_includes_integration_responses(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    _with_responses(client, rest_api["id"], resource["id"], "200", "500")

    assert ids.get_integration() == {
        "type": "MOCK",
        **_defaults(resource["id"]),
        "integrationResponses": {
            "200": {"statusCode": "200"},
            "500": {"statusCode": "500", "selectionPattern": "Error.*"},
        },
    }


# --- DeleteIntegration -------------------------------------------------------------------------------------------


def test_delete_integration_returns_204_and_leaves_a_bare_method(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    method_with_mock(client, rest_api["id"], resource["id"])

    resp = ids.raw.delete_integration()

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 204
    method = body(client.get_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET"))
    assert method == {"httpMethod": "GET", "authorizationType": "NONE", "apiKeyRequired": False}


def test_delete_integration_removes_its_integration_responses(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    _with_responses(client, rest_api["id"], resource["id"], "200")
    ids.delete_integration()

    fresh = ids.put_integration(type="MOCK")

    assert "integrationResponses" not in fresh
    with raises_aws("NotFoundException", "Invalid Response status code specified"):
        client.get_integration_response(
            restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
        )


# --- not found (spec §2) -----------------------------------------------------------------------------------------


def _with_deleted_integration(client: Any, api_id: str, resource_id: str) -> None:
    ids = bound(client, restApiId=api_id, resourceId=resource_id, httpMethod="GET")
    method_with_mock(client, api_id, resource_id)
    ids.delete_integration()


PUT_MOCK = aimed("put_integration", httpMethod="GET", type="MOCK")


DELETE_INTEGRATION = aimed("delete_integration", httpMethod="GET")
GET_INTEGRATION = aimed("get_integration", httpMethod="GET")


test_not_found = not_found_ladder(
    pytest.param(PUT_MOCK, build_nothing, None, None, METHOD_NOT_FOUND, id="put-missing-method"),
    # spec §2: [INF] resource message for a missing API
    *missing_parents("put", PUT_MOCK),
    # spec §1.4: [UNK] recommended choice (existence before semantic validation)
    pytest.param(
        aimed("put_integration", httpMethod="GET", type="HTTP", integrationHttpMethod="GET", uri="not-a-url"),
        build_nothing,
        None,
        None,
        METHOD_NOT_FOUND,
        id="put-missing-method-wins-over-bad-uri",
    ),
    pytest.param(GET_INTEGRATION, put_method, None, None, INTEGRATION_NOT_FOUND, id="get-without-integration"),
    pytest.param(GET_INTEGRATION, build_nothing, None, None, METHOD_NOT_FOUND, id="get-missing-method"),
    *missing_parents("get", GET_INTEGRATION),
    pytest.param(GET_INTEGRATION, _with_deleted_integration, None, None, INTEGRATION_NOT_FOUND, id="get-after-delete"),
    # spec §2: [INF] integration message
    pytest.param(DELETE_INTEGRATION, put_method, None, None, INTEGRATION_NOT_FOUND, id="delete-missing-integration"),
    # spec §2: [INF] resource message
    *missing_parents("delete", DELETE_INTEGRATION),
    pytest.param(DELETE_INTEGRATION, _with_deleted_integration, None, None, INTEGRATION_NOT_FOUND, id="delete-twice"),
    # spec §2: [UNK] method or integration message, so only the error type is asserted
    pytest.param(DELETE_INTEGRATION, build_nothing, None, None, None, id="delete-missing-method"),
)


# --- review details: empty templates, content types, passthrough, tlsConfig ([INF]/[UNK] texts marked) ----------------


def test_put_integration_stores_empty_templates_as_null(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    put_method(client, api_id, rid)
    put = client.put_integration(
        restApiId=api_id, resourceId=rid, httpMethod="GET", type="MOCK", requestTemplates={"application/json": ""}
    )
    assert put["requestTemplates"] == {"application/json": None}


def test_put_integration_bad_template_content_type_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    put_method(client, rest_api["id"], resource["id"])
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.put_integration(
            restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", type="MOCK",
            requestTemplates={"123": "{}"},
        )  # fmt: skip
    assert message_of(exc) == "Validation Result: warnings : [], errors : [Invalid content type specified: 123]"


def test_put_integration_bad_passthrough_behavior_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    put_method(client, rest_api["id"], resource["id"])
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.put_integration(
            restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", type="MOCK",
            passthroughBehavior="SOMETIMES",
        )  # fmt: skip
    assert message_of(exc) == (  # [UNK] text, the same as UpdateIntegration's
        "Invalid PassthroughBehavior specified. Valid options are WHEN_NO_MATCH,WHEN_NO_TEMPLATES,NEVER"
    )


def test_put_integration_echoes_tls_config_and_keeps_stored_responses_out_of_the_reply(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    method_with_mock(client, api_id, rid)
    client.put_integration_response(restApiId=api_id, resourceId=rid, httpMethod="GET", statusCode="200")
    again = client.put_integration(
        restApiId=api_id, resourceId=rid, httpMethod="GET", type="HTTP", integrationHttpMethod="GET",
        uri="https://example.com", tlsConfig={"insecureSkipVerification": True},
    )  # fmt: skip
    assert again["tlsConfig"] == {"insecureSkipVerification": True}
    assert "integrationResponses" not in again
    method = client.get_method(restApiId=api_id, resourceId=rid, httpMethod="GET")
    assert method["methodIntegration"]["integrationResponses"] == {"200": {"statusCode": "200"}}


# --- review details: request mappings from multivalue sources, AWS_PROXY targets --------------------------------------


def test_multivalue_source_reads_the_declared_single_value_parameter(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=rest_api["rootResourceId"], httpMethod="GET")
    ids.put_method(authorizationType="NONE", requestParameters={"method.request.querystring.tag": False})
    mapping = {"integration.request.querystring.tags": "method.request.multivaluequerystring.tag"}

    created = ids.put_integration(
        type="HTTP", integrationHttpMethod="GET", uri="https://example.com", requestParameters=mapping
    )

    assert created["requestParameters"] == mapping


def test_multivalue_source_of_an_undeclared_parameter_is_rejected(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=rest_api["rootResourceId"], httpMethod="GET")
    ids.put_method(authorizationType="NONE")
    with pytest.raises(client.exceptions.BadRequestException) as error:
        ids.put_integration(
            type="HTTP",
            integrationHttpMethod="GET",
            uri="https://example.com",
            requestParameters={"integration.request.header.x": "method.request.multivalueheader.x"},
        )
    assert error.value.response["Error"]["Message"] == (
        "Invalid mapping expression specified: Validation Result: warnings : [], "
        "errors : [Invalid mapping expression parameter specified: method.request.multivalueheader.x]"
    )


def test_aws_proxy_to_firehose_is_rejected(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=rest_api["rootResourceId"], httpMethod="GET")
    ids.put_method(authorizationType="NONE")
    with pytest.raises(client.exceptions.BadRequestException) as error:
        ids.put_integration(
            type="AWS_PROXY",
            integrationHttpMethod="POST",
            uri="arn:aws:apigateway:us-east-1:firehose:action/PutRecord",
        )
    # spec §3.5, recorded: firehose targets get this text although it names Firehose as supported.
    assert error.value.response["Error"]["Message"] == (
        "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations."
    )
