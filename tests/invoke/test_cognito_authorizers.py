"""COGNITO_USER_POOLS authorizers at invoke time (spec §7.8, §8.3.2, §9.4, §12.1): ID tokens, access tokens and
scopes, expiry on the data plane's clock, issuer / audience / signature checks, the claims templates and Lambda
proxy events see, TestInvokeAuthorizer, and tokens issued by moto's Cognito beside apigw_mock.

[INF]/[UNK] pinned here (see `invoke/guards/cognito.py`): a `Bearer ` prefix is accepted; `exp`/`iat` claims read
as Java dates; the proxy event carries `scopes` for methods with scopes; the 401 body is the default
`{"message":"Unauthorized"}`.
"""

from __future__ import annotations

import base64
import datetime
import json
import logging
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
import requests

from apigw_mock import MockApiGateway
from apigw_mock.testing.user_pools import UserPool
from tests.invoke.builder import ApiBuilder

POOL_ARN = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Orders"
OTHER_ARN = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Other"
CLIENT = "orders-web-client"
LAMBDA_ARN = "arn:aws:lambda:us-east-1:123456789012:function:whoami"
MOCK = {"type": "MOCK", "requestTemplates": {"application/json": '{"statusCode": 200}'}}
URI = f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{LAMBDA_ARN}/invocations"
PROXY = {"type": "AWS_PROXY", "integrationHttpMethod": "POST", "uri": URI}
CLAIMS_TEMPLATE = (
    '{"user": "$context.authorizer.claims[\'cognito:username\']", "email": "$context.authorizer.claims.email", '
    '"tier": "$context.authorizer.claims[\'custom:tier\']", "all": "$context.authorizer.claims", '
    '"exp": "$context.authorizer.claims.exp"}'
)
UNAUTHORIZED = (401, '{"message":"Unauthorized"}')


def authorizer(api: ApiBuilder, *arns: str, **extra: Any) -> str:
    created = api.client.create_authorizer(
        restApiId=api.id,
        name=f"pool-{len(extra)}-{len(arns)}",
        type="COGNITO_USER_POOLS",
        providerARNs=list(arns),
        identitySource="method.request.header.Authorization",
        **extra,
    )
    return str(created["id"])


def guarded(api: ApiBuilder, path: str, authorizer_id: str, template: str = "{}", **method: Any) -> None:
    responses = {"200": {"selectionPattern": "", "responseTemplates": {"application/json": template}}}
    api.method(
        path,
        "GET",
        MOCK,
        responses,
        authorizationType="COGNITO_USER_POOLS",
        authorizerId=authorizer_id,
        **method,
    )


@pytest.fixture
def pool(mock: MockApiGateway) -> UserPool:
    return mock.user_pool(POOL_ARN)


@pytest.fixture
def events(mock: MockApiGateway) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        seen.append(event)
        return {"statusCode": 200, "body": "ok"}

    mock.register_lambda(LAMBDA_ARN, handler)
    return seen


@pytest.fixture
def stage(api: ApiBuilder, pool: UserPool, events: list[dict[str, Any]]) -> ApiBuilder:
    """`/me` (ID tokens, claims template), `/orders` (scopes), `/web` (audience checked), `/proxy` (a Lambda)."""
    plain = authorizer(api, OTHER_ARN, POOL_ARN)
    guarded(api, "/me", plain, CLAIMS_TEMPLATE)
    guarded(api, "/orders", plain, authorizationScopes=["orders/read", "orders/write"])
    guarded(api, "/web", authorizer(api, POOL_ARN, identityValidationExpression="orders-web-.*"))
    api.method("/proxy", "GET", PROXY, authorizationType="COGNITO_USER_POOLS", authorizerId=plain)
    api.deploy()
    return api


def call(api: ApiBuilder, path: str, token: str | None) -> requests.Response:
    return requests.get(api.url(path), headers={"Authorization": token} if token is not None else {})


def answer(response: requests.Response) -> tuple[int, str]:
    return response.status_code, response.text


def test_an_id_token_reaches_the_integration_with_its_claims(stage: ApiBuilder, pool: UserPool) -> None:
    token = pool.id_token(CLIENT, "alice", claims={"email": "alice@example.com", "custom:tier": "gold"})
    response = call(stage, "/me", token)
    assert response.status_code == 200
    body = response.json()
    assert body["user"] == "alice" and body["email"] == "alice@example.com" and body["tier"] == "gold"
    assert body["all"] == ""  # `$context.authorizer.claims` alone is null
    assert call(stage, "/me", f"Bearer {token}").json()["user"] == "alice"


def test_no_token_or_not_a_token_is_401(stage: ApiBuilder) -> None:
    missing = call(stage, "/me", None)
    assert answer(missing) == UNAUTHORIZED
    assert missing.headers["x-amzn-ErrorType"] == "UnauthorizedException"
    assert "x-amzn-RequestId" in missing.headers
    for junk in ("", "Bearer ", "not-a-jwt", "a.b.c", "Basic dXNlcjpwYXNz"):
        assert answer(call(stage, "/me", junk)) == UNAUTHORIZED, junk


def test_expiry_follows_the_data_plane_clock(stage: ApiBuilder, pool: UserPool, mock: MockApiGateway) -> None:
    mock.clock.set(datetime.datetime(2030, 1, 1, 12, 0, 0))
    token = pool.id_token(CLIENT, "alice", expires_in=600)
    assert call(stage, "/me", token).status_code == 200
    mock.clock.advance(599)
    assert call(stage, "/me", token).status_code == 200
    mock.clock.advance(1)
    assert answer(call(stage, "/me", token)) == UNAUTHORIZED
    assert call(stage, "/me", token).status_code == 401


def test_exp_and_iat_claims_read_as_java_dates(stage: ApiBuilder, pool: UserPool, mock: MockApiGateway) -> None:
    mock.clock.set(datetime.datetime(2020, 5, 15, 5, 49, 48))
    token = pool.id_token(CLIENT, "alice")
    assert call(stage, "/me", token).json()["exp"] == "Fri May 15 06:49:48 UTC 2020"


def test_the_issuer_must_be_one_of_the_authorizers_pools(
    stage: ApiBuilder, pool: UserPool, mock: MockApiGateway
) -> None:
    other = mock.user_pool(OTHER_ARN)  # listed in `/me`'s authorizer, not in `/web`'s
    assert call(stage, "/me", other.id_token(CLIENT)).status_code == 200
    assert answer(call(stage, "/web", other.id_token(CLIENT))) == UNAUTHORIZED
    stranger = mock.user_pool("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Stranger")
    assert answer(call(stage, "/me", stranger.id_token(CLIENT))) == UNAUTHORIZED


def test_a_token_claiming_the_pool_but_signed_by_another_key_is_401(
    stage: ApiBuilder, pool: UserPool, mock: MockApiGateway
) -> None:
    other = mock.user_pool(OTHER_ARN)
    forged = other.sign({**claims_of(pool.id_token(CLIENT, "alice")), "iss": pool.issuer})
    assert answer(call(stage, "/me", forged)) == UNAUTHORIZED


def test_tampered_tokens_are_401(stage: ApiBuilder, pool: UserPool) -> None:
    header, payload, signature = pool.id_token(CLIENT, "alice").split(".")
    flipped = signature[:10] + ("A" if signature[10] != "A" else "B") + signature[11:]
    assert answer(call(stage, "/me", f"{header}.{payload}.{flipped}")) == UNAUTHORIZED
    claims = {**json.loads(_unpad(payload)), "cognito:username": "mallory"}
    forged_payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    assert answer(call(stage, "/me", f"{header}.{forged_payload}.{signature}")) == UNAUTHORIZED
    unsigned_header = base64.urlsafe_b64encode(b'{"alg":"none"}').decode().rstrip("=")
    assert answer(call(stage, "/me", f"{unsigned_header}.{payload}.")) == UNAUTHORIZED


def test_without_scopes_only_id_tokens_pass(stage: ApiBuilder, pool: UserPool) -> None:
    assert answer(call(stage, "/me", pool.access_token(CLIENT, scopes=["orders/read"]))) == UNAUTHORIZED
    assert answer(call(stage, "/me", pool.sign(claims_of(pool.id_token(CLIENT)) | {"token_use": "x"}))) == UNAUTHORIZED


def test_with_scopes_an_access_token_holding_one_of_them_passes(stage: ApiBuilder, pool: UserPool) -> None:
    assert call(stage, "/orders", pool.access_token(CLIENT, scopes=["profile", "orders/write"])).status_code == 200
    assert answer(call(stage, "/orders", pool.access_token(CLIENT, scopes=["profile"]))) == UNAUTHORIZED
    assert answer(call(stage, "/orders", pool.access_token(CLIENT, scopes=[]))) == UNAUTHORIZED
    assert answer(call(stage, "/orders", pool.id_token(CLIENT, claims={"scope": "orders/read"}))) == UNAUTHORIZED


def test_identity_validation_expression_matches_the_audience(stage: ApiBuilder, pool: UserPool) -> None:
    assert call(stage, "/web", pool.id_token("orders-web-client")).status_code == 200
    assert answer(call(stage, "/web", pool.id_token("orders-mobile-client"))) == UNAUTHORIZED
    assert answer(call(stage, "/web", pool.id_token("x-orders-web-client"))) == UNAUTHORIZED  # a full match


def test_the_proxy_event_carries_the_claims_as_strings(
    stage: ApiBuilder, pool: UserPool, events: list[dict[str, Any]], mock: MockApiGateway
) -> None:
    mock.clock.set(datetime.datetime(2020, 5, 15, 5, 49, 48))
    token = pool.id_token(CLIENT, "alice", claims={"email_verified": True, "cognito:groups": ["admin", "ops"]})
    assert call(stage, "/proxy", token).status_code == 200
    authorizer_view = events[-1]["requestContext"]["authorizer"]
    assert set(authorizer_view) == {"claims"}
    claims = authorizer_view["claims"]
    assert claims["cognito:username"] == "alice" and claims["aud"] == CLIENT and claims["token_use"] == "id"
    assert claims["iss"] == "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Orders"
    assert (claims["email_verified"], claims["cognito:groups"]) == ("true", "admin,ops")
    assert (claims["iat"], claims["exp"], claims["auth_time"]) == (
        "Fri May 15 05:49:48 UTC 2020",
        "Fri May 15 06:49:48 UTC 2020",
        "1589521788",
    )
    assert all(isinstance(value, str) for value in claims.values())
    assert events[-1]["requestContext"]["identity"]["cognitoIdentityId"] is None


def test_the_proxy_event_of_a_scoped_method_lists_the_tokens_scopes(
    api: ApiBuilder, pool: UserPool, events: list[dict[str, Any]]
) -> None:
    api.method(
        "/proxy",
        "GET",
        PROXY,
        authorizationType="COGNITO_USER_POOLS",
        authorizerId=authorizer(api, POOL_ARN),
        authorizationScopes=["orders/read"],
    )
    api.deploy()
    assert call(api, "/proxy", pool.access_token(CLIENT, "bob", scopes=["orders/read", "profile"])).status_code == 200
    seen = events[-1]["requestContext"]["authorizer"]
    assert seen["scopes"] == ["orders/read", "profile"] and seen["claims"]["username"] == "bob"


def test_claims_reach_parameter_mappings(api: ApiBuilder, pool: UserPool) -> None:
    responses = {
        "200": {
            "selectionPattern": "",
            "responseParameters": {
                "method.response.header.X-User": "context.authorizer.claims.sub",
                "method.response.header.X-All": "context.authorizer.claims",
            },
        }
    }
    api.method(
        "/me",
        "GET",
        MOCK,
        responses,
        authorizationType="COGNITO_USER_POOLS",
        authorizerId=authorizer(api, POOL_ARN),
    )
    api.deploy()
    token = pool.id_token(CLIENT, "alice")
    response = call(api, "/me", token)
    assert response.headers["X-User"] == claims_of(token)["sub"] and "X-All" not in response.headers


def test_a_customised_unauthorized_response_answers_refusals(api: ApiBuilder) -> None:
    guarded(api, "/me", authorizer(api, POOL_ARN))
    api.client.put_gateway_response(
        restApiId=api.id,
        responseType="UNAUTHORIZED",
        statusCode="401",
        responseTemplates={"application/json": '{"error": "login required", "type": "$context.error.responseType"}'},
        responseParameters={"gatewayresponse.header.WWW-Authenticate": "'Bearer'"},
    )
    api.deploy()
    refused = call(api, "/me", None)
    assert answer(refused) == (401, '{"error": "login required", "type": "UNAUTHORIZED"}')
    assert refused.headers["WWW-Authenticate"] == "Bearer"


def test_a_pool_with_no_known_keys_is_401_and_says_why(api: ApiBuilder, caplog: pytest.LogCaptureFixture) -> None:
    guarded(api, "/me", authorizer(api, POOL_ARN))
    api.deploy()
    token = UserPool(POOL_ARN).id_token(CLIENT)  # signed, but never registered
    with caplog.at_level(logging.WARNING, logger="apigw_mock.invoke"):
        assert answer(call(api, "/me", token)) == UNAUTHORIZED
    assert "no signing keys for user pool" in caplog.text and POOL_ARN in caplog.text


def test_register_user_pool_takes_a_jwks_for_tokens_signed_elsewhere(api: ApiBuilder, mock: MockApiGateway) -> None:
    from joserfc import jwt
    from joserfc.jwk import RSAKey

    key = RSAKey.generate_key(2048, parameters={"kid": "mine"})
    mock.register_user_pool(POOL_ARN, {"keys": [key.as_dict(private=False)]})
    guarded(api, "/me", authorizer(api, POOL_ARN), CLAIMS_TEMPLATE)
    api.deploy()
    now = int(datetime.datetime.now(datetime.UTC).timestamp())
    issuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Orders"
    claims = {"iss": issuer, "aud": CLIENT, "token_use": "id", "exp": now + 60, "cognito:username": "carol"}
    token = jwt.encode({"alg": "RS256", "kid": "mine"}, claims, key)
    assert call(api, "/me", token).json()["user"] == "carol"
    with pytest.raises(ValueError, match="not a user pool ARN"):
        mock.register_user_pool("arn:aws:iam::123456789012:role/x", {"keys": []})
    with pytest.raises(ValueError, match="JSON Web Key Set"):
        mock.register_user_pool(POOL_ARN, {"keys": [{"kty": "nonsense"}]})


def test_a_token_verified_before_is_refused_once_its_pool_has_other_keys(
    stage: ApiBuilder, pool: UserPool, mock: MockApiGateway
) -> None:
    token = pool.id_token(CLIENT, "alice")
    assert call(stage, "/me", token).status_code == 200
    assert call(stage, "/me", token).status_code == 200  # verified once, remembered
    mock.user_pool(POOL_ARN)  # the pool's keys rotated: a new key set
    assert answer(call(stage, "/me", token)) == UNAUTHORIZED


def test_registrations_end_with_reset(api: ApiBuilder, pool: UserPool, mock: MockApiGateway) -> None:
    token = pool.id_token(CLIENT)
    mock.reset()
    fresh = ApiBuilder(api.client)
    guarded(fresh, "/me", authorizer(fresh, POOL_ARN))
    fresh.deploy()
    assert answer(call(fresh, "/me", token)) == UNAUTHORIZED


def test_direct_invoke_checks_tokens_too(stage: ApiBuilder, pool: UserPool, mock: MockApiGateway) -> None:
    reply = mock.invoke(stage.id, "dev", "GET", "/me", headers={"Authorization": pool.id_token(CLIENT, "dora")})
    assert (reply.status, reply.json()["user"]) == (200, "dora")
    assert mock.invoke(stage.id, "dev", "GET", "/me").status == 401


# ---- TestInvokeAuthorizer ------------------------------------------------------------------------------------------


def test_test_invoke_authorizer_verifies_the_token_and_returns_its_claims(
    api: ApiBuilder, pool: UserPool, mock: MockApiGateway
) -> None:
    authorizer_id = authorizer(api, POOL_ARN)
    token = pool.id_token(CLIENT, "erin", claims={"email": "erin@example.com"})
    passed = api.client.test_invoke_authorizer(
        restApiId=api.id, authorizerId=authorizer_id, headers={"Authorization": token}
    )
    assert passed["clientStatus"] == 0
    assert passed["claims"]["cognito:username"] == "erin" and passed["claims"]["email"] == "erin@example.com"
    assert passed["log"].startswith(f"Starting authorizer: {authorizer_id} for request: ")
    refused = api.client.test_invoke_authorizer(restApiId=api.id, authorizerId=authorizer_id, headers={})
    assert refused["clientStatus"] == 401 and "claims" not in refused
    mock.clock.advance(3600)
    expired = api.client.test_invoke_authorizer(
        restApiId=api.id, authorizerId=authorizer_id, headers={"authorization": token}
    )
    assert expired["clientStatus"] == 401 and "expired" in expired["log"]


# ---- moto's Cognito beside apigw_mock -------------------------------------------------------------------------------

PASSWORD = "Corr3ct-Horse!"


@pytest.fixture(params=["moto outside", "moto inside"])
def moto_pool(request: pytest.FixtureRequest) -> Iterator[dict[str, Any]]:
    """moto's `mock_aws` (it answers cognito-idp and the pool's JWKS URL) beside apigw_mock, in either nesting order
    (both start before the first deployment); a user pool with a client and a confirmed user, as a test using moto
    would set them up."""
    from moto import mock_aws

    from apigw_mock import mock_apigateway

    outer, inner = (
        (mock_aws(), mock_apigateway()) if request.param == "moto outside" else (mock_apigateway(), mock_aws())
    )
    with outer, inner:
        idp = boto3.client("cognito-idp", region_name="us-east-1")
        pool = idp.create_user_pool(PoolName="orders")["UserPool"]
        client_id = idp.create_user_pool_client(
            UserPoolId=pool["Id"], ClientName="web", ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH"]
        )["UserPoolClient"]["ClientId"]
        idp.admin_create_user(UserPoolId=pool["Id"], Username="frank", MessageAction="SUPPRESS")
        idp.admin_set_user_password(UserPoolId=pool["Id"], Username="frank", Password=PASSWORD, Permanent=True)
        yield {"idp": idp, "arn": pool["Arn"], "id": pool["Id"], "client_id": client_id}


def moto_tokens(found: dict[str, Any], flow: str = "admin") -> dict[str, Any]:
    parameters = {"USERNAME": "frank", "PASSWORD": PASSWORD}
    if flow == "admin":
        result = found["idp"].admin_initiate_auth(
            UserPoolId=found["id"], ClientId=found["client_id"], AuthFlow="ADMIN_NO_SRP_AUTH", AuthParameters=parameters
        )
    else:
        result = found["idp"].initiate_auth(
            ClientId=found["client_id"], AuthFlow="USER_PASSWORD_AUTH", AuthParameters=parameters
        )
    return dict(result["AuthenticationResult"])


@pytest.mark.parametrize("flow", ["admin", "user"])
def test_tokens_moto_issues_are_accepted(moto_pool: dict[str, Any], flow: str) -> None:
    apigateway = boto3.client("apigateway", region_name="us-east-1")
    api = ApiBuilder(apigateway)
    plain = authorizer(api, moto_pool["arn"])
    guarded(api, "/me", plain, CLAIMS_TEMPLATE)
    guarded(api, "/admin", plain, authorizationScopes=["aws.cognito.signin.user.admin"])
    api.deploy()
    tokens = moto_tokens(moto_pool, flow)
    assert call(api, "/me", tokens["IdToken"]).json()["user"] == "frank"
    assert call(api, "/admin", tokens["AccessToken"]).status_code == 200
    assert answer(call(api, "/me", tokens["AccessToken"])) == UNAUTHORIZED
    assert answer(call(api, "/admin", tokens["IdToken"])) == UNAUTHORIZED
    # apigw_mock still answers the apigateway client while moto is active (moto has no such API)
    assert [item["id"] for item in apigateway.get_rest_apis()["items"]] == [api.id]
    assert apigateway.get_authorizer(restApiId=api.id, authorizerId=plain)["providerARNs"] == [moto_pool["arn"]]


def test_a_moto_token_of_another_pool_is_401(moto_pool: dict[str, Any]) -> None:
    api = ApiBuilder(boto3.client("apigateway", region_name="us-east-1"))
    other = moto_pool["idp"].create_user_pool(PoolName="other")["UserPool"]["Arn"]
    guarded(api, "/me", authorizer(api, other))
    api.deploy()
    assert answer(call(api, "/me", moto_tokens(moto_pool)["IdToken"])) == UNAUTHORIZED


def test_test_invoke_authorizer_accepts_moto_tokens(moto_pool: dict[str, Any]) -> None:
    api = ApiBuilder(boto3.client("apigateway", region_name="us-east-1"))
    authorizer_id = authorizer(api, moto_pool["arn"])
    token = moto_tokens(moto_pool)["IdToken"]
    found = api.client.test_invoke_authorizer(
        restApiId=api.id, authorizerId=authorizer_id, headers={"Authorization": token}
    )
    assert found["clientStatus"] == 0 and found["claims"]["cognito:username"] == "frank"


def claims_of(token: str) -> dict[str, Any]:
    return dict(json.loads(_unpad(token.split(".")[1])))


def _unpad(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
