"""Serve the live preview: the output folder, each page with a script that reloads it when told.

Pages reload through Server-Sent Events (EventSource): the site's Content-Security-Policy allows
scripts only from the site itself, which rules out the inline snippet python-livereload injects.
Each page is served with the wording problems `invoke check` reports in it marked (preview.wording);
the pages on disk stay as the build wrote them.
"""

import signal
import sys
import threading
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .guard import LocalOnly
from .live import LivePreview, QuickWorker, watch
from .marks import STYLESHEET_PATH
from .wording import WordingMarks

SCRIPT_PATH = "/__preview/reload.js"
EVENTS_PATH = "/__preview/events"
KEEP_ALIVE_SECONDS = 15


class Reloads:
    """A count of reloads that each open page's event stream waits on."""

    def __init__(self) -> None:
        self.count = 0
        self.changed = threading.Condition()

    def reload(self, path: str = "*") -> None:
        with self.changed:
            self.count += 1
            self.changed.notify_all()

    def wait(self, seen: int) -> int:
        """Block until there is a reload after `seen`, or the keep-alive time passes; the count now."""
        with self.changed:
            self.changed.wait_for(lambda: self.count != seen, timeout=KEEP_ALIVE_SECONDS)
            return self.count


class PreviewHandler(LocalOnly):
    """Files from the output folder; pages with the reload script and wording marks; the reload event stream."""

    reloads: Reloads
    marks: WordingMarks | None = None

    def do_GET(self) -> None:
        route = self.path.split("?", 1)[0]
        if route == SCRIPT_PATH:
            return self.send_bytes(200, "text/javascript; charset=utf-8", (Path(__file__).parent / "reload.js").read_bytes())
        if route == STYLESHEET_PATH:
            return self.send_bytes(200, "text/css; charset=utf-8", (Path(__file__).parent / "marks.css").read_bytes())
        if route == EVENTS_PATH:
            return self.stream_reloads(since(self.path))
        page = self.page_file(route)
        seen = self.reloads.count  # before the page is read: a change after this reloads it
        if page is not None:
            return self.send_bytes(200, "text/html; charset=utf-8", with_script(self.marked(route, page.read_bytes()), seen))
        if not Path(self.translate_path(route)).exists() and (Path(self.directory) / "404.html").is_file():
            return self.send_bytes(404, "text/html; charset=utf-8", with_script((Path(self.directory) / "404.html").read_bytes(), seen))
        return super().do_GET()

    def marked(self, route: str, page: bytes) -> bytes:
        """The page with its wording problems marked; as built if they cannot be found (said once)."""
        if self.marks is None:
            return page
        try:
            return self.marks.page(route, page)
        # The marks are a help: a problem finding them must never stop the preview showing the page.
        except Exception as problem:  # noqa: BLE001
            no_marks(problem)
            return page

    def page_file(self, route: str) -> Path | None:
        path = Path(self.translate_path(route))
        if path.is_dir() and route.endswith("/"):
            path = path / "index.html"
        return path if path.suffix == ".html" and path.is_file() else None

    def send_bytes(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")  # a preview is never stale in the browser's cache
        self.end_headers()
        self.wfile.write(body)

    def stream_reloads(self, seen: int) -> None:
        """Send "reload" for every change after the one the page was served at (sent at once if one
        came between serving the page and its stream connecting)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            while True:
                now = self.reloads.wait(seen)
                self.wfile.write(b"event: reload\ndata: reload\n\n" if now != seen else b": still here\n\n")
                self.wfile.flush()
                seen = now
        except OSError:
            pass  # the page was closed or reloaded

    def log_message(self, format, *args) -> None:
        pass  # the preview's terminal is for the editor's messages, not for every request


def with_script(page: bytes, seen: int) -> bytes:
    """The page with the reload script before </head> (or at the end when it has none); the script
    is told which change the page was served at."""
    tag = f'<script src="{SCRIPT_PATH}?since={seen}"></script>'.encode()
    head_end = page.find(b"</head>")
    return page[:head_end] + tag + page[head_end:] if head_end >= 0 else page + tag


def since(path: str) -> int:
    """The change a page was served at, from its event stream's address (?since=N)."""
    query = parse_qs(urlsplit(path).query)
    try:
        return int(query.get("since", ["0"])[0])
    except ValueError:
        return 0


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


SAID: set[str] = set()


def no_marks(problem: Exception) -> None:
    """Say, once for each problem, that pages are shown without their wording marks."""
    message = f"预览无法标出用语问题，页面照常显示 (wording marks unavailable: {problem!r})"
    if message not in SAID:  # a page is asked for again and again
        SAID.add(message)
        say(message)


def warm_up(marks: WordingMarks) -> None:
    """Read what the marks need (jieba's dictionary takes a second) while the first build runs."""
    try:
        marks.warm_up()
    except Exception as problem:  # noqa: BLE001 -- the pages are served unmarked
        no_marks(problem)


def run(build_command: list[str], quick_command: list[str], settings: str, content: str, output: str, host: str,
        port: int, watched: list[str], plugins: str = "plugins") -> None:
    """Build, serve and keep the preview current until Ctrl-C (or SIGTERM); pages show the wording
    problems `invoke check` with `settings` reports in `content`."""
    reloads = Reloads()
    marks = WordingMarks(Path(settings), Path(content))
    threading.Thread(target=warm_up, args=(marks,), daemon=True).start()

    def reload(path: str = "*") -> None:
        marks.stale()  # before the pages are told: a reloaded page is marked from the stories as saved
        reloads.reload(path)

    live = LivePreview(build_command, QuickWorker(quick_command), Path(content), Path(plugins), reload, say)
    stop = threading.Event()
    # Watching starts before the first build: a story saved during it is not missed.
    threading.Thread(target=watch, args=([Path(p) for p in watched], live.events, stop), daemon=True).start()
    threading.Thread(target=live.run, daemon=True).start()
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stopped like Ctrl-C: the build and worker end too
    Path(output).mkdir(parents=True, exist_ok=True)
    handler = type("Handler", (PreviewHandler,), {"reloads": reloads, "marks": marks, "served_as": host})
    server = ThreadingHTTPServer((host, port), partial(handler, directory=str(Path(output).resolve())))
    server.daemon_threads = True
    say(f"网站预览 Previewing {output}/ at http://{host}:{port}/ (Ctrl-C 停止)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        stop.set()
        live.events.put(None)
        live.stop()
