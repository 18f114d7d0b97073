"""Issue 10's first acceptance journey, the authoring half, in Debian's chromium: the perencana of Dinas
Pendidikan Kota Contoh (1.01.0.00.0.00.01.0000) writes a Renstra (one tujuan, one sasaran, two IKU, a program
with a kegiatan), creates Renja 2027 from it, adds programs, kegiatan and 5 sub kegiatan picked from the
nomenclature with targets and pagu, and submits; the pimpinan sets it; the page's total is what
`renja export renja --tahun 2027 --opd 1.01.0.00.0.00.01.0000 --format json` gives.

The organisation (Pemda, OPD, units, users, roles) is made here through the organisasi services; once the
administration pages and `renja siapkan` (issue 10 Build 1-2) are on main, the journey starts from those."""

import io
import json

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tests.conftest import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

OPD = "1.01.0.00.0.00.01.0000"
# (kegiatan, sub kegiatan, target, satuan, pagu): 150.000.000 + 2.500.000.000 + 400.000.000 + 1.250.000.000
# + 3.000.000.000 = 7.300.000.000
SUB = [
    ("1.01.01.2.01", "1.01.01.2.01.0001", "4", "Dokumen", "150.000.000"),
    ("1.01.02.2.01", "1.01.02.2.01.0001", "2", "Unit", "2.500.000.000"),
    ("1.01.02.2.01", "1.01.02.2.01.0014", "40", "Paket", "400.000.000"),
    ("1.01.02.2.01", "1.01.02.2.01.0026", "120", "Orang", "1.250.000.000"),
    ("1.01.02.2.02", "1.01.02.2.02.0001", "1", "Unit", "3.000.000.000"),
]


@pytest.fixture
def kota_contoh(transactional_db, live_server):
    from renja.nomenklatur.models import Nomenklatur
    from renja.nomenklatur.services import nomenklatur_load
    from renja.organisasi import services as org
    from renja.organisasi.models import Pemda, PerangkatDaerah
    from renja.perencanaan.models import SumberDana

    if not Nomenklatur.objects.exists():
        nomenklatur_load()
    SumberDana.objects.get_or_create(kode="PAD", defaults={"nama": "Pendapatan Asli Daerah (PAD)"})
    pemda = Pemda.objects.create(kode="99.71", nama="Kota Contoh", jenis="kota")
    opd = PerangkatDaerah.objects.create(pemda=pemda, kode=OPD, nama="Dinas Pendidikan", bidang_urusan="1.01")
    org.unit_upsert(actor=None, opd=opd, kode="sekretariat", nama="Sekretariat", urutan=0)
    org.unit_upsert(actor=None, opd=opd, kode="sd", nama="Bidang Pembinaan SD", urutan=1)
    for username, peran in (("perencana.dikbud", "perencana"), ("kepala.dikbud", "pimpinan")):
        user = org.user_create(actor=None, username=username, password=TEST_PASSWORD, nama_lengkap=username)
        org.peran_assign(actor=None, user=user, peran=peran, opd=opd)
    return live_server


def login(page: Page, base: str, username: str, password: str = TEST_PASSWORD) -> None:
    page.goto(f"{base}/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()


def simpan(page: Page) -> None:
    page.get_by_role("button", name="Simpan", exact=True).click()


def test_renstra_lalu_renja_2027_sampai_ditetapkan(page: Page, kota_contoh):
    base = kota_contoh.url
    page.on("dialog", lambda dialog: dialog.accept())
    login(page, base, "perencana.dikbud")
    susun_renstra_dan_renja_2027(page, base)
    page.get_by_role("button", name="Keluar").click()
    login(page, base, "kepala.dikbud")
    tetapkan_dan_periksa_ekspor(page, base)


def susun_renstra_dan_renja_2027(page: Page, base: str) -> None:
    """The perencana's part: Renstra 2025-2029, Renja 2027 from it, programs, kegiatan, 5 sub kegiatan, submit."""
    page.goto(f"{base}/renja/")
    expect(page.locator("h1")).to_have_text("Rencana Kerja (Renja)")

    # --- Renstra 2025-2029 ---
    page.get_by_role("link", name="Renstra", exact=True).click()
    page.get_by_role("link", name="Renstra baru").click()
    page.get_by_label("Tahun awal").fill("2025")
    page.get_by_label("Tahun akhir").fill("2029")
    simpan(page)
    expect(page.locator("h1")).to_contain_text("Renstra Dinas Pendidikan Kota Contoh 2025–2029")
    page.get_by_role("link", name="Tambah tujuan").click()
    page.get_by_label("Kode").fill("T1")
    page.get_by_label("Uraian").fill("Meningkatnya akses dan mutu pendidikan dasar")
    simpan(page)
    page.locator("tr[data-kode='T1']").get_by_role("link", name="Tambah sasaran").click()
    page.get_by_label("Kode").fill("S1")
    page.get_by_label("Uraian").fill("Meningkatnya angka partisipasi sekolah dasar")
    simpan(page)
    for kode, uraian, awal, targets in (
        ("S1", "Angka Partisipasi Murni SD", "95", ["95,5", "96", "96,5", "97", "97,5"]),
        ("T1", "Rata-rata lama sekolah", "10,2", ["10,3", "10,4", "10,5", "10,6", "10,7"]),
    ):
        page.locator(f"tr[data-kode='{kode}']").get_by_role("link", name="Tambah indikator").click()
        page.get_by_label("Indikator").fill(uraian)
        page.get_by_label("Satuan").fill("%" if kode == "S1" else "Tahun")
        page.get_by_label("Kondisi awal (baseline)").fill(awal)
        for tahun, target in zip(range(2025, 2030), targets, strict=True):
            page.get_by_label(f"Target {tahun}").fill(target)
        simpan(page)
    expect(page.locator("#renstra-iku")).to_contain_text("Angka Partisipasi Murni SD")
    expect(page.locator("#renstra-iku")).to_contain_text("97,5")

    page.get_by_role("link", name="Tambah program").click()
    kode = page.get_by_label("Kode")
    kode.fill("1.01.0")  # search as you type: the OPD's programs, the support programme written 1.01.01
    expect(page.locator("#kode-pilihan option[value='1.01.01']")).to_have_count(1)
    expect(page.locator("#kode-pilihan option[value='1.06.04']")).to_have_count(0)
    kode.fill("1.01.01")
    simpan(page)
    page.locator("tr[data-kode='1.01.01']").get_by_role("link", name="Tambah kegiatan").click()
    page.get_by_label("Kode").fill("1.01.01.2.01")
    page.get_by_label("Pagu indikatif 2027 (Rp)").fill("150.000.000")
    simpan(page)
    expect(page.locator("#renstra-program tr[data-kode='1.01.01']")).to_contain_text("Rp 150.000.000")

    # --- Renja 2027 from the Renstra ---
    page.goto(f"{base}/renja/")
    page.get_by_role("link", name="Renja baru").click()
    page.get_by_label("Tahun", exact=True).fill("2027")
    page.get_by_label("Dari program dan kegiatan Renstra tahun itu").check()
    page.get_by_label("Renstra", exact=True).select_option(index=1)
    page.get_by_role("button", name="Buat Renja").click()
    expect(page.locator("h1")).to_contain_text("Renja 2027 — Dinas Pendidikan Kota Contoh")
    expect(page.locator("tr[data-kode='1.01.01.2.01']")).to_contain_text("pagu indikatif Rp 150.000.000")

    page.get_by_role("link", name="Tambah program").click()
    page.get_by_label("Kode").fill("1.01.02")
    page.locator("#id_indikator-0-uraian").fill("Angka Partisipasi Murni SD")
    page.locator("#id_indikator-0-target").fill("97")
    page.locator("#id_indikator-0-satuan").fill("%")
    simpan(page)
    for kegiatan in ("1.01.02.2.01", "1.01.02.2.02"):
        page.locator("tr[data-kode='1.01.02']").get_by_role("link", name="Tambah kegiatan").click()
        page.get_by_label("Kode").fill(kegiatan)
        simpan(page)
        expect(page.locator(f"tr[data-kode='{kegiatan}']")).to_be_visible()

    for kegiatan, sub, target, satuan, pagu in SUB:
        page.locator(f"tr[data-kode='{kegiatan}']").get_by_role("link", name="Tambah sub").click()
        page.get_by_label("Kode").fill(sub)
        page.get_by_label("Unit penanggung jawab").select_option(label="Bidang Pembinaan SD")
        page.locator("#id_indikator-0-uraian").fill(f"Capaian {sub}")
        page.locator("#id_indikator-0-target").fill(target)
        page.locator("#id_indikator-0-satuan").fill(satuan)
        page.locator("#id_pagu-0-sumber_dana").select_option("PAD")
        page.locator("#id_pagu-0-jumlah").fill(pagu)
        simpan(page)
        expect(page.get_by_role("status")).to_contain_text(f"Sub kegiatan {sub} ditambahkan.")
    expect(page.locator("#total-pagu")).to_have_text("Rp 7.300.000.000")
    page.get_by_role("button", name="Ajukan").click()
    expect(page.locator("#status-tahap")).to_have_text("Diajukan")


def tetapkan_dan_periksa_ekspor(page: Page, base: str) -> None:
    """The pimpinan's part: set the submitted Renja 2027; the page's totals are the export's."""
    page.goto(f"{base}/renja/")
    page.get_by_role("button", name="Tetapkan").click()
    expect(page.locator("#status-tahap")).to_have_text("Ditetapkan (terkunci)")
    expect(page.locator("#total-pagu")).to_have_text("Rp 7.300.000.000")
    expect(page.get_by_role("link", name="Tambah program")).to_have_count(0)

    out = io.StringIO()
    call_command("renja_export", "renja", "--tahun", "2027", "--opd", OPD, "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["tahap"]["status"] == "ditetapkan"
    assert data["total"]["pagu"] == 7_300_000_000
    assert data["total"]["program"] == {"1.01.01": 150_000_000, "1.01.02": 7_150_000_000}
    assert (
        data["total"]["jumlah_program"],
        data["total"]["jumlah_kegiatan"],
        data["total"]["jumlah_sub_kegiatan"],
    ) == (
        2,
        3,
        5,
    )


# --- the whole journey, from `renja siapkan` on an empty database (needs the administration pages) --------


def _ada_administrasi() -> bool:
    from django.core.management import get_commands

    return "renja_siapkan" in get_commands()


@pytest.mark.skipif(
    not _ada_administrasi(), reason="renja siapkan dan halaman administrasi (issue 10 Build 1-2) belum ada"
)
def test_jalur_penuh_dari_renja_siapkan(page: Page, transactional_db, live_server):
    """Issue 10, first acceptance point: empty database (RENJA_DEMO=0) after `renja siapkan`; the admin adds
    Dinas Pendidikan with two units and three users with roles; the perencana logs in (changing the one-time
    password), writes the Renstra, Renja 2027 from it, 2 programs, 3 kegiatan, 5 sub kegiatan, submits; the
    pimpinan (also changing the one-time password) sets it; the page's total is the export's."""
    import importlib

    from renja.perencanaan.models import SumberDana

    call_command("flush", interactive=False, verbosity=0)  # the session's demo data: gone, as on a new install
    # a fresh install has the sumber dana its migration seeds; flush emptied them
    for kode, nama in importlib.import_module("renja.perencanaan.migrations.0006_sumber_dana_bawaan").SUMBER_DANA:
        SumberDana.objects.create(kode=kode, nama=nama)
    out = io.StringIO()
    call_command(
        "renja_siapkan",
        "--admin",
        "root",
        "--sandi",
        TEST_PASSWORD,
        "--pemda-kode",
        "32.99",
        "--pemda-nama",
        "Kota Contoh",
        "--no-input",
        stdout=out,
    )
    assert "Instalasi siap." in out.getvalue()
    base = live_server.url
    page.on("dialog", lambda dialog: dialog.accept())

    # --- the admin: OPD, units, users and roles ---
    login(page, base, "root")
    page.get_by_role("link", name="Administrasi").click()
    page.get_by_role("link", name="Kota Contoh").click()
    page.get_by_role("link", name="Tambah perangkat daerah").click()
    page.get_by_label("Kode unit SIPD").fill(OPD)
    page.get_by_label("Nama perangkat daerah").fill("Dinas Pendidikan")
    page.get_by_label("Nama kepala").fill("Dra. Siti Aminah, M.Pd.")
    page.get_by_label("NIP").fill("19700101 199503 2 001")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("status")).to_contain_text("Dinas Pendidikan dibuat (bidang urusan 1.01).")
    opd_url = page.url
    for kode, nama in (("sekretariat", "Sekretariat"), ("sd", "Bidang Pembinaan SD")):
        page.get_by_role("link", name="Tambah unit kerja").click()
        page.get_by_label("Kode unit").fill(kode)
        page.get_by_label("Nama unit").fill(nama)
        page.get_by_role("button", name="Simpan").click()
    sandi = {}
    for username, nama, peran in (
        ("perencana.dikbud", "Rina Perencana", "perencana"),
        ("kepala.dikbud", "Siti Aminah", "pimpinan"),
        ("operator.sd", "Budi Operator", "operator"),
    ):
        page.goto(opd_url)
        page.get_by_role("link", name="Tambah pengguna").click()
        page.get_by_label("Nama pengguna").fill(username)
        page.get_by_label("Nama lengkap").fill(nama)
        page.get_by_label("Peran").select_option(peran)
        if peran == "operator":
            page.get_by_label("Unit (untuk operator)").select_option(label="Bidang Pembinaan SD")
        page.get_by_role("button", name="Simpan").click()
        sandi[username] = page.locator("#sandi-sekali").inner_text()
    page.get_by_role("button", name="Keluar").click()

    # --- the perencana ---
    ganti_sandi(page, base, "perencana.dikbud", sandi["perencana.dikbud"])
    susun_renstra_dan_renja_2027(page, base)
    page.get_by_role("button", name="Keluar").click()

    # --- the pimpinan ---
    ganti_sandi(page, base, "kepala.dikbud", sandi["kepala.dikbud"])
    tetapkan_dan_periksa_ekspor(page, base)


def ganti_sandi(page: Page, base: str, username: str, sekali: str) -> None:
    login(page, base, username, sekali)
    expect(page.locator("h1")).to_have_text("Ganti kata sandi")
    page.get_by_label("Kata sandi lama").fill(sekali)
    page.get_by_label("Kata sandi baru", exact=True).fill("Contoh-Renja-2027")
    page.get_by_label("Ulangi kata sandi baru").fill("Contoh-Renja-2027")
    page.get_by_role("button", name="Simpan kata sandi").click()
    expect(page.get_by_role("status")).to_contain_text("Kata sandi Anda sudah diganti.")
