"""The call sequences the benchmark times, written against a `call(operation, **params)` function.

`Calls` makes and times the boto3 calls, per operation. In tolerant mode a failing call is recorded (operation ->
first error) and answers `{}`, so a target that lacks an operation (moto, or apigw_mock while an operation is
still being written) runs the rest of the sequence and is compared on what it supports.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any, Protocol

from botocore import xform_name

MISSING = "missing"  # stands in for an id a failed call did not return


class Cursor(Protocol):
    def next_call(self) -> None: ...


class Calls:
    """`calls("GetResource", restApiId=...)`: one timed boto3 call; per-operation totals in `elapsed`/`count`.

    Timed in CPU time of the calling thread by default, so other processes on the machine barely move it."""

    clock: Callable[[], float] = staticmethod(time.thread_time)

    def __init__(self, client: Any, cursor: Cursor | None = None, tolerant: bool = True) -> None:
        self.client = client
        self.cursor = cursor
        self.tolerant = tolerant
        self.elapsed: dict[str, float] = defaultdict(float)
        self.count: dict[str, int] = defaultdict(int)
        self.failed: dict[str, str] = {}

    def __call__(self, operation: str, **params: Any) -> dict[str, Any]:
        method = getattr(self.client, xform_name(operation))
        if self.cursor is not None:
            self.cursor.next_call()
        start = self.clock()
        try:
            result: dict[str, Any] = method(**params)
        except Exception as error:
            if not self.tolerant:
                raise
            self.failed.setdefault(operation, f"{type(error).__name__}: {str(error)[:160]}")
            return {}
        self.elapsed[operation] += self.clock() - start
        self.count[operation] += 1
        return result


Workload = Callable[[Calls], None]


def setup_and_patch(patches: int) -> Workload:
    """Create an API, a nested resource, a method with a response, a MOCK integration with a response, then
    `patches` rounds of UpdateIntegrationResponse + GetIntegrationResponse (what a CORS/mapping test does)."""

    def run(call: Calls) -> None:
        api = call("CreateRestApi", name="bench", description="benchmark API")
        api_id, parent = api.get("id", MISSING), api.get("rootResourceId", MISSING)
        for part in ("v1", "pets", "{petId}"):
            parent = call("CreateResource", restApiId=api_id, parentId=parent, pathPart=part).get("id", MISSING)
        target = {"restApiId": api_id, "resourceId": parent, "httpMethod": "GET"}
        call("PutMethod", **target, authorizationType="NONE")
        header = {"method.response.header.X-Trace": False}
        call("PutMethodResponse", **target, statusCode="200", responseParameters=header)
        call("PutIntegration", **target, type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'})
        call("PutIntegrationResponse", **target, statusCode="200", responseTemplates={"application/json": "{}"})
        for i in range(patches):
            operations = [
                {"op": "replace", "path": "/selectionPattern", "value": f"2\\d{{{i % 3}}}"},
                {"op": "add", "path": "/responseTemplates/application~1json", "value": f'{{"n": {i}}}'},
                {"op": "add", "path": "/responseParameters/method.response.header.X-Trace", "value": f"'t{i}'"},
            ]
            call("UpdateIntegrationResponse", **target, statusCode="200", patchOperations=operations)
            call("GetIntegrationResponse", **target, statusCode="200")

    return run


def repeated(operation: str, rounds: int) -> Workload:
    """`deploy_lifecycle`'s API, deployed to `dev`, then `rounds` calls of one of its heavier operations (as that
    workload makes them): a per-operation figure for instructions.py."""

    parameters: Callable[[int], dict[str, Any]] = {
        "UpdateStage": lambda i: {"stageName": "dev", "patchOperations": stage_patch(i)},
        "CreateDeployment": lambda i: {"stageName": "dev", "description": f"r{i}"},
    }[operation]

    def run(call: Calls) -> None:
        api_id = deployable_api(call, "repeated")
        call("CreateDeployment", restApiId=api_id, stageName="dev")
        for i in range(rounds):
            call(operation, restApiId=api_id, **parameters(i))

    return run


def stage_patch(i: int) -> list[dict[str, str]]:
    """UpdateStage's operations in round `i`: method settings (all methods, one method), a canary, a variable."""
    return [
        {"op": "replace", "path": "/*/*/metrics/enabled", "value": "true"},
        {"op": "replace", "path": "/~1pets/GET/logging/loglevel", "value": "INFO"},
        {"op": "replace", "path": "/canarySettings/percentTraffic", "value": "10"},
        {"op": "replace", "path": "/variables/round", "value": str(i)},
    ]


def one_call(call: Calls) -> None:
    """The single call of the minimal test."""
    call("CreateRestApi", name="minimal")


def deployable_api(call: Calls, name: str) -> str:
    """A small API that can be deployed (`GET /pets` on a MOCK integration); its id."""
    api = call("CreateRestApi", name=name)
    api_id: str = api.get("id", MISSING)
    parent = call("CreateResource", restApiId=api_id, parentId=api.get("rootResourceId", MISSING), pathPart="pets")
    target = {"restApiId": api_id, "resourceId": parent.get("id", MISSING), "httpMethod": "GET"}
    call("PutMethod", **target, authorizationType="NONE")
    call("PutIntegration", **target, type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'})
    return api_id


def deploy_lifecycle(rounds: int) -> Workload:
    """A deploy script's calls: build a small API, then `rounds` of deploy, stage reads and patches (method
    settings, a canary), tags, redeploys, and the deletes; every operation of the deployment/stage/tag family."""

    def run(call: Calls) -> None:
        api_id = deployable_api(call, "deploy-bench")
        arn = f"arn:aws:apigateway:us-east-1::/restapis/{api_id}/stages/dev"
        for i in range(rounds):
            first = call("CreateDeployment", restApiId=api_id, stageName="dev", description=f"r{i}").get("id", MISSING)
            call("GetDeployment", restApiId=api_id, deploymentId=first, embed=["apisummary"])
            call("GetDeployments", restApiId=api_id, limit=25)
            operations = [{"op": "replace", "path": "/description", "value": f"round {i}"}]
            call("UpdateDeployment", restApiId=api_id, deploymentId=first, patchOperations=operations)
            call("CreateStage", restApiId=api_id, stageName=f"s{i}", deploymentId=first, variables={"a": "1"})
            call("GetStage", restApiId=api_id, stageName="dev")
            call("GetStages", restApiId=api_id)
            operations = stage_patch(i)
            call("UpdateStage", restApiId=api_id, stageName="dev", patchOperations=operations)
            call("TagResource", resourceArn=arn, tags={"round": str(i)})
            call("GetTags", resourceArn=arn)
            call("UntagResource", resourceArn=arn, tagKeys=["round"])
            call("FlushStageCache", restApiId=api_id, stageName="dev")
            call("FlushStageAuthorizersCache", restApiId=api_id, stageName="dev")
            call("DeleteStage", restApiId=api_id, stageName=f"s{i}")
            spare = call("CreateDeployment", restApiId=api_id).get("id", MISSING)
            call("DeleteDeployment", restApiId=api_id, deploymentId=spare)

    return run
