"""Gateway responses at runtime (spec §12) and the error family that feeds them (spec §12.1)."""

from __future__ import annotations

import json

import pytest

from apigw_mock.invoke import errors
from apigw_mock.invoke.gateway_responses import GatewayReply, render, substitute
from apigw_mock.invoke.mapping import Sources
from apigw_mock.invoke.request import MethodRequest

SOURCES = Sources(
    request=MethodRequest.of(headers={"Origin": "https://app.example.com"}, querystring={"q": "1"}),
    stage_variables={"a": "stage-a"},
    context={"requestId": "req-1", "extendedRequestId": "ext-1", "stage": "prod", "resourcePath": "/pets"},
)


# spec §12.1: type, built-in status, AWS's message and x-amzn-ErrorType, over the default template (§12.2.3)
@pytest.mark.parametrize(
    ("error", "status", "body", "error_type"),
    [
        (
            errors.MissingAuthenticationToken(),
            403,
            '{"message":"Missing Authentication Token"}',
            ("MissingAuthenticationTokenException"),
        ),
        (errors.Forbidden(), 403, '{"message":"Forbidden"}', "ForbiddenException"),
        (errors.InvalidApiKey(), 403, '{"message":"Forbidden"}', "ForbiddenException"),
        (errors.Unauthorized(), 401, '{"message":"Unauthorized"}', "UnauthorizedException"),
        (
            errors.AccessDenied(),
            403,
            ('{"message":"User is not authorized to access this resource with an explicit deny"}'),
            "AccessDeniedException",
        ),
        (
            errors.AccessDenied(errors.AccessDenied.IMPLICIT_DENY),
            403,
            ('{"message":"User is not authorized to access this resource"}'),
            "AccessDeniedException",
        ),
        (errors.AuthorizerConfigurationError(), 500, '{"message":null}', "AuthorizerConfigurationException"),
        (errors.Throttled(), 429, '{"message":"Too Many Requests"}', "TooManyRequestsException"),
        (errors.QuotaExceeded(), 429, '{"message":"Limit Exceeded"}', "LimitExceededException"),
        (
            errors.BadRequestParameters(["q1"]),
            400,
            '{"message":"Missing required request parameters: [q1]"}',
            ("BadRequestException"),
        ),
        (
            errors.BadRequestParameters(["q1", "h2"]),
            400,
            ('{"message":"Missing required request parameters: [q1, h2]"}'),
            "BadRequestException",
        ),
        (
            errors.BadRequestBody("[object has missing required properties]"),
            400,
            ('{"message":"Invalid request body"}'),
            "BadRequestException",
        ),
        (errors.UnsupportedMediaType(), 415, '{"message":"Unsupported Media Type"}', "UnsupportedMediaTypeException"),
        (errors.RequestTooLarge(), 413, '{"message":"Request Too Long"}', "RequestTooLongException"),
        (errors.IntegrationTimeout(), 504, '{"message":"Endpoint request timed out"}', "InternalServerErrorException"),
        (errors.IntegrationFailure(), 504, '{"message":"Internal server error"}', "InternalServerErrorException"),
        (
            errors.LambdaProxyFailure(log=errors.LambdaProxyFailure.MALFORMED),
            502,
            ('{"message":"Internal server error"}'),
            "InternalServerErrorException",
        ),
        (errors.ApiConfigurationError(), 500, '{"message":"Internal server error"}', "InternalServerErrorException"),
        (errors.NoOutputMapping(200), 500, '{"message":"Internal server error"}', "InternalServerErrorException"),
        (errors.WafFiltered(), 403, '{"message":"Forbidden"}', "ForbiddenException"),
        (
            errors.InvalidSignature("Signature mismatch"),
            403,
            '{"message":"Signature mismatch"}',
            ("InvalidSignatureException"),
        ),
    ],
)
def test_built_in_rendering(error: errors.GatewayError, status: int, body: str, error_type: str) -> None:
    reply = render(error, None, sources=SOURCES)
    assert (reply.status, reply.body) == (status, body)
    assert reply.headers == {
        "Content-Type": "application/json",
        "x-amzn-ErrorType": error_type,
        "x-amzn-RequestId": "req-1",
        "x-amz-apigw-id": "ext-1",
    }


def test_no_output_mapping_log_line() -> None:
    """[FIELD] aws/serverless-application-model#2459."""
    assert errors.NoOutputMapping(200).log == (
        "Execution failed due to configuration error: No match for output mapping and no default output mapping "
        "configured. Endpoint Response Status Code: 200"
    )


def test_execution_log_texts() -> None:
    """spec §8.3.3 [FIELD]: the log lines the pipeline reports for Lambda failures."""
    assert errors.LambdaProxyFailure(log=errors.LambdaProxyFailure.MALFORMED).log == (
        "Execution failed due to configuration error: Malformed Lambda proxy response"
    )
    assert errors.LambdaProxyFailure.function_error("boom").log == (
        "Lambda execution failed with status 200 due to customer function error: boom"
    )
    assert errors.ApiConfigurationError(log=errors.ApiConfigurationError.LAMBDA_PERMISSIONS).log == (
        "Execution failed due to configuration error: Invalid permissions on Lambda function"
    )


def test_message_string_is_a_json_literal() -> None:
    assert errors.InvalidSignature('say "hi"').message_string == '"say \\"hi\\""'
    assert errors.AuthorizerConfigurationError().message_string == "null"


def test_customised_response_from_the_docs() -> None:
    """DG:api-gateway-gatewayResponse-definition example: a customised MISSING_AUTHENTICATION_TOKEN (404)."""
    definition = {
        "statusCode": "404",
        "responseParameters": {
            "gatewayresponse.header.x-request-path": "method.request.querystring.q",
            "gatewayresponse.header.Access-Control-Allow-Origin": "'a.b.c'",
            "gatewayresponse.header.x-request-header": "method.request.header.Origin",
            "gatewayresponse.header.x-stage": "stageVariables.a",
            "gatewayresponse.header.x-request-id": "context.requestId",
        },
        "responseTemplates": {
            "application/json": (
                '{\n     "message": $context.error.messageString,\n     "type":  "$context.error.responseType",\n'
                '     "stage":  "$context.stage",\n     "resourcePath":  "$context.resourcePath",\n'
                '     "stageVariables.a":  "$stageVariables.a",\n     "statusCode": "\'404\'"\n}'
            )
        },
    }
    reply = render(errors.MissingAuthenticationToken(), definition, sources=SOURCES)
    assert reply.status == 404
    assert json.loads(reply.body) == {
        "message": "Missing Authentication Token",
        "type": "MISSING_AUTHENTICATION_TOKEN",
        "stage": "prod",
        "resourcePath": "/pets",
        "stageVariables.a": "stage-a",
        "statusCode": "'404'",
    }
    assert reply.headers["x-request-path"] == "1"
    assert reply.headers["Access-Control-Allow-Origin"] == "a.b.c"
    assert reply.headers["x-request-header"] == "https://app.example.com"
    assert reply.headers["x-stage"] == "stage-a"
    assert reply.headers["x-request-id"] == "req-1"
    assert reply.headers["x-amzn-ErrorType"] == "MissingAuthenticationTokenException"


@pytest.mark.parametrize(
    ("definition", "status"),
    [
        ({"statusCode": "599"}, 599),  # a customised DEFAULT_5XX status applies to its family (caller resolves)
        ({"statusCode": None}, 500),  # DEFAULT_XXX without a status: the error's own
        ({}, 500),
    ],
)
def test_status_from_definition(definition: dict[str, object], status: int) -> None:
    assert render(errors.ApiConfigurationError(), definition).status == status


def test_lambda_proxy_failure_keeps_502_under_a_customised_default_5xx() -> None:
    """[UNK] §16.5: DEFAULT_5XX renders Lambda proxy failures, status forced to 502."""
    reply = render(errors.LambdaProxyFailure(), {"statusCode": "599", "responseTemplates": {"application/json": "x"}})
    assert (reply.status, reply.body) == (502, "x")


@pytest.mark.parametrize(
    ("accept", "content_type", "body"),
    [
        ("application/xml", "application/xml", "<m>Forbidden</m>"),
        ("text/html, application/xml", "text/html", "Forbidden!"),  # first Accept type only
        ("image/png", "application/json", '{"m":"Forbidden"}'),  # fallback application/json
        (None, "application/json", '{"m":"Forbidden"}'),
    ],
)
def test_template_by_accept(accept: str | None, content_type: str, body: str) -> None:
    templates = {
        "application/xml": "<m>$context.error.message</m>",
        "application/json": '{"m":"$context.error.message"}',
        "text/html": "$context.error.message!",
    }
    reply = render(errors.InvalidApiKey(), {"responseTemplates": templates}, accept=accept)
    assert (reply.headers["Content-Type"], reply.body) == (content_type, body)


def test_first_template_when_neither_accept_nor_json_matches() -> None:
    reply = render(errors.InvalidApiKey(), {"responseTemplates": {"text/plain": "no: $context.error.message"}})
    assert (reply.headers["Content-Type"], reply.body) == ("text/plain", "no: Forbidden")


def test_a_mapped_header_can_replace_a_default_header() -> None:
    definition = {"responseParameters": {"gatewayresponse.header.Content-Type": "'text/plain'"}}
    assert render(errors.Throttled(), definition).headers["Content-Type"] == "text/plain"


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("$context.error.message", "Invalid request body"),
        ("${context.error.responseType}", "BAD_REQUEST_BODY"),
        ("$!context.error.validationErrorString", "[bad]"),
        ("[$context.nope]", "[]"),  # unknown -> empty [UNK]
        ("#if($context.stage)x#end", "#if(prod)x#end"),  # not VTL: directives stay as written [DOC]
        ("cost $5 and $input.body", "cost $5 and $input.body"),  # only the three reference families
        ("$method.request.header.origin", "https://app.example.com"),  # [INF]
        ("$stageVariables.a.", "stage-a."),
    ],
)
def test_substitution_is_not_vtl(template: str, expected: str) -> None:
    reply = render(
        errors.BadRequestBody("[bad]"), {"responseTemplates": {"application/json": template}}, sources=SOURCES
    )
    assert reply.body == expected


def test_substitute_without_error_context() -> None:
    assert substitute("$context.stage/$stageVariables.a", SOURCES) == "prod/stage-a"


def test_reply_shape() -> None:
    assert render(errors.Unauthorized()) == GatewayReply(
        401,
        {"Content-Type": "application/json", "x-amzn-ErrorType": "UnauthorizedException"},
        ('{"message":"Unauthorized"}'),
    )


@pytest.mark.parametrize("cls", [cls for cls in vars(errors).values() if isinstance(cls, type)])
def test_every_error_names_a_gateway_response_type(cls: type) -> None:
    types = {
        "REQUEST_TOO_LARGE", "RESOURCE_NOT_FOUND", "AUTHORIZER_CONFIGURATION_ERROR", "MISSING_AUTHENTICATION_TOKEN",
        "BAD_REQUEST_BODY", "INVALID_SIGNATURE", "INVALID_API_KEY", "BAD_REQUEST_PARAMETERS", "AUTHORIZER_FAILURE",
        "UNAUTHORIZED", "INTEGRATION_TIMEOUT", "ACCESS_DENIED", "DEFAULT_4XX", "DEFAULT_5XX", "WAF_FILTERED",
        "QUOTA_EXCEEDED", "THROTTLED", "API_CONFIGURATION_ERROR", "UNSUPPORTED_MEDIA_TYPE", "INTEGRATION_FAILURE",
        "EXPIRED_TOKEN",
    }  # fmt: skip
    if issubclass(cls, errors.GatewayError) and cls is not errors.GatewayError:
        assert cls.response_type in types
        assert cls.error_type.endswith("Exception")
        assert 400 <= cls.status <= 599
