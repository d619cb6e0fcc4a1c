"""The Lambda authorizer cache (spec §7.5): per stage, authorizer and identity; hits call no Lambda and decide the
cached policy again for each request; TTL on the data plane's clock; Deny and Unauthorized cached, failures not
([UNK → not cached]); FlushStageAuthorizersCache empties a stage's entries."""

from __future__ import annotations

import datetime

import pytest
import requests

from apigw_mock import MockApiGateway
from apigw_mock.domain import authorizer_cache
from apigw_mock.domain.authorizer_cache import AuthorizerCache
from tests.invoke.authorizers import URI, Authorizer, protected_mock, token_authorizer
from tests.invoke.builder import ApiBuilder

START = datetime.datetime(2026, 3, 1, 12, 0, 0)


@pytest.fixture(autouse=True)
def clock(mock: MockApiGateway) -> None:
    mock.clock.set(START)


def cached_api(api: ApiBuilder, **options: object) -> ApiBuilder:
    authorizer = token_authorizer(api, **options)
    protected_mock(api, "/pets", authorizer)
    protected_mock(api, "/other", authorizer)
    api.deploy()
    return api


def status(api: ApiBuilder, token: str | None, path: str = "/pets", stage: str = "dev") -> int:
    return requests.get(api.url(path, stage), headers={"Auth": token} if token else {}).status_code


def test_a_hit_calls_no_lambda_and_another_token_is_another_entry(api: ApiBuilder, auth: Authorizer) -> None:
    cached_api(api)
    assert [status(api, "a"), status(api, "a"), status(api, "b"), status(api, "a")] == [200] * 4
    assert [event["authorizationToken"] for event in auth.events] == ["a", "b"]


def test_a_hit_still_sees_its_own_principal_and_context(api: ApiBuilder, auth: Authorizer) -> None:
    cached_api(api)
    bodies = [requests.get(api.url("/pets"), headers={"Auth": "a"}).json() for _ in range(2)]
    assert bodies[0] == bodies[1] == {"p": "user-1", "tier": "gold", "n": "1", "ok": "true"}


def test_the_cached_policy_is_decided_again_for_each_method(api: ApiBuilder, auth: Authorizer) -> None:
    cached_api(api)
    assert [status(api, "pets", "/pets"), status(api, "pets", "/other")] == [200, 403]
    assert len(auth.events) == 1  # the second request was decided on the cached GET /pets policy


@pytest.mark.parametrize(("ttl", "seconds", "calls"), [(None, 299, 1), (None, 300, 2), (60, 59, 1), (60, 60, 2)])
def test_entries_live_for_the_ttl_on_the_data_plane_clock(
    api: ApiBuilder, auth: Authorizer, mock: MockApiGateway, ttl: int | None, seconds: int, calls: int
) -> None:
    cached_api(api, **({} if ttl is None else {"authorizerResultTtlInSeconds": ttl}))
    status(api, "a")
    mock.clock.advance(seconds)
    status(api, "a")
    assert len(auth.events) == calls


def test_a_ttl_of_0_caches_nothing(api: ApiBuilder, auth: Authorizer) -> None:
    cached_api(api, authorizerResultTtlInSeconds=0)
    assert [status(api, "a") for _ in range(3)] == [200] * 3
    assert len(auth.events) == 3


@pytest.mark.parametrize(("token", "code", "calls"), [("deny", 403, 1), ("nope", 401, 1), ("boom", 500, 2)])
def test_deny_and_unauthorized_are_cached_failures_are_not(
    api: ApiBuilder, auth: Authorizer, token: str, code: int, calls: int
) -> None:
    cached_api(api)
    assert [status(api, token), status(api, token)] == [code, code]
    assert len(auth.events) == calls


def test_a_throttled_authorizer_lambda_is_a_500_and_not_cached(
    api: ApiBuilder, auth: Authorizer, mock: MockApiGateway
) -> None:
    cached_api(api)
    with mock.fail_invocations("lambda_throttled", times=1):
        refused = requests.get(api.url("/pets"), headers={"Auth": "a"})
    assert (refused.status_code, refused.json()) == (500, {"message": None})
    assert refused.headers["x-amzn-ErrorType"] == "AuthorizerConfigurationException"
    assert status(api, "a") == 200 and len(auth.events) == 1  # the refused call reached no function


def test_a_missing_identity_is_not_cached(api: ApiBuilder, auth: Authorizer) -> None:
    cached_api(api)
    assert [status(api, None), status(api, "a")] == [401, 200]
    assert len(auth.events) == 1


def test_flush_empties_the_stage_and_only_that_stage(api: ApiBuilder, auth: Authorizer) -> None:
    cached_api(api)
    api.client.create_stage(restApiId=api.id, stageName="prod", deploymentId=api.deploy())
    assert [status(api, "a"), status(api, "a", stage="prod")] == [200, 200]
    assert len(auth.events) == 2  # one entry per stage
    api.client.flush_stage_authorizers_cache(restApiId=api.id, stageName="dev")
    assert [status(api, "a"), status(api, "a", stage="prod")] == [200, 200]
    assert [event["methodArn"].split("/")[1] for event in auth.events] == ["dev", "prod", "dev"]


def test_request_authorizers_are_keyed_by_every_identity_value(api: ApiBuilder, auth: Authorizer) -> None:
    created = api.client.create_authorizer(
        restApiId=api.id,
        name="request",
        type="REQUEST",
        authorizerUri=URI,
        identitySource="method.request.header.Auth,method.request.querystring.q",
    )
    protected_mock(api, "/pets", created["id"])
    api.deploy()
    for query in ("?q=1", "?q=1", "?q=2"):
        assert requests.get(api.url(f"/pets{query}"), headers={"Auth": "a"}).status_code == 200
    assert [event["queryStringParameters"] for event in auth.events] == [{"q": "1"}, {"q": "2"}]


def test_a_fresh_mock_starts_with_an_empty_cache(api: ApiBuilder, auth: Authorizer, mock: MockApiGateway) -> None:
    cached_api(api)
    status(api, "a")
    snapshot = mock.snapshot()
    mock.restore(snapshot)  # a restored backend is a new one: the cache is not state
    status(api, "a")
    assert len(auth.events) == 2


# ---- the cache object ---------------------------------------------------------------------------------------------


def test_the_cache_expires_flushes_per_stage_and_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(authorizer_cache, "LIMIT", 3)
    cache = AuthorizerCache()
    cache.put(("api", "dev"), "old", 1, now=0.0, ttl=10.0)
    assert (cache.get(("api", "dev"), "old", 9.9), cache.get(("api", "dev"), "old", 10.0)) == (1, None)
    for index in range(4):
        cache.put(("api", "dev"), index, index, now=20.0, ttl=10.0)  # "old" has expired: dropped first
    assert len(cache) == 3 and cache.get(("api", "dev"), 0, 20.0) is None  # then the oldest
    cache.put(("api", "prod"), 0, "p", now=20.0, ttl=10.0)
    cache.flush(("api", "dev"))
    assert (len(cache), cache.get(("api", "prod"), 0, 21.0)) == (1, "p")
