"""The first test of a process in instructions, counted by valgrind's callgrind: bench.py's `--only coldstart`
without the machine's noise.

    python benchmarks/coldstart_instructions.py    # about 4 minutes; needs valgrind (Debian's package)

Each target runs in a fresh interpreter under callgrind (`PYTHONHASHSEED=0`) twice: once up to the end of its
imports, once through the first test too; the difference is the test. The test is bench.py's: for apigw_mock,
enter the mock, make a client, CreateRestApi, exit; for the floor, make a client and answer the same call with the
bytes apigw_mock answered (floor.py). It runs as a script (`python -c`) and as the one test of a pytest run, with
the plugins installed here and with none (PYTEST_DISABLE_PLUGIN_AUTOLOAD=1). The part spent in garbage collection
(CPython's `gc_collect_main`, from callgrind_annotate) is reported apart: where the interpreter's collection cycle
stands when the test starts decides whether the test holds a full collection, which walks every object the process
has (ARCHITECTURE.md, "Cold start").
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from typing import NamedTuple

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
REGION = "us-east-1"
FAKE_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "AKIABENCHFLOOR000000", "AWS_SECRET_ACCESS_KEY": "bench-floor-secret"}
# The tree whose apigw_mock is measured: the children start there (a script's directory or pytest's rootdir would
# otherwise decide which apigw_mock they import).
TREE = os.path.dirname(HERE)

_IMPORTS = {
    "floor": """
import sys
import boto3
sys.path.insert(0, {here!r})
from floor import Replayer
replayer = Replayer.from_json({replies!r})
""",
    "apigw_mock": """
import boto3
import apigw_mock
""",
}
_TEST = {
    "floor": """
    client = boto3.client("apigateway", region_name={region!r}); replayer.attach(client)
    replayer.next_call(); client.create_rest_api(name="cold")
""",
    "apigw_mock": """
    with apigw_mock.mock_apigateway():
        client = boto3.client("apigateway", region_name={region!r})
        client.create_rest_api(name="cold")
""",
}
PYTEST_VARIANTS = {
    "pytest, the plugins installed here": {},
    "pytest, no plugins": {"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
}
_GC = re.compile(r"^\s*([\d,]+) .*gcmodule\.c:gc_collect_main ", re.MULTILINE)


class Count(NamedTuple):
    total: int
    gc: int

    def __sub__(self, other: object) -> Count:
        assert isinstance(other, Count)
        return Count(self.total - other.total, self.gc - other.gc)


def source(target: str, with_test: bool, replies: str) -> str:
    """A test module: the imports, then `test_first` (empty when only the imports are counted)."""
    body = _TEST[target] if with_test else "\n    pass\n"
    test = "\n\ndef test_first():" + body + "\n\nif __name__ == '__main__':\n    test_first()\n"
    return (_IMPORTS[target] + test).format(here=HERE, replies=replies, region=REGION)


def count(module: str, as_pytest: bool, extra_environment: dict[str, str]) -> Count:
    """Instructions of one fresh interpreter running the module (after a plain run that writes the .pyc files)."""
    with tempfile.TemporaryDirectory() as scratch:
        path = os.path.join(scratch, "test_cold.py")
        with open(path, "w") as file:
            file.write(module)
        out = os.path.join(scratch, "callgrind.out")
        runner = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", path] if as_pytest else [path]
        python = [os.path.realpath(sys.executable)]
        environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        environment.update({**FAKE_CREDENTIALS, **extra_environment, "PYTHONHASHSEED": "0", "PYTHONPATH": TREE})
        for prefix in ([], ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]):
            subprocess.run(prefix + python + runner, check=True, capture_output=True, env=environment, cwd=TREE)
        annotated = subprocess.run(
            ["callgrind_annotate", "--inclusive=yes", out], check=True, capture_output=True, text=True
        ).stdout
    total = re.search(r"^\s*([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS", annotated, re.MULTILINE)
    collected = _GC.search(annotated)
    assert total is not None, "callgrind_annotate printed no total"
    return Count(int(total.group(1).replace(",", "")), int(collected.group(1).replace(",", "")) if collected else 0)


def first_test(target: str, replies: str, as_pytest: bool, extra: dict[str, str]) -> Count:
    imports, everything = (count(source(target, t, replies), as_pytest, extra) for t in (False, True))
    return everything - imports


def record() -> str:
    import boto3
    from floor import Recorder
    from workloads import Calls

    from apigw_mock import mock_apigateway

    recorder = Recorder()
    with mock_apigateway():
        client = boto3.client("apigateway", region_name=REGION)
        recorder.attach(client)
        Calls(client, recorder, tolerant=False)("CreateRestApi", name="cold")
    return recorder.to_json()


def millions(n: int) -> str:
    return f"{n / 1e6:.1f} M"


def main() -> None:
    if shutil.which("valgrind") is None or shutil.which("callgrind_annotate") is None:
        sys.exit("coldstart_instructions.py needs valgrind (apt-get install valgrind)")
    replies = record()
    variants = {"a script (python -c)": (False, {}), **{name: (True, env) for name, env in PYTEST_VARIANTS.items()}}
    print("## The first test of a process, in instructions (enter, client, CreateRestApi, exit)")
    for name, (as_pytest, extra) in variants.items():
        floor, apigw = (first_test(target, replies, as_pytest, extra) for target in ("floor", "apigw_mock"))
        print(
            f"- {name}: apigw_mock {millions(apigw.total)} vs floor {millions(floor.total)}"
            f" -> {apigw.total / floor.total:.2f}x the floor; in garbage collection {millions(apigw.gc)} vs"
            f" {millions(floor.gc)}; without it {(apigw.total - apigw.gc) / (floor.total - floor.gc):.2f}x"
        )


if __name__ == "__main__":
    main()
