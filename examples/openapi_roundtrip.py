"""OpenAPI in, OpenAPI out: import an OpenAPI file (with `x-amazon-apigateway-*` extensions) as a REST API, deploy
it to `dev`, and export the stage as YAML with the API Gateway extensions, all through a plain boto3 client under
`with mock_apigateway():`. Run: python examples/openapi_roundtrip.py [file.yaml|file.json]
"""

from __future__ import annotations

import sys
from pathlib import Path

import boto3

from apigw_mock import mock_apigateway

DEFAULT = Path(__file__).resolve().parent / "data" / "petstore.yaml"


def main(path: Path) -> str:
    with mock_apigateway():
        apigw = boto3.client("apigateway", region_name="eu-west-1")
        api = apigw.import_rest_api(body=path.read_bytes(), parameters={"endpointConfigurationTypes": "REGIONAL"})
        print(f"imported {api['name']!r} as {api['id']} ({len(api.get('warnings', []))} warnings)")
        for resource in apigw.get_resources(restApiId=api["id"], embed=["methods"])["items"]:
            verbs = ",".join(sorted(resource.get("resourceMethods") or {})) or "-"
            print(f"  {resource['path']:<16} {verbs}")

        apigw.create_deployment(restApiId=api["id"], stageName="dev")
        exported = apigw.get_export(
            restApiId=api["id"],
            stageName="dev",
            exportType="oas30",
            accepts="application/yaml",
            parameters={"extensions": "apigateway"},
        )
        text: str = exported["body"].read().decode()
        print(f"exported {exported['contentDisposition']} ({exported['contentType']}):")
        print(text)
        return text


if __name__ == "__main__":
    given = [arg for arg in sys.argv[1:] if arg.endswith((".yaml", ".yml", ".json"))]
    main(Path(given[0]) if given else DEFAULT)
