"""renja.inti.klien.alamat_klien: REMOTE_ADDR, or behind trusted proxies the right-most untrusted X-Forwarded-For."""

import pytest
from django.test import RequestFactory

from renja.inti.klien import alamat_klien


def req(xff=None, remote="10.0.0.9"):
    meta = {"REMOTE_ADDR": remote}
    if xff is not None:
        meta["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().get("/", **meta)


def test_header_ignored_without_proxy(settings):
    settings.BEHIND_PROXY = False
    assert alamat_klien(req("203.0.113.7")) == "10.0.0.9"


@pytest.mark.parametrize(
    "xff, n, expected",
    [
        ("203.0.113.7", 1, "203.0.113.7"),
        # the client wrote "1.1.1.1" itself; our one proxy appended what it saw
        ("1.1.1.1, 203.0.113.7", 1, "203.0.113.7"),
        # two trusted proxies (CDN, then nginx): the second from the right is the client
        ("1.1.1.1, 203.0.113.7, 198.51.100.2", 2, "203.0.113.7"),
        ("203.0.113.7:51000", 1, "203.0.113.7"),
        ("[2001:db8::1]:443", 1, "2001:db8::1"),
        ("2001:db8::1", 1, "2001:db8::1"),
        ("bukan-alamat", 1, "10.0.0.9"),
        ("", 1, "10.0.0.9"),
        ("203.0.113.7", 3, "203.0.113.7"),  # fewer entries than proxies: left-most
    ],
)
def test_right_most_untrusted_behind_proxy(settings, xff, n, expected):
    settings.BEHIND_PROXY = True
    settings.PROXY_TERPERCAYA = n
    assert alamat_klien(req(xff)) == expected


def test_no_header_behind_proxy(settings):
    settings.BEHIND_PROXY = True
    assert alamat_klien(req()) == "10.0.0.9"
