"""The gateway-response catalogue as the domain holds it (pure, no boto3): the 21 types in AWS's enum order,
each type's family and default status, `effective` (customisation over family default over built-in), and the
mapping-expression checks of gateway-response parameters.
"""

from __future__ import annotations

import typing

import pytest

from apigw_mock.domain.enums import GatewayResponseType
from apigw_mock.domain.gateway_response import BUILT_IN, GatewayResponse, effective
from apigw_mock.domain.mapping import gateway_response_parameter_reason as mapping_violation
from apigw_mock.domain.mapping import invalid_expression as invalid_mapping
from apigw_mock.protocol.validation import AWS_ENUM_ORDER
from tests.support.gateway_responses import ALLOW_ORIGIN


def test_catalogue_lists_every_type_in_aws_enum_order() -> None:
    assert tuple(BUILT_IN) == AWS_ENUM_ORDER["GatewayResponseType"]
    assert set(BUILT_IN) == set(typing.get_args(GatewayResponseType))


@pytest.mark.parametrize("response_type", list(BUILT_IN))
def test_catalogue_family_matches_status_class(response_type: GatewayResponseType) -> None:
    status, family = BUILT_IN[response_type]
    if response_type.startswith("DEFAULT_"):
        assert (status, family) == (None, None)
    else:
        assert status is not None and family == f"DEFAULT_{status[0]}XX"


def test_effective_prefers_customisation_over_family_default() -> None:
    family = GatewayResponse.put("DEFAULT_5XX", "599")
    own = GatewayResponse.put("AUTHORIZER_FAILURE", "501")
    customised = {"DEFAULT_5XX": family, "AUTHORIZER_FAILURE": own}
    assert effective(customised, "AUTHORIZER_FAILURE") is own
    assert effective(customised, "INTEGRATION_FAILURE").status_code == "599"
    assert effective(customised, "THROTTLED") == GatewayResponse.built_in("THROTTLED")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        (ALLOW_ORIGIN, "''"),
        ("gatewayresponse.header.X", "method.request.multivalueheader.X"),
        ("gatewayresponse.querystring.q", "method.request.multivaluequerystring.q"),
        ("gatewayresponse.header.X", "context.authorizer.principalId"),
        ("gatewayresponse.header.X", "'it''s a static value'"),
    ],
)
def test_mapping_accepts(key: str, value: str) -> None:
    assert mapping_violation(key, value) is None


@pytest.mark.parametrize(
    ("key", "value", "rejected"),
    [
        ("gatewayresponse.header.", "'*'", "gatewayresponse.header."),
        ("gatewayresponse.header.X Y", "'*'", "gatewayresponse.header.X Y"),
        ("gatewayresponse.header.X", "method.request.body.x", "method.request.body.x"),
        ("gatewayresponse.header.X", "'unterminated", "'unterminated"),
        ("gatewayresponse.header.X", "stageVariables.", "stageVariables."),
    ],
)
def test_mapping_rejects_the_first_bad_part(key: str, value: str, rejected: str) -> None:
    assert mapping_violation(key, value) == invalid_mapping(rejected)
