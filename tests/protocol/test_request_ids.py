"""Every reply, success or error, carries a fresh `x-amzn-RequestId` in AWS's format (a version-4 UUID), also
across the batches they are made in and across threads."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import boto3
import pytest

UUID4 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def _request_id(call: Any, **params: Any) -> str:
    try:
        reply = call(**params)
    except Exception as error:  # an AWS error reply (botocore.exceptions.ClientError)
        reply = error.response  # type: ignore[attr-defined]
    request_id: str = reply["ResponseMetadata"]["RequestId"]
    return request_id


def test_success_and_error_replies_carry_distinct_uuid4_request_ids(client: Any) -> None:
    ids = []
    for _ in range(100):  # more than one batch of ids
        ids.append(_request_id(client.get_rest_apis))
        ids.append(_request_id(client.get_rest_api, restApiId="missing"))
    assert all(UUID4.fullmatch(request_id) for request_id in ids)
    assert len(set(ids)) == len(ids)


@pytest.mark.usefixtures("mock")
def test_threads_never_share_a_request_id() -> None:
    def calls(_: int) -> list[str]:
        client = boto3.client("apigateway", region_name="us-east-1")
        return [_request_id(client.get_rest_apis) for _ in range(100)]

    with ThreadPoolExecutor(4) as pool:
        ids = [request_id for batch in pool.map(calls, range(4)) for request_id in batch]
    assert len(ids) == 400
    assert len(set(ids)) == 400
