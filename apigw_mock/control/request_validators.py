"""Request validator operations: Create/Get/Get…s/Update/DeleteRequestValidator as a declared collection (spec
control-plane-2 §6).

A missing API is `Invalid REST API identifier specified` (BadRequest) for Create and `Invalid API identifier
specified <account>:<id>` otherwise (core spec §2, recorded for GetRequestValidators).
"""

from __future__ import annotations

from apigw_mock.control.collections import Collection, Params, register_crud
from apigw_mock.domain.backend import ApiGatewayBackend
from apigw_mock.domain.request_validator import MISSING_API, NOT_FOUND, RequestValidator
from apigw_mock.exceptions import BadRequestException
from apigw_mock.paging import PagedDict


def _validators(backend: ApiGatewayBackend, params: Params) -> PagedDict[str, RequestValidator]:
    return backend.graph(params["rest_api_id"]).request_validators


def _validators_to_create_in(backend: ApiGatewayBackend, params: Params) -> PagedDict[str, RequestValidator]:
    graph = backend.apis.lookup(params["rest_api_id"])
    if graph is None:
        raise BadRequestException(MISSING_API)
    return graph.request_validators


REQUEST_VALIDATORS = Collection(
    model=RequestValidator,
    noun="RequestValidator",
    container=_validators,
    create_container=_validators_to_create_in,
    key="request_validator_id",
    not_found=NOT_FOUND,
)
register_crud(REQUEST_VALIDATORS)
