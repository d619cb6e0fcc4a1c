"""Isolation: every outermost activation starts from an empty graph; nested activations share one.

Checked for decorated functions, `with` blocks, the pytest plugin's `apigw`/`apigw_client` fixtures (two tests
in a fixed order, run through pytester so the order is guaranteed) and for every region and account.
"""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from apigw_mock import mock_apigateway

REGION = "us-east-1"


def client(region: str = REGION) -> Any:
    return boto3.client("apigateway", region_name=region)


def api_names(region: str = REGION) -> list[str]:
    return [api["name"] for api in client(region).get_rest_apis()["items"]]


@mock_apigateway
def create_everywhere() -> list[str]:
    """Create an API in two regions and under a second account, and a whole graph under one of them."""
    api = client().create_rest_api(name="first")
    resource = client().create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="leak")
    target = {"restApiId": api["id"], "resourceId": resource["id"], "httpMethod": "GET"}
    client().put_method(**target, authorizationType="NONE")
    client().put_integration(**target, type="MOCK")
    client("eu-west-1").create_rest_api(name="first-eu")
    return api_names()


@mock_apigateway
def see_apis() -> tuple[list[str], list[str]]:
    return api_names(), api_names("eu-west-1")


def test_decorated_functions_do_not_share_state() -> None:
    assert create_everywhere() == ["first"]
    assert see_apis() == ([], [])
    assert create_everywhere() == ["first"]  # and again: the second run did not see the first's API either


def test_two_with_blocks_do_not_share_state() -> None:
    with mock_apigateway() as first:
        api_id = client().create_rest_api(name="first")["id"]
        first.backend("ap-south-1", account_id="999999999999")  # a backend created only through the white box
        assert api_id in first.backend().apis
    with mock_apigateway() as second:
        assert api_names() == []
        assert second.backend().apis == {}
        assert second.backend("ap-south-1", account_id="999999999999").apis == {}
        with pytest.raises(client().exceptions.NotFoundException):
            client().get_rest_api(restApiId=api_id)


def test_other_accounts_start_empty_too() -> None:
    with mock_apigateway(account_id="111111111111") as first:
        client().create_rest_api(name="first")
        assert len(first.backend(account_id="111111111111").apis) == 1
    with mock_apigateway(account_id="111111111111") as second:
        assert api_names() == []
        assert second.backend(account_id="111111111111").apis == {}


def test_nested_activations_share_state() -> None:
    with mock_apigateway() as outer:
        outer_id = client().create_rest_api(name="outer")["id"]
        with mock_apigateway() as inner:
            assert api_names() == ["outer"]  # the inner activation did not reset
            inner_id = client().create_rest_api(name="inner")["id"]
            assert set(inner.backend().apis) == {outer_id, inner_id}
        # leaving the inner block keeps the mock on and the state whole
        assert sorted(api_names()) == ["inner", "outer"]
        assert set(outer.backend().apis) == {outer_id, inner_id}
        with mock_apigateway():
            client().delete_rest_api(restApiId=inner_id)
        assert api_names() == ["outer"]
    with mock_apigateway():
        assert api_names() == []


def test_nested_decorated_function_shares_the_callers_state() -> None:
    with mock_apigateway():
        client().create_rest_api(name="outer")
        assert see_apis() == (["outer"], [])
        assert api_names() == ["outer"]


PLUGIN_TESTS = """
def test_first_creates(apigw, apigw_client):
    api = apigw_client.create_rest_api(name="from-first-test")
    apigw_client.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="leak")
    assert len(apigw.backend().apis) == 1


def test_second_sees_nothing(apigw, apigw_client):
    assert apigw_client.get_rest_apis()["items"] == []
    assert apigw.backend().apis == {}


def test_third_creates_again(apigw_client):
    apigw_client.create_rest_api(name="from-third-test")
    assert [api["name"] for api in apigw_client.get_rest_apis()["items"]] == ["from-third-test"]
"""


def test_plugin_fixtures_isolate_pytest_tests(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_plugin_isolation=PLUGIN_TESTS)
    result = pytester.runpytest("-p", "no:randomly", "-p", "no:cacheprovider", "-v")
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines(["*test_first_creates PASSED*", "*test_second_sees_nothing PASSED*", "*test_third*"])


def test_state_left_by_an_exception_does_not_leak() -> None:
    with pytest.raises(RuntimeError), mock_apigateway():
        client().create_rest_api(name="doomed")
        raise RuntimeError("test failed midway")
    with mock_apigateway():
        assert api_names() == []
