"""The RestApi `PATCHABLE` table (UpdateRestApi, spec §3.1, §4.5), pure (no boto3): every path x op as `(node, ops) ->
node | error`, with the vocabulary of tests/support/patch_tables.py. The same behaviour through boto3:
test_rest_api_updates.py.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from apigw_mock.domain.rest_api import EndpointConfiguration, RestApi
from tests.helpers import ONLY_REPLACE
from tests.support.patch_tables import Error, Ops, bad, op, run, wire

CREATED = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)


def rest_api(**fields: Any) -> RestApi:
    defaults: dict[str, Any] = {
        "id": "api0000001",
        "name": "test-api",
        "created_date": CREATED,
        "endpoint_configuration": EndpointConfiguration(types=["EDGE"], ip_address_type="ipv4"),
        "root_resource_id": "root000001",
    }
    return RestApi(**{**defaults, **fields})


API = rest_api()
API_WIRE = wire(API)
PRIVATE_API = rest_api(endpoint_configuration=EndpointConfiguration(types=["PRIVATE"], ip_address_type="dualstack"))
VPCE = "/endpointConfiguration/vpcEndpointIds"
COMPRESSION = "Invalid minimum compression size, must be between 0 and 10485760"
ENDPOINT_TYPES = "Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE"
TYPES_OP = "Invalid patch operation specified. Must be 'add'|'remove'|'replace'"


def api_with(**changes: Any) -> dict[str, Any]:
    """API_WIRE with `changes` applied; a None value removes the key."""
    merged = {**API_WIRE, **changes}
    return {key: value for key, value in merged.items() if value is not None}


def endpoint(types: str, ip: str) -> dict[str, Any]:
    return {"types": [types], "ipAddressType": ip}


REST_API: dict[str, tuple[RestApi, Ops, dict[str, Any] | Error]] = {
    "/name replace": (API, [op("replace", "/name", "renamed")], api_with(name="renamed")),
    "/name add": (API, [op("add", "/name", "x")], bad(ONLY_REPLACE)),
    "/name remove": (API, [op("remove", "/name")], bad(ONLY_REPLACE)),
    "/description add": (API, [op("add", "/description", "d")], api_with(description="d")),
    "/description replace": (
        rest_api(description="old"),
        [op("replace", "/description", "new")],
        api_with(description="new"),
    ),
    "/description remove": (rest_api(description="old"), [op("remove", "/description")], API_WIRE),
    "/policy replace": (
        API,
        [op("replace", "/policy", '{"Version": "2012-10-17"}')],
        api_with(policy='{\\"Version\\":\\"2012-10-17\\"}'),  # kept minified and escaped once more [INF]
    ),
    "/policy add": (API, [op("add", "/policy", "{}")], bad(ONLY_REPLACE)),
    "/policy remove": (API, [op("remove", "/policy")], bad(ONLY_REPLACE)),
    "/apiKeySource replace": (API, [op("replace", "/apiKeySource", "AUTHORIZER")], api_with(apiKeySource="AUTHORIZER")),
    "/apiKeySource bad value": (
        API,
        [op("replace", "/apiKeySource", "COOKIE")],
        bad("Invalid API Key source specified. Valid options are HEADER,AUTHORIZER"),
    ),
    "/apiKeySource add": (API, [op("add", "/apiKeySource", "HEADER")], bad(ONLY_REPLACE)),
    "/apiKeySource remove": (API, [op("remove", "/apiKeySource")], bad(ONLY_REPLACE)),
    "/disableExecuteApiEndpoint replace true": (
        API,
        [op("replace", "/disableExecuteApiEndpoint", "true")],
        api_with(disableExecuteApiEndpoint=True),
    ),
    "/disableExecuteApiEndpoint replace other": (
        rest_api(disable_execute_api_endpoint=True),
        [op("replace", "/disableExecuteApiEndpoint", "no")],
        API_WIRE,
    ),
    "/disableExecuteApiEndpoint add": (API, [op("add", "/disableExecuteApiEndpoint", "true")], bad(ONLY_REPLACE)),
    "/disableExecuteApiEndpoint remove": (API, [op("remove", "/disableExecuteApiEndpoint")], bad(ONLY_REPLACE)),
    "/binaryMediaTypes/k add": (
        API,
        [op("add", "/binaryMediaTypes/image~1png")],
        api_with(binaryMediaTypes=["image/png"]),
    ),
    "/binaryMediaTypes/k add ignores value": (
        API,
        [op("add", "/binaryMediaTypes/image~1png", "text/html")],
        api_with(binaryMediaTypes=["image/png"]),
    ),
    "/binaryMediaTypes/- add stores dash": (
        API,
        [op("add", "/binaryMediaTypes/-", "image/png")],
        api_with(binaryMediaTypes=["-"]),
    ),
    "/binaryMediaTypes/k replace appends": (
        rest_api(binary_media_types=["image/png", "image/jpeg"]),
        [op("replace", "/binaryMediaTypes/image~1png", "image/gif")],
        api_with(binaryMediaTypes=["image/jpeg", "image/gif"]),
    ),
    "/binaryMediaTypes/k remove": (
        rest_api(binary_media_types=["image/png", "image/gif"]),
        [op("remove", "/binaryMediaTypes/image~1gif")],
        api_with(binaryMediaTypes=["image/png"]),
    ),
    "/binaryMediaTypes/k remove last": (
        rest_api(binary_media_types=["image/png"]),
        [op("remove", "/binaryMediaTypes/image~1png")],
        API_WIRE,
    ),
    **{
        f"/binaryMediaTypes bare {name}": (
            API,
            [op(name, "/binaryMediaTypes", "image/png")],
            bad("Invalid patch path /binaryMediaTypes"),
        )
        for name in ("add", "replace", "remove")
    },
    "/minimumCompressionSize replace": (
        API,
        [op("replace", "/minimumCompressionSize", "10")],
        api_with(minimumCompressionSize=10),
    ),
    "/minimumCompressionSize replace 0": (
        API,
        [op("replace", "/minimumCompressionSize", "0")],
        api_with(minimumCompressionSize=0),
    ),
    "/minimumCompressionSize replace max": (
        API,
        [op("replace", "/minimumCompressionSize", "10485760")],
        api_with(minimumCompressionSize=10485760),
    ),
    "/minimumCompressionSize replace empty unsets": (
        rest_api(minimum_compression_size=5),
        [op("replace", "/minimumCompressionSize", "")],
        API_WIRE,
    ),
    "/minimumCompressionSize replace null unsets": (
        rest_api(minimum_compression_size=5),
        [op("replace", "/minimumCompressionSize")],
        API_WIRE,
    ),
    "/minimumCompressionSize replace -1": (API, [op("replace", "/minimumCompressionSize", "-1")], bad(COMPRESSION)),
    "/minimumCompressionSize replace text": (API, [op("replace", "/minimumCompressionSize", "test")], bad(COMPRESSION)),
    "/minimumCompressionSize replace too big": (
        API,
        [op("replace", "/minimumCompressionSize", "10485761")],
        bad(COMPRESSION),
    ),
    "/minimumCompressionSize add": (API, [op("add", "/minimumCompressionSize", "10")], bad(ONLY_REPLACE)),
    "/minimumCompressionSize remove": (API, [op("remove", "/minimumCompressionSize")], bad(ONLY_REPLACE)),
    "/endpointConfiguration/types/0 replace REGIONAL": (
        API,
        [op("replace", "/endpointConfiguration/types/0", "REGIONAL")],
        api_with(endpointConfiguration=endpoint("REGIONAL", "ipv4")),
    ),
    "/endpointConfiguration/types/0 replace PRIVATE -> dualstack": (
        API,
        [op("replace", "/endpointConfiguration/types/0", "PRIVATE")],
        api_with(endpointConfiguration=endpoint("PRIVATE", "dualstack")),
    ),
    "/endpointConfiguration/types/<current> replace": (
        API,
        [op("replace", "/endpointConfiguration/types/EDGE", "REGIONAL")],
        api_with(endpointConfiguration=endpoint("REGIONAL", "ipv4")),
    ),
    "/endpointConfiguration/types/<other> replace": (
        API,
        [op("replace", "/endpointConfiguration/types/REGIONAL", "PRIVATE")],
        bad("Invalid patch path /endpointConfiguration/types/REGIONAL"),
    ),
    "/endpointConfiguration/types/0 three replaces in order": (
        API,
        [op("replace", "/endpointConfiguration/types/0", t) for t in ("REGIONAL", "EDGE", "PRIVATE")],
        api_with(endpointConfiguration=endpoint("PRIVATE", "dualstack")),
    ),
    "/endpointConfiguration/types/0 bad value": (
        API,
        [op("replace", "/endpointConfiguration/types/0", "WRONG")],
        bad(ENDPOINT_TYPES),
    ),
    "/endpointConfiguration/types/0 add": (API, [op("add", "/endpointConfiguration/types/0", "EDGE")], bad(TYPES_OP)),
    "/endpointConfiguration/types/0 remove": (API, [op("remove", "/endpointConfiguration/types/0")], bad(TYPES_OP)),
    "/endpointConfiguration/types bare": (
        API,
        [op("replace", "/endpointConfiguration/types", "EDGE")],
        bad("Invalid patch path /endpointConfiguration/types"),
    ),
    "/endpointConfiguration/ipAddressType replace dualstack": (
        API,
        [op("replace", "/endpointConfiguration/ipAddressType", "dualstack")],
        api_with(endpointConfiguration=endpoint("EDGE", "dualstack")),
    ),
    "/endpointConfiguration/ipAddressType replace ipv4": (
        rest_api(endpoint_configuration=EndpointConfiguration(types=["REGIONAL"], ip_address_type="dualstack")),
        [op("replace", "/endpointConfiguration/ipAddressType", "ipv4")],
        api_with(endpointConfiguration=endpoint("REGIONAL", "ipv4")),
    ),
    "/endpointConfiguration/ipAddressType bad value": (
        API,
        [op("replace", "/endpointConfiguration/ipAddressType", "ipv5")],
        bad("ipAddressType must be either ipv4 or dualstack."),
    ),
    "/endpointConfiguration/ipAddressType ipv4 on PRIVATE": (
        PRIVATE_API,
        [op("replace", "/endpointConfiguration/ipAddressType", "ipv4")],
        bad("Only dualstack ipAddressType is supported for Private APIs."),
    ),
    "/endpointConfiguration/ipAddressType ipv4 after switch to PRIVATE": (
        API,
        [
            op("replace", "/endpointConfiguration/types/0", "PRIVATE"),
            op("replace", "/endpointConfiguration/ipAddressType", "ipv4"),
        ],
        bad("Only dualstack ipAddressType is supported for Private APIs."),
    ),
    "/endpointConfiguration/ipAddressType add": (
        API,
        [op("add", "/endpointConfiguration/ipAddressType", "ipv4")],
        bad(ONLY_REPLACE),
    ),
    "/endpointConfiguration/ipAddressType remove": (
        API,
        [op("remove", "/endpointConfiguration/ipAddressType")],
        bad(ONLY_REPLACE),
    ),
    "/endpointConfiguration/vpcEndpointIds add": (
        PRIVATE_API,
        [op("add", "/endpointConfiguration/vpcEndpointIds", "vpce-1"), op("add", VPCE, "vpce-2")],
        api_with(endpointConfiguration={**endpoint("PRIVATE", "dualstack"), "vpcEndpointIds": ["vpce-1", "vpce-2"]}),
    ),
    "/endpointConfiguration/vpcEndpointIds remove last": (
        rest_api(
            endpoint_configuration=EndpointConfiguration(
                types=["PRIVATE"], ip_address_type="dualstack", vpc_endpoint_ids=["vpce-1"]
            )
        ),
        [op("remove", VPCE, "vpce-1")],
        api_with(endpointConfiguration=endpoint("PRIVATE", "dualstack")),
    ),
    "/endpointConfiguration/vpcEndpointIds replace": (
        PRIVATE_API,
        [op("replace", VPCE, "vpce-1")],
        bad("Invalid patch operation specified. Must be one of: [add, remove]"),
    ),
    "/securityPolicy replace": (API, [op("replace", "/securityPolicy", "TLS_1_2")], api_with(securityPolicy="TLS_1_2")),
    "/securityPolicy add": (API, [op("add", "/securityPolicy", "TLS_1_2")], bad(ONLY_REPLACE)),
    "/endpointAccessMode replace": (
        API,
        [op("replace", "/endpointAccessMode", "STRICT")],
        api_with(endpointAccessMode="STRICT"),
    ),
    "/endpointAccessMode remove": (API, [op("remove", "/endpointAccessMode")], bad(ONLY_REPLACE)),
    "/id is not patchable": (API, [op("replace", "/id", "x")], bad("Invalid patch path /id")),
    "/tags is not patchable": (API, [op("add", "/tags/team", "x")], bad("Invalid patch path /tags/team")),
    "atomic: later op fails": (
        API,
        [op("replace", "/name", "changed"), op("replace", "/minimumCompressionSize", "-1")],
        bad(COMPRESSION),
    ),
}


@pytest.mark.parametrize(("node", "ops", "expected"), REST_API.values(), ids=REST_API.keys())
def test_rest_api_table(node: RestApi, ops: Ops, expected: dict[str, Any] | Error) -> None:
    run(node, ops, expected)
