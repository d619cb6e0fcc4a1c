"""Stage: a named pointer at a deployment, with its variables, cache, logging, canary and method settings
(spec control-plane-2 §4).

Contract: `new_stage(...)` builds a stage as CreateStage (or CreateDeployment's `stageName`) does, after AWS's
checks; `redeployed(stage, deployment_id, ...)` is an existing stage after CreateDeployment names it (the canary
moves if there is one, else the stage); `stage_of(graph, name)` finds one or raises `Invalid stage identifier
specified`; `Stage.PATCHABLE` is UpdateStage's whole table, with `StageContext` (the API's deployment ids) as its
context. For the data plane: `serving(graph, name)` is what a stage serves (its deployment's `DeployedApi`, and
its canary's), `method_setting(stage, path, verb)` the settings applied to one method.
Stages are replaced, never edited in place. Texts marked [UNK] are the spec's recommended choices.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar, Literal, get_args

from apigw_mock import patch
from apigw_mock.domain.base import ApiGatewayModel, replaced
from apigw_mock.domain.deployment import INVALID_DEPLOYMENT
from apigw_mock.domain.messages import INVALID_STAGE
from apigw_mock.domain.values import IntRange
from apigw_mock.dump import Double, Timestamp
from apigw_mock.exceptions import BadRequestException, ConflictException, NotFoundException

if TYPE_CHECKING:
    from apigw_mock.domain.graph import ApiGraph
    from apigw_mock.domain.snapshot import DeployedApi

CacheClusterSize = Literal["0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237"]
CacheClusterStatus = Literal[
    "CREATE_IN_PROGRESS", "AVAILABLE", "DELETE_IN_PROGRESS", "NOT_AVAILABLE", "FLUSH_IN_PROGRESS"
]
UnauthorizedCacheControlHeaderStrategy = Literal[
    "FAIL_WITH_403", "SUCCEED_WITH_RESPONSE_HEADER", "SUCCEED_WITHOUT_RESPONSE_HEADER"
]
LoggingLevel = Literal["OFF", "ERROR", "INFO"]

STAGE_EXISTS = "Stage already exists"
STAGES_MAX = 10  # per API [DOC DG:limits]
TOO_MANY_STAGES = f"The maximum number of stages for an API ({STAGES_MAX}) has been reached"  # [UNK] text
BAD_STAGE_NAME = "Stage name only allows a-zA-Z0-9_"  # [UNK] text (spec §4.2)
# [UNK] texts (spec §4.2: AWS's wording for bad stage variables is unrecorded).
BAD_VARIABLE_NAME = "Stage variable names must only contain alphanumeric characters and underscores"
BAD_VARIABLE_VALUE = "Stage variable values must only contain alphanumeric characters and the characters -._~:/?#&=,"
MISSING_VARIABLE = "Invalid stage variable name specified"  # [UNK] remove of an absent variable
DEFAULT_CACHE_SIZE: CacheClusterSize = "0.5"  # [UNK] spec §4.1: enabling a cache without a size
METHOD_VERBS = frozenset({"*", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"})
_STAGE_NAME = re.compile(r"[A-Za-z0-9_-]{1,128}")
_VARIABLE_NAME = re.compile(r"[A-Za-z0-9_]{1,64}")
_VARIABLE_VALUE = re.compile(r"[A-Za-z0-9\-._~:/?#&=,]{1,512}")


class MethodSetting(ApiGatewayModel, kw_only=True):
    metrics_enabled: bool | None = None
    logging_level: LoggingLevel | None = None
    data_trace_enabled: bool | None = None
    throttling_burst_limit: int | None = None
    throttling_rate_limit: Double | None = None
    caching_enabled: bool | None = None
    cache_ttl_in_seconds: int | None = None
    cache_data_encrypted: bool | None = None
    require_authorization_for_cache_control: bool | None = None
    unauthorized_cache_control_header_strategy: UnauthorizedCacheControlHeaderStrategy | None = None


# What a method-settings entry holds when a patch first creates it (spec §4.5 [DOC]; the throttling pair equals the
# account defaults [INF]); `loggingLevel` stays absent until set.
METHOD_SETTING_DEFAULTS: Mapping[str, Any] = {
    "metricsEnabled": False,
    "dataTraceEnabled": False,
    "throttlingBurstLimit": 5000,
    "throttlingRateLimit": 10000.0,
    "cachingEnabled": False,
    "cacheTtlInSeconds": 300,
    "cacheDataEncrypted": False,
    "requireAuthorizationForCacheControl": True,
    "unauthorizedCacheControlHeaderStrategy": "SUCCEED_WITH_RESPONSE_HEADER",
}


class AccessLogSettings(ApiGatewayModel, kw_only=True):
    format: str | None = None
    destination_arn: str | None = None


class CanarySettings(ApiGatewayModel, kw_only=True):
    percent_traffic: Double | None = None
    deployment_id: str | None = None
    stage_variable_overrides: dict[str, str] | None = None
    use_stage_cache: bool | None = None


@dataclass(frozen=True, slots=True)
class StageContext:
    """UpdateStage's patch context: what a stage may point at, and when the update happens."""

    deployments: Collection[str]
    now: datetime.datetime | None = None
    """Stamped as `lastUpdatedDate` by the patch itself (one validation, no copy afterwards); None leaves it."""


# ---- value rules ------------------------------------------------------------------------------------------------


def variables_reason(variables: Mapping[str, Any] | None) -> str | None:
    """Why stage variables (or canary overrides) are invalid (names [A-Za-z0-9_], values spec §4.2), or None."""
    for name, value in (variables or {}).items():
        reason = _variable_reason(value, name, None)
        if reason is not None:
            return reason
    return None


def _variable_reason(value: Any, name: str | None, context: Any) -> str | None:
    if not _VARIABLE_NAME.fullmatch(name or ""):
        return BAD_VARIABLE_NAME
    return None if isinstance(value, str) and _VARIABLE_VALUE.fullmatch(value) else BAD_VARIABLE_VALUE


def _deployment_exists(value: Any, key: str | None, context: StageContext) -> str | None:
    if value not in context.deployments:
        raise NotFoundException(INVALID_DEPLOYMENT)  # [UNK] text (spec §4.2)
    return None


def _enum(values: tuple[str, ...], label: str) -> patch.Parse:
    # [UNK] wording, modelled on the recorded `Invalid EndpointTypes specified. Valid options are ...` family.
    return patch.one_of(values, f"Invalid {label} specified. Valid options are {','.join(values)}")


def _number(message: str, minimum: float, maximum: float) -> patch.Parse:
    """A double in [minimum, maximum] (Java's Double.parseDouble), else BadRequest `message`."""

    def parse(value: str | None) -> float:
        try:
            number = float(value or "")
        except ValueError:
            raise BadRequestException(message) from None
        if not (math.isfinite(number) and minimum <= number <= maximum):
            raise BadRequestException(message)
        return number

    return parse


def _format_reason(value: Any, key: str | None, context: Any) -> str | None:
    # spec §4.4 [CLIENT]: the format must contain $context.requestId; AWS's text is unrecorded [UNK].
    return None if value and "$context.requestId" in value else "Access Log format must contain $context.requestId"


def _arn_reason(value: Any, key: str | None, context: Any) -> str | None:
    return None if value and value.startswith("arn:") else "Invalid ARN specified in the request"  # [UNK] text


# ---- method settings (spec §4.5): `/{resource path}/{verb}/{group}/{setting}`, split from the right ---------------

_SETTINGS: Mapping[str, tuple[str, patch.Parse]] = {
    "metrics/enabled": ("metricsEnabled", patch.boolean),
    "logging/loglevel": ("loggingLevel", _enum(get_args(LoggingLevel), "LoggingLevel")),
    "logging/dataTrace": ("dataTraceEnabled", patch.boolean),
    # -1 is "throttling disabled", the value Terraform sends for a limit left out [INF: CLIENT tf docs]; below it [UNK].
    "throttling/burstLimit": (
        "throttlingBurstLimit",
        IntRange(-1, 2**31 - 1, "Invalid throttling burst limit specified").parse,  # [UNK] text
    ),
    "throttling/rateLimit": (
        "throttlingRateLimit",
        _number("Invalid throttling rate limit specified", -1.0, math.inf),  # [UNK] text
    ),
    "caching/enabled": ("cachingEnabled", patch.boolean),
    "caching/ttlInSeconds": (
        "cacheTtlInSeconds",
        IntRange(0, 3600, "Cache ttl must be between 0 and 3600 seconds").parse,  # [UNK] text; range DG:limits
    ),
    "caching/dataEncrypted": ("cacheDataEncrypted", patch.boolean),
    "caching/requireAuthorizationForCacheControl": ("requireAuthorizationForCacheControl", patch.boolean),
    "caching/unauthorizedCacheControlHeaderStrategy": (
        "unauthorizedCacheControlHeaderStrategy",
        _enum(get_args(UnauthorizedCacheControlHeaderStrategy), "UnauthorizedCacheControlHeaderStrategy"),
    ),
}


def _is_method(keys: tuple[str, ...]) -> bool:
    return keys[1] in METHOD_VERBS


def _setting_key(keys: tuple[str, ...]) -> str:
    """The methodSettings key: the resource path as sent (`~1pets`, `pets`, `*`), `/`, the verb (spec §18.6)."""
    return f"{keys[0]}/{keys[1]}"


def _set_method_setting(field: str, parse: patch.Parse) -> patch.Keyed:
    name = _SETTING_FIELDS[field]

    def apply_to(doc: dict[str, Any], op: patch.PatchOperation, keys: tuple[str, ...], context: Any) -> None:
        settings = dict(doc.get("methodSettings") or {})
        key = _setting_key(keys)
        current = settings.get(key)
        if type(current) is MethodSetting:  # stored: the entry made valid, at once (no dump, no re-validation)
            settings[key] = with_setting(current, name, parse(op.value))
        else:  # new, or already set by this patch: validated with the stage
            entry = dict(current or METHOD_SETTING_DEFAULTS)
            entry[field] = parse(op.value)
            settings[key] = entry
        doc["methodSettings"] = settings

    return patch.Keyed(apply_to, accepts=_is_method)


_SETTING_FIELDS = {field.encode_name: name for name, field in MethodSetting.model_fields.items()}
"""A method setting's wire name -> its field name."""


def with_setting(current: MethodSetting, name: str, value: Any) -> MethodSetting:
    """What the stage's conversion makes of `{**dump(current), <name's wire name>: value}`, for a `value` the
    path's parser made (of the field's type already): `current` with `value` in `name`.
    `tests/domain/test_method_settings_fast.py` proves the two agree."""
    return replaced(current, {name: value})


def _remove_method_setting(doc: dict[str, Any], op: patch.PatchOperation, keys: tuple[str, ...], _: Any) -> None:
    settings = dict(doc.get("methodSettings") or {})
    key = _setting_key(keys)
    if key not in settings:
        # spec §2 [CLIENT]: the text Terraform quotes.
        raise BadRequestException(
            f"Cannot remove method setting {key} because there is no method setting for this method"
        )
    del settings[key]
    doc["methodSettings"] = settings


def _settle(doc: dict[str, Any], context: StageContext) -> None:
    """After all ops: a canary created by a patch starts on the stage's deployment (spec §4.4 [DOC]), with no
    traffic and no stage cache [INF]; the cache status and size follow `cacheClusterEnabled`; the context's
    `now`, when given, is the new `lastUpdatedDate`."""
    canary = doc.get("canarySettings")
    if canary is not None:
        canary = dict(canary)
        canary.setdefault("percentTraffic", 0.0)
        canary.setdefault("useStageCache", False)
        if canary.get("deploymentId") is None:
            canary["deploymentId"] = doc.get("deploymentId")
        doc["canarySettings"] = canary
    settle_cache(doc)
    if context.now is not None:
        doc["lastUpdatedDate"] = context.now


def settle_cache(doc: dict[str, Any]) -> None:
    """`cacheClusterStatus` jumps to its end state (spec §4.1); an enabled cache without a size gets 0.5 [UNK]."""
    enabled = bool(doc.get("cacheClusterEnabled"))
    doc["cacheClusterStatus"] = "AVAILABLE" if enabled else "NOT_AVAILABLE"
    if enabled and doc.get("cacheClusterSize") is None:
        doc["cacheClusterSize"] = DEFAULT_CACHE_SIZE


_OPTIONAL_TEXT = patch.Field(parse=lambda value: value or None)  # an empty value clears it [UNK]
_VARIABLE = patch.MapEntry(missing=MISSING_VARIABLE, check=_variable_reason, replace_adds=True)


class Stage(ApiGatewayModel, kw_only=True):
    deployment_id: str | None = None
    client_certificate_id: str | None = None
    stage_name: str
    description: str | None = None
    cache_cluster_enabled: bool = False
    cache_cluster_size: CacheClusterSize | None = None
    cache_cluster_status: CacheClusterStatus = "NOT_AVAILABLE"
    method_settings: dict[str, MethodSetting] = {}
    """Always present: `*/*` or `<resource path as sent>/<VERB>` -> settings."""
    variables: dict[str, str] | None = None
    documentation_version: str | None = None
    access_log_settings: AccessLogSettings | None = None
    canary_settings: CanarySettings | None = None
    tracing_enabled: bool = False
    web_acl_arn: str | None = None
    tags: dict[str, str] | None = None
    created_date: Timestamp
    last_updated_date: Timestamp

    # UpdateStage (spec §4.4). Context: StageContext. `/webAclArn` and `/tags/...` are not patchable (unknown path).
    PATCHABLE: ClassVar[patch.PatchRules[StageContext]] = patch.PatchRules(
        {
            "/description": patch.Field(),
            "/deploymentId": patch.ByOp(
                (
                    patch.Field(check=_deployment_exists),
                    patch.Copy("/canarySettings/deploymentId", check=_deployment_exists),  # promotion
                )
            ),
            "/variables/{key}": _VARIABLE,
            # Promotion: the overrides replace the whole map [UNK, spec §18.7]; without overrides nothing changes [UNK].
            "/variables": patch.Copy("/canarySettings/stageVariableOverrides", optional=True),
            "/cacheClusterEnabled": patch.Field(parse=patch.boolean),
            "/cacheClusterSize": patch.Field(parse=_enum(get_args(CacheClusterSize), "CacheClusterSize")),
            "/tracingEnabled": patch.Field(parse=patch.boolean),
            "/clientCertificateId": _OPTIONAL_TEXT,  # [INF] stored as sent: the mock has no client certificates yet
            "/documentationVersion": _OPTIONAL_TEXT,
            "/accessLogSettings": patch.Field(ops=frozenset({"remove"})),
            "/accessLogSettings/destinationArn": patch.Field(check=_arn_reason),
            "/accessLogSettings/format": patch.Field(check=_format_reason),
            "/canarySettings": patch.Field(ops=frozenset({"remove"})),
            "/canarySettings/percentTraffic": patch.Field(
                parse=_number("Canary traffic percentage must be between 0.0 and 100.0", 0.0, 100.0)  # [UNK] text
            ),
            "/canarySettings/useStageCache": patch.Field(parse=patch.boolean),
            "/canarySettings/deploymentId": patch.Field(check=_deployment_exists),
            "/canarySettings/stageVariableOverrides/{key}": _VARIABLE,
            # Method settings last: their patterns would otherwise take any long enough path.
            **{f"/{{key+}}/{{key}}/{path}": _set_method_setting(*rule) for path, rule in _SETTINGS.items()},
            "/{key+}/{key}": patch.Keyed(_remove_method_setting, ops=frozenset({"remove"}), accepts=_is_method),
        },
        finish=_settle,
    )


# ---- lookups and construction ------------------------------------------------------------------------------------


def stage_of(graph: ApiGraph | None, stage_name: str) -> Stage:
    """The stage, or NotFound `Invalid stage identifier specified` (spec §2, recorded)."""
    found = graph.stages.get(stage_name) if graph is not None else None
    if found is None:
        raise NotFoundException(INVALID_STAGE)
    return found


def check_stage_name(graph: ApiGraph, stage_name: str) -> None:
    """A new stage (CreateStage, or CreateDeployment naming a missing one): AWS's charset for its name (text
    [UNK]), not already used (Conflict, recorded), and room for it: 10 stages per API [DOC DG:limits] (BadRequest
    and text [UNK], as the spec's other limits)."""
    if not _STAGE_NAME.fullmatch(stage_name):
        raise BadRequestException(BAD_STAGE_NAME)
    if stage_name in graph.stages:
        raise ConflictException(STAGE_EXISTS)
    if len(graph.stages) >= STAGES_MAX:
        raise BadRequestException(TOO_MANY_STAGES)


def check_variables(*maps: Mapping[str, Any] | None) -> None:
    """Stage variables and canary overrides as CreateStage/CreateDeployment receive them."""
    for variables in maps:
        reason = variables_reason(variables)
        if reason is not None:
            raise BadRequestException(reason)


def new_stage(stage_name: str, deployment_id: str, now: datetime.datetime, **fields: Any) -> Stage:
    """A stage as created (defaults of spec §4.1: cache off and NOT_AVAILABLE, tracing off, methodSettings {})."""
    given = {key: value for key, value in fields.items() if value is not None}
    doc: dict[str, Any] = {
        "stageName": stage_name,
        "deploymentId": deployment_id,
        "createdDate": now,
        "lastUpdatedDate": now,
        **{_camel(key): value for key, value in given.items()},
    }
    doc["variables"] = doc.get("variables") or None
    doc["tags"] = doc.get("tags") or None
    if doc.get("canarySettings") is not None and not doc["canarySettings"].get("deploymentId"):
        # [INF] a canary naming no deployment starts on the stage's own, as one created by UpdateStage does (§4.4)
        doc["canarySettings"] = {**doc["canarySettings"], "deploymentId": deployment_id}
    settle_cache(doc)
    return Stage.model_validate(doc)


def redeployed(
    stage: Stage, deployment_id: str, now: datetime.datetime, canary: Mapping[str, Any] | None, **fields: Any
) -> Stage:
    """`stage` after CreateDeployment names it (spec §3.1): with `canary` (the request's canarySettings) the stage
    gets that canary on the new deployment; else an existing canary moves; else the stage moves, the request's
    stage fields update it (`stageDescription` replaces the description, variables merge key by key [UNK])."""
    update: dict[str, Any] = {"last_updated_date": now}
    if canary is not None:
        update["canary_settings"] = CanarySettings.model_validate({**canary, "deploymentId": deployment_id})
    elif stage.canary_settings is not None:
        update["canary_settings"] = replaced(stage.canary_settings, {"deployment_id": deployment_id})
    else:
        update["deployment_id"] = deployment_id
        update.update({key: value for key, value in fields.items() if value is not None and key != "variables"})
        if fields.get("variables"):
            update["variables"] = {**(stage.variables or {}), **fields["variables"]}
        enabled = update.get("cache_cluster_enabled", stage.cache_cluster_enabled)
        update["cache_cluster_status"] = "AVAILABLE" if enabled else "NOT_AVAILABLE"  # as `settle_cache`
        if enabled and update.get("cache_cluster_size", stage.cache_cluster_size) is None:
            update["cache_cluster_size"] = DEFAULT_CACHE_SIZE
    # Every value is already valid (protocol validation, or built above): a copy, not a re-validation.
    return replaced(stage, update)


def deployed_stage(
    graph: ApiGraph,
    stage_name: str | None,
    deployment_id: str,
    now: datetime.datetime,
    canary: Mapping[str, Any] | None,
    **fields: Any,
) -> Stage | None:
    """The stage CreateDeployment creates or re-points (spec §3.1), checked before anything is stored; None when it
    names no stage (`""` reads as absent [UNK]). A canary needs an existing stage (NotFound [UNK])."""
    if not stage_name:
        if canary is not None:
            raise NotFoundException(INVALID_STAGE)
        return None
    check_variables(fields.get("variables"), (canary or {}).get("stageVariableOverrides"))
    current = graph.stages.get(stage_name)
    if current is not None:
        return redeployed(current, deployment_id, now, canary, **fields)
    if canary is not None:
        raise NotFoundException(INVALID_STAGE)
    check_stage_name(graph, stage_name)
    return new_stage(stage_name, deployment_id, now, **fields)


def check_canary_target(graph: ApiGraph, canary: Mapping[str, Any] | None) -> None:
    """CreateStage's canary must name an existing deployment when it names one [INF]."""
    target = (canary or {}).get("deploymentId")
    if target is not None and target not in graph.deployments:
        raise NotFoundException(INVALID_DEPLOYMENT)


@dataclass(frozen=True, slots=True)
class Serving:
    """What one stage serves right now (the data plane's entry point): the stage, its deployment's frozen API and,
    with a canary, the canary's. Which of the two answers a request is the data plane's draw: `canary_percent` of
    requests go to `canary`. Stage variables and method settings are live (spec §4.5: no redeploy needed)."""

    stage: Stage
    deployment_id: str
    api: DeployedApi
    canary_deployment_id: str | None = None
    canary: DeployedApi | None = None
    canary_percent: float = 0.0

    def variables(self, *, canary: bool = False) -> dict[str, str]:
        """The stage variables a request sees: the canary's overrides on top of the stage's when it is served
        by the canary."""
        own = dict(self.stage.variables or {})
        overrides = self.stage.canary_settings.stage_variable_overrides if self.stage.canary_settings else None
        return {**own, **(overrides or {})} if canary else own


def serving(graph: ApiGraph, stage_name: str) -> Serving | None:
    """What `stage_name` serves, or None when the API has no such stage. O(1)."""
    stage = graph.stages.get(stage_name)
    if stage is None or stage.deployment_id is None:
        return None
    record = graph.deployments[stage.deployment_id]
    canary = stage.canary_settings
    target = graph.deployments.get(canary.deployment_id) if canary and canary.deployment_id else None
    if canary is None or target is None:
        return Serving(stage, stage.deployment_id, record.api)
    return Serving(
        stage, stage.deployment_id, record.api, target.deployment.id, target.api, canary.percent_traffic or 0.0
    )


def method_setting(stage: Stage, resource_path: str, verb: str) -> MethodSetting | None:
    """The settings the data plane applies to `verb` on `resource_path` (`/pets/{id}`): the method's own entry
    (under its `~1`-escaped or plain key), else `*/*`. Entries do not inherit from `*/*` (spec §4.5 [INF])."""
    escaped = resource_path.replace("~", "~0").replace("/", "~1")
    for key in (f"{escaped}/{verb}", f"{resource_path.lstrip('/')}/{verb}", "*/*"):
        found = stage.method_settings.get(key)
        if found is not None:
            return found
    return None


@cache
def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)
