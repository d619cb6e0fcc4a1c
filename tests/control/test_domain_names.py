"""CreateDomainName, GetDomainName(s), UpdateDomainName, DeleteDomainName and domain name access associations
through boto3 (spec control-plane-2 §9.1, §9.2). Texts marked [UNK] in the spec are the mock's recommended choice
and are unverified against AWS."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

import pytest

from tests.helpers import body, raises_aws

CERT = "arn:aws:acm:us-east-1:123456789012:certificate/edge"
REGIONAL_CERT = "arn:aws:acm:us-east-1:123456789012:certificate/regional"
POLICY = json.dumps({"Statement": [{"Effect": "Allow", "Principal": "*", "Resource": "execute-api:/*"}]})
NOT_FOUND = "Invalid domain name identifier specified"  # [UNK]


def _private(client: Any, name: str = "private.example.com") -> dict[str, Any]:
    return body(
        client.create_domain_name(
            domainName=name, certificateArn=CERT, endpointConfiguration={"types": ["PRIVATE"]}, policy=POLICY
        )
    )


def test_edge_is_the_default_and_gets_a_cloudfront_distribution(client: Any) -> None:
    resp = client.create_domain_name(domainName="api.example.com", certificateArn=CERT)
    created = body(resp)
    uploaded = created.pop("certificateUploadDate")
    distribution = created.pop("distributionDomainName")

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert re.fullmatch(r"d[a-z0-9]{13}\.cloudfront\.net", distribution)
    assert uploaded.year >= 2024
    assert created == {
        "domainName": "api.example.com",
        "domainNameArn": "arn:aws:apigateway:us-east-1::/domainnames/api.example.com",
        "certificateArn": CERT,
        "distributionHostedZoneId": "Z2FDTNDATAQYW2",
        "endpointConfiguration": {"types": ["EDGE"], "ipAddressType": "ipv4"},
        "domainNameStatus": "AVAILABLE",
        "securityPolicy": "TLS_1_2",
        "routingMode": "BASE_PATH_MAPPING_ONLY",
    }
    assert body(client.get_domain_name(domainName="api.example.com")) == body(resp)


def test_regional_gets_a_regional_name_and_the_regions_hosted_zone(client: Any) -> None:
    created = body(
        client.create_domain_name(
            domainName="r.example.com",
            regionalCertificateArn=REGIONAL_CERT,
            endpointConfiguration={"types": ["REGIONAL"]},
            securityPolicy="TLS_1_0",
            tags={"team": "api"},
            mutualTlsAuthentication={"truststoreUri": "s3://bucket/ca.pem"},
        )
    )

    assert re.fullmatch(r"d-[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com", created.pop("regionalDomainName"))
    # The AWS CLI's get-domain-names example (2024) shows a REGIONAL name with its certificate's upload date.
    assert isinstance(created.pop("certificateUploadDate"), datetime)
    assert created == {
        "domainName": "r.example.com",
        "domainNameArn": "arn:aws:apigateway:us-east-1::/domainnames/r.example.com",
        "regionalHostedZoneId": "Z1UJRXOUMOOFQ8",
        "regionalCertificateArn": REGIONAL_CERT,
        "endpointConfiguration": {"types": ["REGIONAL"], "ipAddressType": "ipv4"},
        "domainNameStatus": "AVAILABLE",
        "securityPolicy": "TLS_1_0",
        "tags": {"team": "api"},
        "mutualTlsAuthentication": {"truststoreUri": "s3://bucket/ca.pem"},
        "routingMode": "BASE_PATH_MAPPING_ONLY",
    }


def test_private_names_get_an_id_an_account_arn_and_an_expanded_policy(client: Any) -> None:
    created = _private(client)
    domain_id = created["domainNameId"]
    arn = f"arn:aws:apigateway:us-east-1:123456789012:/domainnames/private.example.com+{domain_id}"

    assert re.fullmatch(r"[a-z0-9]{8}", domain_id)
    assert created["domainNameArn"] == arn
    assert json.loads(created["policy"])["Statement"][0]["Resource"] == (
        f"arn:aws:execute-api:us-east-1:123456789012:/domainnames/private.example.com+{domain_id}"
    )
    assert created["endpointConfiguration"]["types"] == ["PRIVATE"]
    assert "distributionDomainName" not in created and "regionalDomainName" not in created
    fetched = body(client.get_domain_name(domainName="private.example.com", domainNameId=domain_id))
    assert fetched == created
    with raises_aws("NotFoundException", NOT_FOUND, 404):  # without its id, the public name is meant
        client.get_domain_name(domainName="private.example.com")


def test_a_public_and_a_private_name_may_share_the_name(client: Any) -> None:
    client.create_domain_name(domainName="both.example.com", certificateArn=CERT)
    private = _private(client, "both.example.com")

    listed = client.get_domain_names()["items"]

    assert [(d["domainName"], d.get("domainNameId")) for d in listed] == [
        ("both.example.com", None),
        ("both.example.com", private["domainNameId"]),
    ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({}, None, id="edge-without-certificate"),
        pytest.param({"certificateName": "legacy", "certificateBody": "b"}, None, id="edge-upload-without-key"),
        pytest.param({"certificateName": "legacy", "certificatePrivateKey": "k"}, None, id="edge-upload-without-body"),
        pytest.param({"endpointConfiguration": {"types": ["REGIONAL"]}, "certificateArn": CERT}, None, id="regional"),
        pytest.param({"endpointConfiguration": {"types": ["PRIVATE"]}, "policy": POLICY}, None, id="private-cert"),
        pytest.param({"endpointConfiguration": {"types": ["PRIVATE"]}, "certificateArn": CERT}, None, id="policy"),
        pytest.param(
            {"endpointConfiguration": {"types": ["EDGE", "REGIONAL"]}, "certificateArn": CERT},
            "Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE",
            id="two-types",
        ),
    ],
)
def test_create_refuses_what_the_endpoint_type_lacks(client: Any, kwargs: dict[str, Any], message: str | None) -> None:
    with raises_aws("BadRequestException", message, 400):
        client.create_domain_name(domainName="bad.example.com", **kwargs)
    assert client.get_domain_names()["items"] == []


def test_a_legacy_certificate_upload_is_enough_for_edge_the_chain_is_optional(client: Any) -> None:
    created = body(
        client.create_domain_name(
            domainName="legacy.example.com",
            certificateName="legacy",
            certificateBody="-----BEGIN CERTIFICATE-----",
            certificatePrivateKey="-----BEGIN PRIVATE KEY-----",
        )
    )

    assert created["certificateName"] == "legacy"
    assert "certificateBody" not in created and "certificateArn" not in created
    assert "certificatePrivateKey" not in created  # never echoed


def test_duplicate_names_conflict(client: Any) -> None:
    client.create_domain_name(domainName="api.example.com", certificateArn=CERT)
    with raises_aws("ConflictException", "The domain name you provided already exists.", 409):  # [UNK]
        client.create_domain_name(domainName="api.example.com", certificateArn=CERT)


def test_get_domain_names_pages_and_other_accounts_share_nothing(client: Any) -> None:
    for index in range(3):
        client.create_domain_name(domainName=f"d{index}.example.com", certificateArn=CERT)

    first = client.get_domain_names(limit=2)
    second = client.get_domain_names(limit=2, position=first["position"])

    assert [d["domainName"] for d in first["items"] + second["items"]] == [f"d{i}.example.com" for i in range(3)]
    assert "position" not in second
    assert client.get_domain_names(resourceOwner="OTHER_ACCOUNTS")["items"] == []


def test_update_replaces_certificates_and_security_policy(client: Any) -> None:
    client.create_domain_name(domainName="api.example.com", certificateArn=CERT)
    ops = [
        {"op": "replace", "path": "/certificateArn", "value": "arn:new"},
        {"op": "replace", "path": "/securityPolicy", "value": "TLS_1_0"},
    ]

    updated = body(client.update_domain_name(domainName="api.example.com", patchOperations=ops))

    assert (updated["certificateArn"], updated["securityPolicy"]) == ("arn:new", "TLS_1_0")
    assert body(client.get_domain_name(domainName="api.example.com")) == updated


def test_edge_to_regional_migration_answers_updating_then_is_available(client: Any) -> None:
    created = body(client.create_domain_name(domainName="api.example.com", certificateArn=CERT))
    ops = [
        {"op": "replace", "path": "/endpointConfiguration/types/0", "value": "REGIONAL"},
        {"op": "replace", "path": "/regionalCertificateArn", "value": REGIONAL_CERT},
    ]

    updated = body(client.update_domain_name(domainName="api.example.com", patchOperations=ops))
    fetched = body(client.get_domain_name(domainName="api.example.com"))

    assert updated["domainNameStatus"] == "UPDATING"
    assert updated["endpointConfiguration"]["types"] == ["REGIONAL"]
    assert updated["regionalDomainName"].endswith(".execute-api.us-east-1.amazonaws.com")
    assert "distributionDomainName" not in updated and created["certificateArn"] == updated["certificateArn"]
    assert fetched == {**updated, "domainNameStatus": "AVAILABLE"}


@pytest.mark.parametrize(
    ("op", "message"),
    [
        pytest.param(
            {"op": "replace", "path": "/endpointConfiguration/types/0", "value": "REGIONAL"},
            "A regionalCertificateArn is required for a REGIONAL domain name",  # [UNK]
            id="migration-without-regional-certificate",
        ),
        pytest.param(
            {"op": "replace", "path": "/endpointConfiguration/types/0", "value": "PRIVATE"},
            "A PRIVATE domain name cannot change its endpoint type",  # [UNK]
            id="to-private",
        ),
        pytest.param(
            {"op": "replace", "path": "/securityPolicy", "value": "TLS_9"},
            "Invalid security policy specified: TLS_9",  # [UNK]
            id="security-policy",
        ),
        pytest.param(
            {"op": "replace", "path": "/domainName", "value": "x"}, "Invalid patch path /domainName", id="path"
        ),
        pytest.param(
            {"op": "add", "path": "/certificateArn", "value": "x"},
            "Invalid patch operation specified. Must be one of: [replace]",
            id="op",
        ),
    ],
)
def test_update_refusals_change_nothing(client: Any, op: dict[str, str], message: str) -> None:
    created = body(client.create_domain_name(domainName="api.example.com", certificateArn=CERT))
    ops = [{"op": "replace", "path": "/certificateArn", "value": "arn:changed"}, op]

    with raises_aws("BadRequestException", message, 400):
        client.update_domain_name(domainName="api.example.com", patchOperations=ops)
    assert body(client.get_domain_name(domainName="api.example.com")) == created


def test_missing_names_are_not_found(client: Any) -> None:
    for call in (
        lambda: client.get_domain_name(domainName="nope.example.com"),
        lambda: client.update_domain_name(domainName="nope.example.com", patchOperations=[]),
        lambda: client.delete_domain_name(domainName="nope.example.com"),
        lambda: client.get_domain_name(domainName="nope.example.com", domainNameId="abcd1234"),
    ):
        with raises_aws("NotFoundException", NOT_FOUND, 404):
            call()


def test_delete_answers_202_and_takes_the_mappings_along(client: Any, rest_api: dict[str, Any]) -> None:
    client.create_domain_name(domainName="api.example.com", certificateArn=CERT)
    client.create_base_path_mapping(domainName="api.example.com", restApiId=rest_api["id"], basePath="v1")

    resp = client.delete_domain_name(domainName="api.example.com")
    client.create_domain_name(domainName="api.example.com", certificateArn=CERT)

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert client.get_base_path_mappings(domainName="api.example.com")["items"] == []


# ---- access associations ----------------------------------------------------------------------------------------


def test_access_associations_of_a_private_name(client: Any) -> None:
    private = _private(client)
    resp = client.create_domain_name_access_association(
        domainNameArn=private["domainNameArn"], accessAssociationSourceType="VPCE", accessAssociationSource="vpce-1"
    )
    created = body(resp)
    path = f"private.example.com+{private['domainNameId']}"

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert created == {
        "domainNameAccessAssociationArn": (
            f"arn:aws:apigateway:us-east-1:123456789012:/domainnameaccessassociations/domainname/{path}"
            "/vpcesource/vpce-1"
        ),
        "domainNameArn": private["domainNameArn"],
        "accessAssociationSourceType": "VPCE",
        "accessAssociationSource": "vpce-1",
    }
    assert client.get_domain_name_access_associations()["items"] == [created]
    assert client.get_domain_name_access_associations(resourceOwner="OTHER_ACCOUNTS")["items"] == []
    deleted = client.delete_domain_name_access_association(
        domainNameAccessAssociationArn=created["domainNameAccessAssociationArn"]
    )
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert client.get_domain_name_access_associations()["items"] == []


def test_access_association_refusals(client: Any) -> None:
    public = body(client.create_domain_name(domainName="api.example.com", certificateArn=CERT))
    private = _private(client)
    source = {"accessAssociationSourceType": "VPCE", "accessAssociationSource": "vpce-1"}

    with raises_aws("BadRequestException", status=400):
        client.create_domain_name_access_association(domainNameArn=public["domainNameArn"], **source)
    with raises_aws("NotFoundException", NOT_FOUND, 404):
        client.create_domain_name_access_association(domainNameArn=private["domainNameArn"] + "x", **source)
    client.create_domain_name_access_association(domainNameArn=private["domainNameArn"], **source)
    with raises_aws("ConflictException", status=409):
        client.create_domain_name_access_association(domainNameArn=private["domainNameArn"], **source)
    with raises_aws("NotFoundException", "Invalid domain name access association identifier specified", 404):
        client.delete_domain_name_access_association(domainNameAccessAssociationArn="arn:nope")


def test_reject_removes_the_association_of_that_name(client: Any) -> None:
    private = _private(client)
    arn = client.create_domain_name_access_association(
        domainNameArn=private["domainNameArn"], accessAssociationSourceType="VPCE", accessAssociationSource="vpce-1"
    )["domainNameAccessAssociationArn"]

    with raises_aws("NotFoundException", status=404):
        client.reject_domain_name_access_association(domainNameAccessAssociationArn=arn, domainNameArn="arn:other")
    resp = client.reject_domain_name_access_association(
        domainNameAccessAssociationArn=arn, domainNameArn=private["domainNameArn"]
    )

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert client.get_domain_name_access_associations()["items"] == []


def test_ip_address_type_and_vpc_endpoints_are_echoed(client: Any) -> None:
    config = {"types": ["PRIVATE"], "ipAddressType": "dualstack", "vpcEndpointIds": ["vpce-1"]}
    created = client.create_domain_name(
        domainName="p.example.com", certificateArn=CERT, endpointConfiguration=config, policy=POLICY
    )

    assert created["endpointConfiguration"] == config


def test_a_private_name_is_updated_and_deleted_by_its_id(client: Any) -> None:
    private = _private(client)
    ids = {"domainName": "private.example.com", "domainNameId": private["domainNameId"]}

    updated = client.update_domain_name(**ids, patchOperations=[{"op": "replace", "path": "/policy", "value": POLICY}])
    deleted = client.delete_domain_name(**ids)

    assert (
        json.loads(updated["policy"])["Statement"][0]["Resource"]
        == json.loads(private["policy"])["Statement"][0]["Resource"]
    )  # expanded as on Create
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 202
    with raises_aws("NotFoundException", NOT_FOUND, 404):
        client.get_domain_name(**ids)
