"""PutRestApi through boto3 (spec control-plane-2 §17.1): merge (the default) and overwrite, what each keeps, and
that a failed put changes nothing (the mock is atomic where AWS is not, §17.1 mock choice)."""

from __future__ import annotations

from typing import Any

from tests.control import openapi_docs as docs
from tests.helpers import body, raises_aws

_OK = {"responses": {"200": {"description": "ok"}}}
_MOCK = {"x-amazon-apigateway-integration": {"type": "mock", "responses": {"default": {"statusCode": "200"}}}}


def _methods(client: Any, api_id: str) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for resource in client.get_resources(restApiId=api_id, embed=["methods"])["items"]:
        for verb, method in (resource.get("resourceMethods") or {}).items():
            found[f"{resource['path']} {verb}"] = method
    return found


def _api(client: Any) -> dict[str, Any]:
    """An API built call by call: GET /a (with a 200 response and a MOCK integration), model Pet, a stage."""
    api = client.create_rest_api(name="live", tags={"k": "v"}, endpointConfiguration={"types": ["REGIONAL"]})
    a = client.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="a")
    client.put_method(restApiId=api["id"], resourceId=a["id"], httpMethod="GET", authorizationType="NONE")
    client.put_method_response(restApiId=api["id"], resourceId=a["id"], httpMethod="GET", statusCode="200")
    client.put_method_response(restApiId=api["id"], resourceId=a["id"], httpMethod="GET", statusCode="404")
    client.put_integration(restApiId=api["id"], resourceId=a["id"], httpMethod="GET", type="MOCK")
    client.create_model(restApiId=api["id"], name="Pet", contentType="application/json", schema="{}")
    client.create_deployment(restApiId=api["id"], stageName="dev")
    return dict(api)


def _put(client: Any, api_id: str, document: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    return dict(client.put_rest_api(restApiId=api_id, body=docs.dumps(document), **kwargs))


def test_merge_is_the_default_and_keeps_what_the_document_does_not_name(client: Any) -> None:
    api = _api(client)
    reply = _put(client, api["id"], docs.minimal({"/b": {"post": _OK | _MOCK}}))

    assert reply["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert body(reply)["id"] == api["id"] and reply["name"] == "t"
    assert set(_methods(client, api["id"])) == {"/a GET", "/b POST"}
    assert "Pet" in {m["name"] for m in client.get_models(restApiId=api["id"])["items"]}
    assert reply["endpointConfiguration"]["types"] == ["REGIONAL"] and reply["tags"] == {"k": "v"}
    assert reply["rootResourceId"] == api["rootResourceId"]


def test_merge_replaces_a_conflicting_method_wholesale(client: Any) -> None:
    api = _api(client)
    _put(client, api["id"], docs.minimal({"/a": {"get": {"responses": {"201": {"description": "new"}}}}}), mode="merge")

    method = _methods(client, api["id"])["/a GET"]
    assert set(method["methodResponses"]) == {"201"}  # the old 200 and 404 are gone [DOC example]
    assert "methodIntegration" not in method


def test_merge_replaces_a_model_of_the_same_name_keeping_its_id(client: Any) -> None:
    api = _api(client)
    before = client.get_model(restApiId=api["id"], modelName="Pet")
    _put(client, api["id"], docs.minimal(components={"schemas": {"Pet": {"type": "string"}}}))

    after = client.get_model(restApiId=api["id"], modelName="Pet")
    assert after["id"] == before["id"] and after["schema"] == '{"type": "string"}'


def test_overwrite_deletes_what_the_document_does_not_name(client: Any) -> None:
    api = _api(client)
    reply = _put(client, api["id"], docs.minimal({"/b": {"post": _OK | _MOCK}}), mode="overwrite")

    assert set(_methods(client, api["id"])) == {"/b POST"}
    assert sorted(r["path"] for r in client.get_resources(restApiId=api["id"])["items"]) == ["/", "/b"]
    assert client.get_models(restApiId=api["id"])["items"] == []
    assert reply["rootResourceId"] == api["rootResourceId"]
    assert reply["endpointConfiguration"]["types"] == ["REGIONAL"] and reply["tags"] == {"k": "v"}
    assert [s["stageName"] for s in client.get_stages(restApiId=api["id"])["item"]] == ["dev"]


def test_overwrite_replaces_validators_and_authorizers(client: Any) -> None:
    api = _api(client)
    client.create_request_validator(restApiId=api["id"], name="old")
    _put(client, api["id"], docs.serverless(), mode="overwrite")

    names = sorted(v["name"] for v in client.get_request_validators(restApiId=api["id"])["items"])
    assert names == ["body", "params"]
    assert [a["name"] for a in client.get_authorizers(restApiId=api["id"])["items"]] == ["pool"]


def test_the_stage_keeps_serving_the_old_deployment(client: Any) -> None:
    api = _api(client)
    _put(client, api["id"], docs.minimal({"/b": {"post": _OK | _MOCK}}), mode="overwrite")

    exported = client.get_export(restApiId=api["id"], stageName="dev", exportType="oas30")["body"].read()
    assert b'"/a"' in exported and b'"/b"' not in exported


def test_a_failed_put_changes_nothing(client: Any) -> None:
    api = _api(client)
    before = _methods(client, api["id"])
    bad = docs.minimal({"/b": {"post": _OK}, "/c": {"get": {"x-amazon-apigateway-integration": {"type": "nope"}}}})

    for mode in ("merge", "overwrite"):
        with raises_aws("BadRequestException", status=400):
            _put(client, api["id"], bad, mode=mode)
        assert _methods(client, api["id"]) == before
        assert client.get_rest_api(restApiId=api["id"])["name"] == "live"
        assert "Pet" in {m["name"] for m in client.get_models(restApiId=api["id"])["items"]}


def test_put_errors(client: Any) -> None:
    api = _api(client)
    with raises_aws("NotFoundException", "Invalid API identifier specified 123456789012:nope000000", 404):
        _put(client, "nope000000", docs.minimal())
    with raises_aws("ValidationException", status=400) as error:  # the model's enum, checked by protocol validation
        _put(client, api["id"], docs.minimal(), mode="replace")
    assert "Member must satisfy enum value set: [merge, overwrite]" in error.value.response["Error"]["Message"]


def test_put_with_failonwarnings(client: Any) -> None:
    api = _api(client)
    missing = {
        "/a": {
            "get": {
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/X"}}},
                    }
                }
            }
        }
    }

    warned = _put(client, api["id"], docs.minimal(missing))
    assert warned["warnings"] == ["Ignoring model reference 'X' on 'GET /a': no model of that name in the definition."]
    with raises_aws("BadRequestException", status=400):
        _put(client, api["id"], docs.minimal({"/z": {"get": _OK}, **missing}), failOnWarnings=True)
    assert "/z GET" not in _methods(client, api["id"])
