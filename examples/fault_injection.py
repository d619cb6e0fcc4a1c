"""Fault injection: a throttle that botocore's retry mode rides out, and a failure after the change happened.

Run: python examples/fault_injection.py
"""

from __future__ import annotations

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from apigw_mock import mock_apigateway


def main() -> None:
    with mock_apigateway() as apigw:
        retrying = Config(retries={"mode": "standard", "max_attempts": 3})
        client = boto3.client("apigateway", region_name="us-east-1", config=retrying)

        # The first CreateRestApi is throttled (429 with Retry-After); botocore retries and the second one succeeds.
        with apigw.fail("CreateRestApi", "TooManyRequestsException", retry_after=1, times=1):
            api = client.create_rest_api(name="faults-demo")
        print("attempts:", [call.error.code if call.error else "ok" for call in apigw.calls.of("CreateRestApi")])

        # The change is applied, then the caller hears a 503: does your code cope with "failed but done"?
        no_retry = boto3.client("apigateway", region_name="us-east-1", config=Config(retries={"total_max_attempts": 1}))
        with apigw.fail("CreateResource", "ServiceUnavailableException", after=True):
            try:
                no_retry.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="orders")
            except ClientError as error:
                print("CreateResource failed with", error.response["Error"]["Code"])
        paths = [item["path"] for item in client.get_resources(restApiId=api["id"])["items"]]
        print("yet the resource exists:", paths)


if __name__ == "__main__":
    main()
