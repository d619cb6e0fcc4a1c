"""apigw_mock's speed, measured against the floor of any HTTP-level mock and against moto.

    python benchmarks/bench.py            # the full run (a few minutes on 2 cores)
    python benchmarks/bench.py --quick    # a short run (well under a minute)
    python benchmarks/bench.py --profile  # cProfile of apigw_mock's share of the workload, then exit
    python benchmarks/bench.py --only deploy  # deployments: snapshot memory and time, per-call ratios
    python benchmarks/bench.py --only coldstart   # the first test of a fresh interpreter, against the floor

Targets are interleaved: each repetition runs every target once, in turn, so machine noise hits all alike; the
figures are medians over repetitions, and each ratio is the median of the per-repetition (paired) ratios.
The floor is botocore answered by a `before-send` handler that returns bytes recorded from apigw_mock
(see floor.py). moto's `mock_aws` is measured when moto is installed, on the operations it supports.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import gc
import json
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import boto3
import botocore
from floor import Recorder, Replayer
from workloads import Calls, Workload, deploy_lifecycle, one_call, setup_and_patch

import apigw_mock
from apigw_mock import MockApiGateway, mock_apigateway

REGION = "us-east-1"
# CPU time of this thread: other processes on a shared 2-core machine barely move it (wall time with --wall).
CLOCK = time.thread_time
# The tree whose apigw_mock this process imported (PYTHONPATH's): fresh interpreters start there, since `python -c`
# puts its working directory ahead of PYTHONPATH on sys.path.
MEASURED_TREE = os.path.dirname(os.path.dirname(os.path.abspath(apigw_mock.__file__)))
FAKE_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "AKIABENCHFLOOR000000", "AWS_SECRET_ACCESS_KEY": "bench-floor-secret"}

try:
    from moto import mock_aws
except ImportError:  # moto is optional: its column is skipped
    mock_aws = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Settings:
    reps: int
    patches: int
    empty_loops: int
    minimal_loops: int
    sizes: tuple[int, ...]
    point_loops: int
    imports: int


QUICK = Settings(reps=5, patches=30, empty_loops=300, minimal_loops=15, sizes=(100, 1000), point_loops=10, imports=3)
FULL = Settings(
    reps=21, patches=100, empty_loops=2000, minimal_loops=40, sizes=(100, 1000, 10000), point_loops=30, imports=9
)


def client() -> Any:
    return boto3.client("apigateway", region_name=REGION)


def median_ratio(numerators: list[float], denominators: list[float]) -> float:
    return statistics.median(n / d for n, d in zip(numerators, denominators, strict=True))


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.3f} ms"


# ---- 1. per call on the setup-and-patch workload ---------------------------------------------------------------


def record(workload: Workload) -> list[Any]:
    """What apigw_mock answers for each call of `workload` (a warm-up pass)."""
    recorder = Recorder()
    with mock_apigateway():
        apigw = client()
        recorder.attach(apigw)
        workload(Calls(apigw, recorder))
    return recorder.replies


def run_floor(replies: list[Any], workload: Workload) -> Calls:
    replayer = Replayer(replies)
    floor = client()
    replayer.attach(floor)
    calls = Calls(floor, replayer)
    workload(calls)
    return calls


def run_apigw(workload: Workload) -> Calls:
    with mock_apigateway():
        calls = Calls(client())
        workload(calls)
    return calls


def run_moto(workload: Workload) -> Calls:
    assert mock_aws is not None
    with mock_aws():
        calls = Calls(client())
        workload(calls)
    return calls


def per_call(runs: list[Calls], operations: set[str]) -> list[float]:
    """Mean seconds per call over `operations`, one figure per repetition."""
    return [sum(run.elapsed[op] for op in operations) / sum(run.count[op] for op in operations) for run in runs]


def bench_workload(settings: Settings) -> None:
    compare(
        setup_and_patch(settings.patches), f"setup-and-patch workload ({settings.patches} update+get rounds", settings
    )


def compare(workload: Workload, title: str, settings: Settings) -> None:
    """Per-call time of apigw_mock (and moto) against the floor on `workload`, overall and per operation."""
    replies = record(workload)
    targets: dict[str, Callable[[], Calls]] = {
        "floor": lambda: run_floor(replies, workload),
        "apigw_mock": lambda: run_apigw(workload),
    }
    if mock_aws is not None:
        targets["moto"] = lambda: run_moto(workload)
    for run in targets.values():  # warm every path once
        run()
    runs: dict[str, list[Calls]] = {name: [] for name in targets}
    for _ in range(settings.reps):
        for name, run in targets.items():
            gc.collect()  # so one target's garbage is not collected on another's time
            runs[name].append(run())
    ops_ok = {name: set(rs[0].count) - {op for r in rs for op in r.failed} for name, rs in runs.items()}
    print(f"\n## Per call, {title}, {settings.reps} reps)")
    floor_ops = ops_ok["floor"]
    for name in targets:
        if name == "floor":
            continue
        common = floor_ops & ops_ok[name]
        failed = {op: err for r in runs[name] for op, err in r.failed.items()}
        floor_times, times = per_call(runs["floor"], common), per_call(runs[name], common)
        calls = sum(runs[name][0].count[op] for op in common)
        print(
            f"- {name}: {ms(statistics.median(times))} per call vs floor {ms(statistics.median(floor_times))}"
            f" -> ratio {median_ratio(times, floor_times):.3f}x over {calls} calls of {len(common)} operations"
        )
        for op, error in sorted(failed.items()):
            print(f"    not measured: {op} ({error})")
    slowest = sorted(floor_ops, key=lambda op: -statistics.median(r.elapsed[op] / r.count[op] for r in runs["floor"]))
    print("  per operation (apigw_mock / floor, median ratio):")
    for op in slowest:
        if op in ops_ok["apigw_mock"]:
            ratio = median_ratio(
                [r.elapsed[op] / r.count[op] for r in runs["apigw_mock"]],
                [r.elapsed[op] / r.count[op] for r in runs["floor"]],
            )
            print(f"    {op}: {ratio:.2f}x")


# ---- 2. a test's fixed cost -----------------------------------------------------------------------------------


def loop_time(body: Callable[[], None], loops: int) -> float:
    """Seconds per iteration of `body` (after a collection, so one target's garbage is not another's cost)."""
    gc.collect()
    start = CLOCK()
    for _ in range(loops):
        body()
    return (CLOCK() - start) / loops


def empty_apigw() -> None:
    with mock_apigateway():
        pass


def empty_moto() -> None:
    assert mock_aws is not None
    with mock_aws():
        pass


def bench_fixed_cost(settings: Settings) -> None:
    replies = record(one_call)

    def minimal_floor() -> None:
        run_floor(replies, one_call)

    def minimal_apigw() -> None:
        run_apigw(one_call)

    def minimal_moto() -> None:
        run_moto(one_call)

    empty = {"apigw_mock": (empty_apigw, settings.empty_loops)}
    minimal = {"floor": (minimal_floor, settings.minimal_loops), "apigw_mock": (minimal_apigw, settings.minimal_loops)}
    if mock_aws is not None:  # moto is ~30x slower here: fewer loops keep the run short
        empty["moto"] = (empty_moto, max(10, settings.empty_loops // 20))
        minimal["moto"] = (minimal_moto, max(3, settings.minimal_loops // 8))
    for body, _ in minimal.values():
        body()
    empty_times: dict[str, list[float]] = {name: [] for name in empty}
    minimal_times: dict[str, list[float]] = {name: [] for name in minimal}
    for _ in range(settings.reps):
        for name, (body, loops) in empty.items():
            empty_times[name].append(loop_time(body, loops))
        for name, (body, loops) in minimal.items():
            minimal_times[name].append(loop_time(body, loops))
    print(f"\n## A test's fixed cost ({settings.reps} reps)")
    for name, times in empty_times.items():
        entered = "mock_apigateway" if name == "apigw_mock" else "mock_aws"
        print(f"- `with {entered}(): pass`: {ms(statistics.median(times))}")
    floor = minimal_times["floor"]
    print(f"- minimal test (enter, boto3.client, CreateRestApi, exit): floor {ms(statistics.median(floor))}")
    for name, times in minimal_times.items():
        if name != "floor":
            print(f"    {name}: {ms(statistics.median(times))} -> {median_ratio(times, floor):.2f}x the floor")


# ---- 3. cold import time --------------------------------------------------------------------------------------

_IMPORT_PROBE = (
    "import time; t = {clock}(); import boto3; b = {clock}() - t; "
    "t = {clock}(); import {module}; print(b, {clock}() - t)"
)


def import_seconds(module: str) -> tuple[float, float]:
    """(import boto3, then import `module` on top of it) in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-c", _IMPORT_PROBE.format(module=module, clock=f"time.{CLOCK.__name__}")],
        capture_output=True,
        text=True,
        check=True,
        cwd=MEASURED_TREE,
    ).stdout.split()
    return float(out[0]), float(out[1])


def bench_import(settings: Settings) -> None:
    modules = {"apigw_mock": "apigw_mock"}
    if mock_aws is not None:
        modules["moto"] = "moto"
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in modules}
    for _ in range(settings.imports):
        for name, module in modules.items():
            times[name].append(import_seconds(module))
    print(f"\n## Cold import, fresh interpreters (median of {settings.imports})")
    boto3_alone = statistics.median(b for runs in times.values() for b, _ in runs)
    print(f"- `import boto3`: {ms(boto3_alone)}")
    for name, runs in times.items():
        print(f"- `import {modules[name]}` on top of it: +{ms(statistics.median(extra for _, extra in runs))}")


# ---- 3b. cold start: the first test of a fresh interpreter ---------------------------------------------------

# Each probe runs in a fresh interpreter and prints one JSON object of phase -> seconds. The first test is what a
# test function pays on top of the imports: enter the mock, make a client, two calls, exit. The floor makes the same
# client and calls, answered from recorded bytes.
_GC_TIME = """
import gc, json, sys, time
clock = time.{clock}
collected = [0.0, 0.0, 0]  # seconds spent in garbage collections so far; when the running one started; full ones


def on_collection(phase, info):
    if phase == "start":
        collected[1] = clock()
    else:
        collected[0] += clock() - collected[1]
        collected[2] += info["generation"] == 2


gc.callbacks.append(on_collection)
"""
_COLD_APIGW = (
    _GC_TIME
    + """
t = clock(); import boto3; boto3_s = clock() - t
t = clock(); import apigw_mock; import_s = clock() - t
t = clock(); gc_before = collected[0]; full_before = collected[2]; mock = apigw_mock.mock_apigateway(); mock.start()
client = boto3.client("apigateway", region_name="{region}"); client_s = clock() - t
t = clock(); client.create_rest_api(name="cold"); first_s = clock() - t
gc_first = collected[0] - gc_before
t = clock(); client.get_rest_apis(); second_s = clock() - t
gc_s = collected[0] - gc_before
t = clock(); mock.stop(); exit_s = clock() - t
gc_first += collected[0] - gc_before - gc_s
full_first = collected[2] - full_before
t = clock(); mock = apigw_mock.mock_apigateway(); mock.start()  # the second test: the same, with a new client
client = boto3.client("apigateway", region_name="{region}")
client.create_rest_api(name="cold"); client.get_rest_apis(); mock.stop(); next_test_s = clock() - t
print(json.dumps(dict(boto3=boto3_s, imp=import_s, client=client_s, first=first_s, second=second_s, exit=exit_s,
                      gc=gc_s, gc_first=gc_first, full_first=full_first, next_test=next_test_s)))
"""
)
_COLD_FLOOR = (
    _GC_TIME
    + """
t = clock(); import boto3; boto3_s = clock() - t
sys.path.insert(0, {benchmarks!r})
from floor import Replayer
replayer = Replayer.from_json({replies!r})
t = clock(); gc_before = collected[0]; full_before = collected[2]
client = boto3.client("apigateway", region_name="{region}")
replayer.attach(client); client_s = clock() - t
t = clock(); replayer.next_call(); client.create_rest_api(name="cold"); first_s = clock() - t
gc_first = collected[0] - gc_before
full_first = collected[2] - full_before
t = clock(); replayer.next_call(); client.get_rest_apis(); second_s = clock() - t
gc_s = collected[0] - gc_before
t = clock(); replayer.rewind(); client = boto3.client("apigateway", region_name="{region}"); replayer.attach(client)
replayer.next_call(); client.create_rest_api(name="cold"); replayer.next_call(); client.get_rest_apis()
next_test_s = clock() - t
print(json.dumps(dict(boto3=boto3_s, imp=0.0, client=client_s, first=first_s, second=second_s, exit=0.0, gc=gc_s,
                      gc_first=gc_first, full_first=full_first, next_test=next_test_s)))
"""
)


def cold_probe(source: str) -> dict[str, float]:
    """One fresh interpreter's phases. Bytecode may be written (PYTHONDONTWRITEBYTECODE is dropped for the child):
    an installed package has its .pyc files, so compiling apigw_mock's sources is not part of a user's cold start."""
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run(
        [sys.executable, "-c", source],
        capture_output=True,
        text=True,
        check=True,
        cwd=MEASURED_TREE,
        env=environment,
    )
    return dict(json.loads(out.stdout.splitlines()[-1]))


# The first test of a pytest run: one test module per target, the same test (enter, a new client, two calls, exit)
# timed inside the test, after pytest's start-up, its plugins and the module's imports. Where the interpreter's
# collection cycle stands when the test starts depends on everything the process did before it (pytest, plugins,
# conftest files, the test modules), which is why the same test runs with the plugins installed here and with none.
_PYTEST_RECORD = """
import os


def record(test_s, gc_s, full):
    with open(os.environ["APIGW_BENCH_OUT"], "w") as out:
        json.dump(dict(test=test_s, gc=gc_s, full=full), out)
"""
_PYTEST_APIGW = (
    _GC_TIME
    + _PYTEST_RECORD
    + """
import boto3
import apigw_mock


def test_first():
    t = clock(); gc_before = collected[0]; full_before = collected[2]
    with apigw_mock.mock_apigateway():
        client = boto3.client("apigateway", region_name="{region}")
        client.create_rest_api(name="cold"); client.get_rest_apis()
    record(clock() - t, collected[0] - gc_before, collected[2] - full_before)
"""
)
_PYTEST_FLOOR = (
    _GC_TIME
    + _PYTEST_RECORD
    + """
import boto3
sys.path.insert(0, {benchmarks!r})
from floor import Replayer
replayer = Replayer.from_json({replies!r})


def test_first():
    t = clock(); gc_before = collected[0]; full_before = collected[2]
    client = boto3.client("apigateway", region_name="{region}"); replayer.attach(client)
    replayer.next_call(); client.create_rest_api(name="cold"); replayer.next_call(); client.get_rest_apis()
    record(clock() - t, collected[0] - gc_before, collected[2] - full_before)
"""
)
PYTEST_PLUGINS = {"the plugins installed here": {}, "no plugins": {"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}}


def pytest_probe(test_module: str, extra_environment: dict[str, str]) -> dict[str, float]:
    """One pytest run of a one-test module, in a fresh interpreter started in the measured tree (its apigw_mock)."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "test_cold.py")
        with open(path, "w") as out:
            out.write(test_module)
        environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        environment.update(extra_environment, APIGW_BENCH_OUT=os.path.join(folder, "phases.json"))
        subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", path],
            capture_output=True,
            check=True,
            cwd=MEASURED_TREE,
            env=environment,
        )
        with open(environment["APIGW_BENCH_OUT"]) as phases:
            return dict(json.load(phases))


def report_pytest_runs(settings: Settings, modules: dict[str, str]) -> None:
    print(f"\n## Cold start: the first test of a pytest run (median of {settings.imports})")
    for plugins, extra in PYTEST_PLUGINS.items():
        for module in modules.values():  # a warm-up pass writes the .pyc files
            pytest_probe(module, extra)
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in modules}
        for _ in range(settings.imports):
            for name, module in modules.items():
                runs[name].append(pytest_probe(module, extra))
        tests = {name: [run["test"] for run in target] for name, target in runs.items()}
        full = {name: sum(run["full"] > 0 for run in target) for name, target in runs.items()}
        gc_ms = {name: ms(statistics.median(run["gc"] for run in target)) for name, target in runs.items()}
        apigw, floor = (ms(statistics.median(tests[name])) for name in ("apigw_mock", "floor"))
        print(
            f"- {plugins}: {apigw} vs floor {floor}"
            f" -> {median_ratio(tests['apigw_mock'], tests['floor']):.2f}x the floor (garbage collection in the test:"
            f" {gc_ms['apigw_mock']} vs {gc_ms['floor']}; a full collection in {full['apigw_mock']} of"
            f" {settings.imports} runs vs {full['floor']})"
        )


def bench_coldstart(settings: Settings) -> None:
    recorder = Recorder()
    with mock_apigateway():
        apigw = client()
        recorder.attach(apigw)
        calls = Calls(apigw, recorder)
        calls("CreateRestApi", name="cold")
        calls("GetRestApis")
    replies = recorder.to_json()
    here = os.path.dirname(os.path.abspath(__file__))
    sources = {
        "floor": _COLD_FLOOR.format(clock=CLOCK.__name__, region=REGION, benchmarks=here, replies=replies),
        "apigw_mock": _COLD_APIGW.format(clock=CLOCK.__name__, region=REGION),
    }
    test_modules = {
        "floor": _PYTEST_FLOOR.format(clock=CLOCK.__name__, region=REGION, benchmarks=here, replies=replies),
        "apigw_mock": _PYTEST_APIGW.format(clock=CLOCK.__name__, region=REGION),
    }
    for source in sources.values():  # a warm-up pass writes the .pyc files
        cold_probe(source)
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in sources}
    for _ in range(settings.imports):
        for name, source in sources.items():
            runs[name].append(cold_probe(source))

    def phase(name: str, key: str) -> float:
        return statistics.median(run[key] for run in runs[name])

    def first_test(run: dict[str, float]) -> float:
        return run["client"] + run["first"] + run["exit"]

    floor_tests = [first_test(run) for run in runs["floor"]]
    apigw_tests = [first_test(run) for run in runs["apigw_mock"]]
    with_import = [first_test(run) + run["imp"] for run in runs["apigw_mock"]]
    print(f"\n## Cold start: the first test of a fresh interpreter (median of {settings.imports})")
    print(f"- `import boto3`: {ms(phase('floor', 'boto3'))} (both)")
    print(f"- `import apigw_mock` on top of it: +{ms(phase('apigw_mock', 'imp'))}")
    print(
        f"- enter + `boto3.client`: {ms(phase('apigw_mock', 'client'))} (floor: client {ms(phase('floor', 'client'))})"
    )
    print(f"- first call (CreateRestApi): {ms(phase('apigw_mock', 'first'))} (floor {ms(phase('floor', 'first'))})")
    print(f"- second call (GetRestApis): {ms(phase('apigw_mock', 'second'))} (floor {ms(phase('floor', 'second'))})")
    print(f"- exit: {ms(phase('apigw_mock', 'exit'))}")
    print(
        f"- garbage collection from the client to the second call's end: {ms(phase('apigw_mock', 'gc'))}"
        f" (floor {ms(phase('floor', 'gc'))}; a full collection walks every object boto3 and the mock made)"
    )
    print(
        f"- first test after import (enter, client, first call, exit): {ms(statistics.median(apigw_tests))} vs floor "
        f"{ms(statistics.median(floor_tests))} -> {median_ratio(apigw_tests, floor_tests):.2f}x the floor"
    )
    print(
        f"- the same with `import apigw_mock` counted: {ms(statistics.median(with_import))}"
        f" -> {median_ratio(with_import, floor_tests):.2f}x the floor"
    )
    # The floor pays that collection in its second test: the first two tests together, each two calls long.
    floor_two = [run["client"] + run["first"] + run["second"] + run["next_test"] for run in runs["floor"]]
    apigw_two = [
        run["client"] + run["first"] + run["second"] + run["exit"] + run["next_test"] for run in runs["apigw_mock"]
    ]
    print(
        f"- the first two tests (each: enter, a new client, two calls, exit): {ms(statistics.median(apigw_two))} vs"
        f" floor {ms(statistics.median(floor_two))} -> {median_ratio(apigw_two, floor_two):.2f}x the floor"
    )
    # The floor's first test ends a little short of the interpreter's first full collection, so the mock's first
    # test pays it (ARCHITECTURE.md, "Cold start"): the same window without the time spent collecting.
    floor_work = [first_test(run) - run["gc_first"] for run in runs["floor"]]
    apigw_work = [first_test(run) - run["gc_first"] for run in runs["apigw_mock"]]
    print(
        f"- the first test without garbage collection: {ms(statistics.median(apigw_work))} vs floor"
        f" {ms(statistics.median(floor_work))} -> {median_ratio(apigw_work, floor_work):.2f}x the floor"
    )
    full = {name: sum(run["full_first"] > 0 for run in target) for name, target in runs.items()}
    print(
        f"- runs whose first test held a full collection: apigw_mock {full['apigw_mock']} of {settings.imports},"
        f" floor {full['floor']}"
    )
    report_pytest_runs(settings, test_modules)


# ---- 4. scaling with the number of resources ------------------------------------------------------------------


@dataclass
class Graph:
    """The seeded API: `size` resources under the root, the last one with GET, a MOCK integration and a 200."""

    api_id: str
    last: str
    deep_position: str | None  # GetResources position of the last page of 25


def seed(size: int) -> Graph:
    """Seed through the mock's own handlers (the ones boto3 reaches), skipping only the wire."""
    from apigw_mock.control.registry import dispatch
    from apigw_mock.state import STATE

    backend = STATE.backend(REGION)
    api = dispatch("CreateRestApi", backend, {"name": f"scale-{size}"})
    last = ""
    for index in range(size - 1):  # the root is the first resource
        params = {"restApiId": api.id, "parentId": api.root_resource_id, "pathPart": f"r{index}"}
        last = dispatch("CreateResource", backend, params).id
    target = {"restApiId": api.id, "resourceId": last, "httpMethod": "GET"}
    dispatch("PutMethod", backend, {**target, "authorizationType": "NONE"})
    dispatch("PutMethodResponse", backend, {**target, "statusCode": "200"})
    dispatch("PutIntegration", backend, {**target, "type": "MOCK"})
    dispatch(
        "PutIntegrationResponse",
        backend,
        {**target, "statusCode": "200", "responseTemplates": {"application/json": "{}"}},
    )
    position, deep = None, None
    apigw = client()
    while True:
        page = apigw.get_resources(restApiId=api.id, limit=25, **({"position": position} if position else {}))
        assert len(page["items"]) <= 25, "GetResources ignores limit"
        if "position" not in page:
            break
        deep, position = position, page["position"]
    return Graph(api.id, last, position or deep)


def scaling_operations(graph: Graph) -> dict[str, Workload]:
    target = {"restApiId": graph.api_id, "resourceId": graph.last, "httpMethod": "GET"}

    def get_resource(call: Calls) -> None:
        call("GetResource", restApiId=graph.api_id, resourceId=graph.last)

    def get_resources_page(call: Calls) -> None:
        extra = {"position": graph.deep_position} if graph.deep_position else {}
        call("GetResources", restApiId=graph.api_id, limit=25, **extra)

    def get_resources_all(call: Calls) -> None:
        position: str | None = None
        while True:
            page = call(
                "GetResources", restApiId=graph.api_id, limit=500, **({"position": position} if position else {})
            )
            position = page.get("position")
            if not position:
                return

    def put_integration(call: Calls) -> None:
        call("PutIntegration", **target, type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'})

    def update_integration_response(call: Calls) -> None:
        operations = [{"op": "replace", "path": "/responseTemplates/application~1json", "value": '{"n": 1}'}]
        call("UpdateIntegrationResponse", **target, statusCode="200", patchOperations=operations)

    return {
        "GetResource": get_resource,
        "GetResources (deep page of 25)": get_resources_page,
        "GetResources (all pages of 500)": get_resources_all,
        "PutIntegration": put_integration,
        "UpdateIntegrationResponse": update_integration_response,
    }


def bench_scaling(settings: Settings) -> None:
    print(f"\n## Scaling with the number of resources ({settings.reps} reps; ratio = apigw_mock / floor)")
    ratios: dict[str, dict[int, float]] = {}
    for size in settings.sizes:
        try:
            times = measure_size(size, settings)
        except Exception as error:  # an operation still missing: say so and skip the section
            print(f"- skipped: {type(error).__name__}: {error}")
            return
        for name, pair in times.items():
            ratios.setdefault(name, {})[size] = median_ratio(pair["apigw"], pair["floor"])
            print(
                f"- {size:>6} resources, {name}: apigw_mock {ms(statistics.median(pair['apigw']))}, "
                f"floor {ms(statistics.median(pair['floor']))}, ratio {ratios[name][size]:.2f}x"
            )
    first, last = settings.sizes[0], settings.sizes[-1]
    print(f"  growth of the ratio from {first} to {last} resources:")
    for name, by_size in ratios.items():
        print(f"    {name}: {by_size[last] / by_size[first]:.2f}x")


def measure_size(size: int, settings: Settings) -> dict[str, dict[str, list[float]]]:
    """Per operation, seconds per unit for apigw_mock and for the floor, on a graph of `size` resources.

    botocore runs every `before-send` handler and keeps the first reply, so the floor must run while the mock
    does not intercept (its handler then returns None at once): a non-intercepting activation holds the seeded
    graph, and an intercepting one is nested around each apigw_mock unit only."""
    times: dict[str, dict[str, list[float]]] = {}
    with MockApiGateway(intercept=False):
        with mock_apigateway():
            graph = seed(size)
            apigw = client()
            operations = scaling_operations(graph)
            floors: dict[str, tuple[Any, Replayer]] = {}
            for name, unit in operations.items():
                recorder = Recorder()
                recorder.attach(apigw)
                unit(Calls(apigw, recorder, tolerant=False))
                apigw.meta.events.unregister("after-call.api-gateway", recorder._after_call)
                floors[name] = (client(), Replayer(recorder.replies))
                floors[name][1].attach(floors[name][0])
        loops = {name: 1 if "all pages" in name else settings.point_loops for name in operations}
        for _ in range(settings.reps):
            for name, unit in operations.items():
                pair = times.setdefault(name, {"floor": [], "apigw": []})
                with mock_apigateway():
                    pair["apigw"].append(time_units(unit, Calls(apigw, tolerant=False), loops[name]))
                floor_client, replayer = floors[name]
                pair["floor"].append(
                    time_units(unit, Calls(floor_client, replayer, tolerant=False), loops[name], replayer)
                )
    return times


def time_units(unit: Workload, calls: Calls, loops: int, replayer: Replayer | None = None) -> float:
    """Seconds per unit of work, over `loops` units."""
    gc.collect()
    start = CLOCK()
    for _ in range(loops):
        if replayer is not None:
            replayer.rewind()
        unit(calls)
    return (CLOCK() - start) / loops


# ---- 5. deployments: what a snapshot costs, and the new operations' per-call ratios ------------------------------


def bench_deploy(settings: Settings) -> None:
    size, deploys = 1000, 100
    print(f"\n## Deployments ({size}-resource API, {deploys} deployments)")
    with mock_apigateway():
        from apigw_mock.state import STATE

        graph = seed(size)
        apigw = client()
        live = STATE.backend(REGION).graph(graph.api_id)
        definition = (live.api, live.resources, live.models, live.gateway_responses)  # what a deployment freezes
        target = {"restApiId": graph.api_id, "resourceId": graph.last, "httpMethod": "GET", "statusCode": "200"}
        apigw.create_deployment(restApiId=graph.api_id)  # warm every path once

        def edit_and_deploy(call: Calls, i: int) -> None:  # a changed mapping: one resource copied per round
            operations = [{"op": "replace", "path": "/responseTemplates/application~1json", "value": f'{{"n": {i}}}'}]
            call("UpdateIntegrationResponse", **target, patchOperations=operations)
            call("CreateDeployment", restApiId=graph.api_id, stageName="dev")

        timed = Calls(apigw, tolerant=False)
        gc.collect()
        for i in range(deploys):
            edit_and_deploy(timed, i)
        deploy_time = timed.elapsed["CreateDeployment"] / deploys
        gc.collect()
        tracemalloc.start()  # memory apart: tracing slows every allocation down
        before = tracemalloc.get_traced_memory()[0]
        for i in range(deploys):
            edit_and_deploy(Calls(apigw, tolerant=False), i)
        gc.collect()
        per_deploy = (tracemalloc.get_traced_memory()[0] - before) / deploys
        tracemalloc.stop()
        gc.collect()
        start = CLOCK()
        copied = copy.deepcopy(definition)
        copy_time = CLOCK() - start
        del copied
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        copied = copy.deepcopy(definition)
        copy_bytes = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        del copied
        recorder = Recorder()
        recorder.attach(apigw)
        Calls(apigw, recorder)("CreateDeployment", restApiId=graph.api_id, stageName="dev")
    floor_client, replayer = client(), Replayer(recorder.replies)
    replayer.attach(floor_client)  # replayed once the mock no longer intercepts
    floor = Calls(floor_client, replayer, tolerant=False)
    for _ in range(deploys):
        floor("CreateDeployment", restApiId=graph.api_id, stageName="dev")
    floor_time = floor.elapsed["CreateDeployment"] / deploys
    print(
        f"- CreateDeployment (boto3 call, after a one-node edit): {ms(deploy_time)} (floor {ms(floor_time)}, ratio"
        f" {deploy_time / floor_time:.2f}x), {per_deploy / 1024:.1f} KiB kept"
        f" per deployment; one deep copy of the API: {ms(copy_time)}, {copy_bytes / 1024:.1f} KiB"
        f" -> {copy_bytes / per_deploy:.1f}x less memory, {copy_time / deploy_time:.1f}x less time per deployment"
    )
    print(f"  {deploys} deployments kept {per_deploy * deploys / 2**20:.2f} MiB; {deploys} deep copies would keep"
          f" {copy_bytes * deploys / 2**20:.1f} MiB")  # fmt: skip
    compare(deploy_lifecycle(settings.patches // 5 or 1), "deploy lifecycle (every deployment/stage/tag call", settings)


# ---- entry point ----------------------------------------------------------------------------------------------


def profile(settings: Settings) -> None:
    workload = setup_and_patch(settings.patches * 5)
    run_apigw(workload)
    profiler = cProfile.Profile()
    profiler.runcall(run_apigw, workload)
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(r"apigw_mock|pydantic|uuid", 40)


def describe_machine() -> None:
    print(
        f"# apigw_mock benchmark: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"clock {CLOCK.__name__}, botocore {botocore.__version__}, boto3 {boto3.__version__}, "
        f"moto {getattr(sys.modules.get('moto'), '__version__', 'not installed')}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a short run")
    parser.add_argument("--profile", action="store_true", help="profile apigw_mock on the workload and exit")
    parser.add_argument(
        "--only", choices=("workload", "fixed", "import", "coldstart", "scaling", "deploy"), action="append"
    )
    parser.add_argument("--wall", action="store_true", help="time with the wall clock instead of CPU time")
    args = parser.parse_args()
    global CLOCK
    if args.wall:
        CLOCK = time.perf_counter
        Calls.clock = staticmethod(time.perf_counter)
    settings = QUICK if args.quick else FULL
    os.environ.update(FAKE_CREDENTIALS)  # the floor signs with these; the mocks install their own
    os.environ.setdefault("AWS_DEFAULT_REGION", REGION)
    if args.profile:
        profile(settings)
        return
    describe_machine()
    sections = {
        "workload": bench_workload,
        "fixed": bench_fixed_cost,
        "import": bench_import,
        "coldstart": bench_coldstart,
        "scaling": bench_scaling,
        "deploy": bench_deploy,
    }
    for name, section in sections.items():
        if not args.only or name in args.only:
            section(settings)


if __name__ == "__main__":
    main()
