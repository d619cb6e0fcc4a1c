"""Fuzzing UpdateDomainName, UpdateBasePathMapping, UpdateVpcLink, UpdateDocumentationPart and
UpdateDocumentationVersion with random patch lists (the strategies of tests/test_update_fuzz.py), through boto3
with client-side validation off. Whatever is sent: only modelled AWS errors; a failed patch changes nothing; a
successful one answers what a later Get shows (a domain name's `UPDATING` reads `AVAILABLE` afterwards)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from hypothesis import HealthCheck, given, settings
from msgspec import Struct

from apigw_mock import mock_apigateway
from apigw_mock.domain.base_path_mapping import BasePathMapping
from apigw_mock.domain.documentation import DocumentationPart, DocumentationVersion
from apigw_mock.domain.domain_name import DomainName
from apigw_mock.domain.vpc_link import VpcLink
from tests.test_update_fuzz import ALLOWED_ERRORS, patch_lists

CERT = "arn:aws:acm:us-east-1:123456789012:certificate/edge"


def _graph(client: Any) -> dict[str, Any]:
    api = client.create_rest_api(name="fuzz")["id"]
    client.create_rest_api(name="other")
    client.create_domain_name(domainName="api.example.com", certificateArn=CERT)
    client.create_base_path_mapping(domainName="api.example.com", restApiId=api, basePath="v1")
    client.create_base_path_mapping(domainName="api.example.com", restApiId=api, basePath="v2")
    link = client.create_vpc_link(name="l", targetArns=["arn:nlb"])["id"]
    part = client.create_documentation_part(restApiId=api, location={"type": "API"}, properties=json.dumps({"a": 1}))[
        "id"
    ]
    client.create_documentation_version(restApiId=api, documentationVersion="1.0")
    return {"api": api, "link": link, "part": part}


@dataclass(frozen=True)
class Surface:
    update: str
    get: str
    model: type[Struct]
    address: Callable[[dict[str, Any]], dict[str, str]]
    readdress: Callable[[dict[str, Any], dict[str, Any]], dict[str, str]] | None = None
    """The Get's members after a successful update that may have renamed the node."""


SURFACES = [
    Surface("update_domain_name", "get_domain_name", DomainName, lambda g: {"domainName": "api.example.com"}),
    Surface(
        "update_base_path_mapping",
        "get_base_path_mapping",
        BasePathMapping,
        lambda g: {"domainName": "api.example.com", "basePath": "v1"},
        lambda g, reply: {"domainName": "api.example.com", "basePath": reply["basePath"]},
    ),
    Surface("update_vpc_link", "get_vpc_link", VpcLink, lambda g: {"vpcLinkId": g["link"]}),
    Surface(
        "update_documentation_part",
        "get_documentation_part",
        DocumentationPart,
        lambda g: {"restApiId": g["api"], "documentationPartId": g["part"]},
    ),
    Surface(
        "update_documentation_version",
        "get_documentation_version",
        DocumentationVersion,
        lambda g: {"restApiId": g["api"], "documentationVersion": "1.0"},
    ),
]


def _body(resp: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in resp.items() if key != "ResponseMetadata"}


@pytest.mark.parametrize("surface", SURFACES, ids=lambda s: s.update)
def test_random_patches_are_all_or_nothing(surface: Surface) -> None:
    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(ops=patch_lists(surface.model.PATCHABLE))  # type: ignore[attr-defined]
    def check(ops: list[dict[str, Any]]) -> None:
        with mock_apigateway():
            client = boto3.client("apigateway", region_name="us-east-1", config=Config(parameter_validation=False))
            graph = _graph(client)
            address = surface.address(graph)
            before = _body(getattr(client, surface.get)(**address))
            try:
                reply = _body(getattr(client, surface.update)(**address, patchOperations=ops))
            except ClientError as error:
                assert error.response["Error"]["Code"] in ALLOWED_ERRORS
                assert _body(getattr(client, surface.get)(**address)) == before
                return
            readdressed = surface.readdress(graph, reply) if surface.readdress else address
            after = _body(getattr(client, surface.get)(**readdressed))
            if reply.get("domainNameStatus") == "UPDATING":
                reply["domainNameStatus"] = "AVAILABLE"
            assert after == reply

    check()
