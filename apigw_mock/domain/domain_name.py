"""Custom domain names (EDGE, REGIONAL, PRIVATE) and the fields AWS fills in for each; their patch table
(spec control-plane-2 §9.1–§9.2).

Contract: `new_domain_name(backend, members)` checks a CreateDomainName request and returns the DomainName as AWS
answers it: EDGE (the default) gets a CloudFront distribution name and `Z2FDTNDATAQYW2` [MODEL]; REGIONAL a
`d-….execute-api.{region}.amazonaws.com` name and the region's hosted zone [DOC; table INF]; PRIVATE an 8-character
`domainNameId`, an ARN with the account and `+id`, and its policy's `execute-api:/*` expanded [DOC]. Every name is
`AVAILABLE`, `securityPolicy` `TLS_1_2` by default [DOC], `routingMode` `BASE_PATH_MAPPING_ONLY` and
`ipAddressType` `ipv4` [UNK §18.10]. Public names are keyed by name; private ones by `name+id` (`key`).

Texts AWS has not been recorded saying are marked [UNK]; each rule and text has one owner here, shared by Create and
UpdateDomainName's `finish`.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any, ClassVar, get_args

from apigw_mock import patch
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.enums import DomainNameStatus, EndpointType, SecurityPolicy
from apigw_mock.domain.rest_api import EndpointConfiguration
from apigw_mock.dump import Timestamp
from apigw_mock.exceptions import BadRequestException, ConflictException

if TYPE_CHECKING:
    from apigw_mock.domain.backend import ApiGatewayBackend

DUPLICATE = "The domain name you provided already exists."  # [UNK §9.1]
NOT_FOUND = "Invalid domain name identifier specified"  # [UNK §2 → §18.1]
EDGE_CERTIFICATE = "A certificate (certificateArn, or certificateName with its body and private key) is required for an EDGE domain name"  # noqa: E501  [UNK]
REGIONAL_CERTIFICATE = "A regionalCertificateArn is required for a REGIONAL domain name"  # [UNK]
PRIVATE_CERTIFICATE = "A certificateArn is required for a PRIVATE domain name"  # [UNK]
PRIVATE_POLICY = "A policy is required for a PRIVATE domain name"  # [UNK]
ENDPOINT_TYPES = "Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE"  # RestApi's text [INF]
PRIVATE_MIGRATION = "A PRIVATE domain name cannot change its endpoint type"  # [UNK]
EDGE_ZONE = "Z2FDTNDATAQYW2"  # CloudFront's hosted zone, every region [MODEL]
DOMAIN_ID_LENGTH = 8  # private names (spec §1.3)
REGIONAL_ZONES = {
    "us-east-1": "Z1UJRXOUMOOFQ8",  # [DOC spec §9.1]
    "us-east-2": "ZOJJZC49E0EPZ",
    "us-west-1": "Z2MUQ32089INYE",
    "us-west-2": "Z2OJLYMUO9EFXC",
    "eu-west-1": "ZLY8HYME6SFDD",
    "eu-west-2": "ZJ5UAJN8Y3Z2Q",
    "eu-central-1": "Z1U9ULNL0V5AJ3",
    "ap-southeast-1": "ZL327KTPIQFUL",
    "ap-southeast-2": "Z2RPCDW04V8134",
    "ap-northeast-1": "Z1YSHQZHG15GKL",
}
"""API Gateway's regional hosted zones [INF: AWS's endpoint table as remembered; other regions get us-east-1's]."""
_CERTIFICATE_FILES = ("certificate_body", "certificate_private_key", "certificate_chain")
_SECURITY_POLICY = "Invalid security policy specified: {value}"  # [UNK]


class MutualTlsAuthentication(ApiGatewayModel, kw_only=True):
    """Two-way TLS for a REGIONAL name: the truststore in S3 (echoed as given)."""

    truststore_uri: str | None = None
    truststore_version: str | None = None
    truststore_warnings: list[str] | None = None
    """Problems AWS found in the truststore; the mock reads none, so never present."""


# ---- UpdateDomainName (spec §9.2 [INF]) ---------------------------------------------------------------------------


def _replace_endpoint_type(doc: dict[str, Any], op: patch.PatchOperation, key: str | None, context: Any) -> None:
    """`/endpointConfiguration/types/0`: EDGE <-> REGIONAL migration; the new type's names are generated, the old
    type's dropped, and the reply says `UPDATING` (the stored name is `AVAILABLE` again: `settled`)."""
    config = dict(doc.get("endpointConfiguration") or {})
    current = (config.get("types") or ["EDGE"])[0]
    if key != "0":
        raise BadRequestException(f"Invalid patch path {op.path}")
    if op.value not in get_args(EndpointType):
        raise BadRequestException(ENDPOINT_TYPES)
    if "PRIVATE" in (current, op.value) and current != op.value:
        raise BadRequestException(PRIVATE_MIGRATION)
    if op.value is None or op.value == current:
        return
    config["types"] = [op.value]
    doc["endpointConfiguration"] = config
    for name, value in endpoint_fields(op.value, context).items():
        doc[DomainName.model_fields[name].encode_name] = value
    doc["domainNameStatus"] = "UPDATING"


def _replace_policy(doc: dict[str, Any], op: patch.PatchOperation, key: str | None, context: Any) -> None:
    """`/policy`: a private name's shorthand is expanded as on Create; a public name's policy is kept as sent."""
    private = doc.get("domainNameId") is not None
    doc["policy"] = expanded_policy(op.value, doc["domainNameArn"]) if private else op.value


def _check_certificates(doc: dict[str, Any], context: Any) -> None:
    kind = ((doc.get("endpointConfiguration") or {}).get("types") or ["EDGE"])[0]
    reason = certificate_reason(
        kind, doc.get("certificateArn"), doc.get("certificateName"), doc.get("regionalCertificateArn")
    )
    if reason is not None:
        raise BadRequestException(reason)


def settled(node: DomainName) -> DomainName:
    """The name as kept after a reply: a migration in progress is done by the next read [INF]."""
    if node.domain_name_status != "UPDATING":
        return node
    return node.model_copy(update={"domain_name_status": "AVAILABLE"})


class DomainName(ApiGatewayModel, kw_only=True):
    """A custom domain name of the account (public: one per name; private: `name+domainNameId`)."""

    domain_name: str
    domain_name_id: str | None = None
    """Private names only (8 characters)."""
    domain_name_arn: str | None = None
    """`arn:aws:apigateway:{region}::/domainnames/{name}`; private: `…:{account}:/domainnames/{name}+{id}`."""
    certificate_name: str | None = None
    certificate_arn: str | None = None
    certificate_upload_date: Timestamp | None = None
    """When the domain name's certificate was given (every endpoint type)."""
    regional_domain_name: str | None = None
    regional_hosted_zone_id: str | None = None
    regional_certificate_name: str | None = None
    regional_certificate_arn: str | None = None
    distribution_domain_name: str | None = None
    distribution_hosted_zone_id: str | None = None
    endpoint_configuration: EndpointConfiguration
    domain_name_status: DomainNameStatus | None = None
    """`AVAILABLE`; `UPDATING` in the reply of an endpoint type migration, `AVAILABLE` from the next read on."""
    domain_name_status_message: str | None = None
    security_policy: str | None = None
    endpoint_access_mode: str | None = None
    tags: dict[str, str] | None = None
    """Omitted when none (spec §14.2)."""
    mutual_tls_authentication: MutualTlsAuthentication | None = None
    ownership_verification_certificate_arn: str | None = None
    management_policy: str | None = None
    policy: str | None = None
    routing_mode: str | None = None

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules(
        {
            "/certificateArn": patch.Field(),
            "/certificateName": patch.Field(),
            "/regionalCertificateArn": patch.Field(),
            "/regionalCertificateName": patch.Field(),
            "/endpointConfiguration/types/{key}": patch.Custom(_replace_endpoint_type),
            "/securityPolicy": patch.Field(parse=patch.one_of(get_args(SecurityPolicy), _SECURITY_POLICY)),
            "/mutualTlsAuthentication/truststoreUri": patch.Field(),
            "/mutualTlsAuthentication/truststoreVersion": patch.Field(),
            "/ownershipVerificationCertificateArn": patch.Field(),
            "/policy": patch.Custom(_replace_policy),
        },
        finish=_check_certificates,
    )

    @property
    def key(self) -> str:
        """Where the name is kept: the name, or `name+id` for a private one."""
        return domain_key(self.domain_name, self.domain_name_id)


def domain_key(name: str, domain_name_id: str | None) -> str:
    """The key of a domain name in its container (the parameters' `domainName` and `domainNameId`)."""
    return f"{name}+{domain_name_id}" if domain_name_id else name


def certificate_reason(
    endpoint_type: str, certificate_arn: str | None, certificate_name: str | None, regional_certificate_arn: str | None
) -> str | None:
    """Why a domain name of `endpoint_type` lacks the certificate it needs, or None (Create and Update)."""
    if endpoint_type == "REGIONAL":
        return None if regional_certificate_arn else REGIONAL_CERTIFICATE
    if endpoint_type == "PRIVATE":
        return None if certificate_arn else PRIVATE_CERTIFICATE
    return None if certificate_arn or certificate_name else EDGE_CERTIFICATE


def endpoint_fields(endpoint_type: str, backend: ApiGatewayBackend) -> dict[str, Any]:
    """The generated names of an endpoint type, by field name (None clears the other type's)."""
    edge, regional = endpoint_type == "EDGE", endpoint_type == "REGIONAL"
    return {
        "distribution_domain_name": f"d{backend.new_id(13)}.cloudfront.net" if edge else None,
        "distribution_hosted_zone_id": EDGE_ZONE if edge else None,
        "regional_domain_name": (
            f"d-{backend.new_id(10)}.execute-api.{backend.region}.amazonaws.com" if regional else None
        ),
        "regional_hosted_zone_id": REGIONAL_ZONES.get(backend.region, REGIONAL_ZONES["us-east-1"])
        if regional
        else None,
    }


def new_domain_name(backend: ApiGatewayBackend, members: dict[str, Any], existing: Collection[str]) -> DomainName:
    """The DomainName CreateDomainName answers (see the module docstring); `existing`: the keys in use."""
    config = dict(members.pop("endpoint_configuration", None) or {})
    kind = _single_type(config.get("types") or ["EDGE"])
    uploaded = {name: members.pop(name, None) for name in _CERTIFICATE_FILES}
    _check_certificate(kind, members, uploaded)
    name = members["domain_name"]
    taken = any(key.startswith(f"{name}+") for key in existing) if kind == "PRIVATE" else name in existing
    if taken:
        raise ConflictException(DUPLICATE)
    defaults = {
        "certificate_upload_date": backend.now(),  # REGIONAL too [DOC CLI:get-domain-names 2024 output]
        "security_policy": members.get("security_policy") or "TLS_1_2",
        "routing_mode": members.get("routing_mode") or "BASE_PATH_MAPPING_ONLY",
        "tags": members.get("tags") or None,
    }
    identity = _identity(kind, name, backend, members.get("policy"))
    return DomainName.checked(
        **{**members, **endpoint_fields(kind, backend), **identity, **defaults},
        endpoint_configuration={"types": [kind], "ipAddressType": config.get("ipAddressType") or "ipv4"}
        | ({"vpcEndpointIds": config["vpcEndpointIds"]} if config.get("vpcEndpointIds") else {}),
        domain_name_status="AVAILABLE",
    )


def _single_type(types: list[str]) -> str:
    """The one endpoint type a domain name has."""
    if len(types) != 1 or types[0] not in get_args(EndpointType):
        raise BadRequestException(ENDPOINT_TYPES)
    return types[0]


def _check_certificate(kind: str, members: dict[str, Any], uploaded: dict[str, Any]) -> None:
    """The certificate the endpoint type needs, and a PRIVATE name's policy. An uploaded EDGE certificate is its
    body and private key (the chain is optional) [INF from the MODEL docs]."""
    reason = certificate_reason(
        kind, members.get("certificate_arn"), members.get("certificate_name"), members.get("regional_certificate_arn")
    )
    upload = uploaded["certificate_body"] and uploaded["certificate_private_key"]
    if kind == "EDGE" and reason is None and not members.get("certificate_arn") and not upload:
        reason = EDGE_CERTIFICATE
    if reason is None and kind == "PRIVATE" and not members.get("policy"):
        reason = PRIVATE_POLICY
    if reason is not None:
        raise BadRequestException(reason)


def _identity(kind: str, name: str, backend: ApiGatewayBackend, policy: str | None) -> dict[str, Any]:
    """`domainNameId`, `domainNameArn` and (private) the policy with `execute-api:/*` expanded."""
    if kind != "PRIVATE":
        return {"domain_name_arn": f"arn:aws:apigateway:{backend.region}::/domainnames/{name}"}
    domain_id = backend.new_id(DOMAIN_ID_LENGTH)
    arn = f"arn:aws:apigateway:{backend.region}:{backend.account_id}:/domainnames/{name}+{domain_id}"
    return {"domain_name_id": domain_id, "domain_name_arn": arn, "policy": expanded_policy(policy, arn)}


def expanded_policy(policy: str | None, domain_name_arn: str) -> str:
    """A private name's policy with the `execute-api:/*` shorthand spelt out as the name's execute-api ARN (the
    ARN's execute-api form [INF]), on Create and on `replace /policy`."""
    expanded = domain_name_arn.replace("arn:aws:apigateway:", "arn:aws:execute-api:", 1)
    return (policy or "").replace('"execute-api:/*"', f'"{expanded}"')
