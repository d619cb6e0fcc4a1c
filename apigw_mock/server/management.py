"""The mock's own HTTP endpoints under `/_apigw_mock/` (no AWS route starts with it, so none can collide).

Contract: `answer(method, path)` serves
- `GET  /_apigw_mock/health`: `{"status": "ok"}`;
- `POST /_apigw_mock/reset`: forgets every API in every account and region, `{"status": "ok"}`;
- `GET  /_apigw_mock/state`: every backend's graph as JSON for debugging, nodes dumped as the wire shows them
  (`model_dump(by_alias=True, exclude_none=True, mode="json")`);
- `POST /_apigw_mock/save`: saves the state to the server's `--state-file` (`{"status": "ok", "path": ...}`);
and 404/405 with `{"message": ...}` for anything else under the prefix.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel
from pydantic.alias_generators import to_camel

from apigw_mock.domain.backend import ApiGatewayBackend
from apigw_mock.http import HttpResponse
from apigw_mock.state import STATE

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


ENDPOINTS: dict[str, tuple[str, Callable[[], dict[str, Any]]]] = {
    PREFIX + "health": ("GET", health),
    PREFIX + "reset": ("POST", reset),
    PREFIX + "state": ("GET", state),
    PREFIX + "save": ("POST", save),
}


def answer(method: str, path: str) -> HttpResponse:
    """The reply of one management request."""
    endpoint = ENDPOINTS.get(path)
    if endpoint is None:
        known = ", ".join(f"{verb} {route}" for route, (verb, _) in ENDPOINTS.items())
        return _json(404, {"message": f"Unknown apigw_mock endpoint {path}; the endpoints are: {known}"})
    verb, action = endpoint
    if method != verb:
        return _json(405, {"message": f"{path} answers {verb} only"}, Allow=verb)
    return _json(200, action())


def _backend(backend: ApiGatewayBackend) -> dict[str, Any]:
    return {
        "accountId": backend.account_id,
        "region": backend.region,
        "restApis": {api_id: _plain(graph) for api_id, graph in backend.apis.items()},
    }


def _plain(value: Any) -> Any:
    """Models as on the wire, dataclasses (graph nodes) as camelCase objects, other containers recursively."""
    if isinstance(value, BaseModel):
        return value.model_dump(by_alias=True, exclude_none=True, mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {to_camel(field.name): _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(item) for item in value]
    return value


def _json(status: int, document: dict[str, Any], **headers: str) -> HttpResponse:
    body = json.dumps(document).encode()
    return HttpResponse(
        status, {"Content-Type": "application/json", "x-amzn-RequestId": str(uuid.uuid4()), **headers}, body
    )
