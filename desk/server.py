"""The desk's own server (http://127.0.0.1:8080/admin/): Decap CMS from desk/node_modules, its
configuration made from the settings, the desk's script, and two answers Decap cannot work out in
the browser: a story's file name (invoke new's pinyin) and the gate's findings on the story being
written (invoke check's rules, on the text as the desk would save it).
"""

import json
import re
import threading
from collections import OrderedDict
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from checks.report import Finding
from checks.settings import site_settings
from markdown.extensions import meta

from editor.scaffold import GUIDE, file_slug
from plugins.editorial.fields import TRUE_WORDS
from plugins.photos.caption import CREDIT_PATTERN
from plugins.slugs.pinyin import pinyin_slug
from preview.guard import LocalOnly

from .config import FIELDS, FILE_NAME_FIELD, Site, desk_config
from .gate import Archive, findings

HERE = Path(__file__).resolve().parent
DECAP = HERE / "node_modules" / "decap-cms" / "dist"
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".json": "application/json; charset=utf-8", ".yml": "text/yaml; charset=utf-8", ".wasm": "application/wasm",
         ".map": "application/json", ".txt": "text/plain; charset=utf-8"}
UPLOADS_KEPT = 200 * 2**20  # bytes of pictures uploaded in this session kept for the gate, newest first
LARGEST_REQUEST = 64 * 2**20  # a picture of the largest size an office camera makes, and then some


def javascript(pattern: str) -> str:
    """A Python pattern as JavaScript writes it: named groups are (?<name>…) there."""
    return pattern.replace("(?P<", "(?<")


def site_of(settings: dict, content: Path, root: Path, proxy: str) -> Site:
    return Site(
        proxy=proxy,
        sections=list(settings["FRONTPAGE_SECTIONS"]),
        content=content.resolve().relative_to(root.resolve()).as_posix(),
        extra_fields=list(settings.get("EDITORIAL_EXTRA_FIELDS", ())),
        photo_section=settings.get("DESK_PHOTO_SECTION", ""),
        branch=settings.get("DESK_BRANCH", "main"),
        backend=dict(settings.get("DESK_BACKEND") or {}),
    )


class Desk:
    """The settings, content folder and repository the desk works on; the findings and names it gives."""

    def __init__(self, settings_file: Path, content: Path, root: Path, proxy: str) -> None:
        self.settings_file, self.content, self.root, self.proxy = Path(settings_file), Path(content), Path(root), proxy
        self.lock = threading.Lock()
        self.uploads: OrderedDict[str, bytes] = OrderedDict()
        self.archive = Archive()

    def settings(self) -> dict:
        return site_settings(self.settings_file, self.content)

    def config(self) -> dict:
        return desk_config(site_of(self.settings(), self.content, self.root, self.proxy))

    def page_data(self) -> dict:
        """What desk.js needs besides Decap's configuration."""
        return {
            "fields": list(FIELDS), "labels": {name: field.label for name, field in FIELDS.items()},
            "fileNameField": FILE_NAME_FIELD,
            "credit": javascript(CREDIT_PATTERN),
            "meta": {name: javascript(pattern.pattern) for name, pattern in
                     (("key", meta.META_RE), ("more", meta.META_MORE_RE), ("begin", meta.BEGIN_RE), ("end", meta.END_RE))},
            "trueWords": sorted(TRUE_WORDS),
            "guideStart": GUIDE.splitlines()[1][:4],  # invoke new's writing guide: 写稿说明
        }

    def file_name(self, collection: str, title: str) -> str:
        """The name invoke new would give a story of this title, not taken by another file."""
        base = file_slug(pinyin_slug(title)) if title.strip() else ""
        folder = self.content / collection
        name, number = base, 2
        while base and (folder / f"{name}.md").exists():
            name, number = f"{base}-{number}", number + 1
        return name

    def keep_upload(self, upload_id: str, data: bytes) -> None:
        """A picture the editor uploaded (not committed yet), for the gate to check with the story."""
        with self.lock:
            self.uploads[upload_id] = data
            self.uploads.move_to_end(upload_id)
            while sum(map(len, self.uploads.values())) > UPLOADS_KEPT and len(self.uploads) > 1:
                self.uploads.popitem(last=False)

    def findings(self, collection: str, name: str, text: str, media: list[dict]) -> tuple[list[Finding], list[str]]:
        """invoke check's findings on the story; and the uploads named in `media` the server lacks."""
        content_in_repository = self.content.resolve().relative_to(self.root.resolve()).as_posix() + "/"
        with self.lock:
            missing = [one["id"] for one in media if one["id"] not in self.uploads]
            uploaded = {one["path"].removeprefix(content_in_repository): self.uploads[one["id"]]
                        for one in media if one["id"] in self.uploads}
        path = f"{collection}/{name or 'untitled'}.md"
        with self.lock:  # one check at a time: the archive is read and kept by one
            return findings(self.settings(), self.content, path, text, uploaded, self.archive), missing


class DeskHandler(LocalOnly):
    desk: Desk

    def do_GET(self) -> None:
        route = urlsplit(self.path)
        if route.path in ("/", "/admin"):
            return self.redirect("/admin/")
        if route.path == "/admin/":
            return self.send_file(HERE / "admin" / "index.html")
        if route.path == "/admin/config.yml":
            return self.send_json(self.desk.config(), ".yml")
        if route.path == "/admin/pressroom.json":
            return self.send_json(self.desk.page_data())
        if route.path == "/admin/api/filename":
            query = parse_qs(route.query)
            name = self.desk.file_name(query.get("collection", ["articles"])[0], query.get("title", [""])[0])
            return self.send_json({"name": name})
        if route.path.startswith("/admin/vendor/"):
            return self.send_file(DECAP / route.path.removeprefix("/admin/vendor/"), base=DECAP)
        if route.path.startswith("/admin/"):
            return self.send_file(HERE / "admin" / route.path.removeprefix("/admin/"), base=HERE / "admin")
        self.send_error(404)

    def do_POST(self) -> None:
        route = urlsplit(self.path)
        if not same_origin(self.headers.get("Origin"), self.headers.get("Host", "")):
            return self.send_error(403, "Only the desk's own page may post here")
        length = int(self.headers.get("Content-Length") or 0)
        if length > LARGEST_REQUEST:
            return self.send_error(413, "Too large")
        body = self.rfile.read(length)
        if route.path == "/admin/api/media":
            upload_id = parse_qs(route.query).get("id", [""])[0]
            if not re.fullmatch(r"[0-9a-f]{16,128}", upload_id):
                return self.send_error(400, "Expected ?id= (the upload's id)")
            self.desk.keep_upload(upload_id, body)
            return self.send_json({"kept": upload_id})
        if route.path != "/admin/api/check":
            return self.send_error(404)
        try:
            asked = json.loads(body)
            collection, name, text = asked["collection"], asked.get("name", ""), asked["text"]
            media = [{"path": str(one["path"]), "id": str(one["id"])} for one in asked.get("media", [])]
        except (ValueError, KeyError, TypeError):
            return self.send_error(400, "Expected JSON: collection, name, text, media")
        if not re.fullmatch(r"articles|photos|pages", collection) or not re.fullmatch(r"[a-z0-9-]*", name):
            return self.send_error(400, "Unknown collection or file name")
        found, missing = self.desk.findings(collection, name, text, media)
        self.send_json({"missing": missing, "findings": [
            {"line": one.line, "rule": one.rule, "level": one.level, "zh": one.zh, "en": one.en} for one in found
        ]})

    def redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.end_headers()

    def send_json(self, data: dict, suffix: str = ".json") -> None:
        self.send_bytes(json.dumps(data, ensure_ascii=False).encode("utf-8"), TYPES[suffix])

    def send_file(self, path: Path, base: Path | None = None) -> None:
        path = path.resolve()
        if base is not None and not path.is_relative_to(base.resolve()) or not path.is_file():
            return self.send_error(404)
        self.send_bytes(path.read_bytes(), TYPES.get(path.suffix, "application/octet-stream"))

    def send_bytes(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args) -> None:
        pass


def same_origin(origin: str | None, host: str) -> bool:
    """Whether a POST comes from the desk's own page (a browser names the page's origin; tools send none)."""
    return origin is None or origin in (f"http://{host}", f"https://{host}")


def serve(desk: Desk, host: str, port: int) -> ThreadingHTTPServer:
    handler = type("Handler", (DeskHandler,), {"desk": desk, "served_as": host})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server
