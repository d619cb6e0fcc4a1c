"""An operation's first dispatch imports only the module that owns it (`control/owners.py`), in a fresh
interpreter as a test session's first call is: the other families stay unloaded, and what needs them all (the tag
index, which every taggable family joins on import) still finds every kind. The protocol layer is built on the
calling client's own service model, not on a second read of botocore's files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

_PROBE = """
import json, sys
import boto3
from botocore.exceptions import ClientError
from apigw_mock import mock_apigateway

with mock_apigateway():
    client = boto3.client("apigateway", region_name="us-east-1")
    client.create_rest_api(name="first")
    loaded = sorted(name for name in sys.modules if name.startswith("apigw_mock.control."))
    try:
        client.tag_resource(resourceArn="arn:aws:apigateway:us-east-1::/apikeys/nokey", tags={"a": "b"})
        tagged = "answered"
    except ClientError as error:
        tagged = error.response["Error"]["Code"]
    from apigw_mock.protocol import spec

    shared = spec.service_model() is client.meta.service_model
print(json.dumps({"loaded": loaded, "tagged": tagged, "shared": shared}))
"""


def _probe() -> dict[str, object]:
    environment = {**os.environ, "AWS_ACCESS_KEY_ID": "AKIAFIRSTDISPATCH000", "AWS_SECRET_ACCESS_KEY": "secret"}
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, env=environment)
    return dict(json.loads(out.stdout.splitlines()[-1]))


def test_the_first_call_loads_its_own_family_and_tags_still_reach_every_kind() -> None:
    found = _probe()

    assert found["loaded"] == [
        "apigw_mock.control.owners",
        "apigw_mock.control.pipeline",
        "apigw_mock.control.registry",
        "apigw_mock.control.rest_apis",
        "apigw_mock.control.views",
    ]
    assert found["tagged"] == "NotFoundException"  # the API key kind is known, the key is not
    assert found["shared"] is True
