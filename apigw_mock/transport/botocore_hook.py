"""The botocore `before-send` handler that answers `apigateway` requests in process.

Registered once, at import, for `before-send.api-gateway` in botocore's built-in handler list (so every session
and client created afterwards carries it, whatever the mock's state) and on boto3's default session if one
already exists (with a `unique_id`, so registering twice registers once). While the mock is inactive it
returns None and botocore sends the request as usual; requests of other services never reach it.
A second handler, on `before-parameter-build.api-gateway`, keeps the first intercepted client's service model, so
the first request builds the protocol layer on it instead of reading botocore's files again (`spec.offer`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from botocore import handlers as botocore_handlers
from botocore.awsrequest import AWSPreparedRequest, AWSResponse

from apigw_mock.http import HttpRequest, HttpResponse
from apigw_mock.sigv4 import signing_scope
from apigw_mock.state import DEFAULT_REGION, STATE

if TYPE_CHECKING:
    from botocore.model import OperationModel, ServiceModel

EVENT = "before-send.api-gateway"
MODEL_EVENT = "before-parameter-build.api-gateway"  # carries the calling client's operation model
ANSWERED_HOST = "answered-by-apigw-mock.invalid"
UNIQUE_ID = "apigw_mock.interceptor"
_STARTS_DATA_PLANE = frozenset({"CreateDeployment", "CreateStage"})


class _RawBody:
    """The `raw` object botocore's AWSResponse reads the body from (`stream`), and the file-like object a streaming
    output (GetExport's blob payload, through botocore's StreamingBody) reads it from (`read`, `close`)."""

    __slots__ = ("body", "offset")

    def __init__(self, body: bytes) -> None:
        self.body = body
        self.offset = 0

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self.body

    def read(self, amt: int | None = None) -> bytes:
        end = len(self.body) if amt is None else min(len(self.body), self.offset + amt)
        chunk, self.offset = self.body[self.offset : end], end
        return chunk

    def close(self) -> None:
        self.offset = len(self.body)


_CLIENT_MODEL: list[ServiceModel] = []
"""The first intercepted client's service model, once one has called (`spec.offer` takes it on the first request)."""


def on_parameter_build(model: OperationModel, **_: Any) -> None:
    """Keep the first calling client's service model while the mock intercepts: the first call then reads no model
    files of its own."""
    if _CLIENT_MODEL or not STATE.intercepting:
        return
    _CLIENT_MODEL.append(model.service_model)


def on_before_send(request: AWSPreparedRequest, event_name: str, **_: Any) -> AWSResponse | None:
    """Answer an API Gateway request from the mock's backend; None (pass through) while inactive."""
    if not STATE.intercepting:
        return None
    wire = request if request.body is None or type(request.body) is bytes else wire_request(request)
    operation = event_name.rsplit(".", 1)[-1]
    reply = (_HANDLE or _pipeline())(wire, operation, region=_region(request))
    if operation in _STARTS_DATA_PLANE:
        from apigw_mock.transport import execute_api

        execute_api.ensure_started()  # from now on a stage may answer `requests` calls
    answer = AWSResponse(request.url, reply.status, reply.headers, _RawBody(reply.body))
    _mark_answered(request)
    return answer


_HANDLE: Callable[..., HttpResponse] | None = None
"""`control.pipeline.handle`, imported on the first request (`import apigw_mock` loads no model) and kept here:
an import statement in the handler would run the import machinery's lookups on every request."""


def _pipeline() -> Callable[..., HttpResponse]:
    global _HANDLE
    if _CLIENT_MODEL:
        from apigw_mock.protocol import spec

        spec.offer(_CLIENT_MODEL[0])
    from apigw_mock.control.pipeline import handle

    _HANDLE = handle
    return handle


def _region(request: AWSPreparedRequest) -> str:
    """The calling client's region: from its standard `apigateway.<region>.<domain>` host, else (a custom endpoint
    URL) from the SigV4 credential scope, else the default. The host is read first because it is plain string work,
    while reading a header of botocore's request runs half a dozen of its Python functions."""
    url: str = request.url
    parts = url.split("/", 3)
    labels = parts[2].split(".", 2) if len(parts) > 2 else []
    if len(labels) == 3 and labels[0] == "apigateway":
        return labels[1]
    scope = signing_scope(request.headers.get("Authorization"))
    return scope[1] if scope else DEFAULT_REGION


def _mark_answered(request: AWSPreparedRequest) -> None:
    """botocore runs *every* before-send handler, so a URL-matching mock active beside us (moto's `mock_aws`) would
    process this request too, and raise where it lacks the operation. Pointing the answered request at a reserved
    `.invalid` host (RFC 2606) makes such mocks pass it by; path and query stay, and a retry builds a new request."""
    scheme, _, rest = request.url.partition("://")
    path = rest[rest.find("/") :] if "/" in rest else "/"
    request.url = f"{scheme}://{ANSWERED_HOST}{path}"


def wire_request(request: AWSPreparedRequest) -> HttpRequest:
    """The botocore request as the protocol layer sees it (the body read into bytes)."""
    body = request.body or b""
    if isinstance(body, str):
        body = body.encode()
    elif not isinstance(body, bytes):
        body = body.read()
    return HttpRequest(request.method, request.url, request.headers, body)


def register() -> None:
    """Install the handler for all future botocore sessions and boto3's existing default session (idempotent)."""
    if any(spec[1] is on_before_send for spec in botocore_handlers.BUILTIN_HANDLERS):
        # Done before: every session made since carries the handler already (without a unique_id, so registering
        # it again would run it twice per request), and the default session of that time got it then.
        return
    botocore_handlers.BUILTIN_HANDLERS.append((EVENT, on_before_send))
    botocore_handlers.BUILTIN_HANDLERS.append((MODEL_EVENT, on_parameter_build))
    boto3 = sys.modules.get("boto3")  # only a boto3 already imported can have a default session
    session = getattr(boto3, "DEFAULT_SESSION", None)
    if session is not None:
        session.events.register(EVENT, on_before_send, unique_id=UNIQUE_ID)
        session.events.register(MODEL_EVENT, on_parameter_build, unique_id=f"{UNIQUE_ID}.model")
