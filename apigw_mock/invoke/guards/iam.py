"""AWS_IAM methods: the request must be SigV4-signed (spec §12.1); the signer fills `$context.identity` (spec §9.4).

Contract: `check(call, ports)` reads the credential (`sigv4.credential`: the `Authorization` header, or a presigned
URL's `X-Amz-*` query parameters):
- none (unsigned, or another scheme such as `Bearer`): 403 `Missing Authentication Token`
  (MISSING_AUTHENTICATION_TOKEN);
- scoped to another region than the API's, or to another service than `execute-api`: 403 INVALID_SIGNATURE with
  AWS's texts `Credential should be scoped to a valid region, not '<region>'. ` and `Credential should be scoped to
  correct service: 'execute-api'. ` [INF: AWS's SigV4 texts as quoted in the field, unverified for execute-api];
- signed with a key a test registered (`apigw.register_credentials(key, secret)`, opt-in) whose signature does
  not verify: 403 INVALID_SIGNATURE with AWS's text (`Ports.signature_problem`);
- else admitted. Other keys' signatures are not checked (the mock knows no secret keys), nor the signing time.
`$context.identity` (and the proxy event's `requestContext.identity`) then holds, the rest staying null [UNK: AWS
derives them from IAM, which the mock does not model]: `accessKey` the key id; `accountId` the key id when it is
12 digits (the local-testing convention, `sigv4.account_of`), else the API owner's account; `caller` and `user`
the key id (AWS: the principal id); `userArn` `arn:aws:iam::<accountId>:user/<key id>`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from apigw_mock import sigv4
from apigw_mock.invoke import errors
from apigw_mock.invoke.call import replaced

if TYPE_CHECKING:
    from apigw_mock.invoke.call import Call
    from apigw_mock.invoke.ports import Ports

SERVICE = "execute-api"
WRONG_REGION = "Credential should be scoped to a valid region, not '{region}'. "
WRONG_SERVICE = f"Credential should be scoped to correct service: '{SERVICE}'. "


def check(call: Call, ports: Ports) -> Call:
    found = sigv4.credential(call.request.header("Authorization"), call.request.query)
    if found is None:
        raise errors.MissingAuthenticationToken()
    if found.region != call.target.region:
        raise errors.InvalidSignature(WRONG_REGION.format(region=found.region))
    if found.service != SERVICE:
        raise errors.InvalidSignature(WRONG_SERVICE)
    problem = ports.signature_problem(call.request, call.target, found)
    if problem is not None:
        raise errors.InvalidSignature(problem)
    account = sigv4.account_of(found.access_key) or call.target.account_id
    identity = {
        **call.context["identity"],
        "accessKey": found.access_key,
        "accountId": account,
        "caller": found.access_key,
        "user": found.access_key,
        "userArn": f"arn:aws:iam::{account}:user/{found.access_key}",
    }
    return replaced(call, context={**call.context, "identity": identity})
