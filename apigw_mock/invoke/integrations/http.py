"""HTTP and HTTP_PROXY: the backend is called over real HTTP through `Ports.send` (spec §8.2).

Contract:
- URL: the integration URI with `${stageVariables.x}` and `{name}` path placeholders filled
  (`mapping.integration_uri`), then the query string. Verb: the integration's `httpMethod`, the client's for `ANY`
  [INF]. Timeout: `timeoutInMillis` (default 29,000 ms); past it 504 `Endpoint request timed out`; a backend that
  cannot be reached 504 INTEGRATION_FAILURE ([UNK] text, spec §12.1).
- HTTP_PROXY forwards the client's verb-independent parts: every header but `Host` and hop-by-hop ones, the
  client's query string and the raw body, plus the mapped `integration.request.*` values; the backend's status,
  headers and body come back unchanged except `WWW-Authenticate`, renamed `X-Amzn-Remapped-WWW-Authenticate`
  ([DOC] known issues), and the framing headers (`Content-Length`, `Transfer-Encoding`, `Connection`,
  `Content-Encoding`: the body arrives decoded) that the transport sets again [INF].
- HTTP sends only what the mapping produced: mapped query and headers, the prepared body with its Content-Type,
  `Accept: application/json` unless mapped and `User-Agent: AmazonAPIGateway_<apiId>` ([FIELD] execution logs);
  the backend's status as text is the selection input, the body is text unless its Content-Type is binary.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from apigw_mock.invoke import content, errors, mapping
from apigw_mock.invoke.integrations import Endpoint, Prepared
from apigw_mock.invoke.ports import Outbound, OutboundReply

if TYPE_CHECKING:
    from apigw_mock.domain.integration import Integration
    from apigw_mock.invoke.call import Call, Trace
    from apigw_mock.invoke.ports import Ports

DEFAULT_TIMEOUT_MS = 29_000
_NOT_FORWARDED = frozenset({"host", "connection", "content-length", "transfer-encoding", "keep-alive", "upgrade"})
_FRAMING = frozenset({"content-length", "transfer-encoding", "connection", "content-encoding"})
_REMAPPED = frozenset({"www-authenticate"})


def call_proxy(
    call: Call, integration: Integration, prepared: Prepared | None, ports: Ports, trace: Trace | None
) -> Endpoint:
    sources = mapping.Sources(call.method_request, call.stage_variables, call.context)
    mapped = mapping.integration_request(integration.request_parameters or {}, sources)
    query = [*call.request.query, *pairs(mapped.querystring)]
    mapped_names = {name.lower() for name in mapped.header}
    headers = [
        (name, value)
        for name, value in call.request.headers
        if name.lower() not in _NOT_FORWARDED and name.lower() not in mapped_names
    ]
    outbound = Outbound(
        _verb(integration, call),
        _url(integration, call, mapped.path, query),
        (*headers, *pairs(mapped.header)),
        call.request.body,
        _timeout(integration),
    )
    answer = _send(outbound, ports, trace)
    headers_back: dict[str, list[str]] = {}
    for name, value in answer.headers:
        lower = name.lower()
        if lower in _FRAMING:
            continue
        headers_back.setdefault(f"X-Amzn-Remapped-{name}" if lower in _REMAPPED else name, []).append(value)
    return Endpoint(answer.status, headers_back, answer.body, final=True)


def call(
    call: Call, integration: Integration, prepared: Prepared | None, ports: Ports, trace: Trace | None
) -> Endpoint:
    assert prepared is not None
    parameters = prepared.parameters
    headers: dict[str, list[str]] = {"Content-Type": [prepared.content_type], "Accept": ["application/json"]}
    headers["User-Agent"] = [f"AmazonAPIGateway_{call.target.api_id}"]
    lowered = {name.lower(): name for name in headers}
    for name, values in parameters.header.items():
        headers.pop(lowered.get(name.lower(), name), None)
        headers[name] = values
    body = prepared.body.encode() if isinstance(prepared.body, str) else prepared.body
    outbound = Outbound(
        _verb(integration, call),
        _url(integration, call, parameters.path, pairs(parameters.querystring)),
        tuple(pairs(headers)),
        body,
        _timeout(integration),
    )
    return endpoint(_send(outbound, ports, trace), call)


def endpoint(answer: OutboundReply, call: Call) -> Endpoint:
    """A backend's reply as a non-proxy integration's answer (HTTP, AWS services): every header value, the body as
    bytes when its Content-Type is one of the API's binary media types (else text), the status as selection input."""
    multi: dict[str, list[str]] = {}
    for name, value in answer.headers:
        multi.setdefault(name, []).append(value)
    response_type = next((value for name, value in answer.headers if name.lower() == "content-type"), None)
    text_or_bytes: content.Payload = (
        answer.body
        if content.is_binary(response_type, call.binary_media_types) and response_type
        else answer.body.decode("utf-8", errors="replace")
    )
    return Endpoint(answer.status, multi, text_or_bytes, selection_input=str(answer.status))


def send(outbound: Outbound) -> OutboundReply:
    """`Ports.send` over real HTTP with `requests` (imported here, on first use): a test's own `responses`
    registration, a local server or another mock answers; `requests`' timeout and connection errors become the
    builtin `TimeoutError` / `ConnectionError` the integrations expect."""
    import requests

    headers: dict[str, str] = {}
    for name, value in outbound.headers:
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    try:
        answer = requests.request(
            outbound.method,
            outbound.url,
            headers=headers,
            data=outbound.body or None,
            timeout=outbound.timeout,
            allow_redirects=False,
        )
    except requests.Timeout as error:
        raise TimeoutError(str(error)) from error
    except requests.RequestException as error:
        raise ConnectionError(str(error)) from error
    raw_headers: Any = getattr(answer.raw, "headers", None)
    pairs = list(raw_headers.iteritems()) if hasattr(raw_headers, "iteritems") else list(answer.headers.items())
    return OutboundReply(answer.status_code, tuple(pairs), answer.content)


def _send(outbound: Outbound, ports: Ports, trace: Trace | None) -> OutboundReply:
    if trace is not None:
        trace.add(f"Endpoint request URI: {outbound.url}")
        trace.add(f"Endpoint request body after transformations: {outbound.body.decode('utf-8', 'replace')}")
        trace.add(f"Sending request to {outbound.url}")
    try:
        answer = ports.send(outbound)
    except TimeoutError as error:
        raise errors.IntegrationTimeout(
            log="Execution failed due to a timeout error"  # [INF] execution-log wording
        ) from error
    except ConnectionError as error:
        raise errors.IntegrationFailure(log=f"Execution failed due to configuration error: {error}") from error
    if trace is not None:
        trace.add(f"Received response. Status: {answer.status}, Integration latency: 0 ms")
        trace.add(f"Endpoint response body before transformations: {answer.body.decode('utf-8', 'replace')}")
    return answer


def _verb(integration: Integration, call: Call) -> str:
    verb = (integration.http_method or "ANY").upper()
    return call.request.method if verb == "ANY" else verb


def _timeout(integration: Integration) -> float:
    return (integration.timeout_in_millis or DEFAULT_TIMEOUT_MS) / 1000


def _url(integration: Integration, call: Call, path: dict[str, str], query: list[tuple[str, str]]) -> str:
    url = mapping.integration_uri(integration.uri or "", path, call.stage_variables)
    if not query:
        return url
    return f"{url}{'&' if '?' in url else '?'}{urlencode(query)}"


def pairs(values: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(name, value) for name, items in values.items() for value in _each(items)]


def _each(items: Iterable[str] | str) -> Iterable[str]:
    return [items] if isinstance(items, str) else items
