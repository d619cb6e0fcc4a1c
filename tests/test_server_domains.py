"""Domain names, base path mappings, VPC links, documentation import and GetSdk's binary reply over real HTTP."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from apigw_mock.server import running_server
from tests.stages import ensure_stage

CERT = "arn:aws:acm:us-east-1:123456789012:certificate/edge"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with running_server() as url:
        yield boto3.client(
            "apigateway", endpoint_url=url, region_name="us-east-1", aws_access_key_id="k", aws_secret_access_key="s"
        )


def test_domain_name_to_base_path_mapping(client: Any) -> None:
    api = client.create_rest_api(name="served")["id"]
    client.create_domain_name(domainName="served.example.com", certificateArn=CERT)

    created = client.create_base_path_mapping(domainName="served.example.com", restApiId=api)
    fetched = client.get_base_path_mapping(domainName="served.example.com", basePath="(none)")

    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert (fetched["basePath"], fetched["restApiId"]) == ("(none)", api)
    assert client.delete_domain_name(domainName="served.example.com")["ResponseMetadata"]["HTTPStatusCode"] == 202


def test_vpc_link_lifecycle_and_documentation_import(client: Any) -> None:
    link = client.create_vpc_link(name="l", targetArns=["arn:nlb"])
    api = client.create_rest_api(name="documented")["id"]
    document = {
        "x-amazon-apigateway-documentation": {"documentationParts": [{"location": {"type": "API"}, "properties": {}}]}
    }

    imported = client.import_documentation_parts(restApiId=api, body=json.dumps(document), failOnWarnings=True)

    assert (link["ResponseMetadata"]["HTTPStatusCode"], link["status"]) == (202, "PENDING")
    assert client.get_vpc_link(vpcLinkId=link["id"])["status"] == "AVAILABLE"
    assert [p["id"] for p in client.get_documentation_parts(restApiId=api)["items"]] == imported["ids"]


def test_get_sdk_is_a_zip_over_http(client: Any) -> None:
    api = client.create_rest_api(name="sdk")["id"]
    ensure_stage(client, api)

    resp = client.get_sdk(restApiId=api, stageName="prod", sdkType="ruby")

    assert resp["contentType"] == "application/octet-stream"
    assert "README.txt" in zipfile.ZipFile(io.BytesIO(resp["body"].read())).namelist()
