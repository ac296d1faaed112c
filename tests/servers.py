"""Servers the tests start on loopback: a free port, and waiting until an address answers."""

import socket
import time
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch_until(url: str, wanted: str, seconds: float = 60) -> str:
    """GET `url` until its body contains `wanted`; fail after `seconds`."""
    deadline, body = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if wanted in body:
                return body
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"{url} never showed {wanted!r}; last body starts {body[:200]!r}")
