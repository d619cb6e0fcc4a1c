"""GetExport (spec control-plane-2 §16): a stage's deployment snapshot -> an OpenAPI 3.0.1 or Swagger 2.0 document.

Contract: `export(deployed, Target(...), extensions)` writes the document of a `DeployedApi` (never the live graph):
`info.title` the API's name, `info.version` the deployment's creation time (`2016-09-12T17:50:37Z` [INF]); swagger
`host`/`basePath`/`schemes`, oas30 `servers` with the `basePath` variable [DOC]. One path per resource with methods
(`ANY` as `x-amazon-apigateway-any-method`); request parameters, request models, method responses (headers and
models) and security from each method; every model under `definitions` / `components.schemas`, its model-URL
`$ref`s rewritten to document refs. Extensions: `integrations` adds `x-amazon-apigateway-integration`;
`authorizers` the authorizer extensions of security schemes; `apigateway` both plus the API-level extensions
(validators, gateway responses, binary media types, API key source, compression size, policy, endpoint
configuration); `postman` adds nothing [UNK]. `render(document, accepts)` gives the bytes and content type.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from apigw_mock.domain import api_policy
from apigw_mock.domain.authorizer import Authorizer
from apigw_mock.domain.method import Method
from apigw_mock.domain.openapi import extensions as ext
from apigw_mock.domain.openapi import texts
from apigw_mock.domain.snapshot import DeployedApi
from apigw_mock.exceptions import BadRequestException

EXPORT_TYPES = ("oas30", "swagger")
ACCEPTS = {"application/json": "json", "application/yaml": "yaml"}
EXTENSIONS = frozenset({"integrations", "apigateway", "authorizers", "postman"})
API_KEY_SCHEME = "api_key"
SIGV4_SCHEME = "sigv4"
_VARIABLE = re.compile(r"\{([^}+]+)\+?\}")
_MODEL_URL = re.compile(r"https://apigateway\.amazonaws\.com/restapis/[^/]+/models/(.+)")


@dataclass(frozen=True)
class Target:
    """Where the export says the API is served, and which flavour it is written in."""

    api_id: str
    region: str
    stage_name: str
    version: str
    """`info.version`: the deployment's creation time."""
    export_type: str


def check_export(export_type: str, accepts: str | None, extensions: str | None) -> tuple[str, frozenset[str]]:
    """The accept type's format and the set of extensions, or BadRequest (§16 [UNK → BadRequest])."""
    if export_type not in EXPORT_TYPES:
        raise BadRequestException(texts.EXPORT_TYPE)
    accept = (accepts or "application/json").split(";")[0].strip().lower()
    if accept in ("*/*", ""):
        accept = "application/json"
    if accept not in ACCEPTS:
        raise BadRequestException(texts.ACCEPTS)
    chosen = frozenset(part.strip() for part in (extensions or "").split(",") if part.strip())
    if chosen - EXTENSIONS:
        raise BadRequestException(texts.EXTENSIONS)
    return accept, chosen


def export(deployed: DeployedApi, target: Target, extensions: frozenset[str]) -> dict[str, Any]:
    return _Writer(deployed, target, extensions).document()


def render(document: Mapping[str, Any], accept: str) -> bytes:
    """The document as JSON (AWS's indentation [INF]) or YAML (PyYAML, imported on first use)."""
    if ACCEPTS[accept] == "json":
        return json.dumps(document, indent=2).encode()
    import yaml

    text: str = yaml.safe_dump(dict(document), sort_keys=False, allow_unicode=True)
    return text.encode()


def filename(api_name: str, stage_name: str, export_type: str, accept: str) -> str:
    """`Content-Disposition` [UNK → `{apiName}-{stage}-{exportType}.json|yaml`]."""
    return f'attachment; filename="{api_name}-{stage_name}-{export_type}.{ACCEPTS[accept]}"'


class _Writer:
    def __init__(self, deployed: DeployedApi, target: Target, extensions: frozenset[str]) -> None:
        self.deployed = deployed
        self.target = target
        self.swagger = target.export_type == "swagger"
        self.integrations = bool(extensions & {"integrations", "apigateway"})
        self.authorizers = bool(extensions & {"authorizers", "apigateway"})
        self.apigateway = "apigateway" in extensions
        self.ref = "#/definitions/" if self.swagger else "#/components/schemas/"
        self.schemes: dict[str, Any] = {}

    def document(self) -> dict[str, Any]:
        api, target = self.deployed.api, self.target
        info: dict[str, Any] = {"title": api.name, "version": target.version}
        if api.description:
            info["description"] = api.description
        host = f"{target.api_id}.execute-api.{target.region}.amazonaws.com"
        if self.swagger:
            doc: dict[str, Any] = {"swagger": "2.0", "info": info, "host": host}
            doc |= {"basePath": f"/{target.stage_name}", "schemes": ["https"]}
        else:
            server = {
                "url": f"https://{host}/{{basePath}}",
                "variables": {"basePath": {"default": f"/{target.stage_name}"}},
            }
            doc = {"openapi": "3.0.1", "info": info, "servers": [server]}
        doc["paths"] = self._paths()
        schemas = {name: self._schema(model.schema_) for name, model in self.deployed.models.items()}
        if self.swagger:
            if self.schemes:
                doc["securityDefinitions"] = self.schemes
            if schemas:
                doc["definitions"] = schemas
        else:
            components: dict[str, Any] = {}
            if schemas:
                components["schemas"] = schemas
            if self.schemes:
                components["securitySchemes"] = self.schemes
            if components:
                doc["components"] = components
        if self.apigateway:
            doc |= self._api_extensions()
        return doc

    def _api_extensions(self) -> dict[str, Any]:
        api = self.deployed.api
        written: dict[str, Any] = {}
        if api.api_key_source != "HEADER":
            written[ext.API_KEY_SOURCE] = api.api_key_source
        if api.binary_media_types:
            written[ext.BINARY_MEDIA_TYPES] = list(api.binary_media_types)
        if api.minimum_compression_size is not None:
            written[ext.MINIMUM_COMPRESSION_SIZE] = api.minimum_compression_size
        if api.policy:
            written[ext.POLICY] = _json_or_text(api_policy.document(api.policy))
        if api.disable_execute_api_endpoint:
            written[ext.ENDPOINT_CONFIGURATION] = {"disableExecuteApiEndpoint": True}
        validators = {v.name: ext.validator_extension(v) for v in self.deployed.request_validators.values() if v.name}
        if validators:
            written[ext.REQUEST_VALIDATORS] = validators
        customised = {
            kind: ext.gateway_response_extension(r)
            for kind, r in self.deployed.gateway_responses.items()
            if not r.default_response
        }
        if customised:
            written[ext.GATEWAY_RESPONSES] = customised
        return written

    # ---- paths -------------------------------------------------------------------------------------------------

    def _paths(self) -> dict[str, Any]:
        paths: dict[str, Any] = {}
        for resource in self.deployed.resources.values():
            methods = resource.resource_methods or {}
            if methods:
                paths[resource.path] = {
                    (ext.ANY_METHOD if verb == "ANY" else verb.lower()): self._operation(resource.path, verb, method)
                    for verb, method in methods.items()
                }
        return paths

    def _operation(self, path: str, verb: str, method: Method) -> dict[str, Any]:
        operation: dict[str, Any] = {}
        if method.operation_name:
            operation["operationId"] = method.operation_name
        declared = dict(method.request_parameters or {})
        for variable in _VARIABLE.findall(path):  # OpenAPI requires every path template declared [INF]
            declared.setdefault(f"method.request.path.{variable}", True)
        parameters = [self._parameter(name, required) for name, required in declared.items()]
        models = self._json_models(method.request_models, verb, path)
        if self.swagger and models:
            operation["consumes"] = list(models)
            name = next(iter(models.values()))
            parameters.append({"in": "body", "name": name, "required": True, "schema": {"$ref": self.ref + name}})
        elif models:
            content = {media: {"schema": {"$ref": self.ref + name}} for media, name in models.items()}
            operation["requestBody"] = {"content": content, "required": True}
        if parameters:
            operation["parameters"] = [p for p in parameters if p is not None]
        operation["responses"] = self._responses(method, verb, path)
        security = self._security(method)
        if security:
            operation["security"] = security
        validator = self.deployed.request_validators.get(method.request_validator_id or "")
        if self.apigateway and validator is not None:
            operation[ext.REQUEST_VALIDATOR] = validator.name
        if self.integrations and method.method_integration is not None:
            operation[ext.INTEGRATION] = ext.integration_extension(method.method_integration)
        return operation

    def _parameter(self, name: str, required: bool) -> dict[str, Any] | None:
        parts = name.split(".", 3)
        where = {"path": "path", "querystring": "query", "header": "header"}.get(parts[2]) if len(parts) == 4 else None
        if where is None:
            return None  # multi-value locations have no OpenAPI form [INF]
        written: dict[str, Any] = {"name": parts[3], "in": where, "required": where == "path" or required}
        if self.swagger:
            written["type"] = "string"
        else:
            written["schema"] = {"type": "string"}
        return written

    def _json_models(self, models: Mapping[str, str] | None, verb: str, path: str) -> dict[str, str]:
        """Content type -> model for JSON content types only; only non-JSON ones is AWS's error [DOC §16]."""
        if not models:
            return {}
        found = {media: name for media, name in models.items() if "json" in media and name in self.deployed.models}
        if not found and not self.swagger:
            return {media: name for media, name in models.items() if name in self.deployed.models}
        if not found:
            raise BadRequestException(texts.NON_JSON_MODELS.format(verb=verb, path=path))
        return found

    def _responses(self, method: Method, verb: str, path: str) -> dict[str, Any]:
        responses: dict[str, Any] = {}
        for code, response in (method.method_responses or {}).items():
            written: dict[str, Any] = {"description": f"{code} response"}
            headers = [name.split(".", 3)[3] for name in response.response_parameters or {} if name.count(".") >= 3]
            if headers:
                schema: dict[str, Any] = {"type": "string"}
                written["headers"] = {h: (schema if self.swagger else {"schema": schema}) for h in headers}
            models = self._json_models(response.response_models, verb, path)
            if self.swagger and models:
                written["schema"] = {"$ref": self.ref + next(iter(models.values()))}
            elif models:
                written["content"] = {media: {"schema": {"$ref": self.ref + name}} for media, name in models.items()}
            responses[code] = written
        # OpenAPI needs one response at least; a method without any shows `default` [INF], which import ignores.
        return responses or {"default": {"description": "Default response"}}

    def _security(self, method: Method) -> list[dict[str, list[str]]]:
        security: list[dict[str, list[str]]] = []
        authorizer = self.deployed.authorizers.get(method.authorizer_id or "")
        if authorizer is not None and method.authorization_type in ("CUSTOM", "COGNITO_USER_POOLS"):
            security.append({authorizer.name: list(method.authorization_scopes or [])})
            self.schemes.setdefault(authorizer.name, self._authorizer_scheme(authorizer))
        elif method.authorization_type == "AWS_IAM":
            security.append({SIGV4_SCHEME: []})
            sigv4 = {"type": "apiKey", "name": "Authorization", "in": "header", ext.AUTHTYPE: "awsSigv4"}
            self.schemes.setdefault(SIGV4_SCHEME, sigv4)
        if method.api_key_required:
            security.append({API_KEY_SCHEME: []})
            self.schemes.setdefault(API_KEY_SCHEME, {"type": "apiKey", "name": "x-api-key", "in": "header"})
        return security

    def _authorizer_scheme(self, authorizer: Authorizer) -> dict[str, Any]:
        scheme = ext.authorizer_scheme(authorizer)
        if not self.authorizers:
            scheme.pop(ext.AUTHORIZER)
        return scheme

    def _schema(self, text: str | None) -> Any:
        try:
            schema = json.loads(text or "{}")
        except ValueError:
            return {}
        if isinstance(schema, dict):
            schema.pop("$schema", None)  # not an OpenAPI schema keyword; AWS's exports leave it out [INF]
        return _rewrite(schema, self.ref)


def _rewrite(schema: Any, ref: str) -> Any:
    """Model URLs in `$ref`s -> the document's refs (the importer's rewrite, reversed)."""
    if isinstance(schema, list):
        return [_rewrite(item, ref) for item in schema]
    if not isinstance(schema, dict):
        return schema
    rewritten = {key: _rewrite(value, ref) for key, value in schema.items()}
    found = _MODEL_URL.fullmatch(str(rewritten.get("$ref", "")))
    if found:
        rewritten["$ref"] = ref + found.group(1)
    return rewritten


def _json_or_text(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text
