"""A deploy script, end to end: build an API, deploy it to `dev`, change a header mapping, redeploy, then roll the
change out to `prod` through a canary and promote it. Everything goes through a plain boto3 client under
`with mock_apigateway():`; the frozen deployments are read back through `DeployedApi` to show what each stage
serves. Run: python examples/deploy_script.py
"""

from __future__ import annotations

from typing import Any

import boto3

from apigw_mock import mock_apigateway
from apigw_mock.domain.stage import serving

HEADER = "method.response.header.X-Version"


def served_header(apigw: Any, api_id: str, stage: str, *, canary: bool = False) -> str:
    """The X-Version mapping the stage's deployment (or its canary's) froze."""
    found = serving(apigw.backend("eu-west-1").graph(api_id), stage)
    assert found is not None
    api = found.canary if canary else found.api
    assert api is not None
    (resource,) = [r for r in api.resources.values() if r.path == "/pets"]
    integration = (resource.resource_methods or {})["GET"].method_integration
    assert integration is not None and integration.integration_responses is not None
    return (integration.integration_responses["200"].response_parameters or {})[HEADER]


def main() -> None:
    with mock_apigateway() as apigw:
        client = boto3.client("apigateway", region_name="eu-west-1")
        api = client.create_rest_api(name="pets")
        pets = client.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="pets")
        ids = {"restApiId": api["id"], "resourceId": pets["id"], "httpMethod": "GET"}
        client.put_method(**ids, authorizationType="NONE")
        client.put_method_response(**ids, statusCode="200", responseParameters={HEADER: False})
        client.put_integration(**ids, type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'})
        client.put_integration_response(**ids, statusCode="200", responseParameters={HEADER: "'v1'"})
        print(f"built API {api['id']}: GET /pets answers X-Version 'v1'")

        v1 = client.create_deployment(restApiId=api["id"], stageName="dev", description="v1")
        print(f"deployed {v1['id']} to dev")

        patch = [{"op": "replace", "path": f"/responseParameters/{HEADER}", "value": "'v2'"}]
        client.update_integration_response(**ids, statusCode="200", patchOperations=patch)
        assert served_header(apigw, api["id"], "dev") == "'v1'", "a live edit must not reach a deployed stage"
        print("changed the mapping to 'v2' live; dev still serves 'v1'")

        v2 = client.create_deployment(restApiId=api["id"], stageName="dev", description="v2")
        assert client.get_stage(restApiId=api["id"], stageName="dev")["deploymentId"] == v2["id"]
        assert served_header(apigw, api["id"], "dev") == "'v2'"
        print(f"redeployed {v2['id']} to dev: dev serves 'v2'")

        client.create_stage(restApiId=api["id"], stageName="prod", deploymentId=v1["id"])
        client.update_stage(
            restApiId=api["id"],
            stageName="prod",
            patchOperations=[
                {"op": "replace", "path": "/canarySettings/deploymentId", "value": v2["id"]},
                {"op": "replace", "path": "/canarySettings/percentTraffic", "value": "10"},
            ],
        )
        assert served_header(apigw, api["id"], "prod") == "'v1'"
        assert served_header(apigw, api["id"], "prod", canary=True) == "'v2'"
        print("prod serves 'v1', with 10% of its traffic on a 'v2' canary")

        promoted = client.update_stage(
            restApiId=api["id"],
            stageName="prod",
            patchOperations=[
                {"op": "copy", "from": "/canarySettings/deploymentId", "path": "/deploymentId"},
                {"op": "remove", "path": "/canarySettings"},
            ],
        )
        assert promoted["deploymentId"] == v2["id"] and "canarySettings" not in promoted
        assert served_header(apigw, api["id"], "prod") == "'v2'"
        print(f"promoted the canary: prod serves 'v2' from {promoted['deploymentId']}, canary removed")

        client.delete_stage(restApiId=api["id"], stageName="dev")
        client.delete_deployment(restApiId=api["id"], deploymentId=v1["id"])
        remaining = [d["id"] for d in client.get_deployments(restApiId=api["id"])["items"]]
        assert remaining == [v2["id"]]
        print(f"cleaned up: deployments left {remaining}")


if __name__ == "__main__":
    main()
