"""A deployment is a frozen copy of the API: live edits are invisible to it, a redeploy shows them (the data plane
reads `domain.snapshot.DeployedApi` through `domain.stage.serving`)."""

from __future__ import annotations

from typing import Any

from apigw_mock import MockApiGateway
from apigw_mock.domain.snapshot import DeployedApi
from apigw_mock.domain.stage import method_setting, serving
from tests.control.deploy_helpers import deploy, deployable_api


def _template(api: DeployedApi, resource_id: str) -> str | None:
    integration = (api.resources[resource_id].resource_methods or {})["GET"].method_integration
    assert integration is not None
    return (integration.request_templates or {}).get("application/json")


def _serving(mock: MockApiGateway, api_id: str, stage: str) -> Any:
    found = serving(mock.backend().graph(api_id), stage)
    assert found is not None
    return found


def test_live_edit_is_invisible_to_the_deployment_until_redeployed(mock: MockApiGateway, client: Any) -> None:
    api_id, resource_id = deployable_api(client)
    client.update_integration(
        restApiId=api_id, resourceId=resource_id, httpMethod="GET",
        patchOperations=[{"op": "add", "path": "/requestTemplates/application~1json", "value": "v1"}],
    )  # fmt: skip
    first = deploy(client, api_id, stageName="dev")["id"]
    client.update_integration(
        restApiId=api_id, resourceId=resource_id, httpMethod="GET",
        patchOperations=[{"op": "replace", "path": "/requestTemplates/application~1json", "value": "v2"}],
    )  # fmt: skip
    client.create_resource(
        restApiId=api_id, parentId=client.get_rest_api(restApiId=api_id)["rootResourceId"], pathPart="new"
    )

    served = _serving(mock, api_id, "dev")
    assert served.deployment_id == first
    assert _template(served.api, resource_id) == "v1"
    assert {r.path for r in served.api.resources.values()} == {"/", "/pets"}
    # the live graph has moved on
    assert client.get_integration(restApiId=api_id, resourceId=resource_id, httpMethod="GET")["requestTemplates"] == {
        "application/json": "v2"
    }

    second = deploy(client, api_id, stageName="dev")["id"]
    served = _serving(mock, api_id, "dev")
    assert served.deployment_id == second
    assert _template(served.api, resource_id) == "v2"
    assert {r.path for r in served.api.resources.values()} == {"/", "/pets", "/new"}
    assert _template(mock.backend().graph(api_id).deployments[first].api, resource_id) == "v1"  # still frozen


def test_deleting_a_resource_live_keeps_it_deployed(mock: MockApiGateway, client: Any) -> None:
    api_id, resource_id = deployable_api(client)
    deploy(client, api_id, stageName="dev")
    client.delete_method(restApiId=api_id, resourceId=resource_id, httpMethod="GET")
    client.delete_resource(restApiId=api_id, resourceId=resource_id)
    served = _serving(mock, api_id, "dev").api
    assert served.child(served.root.id, "pets") is not None
    assert [(r.path, verb) for r, verb, _ in served.methods()] == [("/pets", "GET")]


def test_gateway_responses_are_the_effective_ones(mock: MockApiGateway, client: Any) -> None:
    api_id, _ = deployable_api(client)
    client.put_gateway_response(restApiId=api_id, responseType="DEFAULT_4XX", statusCode="418")
    deploy(client, api_id, stageName="dev")
    client.delete_gateway_response(restApiId=api_id, responseType="DEFAULT_4XX")
    responses = _serving(mock, api_id, "dev").api.gateway_responses
    assert len(responses) == 21
    assert responses["DEFAULT_4XX"].status_code == "418"
    assert responses["DEFAULT_4XX"].default_response is False
    assert responses["DEFAULT_5XX"].default_response is True


def test_serving_with_canary_and_variables(mock: MockApiGateway, client: Any) -> None:
    api_id, _ = deployable_api(client)
    base = deploy(client, api_id, stageName="prod", variables={"a": "1", "b": "2"})["id"]
    canary = deploy(
        client, api_id, stageName="prod", canarySettings={"percentTraffic": 25.0, "stageVariableOverrides": {"b": "3"}}
    )["id"]
    client.update_stage(
        restApiId=api_id, stageName="prod",
        patchOperations=[{"op": "replace", "path": "/*/*/throttling/burstLimit", "value": "7"}],
    )  # fmt: skip
    served = _serving(mock, api_id, "prod")
    assert (served.deployment_id, served.canary_deployment_id, served.canary_percent) == (base, canary, 25.0)
    assert served.variables(canary=False) == {"a": "1", "b": "2"}
    assert served.variables(canary=True) == {"a": "1", "b": "3"}
    assert served.canary is not None and served.canary is not served.api
    setting = method_setting(served.stage, "/pets", "GET")
    assert setting is not None and setting.throttling_burst_limit == 7
    assert serving(mock.backend().graph(api_id), "nope") is None


def test_a_deployed_api_survives_deepcopy_and_pickle(mock: MockApiGateway, client: Any) -> None:
    import copy
    import pickle

    api_id, resource_id = deployable_api(client)
    deploy(client, api_id, stageName="dev")
    frozen = _serving(mock, api_id, "dev").api
    for twin in (copy.deepcopy(frozen), pickle.loads(pickle.dumps(frozen))):
        assert twin is not frozen
        assert twin.api == frozen.api
        assert list(twin.resources) == list(frozen.resources)
        assert twin.child(twin.root.id, "pets") == frozen.resources[resource_id]
        assert set(twin.gateway_responses) == set(frozen.gateway_responses)
