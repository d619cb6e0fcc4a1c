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
