"""Data-plane fault injection (`apigw.fail_invocations`): timeouts, Lambda throttling, backend 5XX and connection
errors, answered through the API's gateway responses and integration responses; scoping and counting.

[INF] Lambda throttling: the data-plane spec has no entry; the mock answers 500 `Internal server error`
(API_CONFIGURATION_ERROR), the status field execution logs show after `Lambda invocation failed with status: 429`.
"""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
import requests
import responses

from apigw_mock import MockApiGateway, mock_apigateway
from apigw_mock.server import running_server
from tests.invoke.builder import ApiBuilder

ARN = "arn:aws:lambda:us-east-1:123456789012:function:pets"
URI = f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{ARN}/invocations"
BACKEND = "http://backend.example.com"


@pytest.fixture
def backend(mock: MockApiGateway) -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as started:
        started.add(responses.GET, f"{BACKEND}/pets", json={"from": "backend"})
        yield started


@pytest.fixture
def api(client: Any, mock: MockApiGateway, backend: responses.RequestsMock) -> ApiBuilder:
    """GET /fn (Lambda proxy), GET /http (HTTP, 200 default and 5\\d\\d -> 503), GET /proxy (HTTP_PROXY), GET /mock."""
    calls: list[Any] = []
    mock.register_lambda(ARN, lambda event, context: calls.append(event) or {"statusCode": 200, "body": "fn"})
    built = ApiBuilder(client)
    built.calls = calls  # type: ignore[attr-defined]
    built.method("/fn", "GET", {"type": "AWS_PROXY", "integrationHttpMethod": "POST", "uri": URI})
    built.method(
        "/http",
        "GET",
        {"type": "HTTP", "integrationHttpMethod": "GET", "uri": f"{BACKEND}/pets"},
        {
            "200": {"selectionPattern": ""},
            "503": {
                "selectionPattern": r"5\d\d",
                "responseTemplates": {"application/json": '{"backend": "down"}'},
            },
        },
    )
    built.method("/proxy", "GET", {"type": "HTTP_PROXY", "integrationHttpMethod": "GET", "uri": f"{BACKEND}/pets"})
    built.mock("/mock")
    built.deploy("dev")
    return built


def test_timeout_is_a_504_integration_timeout_for_http_and_lambda(api: ApiBuilder, mock: MockApiGateway) -> None:
    with mock.fail_invocations("timeout") as fault:
        for path in ("/http", "/proxy", "/fn"):
            answer = requests.get(api.url(path))
            assert (answer.status_code, answer.json()) == (504, {"message": "Endpoint request timed out"})
            assert answer.headers["x-amzn-ErrorType"] == "InternalServerErrorException"
        assert requests.get(api.url("/mock")).status_code == 200  # a MOCK integration has nothing to time out
    assert fault.fired == 3 and not fault.armed
    assert api.calls == []  # type: ignore[attr-defined]  # the function never ran
    assert [invocation.gateway_response for invocation in mock.invocations][:3] == ["INTEGRATION_TIMEOUT"] * 3
    assert [invocation.fault is fault for invocation in mock.invocations] == [True, True, True, False]
    assert requests.get(api.url("/http")).json() == {"from": "backend"}  # disarmed on leaving the block


def test_a_customised_gateway_response_renders_the_timeout(api: ApiBuilder, client: Any, mock: MockApiGateway) -> None:
    client.put_gateway_response(
        restApiId=api.id,
        responseType="INTEGRATION_TIMEOUT",
        statusCode="503",
        responseTemplates={"application/json": '{"retry": true, "why": $context.error.messageString}'},
    )
    api.deploy()
    with mock.fail_invocations("timeout", path="/http"):
        answer = requests.get(api.url("/http"))
    assert (answer.status_code, answer.json()) == (503, {"retry": True, "why": "Endpoint request timed out"})


def test_lambda_throttling_is_a_500_and_the_function_is_not_called(api: ApiBuilder, mock: MockApiGateway) -> None:
    fault = mock.fail_invocations("lambda_throttled", times=1)
    answer = requests.get(api.url("/http"))  # no Lambda behind it: not throttled, not counted as fired
    assert answer.status_code == 200 and fault.armed
    throttled = requests.get(api.url("/fn"))
    assert (throttled.status_code, throttled.json()) == (500, {"message": "Internal server error"})
    assert not fault.armed and api.calls == []  # type: ignore[attr-defined]
    recorded = mock.invocations.assert_invoked_once("GET", "/fn", status=500)
    assert recorded.gateway_response == "API_CONFIGURATION_ERROR"
    assert recorded.log is not None and recorded.log.startswith("Lambda invocation failed with status: 429.")
    assert requests.get(api.url("/fn")).text == "fn"  # spent after one firing


def test_backend_5xx_goes_through_selection_and_proxies(api: ApiBuilder, mock: MockApiGateway) -> None:
    with mock.fail_invocations("backend_5xx", status=502, body='{"upstream": "bad gateway"}'):
        selected = requests.get(api.url("/http"))
        proxied = requests.get(api.url("/proxy"))
    assert (selected.status_code, selected.json()) == (503, {"backend": "down"})  # the 5\d\d integration response
    assert (proxied.status_code, proxied.json()) == (502, {"upstream": "bad gateway"})  # HTTP_PROXY: as it came


def test_connection_error_reaches_requests_and_invoke(api: ApiBuilder, mock: MockApiGateway) -> None:
    with mock.fail_invocations("connection_error", method="GET", path="/mock", times=2) as fault:
        with pytest.raises(requests.ConnectionError, match="injected connection error"):
            requests.get(api.url("/mock"))
        with pytest.raises(ConnectionResetError):
            mock.invoke(api.id, "dev", "GET", "/mock")
        assert not fault.armed
        assert requests.get(api.url("/mock")).status_code == 200
    dropped = mock.invocations[0]
    assert (dropped.status, dropped.reply, type(dropped.raised)) == (None, None, ConnectionResetError)
    assert repr(dropped) == "Invocation(GET /dev/mock -> ConnectionResetError)"


def test_nth_and_seeded_rate_pick_the_same_invocations_every_run(api: ApiBuilder, mock: MockApiGateway) -> None:
    def statuses(**trigger: Any) -> list[int]:
        with mock.fail_invocations("backend_5xx", path="/http", status=500, **trigger):
            return [requests.get(api.url("/http")).status_code for _ in range(12)]

    assert statuses(nth=[2, 4]) == [200, 503, 200, 503, *[200] * 8]
    first = statuses(rate=0.5, seed=3)
    assert first == statuses(rate=0.5, seed=3) and 0 < first.count(503) < 12


def test_scoping_by_api_stage_method_and_path(api: ApiBuilder, client: Any, mock: MockApiGateway) -> None:
    api.deploy("prod")
    with mock.fail_invocations("timeout", api_id=api.id, stage="prod", method="get", path="/h*"):
        assert requests.get(api.url("/http")).status_code == 200
        assert requests.get(api.url("/http", stage="prod")).status_code == 504
        assert requests.get(api.url("/proxy", stage="prod")).status_code == 200
    with mock.fail_invocations("timeout", api_id="other"):
        assert requests.get(api.url("/http")).status_code == 200


def test_bad_arguments_are_refused_and_faults_need_an_active_mock() -> None:
    with mock_apigateway() as apigw:
        with pytest.raises(ValueError, match="unknown invocation fault 'slow'"):
            apigw.fail_invocations("slow")
        with pytest.raises(ValueError, match="from 500 to 599, not 404"):
            apigw.fail_invocations("backend_5xx", status=404)
        with pytest.raises(ValueError, match="rate must be between 0 and 1"):
            apigw.fail_invocations("timeout", rate=2)
    with pytest.raises(RuntimeError, match="active mock"):
        apigw.fail_invocations("timeout")


def test_the_outermost_stop_disarms_and_the_kit_goes_idle() -> None:
    from apigw_mock.state import STATE

    with mock_apigateway(record=False) as apigw:
        fault = apigw.fail_invocations("timeout")
        assert STATE.kit is not None
        fault.remove()
        assert STATE.kit is None
        apigw.fail_invocations("timeout")
    assert STATE.kit is None


def test_server_mode_connection_error_closes_the_connection_unanswered() -> None:
    with mock_apigateway() as apigw, running_server() as url:
        client = boto3.client("apigateway", endpoint_url=url, region_name="us-east-1")
        built = ApiBuilder(client)
        built.mock("/pets")
        built.deploy("dev")
        target = f"{url}/restapis/{built.id}/dev/_user_request_/pets"
        with apigw.fail_invocations("connection_error", times=1), pytest.raises(requests.ConnectionError) as failed:
            requests.get(target)
        assert isinstance(failed.value.args[0].args[1], http.client.RemoteDisconnected)
        assert requests.get(target).status_code == 200  # the server serves on
        assert apigw.invocations.statuses == [None, 200]


def test_non_proxy_lambda_throttle_and_timeout(api: ApiBuilder, mock: MockApiGateway) -> None:
    api.method("/custom", "POST", {"type": "AWS", "integrationHttpMethod": "POST", "uri": URI}, {"200": {}})
    api.deploy()
    with mock.fail_invocations("lambda_throttled", method="POST", times=1):
        throttled = requests.post(api.url("/custom"), json={})
    with mock.fail_invocations("timeout", method="POST", times=1):
        timed_out = requests.post(api.url("/custom"), json={})
    assert (throttled.status_code, timed_out.status_code) == (500, 504)
    assert requests.post(api.url("/custom"), json={}).status_code == 200
    assert len(api.calls) == 1  # type: ignore[attr-defined]  # only the last call reached the function
