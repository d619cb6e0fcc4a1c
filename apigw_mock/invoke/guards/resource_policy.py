"""Step 4: the REST API's resource policy (spec §4, §12.1; DG:apigateway-authorization-flow).

Contract:
- The deployment's RestApi `policy` (the JSON text PutRestApi/UpdateRestApi stored) is compiled once per text and
  API by `invoke.policy` (the `execute-api:/...` shorthand spelt out as `arn:aws:execute-api:{region}:{account}:
  {api}/...`, as AWS expands it when it stores a policy) and decided for `execute-api:Invoke` on the request's
  method ARN (`method_arn`: `arn:aws:execute-api:{region}:{account}:{api}/{stage}/{verb}/{path}`, the actual path
  without its leading slash, spec §7.2).
- The caller is `$context.identity.userArn` when an earlier step set it, else `anonymous` (AWS_IAM's caller is
  known only at step 5, so a resource policy naming IAM principals does not apply here: [INF]). Condition keys:
  `aws:SourceIp` (the request's source address) and `aws:SourceVpce` (the `x-amzn-vpce-id` header: [UNK] how a
  test names the VPC endpoint a private API is called through; that header is what API Gateway forwards).
- An explicit `Deny` ends the request here, before any authorizer runs: 403 ACCESS_DENIED `User: anonymous is not
  authorized to perform: execute-api:Invoke on resource: <arn> with an explicit deny`. An `Allow` passes.
- How it combines with the method's authorization (AWS's authorization-flow tables): with no authorization
  (`NONE`), a policy that allows nothing is the implicit deny, 403 `User: anonymous is not authorized to perform:
  execute-api:Invoke on resource: <arn>`. With a Lambda authorizer the decision is the union of both policies:
  an explicit Deny in either denies; otherwise an Allow in either allows (`Allow` + neither = Allow, neither +
  `Allow` = Allow); when neither allows, the authorizer's implicit deny stands (`lambda_authorizer` asks
  `decision(call)`). Cognito and IAM methods are treated alike: a silent resource policy leaves the decision to
  their step ([INF]; the mock does not model the caller's own IAM policies, as for a same-account caller).
- A policy that is not valid JSON or not a policy ([UNK]: AWS refuses to store one) denies every request with the
  implicit-deny text.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING

from apigw_mock.domain import api_policy
from apigw_mock.invoke import errors
from apigw_mock.invoke.policy import NO_VALUES, Decision, Policy, Values, compile_policy

if TYPE_CHECKING:
    from apigw_mock.invoke.call import Call
    from apigw_mock.invoke.ports import Ports

INVOKE = "execute-api:Invoke"
EXPLICIT_DENY = "User: {user} is not authorized to perform: execute-api:Invoke on resource: {arn} with an explicit deny"
IMPLICIT_DENY = "User: {user} is not authorized to perform: execute-api:Invoke on resource: {arn}"
SHORTHAND = "execute-api:/"
VPCE_HEADER = "x-amzn-vpce-id"
_UNPARSABLE = Policy(())


def check(call: Call, ports: Ports) -> Call:
    """Step 4 (see the module contract)."""
    text = call.deployed.api.policy
    if not text:
        return call
    arn = method_arn(call)
    found = _decide(call, text, arn)
    if found is Decision.DENY:
        raise errors.AccessDenied(EXPLICIT_DENY.format(user=_user(call) or "anonymous", arn=arn))
    if found is Decision.NONE and call.method.authorization_type in (None, "NONE"):
        raise errors.AccessDenied(IMPLICIT_DENY.format(user=_user(call) or "anonymous", arn=arn))
    return call


def decision(call: Call) -> Decision:
    """What the API's resource policy says about `call` (`NONE` also when the API has none)."""
    text = call.deployed.api.policy
    return _decide(call, text, method_arn(call)) if text else Decision.NONE


def method_arn(call: Call) -> str:
    """`arn:{partition}:execute-api:{region}:{account}:{api}/{stage}/{verb}/{path}` for the request (spec §7.2)."""
    target, request = call.target, call.request
    return f"{_prefix(target.region, target.account_id, target.api_id)}/{target.stage}/{request.method}{request.path}"


def _decide(call: Call, text: str, arn: str) -> Decision:
    target = call.target
    policy = _compiled(text, _prefix(target.region, target.account_id, target.api_id))
    return policy.decide(INVOKE, arn, _user(call), condition_values(call, policy))


def condition_values(call: Call, policy: Policy) -> Values:
    """The condition keys `policy` can test for `call` (lower case, as `invoke.policy` reads them)."""
    if not policy.conditional:
        return NO_VALUES
    return {"aws:sourceip": call.request.source_ip, "aws:sourcevpce": call.request.header(VPCE_HEADER)}


def _user(call: Call) -> str | None:
    identity = call.context.get("identity")
    return identity.get("userArn") if isinstance(identity, dict) else None


@lru_cache(maxsize=256)
def _compiled(text: str, api_arn: str) -> Policy:
    """The policy of an API (`text`: as the API keeps it, `api_arn`: its execute-api ARN), compiled once."""
    try:
        return compile_policy(json.loads(api_policy.document(text)), expand=lambda resource: _expand(resource, api_arn))
    except ValueError:  # not JSON, or a PolicyError: a policy of no statements, which allows nothing
        return _UNPARSABLE


def _expand(resource: str, api_arn: str) -> str:
    return f"{api_arn}/{resource.removeprefix(SHORTHAND)}" if resource.startswith(SHORTHAND) else resource


@lru_cache(maxsize=256)
def _prefix(region: str, account_id: str, api_id: str) -> str:
    partition = "aws-cn" if region.startswith("cn-") else "aws-us-gov" if region.startswith("us-gov-") else "aws"
    return f"arn:{partition}:execute-api:{region}:{account_id}:{api_id}"
