"""A planner's journey in a real browser: log in, open Renja 2026, edit a target, see it saved."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def open_renja_2026(page: Page) -> None:
    # A user of one OPD lands on its dashboard (issue 11), which links to the Renja list; the demo holds Renja 2026
    # and Renja 2024 of the same dinas, so the list shows both.
    expect(page.locator("h1")).to_contain_text("Dasbor — Dinas Sosial 2026")
    page.locator("#tautan-renja").get_by_role("link", name="Daftar Renja").click()
    expect(page.locator("h1")).to_contain_text("Rencana Kerja (Renja)")
    page.get_by_role("link", name="2026", exact=True).click()


def test_perencana_edits_a_target(page: Page, demo_live):
    base = demo_live.url
    login(page, base, "perencana")
    open_renja_2026(page)
    expect(page.locator("h1")).to_contain_text("Renja 2026 — Dinas Sosial")
    expect(page.locator("#total-pagu")).to_have_text("Rp 26.736.518.416")
    row = page.locator("tr[data-kode='1.06.04.2.01.0001']")
    expect(row.locator(".target")).to_have_text("500")
    row.get_by_role("link", name="Ubah").click()
    expect(page.locator("h1")).to_contain_text("Ubah sub kegiatan 1.06.04.2.01.0001")
    page.locator("#id_indikator-0-target").fill("-5")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("alert").first).to_contain_text("tidak boleh negatif")
    page.locator("#id_indikator-0-target").fill("1.250")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("status")).to_contain_text("Sub kegiatan 1.06.04.2.01.0001 disimpan.")
    expect(page.locator("tr[data-kode='1.06.04.2.01.0001'] .target")).to_have_text("1.250")
    # the total is unchanged: only the target moved
    expect(page.locator("#total-pagu")).to_have_text("Rp 26.736.518.416")


def test_unit_filter_and_stage_switch(page: Page, demo_live):
    base = demo_live.url
    login(page, base, "pemeriksa")
    open_renja_2026(page)
    page.locator("#pilih-unit").select_option(label="Bidang Rehabilitasi Sosial")
    expect(page.locator("#total-pagu")).to_have_text("Rp 4.962.840.000")
    expect(page).to_have_url(re.compile(r"unit=\d+"))
    page.locator("#pilih-tahap").select_option(label="Rancangan Akhir RKPD (Ditetapkan (terkunci))")
    expect(page.locator("#status-tahap")).to_have_text("Ditetapkan (terkunci)")
    expect(page.locator("tr[data-kode='1.06.04.2.01.0001'] .target")).to_have_text("1.800")
    expect(page.get_by_role("link", name="Ubah")).to_have_count(0)
