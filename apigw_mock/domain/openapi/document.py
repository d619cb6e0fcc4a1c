"""Reading an import body: JSON or YAML, OpenAPI 3.0/3.1 or Swagger 2.0 (spec control-plane-2 §17.1–§17.2).

Contract: `read(body)` returns a `Document` (the parsed mapping and which flavour it is) or raises AWS's
BadRequest (texts in `texts`). JSON is tried first (what most tools send); anything else goes to PyYAML's
`safe_load`, imported on first use so that a mock that never imports pays nothing for it. `Document` answers
the questions both flavours ask differently: where the schemas and security schemes live, how a `$ref` names a
model, and the base path (`basePath`; for OpenAPI 3 the `basePath` server variable, else the path of
`servers[0].url`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from apigw_mock.domain.openapi import texts
from apigw_mock.exceptions import BadRequestException

MAX_BODY = 6 * 1024 * 1024  # 6 MB [DOC §17.1]


@dataclass(frozen=True)
class Document:
    """A parsed definition: `root` is the whole mapping; `swagger` tells Swagger 2.0 from OpenAPI 3.x."""

    root: dict[str, Any]
    swagger: bool

    @property
    def schemas(self) -> dict[str, Any]:
        """Model name -> JSON schema (`definitions` / `components.schemas`)."""
        found = self.root.get("definitions") if self.swagger else _mapping(self.root.get("components")).get("schemas")
        return _mapping(found)

    @property
    def security_schemes(self) -> dict[str, Any]:
        """Scheme name -> security scheme (`securityDefinitions` / `components.securitySchemes`)."""
        found = (
            self.root.get("securityDefinitions")
            if self.swagger
            else _mapping(self.root.get("components")).get("securitySchemes")
        )
        return _mapping(found)

    @property
    def paths(self) -> dict[str, Any]:
        return _mapping(self.root.get("paths"))

    @property
    def ref_prefix(self) -> str:
        """How a schema `$ref` names a model of this document."""
        return "#/definitions/" if self.swagger else "#/components/schemas/"

    def model_of(self, schema: Any) -> str | None:
        """The model a schema refers to (`{"$ref": "#/definitions/Pet"}` -> `Pet`), None for an inline schema."""
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        if not isinstance(ref, str):
            return None
        return ref.rsplit("/", 1)[-1]

    def base_path(self) -> str:
        """The document's base path (`/` when none), without a trailing slash."""
        if self.swagger:
            base = self.root.get("basePath")
        else:
            servers = self.root.get("servers")
            server = servers[0] if isinstance(servers, list) and servers and isinstance(servers[0], dict) else {}
            variable = _mapping(_mapping(server.get("variables")).get("basePath")).get("default")
            base = variable if isinstance(variable, str) else _url_path(str(server.get("url") or ""))
        base = base if isinstance(base, str) else ""
        return "/" + base.strip("/") if base.strip("/") else "/"


def read(body: bytes | str) -> Document:
    """The document in `body`, or BadRequest (too large, not JSON/YAML, not a mapping, no supported version)."""
    raw = body.encode() if isinstance(body, str) else body
    if len(raw) > MAX_BODY:
        raise BadRequestException(texts.BODY_TOO_LARGE)
    root = _parse(raw)
    if not isinstance(root, dict):
        raise BadRequestException(texts.INVALID_BODY)
    if "swagger" in root:
        if str(root["swagger"]) != "2.0":
            raise BadRequestException(texts.UNSUPPORTED_VERSION.format(version=root["swagger"]))
        return Document(root, swagger=True)
    version = root.get("openapi")
    if version is None:
        raise BadRequestException(texts.NO_VERSION)
    if not str(version).startswith(("3.0", "3.1")):
        raise BadRequestException(texts.UNSUPPORTED_VERSION.format(version=version))
    return Document(root, swagger=False)


def _parse(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        pass
    import yaml  # lazily: only YAML bodies pay for it

    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError:
        raise BadRequestException(texts.INVALID_BODY) from None


def _url_path(url: str) -> str:
    """The path of a server URL (`https://host/v1` -> `/v1`; a relative `/v1` as it is)."""
    rest = url.split("://", 1)[1] if "://" in url else url
    if "://" in url:
        rest = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
    return rest.split("?", 1)[0].split("#", 1)[0]


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
