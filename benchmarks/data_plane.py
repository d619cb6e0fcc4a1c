"""The data plane's speed: a `requests` call to a deployed stage, against the floor of any `responses`-level mock.

    python benchmarks/data_plane.py            # the full run (about a minute on 2 cores)
    python benchmarks/data_plane.py --quick    # a short run
    python benchmarks/data_plane.py --instructions  # instructions per call under callgrind (a few minutes)

The floor is the same `requests.get` answered by a `responses` callback returning canned bytes (registered on the
mock's own `RequestsMock`, so both pay the same interception): `requests`,
`responses` and urllib3 still run, nothing else. Targets: a MOCK method with a request and a response template,
a Lambda proxy method with a trivial handler, and the MOCK method in an API of 10 and of 10,000 resources (the
cost must not grow with the API), the MOCK method behind an API key in a usage plan (`apiKeyRequired`, the
key checked, counted for GetUsage; goal <= 1.4 x floor), and the same behind a cached Lambda TOKEN authorizer too
(issue 17: goal <= 1.4 x floor). Targets are interleaved per repetition; figures are
medians of per-call CPU time (`time.thread_time`), ratios the medians of the paired per-repetition ratios. Goals
(issue 16): MOCK <= 1.3 x floor, Lambda proxy <= 1.3 x floor, 10,000 resources within noise of 10.

`--instructions` counts instead of timing (valgrind's callgrind, fresh interpreters, `PYTHONHASHSEED=0`): one run
makes every target's call 20 times, and one run per target makes that target's 20 + 100 times; the difference over
100 is its instructions per call, against the floor's alike. Repeatable under any load, unlike the timings, but blind
to what cache misses add (see benchmarks/instructions.py). The 10,000-resource API is left out (its set-up alone
takes minutes under valgrind).
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

import boto3
import requests
import responses

from apigw_mock import MockApiGateway, mock_apigateway

REGION = "us-east-1"
CLOCK = time.thread_time
ARN = "arn:aws:lambda:us-east-1:123456789012:function:bench"
REQUEST_TEMPLATE = '{"statusCode": 200, "q": "$input.params(\'q\')"}'
API_KEY = "bench-api-key-value-0123456789"
AUTHORIZER = "arn:aws:lambda:us-east-1:123456789012:function:bench-authorizer"
GOALS = {"api-key": 1.4, "key+auth": 1.4}  # x floor; 1.3 for the others
RESPONSE_TEMPLATE = '{"stage": "$context.stage", "q": "$input.params(\'q\')", "id": "$context.requestId"}'


def build(client: Any, resources: int) -> str:
    """An API with `resources` resources (a flat fan-out under /r), a MOCK GET /pets and an AWS_PROXY GET /fn."""
    api = client.create_rest_api(name=f"bench-{resources}")
    api_id, root = api["id"], api["rootResourceId"]
    parent = client.create_resource(restApiId=api_id, parentId=root, pathPart="r")["id"]
    for index in range(max(0, resources - 4)):
        client.create_resource(restApiId=api_id, parentId=parent, pathPart=f"n{index}")
    pets = client.create_resource(restApiId=api_id, parentId=root, pathPart="pets")["id"]
    ids = {"restApiId": api_id, "resourceId": pets, "httpMethod": "GET"}
    client.put_method(**ids, authorizationType="NONE")
    client.put_method_response(**ids, statusCode="200")
    client.put_integration(**ids, type="MOCK", requestTemplates={"application/json": REQUEST_TEMPLATE})
    client.put_integration_response(**ids, statusCode="200", responseTemplates={"application/json": RESPONSE_TEMPLATE})
    fn = client.create_resource(restApiId=api_id, parentId=root, pathPart="fn")["id"]
    ids = {"restApiId": api_id, "resourceId": fn, "httpMethod": "GET"}
    client.put_method(**ids, authorizationType="NONE")
    uri = f"arn:aws:apigateway:{REGION}:lambda:path/2015-03-31/functions/{ARN}/invocations"
    client.put_integration(**ids, type="AWS_PROXY", integrationHttpMethod="POST", uri=uri)
    keyed = client.create_resource(restApiId=api_id, parentId=root, pathPart="keyed")["id"]
    ids = {"restApiId": api_id, "resourceId": keyed, "httpMethod": "GET"}
    client.put_method(**ids, authorizationType="NONE", apiKeyRequired=True)
    client.put_method_response(**ids, statusCode="200")
    client.put_integration(**ids, type="MOCK", requestTemplates={"application/json": REQUEST_TEMPLATE})
    client.put_integration_response(**ids, statusCode="200", responseTemplates={"application/json": RESPONSE_TEMPLATE})
    uri = f"arn:aws:apigateway:{REGION}:lambda:path/2015-03-31/functions/{AUTHORIZER}/invocations"
    authorizer = client.create_authorizer(
        restApiId=api_id, name="token", type="TOKEN", authorizerUri=uri, identitySource="method.request.header.Auth"
    )["id"]
    guarded = client.create_resource(restApiId=api_id, parentId=root, pathPart="guarded")["id"]
    ids = {"restApiId": api_id, "resourceId": guarded, "httpMethod": "GET"}
    client.put_method(**ids, authorizationType="CUSTOM", authorizerId=authorizer, apiKeyRequired=True)
    client.put_method_response(**ids, statusCode="200")
    client.put_integration(**ids, type="MOCK", requestTemplates={"application/json": REQUEST_TEMPLATE})
    client.put_integration_response(**ids, statusCode="200", responseTemplates={"application/json": RESPONSE_TEMPLATE})
    client.create_deployment(restApiId=api_id, stageName="dev")
    plan = client.create_usage_plan(name=f"bench-{resources}", apiStages=[{"apiId": api_id, "stage": "dev"}])
    key = client.create_api_key(name=f"bench-{resources}", value=f"{API_KEY}-{resources}", enabled=True)
    client.create_usage_plan_key(usagePlanId=plan["id"], keyId=key["id"], keyType="API_KEY")
    return str(api_id)


def url(api_id: str, path: str) -> str:
    return f"https://{api_id}.execute-api.{REGION}.amazonaws.com/dev{path}"


def per_call(function: Callable[[], Any], calls: int) -> float:
    gc.collect()
    started = CLOCK()
    for _ in range(calls):
        function()
    return (CLOCK() - started) / calls


def main() -> int:
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--quick", action="store_true")
    arguments.add_argument("--instructions", action="store_true")
    arguments.add_argument("--count", nargs=2, metavar=("TARGET", "CALLS"), help=argparse.SUPPRESS)
    options = arguments.parse_args()
    if options.instructions:
        return _instructions()
    repetitions, calls = (5, 100) if options.quick else (15, 300)
    session = requests.Session()
    canned = (200, [("Content-Type", "application/json")], b'{"stage": "dev", "q": "1", "id": "x"}')

    with mock_apigateway() as mock:
        _setup(mock)
        client = boto3.client("apigateway", region_name=REGION)
        small = build(client, 10)
        large = small if options.count else build(client, 10_000)
        # the floor's canned callback sits on the mock's own `responses` mock: both pay the same interception path
        from apigw_mock.transport import execute_api

        assert execute_api._mock is not None
        execute_api._mock.add_callback(responses.GET, "https://floor.example.com/dev/pets", callback=lambda _: canned)
        targets: dict[str, Callable[[], Any]] = {
            "floor": lambda: session.get("https://floor.example.com/dev/pets?q=1"),
            "mock": lambda: session.get(url(small, "/pets?q=1")),
            "lambda": lambda: session.get(url(small, "/fn?q=1")),
            "mock-10000": lambda: session.get(url(large, "/pets?q=1")),
            "api-key": lambda: session.get(url(small, "/keyed?q=1"), headers={"x-api-key": f"{API_KEY}-10"}),
            "key+auth": lambda: session.get(
                url(small, "/guarded?q=1"), headers={"x-api-key": f"{API_KEY}-10", "Auth": "t"}
            ),
        }
        assert targets["mock"]().json()["q"] == "1" and targets["lambda"]().json() == {"ok": True}
        assert targets["mock-10000"]().status_code == 200
        assert targets["api-key"]().json()["q"] == "1" and session.get(url(small, "/keyed")).status_code == 403
        assert targets["key+auth"]().json()["q"] == "1"  # from now on answered from the authorizer cache
        if options.count:  # a counted child (--instructions): each target 20 times, one of them more
            counted, extra = options.count
            for name, target in targets.items():
                for _ in range(20 + (int(extra) if name == counted else 0)):
                    target()
            return 0
        timings: dict[str, list[float]] = {name: [] for name in targets}
        assert targets["floor"]().status_code == 200
        for _ in range(repetitions):
            for name, target in targets.items():
                timings[name].append(per_call(target, calls))
    return _report(timings)


INSTRUCTION_TARGETS = ("floor", "mock", "lambda", "api-key", "key+auth")


def _instructions() -> int:
    def counted(target: str, extra: int) -> int:
        with tempfile.TemporaryDirectory() as scratch:
            out = os.path.join(scratch, "callgrind.out")
            command = ["valgrind", "--tool=callgrind", "--trace-children=no", f"--callgrind-out-file={out}"]
            command += [os.path.realpath(sys.executable), os.path.abspath(__file__), "--count", target, str(extra)]
            subprocess.run(command, check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": "0"})
            with open(out) as file:
                return int(next(line for line in file if line.startswith("summary:")).split()[1])

    base = counted("none", 0)
    per_call = {name: (counted(name, 100) - base) / 100 for name in INSTRUCTION_TARGETS}
    print(f"{'target':<12} {'instructions/call':>18} {'x floor':>8}")
    for name, value in per_call.items():
        print(f"{name:<12} {value / 1e3:>17.0f}k {value / per_call['floor']:>8.3f}")
    return 0


def _setup(mock: MockApiGateway) -> None:
    mock.register_lambda(ARN, lambda event, context: {"statusCode": 200, "body": '{"ok": true}'})
    statement = {"Action": "execute-api:Invoke", "Effect": "Allow", "Resource": "arn:aws:execute-api:*"}
    answer = {"principalId": "bench", "policyDocument": {"Statement": [statement]}, "context": {"tier": "gold"}}
    mock.register_lambda(AUTHORIZER, lambda event, context: answer)


def _report(timings: dict[str, list[float]]) -> int:
    floor = timings["floor"]
    print(f"{'target':<12} {'median us/call':>15} {'x floor':>8}")
    failed = False
    for name, values in timings.items():
        ratio = statistics.median(value / base for value, base in zip(values, floor, strict=True))
        print(f"{name:<12} {statistics.median(values) * 1e6:>15.1f} {ratio:>8.2f}")
        failed |= name != "floor" and ratio > GOALS.get(name, 1.3)
    scale = statistics.median(a / b for a, b in zip(timings["mock-10000"], timings["mock"], strict=True))
    print(f"10,000 resources / 10 resources: {scale:.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
