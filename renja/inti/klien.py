"""The client's address, for every rate limit and lockout of the project (django-axes uses it).

Without a proxy (``BEHIND_PROXY=0``, the default) the address is the TCP peer, REMOTE_ADDR, and any
X-Forwarded-For header is ignored: a client can write anything there.

Behind trusted reverse proxies (``BEHIND_PROXY=1``), each proxy appends the address it saw to X-Forwarded-For and
the last one is our REMOTE_ADDR. Only the entries the trusted proxies appended can be believed, so the client is
the right-most untrusted address: with ``RENJA_PROXY_TERPERCAYA`` = N trusted proxies in front of the app (default
1, e.g. one nginx with ``proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for``), it is the N-th entry from
the right. Entries further left were written by the client and are never used. A missing or malformed header
falls back to REMOTE_ADDR.
"""

import ipaddress

from django.conf import settings


def _alamat(teks: str) -> str | None:
    """A bare IP address from an X-Forwarded-For entry ('1.2.3.4', '1.2.3.4:5678', '[2001:db8::1]:80'), or None."""
    teks = teks.strip().strip('"')
    if teks.startswith("["):
        teks = teks[1:].split("]", 1)[0]
    elif teks.count(":") == 1:
        teks = teks.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(teks))
    except ValueError:
        return None


def alamat_klien(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    if not getattr(settings, "BEHIND_PROXY", False):
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entri = [e for e in header.split(",") if e.strip()]
    if not entri:
        return remote
    n = max(1, int(getattr(settings, "PROXY_TERPERCAYA", 1)))
    # fewer entries than proxies: the header did not pass every proxy; its left-most entry is the best we have
    pilihan = entri[-n] if len(entri) >= n else entri[0]
    return _alamat(pilihan) or remote
