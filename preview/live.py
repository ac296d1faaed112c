"""The live preview: an edited story is on screen at once, the whole site follows.

A saved story (or page) is rendered alone by the quick worker (preview/quick.py, a fraction of
a second at any archive size) straight into the served folder, and the browser reloads; then the
full build runs, in its own process, into its staging folder, and replaces the site when it is
done (related stories, neighbours, listings, search). Stories saved while a full build runs are
rendered at once too, rendered again after that build's site replaces the folder (it was read
before they were saved), and built whole by one more full build.
"""

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Callable, Iterable

# Files an editor saves that the quick worker can show alone; anything else waits for the full build.
QUICK_SUFFIXES = (".md", ".markdown")


def quick_items(changed: Iterable[Path], content: Path) -> list[str]:
    """The content files among `changed` the quick worker renders: stories and pages that still exist."""
    content = content.resolve()
    items = set()
    for path in changed:
        path = Path(path).resolve()
        if path.suffix.lower() in QUICK_SUFFIXES and path.is_file() and path.is_relative_to(content):
            items.add(str(path.relative_to(content)))
    return sorted(items)


def needs_new_worker(changed: Iterable[Path], plugins: Path) -> bool:
    """A plugin's code changed: the quick worker imported the old one."""
    plugins = plugins.resolve()
    return any(Path(path).resolve().is_relative_to(plugins) for path in changed)


class QuickWorker:
    """The quick renderer in a process of its own, fed one content path per line."""

    def __init__(self, command: list[str], stderr=None) -> None:
        self.command, self.stderr = command, stderr  # the editor reads the worker's messages on stderr
        self.process = None

    def start(self) -> None:
        """Start the process if it is not running (it warms up at once, before the first edit)."""
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                            stderr=self.stderr, text=True, encoding="utf-8")

    def ask(self, line: str) -> dict:
        """Send a content path (or "" to look at the sections again); its answer."""
        self.start()
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        return json.loads(answer) if answer else {"path": line, "error": "quick worker exited"}

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            try:
                self.process.stdin.close()
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
        self.process = None


class LivePreview:
    """One thread does everything, in order, from a queue of events: files changed, a build ended."""

    def __init__(self, build_command: list[str], worker: QuickWorker, content: Path, plugins: Path,
                 reload: Callable[[str], None], say: Callable[[str], None]) -> None:
        self.build_command, self.worker, self.content, self.plugins = build_command, worker, content, plugins
        self.reload, self.say = reload, say
        self.events: queue.Queue = queue.Queue()
        self.build: subprocess.Popen | None = None
        self.build_started = 0.0
        self.again = False  # something changed after the running build started
        self.shown_early: set[str] = set()  # quick pages the running build's site will overwrite

    def run(self) -> None:
        """Start the worker and the first full build, then handle events until told to stop (None)."""
        self.worker.start()
        self.start_build()
        for kind, payload in iter(self.events.get, None):
            try:
                self.on_changed(payload) if kind == "changed" else self.on_built(payload)
            except Exception as error:  # noqa: BLE001 — the preview goes on with a fresh worker
                self.say(f"预览出错，已重启预览进程：{error} (preview error; worker restarted)")
                self.worker.stop()
                self.worker.start()

    def on_changed(self, changed: set[Path]) -> None:
        if needs_new_worker(changed, self.plugins):
            self.worker.stop()
            self.worker.start()
        shown = self.show_quickly(quick_items(changed, self.content))
        if self.build is None:
            self.start_build()
        else:
            self.again = True
            self.shown_early |= set(shown)

    def on_built(self, returncode: int) -> None:
        seconds = time.perf_counter() - self.build_started
        self.build = None
        if returncode == 0:
            self.say(f"全站已重建，用时 {seconds:.1f} 秒 (site rebuilt in {seconds:.1f} s)")
            self.worker.ask("")  # stories may have come or gone: the worker looks at the sections again
        else:
            self.say("全站重建失败，预览保留上一版；请看上面的提示 (full build failed; the previous site stays)")
        early, self.shown_early = self.shown_early, set()
        self.show_quickly(sorted(early), quiet=True)  # newer than what the build read
        if self.again:
            self.again = False
            self.start_build()
        self.reload("*")

    def show_quickly(self, items: list[str], quiet: bool = False) -> list[str]:
        """Render each item alone into the served folder; reload the browser; the items shown."""
        shown = []
        for item in items:
            answer = self.worker.ask(item)
            if answer.get("written"):
                shown.append(item)
                if not quiet:
                    self.say(f"预览已更新：{item}，用时 {answer['seconds']:.2f} 秒；全站随后重建 (shown in {answer['seconds']:.2f} s; full rebuild follows)")
            elif not quiet:
                self.say(f"预览未能单独显示 {item}，等待全站重建 (cannot show it alone; waiting for the full build)")
        if shown:
            self.reload(shown[-1])
        return shown

    def start_build(self) -> None:
        self.build_started = time.perf_counter()
        self.build = subprocess.Popen(self.build_command)
        threading.Thread(target=self.wait_for_build, args=(self.build,), daemon=True).start()

    def wait_for_build(self, build: subprocess.Popen) -> None:
        self.events.put(("built", build.wait()))

    def stop(self) -> None:
        """Stop the running build (its staging folder is cleared by the next) and the worker."""
        if self.build is not None and self.build.poll() is None:
            self.build.terminate()
            self.build.wait(timeout=30)
        self.worker.stop()


def watch(paths: list[Path], events: queue.Queue, stop: threading.Event) -> None:
    """Put each batch of changed files on `events` as soon as the kernel reports it (inotify)."""
    import watchfiles

    for changes in watchfiles.watch(*paths, debounce=50, step=20, stop_event=stop, raise_interrupt=False):
        events.put(("changed", {Path(path) for _, path in changes}))

