"""AWS service integrations on the wire: `call(request) -> OutboundReply`, the data plane's `Ports.aws_call`.

The data plane hands over what API Gateway sends the service (`invoke.ports.AwsServiceRequest`: the URI's service,
region and action or path, the verb, the mapped querystring and headers, the prepared body). This module makes it
the service's own request, as botocore would send it, and asks botocore's `before-send` handlers for the answer.

Design:
- Through botocore, never past it. A botocore client (one per service and region, with fake credentials) gives the
  service model (protocol, `targetPrefix`, `apiVersion`, signing name) and the endpoint URL. The request is
  built as an `AWSRequest`, signed with SigV4 like any client call, and emitted as the client's
  `before-send.{service-id}.{Action}` event: the seam every in-process AWS mock answers on (moto's `mock_aws`
  registers its handler in botocore's built-in list, so every client carries it). The request is never given to
  botocore's HTTP sender, so no network call can happen: "is a mock active?" is simply "did a handler answer?".
  When none does (no `mock_aws` active, moto not installed, or the service passed through by moto's config),
  `call` raises `ConnectionError`, which the data plane turns into its configuration error. This needs no moto
  internals and no pre-check; an exception a handler raises (moto lacking an action) reaches the test as it is.
- The answer is the service's wire reply, unparsed: status, headers and body bytes (DynamoDB JSON, SQS/SNS
  JSON or XML, S3 object bytes), which is what AWS passes to the integration response.
- Clients are cached per (service, region) in one private botocore session. A session copies botocore's built-in
  handlers when it is made, so it is remade when that list has grown since (moto imported later).
  Nothing here is imported by `import apigw_mock`: `StatePorts.aws_call` imports this module on first use.

Wire mapping (the service model's protocol, read from botocore):
- `action/X`, JSON protocols (DynamoDB, SQS, Step Functions, Kinesis, EventBridge...): POST-style request to the
  endpoint's `/` with `X-Amz-Target: {targetPrefix}.X` and `Content-Type: application/x-amz-json-{jsonVersion}`,
  the body as prepared; the URI's `&p=v` pairs and the mapped querystring stay in the URL ([UNK]: JSON services
  read no query parameters).
- Query protocols (SNS, SES, STS...), and a query-compatible JSON service (SQS) sent a
  `application/x-www-form-urlencoded` body, as AWS's query-compatible services decide by Content-Type: one form of
  `Action=X` (`action/X`; for `path/...` the form's own), `Version={apiVersion}` when absent ([INF]), the URI's pairs,
  the mapped querystring and the form body's own fields, sent as botocore sends it, in the body (in the URL for
  GET). With `Accept: application/json` (the data plane's default) `ContentType=JSON` is added, the query APIs'
  switch for the JSON answers AWS gives API Gateway (`{"SendMessageResponse": {...}}`); map
  `integration.request.header.Accept` to `'application/xml'` for XML.
- REST protocols (S3, Lambda...): `path/...` is the request path under the endpoint (S3 `path/{bucket}/{key}`;
  `{bucket}.s3:path/{key}` uses the bucket's own host), with the integration's verb, querystring, headers and body.
  `action/X&p=v` (S3 `action/GetObject&Bucket=b&Key=k`) is serialised by botocore from the operation's input shape:
  the pairs as members (unknown names stay in the query string), the body as the payload member.
- `path/...` for other protocols (SQS `path/{account}/{queue}`): the path under the endpoint, shaped as above.
- The URI's service is an endpoint prefix (`states` for Step Functions, `email` for SES) or a botocore service name;
  a prefix shared by several models takes the one named like it, else the shortest name (`email` -> `ses`). A
  `{subdomain}.{service}` whose whole isn't a prefix (`runtime.sagemaker` is) puts the subdomain before the host.
- Account: `x-moto-account-id` names `request.account_id` when the integration's role gave one (moto's own
  per-request account switch; AWS would act as that role).
"""

from __future__ import annotations

import gzip
import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from botocore.awsrequest import AWSRequest, prepare_request_dict
from botocore.hooks import first_non_none_response

from apigw_mock.invoke.ports import AwsServiceRequest, OutboundReply

FAKE_KEY, FAKE_SECRET = "testing", "testing"
FORM = "application/x-www-form-urlencoded"
_ENDPOINT_PREFIX = re.compile(rb'"endpointPrefix"\s*:\s*"([^"]+)"')
_lock = threading.RLock()
_session: Any = None
_generation = -1
_clients: dict[tuple[str, str], Any] = {}


def call(request: AwsServiceRequest) -> OutboundReply:
    """Send `request` to whatever answers botocore's `before-send` for its service (see the module contract)."""
    name, subdomain = resolve(request.service)
    if name is None:
        raise ConnectionError(f"Unable to reach {request.service}: botocore has no model for this service")
    client = _client(name, request.region)
    model = client.meta.service_model
    endpoint = _with_subdomain(client.meta.endpoint_url, subdomain)
    method, url, headers, body, operation = _wire(request, model, endpoint)
    if request.account_id:
        headers.append(("x-moto-account-id", request.account_id))
    aws_request = AWSRequest(method=method, url=url, data=body)
    for header, value in headers:
        aws_request.headers[header] = value
    _signer(name == "s3", model.signing_name or model.endpoint_prefix, request.region).add_auth(aws_request)
    prepared = aws_request.prepare()
    event = f"before-send.{model.service_id.hyphenize()}" + (f".{operation}" if operation else "")
    answer = first_non_none_response(client.meta.events.emit(event, request=prepared))
    if answer is None:
        raise ConnectionError(
            f"Unable to reach {request.service} at {url}: no AWS mock (moto's mock_aws) answered in this process"
        )
    return OutboundReply(answer.status_code, tuple(answer.headers.items()), answer.content, url)


# ---- which service ------------------------------------------------------------------------------------------


def resolve(service: str) -> tuple[str | None, str]:
    """(botocore service name, subdomain) for a URI's `{service}` or `{subdomain}.{service}` part."""
    found = _botocore_name(service)
    if found is not None or "." not in service:
        return found, ""
    subdomain, _, rest = service.rpartition(".")
    return _botocore_name(rest), subdomain


@lru_cache(maxsize=128)
def _botocore_name(service: str) -> str | None:
    """The botocore service a URI's service part names: the one whose endpoint prefix it is (a service named like
    its own prefix is found without reading the others), else a botocore name."""
    own = _model_file(service)
    if own is not None and _endpoint_prefix(own) == service:
        return service
    named = _prefixes().get(service)
    if named:
        return named[0]
    return service if own is not None else None


def _model_file(name: str) -> Path | None:
    """One `service-2` model file of a botocore service (the loader's search paths, first wins), or None."""
    for root in _session_now().get_component("data_loader").search_paths:
        found = sorted(Path(root, name).glob("*/service-2.json*"))
        if found:
            return found[-1]
    return None


def _endpoint_prefix(path: Path) -> str | None:
    """A model's endpoint prefix, read from the file's head, where its metadata is."""
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as file:
        found = _ENDPOINT_PREFIX.search(file.read(4096))
    return found.group(1).decode() if found else None


@lru_cache(maxsize=1)
def _prefixes() -> dict[str, list[str]]:
    """Endpoint prefix -> the botocore services using it, shortest name first (every model's head: ~0.1 s, once)."""
    found: dict[str, list[str]] = {}
    for root in _session_now().get_component("data_loader").search_paths:
        for directory in sorted(Path(root).iterdir() if Path(root).is_dir() else []):
            model = _model_file(directory.name)
            prefix = _endpoint_prefix(model) if model is not None else None
            if prefix is not None and directory.name not in found.get(prefix, []):
                found.setdefault(prefix, []).append(directory.name)
    return {prefix: sorted(names, key=lambda name: (len(name), name)) for prefix, names in found.items()}


def _client(name: str, region: str) -> Any:
    with _lock:
        session = _session_now()
        client = _clients.get((name, region))
        if client is None:
            client = session.create_client(
                name, region_name=region, aws_access_key_id=FAKE_KEY, aws_secret_access_key=FAKE_SECRET
            )
            _clients[(name, region)] = client
        return client


def _session_now() -> Any:
    """The private botocore session, made anew when botocore's built-in handlers grew (moto imported since)."""
    global _session, _generation
    from botocore import handlers

    with _lock:
        if _session is None or _generation != len(handlers.BUILTIN_HANDLERS):
            import botocore.session

            _session, _generation = botocore.session.Session(), len(handlers.BUILTIN_HANDLERS)
            _clients.clear()
        return _session


def _with_subdomain(endpoint: str, subdomain: str) -> str:
    if not subdomain:
        return endpoint.rstrip("/")
    scheme, _, host = endpoint.rstrip("/").partition("://")
    return f"{scheme}://{subdomain}.{host}"


def _signer(s3: bool, signing_name: str, region: str) -> Any:
    from botocore.auth import S3SigV4Auth, SigV4Auth
    from botocore.credentials import Credentials

    return (S3SigV4Auth if s3 else SigV4Auth)(Credentials(FAKE_KEY, FAKE_SECRET), signing_name, region)


# ---- the wire, by protocol ----------------------------------------------------------------------------------

Wire = tuple[str, str, list[tuple[str, str]], bytes, str | None]


def _wire(request: AwsServiceRequest, model: Any, endpoint: str) -> Wire:
    """(verb, URL, headers, body, operation name) of the service's request (see the module's wire mapping)."""
    protocol = model.metadata.get("protocol", "")
    headers = list(request.headers)
    if protocol == "json" and model.metadata.get("awsQueryCompatible") is not None and _is_form(headers):
        protocol = "query"
    if protocol in ("query", "ec2"):
        return _query(request, model, endpoint, headers)
    if request.action is None:
        return request.method, _url(endpoint, request.path, request.query), headers, request.body, None
    if protocol == "json":
        headers = _set(headers, "X-Amz-Target", f"{model.metadata.get('targetPrefix', '')}.{request.action}")
        headers = _set(headers, "Content-Type", f"application/x-amz-json-{model.metadata.get('jsonVersion', '1.0')}")
        return request.method, _url(endpoint, "/", request.query), headers, request.body, request.action
    return _rest_action(request, model, endpoint, headers, protocol)


def _query(request: AwsServiceRequest, model: Any, endpoint: str, headers: list[tuple[str, str]]) -> Wire:
    form = list(request.query)
    if _is_form(headers) and request.body:
        form += parse_qsl(request.body.decode("utf-8", "replace"), keep_blank_values=True)
    names = {name for name, _ in form}
    if request.action is not None and "Action" not in names:
        form.insert(0, ("Action", request.action))
    if "Action" in {name for name, _ in form} and "Version" not in names:
        form.append(("Version", model.api_version))
    if "ContentType" not in names and "json" in (_header(headers, "Accept") or "").lower():
        form.append(("ContentType", "JSON"))
    action = request.action or next((value for name, value in form if name == "Action"), None)
    if request.method == "GET":
        return "GET", _url(endpoint, request.path, form), _drop(headers, "Content-Type"), b"", action
    headers = _set(headers, "Content-Type", f"{FORM}; charset=utf-8")
    return request.method, _url(endpoint, request.path, ()), headers, urlencode(form).encode(), action


def _rest_action(
    request: AwsServiceRequest, model: Any, endpoint: str, headers: list[tuple[str, str]], protocol: str
) -> Wire:
    from botocore import serialize
    from botocore.model import OperationNotFoundError

    try:
        operation = model.operation_model(request.action)
    except OperationNotFoundError as error:
        raise ConnectionError(f"Unable to reach {request.service}: it has no action {request.action}") from error
    shape = operation.input_shape
    members = shape.members if shape is not None else {}
    params: dict[str, Any] = {}
    extra: list[tuple[str, str]] = []
    for name, value in request.query:
        member = members.get(name)
        if member is None:
            extra.append((name, value))
        elif member.type_name == "list":
            params.setdefault(name, []).append(_typed(member.member.type_name, value))
        else:
            params[name] = _typed(member.type_name, value)
    payload = shape.serialization.get("payload") if shape is not None else None
    if payload and request.body and members[payload].type_name in ("blob", "string"):
        params[payload] = request.body
    serialised = serialize.create_serializer(protocol, include_validation=False).serialize_to_request(params, operation)
    prepare_request_dict(serialised, endpoint_url=endpoint)
    url = serialised["url"] + (("&" if "?" in serialised["url"] else "?") + urlencode(extra) if extra else "")
    for name, value in serialised["headers"].items():
        headers = _set(headers, name, value)
    body = serialised["body"]
    data = body if isinstance(body, bytes) else (body.encode() if isinstance(body, str) else body.read())
    return serialised["method"], url, headers, data, request.action


def _typed(type_name: str, value: str) -> Any:
    if type_name in ("integer", "long"):
        return int(value)
    if type_name in ("float", "double"):
        return float(value)
    if type_name == "boolean":
        return value.lower() == "true"
    return value


def _url(endpoint: str, path: str, query: Iterable[tuple[str, str]]) -> str:
    pairs = list(query)
    return f"{endpoint}{path}" + (f"?{urlencode(pairs)}" if pairs else "")


def _is_form(headers: list[tuple[str, str]]) -> bool:
    return (_header(headers, "Content-Type") or "").split(";", 1)[0].strip().lower() == FORM


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    found = [value for key, value in headers if key.lower() == name.lower()]
    return found[-1] if found else None


def _drop(headers: list[tuple[str, str]], name: str) -> list[tuple[str, str]]:
    return [(key, value) for key, value in headers if key.lower() != name.lower()]


def _set(headers: list[tuple[str, str]], name: str, value: str) -> list[tuple[str, str]]:
    return [*_drop(headers, name), (name, value)]
