"""TagResource, UntagResource and GetTags on every taggable kind a declared collection owns (spec c-p-2 §14.1):
API keys, usage plans, client certificates, domain names and VPC links, through boto3."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.helpers import raises_aws

CERT = "arn:aws:acm:us-east-1:123456789012:certificate/edge"
NLB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/lb/1"

# kind -> (create it and return its ARN path, read its tags back through its own Get)
KINDS: dict[str, tuple[Callable[[Any], str], Callable[[Any, str], Any]]] = {
    "api key": (
        lambda c: f"/apikeys/{c.create_api_key(name='k')['id']}",
        lambda c, key: c.get_api_key(apiKey=key).get("tags"),
    ),
    "usage plan": (
        lambda c: f"/usageplans/{c.create_usage_plan(name='p')['id']}",
        lambda c, key: c.get_usage_plan(usagePlanId=key).get("tags"),
    ),
    "client certificate": (
        lambda c: f"/clientcertificates/{c.generate_client_certificate()['clientCertificateId']}",
        lambda c, key: c.get_client_certificate(clientCertificateId=key).get("tags"),
    ),
    "domain name": (
        lambda c: f"/domainnames/{c.create_domain_name(domainName='a.example.com', certificateArn=CERT)['domainName']}",
        lambda c, key: c.get_domain_name(domainName=key).get("tags"),
    ),
    "vpc link": (
        lambda c: f"/vpclinks/{c.create_vpc_link(name='l', targetArns=[NLB])['id']}",
        lambda c, key: c.get_vpc_link(vpcLinkId=key).get("tags"),
    ),
}


@pytest.mark.parametrize("kind", KINDS)
def test_tags_are_added_read_and_removed_on_every_kind(client: Any, kind: str) -> None:
    create, read = KINDS[kind]
    path = create(client)
    arn = f"arn:aws:apigateway:us-east-1::{path}"
    key = path.rsplit("/", 1)[1]

    client.tag_resource(resourceArn=arn, tags={"team": "api", "env": "dev"})
    client.untag_resource(resourceArn=arn, tagKeys=["env"])

    assert client.get_tags(resourceArn=arn)["tags"] == {"team": "api"}
    assert read(client, key) == {"team": "api"}

    client.untag_resource(resourceArn=arn, tagKeys=["team"])
    assert client.get_tags(resourceArn=arn).get("tags", {}) == {}


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/apikeys/nope000000", "Invalid API Key identifier specified"),
        ("/vpclinks/nope00", "Invalid VPC link identifier specified"),
    ],
)
def test_tagging_a_missing_node_is_its_own_not_found(client: Any, path: str, message: str) -> None:
    with raises_aws("NotFoundException", message):
        client.tag_resource(resourceArn=f"arn:aws:apigateway:us-east-1::{path}", tags={"a": "b"})
