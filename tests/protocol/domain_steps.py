"""Scenario steps for domain names, base path mappings, VPC links, documentation and SDKs (see test_serializer.py).

They run after the core steps and before DeleteRestApi, on the scenario's API (`ctx["api"]`).
"""

from __future__ import annotations

import json
from typing import Any

from tests.protocol.steps import Step
from tests.stages import ensure_stage

API = "restApiId"
DOMAIN = "api.example.com"
CERT = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
_PRIVATE = "CreateDomainName"
_MAPPING = ("CreateRestApi", "CreateDomainName", "CreateBasePathMapping")
_PART = ("CreateRestApi", "CreateDocumentationPart")
_VERSION = ("CreateRestApi", "CreateDocumentationVersion")
_PARTS = [{"location": {"type": "API"}, "properties": {}}]
_IMPORT = {"x-amazon-apigateway-documentation": {"documentationParts": _PARTS}}


def _create_domain_names(c: Any, ctx: dict[str, Any]) -> None:
    c.create_domain_name(
        domainName=DOMAIN,
        certificateArn=CERT,
        securityPolicy="TLS_1_2",
        tags={"team": "api"},
        mutualTlsAuthentication={"truststoreUri": "s3://bucket/truststore.pem", "truststoreVersion": "1"},
    )
    private = c.create_domain_name(
        domainName="private.example.com",
        certificateArn=CERT,
        endpointConfiguration={"types": ["PRIVATE"]},
        policy=json.dumps({"Statement": [{"Effect": "Allow", "Resource": "execute-api:/*"}]}),
    )
    ctx.update(private_id=private["domainNameId"], private_arn=private["domainNameArn"])


def _update_mapping(c: Any, ctx: dict[str, Any]) -> Any:
    ops = [{"op": "replace", "path": "/basePath", "value": "v2"}, {"op": "replace", "path": "/basePath", "value": "v1"}]
    return c.update_base_path_mapping(domainName=DOMAIN, basePath="v1", patchOperations=ops)


def _create_vpc_link(c: Any, ctx: dict[str, Any]) -> None:
    ctx["vpc_link"] = c.create_vpc_link(
        name="link", description="d", targetArns=["arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/net/lb/1"]
    )["id"]


def _create_part(c: Any, ctx: dict[str, Any]) -> None:
    ctx["part"] = c.create_documentation_part(
        restApiId=ctx["api"], location={"type": "RESPONSE", "path": "/pets", "statusCode": "200"}, properties="{}"
    )["id"]


def _get_sdk(c: Any, ctx: dict[str, Any]) -> Any:
    ensure_stage(c, ctx["api"])
    return c.get_sdk(restApiId=ctx["api"], stageName="prod", sdkType="swift", parameters={"classPrefix": "Pet"})


DOMAIN_STEPS: list[Step] = [
    Step("CreateDomainName", _create_domain_names),
    Step("GetDomainName", lambda c, ctx: c.get_domain_name(domainName=DOMAIN), (_PRIVATE,)),
    Step("GetDomainNames", lambda c, ctx: c.get_domain_names(limit=5, resourceOwner="SELF"), (_PRIVATE,)),
    Step(
        "UpdateDomainName",
        lambda c, ctx: c.update_domain_name(
            domainName=DOMAIN,
            patchOperations=[
                {"op": "replace", "path": "/endpointConfiguration/types/0", "value": "REGIONAL"},
                {"op": "replace", "path": "/regionalCertificateArn", "value": CERT},
            ],
        ),
        (_PRIVATE,),
    ),
    Step(
        "CreateBasePathMapping",
        lambda c, ctx: c.create_base_path_mapping(domainName=DOMAIN, basePath="v1", restApiId=ctx["api"]),
        ("CreateRestApi", _PRIVATE),
    ),
    Step("GetBasePathMapping", lambda c, ctx: c.get_base_path_mapping(domainName=DOMAIN, basePath="v1"), _MAPPING),
    Step("GetBasePathMappings", lambda c, ctx: c.get_base_path_mappings(domainName=DOMAIN, limit=5), _MAPPING),
    Step("UpdateBasePathMapping", _update_mapping, _MAPPING),
    Step(
        "DeleteBasePathMapping", lambda c, ctx: c.delete_base_path_mapping(domainName=DOMAIN, basePath="v1"), _MAPPING
    ),
    Step(
        "CreateDomainNameAccessAssociation",
        lambda c, ctx: ctx.update(
            association=c.create_domain_name_access_association(
                domainNameArn=ctx["private_arn"],
                accessAssociationSourceType="VPCE",
                accessAssociationSource="vpce-0123",
                tags={"team": "api"},
            )["domainNameAccessAssociationArn"]
        ),
        (_PRIVATE,),
    ),
    Step(
        "GetDomainNameAccessAssociations",
        lambda c, ctx: c.get_domain_name_access_associations(limit=5),
        (_PRIVATE, "CreateDomainNameAccessAssociation"),
    ),
    Step(
        "RejectDomainNameAccessAssociation",
        lambda c, ctx: c.reject_domain_name_access_association(
            domainNameAccessAssociationArn=ctx["association"], domainNameArn=ctx["private_arn"]
        ),
        (_PRIVATE, "CreateDomainNameAccessAssociation"),
    ),
    Step(
        "DeleteDomainNameAccessAssociation",
        lambda c, ctx: c.delete_domain_name_access_association(
            domainNameAccessAssociationArn=c.create_domain_name_access_association(
                domainNameArn=ctx["private_arn"], accessAssociationSourceType="VPCE", accessAssociationSource="vpce-9"
            )["domainNameAccessAssociationArn"]
        ),
        (_PRIVATE, "CreateDomainNameAccessAssociation"),
    ),
    Step(
        "DeleteDomainName",
        lambda c, ctx: c.delete_domain_name(domainName="private.example.com", domainNameId=ctx["private_id"]),
        (_PRIVATE,),
    ),
    Step("CreateVpcLink", _create_vpc_link),
    Step("GetVpcLink", lambda c, ctx: c.get_vpc_link(vpcLinkId=ctx["vpc_link"]), ("CreateVpcLink",)),
    Step("GetVpcLinks", lambda c, ctx: c.get_vpc_links(limit=5), ("CreateVpcLink",)),
    Step(
        "UpdateVpcLink",
        lambda c, ctx: c.update_vpc_link(
            vpcLinkId=ctx["vpc_link"], patchOperations=[{"op": "replace", "path": "/name", "value": "renamed"}]
        ),
        ("CreateVpcLink",),
    ),
    Step("DeleteVpcLink", lambda c, ctx: c.delete_vpc_link(vpcLinkId=ctx["vpc_link"]), ("CreateVpcLink",)),
    Step("CreateDocumentationPart", _create_part, ("CreateRestApi",)),
    Step(
        "GetDocumentationPart",
        lambda c, ctx: c.get_documentation_part(restApiId=ctx["api"], documentationPartId=ctx["part"]),
        _PART,
    ),
    Step(
        "GetDocumentationParts",
        lambda c, ctx: c.get_documentation_parts(restApiId=ctx["api"], type="RESPONSE", limit=5),
        _PART,
    ),
    Step(
        "UpdateDocumentationPart",
        lambda c, ctx: c.update_documentation_part(
            restApiId=ctx["api"],
            documentationPartId=ctx["part"],
            patchOperations=[{"op": "replace", "path": "/properties", "value": '{"description": "ok"}'}],
        ),
        _PART,
    ),
    Step(
        "ImportDocumentationParts",
        lambda c, ctx: c.import_documentation_parts(restApiId=ctx["api"], mode="merge", body=json.dumps(_IMPORT)),
        ("CreateRestApi",),
    ),
    Step(
        "CreateDocumentationVersion",
        lambda c, ctx: c.create_documentation_version(
            restApiId=ctx["api"], documentationVersion="1.0", description="first"
        ),
        ("CreateRestApi",),
    ),
    Step(
        "GetDocumentationVersion",
        lambda c, ctx: c.get_documentation_version(restApiId=ctx["api"], documentationVersion="1.0"),
        _VERSION,
    ),
    Step(
        "GetDocumentationVersions",
        lambda c, ctx: c.get_documentation_versions(restApiId=ctx["api"], limit=5),
        _VERSION,
    ),
    Step(
        "UpdateDocumentationVersion",
        lambda c, ctx: c.update_documentation_version(
            restApiId=ctx["api"],
            documentationVersion="1.0",
            patchOperations=[{"op": "replace", "path": "/description", "value": "again"}],
        ),
        _VERSION,
    ),
    Step(
        "DeleteDocumentationVersion",
        lambda c, ctx: c.delete_documentation_version(restApiId=ctx["api"], documentationVersion="1.0"),
        _VERSION,
    ),
    Step(
        "DeleteDocumentationPart",
        lambda c, ctx: c.delete_documentation_part(restApiId=ctx["api"], documentationPartId=ctx["part"]),
        _PART,
    ),
    Step("GetSdkTypes", lambda c, ctx: c.get_sdk_types(limit=5)),
    Step("GetSdkType", lambda c, ctx: c.get_sdk_type(id="java")),
    Step("GetSdk", _get_sdk, ("CreateRestApi",)),
]
