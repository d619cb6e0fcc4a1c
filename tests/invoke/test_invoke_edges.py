"""Edges of the pipeline: payload limit, a disabled execute-api endpoint, asynchronous Lambda calls, request
parameter mapping into a Lambda payload, HEAD, and the response override of AWS's example (spec §4, §1.3, §8.4)."""

from __future__ import annotations

from typing import Any

import requests

from apigw_mock import MockApiGateway
from tests.invoke.builder import ApiBuilder

ARN = "arn:aws:lambda:us-east-1:123456789012:function:edge"
URI = f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{ARN}/invocations"


def test_payload_over_10_mb_is_413(api: ApiBuilder, mock: MockApiGateway) -> None:
    api.mock("/up", "POST")
    api.deploy()
    answer = mock.invoke(api.id, "dev", "POST", "/up", body=b"x" * (10 * 1024 * 1024 + 1))
    assert (answer.status, answer.headers["x-amzn-ErrorType"]) == (413, "RequestTooLongException")
    assert mock.invoke(api.id, "dev", "POST", "/up", body=b"x" * 1024).status == 200


def test_disabled_execute_api_endpoint_is_forbidden_once_deployed(
    api: ApiBuilder, client: Any, mock: MockApiGateway
) -> None:
    api.mock("/p")
    client.update_rest_api(
        restApiId=api.id, patchOperations=[{"op": "replace", "path": "/disableExecuteApiEndpoint", "value": "true"}]
    )
    api.deploy()
    answer = mock.invoke(api.id, "dev", "GET", "/p")
    assert (answer.status, answer.text) == (403, '{"message":"Forbidden"}')


def test_event_invocation_type_answers_at_once_with_an_empty_body(api: ApiBuilder, mock: MockApiGateway) -> None:
    seen: list[Any] = []
    mock.register_lambda(ARN, lambda event, context: seen.append(event) or {"ignored": True})
    api.method(
        "/async",
        "POST",
        {
            "type": "AWS",
            "integrationHttpMethod": "POST",
            "uri": URI,
            "requestParameters": {"integration.request.header.X-Amz-Invocation-Type": "'Event'"},
        },
        {"200": {"selectionPattern": ""}},
    )
    api.deploy()
    answer = requests.post(api.url("/async"), json={"job": 1})
    assert (answer.status_code, answer.text, seen) == (200, "", [{"job": 1}])


def test_head_has_no_body(api: ApiBuilder) -> None:
    api.mock("/h", "HEAD", template='{"a": 1}')
    api.deploy()
    answer = requests.head(api.url("/h"))
    assert (answer.status_code, answer.content) == (200, b"")


def test_response_override_of_aws_example_turns_an_error_body_into_a_400(api: ApiBuilder, mock: MockApiGateway) -> None:
    """DG:apigateway-override-request-response-parameters: a 200 whose body holds an error is answered 400."""
    mock.register_lambda(ARN, lambda event, context: event)
    template = (
        "#set($inputRoot = $input.path('$'))\n"
        "$input.json('$')\n"
        '#if($inputRoot.toString().contains("error"))\n'
        "#set($context.responseOverride.status = 400)\n"
        '#set($context.responseOverride.header.X-Reason = "bad input")\n'
        "#end"
    )
    api.method(
        "/o",
        "POST",
        {"type": "AWS", "integrationHttpMethod": "POST", "uri": URI},
        {"200": {"selectionPattern": "", "responseTemplates": {"application/json": template}}},
    )
    api.deploy()
    failed = requests.post(api.url("/o"), json={"error": "x"})
    assert (failed.status_code, failed.headers["X-Reason"], failed.json()) == (400, "bad input", {"error": "x"})
    fine = requests.post(api.url("/o"), json={"ok": 1})
    assert (fine.status_code, "X-Reason" in fine.headers) == (200, False)


def test_request_override_replaces_a_mapped_parameter(api: ApiBuilder, mock: MockApiGateway, client: Any) -> None:
    import responses

    with responses.RequestsMock(assert_all_requests_are_fired=False) as backend:
        backend.add(responses.GET, "http://backend.example.com/x", json={})
        api.method(
            "/r",
            "GET",
            {
                "type": "HTTP",
                "integrationHttpMethod": "GET",
                "uri": "http://backend.example.com/x",
                "requestParameters": {"integration.request.header.X-Who": "'mapped'"},
                "requestTemplates": {
                    "application/json": '#set($context.requestOverride.header.X-Who = "overridden"){}'
                },
            },
            {"200": {"selectionPattern": ""}},
        )
        api.deploy()
        assert requests.get(api.url("/r")).status_code == 200
        assert backend.calls[0].request.headers["X-Who"] == "overridden"
