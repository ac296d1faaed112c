"""Servers the tests start on loopback: a free port, and waiting until an address answers."""

import time
import urllib.request

import pytest

from scripts.nginx import free_port  # noqa: F401 - the tests' one free_port, here with fetch_until


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
