"""Client certificates and the account through boto3 (spec control-plane-2 §12, §13)."""

from __future__ import annotations

import datetime
from typing import Any

import boto3
import pytest
from cryptography import x509

from apigw_mock import MockApiGateway
from tests.helpers import body, raises_aws

ROLE = "arn:aws:iam::123456789012:role/apigw-logs"


def test_generate_client_certificate_answers_a_real_self_signed_pem(client: Any) -> None:
    resp = client.generate_client_certificate(description="backend", tags={"team": "api"})

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    created = body(resp)
    assert len(created["clientCertificateId"]) == 6
    assert (created["description"], created["tags"]) == ("backend", {"team": "api"})
    certificate = x509.load_pem_x509_certificate(created["pemEncodedCertificate"].encode())
    assert certificate.issuer == certificate.subject  # self-signed
    assert created["expirationDate"] - created["createdDate"] == datetime.timedelta(days=365)  # [INF]
    assert certificate.not_valid_after_utc.timestamp() == created["expirationDate"].timestamp()


def test_generate_client_certificate_omits_what_was_not_given(client: Any) -> None:
    created = body(client.generate_client_certificate())

    assert set(created) == {"clientCertificateId", "pemEncodedCertificate", "createdDate", "expirationDate"}
    assert created["pemEncodedCertificate"].startswith("-----BEGIN CERTIFICATE-----\n")
    assert created["pemEncodedCertificate"] != client.generate_client_certificate()["pemEncodedCertificate"]


def test_client_certificates_get_list_update_delete(client: Any) -> None:
    ids = [client.generate_client_certificate()["clientCertificateId"] for _ in range(3)]
    first = client.get_client_certificates(limit=2)
    rest = client.get_client_certificates(position=first["position"])
    assert [c["clientCertificateId"] for c in first["items"] + rest["items"]] == ids

    updated = body(
        client.update_client_certificate(
            clientCertificateId=ids[0], patchOperations=[{"op": "replace", "path": "/description", "value": "new"}]
        )
    )
    assert updated["description"] == "new"
    assert body(client.get_client_certificate(clientCertificateId=ids[0])) == updated

    assert client.delete_client_certificate(clientCertificateId=ids[0])["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert [c["clientCertificateId"] for c in client.get_client_certificates()["items"]] == ids[1:]


def test_update_client_certificate_takes_only_the_description(client: Any) -> None:
    certificate = client.generate_client_certificate()["clientCertificateId"]

    with raises_aws("BadRequestException", "Invalid patch path /pemEncodedCertificate"):
        client.update_client_certificate(
            clientCertificateId=certificate,
            patchOperations=[{"op": "replace", "path": "/pemEncodedCertificate", "value": "x"}],
        )


def test_missing_client_certificate(client: Any) -> None:
    for call in (client.get_client_certificate, client.delete_client_certificate, client.update_client_certificate):
        with raises_aws("NotFoundException", "Invalid Client Certificate identifier specified", 404):  # [UNK → §18.1]
            call(clientCertificateId="nope00")


# ---- account -------------------------------------------------------------------------------------------------


def test_get_account_answers_the_defaults(client: Any) -> None:
    assert body(client.get_account()) == {
        "throttleSettings": {"burstLimit": 5000, "rateLimit": 10000.0},
        "features": ["UsagePlans"],
        "apiKeyVersion": "4",
    }


@pytest.mark.parametrize("region", ["af-south-1", "eu-south-1"])
def test_lower_throttle_in_some_regions(mock: MockApiGateway, region: str) -> None:
    account = boto3.client("apigateway", region_name=region).get_account()

    assert account["throttleSettings"] == {"burstLimit": 1250, "rateLimit": 2500.0}


def test_update_account_sets_the_cloudwatch_role_per_region(mock: MockApiGateway, client: Any) -> None:
    updated = body(
        client.update_account(patchOperations=[{"op": "replace", "path": "/cloudwatchRoleArn", "value": ROLE}])
    )

    assert updated["cloudwatchRoleArn"] == ROLE
    assert body(client.get_account()) == updated
    assert "cloudwatchRoleArn" not in boto3.client("apigateway", region_name="eu-west-1").get_account()
    cleared = client.update_account(patchOperations=[{"op": "replace", "path": "/cloudwatchRoleArn", "value": ""}])
    assert "cloudwatchRoleArn" not in cleared  # [INF]


@pytest.mark.parametrize(
    ("op", "message"),
    [
        pytest.param(
            {"op": "replace", "path": "/throttleSettings/rateLimit", "value": "1"},
            "Invalid patch path /throttleSettings/rateLimit",
            id="throttle-read-only",
        ),
        pytest.param(
            {"op": "add", "path": "/cloudwatchRoleArn", "value": ROLE},
            "Invalid patch operation specified. Must be one of: [replace]",
            id="add-role",
        ),
    ],
)
def test_update_account_refuses(client: Any, op: dict[str, str], message: str) -> None:
    with raises_aws("BadRequestException", message, 400):
        client.update_account(patchOperations=[op])
    assert "cloudwatchRoleArn" not in client.get_account()


def test_update_account_features(client: Any) -> None:
    removed = client.update_account(patchOperations=[{"op": "remove", "path": "/features", "value": "UsagePlans"}])
    added = client.update_account(patchOperations=[{"op": "add", "path": "/features", "value": "UsagePlans"}])

    assert (removed["features"], added["features"]) == ([], ["UsagePlans"])  # [INF]
