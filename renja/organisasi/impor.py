"""Bulk setup of a Pemda from one file: sheets (XLSX) or sections (YAML/JSON) OPD, Unit, Pengguna, Peran.

All or nothing: the shared importer (renja.inti.impor) reads every cell and names each bad one; the checks that
need the database or other sheets (an unknown unit, a username already taken) are added to the same list; only a
file without a single problem is written, in one transaction, through the organisasi services (each write
audited). New accounts get one-time passwords, returned once for the page or the command to show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from renja.inti import impor
from renja.inti.audit import audit_record
from renja.organisasi import access, services
from renja.organisasi.models import Pemda, Peran, PerangkatDaerah, UnitKerja
from renja.organisasi.validators import kode_bersih, nip_alasan, nip_bersih

JENIS_BERKAS = {"xlsx", "json", "csv", "teks"}  # YAML is text; JSON is YAML too
# Each new account costs one argon2 hash (benchmarks/impor_organisasi.py); through the web a request must end
# well within the server's timeout, so an upload creates at most this many accounts; the command has no cap.
PENGGUNA_MAKS_UNGGAH = 100


def _nip(nilai: Any) -> str:
    if not isinstance(nilai, str):
        # 18 digits exceed what a spreadsheet number keeps (15 significant digits): the last ones are lost.
        raise ValueError("ditulis sebagai angka; format sel sebagai Teks agar ke-18 digit NIP utuh")
    alasan = nip_alasan(nilai)
    if alasan:
        raise ValueError(alasan)
    return nip_bersih(nilai)


def _kode(nilai: Any) -> str:
    return kode_bersih(impor.teks(maks=60)(nilai))


def _username(nilai: Any) -> str:
    return impor.teks(maks=150)(nilai)


_PERAN = {p.value: p.value for p in Peran}

SKEMA = {
    "OPD": impor.Skema(
        "OPD",
        [
            impor.Kolom(
                "kode", "Kode OPD", wajib=True, urai=_kode, catatan="kode unit SIPD", contoh="1.01.0.00.0.00.01.0000"
            ),
            impor.Kolom("nama", "Nama", wajib=True, urai=impor.teks(maks=200), contoh="Dinas Pendidikan"),
            impor.Kolom("singkatan", "Singkatan", urai=impor.teks(maks=30), contoh="Disdik"),
            impor.Kolom("kepala_nama", "Nama Kepala", urai=impor.teks(maks=120), contoh="Dra. SITI AMINAH, M.Pd."),
            impor.Kolom(
                "kepala_pangkat", "Pangkat/Golongan", urai=impor.teks(maks=80), contoh="Pembina Utama Muda (IV/c)"
            ),
            impor.Kolom(
                "kepala_nip",
                "NIP Kepala",
                urai=_nip,
                catatan="18 digit; format sel Teks",
                contoh="19700101 199503 2 001",
            ),
            impor.Kolom(
                "kepala_jabatan", "Jabatan Kepala", urai=impor.teks(maks=120), contoh="Kepala Dinas Pendidikan"
            ),
        ],
        wajib_ada=False,
    ),
    "Unit": impor.Skema(
        "Unit",
        [
            impor.Kolom("opd", "Kode OPD", wajib=True, urai=_kode, contoh="1.01.0.00.0.00.01.0000"),
            impor.Kolom(
                "kode",
                "Kode Unit",
                wajib=True,
                urai=impor.teks(maks=30),
                catatan="huruf kecil tanpa spasi",
                contoh="sekretariat",
            ),
            impor.Kolom("nama", "Nama Unit", wajib=True, urai=impor.teks(maks=200), contoh="Sekretariat"),
        ],
        wajib_ada=False,
    ),
    "Pengguna": impor.Skema(
        "Pengguna",
        [
            impor.Kolom("username", "Nama Pengguna", wajib=True, urai=_username, contoh="budi.santoso"),
            impor.Kolom("nama_lengkap", "Nama Lengkap", wajib=True, urai=impor.teks(maks=150), contoh="Budi Santoso"),
            impor.Kolom(
                "opd",
                "Kode OPD",
                urai=_kode,
                catatan="kosong untuk akun tingkat Pemda (Bappeda, Inspektorat)",
                contoh="1.01.0.00.0.00.01.0000",
            ),
            impor.Kolom("email", "Surel", urai=impor.teks(maks=254), contoh="budi@contoh.go.id"),
            impor.Kolom("nip", "NIP", urai=_nip, catatan="18 digit; format sel Teks", contoh="19850101 201001 1 001"),
            impor.Kolom("jabatan", "Jabatan", urai=impor.teks(maks=120), contoh="Analis Perencanaan"),
        ],
        wajib_ada=False,
    ),
    "Peran": impor.Skema(
        "Peran",
        [
            impor.Kolom("username", "Nama Pengguna", wajib=True, urai=_username, contoh="budi.santoso"),
            impor.Kolom(
                "peran",
                "Peran",
                wajib=True,
                urai=impor.pilihan(_PERAN),
                catatan="admin, perencana, operator, pimpinan, pemeriksa",
                contoh="perencana",
            ),
            impor.Kolom(
                "opd",
                "Kode OPD",
                urai=_kode,
                catatan="kosong = seluruh Pemda (hanya admin, pemeriksa)",
                contoh="1.01.0.00.0.00.01.0000",
            ),
            impor.Kolom("unit", "Kode Unit", urai=impor.teks(maks=30), catatan="wajib untuk operator"),
        ],
        wajib_ada=False,
    ),
}


@dataclass
class HasilImpor:
    opd: list[PerangkatDaerah] = field(default_factory=list)
    unit: list[UnitKerja] = field(default_factory=list)
    pengguna: list[tuple[str, str]] = field(default_factory=list)  # (username, one-time password)
    peran: int = 0

    def ringkasan(self) -> str:
        return (
            f"{len(self.opd)} perangkat daerah, {len(self.unit)} unit kerja, {len(self.pengguna)} pengguna, "
            f"{self.peran} peran"
        )


def templat() -> bytes:
    """The workbook to fill in (sheets OPD, Unit, Pengguna, Peran and a Petunjuk sheet)."""
    return impor.templat_xlsx(SKEMA)


def baca(data: bytes, *, jenis: str) -> impor.Hasil:
    """Read the file the upload guard let through: XLSX by sheets, anything textual as YAML (JSON is YAML)."""
    if jenis == "xlsx":
        return impor.baca_xlsx(data, SKEMA)
    return impor.baca_yaml(data, SKEMA)


def _tolak_validasi(hasil, rekaman, kunci: str, exc: ValidationError) -> None:
    pesan = (
        " ".join(m for ms in exc.message_dict.values() for m in ms)
        if hasattr(exc, "error_dict")
        else " ".join(exc.messages)
    )
    hasil.tolak(rekaman, kunci, pesan)


def periksa(hasil: impor.Hasil, *, pemda: Pemda, pengguna_maks: int | None = None) -> None:
    """The checks across sheets and against the database; every problem goes on `hasil` (nothing is written)."""
    if pengguna_maks is not None and len(hasil["Pengguna"]) > pengguna_maks:
        hasil.tolak(
            impor.Asal("Pengguna"),
            None,
            f"{len(hasil['Pengguna'])} pengguna baru; lewat halaman ini paling banyak {pengguna_maks} per berkas "
            "(bagi berkasnya, atau pakai perintah `renja impor organisasi BERKAS`)",
        )
    ada_opd = {o.kode: o for o in PerangkatDaerah.objects.filter(pemda=pemda)}
    opd_baru: dict[str, Any] = {}
    for r in hasil["OPD"]:
        kode = r["kode"]
        if not kode:
            continue
        if kode in ada_opd:
            hasil.tolak(r, "kode", f"perangkat daerah {kode} sudah ada di {pemda.nama}")
        elif kode in opd_baru:
            hasil.tolak(r, "kode", f"kode {kode} sudah tertulis di {opd_baru[kode].asal_baris}")
        else:
            try:
                services.opd_kode_validate(kode)
            except ValidationError as exc:
                _tolak_validasi(hasil, r, "kode", exc)
        opd_baru.setdefault(kode, r)
    semua_opd = set(ada_opd) | set(opd_baru)

    def opd_dikenal(r, kunci="opd") -> bool:
        if r[kunci] and r[kunci] not in semua_opd:
            hasil.tolak(r, kunci, f"perangkat daerah {r[kunci]} tidak ada di {pemda.nama} maupun di lembar OPD")
            return False
        return True

    ada_unit = {(u.opd.kode, u.kode) for u in UnitKerja.objects.filter(opd__pemda=pemda).select_related("opd")}
    unit_baru: dict[tuple[str, str], Any] = {}
    for r in hasil["Unit"]:
        if not r["opd"] or not r["kode"] or not opd_dikenal(r):
            continue
        kode = r["kode"].lower()
        kunci = (r["opd"], kode)
        if not all(c.isascii() and (c.isalnum() or c in "-_") for c in kode):
            hasil.tolak(r, "kode", "hanya boleh huruf, angka, - dan _")
        elif kunci in ada_unit:
            hasil.tolak(r, "kode", f"unit {kode} sudah ada di perangkat daerah {r['opd']}")
        elif kunci in unit_baru:
            hasil.tolak(r, "kode", f"unit {kode} sudah tertulis di {unit_baru[kunci].asal_baris}")
        unit_baru.setdefault(kunci, r)
    semua_unit = ada_unit | set(unit_baru)

    User = get_user_model()
    pengguna_baru: dict[str, Any] = {}
    for r in hasil["Pengguna"]:
        nama = r["username"]
        if not nama:
            continue
        opd_dikenal(r)
        if nama.casefold() in pengguna_baru:
            hasil.tolak(r, "username", f"sudah tertulis di {pengguna_baru[nama.casefold()].asal_baris}")
            continue
        pengguna_baru[nama.casefold()] = r
        if User.objects.filter(username__iexact=nama).exists():
            hasil.tolak(r, "username", f"nama pengguna '{nama}' sudah dipakai")
        elif not all(c.isalnum() or c in "@.+-_" for c in nama):
            hasil.tolak(r, "username", "hanya boleh huruf, angka dan @ . + - _ (tanpa spasi)")
        if r["email"]:
            try:
                validate_email(r["email"])
            except ValidationError:
                hasil.tolak(r, "email", f"'{r['email']}' bukan alamat surel yang sah")

    pengguna_pemda = {u.casefold() for u in User.objects.filter(akun__pemda=pemda).values_list("username", flat=True)}
    for r in hasil["Peran"]:
        nama, peran = r["username"], r["peran"]
        if nama and nama.casefold() not in pengguna_baru and nama.casefold() not in pengguna_pemda:
            hasil.tolak(r, "username", f"pengguna '{nama}' tidak ada di lembar Pengguna maupun di {pemda.nama}")
        if not peran or not opd_dikenal(r):
            continue
        if not r["opd"] and peran not in (Peran.ADMIN, Peran.PEMERIKSA):
            hasil.tolak(r, "opd", f"peran {peran} wajib untuk satu perangkat daerah (isi Kode OPD)")
        if peran == Peran.OPERATOR and not r["unit"]:
            hasil.tolak(r, "unit", "operator wajib ditugaskan pada satu unit kerja")
        elif r["unit"] and peran == Peran.OPERATOR and r["opd"] and (r["opd"], r["unit"].lower()) not in semua_unit:
            hasil.tolak(r, "unit", f"unit '{r['unit']}' tidak ada di perangkat daerah {r['opd']}")


@transaction.atomic
def impor_organisasi(*, actor, pemda: Pemda, hasil: impor.Hasil, pengguna_maks: int | None = None) -> HasilImpor:
    """Write a checked file: every row through the services, all in one transaction."""
    if actor is not None:
        access.access_pemda_manage(actor, pemda)
    periksa(hasil, pemda=pemda, pengguna_maks=pengguna_maks)
    hasil.periksa()  # raises GalatImpor naming every bad cell; nothing was written
    out = HasilImpor()
    opd_by_kode = {o.kode: o for o in PerangkatDaerah.objects.filter(pemda=pemda)}
    for r in hasil["OPD"]:
        opd = services.opd_create(
            actor=actor,
            pemda=pemda,
            kode=r["kode"],
            nama=r["nama"],
            singkatan=r["singkatan"] or "",
            kepala_nama=r["kepala_nama"] or "",
            kepala_pangkat=r["kepala_pangkat"] or "",
            kepala_nip=r["kepala_nip"] or "",
            kepala_jabatan=r["kepala_jabatan"] or "",
            system=True,
        )
        opd_by_kode[opd.kode] = opd
        out.opd.append(opd)
    for r in hasil["Unit"]:
        unit = services.unit_create(actor=actor, opd=opd_by_kode[r["opd"]], kode=r["kode"], nama=r["nama"], system=True)
        out.unit.append(unit)
    User = get_user_model()
    for r in hasil["Pengguna"]:
        sandi = services.sandi_sekali_buat()
        opd = opd_by_kode[r["opd"]] if r["opd"] else None
        services.user_create(
            actor=actor,
            username=r["username"],
            password=sandi,
            nama_lengkap=r["nama_lengkap"],
            email=r["email"] or "",
            pemda=pemda,
            opd=opd,
            nip=r["nip"] or "",
            jabatan=r["jabatan"] or "",
            wajib_ganti_sandi=True,
        )
        out.pengguna.append((r["username"], sandi))
    for r in hasil["Peran"]:
        user = User.objects.get(username__iexact=r["username"])
        opd = opd_by_kode[r["opd"]] if r["opd"] else None
        unit = (
            opd.unit_kerja.get(kode=r["unit"].lower()) if opd and r["unit"] and r["peran"] == Peran.OPERATOR else None
        )
        services.peran_assign(
            actor=actor, user=user, peran=r["peran"], opd=opd, unit=unit, pemda=None if opd else pemda, system=True
        )
        out.peran += 1
    audit_record(
        actor=actor,
        event_type="import",
        action="impor_organisasi",
        obj=pemda,
        new={
            "opd": [o.kode for o in out.opd],
            "unit": len(out.unit),
            "pengguna": [u for u, _ in out.pengguna],
            "peran": out.peran,
        },
    )
    return out
