"""Debian's chromium for Playwright, and a built site served on loopback for it to open."""

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags chromium keeps dialling out of this closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without a log line for every request."""

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: str | Path, handler_class: type[QuietHandler] = QuietHandler, port: int = 0) -> Iterator[str]:
    """Serve `folder` on http://127.0.0.1:<port> (a free one by default) in a thread; yield that base URL, without a slash."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
