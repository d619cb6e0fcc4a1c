"""Reading who signed a request (SigV4), for the control plane's ways in and the data plane's AWS_IAM methods alike.

Contract (a leaf: plain strings in, plain values out):
- `signing_scope(authorization)`: (access key id, region) of an `Authorization` header; the ways in use it to pick
  the account and region a control-plane request is answered from.
- `credential(authorization, query)`: the `Credential` of a signed request, from its `Authorization` header
  (`AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request, SignedHeaders=..., Signature=...`)
  or from a presigned URL's query (`X-Amz-Algorithm=AWS4-HMAC-SHA256`, `X-Amz-Credential`, `X-Amz-SignedHeaders`,
  `X-Amz-Signature`, `X-Amz-Date`); None when the request is not SigV4-signed (another scheme, a scope that is
  not `<key>/<date>/<region>/<service>/aws4_request`, or no signature).
- `account_of(access_key_id)`: the account a key id names by the local-testing convention (LocalStack's, and the
  server's): a 12-digit key id *is* the account id; None for any other key.

Only parsing: signatures are checked, where a test asks for it, by whoever knows the secret keys.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

ALGORITHM = "AWS4-HMAC-SHA256"
_CREDENTIAL = "Credential="


@dataclass(frozen=True, slots=True)
class Credential:
    """Who signed a request and what for: the credential scope and the signing parameters."""

    access_key: str
    date: str
    """The scope's date, `yyyymmdd`."""
    region: str
    service: str
    signed_headers: tuple[str, ...]
    """Lower-case names, as listed in `SignedHeaders`."""
    signature: str
    presigned: bool = False
    """From the query string (a presigned URL) rather than the `Authorization` header."""


def signing_scope(authorization: str | bytes | None) -> tuple[str, str] | None:
    """(access key id, region) from a SigV4 `Authorization` header (`... Credential=<key>/<date>/<region>/...`)."""
    text = authorization.decode("latin-1") if isinstance(authorization, bytes) else authorization or ""
    start = text.find(_CREDENTIAL)
    if start < 0:
        return None
    end = text.find(",", start)
    scope = text[start + len(_CREDENTIAL) : end if end >= 0 else len(text)].split("/", 3)
    return (scope[0], scope[2]) if len(scope) == 4 and scope[0] and scope[2] else None


def credential(authorization: str | None, query: Iterable[tuple[str, str]] = ()) -> Credential | None:
    """The SigV4 credential of a request (see the module contract)."""
    if authorization is not None and authorization.startswith(ALGORITHM + " "):
        fields = dict(_field(part) for part in authorization[len(ALGORITHM) + 1 :].split(","))
        return _credential(fields.get("Credential"), fields.get("SignedHeaders"), fields.get("Signature"), False)
    parameters = dict(query)
    if parameters.get("X-Amz-Algorithm") != ALGORITHM:
        return None
    return _credential(
        parameters.get("X-Amz-Credential"),
        parameters.get("X-Amz-SignedHeaders"),
        parameters.get("X-Amz-Signature"),
        True,
    )


def account_of(access_key_id: str) -> str | None:
    """The account a 12-digit access key id names (see the module contract)."""
    return access_key_id if len(access_key_id) == 12 and access_key_id.isdigit() else None


def _field(part: str) -> tuple[str, str]:
    name, _, value = part.strip().partition("=")
    return name, value


def _credential(scope: str | None, signed: str | None, signature: str | None, presigned: bool) -> Credential | None:
    parts = (scope or "").split("/")
    if len(parts) != 5 or parts[4] != "aws4_request" or not all(parts) or not signature:
        return None
    headers = tuple(name for name in (signed or "").split(";") if name)
    return Credential(parts[0], parts[1], parts[2], parts[3], headers, signature, presigned)
