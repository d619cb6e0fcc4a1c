"""Property: any location CreateDocumentationPart is sent is either stored as given or refused with a BadRequest
that changes nothing; the rule is the model's field table (spec control-plane-2 §11.1). An empty field is one not
given (Terraform sends `""` for every field it leaves out): dropped where the type has no such field."""

from __future__ import annotations

from typing import Any

import boto3
from botocore.exceptions import ClientError
from hypothesis import given, settings
from hypothesis import strategies as st

from apigw_mock import mock_apigateway
from apigw_mock.domain.enums import DocumentationPartType

ALLOWED = {
    "API": set(),
    "AUTHORIZER": {"name"},
    "MODEL": {"name"},
    "RESOURCE": {"path"},
    "METHOD": {"path", "method"},
    "PATH_PARAMETER": {"path", "method", "name"},
    "QUERY_PARAMETER": {"path", "method", "name"},
    "REQUEST_HEADER": {"path", "method", "name"},
    "REQUEST_BODY": {"path", "method", "name"},
    "RESPONSE": {"path", "method", "statusCode"},
    "RESPONSE_HEADER": {"path", "method", "statusCode", "name"},
    "RESPONSE_BODY": {"path", "method", "statusCode"},
}
"""Written out again from the model's documentation, independently of the implementation's table."""
LOCATIONS = st.fixed_dictionaries(
    {"type": st.sampled_from(sorted(ALLOWED))},
    optional={
        "path": st.sampled_from(["", "/", "/pets", "/pets/{id}"]),
        "method": st.sampled_from(["", "*", "GET"]),
        "statusCode": st.sampled_from(["", "*", "200"]),
        "name": st.sampled_from(["", "id", "Pet"]),
    },
)


def test_the_table_covers_every_type() -> None:
    from typing import get_args

    assert set(ALLOWED) == set(get_args(DocumentationPartType))


@settings(max_examples=40, deadline=None)
@given(location=LOCATIONS)
def test_a_location_is_stored_as_given_or_refused(location: dict[str, Any]) -> None:
    allowed = ALLOWED[location["type"]]
    stored = {key: value for key, value in location.items() if key == "type" or key in allowed or value != ""}
    fields = set(stored) - {"type"}
    valid = fields <= allowed and ("name" not in allowed or bool(stored.get("name")))
    with mock_apigateway():
        client = boto3.client("apigateway", region_name="us-east-1")
        api = client.create_rest_api(name="docs")["id"]
        try:
            created = client.create_documentation_part(restApiId=api, location=location, properties="{}")
        except ClientError as error:
            assert not valid
            assert error.response["Error"]["Code"] == "BadRequestException"
            assert client.get_documentation_parts(restApiId=api)["items"] == []
            return
        assert valid
        assert created["location"] == stored
        assert client.get_documentation_part(restApiId=api, documentationPartId=created["id"])["location"] == stored


def test_terraforms_empty_fields_are_fields_not_given(client: Any) -> None:
    # aws_api_gateway_documentation_part with a METHOD location, as the provider sends it.
    api = client.create_rest_api(name="docs")["id"]
    location = {"type": "METHOD", "path": "/bin", "method": "POST", "statusCode": "", "name": ""}
    created = client.create_documentation_part(restApiId=api, location=location, properties='{"description":"d"}')
    assert created["location"] == {"type": "METHOD", "path": "/bin", "method": "POST"}
    whole_api = client.create_documentation_part(
        restApiId=api, location={"type": "API", "path": "", "method": "", "statusCode": "", "name": ""}, properties="{}"
    )
    assert whole_api["location"] == {"type": "API"}
