"""An installation admin sets up a Pemda in a real browser; the new user changes the one-time password."""

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def login(page: Page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()


def test_admin_sets_up_kota_contoh_and_the_new_user_changes_password(page: Page, demo_live):
    from renja.organisasi import services
    from renja.organisasi.models import Peran

    root = services.user_create(actor=None, username="root", password=TEST_PASSWORD, nama_lengkap="Admin Instalasi")
    services.peran_assign(actor=None, user=root, peran=Peran.ADMIN, system=True)
    base = demo_live.url
    login(page, base, "root", TEST_PASSWORD)
    page.get_by_role("link", name="Administrasi").click()
    page.get_by_role("link", name="Tambah Pemda").click()
    page.get_by_label("Kode wilayah").fill("32.99")
    page.get_by_label("Nama resmi").fill("Kota Contoh")
    page.get_by_label("Jenis").select_option("kota")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("status")).to_contain_text("Kota Contoh (32.99) dibuat.")
    page.get_by_role("link", name="Tambah perangkat daerah").click()
    page.get_by_label("Kode unit SIPD").fill("1.01.0.00.0.00.01")
    page.get_by_label("Nama perangkat daerah").fill("Dinas Pendidikan")
    page.get_by_label("Nama kepala").fill("Dra. Siti Aminah, M.Pd.")
    page.get_by_label("NIP").fill("19700101 199503 2 001")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("alert").first).to_contain_text("harus 8 bagian dipisah titik, tertulis 7")
    page.get_by_label("Kode unit SIPD").fill("1.01.0.00.0.00.01.0000")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("status")).to_contain_text("Dinas Pendidikan dibuat (bidang urusan 1.01).")
    expect(page.locator(".card")).to_contain_text("19700101 199503 2 001")
    for kode, nama in (("sekretariat", "Sekretariat"), ("paud", "Bidang PAUD")):
        page.get_by_role("link", name="Tambah unit kerja").click()
        page.get_by_label("Kode unit").fill(kode)
        page.get_by_label("Nama unit").fill(nama)
        page.get_by_role("button", name="Simpan").click()
    # reorder through htmx: Bidang PAUD up, without a page load
    page.locator("#tabel-unit tr", has_text="Bidang PAUD").get_by_role("button", name="naik").click()
    expect(page.locator("#tabel-unit tbody tr").first).to_contain_text("Bidang PAUD")
    page.get_by_role("link", name="Tambah pengguna").click()
    page.get_by_label("Nama pengguna").fill("rina")
    page.get_by_label("Nama lengkap").fill("Rina Perencana")
    page.get_by_label("Peran").select_option("perencana")
    page.get_by_role("button", name="Simpan").click()
    sandi = page.locator("#sandi-sekali").inner_text()
    page.get_by_role("button", name="Keluar").click()
    login(page, base, "rina", sandi)
    expect(page.locator("h1")).to_have_text("Ganti kata sandi")
    page.get_by_label("Kata sandi lama").fill(sandi)
    page.get_by_label("Kata sandi baru", exact=True).fill("Contoh-Renja-2027")
    page.get_by_label("Ulangi kata sandi baru").fill("Contoh-Renja-2027")
    page.get_by_role("button", name="Simpan kata sandi").click()
    expect(page.get_by_role("status")).to_contain_text("Kata sandi Anda sudah diganti.")
