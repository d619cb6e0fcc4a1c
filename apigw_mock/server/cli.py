"""The `apigw-mock` console command (also `python -m apigw_mock`).

    apigw-mock serve [--host 127.0.0.1] [--port 4566] [--max-body-bytes N] [--log-level INFO] [--state-file PATH]

Binds to loopback unless `--host` says otherwise; runs until Ctrl-C or SIGTERM. Exit status 0 on a clean stop.
`--state-file`: load the state from PATH at start (if it exists), save it there on shutdown and on
`POST /_apigw_mock/save` (see `apigw_mock.testing.state_file`).
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
    from apigw_mock.testing.state_file import kept

    with kept(arguments.state_file), contextlib.suppress(KeyboardInterrupt):  # suppress: a Ctrl-C while stopping
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
    serve.add_argument("--state-file", help="load the state from this JSON file at start, save it on shutdown")
    serve.add_argument(
        "--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"], help="default: INFO"
    )
    return parser
