"""Custom domain names, their base path mappings and domain name access associations, as declared collections,
plus RejectDomainNameAccessAssociation (spec control-plane-2 §9).

Domain names and associations are account-level (the backend's containers). A private name is addressed by
`domainName` with `domainNameId`; a mapping by its domain name (either kind) and base path, `(none)` for the empty
one; base paths have one segment. A mapping names an existing API (BadRequest `Invalid REST API identifier
specified` [UNK: core §2's text for a body-named API]) and, when given, an existing stage (BadRequest `Invalid
stage identifier specified` [FIELD]).
Deleting a domain name deletes its mappings.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from apigw_mock.control.collections import Collection, Params, register_crud
from apigw_mock.control.registry import operation
from apigw_mock.domain import domain_name as names
from apigw_mock.domain.backend import ApiGatewayBackend
from apigw_mock.domain.base_path_mapping import (
    ASSOCIATION_DUPLICATE,
    ASSOCIATION_NOT_FOUND,
    DUPLICATE,
    INVALID_API,
    MULTI_LEVEL,
    NOT_FOUND,
    PRIVATE_ONLY,
    BasePathMapping,
    DomainNameAccessAssociation,
    association_arn,
    stored_base_path,
)
from apigw_mock.domain.domain_name import DomainName, domain_key, new_domain_name, settled
from apigw_mock.domain.messages import INVALID_STAGE
from apigw_mock.domain.stage_refs import stage_exists
from apigw_mock.exceptions import BadRequestException, ConflictException, NotFoundException
from apigw_mock.paging import PagedDict


def _own(node: Any, params: Params) -> bool:
    """`resourceOwner=OTHER_ACCOUNTS` lists what other accounts share with this one: nothing in the mock."""
    return params.get("resource_owner") != "OTHER_ACCOUNTS"


# ---- domain names ---------------------------------------------------------------------------------------------------


def _domain_names(backend: ApiGatewayBackend, params: Params) -> PagedDict[str, DomainName]:
    return backend.domain_names


def _new_domain_name(backend: ApiGatewayBackend, params: Params, members: Params) -> DomainName:
    return new_domain_name(backend, members, backend.domain_names)


def _drop_mappings(backend: ApiGatewayBackend, params: Params, node: DomainName) -> None:
    backend.base_path_mappings.pop(node.key, None)


DOMAIN_NAMES = Collection(
    model=DomainName,
    noun="DomainName",
    container=_domain_names,
    key="domain_name",
    key_field="key",
    address=lambda params: domain_key(params["domain_name"], params.get("domain_name_id")),
    id_length=None,
    not_found=names.NOT_FOUND,
    create=_new_domain_name,
    before_delete=_drop_mappings,
    patch_context=lambda backend, params: backend,
    settle=settled,
    matches=_own,
    arn="/domainnames/{}",
)
register_crud(DOMAIN_NAMES)


# ---- base path mappings -------------------------------------------------------------------------------------------


def _mappings(backend: ApiGatewayBackend, params: Params) -> PagedDict[str, BasePathMapping]:
    """The mappings of the domain name the parameters address (NotFound for the domain name first)."""
    _, domain = DOMAIN_NAMES.lookup(backend, params)
    found = backend.base_path_mappings.get(domain.key)
    if found is None:
        found = backend.base_path_mappings[domain.key] = PagedDict()
    return found


def _check_mapping(backend: ApiGatewayBackend, params: Params, mapping: BasePathMapping, current: str | None) -> None:
    """One segment, the API and stage exist, no other mapping of the domain name has the base path (Create and
    Update)."""
    if "/" in mapping.base_path:
        raise BadRequestException(MULTI_LEVEL)
    graph = backend.apis.lookup(mapping.rest_api_id)
    if graph is None:
        raise BadRequestException(INVALID_API)
    if mapping.stage is not None and not stage_exists(graph, mapping.stage):
        raise BadRequestException(INVALID_STAGE)
    if mapping.base_path != current and mapping.base_path in _mappings(backend, params):
        raise ConflictException(DUPLICATE)


def _new_mapping(backend: ApiGatewayBackend, params: Params, members: Params) -> BasePathMapping:
    mapping = BasePathMapping.checked(
        base_path=stored_base_path(members.get("base_path")),
        rest_api_id=members["rest_api_id"],
        stage=members.get("stage"),
    )
    _check_mapping(backend, params, mapping, None)
    return mapping


BASE_PATH_MAPPINGS = Collection(
    model=BasePathMapping,
    noun="BasePathMapping",
    container=_mappings,
    key="base_path",
    key_field="base_path",
    id_length=None,
    not_found=NOT_FOUND,
    duplicate=DUPLICATE,
    create=_new_mapping,
    check_update=lambda backend, params, node: _check_mapping(backend, params, node, params["base_path"]),
)
register_crud(BASE_PATH_MAPPINGS)


# ---- domain name access associations ------------------------------------------------------------------------------


def _associations(backend: ApiGatewayBackend, params: Params) -> MutableMapping[str, DomainNameAccessAssociation]:
    return backend.domain_name_access_associations


def _new_association(backend: ApiGatewayBackend, params: Params, members: Params) -> DomainNameAccessAssociation:
    target = members["domain_name_arn"]
    domain = next((d for d in backend.domain_names.values() if d.domain_name_arn == target), None)
    if domain is None:
        raise NotFoundException(names.NOT_FOUND)
    if domain.domain_name_id is None:
        raise BadRequestException(PRIVATE_ONLY)
    arn = association_arn(target, members["access_association_source"])
    if arn in backend.domain_name_access_associations:
        raise ConflictException(ASSOCIATION_DUPLICATE)
    return DomainNameAccessAssociation.checked(domain_name_access_association_arn=arn, **members)


ACCESS_ASSOCIATIONS = Collection(
    model=DomainNameAccessAssociation,
    noun="DomainNameAccessAssociation",
    container=_associations,
    key="domain_name_access_association_arn",
    key_field="domain_name_access_association_arn",
    id_length=None,
    not_found=ASSOCIATION_NOT_FOUND,
    create=_new_association,
    matches=_own,
)
register_crud(ACCESS_ASSOCIATIONS)


@operation("RejectDomainNameAccessAssociation")
def reject_domain_name_access_association(
    backend: ApiGatewayBackend, *, domain_name_access_association_arn: str, domain_name_arn: str
) -> None:
    """The owner of a private name turns an association away: it is gone [INF: one account plays both sides]."""
    found = backend.domain_name_access_associations.get(domain_name_access_association_arn)
    if found is None or found.domain_name_arn != domain_name_arn:
        raise NotFoundException(ASSOCIATION_NOT_FOUND)
    del backend.domain_name_access_associations[domain_name_access_association_arn]
