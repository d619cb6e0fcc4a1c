"""API key operations (account-level): Create/Get/Get…s/Update/DeleteApiKey as a declared collection, and
ImportApiKeys (spec control-plane-2 §7).

A key's value is answered by Create always, by GetApiKey with `includeValue` and GetApiKeys with `includeValues`,
never by Update [INF]. `nameQuery` is a prefix match [UNK → §7.2], `customerId` an exact one. DeleteApiKey also
takes the key out of every usage plan [INF].
"""

from __future__ import annotations

from typing import Any

from apigw_mock.control.collections import Collection, Params, register_crud
from apigw_mock.control.registry import operation
from apigw_mock.domain import api_key as rules
from apigw_mock.domain.api_key import ApiKey, KeyPatch
from apigw_mock.domain.backend import API_ID_LENGTH, ApiGatewayBackend
from apigw_mock.domain.stage_refs import api_stage_exists
from apigw_mock.exceptions import BadRequestException
from apigw_mock.paging import PagedDict


def _keys(backend: ApiGatewayBackend, params: Params) -> PagedDict[str, ApiKey]:
    return backend.api_keys


def _create(backend: ApiGatewayBackend, params: Params, members: Params) -> ApiKey:
    key = rules.new_api_key(members, _exists(backend), backend.now(), taken=backend.api_key_values)
    backend.api_key_values[key.value or ""] = key.id
    return key


def _exists(backend: ApiGatewayBackend) -> rules.StageExists:
    return lambda rest_api_id, stage_name: api_stage_exists(backend, rest_api_id, stage_name)


_SHOWN_BY = {"get": "include_value", "list": "include_values"}  # Update never shows the value [INF]


def _view(verb: str, key: ApiKey, params: Params) -> ApiKey:
    return key if params.get(_SHOWN_BY.get(verb, "")) else key.model_copy(update={"value": None})


def _matches(key: ApiKey, params: Params) -> bool:
    prefix, customer = params.get("name_query"), params.get("customer_id")
    return (not prefix or (key.name or "").startswith(prefix)) and (not customer or key.customer_id == customer)


def _forget(backend: ApiGatewayBackend, params: Params, key: ApiKey) -> None:
    backend.api_key_values.pop(key.value or "", None)
    for members in backend.usage_plan_keys.values():
        members.pop(key.id, None)


API_KEYS = Collection(
    model=ApiKey,
    noun="ApiKey",
    container=_keys,
    key="api_key",
    not_found=rules.NOT_FOUND,
    id_length=API_ID_LENGTH,
    create=_create,
    before_delete=_forget,
    patch_context=lambda backend, params: KeyPatch(_exists(backend), backend.now()),
    matches=_matches,
    view=_view,
    arn="/apikeys/{}",
)
register_crud(API_KEYS)


@operation("ImportApiKeys")
def import_api_keys(backend: ApiGatewayBackend, *, body: bytes, format: str, fail_on_warnings: bool = False) -> Any:
    rows, warnings = rules.read_csv(body)
    warnings += [
        f"Invalid usage plan in line {row.line}: {plan}"
        for row in rows
        for plan in row.usage_plan_ids
        if plan not in backend.usage_plans
    ]  # [UNK]
    if warnings and fail_on_warnings:
        raise BadRequestException(f"API Key import failed with warnings: {'; '.join(warnings)}")  # [UNK]
    return {"ids": [_import(backend, row) for row in rows], "warnings": warnings}


def _import(backend: ApiGatewayBackend, row: rules.CsvRow) -> str:
    """Store one row: a key with the same value is overwritten in place of a new one [DOC]."""
    now = backend.now()
    fields: dict[str, Any] = {"name": row.name, "description": row.description, "enabled": row.enabled}
    known = backend.api_key_values.get(row.key)
    if known is not None:
        key = backend.api_keys[known].model_copy(update={**fields, "last_updated_date": now})
    else:
        key = ApiKey(id=backend.new_id(API_ID_LENGTH), value=row.key, created_date=now, last_updated_date=now, **fields)
        backend.api_key_values[row.key] = key.id
    backend.api_keys[key.id] = key
    for plan in row.usage_plan_ids:
        if plan in backend.usage_plan_keys:
            backend.usage_plan_keys[plan][key.id] = key.id
    return key.id
