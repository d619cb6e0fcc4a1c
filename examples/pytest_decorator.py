"""A pytest test decorated with `@mock_apigateway`: patching an integration response's selection pattern.

Run: python -m pytest examples/pytest_decorator.py
"""

from __future__ import annotations

import boto3
import pytest

from apigw_mock import mock_apigateway


@mock_apigateway
def test_error_mapping_by_selection_pattern() -> None:
    client = boto3.client("apigateway", region_name="us-east-1")
    api = client.create_rest_api(name="errors")
    ids = {"restApiId": api["id"], "resourceId": api["rootResourceId"], "httpMethod": "POST"}
    client.put_method(**ids, authorizationType="NONE")
    client.put_method_response(**ids, statusCode="400")
    client.put_integration(**ids, type="MOCK")
    client.put_integration_response(**ids, statusCode="400", selectionPattern=".*Bad.*")

    updated = client.update_integration_response(
        **ids,
        statusCode="400",
        patchOperations=[{"op": "replace", "path": "/selectionPattern", "value": ".*Invalid.*"}],
    )

    assert updated["selectionPattern"] == ".*Invalid.*"
    assert client.get_integration_response(**ids, statusCode="400")["selectionPattern"] == ".*Invalid.*"


@mock_apigateway
def test_unknown_patch_path_is_rejected_like_aws() -> None:
    client = boto3.client("apigateway", region_name="us-east-1")
    api = client.create_rest_api(name="errors")
    ids = {"restApiId": api["id"], "resourceId": api["rootResourceId"], "httpMethod": "GET"}
    client.put_method(**ids, authorizationType="NONE")
    client.put_integration(**ids, type="MOCK")

    with pytest.raises(client.exceptions.BadRequestException, match="Invalid patch path /type"):
        client.update_integration(**ids, patchOperations=[{"op": "replace", "path": "/type", "value": "HTTP"}])
