"""The mock itself: every way to switch it on, what state each activation sees, and what it leaves behind."""

from __future__ import annotations

import asyncio
import inspect
import os
import subprocess
import sys
import threading
import unittest
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse
from botocore.handlers import BUILTIN_HANDLERS

import apigw_mock
from apigw_mock import MockApiGateway, mock_apigateway
from apigw_mock.mock import FAKE_ENVIRONMENT
from apigw_mock.state import STATE
from apigw_mock.transport import botocore_hook as interceptor

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def apigateway(region: str = "us-east-1") -> Any:
    return boto3.client("apigateway", region_name=region)


def api_ids(client: Any) -> list[str]:
    return [api["id"] for api in client.get_rest_apis()["items"]]


# ---- decorator forms ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("decorate", [mock_apigateway, mock_apigateway()], ids=["bare", "called"])
def test_decorated_function_runs_under_the_mock(decorate: Decorator) -> None:
    @decorate
    def scenario(name: str) -> tuple[str, bool]:
        """Docstring kept."""
        return apigateway().create_rest_api(name=name)["name"], STATE.active

    assert scenario("decorated") == ("decorated", True)
    assert not STATE.active
    assert (scenario.__name__, scenario.__doc__) == ("scenario", "Docstring kept.")


@pytest.mark.parametrize("decorate", [mock_apigateway, mock_apigateway()], ids=["bare", "called"])
def test_decorated_coroutine_function_runs_under_the_mock(decorate: Decorator) -> None:
    @decorate
    async def scenario() -> tuple[str, list[str], bool]:
        await asyncio.sleep(0)
        client = apigateway()
        created = client.create_rest_api(name="async")["id"]
        await asyncio.sleep(0)
        return created, api_ids(client), STATE.active

    assert inspect.iscoroutinefunction(scenario)
    created, listed, active = asyncio.run(scenario())
    assert listed == [created]
    assert active
    assert not STATE.active


def test_decorated_function_stops_the_mock_when_it_raises() -> None:
    before = dict(os.environ)

    @mock_apigateway
    def scenario() -> None:
        apigateway().create_rest_api(name="boom")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        scenario()
    assert not STATE.active
    assert dict(os.environ) == before


def test_each_call_of_a_decorated_function_is_fresh() -> None:
    @mock_apigateway
    def scenario() -> list[str]:
        client = apigateway()
        client.create_rest_api(name="once")
        return api_ids(client)

    assert len(scenario()) == 1
    assert len(scenario()) == 1


@pytest.fixture
@mock_apigateway
def decorated_fixture() -> Iterator[Any]:
    client = apigateway()
    client.create_rest_api(name="from-fixture")
    yield client
    assert STATE.active  # teardown too runs under the mock


def test_decorated_generator_spans_its_iteration(decorated_fixture: Any) -> None:
    assert STATE.active
    assert [api["name"] for api in decorated_fixture.get_rest_apis()["items"]] == ["from-fixture"]


def test_decorated_generator_is_active_only_while_iterated() -> None:
    @mock_apigateway
    def steps() -> Iterator[bool]:
        yield STATE.active
        yield STATE.active

    iteration = steps()
    assert not STATE.active  # nothing runs before iteration starts
    assert next(iteration) is True
    assert next(iteration) is True
    with pytest.raises(StopIteration):
        next(iteration)
    assert not STATE.active


# ---- decorated classes ----------------------------------------------------------------------------------------


@mock_apigateway
class TestUnittestClass(unittest.TestCase):
    """setUp, the test and tearDown share one activation; every test starts from an empty graph."""

    def setUp(self) -> None:
        self.api_id = apigateway().create_rest_api(name="from-setup")["id"]

    def tearDown(self) -> None:
        assert STATE.active
        assert apigateway().get_rest_api(restApiId=self.api_id)["name"] == "from-setup"

    def test_sees_the_api_made_in_set_up(self) -> None:
        assert api_ids(apigateway()) == [self.api_id]

    def test_starts_fresh_too(self) -> None:
        apigateway().create_rest_api(name="more")
        assert len(api_ids(apigateway())) == 2


@mock_apigateway
class TestPytestClass:
    """setup_method and the test share one activation; every test starts from an empty graph."""

    api_id: str

    def setup_method(self, method: Any) -> None:
        self.api_id = apigateway().create_rest_api(name="from-setup-method")["id"]

    def teardown_method(self, method: Any) -> None:
        assert STATE.active

    def test_sees_the_api_made_in_setup_method(self) -> None:
        assert api_ids(apigateway()) == [self.api_id]

    def test_starts_fresh_too(self, tmp_path: Path) -> None:  # fixtures still reach decorated methods
        apigateway().create_rest_api(name="more")
        assert len(api_ids(apigateway())) == 2
        assert tmp_path.exists()


@mock_apigateway(account_id="111122223333")
class TestClassWithOptionsAndNoSetup:
    def test_is_active_with_the_account(self) -> None:
        with pytest.raises(apigateway().exceptions.NotFoundException) as caught:
            apigateway().get_rest_api(restApiId="x")
        assert caught.value.response["Error"]["Message"] == "Invalid API identifier specified 111122223333:x"


def test_unittest_class_runs_clean_under_unittest_itself() -> None:
    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(TestUnittestClass).run(result)

    assert (result.testsRun, result.errors, result.failures) == (2, [], [])
    assert not STATE.active


# ---- context manager and start/stop ---------------------------------------------------------------------------


def test_context_manager_yields_the_handle_with_the_graph() -> None:
    with mock_apigateway() as mock:
        created = apigateway().create_rest_api(name="ctx")
        assert isinstance(mock, MockApiGateway)
        assert mock.backend().apis[created["id"]].api.name == "ctx"
    assert not STATE.active


def test_start_and_stop_are_idempotent_per_handle() -> None:
    mock = mock_apigateway()
    mock.start()
    mock.start()
    try:
        assert STATE.depth == 1
        apigateway().create_rest_api(name="started")
    finally:
        mock.stop()
    mock.stop()
    assert STATE.depth == 0
    assert not STATE.active


def test_reset_forgets_every_api() -> None:
    with mock_apigateway() as mock:
        apigateway().create_rest_api(name="gone")
        apigateway("eu-west-1").create_rest_api(name="gone too")
        mock.reset()
        assert api_ids(apigateway()) == []
        assert api_ids(apigateway("eu-west-1")) == []


def test_nested_activations_share_the_graph() -> None:
    with mock_apigateway() as outer:
        first = apigateway().create_rest_api(name="outer")["id"]
        with mock_apigateway() as inner:
            assert set(inner.backend().apis) == {first}
            second = apigateway().create_rest_api(name="inner")["id"]

            @mock_apigateway
            def innermost() -> list[str]:
                return api_ids(apigateway())

            assert sorted(innermost()) == sorted([first, second])
        assert STATE.active
        assert set(outer.backend().apis) == {first, second}
    assert not STATE.active


def test_every_outermost_activation_starts_fresh() -> None:
    with mock_apigateway():
        apigateway().create_rest_api(name="first")
    with mock_apigateway() as mock:
        assert api_ids(apigateway()) == []
        assert mock.backend().apis == {}


def test_the_graph_stays_readable_after_stop_for_assertions() -> None:
    with mock_apigateway() as mock:
        created = apigateway().create_rest_api(name="kept")["id"]
    assert list(mock.backend().apis) == [created]


def test_concurrent_calls_from_threads_all_land() -> None:
    with mock_apigateway() as mock:
        client = apigateway()

        def create(worker: int) -> None:
            for n in range(5):
                client.create_rest_api(name=f"w{worker}-{n}")

        threads = [threading.Thread(target=create, args=(worker,)) for worker in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(mock.backend().apis) == 30
        assert len(set(api["id"] for api in client.get_rest_apis(limit=500)["items"])) == 30
        assert sorted(api.api.name for api in mock.backend().apis.values()) == sorted(
            f"w{w}-{n}" for w in range(6) for n in range(5)
        )


# ---- credentials, environment, regions, accounts --------------------------------------------------------------


@pytest.fixture
def no_aws_configuration(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """An environment with no AWS credentials, region or config files anywhere."""
    for key in list(os.environ):
        if key.startswith("AWS_"):
            monkeypatch.delenv(key)
    for variable, name in [("AWS_CONFIG_FILE", "config"), ("AWS_SHARED_CREDENTIALS_FILE", "credentials")]:
        (tmp_path / name).write_text("")
        monkeypatch.setenv(variable, str(tmp_path / name))
    yield


def test_works_with_no_credentials_or_region_configured(no_aws_configuration: None) -> None:
    with mock_apigateway() as mock:
        client = boto3.session.Session().client("apigateway")  # a fresh session resolves credentials anew
        created = client.create_rest_api(name="no-creds")["id"]
        assert client.meta.region_name == "us-east-1"
        assert list(mock.backend().apis) == [created]


def test_fake_credentials_are_in_effect_while_active(no_aws_configuration: None) -> None:
    with mock_apigateway():
        credentials = boto3.session.Session().get_credentials()
        assert credentials is not None
        assert credentials.access_key == FAKE_ENVIRONMENT["AWS_ACCESS_KEY_ID"]
        assert os.environ["AWS_EC2_METADATA_DISABLED"] == "true"


def test_environment_is_restored_exactly(monkeypatch: pytest.MonkeyPatch, no_aws_configuration: None) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAREALKEY")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "real-session-token")
    monkeypatch.setenv("AWS_REGION", "eu-west-3")
    before = dict(os.environ)

    with mock_apigateway():
        assert os.environ["AWS_ACCESS_KEY_ID"] == FAKE_ENVIRONMENT["AWS_ACCESS_KEY_ID"]
        assert "AWS_SESSION_TOKEN" not in os.environ
        assert "AWS_DEFAULT_REGION" not in os.environ  # the caller's AWS_REGION stands
        with mock_apigateway():
            pass
        assert os.environ["AWS_ACCESS_KEY_ID"] == FAKE_ENVIRONMENT["AWS_ACCESS_KEY_ID"]  # inner exit restores nothing

    assert dict(os.environ) == before


def test_environment_is_restored_exactly_when_nothing_was_set(no_aws_configuration: None) -> None:
    before = dict(os.environ)

    with mock_apigateway():
        assert os.environ["AWS_DEFAULT_REGION"] == "us-east-1"

    assert dict(os.environ) == before


def test_any_region_has_its_own_backend() -> None:
    with mock_apigateway() as mock:
        sydney = apigateway("ap-southeast-2").create_rest_api(name="sydney")["id"]
        frankfurt = apigateway("eu-central-1").create_rest_api(name="frankfurt")["id"]

        assert list(mock.backend(region="ap-southeast-2").apis) == [sydney]
        assert list(mock.backend(region="eu-central-1").apis) == [frankfurt]
        assert mock.backend().apis == {}
        assert api_ids(apigateway("ap-southeast-2")) == [sydney]
        assert mock.backend(region="ap-southeast-2").region == "ap-southeast-2"


def test_custom_account_id_appears_in_not_found_messages() -> None:
    with mock_apigateway(account_id="111122223333") as mock:
        client = apigateway()
        with pytest.raises(client.exceptions.NotFoundException) as caught:
            client.get_rest_api(restApiId="x")

        assert caught.value.response["Error"]["Message"] == "Invalid API identifier specified 111122223333:x"
        assert mock.backend().account_id == "111122223333"


def test_default_account_id() -> None:
    with mock_apigateway() as mock:
        with pytest.raises(apigateway().exceptions.NotFoundException, match="123456789012:x"):
            apigateway().get_rest_api(restApiId="x")
        assert mock.backend().account_id == "123456789012"


# ---- interception ---------------------------------------------------------------------------------------------


class _Network:
    """Stands in for the network: answers any GetRestApis that reaches it with one API of its own."""

    def __call__(self, request: Any, **_: Any) -> AWSResponse:
        return AWSResponse(request.url, 200, {}, _Body(b'{"item": [{"id": "network", "name": "network"}]}'))


class _Body:
    def __init__(self, body: bytes) -> None:
        self.body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self.body


@pytest.fixture
def preexisting_client(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A client created before any activation (with credentials of its own), whose requests the mock may not
    answer are answered by a stand-in for the network (a handler registered after the mock's)."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAPREEXISTING")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    client = boto3.session.Session().client("apigateway", region_name="us-east-1")
    client.meta.events.register("before-send.api-gateway", _Network())
    return client


def test_clients_created_before_activation_are_intercepted(preexisting_client: Any) -> None:
    with mock_apigateway() as mock:
        created = preexisting_client.create_rest_api(name="early")["id"]
        assert api_ids(preexisting_client) == [created]

    assert list(mock.backend().apis) == [created]


def test_requests_pass_through_while_inactive(preexisting_client: Any) -> None:
    with mock_apigateway():
        preexisting_client.create_rest_api(name="inside")

    assert api_ids(preexisting_client) == ["network"]


def test_registering_again_does_not_answer_twice() -> None:
    boto3.client("s3", region_name="us-east-1")  # boto3's default session exists before the second registration
    interceptor.register()

    assert sum(spec[1] is interceptor.on_before_send for spec in BUILTIN_HANDLERS) == 1
    with mock_apigateway() as mock:
        boto3.client("apigateway", region_name="us-east-1").create_rest_api(name="once")
        assert len(mock.backend().apis) == 1


def test_default_session_made_before_import_is_intercepted_once() -> None:
    script = """
import boto3
boto3.setup_default_session(region_name="eu-west-1")
import apigw_mock
with apigw_mock.mock_apigateway() as mock:
    boto3.client("apigateway").create_rest_api(name="late import")
    print(len(mock.backend(region="eu-west-1").apis))
"""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment, check=True)

    assert done.stdout.strip() == "1"


# ---- beside moto ----------------------------------------------------------------------------------------------


def _moto() -> Any:
    return pytest.importorskip("moto").mock_aws


@pytest.mark.parametrize("apigw_outside", [True, False], ids=["apigw-outer", "moto-outer"])
def test_other_services_are_served_by_moto_alongside(apigw_outside: bool) -> None:
    before = dict(os.environ)
    ours, moto = mock_apigateway(), _moto()()
    outer, inner = (ours, moto) if apigw_outside else (moto, ours)

    with _both(outer, inner):
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="apigw-mock-neighbour")
        assert [bucket["Name"] for bucket in s3.list_buckets()["Buckets"]] == ["apigw-mock-neighbour"]
        assert boto3.client("sts", region_name="us-east-1").get_caller_identity()["Account"] == "123456789012"
        client = apigateway()
        created = client.create_rest_api(name="ours")["id"]
        assert created in ours.backend().apis
        assert len(client.get_gateway_responses(restApiId=created)["items"]) == 21

    assert not STATE.active
    assert dict(os.environ) == before


def test_apigateway_beside_moto_with_apigateway_passed_through_by_moto() -> None:
    moto = _moto()(config={"core": {"passthrough": {"services": ["apigateway"]}}})

    with moto, mock_apigateway() as ours:
        client = apigateway()
        api = client.create_rest_api(name="ours")
        resource = client.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="a")
        client.update_resource(
            restApiId=api["id"],
            resourceId=resource["id"],
            patchOperations=[{"op": "replace", "path": "/pathPart", "value": "b"}],
        )
        assert ours.backend().apis[api["id"]].resources[resource["id"]].path == "/b"
        client.delete_rest_api(restApiId=api["id"])
        assert ours.backend().apis == {}


@pytest.mark.parametrize(
    "operation", ["update_gateway_response", "update_integration", "update_integration_response", "delete_rest_api"]
)
def test_apigateway_beside_moto_without_passthrough(operation: str) -> None:
    """botocore calls every before-send handler; moto's must not process (and fail on) a request we answered."""
    with _moto()(), mock_apigateway() as ours:
        client = apigateway()
        api = client.create_rest_api(name="ours")
        ids = {"restApiId": api["id"], "resourceId": api["rootResourceId"], "httpMethod": "GET"}
        client.put_method(**ids, authorizationType="NONE")
        client.put_integration(**ids, type="MOCK")
        client.put_integration_response(**ids, statusCode="200")
        patch: list[Any] = [{"op": "replace", "path": "/selectionPattern", "value": "x"}]
        if operation == "update_gateway_response":
            client.update_gateway_response(restApiId=api["id"], responseType="DEFAULT_4XX", patchOperations=[])
        elif operation == "update_integration":
            client.update_integration(
                **ids, patchOperations=[{"op": "replace", "path": "/timeoutInMillis", "value": "100"}]
            )
        elif operation == "update_integration_response":
            assert (
                client.update_integration_response(**ids, statusCode="200", patchOperations=patch)["selectionPattern"]
                == "x"
            )
        else:
            client.delete_rest_api(restApiId=api["id"])
        assert (api["id"] in ours.backend().apis) is (operation != "delete_rest_api")
        from moto.apigateway.models import apigateway_backends

        assert apigateway_backends["123456789012"]["us-east-1"].apis == {}, (
            "moto processed a request apigw_mock answered"
        )


class _both(AbstractContextManager[None]):  # lower case: reads as a function
    def __init__(self, outer: Any, inner: Any) -> None:
        self.outer, self.inner = outer, inner

    def __enter__(self) -> None:
        self.outer.__enter__()
        self.inner.__enter__()

    def __exit__(self, *exc: Any) -> None:
        try:
            self.inner.__exit__(*exc)
        finally:
            self.outer.__exit__(*exc)


# ---- the pytest plugin ----------------------------------------------------------------------------------------


def test_plugin_is_registered_by_its_entry_point(request: pytest.FixtureRequest) -> None:
    import apigw_mock.pytest_plugin

    assert request.config.pluginmanager.get_plugin("apigw_mock") is apigw_mock.pytest_plugin


@pytest.mark.parametrize("round_", [1, 2])
def test_plugin_fixtures_are_active_and_isolated(apigw: MockApiGateway, apigw_client: Any, round_: int) -> None:
    assert STATE.active
    assert apigw.backend().apis == {}
    created = apigw_client.create_rest_api(name=f"round {round_}")["id"]
    assert list(apigw.backend().apis) == [created]
    assert apigw_client.meta.region_name == "us-east-1"


def test_a_custom_endpoint_uses_the_signing_region() -> None:
    with mock_apigateway() as mock:
        client = boto3.client("apigateway", region_name="eu-west-3", endpoint_url="http://localhost:4566")
        api_id = client.create_rest_api(name="custom endpoint")["id"]
        assert list(mock.backend(region="eu-west-3").apis) == [api_id]
        assert mock.backend().apis == {}


def test_unsigned_client_uses_the_region_of_its_host() -> None:
    from botocore import UNSIGNED
    from botocore.config import Config

    with mock_apigateway() as mock:
        client = boto3.client("apigateway", region_name="ap-south-1", config=Config(signature_version=UNSIGNED))
        api_id = client.create_rest_api(name="unsigned")["id"]
        assert api_id in mock.backend(region="ap-south-1").apis


LOADERS_TEST = """
import sys

import boto3

import apigw_mock


def test_first_call():
    with apigw_mock.mock_apigateway():
        boto3.client("apigateway", region_name="us-east-1").create_rest_api(name="loaders")
    first_call = [name for name in sys.modules if name.startswith(("apigw_mock.control.", "apigw_mock.domain."))]
    assert "apigw_mock.control.rest_apis" in first_call
    rewritten = [name for name in first_call if type(sys.modules[name].__loader__).__name__ == "AssertionRewritingHook"]
    assert rewritten == []
"""


def test_plugin_leaves_the_first_calls_modules_to_plain_imports(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fresh pytest process with the installed plugins (this one imported those modules long ago): pytest marks
    # every module of a distribution with a pytest11 entry point for assertion rewriting, and rewrites those its
    # path search finds, as it finds a package installed in site-packages (PYTHONPATH stands for that here).
    pytester.makepyfile(test_loaders=LOADERS_TEST)
    monkeypatch.delenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.setenv("PYTHONPATH", str(Path(apigw_mock.__file__).resolve().parent.parent))
    result = pytester.runpytest_subprocess("-p", "no:randomly", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
