"""The real AWS CLI (`python -m awscli`, a subprocess) against the server, including the AWS CLI documentation's own
update-integration-response examples run verbatim (shell-quoted exactly as printed, split the way a POSIX shell does).

Each CLI process costs about a second, so the whole CORS build is one test and the other update commands a second.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from apigw_mock.server import running_server

HEADER = "method.response.header.Access-Control-Allow-Origin"
# From the AWS CLI's examples/apigateway/update-integration-response.rst; only the ids are ours.
DOC_REPLACE = (
    "aws apigateway update-integration-response --rest-api-id {api} --resource-id {resource} --http-method GET"
    " --status-code 200 --patch-operations op='replace',path='/responseParameters/method.response.header."
    "Access-Control-Allow-Origin',value='\"'\"'*'\"'\"'"
)
DOC_REMOVE = (
    "aws apigateway update-integration-response --rest-api-id {api} --resource-id {resource} --http-method GET"
    " --status-code 200 --patch-operations op='remove',path='/responseParameters/method.response.header."
    "Access-Control-Allow-Origin'"
)


class Cli:
    """Runs `aws apigateway ...` against one endpoint with fake credentials and no user configuration."""

    def __init__(self, url: str, home: Path) -> None:
        config, credentials = home / "config", home / "credentials"
        config.write_text("")
        credentials.write_text("")
        self.url = url
        self.env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
        self.env.update(
            AWS_ACCESS_KEY_ID="AKIDFAKECLI",
            AWS_SECRET_ACCESS_KEY="fake-secret",
            AWS_CONFIG_FILE=str(config),
            AWS_SHARED_CREDENTIALS_FILE=str(credentials),
        )

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "awscli", *args, "--endpoint-url", self.url, "--region", "us-east-1"]
        return subprocess.run([*command, "--output", "json"], env=self.env, capture_output=True, text=True, timeout=60)

    def __call__(self, *args: str) -> Any:
        """The command's JSON output (None when it prints nothing); fails the test on a non-zero exit."""
        done = self.run("apigateway", *args)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout) if done.stdout.strip() else None

    def documented(self, command: str, **ids: str) -> Any:
        """A documented `aws ...` command line, split as the shell would split it."""
        argv = shlex.split(command.format(**ids))
        assert argv[:2] == ["aws", "apigateway"]
        return self(*argv[2:])


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cli]:
    with running_server() as url:
        yield Cli(url, tmp_path_factory.mktemp("aws"))


@pytest.fixture(scope="module")
def method(cli: Cli) -> dict[str, str]:
    """A GET method with a MOCK integration and a 200 integration response mapping the CORS header."""
    api = cli("create-rest-api", "--name", "cli-cors")
    (root,) = cli("get-resources", "--rest-api-id", api["id"])["items"]
    assert (root["id"], root["path"]) == (api["rootResourceId"], "/")
    where = ["--rest-api-id", api["id"], "--resource-id", root["id"], "--http-method", "GET"]
    assert cli("put-method", *where, "--authorization-type", "NONE")["httpMethod"] == "GET"
    response = cli("put-method-response", *where, "--status-code", "200", "--response-parameters", f"{HEADER}=false")
    assert response == {"statusCode": "200", "responseParameters": {HEADER: False}}
    integration = cli("put-integration", *where, "--type", "MOCK", "--request-templates", '{"application/json": "{}"}')
    assert (integration["type"], integration["requestTemplates"]) == ("MOCK", {"application/json": "{}"})
    static = json.dumps({HEADER: "'example.com'"})  # shorthand would strip the quotes a static value needs
    mapped = cli("put-integration-response", *where, "--status-code", "200", "--response-parameters", static)
    assert mapped == {"statusCode": "200", "responseParameters": {HEADER: "'example.com'"}}
    return {"api": api["id"], "resource": root["id"]}


def test_the_documented_update_integration_response_examples(cli: Cli, method: dict[str, str]) -> None:
    # The documentation prints exactly this output for its first example.
    assert cli.documented(DOC_REPLACE, **method) == {"statusCode": "200", "responseParameters": {HEADER: "'*'"}}
    removed = cli.documented(DOC_REMOVE, **method)
    assert removed["statusCode"] == "200"
    assert HEADER not in removed.get("responseParameters", {})


def test_cli_input_json_and_the_other_update_commands(cli: Cli, method: dict[str, str], tmp_path: Path) -> None:
    request = {
        "restApiId": method["api"],
        "resourceId": method["resource"],
        "httpMethod": "GET",
        "statusCode": "200",
        "patchOperations": [
            {"op": "add", "path": "/responseTemplates/application~1json", "value": '{"ok": true}'},
            {"op": "replace", "path": "/selectionPattern", "value": "2\\d{2}"},
        ],
    }
    (tmp_path / "patch.json").write_text(json.dumps(request))
    patched = cli("update-integration-response", "--cli-input-json", f"file://{tmp_path / 'patch.json'}")
    assert (patched["responseTemplates"], patched["selectionPattern"]) == (
        {"application/json": '{"ok": true}'},
        "2\\d{2}",
    )

    where = ["--rest-api-id", method["api"], "--resource-id", method["resource"], "--http-method", "GET"]
    integration = cli("update-integration", *where, "--patch-operations", "op=replace,path=/timeoutInMillis,value=5000")
    assert integration["timeoutInMillis"] == 5000
    assert integration["integrationResponses"]["200"]["responseTemplates"] == {"application/json": '{"ok": true}'}

    gateway = cli(
        "update-gateway-response",
        *["--rest-api-id", method["api"], "--response-type", "DEFAULT_4XX"],
        *["--patch-operations", "op=replace,path=/statusCode,value=444"],
    )
    assert (gateway["responseType"], gateway["statusCode"], gateway["defaultResponse"]) == ("DEFAULT_4XX", "444", False)


def test_aws_errors_reach_the_cli_as_aws_errors(cli: Cli) -> None:
    done = cli.run("apigateway", "get-rest-api", "--rest-api-id", "nope")
    assert done.returncode == 255  # AWS CLI v1's exit status for a service error
    assert "(NotFoundException) when calling the GetRestApi operation: Invalid API identifier specified" in done.stderr
    assert "123456789012:nope" in done.stderr
