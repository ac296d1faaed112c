"""invoke serve: the built folder as it is, as the published site's server answers for it.

Pelican's own handler finds `/about` as `about.html` and `/2026/` as its `index.html`, but answers
an address it cannot find with nothing at all (the browser shows an empty reply); here that
address gets the site's 404.html with status 404, as nginx (deploy/nginx-site.conf) and GitHub
Pages send it.
"""

from http.server import SimpleHTTPRequestHandler

from pelican.server import ComplexHTTPRequestHandler

from .guard import LocalOnly


class SiteHandler(LocalOnly, ComplexHTTPRequestHandler):
    """The folder's files for loopback names only, no folder listings, 404.html for a missing address."""

    base_path: str  # the folder served, set by Pelican's RootedHTTPServer

    def do_GET(self) -> None:
        found = self.get_path_that_exists(self.path.split("?", 1)[0])
        if not found:
            return self.send_not_found(self.base_path)
        self.path = found
        return SimpleHTTPRequestHandler.do_GET(self)
