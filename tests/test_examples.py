"""The shipped examples run and assert what they show (the README's first command runs the CORS walkthrough)."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run_example(name: str, capsys: pytest.CaptureFixture[str]) -> str:
    """Run `examples/<name>` as a script and return what it printed."""
    runpy.run_path(str(EXAMPLES / name), run_name="__main__")
    return capsys.readouterr().out


def test_cors_walkthrough_runs(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_example("cors_walkthrough.py", capsys)
    assert "update-integration-response (remove)" in out
    assert "Invalid patch path /responseTemplates" in out


def test_pytest_decorator_example_passes(pytester: pytest.Pytester) -> None:
    pytester.copy_example(str(EXAMPLES / "pytest_decorator.py"))
    result = pytester.runpytest_inprocess("pytest_decorator.py", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)


def test_readme_decorator_example_runs() -> None:
    readme = (EXAMPLES.parent / "README.md").read_text()
    code = readme.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    namespace["test_cors_header_is_mapped"]()  # type: ignore[operator]


def test_deploy_script_runs(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_example("deploy_script.py", capsys)
    assert "dev still serves 'v1'" in out
    assert "promoted the canary: prod serves 'v2'" in out


def test_call_history_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_example("call_history.py", capsys)
    assert "operations: ['PutMethod', 'PutIntegration']" in out
    assert "expected a call PutIntegration(type='HTTP'); the calls were:" in out
    assert "+ 'type': 'HTTP'}" in out


def test_fault_injection_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_example("fault_injection.py", capsys)
    assert "attempts: ['TooManyRequestsException', 'ok']" in out
    assert "yet the resource exists: ['/', '/orders']" in out


def test_state_snapshot_example_runs_with_the_same_ids_every_time(capsys: pytest.CaptureFixture[str]) -> None:
    out = "".join(run_example("state_snapshot.py", capsys) for _ in range(2))
    ids = [line for line in out.splitlines() if line.startswith("API id")]
    assert len(ids) == 2 and ids[0] == ids[1]
    assert out.count("after the second restore: ['/', '/orders']") == 2
    assert "loaded from the file: ['shop']" in out


def test_openapi_roundtrip_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_example("openapi_roundtrip.py", capsys)
    assert "imported 'petstore'" in out and "(0 warnings)" in out
    assert "/pets/{petId}" in out and "GET,OPTIONS" in out
    assert "x-amazon-apigateway-integration:" in out
    assert "default: /dev" in out


def test_cors_api_runs(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_example("cors_api.py", capsys)
    assert "preflight 200 GET,OPTIONS" in out
    assert 'no OPTIONS method: 403 {"message":"Missing Authentication Token"}' in out


def test_dynamodb_integration_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_example("dynamodb_integration.py", capsys)
    assert "PutItem: 200 {'stored': True}" in out
    assert "GetItem: 200 {'id': '7', 'name': 'Rex'}" in out
    assert "missing table: 400" in out


def test_lambda_proxy_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_example("lambda_proxy.py", capsys)
    assert "requests: 200" in out
    assert "handler exception: 502" in out


def test_protected_api_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_example("protected_api.py", capsys)
    assert "no token: 401 {'message': 'Unauthorized'}" in out
    assert "bad token: 403" in out and "with an explicit deny" in out
    assert "good token, no API key: 403 {'message': 'Forbidden'}" in out
    assert "good token, key in no usage plan: 403" in out
    assert "good token and key: 200 {'user': 'ada', 'plan': 'pro'}" in out
    assert "three more calls on a quota of 3 a day: [200, 200, 429]" in out
    assert "GetUsage (used, remaining): [[3, 0]]" in out and "next day: 200" in out
    assert "authorizer calls so far: 2" in out and "after FlushStageAuthorizersCache: 4" in out


def test_invocation_history_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_example("invocation_history.py", capsys)
    assert "recorded: Invocation(GET /dev/pets/7 -> 200)" in out
    assert "after one throttle: {'id': '8', 'name': 'rex'}" in out
    assert "while timing out: {'error': 504}" in out
    assert "statuses: [200, 500, 200, 504, 504]" in out
    assert "3 of 5 invocations did not answer 2xx:" in out
