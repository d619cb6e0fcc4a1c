"""Method and MethodResponse handlers: Put/Get/Delete of each (spec §2, §3.3, §3.4).

Lookups go API -> resource -> method; a missing API reads as a missing resource (spec §2).
"""

from __future__ import annotations

from typing import Any

from apigw_mock.control.registry import operation
from apigw_mock.domain import method_rules
from apigw_mock.domain.backend import ApiGatewayBackend, store_method, store_method_response
from apigw_mock.domain.method import Method, MethodResponse, References
from apigw_mock.patch import PatchOperations, apply_patch


@operation("PutMethod")
def put_method(
    backend: ApiGatewayBackend, *, rest_api_id: str, resource_id: str, http_method: str, **fields: Any
) -> Method:
    resource = backend.resource(rest_api_id, resource_id)
    method_rules.check_verb(http_method)
    method_rules.check_absent(resource.resource_methods, http_method, "Method already exists for this resource")
    method = method_rules.new_method(http_method, references(backend, rest_api_id), **fields)
    store_method(resource, http_method, method)
    return method


@operation("GetMethod")
def get_method(backend: ApiGatewayBackend, *, rest_api_id: str, resource_id: str, http_method: str) -> Method:
    return backend.method(rest_api_id, resource_id, http_method)


@operation("DeleteMethod")
def delete_method(backend: ApiGatewayBackend, *, rest_api_id: str, resource_id: str, http_method: str) -> None:
    backend.method(rest_api_id, resource_id, http_method)
    store_method(backend.resource(rest_api_id, resource_id), http_method, None)


@operation("PutMethodResponse")
def put_method_response(
    backend: ApiGatewayBackend, *, rest_api_id: str, resource_id: str, http_method: str, status_code: str, **fields: Any
) -> MethodResponse:
    method = backend.method(rest_api_id, resource_id, http_method)
    method_rules.check_absent(method.method_responses, status_code, "Response already exists for this resource")
    response = method_rules.new_method_response(status_code, references(backend, rest_api_id), **fields)
    store_method_response(method, status_code, response)
    return response


@operation("GetMethodResponse")
def get_method_response(
    backend: ApiGatewayBackend, *, rest_api_id: str, resource_id: str, http_method: str, status_code: str
) -> MethodResponse:
    return backend.method_response(rest_api_id, resource_id, http_method, status_code)


@operation("DeleteMethodResponse")
def delete_method_response(
    backend: ApiGatewayBackend, *, rest_api_id: str, resource_id: str, http_method: str, status_code: str
) -> None:
    backend.method_response(rest_api_id, resource_id, http_method, status_code)
    store_method_response(backend.method(rest_api_id, resource_id, http_method), status_code, None)


@operation("UpdateMethod")
def update_method(
    backend: ApiGatewayBackend,
    *,
    rest_api_id: str,
    resource_id: str,
    http_method: str,
    patch_operations: PatchOperations = (),
) -> Method:
    method = backend.method(rest_api_id, resource_id, http_method)
    updated = apply_patch(method, patch_operations, context=references(backend, rest_api_id))
    store_method(backend.resource(rest_api_id, resource_id), http_method, updated)
    return updated


@operation("UpdateMethodResponse")
def update_method_response(
    backend: ApiGatewayBackend,
    *,
    rest_api_id: str,
    resource_id: str,
    http_method: str,
    status_code: str,
    patch_operations: PatchOperations = (),
) -> MethodResponse:
    method = backend.method(rest_api_id, resource_id, http_method)
    node = backend.method_response(rest_api_id, resource_id, http_method, status_code)
    updated = apply_patch(node, patch_operations, context=references(backend, rest_api_id))
    store_method_response(method, status_code, updated)
    return updated


def references(backend: ApiGatewayBackend, rest_api_id: str) -> References:
    """What a method of the API may name: its models, request validators and authorizers."""
    graph = backend.graph(rest_api_id)
    return References(graph.models, graph.request_validators, graph.authorizers)
