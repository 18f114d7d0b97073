"""Issue 6 defect 7: GET /renja/9999/selisih/ and POST /renja/9999/tahap/baru/ gave a server error. Every URL
with an id answers 404 for an id that does not exist, for every method, also for ids past a 64-bit integer."""

import re

import pytest
from django.urls import get_resolver

from tests.organisasi.test_every_url_checked import walk

# Ids no database of the suite reaches (sequences on PostgreSQL keep growing across tests), and one that does
# not fit a BIGINT at all.
TIDAK_ADA = ("2147483647", "99999999999999999999")


def routes_with_params():
    for route, view in walk(get_resolver().url_patterns):
        if "<" in route:
            yield route, view


def missing_url(route: str, nomor: str) -> str:
    url = re.sub(r"<int:[a-z_]+>", nomor, route)
    url = re.sub(r"<str:[a-z_]+>", "tidak-ada-" + nomor, url)
    return "/" + re.sub(r"<path:[a-z_]+>", "9.99." + nomor, url)


def test_there_are_routes_to_walk():
    routes = [r for r, _ in routes_with_params()]
    assert "renja/<int:renja_id>/selisih/" in routes and "renja/<int:renja_id>/tahap/baru/" in routes


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("nomor", TIDAK_ADA)
def test_defect_7_missing_ids_are_404_for_every_url_and_method(client, users, method, nomor):
    """Defect 7: a global admin (sees every OPD) asks for objects that do not exist: 404, or 405 for a GET of
    a POST-only action, never 500."""
    client.raise_request_exception = False
    client.force_login(users["admin"])
    wrong = {}
    for route, _view in routes_with_params():
        url = missing_url(route, nomor)
        status = getattr(client, method)(url, {"version": 1, "jenis": "perubahan", "alasan": "x"}).status_code
        if status not in (404, 405) or (method == "post" and status == 405):
            wrong[url] = status
    assert wrong == {}


def test_the_two_urls_of_the_report(client, users):
    client.force_login(users["admin"])
    assert client.get("/renja/9999999/selisih/").status_code == 404
    assert client.post("/renja/9999999/tahap/baru/", {"jenis": "perubahan"}).status_code == 404
