"""Authorizer operations: Create/Get/Get…s/Update/DeleteAuthorizer as a declared collection (spec control-plane-2
§5). TestInvokeAuthorizer belongs to the data plane (§5.3).

A missing API is, for CreateAuthorizer, AWS's Conflict `Unable to complete operation due to concurrent
modification. Please try again later.` (core spec §2, recorded), else `Invalid API identifier specified
<account>:<id>`. The rules and texts are `domain.authorizer`'s, shared by Create and Update.
"""

from __future__ import annotations

from apigw_mock.control.collections import Collection, Params, register_crud
from apigw_mock.domain import authorizer as rules
from apigw_mock.domain.authorizer import Authorizer
from apigw_mock.domain.backend import CHILD_ID_LENGTH, ApiGatewayBackend
from apigw_mock.exceptions import ConflictException
from apigw_mock.paging import PagedDict


def _authorizers(backend: ApiGatewayBackend, params: Params) -> PagedDict[str, Authorizer]:
    return backend.graph(params["rest_api_id"]).authorizers


def _authorizers_to_create_in(backend: ApiGatewayBackend, params: Params) -> PagedDict[str, Authorizer]:
    graph = backend.apis.lookup(params["rest_api_id"])
    if graph is None:
        raise ConflictException(rules.MISSING_API)
    return graph.authorizers


def _create(backend: ApiGatewayBackend, params: Params, members: Params) -> Authorizer:
    existing = len(backend.graph(params["rest_api_id"]).authorizers)
    return rules.new_authorizer(members.pop("id", None) or backend.new_id(CHILD_ID_LENGTH), members, existing)


def _checked(backend: ApiGatewayBackend, params: Params, authorizer: Authorizer) -> None:
    rules.check_authorizer(authorizer)


def _unused(backend: ApiGatewayBackend, params: Params, authorizer: Authorizer) -> None:
    rules.check_unused(backend.graph(params["rest_api_id"]).resources.values(), authorizer)


AUTHORIZERS = Collection(
    model=Authorizer,
    noun="Authorizer",
    container=_authorizers,
    create_container=_authorizers_to_create_in,
    key="authorizer_id",
    not_found=rules.NOT_FOUND,
    create=_create,
    check_update=_checked,
    before_delete=_unused,
)
register_crud(AUTHORIZERS)
