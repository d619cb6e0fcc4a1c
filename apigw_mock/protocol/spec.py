"""The `apigateway` botocore service model, loaded once: operation lookups and per-operation request routes.

Everything that is wire knowledge (URI templates, wire names, status codes, enums, error shapes) is read from
here; nothing else in the package types a URL fragment or a status code.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from functools import cache
from typing import Any

import msgspec
from botocore.loaders import Loader
from botocore.model import OperationModel, ServiceModel, Shape, StructureShape

SERVICE_NAME = "apigateway"
_LABEL = re.compile(r"\{([^}]+?)(\+?)\}")


class _PlainJSONFiles:
    """botocore's file loader (same files, same search), parsing with plain dicts: its own `JSONFileLoader` passes
    `object_pairs_hook=OrderedDict`, a Python call per JSON object, which makes the apigateway model take 27 ms
    to load instead of 5 (a third of a cold first call). Plain dicts keep the order too."""

    def exists(self, file_path: str) -> bool:
        return os.path.isfile(file_path + ".json") or os.path.isfile(file_path + ".json.gz")

    def load_file(self, file_path: str) -> Any:
        if os.path.isfile(file_path + ".json"):
            with open(file_path + ".json", "rb") as plain:
                return json.loads(plain.read())
        if os.path.isfile(file_path + ".json.gz"):
            with gzip.open(file_path + ".json.gz", "rb") as packed:
                return json.loads(packed.read())
        return None


class _Loader(Loader):  # type: ignore[misc]
    """botocore's loader, asked for one service only: its own `load_service_model` first lists every service it
    knows (over 400 directories, a file check each), which took a quarter of the model's load."""

    def list_available_services(self, type_name: str) -> list[str]:
        return [SERVICE_NAME]


_OFFERED: list[ServiceModel] = []


def offer(model: ServiceModel) -> None:
    """A calling client's own model of the service (`client.meta.service_model`: the same botocore files, already
    parsed, its shapes already built), taken instead of a second load if no model has been read yet."""
    if not _OFFERED and model.service_name == SERVICE_NAME:
        _OFFERED.append(model)


@cache
def service_model() -> ServiceModel:
    """The service model, read once per process: the first calling client's (`offer`), else parsed from botocore's
    files (server mode, or before any client called; a fresh session is never built)."""
    if _OFFERED:
        return _OFFERED[0]
    description = _Loader(file_loader=_PlainJSONFiles()).load_service_model(SERVICE_NAME, "service-2")
    return ServiceModel(description, SERVICE_NAME)


@cache
def operation(name: str) -> OperationModel:
    """The operation model for `name` (e.g. `UpdateIntegrationResponse`); KeyError-free for known names."""
    return service_model().operation_model(name)


class Route(msgspec.Struct, frozen=True):
    """How one operation's request is laid out on the wire."""

    method: str
    path: re.Pattern[str]  # matches the raw (still %-encoded) URL path; groups are member names
    static_query: frozenset[str]  # query keys fixed by the URI template, e.g. `mode` in `/restapis?mode=import`


@cache
def route(name: str) -> Route:
    """The compiled URI template of an operation."""
    http = operation(name).http
    template, _, query = http["requestUri"].partition("?")
    members = _uri_members(operation(name).input_shape)
    pattern, pos = "", 0
    for label in _LABEL.finditer(template):
        pattern += re.escape(template[pos : label.start()])
        group = "(.+)" if label.group(2) else "([^/]+)"
        pattern += f"(?P<{members[label.group(1)]}>{group[1:-1]})"
        pos = label.end()
    pattern += re.escape(template[pos:])
    keys = frozenset(part.split("=", 1)[0] for part in query.split("&") if part)
    return Route(http["method"], re.compile(pattern + r"\Z"), keys)


def _uri_members(shape: StructureShape | None) -> dict[str, str]:
    """Wire label -> member name for the members bound to the URI path."""
    if shape is None:
        return {}
    return {
        member.serialization.get("name", name): name
        for name, member in shape.members.items()
        if member.serialization.get("location") == "uri"
    }


def shape(name: str) -> Shape:
    """A named shape of the service (e.g. `GatewayResponseType`)."""
    return service_model().shape_for(name)


def enum(name: str) -> tuple[str, ...]:
    """The allowed values of a string enum shape, in the model's order."""
    return tuple(shape(name).enum)
