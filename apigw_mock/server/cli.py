"""The `apigw-mock` console command (also `python -m apigw_mock`).

    apigw-mock serve [--host 127.0.0.1] [--port 4566] [--max-body-bytes N] [--log-level INFO] [--state-file PATH]
                     [--lambda NAME_OR_ARN=module:function ...]

Binds to loopback unless `--host` says otherwise; runs until Ctrl-C or SIGTERM. Exit status 0 on a clean stop;
1 with one line on stderr (no traceback) when the address cannot be bound, e.g. a port already in use.
`--state-file`: load the state from PATH at start (if it exists), save it there on shutdown and on
`POST /_apigw_mock/save` (see `apigw_mock.testing.state_file`).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import logging
import sys
from collections.abc import Sequence

from apigw_mock.server.app import DEFAULT_MAX_BODY_BYTES
from apigw_mock.server.runner import serve


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    logging.basicConfig(level=arguments.log_level, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    from apigw_mock.testing.state_file import kept

    for binding in arguments.lambdas:
        _register_lambda(binding)
    try:
        with kept(arguments.state_file), contextlib.suppress(KeyboardInterrupt):  # a Ctrl-C while stopping
            serve(arguments.host, arguments.port, max_body_bytes=arguments.max_body_bytes)
    except OSError as error:
        problem = _bind_problem(error, arguments.host, arguments.port)
        if problem is None:
            raise
        print(f"apigw-mock: {problem}", file=sys.stderr)
        return 1
    return 0


def _bind_problem(error: OSError, host: str, port: int) -> str | None:
    """The one line for an address that cannot be bound (something the user fixes with an option), else None."""
    if error.errno == errno.EADDRINUSE:
        return f"port {port} on {host} is already in use; choose another with --port N (--port 0 picks a free one)"
    if error.errno == errno.EACCES:
        return f"no permission to listen on port {port} on {host}; choose a port above 1023 with --port N"
    if error.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on {host}: not an address of this machine; check --host"
    return None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="apigw-mock", description="apigw_mock: an in-memory AWS API Gateway (REST).")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the mock over HTTP (for the AWS CLI, Terraform, any SDK)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, loopback only)")
    serve.add_argument("--port", type=int, default=4566, help="port to listen on (default: 4566; 0 picks a free one)")
    serve.add_argument(
        "--max-body-bytes",
        type=int,
        default=DEFAULT_MAX_BODY_BYTES,
        help=f"largest request body accepted; larger ones get 413 (default: {DEFAULT_MAX_BODY_BYTES})",
    )
    serve.add_argument("--state-file", help="load the state from this JSON file at start, save it on shutdown")
    serve.add_argument(
        "--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"], help="default: INFO"
    )
    serve.add_argument(
        "--lambda",
        dest="lambdas",
        action="append",
        default=[],
        metavar="NAME=module:function",
        help="serve a Lambda function (ARN or bare name) from a Python handler(event, context); repeatable",
    )
    return parser


def _register_lambda(binding: str) -> None:
    """`NAME=package.module:function` -> the handler registered for the data plane."""
    import importlib

    from apigw_mock.mock import register_lambda

    name, _, target = binding.rpartition("=")
    module_name, _, function = target.partition(":")
    if not name or not module_name or not function:
        raise SystemExit(f"--lambda expects NAME=module:function, got {binding!r}")
    register_lambda(name, getattr(importlib.import_module(module_name), function))
