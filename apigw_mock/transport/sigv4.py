"""Reading who signed a request: the SigV4 `Authorization` header's credential scope.

Signatures are not checked (the mock has no secret keys to check them with); the scope names the access key id
and the signing region, which select the account and region a request is answered from.
"""

from __future__ import annotations

_CREDENTIAL = "Credential="


def signing_scope(authorization: str | bytes | None) -> tuple[str, str] | None:
    """(access key id, region) from a SigV4 `Authorization` header (`... Credential=<key>/<date>/<region>/...`)."""
    text = authorization.decode("latin-1") if isinstance(authorization, bytes) else authorization or ""
    start = text.find(_CREDENTIAL)
    if start < 0:
        return None
    end = text.find(",", start)
    scope = text[start + len(_CREDENTIAL) : end if end >= 0 else len(text)].split("/", 3)
    return (scope[0], scope[2]) if len(scope) == 4 and scope[0] and scope[2] else None
