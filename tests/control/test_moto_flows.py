"""The flows moto users write for custom domains and VPC links, unchanged with `mock_apigateway` in place of
`mock_aws`, wherever moto and AWS agree (issue 14). Where they disagree AWS wins (see the report/README):
moto accepts a domain name without a certificate, answers a new VPC link `AVAILABLE` at once, says `VPCLink not
found`, and lets a second `(none)` mapping replace the first; the mock follows AWS / spec §18 instead.
The domain name -> base path mapping -> *stage* flow needs CreateStage (deployments branch)."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from apigw_mock import mock_apigateway


@mock_apigateway
def test_domain_name_then_base_path_mappings_as_moto_users_write_it() -> None:
    client = boto3.client("apigateway", region_name="us-west-2")
    domain = client.create_domain_name(
        domainName="testDomain", certificateName="test.certificate", certificateArn="arn:aws:acm:cert"
    )
    api_id = client.create_rest_api(name="my_api", description="this is my api")["id"]

    mapping = client.create_base_path_mapping(domainName="testDomain", restApiId=api_id)
    listed = client.get_base_path_mappings(domainName="testDomain")["items"]
    fetched = client.get_domain_name(domainName="testDomain")

    assert (domain["domainName"], domain["certificateName"]) == ("testDomain", "test.certificate")
    assert (mapping["basePath"], mapping["restApiId"]) == ("(none)", api_id)
    assert "stage" not in mapping
    assert listed == [{"basePath": "(none)", "restApiId": api_id}]
    assert fetched["domainNameStatus"] == "AVAILABLE"
    assert fetched["distributionHostedZoneId"] == "Z2FDTNDATAQYW2"


@pytest.mark.parametrize(
    ("call", "code", "message"),
    [
        (
            lambda c, api: c.create_base_path_mapping(domainName="unknown-domain", restApiId=api),
            "NotFoundException",
            "Invalid domain name identifier specified",
        ),
        (
            lambda c, api: c.create_base_path_mapping(domainName="testDomain", restApiId="none-exists-api"),
            "BadRequestException",
            "Invalid REST API identifier specified",
        ),
        (
            lambda c, api: c.create_base_path_mapping(domainName="testDomain", restApiId=api, stage="unknown-stage"),
            "BadRequestException",
            "Invalid stage identifier specified",
        ),
        (
            lambda c, api: c.create_base_path_mapping(domainName="testDomain", restApiId=api, basePath="v1/v2"),
            "BadRequestException",
            "API Gateway V1 doesn't support the slash character (/) in base path mappings. "
            "To create a multi-level base path mapping, use API Gateway V2.",
        ),
        (
            lambda c, api: c.get_base_path_mapping(domainName="testDomain", basePath="unknown"),
            "NotFoundException",
            "Invalid base path mapping identifier specified",
        ),
        (
            lambda c, api: c.get_domain_name(domainName="unknown"),
            "NotFoundException",
            "Invalid domain name identifier specified",
        ),
    ],
)
def test_the_errors_moto_and_aws_agree_on(call: Any, code: str, message: str) -> None:
    with mock_apigateway():
        client = boto3.client("apigateway", region_name="us-west-2")
        client.create_domain_name(domainName="testDomain", certificateArn="arn:aws:acm:cert")
        api_id = client.create_rest_api(name="my_api")["id"]
        with pytest.raises(ClientError) as caught:
            call(client, api_id)

    assert caught.value.response["Error"]["Code"] == code
    assert caught.value.response["Error"]["Message"] == message


@mock_apigateway
def test_a_duplicate_base_path_conflicts_as_in_moto() -> None:
    client = boto3.client("apigateway", region_name="us-west-2")
    client.create_domain_name(domainName="testDomain", certificateArn="arn:aws:acm:cert")
    api_id = client.create_rest_api(name="my_api")["id"]
    client.create_base_path_mapping(domainName="testDomain", restApiId=api_id, basePath="v1")

    with pytest.raises(ClientError) as caught:
        client.create_base_path_mapping(domainName="testDomain", restApiId=api_id, basePath="v1")

    assert caught.value.response["Error"]["Code"] == "ConflictException"
    assert caught.value.response["Error"]["Message"] == "Base path already exists for this domain name"


@mock_apigateway
def test_vpc_link_then_integration_as_moto_users_write_it() -> None:
    client = boto3.client("apigateway", region_name="eu-west-2")
    link = client.create_vpc_link(
        name="vpcl",
        description="my first vpc link",
        targetArns=["elbarn"],
        tags={"key1": "value1"},
    )
    api = client.create_rest_api(name="my_api")
    root = api["rootResourceId"]
    client.put_method(restApiId=api["id"], resourceId=root, httpMethod="GET", authorizationType="NONE")

    integration = client.put_integration(
        restApiId=api["id"],
        resourceId=root,
        httpMethod="GET",
        type="HTTP_PROXY",
        integrationHttpMethod="GET",
        uri="http://my-nlb.internal",
        connectionType="VPC_LINK",
        connectionId=link["id"],
    )
    links = client.get_vpc_links()["items"]
    client.delete_vpc_link(vpcLinkId=link["id"])

    assert (link["name"], link["description"], link["targetArns"], link["tags"]) == (
        "vpcl",
        "my first vpc link",
        ["elbarn"],
        {"key1": "value1"},
    )
    assert integration["connectionId"] == link["id"]
    assert [item["id"] for item in links] == [link["id"]]
    assert client.get_vpc_links()["items"] == []
