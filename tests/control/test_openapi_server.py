"""Server mode over real loopback HTTP: ImportRestApi's blob body in, GetExport's blob payload (with its
Content-Type and Content-Disposition headers) out, as in-process."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
import yaml

from apigw_mock.server import running_server
from tests.control import openapi_docs as docs


@pytest.fixture(scope="module")
def remote() -> Iterator[Any]:
    with running_server() as url:
        yield boto3.client(
            "apigateway", endpoint_url=url, region_name="us-east-1", aws_access_key_id="AKIDFAKE",
            aws_secret_access_key="fake",
        )  # fmt: skip


def test_import_put_and_export_over_http(remote: Any) -> None:
    api = remote.import_rest_api(body=yaml.safe_dump(docs.serverless()).encode())
    assert api["ResponseMetadata"]["HTTPStatusCode"] == 201 and api["name"] == "sls-service"
    put = remote.put_rest_api(restApiId=api["id"], body=docs.dumps(docs.sam()), mode="merge")
    assert put["name"] == "sam-app"
    remote.create_deployment(restApiId=api["id"], stageName="dev")

    reply = remote.get_export(
        restApiId=api["id"], stageName="dev", exportType="swagger", accepts="application/yaml",
        parameters={"extensions": "integrations"},
    )  # fmt: skip
    assert reply["contentType"] == "application/yaml"
    assert reply["contentDisposition"] == 'attachment; filename="sam-app-dev-swagger.yaml"'
    document = yaml.safe_load(reply["body"].read())
    assert {"/items", "/hello", "/{proxy+}"} <= set(document["paths"])
    as_json = json.loads(remote.get_export(restApiId=api["id"], stageName="dev", exportType="oas30")["body"].read())
    assert as_json["openapi"] == "3.0.1"
