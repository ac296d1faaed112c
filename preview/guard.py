"""What the local servers (invoke livereload, invoke serve) answer, and to whom.

A page on any web site can make the editor's browser send requests to 127.0.0.1 under a name it
controls (DNS rebinding) and read the answers, drafts and embargoed stories among them; such a
request carries that name in its Host header. So the servers answer only requests addressed to
the loopback names or to the host they were started on, and list no folder. A missing address
gets the site's own 404.html with status 404, as the published site's server sends it.
"""

from http.server import SimpleHTTPRequestHandler
from pathlib import Path

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def host_name(header: str) -> str:
    """The name in a Host header, without its port: localhost:8000 → localhost, [::1]:8000 → ::1."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def allowed_host(header: str | None, served_as: str) -> bool:
    """Whether a request's Host names this machine's loopback, or the host the server was started on."""
    if not header:
        return False
    name = host_name(header)
    return name in LOOPBACK or (served_as not in ("", "0.0.0.0", "::") and name == served_as.lower())


class LocalOnly(SimpleHTTPRequestHandler):
    """A request handler that refuses other hosts' names (403) and never lists a folder (404)."""

    served_as = "127.0.0.1"

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        if not allowed_host(self.headers.get("Host"), self.served_as):
            self.send_error(403, "Host not allowed: open this preview at http://127.0.0.1/")
            return False
        return True

    def list_directory(self, path):
        self.send_error(404, "No listing")
        return None

    def send_not_found(self, folder: str | Path) -> None:
        """Answer 404 with the site's 404.html, or the server's own short error page where it has none."""
        path = Path(folder) / "404.html"
        if not path.is_file():
            return self.send_error(404, "Not found")
        page = path.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(page)
