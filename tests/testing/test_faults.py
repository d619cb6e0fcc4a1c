"""Fault injection through boto3: AWS errors and connection failures, on chosen calls, before or after the change,
with botocore's own retries (apigw_mock.testing.faults)."""

from __future__ import annotations

import contextlib
import time
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError, EndpointConnectionError

from apigw_mock import MockApiGateway
from apigw_mock.exceptions import ConflictException
from apigw_mock.state import STATE
from apigw_mock.testing import CONNECTION_ERROR
from tests.helpers import assert_aws_error


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """botocore's retry back-off, recorded instead of slept."""
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    return slept


@pytest.fixture
def retrying(mock: MockApiGateway) -> Any:
    return boto3.client(
        "apigateway", region_name="us-east-1", config=Config(retries={"mode": "standard", "max_attempts": 3})
    )


@pytest.fixture
def no_retries(mock: MockApiGateway) -> Any:
    return _client_without_retries()


def _client_without_retries() -> Any:
    return boto3.client("apigateway", region_name="us-east-1", config=Config(retries={"total_max_attempts": 1}))


def test_an_injected_throttle_is_retried_by_botocore_and_each_attempt_is_recorded(
    mock: MockApiGateway, retrying: Any, sleeps: list[float]
) -> None:
    with mock.fail("CreateRestApi", "TooManyRequestsException", retry_after=3, times=1) as fault:
        api = retrying.create_rest_api(name="shop")
    assert api["name"] == "shop"
    assert api["ResponseMetadata"]["RetryAttempts"] == 1
    assert len(sleeps) == 1
    assert fault.fired == 1 and not fault.armed
    throttled, succeeded = mock.calls.of("CreateRestApi")
    assert throttled.error is not None and throttled.error.code == "TooManyRequestsException"
    assert throttled.response is not None and throttled.response.headers["Retry-After"] == "3"
    assert throttled.fault is fault and succeeded.ok


def test_every_call_fails_while_the_block_lasts_and_retries_give_up(
    mock: MockApiGateway, retrying: Any, sleeps: list[float]
) -> None:
    with mock.fail("GetRestApis", "ServiceUnavailableException", retry_after=1), pytest.raises(ClientError) as failure:
        retrying.get_rest_apis()
    error = failure.value.response
    assert error["Error"] == {"Code": "ServiceUnavailableException", "Message": "Service Unavailable"}
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 503
    assert error["retryAfterSeconds"] == "1"
    assert len(mock.calls.of("GetRestApis")) == 4  # botocore's max_attempts counts the retries, not the first try
    retrying.get_rest_apis()  # the block is over: the fault is disarmed
    assert STATE.kit is not None and STATE.kit.faults == []


def test_a_non_retryable_error_reaches_the_caller_with_its_code_and_message(
    mock: MockApiGateway, retrying: Any
) -> None:
    mock.fail("CreateRestApi", "ConflictException", message="Another update is in progress", times=1)
    with pytest.raises(ClientError) as failure:
        retrying.create_rest_api(name="x")
    assert_aws_error(failure, "ConflictException", "Another update is in progress", 409)
    assert retrying.create_rest_api(name="x")["name"] == "x"
    assert len(mock.calls.of("CreateRestApi")) == 2


def test_an_error_instance_or_class_is_answered(mock: MockApiGateway, no_retries: Any) -> None:
    mock.fail("GetRestApis", ConflictException("busy"), times=1)
    mock.fail("GetRestApis", ConflictException, times=1)
    for message in ("busy", "ConflictException (injected)"):
        with pytest.raises(ClientError) as failure:
            no_retries.get_rest_apis()
        assert_aws_error(failure, "ConflictException", message)


def test_nth_fails_only_that_call(mock: MockApiGateway, no_retries: Any, rest_api: dict[str, Any]) -> None:
    fault = mock.fail("GetResources", "BadRequestException", nth=2)
    outcomes = []
    for _ in range(4):
        try:
            no_retries.get_resources(restApiId=rest_api["id"])
            outcomes.append("ok")
        except ClientError as error:
            outcomes.append(error.response["Error"]["Code"])
    assert outcomes == ["ok", "BadRequestException", "ok", "ok"]
    assert not fault.armed and fault.seen == 2


def test_nth_counts_only_the_faults_operations(mock: MockApiGateway, no_retries: Any) -> None:
    mock.fail(["GetRestApis", "GetRestApi"], "NotFoundException", nth=[1, 3])
    no_retries.create_rest_api(name="not counted")
    with pytest.raises(ClientError):
        no_retries.get_rest_apis()
    no_retries.get_rest_apis()
    with pytest.raises(ClientError):
        no_retries.get_rest_apis()
    assert [call.ok for call in mock.calls] == [True, False, True, False]


def test_times_limits_the_failures_of_an_every_call_fault(mock: MockApiGateway, no_retries: Any) -> None:
    fault = mock.fail(None, "UnauthorizedException", times=2)
    for _ in range(2):
        with pytest.raises(ClientError):
            no_retries.get_rest_apis()
    no_retries.get_rest_apis()
    assert fault.fired == 2 and not fault.armed


def test_a_seeded_rate_fails_the_same_calls_on_every_run() -> None:
    def run() -> list[bool]:
        with MockApiGateway() as apigw:
            no_retries = _client_without_retries()
            apigw.fail(None, "TooManyRequestsException", rate=0.3, seed=42)
            for _ in range(40):
                with contextlib.suppress(ClientError):
                    no_retries.get_rest_apis()
            return [call.ok for call in apigw.calls]

    first = run()
    assert first == run()
    assert 4 <= first.count(False) <= 20  # about 30 % of 40


def test_a_fault_before_the_change_changes_nothing(mock: MockApiGateway, no_retries: Any) -> None:
    with mock.fail("CreateRestApi", "ServiceUnavailableException"), pytest.raises(ClientError):
        no_retries.create_rest_api(name="x")
    assert no_retries.get_rest_apis()["items"] == []


def test_a_fault_after_the_change_keeps_the_change(mock: MockApiGateway, no_retries: Any) -> None:
    with mock.fail("CreateRestApi", "ServiceUnavailableException", after=True), pytest.raises(ClientError):
        no_retries.create_rest_api(name="x")
    assert [api["name"] for api in no_retries.get_rest_apis()["items"]] == ["x"]


def test_an_after_fault_does_not_fire_when_the_handler_fails_itself(mock: MockApiGateway, no_retries: Any) -> None:
    fault = mock.fail("GetRestApi", "ServiceUnavailableException", after=True)
    with pytest.raises(ClientError) as failure:
        no_retries.get_rest_api(restApiId="missing000")
    assert failure.value.response["Error"]["Code"] == "NotFoundException"
    assert fault.fired == 0


def test_a_connection_error_is_raised_to_botocore_and_retried(
    mock: MockApiGateway, retrying: Any, sleeps: list[float]
) -> None:
    mock.fail("GetRestApis", CONNECTION_ERROR, times=2)
    assert retrying.get_rest_apis()["ResponseMetadata"]["RetryAttempts"] == 2
    first, second, third = mock.calls
    assert first.response is None and first.status is None and not first.ok
    assert first.error is not None and first.error.code == "EndpointConnectionError"
    assert second.error == first.error and third.ok


def test_a_connection_error_after_the_change_gives_up_with_the_change_made(mock: MockApiGateway, retrying: Any) -> None:
    with mock.fail("CreateRestApi", CONNECTION_ERROR, after=True), pytest.raises(EndpointConnectionError):
        retrying.create_rest_api(name="x")
    assert [api["name"] for api in retrying.get_rest_apis()["items"]] == ["x"] * 4  # one per attempt


def test_faults_are_checked_in_the_order_they_were_armed(mock: MockApiGateway, no_retries: Any) -> None:
    mock.fail("GetRestApis", "ConflictException", times=1)
    mock.fail("GetRestApis", "BadRequestException", times=1)
    codes = []
    for _ in range(2):
        with pytest.raises(ClientError) as failure:
            no_retries.get_rest_apis()
        codes.append(failure.value.response["Error"]["Code"])
    assert codes == ["ConflictException", "BadRequestException"]


def test_faults_work_without_the_history() -> None:
    with MockApiGateway(record=False) as apigw:
        no_retries = _client_without_retries()
        fault = apigw.fail("GetRestApis", "ConflictException")
        assert STATE.kit is not None
        with pytest.raises(ClientError):
            no_retries.get_rest_apis()
        fault.remove()
        assert STATE.kit is None and len(apigw.calls) == 0


def test_the_outermost_stop_disarms_every_fault() -> None:
    with MockApiGateway() as apigw:
        fault = apigw.fail("GetRestApis")
    assert not fault.armed
    with MockApiGateway():
        assert _client_without_retries().get_rest_apis()["items"] == []


@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        ({"error": "NoSuchException"}, "unknown error 'NoSuchException': use one of BadRequestException"),
        ({"error": 42}, "error must be an AWS error code"),
        ({"rate": 1.5}, "rate must be between 0 and 1"),
        ({"times": 0}, "times must be at least 1"),
        ({"nth": [0, 2]}, "nth counts calls from 1"),
    ],
)
def test_a_bad_fault_is_refused_when_armed(mock: MockApiGateway, arguments: dict[str, Any], problem: str) -> None:
    with pytest.raises((ValueError, TypeError), match=problem):
        mock.fail("GetRestApis", **arguments)


def test_repr_names_the_operations_and_the_error(mock: MockApiGateway) -> None:
    assert repr(mock.fail("GetRestApis", CONNECTION_ERROR)) == "Fault(GetRestApis: EndpointConnectionError, fired 0)"
    assert repr(mock.fail(None)) == "Fault(every operation: TooManyRequestsException, fired 0)"


def test_faults_are_armed_on_an_active_mock_only() -> None:
    with pytest.raises(RuntimeError, match="arm faults on an active mock"):
        MockApiGateway().fail("GetRestApis")
