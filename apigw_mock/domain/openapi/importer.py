"""ImportRestApi and PutRestApi (spec control-plane-2 §17): an OpenAPI document -> a whole new `ApiGraph`.

Contract: `build(document, backend, options, into=None)` builds the graph aside and returns it with its warnings;
nothing live is touched, so the caller's swap is the only write (an import fully succeeds or changes nothing):
- `into=None` (ImportRestApi): a new API, new ids, the endpoint type of `endpointConfigurationTypes` (EDGE).
- `mode="overwrite"`: a fresh graph keeping the API's id, root resource id, endpoint configuration, tags, stages
  and deployments [DOC]; everything else comes from the document.
- `mode="merge"` (PutRestApi's default): a fork of the live graph (nodes shared, copied on first write); each
  method of the document replaces that method wholesale [DOC example GET /a]; models, validators, authorizers and
  gateway responses of the same name are replaced (keeping their ids), others are added.
Every node is checked by the rule functions Create/Put use (`method_rules`, `integration_rules`, `mapping`,
`authorizer.new_authorizer`, `GatewayResponse.put`, `ResourceTree.add_child`), each failure becoming one line of
AWS's "Errors found during import" BadRequest. What the mock ignores is a warning (§18.12); with `failonwarnings`
any warning fails the import. Texts: `texts` ([UNK]).
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, get_args

import msgspec

from apigw_mock.domain import api_policy, integration_rules, method_rules, rest_api_rules
from apigw_mock.domain.authorizer import Authorizer, new_authorizer
from apigw_mock.domain.backend import CHILD_ID_LENGTH, ApiGatewayBackend, store_method
from apigw_mock.domain.documentation import DocumentationPart, parts_of
from apigw_mock.domain.enums import ApiKeySourceType, IntegrationType
from apigw_mock.domain.gateway_response import BUILT_IN, GatewayResponse
from apigw_mock.domain.graph import ApiGraph
from apigw_mock.domain.integration import IntegrationResponse, stored_templates
from apigw_mock.domain.method import Method, References
from apigw_mock.domain.model import Model
from apigw_mock.domain.openapi import extensions as ext
from apigw_mock.domain.openapi import texts
from apigw_mock.domain.openapi.document import Document
from apigw_mock.domain.request_validator import RequestValidator
from apigw_mock.domain.resource import Resource
from apigw_mock.domain.resource_tree import ResourceTree
from apigw_mock.domain.rest_api import COMPRESSION_SIZE, RestApi
from apigw_mock.dump import refusal
from apigw_mock.exceptions import ApiGatewayError, BadRequestException

VERBS = {"get": "GET", "put": "PUT", "post": "POST", "delete": "DELETE", "patch": "PATCH", "options": "OPTIONS"}
VERBS |= {"head": "HEAD", ext.ANY_METHOD: "ANY"}
BASEPATH_MODES = ("ignore", "prepend", "split")
MODEL_NAME = re.compile(r"[A-Za-z0-9]+")  # alphanumeric only [DOC §17.3]
STATUS_CODE = re.compile(r"[1-5]\d\d")
_REST_FIELDS = ("description", "version")


def model_url(api_id: str, name: str) -> str:
    """What a schema `$ref` to another model becomes in API Gateway (AWS's model URL form [DOC])."""
    return f"https://apigateway.amazonaws.com/restapis/{api_id}/models/{name}"


@dataclass(frozen=True)
class Options:
    """ImportRestApi/PutRestApi's query members (`parameters` map, `failonwarnings`, `mode`)."""

    fail_on_warnings: bool = False
    mode: str | None = None
    """None for ImportRestApi; `merge` or `overwrite` for PutRestApi."""
    basepath: str = "ignore"
    endpoint_type: str | None = None
    ignore_documentation: bool = False

    @classmethod
    def of(cls, parameters: Mapping[str, str] | None, *, fail_on_warnings: bool, mode: str | None) -> Options:
        given = dict(parameters or {})
        basepath = given.get("basepath", "ignore").lower()
        if basepath not in BASEPATH_MODES:
            raise BadRequestException(texts.INVALID_BASEPATH)
        return cls(
            fail_on_warnings=bool(fail_on_warnings),
            mode=mode,
            basepath=basepath,
            endpoint_type=given.get("endpointConfigurationTypes"),
            ignore_documentation=given.get("ignore") == "documentation",
        )


@dataclass
class Imported:
    graph: ApiGraph
    warnings: list[str]


def build(
    document: Document,
    backend: ApiGatewayBackend,
    options: Options,
    *,
    into: ApiGraph | None = None,
    created: datetime.datetime,
) -> Imported:
    """The graph `document` defines (see the module docstring): a new API is stamped `created` (the caller reads
    the backend's clock); BadRequest with every error, else the graph."""
    builder = _Builder(document, backend, options, _target(backend, options, into, created))
    try:
        builder.run()
    except (TypeError, ValueError, AttributeError) as error:  # a malformed construct outside any rule's line
        builder.errors.append(texts.MALFORMED.format(error=error))
    if builder.errors:
        raise BadRequestException(texts.ERRORS.format(errors="\n\t".join(builder.errors)))
    if builder.warnings and options.fail_on_warnings:
        raise BadRequestException(texts.WARNINGS_FAIL.format(warnings="\n\t".join(builder.warnings)))
    return Imported(builder.graph, builder.warnings)


def _target(
    backend: ApiGatewayBackend, options: Options, into: ApiGraph | None, created: datetime.datetime
) -> ApiGraph:
    """The graph the document is built into: new, a fresh one in place of `into`, or a fork of `into`."""
    if into is not None and options.mode != "overwrite":
        return into.fork()
    tree = ResourceTree()
    root = Resource(id=into.api.root_resource_id if into else backend.new_id(), path="/")
    tree[root.id] = root
    if into is not None:
        kept = into.api.model_copy(update={"description": None, "version": None, "binary_media_types": None})
        kept = kept.model_copy(update={"minimum_compression_size": None, "policy": None, "api_key_source": "HEADER"})
        return ApiGraph(kept, tree, deployments=into.deployments.copy(), stages=dict(into.stages))
    endpoint = {"types": [options.endpoint_type]} if options.endpoint_type else None
    rest_api_rules.check_new_rest_api(None, None, endpoint)
    if options.endpoint_type and options.endpoint_type not in ("EDGE", "REGIONAL", "PRIVATE"):
        raise BadRequestException("Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE")
    api = RestApi.checked(
        id=backend.new_id(),
        name="",
        created_date=created,
        endpoint_configuration=rest_api_rules.endpoint_configuration(endpoint),
        root_resource_id=root.id,
    )
    return ApiGraph(api, tree)


@dataclass
class _Builder:
    document: Document
    backend: ApiGatewayBackend
    options: Options
    graph: ApiGraph
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    validator_ids: dict[str, str] = field(default_factory=dict)
    authorizer_ids: dict[str, str] = field(default_factory=dict)

    @contextmanager
    def _line(self, template: str, **names: Any) -> Iterator[None]:
        """Turn the rule's own error into one line of the import error (and go on with the next construct)."""
        try:
            yield
        except ApiGatewayError as error:
            self.errors.append(template.format(**names, reason=error.message))
        except msgspec.ValidationError as error:
            problem, where = refusal(error)
            self.errors.append(template.format(**names, reason=f"Invalid value specified for {where}: {problem}"))
        except (TypeError, ValueError, AttributeError) as error:  # a value of the wrong JSON type [UNK text]
            self.errors.append(template.format(**names, reason=texts.MALFORMED.format(error=error)))

    def run(self) -> None:
        self._rest_api()
        self._models()
        self._validators()
        self._authorizers()
        self._gateway_responses()
        if not self.document.paths:
            self.warnings.append(texts.W_NO_PATHS)
        for path, item in self.document.paths.items():
            if isinstance(item, dict):
                self._path(str(path), item)
        if ext.DOCUMENTATION in self.document.root and not self.options.ignore_documentation:
            self._documentation()
        for extension in ext.HTTP_API_ONLY:
            if extension in self.document.root:
                self.warnings.append(texts.W_HTTP_API_ONLY.format(extension=extension))

    def _documentation(self) -> None:
        """`x-amazon-apigateway-documentation`: its parts, as ImportDocumentationParts (merge) reads them."""
        parts, warnings = parts_of(self.document.root)
        self.warnings.extend(warnings)
        documentation = self.graph.documentation
        for location, properties in parts:
            found = documentation.at(location)
            part_id = found.id if found is not None else self.backend.new_id(CHILD_ID_LENGTH)
            documentation.parts[part_id] = DocumentationPart(id=part_id, location=location, properties=properties)

    # ---- the API node ------------------------------------------------------------------------------------------

    def _rest_api(self) -> None:
        root, api = self.document.root, self.graph.api
        found = root.get("info")
        info: dict[str, Any] = found if isinstance(found, dict) else {}
        update: dict[str, Any] = {field: str(info[field]) for field in _REST_FIELDS if info.get(field) is not None}
        if info.get("title") is not None:
            update["name"] = str(info["title"])
        elif not api.name:
            self.errors.append("Invalid OpenAPI input: info.title is required.")  # [UNK]
        with self._line("{reason}"):
            self._root_extensions(root, update)
        if isinstance(root.get("tags"), list):
            tags = {
                t["name"]: str(t[ext.TAG_VALUE]) for t in root["tags"] if isinstance(t, dict) and ext.TAG_VALUE in t
            }
            if tags:
                update["tags"] = {**(api.tags or {}), **tags}
        with self._line("{reason}"):
            self.graph.api = RestApi.checked(**{**msgspec.structs.asdict(api), **update})

    def _root_extensions(self, root: Mapping[str, Any], update: dict[str, Any]) -> None:
        if ext.BINARY_MEDIA_TYPES in root:
            update["binary_media_types"] = [str(t) for t in root[ext.BINARY_MEDIA_TYPES] or []] or None
        if ext.MINIMUM_COMPRESSION_SIZE in root:
            size = int(root[ext.MINIMUM_COMPRESSION_SIZE])
            COMPRESSION_SIZE.check(size)
            update["minimum_compression_size"] = size
        if ext.API_KEY_SOURCE in root:
            source = str(root[ext.API_KEY_SOURCE]).upper()
            if source not in get_args(ApiKeySourceType):
                raise BadRequestException(texts.API_KEY_SOURCE)
            update["api_key_source"] = source
        if ext.POLICY in root:
            api = self.graph.api
            text = ext.policy_text(root[ext.POLICY], self.backend.account_id, self.backend.region, api.id)
            update["policy"] = api_policy.stored(text)
        endpoint = root.get(ext.ENDPOINT_CONFIGURATION)
        servers = root.get("servers")
        if endpoint is None and isinstance(servers, list) and servers and isinstance(servers[0], dict):
            endpoint = servers[0].get(ext.ENDPOINT_CONFIGURATION)  # OpenAPI 3 puts it on the server object [DOC]
        if isinstance(endpoint, dict):
            if "disableExecuteApiEndpoint" in endpoint:
                update["disable_execute_api_endpoint"] = bool(endpoint["disableExecuteApiEndpoint"])
            if endpoint.get("vpcEndpointIds"):
                config = self.graph.api.endpoint_configuration
                update["endpoint_configuration"] = config.model_copy(
                    update={"vpc_endpoint_ids": list(endpoint["vpcEndpointIds"])}
                )

    # ---- API-level definitions ---------------------------------------------------------------------------------

    def _models(self) -> None:
        for name, schema in self.document.schemas.items():
            if not MODEL_NAME.fullmatch(str(name)):
                self.errors.append(texts.MODEL.format(name=name, reason=texts.MODEL_NAME.format(name=name)))
                continue
            existing = self.graph.models.get(name)
            model = Model.checked(
                id=existing.id if existing else self.backend.new_id(CHILD_ID_LENGTH),
                name=name,
                description=schema.get("description") if isinstance(schema, dict) else None,
                schema_=json.dumps(self._model_refs(schema), default=str),  # YAML dates as text
                content_type="application/json",
            )
            self.graph.models[name] = model

    def _model_refs(self, schema: Any) -> Any:
        """The schema with its `$ref`s to the document's models rewritten to API Gateway's model URLs."""
        if isinstance(schema, list):
            return [self._model_refs(item) for item in schema]
        if not isinstance(schema, dict):
            return schema
        rewritten = {key: self._model_refs(value) for key, value in schema.items()}
        ref = rewritten.get("$ref")
        if isinstance(ref, str) and ref.startswith(self.document.ref_prefix):
            rewritten["$ref"] = model_url(self.graph.api.id, ref[len(self.document.ref_prefix) :])
        return rewritten

    def _validators(self) -> None:
        found = self.document.root.get(ext.REQUEST_VALIDATORS)
        by_name = {v.name: v.id for v in self.graph.request_validators.values() if v.name}
        for name, flags in (found if isinstance(found, dict) else {}).items():
            given = flags if isinstance(flags, dict) else {}
            validator = RequestValidator.checked(
                id=by_name.get(name) or self.backend.new_id(CHILD_ID_LENGTH),
                name=str(name),
                validate_request_body=bool(given.get("validateRequestBody")),
                validate_request_parameters=bool(given.get("validateRequestParameters")),
            )
            self.graph.request_validators[validator.id] = validator
        self.validator_ids = {v.name: v.id for v in self.graph.request_validators.values() if v.name}

    def _authorizers(self) -> None:
        by_name = {a.name: a.id for a in self.graph.authorizers.values()}
        for name, scheme in self.document.security_schemes.items():
            if not isinstance(scheme, dict) or not isinstance(scheme.get(ext.AUTHORIZER), dict):
                continue
            members = ext.authorizer_members(str(name), scheme)
            if members["type"] not in ext.AUTHORIZER_TYPES.values():
                reason = texts.AUTHORIZER_TYPE.format(type=scheme[ext.AUTHORIZER].get("type"))
                self.errors.append(texts.AUTHORIZER.format(name=name, reason=reason))
                continue
            with self._line(texts.AUTHORIZER, name=name):
                others = len(self.graph.authorizers) - (name in by_name)  # the per-API limit counts the others
                authorizer = new_authorizer(by_name.get(name) or self.backend.new_id(CHILD_ID_LENGTH), members, others)
                self.graph.authorizers[authorizer.id] = authorizer
                self.authorizer_ids[str(name)] = authorizer.id

    def _gateway_responses(self) -> None:
        found = self.document.root.get(ext.GATEWAY_RESPONSES)
        for kind, response in (found if isinstance(found, dict) else {}).items():
            if kind not in BUILT_IN:
                reason = texts.GATEWAY_RESPONSE_TYPE.format(type=kind)
                self.errors.append(texts.GATEWAY_RESPONSE.format(type=kind, reason=reason))
                continue
            given = response if isinstance(response, dict) else {}
            with self._line(texts.GATEWAY_RESPONSE, type=kind):
                status = given.get("statusCode")
                self.graph.gateway_responses[kind] = GatewayResponse.put(
                    kind,
                    str(status) if status is not None else None,
                    given.get("responseParameters"),
                    _texts(given.get("responseTemplates")),
                )

    # ---- paths, methods ----------------------------------------------------------------------------------------

    def _segments(self, path: str) -> list[str]:
        base = [part for part in self.document.base_path().split("/") if part]
        prefix = {"ignore": [], "prepend": base, "split": base[1:]}[self.options.basepath]
        return prefix + [part for part in path.split("/") if part]

    def _resource(self, path: str) -> Resource | None:
        tree, node = self.graph.resources, self.graph.resources.root
        for part in self._segments(path):
            child = tree.child(node.id, part)
            if child is None:
                with self._line(texts.RESOURCE, path=path):
                    child = tree.add_child(node, part, self.backend.new_id(CHILD_ID_LENGTH))
                    self.graph.adopt(child.id)
                if child is None:
                    return None
            node = child
        return node

    def _path(self, path: str, item: Mapping[str, Any]) -> None:
        resource = self._resource(path)
        if resource is None:
            return
        shared = [p for p in item.get("parameters") or [] if isinstance(p, dict)]
        for key, operation in item.items():
            verb = VERBS.get(key)
            if verb is None or not isinstance(operation, dict):
                continue
            method = None
            with self._line(texts.METHOD, verb=verb, path=resource.path):
                method = self._method(resource, verb, operation, shared)
            if method is not None:
                writable = self.graph.writable(resource.id)
                assert writable is not None
                store_method(writable, verb, method)

    def _refs(self) -> References:
        graph = self.graph
        return References(graph.models, graph.request_validators, graph.authorizers)

    def _method(
        self, resource: Resource, verb: str, operation: Mapping[str, Any], shared: list[dict[str, Any]]
    ) -> Method | None:
        where = {"verb": verb, "path": resource.path}
        parameters, models = self._parameters(operation, shared, where)
        auth = self._security(operation, where)
        validator = operation.get(ext.REQUEST_VALIDATOR, self.document.root.get(ext.REQUEST_VALIDATOR))
        validator_id = None
        if validator is not None:
            validator_id = self.validator_ids.get(str(validator))
            if validator_id is None:
                self.errors.append(texts.VALIDATOR_MISSING.format(name=validator, **where))
                return None
        method: Method | None = None
        with self._line(texts.METHOD, **where):
            method = method_rules.new_method(
                verb,
                self._refs(),
                request_validator_id=validator_id,
                request_parameters=parameters or None,
                request_models=models or None,
                operation_name=operation.get("operationId"),
                **auth,
            )
        if method is None:
            return None
        self._method_responses(method, operation, where)
        self._integration(method, resource, operation, where)
        return method

    def _resolve(self, node: Any) -> Any:
        """A local `$ref` (`#/parameters/x`, `#/components/responses/y`) replaced by what it names."""
        ref = node.get("$ref") if isinstance(node, dict) else None
        if not isinstance(ref, str) or not ref.startswith("#/"):
            return node
        found: Any = self.document.root
        for part in ref[2:].split("/"):
            found = found.get(part.replace("~1", "/").replace("~0", "~")) if isinstance(found, dict) else None
        return found if isinstance(found, dict) else {}

    def _model_name(self, schema: Any, media: str, where: dict[str, str]) -> str | None:
        name = self.document.model_of(schema)
        if name is None:
            if schema:
                self.warnings.append(texts.W_INLINE_SCHEMA.format(media=media, **where))
            return None
        if name not in self.graph.models:
            self.warnings.append(texts.W_MISSING_MODEL.format(ref=name, **where))
            return None
        return name

    def _parameters(
        self, operation: Mapping[str, Any], shared: list[dict[str, Any]], where: dict[str, str]
    ) -> tuple[dict[str, bool], dict[str, str]]:
        """`method.request.*` parameters and content type -> model (body parameter or `requestBody`)."""
        parameters: dict[str, bool] = {}
        models: dict[str, str] = {}
        for raw in [*shared, *(operation.get("parameters") or [])]:
            param = self._resolve(raw)
            where_in, name = param.get("in"), param.get("name")
            location = {"path": "path", "query": "querystring", "header": "header"}.get(str(where_in))
            if location is not None and name:
                parameters[f"method.request.{location}.{name}"] = where_in == "path" or bool(param.get("required"))
            elif where_in == "cookie":
                self.warnings.append(texts.W_COOKIE.format(name=name, **where))
            elif where_in == "body":
                consumes = operation.get("consumes") or self.document.root.get("consumes") or ["application/json"]
                for media in consumes:
                    model = self._model_name(param.get("schema"), media, where)
                    if model is not None:
                        models[media] = model
        body = self._resolve(operation.get("requestBody"))
        for media, content in (body.get("content") or {}).items() if isinstance(body, dict) else ():
            model = self._model_name((content or {}).get("schema"), media, where)
            if model is not None:
                models[media] = model
        return parameters, models

    def _security(self, operation: Mapping[str, Any], where: dict[str, str]) -> dict[str, Any]:
        """PutMethod's authorization members from the operation's `security` (root-level security is ignored
        [DOC]) and `x-amazon-apigateway-auth`."""
        auth: dict[str, Any] = {"authorization_type": "NONE"}
        for requirement in operation.get("security") or []:
            for name, scopes in (requirement if isinstance(requirement, dict) else {}).items():
                scheme = self.document.security_schemes.get(name)
                if not isinstance(scheme, dict):
                    self.warnings.append(texts.W_UNKNOWN_SCHEME.format(name=name, **where))
                elif name in self.authorizer_ids:
                    authorizer: Authorizer = self.graph.authorizers[self.authorizer_ids[name]]
                    cognito = authorizer.type == "COGNITO_USER_POOLS"
                    auth["authorization_type"] = "COGNITO_USER_POOLS" if cognito else "CUSTOM"
                    auth["authorizer_id"] = authorizer.id
                    if scopes:
                        auth["authorization_scopes"] = list(scopes)
                elif str(scheme.get(ext.AUTHTYPE, "")).lower() == "awssigv4":
                    auth["authorization_type"] = "AWS_IAM"
                elif scheme.get("type") == "apiKey":
                    auth["api_key_required"] = True
        explicit = operation.get(ext.AUTH)
        if isinstance(explicit, dict) and explicit.get("type"):
            auth["authorization_type"] = str(explicit["type"]).upper()
        return auth

    def _method_responses(self, method: Method, operation: Mapping[str, Any], where: dict[str, str]) -> None:
        responses = operation.get("responses")
        produces = operation.get("produces") or self.document.root.get("produces") or ["application/json"]
        for code, raw in (responses if isinstance(responses, dict) else {}).items():
            if code == "default":
                continue  # no status code to map to; what an export writes for a method without responses [INF]
            if not STATUS_CODE.fullmatch(str(code)):
                self.warnings.append(texts.W_STATUS_CODE.format(code=code, **where))
                continue
            response = self._resolve(raw) if isinstance(raw, dict) else {}
            headers = response.get("headers") or {}
            parameters = {f"method.response.header.{name}": False for name in headers}
            models: dict[str, str] = {}
            if self.document.swagger and response.get("schema"):
                for media in produces:
                    model = self._model_name(response["schema"], media, where)
                    if model is not None:
                        models[media] = model
            for media, content in (response.get("content") or {}).items():
                model = self._model_name((content or {}).get("schema"), media, where)
                if model is not None:
                    models[media] = model
            with self._line(texts.METHOD_RESPONSE, **where):
                node = method_rules.new_method_response(
                    str(code), self._refs(), response_parameters=parameters or None, response_models=models or None
                )
                method.method_responses = {**(method.method_responses or {}), str(code): node}

    def _integration(
        self, method: Method, resource: Resource, operation: Mapping[str, Any], where: dict[str, str]
    ) -> None:
        extension = operation.get(ext.INTEGRATION)
        if extension is None:
            return
        if not isinstance(extension, dict):
            self.errors.append(texts.MALFORMED_INTEGRATION.format(path=resource.path))
            return
        if str(extension.get("type") or "").upper() not in get_args(IntegrationType):
            reason = texts.INTEGRATION_TYPE.format(type=extension.get("type"))
            self.errors.append(texts.INTEGRATION.format(reason=reason, **where))
            return
        with self._line(texts.INTEGRATION, **where):
            members = ext.integration_members(extension)
            method.method_integration = integration_rules.new_integration(method, resource.id, **members)
        integration = method.method_integration
        if integration is None:
            return
        responses: dict[str, IntegrationResponse] = {}
        for pattern, given in ext.integration_responses(extension):
            with self._line(texts.INTEGRATION_RESPONSE, **where):
                node = IntegrationResponse.checked(
                    status_code=str(given.get("statusCode") or "200"),
                    selection_pattern=pattern,
                    response_parameters=given.get("responseParameters"),
                    response_templates=stored_templates(_texts(given.get("responseTemplates"))),
                    content_handling=given.get("contentHandling"),
                )
                integration_rules.check_integration_response(node, method)
                responses[node.status_code] = node
        integration.integration_responses = responses or None


def _texts(templates: Any) -> dict[str, str | None] | None:
    if not isinstance(templates, dict):
        return None
    return {str(k): v if v is None or isinstance(v, str) else json.dumps(v, default=str) for k, v in templates.items()}
