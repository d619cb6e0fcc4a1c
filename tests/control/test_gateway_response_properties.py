"""Property tests for UpdateGatewayResponse and PutGatewayResponse fed with arbitrary input.

Whatever the request (valid or invalid paths, ops, values, unicode, JSON nulls, wrong JSON types — client-side
validation is off), the mock answers with success or a modelled AWS error; a failed request leaves every gateway
response of the API exactly as before (patches are all-or-nothing, spec §4.1 [UNK] recommended choice); a
successful one returns exactly what a following Get shows.

Examples per test: at least 50, more under `HYPOTHESIS_PROFILE=long` (profiles in conftest.py).
"""

from __future__ import annotations

from typing import Any

import boto3
import botocore.config
from botocore.exceptions import ClientError
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from apigw_mock.domain.gateway_response import BUILT_IN
from tests.support.calls import bound

AWS_ERRORS = {"BadRequestException", "NotFoundException", "ValidationException", "SerializationException"}
TYPES = sorted(BUILT_IN)
PROPERTY_SETTINGS = settings(
    max_examples=max(50, settings().max_examples),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
ABSENT = object()  # a member left out of the request, as opposed to an explicit JSON null

unicode_text = st.text(max_size=12)
parameter_keys = st.one_of(
    st.sampled_from(
        [
            "gatewayresponse.header.Access-Control-Allow-Origin",
            "gatewayresponse.querystring.q",
            "gatewayresponse.path.p",
            "gatewayresponse.body.x",
            "method.response.header.X",
            "gatewayresponse.header.",
        ]
    ),
    unicode_text.map(lambda name: f"gatewayresponse.header.{name}"),
    unicode_text,
)
parameter_values = st.one_of(
    st.sampled_from(["'*'", "''", "method.request.header.Origin", "context.requestId", "stageVariables.v", "bare"]),
    unicode_text.map(lambda text: f"'{text}'"),
    unicode_text,
)
template_keys = st.one_of(st.sampled_from(["application/json", "application/xml", "text/plain"]), unicode_text)
values = st.sampled_from(
    [
        st.just(ABSENT),
        st.none(),
        st.sampled_from(["400", "444", "599", "600", "099", "4000", ""]),
        parameter_values,
        parameter_values,
        parameter_values,
    ]
    * 3
    + [st.integers()]  # now and then a number where a string belongs: SerializationException
).flatmap(lambda strategy: strategy)


def _encode(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


paths = st.one_of(
    st.just(ABSENT),
    st.none(),
    st.just("/statusCode"),
    parameter_keys.map(lambda key: f"/responseParameters/{_encode(key)}"),
    template_keys.map(lambda key: f"/responseTemplates/{_encode(key)}"),
    st.sampled_from(["/responseParameters", "/responseTemplates", "/wrongPath", "/", "", "/defaultResponse"]),
    template_keys.map(lambda key: f"/responseTemplates/{key}"),  # unescaped: an unknown path when it has a `/`
    unicode_text,
)
# Mostly supported ops, so that many examples get past validation and reach the patch rules.
ops = st.sampled_from(["add", "replace", "remove"] * 4 + ["move", "copy", "test", "wrong-op"])


@st.composite
def arbitrary_operations(draw: st.DrawFn) -> dict[str, Any]:
    operation: dict[str, Any] = {"op": draw(ops)}
    for member, strategy in (("path", paths), ("value", values)):
        drawn = draw(strategy)
        if drawn is not ABSENT:
            operation[member] = drawn
    return operation


names = st.text(st.characters(exclude_categories=("Z", "C")), min_size=1, max_size=8)  # no whitespace
well_formed_operations = st.one_of(
    st.builds(
        lambda code: {"op": "replace", "path": "/statusCode", "value": code},
        st.from_regex(r"[1-5][0-9]{2}", fullmatch=True),
    ),
    st.builds(
        lambda op, name, text: {
            "op": op,
            "path": "/responseParameters/" + _encode(f"gatewayresponse.header.{name}"),
            "value": f"'{text}'",
        },
        st.sampled_from(["add", "replace"]),
        st.one_of(st.just("Access-Control-Allow-Origin"), names),
        unicode_text,
    ),
    st.builds(
        lambda op, key, text: {"op": op, "path": "/responseTemplates/" + _encode(key), "value": text},
        st.sampled_from(["add", "replace"]),
        template_keys,
        st.text(min_size=1, max_size=12),
    ),
    st.builds(
        lambda path: {"op": "remove", "path": path},
        st.sampled_from(
            [
                "/responseParameters/gatewayresponse.header.Access-Control-Allow-Origin",
                "/responseTemplates/application~1json",
                "/responseTemplates/application~1xml",
            ]
        ),
    ),
)
patch_operations = st.one_of(well_formed_operations, arbitrary_operations())


put_bodies = st.fixed_dictionaries(
    {},
    optional={
        "statusCode": st.one_of(st.sampled_from(["400", "451", "599", "600", "20"]), unicode_text),
        "responseParameters": st.dictionaries(parameter_keys, st.one_of(st.none(), parameter_values), max_size=3),
        "responseTemplates": st.dictionaries(template_keys, st.one_of(st.none(), unicode_text), max_size=3),
    },
)


def _raw_client() -> Any:
    return boto3.client(
        "apigateway", region_name="us-east-1", config=botocore.config.Config(parameter_validation=False)
    )


def _snapshot(client: Any, api_id: str) -> list[dict[str, Any]]:
    return list(client.get_gateway_responses(restApiId=api_id)["items"])


def _record(error: ClientError) -> None:
    """Label the example by error kind, for `--hypothesis-show-statistics`."""
    event(f"{error.response['Error']['Code']}: {error.response['Error']['Message'].split(':')[0][:40]}")


def _fresh_api(client: Any, setup: dict[str, Any] | None) -> str:
    """A new API, with one DEFAULT_4XX customisation when `setup` is given (so derived types are exercised)."""
    api_id: str = client.create_rest_api(name="props")["id"]
    if setup is not None:
        client.put_gateway_response(restApiId=api_id, responseType="DEFAULT_4XX", **setup)
    return api_id


valid_setups = st.one_of(
    st.none(),
    st.just(
        {
            "statusCode": "488",
            "responseParameters": {"gatewayresponse.header.Access-Control-Allow-Origin": "'*'"},
            "responseTemplates": {"application/xml": "<e/>"},
        }
    ),
)


@PROPERTY_SETTINGS
@given(
    response_type=st.sampled_from(TYPES),
    operations=st.lists(patch_operations, max_size=4),
    setup=valid_setups,
)
def test_update_answers_only_modelled_errors_and_is_atomic(
    mock: Any, response_type: str, operations: list[dict[str, Any]], setup: dict[str, Any] | None
) -> None:
    client = _raw_client()
    api_id = _fresh_api(client, setup)
    ids = bound(client, restApiId=api_id, responseType=response_type)
    before = _snapshot(client, api_id)
    try:
        response = client.update_gateway_response(
            restApiId=api_id, responseType=response_type, patchOperations=operations
        )
    except ClientError as error:
        _record(error)
        assert error.response["Error"]["Code"] in AWS_ERRORS
        assert _snapshot(client, api_id) == before
        return
    event("success")
    body = {key: value for key, value in response.items() if key != "ResponseMetadata"}
    assert body["defaultResponse"] is False
    assert body == ids.get_gateway_response()


@PROPERTY_SETTINGS
@given(response_type=st.sampled_from(TYPES), body=put_bodies, setup=valid_setups)
def test_put_answers_only_modelled_errors_and_is_atomic(
    mock: Any, response_type: str, body: dict[str, Any], setup: dict[str, Any] | None
) -> None:
    client = _raw_client()
    api_id = _fresh_api(client, setup)
    ids = bound(client, restApiId=api_id, responseType=response_type)
    before = _snapshot(client, api_id)
    try:
        response = client.put_gateway_response(restApiId=api_id, responseType=response_type, **body)
    except ClientError as error:
        _record(error)
        assert error.response["Error"]["Code"] in AWS_ERRORS
        assert _snapshot(client, api_id) == before
        return
    event("success")
    stored = {key: value for key, value in response.items() if key != "ResponseMetadata"}
    assert stored["defaultResponse"] is False
    assert stored == ids.get_gateway_response()
