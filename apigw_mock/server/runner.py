"""Running the server: `MockServer` (bind, serve, stop), `running_server()` for tests and `serve()` for the CLI.

Contract: the HTTP stack is waitress (the `server` extra), a maintained pure-Python WSGI server: HTTP/1.1 with
keep-alive, requests answered by a pool of worker threads. While a server serves it holds the process-wide state
(`MockApiGateway(intercept=False)`), so everything it answers lives in the same `STATE` the in-process mock and
`MockApiGateway.backend()` see, yet in-process boto3 calls are not intercepted by it and `os.environ` is left
alone. `shutdown()` may be called from any thread; within a poll interval the serving thread closes the listening socket
and every open connection and stops the workers (a request still in flight at that moment is cut off).
"""

from __future__ import annotations

import logging
import signal
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from apigw_mock.mock import MockApiGateway
from apigw_mock.server.app import DEFAULT_MAX_BODY_BYTES, ApiGatewayApp
from apigw_mock.server.management import HISTORY_LIMIT

logger = logging.getLogger("apigw_mock.server")
_START_TIMEOUT = 10.0
_POLL_SECONDS = 0.05


class MockServer:
    """One bound HTTP server for the mock; `serve_forever()` blocks until `shutdown()`."""

    def __init__(
        self, host: str = "127.0.0.1", port: int = 0, *, threads: int = 8, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    ) -> None:
        try:
            from waitress.server import create_server
        except ModuleNotFoundError as missing:
            raise ModuleNotFoundError("server mode needs waitress: pip install 'apigw_mock[server]'") from missing
        self._sockets: dict[int, Any] = {}  # waitress's socket map: listener, trigger and every open connection
        self._server = create_server(
            ApiGatewayApp(max_body_bytes=max_body_bytes),
            map=self._sockets,
            host=_one_address(host, port),  # one address, so waitress builds a single listener
            port=port,
            threads=threads,
            ident="apigw_mock",
        )
        self.host: str = self._server.effective_host
        self.port: int = self._server.effective_port
        self.serving = threading.Event()
        self._stopping = threading.Event()

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def serve_forever(self) -> None:
        """Serve until `shutdown()` (or KeyboardInterrupt in the serving thread), holding the mock's state."""
        # The history feeds /_apigw_mock/calls and the viewer, which show the latest HISTORY_LIMIT: no more is kept,
        # so a server that runs for days stays bounded.
        with MockApiGateway(intercept=False, record=True, history_limit=HISTORY_LIMIT):
            self.serving.set()
            try:
                # waitress's own `run()` loops until its socket map is empty, so stopping it from another thread
                # meant writing to its trigger pipe; under load that write was seen failing (EBADF). This loop
                # wakes every _POLL_SECONDS instead and sees the stop request itself.
                while not self._stopping.is_set():
                    self._server.asyncore.loop(timeout=_POLL_SECONDS, map=self._sockets, count=1)
            except KeyboardInterrupt:  # Ctrl-C or SIGTERM in the foreground (`serve`): a clean stop
                pass
            finally:
                self._close_sockets()
                self._server.task_dispatcher.shutdown()

    def shutdown(self) -> None:
        """Stop serving within _POLL_SECONDS; safe from any thread, and before `serve_forever()` has started."""
        self._stopping.set()

    def _close_sockets(self) -> None:
        self._server.close()  # the listener and its trigger
        for connection in list(self._sockets.values()):
            connection.handle_close()  # the serving loop ends once its map is empty


@contextmanager
def running_server(
    host: str = "127.0.0.1", port: int = 0, *, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
) -> Iterator[str]:
    """Serve the mock from a background thread (on a free port by default); yields the base URL."""
    server = MockServer(host, port, max_body_bytes=max_body_bytes)
    thread = threading.Thread(target=server.serve_forever, name=f"apigw_mock-server-{server.port}", daemon=True)
    thread.start()
    try:
        if not server.serving.wait(_START_TIMEOUT):
            raise RuntimeError(f"apigw_mock server on {server.url} did not start")
        yield server.url
    finally:
        server.shutdown()
        thread.join(_START_TIMEOUT)


def serve(host: str = "127.0.0.1", port: int = 4566, *, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> None:
    """Serve in the foreground (main thread only) until SIGINT or SIGTERM."""
    server = MockServer(host, port, max_body_bytes=max_body_bytes)
    # Both signals stop the server the way Ctrl-C does, even where SIGINT came in ignored (a `cmd &` job).
    previous = {number: signal.signal(number, _interrupt) for number in (signal.SIGINT, signal.SIGTERM)}
    logger.info("apigw_mock serving API Gateway on %s (Ctrl-C to stop)", server.url)
    try:
        server.serve_forever()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    logger.info("apigw_mock server stopped")


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _one_address(host: str, port: int) -> str:
    """The first address `host` resolves to (waitress would listen on all of them, e.g. both of localhost's)."""
    return str(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][4][0])
