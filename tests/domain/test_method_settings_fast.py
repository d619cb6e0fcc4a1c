"""`domain.stage.with_setting`: UpdateStage's change to a stored method setting makes what validating the dumped
entry made (the stage's own conversion, before): the same values in every field, of the same types.

Property-tested for every method-setting path (`/{resource}/{verb}/{group}/{setting}`) with wire values its
parser takes, on stored entries holding any valid values (explicit nulls included); a value the parser refuses
raises before either path runs. End to end, UpdateStage's result equals the stage validated from its own dump.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apigw_mock.domain.stage import _SETTINGS, MethodSetting, Stage, StageContext, with_setting
from apigw_mock.dump import dump
from apigw_mock.exceptions import ApiGatewayError
from apigw_mock.patch import apply_patch

NOW = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
WIRE = st.one_of(
    st.sampled_from(["true", "false", "TRUE", "OFF", "ERROR", "INFO", "0", "300", "3600", "12.5", "1e3", ""]),
    st.sampled_from(["FAIL_WITH_403", "SUCCEED_WITH_RESPONSE_HEADER", "SUCCEED_WITHOUT_RESPONSE_HEADER"]),
    st.integers(-5, 5000).map(str),
    st.text(max_size=4),
    st.none(),
)
STORED = st.fixed_dictionaries(
    {},
    optional={
        "metricsEnabled": st.none() | st.booleans(),
        "loggingLevel": st.none() | st.sampled_from(["OFF", "ERROR", "INFO"]),
        "dataTraceEnabled": st.none() | st.booleans(),
        "throttlingBurstLimit": st.none() | st.integers(0, 5000),
        "throttlingRateLimit": st.none() | st.floats(0, 1e4),
        "cachingEnabled": st.none() | st.booleans(),
        "cacheTtlInSeconds": st.none() | st.integers(0, 3600),
        "cacheDataEncrypted": st.none() | st.booleans(),
        "requireAuthorizationForCacheControl": st.none() | st.booleans(),
        "unauthorizedCacheControlHeaderStrategy": st.none()
        | st.sampled_from(["FAIL_WITH_403", "SUCCEED_WITH_RESPONSE_HEADER"]),
    },
)


def _state(node: MethodSetting) -> tuple[Any, ...]:
    return tuple((name, getattr(node, name), type(getattr(node, name))) for name in node.__struct_fields__)


def _parsed(path: str, wire: str | None) -> tuple[str, Any] | None:
    alias, parse = _SETTINGS[path]
    try:
        return alias, parse(wire)
    except ApiGatewayError:
        return None


@pytest.mark.parametrize("path", sorted(_SETTINGS))
@given(stored=STORED, wire=WIRE)
def test_with_setting_is_the_validated_dump(path: str, stored: dict[str, Any], wire: str | None) -> None:
    parsed = _parsed(path, wire)
    if parsed is None:
        return
    alias, value = parsed
    current = MethodSetting.model_validate(stored)
    name = next(name for name, field in MethodSetting.model_fields.items() if field.encode_name == alias)
    expected = MethodSetting.model_validate({**dump(current), alias: value})
    made = with_setting(current, name, value)
    assert _state(made) == _state(expected)
    assert made == expected
    assert _state(current) == _state(MethodSetting.model_validate(stored))  # untouched


@given(stored=STORED, data=st.data())
def test_update_stage_stores_what_validation_makes(stored: dict[str, Any], data: st.DataObject) -> None:
    stage = Stage.model_validate(
        {"stageName": "dev", "createdDate": NOW, "lastUpdatedDate": NOW, "methodSettings": {"*/*": stored}}
    )
    paths = data.draw(st.lists(st.sampled_from(sorted(_SETTINGS)), min_size=1, max_size=4))
    methods = data.draw(st.lists(st.sampled_from(["*/*", "~1pets/GET"]), min_size=len(paths), max_size=len(paths)))
    wires = data.draw(st.lists(WIRE, min_size=len(paths), max_size=len(paths)))
    operations = [
        {"op": "replace", "path": f"/{method}/{path}", "value": wire}
        for method, path, wire in zip(methods, paths, wires, strict=True)
    ]
    try:
        updated = apply_patch(stage, operations, rules=Stage.PATCHABLE, context=StageContext((), NOW))
    except ApiGatewayError:
        return
    revalidated = Stage.model_validate(dump(updated, keep_none=False))
    assert updated == revalidated
    touched = set(methods)  # keys as sent (`~1pets/GET`)
    for key, entry in updated.method_settings.items():
        assert type(entry) is MethodSetting
        if key in touched:  # as converting its dump makes it
            assert _state(entry) == _state(revalidated.method_settings[key])
        else:  # an entry the patch did not touch is the stored one
            assert entry is stage.method_settings[key]
