"""Every URL says how it is guarded (renja.organisasi.access.public or login_required), and every guarded
view refuses an anonymous visitor."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from renja.organisasi.access import ROLE_MARK


def walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p.callback


def test_every_view_has_an_access_mark():
    unguarded = [route for route, view in walk(get_resolver().url_patterns) if not getattr(view, ROLE_MARK, None)]
    assert unguarded == []


def sample_url(route: str) -> str:
    url = re.sub(r"<int:[a-z_]+>", "1", route)
    url = url.replace("<str:versi>", "2027")
    return "/" + re.sub(r"<(str|path):[a-z_]+>", "1.06", url)


@pytest.mark.django_db
def test_guarded_views_send_anonymous_to_login(client):
    for route, view in walk(get_resolver().url_patterns):
        if getattr(view, ROLE_MARK) != "login":
            continue
        url = sample_url(route)
        response = client.get(url)
        assert response.status_code in (302, 405), url
        if response.status_code == 302:
            assert response["Location"].startswith("/masuk/"), url
