"""State: build a fixture once, snapshot it, let each test change it, restore it exactly; save it to a file.

Run: python examples/state_snapshot.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import boto3

from apigw_mock import mock_apigateway


def main() -> None:
    with mock_apigateway(seed=2024) as apigw:  # seed: the same ids on every run
        client = boto3.client("apigateway", region_name="us-east-1")
        api = client.create_rest_api(name="shop")
        client.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="orders")
        print("API id (the same on every run):", api["id"])

        snapshot = apigw.snapshot()
        for test in ("first", "second"):
            client.delete_rest_api(restApiId=api["id"])  # whatever a test does...
            apigw.restore(snapshot)  # ...the next one starts from the fixture again
            paths = [item["path"] for item in client.get_resources(restApiId=api["id"])["items"]]
            print(f"after the {test} restore:", paths)

        with tempfile.TemporaryDirectory() as directory:
            path = apigw.save(Path(directory) / "state.json")  # versioned JSON, written atomically
            apigw.reset()
            apigw.load(path)  # or: apigw-mock serve --state-file state.json
            print("loaded from the file:", [item["name"] for item in client.get_rest_apis()["items"]])


if __name__ == "__main__":
    main()
