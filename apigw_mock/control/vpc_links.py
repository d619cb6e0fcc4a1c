"""VPC links as a declared collection (spec control-plane-2 §10): CreateVpcLink answers `PENDING` (202) and the
link is stored `AVAILABLE` (`settle`, §18.9); `tags` always present. The rule that integrations name an existing
link lives with the integrations (`control/integrations.py`)."""

from __future__ import annotations

from collections.abc import MutableMapping

from apigw_mock.control.collections import Collection, Params, register_crud
from apigw_mock.domain.backend import ApiGatewayBackend
from apigw_mock.domain.vpc_link import NOT_FOUND, VpcLink, available


def _vpc_links(backend: ApiGatewayBackend, params: Params) -> MutableMapping[str, VpcLink]:
    return backend.vpc_links


def _new_vpc_link(backend: ApiGatewayBackend, params: Params, members: Params) -> VpcLink:
    return VpcLink.checked(**{name: value for name, value in members.items() if value is not None})


VPC_LINKS = Collection(
    model=VpcLink,
    noun="VpcLink",
    container=_vpc_links,
    key="vpc_link_id",
    not_found=NOT_FOUND,
    create=_new_vpc_link,
    settle=available,
    arn="/vpclinks/{}",
)
register_crud(VPC_LINKS)
