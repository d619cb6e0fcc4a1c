"""The Method `PATCHABLE` table (UpdateMethod, spec §3.3, §4.4), pure (no boto3): every path x op as `(node, ops) ->
node | error`, with the vocabulary of tests/support/patch_tables.py. The same behaviour through boto3:
test_method_updates.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from apigw_mock.domain.method import Method
from tests.helpers import ONLY_REPLACE
from tests.support.patch_tables import MAPPING, REFS, Error, Ops, bad, missing, op, run, wire

NO_AUTH = (
    "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a"
    " valid authorizer."
)
METHOD = Method(http_method="GET", authorization_type="NONE")
METHOD_WIRE = wire(METHOD)
Q = "method.request.querystring.optional"
Q_PATH = f"/requestParameters/{Q}"
JSON_MODEL = "/requestModels/application~1json"


def method_with(**changes: Any) -> dict[str, Any]:
    merged = {**METHOD_WIRE, **changes}
    return {key: value for key, value in merged.items() if value is not None}


def method(**fields: Any) -> Method:
    return Method(**{"http_method": "GET", "authorization_type": "NONE", **fields})


METHOD_CASES: dict[str, tuple[Method, Ops, dict[str, Any] | Error]] = {
    "/authorizationType replace": (
        METHOD,
        [op("replace", "/authorizationType", "AWS_IAM")],
        method_with(authorizationType="AWS_IAM"),
    ),
    "/authorizationType replace upper-cases": (
        METHOD,
        [op("replace", "/authorizationType", "aws_iam")],
        method_with(authorizationType="AWS_IAM"),
    ),
    "/authorizationType CUSTOM without authorizer": (
        METHOD,
        [op("replace", "/authorizationType", "CUSTOM")],
        bad(NO_AUTH),
    ),
    "/authorizationType COGNITO without authorizer": (
        METHOD,
        [op("replace", "/authorizationType", "COGNITO_USER_POOLS")],
        bad(NO_AUTH),
    ),
    "/authorizationType CUSTOM with invalid authorizer": (
        METHOD,
        [op("replace", "/authorizationType", "CUSTOM"), op("replace", "/authorizerId", "nosuch")],
        bad(NO_AUTH),
    ),
    "/authorizationType CUSTOM with valid authorizer": (
        METHOD,
        [op("replace", "/authorizationType", "CUSTOM"), op("replace", "/authorizerId", "auth01")],
        method_with(authorizationType="CUSTOM", authorizerId="auth01"),
    ),
    "/authorizationType away from CUSTOM drops authorizer": (
        method(authorization_type="CUSTOM", authorizer_id="auth01"),
        [op("replace", "/authorizationType", "NONE")],
        METHOD_WIRE,
    ),
    "/authorizationType add": (METHOD, [op("add", "/authorizationType", "NONE")], bad(ONLY_REPLACE)),
    "/authorizationType remove": (METHOD, [op("remove", "/authorizationType")], bad(ONLY_REPLACE)),
    "/authorizationType bad value": (
        METHOD,
        [op("replace", "/authorizationType", "OAUTH")],
        bad("Invalid authorization type specified. Valid options are NONE,AWS_IAM,CUSTOM,COGNITO_USER_POOLS"),
    ),
    "/authorizerId replace on NONE is ignored": (METHOD, [op("replace", "/authorizerId", "abc123")], METHOD_WIRE),
    "/authorizerId replace on CUSTOM": (
        method(authorization_type="CUSTOM", authorizer_id="old"),
        [op("replace", "/authorizerId", "auth01")],
        method_with(authorizationType="CUSTOM", authorizerId="auth01"),
    ),
    "/authorizerId add": (METHOD, [op("add", "/authorizerId", "auth01")], bad(ONLY_REPLACE)),
    "/authorizerId remove": (METHOD, [op("remove", "/authorizerId")], bad(ONLY_REPLACE)),
    "/apiKeyRequired replace true": (
        METHOD,
        [op("replace", "/apiKeyRequired", "true")],
        method_with(apiKeyRequired=True),
    ),
    "/apiKeyRequired replace TRUE": (
        METHOD,
        [op("replace", "/apiKeyRequired", "TRUE")],
        method_with(apiKeyRequired=True),
    ),
    "/apiKeyRequired replace whatever": (
        method(api_key_required=True),
        [op("replace", "/apiKeyRequired", "whatever")],
        METHOD_WIRE,
    ),
    "/apiKeyRequired add": (METHOD, [op("add", "/apiKeyRequired", "true")], bad(ONLY_REPLACE)),
    "/apiKeyRequired remove": (METHOD, [op("remove", "/apiKeyRequired")], bad(ONLY_REPLACE)),
    "/operationName replace": (
        METHOD,
        [op("replace", "/operationName", "ListPets")],
        method_with(operationName="ListPets"),
    ),
    "/operationName add": (METHOD, [op("add", "/operationName", "ListPets")], bad(ONLY_REPLACE)),
    "/operationName remove": (METHOD, [op("remove", "/operationName")], bad(ONLY_REPLACE)),
    "/requestValidatorId replace": (
        METHOD,
        [op("replace", "/requestValidatorId", "val001")],
        method_with(requestValidatorId="val001"),
    ),
    "/requestValidatorId replace unknown": (
        METHOD,
        [op("replace", "/requestValidatorId", "nosuch")],
        bad("Invalid Request Validator identifier specified"),
    ),
    "/requestValidatorId replace empty": (
        METHOD,
        [op("replace", "/requestValidatorId", "")],
        bad("Invalid Request Validator identifier specified"),
    ),
    "/requestValidatorId replace null clears": (
        method(request_validator_id="val001"),
        [op("replace", "/requestValidatorId")],
        METHOD_WIRE,
    ),
    "/requestValidatorId add (op before value)": (
        METHOD,
        [op("add", "/requestValidatorId", "nosuch")],
        bad(ONLY_REPLACE),
    ),
    "/requestValidatorId remove": (METHOD, [op("remove", "/requestValidatorId")], bad(ONLY_REPLACE)),
    "/requestParameters/k add true": (METHOD, [op("add", Q_PATH, "true")], method_with(requestParameters={Q: True})),
    "/requestParameters/k add other": (METHOD, [op("add", Q_PATH, "yes")], method_with(requestParameters={Q: False})),
    "/requestParameters/k add no value": (METHOD, [op("add", Q_PATH)], method_with(requestParameters={Q: False})),
    "/requestParameters/k replace false": (
        method(request_parameters={Q: True}),
        [op("replace", Q_PATH, "false")],
        method_with(requestParameters={Q: False}),
    ),
    "/requestParameters/k replace missing": (
        METHOD,
        [op("replace", Q_PATH, "true")],
        missing("Invalid parameter name specified"),
    ),
    "/requestParameters/k remove last": (method(request_parameters={Q: True}), [op("remove", Q_PATH)], METHOD_WIRE),
    "/requestParameters/k remove missing": (
        METHOD,
        [op("remove", Q_PATH)],
        missing("Invalid parameter name specified"),
    ),
    "/requestParameters/k malformed name": (
        METHOD,
        [op("add", "/requestParameters/true", "true")],
        bad(MAPPING.format("true")),
    ),
    "/requestParameters/k same name in two locations": (
        method(request_parameters={Q: True}),
        [op("add", "/requestParameters/method.request.header.optional", "true")],
        bad("Parameter names must be unique across querystring, header and path"),
    ),
    "/requestParameters/k rename across locations in one request": (
        method(request_parameters={Q: True}),
        [op("add", "/requestParameters/method.request.header.optional", "true"), op("remove", Q_PATH)],
        method_with(requestParameters={"method.request.header.optional": True}),
    ),
    "/requestParameters bare": (
        METHOD,
        [op("replace", "/requestParameters", "true")],
        bad("Invalid patch path /requestParameters"),
    ),
    "/requestModels/k add": (
        METHOD,
        [op("add", JSON_MODEL, "Empty")],
        method_with(requestModels={"application/json": "Empty"}),
    ),
    "/requestModels/k add unknown model": (
        METHOD,
        [op("add", JSON_MODEL, "petModel")],
        bad("Invalid model identifier specified: petModel"),
    ),
    "/requestModels/k add null model": (
        METHOD,
        [op("add", JSON_MODEL)],
        bad("Invalid model identifier specified: null"),
    ),
    "/requestModels/k replace": (
        method(request_models={"application/json": "Empty"}),
        [op("replace", JSON_MODEL, "Error")],
        method_with(requestModels={"application/json": "Error"}),
    ),
    "/requestModels/k replace missing": (
        METHOD,
        [op("replace", JSON_MODEL, "Empty")],
        missing("Content-Type specified was not found"),
    ),
    "/requestModels/k remove last": (
        method(request_models={"application/json": "Empty"}),
        [op("remove", JSON_MODEL)],
        METHOD_WIRE,
    ),
    "/requestModels/k remove missing": (
        METHOD,
        [op("remove", JSON_MODEL)],
        missing("Content-Type specified was not found"),
    ),
    "/requestModels unescaped slash": (
        METHOD,
        [op("add", "/requestModels/application/json", "Empty")],
        bad("Invalid patch path /requestModels/application/json"),
    ),
    "/requestModels bare": (METHOD, [op("add", "/requestModels", "Empty")], bad("Invalid patch path /requestModels")),
    "/authorizationScopes/k add": (
        METHOD,
        [op("add", "/authorizationScopes/read~1pets")],
        method_with(authorizationScopes=["read/pets"]),
    ),
    "/authorizationScopes/k remove last": (
        method(authorization_scopes=["read"]),
        [op("remove", "/authorizationScopes/read")],
        METHOD_WIRE,
    ),
    "/authorizationScopes/k replace": (
        METHOD,
        [op("replace", "/authorizationScopes/read", "write")],
        bad("Invalid patch operation specified. Must be one of: [add, remove]"),
    ),
    "/authorizationScopes bare add/remove by value": (
        method(authorization_scopes=["a"]),
        [op("add", "/authorizationScopes", "b"), op("remove", "/authorizationScopes", "a")],
        method_with(authorizationScopes=["b"]),
    ),
    "/httpMethod add": (METHOD, [op("add", "/httpMethod", "POST")], bad("Invalid patch path /httpMethod")),
    "/httpMethod replace": (METHOD, [op("replace", "/httpMethod", "POST")], bad("Invalid patch path /httpMethod")),
    "/methodResponses is not patchable": (
        METHOD,
        [op("add", "/methodResponses/200", "x")],
        bad("Invalid patch path /methodResponses/200"),
    ),
    "unknown path": (METHOD, [op("replace", "/foo", "x")], bad("Invalid patch path /foo")),
    "atomic: later op fails": (
        METHOD,
        [op("replace", "/operationName", "ListPets"), op("replace", "/requestValidatorId", "nosuch")],
        bad("Invalid Request Validator identifier specified"),
    ),
    "ops in order": (
        METHOD,
        [op("add", Q_PATH, "true"), op("replace", Q_PATH, "false")],
        method_with(requestParameters={Q: False}),
    ),
}


@pytest.mark.parametrize(("node", "ops", "expected"), METHOD_CASES.values(), ids=METHOD_CASES.keys())
def test_method_table(node: Method, ops: Ops, expected: dict[str, Any] | Error) -> None:
    run(node, ops, expected, context=REFS)
