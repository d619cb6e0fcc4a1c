"""Integration request mappings and AWS_PROXY targets: cases found in review beyond the spec-derived files."""

from __future__ import annotations

from typing import Any

import pytest


def _get_method(client: Any, rest_api: dict[str, Any], **method: Any) -> dict[str, str]:
    ids = {"restApiId": rest_api["id"], "resourceId": rest_api["rootResourceId"], "httpMethod": "GET"}
    client.put_method(**ids, authorizationType="NONE", **method)
    return ids


def test_multivalue_source_reads_the_declared_single_value_parameter(client: Any, rest_api: dict[str, Any]) -> None:
    ids = _get_method(client, rest_api, requestParameters={"method.request.querystring.tag": False})
    mapping = {"integration.request.querystring.tags": "method.request.multivaluequerystring.tag"}

    created = client.put_integration(
        **ids, type="HTTP", integrationHttpMethod="GET", uri="https://example.com", requestParameters=mapping
    )

    assert created["requestParameters"] == mapping


def test_multivalue_source_of_an_undeclared_parameter_is_rejected(client: Any, rest_api: dict[str, Any]) -> None:
    ids = _get_method(client, rest_api)
    with pytest.raises(client.exceptions.BadRequestException) as error:
        client.put_integration(
            **ids,
            type="HTTP",
            integrationHttpMethod="GET",
            uri="https://example.com",
            requestParameters={"integration.request.header.x": "method.request.multivalueheader.x"},
        )
    assert error.value.response["Error"]["Message"] == (
        "Invalid mapping expression specified: Validation Result: warnings : [], "
        "errors : [Invalid mapping expression parameter specified: method.request.multivalueheader.x]"
    )


def test_aws_proxy_to_firehose_is_rejected(client: Any, rest_api: dict[str, Any]) -> None:
    ids = _get_method(client, rest_api)
    with pytest.raises(client.exceptions.BadRequestException) as error:
        client.put_integration(
            **ids,
            type="AWS_PROXY",
            integrationHttpMethod="POST",
            uri="arn:aws:apigateway:us-east-1:firehose:action/PutRecord",
        )
    # spec §3.5, recorded: firehose targets get this text although it names Firehose as supported.
    assert error.value.response["Error"]["Message"] == (
        "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations."
    )
