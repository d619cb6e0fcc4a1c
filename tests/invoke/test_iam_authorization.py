"""AWS_IAM methods at invoke time (spec §12.1, §9.4): unsigned calls get 403 Missing Authentication Token, SigV4-signed
ones (botocore's signer: header and presigned URL) pass with `$context.identity` filled; plus the pure SigV4 parsing
(`apigw_mock.sigv4`) and one round trip over loopback HTTP in server mode, Cognito included.

[UNK] pinned here (see `invoke/guards/iam.py`): the identity values derived from the access key id; the signature
itself is not checked. [INF] the credential-scope texts (`Credential should be scoped to ...`).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from botocore.auth import SigV4Auth, SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from apigw_mock import MockApiGateway, sigv4
from apigw_mock.server import running_server
from apigw_mock.state import STATE
from apigw_mock.testing.user_pools import UserPool
from tests.invoke.builder import ApiBuilder, server_client

LAMBDA_ARN = "arn:aws:lambda:us-east-1:123456789012:function:whoami"
MOCK = {"type": "MOCK", "requestTemplates": {"application/json": '{"statusCode": 200}'}}
IDENTITY_TEMPLATE = (
    '{"accessKey": "$context.identity.accessKey", "accountId": "$context.identity.accountId", '
    '"caller": "$context.identity.caller", "user": "$context.identity.user", '
    '"userArn": "$context.identity.userArn", "sourceIp": "$context.identity.sourceIp"}'
)
KEY = "AKIAIOSFODNN7EXAMPLE"
CREDENTIALS = Credentials(KEY, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
MISSING = (403, '{"message":"Missing Authentication Token"}')


def signed(method: str, url: str, *, region: str = "us-east-1", service: str = "execute-api", **kwargs: Any) -> Any:
    """`requests.request` signed by botocore's SigV4 signer (as `requests-aws4auth` would sign it)."""
    credentials = kwargs.pop("credentials", CREDENTIALS)
    request = AWSRequest(method, url, data=kwargs.get("data"), headers=kwargs.pop("headers", {}))
    SigV4Auth(credentials, service, region).add_auth(request)
    return requests.request(method, url, headers=dict(request.headers.items()), **kwargs)


def presigned(url: str, expires: int = 300) -> str:
    request = AWSRequest("GET", url)
    SigV4QueryAuth(CREDENTIALS, "execute-api", "us-east-1", expires=expires).add_auth(request)
    return str(request.url)


@pytest.fixture
def events(mock: MockApiGateway) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        seen.append(event)
        return {"statusCode": 200, "body": json.dumps({"body": event["body"]})}

    mock.register_lambda(LAMBDA_ARN, handler)
    return seen


@pytest.fixture
def stage(api: ApiBuilder, events: list[dict[str, Any]]) -> ApiBuilder:
    """`GET /me` (AWS_IAM, identity template), `POST /proxy` (AWS_IAM, a Lambda), `GET /open` (NONE)."""
    responses = {"200": {"selectionPattern": "", "responseTemplates": {"application/json": IDENTITY_TEMPLATE}}}
    api.method("/me", "GET", MOCK, responses, authorizationType="AWS_IAM")
    api.method("/open", "GET", MOCK, responses)
    uri = f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{LAMBDA_ARN}/invocations"
    api.method(
        "/proxy",
        "POST",
        {"type": "AWS_PROXY", "integrationHttpMethod": "POST", "uri": uri},
        authorizationType="AWS_IAM",
    )
    api.deploy()
    return api


def answer(response: requests.Response) -> tuple[int, str]:
    return response.status_code, response.text


def test_an_unsigned_call_is_missing_authentication_token(stage: ApiBuilder) -> None:
    refused = requests.get(stage.url("/me"))
    assert answer(refused) == MISSING
    assert refused.headers["x-amzn-ErrorType"] == "MissingAuthenticationTokenException"
    for header in ("Bearer abc", "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1"):
        assert answer(requests.get(stage.url("/me"), headers={"Authorization": header})) == MISSING, header
    unsigned_query = stage.url("/me") + "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
    assert answer(requests.get(unsigned_query)) == MISSING


def test_a_signed_call_passes_with_the_callers_identity(stage: ApiBuilder) -> None:
    found = signed("GET", stage.url("/me"))
    assert found.status_code == 200
    assert found.json() == {
        "accessKey": KEY,
        "accountId": "123456789012",
        "caller": KEY,
        "user": KEY,
        "userArn": f"arn:aws:iam::123456789012:user/{KEY}",
        "sourceIp": "127.0.0.1",
    }


def test_a_twelve_digit_key_names_the_callers_account(stage: ApiBuilder) -> None:
    found = signed("GET", stage.url("/me"), credentials=Credentials("210987654321", "secret"))
    assert (found.json()["accountId"], found.json()["userArn"]) == (
        "210987654321",
        "arn:aws:iam::210987654321:user/210987654321",
    )


def test_a_presigned_url_passes(stage: ApiBuilder) -> None:
    url = presigned(stage.url("/me"))
    assert "X-Amz-Signature=" in url
    found = requests.get(url)
    assert found.status_code == 200 and found.json()["accessKey"] == KEY


def test_a_signed_post_reaches_the_lambda_with_the_identity(stage: ApiBuilder, events: list[dict[str, Any]]) -> None:
    body = json.dumps({"order": 7})
    found = signed("POST", stage.url("/proxy"), data=body, headers={"Content-Type": "application/json"})
    assert found.status_code == 200 and found.json() == {"body": body}
    identity = events[-1]["requestContext"]["identity"]
    assert (identity["accessKey"], identity["accountId"], identity["userArn"]) == (
        KEY,
        "123456789012",
        f"arn:aws:iam::123456789012:user/{KEY}",
    )
    assert identity["cognitoIdentityId"] is None and identity["apiKey"] is None
    assert "authorizer" not in events[-1]["requestContext"]


def test_the_credential_scope_must_name_the_apis_region_and_execute_api(stage: ApiBuilder) -> None:
    region = signed("GET", stage.url("/me"), region="eu-west-1")
    assert answer(region) == (403, '{"message":"Credential should be scoped to a valid region, not \'eu-west-1\'. "}')
    assert region.headers["x-amzn-ErrorType"] == "InvalidSignatureException"
    service = signed("GET", stage.url("/me"), service="lambda")
    assert answer(service) == (403, '{"message":"Credential should be scoped to correct service: \'execute-api\'. "}')


def test_a_none_method_ignores_a_signature(stage: ApiBuilder) -> None:
    found = signed("GET", stage.url("/open"))
    assert found.status_code == 200 and found.json()["accessKey"] == ""


def test_a_customised_missing_authentication_token_response(stage: ApiBuilder) -> None:
    stage.client.put_gateway_response(
        restApiId=stage.id,
        responseType="MISSING_AUTHENTICATION_TOKEN",
        statusCode="401",
        responseTemplates={"application/json": '{"hint": "sign your request"}'},
    )
    stage.deploy()
    assert answer(requests.get(stage.url("/me"))) == (401, '{"hint": "sign your request"}')


def test_direct_invoke_with_a_signed_header(stage: ApiBuilder, mock: MockApiGateway) -> None:
    request = AWSRequest("GET", stage.url("/me"))
    SigV4Auth(CREDENTIALS, "execute-api", "us-east-1").add_auth(request)
    reply = mock.invoke(stage.id, "dev", "GET", "/me", headers=dict(request.headers.items()))
    assert (reply.status, reply.json()["caller"]) == (200, KEY)
    assert mock.invoke(stage.id, "dev", "GET", "/me").status == 403


# ---- signatures, checked for registered credentials (opt-in) --------------------------------------------------------


def test_registered_credentials_have_their_signatures_checked(stage: ApiBuilder, mock: MockApiGateway) -> None:
    mock.register_credentials(KEY, CREDENTIALS.secret_key)
    assert signed("GET", stage.url("/me?limit=2&tag=a%20b")).status_code == 200
    body = json.dumps({"order": 7})
    assert signed("POST", stage.url("/proxy"), data=body, headers={"Content-Type": "application/json"}).ok
    assert requests.get(presigned(stage.url("/me"))).status_code == 200
    wrong = signed("GET", stage.url("/me"), credentials=Credentials(KEY, "not-the-secret"))
    assert wrong.status_code == 403 and wrong.headers["x-amzn-ErrorType"] == "InvalidSignatureException"
    message = wrong.json()["message"]
    assert message.startswith("The request signature we calculated does not match the signature you provided.")
    assert "\nThe Canonical String for this request should have been\n'GET\n/dev/me\n" in message
    assert "\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n" in message


def test_a_request_changed_after_signing_fails_a_checked_signature(stage: ApiBuilder, mock: MockApiGateway) -> None:
    mock.register_credentials(KEY, CREDENTIALS.secret_key)
    request = AWSRequest(
        "POST", stage.url("/proxy"), data=b'{"order": 7}', headers={"Content-Type": "application/json"}
    )
    SigV4Auth(CREDENTIALS, "execute-api", "us-east-1").add_auth(request)
    headers = dict(request.headers.items())
    assert requests.post(stage.url("/proxy"), data=b'{"order": 7}', headers=headers).status_code == 200
    assert requests.post(stage.url("/proxy"), data=b'{"order": 8}', headers=headers).status_code == 403
    tampered = presigned(stage.url("/me")).replace("X-Amz-Expires=300", "X-Amz-Expires=900")
    assert requests.get(tampered).status_code == 403


def test_unregistered_keys_stay_unchecked(stage: ApiBuilder, mock: MockApiGateway) -> None:
    mock.register_credentials("AKIDOTHER", "secret")
    assert signed("GET", stage.url("/me"), credentials=Credentials(KEY, "anything")).status_code == 200


# ---- the parsing (a leaf), as a table -------------------------------------------------------------------------------

HEADER = (
    "AWS4-HMAC-SHA256 Credential=AKID/20240102/eu-west-1/execute-api/aws4_request, "
    "SignedHeaders=host;x-amz-date, Signature=abc123"
)


@pytest.mark.parametrize(
    ("authorization", "query", "expected"),
    [
        (HEADER, (), ("AKID", "20240102", "eu-west-1", "execute-api", ("host", "x-amz-date"), "abc123", False)),
        (
            None,
            (
                ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
                ("X-Amz-Credential", "AKID/20240102/us-east-1/execute-api/aws4_request"),
                ("X-Amz-SignedHeaders", "host"),
                ("X-Amz-Signature", "f00"),
            ),
            ("AKID", "20240102", "us-east-1", "execute-api", ("host",), "f00", True),
        ),
        (None, (), None),
        ("Bearer token", (), None),
        (HEADER.replace("Signature=abc123", "Signature="), (), None),
        (HEADER.replace("/aws4_request", ""), (), None),
        (HEADER.replace("AKID/", "/"), (), None),
        (None, (("X-Amz-Algorithm", "AWS4-HMAC-SHA1"), ("X-Amz-Credential", "AKID/d/r/s/aws4_request")), None),
    ],
)
def test_credential_parsing(authorization: str | None, query: Any, expected: tuple[Any, ...] | None) -> None:
    found = sigv4.credential(authorization, query)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (
            found.access_key,
            found.date,
            found.region,
            found.service,
            found.signed_headers,
            found.signature,
            found.presigned,
        ) == expected


def test_signing_scope_and_account_of() -> None:
    assert sigv4.signing_scope(HEADER) == ("AKID", "eu-west-1")
    assert sigv4.signing_scope(HEADER.encode()) == ("AKID", "eu-west-1")
    assert sigv4.signing_scope("Bearer x") is None
    assert (sigv4.account_of("123456789012"), sigv4.account_of("AKID"), sigv4.account_of("1234")) == (
        "123456789012",
        None,
        None,
    )


# ---- server mode over loopback HTTP ---------------------------------------------------------------------------------

POOL_ARN = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Server"


@pytest.fixture
def served() -> Iterator[tuple[str, ApiBuilder, UserPool]]:
    with running_server() as url:
        client = server_client(url)
        api = ApiBuilder(client)
        responses = {"200": {"selectionPattern": "", "responseTemplates": {"application/json": IDENTITY_TEMPLATE}}}
        api.method("/me", "GET", MOCK, responses, authorizationType="AWS_IAM")
        authorizer = client.create_authorizer(
            restApiId=api.id,
            name="pool",
            type="COGNITO_USER_POOLS",
            providerARNs=[POOL_ARN],
            identitySource="method.request.header.Authorization",
        )["id"]
        claims = {
            "200": {
                "selectionPattern": "",
                "responseTemplates": {"application/json": '"$context.authorizer.claims.sub"'},
            }
        }
        api.method("/claims", "GET", MOCK, claims, authorizationType="COGNITO_USER_POOLS", authorizerId=authorizer)
        api.deploy("dev")
        yield url, api, UserPool(POOL_ARN).register()
    STATE.user_pools.clear()


def test_server_mode_enforces_iam_and_cognito(served: tuple[str, ApiBuilder, UserPool]) -> None:
    url, api, pool = served
    target = f"{url}/restapis/{api.id}/dev/_user_request_"
    assert answer(requests.get(f"{target}/me")) == MISSING
    found = signed("GET", f"{target}/me")
    assert found.status_code == 200 and found.json()["accessKey"] == KEY
    assert requests.get(f"{target}/claims").status_code == 401
    token = pool.id_token("client", "gina")
    expected = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "==="))["sub"]
    found = requests.get(f"{target}/claims", headers={"Authorization": f"Bearer {token}"})
    assert (found.status_code, found.json()) == (200, expected)
