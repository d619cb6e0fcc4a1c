"""A stage to act on, for the families that need one (base path mappings, documentation versions, GetSdk).

With the deployments branch's handlers registered, the stage is made as a user makes it (a MOCK method on the root,
then CreateDeployment with `stageName`); before that branch is merged, it is seeded white-box into
`ApiGraph.stages`, the container `stage_exists` reads.
"""

from __future__ import annotations

from typing import Any

from apigw_mock.control.registry import handlers
from apigw_mock.state import STATE


def ensure_stage(client: Any, api_id: str, name: str = "prod") -> None:
    """The API has a stage called `name` (its deployment serves an OPTIONS MOCK method on the root)."""
    if {"CreateDeployment", "CreateStage"} <= set(handlers()):
        root = client.get_rest_api(restApiId=api_id)["rootResourceId"]
        if "OPTIONS" not in client.get_resource(restApiId=api_id, resourceId=root).get("resourceMethods", {}):
            client.put_method(restApiId=api_id, resourceId=root, httpMethod="OPTIONS", authorizationType="NONE")
            client.put_integration(restApiId=api_id, resourceId=root, httpMethod="OPTIONS", type="MOCK")
        client.create_deployment(restApiId=api_id, stageName=name)
        return
    graph = STATE.backend(client.meta.region_name).apis[api_id]
    stages = graph.__dict__.setdefault("stages", {})
    stages[name] = object()
