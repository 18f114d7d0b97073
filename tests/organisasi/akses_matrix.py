"""The access matrix: every URL x method x identity with its expected outcome.

One table drives two things, so they cannot drift apart:
  - tests/organisasi/test_akses_matrix.py requests every cell and compares the outcome, and fails when a URL
    pattern of the project has no GET row or no POST row here;
  - docs/akses.md is generated from it (a test fails when the file differs). After changing the table run

        .venv/bin/python -m tests.organisasi.akses_matrix

    to rewrite docs/akses.md.

Adding a page
-------------
Add one `Row` per URL name and method (GET and POST, both required) to `ROWS` below:

    Row("app:name", "GET", kw_renja, expect(OK, anonymous=LOGIN, other_opd=FORBIDDEN, other_pemda=FORBIDDEN)),

  - `kwargs(d)` builds the URL kwargs from the demo objects `d` (class `Demo`: renja, tahap, row, ...);
    reuse kw_renja, kw_tahap, kw_row, kw_kegiatan or write a lambda.
  - `expect(default, **others)` gives every identity the outcome `default` except those named; the test checks that
    each row names an outcome for every identity in IDENTITIES.
  - `data(d)` (optional) is the POST body; `prepare(d)` (optional) puts the demo in the state the row needs
    (e.g. a submitted tahap) before the identities are tried. Every identity is tried in its own savepoint,
    rolled back afterwards, so one identity's successful POST does not change what the next one sees.
  - `query(d)` (optional) is the query string (a form that needs ?sasaran=<id>, say).
  - `alasan` (optional) is a regular expression every REFUSED cell's error message must match, so a refusal is
    known to come from the access check and not from the object's state (say "Anda").
  - `note` (optional) is one line for docs/akses.md: why a cell is what it is.
  - A URL without rows makes test_every_url_has_a_get_and_a_post_row fail and print draft rows with the
    outcomes the code gives today (kwargs guessed from their names, see GUESS_KWARGS). Check every cell against
    what the page should do before pasting: the draft records behaviour, it does not judge it.
  - `variant` (optional) names a further row for the same URL and method with other kwargs, such as an id that
    does not exist (404) or an object of the wrong kind.

Adding an identity (say an admin of a whole Pemda): add it to IDENTITIES and SHORT and give it a user in the
`demo` fixture of test_akses_matrix.py; every row then gives it its default outcome, and each row where that is
wrong fails showing what was observed.

Outcomes: OK (200), FORM (400: the form came back with errors, so the access check passed), FORBIDDEN (403),
NOT_FOUND (404), NOT_ALLOWED (405), LOGIN (302 to the login page), REDIRECT (302 elsewhere, no error message: done),
REFUSED (302 with an error message: the action was refused and nothing changed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# --- identities -----------------------------------------------------------------------------------------

IDENTITIES: dict[str, str] = {
    "admin_global": "admin global (tanpa OPD)",
    "admin_opd": "admin OPD (Dinas Sosial)",
    "perencana": "perencana",
    "operator_unit": "operator unit baris (Rehsos)",
    "operator_other": "operator unit lain (Linjamsos)",
    "pimpinan": "pimpinan",
    "pemeriksa": "pemeriksa",
    "other_opd": "perencana OPD lain (Dinas Kesehatan Kota Bekasi)",
    "other_pemda": "admin OPD di Pemda lain (Dinas Sosial Kabupaten Bekasi)",
    "anonymous": "belum masuk",
}

# --- outcomes -------------------------------------------------------------------------------------------

OK = "200"
FORM = "400"
FORBIDDEN = "403"
NOT_FOUND = "404"
NOT_ALLOWED = "405"
LOGIN = "302 masuk"
REDIRECT = "302"
REFUSED = "302 ditolak"

MEANING = {
    OK: "halaman tampil",
    FORM: "formulir kembali dengan pesan galat (pemeriksaan akses lolos, isian ditolak)",
    FORBIDDEN: "ditolak: halaman 403 dengan pesan",
    NOT_FOUND: "tidak ditemukan",
    NOT_ALLOWED: "metode tidak diizinkan",
    LOGIN: "dialihkan ke halaman masuk",
    REDIRECT: "dialihkan setelah berhasil (atau ke halaman tujuan)",
    REFUSED: "dialihkan dengan pesan galat: tindakan ditolak, tidak ada yang berubah",
}


def expect(default: str, **others: str) -> dict[str, str]:
    unknown = set(others) - set(IDENTITIES)
    if unknown:
        raise KeyError(f"identitas tidak dikenal: {sorted(unknown)}")
    return {ident: others.get(ident, default) for ident in IDENTITIES}


# The common shapes: what any reader of the OPD gets, and what its writers get.
READ_OPD = dict(anonymous=LOGIN, other_opd=FORBIDDEN, other_pemda=FORBIDDEN)
POST_ONLY = expect(NOT_ALLOWED)  # require_POST answers 405 before anything else, even to the anonymous


# --- demo objects ---------------------------------------------------------------------------------------


@dataclass
class Demo:
    """The objects URL kwargs are built from: the seed's Renja 2026 of Dinas Sosial Kota Bekasi."""

    renja: Any
    tahap: Any  # Rancangan Akhir, draft: the stage being edited
    tahap_terkunci: Any  # Rancangan Akhir RKPD, ditetapkan
    row: Any  # sub kegiatan 1.06.04.2.01.0001 of Bidang Rehsos in `tahap`
    kegiatan: Any  # its kegiatan 1.06.04.2.01
    renstra: Any
    users: dict[str, Any] = field(default_factory=dict)
    tujuan: Any = None  # the first tujuan of `renstra`
    sasaran: Any = None  # its first sasaran
    program: Any = None  # the first program of `renstra`
    indikator: Any = None  # the first indikator of `renstra`
    penugasan: Any = None  # the role assignment of operator_unit (operator Rehsos)
    berkas: Any = None  # a DokumenBerkas of `tahap`, made by the rows that need one
    row_berlaku: Any = None  # 1.06.04.2.01.0001 in `tahap_terkunci`, the stage in force: realisation lives there
    # made by a row's `prepare` when the demo has none: an evidence file, a pending row
    bukti: Any = None
    tertunda: Any = None


def kw_renja(d: Demo) -> dict:
    return {"renja_id": d.renja.pk}


def kw_tahap(d: Demo) -> dict:
    return {"tahap_id": d.tahap.pk}


def kw_row(d: Demo) -> dict:
    return {"row_id": d.row.pk}


def kw_kegiatan(d: Demo) -> dict:
    return {"parent_id": d.kegiatan.pk}


def kw_none(d: Demo) -> dict:
    return {}


MISSING_ID = 987654321  # an id no demo object has

# URL kwargs by name, for the draft rows the coverage test prints for a URL that has none yet
GUESS_KWARGS: dict[str, str] = {
    "renja_id": "d.renja.pk",
    "tahap_id": "d.tahap.pk",
    "row_id": "d.row.pk",
    "parent_id": "d.kegiatan.pk",
    "renstra_id": "d.renstra.pk",
    "opd_id": "d.renja.opd_id",
    "unit_id": "d.row.unit_id",
    "pemda_id": "d.renja.opd.pemda_id",
    "user_id": 'd.users["operator_unit"].pk',
    "tahun": "d.renja.tahun",
    "tw": "1",
    "triwulan": "1",
    "tujuan_id": "d.tujuan.pk",
    "sasaran_id": "d.sasaran.pk",
    "program_id": "(d.program.pk if d.program else MISSING_ID)",  # the demo Renstra has no programme table
    "indikator_id": "d.indikator.pk",
    "penugasan_id": "d.penugasan.pk",
    # no demo object yet (a pending row, an uploaded proof): the draft shows the 404 of a missing id
    "tertunda_id": "MISSING_ID",
    "bukti_id": "MISSING_ID",
    "item_id": "MISSING_ID",
    "berkas_id": "d.berkas.pk",
}


def _submit_tahap(d: Demo) -> None:
    from renja.perencanaan import services

    services.tahap_submit(actor=d.users["admin_opd"], tahap=d.tahap)


def _lock_tahap(d: Demo) -> None:
    from renja.perencanaan import services

    _submit_tahap(d)
    services.tahap_tetapkan(actor=d.users["admin_opd"], tahap=d.tahap)


def _edit_form(d: Demo) -> dict:
    from tests.perencanaan.test_edit_access import form_data

    return form_data(d.row, **{"indikator-0-target": "650"})


def _new_form(d: Demo) -> dict:
    from tests.perencanaan.test_add_delete_http import new_form

    return new_form(unit=d.row.unit_id)


def kw_tabel_tc29(d: Demo) -> dict:
    return {"tahap_id": d.tahap.pk, "kode": "T-C.29"}


def kw_berkas(d: Demo) -> dict:
    return {"berkas_id": d.berkas.pk}


def _berkas_gagal(d: Demo) -> None:
    """A document request of the stage whose build failed: its page opens, its download does not (no file)."""
    from renja.dokumen.models import DokumenBerkas, StatusBerkas

    d.berkas = DokumenBerkas.objects.create(
        tahap=d.tahap, format="docx", status=StatusBerkas.GAGAL, pesan="uji", ttd_nama="X", ttd_jabatan="Kepala"
    )


def _usulan_buat(d: Demo) -> None:
    """The demo has no proposal (seed: none received): one for the usulan pages to work on."""
    from renja.perencanaan import services

    services.usulan_create(
        actor=d.users["admin_opd"],
        renja=d.renja,
        data=services.UsulanInput(sumber="musrenbang", pengusul="Kelurahan Margahayu", uraian="Permakanan lansia"),
    )


def kw_usulan(d: Demo) -> dict:
    from renja.perencanaan.models import Usulan

    return {"usulan_id": Usulan.objects.filter(renja=d.renja).latest("pk").pk}


def kw_bagian(d: Demo, tahap: str = "tahap") -> dict:
    from renja.perencanaan.models import NarasiBagian

    return {"bagian_id": NarasiBagian.objects.get(tahap=getattr(d, tahap), kode="1.3").pk}


def _narasi_form(d: Demo) -> dict:
    from renja.perencanaan.models import NarasiBagian

    b = NarasiBagian.objects.get(tahap=d.tahap, kode="1.3")
    return {"version": b.version, "teks": "Renja tahun {{tahun}}.", "aksi": "simpan"}
def kw_opd(d: Demo) -> dict:
    return {"opd_id": d.renja.opd_id}


def ikm_demo(d: Demo, *, responden: bool = False):
    """A layanan, an open period (a week either side of today) with its questionnaire, one extra question and
    the public link, in Dinas Sosial, made through the services (found again when they exist). `responden`: the
    period has one response, so its questionnaire is frozen."""
    import datetime
    from types import SimpleNamespace

    from django.utils import timezone

    from renja.ikm import services
    from renja.ikm.models import Layanan, Periode, Tautan

    opd, admin = d.renja.opd, d.users["admin_opd"]
    layanan = Layanan.objects.filter(opd=opd, kode="MATRIKS").first() or services.layanan_create(
        actor=admin, opd=opd, kode="MATRIKS", nama="Layanan matriks akses", populasi=100
    )
    periode = Periode.objects.filter(opd=opd, kode="MATRIKS").first()
    if periode is None:
        hari_ini = timezone.localdate()
        periode = services.periode_create(
            actor=admin,
            opd=opd,
            kode="MATRIKS",
            nama="Periode matriks akses",
            mulai=hari_ini - datetime.timedelta(days=7),
            selesai=hari_ini + datetime.timedelta(days=7),
        )
    tambahan = periode.pertanyaan_tambahan.first() or services.pertanyaan_tambahan_create(
        actor=admin, periode=periode, teks="Apakah jam layanan sesuai?", jenis="skala"
    )
    if not Tautan.objects.filter(periode=periode, layanan=layanan).exists():
        services.tautan_buat(actor=admin, periode=periode)
    tautan = Tautan.objects.get(periode=periode, layanan=layanan)
    if responden and not periode.responden.exists():
        services.responden_submit(tautan=tautan, isian=services.Isian(**ikm_isian_service()))
    return SimpleNamespace(
        layanan=layanan, periode=periode, unsur=periode.unsur.get(nomor=1), tambahan=tambahan, tautan=tautan
    )


def ikm_isian_service() -> dict:
    return dict(
        jawaban={i: 4 for i in range(1, 10)},
        jenis_kelamin="P",
        kelompok_usia="30-39",
        pendidikan="SMA",
        pekerjaan="WIRASWASTA",
    )


def ikm_isian() -> dict:
    data = {f"u{i}": "4" for i in range(1, 10)}
    data.update(jenis_kelamin="P", kelompok_usia="30-39", pendidikan="SMA", pekerjaan="WIRASWASTA")
    return data


def kw_ikm_periode(d: Demo) -> dict:
    return {"periode_id": ikm_demo(d).periode.pk}


def kw_ikm_tautan(d: Demo) -> dict:
    return {"tautan_id": ikm_demo(d).tautan.pk}


def kw_ikm_token(d: Demo) -> dict:
    return {"token": ikm_demo(d).tautan.token}


# the survey setup: the perencana and admin of the OPD edit, every other role of the OPD reads (403 on a form)
IKM_EDIT_GET = expect(
    OK,
    operator_unit=FORBIDDEN,
    operator_other=FORBIDDEN,
    pimpinan=FORBIDDEN,
    pemeriksa=FORBIDDEN,
    other_opd=FORBIDDEN,
    other_pemda=FORBIDDEN,
    anonymous=LOGIN,
)
IKM_EDIT_POST = expect(
    REDIRECT,
    operator_unit=FORBIDDEN,
    operator_other=FORBIDDEN,
    pimpinan=FORBIDDEN,
    pemeriksa=FORBIDDEN,
    other_opd=FORBIDDEN,
    other_pemda=FORBIDDEN,
    anonymous=LOGIN,
)
# --- realisation (monev): the demo's triwulan II 2026 is in draf in every unit; triwulan I is approved and locked ---

TW_DRAF = 2
TW_DISETUJUI = 1
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def kw_unit_tw(d: Demo) -> dict:
    return {"renja_id": d.renja.pk, "tw": TW_DRAF, "unit_id": d.row_berlaku.unit_id}


def kw_row_tw(d: Demo) -> dict:
    return {"renja_id": d.renja.pk, "tw": TW_DRAF, "row_id": d.row_berlaku.pk}


def _ajukan_unit(d: Demo) -> None:
    from renja.monev import services

    services.realisasi_submit(actor=d.users["operator_unit"], renja=d.renja, unit=d.row_berlaku.unit, triwulan=TW_DRAF)


def _semua_unit_diverifikasi(d: Demo) -> None:
    from renja.monev import services
    from renja.organisasi.models import UnitKerja

    for unit in UnitKerja.objects.filter(opd=d.renja.opd):
        services.realisasi_submit(actor=d.users["admin_opd"], renja=d.renja, unit=unit, triwulan=TW_DRAF)
        services.realisasi_verify(actor=d.users["perencana"], renja=d.renja, unit=unit, triwulan=TW_DRAF)


def _berkas_bukti(d: Demo) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {"berkas": SimpleUploadedFile("daftar penerima.pdf", PDF, content_type="application/pdf")}


def _unggah_bukti(d: Demo) -> None:
    from renja.monev import services

    d.bukti = services.realisasi_bukti_upload(
        actor=d.users["operator_unit"], row=d.row_berlaku, triwulan=TW_DRAF, berkas=_berkas_bukti(d)["berkas"]
    )


def _baris_tertunda(d: Demo) -> None:
    """A row a copy could not carry over (made as the copy would: the demo copies none)."""
    from renja.perencanaan.models import BarisTertunda, Level

    d.tertunda = BarisTertunda.objects.create(
        tahap=d.tahap,
        level=Level.SUB_KEGIATAN,
        kode_lama="1.06.04.2.01.0099",
        nama="Sub kegiatan yang kodenya dihapus nomenklatur baru",
        alasan="kode tidak ada pada versi nomenklatur tahap ini",
    )


def _program_renstra(d: Demo) -> None:
    """The demo Renstra has no programme table yet: program 1.06.04 (Rehabilitasi Sosial), made as the form does."""
    from renja.perencanaan import services

    d.program = services.renstra_program_save(
        actor=d.users["perencana"], renstra=d.renstra, data=services.RenstraProgramInput(kode="1.06.04")
    )


# the access check's refusals name the role (not a state such as "berstatus diajukan")
ALASAN_AKSES = r"Hanya |Anda|diajukan oleh operator|diisi oleh perencana"


def kw_periode_ikm(d: Demo) -> dict:
    """The demo's satisfaction survey 2024 (renja/demo/data/ikm_2024.yaml)."""
    from renja.ikm.models import Periode

    return {"periode_id": Periode.objects.get(opd=d.renja.opd, kode="2024").pk}


def _data_iku_ikm(d: Demo) -> dict:
    from renja.perencanaan.models import RenstraIndikator

    iku = RenstraIndikator.objects.get(
        uraian="Nilai Indeks Kepuasan Masyarakat (IKM)", sasaran__tujuan__renstra__opd=d.renja.opd
    )
    return {"indikator": iku.pk}


# --- the table ------------------------------------------------------------------------------------------


@dataclass
class Row:
    name: str  # URL name, "namespace:name"
    method: str  # "GET" or "POST"
    kwargs: Callable[[Demo], dict]
    outcomes: dict[str, str]
    data: Callable[[Demo], dict] | None = None
    prepare: Callable[[Demo], None] | None = None
    note: str = ""
    query: Callable[[Demo], dict] | None = None
    alasan: str = ""
    variant: str = ""  # a second row for the same URL and method, e.g. an object that does not exist

    @property
    def key(self) -> str:
        return f"{self.method} {self.name}" + (f" ({self.variant})" if self.variant else "")


ROWS: list[Row] = [
    # --- login, home -------------------------------------------------------------------------------------
    Row(
        "beranda",
        "GET",
        kw_none,
        expect(REDIRECT, anonymous=LOGIN),
        note="pengguna satu OPD ke dasbor OPD-nya; pengguna Pemda atau instalasi ke daftar Renja",
    ),
    Row("beranda", "POST", kw_none, expect(REDIRECT, anonymous=LOGIN)),
    Row("masuk", "GET", kw_none, expect(REDIRECT, anonymous=OK), note="yang sudah masuk dialihkan ke beranda"),
    Row(
        "masuk",
        "POST",
        kw_none,
        expect(REDIRECT, anonymous=OK),
        data=lambda d: {"username": "perencana", "password": "salah"},
        note="kata sandi salah: formulir kembali (200) dengan pesan",
    ),
    Row("keluar", "GET", kw_none, expect(NOT_ALLOWED), note="keluar hanya lewat POST (Django 5)"),
    Row("keluar", "POST", kw_none, expect(LOGIN), note="keluar lalu ke halaman masuk"),
    # --- nomenclature: a reference list every signed-in user may read --------------------------------------
    Row("nomenklatur:list", "GET", kw_none, expect(OK, anonymous=LOGIN)),
    Row("nomenklatur:list", "POST", kw_none, expect(OK, anonymous=LOGIN)),
    Row(
        "nomenklatur:detail",
        "GET",
        lambda d: {"versi": "2027", "kode": "1.06.04.2.01.0001"},
        expect(OK, anonymous=LOGIN),
    ),
    Row(
        "nomenklatur:detail",
        "POST",
        lambda d: {"versi": "2027", "kode": "1.06.04.2.01.0001"},
        expect(OK, anonymous=LOGIN),
    ),
    # --- Renja pages -------------------------------------------------------------------------------------
    Row(
        "perencanaan:list",
        "GET",
        kw_none,
        expect(OK, anonymous=LOGIN),
        note="Renja 2024 dan 2026 Dinas Sosial; OPD lain dan Pemda lain melihat daftar kosong "
        "(satu Renja saja: langsung ke Renja itu)",
    ),
    Row("perencanaan:list", "POST", kw_none, expect(OK, anonymous=LOGIN)),
    Row("perencanaan:detail", "GET", kw_renja, expect(OK, **READ_OPD)),
    Row("perencanaan:detail", "POST", kw_renja, expect(OK, **READ_OPD)),
    Row("perencanaan:diff", "GET", kw_renja, expect(OK, **READ_OPD)),
    Row("perencanaan:diff", "POST", kw_renja, expect(OK, **READ_OPD)),
    Row("perencanaan:renstra", "GET", lambda d: {"renstra_id": d.renstra.pk}, expect(OK, **READ_OPD)),
    Row("perencanaan:renstra", "POST", lambda d: {"renstra_id": d.renstra.pk}, expect(OK, **READ_OPD)),
    Row("perencanaan:tahap_history", "GET", kw_tahap, expect(OK, **READ_OPD)),
    Row("perencanaan:tahap_history", "POST", kw_tahap, expect(OK, **READ_OPD)),
    Row("perencanaan:row_history", "GET", kw_row, expect(OK, **READ_OPD)),
    Row("perencanaan:row_history", "POST", kw_row, expect(OK, **READ_OPD)),
    # --- stage actions: POST only; refused in-OPD roles come back to the page with the reason -------------
    Row("perencanaan:tahap_create", "GET", kw_renja, POST_ONLY),
    Row(
        "perencanaan:tahap_create",
        "POST",
        kw_renja,
        expect(REFUSED, admin_global=REDIRECT, admin_opd=REDIRECT, perencana=REDIRECT, **READ_OPD),
        data=lambda d: {"jenis": "penetapan", "dari": d.tahap.pk},
        prepare=_lock_tahap,
        note="tahap Rancangan Akhir sudah ditetapkan; tahap Penetapan dibuat dari salinannya",
    ),
    Row("perencanaan:tahap_submit", "GET", kw_tahap, POST_ONLY),
    Row(
        "perencanaan:tahap_submit",
        "POST",
        kw_tahap,
        expect(REFUSED, admin_global=REDIRECT, admin_opd=REDIRECT, perencana=REDIRECT, pimpinan=REDIRECT, **READ_OPD),
        note="tahap draf",
    ),
    Row("perencanaan:tahap_tetapkan", "GET", kw_tahap, POST_ONLY),
    Row(
        "perencanaan:tahap_tetapkan",
        "POST",
        kw_tahap,
        expect(REFUSED, admin_global=REDIRECT, admin_opd=REDIRECT, pimpinan=REDIRECT, **READ_OPD),
        prepare=_submit_tahap,
        note="tahap diajukan",
    ),
    Row("perencanaan:tahap_return", "GET", kw_tahap, POST_ONLY),
    Row(
        "perencanaan:tahap_return",
        "POST",
        kw_tahap,
        expect(REFUSED, admin_global=REDIRECT, admin_opd=REDIRECT, pimpinan=REDIRECT, **READ_OPD),
        data=lambda d: {"alasan": "Target belum sesuai Renstra"},
        prepare=_submit_tahap,
        note="tahap diajukan",
    ),
    # --- rows of the draft stage --------------------------------------------------------------------------
    Row(
        "perencanaan:subkegiatan_edit",
        "GET",
        kw_row,
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, operator_unit=OK, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:subkegiatan_edit",
        "POST",
        kw_row,
        expect(
            FORBIDDEN,
            admin_global=REDIRECT,
            admin_opd=REDIRECT,
            perencana=REDIRECT,
            operator_unit=REDIRECT,
            anonymous=LOGIN,
        ),
        data=_edit_form,
        note="target indikator 500 → 650",
    ),
    Row(
        "perencanaan:subkegiatan_create",
        "GET",
        kw_kegiatan,
        expect(OK, operator_other=FORBIDDEN, pimpinan=FORBIDDEN, pemeriksa=FORBIDDEN, **READ_OPD),
        note="operator unit lain: kegiatan ini belum memuat sub kegiatan unitnya, formulir tidak dibuka",
    ),
    Row(
        "perencanaan:subkegiatan_create",
        "POST",
        kw_kegiatan,
        expect(REDIRECT, operator_other=FORBIDDEN, pimpinan=FORBIDDEN, pemeriksa=FORBIDDEN, **READ_OPD),
        data=_new_form,
        note="sub kegiatan baru 1.06.04.2.01.0017 untuk Bidang Rehsos",
    ),
    Row("perencanaan:row_delete", "GET", kw_row, POST_ONLY),
    Row(
        "perencanaan:row_delete",
        "POST",
        kw_row,
        expect(
            FORBIDDEN,
            admin_global=REDIRECT,
            admin_opd=REDIRECT,
            perencana=REDIRECT,
            operator_unit=REDIRECT,
            anonymous=LOGIN,
        ),
        data=lambda d: {"version": d.row.version},
    ),
    # --- pages added by penyusunan, kantor, monev, evaluasi, sipd (drafted from observed outcomes, checked) ---
    Row("notifikasi", "GET", kw_none, expect(OK, anonymous=LOGIN)),
    Row("notifikasi", "POST", kw_none, expect(OK, anonymous=LOGIN)),
    Row("notifikasi_baca", "GET", kw_none, expect(NOT_ALLOWED)),
    Row("notifikasi_baca", "POST", kw_none, expect(REDIRECT, anonymous=LOGIN)),
    Row(
        "perencanaan:renja_start",
        "GET",
        kw_none,
        expect(
            OK,
            operator_unit=FORBIDDEN,
            operator_other=FORBIDDEN,
            pimpinan=FORBIDDEN,
            pemeriksa=FORBIDDEN,
            anonymous=LOGIN,
        ),
    ),
    Row(
        "perencanaan:renja_start",
        "POST",
        kw_none,
        expect(
            FORM,
            operator_unit=FORBIDDEN,
            operator_other=FORBIDDEN,
            pimpinan=FORBIDDEN,
            pemeriksa=FORBIDDEN,
            anonymous=LOGIN,
        ),
    ),
    Row(
        "perencanaan:program_create",
        "GET",
        kw_tahap,
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:program_create",
        "POST",
        kw_tahap,
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, perencana=FORM, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:kode_pilihan",
        "GET",
        kw_tahap,
        expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:kode_pilihan",
        "POST",
        kw_tahap,
        expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:tertunda_list",
        "GET",
        kw_tahap,
        expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:tertunda_list",
        "POST",
        kw_tahap,
        expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:tertunda_decide",
        "GET",
        lambda d: {"tertunda_id": d.tertunda.pk},
        expect(NOT_ALLOWED),
        prepare=_baris_tertunda,
    ),
    Row(
        "perencanaan:tertunda_decide",
        "POST",
        lambda d: {"tertunda_id": d.tertunda.pk},
        expect(FORBIDDEN, admin_global=REDIRECT, admin_opd=REDIRECT, perencana=REDIRECT, anonymous=LOGIN),
        data=lambda d: {"kode_baru": "", "catatan": "Tidak dilanjutkan tahun ini"},
        prepare=_baris_tertunda,
        note="baris tertunda pada tahap draf: diputuskan tidak dilanjutkan",
    ),
    # --- proposals (T-C.32) and the narrative of a stage (issue 7): the perencana's; every reader may read ---
    Row("perencanaan:usulan_list", "GET", kw_renja, expect(OK, **READ_OPD), prepare=_usulan_buat),
    Row("perencanaan:usulan_list", "POST", kw_renja, expect(OK, **READ_OPD)),
    Row(
        "perencanaan:usulan_create",
        "GET",
        kw_renja,
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:usulan_create",
        "POST",
        kw_renja,
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, perencana=FORM, anonymous=LOGIN),
        note="isian kosong: formulir kembali dengan pesan (400)",
    ),
    Row(
        "perencanaan:usulan_edit",
        "GET",
        kw_usulan,
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN),
        prepare=_usulan_buat,
    ),
    Row(
        "perencanaan:usulan_edit",
        "POST",
        kw_usulan,
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, perencana=FORM, anonymous=LOGIN),
        prepare=_usulan_buat,
    ),
    Row(
        "perencanaan:usulan_decide",
        "GET",
        kw_usulan,
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN),
        prepare=_usulan_buat,
    ),
    Row(
        "perencanaan:usulan_decide",
        "POST",
        kw_usulan,
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, perencana=FORM, anonymous=LOGIN),
        data=lambda d: {"version": 1, "status": "ditolak", "alasan": ""},
        prepare=_usulan_buat,
        note="ditolak tanpa alasan: formulir kembali dengan pesan",
    ),
    Row("perencanaan:narasi_list", "GET", kw_tahap, expect(OK, **READ_OPD)),
    Row("perencanaan:narasi_list", "POST", kw_tahap, expect(OK, **READ_OPD)),
    Row(
        "perencanaan:narasi_edit",
        "GET",
        kw_bagian,
        expect(OK, **READ_OPD),
        note="semua pembaca OPD melihat teks dan pratinjau; formulir hanya untuk perencana/admin",
    ),
    Row(
        "perencanaan:narasi_edit",
        "POST",
        kw_bagian,
        expect(FORBIDDEN, admin_global=REDIRECT, admin_opd=REDIRECT, perencana=REDIRECT, anonymous=LOGIN),
        data=_narasi_form,
    ),
    Row(
        "perencanaan:narasi_edit",
        "POST",
        lambda d: kw_bagian(d, "tahap_terkunci"),
        expect(FORBIDDEN, anonymous=LOGIN),
        data=_narasi_form,
        variant="tahap ditetapkan",
        note="narasi terkunci bersama tahapnya, admin pun",
    ),
    Row(
        "perencanaan:kegiatan_create",
        "GET",
        lambda d: {"parent_id": d.kegiatan.parent_id},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN),
        note="induknya program 1.06.04",
    ),
    Row(
        "perencanaan:kegiatan_create",
        "POST",
        lambda d: {"parent_id": d.kegiatan.parent_id},
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, perencana=FORM, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:struktur_edit",
        "GET",
        lambda d: {"row_id": d.kegiatan.pk},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN),
        note="baris kegiatan 1.06.04.2.01",
    ),
    Row(
        "perencanaan:struktur_edit",
        "POST",
        lambda d: {"row_id": d.kegiatan.pk},
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, perencana=FORM, anonymous=LOGIN),
    ),
    Row("perencanaan:row_move", "GET", kw_row, expect(NOT_ALLOWED)),
    Row(
        "perencanaan:row_move",
        "POST",
        kw_row,
        expect(
            FORBIDDEN,
            admin_global=REDIRECT,
            admin_opd=REDIRECT,
            perencana=REDIRECT,
            operator_unit=REDIRECT,
            anonymous=LOGIN,
        ),
        data=lambda d: {"arah": "turun"},
        note="sub kegiatan turun satu tempat: yang boleh mengubah barisnya",
    ),
    Row("perencanaan:row_pptk", "GET", kw_row, expect(NOT_ALLOWED)),
    Row(
        "perencanaan:row_pptk",
        "POST",
        kw_row,
        expect(
            FORBIDDEN,
            admin_global=REFUSED,
            admin_opd=REFUSED,
            perencana=REFUSED,
            operator_unit=REFUSED,
            anonymous=LOGIN,
        ),
    ),
    Row("perencanaan:renstra_list", "GET", kw_none, expect(OK, anonymous=LOGIN)),
    Row("perencanaan:renstra_list", "POST", kw_none, expect(OK, anonymous=LOGIN)),
    Row(
        "perencanaan:renstra_create",
        "GET",
        kw_none,
        expect(
            OK,
            operator_unit=FORBIDDEN,
            operator_other=FORBIDDEN,
            pimpinan=FORBIDDEN,
            pemeriksa=FORBIDDEN,
            anonymous=LOGIN,
        ),
    ),
    Row(
        "perencanaan:renstra_create",
        "POST",
        kw_none,
        expect(
            FORM,
            operator_unit=FORBIDDEN,
            operator_other=FORBIDDEN,
            pimpinan=FORBIDDEN,
            pemeriksa=FORBIDDEN,
            anonymous=LOGIN,
        ),
    ),
    Row("perencanaan:renstra_tetapkan", "GET", lambda d: {"renstra_id": d.renstra.pk}, expect(NOT_ALLOWED)),
    Row(
        "perencanaan:renstra_tetapkan",
        "POST",
        lambda d: {"renstra_id": d.renstra.pk},
        expect(FORBIDDEN, admin_global=REDIRECT, admin_opd=REDIRECT, pimpinan=REDIRECT, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:renstra_kode",
        "GET",
        lambda d: {"renstra_id": d.renstra.pk},
        expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:renstra_kode",
        "POST",
        lambda d: {"renstra_id": d.renstra.pk},
        expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:renstra_tujuan_create",
        "GET",
        lambda d: {"renstra_id": d.renstra.pk},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:renstra_tujuan_create",
        "POST",
        lambda d: {"renstra_id": d.renstra.pk},
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, perencana=FORM, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:renstra_tujuan_edit",
        "GET",
        lambda d: {"tujuan_id": d.tujuan.pk},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:renstra_tujuan_edit",
        "POST",
        lambda d: {"tujuan_id": d.tujuan.pk},
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, perencana=FORM, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:renstra_sasaran_create",
        "GET",
        lambda d: {"tujuan_id": d.tujuan.pk},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:renstra_sasaran_create",
        "POST",
        lambda d: {"tujuan_id": d.tujuan.pk},
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, perencana=FORM, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:renstra_sasaran_edit",
        "GET",
        lambda d: {"sasaran_id": d.sasaran.pk},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:renstra_sasaran_edit",
        "POST",
        lambda d: {"sasaran_id": d.sasaran.pk},
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, perencana=FORM, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:renstra_indikator_create",
        "GET",
        lambda d: {"renstra_id": d.renstra.pk},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN),
        query=lambda d: {"sasaran": d.sasaran.pk},
        note="?sasaran=<sasaran pertama>: indikator baru untuk sasaran itu",
    ),
    Row(
        "perencanaan:renstra_indikator_create",
        "POST",
        lambda d: {"renstra_id": d.renstra.pk},
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, perencana=FORM, anonymous=LOGIN),
        query=lambda d: {"sasaran": d.sasaran.pk},
        note="isian kosong: formulir kembali dengan pesan (pemeriksaan akses lolos)",
    ),
    Row(
        "perencanaan:renstra_indikator_edit",
        "GET",
        lambda d: {"indikator_id": d.indikator.pk},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:renstra_indikator_edit",
        "POST",
        lambda d: {"indikator_id": d.indikator.pk},
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, perencana=FORM, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:renstra_program_create",
        "GET",
        lambda d: {"renstra_id": d.renstra.pk},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:renstra_program_create",
        "POST",
        lambda d: {"renstra_id": d.renstra.pk},
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, perencana=FORM, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:renstra_program_edit",
        "GET",
        lambda d: {"program_id": d.program.pk},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN),
        prepare=_program_renstra,
        note="program 1.06.04 ditambahkan ke tabel program Renstra demo",
    ),
    Row(
        "perencanaan:renstra_program_edit",
        "POST",
        lambda d: {"program_id": d.program.pk},
        expect(FORBIDDEN, admin_global=REDIRECT, admin_opd=REDIRECT, perencana=REDIRECT, anonymous=LOGIN),
        data=lambda d: {"version": d.program.version, "kode": "1.06.04", "nama": "", "sasaran": d.sasaran.pk},
        prepare=_program_renstra,
        note="program 1.06.04 dikaitkan ke sasaran pertama Renstra",
    ),
    Row("perencanaan:renstra_tujuan_delete", "GET", lambda d: {"item_id": d.tujuan.pk}, expect(NOT_ALLOWED)),
    Row(
        "perencanaan:renstra_tujuan_delete",
        "POST",
        lambda d: {"item_id": d.tujuan.pk},
        expect(FORBIDDEN, admin_global=REFUSED, admin_opd=REFUSED, perencana=REFUSED, anonymous=LOGIN),
        note="tujuan masih memuat sasaran: ditolak dengan pesan",
    ),
    Row("perencanaan:renstra_sasaran_delete", "GET", lambda d: {"item_id": d.sasaran.pk}, expect(NOT_ALLOWED)),
    Row(
        "perencanaan:renstra_sasaran_delete",
        "POST",
        lambda d: {"item_id": d.sasaran.pk},
        expect(FORBIDDEN, admin_global=REFUSED, admin_opd=REFUSED, perencana=REFUSED, anonymous=LOGIN),
    ),
    Row("perencanaan:renstra_indikator_delete", "GET", lambda d: {"item_id": d.indikator.pk}, expect(NOT_ALLOWED)),
    Row(
        "perencanaan:renstra_indikator_delete",
        "POST",
        lambda d: {"item_id": d.indikator.pk},
        expect(FORBIDDEN, admin_global=REFUSED, admin_opd=REFUSED, perencana=REFUSED, anonymous=LOGIN),
    ),
    Row(
        "perencanaan:renstra_program_delete",
        "GET",
        lambda d: {"item_id": d.program.pk},
        expect(NOT_ALLOWED),
        prepare=_program_renstra,
    ),
    Row(
        "perencanaan:renstra_program_delete",
        "POST",
        lambda d: {"item_id": d.program.pk},
        expect(FORBIDDEN, admin_global=REDIRECT, admin_opd=REDIRECT, perencana=REDIRECT, anonymous=LOGIN),
        data=lambda d: {"version": d.program.version},
        prepare=_program_renstra,
        note="program 1.06.04 tanpa kegiatan: dihapus",
    ),
    Row("organisasi:sandi", "GET", kw_none, expect(OK, anonymous=LOGIN)),
    Row("organisasi:sandi", "POST", kw_none, expect(OK, anonymous=LOGIN)),
    Row(
        "organisasi:kelola",
        "GET",
        kw_none,
        expect(FORBIDDEN, admin_global=OK, admin_opd=REDIRECT, other_pemda=REDIRECT, anonymous=LOGIN),
    ),
    Row(
        "organisasi:kelola",
        "POST",
        kw_none,
        expect(FORBIDDEN, admin_global=OK, admin_opd=REDIRECT, other_pemda=REDIRECT, anonymous=LOGIN),
    ),
    Row("organisasi:pemda_create", "GET", kw_none, expect(FORBIDDEN, admin_global=OK, anonymous=LOGIN)),
    Row("organisasi:pemda_create", "POST", kw_none, expect(FORBIDDEN, admin_global=FORM, anonymous=LOGIN)),
    Row("organisasi:admin_create", "GET", kw_none, expect(FORBIDDEN, admin_global=OK, anonymous=LOGIN)),
    Row("organisasi:admin_create", "POST", kw_none, expect(FORBIDDEN, admin_global=FORM, anonymous=LOGIN)),
    Row(
        "organisasi:pemda",
        "GET",
        lambda d: {"pemda_id": d.renja.opd.pemda_id},
        expect(FORBIDDEN, admin_global=OK, anonymous=LOGIN),
    ),
    Row(
        "organisasi:pemda",
        "POST",
        lambda d: {"pemda_id": d.renja.opd.pemda_id},
        expect(FORBIDDEN, admin_global=OK, anonymous=LOGIN),
    ),
    Row(
        "organisasi:pemda_edit",
        "GET",
        lambda d: {"pemda_id": d.renja.opd.pemda_id},
        expect(FORBIDDEN, admin_global=OK, anonymous=LOGIN),
    ),
    Row(
        "organisasi:pemda_edit",
        "POST",
        lambda d: {"pemda_id": d.renja.opd.pemda_id},
        expect(FORBIDDEN, admin_global=FORM, anonymous=LOGIN),
    ),
    Row(
        "organisasi:opd_create",
        "GET",
        lambda d: {"pemda_id": d.renja.opd.pemda_id},
        expect(FORBIDDEN, admin_global=OK, anonymous=LOGIN),
    ),
    Row(
        "organisasi:opd_create",
        "POST",
        lambda d: {"pemda_id": d.renja.opd.pemda_id},
        expect(FORBIDDEN, admin_global=FORM, anonymous=LOGIN),
    ),
    Row(
        "organisasi:pemda_pengguna_create",
        "GET",
        lambda d: {"pemda_id": d.renja.opd.pemda_id},
        expect(FORBIDDEN, admin_global=OK, anonymous=LOGIN),
    ),
    Row(
        "organisasi:pemda_pengguna_create",
        "POST",
        lambda d: {"pemda_id": d.renja.opd.pemda_id},
        expect(FORBIDDEN, admin_global=FORM, anonymous=LOGIN),
    ),
    Row(
        "organisasi:pemda_peran",
        "GET",
        lambda d: {"pemda_id": d.renja.opd.pemda_id},
        expect(NOT_ALLOWED, anonymous=LOGIN),
    ),
    Row(
        "organisasi:pemda_peran",
        "POST",
        lambda d: {"pemda_id": d.renja.opd.pemda_id},
        expect(FORBIDDEN, admin_global=REFUSED, anonymous=LOGIN),
    ),
    Row(
        "organisasi:impor",
        "GET",
        lambda d: {"pemda_id": d.renja.opd.pemda_id},
        expect(FORBIDDEN, admin_global=OK, anonymous=LOGIN),
    ),
    Row(
        "organisasi:impor",
        "POST",
        lambda d: {"pemda_id": d.renja.opd.pemda_id},
        expect(FORBIDDEN, admin_global=FORM, anonymous=LOGIN),
    ),
    Row(
        "organisasi:impor_templat",
        "GET",
        kw_none,
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, other_pemda=OK, anonymous=LOGIN),
        note="templat kosong: setiap admin",
    ),
    Row(
        "organisasi:impor_templat",
        "POST",
        kw_none,
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, other_pemda=OK, anonymous=LOGIN),
    ),
    Row(
        "organisasi:opd",
        "GET",
        lambda d: {"opd_id": d.renja.opd_id},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, anonymous=LOGIN),
    ),
    Row(
        "organisasi:opd",
        "POST",
        lambda d: {"opd_id": d.renja.opd_id},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, anonymous=LOGIN),
    ),
    Row(
        "organisasi:opd_edit",
        "GET",
        lambda d: {"opd_id": d.renja.opd_id},
        expect(FORBIDDEN, admin_global=OK, anonymous=LOGIN),
    ),
    Row(
        "organisasi:opd_edit",
        "POST",
        lambda d: {"opd_id": d.renja.opd_id},
        expect(FORBIDDEN, admin_global=FORM, anonymous=LOGIN),
    ),
    Row(
        "organisasi:opd_kepala",
        "GET",
        lambda d: {"opd_id": d.renja.opd_id},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, anonymous=LOGIN),
    ),
    Row(
        "organisasi:opd_kepala",
        "POST",
        lambda d: {"opd_id": d.renja.opd_id},
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, anonymous=LOGIN),
    ),
    Row(
        "organisasi:unit_create",
        "GET",
        lambda d: {"opd_id": d.renja.opd_id},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, anonymous=LOGIN),
    ),
    Row(
        "organisasi:unit_create",
        "POST",
        lambda d: {"opd_id": d.renja.opd_id},
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, anonymous=LOGIN),
    ),
    Row(
        "organisasi:opd_pengguna_create",
        "GET",
        lambda d: {"opd_id": d.renja.opd_id},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, anonymous=LOGIN),
    ),
    Row(
        "organisasi:opd_pengguna_create",
        "POST",
        lambda d: {"opd_id": d.renja.opd_id},
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, anonymous=LOGIN),
    ),
    Row("organisasi:opd_peran", "GET", lambda d: {"opd_id": d.renja.opd_id}, expect(NOT_ALLOWED, anonymous=LOGIN)),
    Row(
        "organisasi:opd_peran",
        "POST",
        lambda d: {"opd_id": d.renja.opd_id},
        expect(FORBIDDEN, admin_global=REFUSED, admin_opd=REFUSED, anonymous=LOGIN),
    ),
    Row(
        "organisasi:unit_edit",
        "GET",
        lambda d: {"unit_id": d.row.unit_id},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, anonymous=LOGIN),
    ),
    Row(
        "organisasi:unit_edit",
        "POST",
        lambda d: {"unit_id": d.row.unit_id},
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, anonymous=LOGIN),
    ),
    Row("organisasi:unit_move", "GET", lambda d: {"unit_id": d.row.unit_id}, expect(NOT_ALLOWED, anonymous=LOGIN)),
    Row(
        "organisasi:unit_move",
        "POST",
        lambda d: {"unit_id": d.row.unit_id},
        expect(FORBIDDEN, admin_global=REFUSED, admin_opd=REFUSED, anonymous=LOGIN),
    ),
    Row(
        "organisasi:peran_cabut",
        "GET",
        lambda d: {"penugasan_id": d.penugasan.pk},
        expect(NOT_ALLOWED, anonymous=LOGIN),
    ),
    Row(
        "organisasi:peran_cabut",
        "POST",
        lambda d: {"penugasan_id": d.penugasan.pk},
        expect(FORBIDDEN, admin_global=REDIRECT, admin_opd=REDIRECT, anonymous=LOGIN),
        note="peran operator Bidang Rehsos",
    ),
    Row(
        "organisasi:pengguna",
        "GET",
        lambda d: {"user_id": d.users["operator_unit"].pk},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, anonymous=LOGIN),
    ),
    Row(
        "organisasi:pengguna",
        "POST",
        lambda d: {"user_id": d.users["operator_unit"].pk},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, anonymous=LOGIN),
    ),
    Row(
        "organisasi:pengguna_edit",
        "GET",
        lambda d: {"user_id": d.users["operator_unit"].pk},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, anonymous=LOGIN),
    ),
    Row(
        "organisasi:pengguna_edit",
        "POST",
        lambda d: {"user_id": d.users["operator_unit"].pk},
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, anonymous=LOGIN),
    ),
    Row(
        "organisasi:pengguna_aktif",
        "GET",
        lambda d: {"user_id": d.users["operator_unit"].pk},
        expect(NOT_ALLOWED, anonymous=LOGIN),
    ),
    Row(
        "organisasi:pengguna_aktif",
        "POST",
        lambda d: {"user_id": d.users["operator_unit"].pk},
        expect(FORBIDDEN, admin_global=REDIRECT, admin_opd=REDIRECT, anonymous=LOGIN),
    ),
    Row(
        "organisasi:pengguna_reset_sandi",
        "GET",
        lambda d: {"user_id": d.users["operator_unit"].pk},
        expect(NOT_ALLOWED, anonymous=LOGIN),
    ),
    Row(
        "organisasi:pengguna_reset_sandi",
        "POST",
        lambda d: {"user_id": d.users["operator_unit"].pk},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, anonymous=LOGIN),
    ),
    Row("monev:index", "GET", kw_none, expect(OK, anonymous=LOGIN)),
    Row("monev:index", "POST", kw_none, expect(OK, anonymous=LOGIN)),
    Row("monev:renja", "GET", kw_renja, expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN)),
    Row("monev:renja", "POST", kw_renja, expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN)),
    Row(
        "monev:grid",
        "GET",
        lambda d: {"renja_id": d.renja.pk, "tw": 1, "unit_id": d.row.unit_id},
        expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN),
    ),
    Row(
        "monev:grid",
        "POST",
        lambda d: {"renja_id": d.renja.pk, "tw": 1, "unit_id": d.row.unit_id},
        expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN),
    ),
    Row("monev:unit_ajukan", "GET", kw_unit_tw, expect(NOT_ALLOWED)),
    Row(
        "monev:unit_ajukan",
        "POST",
        kw_unit_tw,
        expect(REFUSED, admin_global=REDIRECT, admin_opd=REDIRECT, operator_unit=REDIRECT, **READ_OPD),
        alasan=ALASAN_AKSES,
        note="triwulan II (draf): operator unit itu mengajukan (admin boleh mewakili)",
    ),
    Row("monev:unit_verifikasi", "GET", kw_unit_tw, expect(NOT_ALLOWED)),
    Row(
        "monev:unit_verifikasi",
        "POST",
        kw_unit_tw,
        expect(REFUSED, admin_global=REDIRECT, admin_opd=REDIRECT, perencana=REDIRECT, **READ_OPD),
        prepare=_ajukan_unit,
        alasan=ALASAN_AKSES,
        note="triwulan II, unit Rehsos diajukan",
    ),
    Row("monev:unit_kembalikan", "GET", kw_unit_tw, expect(NOT_ALLOWED)),
    Row(
        "monev:unit_kembalikan",
        "POST",
        kw_unit_tw,
        expect(REFUSED, admin_global=REDIRECT, admin_opd=REDIRECT, perencana=REDIRECT, **READ_OPD),
        data=lambda d: {"catatan": "Lampirkan daftar penerima."},
        prepare=_ajukan_unit,
        alasan=ALASAN_AKSES,
        note="triwulan II, unit Rehsos diajukan",
    ),
    Row(
        "monev:grid_atas",
        "GET",
        lambda d: {"renja_id": d.renja.pk, "tw": 1},
        expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN),
    ),
    Row(
        "monev:grid_atas",
        "POST",
        lambda d: {"renja_id": d.renja.pk, "tw": 1},
        expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN),
    ),
    Row("monev:sel", "GET", lambda d: {"renja_id": d.renja.pk, "tw": TW_DRAF}, expect(NOT_ALLOWED)),
    Row(
        "monev:sel",
        "POST",
        lambda d: {"renja_id": d.renja.pk, "tw": TW_DRAF},
        expect(
            REFUSED, admin_global=REDIRECT, admin_opd=REDIRECT, perencana=REDIRECT, operator_unit=REDIRECT, **READ_OPD
        ),
        data=lambda d: {
            "jenis": "keuangan",
            "bulan": "4",
            "row": d.row_berlaku.pk,
            "sumber_dana": d.row_berlaku.pagu.first().sumber_dana_id,
            "nilai": "1.000.000",
            "version": "0",
        },
        alasan=ALASAN_AKSES,
        note="realisasi keuangan April (triwulan II, draf) tanpa htmx: kembali ke grid dengan pesan",
    ),
    Row("monev:baris", "GET", kw_row_tw, expect(OK, **READ_OPD), note="sub kegiatan pada tahap yang berlaku"),
    Row(
        "monev:baris",
        "POST",
        kw_row_tw,
        expect(
            REFUSED, admin_global=REDIRECT, admin_opd=REDIRECT, perencana=REDIRECT, operator_unit=REDIRECT, **READ_OPD
        ),
        data=lambda d: {
            "faktor_pendorong": "Data penerima mutakhir",
            "faktor_penghambat": "",
            "tindak_lanjut": "",
            "version": "0",
        },
        alasan=ALASAN_AKSES,
        note="faktor dan tindak lanjut triwulan II",
    ),
    Row("monev:catatan", "GET", kw_row_tw, expect(NOT_ALLOWED)),
    Row(
        "monev:catatan",
        "POST",
        kw_row_tw,
        expect(
            REFUSED,
            admin_global=REDIRECT,
            admin_opd=REDIRECT,
            perencana=REDIRECT,
            operator_unit=REDIRECT,
            pimpinan=REDIRECT,
            **READ_OPD,
        ),
        data=lambda d: {"teks": "Bukti kegiatan menyusul."},
        alasan=ALASAN_AKSES,
        note="pemverifikasi (perencana, pimpinan, admin) dan operator unit baris itu",
    ),
    Row("monev:bukti_unggah", "GET", kw_row_tw, expect(NOT_ALLOWED)),
    Row(
        "monev:bukti_unggah",
        "POST",
        kw_row_tw,
        expect(
            REFUSED, admin_global=REDIRECT, admin_opd=REDIRECT, perencana=REDIRECT, operator_unit=REDIRECT, **READ_OPD
        ),
        data=_berkas_bukti,
        alasan=ALASAN_AKSES,
        note="PDF kecil untuk triwulan II",
    ),
    Row("monev:setujui", "GET", lambda d: {"renja_id": d.renja.pk, "tw": TW_DRAF}, expect(NOT_ALLOWED)),
    Row(
        "monev:setujui",
        "POST",
        lambda d: {"renja_id": d.renja.pk, "tw": TW_DRAF},
        expect(REFUSED, admin_global=REDIRECT, admin_opd=REDIRECT, pimpinan=REDIRECT, **READ_OPD),
        prepare=_semua_unit_diverifikasi,
        alasan=ALASAN_AKSES,
        note="triwulan II, semua unit diverifikasi",
    ),
    Row("monev:buka", "GET", lambda d: {"renja_id": d.renja.pk, "tw": TW_DISETUJUI}, expect(NOT_ALLOWED)),
    Row(
        "monev:buka",
        "POST",
        lambda d: {"renja_id": d.renja.pk, "tw": TW_DISETUJUI},
        expect(REFUSED, pimpinan=REDIRECT, **READ_OPD),
        data=lambda d: {"alasan": "Koreksi realisasi keuangan"},
        alasan=ALASAN_AKSES,
        note="triwulan I disetujui: hanya pimpinan membukanya kembali (admin pun tidak)",
    ),
    Row("monev:batas_waktu", "GET", lambda d: {"renja_id": d.renja.pk, "tw": TW_DRAF}, expect(NOT_ALLOWED)),
    Row(
        "monev:batas_waktu",
        "POST",
        lambda d: {"renja_id": d.renja.pk, "tw": TW_DRAF},
        expect(REFUSED, admin_global=REDIRECT, admin_opd=REDIRECT, perencana=REDIRECT, pimpinan=REDIRECT, **READ_OPD),
        data=lambda d: {"batas_waktu": "2026-07-15"},
        alasan=ALASAN_AKSES,
        note="triwulan II",
    ),
    Row(
        "monev:belum_mengisi",
        "GET",
        lambda d: {"renja_id": d.renja.pk, "tw": 1},
        expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN),
    ),
    Row(
        "monev:belum_mengisi",
        "POST",
        lambda d: {"renja_id": d.renja.pk, "tw": 1},
        expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN),
    ),
    Row(
        "monev:belum_mengisi_pemda",
        "GET",
        lambda d: {"pemda_id": d.renja.opd.pemda_id, "tahun": d.renja.tahun, "tw": 1},
        expect(OK, other_pemda=FORBIDDEN, anonymous=LOGIN),
        note="hanya OPD yang boleh dibaca pengguna yang didaftar; Pemda lain ditolak",
    ),
    Row(
        "monev:belum_mengisi_pemda",
        "POST",
        lambda d: {"pemda_id": d.renja.opd.pemda_id, "tahun": d.renja.tahun, "tw": 1},
        expect(OK, other_pemda=FORBIDDEN, anonymous=LOGIN),
    ),
    Row("monev:dasbor_index", "GET", kw_none, expect(REDIRECT, other_opd=OK, other_pemda=OK, anonymous=LOGIN)),
    Row("monev:dasbor_index", "POST", kw_none, expect(REDIRECT, other_opd=OK, other_pemda=OK, anonymous=LOGIN)),
    Row("monev:dasbor", "GET", kw_renja, expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN)),
    Row("monev:dasbor", "POST", kw_renja, expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN)),
    Row(
        "monev:impor", "GET", kw_renja, expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN)
    ),
    Row(
        "monev:impor", "POST", kw_renja, expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN)
    ),
    Row(
        "pemeriksaan_impor:tahap",
        "GET",
        kw_renja,
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN),
        note="impor tahap dari dokumen: seperti membuat tahap Renja (perencana atau admin OPD itu)",
    ),
    Row(
        "pemeriksaan_impor:tahap",
        "POST",
        kw_renja,
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, perencana=FORM, anonymous=LOGIN),
        note="tanpa berkas: formulir kembali dengan pesan",
    ),
    Row(
        "pemeriksaan_impor:renja_baru",
        "GET",
        lambda d: {"opd_id": d.renja.opd_id},
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN),
        note="Renja tahun baru dari dokumen: seperti membuat Renja baru (perencana atau admin OPD itu)",
    ),
    Row(
        "pemeriksaan_impor:renja_baru",
        "POST",
        lambda d: {"opd_id": d.renja.opd_id},
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, perencana=FORM, anonymous=LOGIN),
    ),
    Row("monev:peringatan", "GET", kw_renja, expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN)),
    Row("monev:peringatan", "POST", kw_renja, expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN)),
    Row(
        "monev:rencana_penarikan",
        "GET",
        kw_renja,
        expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN),
    ),
    Row(
        "monev:rencana_penarikan",
        "POST",
        kw_renja,
        expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN),
    ),
    Row(
        "monev:rencana_penarikan_simpan",
        "GET",
        lambda d: {"renja_id": d.renja.pk, "row_id": d.row_berlaku.pk},
        expect(NOT_ALLOWED),
    ),
    Row(
        "monev:rencana_penarikan_simpan",
        "POST",
        lambda d: {"renja_id": d.renja.pk, "row_id": d.row_berlaku.pk},
        expect(REFUSED, admin_global=REDIRECT, admin_opd=REDIRECT, perencana=REDIRECT, **READ_OPD),
        data=lambda d: {f"b{m}": "250.000.000" if m % 3 == 0 else "" for m in range(1, 13)},
        alasan=ALASAN_AKSES,
        note="sub kegiatan pada tahap yang berlaku: Rp 250.000.000 pada bulan akhir tiap triwulan",
    ),
    Row("monev:ambang_simpan", "GET", kw_renja, expect(NOT_ALLOWED)),
    Row(
        "monev:ambang_simpan",
        "POST",
        kw_renja,
        expect(REFUSED, admin_global=REDIRECT, admin_opd=REDIRECT, perencana=REDIRECT, **READ_OPD),
        data=lambda d: {"serapan": "75", "capaian": "80"},
        alasan=ALASAN_AKSES,
    ),
    Row(
        "monev:bukti",
        "GET",
        lambda d: {"bukti_id": d.bukti.pk},
        expect(OK, **READ_OPD),
        prepare=_unggah_bukti,
        note="bukti PDF diunggah operator Rehsos untuk triwulan II",
    ),
    Row("monev:bukti", "POST", lambda d: {"bukti_id": d.bukti.pk}, expect(OK, **READ_OPD), prepare=_unggah_bukti),
    Row("monev:bukti_hapus", "GET", lambda d: {"bukti_id": d.bukti.pk}, expect(NOT_ALLOWED), prepare=_unggah_bukti),
    Row(
        "monev:bukti_hapus",
        "POST",
        lambda d: {"bukti_id": d.bukti.pk},
        expect(
            REFUSED, admin_global=REDIRECT, admin_opd=REDIRECT, perencana=REDIRECT, operator_unit=REDIRECT, **READ_OPD
        ),
        prepare=_unggah_bukti,
        alasan=ALASAN_AKSES,
        note="bukti triwulan II unit Rehsos",
    ),
    Row("kinerja:e81", "GET", kw_renja, expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN)),
    Row("kinerja:e81", "POST", kw_renja, expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN)),
    Row("kinerja:tc29", "GET", kw_renja, expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN)),
    Row("kinerja:tc29", "POST", kw_renja, expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN)),
    Row("kinerja:lkjip", "GET", kw_renja, expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN)),
    Row("kinerja:lkjip", "POST", kw_renja, expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN)),
    Row("kinerja:basis", "GET", kw_renja, expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN)),
    Row(
        "kinerja:basis",
        "POST",
        kw_renja,
        expect(NOT_FOUND, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN),
    ),
    Row("kinerja:iku", "GET", kw_renja, expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN)),
    Row(
        "kinerja:iku", "POST", kw_renja, expect(NOT_FOUND, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN)
    ),
    Row("kinerja:spm", "GET", kw_renja, expect(OK, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN)),
    Row(
        "kinerja:spm",
        "POST",
        kw_renja,
        expect(NOT_FOUND, other_opd=FORBIDDEN, other_pemda=FORBIDDEN, anonymous=LOGIN),
        note="tanpa bagian (spm/pelayanan) yang dikenal: 404; menyimpan: perencana/admin OPD (tests/kinerja)",
    ),
    Row("kinerja:metode_efisiensi", "GET", kw_renja, expect(NOT_ALLOWED)),
    Row(
        "kinerja:metode_efisiensi",
        "POST",
        kw_renja,
        expect(FORBIDDEN, admin_global=REDIRECT, admin_opd=REDIRECT, perencana=REDIRECT, anonymous=LOGIN),
        data=lambda d: {"metode": "B"},
        note="metode B (bentuk PMK)",
    ),
    # --- the Renja document (renja.dokumen): any reader of the OPD may print it ----------------------------
    Row("dokumen:tahap", "GET", kw_tahap, expect(OK, **READ_OPD)),
    Row(
        "dokumen:tahap",
        "POST",
        kw_tahap,
        expect(FORM, **READ_OPD),
        data=lambda d: {"format": "docx"},
        note="tanpa nama penanda tangan: formulir kembali (400); dokumen tidak dibuat",
    ),
    Row("dokumen:tabel", "GET", kw_tabel_tc29, expect(OK, **READ_OPD), note="T-C.29 sebagai XLSX, langsung"),
    Row("dokumen:tabel", "POST", kw_tabel_tc29, expect(NOT_ALLOWED, **READ_OPD)),
    Row("dokumen:berkas", "GET", kw_berkas, expect(OK, **READ_OPD), prepare=_berkas_gagal),
    Row("dokumen:berkas", "POST", kw_berkas, expect(NOT_ALLOWED, **READ_OPD), prepare=_berkas_gagal),
    Row(
        "dokumen:unduh",
        "GET",
        kw_berkas,
        expect(NOT_FOUND, **READ_OPD),
        prepare=_berkas_gagal,
        note="berkas yang gagal dibuat tidak dapat diunduh (404); unduhan berkas jadi diuji di tests/dokumen",
    ),
    Row("dokumen:unduh", "POST", kw_berkas, expect(NOT_ALLOWED, **READ_OPD), prepare=_berkas_gagal),
    # --- survei kepuasan masyarakat (renja.ikm): every role of the OPD reads; perencana and admin edit ------
    Row(
        "ikm:index",
        "GET",
        kw_none,
        expect(REDIRECT, admin_global=OK, anonymous=LOGIN),
        note="satu OPD: langsung ke OPD itu",
    ),
    Row("ikm:index", "POST", kw_none, expect(REDIRECT, admin_global=OK, anonymous=LOGIN)),
    Row("ikm:opd", "GET", kw_opd, expect(OK, **READ_OPD)),
    Row("ikm:opd", "POST", kw_opd, expect(OK, **READ_OPD)),
    Row("ikm:layanan_create", "GET", kw_opd, IKM_EDIT_GET),
    Row(
        "ikm:layanan_create",
        "POST",
        kw_opd,
        IKM_EDIT_POST,
        data=lambda d: {"kode": "BARU", "nama": "Layanan baru", "populasi": "50", "aktif": "on"},
    ),
    Row("ikm:layanan_edit", "GET", lambda d: {"layanan_id": ikm_demo(d).layanan.pk}, IKM_EDIT_GET),
    Row(
        "ikm:layanan_edit",
        "POST",
        lambda d: {"layanan_id": ikm_demo(d).layanan.pk},
        IKM_EDIT_POST,
        data=lambda d: {"kode": "MATRIKS", "nama": "Layanan diubah", "populasi": "120", "aktif": "on", "version": "1"},
    ),
    Row("ikm:periode_create", "GET", kw_opd, IKM_EDIT_GET),
    Row(
        "ikm:periode_create",
        "POST",
        kw_opd,
        IKM_EDIT_POST,
        data=lambda d: {"kode": "2031", "nama": "Tahun 2031", "mulai": "2031-01-01", "selesai": "2031-12-31"},
    ),
    Row("ikm:periode", "GET", kw_ikm_periode, expect(OK, **READ_OPD)),
    Row(
        "ikm:periode",
        "POST",
        kw_ikm_periode,
        IKM_EDIT_POST,
        data=lambda d: {
            "nama": "Periode diubah",
            "mulai": str(ikm_demo(d).periode.mulai),
            "selesai": str(ikm_demo(d).periode.selesai),
            "terbuka": "on",
            "version": "1",
        },
    ),
    Row("ikm:unsur_edit", "GET", lambda d: {"unsur_id": ikm_demo(d).unsur.pk}, IKM_EDIT_GET),
    Row(
        "ikm:unsur_edit",
        "POST",
        lambda d: {"unsur_id": ikm_demo(d).unsur.pk},
        IKM_EDIT_POST,
        data=lambda d: {
            "nama": "Persyaratan",
            "pertanyaan": "Apakah persyaratan layanan jelas?",
            "pilihan_1": "Tidak jelas",
            "pilihan_2": "Kurang jelas",
            "pilihan_3": "Jelas",
            "pilihan_4": "Sangat jelas",
        },
    ),
    Row(
        "ikm:unsur_edit",
        "POST",
        lambda d: {"unsur_id": ikm_demo(d, responden=True).unsur.pk},
        expect(FORBIDDEN, admin_global=REFUSED, admin_opd=REFUSED, perencana=REFUSED, anonymous=LOGIN),
        data=lambda d: {
            "nama": "X",
            "pertanyaan": "X?",
            "pilihan_1": "a",
            "pilihan_2": "b",
            "pilihan_3": "c",
            "pilihan_4": "d",
        },
        variant="kuesioner beku",
        note="sudah ada responden: kuesioner dibekukan, perubahan ditolak dengan pesan",
    ),
    Row("ikm:tambahan_create", "GET", kw_ikm_periode, POST_ONLY),
    Row(
        "ikm:tambahan_create",
        "POST",
        kw_ikm_periode,
        IKM_EDIT_POST,
        data=lambda d: {"teks": "Apakah informasi layanan mudah didapat?", "jenis": "skala"},
    ),
    Row("ikm:tambahan_delete", "GET", lambda d: {"pertanyaan_id": ikm_demo(d).tambahan.pk}, POST_ONLY),
    Row("ikm:tambahan_delete", "POST", lambda d: {"pertanyaan_id": ikm_demo(d).tambahan.pk}, IKM_EDIT_POST),
    Row("ikm:tautan_buat", "GET", kw_ikm_periode, POST_ONLY),
    Row("ikm:tautan_buat", "POST", kw_ikm_periode, IKM_EDIT_POST, note="layanan aktif tanpa tautan mendapat tautan"),
    Row("ikm:qr_png", "GET", kw_ikm_tautan, expect(OK, **READ_OPD)),
    Row("ikm:qr_png", "POST", kw_ikm_tautan, expect(OK, **READ_OPD)),
    Row("ikm:qr_svg", "GET", kw_ikm_tautan, expect(OK, **READ_OPD)),
    Row("ikm:qr_svg", "POST", kw_ikm_tautan, expect(OK, **READ_OPD)),
    Row("ikm:poster", "GET", kw_ikm_tautan, expect(OK, **READ_OPD)),
    Row("ikm:poster", "POST", kw_ikm_tautan, expect(OK, **READ_OPD)),
    Row(
        "ikm:periode",
        "GET",
        lambda d: {"periode_id": MISSING_ID},
        expect(NOT_FOUND, anonymous=LOGIN),
        variant="periode tidak ada",
    ),
    # the public form: no login, the same for everyone (a signed-in user is just another respondent)
    Row("ikm_publik:survei", "GET", kw_ikm_token, expect(OK), note="formulir publik tanpa masuk"),
    Row(
        "ikm_publik:survei",
        "POST",
        kw_ikm_token,
        expect(REDIRECT),
        data=lambda d: ikm_isian(),
        note="jawaban diterima, lalu ke halaman terima kasih",
    ),
    Row(
        "ikm_publik:survei",
        "POST",
        kw_ikm_token,
        expect(FORM),
        data=lambda d: {},
        variant="isian kosong",
        note="formulir kembali (400) menyebut setiap isian yang kurang",
    ),
    Row("ikm_publik:survei", "GET", lambda d: {"token": "tidakada"}, expect(NOT_FOUND), variant="token tidak ada"),
    Row("ikm_publik:selesai", "GET", kw_ikm_token, expect(OK)),
    Row("ikm_publik:selesai", "POST", kw_ikm_token, expect(OK)),
    # --- survey results (renja.ikm, issue 9 parts 3-8): the demo's SKM 2024 of Dinas Sosial -----------------
    Row(
        "ikm_hasil:daftar",
        "GET",
        kw_none,
        expect(OK, anonymous=LOGIN),
        note="periode survei OPD yang boleh dibaca; OPD lain dan Pemda lain melihat daftar kosong",
    ),
    Row("ikm_hasil:daftar", "POST", kw_none, expect(OK, anonymous=LOGIN)),
    *[
        Row(f"ikm_hasil:{nama}", metode, kw_periode_ikm, expect(OK, **READ_OPD))
        for nama in ("hasil", "laporan_pdf", "laporan_docx", "responden_xlsx", "templat")
        for metode in ("GET", "POST")
    ],
    Row(
        "ikm_hasil:impor",
        "GET",
        kw_periode_ikm,
        expect(FORBIDDEN, admin_global=OK, admin_opd=OK, perencana=OK, anonymous=LOGIN),
        note="impor kuesioner kertas: perencana atau admin OPD",
    ),
    Row(
        "ikm_hasil:impor",
        "POST",
        kw_periode_ikm,
        expect(FORBIDDEN, admin_global=FORM, admin_opd=FORM, perencana=FORM, anonymous=LOGIN),
        note="tanpa berkas: formulir kembali dengan pesan",
    ),
    Row("ikm_hasil:iku", "GET", kw_periode_ikm, POST_ONLY),
    Row(
        "ikm_hasil:iku",
        "POST",
        kw_periode_ikm,
        expect(FORBIDDEN, admin_global=REDIRECT, admin_opd=REDIRECT, perencana=REDIRECT, anonymous=LOGIN),
        data=_data_iku_ikm,
        note="IKM 92,06 dicatat (ulang) sebagai realisasi IKU Nilai IKM 2024",
    ),
    # --- objects that do not exist, or are of the wrong kind ---------------------------------------------
    Row(
        "dokumen:tahap",
        "GET",
        lambda d: {"tahap_id": MISSING_ID},
        expect(NOT_FOUND, anonymous=LOGIN),
        variant="tahap tidak ada",
    ),
    Row(
        "dokumen:tabel",
        "GET",
        lambda d: {"tahap_id": d.tahap.pk, "kode": "T-C.99"},
        expect(NOT_FOUND, anonymous=LOGIN, other_opd=FORBIDDEN, other_pemda=FORBIDDEN),
        variant="tabel tidak dikenal",
    ),
    Row(
        "dokumen:berkas",
        "GET",
        lambda d: {"berkas_id": MISSING_ID},
        expect(NOT_FOUND, anonymous=LOGIN),
        variant="berkas tidak ada",
    ),
    Row(
        "perencanaan:detail",
        "GET",
        lambda d: {"renja_id": MISSING_ID},
        expect(NOT_FOUND, anonymous=LOGIN),
        variant="Renja tidak ada",
    ),
    Row(
        "perencanaan:diff",
        "GET",
        lambda d: {"renja_id": MISSING_ID},
        expect(NOT_FOUND, anonymous=LOGIN),
        variant="Renja tidak ada",
    ),
    Row(
        "perencanaan:tahap_create",
        "POST",
        lambda d: {"renja_id": MISSING_ID},
        expect(NOT_FOUND, anonymous=LOGIN),
        data=lambda d: {"jenis": "perubahan"},
        variant="Renja tidak ada",
    ),
    Row(
        "perencanaan:subkegiatan_edit",
        "GET",
        lambda d: {"row_id": MISSING_ID},
        expect(NOT_FOUND, anonymous=LOGIN),
        variant="baris tidak ada",
    ),
    Row(
        "perencanaan:subkegiatan_edit",
        "GET",
        lambda d: {"row_id": d.kegiatan.pk},
        expect(NOT_FOUND, anonymous=LOGIN, other_opd=FORBIDDEN, other_pemda=FORBIDDEN),
        variant="baris kegiatan",
        note="hanya sub kegiatan yang diubah di formulir ini; pengguna OPD lain tidak diberi tahu jenis barisnya",
    ),
    Row(
        "ikm_hasil:hasil",
        "GET",
        lambda d: {"periode_id": MISSING_ID},
        expect(NOT_FOUND, anonymous=LOGIN),
        variant="periode tidak ada",
    ),
    Row(
        "ikm_hasil:iku",
        "POST",
        lambda d: {"periode_id": MISSING_ID},
        expect(NOT_FOUND, anonymous=LOGIN),
        variant="periode tidak ada",
    ),
    Row(
        "pemeriksaan_impor:tahap",
        "POST",
        lambda d: {"renja_id": MISSING_ID},
        expect(NOT_FOUND, anonymous=LOGIN),
        variant="Renja tidak ada",
    ),
    Row(
        "pemeriksaan_impor:renja_baru",
        "GET",
        lambda d: {"opd_id": MISSING_ID},
        expect(NOT_FOUND, anonymous=LOGIN),
        variant="OPD tidak ada",
    ),
    Row(
        "nomenklatur:detail",
        "GET",
        lambda d: {"versi": "1999", "kode": "1.06"},
        expect(NOT_FOUND, anonymous=LOGIN),
        variant="versi tidak ada",
    ),
    # --- pemeriksaan (issue 8): rules help, document checker, findings of a stage ------------------------------
    Row("pemeriksaan:aturan", "GET", kw_none, expect(OK, anonymous=LOGIN), note="bantuan dibuat dari aturan"),
    Row("pemeriksaan:aturan", "POST", kw_none, expect(OK, anonymous=LOGIN)),
    Row("pemeriksaan:dokumen", "GET", kw_none, expect(OK, anonymous=LOGIN), note="tidak menyentuh data OPD mana pun"),
    Row(
        "pemeriksaan:dokumen",
        "POST",
        kw_none,
        expect(FORM, anonymous=LOGIN),
        note="tanpa berkas: formulir kembali dengan pesan; berkas tidak disimpan",
    ),
    Row("pemeriksaan:tahap", "GET", kw_tahap, expect(OK, **READ_OPD)),
    Row("pemeriksaan:tahap", "POST", kw_tahap, expect(OK, **READ_OPD)),
    Row(
        "pemeriksaan:tahap",
        "GET",
        lambda d: {"tahap_id": MISSING_ID},
        expect(NOT_FOUND, anonymous=LOGIN),
        variant="tahap tidak ada",
    ),
    Row("pemeriksaan:ringkas", "GET", kw_tahap, expect(OK, **READ_OPD), note="dimuat halaman Renja (htmx)"),
    Row("pemeriksaan:ringkas", "POST", kw_tahap, expect(OK, **READ_OPD)),
    Row("pemeriksaan:terima", "GET", kw_tahap, POST_ONLY),
    Row(
        "pemeriksaan:terima",
        "POST",
        kw_tahap,
        expect(FORBIDDEN, admin_global=REFUSED, admin_opd=REFUSED, perencana=REFUSED, anonymous=LOGIN),
        note="perencana dan admin OPD menerima temuan; tanpa alasan ditolak dengan pesan",
    ),
]


# --- docs/akses.md ------------------------------------------------------------------------------------------

SHORT = {
    "admin_global": "admin global",
    "admin_opd": "admin OPD",
    "perencana": "perencana",
    "operator_unit": "operator unit baris",
    "operator_other": "operator unit lain",
    "pimpinan": "pimpinan",
    "pemeriksa": "pemeriksa",
    "other_opd": "OPD lain",
    "other_pemda": "Pemda lain",
    "anonymous": "anonim",
}


def routes() -> dict[str, str]:
    """URL name -> route ('/renja/<int:renja_id>/') for every named pattern of the project."""
    from django.urls import URLPattern, URLResolver, get_resolver

    found: dict[str, str] = {}

    def walk(patterns, prefix: str, ns: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                sub_ns = f"{ns}{p.namespace}:" if p.namespace else ns
                walk(p.url_patterns, prefix + str(p.pattern), sub_ns)
            elif isinstance(p, URLPattern):
                found[f"{ns}{p.name}" if p.name else prefix + str(p.pattern)] = "/" + prefix + str(p.pattern)

    walk(get_resolver().url_patterns, "", "")
    return found


def markdown() -> str:
    paths = routes()
    head = ["metode", "URL", *(SHORT[i] for i in IDENTITIES)]
    lines = [
        "# Matriks akses",
        "",
        "Dibuat dari `tests/organisasi/akses_matrix.py` oleh `python -m tests.organisasi.akses_matrix`; jangan",
        "diubah dengan tangan. `tests/organisasi/test_akses_matrix.py` menjalankan setiap sel sebagai uji dan gagal",
        "bila berkas ini berbeda dari tabel, atau bila ada URL tanpa baris GET dan POST.",
        "",
        "Objek contoh: Renja 2026 Dinas Sosial Kota Bekasi (data demo), tahap Rancangan Akhir (draf), sub kegiatan",
        "1.06.04.2.01.0001 (unit Bidang Rehabilitasi Sosial) dan kegiatannya 1.06.04.2.01. Realisasi: sub",
        "kegiatan yang sama pada tahap yang berlaku (Rancangan Akhir RKPD), triwulan II (draf di semua unit;",
        "triwulan I disetujui). Baris dengan persiapan (tahap diajukan, unit diajukan, bukti diunggah, ...)",
        "menyebutnya di Catatan; penolakan (302 ditolak) baris realisasi diperiksa berasal dari pemeriksaan akses,",
        "bukan dari status objek.",
        "",
        "## Identitas",
        "",
        "| kolom | siapa |",
        "|---|---|",
        *(f"| {SHORT[k]} | {v} |" for k, v in IDENTITIES.items()),
        "",
        "## Hasil",
        "",
        "| kode | arti |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in MEANING.items()),
        "",
        "## Matriks",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    notes = []
    for b in ROWS:
        path = paths.get(b.name, "?")
        where = f"{b.name}, {b.variant}" if b.variant else b.name
        lines.append(f"| {b.method} | `{path}` ({where}) | " + " | ".join(b.outcomes[i] for i in IDENTITIES) + " |")
        if b.note:
            notes.append(f"- {b.method} `{path}`" + (f" ({b.variant})" if b.variant else "") + f": {b.note}")
    if notes:
        lines += ["", "## Catatan", "", *notes]
    return "\n".join(lines) + "\n"


def docs_path():
    from pathlib import Path

    return Path(__file__).resolve().parents[2] / "docs" / "akses.md"


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.settings")
    django.setup()
    docs_path().write_text(markdown(), encoding="utf-8")
    print(f"{docs_path()} ditulis: {len(ROWS)} baris.")
