"""COGNITO_USER_POOLS methods: a user pool's ID or access token in the authorizer's identity-source header (spec §7.8).

Contract: `check(call, ports)` admits the call or raises `errors.Unauthorized` (401 `Unauthorized`, spec §12.1);
`verify(...)` is the rule, shared with TestInvokeAuthorizer. A token is accepted when, in this order:
1. the header named by the authorizer's `identitySource` (`method.request.header.Authorization`) holds it, raw or
   after a `Bearer ` prefix (any case) — both are accepted [INF: AWS documents the raw token, clients send both];
2. it is a compact JWS whose `iss` is `https://cognito-idp.{region}.amazonaws.com/{poolId}` of one of the
   authorizer's `providerARNs`;
3. its RS256 signature verifies against that pool's JWKS (`Ports.user_pool_keys`: registered by the test, or
   served by moto; see `invoke.user_pools`), with joserfc;
4. `exp` is later than `Ports.now()` (the data plane's clock: `apigw.clock.set/advance`), no leeway [INF];
5. without method `authorizationScopes` it is an ID token (`token_use` `id`) whose `aud` fully matches the
   authorizer's `identityValidationExpression` when one is set (a Java regex, spec §7.1); with scopes it is an access
   token (`token_use` `access`) whose space-separated `scope` holds one of them [DOC DG:apigateway-enable-cognito-
   user-pool]. The expression is not applied to access tokens (they carry `client_id`, not `aud`) [UNK].
Admitted, the call carries the claims as strings: `call.authorizer` = `{"claims": {...}}` (plus `"scopes"`, the
token's scopes, for a method with scopes [INF from spec §8.3.2]) for the proxy event's `requestContext.authorizer`,
and `$context.authorizer.claims.<name>` / `['custom:x']` for templates and mappings, where
`$context.authorizer.claims` alone is null [DOC]. Strings as AWS shows them: numbers and booleans as text, `exp` and
`iat` as Java dates (`Fri May 15 06:49:48 UTC 2020`) [INF: events quoted in the field], lists comma-joined [UNK],
objects as compact JSON [UNK].
"""

from __future__ import annotations

import datetime
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from apigw_mock.invoke import errors, java_regex, user_pools
from apigw_mock.invoke.call import log_time, replaced
from apigw_mock.invoke.java_values import NullPrintingMap, to_vtl

if TYPE_CHECKING:
    from apigw_mock.domain.authorizer import Authorizer
    from apigw_mock.invoke.call import Call
    from apigw_mock.invoke.ports import Ports

logger = logging.getLogger("apigw_mock.invoke")
_HEADER_SOURCE = "method.request.header."
_BEARER = "bearer "
_DATE_CLAIMS = frozenset({"exp", "iat"})
_verified: dict[str, tuple[Mapping[str, Any], dict[str, Any], dict[str, str]]] = {}  # token -> (jwks, claims, strings)
_VERIFIED_MAX = 256


@dataclass(frozen=True, slots=True)
class Verified:
    """An accepted token: its claims as AWS passes them on (strings), and the scopes it was admitted with."""

    claims: dict[str, str]
    scopes: list[str] | None = None


def check(call: Call, ports: Ports) -> Call:
    authorizer = call.deployed.authorizers.get(call.method.authorizer_id or "")
    if authorizer is None:  # PutMethod refuses this; a deployment made before the authorizer was deleted keeps it
        raise errors.Unauthorized(log="Unauthorized request: the method's authorizer does not exist")
    token = call.request.header(header_name(authorizer))
    verified = verify(authorizer, token, call.method.authorization_scopes, ports.user_pool_keys, ports.now())
    event: dict[str, Any] = {"claims": verified.claims}
    if verified.scopes is not None:
        event["scopes"] = verified.scopes
    view = {"claims": NullPrintingMap(to_vtl(verified.claims))}
    return replaced(call, authorizer=event, context={**call.context, "authorizer": view})


def header_name(authorizer: Authorizer) -> str:
    """The header its `identitySource` names (`method.request.header.Authorization` -> `Authorization`)."""
    return (authorizer.identity_source or "").removeprefix(_HEADER_SOURCE)


def verify(
    authorizer: Authorizer,
    header: str | None,
    scopes: list[str] | None,
    keys: Callable[[str], Mapping[str, Any] | None],
    now: datetime.datetime,
) -> Verified:
    """The token in `header` checked against `authorizer` (see the module contract); else `errors.Unauthorized`."""
    token = (header or "").strip()
    if token[: len(_BEARER)].lower() == _BEARER:
        token = token[len(_BEARER) :].strip()
    if not token:
        raise _refused("no token in the identity source")
    claims, strings = _checked(token, authorizer, keys)
    expires = claims.get("exp")
    if not isinstance(expires, int | float) or isinstance(expires, bool) or expires <= now.timestamp():
        raise _refused("token expired")
    if scopes:
        granted = str(claims.get("scope") or "").split()
        if claims.get("token_use") != "access" or not set(granted) & set(scopes):
            raise _refused("not an access token with one of the method's scopes")
        return Verified(dict(strings), granted)
    if claims.get("token_use") != "id":
        raise _refused("not an ID token")
    pattern = authorizer.identity_validation_expression
    audience = claims.get("aud")
    audiences: list[Any] = audience if isinstance(audience, list) else [audience]
    if pattern and not any(isinstance(aud, str) and java_regex.full_match(pattern, aud) for aud in audiences):
        raise _refused("audience does not match the identity validation expression")
    return Verified(dict(strings))


def _checked(
    token: str, authorizer: Authorizer, keys: Callable[[str], Mapping[str, Any] | None]
) -> tuple[dict[str, Any], dict[str, str]]:
    """(claims, their strings) of a token signed by one of the authorizer's pools. A token verified once against a
    key set is not verified again while that key set stays registered or served (`_verified`)."""
    hit = _verified.get(token)
    payload = hit[1] if hit is not None else _unverified_claims(token)
    issuer = payload.get("iss")
    pool = next(
        (found for arn in authorizer.provider_arns or () if (found := user_pools.pool(arn)) and found.issuer == issuer),
        None,
    )
    if pool is None:
        raise _refused(f"issuer {issuer!r} is not a user pool of the authorizer")
    jwks = keys(pool.arn)
    if jwks is None:
        logger.warning(
            "apigw_mock: no signing keys for user pool %s: register them (apigw.user_pool(arn) or "
            "apigw.register_user_pool(arn, jwks)) or serve the pool with moto's mock_aws; answering 401",
            pool.arn,
        )
        raise _refused(f"no signing keys for user pool {pool.arn}")
    if hit is not None and hit[0] is jwks:
        return hit[1], hit[2]
    claims = _verified_claims(token, jwks)
    strings = _strings(claims)
    if len(_verified) >= _VERIFIED_MAX:
        _verified.clear()
    _verified[token] = (jwks, claims, strings)
    return claims, strings


def _refused(reason: str) -> errors.Unauthorized:
    return errors.Unauthorized(log=f"Unauthorized request: {reason}")


def _unverified_claims(token: str) -> dict[str, Any]:
    from joserfc import jws
    from joserfc.errors import JoseError

    try:
        payload = json.loads(jws.extract_compact(token.encode()).payload)
    except (JoseError, ValueError, UnicodeError) as error:
        raise _refused("not a JSON Web Token") from error
    if not isinstance(payload, dict):
        raise _refused("not a JSON Web Token")
    return payload


def _verified_claims(token: str, jwks: Mapping[str, Any]) -> dict[str, Any]:
    from joserfc import jwt
    from joserfc.errors import JoseError

    try:
        return dict(jwt.decode(token, user_pools.key_set(jwks), algorithms=["RS256"]).claims)
    except (JoseError, ValueError) as error:
        raise _refused(f"signature not verified ({error})") from error


def _strings(claims: Mapping[str, Any]) -> dict[str, str]:
    return {name: _text(name, value) for name, value in claims.items()}


def _text(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if name in _DATE_CLAIMS and isinstance(value, int | float):
        return log_time(datetime.datetime.fromtimestamp(value, datetime.UTC))
    if isinstance(value, list):
        return ",".join(_text("", item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, separators=(",", ":"))
    return "" if value is None else str(value)
