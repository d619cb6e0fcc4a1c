"""The data plane's clock: a test fixes and advances the time `$context.requestTime` (and quotas, throttles and
authorizer caches) read, and the outermost stop releases it."""

from __future__ import annotations

import datetime

import boto3

from apigw_mock import mock_apigateway
from apigw_mock.state import STATE


def _echo_time_api(client: object) -> str:
    api = client.create_rest_api(name="clock")  # type: ignore[attr-defined]
    ids = {"restApiId": api["id"], "resourceId": api["rootResourceId"], "httpMethod": "GET"}
    client.put_method(**ids, authorizationType="NONE")  # type: ignore[attr-defined]
    client.put_method_response(**ids, statusCode="200")  # type: ignore[attr-defined]
    client.put_integration(**ids, type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'})  # type: ignore[attr-defined]
    client.put_integration_response(  # type: ignore[attr-defined]
        **ids, statusCode="200", responseTemplates={"application/json": '{"t": "$context.requestTime"}'}
    )
    client.create_deployment(restApiId=api["id"], stageName="dev")  # type: ignore[attr-defined]
    return str(api["id"])


def test_a_fixed_clock_is_what_requests_see_and_advance_moves_it() -> None:
    with mock_apigateway() as apigw:
        api_id = _echo_time_api(boto3.client("apigateway", region_name="us-east-1"))
        apigw.clock.set(datetime.datetime(2026, 3, 1, 12, 0, 0))
        assert apigw.invoke(api_id, "dev", "GET", "/").json() == {"t": "01/Mar/2026:12:00:00 +0000"}
        assert apigw.clock.advance(3600 * 24) == datetime.datetime(2026, 3, 2, 12, 0, tzinfo=datetime.UTC)
        assert apigw.invoke(api_id, "dev", "GET", "/").json() == {"t": "02/Mar/2026:12:00:00 +0000"}
    assert STATE.clock.now().year >= 2026 and STATE.clock._fixed is None


def test_advance_on_a_running_clock_fixes_it_first() -> None:
    with mock_apigateway() as apigw:
        before = datetime.datetime.now(datetime.UTC)
        moved = apigw.clock.advance(60)
        assert moved - before >= datetime.timedelta(seconds=60)
        assert apigw.clock.now() == moved
        apigw.clock.release()
        assert apigw.clock.now() < moved
