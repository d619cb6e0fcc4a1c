"""The mock state as a JSON file: `save(path)` (atomic) and `load(path)`, in a versioned, documented format.

Format, version 1 (`FORMAT`, `VERSION`); a reader refuses any other format or version:

    {
      "format": "apigw_mock-state",
      "version": 1,
      "backends": [                                  # one per (account, region) that exists
        {
          "accountId": "123456789012",
          "region": "us-east-1",
          "idsInUse": ["a1b2c3d4e5", ...],           # every id ever handed out here (never reused)
          "idsState": "3:<hex words>:" | null,       # a seeded id generator's state (random.Random.getstate(),
                                                     # version:comma-separated words:gauss), else null
          "restApis": [                              # creation order
            {
              "api":        {...},                   # the RestApi as GetRestApi answers it (JSON: dates ISO 8601)
              "containers": {"resources": CONTAINER, "models": CONTAINER, "gatewayResponses": CONTAINER, ...}
            }
          ],
          "containers": {"<attribute>": CONTAINER}   # the account-level containers (API keys, usage plans...)
        }
      ]
    }

    CONTAINER = {"kind": "ResourceTree" | "PagedDict" | "dict",
                 "type": "apigw_mock.domain.<module>:<Model>" | null,   # the node type (null when empty)
                 "items": {"<key>": NODE, ...}}                         # creation order
               | {"kind": "value", "value": VALUE}                   # any other container (ledgers, indexes)
    VALUE     = JSON scalars as themselves; else one tagged object: {"$model": "<module>:<Model>", "data": NODE},
                {"$dict" | "$PagedDict": [[VALUE key, VALUE], ...]}, {"$list" | "$tuple" | "$set": [VALUE, ...]},
                {"$date" | "$datetime": "<ISO 8601>"}, {"$dataclass": "<module>:<Class>", "fields": {...}},
                {"$Layered" | "$mappingproxy": [[key, VALUE], ...]} (a deployment snapshot's read-only maps: each
                deployment is saved whole, so the file does not keep the sharing between deployments)
    NODE      = the node's fields under their botocore member names (`dump.json_ready`: None-valued
                fields left out, timestamps as ISO text), or a nested REST API object as above
                (`{"api": ..., "containers": ...}`)

Contract: `load(save(state))` answers every Get* exactly as the saved state did (ids, names, trees, timestamps,
creation order, the ids a seeded generator hands out next). Paging tokens are not kept across a load. A file is
written to a temporary file beside it, flushed to disk and renamed over the target (`os.replace`), so a crash
leaves either the old file or the new one, never a torn one. Node types are only imported from `apigw_mock.`.
Graph fields and backend attributes are found generically (every container field of `ApiGraph`, every container
attribute of `ApiGatewayBackend`), so families added later are saved without changes here, as long as their
nodes are `msgspec.Struct`s (or REST API graphs).
"""

from __future__ import annotations

import dataclasses
import datetime
import importlib
import json
import os
import random
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import Any

from msgspec import Struct

from apigw_mock.domain.backend import _IDS, ApiGatewayBackend
from apigw_mock.domain.graph import ApiGraph
from apigw_mock.domain.resource_tree import ResourceTree
from apigw_mock.domain.rest_api import RestApi
from apigw_mock.domain.snapshot import Layered
from apigw_mock.dump import json_ready
from apigw_mock.names import to_camel, to_snake
from apigw_mock.paging import PagedDict
from apigw_mock.state import STATE

FORMAT = "apigw_mock-state"
VERSION = 1
_BACKEND_FIXED = {"account_id", "region", "apis", "ids", "_ids"}
_GRAPH_FIXED = {"api", "owned"}


def save(path: str | os.PathLike[str]) -> Path:
    """Write the whole state to `path` atomically; returns the path."""
    target = Path(path)
    text = json.dumps(document(), indent=1, ensure_ascii=False)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def load(source: str | os.PathLike[str] | Mapping[str, Any]) -> None:
    """Replace the whole state with a file's (or an already parsed document's)."""
    data = source if isinstance(source, Mapping) else json.loads(Path(source).read_text(encoding="utf-8"))
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ValueError(
            f"not an apigw_mock state file of version {VERSION}: format={data.get('format')!r}, "
            f"version={data.get('version')!r}"
        )
    backends = [_load_backend(entry) for entry in data["backends"]]
    STATE.install(backends)


def document() -> dict[str, Any]:
    """The whole state as the file's JSON document."""
    with STATE.lock:
        return {"format": FORMAT, "version": VERSION, "backends": [_dump_backend(b) for b in STATE.backends()]}


@contextmanager
def kept(path: str | os.PathLike[str] | None) -> Iterator[None]:
    """Server mode's `--state-file`: hold the state, load `path` if it exists, save it on exit and on
    `POST /_apigw_mock/save` (see `save_configured`). A None path does nothing."""
    if path is None:
        yield
        return
    from apigw_mock.mock import MockApiGateway

    with MockApiGateway(intercept=False, record=True):  # the server's, which records (see server.runner)
        if Path(path).exists():
            load(path)
        _configured[0] = Path(path)
        try:
            yield
        finally:
            _configured[0] = None
            save(path)


def save_configured() -> dict[str, Any]:
    """`POST /_apigw_mock/save`: save to the server's `--state-file`."""
    path = _configured[0]
    if path is None:
        return {"status": "error", "message": "no state file: start the server with --state-file PATH"}
    return {"status": "ok", "path": str(save(path))}


_configured: list[Path | None] = [None]


# ---- writing ------------------------------------------------------------------------------------------------------


def _dump_backend(backend: ApiGatewayBackend) -> dict[str, Any]:
    ids = backend.ids
    extra = {name: value for name, value in vars(backend).items() if name not in _BACKEND_FIXED}
    return {
        "accountId": backend.account_id,
        "region": backend.region,
        "idsInUse": sorted(backend._ids),
        "idsState": None if ids is _IDS else _encode_state(ids.getstate()),
        "restApis": [_dump_graph(graph) for graph in backend.apis.values()],
        "containers": {to_camel(name): _dump_container(value, name) for name, value in extra.items()},
    }


def _dump_graph(graph: ApiGraph) -> dict[str, Any]:
    containers = {
        to_camel(field.name): _dump_container(getattr(graph, field.name), field.name)
        for field in dataclasses.fields(graph)
        if field.name not in _GRAPH_FIXED
    }
    return {"api": _dump_node(graph.api), "containers": containers}


def _dump_container(value: Any, name: str) -> dict[str, Any]:
    kind = "ResourceTree" if isinstance(value, ResourceTree) else "PagedDict" if isinstance(value, PagedDict) else None
    if kind is None and isinstance(value, dict):
        kind = "dict"
    items = list(value.values()) if kind is not None else []
    if kind is None or not all(isinstance(item, Struct | ApiGraph) for item in items):
        return {"kind": "value", "value": _encode(value, name)}  # ledgers, indexes, single nodes
    node_type = type(items[0]) if items else None
    return {
        "kind": kind,
        "type": None if node_type is None else f"{node_type.__module__}:{node_type.__qualname__}",
        "items": {str(key): _dump_node(item) for key, item in value.items()},
    }


def _dump_node(node: Any) -> Any:
    if isinstance(node, ApiGraph):
        return _dump_graph(node)
    if isinstance(node, Struct):
        return json_ready(node)
    raise TypeError(f"apigw_mock state files cannot hold a {type(node).__name__} node yet")


def _encode(value: Any, name: str) -> Any:
    """Any other plain value, tagged so that `_decode` rebuilds it exactly (VALUE in the module docstring)."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, Struct):
        return {"$model": _type_name(type(value)), "data": _dump_node(value)}
    if isinstance(value, datetime.datetime | datetime.date):
        return {"$" + type(value).__name__: value.isoformat()}
    if isinstance(value, PagedDict | dict):
        kind = "PagedDict" if isinstance(value, PagedDict) else "dict"
        return {"$" + kind: [[_encode(k, name), _encode(v, name)] for k, v in value.items()]}
    if isinstance(value, Layered | MappingProxyType):  # a deployment's frozen maps: saved whole, unshared
        kind = "Layered" if isinstance(value, Layered) else "mappingproxy"
        return {"$" + kind: [[_encode(k, name), _encode(v, name)] for k, v in value.items()]}
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=repr) if isinstance(value, set | frozenset) else value
        return {"$" + type(value).__name__: [_encode(item, name) for item in items]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {field.name: _encode(getattr(value, field.name), name) for field in dataclasses.fields(value)}
        return {"$dataclass": _type_name(type(value)), "fields": fields}
    raise TypeError(f"apigw_mock state files cannot hold {name!r} ({type(value).__name__}) yet")


def _type_name(kind: type[Any]) -> str:
    return f"{kind.__module__}:{kind.__qualname__}"


def _encode_state(state: tuple[Any, ...]) -> str:
    version, words, gauss = state
    return f"{version}:{','.join(f'{word:x}' for word in words)}:{'' if gauss is None else repr(gauss)}"


# ---- reading ------------------------------------------------------------------------------------------------------


def _load_backend(entry: Mapping[str, Any]) -> ApiGatewayBackend:
    ids: random.Random | None = None
    if entry.get("idsState") is not None:
        ids = random.Random()
        ids.setstate(_decode_state(entry["idsState"]))
    backend = ApiGatewayBackend(entry["accountId"], entry["region"], ids)
    backend._ids = set(entry.get("idsInUse", ()))
    for graph in entry.get("restApis", ()):
        loaded = _load_graph(graph)
        backend.apis[loaded.api.id] = loaded
    for name, container in entry.get("containers", {}).items():
        setattr(backend, to_snake(name), _load_container(container))
    return backend


def _load_graph(entry: Mapping[str, Any]) -> ApiGraph:
    graph = ApiGraph(RestApi.model_validate(entry["api"]))
    for name, container in entry.get("containers", {}).items():
        field = to_snake(name)
        if field in _GRAPH_FIXED or field not in {f.name for f in dataclasses.fields(graph)}:
            raise ValueError(f"apigw_mock state file: unknown REST API container {name!r}")
        setattr(graph, field, _load_container(container))
    return graph


def _load_container(entry: Mapping[str, Any]) -> Any:
    if entry["kind"] == "value":
        return _decode(entry["value"])
    kinds: dict[str, type[Any]] = {"ResourceTree": ResourceTree, "PagedDict": PagedDict, "dict": dict}
    container = kinds[entry["kind"]]()
    node_type = _node_type(entry.get("type"))
    for key, item in entry.get("items", {}).items():
        container[key] = _load_graph(item) if node_type is ApiGraph else node_type.model_validate(item)
    return container


def _decode(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    ((tag, body),) = [(key, item) for key, item in value.items() if key.startswith("$")]
    if tag == "$model":
        return _node_type(body).model_validate(value["data"])
    if tag in ("$datetime", "$date"):
        return (datetime.datetime if tag == "$datetime" else datetime.date).fromisoformat(body)
    if tag in ("$dict", "$PagedDict"):
        mapping: Any = dict() if tag == "$dict" else PagedDict()
        for key, item in body:
            mapping[_decode(key)] = _decode(item)
        return mapping
    if tag in ("$Layered", "$mappingproxy"):
        plain = {_decode(key): _decode(item) for key, item in body}
        return Layered.of(plain) if tag == "$Layered" else MappingProxyType(plain)
    if tag in ("$list", "$tuple", "$set", "$frozenset"):
        kinds: dict[str, type[Any]] = {"$list": list, "$tuple": tuple, "$set": set, "$frozenset": frozenset}
        return kinds[tag](_decode(item) for item in body)
    if tag == "$dataclass":
        return _node_type(body)(**{name: _decode(item) for name, item in value["fields"].items()})
    raise ValueError(f"apigw_mock state file: unknown value tag {tag!r}")


def _node_type(name: str | None) -> Any:
    if name is None:
        return None
    module, _, qualname = name.partition(":")
    if not module.startswith("apigw_mock."):
        raise ValueError(f"apigw_mock state file: node type {name!r} is not apigw_mock's")
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    return found


def _decode_state(text: str) -> tuple[Any, ...]:
    version, words, gauss = text.split(":")
    return int(version), tuple(int(word, 16) for word in words.split(",")), float(gauss) if gauss else None
