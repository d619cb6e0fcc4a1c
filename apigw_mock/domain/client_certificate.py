"""ClientCertificate: the certificate API Gateway presents to an HTTP backend (spec control-plane-2 §12).

Contract: `new_client_certificate(id, now, description, tags)` makes a real self-signed X.509 certificate, valid
one year from `now` [INF], PEM-encoded. The `cryptography` library is imported on first use (`import apigw_mock`
stays cheap) and one RSA-2048 key per process signs every certificate: generating a key costs tens of
milliseconds, a signature well under one, and each certificate still has its own serial number and dates.
UpdateClientCertificate replaces `/description` [DOC CLI:update-client-certificate].
"""

from __future__ import annotations

import datetime
from functools import cache
from typing import Any, ClassVar

from apigw_mock import patch
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.dump import Timestamp

NOT_FOUND = "Invalid Client Certificate identifier specified"  # [UNK → §18.1]
VALIDITY = datetime.timedelta(days=365)


class ClientCertificate(ApiGatewayModel, kw_only=True):
    client_certificate_id: str
    """Generated (6 characters)."""
    description: str | None = None
    pem_encoded_certificate: str
    """`-----BEGIN CERTIFICATE-----\\n...`: a self-signed certificate."""
    created_date: Timestamp
    expiration_date: Timestamp
    tags: dict[str, str] | None = None
    """Omitted when none; ARN `arn:aws:apigateway:{region}::/clientcertificates/{id}`."""

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules({"/description": patch.Field()})


def new_client_certificate(
    certificate_id: str, now: datetime.datetime, description: str | None = None, tags: dict[str, str] | None = None
) -> ClientCertificate:
    expires = now + VALIDITY
    return ClientCertificate.checked(
        client_certificate_id=certificate_id,
        description=description,
        pem_encoded_certificate=self_signed_pem(certificate_id, now, expires),
        created_date=now,
        expiration_date=expires,
        tags=tags,
    )


def self_signed_pem(common_name: str, not_before: datetime.datetime, not_after: datetime.datetime) -> str:
    """A self-signed X.509 certificate for `common_name`, PEM-encoded."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.x509.oid import NameOID

    key = _signing_key()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .sign(key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM).decode()


@cache
def _signing_key() -> Any:
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=2048)
