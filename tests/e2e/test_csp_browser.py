"""Issue 6 defect 11 (CSP half): the app's own pages work under the Content-Security-Policy in a real browser.

htmx swaps (unit filter, nomenclature search), the confirm dialogs that used to be inline onsubmit handlers and
the lockout message on the login page, with no CSP violation reported by Chromium."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_renja_browser import login, open_renja_2026

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pelanggaran_csp(page: Page):
    """Every console message in which Chromium reports a blocked resource or inline code."""
    found: list[str] = []
    page.on("console", lambda msg: found.append(msg.text) if "Content Security Policy" in msg.text else None)
    return found


def test_htmx_and_confirm_dialogs_work_under_csp(page: Page, demo_live, pelanggaran_csp):
    base = demo_live.url
    login(page, base, "perencana")
    open_renja_2026(page)
    expect(page.locator("#total-pagu")).to_have_text("Rp 26.736.518.416")
    # htmx swap: the unit filter replaces the tree
    page.locator("#pilih-unit").select_option(label="Bidang Rehabilitasi Sosial")
    expect(page.locator("#total-pagu")).to_have_text("Rp 4.962.840.000")
    # confirm dialog from static JS: dismissing it keeps the row
    page.locator("tr[data-kode='1.06.04.2.01.0001']").get_by_role("link", name="Ubah").click()
    dialogs: list[str] = []

    def dismiss(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.get_by_role("button", name="Hapus sub kegiatan ini").click()
    expect(page.locator("h1")).to_contain_text("Ubah sub kegiatan 1.06.04.2.01.0001")
    assert dialogs == ["Hapus sub kegiatan 1.06.04.2.01.0001 dari tahap ini?"]
    # htmx search in the nomenclature list
    page.goto(f"{base}/nomenklatur/")
    page.locator("#id_q").fill("permakanan")
    expect(page.locator("#hasil")).to_contain_text("1.06.04.2.01.0001")
    assert pelanggaran_csp == []


def test_lockout_message_under_csp(page: Page, demo_live, pelanggaran_csp):
    base = demo_live.url
    for _ in range(5):
        page.goto(f"{base}/masuk/")
        page.get_by_label("Nama pengguna").fill("pimpinan")
        page.get_by_label("Kata sandi").fill("salah")
        page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("alert")).to_contain_text("Terlalu banyak percobaan masuk yang gagal")
    assert pelanggaran_csp == []
