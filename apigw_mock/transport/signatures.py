"""Checking a SigV4 signature, for AWS_IAM methods, against credentials a test registered (opt-in).

Contract: `problem(request, target, credential, secret)` is `Ports.signature_problem`: None when `secret` is None
(the key id was never registered with `apigw.register_credentials`: signatures stay unchecked, the default) or
when the signature botocore's own signer computes for the request equals the one sent; else AWS's
INVALID_SIGNATURE text, which quotes the canonical request and the string to sign [INF: AWS's SigV4 text as quoted
in the field]. The request is rebuilt as the client signed it: `https://{Host}/{stage}{path}?{query}` with only the
headers named in `SignedHeaders`, the `X-Amz-Date` (header or query) as the signing time, `X-Amz-Signature` left out
of a presigned URL's query. Calls whose host is not `{api}.execute-api.…` (server mode's path style, custom domain
names) are not checked: the path they signed is not the one the stage sees. The signing time is not checked either.
"""

from __future__ import annotations

import hmac
from urllib.parse import quote, urlencode

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from apigw_mock.invoke.ports import ExecuteRequest, Target
from apigw_mock.sigv4 import Credential

MISMATCH = (
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key"
    " and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request"
    " should have been\n'{canonical}'\n\nThe String-to-Sign should have been\n'{string_to_sign}'\n"
)


def problem(request: ExecuteRequest, target: Target, credential: Credential, secret: str | None) -> str | None:
    """AWS's text when the signature does not verify (see the module contract)."""
    host = request.header("Host") or target.host
    if secret is None or not host.startswith(f"{target.api_id}.execute-api."):
        return None
    query = [(name, value) for name, value in request.query if name != "X-Amz-Signature"]
    url = f"https://{host}/{target.stage}{request.path}" + (f"?{urlencode(query, quote_via=quote)}" if query else "")
    signed = set(credential.signed_headers)
    rebuilt = AWSRequest(request.method, url, data=request.body)
    for name, value in request.headers:
        if name.lower() in signed:
            rebuilt.headers.add_header(name, value)
    timestamp = request.header("X-Amz-Date") or dict(request.query).get("X-Amz-Date") or ""
    rebuilt.context["timestamp"] = timestamp
    signer = SigV4Auth(Credentials(credential.access_key, secret), credential.service, credential.region)
    canonical = signer.canonical_request(rebuilt)
    string_to_sign = signer.string_to_sign(rebuilt, canonical)
    if timestamp and hmac.compare_digest(signer.signature(string_to_sign, rebuilt), credential.signature):
        return None
    return MISMATCH.format(canonical=canonical, string_to_sign=string_to_sign)
