"""Serve the preview with python-livereload (its script in each page reloads the browser), driven by preview.live."""

import queue
import signal
import sys
import threading
from pathlib import Path

from livereload import Server
from livereload.handlers import LiveReloadHandler
from livereload.watcher import Watcher
from tornado.ioloop import IOLoop

from .live import LivePreview, QuickWorker, watch


class NotPolling(Watcher):
    """python-livereload's watcher polls every file every 0.8 s; preview.live is told by the kernel instead."""

    loop: IOLoop | None = None

    def start(self, callback) -> bool:
        self.loop = IOLoop.current()
        return True  # no polling

    def reload(self, path: str) -> None:
        """Reload every open preview page (from any thread)."""
        if self.loop is not None:
            self.loop.add_callback(LiveReloadHandler.reload_waiters, path)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(build_command: list[str], settings: str, content: str, output: str, host: str, port: int,
        watched: list[str], plugins: str = "plugins") -> None:
    """Build, serve and keep the preview current until Ctrl-C (or SIGTERM)."""
    watcher = NotPolling()
    worker = QuickWorker([sys.executable, "-m", "preview.quick", settings, content, output])
    live = LivePreview(build_command, worker, Path(content), Path(plugins), watcher.reload, say)
    stop = threading.Event()
    # Watching starts before the first build: a story saved during it is not missed.
    threading.Thread(target=watch, args=([Path(p) for p in watched], live.events, stop), daemon=True).start()
    threading.Thread(target=live.run, daemon=True).start()
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stopped like Ctrl-C: builds and worker end too
    Path(output).mkdir(parents=True, exist_ok=True)
    try:
        server = Server(watcher=watcher)
        server.serve(host=host, port=port, root=output)
    finally:
        stop.set()
        live.events.put(None)
        live.stop()
