"""The data plane's libraries are an optional extra (`apigw_mock[invoke]`): without them the control plane works."""

from __future__ import annotations

import sys

import boto3
import pytest

from apigw_mock import mock_apigateway
from apigw_mock.transport import execute_api


def test_deploying_without_responses_installed_still_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "responses", None)  # `import responses` now raises ImportError
    with mock_apigateway():
        client = boto3.client("apigateway", region_name="us-east-1")
        api = client.create_rest_api(name="no-extras")
        ids = {"restApiId": api["id"], "resourceId": api["rootResourceId"], "httpMethod": "GET"}
        client.put_method(**ids, authorizationType="NONE")
        client.put_integration(**ids, type="MOCK")

        deployment = client.create_deployment(restApiId=api["id"], stageName="dev")

        assert client.get_stage(restApiId=api["id"], stageName="dev")["deploymentId"] == deployment["id"]
        assert not execute_api.started()
