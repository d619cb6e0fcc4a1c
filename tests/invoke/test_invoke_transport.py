"""The in-process transport: when it starts and stops, and how it lives beside moto's `mock_aws` and a test's own
`responses` (the matrix, both orders), as `tests/test_mock_lifecycle.py` does for botocore's `before-send`."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from typing import Any

import boto3
import pytest
import requests
import responses
from moto import mock_aws

from apigw_mock import mock_apigateway
from apigw_mock.transport import execute_api
from tests.invoke.builder import ApiBuilder

OTHER = "https://api.example.com/status"


def _deployed_api() -> ApiBuilder:
    api = ApiBuilder(boto3.client("apigateway", region_name="us-east-1"))
    api.mock("/ping", template='{"pong": true}')
    api.deploy()
    return api


def test_not_started_until_a_stage_exists_and_stopped_with_the_outermost_activation() -> None:
    with mock_apigateway():
        assert not execute_api.started()
        with mock_apigateway():
            api = _deployed_api()
            assert execute_api.started()
        assert execute_api.started()  # the inner activation ends: the state (and the stage) lives on
        assert requests.get(api.url("/ping")).json() == {"pong": True}
    assert not execute_api.started()


def test_register_lambda_starts_it_too() -> None:
    with mock_apigateway() as apigw:
        apigw.register_lambda("fn", lambda event, context: None)
        assert execute_api.started()


@contextmanager
def _user_responses() -> Iterator[None]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as user:
        user.add(responses.GET, OTHER, json={"user": "registration"})
        yield


LAYERS: dict[str, Callable[[], AbstractContextManager[Any]]] = {
    "apigw": mock_apigateway,
    "responses": _user_responses,
    "moto": mock_aws,
}
ORDERS = [
    ("apigw", "responses"),
    ("responses", "apigw"),
    ("apigw", "moto"),
    ("moto", "apigw"),
    ("moto", "responses", "apigw"),
    ("apigw", "responses", "moto"),
    ("responses", "moto", "apigw"),
]


@pytest.mark.parametrize("order", ORDERS, ids=["-".join(order) for order in ORDERS])
def test_the_matrix_execute_api_answered_by_us_everything_else_by_its_owner(order: tuple[str, ...]) -> None:
    with ExitStack() as stack:
        for name in order:
            stack.enter_context(LAYERS[name]())
        api = _deployed_api()
        assert requests.get(api.url("/ping")).json() == {"pong": True}
        if "responses" in order and ("moto" not in order or order.index("moto") < order.index("responses")):
            # (moto started after a user's `responses` passes unknown URLs to the network, not to it: moto's own
            # behaviour, see moto's `override_responses_real_send`)
            assert requests.get(OTHER).json() == {"user": "registration"}
        if "moto" in order:
            # moto still answers the AWS services it mocks over `requests` (its catch-all for the rest)
            s3 = boto3.client("s3", region_name="us-east-1")
            s3.create_bucket(Bucket="matrix")
            assert [bucket["Name"] for bucket in s3.list_buckets()["Buckets"]] == ["matrix"]
            # the REST API was created by us, not moto
            assert api.id not in [item["id"] for item in _moto_apis()]
    assert not execute_api.started()


def _moto_apis() -> list[dict[str, Any]]:
    from moto.apigateway.models import apigateway_backends

    return [{"id": api_id} for api_id in apigateway_backends["123456789012"]["us-east-1"].apis]


def test_after_the_mock_ends_execute_api_urls_are_no_longer_answered() -> None:
    with mock_apigateway():
        api = _deployed_api()
    with responses.RequestsMock(assert_all_requests_are_fired=False), pytest.raises(requests.ConnectionError):
        requests.get(api.url("/ping"))


def test_answered_calls_are_not_kept_alive_by_the_mock() -> None:
    """`responses` records every call it answers; the mock's own recorder keeps nothing, so a long test session
    making many calls does not grow (and the collector does not walk every past request and reply)."""
    with mock_apigateway():
        api = _deployed_api()
        answer = requests.get(api.url("/ping"))
        assert answer.json() == {"pong": True}
        kept = weakref.ref(answer)
        del answer
        gc.collect()
        assert kept() is None
