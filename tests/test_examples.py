"""The shipped examples run and assert what they show (the README's first command runs the CORS walkthrough)."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_cors_walkthrough_runs(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / "cors_walkthrough.py"), run_name="__main__")
    out = capsys.readouterr().out
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
    runpy.run_path(str(EXAMPLES / "deploy_script.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "dev still serves 'v1'" in out
    assert "promoted the canary: prod serves 'v2'" in out


def test_call_history_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / "call_history.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "operations: ['PutMethod', 'PutIntegration']" in out
    assert "expected a call PutIntegration(type='HTTP'); the calls were:" in out
    assert "+ 'type': 'HTTP'}" in out


def test_fault_injection_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / "fault_injection.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "attempts: ['TooManyRequestsException', 'ok']" in out
    assert "yet the resource exists: ['/', '/orders']" in out


def test_state_snapshot_example_runs_with_the_same_ids_every_time(capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(2):
        runpy.run_path(str(EXAMPLES / "state_snapshot.py"), run_name="__main__")
    out = capsys.readouterr().out
    ids = [line for line in out.splitlines() if line.startswith("API id")]
    assert len(ids) == 2 and ids[0] == ids[1]
    assert out.count("after the second restore: ['/', '/orders']") == 2
    assert "loaded from the file: ['shop']" in out


def test_openapi_roundtrip_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / "openapi_roundtrip.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "imported 'petstore'" in out and "(0 warnings)" in out
    assert "/pets/{petId}" in out and "GET,OPTIONS" in out
    assert "x-amazon-apigateway-integration:" in out
    assert "default: /dev" in out


def test_cors_api_runs(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / "cors_api.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "preflight 200 GET,OPTIONS" in out
    assert 'no OPTIONS method: 403 {"message":"Missing Authentication Token"}' in out


def test_lambda_proxy_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / "lambda_proxy.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "requests: 200" in out
    assert "handler exception: 502" in out
