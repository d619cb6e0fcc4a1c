"""Instructions per call, counted by valgrind's callgrind: the repeatable companion of bench.py's timings.

    python benchmarks/instructions.py                  # setup-and-patch and deploy-lifecycle workloads
    python benchmarks/instructions.py --only workload  # one of them (workload | deploy)
    python benchmarks/instructions.py --only update_stage --only create_deployment  # one operation, 50 times

Timings on a shared, virtualised 2-core machine move by +-0.05 on a ratio between runs, and the same code has
measured 1.14x on one machine and 1.27x on another. Instruction counts do not move: this script runs each target
in a fresh interpreter under callgrind (`--trace-children=no`, `PYTHONHASHSEED=0`), once with 1 and once with
`--reps` repetitions of the workload, and reports (difference) / (calls made), so imports, client creation and
set-up cancel out. The floor is bench.py's: botocore answered by a `before-send` handler with the bytes apigw_mock
answered (floor.py). What it cannot see is what a timing sees on top: cache and branch-predictor misses, which
make a call's extra instructions cost more than their share (its module docstring says by how much, measured).
Takes a few minutes; needs `valgrind` on the PATH (Debian's package).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from workloads import Calls, Workload, deploy_lifecycle, repeated, setup_and_patch  # noqa: E402

WORKLOADS: dict[str, Any] = {  # the very workloads of bench.py's full run (`--only workload`, `--only deploy`)
    "workload": lambda: setup_and_patch(100),
    "deploy": lambda: deploy_lifecycle(20),
    # Not run by default: one operation repeated after a 6-call set-up (so ~90% of the calls).
    "update_stage": lambda: repeated("UpdateStage", 50),
    "create_deployment": lambda: repeated("CreateDeployment", 50),
}
DEFAULT = ("workload", "deploy")
REGION = "us-east-1"
# The floor signs as a client would (botocore refuses to send unsigned); apigw_mock's own fake credentials apply to
# its target while it is active.
FAKE_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "AKIABENCHFLOOR000000", "AWS_SECRET_ACCESS_KEY": "bench-floor-secret"}


def _client() -> Any:
    import boto3

    return boto3.client("apigateway", region_name=REGION)


def child(mode: str, name: str, reps: int, replies_path: str | None) -> None:
    """One target in this interpreter: the workload `reps` times after one warm-up pass (`--child`)."""
    workload: Workload = WORKLOADS[name]()
    if mode == "floor":
        from floor import Replayer

        with open(replies_path or "") as file:
            replayer = Replayer.from_json(file.read())
        client = _client()
        replayer.attach(client)
        for _ in range(reps + 1):
            replayer.rewind()
            workload(Calls(client, replayer, tolerant=False))
        return
    from apigw_mock import mock_apigateway

    with mock_apigateway():
        client = _client()
    for _ in range(reps + 1):
        with mock_apigateway():
            workload(Calls(client, tolerant=False))


def record(name: str) -> tuple[str, int]:
    """apigw_mock's replies to the workload (the floor's canned bytes) and the number of calls it makes."""
    from floor import Recorder

    from apigw_mock import mock_apigateway

    recorder = Recorder()
    with mock_apigateway():
        client = _client()
        recorder.attach(client)
        calls = Calls(client, recorder, tolerant=False)
        WORKLOADS[name]()(calls)
    return recorder.to_json(), sum(calls.count.values())


def instructions(mode: str, name: str, reps: int, replies_path: str) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "callgrind.out")
        command = [
            "valgrind",
            "--tool=callgrind",
            "--trace-children=no",
            f"--callgrind-out-file={out}",
            os.path.realpath(sys.executable),
            os.path.abspath(__file__),
            "--child",
            mode,
            name,
            str(reps),
            replies_path,
        ]
        environment = {**os.environ, **FAKE_CREDENTIALS, "PYTHONHASHSEED": "0"}
        subprocess.run(command, check=True, capture_output=True, env=environment)
        with open(out) as file:
            summary = next(line for line in file if line.startswith("summary:"))
        return int(summary.split()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=tuple(WORKLOADS), action="append")
    parser.add_argument("--reps", type=int, default=4, help="workload repetitions of the long run (default 4)")
    parser.add_argument("--child", nargs=4, metavar=("MODE", "WORKLOAD", "REPS", "REPLIES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, name, reps, replies = args.child
        child(mode, name, int(reps), replies)
        return
    if shutil.which("valgrind") is None:
        sys.exit("instructions.py needs valgrind (apt-get install valgrind)")
    for name in args.only or DEFAULT:
        replies, calls = record(name)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
            file.write(replies)
        try:
            per_call = {}
            for mode in ("floor", "apigw_mock"):
                short, long = (instructions(mode, name, reps, file.name) for reps in (1, 1 + args.reps))
                per_call[mode] = (long - short) / (args.reps * calls)
        finally:
            os.unlink(file.name)
        ratio = per_call["apigw_mock"] / per_call["floor"]
        print(
            f"- {name} ({calls} calls): apigw_mock {per_call['apigw_mock'] / 1e3:.0f}k instructions per call vs floor"
            f" {per_call['floor'] / 1e3:.0f}k -> {ratio:.3f}x the floor"
        )


if __name__ == "__main__":
    main()
