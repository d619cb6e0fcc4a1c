"""Step 5: authorization by the method's `authorizationType` (spec §7, §12.1): one module per kind.

- `NONE`: nothing to check.
- `AWS_IAM`: `iam.check` (a SigV4-signed request; the caller fills `$context.identity`).
- `CUSTOM`: `lambda_authorizer.check` (TOKEN and REQUEST Lambda authorizers, their cache and policy).
- `COGNITO_USER_POOLS`: `cognito.check` (ID and access tokens of the authorizer's user pools).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from apigw_mock.invoke.guards import cognito, iam, lambda_authorizer

if TYPE_CHECKING:
    from apigw_mock.invoke.call import Call
    from apigw_mock.invoke.ports import Ports


def check(call: Call, ports: Ports) -> Call:
    kind = call.method.authorization_type
    if kind == "AWS_IAM":
        return iam.check(call, ports)
    if kind == "CUSTOM":
        return lambda_authorizer.check(call, ports)
    if kind == "COGNITO_USER_POOLS":
        return cognito.check(call, ports)
    return call
