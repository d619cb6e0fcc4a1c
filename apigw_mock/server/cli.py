"""The `apigw-mock` console command (also `python -m apigw_mock`).

    apigw-mock serve [--host 127.0.0.1] [--port 4566] [--max-body-bytes N] [--log-level INFO]
                     [--lambda NAME_OR_ARN=module:function ...]

Binds to loopback unless `--host` says otherwise; runs until Ctrl-C or SIGTERM. Exit status 0 on a clean stop.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
from collections.abc import Sequence

from apigw_mock.server.app import DEFAULT_MAX_BODY_BYTES
from apigw_mock.server.runner import serve


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    logging.basicConfig(level=arguments.log_level, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    for binding in arguments.lambdas:
        _register_lambda(binding)
    with contextlib.suppress(KeyboardInterrupt):  # a Ctrl-C landing outside the serving loop, e.g. while stopping
        serve(arguments.host, arguments.port, max_body_bytes=arguments.max_body_bytes)
    return 0


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
