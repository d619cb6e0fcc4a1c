"""A Cognito user pool for tests that do not run moto: it signs ID and access tokens as Cognito does, and its public
keys are what COGNITO_USER_POOLS authorizers verify them with.

    pool = apigw.user_pool("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Test")
    token = pool.id_token("my-client-id", "alice", claims={"email": "alice@example.com"})
    requests.get(url, headers={"Authorization": token})

Contract:
- `UserPool(arn)` makes an RSA key (2048 bits, RS256, its own `kid`); `jwks` is its public JWKS; `register()` makes
  it known to the data plane (`apigw.user_pool(arn)` does both; the registration lasts until the outermost
  activation ends or `apigw.reset()`).
- `id_token(client_id, username, claims=..., expires_in=3600)` and `access_token(client_id, username, scopes=...,
  claims=..., expires_in=3600)` carry the claims Cognito puts in its tokens (`iss` of the pool, `sub` derived from the
  username, `aud` / `client_id`, `token_use`, `auth_time`, `iat`, `exp`, `jti`, `cognito:username` / `username`,
  `scope`), `claims` added last (they may replace any of them). Times are read from the data plane's clock
  (`apigw.clock`), so `apigw.clock.advance(expires_in)` expires a token without sleeping.
- `sign(claims)` signs any claims with the pool's key (for tokens Cognito would never issue).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from apigw_mock.invoke import user_pools
from apigw_mock.state import STATE

DEFAULT_SCOPES = ("aws.cognito.signin.user.admin",)


class UserPool:
    """A signing user pool (see the module contract)."""

    def __init__(self, arn: str) -> None:
        from joserfc.jwk import RSAKey

        found = user_pools.pool(arn)
        if found is None:
            raise ValueError(f"not a user pool ARN (arn:aws:cognito-idp:<region>:<account>:userpool/<id>): {arn!r}")
        self.arn, self.id, self.issuer = arn, found.id, found.issuer
        self._kid = uuid.uuid4().hex
        self._key = RSAKey.generate_key(2048, parameters={"kid": self._kid, "alg": "RS256", "use": "sig"})
        self.jwks: dict[str, Any] = {"keys": [self._key.as_dict(private=False)]}

    def register(self) -> UserPool:
        from apigw_mock.transport import execute_api

        execute_api.register_user_pool(self.arn, self.jwks)
        return self

    def id_token(
        self,
        client_id: str,
        username: str = "user",
        *,
        claims: Mapping[str, Any] | None = None,
        expires_in: int = 3600,
    ) -> str:
        base = {"aud": client_id, "token_use": "id", "cognito:username": username}
        return self.sign({**self._standard(username, expires_in), **base, **(claims or {})})

    def access_token(
        self,
        client_id: str,
        username: str = "user",
        *,
        scopes: Iterable[str] = DEFAULT_SCOPES,
        claims: Mapping[str, Any] | None = None,
        expires_in: int = 3600,
    ) -> str:
        base = {"client_id": client_id, "token_use": "access", "scope": " ".join(scopes), "username": username}
        return self.sign({**self._standard(username, expires_in), **base, **(claims or {})})

    def sign(self, claims: Mapping[str, Any]) -> str:
        from joserfc import jwt

        return jwt.encode({"alg": "RS256", "kid": self._kid}, dict(claims), self._key)

    def _standard(self, username: str, expires_in: int) -> dict[str, Any]:
        now = int(STATE.clock.now().timestamp())
        return {
            "sub": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.arn}/{username}")),
            "iss": self.issuer,
            "auth_time": now,
            "iat": now,
            "exp": now + expires_in,
            "jti": str(uuid.uuid4()),
        }
