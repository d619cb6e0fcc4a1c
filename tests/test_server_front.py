"""Server mode as browsers, Terraform and a busy machine meet it, over real loopback HTTP: CORS preflight and
headers, HEAD, the 501's text, the error in the log line, and a port that is already taken."""

from __future__ import annotations

import logging
import re
import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest

from apigw_mock.control.registry import handlers
from apigw_mock.protocol import spec
from apigw_mock.server import running_server
from tests.support.registry import take_away
from tests.test_server_http import AUTH, call

BROWSER_SDK_HEADERS = (
    "authorization",
    "content-type",
    "x-amz-date",
    "x-amz-security-token",
    "x-amz-user-agent",
    "x-amz-content-sha256",
    "amz-sdk-invocation-id",
    "amz-sdk-request",
)


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    with running_server() as url:
        yield url


@pytest.fixture(autouse=True)
def fresh(server_url: str) -> None:
    assert call(server_url, "POST", "/_apigw_mock/reset")[0] == 200


def test_cors_preflight_is_answered_without_a_signature(server_url: str) -> None:
    status, headers, body = call(
        server_url,
        "OPTIONS",
        "/restapis",
        headers={
            "Origin": "http://localhost:3000",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": ",".join(BROWSER_SDK_HEADERS) + ",x-custom-header",
        },
    )
    assert (status, body) == (200, None)
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert set(headers["Access-Control-Allow-Methods"].split(",")) >= {"GET", "POST", "PUT", "PATCH", "DELETE"}
    allowed = headers["Access-Control-Allow-Headers"].split(",")
    assert set(allowed) >= {*BROWSER_SDK_HEADERS, "x-custom-header"}
    assert int(headers["Access-Control-Max-Age"]) > 0


@pytest.mark.parametrize("path", ["/restapis/abc/resources/def/methods/GET", "/nowhere", "/_apigw_mock/health"])
def test_cors_preflight_is_answered_on_any_path(server_url: str, path: str) -> None:
    status, headers, _ = call(server_url, "OPTIONS", path, headers={"Access-Control-Request-Method": "PATCH"})
    assert (status, headers["Access-Control-Allow-Origin"]) == (200, "*")


@pytest.mark.parametrize(
    ("method", "path", "headers", "status"),
    [
        ("POST", "/restapis", {"Authorization": AUTH}, 201),
        ("GET", "/restapis/nope", {"Authorization": AUTH}, 404),
        ("GET", "/restapis", {}, 403),
        ("GET", "/_apigw_mock/health", {}, 200),
    ],
)
def test_every_reply_carries_the_cors_headers_a_browser_sdk_reads(
    server_url: str, method: str, path: str, headers: dict[str, str], status: int
) -> None:
    body = b'{"name": "cors"}' if method == "POST" else b""
    got, reply, _ = call(server_url, method, path, body=body, headers={"Origin": "http://localhost", **headers})
    assert got == status
    assert reply["Access-Control-Allow-Origin"] == "*"
    exposed = reply["Access-Control-Expose-Headers"].lower().split(",")
    assert {"x-amzn-requestid", "x-amzn-errortype"} <= set(exposed)


def test_head_answers_what_get_answers_without_the_body(server_url: str) -> None:
    assert call(server_url, "POST", "/restapis", body=b'{"name": "head"}', headers={"Authorization": AUTH})[0] == 201
    get_status, get_headers, get_body = call(server_url, "GET", "/restapis", headers={"Authorization": AUTH})
    status, headers, body = call(server_url, "HEAD", "/restapis", headers={"Authorization": AUTH})

    assert (status, body) == (get_status, None) == (200, None)
    assert headers["Content-Type"] == get_headers["Content-Type"]
    assert headers["Content-Length"] == get_headers["Content-Length"] != "0"
    assert get_body["item"][0]["name"] == "head"


def test_head_of_a_missing_api_is_its_404(server_url: str) -> None:
    status, headers, body = call(server_url, "HEAD", "/restapis/nope", headers={"Authorization": AUTH})
    assert (status, headers["x-amzn-ErrorType"], body) == (404, "NotFoundException", None)


def test_the_501_names_the_operation_and_points_to_the_coverage_list(
    server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = take_away(monkeypatch, "GetAccount")
    status, headers, body = call(server_url, "GET", "/account", headers={"Authorization": AUTH})

    assert (status, headers["x-amzn-ErrorType"]) == (501, "ApigwMockNotImplemented")
    assert body == {
        "message": f"apigw_mock does not support the API Gateway operation '{name}' yet; "
        "the supported operations are listed under 'Coverage' in apigw_mock's README."
    }
    assert not any(other in body["message"] for other in handlers())
    assert len(body["message"]) < 160
    assert spec.operation(name).http["requestUri"] == "/account"


def test_the_log_line_of_an_error_adds_its_type_and_message(server_url: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="apigw_mock.server"):
        call(server_url, "GET", "/restapis/nope", headers={"Authorization": AUTH})
        call(server_url, "GET", "/restapis")
        call(server_url, "GET", "/restapis", headers={"Authorization": AUTH})
    lines = [record.getMessage() for record in caplog.records if record.name == "apigw_mock.server"]

    assert len(lines) == 3
    assert re.fullmatch(
        r"GET /restapis/nope GetRestApi 404 \d+\.\dms NotFoundException: "
        r"Invalid API identifier specified 123456789012:nope",
        lines[0],
    )
    assert re.fullmatch(
        r"GET /restapis GetRestApis 403 \d+\.\dms MissingAuthenticationTokenException: Missing Authentication Token",
        lines[1],
    )
    assert re.fullmatch(r"GET /restapis GetRestApis 200 \d+\.\dms", lines[2])  # success: no error part


def test_a_port_in_use_is_one_line_naming_the_fix_and_a_non_zero_exit() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "apigw_mock", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )

    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines == [
        f"apigw-mock: port {port} on 127.0.0.1 is already in use; choose another with --port N "
        "(--port 0 picks a free one)"
    ]
