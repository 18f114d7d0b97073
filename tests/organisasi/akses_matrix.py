"""The access matrix: every URL x method x identity with its expected outcome.

One table drives two things, so they cannot drift apart:
  - tests/organisasi/test_akses_matrix.py requests every cell and compares the outcome, and fails when a URL
    pattern of the project has no GET row or no POST row here;
  - docs/akses.md is generated from it (a test fails when the file differs). After changing the table run

        .venv/bin/python -m tests.organisasi.akses_matrix

    to rewrite docs/akses.md.

Adding a page
-------------
Add one `Baris` per URL name and method (GET and POST, both required) to `BARIS` below:

    Baris("app:name", "GET", kw_renja, hasil(OK, anonim=MASUK, opd_lain=DILARANG, pemda_lain=DILARANG)),

  - `kwargs(d)` builds the URL kwargs from the demo objects `d` (class `Demo`: renja, tahap, row, ...);
    reuse kw_renja, kw_tahap, kw_row, kw_kegiatan or write a lambda.
  - `hasil(bawaan, **lain)` gives every identity the outcome `bawaan` except those named; the test checks that
    each row names an outcome for every identity in IDENTITAS.
  - `data(d)` (optional) is the POST body; `siapkan(d)` (optional) puts the demo in the state the row needs
    (e.g. a submitted tahap) before the identities are tried. Every identity is tried in its own savepoint,
    rolled back afterwards, so one identity's successful POST does not change what the next one sees.
  - `catatan` (optional) is one line for docs/akses.md: why a cell is what it is.
  - `varian` (optional) names a further row for the same URL and method with other kwargs, such as an id that
    does not exist (404) or an object of the wrong kind.

Outcomes: OK (200), FORM (400: the form came back with errors, so the access check passed), DILARANG (403),
TIDAK_ADA (404), METODE (405), MASUK (302 to the login page), ALIH (302 elsewhere, no error message: done),
ALIH_TOLAK (302 with an error message: the action was refused and nothing changed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# --- identities -----------------------------------------------------------------------------------------

IDENTITAS: dict[str, str] = {
    "admin_global": "admin global (tanpa OPD)",
    "admin_opd": "admin OPD (Dinas Sosial)",
    "perencana": "perencana",
    "operator_unit": "operator unit baris (Rehsos)",
    "operator_lain": "operator unit lain (Linjamsos)",
    "pimpinan": "pimpinan",
    "pemeriksa": "pemeriksa",
    "opd_lain": "perencana OPD lain (Dinas Kesehatan Kota Bekasi)",
    "pemda_lain": "admin OPD di Pemda lain (Dinas Sosial Kabupaten Bekasi)",
    "anonim": "belum masuk",
}

# --- outcomes -------------------------------------------------------------------------------------------

OK = "200"
FORM = "400"
DILARANG = "403"
TIDAK_ADA = "404"
METODE = "405"
MASUK = "302 masuk"
ALIH = "302"
ALIH_TOLAK = "302 ditolak"

ARTI = {
    OK: "halaman tampil",
    FORM: "formulir kembali dengan pesan galat (pemeriksaan akses lolos, isian ditolak)",
    DILARANG: "ditolak: halaman 403 dengan pesan",
    TIDAK_ADA: "tidak ditemukan",
    METODE: "metode tidak diizinkan",
    MASUK: "dialihkan ke halaman masuk",
    ALIH: "dialihkan setelah berhasil (atau ke halaman tujuan)",
    ALIH_TOLAK: "dialihkan dengan pesan galat: tindakan ditolak, tidak ada yang berubah",
}


def hasil(bawaan: str, **lain: str) -> dict[str, str]:
    unknown = set(lain) - set(IDENTITAS)
    if unknown:
        raise KeyError(f"identitas tidak dikenal: {sorted(unknown)}")
    return {ident: lain.get(ident, bawaan) for ident in IDENTITAS}


# The common shapes: what any reader of the OPD gets, and what its writers get.
BACA_OPD = dict(anonim=MASUK, opd_lain=DILARANG, pemda_lain=DILARANG)
POST_SAJA = hasil(METODE)  # require_POST answers 405 before anything else, even to the anonymous


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


def kw_renja(d: Demo) -> dict:
    return {"renja_id": d.renja.pk}


def kw_tahap(d: Demo) -> dict:
    return {"tahap_id": d.tahap.pk}


def kw_row(d: Demo) -> dict:
    return {"row_id": d.row.pk}


def kw_kegiatan(d: Demo) -> dict:
    return {"parent_id": d.kegiatan.pk}


def kw_tidak_ada(d: Demo) -> dict:
    return {}


TIDAK_ADA_ID = 987654321  # an id no demo object has


def _ajukan(d: Demo) -> None:
    from renja.perencanaan import services

    services.tahap_submit(actor=d.users["admin_opd"], tahap=d.tahap)


def _tetapkan(d: Demo) -> None:
    from renja.perencanaan import services

    _ajukan(d)
    services.tahap_tetapkan(actor=d.users["admin_opd"], tahap=d.tahap)


def _edit_form(d: Demo) -> dict:
    from tests.perencanaan.test_edit_access import form_data

    return form_data(d.row, **{"indikator-0-target": "650"})


def _new_form(d: Demo) -> dict:
    from tests.perencanaan.test_add_delete_http import new_form

    return new_form(unit=d.row.unit_id)


# --- the table ------------------------------------------------------------------------------------------


@dataclass
class Baris:
    name: str  # URL name, "namespace:name"
    method: str  # "GET" or "POST"
    kwargs: Callable[[Demo], dict]
    outcomes: dict[str, str]
    data: Callable[[Demo], dict] | None = None
    siapkan: Callable[[Demo], None] | None = None
    catatan: str = ""
    varian: str = ""  # a second row for the same URL and method, e.g. an object that does not exist

    @property
    def key(self) -> str:
        return f"{self.method} {self.name}" + (f" ({self.varian})" if self.varian else "")


BARIS: list[Baris] = [
    # --- login, home -------------------------------------------------------------------------------------
    Baris("beranda", "GET", kw_tidak_ada, hasil(ALIH, anonim=MASUK), catatan="ke daftar Renja"),
    Baris("beranda", "POST", kw_tidak_ada, hasil(ALIH, anonim=MASUK)),
    Baris("masuk", "GET", kw_tidak_ada, hasil(ALIH, anonim=OK), catatan="yang sudah masuk dialihkan ke beranda"),
    Baris(
        "masuk",
        "POST",
        kw_tidak_ada,
        hasil(ALIH, anonim=OK),
        data=lambda d: {"username": "perencana", "password": "salah"},
        catatan="kata sandi salah: formulir kembali (200) dengan pesan",
    ),
    Baris("keluar", "GET", kw_tidak_ada, hasil(METODE), catatan="keluar hanya lewat POST (Django 5)"),
    Baris("keluar", "POST", kw_tidak_ada, hasil(MASUK), catatan="keluar lalu ke halaman masuk"),
    # --- nomenclature: a reference list every signed-in user may read --------------------------------------
    Baris("nomenklatur:list", "GET", kw_tidak_ada, hasil(OK, anonim=MASUK)),
    Baris("nomenklatur:list", "POST", kw_tidak_ada, hasil(OK, anonim=MASUK)),
    Baris(
        "nomenklatur:detail",
        "GET",
        lambda d: {"versi": "2027", "kode": "1.06.04.2.01.0001"},
        hasil(OK, anonim=MASUK),
    ),
    Baris(
        "nomenklatur:detail",
        "POST",
        lambda d: {"versi": "2027", "kode": "1.06.04.2.01.0001"},
        hasil(OK, anonim=MASUK),
    ),
    # --- Renja pages -------------------------------------------------------------------------------------
    Baris(
        "perencanaan:list",
        "GET",
        kw_tidak_ada,
        hasil(ALIH, anonim=MASUK, opd_lain=OK, pemda_lain=OK),
        catatan="satu Renja terlihat: langsung ke Renja itu; OPD lain melihat daftar kosong",
    ),
    Baris("perencanaan:list", "POST", kw_tidak_ada, hasil(ALIH, anonim=MASUK, opd_lain=OK, pemda_lain=OK)),
    Baris("perencanaan:detail", "GET", kw_renja, hasil(OK, **BACA_OPD)),
    Baris("perencanaan:detail", "POST", kw_renja, hasil(OK, **BACA_OPD)),
    Baris("perencanaan:diff", "GET", kw_renja, hasil(OK, **BACA_OPD)),
    Baris("perencanaan:diff", "POST", kw_renja, hasil(OK, **BACA_OPD)),
    Baris("perencanaan:renstra", "GET", lambda d: {"renstra_id": d.renstra.pk}, hasil(OK, **BACA_OPD)),
    Baris("perencanaan:renstra", "POST", lambda d: {"renstra_id": d.renstra.pk}, hasil(OK, **BACA_OPD)),
    Baris("perencanaan:tahap_history", "GET", kw_tahap, hasil(OK, **BACA_OPD)),
    Baris("perencanaan:tahap_history", "POST", kw_tahap, hasil(OK, **BACA_OPD)),
    Baris("perencanaan:row_history", "GET", kw_row, hasil(OK, **BACA_OPD)),
    Baris("perencanaan:row_history", "POST", kw_row, hasil(OK, **BACA_OPD)),
    # --- stage actions: POST only; refused in-OPD roles come back to the page with the reason -------------
    Baris("perencanaan:tahap_create", "GET", kw_renja, POST_SAJA),
    Baris(
        "perencanaan:tahap_create",
        "POST",
        kw_renja,
        hasil(ALIH_TOLAK, admin_global=ALIH, admin_opd=ALIH, perencana=ALIH, **BACA_OPD),
        data=lambda d: {"jenis": "penetapan", "dari": d.tahap.pk},
        siapkan=_tetapkan,
        catatan="tahap Rancangan Akhir sudah ditetapkan; tahap Penetapan dibuat dari salinannya",
    ),
    Baris("perencanaan:tahap_submit", "GET", kw_tahap, POST_SAJA),
    Baris(
        "perencanaan:tahap_submit",
        "POST",
        kw_tahap,
        hasil(ALIH_TOLAK, admin_global=ALIH, admin_opd=ALIH, perencana=ALIH, pimpinan=ALIH, **BACA_OPD),
        catatan="tahap draf",
    ),
    Baris("perencanaan:tahap_tetapkan", "GET", kw_tahap, POST_SAJA),
    Baris(
        "perencanaan:tahap_tetapkan",
        "POST",
        kw_tahap,
        hasil(ALIH_TOLAK, admin_global=ALIH, admin_opd=ALIH, pimpinan=ALIH, **BACA_OPD),
        siapkan=_ajukan,
        catatan="tahap diajukan",
    ),
    Baris("perencanaan:tahap_return", "GET", kw_tahap, POST_SAJA),
    Baris(
        "perencanaan:tahap_return",
        "POST",
        kw_tahap,
        hasil(ALIH_TOLAK, admin_global=ALIH, admin_opd=ALIH, pimpinan=ALIH, **BACA_OPD),
        data=lambda d: {"alasan": "Target belum sesuai Renstra"},
        siapkan=_ajukan,
        catatan="tahap diajukan",
    ),
    # --- rows of the draft stage --------------------------------------------------------------------------
    Baris(
        "perencanaan:subkegiatan_edit",
        "GET",
        kw_row,
        hasil(DILARANG, admin_global=OK, admin_opd=OK, perencana=OK, operator_unit=OK, anonim=MASUK),
    ),
    Baris(
        "perencanaan:subkegiatan_edit",
        "POST",
        kw_row,
        hasil(DILARANG, admin_global=ALIH, admin_opd=ALIH, perencana=ALIH, operator_unit=ALIH, anonim=MASUK),
        data=_edit_form,
        catatan="target indikator 500 → 650",
    ),
    Baris(
        "perencanaan:subkegiatan_create",
        "GET",
        kw_kegiatan,
        hasil(OK, pimpinan=DILARANG, pemeriksa=DILARANG, **BACA_OPD),
        catatan="operator unit lain masih mendapat formulir (isu 6 cacat 10: POST-nya ditolak)",
    ),
    Baris(
        "perencanaan:subkegiatan_create",
        "POST",
        kw_kegiatan,
        hasil(ALIH, operator_lain=DILARANG, pimpinan=DILARANG, pemeriksa=DILARANG, **BACA_OPD),
        data=_new_form,
        catatan="sub kegiatan baru 1.06.04.2.01.0017 untuk Bidang Rehsos",
    ),
    Baris("perencanaan:row_delete", "GET", kw_row, POST_SAJA),
    Baris(
        "perencanaan:row_delete",
        "POST",
        kw_row,
        hasil(DILARANG, admin_global=ALIH, admin_opd=ALIH, perencana=ALIH, operator_unit=ALIH, anonim=MASUK),
        data=lambda d: {"version": d.row.version},
    ),
    # --- objects that do not exist, or are of the wrong kind ---------------------------------------------
    Baris(
        "perencanaan:detail",
        "GET",
        lambda d: {"renja_id": TIDAK_ADA_ID},
        hasil(TIDAK_ADA, anonim=MASUK),
        varian="Renja tidak ada",
    ),
    Baris(
        "perencanaan:subkegiatan_edit",
        "GET",
        lambda d: {"row_id": TIDAK_ADA_ID},
        hasil(TIDAK_ADA, anonim=MASUK),
        varian="baris tidak ada",
    ),
    Baris(
        "perencanaan:subkegiatan_edit",
        "GET",
        lambda d: {"row_id": d.kegiatan.pk},
        hasil(TIDAK_ADA, anonim=MASUK, opd_lain=DILARANG, pemda_lain=DILARANG),
        varian="baris kegiatan",
        catatan="hanya sub kegiatan yang diubah di formulir ini; pengguna OPD lain tidak diberi tahu jenis barisnya",
    ),
    Baris(
        "nomenklatur:detail",
        "GET",
        lambda d: {"versi": "1999", "kode": "1.06"},
        hasil(TIDAK_ADA, anonim=MASUK),
        varian="versi tidak ada",
    ),
]


# --- docs/akses.md ------------------------------------------------------------------------------------------

SINGKAT = {
    "admin_global": "admin global",
    "admin_opd": "admin OPD",
    "perencana": "perencana",
    "operator_unit": "operator unit baris",
    "operator_lain": "operator unit lain",
    "pimpinan": "pimpinan",
    "pemeriksa": "pemeriksa",
    "opd_lain": "OPD lain",
    "pemda_lain": "Pemda lain",
    "anonim": "anonim",
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
    head = ["metode", "URL", *(SINGKAT[i] for i in IDENTITAS)]
    lines = [
        "# Matriks akses",
        "",
        "Dibuat dari `tests/organisasi/akses_matrix.py` oleh `python -m tests.organisasi.akses_matrix`; jangan",
        "diubah dengan tangan. `tests/organisasi/test_akses_matrix.py` menjalankan setiap sel sebagai uji dan gagal",
        "bila berkas ini berbeda dari tabel, atau bila ada URL tanpa baris GET dan POST.",
        "",
        "Objek contoh: Renja 2026 Dinas Sosial Kota Bekasi (data demo), tahap Rancangan Akhir (draf), sub kegiatan",
        "1.06.04.2.01.0001 (unit Bidang Rehabilitasi Sosial) dan kegiatannya 1.06.04.2.01.",
        "",
        "## Identitas",
        "",
        "| kolom | siapa |",
        "|---|---|",
        *(f"| {SINGKAT[k]} | {v} |" for k, v in IDENTITAS.items()),
        "",
        "## Hasil",
        "",
        "| kode | arti |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in ARTI.items()),
        "",
        "## Matriks",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    notes = []
    for b in BARIS:
        path = paths.get(b.name, "?")
        where = f"{b.name}, {b.varian}" if b.varian else b.name
        lines.append(f"| {b.method} | `{path}` ({where}) | " + " | ".join(b.outcomes[i] for i in IDENTITAS) + " |")
        if b.catatan:
            notes.append(f"- {b.method} `{path}`" + (f" ({b.varian})" if b.varian else "") + f": {b.catatan}")
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
    print(f"{docs_path()} ditulis: {len(BARIS)} baris.")
