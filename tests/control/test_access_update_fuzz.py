"""Fuzzing the access-control Update operations with random patch lists, through boto3 with client-side validation
off (strategies from tests/test_update_fuzz.py, plus this family's values). Whatever is sent: the only errors are
modelled AWS errors, a failed patch changes nothing (the Get and the whole account-level state are unchanged), and
a successful patch answers what a later Get shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec import Struct

from apigw_mock import MockApiGateway, mock_apigateway
from apigw_mock.domain.account import Account
from apigw_mock.domain.api_key import ApiKey
from apigw_mock.domain.authorizer import Authorizer
from apigw_mock.domain.client_certificate import ClientCertificate
from apigw_mock.domain.request_validator import RequestValidator
from apigw_mock.domain.usage_plan import UsagePlan
from apigw_mock.patch import PatchRules
from tests.test_update_fuzz import ALLOWED_ERRORS, EXAMPLES, JUNK_PATHS, KEYS, OPS, VALUES, call, shown

REGION = "us-east-1"
URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations"
MORE_VALUES = st.one_of(
    VALUES,
    st.sampled_from(
        [
            "TOKEN",
            "REQUEST",
            "COGNITO_USER_POOLS",
            "method.request.header.Auth",
            "method.request.header.A,method.request.querystring.q",
            "arn:aws:cognito-idp:us-east-1:1:userpool/p",
            "0",
            "3600",
            "3601",
            "1.5",
            "DAY",
            "WEEK",
            "YEAR",
            "api:dev",
            "api/dev",
            "UsagePlans",
        ]
    ),
)
EXTRA_PATHS = st.sampled_from(
    ["/apiStages/api:dev/throttle//pets/GET/rateLimit", "/apiStages/x", "/apiStages/api:dev/throttle/a", "/stages"]
)


def paths(rules: PatchRules) -> st.SearchStrategy[str | None]:
    patterned = st.tuples(st.sampled_from(rules.patterns), KEYS).map(lambda pk: pk[0].replace("{key}", pk[1]))
    return st.one_of(patterned, patterned, EXTRA_PATHS, JUNK_PATHS, st.none())


def patch_lists(rules: PatchRules) -> st.SearchStrategy[list[dict[str, Any]]]:
    operation = st.fixed_dictionaries({"op": OPS, "path": paths(rules)}, optional={"value": MORE_VALUES})
    return st.lists(operation, max_size=4)


@dataclass(frozen=True)
class Surface:
    update: str
    get: str
    model: type[Struct]
    address: Callable[[dict[str, Any]], dict[str, str]]


SURFACES = [
    Surface("UpdateAuthorizer", "GetAuthorizer", Authorizer, lambda g: g["authorizer"]),
    Surface("UpdateRequestValidator", "GetRequestValidator", RequestValidator, lambda g: g["validator"]),
    Surface("UpdateApiKey", "GetApiKey", ApiKey, lambda g: g["key"]),
    Surface("UpdateUsagePlan", "GetUsagePlan", UsagePlan, lambda g: g["plan"]),
    Surface("UpdateClientCertificate", "GetClientCertificate", ClientCertificate, lambda g: g["certificate"]),
    Surface("UpdateAccount", "GetAccount", Account, lambda g: {}),
]


def build(client: Any) -> dict[str, Any]:
    api = client.create_rest_api(name="fuzz")["id"]
    authorizer = client.create_authorizer(
        restApiId=api, name="a", type="TOKEN", authorizerUri=URI, identitySource="method.request.header.Auth"
    )["id"]
    validator = client.create_request_validator(restApiId=api, name="v")["id"]
    plan = client.create_usage_plan(name="p", throttle={"rateLimit": 1.0}, quota={"limit": 5, "period": "DAY"})["id"]
    certificate = client.generate_client_certificate(description="c")["clientCertificateId"]
    return {
        "authorizer": {"restApiId": api, "authorizerId": authorizer},
        "validator": {"restApiId": api, "requestValidatorId": validator},
        "key": {"apiKey": client.create_api_key(name="k")["id"]},
        "plan": {"usagePlanId": plan},
        "certificate": {"clientCertificateId": certificate},
    }


def white_box(mock: MockApiGateway) -> Any:
    backend = mock.backend(REGION)
    graphs = [(list(g.authorizers.items()), list(g.request_validators.items())) for g in backend.apis.values()]
    plans = {plan: list(keys) for plan, keys in backend.usage_plan_keys.items()}
    return (
        graphs,
        list(backend.api_keys.items()),
        list(backend.usage_plans.items()),
        plans,
        list(backend.client_certificates.items()),
        backend.account,
    )


@pytest.mark.parametrize("surface", SURFACES, ids=[surface.update for surface in SURFACES])
def test_update_answers_modelled_errors_atomically(surface: Surface) -> None:
    rules: PatchRules = surface.model.PATCHABLE  # type: ignore[attr-defined]

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(patch_operations=patch_lists(rules))
    def fuzz(patch_operations: list[dict[str, Any]]) -> None:
        with mock_apigateway() as mock:
            client = boto3.client("apigateway", region_name=REGION, config=Config(parameter_validation=False))
            address = surface.address(build(client))
            before, whole_before = shown(call(client, surface.get, address)), white_box(mock)
            try:
                updated = shown(call(client, surface.update, {**address, "patchOperations": patch_operations}))
            except ClientError as error:
                assert error.response["Error"]["Code"] in ALLOWED_ERRORS, error.response
                assert shown(call(client, surface.get, address)) == before
                assert white_box(mock) == whole_before
                return
            assert updated == shown(call(client, surface.get, address))

    fuzz()
