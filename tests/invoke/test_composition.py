"""The engines chained as the pipeline will chain them (spec §4 steps 3, 10, 12, 13, 15), on plain data only.

These show the wiring for the MOCK integration of a CORS preflight (spec §13, §8.1) and for a failing request.
"""

from __future__ import annotations

import json

import pytest

from apigw_mock.invoke import content, errors, gateway_responses, mapping, selection, templates
from apigw_mock.invoke.request import MethodRequest
from apigw_mock.invoke.routing import Router

ROUTER = Router([("root", "/", ["GET"]), ("pets", "/pets", ["GET", "OPTIONS"]), ("pet", "/pets/{petId}", ["GET"])])
# the usual CORS setup (spec §13): OPTIONS with a MOCK integration
INTEGRATION = {"requestTemplates": {"application/json": '{"statusCode": 200}'}, "passthroughBehavior": "WHEN_NO_MATCH"}
INTEGRATION_RESPONSES = {
    "200": {
        "selectionPattern": None,
        "responseParameters": {
            "method.response.header.Access-Control-Allow-Origin": "'*'",
            "method.response.header.Access-Control-Allow-Methods": "'GET,OPTIONS'",
            "method.response.header.Access-Control-Allow-Headers": "'Content-Type,X-Amz-Date,Authorization,X-Api-Key'",
        },
        "responseTemplates": {"application/json": "{}"},
    }
}


def test_cors_preflight_through_a_mock_integration() -> None:
    match = ROUTER.match("OPTIONS", "/pets")
    assert match is not None and match.method_key == "OPTIONS"
    request = MethodRequest.of(headers={"Origin": "https://app.example.com"})

    choice = content.request_template(INTEGRATION["requestTemplates"], None, INTEGRATION["passthroughBehavior"])
    assert choice.template is not None
    mock_status = json.loads(templates.render(choice.template, request=request).body)["statusCode"]

    patterns = {status: response["selectionPattern"] for status, response in INTEGRATION_RESPONSES.items()}
    status = selection.select(patterns, selection.http_input(mock_status))
    assert status == "200"
    selected = INTEGRATION_RESPONSES[status]

    sources = mapping.Sources(request=request, integration_response=mapping.IntegrationResponse())
    headers = mapping.method_response_headers(selected["responseParameters"], sources)
    response_choice = content.response_template(selected["responseTemplates"], "application/json")
    assert response_choice.template is not None
    body = templates.render(response_choice.template, request=request, body="").body

    assert (int(status), body) == (200, "{}")
    assert headers == {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "GET,OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type,X-Amz-Date,Authorization,X-Api-Key",
    }


@pytest.mark.parametrize(("method", "path"), [("DELETE", "/pets"), ("GET", "/cats"), ("OPTIONS", "/pets/1")])
def test_no_route_becomes_missing_authentication_token(method: str, path: str) -> None:
    """spec §3.1.8, §13: no resource or no method -> 403 Missing Authentication Token via the gateway response."""
    reply: gateway_responses.GatewayReply | None = None
    try:
        if ROUTER.match(method, path) is None:
            raise errors.MissingAuthenticationToken()
    except errors.GatewayError as error:
        reply = gateway_responses.render(error, None, accept="application/json")
    assert reply is not None
    assert (reply.status, reply.body) == (403, '{"message":"Missing Authentication Token"}')
    assert reply.headers["x-amzn-ErrorType"] == "MissingAuthenticationTokenException"


def test_a_response_template_can_override_status_and_headers() -> None:
    """spec §9.5 [DOC]: `$context.responseOverride.status` replaces the selected status (log ends with 400)."""
    rendered = templates.render(
        "#set($context.responseOverride.status = 400)"
        "#set($context.responseOverride.header.X-Why = 'bad')"
        "$input.json('$')",
        body='{"error": "nope"}',
    )
    sources = mapping.Sources(integration_response=mapping.IntegrationResponse(body='{"error": "nope"}'))
    headers = mapping.method_response_headers(
        {"method.response.header.X-Why": "'mapped'"}, sources, rendered.response_override
    )
    assert (rendered.response_override.status, headers, rendered.body) == (400, {"X-Why": "bad"}, '{"error":"nope"}')
