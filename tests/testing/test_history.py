"""Call history and its assertions, through boto3 as a user sees them (apigw_mock.testing.history)."""

from __future__ import annotations

import datetime
import subprocess
import sys
import threading
from typing import Any

import boto3
import pytest
import requests
from botocore.config import Config
from botocore.exceptions import ClientError, ParamValidationError

from apigw_mock import MockApiGateway, mock_apigateway
from apigw_mock.server import runner, running_server
from apigw_mock.state import STATE
from apigw_mock.testing import Call, CallError, hook
from tests.invoke.builder import ApiBuilder


def test_every_call_is_recorded_in_order_with_params_account_region_and_time(mock: MockApiGateway, client: Any) -> None:
    before = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    api = client.create_rest_api(name="shop", description="d")
    client.get_resources(restApiId=api["id"])
    assert mock.calls.operations == ["CreateRestApi", "GetResources"]
    first = mock.calls[0]
    assert isinstance(first, Call)
    assert first.params == {"name": "shop", "description": "d"}
    assert (first.account_id, first.region) == ("123456789012", "us-east-1")
    assert before <= first.time <= datetime.datetime.now(datetime.UTC)
    assert mock.calls[1].params == {"restApiId": api["id"]}


def test_reply_is_what_boto3_returned_without_response_metadata(mock: MockApiGateway, client: Any) -> None:
    api = client.create_rest_api(name="shop")
    reply = mock.calls[-1].reply
    assert reply == {key: value for key, value in api.items() if key != "ResponseMetadata"}
    assert mock.calls[-1].ok and mock.calls[-1].status == 201 and mock.calls[-1].error is None


def test_listings_reply_with_items(mock: MockApiGateway, client: Any, rest_api: dict[str, Any]) -> None:
    client.get_resources(restApiId=rest_api["id"])
    reply = mock.calls[-1].reply
    assert reply is not None
    assert [item["path"] for item in reply["items"]] == ["/"]


def test_errors_are_recorded_with_code_message_and_status(mock: MockApiGateway, client: Any) -> None:
    with pytest.raises(ClientError):
        client.get_rest_api(restApiId="missing000")
    call = mock.calls[-1]
    assert not call.ok and call.reply is None
    assert call.error == CallError("NotFoundException", "Invalid API identifier specified 123456789012:missing000", 404)


def test_validation_errors_are_recorded_too(mock: MockApiGateway) -> None:
    unchecked = boto3.client("apigateway", region_name="us-east-1", config=Config(parameter_validation=False))
    with pytest.raises(ClientError):
        unchecked.create_rest_api(name="x", endpointConfiguration={"types": ["NOPE"]})
    assert mock.calls.operations == ["CreateRestApi"]
    assert mock.calls[0].error is not None and mock.calls[0].error.code == "ValidationException"


def test_client_side_validation_failures_never_reach_the_mock(mock: MockApiGateway, client: Any) -> None:
    with pytest.raises(ParamValidationError):
        client.get_rest_api()
    assert len(mock.calls) == 0


def test_region_and_account_are_the_callers(mock: MockApiGateway) -> None:
    boto3.client("apigateway", region_name="eu-west-1").create_rest_api(name="eu")
    assert mock.calls[0].region == "eu-west-1"


def test_of_filters_by_operation_and_params_as_a_live_view(
    mock: MockApiGateway, client: Any, rest_api: dict[str, Any]
) -> None:
    creates = mock.calls.of("CreateResource")
    assert len(creates) == 0
    root = rest_api["rootResourceId"]
    client.create_resource(restApiId=rest_api["id"], parentId=root, pathPart="a")
    client.create_resource(restApiId=rest_api["id"], parentId=root, pathPart="b")
    assert [call.params["pathPart"] for call in creates] == ["a", "b"]
    assert len(mock.calls.of("CreateResource", pathPart="b")) == 1
    assert (
        mock.calls.of("CreateResource", pathPart="b").of("CreateResource", parentId=root)[0].params["pathPart"] == "b"
    )


def test_clear_forgets_every_call(mock: MockApiGateway, client: Any, rest_api: dict[str, Any]) -> None:
    mock.calls.of("CreateRestApi").clear()
    assert len(mock.calls) == 0
    client.get_rest_apis()
    assert mock.calls.operations == ["GetRestApis"]


def test_failed_lists_the_calls_that_did_not_succeed(mock: MockApiGateway, client: Any) -> None:
    client.get_rest_apis()
    with pytest.raises(ClientError):
        client.delete_rest_api(restApiId="missing000")
    assert [call.operation for call in mock.calls.failed] == ["DeleteRestApi"]
    with pytest.raises(AssertionError, match=r"1 of 2 calls failed:\n  Call\(DeleteRestApi"):
        mock.calls.assert_all_ok()


# ---- assertions --------------------------------------------------------------------------------------------------


def test_assert_called_matches_a_subset_of_params_in_any_order(
    mock: MockApiGateway, client: Any, rest_api: dict[str, Any]
) -> None:
    client.get_resources(restApiId=rest_api["id"])
    assert mock.calls.assert_called("CreateRestApi", name="test-api").operation == "CreateRestApi"
    mock.calls.assert_called("GetResources", restApiId=rest_api["id"])
    mock.calls.assert_called("CreateRestApi")  # no params: any call of the operation


def test_assert_called_explains_what_was_called_instead_with_a_diff(
    mock: MockApiGateway, client: Any, rest_api: dict[str, Any]
) -> None:
    with pytest.raises(AssertionError) as failure:
        mock.calls.assert_called("CreateRestApi", name="other-api")
    message = str(failure.value)
    assert "expected a call CreateRestApi(name='other-api'); the calls were:" in message
    assert "Call(CreateRestApi(name='test-api') -> ok)" in message
    assert "-{'name': 'test-api'}" in message and "+{'name': 'other-api'}" in message


def test_assert_called_on_an_empty_history_says_so(mock: MockApiGateway) -> None:
    with pytest.raises(AssertionError, match="no calls were recorded"):
        mock.calls.assert_called("GetRestApis")


def test_assert_called_once_counts_matching_calls(mock: MockApiGateway, client: Any) -> None:
    client.create_rest_api(name="a")
    client.create_rest_api(name="b")
    assert mock.calls.assert_called_once("CreateRestApi", name="b").params == {"name": "b"}
    with pytest.raises(AssertionError, match=r"expected exactly one call CreateRestApi\(\), found 2"):
        mock.calls.assert_called_once("CreateRestApi")
    assert len(mock.calls.assert_called_times(2, "CreateRestApi")) == 2
    with pytest.raises(AssertionError, match="expected 3 calls CreateRestApi"):
        mock.calls.assert_called_times(3, "CreateRestApi")


def test_assert_not_called_lists_the_offending_calls(mock: MockApiGateway, client: Any) -> None:
    client.create_rest_api(name="a")
    mock.calls.assert_not_called("DeleteRestApi")
    mock.calls.assert_not_called("CreateRestApi", name="b")
    with pytest.raises(AssertionError, match=r"expected no call of CreateRestApi\(\), found 1:\n  Call\(CreateRestApi"):
        mock.calls.assert_not_called("CreateRestApi")
    with pytest.raises(AssertionError, match="expected no call of any operation"):
        mock.calls.assert_not_called()


# ---- lifecycle -----------------------------------------------------------------------------------------------------


def test_history_outlives_the_block_and_starts_fresh_with_the_next_activation() -> None:
    with mock_apigateway() as first:
        boto3.client("apigateway", region_name="us-east-1").create_rest_api(name="a")
    assert first.calls.operations == ["CreateRestApi"]
    with mock_apigateway() as second:
        assert len(second.calls) == 0


def test_nested_activations_share_one_history(mock: MockApiGateway, client: Any) -> None:
    with mock_apigateway() as inner:
        client.get_rest_apis()
    client.get_rest_apis()
    assert len(inner.calls) == len(mock.calls) == 2


def test_record_false_keeps_nothing_and_leaves_the_pipeline_hook_off() -> None:
    with mock_apigateway(record=False) as apigw:
        boto3.client("apigateway", region_name="us-east-1").get_rest_apis()
        assert STATE.kit is None
        assert len(apigw.calls) == 0


def test_decorator_options_reach_the_activation() -> None:
    @mock_apigateway(record=False)
    def run() -> int:
        boto3.client("apigateway", region_name="us-east-1").get_rest_apis()
        return len(MockApiGateway().calls)

    assert run() == 0


def test_calls_from_many_threads_are_all_recorded(mock: MockApiGateway) -> None:
    def work() -> None:
        client = boto3.client("apigateway", region_name="us-east-1")
        for _ in range(10):
            client.get_rest_apis()

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(mock.calls.of("GetRestApis")) == 40
    mock.calls.assert_all_ok()


def test_starting_a_mock_imports_no_domain_model() -> None:
    """The kit is installed at every outermost start: it must stay as light as the mock itself."""
    code = (
        "import sys, apigw_mock; apigw_mock.mock_apigateway().start(); "
        "print(sorted(m for m in sys.modules if m.startswith(('apigw_mock.domain', 'apigw_mock.control'))))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout == "[]\n"


def test_a_first_call_imports_no_pydantic() -> None:
    """The cold start's largest cost used to be importing pydantic (~55 ms); the domain is msgspec Structs now."""
    code = (
        "import sys, boto3, apigw_mock; apigw_mock.mock_apigateway().start(); "
        "boto3.client('apigateway', region_name='us-east-1').create_rest_api(name='n'); "
        "print('apigw_mock.domain.rest_api' in sys.modules, sorted(m for m in sys.modules if 'pydantic' in m))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout == "True []\n"


def test_history_limit_keeps_only_the_latest_calls_and_invocations() -> None:
    with mock_apigateway(history_limit=2) as apigw:
        client = boto3.client("apigateway", region_name="us-east-1")
        built = ApiBuilder(client)
        built.mock("/pets", template='{"n": "$input.params(\'n\')"}')
        built.deploy("dev")
        with pytest.raises(ClientError):
            client.get_rest_api(restApiId="missing000")  # an error is a call like any other
        assert apigw.calls.operations[-1] == "GetRestApi" and len(apigw.calls) == 2
        for n in range(4):
            requests.get(built.url(f"/pets?n={n}"))
        assert [invocation.query for invocation in apigw.invocations] == [{"n": "2"}, {"n": "3"}]
        client.get_rest_apis()
        assert apigw.calls.operations == ["GetRestApi", "GetRestApis"]


def test_without_a_limit_every_call_is_kept(mock: MockApiGateway, client: Any) -> None:
    for _ in range(30):
        client.get_rest_apis()
    assert len(mock.calls) == 30


@pytest.mark.parametrize("limit", [0, -1])
def test_history_limit_must_be_positive(limit: int) -> None:
    with pytest.raises(ValueError, match=f"history_limit must be a positive number of calls .*not {limit}"):
        mock_apigateway(history_limit=limit)
    assert not STATE.active


def test_a_server_keeps_only_what_its_calls_endpoint_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "HISTORY_LIMIT", 3)
    with running_server() as url:
        client = boto3.client("apigateway", endpoint_url=url, region_name="us-east-1")
        for name in ("a", "b", "c", "d", "e"):
            client.create_rest_api(name=name)
        assert [call.params["name"] for call in hook.current().history.calls()] == ["c", "d", "e"]
        shown = requests.get(f"{url}/_apigw_mock/calls").json()["calls"]
    assert [entry["operation"] for entry in shown] == ["CreateRestApi"] * 3
