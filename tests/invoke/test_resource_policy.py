"""Resource policies at invoke time (spec §4 step 4, §12.1): decided for `execute-api:Invoke` on the method ARN
before any authorizer, with AWS's ACCESS_DENIED texts; conditions on `aws:SourceIp` and `aws:SourceVpce` (read
from the `x-amzn-vpce-id` header: [UNK], the mock's choice); combined with a Lambda authorizer as AWS's
authorization-flow tables say (an explicit Deny in either denies, else an Allow in either allows)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests

from apigw_mock import MockApiGateway
from tests.invoke.authorizers import Authorizer, protected_mock, token_authorizer
from tests.invoke.builder import ApiBuilder

USER = "User: anonymous is not authorized to perform: execute-api:Invoke on resource:"


def statement(effect: str, resource: str = "execute-api:/*", **more: Any) -> dict[str, Any]:
    return {"Effect": effect, "Principal": "*", "Action": "execute-api:Invoke", "Resource": resource, **more}


def with_policy(api: ApiBuilder, *statements: dict[str, Any]) -> None:
    document = json.dumps({"Version": "2012-10-17", "Statement": list(statements)})
    patch = [{"op": "replace", "path": "/policy", "value": document}]
    api.client.update_rest_api(restApiId=api.id, patchOperations=patch)


def arn(api: ApiBuilder, rest: str, stage: str = "dev") -> str:
    return f"arn:aws:execute-api:us-east-1:123456789012:{api.id}/{stage}/{rest}"


@pytest.fixture
def open_api(api: ApiBuilder) -> ApiBuilder:
    """GET /pets and GET /admin without authorization."""
    api.mock("/pets", template='{"ok": true}')
    api.mock("/admin", template='{"ok": true}')
    return api


def denied(answer: requests.Response) -> tuple[int, str, str]:
    return answer.status_code, answer.json()["message"], answer.headers["x-amzn-ErrorType"]


def test_without_a_policy_every_caller_is_admitted(open_api: ApiBuilder) -> None:
    open_api.deploy()
    assert requests.get(open_api.url("/pets")).status_code == 200


def test_an_explicit_deny_names_the_method_arn(open_api: ApiBuilder) -> None:
    with_policy(open_api, statement("Allow"), statement("Deny", "execute-api:/*/GET/admin"))
    open_api.deploy()
    assert requests.get(open_api.url("/pets")).status_code == 200
    assert denied(requests.get(open_api.url("/admin"))) == (
        403,
        f"{USER} {arn(open_api, 'GET/admin')} with an explicit deny",
        "AccessDeniedException",
    )


def test_a_policy_allowing_nothing_here_is_the_implicit_deny(open_api: ApiBuilder) -> None:
    full = f"arn:aws:execute-api:us-east-1:123456789012:{open_api.id}/*/GET/pets"
    with_policy(open_api, statement("Allow", full))
    open_api.deploy()
    assert requests.get(open_api.url("/pets")).status_code == 200
    assert denied(requests.get(open_api.url("/admin?x=1"))) == (
        403,
        f"{USER} {arn(open_api, 'GET/admin')}",
        "AccessDeniedException",
    )


def test_the_policy_served_is_the_deployed_one(open_api: ApiBuilder) -> None:
    open_api.deploy()
    with_policy(open_api, statement("Deny"))
    assert requests.get(open_api.url("/pets")).status_code == 200  # not redeployed yet
    open_api.deploy()
    assert requests.get(open_api.url("/pets")).status_code == 403


@pytest.mark.parametrize(
    ("condition", "source_ip", "status"),
    [
        ({"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.0.2.1/32"]}}, "10.1.2.3", 200),
        ({"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.0.2.1/32"]}}, "192.0.2.1", 200),
        ({"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}, "11.0.0.1", 403),
        ({"IpAddress": {"aws:sourceip": "2001:db8::/32"}}, "2001:db8::1", 200),
        ({"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}, "11.0.0.1", 200),
        ({"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}, "10.0.0.1", 403),
    ],
)
def test_source_ip_conditions(
    open_api: ApiBuilder, mock: MockApiGateway, condition: dict[str, Any], source_ip: str, status: int
) -> None:
    with_policy(open_api, statement("Allow", Condition=condition))
    open_api.deploy()
    assert mock.invoke(open_api.id, "dev", "GET", "/pets", source_ip=source_ip).status == status


def test_a_deny_from_outside_a_range_wins_over_the_allow(open_api: ApiBuilder, mock: MockApiGateway) -> None:
    with_policy(
        open_api,
        statement("Allow"),
        statement("Deny", Condition={"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}),
    )
    open_api.deploy()
    inside = mock.invoke(open_api.id, "dev", "GET", "/pets", source_ip="203.0.113.9")
    outside = mock.invoke(open_api.id, "dev", "GET", "/pets", source_ip="198.51.100.1")
    assert (inside.status, outside.status) == (200, 403)
    assert outside.json()["message"].endswith("with an explicit deny")


@pytest.mark.parametrize(
    ("headers", "status"),
    [({"x-amzn-vpce-id": "vpce-1a2b"}, 200), ({"x-amzn-vpce-id": "vpce-other"}, 403), ({}, 403)],
)
def test_a_private_apis_vpce_condition_reads_the_vpce_header(
    open_api: ApiBuilder, headers: dict[str, str], status: int
) -> None:
    with_policy(
        open_api,
        statement("Allow"),
        statement("Deny", Condition={"StringNotEquals": {"aws:SourceVpce": "vpce-1a2b"}}),
    )
    open_api.deploy()
    assert requests.get(open_api.url("/pets"), headers=headers).status_code == status


@pytest.mark.parametrize(
    ("principal", "status"),
    [("*", 200), ({"AWS": "*"}, 200), ({"AWS": ["*"]}, 200), ({"AWS": "arn:aws:iam::111122223333:root"}, 403)],
)
def test_principals(open_api: ApiBuilder, principal: Any, status: int) -> None:
    with_policy(open_api, {**statement("Allow"), "Principal": principal})
    open_api.deploy()
    assert requests.get(open_api.url("/pets")).status_code == status


def test_a_policy_that_is_not_json_denies_everything(open_api: ApiBuilder) -> None:
    """[UNK]: AWS refuses to store such a policy; the mock fails closed with the implicit-deny text."""
    open_api.client.update_rest_api(
        restApiId=open_api.id, patchOperations=[{"op": "replace", "path": "/policy", "value": "{not json"}]
    )
    open_api.deploy()
    assert denied(requests.get(open_api.url("/pets")))[1] == f"{USER} {arn(open_api, 'GET/pets')}"


def test_a_policy_given_at_creation_applies(client: Any) -> None:
    document = {"Version": "2012-10-17", "Statement": [statement("Deny")]}
    api = ApiBuilder(client, policy=json.dumps(document))
    api.mock("/pets")
    api.deploy()
    assert requests.get(api.url("/pets")).status_code == 403


# ---- with a Lambda authorizer (the authorization-flow tables) -------------------------------------------------


@pytest.fixture
def guarded(api: ApiBuilder, auth: Authorizer) -> ApiBuilder:
    """GET /pets and GET /admin behind a TOKEN authorizer (no caching)."""
    authorizer = token_authorizer(api, authorizerResultTtlInSeconds=0)
    protected_mock(api, "/pets", authorizer)
    protected_mock(api, "/admin", authorizer)
    return api


def test_the_resource_policy_denies_before_the_authorizer_runs(guarded: ApiBuilder, auth: Authorizer) -> None:
    with_policy(guarded, statement("Allow"), statement("Deny", "execute-api:/*/GET/admin"))
    guarded.deploy()
    answer = requests.get(guarded.url("/admin"), headers={"Auth": "allow"})
    assert denied(answer)[1] == f"{USER} {arn(guarded, 'GET/admin')} with an explicit deny"
    assert auth.events == []
    assert requests.get(guarded.url("/admin")).status_code == 403  # no token: still the policy's deny, not a 401


@pytest.mark.parametrize(
    ("token", "resource_policy", "status", "message"),
    [
        pytest.param("allow", "silent", 200, None, id="authorizer Allow + policy neither: Allow"),
        pytest.param("allow", "allow", 200, None, id="authorizer Allow + policy Allow: Allow"),
        pytest.param("deny", "allow", 403, "with an explicit deny", id="authorizer Deny + policy Allow: Deny"),
        pytest.param("elsewhere", "allow", 200, None, id="authorizer neither + policy Allow: Allow"),
        pytest.param(
            "elsewhere", "silent", 403, "User is not authorized to access this resource", id="neither + neither"
        ),
    ],
)
def test_authorizer_and_resource_policy_combine(
    guarded: ApiBuilder, auth: Authorizer, token: str, resource_policy: str, status: int, message: str | None
) -> None:
    pets = statement("Allow", "execute-api:/*/GET/pets")
    with_policy(guarded, pets if resource_policy == "allow" else statement("Allow", "execute-api:/*/POST/none"))
    guarded.deploy()
    answer = requests.get(guarded.url("/pets"), headers={"Auth": token})
    assert answer.status_code == status and len(auth.events) == 1
    if message is not None:
        assert answer.json()["message"].endswith(message)
