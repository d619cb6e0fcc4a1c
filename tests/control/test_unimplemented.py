"""Which operations of botocore's apigateway model the mock still does not answer, in process and in server mode.

Every operation is called through boto3 with its required members filled in; an operation is unanswered when the
call raises `ApigwMockNotImplemented` (in process) or answers the 501 error of that name (server mode); any AWS
error means a handler answered. `EXPECTED` is the list that other
branches take away from as they land; at the end it is empty.
"""

from __future__ import annotations

from typing import Any

import boto3
from botocore import xform_name
from botocore.exceptions import ClientError
from botocore.model import ListShape, MapShape, Shape, StructureShape

from apigw_mock.exceptions import ApigwMockNotImplemented
from apigw_mock.protocol import spec
from apigw_mock.server import running_server

EXPECTED: set[str] = set()  # every operation of the model answers (issue 14's promise)


def _placeholder(shape: Shape) -> Any:
    """A value of the shape's type that botocore accepts (enums: the first value)."""
    if isinstance(shape, StructureShape):
        return {name: _placeholder(shape.members[name]) for name in shape.required_members}
    if isinstance(shape, ListShape):
        return [_placeholder(shape.member)]
    if isinstance(shape, MapShape):
        return {}
    return {"integer": 1, "long": 1, "boolean": False, "double": 1.0, "blob": b"{}", "timestamp": 0}.get(
        shape.type_name, (getattr(shape, "enum", None) or ["x1"])[0]
    )


def _unanswered(client: Any, name: str) -> bool:
    shape = spec.operation(name).input_shape
    try:
        getattr(client, xform_name(name))(**(_placeholder(shape) if shape is not None else {}))
    except ApigwMockNotImplemented:
        return True
    except ClientError as error:
        return bool(error.response["Error"]["Code"] == "ApigwMockNotImplemented")
    return False


def test_the_unanswered_operations_are_exactly_the_expected_ones(client: Any) -> None:
    names = spec.service_model().operation_names

    unanswered = {name for name in names if _unanswered(client, name)}

    assert set(names) >= EXPECTED
    assert unanswered == EXPECTED


def test_the_server_leaves_the_same_ones_unanswered() -> None:
    with running_server() as url:
        client = boto3.client(
            "apigateway", endpoint_url=url, region_name="us-east-1", aws_access_key_id="k", aws_secret_access_key="s"
        )
        unanswered = {name for name in spec.service_model().operation_names if _unanswered(client, name)}

    assert unanswered == EXPECTED
