"""ImportRestApi's cost, and how it grows with the number of paths (issue 15).

    python benchmarks/openapi_import.py            # 50, 100, 250 and 500 paths, median of 5 runs each
    python benchmarks/openapi_import.py --quick    # 50 and 500 paths, median of 2 runs

Each path of the generated document has a GET with a query parameter, a 200 response with a header and a model,
and an HTTP integration with a mapped header (the shape of a typical SAM / Serverless definition), plus a CORS
OPTIONS MOCK method on every tenth path. Timed: one `import_rest_api` call through a boto3 client under the mock
(JSON body parsed, the graph built aside and checked, swapped in, the reply serialised). CPU time of this thread.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from typing import Any

import boto3

from apigw_mock import mock_apigateway

CLOCK = time.thread_time


def document(paths: int) -> bytes:
    header = {"method.response.header.X-Trace": "integration.response.header.X-Trace"}
    items: dict[str, Any] = {}
    for index in range(paths):
        get = {
            "parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}],
            "responses": {
                "200": {
                    "description": "ok",
                    "headers": {"X-Trace": {"schema": {"type": "string"}}},
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                }
            },
            "x-amazon-apigateway-integration": {
                "type": "http",
                "httpMethod": "GET",
                "uri": f"https://backend.example.com/r{index}",
                "requestParameters": {"integration.request.querystring.q": "method.request.querystring.q"},
                "responses": {"default": {"statusCode": "200", "responseParameters": header}},
            },
        }
        item: dict[str, Any] = {"get": get}
        if index % 10 == 0:
            item["options"] = {
                "responses": {"200": {"description": "cors"}},
                "x-amazon-apigateway-integration": {"type": "mock", "responses": {"default": {"statusCode": "200"}}},
            }
        items[f"/group{index % 25}/r{index}/{{id}}"] = item
    root = {
        "openapi": "3.0.1",
        "info": {"title": f"bench-{paths}", "version": "1"},
        "paths": items,
        "components": {"schemas": {"Thing": {"type": "object"}}},
    }
    return json.dumps(root).encode()


def measure(paths: int, reps: int) -> float:
    body = document(paths)
    times = []
    with mock_apigateway():
        client = boto3.client("apigateway", region_name="us-east-1")
        client.import_rest_api(body=document(5))  # warm up: models loaded, handlers imported
        for _ in range(reps):
            start = CLOCK()
            client.import_rest_api(body=body)
            times.append(CLOCK() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "AKIABENCH00000000000")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "bench")
    sizes, reps = ((50, 500), 2) if args.quick else ((50, 100, 250, 500), 5)
    print(f"# ImportRestApi, CPU time of one call, median of {reps}")
    print(f"{'paths':>6} {'ms':>9} {'ms/path':>8}")
    for size in sizes:
        seconds = measure(size, reps)
        print(f"{size:>6} {seconds * 1000:>9.1f} {seconds * 1000 / size:>8.3f}")


if __name__ == "__main__":
    main()
