"""One control-plane call, transport-neutral: parse -> validate -> dispatch -> serialise.

Contract: `handle(request, operation_name, region=..., account_id=...)` always returns an `HttpResponse`; every
`ApiGatewayError` raised on the way becomes its wire error here (through `serialize_error`, the one place that
does it). `ApigwMockNotImplemented` is deliberately not caught: it is a mock-usage failure for the test to see.
Used by the in-process interceptor and by server mode alike.
"""

from __future__ import annotations

from time import time

from apigw_mock.control.registry import dispatch
from apigw_mock.exceptions import ApiGatewayError
from apigw_mock.http import HttpResponse, WireRequest
from apigw_mock.protocol.parser import parse
from apigw_mock.protocol.serializer import serialize_error, serialize_result
from apigw_mock.protocol.validation import validate
from apigw_mock.state import STATE


def handle(request: WireRequest, operation_name: str, *, region: str, account_id: str | None = None) -> HttpResponse:
    """Answer one request of `operation_name` from the backend of (account, region)."""
    kit, params = STATE.kit, None  # the test kit (apigw_mock.testing): history and faults; None costs nothing
    try:
        params = parse(request, operation_name)
        validate(params, operation_name)
        backend = STATE.backend(region, account_id)
        with STATE.lock:  # serialised under the lock too: stored maps are updated in place
            if kit is not None and kit.faults:
                return kit.answer(operation_name, params, backend, dispatch, serialize_result)
            reply = serialize_result(dispatch(operation_name, backend, params), operation_name)
            if kit is not None:  # recording (a kit with nothing to do is not installed)
                kit.append((operation_name, params, backend.account_id, backend.region, time(), reply))
            return reply
    except ApiGatewayError as error:
        reply = serialize_error(error)
        return reply if kit is None else kit.failed(operation_name, params, region, account_id, reply)
