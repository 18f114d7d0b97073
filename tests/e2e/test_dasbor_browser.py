"""The OPD dashboard in Debian's chromium: an operator's home page; Chart.js (from the project's static files) draws
every chart, no console error and no Content-Security-Policy violation; the tables under the charts are there."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_renja_browser import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_operator_home_is_the_dashboard_with_charts(page: Page, demo_live):
    galat = []
    gagal = []
    page.on(
        "response", lambda r: gagal.append(r.url) if r.status >= 400 and not r.url.endswith("/favicon.ico") else None
    )
    # a missing resource shows up in `gagal` with its address (the browser's own favicon request is not ours)
    page.on(
        "console",
        lambda m: galat.append(m.text) if m.type == "error" and "Failed to load resource" not in m.text else None,
    )
    page.on("pageerror", lambda e: galat.append(str(e)))
    page.add_init_script(
        "window.__csp = [];"
        "document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective));"
    )
    login(page, demo_live.url, "operator.rehsos")
    expect(page.locator("h1")).to_contain_text("Dasbor — Dinas Sosial 2026")
    for nama in ("program", "unit", "predikat", "lampu"):
        expect(page.locator(f"#grafik-{nama}")).to_be_visible()
        assert page.evaluate(f"() => !!Chart.getChart(document.getElementById('grafik-{nama}'))"), nama
    expect(page.locator("#tabel-program caption")).to_contain_text("Pagu dan realisasi per program")
    assert page.evaluate("() => window.__csp") == []
    assert galat == [] and gagal == []
