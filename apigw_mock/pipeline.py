"""One control-plane call, transport-neutral: parse -> validate -> dispatch -> serialise.

Contract: `handle(request, operation_name, region=..., account_id=...)` always returns an `HttpResponse`; every
`ApiGatewayError` raised on the way becomes its wire error here (through `serialize_error`, the one place that
does it). `ApigwMockNotImplemented` is deliberately not caught: it is a mock-usage failure for the test to see.
Used by the in-process interceptor and by server mode alike.
"""

from __future__ import annotations

from apigw_mock.exceptions import ApiGatewayError
from apigw_mock.operations.registry import dispatch
from apigw_mock.protocol.http import HttpResponse, WireRequest
from apigw_mock.protocol.parser import parse
from apigw_mock.protocol.serializer import serialize_error, serialize_result
from apigw_mock.protocol.validation import validate
from apigw_mock.state import STATE

_CREDENTIAL = "Credential="


def handle(request: WireRequest, operation_name: str, *, region: str, account_id: str | None = None) -> HttpResponse:
    """Answer one request of `operation_name` from the backend of (account, region)."""
    try:
        params = parse(request, operation_name)
        validate(params, operation_name)
        backend = STATE.backend(region, account_id)
        with STATE.lock:  # serialised under the lock too: stored maps are updated in place
            return serialize_result(dispatch(operation_name, backend, params), operation_name)
    except ApiGatewayError as error:
        return serialize_error(error)


def signing_scope(authorization: str | bytes | None) -> tuple[str, str] | None:
    """(access key id, region) from a SigV4 `Authorization` header (`... Credential=<key>/<date>/<region>/...`)."""
    text = authorization.decode("latin-1") if isinstance(authorization, bytes) else authorization or ""
    start = text.find(_CREDENTIAL)
    if start < 0:
        return None
    end = text.find(",", start)
    scope = text[start + len(_CREDENTIAL) : end if end >= 0 else len(text)].split("/", 3)
    return (scope[0], scope[2]) if len(scope) == 4 and scope[0] and scope[2] else None
