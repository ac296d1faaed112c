"""Readers for the deploy tests: browsers, roughly, on kept-alive connections, loading a page and
then every file it names, some of them a moment later, while a deploy switches the site under them."""

import http.client
import json
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

from bs4 import BeautifulSoup

# What a page names that a browser fetches with it: stylesheets, icons, scripts, pictures.
LINKED = (("link", "href"), ("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "srcset"))


def linked_files(html: bytes, page_path: str) -> list[str]:
    """The site paths (no leading /) of the files a page names, resolved from the page's own path."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag, attribute in LINKED:
        for element in soup.find_all(tag):
            value = element.get(attribute)
            if not value or (tag == "link" and not {"stylesheet", "icon", "modulepreload", "preload"} & set(element.get("rel", []))):
                continue
            for candidate in value.split(",") if attribute == "srcset" else [value]:
                address = candidate.strip().split(" ")[0]
                resolved = urllib.parse.urlparse(urllib.parse.urljoin(f"http://site/{page_path}", address))
                if resolved.netloc == "site" and resolved.path:
                    found.append(resolved.path.lstrip("/"))
    return sorted(set(found))


@dataclass
class Load:
    """One page a reader loaded: its bytes, and each file it names with the status and bytes that came back."""
    page: str
    status: int
    html: bytes
    files: dict[str, tuple[int, bytes]] = field(default_factory=dict)


class Reader(threading.Thread):
    """Loads `pages` in turn on one kept-alive connection; fetches each page's files `delay` seconds later."""

    def __init__(self, host: str, port: int, pages: list[str], delay: float):
        super().__init__(daemon=True)
        self.host, self.port, self.pages, self.delay = host, port, pages, delay
        self.loads: list[Load] = []
        self.stopping = threading.Event()
        self.error: BaseException | None = None

    def get(self, connection: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
        connection.request("GET", "/" + urllib.parse.quote(path), headers={"Connection": "keep-alive"})
        response = connection.getresponse()
        return response.status, response.read()

    def run(self) -> None:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            self.read(connection)
        except BaseException as error:  # noqa: BLE001  (the test reports it)
            self.error = error
        finally:
            connection.close()

    def read(self, connection: http.client.HTTPConnection) -> None:
        """Each page, then `delay` later the files it names, until told to stop."""
        while not self.stopping.is_set():
            for page in self.pages:
                status, html = self.get(connection, page)
                load = Load(page, status, html)
                time.sleep(self.delay)  # the reader's browser parses the page, then asks for its files
                for path in linked_files(html, page):
                    load.files[path] = self.get(connection, path)
                self.loads.append(load)

    def stop(self) -> None:
        self.stopping.set()
        self.join(30)


ENGINE_VERSION = re.compile(r'"version": "([0-9a-f]{12})"')


class SearchReader(Reader):
    """A search box open across a switch: the engine is loaded once, then asks for its index's
    files (the manifest, every shard, the first story files) again and again."""

    def read(self, connection: http.client.HTTPConnection) -> None:
        status, engine = self.get(connection, "search/engine.js")
        version = ENGINE_VERSION.search(engine.decode("utf-8"))[1]
        manifest = json.loads(self.get(connection, f"search/{version}/index.json")[1])
        paths = [f"search/{version}/index.json", *(f"search/{version}/shards/{n}.bin" for n in range(manifest["shards"])),
                 *(f"search/{version}/stories/{n}.json" for n in range(3))]
        while not self.stopping.is_set():
            load = Load("search/engine.js", status, engine)
            time.sleep(self.delay)
            for path in paths:
                load.files[path] = self.get(connection, path)
            self.loads.append(load)
