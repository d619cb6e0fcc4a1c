"""The patch tables of domain names, base path mappings, VPC links and documentation, run on the engine alone."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from apigw_mock.domain.backend import ApiGatewayBackend
from apigw_mock.domain.base_path_mapping import BasePathMapping
from apigw_mock.domain.documentation import DocumentationPart, DocumentationPartLocation, DocumentationVersion
from apigw_mock.domain.domain_name import DomainName, settled
from apigw_mock.domain.rest_api import EndpointConfiguration
from apigw_mock.domain.vpc_link import VpcLink, available
from apigw_mock.exceptions import BadRequestException
from apigw_mock.patch import apply_patch

EDGE = DomainName(
    domain_name="api.example.com",
    certificate_arn="arn:cert",
    distribution_domain_name="d1234567890123.cloudfront.net",
    distribution_hosted_zone_id="Z2FDTNDATAQYW2",
    endpoint_configuration=EndpointConfiguration(types=["EDGE"], ip_address_type="ipv4"),
    domain_name_status="AVAILABLE",
    security_policy="TLS_1_2",
)
MAPPING = BasePathMapping(base_path="v1", rest_api_id="abcdefghij", stage="prod")
LINK = available(VpcLink(id="ab3de6", name="l", target_arns=["arn:nlb"]))
PART = DocumentationPart(id="a1b2c3", location=DocumentationPartLocation(type="API"), properties="{}")
VERSION = DocumentationVersion(version="1.0", created_date=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))


def _replace(path: str, value: str | None) -> dict[str, Any]:
    return {"op": "replace", "path": path, "value": value}


@pytest.mark.parametrize(
    ("node", "op", "expected"),
    [
        (EDGE, _replace("/certificateArn", "arn:new"), {"certificate_arn": "arn:new"}),
        (EDGE, _replace("/certificateName", "n"), {"certificate_name": "n"}),
        (EDGE, _replace("/securityPolicy", "TLS_1_0"), {"security_policy": "TLS_1_0"}),
        (EDGE, _replace("/policy", "{}"), {"policy": "{}"}),
        (
            EDGE,
            _replace("/ownershipVerificationCertificateArn", "arn:o"),
            {"ownership_verification_certificate_arn": "arn:o"},
        ),
        (EDGE, _replace("/endpointConfiguration/types/0", "EDGE"), {}),
        (MAPPING, _replace("/basePath", "v2"), {"base_path": "v2"}),
        (MAPPING, _replace("/basePath", ""), {"base_path": "(none)"}),
        (MAPPING, _replace("/restapiId", "0123456789"), {"rest_api_id": "0123456789"}),
        (MAPPING, _replace("/stage", "dev"), {"stage": "dev"}),
        (LINK, _replace("/name", "n"), {"name": "n"}),
        (LINK, _replace("/description", "d"), {"description": "d"}),
        (PART, _replace("/properties", '{"a": 1}'), {"properties": '{"a": 1}'}),
        (VERSION, _replace("/description", "d"), {"description": "d"}),
    ],
)
def test_each_path_sets_its_field(node: Any, op: dict[str, Any], expected: dict[str, Any]) -> None:
    assert apply_patch(node, [op]) == node.model_copy(update=expected)


def test_mutual_tls_paths_build_the_structure() -> None:
    updated = apply_patch(EDGE, [_replace("/mutualTlsAuthentication/truststoreUri", "s3://b/k")])

    assert updated.mutual_tls_authentication is not None
    assert updated.mutual_tls_authentication.truststore_uri == "s3://b/k"


def test_migration_generates_the_new_names_and_settles() -> None:
    backend = ApiGatewayBackend("123456789012", "eu-west-1")
    ops = [_replace("/endpointConfiguration/types/0", "REGIONAL"), _replace("/regionalCertificateArn", "arn:r")]

    updated = apply_patch(EDGE, ops, context=backend)

    assert updated.endpoint_configuration.types == ["REGIONAL"]
    assert (updated.regional_hosted_zone_id, updated.distribution_domain_name) == ("ZLY8HYME6SFDD", None)
    assert updated.regional_domain_name is not None and updated.regional_domain_name.endswith("eu-west-1.amazonaws.com")
    assert (updated.domain_name_status, settled(updated).domain_name_status) == ("UPDATING", "AVAILABLE")


TYPES = "Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE"
CERTIFICATE = (
    "A certificate (certificateArn, or certificateName with its body and private key) is required for an EDGE domain"
    " name"
)
ONLY_REPLACE = "Invalid patch operation specified. Must be one of: [replace]"


@pytest.mark.parametrize(
    ("node", "op", "message"),
    [
        (EDGE, _replace("/endpointConfiguration/types/1", "EDGE"), "Invalid patch path /endpointConfiguration/types/1"),
        (EDGE, _replace("/endpointConfiguration/types/0", "CLOUD"), TYPES),
        (EDGE, _replace("/certificateArn", None), CERTIFICATE),
        (EDGE, {"op": "remove", "path": "/policy"}, ONLY_REPLACE),
        (MAPPING, _replace("/restApiId", "x"), "Invalid patch path /restApiId"),
        (LINK, _replace("/targetArns", "x"), "Invalid patch path /targetArns"),
        (LINK, {"op": "add", "path": "/name", "value": "x"}, ONLY_REPLACE),
        (PART, _replace("/properties", "[]"), "Invalid properties specified: must be a JSON object"),
        (VERSION, _replace("/version", "2"), "Invalid patch path /version"),
    ],
)  # fmt: skip
def test_refusals(node: Any, op: dict[str, Any], message: str) -> None:
    with pytest.raises(BadRequestException) as caught:
        apply_patch(node, [op], context=ApiGatewayBackend("123456789012", "us-east-1"))
    assert caught.value.message == message
