"""Shared pieces of the authorizer tests: a recording authorizer function, its policies, and a protected API."""

from __future__ import annotations

from typing import Any

from tests.invoke.builder import ApiBuilder

ACCOUNT = "123456789012"
FUNCTION = f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:auth"
URI = f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{FUNCTION}/invocations"
BACKEND = f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:backend"
PROXY = {
    "type": "AWS_PROXY",
    "integrationHttpMethod": "POST",
    "uri": f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{BACKEND}/invocations",
}
CONTEXT = {"tier": "gold", "n": 1, "ok": True}
SHOWN = '{"p": "$context.authorizer.principalId", "tier": "$context.authorizer.tier", "n": "$context.authorizer.n", "ok": "$context.authorizer.ok"}'  # noqa: E501


def policy(effect: str, resource: str | list[str] = "arn:aws:execute-api:*") -> dict[str, Any]:
    statement = {"Action": "execute-api:Invoke", "Effect": effect, "Resource": resource}
    return {"Version": "2012-10-17", "Statement": [statement]}


class Authorizer:
    """A Lambda authorizer function: every event it received, and an answer chosen by the token.

    `allow` (default) allows everything; `deny` is an explicit deny; `elsewhere` allows another API only (the
    implicit deny); `nope` raises `Unauthorized`; `boom` raises another error; `pets` allows GET /pets only;
    anything listed in `answers` returns that object as it is."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.answers: dict[str, Any] = {}

    def __call__(self, event: dict[str, Any], context: Any) -> Any:
        self.events.append(event)
        token = event.get("authorizationToken") or (event.get("headers") or {}).get("Auth") or "allow"
        if token in self.answers:
            return self.answers[token]
        if token == "nope":
            raise Exception("Unauthorized")
        if token == "boom":
            raise RuntimeError("broken")
        resource = {
            "elsewhere": "arn:aws:execute-api:us-east-1:123456789012:other/*",
            "pets": "arn:aws:execute-api:*:*:*/*/GET/pets",
        }.get(token, "arn:aws:execute-api:*")
        answer = {"principalId": "user-1", "policyDocument": policy("Deny" if token == "deny" else "Allow", resource)}
        return {**answer, "context": CONTEXT, "usageIdentifierKey": f"key-of-{token}"}


def token_authorizer(api: ApiBuilder, **options: Any) -> str:
    """A TOKEN authorizer reading the `Auth` header (options override)."""
    members = {"name": "token", "type": "TOKEN", "authorizerUri": URI, "identitySource": "method.request.header.Auth"}
    return str(api.client.create_authorizer(restApiId=api.id, **{**members, **options})["id"])


def protected_mock(api: ApiBuilder, path: str, authorizer_id: str, verb: str = "GET", template: str = SHOWN) -> str:
    """A MOCK method behind the authorizer answering `template`."""
    return api.method(
        path,
        verb,
        {"type": "MOCK", "requestTemplates": {"application/json": '{"statusCode": 200}'}},
        {"200": {"selectionPattern": "", "responseTemplates": {"application/json": template}}},
        authorizationType="CUSTOM",
        authorizerId=authorizer_id,
    )
