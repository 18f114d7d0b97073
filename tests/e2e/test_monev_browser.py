"""The realisation journey in a real browser: an operator enters a TW value (Enter saves the cell) and submits;
the perencana returns it with a note; the operator sees the note in the notifications and resubmits."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_renja_browser import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def logout(page: Page) -> None:
    page.get_by_role("button", name="Keluar").click()
    expect(page).to_have_url(re.compile(r"/masuk/"))


def test_operator_submits_perencana_returns_operator_resubmits(page: Page, demo_live):
    from renja.organisasi.models import UnitKerja
    from renja.perencanaan.models import Renja

    base = demo_live.url
    renja = Renja.objects.get(tahun=2026, opd__kode="1.06.0.00.0.00.01.0000")
    rehsos = UnitKerja.objects.get(opd=renja.opd, kode="rehsos")
    grid = f"{base}/monev/{renja.pk}/tw/2/unit/{rehsos.pk}/"

    # 1. the operator types the TW II value of Penyediaan Permakanan and presses Enter, then submits (the demo's
    #    TW I is approved and locked; TW II is in draf)
    login(page, base, "operator.rehsos")
    page.locator("nav").get_by_role("link", name="Realisasi").click()
    page.get_by_role("link", name="2026", exact=True).click()  # the demo also holds the 2024 Renja
    expect(page.locator("h1")).to_contain_text("Realisasi Renja 2026")
    page.locator("tr[data-triwulan='2'] a.status-unit[data-unit='rehsos']").click()
    expect(page).to_have_url(grid)
    baris = page.locator("tbody[data-kode='1.06.04.2.01.0001']")
    cell = baris.get_by_label(re.compile(r"^Realisasi Jumlah"))
    cell.fill("450")
    cell.press("Enter")
    expect(page.locator("#data-contoh")).to_contain_text("Data contoh")
    # s.d. TW II = 414 (demo TW I) + 450 = 864 of 1.800 = 48,00%
    expect(baris.locator("td.num", has_text="48,00%")).to_be_visible()
    expect(baris.get_by_label(re.compile(r"^Realisasi Jumlah"))).to_have_value("450")
    expect(baris.get_by_label(re.compile(r"^Realisasi Jumlah"))).to_be_focused()  # focus stays for Tab
    page.keyboard.press("Tab")
    expect(baris.get_by_label(re.compile(r"^Realisasi keuangan PAD"))).to_be_focused()
    page.get_by_role("button", name="Ajukan untuk diverifikasi").click()
    expect(page.locator("#status-unit")).to_have_text("Diajukan")
    logout(page)

    # 2. the perencana returns it with a note
    login(page, base, "perencana")
    page.goto(grid)
    expect(page.locator("#status-unit")).to_have_text("Diajukan")
    page.get_by_label("Catatan pengembalian").fill("Lampirkan daftar penerima permakanan TW II.")
    page.get_by_role("button", name="Kembalikan dengan catatan").click()
    expect(page.locator("#status-unit")).to_have_text("Dikembalikan")
    logout(page)

    # 3. the operator sees the note in the notifications and resubmits
    login(page, base, "operator.rehsos")
    expect(page.locator("#notifikasi-belum-dibaca")).to_have_text("1")
    page.locator("#notifikasi-link").click()
    item = page.locator(".notifikasi-item", has_text="dikembalikan")
    expect(item).to_contain_text("Catatan: Lampirkan daftar penerima permakanan TW II.")
    item.get_by_role("button", name="Buka").click()
    expect(page).to_have_url(grid)
    expect(page.locator("#catatan-pengembalian")).to_contain_text("Lampirkan daftar penerima permakanan TW II.")
    expect(page.locator("#notifikasi-belum-dibaca")).to_have_count(0)
    page.get_by_role("button", name="Ajukan untuk diverifikasi").click()
    expect(page.locator("#status-unit")).to_have_text("Diajukan")


def test_stale_cell_keeps_the_typed_value(page: Page, demo_live):
    """Two tabs: the second save of the same cell is refused with a message and the typed value stays."""
    from renja.organisasi.models import UnitKerja
    from renja.perencanaan.models import Renja

    base = demo_live.url
    renja = Renja.objects.get(tahun=2026, opd__kode="1.06.0.00.0.00.01.0000")
    rehsos = UnitKerja.objects.get(opd=renja.opd, kode="rehsos")
    grid = f"{base}/monev/{renja.pk}/tw/2/unit/{rehsos.pk}/"
    login(page, base, "operator.rehsos")
    page.goto(grid)
    other = page.context.new_page()
    other.goto(grid)
    for p, value in ((other, "100"), (page, "120")):
        cell = p.locator("tbody[data-kode='1.06.04.2.01.0002']").get_by_label(re.compile(r"^Realisasi Jumlah"))
        cell.fill(value)
        cell.press("Enter")
    baris = page.locator("tbody[data-kode='1.06.04.2.01.0002']")
    expect(baris.get_by_role("alert")).to_contain_text("tersimpan sekarang: 100")
    expect(baris.get_by_label(re.compile(r"^Realisasi Jumlah"))).to_have_value("120")
