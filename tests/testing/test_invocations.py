"""Data-plane history (`apigw.invocations`): every execute-api request recorded as the client sent it and received
it, through `requests`, `apigw.invoke` and server mode; assertions that explain a miss."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
import requests

from apigw_mock import MockApiGateway, mock_apigateway
from apigw_mock.server import running_server
from tests.invoke.builder import ApiBuilder

ARN = "arn:aws:lambda:us-east-1:123456789012:function:pets"


@pytest.fixture
def api(client: Any) -> ApiBuilder:
    built = ApiBuilder(client)
    built.mock("/pets", template='{"q": "$input.params(\'q\')"}')
    built.mock("/pets", "POST", template='{"q": "$input.params(\'q\')"}')
    built.mock("/pets/{id}", status=404, template='{"missing": "$input.params(\'id\')"}')
    built.deploy("dev")
    return built


def test_requests_calls_are_recorded_as_sent_and_received(api: ApiBuilder, mock: MockApiGateway) -> None:
    answer = requests.post(api.url("/pets?q=rex&q=max"), json={"name": "rex"}, headers={"X-Trace": "t1"})
    (invocation,) = mock.invocations
    assert (invocation.api_id, invocation.stage, invocation.method, invocation.path) == (api.id, "dev", "POST", "/pets")
    assert invocation.request.query == (("q", "rex"), ("q", "max"))
    assert invocation.query == {"q": "max"}
    assert invocation.headers["X-Trace"] == "t1"
    assert json.loads(invocation.body) == {"name": "rex"}
    assert (invocation.status, invocation.ok, invocation.reply_body) == (200, True, answer.content)
    assert invocation.reply_headers["x-amzn-RequestId"] == answer.headers["x-amzn-RequestId"]
    assert (invocation.account_id, invocation.region) == ("123456789012", "us-east-1")
    assert invocation.time.tzinfo is not None and invocation.gateway_response is None
    assert len(mock.calls.of("CreateDeployment")) == 1  # the control plane's history keeps its own meaning
    assert all(call.operation != "POST" for call in mock.calls)


def test_invoke_and_gateway_errors_are_recorded(api: ApiBuilder, mock: MockApiGateway) -> None:
    mock.invoke(api.id, "dev", "GET", "/pets/7")
    mock.invoke(api.id, "dev", "GET", "/nowhere")
    mock.invoke(api.id, "prod", "GET", "/pets")
    assert mock.invocations.routes == ["GET /pets/7", "GET /nowhere", "GET /pets"]
    assert mock.invocations.statuses == [404, 403, 403]
    missing = mock.invocations[1]
    assert missing.gateway_response == "MISSING_AUTHENTICATION_TOKEN"
    assert missing.json() == {"message": "Missing Authentication Token"}
    assert [invocation.stage for invocation in mock.invocations.failed] == ["dev", "dev", "prod"]


def test_filters_and_clear(api: ApiBuilder, mock: MockApiGateway) -> None:
    for path in ("/pets", "/pets/1", "/pets/2"):
        requests.get(api.url(path))
    requests.delete(api.url("/pets"))
    view = mock.invocations.of(path="/pets/*")
    assert view.routes == ["GET /pets/1", "GET /pets/2"]
    assert mock.invocations.of("GET", status=200).routes == ["GET /pets"]
    assert mock.invocations.of("delete").statuses == [403]  # no DELETE method: Missing Authentication Token
    requests.get(api.url("/pets/3"))
    assert len(view) == 3  # a live view
    mock.invocations.clear()
    assert len(mock.invocations) == 0 and len(view) == 0
    assert len(mock.calls) > 0  # clearing invocations forgets no control-plane call


def test_assertions_match_query_headers_and_body(api: ApiBuilder, mock: MockApiGateway) -> None:
    requests.post(api.url("/pets?q=rex"), json={"name": "rex"}, headers={"X-Team": "blue"})
    found = mock.invocations.assert_invoked_once(
        "POST", "/pets", status=200, query={"q": "rex"}, headers={"x-team": "blue"}, json={"name": "rex"}
    )
    assert found.json() == {"q": "rex"}
    mock.invocations.assert_invoked("POST", "/p*", body=json.dumps({"name": "rex"}))
    mock.invocations.assert_invoked_times(0, "GET")
    mock.invocations.assert_not_invoked("GET", "/pets")
    mock.invocations.assert_all_ok()


def test_a_failing_assertion_explains_itself(api: ApiBuilder, mock: MockApiGateway) -> None:
    requests.post(api.url("/pets?q=rex"), json={"name": "rex"})
    requests.get(api.url("/pets/9"))
    with pytest.raises(AssertionError) as missed:
        mock.invocations.assert_invoked("POST", "/pets", status=201, json={"name": "max"})
    text = str(missed.value)
    assert text.startswith("expected an invocation POST /pets (status=201, json={'name': 'max'}); the invocations")
    assert "Invocation(POST /dev/pets?q=rex -> 200)" in text and "Invocation(GET /dev/pets/9 -> 404)" in text
    assert "  status: expected 201, was 200" in text
    assert "  json: expected {'name': 'max'}, was {'name': 'rex'}" in text
    with pytest.raises(AssertionError, match=r"expected no invocation GET, found 1:\n  Invocation\(GET /dev/pets/9"):
        mock.invocations.assert_not_invoked("GET")
    with pytest.raises(AssertionError, match="1 of 2 invocations did not answer 2xx"):
        mock.invocations.assert_all_ok()
    with pytest.raises(TypeError, match="unknown invocation criterion 'code'"):
        mock.invocations.of(code=200)


def test_nothing_is_recorded_without_recording() -> None:
    with mock_apigateway(record=False) as apigw:
        built = ApiBuilder(boto3.client("apigateway", region_name="us-east-1"))
        built.mock("/pets")
        built.deploy("dev")
        assert requests.get(built.url("/pets")).status_code == 200
        assert len(apigw.invocations) == 0
        with pytest.raises(AssertionError, match="no invocations were recorded"):
            apigw.invocations.assert_invoked("GET")


def test_lambda_proxy_invocations_are_recorded(client: Any, mock: MockApiGateway) -> None:
    mock.register_lambda(ARN, lambda event, context: {"statusCode": 201, "body": event["path"]})
    built = ApiBuilder(client)
    uri = f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{ARN}/invocations"
    built.method("/fn", "GET", {"type": "AWS_PROXY", "integrationHttpMethod": "POST", "uri": uri})
    built.deploy("dev")
    requests.get(built.url("/fn"))
    assert mock.invocations.assert_invoked_once("GET", "/fn", status=201).text == "/fn"


def test_server_mode_invocations_are_recorded_over_loopback() -> None:
    with mock_apigateway() as apigw, running_server() as url:
        client = boto3.client("apigateway", endpoint_url=url, region_name="us-east-1")
        built = ApiBuilder(client)
        built.mock("/pets", template='{"stage": "$context.stage"}')
        built.deploy("dev")
        answer = requests.get(f"{url}/restapis/{built.id}/dev/_user_request_/pets?limit=2", headers={"X-A": "1"})
        assert answer.json() == {"stage": "dev"}
        recorded = apigw.invocations.assert_invoked_once("GET", "/pets", query={"limit": "2"}, headers={"X-A": "1"})
        assert (recorded.api_id, recorded.stage, recorded.reply_body) == (built.id, "dev", answer.content)
        history = requests.get(f"{url}/_apigw_mock/calls").json()["calls"]
        assert [entry.get("operation") or entry["method"] for entry in history][-2:] == ["CreateDeployment", "GET"]
