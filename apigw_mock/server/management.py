"""The mock's own HTTP endpoints under `/_apigw_mock/` (no AWS route starts with it, so none can collide).

Contract: `answer(method, path)` serves
- `GET  /_apigw_mock/health`: `{"status": "ok"}`;
- `POST /_apigw_mock/reset`: forgets every API in every account and region, `{"status": "ok"}`;
- `GET  /_apigw_mock/state`: every backend's graph as JSON for debugging, nodes dumped as the wire shows them
  (`dump.json_ready`);
- `POST /_apigw_mock/save`: saves the state to the server's `--state-file` (`{"status": "ok", "path": ...}`);
- `GET  /_apigw_mock/calls`: the recent history, oldest first: the last `HISTORY_LIMIT` control-plane calls and
  data-plane invocations merged by time, each as `Call.summary()` / `Invocation.summary()` (`testing.history`);
- `GET  /_apigw_mock/ui` (and its `/_apigw_mock/ui/<file>` assets): the state viewer, a read-only page shipped as
  package data in `server/ui/` (plain HTML, CSS and JS, no build step, nothing fetched from elsewhere) that polls
  `state` and `calls` and shows accounts, regions, each REST API's resource tree with its methods, integrations
  and responses, its stages and deployments, and the recent history;
and 404/405 with `{"message": ...}` for anything else under the prefix.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime
import json
import uuid
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from apigw_mock.domain.backend import ApiGatewayBackend
from apigw_mock.dump import json_ready
from apigw_mock.http import HttpResponse
from apigw_mock.names import to_camel
from apigw_mock.state import STATE

if TYPE_CHECKING:
    from apigw_mock.testing.history import Call, Invocation

PREFIX = "/_apigw_mock/"


def health() -> dict[str, Any]:
    return {"status": "ok"}


def reset() -> dict[str, Any]:
    STATE.reset()
    return {"status": "ok"}


def state() -> dict[str, Any]:
    with STATE.lock:  # a consistent snapshot: no handler runs while the graph is dumped
        return {"backends": [_backend(backend) for backend in STATE.backends()]}


def save() -> dict[str, Any]:
    from apigw_mock.testing.state_file import save_configured

    return save_configured()


HISTORY_LIMIT = 200


def calls() -> dict[str, Any]:
    from apigw_mock.testing import hook

    history = hook.current().history
    with STATE.lock:
        recent: list[Call | Invocation] = [*history.calls()[-HISTORY_LIMIT:], *history.invocations[-HISTORY_LIMIT:]]
    recent.sort(key=lambda record: record.timestamp)
    return {"calls": [record.summary() for record in recent[-HISTORY_LIMIT:]]}


ENDPOINTS: dict[str, tuple[str, Callable[[], dict[str, Any]]]] = {
    PREFIX + "health": ("GET", health),
    PREFIX + "reset": ("POST", reset),
    PREFIX + "state": ("GET", state),
    PREFIX + "save": ("POST", save),
    PREFIX + "calls": ("GET", calls),
}

UI = PREFIX + "ui"
UI_FILES = {"index.html": "text/html", "viewer.css": "text/css", "viewer.js": "text/javascript"}
"""The viewer's files in `apigw_mock/server/ui/` (package data) and their media types."""


def answer(method: str, path: str) -> HttpResponse:
    """The reply of one management request."""
    if path == UI or path.startswith(UI + "/"):
        return _ui(method, path[len(UI) :].strip("/") or "index.html")
    endpoint = ENDPOINTS.get(path)
    if endpoint is None:
        known = ", ".join(f"{verb} {route}" for route, (verb, _) in ENDPOINTS.items())
        return _json(404, {"message": f"Unknown apigw_mock endpoint {path}; the endpoints are: {known}"})
    verb, action = endpoint
    if method != verb:
        return _json(405, {"message": f"{path} answers {verb} only"}, Allow=verb)
    return _json(200, action())


def _ui(method: str, name: str) -> HttpResponse:
    if name not in UI_FILES:
        return _json(404, {"message": f"No viewer file {name!r}; the viewer is at {UI}"})
    if method != "GET":
        return _json(405, {"message": f"{UI} answers GET only"}, Allow="GET")
    headers = {"Content-Type": f"{UI_FILES[name]}; charset=utf-8", "Cache-Control": "no-cache"}
    return HttpResponse(200, headers, _ui_file(name))


@cache
def _ui_file(name: str) -> bytes:
    return resources.files("apigw_mock.server").joinpath("ui", name).read_bytes()


def _backend(backend: ApiGatewayBackend) -> dict[str, Any]:
    """A backend's REST APIs and the account-level resources beside them (keys, plans, certificates, domains...)."""
    return {
        "accountId": backend.account_id,
        "region": backend.region,
        "restApis": {api_id: _plain(graph) for api_id, graph in backend.apis.items()},
        **{name: _plain(getattr(backend, attribute)) for name, attribute in _ACCOUNT_LEVEL},
    }


_ACCOUNT_LEVEL = (
    ("apiKeys", "api_keys"),
    ("usagePlans", "usage_plans"),
    ("usagePlanKeys", "usage_plan_keys"),  # plan id -> the ids of its API keys (each mapped to itself)
    ("clientCertificates", "client_certificates"),
    ("domainNames", "domain_names"),
    ("basePathMappings", "base_path_mappings"),  # domain name -> base path -> mapping
    ("domainNameAccessAssociations", "domain_name_access_associations"),
    ("vpcLinks", "vpc_links"),
)
"""The state dump's name and the backend's attribute of each account-level container."""


def _plain(value: Any) -> Any:
    """Models as on the wire, dataclasses (graph nodes) as camelCase objects, other containers recursively."""
    if isinstance(value, Struct):
        return json_ready(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {to_camel(field.name): _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(item) for item in value]
    return value


def _json(status: int, document: dict[str, Any], **headers: str) -> HttpResponse:
    body = json.dumps(document, default=_jsonable).encode()
    return HttpResponse(
        status, {"Content-Type": "application/json", "x-amzn-RequestId": str(uuid.uuid4()), **headers}, body
    )


def _jsonable(value: Any) -> Any:
    """What JSON cannot hold as is, in a call's params: blobs (text if UTF-8, else base64) and timestamps."""
    if isinstance(value, bytes):
        try:
            return value.decode()
        except UnicodeDecodeError:
            return base64.b64encode(value).decode()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
