"""Where a Cognito user pool's signing keys come from, for COGNITO_USER_POOLS authorizers (spec §7.8).

Contract:
- `pool(arn)` reads a user pool ARN (`arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}`) into its id, region
  and the issuer its tokens carry, `https://cognito-idp.{region}.amazonaws.com/{poolId}`; None for another form.
- `keys(registered, arn, send)` is `Ports.user_pool_keys`: the pool's JWKS (`{"keys": [...]}`, public keys), found
  1. in `registered` (ARN -> JWKS: what a test registered with `apigw.register_user_pool` / `apigw.user_pool`), else
  2. when moto's `mock_aws` is active in this process: fetched as a real client fetches it, `GET
     https://cognito-idp.{region}.amazonaws.com/{poolId}/.well-known/jwks.json` through `send` (moto answers it;
     it serves one published key set for every pool id, so whether moto knows the pool is not asked). Kept per URL
     while moto stays active, so one request costs one fetch per process, not one per call;
  3. else None (the token cannot be verified: 401). Nothing is ever fetched from the network.
- `key_set(jwks)` is the parsed form joserfc verifies with, built once per JWKS object.
Moto is detected without importing it (`moto.core.models` already loaded and `MockAWS` entered).
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from apigw_mock.invoke.ports import Outbound, OutboundReply

if TYPE_CHECKING:
    from joserfc.jwk import KeySet

Jwks = Mapping[str, Any]
_fetched: dict[str, Jwks] = {}
_parsed: dict[int, tuple[Jwks, KeySet]] = {}
_lock = threading.Lock()
_PARSED_MAX = 64


@dataclass(frozen=True, slots=True)
class Pool:
    arn: str
    id: str
    region: str

    @property
    def issuer(self) -> str:
        return f"https://cognito-idp.{self.region}.amazonaws.com/{self.id}"


def pool(arn: str) -> Pool | None:
    """The pool an ARN names (see the module contract)."""
    parts = arn.split(":", 5)
    if len(parts) != 6 or parts[2] != "cognito-idp" or not parts[5].startswith("userpool/"):
        return None
    pool_id = parts[5].removeprefix("userpool/")
    return Pool(arn, pool_id, parts[3]) if pool_id and parts[3] else None


def keys(registered: Mapping[str, Jwks], arn: str, send: Callable[[Outbound], OutboundReply]) -> Jwks | None:
    """`Ports.user_pool_keys` (see the module contract)."""
    found = registered.get(arn)
    if found is not None:
        return found
    named = pool(arn)
    if named is None or not moto_active():
        return None
    url = f"{named.issuer}/.well-known/jwks.json"
    cached = _fetched.get(url)
    if cached is not None:
        return cached
    try:
        answer = send(Outbound("GET", url, timeout=5.0))
        jwks = json.loads(answer.body) if answer.status == 200 else None
    except (ConnectionError, TimeoutError, ValueError):
        return None
    if not isinstance(jwks, dict) or not isinstance(jwks.get("keys"), list):
        return None
    _fetched[url] = jwks
    return jwks


def moto_active() -> bool:
    """Whether moto's `mock_aws` is entered in this process (moto loaded and at least one activation open)."""
    models = sys.modules.get("moto.core.models")
    mock_aws = getattr(models, "MockAWS", None)
    return bool(getattr(mock_aws, "_nested_count", 0))


def key_set(jwks: Jwks) -> KeySet:
    """The JWKS parsed for verification (joserfc, imported on first use); raises `ValueError` for a bad JWKS."""
    found = _parsed.get(id(jwks))
    if found is not None and found[0] is jwks:
        return found[1]
    from joserfc.errors import JoseError
    from joserfc.jwk import KeySet

    try:
        parsed = KeySet.import_key_set(dict(jwks))  # type: ignore[arg-type]
    except (JoseError, KeyError, TypeError) as error:
        raise ValueError(f"not a JSON Web Key Set: {error}") from error
    with _lock:
        if len(_parsed) >= _PARSED_MAX:
            _parsed.clear()
        _parsed[id(jwks)] = (jwks, parsed)
    return parsed
