"""A small builder for data-plane tests: an API made through boto3 (so through the control plane), deployed."""

from __future__ import annotations

from typing import Any

REGION = "us-east-1"


def server_client(url: str) -> Any:
    """A boto3 apigateway client of the server at `url` (server mode: real loopback HTTP, fake credentials)."""
    import boto3

    return boto3.client(
        "apigateway", endpoint_url=url, region_name=REGION, aws_access_key_id="AKIDFAKE", aws_secret_access_key="x"
    )


class ApiBuilder:
    def __init__(self, client: Any, name: str = "data-plane", **create: Any) -> None:
        self.client = client
        created = client.create_rest_api(name=name, **create)
        self.id: str = created["id"]
        self.resources: dict[str, str] = {"/": created["rootResourceId"]}

    def resource(self, path: str) -> str:
        """The id of `path`, creating every missing level."""
        if path in self.resources:
            return self.resources[path]
        parent, _, part = path.rstrip("/").rpartition("/")
        parent_id = self.resource(parent or "/")
        made = self.client.create_resource(restApiId=self.id, parentId=parent_id, pathPart=part)
        self.resources[path] = made["id"]
        return str(made["id"])

    def method(
        self,
        path: str,
        verb: str,
        integration: dict[str, Any],
        responses: dict[str, dict[str, Any]] | None = None,
        *,
        method_responses: dict[str, dict[str, Any]] | None = None,
        **method: Any,
    ) -> str:
        """PutMethod + PutIntegration + the integration responses (and a method response for each status)."""
        resource_id = self.resource(path)
        ids = {"restApiId": self.id, "resourceId": resource_id, "httpMethod": verb}
        self.client.put_method(**ids, authorizationType=method.pop("authorizationType", "NONE"), **method)
        self.client.put_integration(**ids, **integration)
        declared = dict(method_responses or {})
        for status, response in (responses or {}).items():
            headers = {
                key.replace("method.response.header.", "method.response.header."): False
                for key in response.get("responseParameters", {})
            }
            declared.setdefault(status, {"responseParameters": headers} if headers else {})
        for status, response in declared.items():
            self.client.put_method_response(**ids, statusCode=status, **response)
        for status, response in (responses or {}).items():
            self.client.put_integration_response(**ids, statusCode=status, **response)
        return resource_id

    def mock(
        self,
        path: str,
        verb: str = "GET",
        status: int = 200,
        template: str = "",
        *,
        params: Any = None,
        **response: Any,
    ) -> str:
        """A MOCK method answering `status` with the response `template` (`params`: the method's requestParameters)."""
        return self.method(
            path,
            verb,
            {"type": "MOCK", "requestTemplates": {"application/json": f'{{"statusCode": {status}}}'}},
            {str(status): {"selectionPattern": "", "responseTemplates": {"application/json": template}, **response}},
            **({"requestParameters": params} if params else {}),
        )

    def deploy(self, stage: str = "dev", **options: Any) -> str:
        return str(self.client.create_deployment(restApiId=self.id, stageName=stage, **options)["id"])

    def url(self, path: str = "/", stage: str = "dev") -> str:
        return f"https://{self.id}.execute-api.{REGION}.amazonaws.com/{stage}{path}"
