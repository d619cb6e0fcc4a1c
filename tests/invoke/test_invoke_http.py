"""HTTP and HTTP_PROXY integrations end to end: the backend is called over real HTTP, so a test's own `responses`
registration or a local server answers it (spec §8.2, §14)."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import requests
import responses

from apigw_mock import MockApiGateway
from tests.invoke.builder import ApiBuilder

BACKEND = "http://backend.example.com"


@pytest.fixture
def backend(mock: MockApiGateway) -> Iterator[responses.RequestsMock]:
    """The test's own `responses` mock, started before the first deployment (so the mock's sits on top of it)."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as started:
        yield started


def test_http_proxy_forwards_and_returns_the_backend_unchanged(
    api: ApiBuilder, backend: responses.RequestsMock
) -> None:
    backend.add(
        responses.GET,
        f"{BACKEND}/pets/7",
        json={"id": 7},
        status=201,
        headers={"X-Backend": "yes", "WWW-Authenticate": "Basic"},
    )
    api.method(
        "/{proxy+}",
        "ANY",
        {
            "type": "HTTP_PROXY",
            "integrationHttpMethod": "ANY",
            "uri": f"{BACKEND}/{{proxy}}",
            "requestParameters": {"integration.request.path.proxy": "method.request.path.proxy"},
        },
        requestParameters={"method.request.path.proxy": True},
    )
    api.deploy()
    answer = requests.get(api.url("/pets/7?x=1"), headers={"X-Client": "c"})
    assert (answer.status_code, answer.json(), answer.headers["X-Backend"]) == (201, {"id": 7}, "yes")
    assert answer.headers["X-Amzn-Remapped-WWW-Authenticate"] == "Basic" and "WWW-Authenticate" not in answer.headers
    sent = backend.calls[0].request
    assert sent.url == f"{BACKEND}/pets/7?x=1" and sent.headers["X-Client"] == "c"


def test_http_non_proxy_maps_parameters_templates_and_selects_by_status(
    api: ApiBuilder, backend: responses.RequestsMock
) -> None:
    backend.add(responses.POST, f"{BACKEND}/v1/orders", json={"order": {"id": "o-1"}}, status=200)
    backend.add(responses.POST, f"{BACKEND}/v1/orders", json={"reason": "nope"}, status=409)
    api.method(
        "/orders/{shop}",
        "POST",
        {
            "type": "HTTP",
            "integrationHttpMethod": "POST",
            "uri": f"{BACKEND}/${{stageVariables.version}}/orders",
            "requestParameters": {
                "integration.request.querystring.shop": "method.request.path.shop",
                "integration.request.header.X-Static": "'fixed'",
                "integration.request.header.X-Stage": "context.stage",
            },
            "requestTemplates": {"application/json": "{\"wrapped\": $input.json('$')}"},
        },
        {
            "200": {
                "selectionPattern": "2\\d{2}",
                "responseTemplates": {"application/json": '{"id": "$input.path(\'$.order.id\')"}'},
                "responseParameters": {"method.response.header.X-Id": "integration.response.body.order.id"},
            },
            "400": {"selectionPattern": "4\\d{2}", "responseTemplates": {"application/json": '{"failed": true}'}},
        },
        requestParameters={"method.request.path.shop": True},
    )
    api.deploy("dev", variables={"version": "v1"})
    ok = requests.post(api.url("/orders/s1"), json={"n": 1})
    assert (ok.status_code, ok.json(), ok.headers["X-Id"]) == (200, {"id": "o-1"}, "o-1")
    sent = backend.calls[0].request
    assert sent.url == f"{BACKEND}/v1/orders?shop=s1"
    assert (sent.headers["X-Static"], sent.headers["X-Stage"]) == ("fixed", "dev")
    assert json.loads(sent.body) == {"wrapped": {"n": 1}}
    refused = requests.post(api.url("/orders/s1"), json={"n": 2})
    assert (refused.status_code, refused.json()) == (400, {"failed": True})


def test_backend_timeout_is_a_504(api: ApiBuilder, backend: responses.RequestsMock) -> None:
    backend.add(responses.GET, f"{BACKEND}/slow", body=requests.exceptions.ReadTimeout("slow"))
    api.method("/slow", "GET", {"type": "HTTP_PROXY", "integrationHttpMethod": "GET", "uri": f"{BACKEND}/slow"})
    api.deploy()
    answer = requests.get(api.url("/slow"))
    assert (answer.status_code, answer.text) == (504, '{"message":"Endpoint request timed out"}')


def test_unreachable_backend_is_a_504(api: ApiBuilder, backend: responses.RequestsMock) -> None:
    backend.add(responses.GET, f"{BACKEND}/down", body=requests.exceptions.ConnectionError("refused"))
    api.method("/down", "GET", {"type": "HTTP_PROXY", "integrationHttpMethod": "GET", "uri": f"{BACKEND}/down"})
    api.deploy()
    assert requests.get(api.url("/down")).status_code == 504


class _Slow(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path.startswith("/slow"):
            time.sleep(0.5)
        body = json.dumps({"path": self.path, "ua": self.headers.get("User-Agent")}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the gateway gave up waiting
            self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_real_local_backend_and_timeout_in_millis(api: ApiBuilder, local_server: str) -> None:
    api.method(
        "/fast",
        "GET",
        {"type": "HTTP", "integrationHttpMethod": "GET", "uri": f"{local_server}/fast"},
        {"200": {"selectionPattern": ""}},
    )
    api.method(
        "/slow",
        "GET",
        {"type": "HTTP", "integrationHttpMethod": "GET", "uri": f"{local_server}/slow", "timeoutInMillis": 100},
        {"200": {"selectionPattern": ""}},
    )
    api.deploy()
    fast = requests.get(api.url("/fast"))
    assert fast.json() == {"path": "/fast", "ua": f"AmazonAPIGateway_{api.id}"}
    assert requests.get(api.url("/slow")).status_code == 504
