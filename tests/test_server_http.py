"""Server mode over real HTTP: routing, caller identity, errors of the HTTP front, management, keep-alive, lifecycle."""

from __future__ import annotations

import http.client
import json
import logging
import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import boto3
import pytest
from botocore import xform_name
from botocore.exceptions import ClientError

from apigw_mock import MockApiGateway, mock_apigateway
from apigw_mock.protocol import spec
from apigw_mock.server import ApiGatewayApp, running_server
from apigw_mock.state import STATE
from tests.support.registry import take_away

AUTH = "AWS4-HMAC-SHA256 Credential=AKIDFAKE/20260101/us-east-1/apigateway/aws4_request, Signature=0"


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    with running_server() as url:
        yield url


@pytest.fixture(autouse=True)
def fresh(server_url: str) -> None:
    assert call(server_url, "POST", "/_apigw_mock/reset")[0] == 200


def call(
    url: str, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> tuple[int, http.client.HTTPMessage, Any]:
    """One raw HTTP request: (status, headers (case-insensitive), JSON body or None)."""
    address = urlsplit(url)
    connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        raw = response.read()
        return response.status, response.headers, json.loads(raw) if raw else None
    finally:
        connection.close()


def client(url: str, *, key: str = "AKIDFAKE", region: str = "us-east-1") -> Any:
    return boto3.client(
        "apigateway", endpoint_url=url, region_name=region, aws_access_key_id=key, aws_secret_access_key="fake"
    )


def test_boto3_round_trip_through_the_server(server_url: str) -> None:
    api = client(server_url).create_rest_api(name="over-http")
    assert api["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert client(server_url).get_rest_api(restApiId=api["id"])["name"] == "over-http"


def test_region_is_the_signing_region_and_a_12_digit_key_is_the_account(server_url: str) -> None:
    api = client(server_url, key="111122223333", region="eu-west-1").create_rest_api(name="elsewhere")
    assert api["id"] in MockApiGateway().backend("eu-west-1", "111122223333").apis
    assert api["id"] not in MockApiGateway().backend("us-east-1", "111122223333").apis
    assert api["id"] not in MockApiGateway().backend("eu-west-1").apis


def test_any_other_key_is_the_default_account(server_url: str) -> None:
    with pytest.raises(ClientError) as raised:
        client(server_url, key="AKIAIOSFODNN7EXAMPLE").get_rest_api(restApiId="missing")
    assert raised.value.response["Error"]["Message"] == "Invalid API identifier specified 123456789012:missing"


def test_no_authorization_header_is_missing_authentication_token(server_url: str) -> None:
    status, headers, body = call(server_url, "GET", "/restapis")
    assert (status, headers["x-amzn-ErrorType"], body) == (
        403,
        "MissingAuthenticationTokenException",
        {"message": "Missing Authentication Token"},
    )


@pytest.mark.parametrize(("method", "path"), [("GET", "/nothing/here"), ("PUT", "/restapis"), ("GET", "/restapis/")])
def test_unknown_route_is_an_aws_style_404(server_url: str, method: str, path: str) -> None:
    status, headers, body = call(server_url, method, path, headers={"Authorization": AUTH})
    assert (status, headers["x-amzn-ErrorType"]) == (404, "UnknownOperationException")
    assert body == {"message": f"Unknown operation: {method} {path}"}


def test_malformed_json_is_a_serialization_exception(server_url: str) -> None:
    status, headers, body = call(server_url, "POST", "/restapis", b'{"name": ', {"Authorization": AUTH})
    assert (status, headers["x-amzn-ErrorType"]) == (400, "SerializationException")
    assert body == {"message": "Unable to parse the request body as JSON"}


@pytest.mark.parametrize("token", [b"NaN", b"Infinity", b"-Infinity"])
def test_a_non_json_number_is_a_serialization_exception_and_creates_nothing(server_url: str, token: bytes) -> None:
    plan = b'{"name": "p", "throttle": {"rateLimit": ' + token + b"}}"
    status, headers, body = call(server_url, "POST", "/usageplans", plan, {"Authorization": AUTH})
    assert (status, headers["x-amzn-ErrorType"]) == (400, "SerializationException")
    assert body == {"message": "Unable to parse the request body as JSON"}
    assert call(server_url, "GET", "/usageplans", headers={"Authorization": AUTH})[2].get("item", []) == []


def test_chunked_request_body_is_read(server_url: str) -> None:
    address = urlsplit(server_url)
    connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=10)
    connection.request("POST", "/restapis", body=iter([b'{"name": ', b'"chunked"}']), headers={"Authorization": AUTH})
    response = connection.getresponse()
    assert (response.status, json.loads(response.read())["name"]) == (201, "chunked")
    connection.close()


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_oversized_body_is_413_and_the_server_lives_on(chunked: bool) -> None:
    body = b'{"name": "' + b"x" * 2048 + b'"}'
    with running_server(max_body_bytes=1024) as url:
        address = urlsplit(url)
        connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=10)
        connection.request("POST", "/restapis", body=iter([body]) if chunked else body, headers={"Authorization": AUTH})
        response = connection.getresponse()
        assert (response.status, response.getheader("x-amzn-ErrorType")) == (413, "RequestEntityTooLargeException")
        assert "1024 bytes" in json.loads(response.read())["message"]
        connection.close()
        assert call(url, "POST", "/restapis", b'{"name": "small"}', {"Authorization": AUTH})[0] == 201


def test_operation_without_handler_is_501_and_not_retried(server_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    name = take_away(monkeypatch, "GetAccount")  # an operation with no required member
    assert not spec.operation(name).input_shape.required_members
    with pytest.raises(ClientError) as raised:
        getattr(client(server_url), xform_name(name))()
    response = raised.value.response
    metadata = response["ResponseMetadata"]
    assert (response["Error"]["Code"], metadata["HTTPStatusCode"], metadata["RetryAttempts"]) == (
        "ApigwMockNotImplemented",
        501,
        0,
    )
    assert f"does not support the API Gateway operation '{name}'" in response["Error"]["Message"]


def test_unexpected_exception_is_500_logged_and_survived(
    server_url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def explode(*_: Any, **__: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr("apigw_mock.server.app.handle", explode)
    with caplog.at_level(logging.INFO, logger="apigw_mock.server"):
        status, headers, body = call(server_url, "GET", "/restapis", headers={"Authorization": AUTH})
    assert (status, headers["x-amzn-ErrorType"]) == (500, "InternalFailure")
    assert body == {"message": "apigw_mock internal error: RuntimeError: boom"}
    assert any(record.levelno == logging.ERROR and record.exc_info for record in caplog.records)
    monkeypatch.undo()
    assert call(server_url, "GET", "/restapis", headers={"Authorization": AUTH})[0] == 200


def test_one_info_line_per_request(server_url: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="apigw_mock.server"):
        client(server_url).create_rest_api(name="logged")
    lines = [record.getMessage() for record in caplog.records if record.name == "apigw_mock.server"]
    assert len(lines) == 1
    assert re.fullmatch(r"POST /restapis CreateRestApi 201 \d+\.\dms", lines[0])


def test_management_health_reset_and_state(server_url: str) -> None:
    assert call(server_url, "GET", "/_apigw_mock/health")[::2] == (200, {"status": "ok"})
    api = client(server_url).create_rest_api(name="dumped", description="seen in the dump")
    status, _, dump = call(server_url, "GET", "/_apigw_mock/state")
    assert status == 200
    (backend,) = dump["backends"]
    assert (backend["accountId"], backend["region"]) == ("123456789012", "us-east-1")
    graph = backend["restApis"][api["id"]]
    assert graph["api"]["description"] == "seen in the dump"
    assert graph["api"]["createdDate"].endswith("Z")  # mode="json": timestamps as ISO text
    assert [resource["path"] for resource in graph["resources"].values()] == ["/"]
    assert backend["apiKeys"] == backend["usagePlans"] == backend["vpcLinks"] == {}
    assert call(server_url, "POST", "/_apigw_mock/reset")[::2] == (200, {"status": "ok"})
    assert call(server_url, "GET", "/_apigw_mock/state")[2] == {"backends": []}


def test_management_state_shows_the_account_level_resources(server_url: str) -> None:
    apigw = client(server_url)
    key = apigw.create_api_key(name="ada", value="a" * 20, enabled=True)
    plan = apigw.create_usage_plan(name="basic", quota={"limit": 5, "period": "DAY"})
    apigw.create_usage_plan_key(usagePlanId=plan["id"], keyId=key["id"], keyType="API_KEY")
    certificate = apigw.generate_client_certificate(description="mtls")
    (backend,) = call(server_url, "GET", "/_apigw_mock/state")[2]["backends"]
    assert backend["apiKeys"][key["id"]]["name"] == "ada" and backend["apiKeys"][key["id"]]["enabled"] is True
    assert backend["usagePlans"][plan["id"]]["quota"] == plan["quota"] == {"limit": 5, "period": "DAY"}
    assert backend["usagePlanKeys"] == {plan["id"]: {key["id"]: key["id"]}}
    assert backend["clientCertificates"][certificate["clientCertificateId"]]["description"] == "mtls"
    assert backend["domainNames"] == backend["basePathMappings"] == {}


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/_apigw_mock/reset", 405), ("POST", "/_apigw_mock/health", 405), ("GET", "/_apigw_mock/nope", 404)],
)
def test_management_refuses_what_it_does_not_serve(server_url: str, method: str, path: str, status: int) -> None:
    answered, _, body = call(server_url, method, path)
    assert answered == status
    assert path in body["message"]


def test_keep_alive_serves_several_requests_on_one_connection(server_url: str) -> None:
    address = urlsplit(server_url)
    connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=10)
    sockets = set()
    for index in range(3):
        connection.request("POST", "/restapis", body=json.dumps({"name": f"k{index}"}), headers={"Authorization": AUTH})
        response = connection.getresponse()
        assert (response.status, response.version) == (201, 11)
        response.read()
        sockets.add(id(connection.sock))
    connection.close()
    assert len(sockets) == 1


def test_server_holds_the_state_without_intercepting_or_touching_the_environment() -> None:
    before = dict(os.environ)
    with running_server():
        assert STATE.depth >= 1
        assert not STATE.active
        assert dict(os.environ) == before


def test_in_process_mock_and_server_share_one_state(server_url: str) -> None:
    with mock_apigateway():
        api = boto3.client("apigateway", region_name="us-east-1").create_rest_api(name="shared")
    status, _, body = call(server_url, "GET", f"/restapis/{api['id']}", headers={"Authorization": AUTH})
    assert (status, body["name"]) == (200, "shared")


def test_shutdown_frees_the_port() -> None:
    with running_server() as url:
        port = urlsplit(url).port
    with running_server(port=port or 0) as again:
        assert urlsplit(again).port == port
        assert call(again, "GET", "/_apigw_mock/health")[0] == 200


def test_importing_apigw_mock_does_not_import_the_http_stack() -> None:
    code = "import sys, apigw_mock; print(sorted(m for m in sys.modules if m.startswith(('waitress', 'werkzeug'))))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"


def test_cli_serves_and_stops_cleanly_on_sigterm() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "apigw_mock", "serve", "--port", "0"], stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+", line)
        assert url is not None, line
        assert call(url.group(), "GET", "/_apigw_mock/health")[0] == 200
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
    finally:
        process.kill()
        if process.stderr is not None:
            process.stderr.close()


def test_the_wsgi_app_runs_under_any_wsgi_server() -> None:
    """No REQUEST_URI (a plain WSGI server): the target is rebuilt from PATH_INFO; no length and no terminated
    input means no body."""
    replies: list[str] = []

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], object]:
        replies.append(status)
        return lambda data: None

    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/restapis", "QUERY_STRING": "", "HTTP_AUTHORIZATION": AUTH}
    body = b"".join(ApiGatewayApp()(environ, start_response))
    # CreateRestApi without its body: the request reached the pipeline, whose validation names the missing member.
    assert replies == ["400 Bad Request"]
    assert "createRestApiInput.name" in json.loads(body)["message"]
