# ruff: noqa: E501  (one case per line: these are tables)
"""Pure engine tables (no boto3) for the rule kinds stages brought (multi-key paths, `{key+}`, Copy, Keyed, ByOp,
MapEntry.replace_adds) and for the UpdateStage and UpdateDeployment tables (spec control-plane-2 §3.3, §4.4, §4.5).
Texts marked [UNK] are the spec's recommended choices, unverified against AWS.
"""

from __future__ import annotations

import datetime
from typing import Any, ClassVar

import pytest

from apigw_mock import patch
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.deployment import Deployment
from apigw_mock.domain.stage import METHOD_SETTING_DEFAULTS, CanarySettings, Stage, StageContext
from apigw_mock.exceptions import BadRequestException, NotFoundException
from tests.test_patch import Error, Ops, op, run

T0 = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
CTX = StageContext(deployments={"dep001", "dep002"})
BAD_PATH = "Invalid patch path {}"


# ---- the new mechanics, on a toy model ----------------------------------------------------------------------------


def _record(doc: dict[str, Any], op_: patch.PatchOperation, keys: tuple[str, ...], context: Any) -> None:
    doc["seen"] = {**(doc.get("seen") or {}), "|".join(keys): op_.value or ""}


class Toy(ApiGatewayModel):
    current: str | None = None
    spare: str | None = None
    labels: dict[str, str] | None = None
    seen: dict[str, str] | None = None

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules(
        {
            "/current": patch.ByOp((patch.Field(), patch.Copy("/spare", check=lambda v, k, c: None if v else "no"))),
            "/labels/{key}": patch.MapEntry(missing="no such label", replace_adds=True),
            "/pairs/{key}/{key}": patch.Keyed(_record),
            "/{key+}/{key}/leaf": patch.Keyed(_record, accepts=lambda keys: keys[1].isupper()),
        }
    )


TOY = Toy(spare="s", labels={"a": "1"})

ENGINE_CASES: list[tuple[str, Ops, dict[str, Any] | Error]] = [
    ("byop replace", [op("replace", "/current", "x")], {"current": "x", "spare": "s", "labels": {"a": "1"}}),
    (
        "byop copy",
        [op("copy", "/current", **{"from": "/spare"})],
        {"current": "s", "spare": "s", "labels": {"a": "1"}},
    ),
    (
        "byop lists every op of its rules",
        [op("add", "/current", "x")],
        Error(BadRequestException, "Invalid patch operation specified. Must be one of: [replace, copy]"),
    ),
    ("copy from another path [UNK]", [op("copy", "/current", **{"from": "/labels"})], Error(BadRequestException, BAD_PATH.format("/labels"))),
    ("copy without from [UNK]", [op("copy", "/current")], Error(BadRequestException, BAD_PATH.format("null"))),
    (
        "replace_adds",
        [op("replace", "/labels/b", "2")],
        {"spare": "s", "labels": {"a": "1", "b": "2"}},
    ),
    ("remove absent still NotFound", [op("remove", "/labels/zz")], Error(NotFoundException, "no such label")),
    (
        "two keys, decoded",
        [op("replace", "/pairs/a~1b/c", "v")],
        {"spare": "s", "labels": {"a": "1"}, "seen": {"a/b|c": "v"}},
    ),
    (
        "greedy key kept as sent, split from the right",
        [op("replace", "/x/~1y/z/GET/leaf", "v"), op("replace", "/*/POST/leaf", "w")],
        {"spare": "s", "labels": {"a": "1"}, "seen": {"x/~1y/z|GET": "v", "*|POST": "w"}},
    ),
    ("refused keys are an unknown path", [op("replace", "/x/get/leaf", "v")], Error(BadRequestException, BAD_PATH.format("/x/get/leaf"))),
    ("greedy key needs a segment", [op("replace", "/GET/leaf", "v")], Error(BadRequestException, BAD_PATH.format("/GET/leaf"))),
]  # fmt: skip


@pytest.mark.parametrize(("name", "ops", "expected"), ENGINE_CASES, ids=[case[0] for case in ENGINE_CASES])
def test_engine_rule_kinds(name: str, ops: Ops, expected: dict[str, Any] | Error) -> None:
    run(TOY, ops, expected)


def test_copy_check_failure_changes_nothing() -> None:
    run(Toy(), [op("copy", "/current", **{"from": "/spare"})], Error(BadRequestException, BAD_PATH.format("/spare")))


def test_match_carries_all_keys() -> None:
    found = Toy.PATCHABLE.match("/a/b/GET/leaf")
    assert found is not None and found.keys == ("a/b", "GET") and found.key == "GET"


# ---- UpdateStage ----------------------------------------------------------------------------------------------------

STAGE = Stage(stage_name="dev", deployment_id="dep001", variables={"a": "1"}, created_date=T0, last_updated_date=T0)
CANARY_STAGE = STAGE.model_copy(
    update={
        "canary_settings": CanarySettings(
            percent_traffic=10.0, deployment_id="dep002", stage_variable_overrides={"a": "2", "b": "3"}
        )
    }
)
BASE: dict[str, Any] = {
    "stageName": "dev",
    "deploymentId": "dep001",
    "variables": {"a": "1"},
    "cacheClusterEnabled": False,
    "cacheClusterStatus": "NOT_AVAILABLE",
    "methodSettings": {},
    "tracingEnabled": False,
    "createdDate": T0,
    "lastUpdatedDate": T0,
}


def with_(**changes: Any) -> dict[str, Any]:
    return {key: value for key, value in {**BASE, **changes}.items() if value is not None}


def setting(**changes: Any) -> dict[str, Any]:
    return {**METHOD_SETTING_DEFAULTS, **changes}


ONLY_REPLACE = "Invalid patch operation specified. Must be one of: [replace]"

STAGE_CASES: list[tuple[str, Stage, Ops, dict[str, Any] | Error]] = [
    ("description", STAGE, [op("replace", "/description", "d")], with_(description="d")),
    ("description add", STAGE, [op("add", "/description", "d")], Error(BadRequestException, ONLY_REPLACE)),
    ("deploymentId", STAGE, [op("replace", "/deploymentId", "dep002")], with_(deploymentId="dep002")),
    ("deploymentId missing [UNK]", STAGE, [op("replace", "/deploymentId", "nope")], Error(NotFoundException, "Invalid Deployment identifier specified")),
    ("variable replace creates", STAGE, [op("replace", "/variables/b", "2")], with_(variables={"a": "1", "b": "2"})),
    ("variable add", STAGE, [op("add", "/variables/b", "x:y")], with_(variables={"a": "1", "b": "x:y"})),
    ("variable remove, map disappears", STAGE, [op("remove", "/variables/a")], with_(variables=None)),
    ("variable remove absent [UNK]", STAGE, [op("remove", "/variables/zz")], Error(NotFoundException, "Invalid stage variable name specified")),
    ("variable bad name [UNK]", STAGE, [op("replace", "/variables/a-b", "1")], Error(BadRequestException, "Stage variable names must only contain alphanumeric characters and underscores")),
    ("variable bad value [UNK]", STAGE, [op("replace", "/variables/a", "sp ace")], Error(BadRequestException, "Stage variable values must only contain alphanumeric characters and the characters -._~:/?#&=,")),
    ("bare variables", STAGE, [op("replace", "/variables", "x")], Error(BadRequestException, "Invalid patch operation specified. Must be one of: [copy]")),
    ("cache on: size 0.5 [UNK], AVAILABLE", STAGE, [op("replace", "/cacheClusterEnabled", "true")], with_(cacheClusterEnabled=True, cacheClusterSize="0.5", cacheClusterStatus="AVAILABLE")),
    ("cache size", STAGE, [op("replace", "/cacheClusterSize", "6.1")], with_(cacheClusterSize="6.1")),
    ("cache size bad [UNK]", STAGE, [op("replace", "/cacheClusterSize", "2")], Error(BadRequestException, "Invalid CacheClusterSize specified. Valid options are 0.5,1.6,6.1,13.5,28.4,58.2,118,237")),
    ("tracing", STAGE, [op("replace", "/tracingEnabled", "TRUE")], with_(tracingEnabled=True)),
    ("client certificate", STAGE, [op("replace", "/clientCertificateId", "abc123")], with_(clientCertificateId="abc123")),
    ("documentation version", STAGE, [op("replace", "/documentationVersion", "v1")], with_(documentationVersion="v1")),
    ("access log", STAGE, [op("replace", "/accessLogSettings/format", "$context.requestId $context.status"), op("replace", "/accessLogSettings/destinationArn", "arn:aws:logs:us-east-1:1:log-group:g")], with_(accessLogSettings={"format": "$context.requestId $context.status", "destinationArn": "arn:aws:logs:us-east-1:1:log-group:g"})),
    ("access log format needs requestId [UNK]", STAGE, [op("replace", "/accessLogSettings/format", "$context.status")], Error(BadRequestException, "Access Log format must contain $context.requestId")),
    ("access log remove", STAGE, [op("replace", "/accessLogSettings/format", "$context.requestId"), op("remove", "/accessLogSettings")], with_()),
    ("webAclArn not patchable", STAGE, [op("replace", "/webAclArn", "arn:aws:wafv2:x")], Error(BadRequestException, BAD_PATH.format("/webAclArn"))),
    ("tags not patchable [UNK]", STAGE, [op("replace", "/tags/a", "b")], Error(BadRequestException, BAD_PATH.format("/tags/a"))),
    ("unknown path", STAGE, [op("replace", "/nope", "b")], Error(BadRequestException, BAD_PATH.format("/nope"))),
    ("missing path", STAGE, [{"op": "replace"}], Error(BadRequestException, "Invalid patch path null")),
    # canary
    ("canary created on the stage's deployment", STAGE, [op("replace", "/canarySettings/percentTraffic", "12.5")], with_(canarySettings={"percentTraffic": 12.5, "deploymentId": "dep001", "useStageCache": False})),
    ("canary percent out of range [UNK]", STAGE, [op("replace", "/canarySettings/percentTraffic", "100.5")], Error(BadRequestException, "Canary traffic percentage must be between 0.0 and 100.0")),
    ("canary deployment", CANARY_STAGE, [op("replace", "/canarySettings/deploymentId", "dep001")], with_(canarySettings={"percentTraffic": 10.0, "deploymentId": "dep001", "stageVariableOverrides": {"a": "2", "b": "3"}})),
    ("canary override", CANARY_STAGE, [op("replace", "/canarySettings/stageVariableOverrides/c", "4"), op("remove", "/canarySettings/stageVariableOverrides/a")], with_(canarySettings={"percentTraffic": 10.0, "deploymentId": "dep002", "stageVariableOverrides": {"b": "3", "c": "4"}})),
    ("canary use stage cache", CANARY_STAGE, [op("replace", "/canarySettings/useStageCache", "true")], with_(canarySettings={"percentTraffic": 10.0, "deploymentId": "dep002", "stageVariableOverrides": {"a": "2", "b": "3"}, "useStageCache": True})),
    ("canary remove", CANARY_STAGE, [op("remove", "/canarySettings")], with_()),
    (
        "promotion (DG:promote-canary-deployment)",
        CANARY_STAGE,
        [
            op("copy", "/deploymentId", **{"from": "/canarySettings/deploymentId"}),
            op("copy", "/variables", **{"from": "/canarySettings/stageVariableOverrides"}),
            op("replace", "/canarySettings/percentTraffic", "0.0"),
        ],
        with_(deploymentId="dep002", variables={"a": "2", "b": "3"}, canarySettings={"percentTraffic": 0.0, "deploymentId": "dep002", "stageVariableOverrides": {"a": "2", "b": "3"}}),
    ),
    ("promotion without canary [UNK]", STAGE, [op("copy", "/deploymentId", **{"from": "/canarySettings/deploymentId"})], Error(BadRequestException, BAD_PATH.format("/canarySettings/deploymentId"))),
    ("copy of absent overrides changes nothing [UNK]", STAGE, [op("copy", "/variables", **{"from": "/canarySettings/stageVariableOverrides"})], with_()),
    # method settings (spec §4.5): defaults on the first patch, keys as sent
    ("all methods", STAGE, [op("replace", "/*/*/metrics/enabled", "true")], with_(methodSettings={"*/*": setting(metricsEnabled=True)})),
    ("one method, escaped", STAGE, [op("replace", "/~1pets~1{id}/GET/logging/loglevel", "ERROR")], with_(methodSettings={"~1pets~1{id}/GET": setting(loggingLevel="ERROR")})),
    ("one method, Terraform's unescaped form", STAGE, [op("replace", "/pets/sub/POST/logging/dataTrace", "true")], with_(methodSettings={"pets/sub/POST": setting(dataTraceEnabled=True)})),
    ("throttling", STAGE, [op("replace", "/*/*/throttling/burstLimit", "10"), op("replace", "/*/*/throttling/rateLimit", "2.5")], with_(methodSettings={"*/*": setting(throttlingBurstLimit=10, throttlingRateLimit=2.5)})),
    ("caching", STAGE, [op("replace", "/*/*/caching/enabled", "true"), op("replace", "/*/*/caching/ttlInSeconds", "60"), op("replace", "/*/*/caching/dataEncrypted", "true"), op("replace", "/*/*/caching/requireAuthorizationForCacheControl", "false"), op("replace", "/*/*/caching/unauthorizedCacheControlHeaderStrategy", "FAIL_WITH_403")], with_(methodSettings={"*/*": setting(cachingEnabled=True, cacheTtlInSeconds=60, cacheDataEncrypted=True, requireAuthorizationForCacheControl=False, unauthorizedCacheControlHeaderStrategy="FAIL_WITH_403")})),
    ("ttl out of range [UNK]", STAGE, [op("replace", "/*/*/caching/ttlInSeconds", "3601")], Error(BadRequestException, "Cache ttl must be between 0 and 3600 seconds")),
    ("log level bad [UNK]", STAGE, [op("replace", "/*/*/logging/loglevel", "DEBUG")], Error(BadRequestException, "Invalid LoggingLevel specified. Valid options are OFF,ERROR,INFO")),
    ("throttling -1: disabled, as Terraform sends a limit left out [INF]", STAGE, [op("replace", "/pets/GET/throttling/burstLimit", "-1"), op("replace", "/pets/GET/throttling/rateLimit", "-1.000000")], with_(methodSettings={"pets/GET": setting(throttlingBurstLimit=-1, throttlingRateLimit=-1.0)})),
    ("burst below -1 [UNK]", STAGE, [op("replace", "/*/*/throttling/burstLimit", "-2")], Error(BadRequestException, "Invalid throttling burst limit specified")),
    ("rate below -1 [UNK]", STAGE, [op("replace", "/*/*/throttling/rateLimit", "-1.5")], Error(BadRequestException, "Invalid throttling rate limit specified")),
    ("burst not a number [UNK]", STAGE, [op("replace", "/*/*/throttling/burstLimit", "x")], Error(BadRequestException, "Invalid throttling burst limit specified")),
    ("setting only replace", STAGE, [op("add", "/*/*/metrics/enabled", "true")], Error(BadRequestException, ONLY_REPLACE)),
    ("unknown setting", STAGE, [op("replace", "/*/*/metrics/nope", "true")], Error(BadRequestException, BAD_PATH.format("/*/*/metrics/nope"))),
    ("not a verb", STAGE, [op("replace", "/pets/FETCH/metrics/enabled", "true")], Error(BadRequestException, BAD_PATH.format("/pets/FETCH/metrics/enabled"))),
    ("remove entry", STAGE, [op("replace", "/*/*/metrics/enabled", "true"), op("replace", "/~1a/GET/metrics/enabled", "true"), op("remove", "/*/*")], with_(methodSettings={"~1a/GET": setting(metricsEnabled=True)})),
    ("remove absent entry (tf)", STAGE, [op("remove", "/*/*")], Error(BadRequestException, "Cannot remove method setting */* because there is no method setting for this method")),
    ("atomic: a later failure keeps nothing", STAGE, [op("replace", "/description", "d"), op("replace", "/nope", "x")], Error(BadRequestException, BAD_PATH.format("/nope"))),
]  # fmt: skip


@pytest.mark.parametrize(("name", "node", "ops", "expected"), STAGE_CASES, ids=[case[0] for case in STAGE_CASES])
def test_update_stage_table(name: str, node: Stage, ops: Ops, expected: dict[str, Any] | Error) -> None:
    run(node, ops, expected, context=CTX)


def test_second_patch_of_a_method_setting_keeps_the_first() -> None:
    once = patch.apply_patch(STAGE, [op("replace", "/*/*/metrics/enabled", "true")], context=CTX)
    twice = patch.apply_patch(once, [op("replace", "/*/*/caching/enabled", "true")], context=CTX)
    assert twice.method_settings["*/*"].metrics_enabled is True
    assert twice.method_settings["*/*"].caching_enabled is True


# ---- UpdateDeployment -----------------------------------------------------------------------------------------------

DEPLOYMENT = Deployment(id="dep001", description="first", created_date=T0)
DEPLOYMENT_CASES: list[tuple[str, Ops, dict[str, Any] | Error]] = [
    ("description", [op("replace", "/description", "second")], {"id": "dep001", "description": "second", "createdDate": T0}),
    ("description remove", [op("remove", "/description")], Error(BadRequestException, ONLY_REPLACE)),
    ("canary lives on the stage [UNK]", [op("replace", "/canarySettings/percentTraffic", "1")], Error(BadRequestException, BAD_PATH.format("/canarySettings/percentTraffic"))),
    ("id", [op("replace", "/id", "x")], Error(BadRequestException, BAD_PATH.format("/id"))),
]  # fmt: skip


@pytest.mark.parametrize(("name", "ops", "expected"), DEPLOYMENT_CASES, ids=[case[0] for case in DEPLOYMENT_CASES])
def test_update_deployment_table(name: str, ops: Ops, expected: dict[str, Any] | Error) -> None:
    run(DEPLOYMENT, ops, expected)
