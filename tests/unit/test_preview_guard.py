"""The local servers answer only their own names: a web page's DNS-rebound name gets nothing."""

import pytest

from preview.guard import allowed_host, host_name


@pytest.mark.parametrize("header, name", [
    ("127.0.0.1:8000", "127.0.0.1"), ("localhost", "localhost"), ("LOCALHOST:8000", "localhost"),
    ("[::1]:8000", "::1"), ("evil.example:8000", "evil.example"), ("::1", "::1"),
])
def test_host_name(header, name):
    assert host_name(header) == name


@pytest.mark.parametrize("header, served_as, allowed", [
    ("127.0.0.1:8000", "127.0.0.1", True),
    ("localhost:8000", "127.0.0.1", True),
    ("[::1]:8000", "127.0.0.1", True),
    ("rebind.attacker.example:8000", "127.0.0.1", False),  # DNS rebinding: the name is the attacker's
    ("127.0.0.1.nip.io:8000", "127.0.0.1", False),
    ("", "127.0.0.1", False),
    (None, "127.0.0.1", False),
    ("preview.newsroom.lan:8000", "preview.newsroom.lan", True),  # started with --host preview.newsroom.lan
    ("anything.example:8000", "0.0.0.0", False),  # listening everywhere names no host
])
def test_allowed_host(header, served_as, allowed):
    assert allowed_host(header, served_as) is allowed
