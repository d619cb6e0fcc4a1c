"""Builders for the deployment and stage tests: an API with one deployable method, through boto3."""

from __future__ import annotations

from typing import Any

from tests.helpers import body, put_method, put_mock_integration

ACCOUNT = "123456789012"
INVALID_STAGE = "Invalid stage identifier specified"
INVALID_DEPLOYMENT = "Invalid Deployment identifier specified"  # [UNK] spec §2


def deployable_api(client: Any, name: str = "pets-api") -> tuple[str, str]:
    """A REST API whose `/pets` has GET with a MOCK integration: (api id, resource id)."""
    api = client.create_rest_api(name=name)
    resource = client.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="pets")
    put_method(client, api["id"], resource["id"])
    put_mock_integration(client, api["id"], resource["id"])
    return api["id"], resource["id"]


def deploy(client: Any, api_id: str, **kwargs: Any) -> dict[str, Any]:
    """CreateDeployment; the reply body."""
    return body(client.create_deployment(restApiId=api_id, **kwargs))


def stage_arn(api_id: str, stage: str) -> str:
    return f"arn:aws:apigateway:us-east-1::/restapis/{api_id}/stages/{stage}"
