"""The WSGI application of server mode: one HTTP request -> operation -> `pipeline.handle` -> HTTP reply.

Contract: `ApiGatewayApp()(environ, start_response)` answers every request and never raises. The operation comes
from `protocol.router` (raw path, so %-encoded labels survive), the region from the SigV4 signing scope, the
account from a 12-digit access key id (otherwise the mock's account, 123456789012 by default). What the mock
answers in process it answers here, byte for byte; on top, the HTTP front answers on its own, always as
`x-amzn-ErrorType` + `{"message": ...}` through `serializer.serialize_error`:

- no `Authorization` header: 403 MissingAuthenticationTokenException `Missing Authentication Token` (AWS's text);
- no route matches: 404 UnknownOperationException `Unknown operation: <METHOD> <path>` (Coral's error code; the
  text is our choice, AWS's own for this case is not on record);
- a body over `max_body_bytes` (10 MiB by default): 413 RequestEntityTooLargeException;
- an operation the mock has no handler for: 501 ApigwMockNotImplemented with the in-process message (botocore
  does not retry 501, so the test sees it at once);
- any other exception: 500 InternalFailure naming it, logged with its traceback.

Browsers (the JS SDK in a page, a web console) are served as AWS's endpoints serve them: a CORS preflight
(`OPTIONS` on any path, no signature needed) answers 200 with an empty body and the allowed origin (`*`), methods,
headers (the SDKs' signing headers, and whatever the preflight asks for) and max age; every other reply carries
`Access-Control-Allow-Origin: *` and exposes the `x-amzn-*` headers the SDK reads. `HEAD` answers what `GET` on
the same path answers, without the body. (AWS's exact preflight headers are not on record: see CORS_* below.)
A deployed stage's reply is written line by line: a header with several values (`multiValueHeaders`, two
`Set-Cookie`) goes out on several lines, as WSGI allows.

A connection error the test kit injects into an execute-api request closes the connection without a reply.
Paths under `/_apigw_mock/` go to `server.management`. One INFO line per request goes to `apigw_mock.server`:
`METHOD path operation status time`, plus `ErrorType: message` for a 4XX or 5XX.
"""

from __future__ import annotations

import http
import json
import logging
import time
from collections.abc import Iterable
from urllib.parse import quote, urlsplit
from wsgiref.types import StartResponse, WSGIEnvironment

from apigw_mock.control.pipeline import handle
from apigw_mock.exceptions import (
    ApiGatewayError,
    ApigwMockNotImplemented,
    InternalFailure,
    MissingAuthenticationTokenException,
    NotImplementedByMock,
    RequestEntityTooLargeException,
    UnknownOperationException,
)
from apigw_mock.http import HttpRequest, HttpResponse
from apigw_mock.invoke.ports import Target
from apigw_mock.protocol.router import router
from apigw_mock.protocol.serializer import request_id, serialize_error
from apigw_mock.server import management
from apigw_mock.sigv4 import account_of, signing_scope
from apigw_mock.state import DEFAULT_REGION
from apigw_mock.transport import execute_api

DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024
logger = logging.getLogger("apigw_mock.server")

# CORS as AWS's service endpoints answer browser SDKs (assumed where not on record): any origin, the SDK's
# signing and tracing headers, the x-amzn-* reply headers exposed so the SDK can read request ids and error types.
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date",
}
CORS_ALLOW_HEADERS = (
    "authorization",
    "content-type",
    "x-amz-date",
    "x-amz-security-token",
    "x-amz-user-agent",
    "x-amz-content-sha256",
    "x-amz-target",
    "amz-sdk-invocation-id",
    "amz-sdk-request",
    "x-amzn-trace-id",
)
CORS_PREFLIGHT_HEADERS = {
    **CORS_HEADERS,
    "Access-Control-Allow-Methods": "GET,HEAD,PUT,POST,DELETE,OPTIONS,PATCH",
    "Access-Control-Max-Age": "86400",
}


class ApiGatewayApp:
    """The WSGI callable; see the module docstring."""

    def __init__(self, *, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> None:
        self.max_body_bytes = max_body_bytes

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        started = time.perf_counter()
        method, path, operation = environ.get("REQUEST_METHOD", "?"), environ.get("PATH_INFO", "?"), None
        lines: list[tuple[str, str]] | None = None  # a stage's header lines, repeated names included (Set-Cookie)
        try:
            target = _request_target(environ)
            path, query = urlsplit(target)[2:4]
            data_plane = execute_api.server_target(path, environ.get("HTTP_HOST"), DEFAULT_REGION)
            if data_plane is not None:  # a call to a deployed stage (path or host style): its own CORS, HEAD...
                operation = "execute-api"
                reply, lines = self._data_plane(environ, data_plane, query)
            elif method == "OPTIONS":
                operation = "preflight"
                reply = _preflight(environ)
            else:
                # HEAD is GET without the body (cut below, once the length is known).
                verb = "GET" if method == "HEAD" else method
                if path.startswith(management.PREFIX):
                    operation = "management"
                    reply = management.answer(verb, path)
                else:
                    operation = router().resolve(verb, path, query)
                    reply = self._control_plane(environ, HttpRequest(verb, target, _headers(environ)), operation)
                reply.headers.update(CORS_HEADERS)
        except ConnectionError as error:  # only the test kit's injected connection error: answer nothing at all
            logger.info("%s %s %s dropped the connection (%s)", method, path, operation or "-", error)
            raise _dropped(error) from error
        except Exception as error:  # the server must survive anything a request can provoke
            logger.exception("unexpected error answering %s %s", method, path)
            reply = serialize_error(InternalFailure(f"apigw_mock internal error: {type(error).__name__}: {error}"))
            reply.headers.update(CORS_HEADERS)
        lines = list(reply.headers.items()) if lines is None else lines
        start_response(_status_line(reply.status), [*lines, ("Content-Length", str(len(reply.body)))])
        elapsed = (time.perf_counter() - started) * 1000
        if reply.status < 400:
            logger.info("%s %s %s %d %.1fms", method, path, operation or "-", reply.status, elapsed)
        else:
            error_type, message = _error_of(reply)
            logger.info(
                "%s %s %s %d %.1fms %s: %s", method, path, operation or "-", reply.status, elapsed, error_type, message
            )
        return [b""] if method == "HEAD" else [reply.body]

    def _control_plane(self, environ: WSGIEnvironment, request: HttpRequest, operation: str | None) -> HttpResponse:
        try:
            authorization = request.headers.get("Authorization")
            if not authorization:
                raise MissingAuthenticationTokenException("Missing Authentication Token")
            if operation is None:
                raise UnknownOperationException(f"Unknown operation: {request.method} {urlsplit(request.url).path}")
            region, account_id = _caller(authorization)
            request = request._replace(body=self._body(environ))
            return handle(request, operation, region=region, account_id=account_id)
        except ApigwMockNotImplemented as error:
            return serialize_error(NotImplementedByMock(str(error)))
        except ApiGatewayError as error:
            return serialize_error(error)

    def _data_plane(
        self, environ: WSGIEnvironment, found: tuple[Target, str], query: str
    ) -> tuple[HttpResponse, list[tuple[str, str]] | None]:
        """The stage's reply and its header lines (WSGI allows a name on several lines: every value is sent)."""
        try:
            body = self._body(environ)
        except ApiGatewayError as error:
            return serialize_error(error), None
        answer = execute_api.answer_server(environ["REQUEST_METHOD"], found, query, _headers(environ), body, environ)
        return HttpResponse(answer.status, answer.headers, answer.body), answer.header_pairs()

    def _body(self, environ: WSGIEnvironment) -> bytes:
        """The request body, refused past `max_body_bytes` (read no further than one byte over the limit)."""
        length = int(environ["CONTENT_LENGTH"]) if environ.get("CONTENT_LENGTH") else None
        if length is None and not environ.get("wsgi.input_terminated"):
            return b""  # neither a length nor a terminated stream: WSGI says there is no body to read
        if length is not None and length > self.max_body_bytes:
            raise _too_large(self.max_body_bytes)
        body: bytes = environ["wsgi.input"].read(self.max_body_bytes + 1 if length is None else length)
        if len(body) > self.max_body_bytes:
            raise _too_large(self.max_body_bytes)
        return body


def _dropped(error: ConnectionError) -> Exception:
    """What makes the HTTP server close the connection without a reply: waitress's `ClientDisconnected` (it then
    writes nothing); under another WSGI server the error itself (which usually answers 500)."""
    try:
        from waitress.channel import ClientDisconnected
    except ImportError:
        return error
    dropped: Exception = ClientDisconnected(str(error))
    return dropped


def _preflight(environ: WSGIEnvironment) -> HttpResponse:
    """200, empty, allowing any origin, every method the API uses, and the SDKs' headers plus any the browser asks
    for (so a header a newer SDK adds does not fail the preflight)."""
    asked = [name.strip().lower() for name in environ.get("HTTP_ACCESS_CONTROL_REQUEST_HEADERS", "").split(",")]
    allowed = dict.fromkeys([*CORS_ALLOW_HEADERS, *(name for name in asked if name)])
    headers = {**CORS_PREFLIGHT_HEADERS, "Access-Control-Allow-Headers": ",".join(allowed)}
    return HttpResponse(200, {"Content-Type": "application/json", "x-amzn-RequestId": request_id(), **headers}, b"")


def _error_of(reply: HttpResponse) -> tuple[str, str]:
    """(error type, message) of an error reply, for the log line."""
    try:
        message = json.loads(reply.body).get("message", "")
    except (ValueError, AttributeError):
        message = ""
    return reply.headers.get("x-amzn-ErrorType", "-"), str(message)


def _too_large(limit: int) -> RequestEntityTooLargeException:
    return RequestEntityTooLargeException(f"Request Too Long: the body exceeds the mock's limit of {limit} bytes")


def _caller(authorization: str) -> tuple[str, str | None]:
    """(region, account) of a request: the signing scope's region; the key id as account if it is 12 digits."""
    scope = signing_scope(authorization)
    if scope is None:
        return DEFAULT_REGION, None
    key_id, region = scope
    return region, account_of(key_id)


def _request_target(environ: WSGIEnvironment) -> str:
    """The raw request target (path?query, still %-encoded); rebuilt from PATH_INFO on servers that lack it."""
    raw = environ.get("REQUEST_URI") or environ.get("RAW_URI")
    if raw:
        return str(raw)
    path = quote(environ.get("PATH_INFO", "").encode("latin-1"), safe="/")
    query = environ.get("QUERY_STRING")
    return f"{path}?{query}" if query else path


def _headers(environ: WSGIEnvironment) -> dict[str, str]:
    headers = {key[5:].replace("_", "-").title(): value for key, value in environ.items() if key.startswith("HTTP_")}
    for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
        if environ.get(key):
            headers[key.replace("_", "-").title()] = environ[key]
    return headers


def _status_line(status: int) -> str:
    return f"{status} {http.HTTPStatus(status).phrase}"
