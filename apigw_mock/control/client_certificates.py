"""Client certificate operations (account-level): GenerateClientCertificate, Get/Get…s/Update/Delete as a
declared collection (spec control-plane-2 §12). Stages may go on naming a deleted certificate [UNK → §18.11]."""

from __future__ import annotations

from apigw_mock.control.collections import Collection, Params, register_crud
from apigw_mock.domain.backend import CHILD_ID_LENGTH, ApiGatewayBackend
from apigw_mock.domain.client_certificate import NOT_FOUND, ClientCertificate, new_client_certificate
from apigw_mock.paging import PagedDict


def _certificates(backend: ApiGatewayBackend, params: Params) -> PagedDict[str, ClientCertificate]:
    return backend.client_certificates


def _generate(backend: ApiGatewayBackend, params: Params, members: Params) -> ClientCertificate:
    certificate_id = backend.new_id(CHILD_ID_LENGTH)
    return new_client_certificate(certificate_id, backend.now(), members.get("description"), members.get("tags"))


CLIENT_CERTIFICATES = Collection(
    model=ClientCertificate,
    noun="ClientCertificate",
    container=_certificates,
    key="client_certificate_id",
    key_field="client_certificate_id",
    id_length=None,
    not_found=NOT_FOUND,
    create=_generate,
    operations={"create": "GenerateClientCertificate"},
    arn="/clientcertificates/{}",
)
register_crud(CLIENT_CERTIFICATES)
