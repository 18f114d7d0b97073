"""The narrative of a Renja document (BAB I-V) as Markdown with placeholders for the plan's own figures.

Every number that describes the plan's data (how many programs, kegiatan and sub kegiatan, the pagu and its
terbilang, capaian, serapan) is written as a placeholder the user inserts from a list, never typed, so the text
follows the data: change a pagu and every place it appears changes, terbilang included. Numbers quoting other
sources (a regulation's number, a population statistic) stay text.

Syntax: ``{{nama}}`` or ``{{nama:argumen}}``, e.g. ``{{pagu_total}}``, ``{{pagu_program:1.06.02}}``,
``{{pagu_total_terbilang:judul}}``. A name the catalog does not hold, a missing or unexpected argument, an
argument the data does not know (a program code not in the stage) and a ``{{`` without its ``}}`` are errors with
a message naming them: the editor refuses the text, and :func:`narasi_isi` raises :class:`NarasiGalat` instead of
leaving a blank in the document.

A catalog (:class:`Katalog`) maps each name to an :class:`Isian`: an Indonesian label, an example as the demo
renders it, and a provider ``(tahap, argumen) -> str`` that returns the figure already formatted the Indonesian
way. :func:`katalog_perencanaan` holds this app's figures; the capaian and serapan of the year n-2 evaluation
live with monev (``renja.monev.narasi.katalog_monev``); callers combine them (``katalog_perencanaan() |
katalog_monev()``), so this module never imports upward.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from renja.rumus.angka import format_angka, format_rupiah
from renja.rumus.terbilang import Gaya, terbilang_rupiah

__all__ = [
    "BAGIAN_BAWAAN",
    "BAB_JUDUL",
    "Isian",
    "Katalog",
    "NarasiGalat",
    "Placeholder",
    "cache_narasi",
    "katalog_perencanaan",
    "narasi_galat",
    "narasi_isi",
    "narasi_periksa",
    "narasi_sesi",
    "placeholder_dalam",
]

BAB_JUDUL = {
    1: "Pendahuluan",
    2: "Evaluasi Pelaksanaan Renja Tahun Lalu",
    3: "Tujuan dan Sasaran Perangkat Daerah",
    4: "Rencana Kerja dan Pendanaan",
    5: "Penutup",
}

# The sections of the seed's table of contents (seed lines 34-49), the structure every new stage starts with.
BAGIAN_BAWAAN: list[tuple[str, int, str]] = [
    ("1.1", 1, "Latar Belakang"),
    ("1.2", 1, "Dasar Hukum"),
    ("1.3", 1, "Maksud dan Tujuan"),
    ("1.4", 1, "Sistematika Penulisan"),
    ("2.1", 2, "Evaluasi Pelaksanaan Renja Tahun Lalu dan Capaian Renstra Perangkat Daerah"),
    ("2.2", 2, "Analisis Kinerja Pelayanan Perangkat Daerah"),
    ("2.3", 2, "Isu-isu Penting Penyelenggaraan Tugas dan Fungsi"),
    ("2.4", 2, "Review terhadap Rancangan Akhir RKPD"),
    ("2.5", 2, "Penelaahan Usulan Program dan Kegiatan Masyarakat"),
    ("3.1", 3, "Telaahan terhadap Kebijakan Nasional"),
    ("3.2", 3, "Tujuan dan Sasaran Renja"),
    ("3.3", 3, "Program dan Kegiatan"),
    ("4.1", 4, "Rencana Kerja dan Pendanaan"),
    ("5", 5, "Penutup"),
]


class NarasiGalat(ValueError):
    """A text that cannot be rendered; ``pesan`` lists every problem, each naming its placeholder."""

    def __init__(self, pesan: list[str]):
        self.pesan = list(pesan)
        super().__init__(" ".join(self.pesan))


Penyedia = Callable[[object, str], str]


@dataclass(frozen=True)
class Isian:
    label: str  # Indonesian, shown in the editor's list
    contoh: str  # as the demo renders it
    penyedia: Penyedia  # (tahap, argumen) -> the figure, formatted; raises NarasiGalat for an unknown argument
    argumen: str = ""  # what the argument is ("kode program"); empty: takes none
    argumen_wajib: bool = False

    def sintaks(self, nama: str) -> str:
        if not self.argumen:
            return "{{" + nama + "}}"
        contoh = "KODE" if "kode" in self.argumen else "ARGUMEN"
        return "{{" + nama + ":" + contoh + "}}" if self.argumen_wajib else "{{" + nama + "}}"


class Katalog(dict):
    """Ordered mapping name -> Isian; ``|`` combines two catalogs into a new one."""

    def __or__(self, other):
        gabung = Katalog(self)
        gabung.update(other)
        return gabung


@dataclass(frozen=True)
class Placeholder:
    teks: str  # as written, "{{pagu_program:1.06.02}}"
    nama: str
    argumen: str | None
    awal: int
    akhir: int


_POLA = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_NAMA = re.compile(r"[a-z][a-z0-9_]*\Z")


def placeholder_dalam(teks: str) -> list[Placeholder]:
    """Every ``{{...}}`` of `teks` in order (names lower-cased, spaces around name and argument trimmed)."""
    hasil = []
    for m in _POLA.finditer(teks or ""):
        isi = m.group(1)
        nama, sep, argumen = isi.partition(":")
        hasil.append(
            Placeholder(
                teks=m.group(0),
                nama=nama.strip(),
                argumen=argumen.strip() if sep else None,
                awal=m.start(),
                akhir=m.end(),
            )
        )
    return hasil


def _baris(teks: str, posisi: int) -> int:
    return teks.count("\n", 0, posisi) + 1


def _tanpa_penutup(teks: str) -> list[str]:
    """Messages for ``{{`` that no ``}}`` closes (a placeholder cut short would otherwise print as text)."""
    sisa = _POLA.sub(lambda m: " " * len(m.group(0)), teks or "")
    return [
        f"Baris {_baris(teks, m.start())}: tanda {{{{ tanpa penutup }}}}; tulis placeholder lengkap, "
        "mis. {{pagu_total}}."
        for m in re.finditer(r"\{\{", sisa)
    ]


def narasi_periksa(*, teks: str, katalog: Katalog) -> list[str]:
    """Indonesian messages for each placeholder `katalog` does not know, each argument it does not take or that is
    missing, and each unclosed ``{{``; empty when the text is well formed. Arguments are checked against the
    data by :func:`narasi_galat`."""
    pesan = _tanpa_penutup(teks)
    for p in placeholder_dalam(teks):
        di = f"Baris {_baris(teks, p.awal)}: "
        isian = katalog.get(p.nama) if _NAMA.match(p.nama) else None
        if isian is None:
            pesan.append(f"{di}placeholder {p.teks} tidak dikenal; pilih dari daftar placeholder.")
        elif p.argumen is not None and not isian.argumen:
            pesan.append(f"{di}placeholder {p.teks}: {{{{{p.nama}}}}} tidak memakai argumen.")
        elif p.argumen is not None and not p.argumen:
            pesan.append(f"{di}placeholder {p.teks}: argumen ({isian.argumen}) kosong.")
        elif p.argumen is None and isian.argumen_wajib:
            pesan.append(f"{di}placeholder {p.teks} memerlukan {isian.argumen}, mis. {isian.sintaks(p.nama)}.")
    return pesan


# One cache per rendering (or per narasi_sesi block): a provider asks for the stage's tree once however many
# placeholders use it, and a later rendering (after a pagu changed) computes afresh.
_CACHE: contextvars.ContextVar[dict | None] = contextvars.ContextVar("renja_narasi_cache", default=None)


def cache_narasi(kunci, hitung: Callable[[], object]):
    """`hitung()` once per rendering for `kunci` (providers use it for trees and evaluations)."""
    cache = _CACHE.get()
    if cache is None:
        return hitung()
    if kunci not in cache:
        cache[kunci] = hitung()
    return cache[kunci]


@contextlib.contextmanager
def narasi_sesi():
    """Render several texts (every section of a document) over one snapshot of the data: the stage's tree and the
    n-2 evaluation are computed once for the whole block instead of once per section. Use it only while the data
    does not change inside the block."""
    token = _CACHE.set({})
    try:
        yield
    finally:
        _CACHE.reset(token)


def _isi_semua(*, tahap, teks: str, katalog: Katalog) -> tuple[str, list[str]]:
    pesan = narasi_periksa(teks=teks, katalog=katalog)
    if pesan:
        return "", pesan
    token = _CACHE.set({}) if _CACHE.get() is None else None
    try:
        bagian, posisi = [], 0
        for p in placeholder_dalam(teks):
            bagian.append(teks[posisi : p.awal])
            try:
                bagian.append(katalog[p.nama].penyedia(tahap, p.argumen or ""))
            except NarasiGalat as exc:
                pesan.extend(f"Baris {_baris(teks, p.awal)}: placeholder {p.teks}: {m}" for m in exc.pesan)
            posisi = p.akhir
        bagian.append(teks[posisi:])
    finally:
        if token is not None:
            _CACHE.reset(token)
    return "".join(bagian), pesan


def narasi_galat(*, tahap, teks: str, katalog: Katalog) -> list[str]:
    """Every problem of `teks` for `tahap`: :func:`narasi_periksa`, and arguments the data does not know."""
    return _isi_semua(tahap=tahap, teks=teks, katalog=katalog)[1]


def narasi_isi(*, tahap, teks: str, katalog: Katalog) -> str:
    """`teks` (Markdown) with every placeholder replaced by the figure of `tahap`; :class:`NarasiGalat` when a
    placeholder is unknown or cannot be filled, never a blank."""
    hasil, pesan = _isi_semua(tahap=tahap, teks=teks, katalog=katalog)
    if pesan:
        raise NarasiGalat(pesan)
    return hasil


# --- this app's catalog ------------------------------------------------------------------------------------

_GAYA = {g.value: g for g in Gaya}


def gaya_terbilang(argumen: str) -> Gaya:
    """The optional argument of a terbilang placeholder: kecil (default), kalimat, judul or kapital."""
    if not argumen:
        return Gaya.KECIL
    try:
        return _GAYA[argumen.lower()]
    except KeyError:
        raise NarasiGalat([f"gaya terbilang '{argumen}' tidak dikenal; pilih {', '.join(_GAYA)}."]) from None


def rupiah_terbilang(nilai: Decimal, argumen: str) -> str:
    return terbilang_rupiah(nilai, gaya=gaya_terbilang(argumen), sen=False)


def _pohon(tahap):
    from renja.perencanaan.selectors import renja_tree

    return cache_narasi(("pohon", tahap.pk), lambda: renja_tree(tahap=tahap))


def _tanpa_argumen(fungsi: Callable[[object], str]) -> Penyedia:
    return lambda tahap, argumen: fungsi(tahap)


def _penunjang(kode: str) -> bool:
    """Program penunjang urusan pemerintahan daerah: X.XX.01 (Permendagri 90/2019)."""
    bagian = kode.split(".")
    return len(bagian) >= 3 and bagian[2] == "01"


def _program(tahap, kode: str):
    for p in _pohon(tahap).programs:
        if p.row.kode == kode:
            return p
    raise NarasiGalat([f"program {kode} tidak ada di tahap {tahap}."])


def _kegiatan(tahap, kode: str):
    for p in _pohon(tahap).programs:
        for k in p.children:
            if k.row.kode == kode:
                return k
    raise NarasiGalat([f"kegiatan {kode} tidak ada di tahap {tahap}."])


def _hitung_program(tahap, penunjang: bool) -> int:
    return sum(1 for p in _pohon(tahap).programs if _penunjang(p.row.kode) == penunjang)


def _hitung_kegiatan(tahap, penunjang: bool) -> int:
    return sum(len(p.children) for p in _pohon(tahap).programs if _penunjang(p.row.kode) == penunjang)


def _usulan(tahap, status: str | None = None) -> int:
    from renja.perencanaan.models import Usulan

    qs = Usulan.objects.filter(renja_id=tahap.renja_id)
    return qs.filter(status=status).count() if status else qs.count()


def _opd(tahap):
    return tahap.renja.opd


def _kepala(tahap, atribut: str, label: str) -> str:
    nilai = getattr(_opd(tahap), atribut, "") or ""
    if not nilai:
        raise NarasiGalat([f"{label} kepala perangkat daerah belum diisi (Administrasi, data kepala)."])
    return nilai


def _nip(tahap) -> str:
    from renja.organisasi.validators import nip_tampil

    return nip_tampil(_kepala(tahap, "kepala_nip", "NIP"))


def _renstra(tahap) -> str:
    renstra = tahap.renja.renstra
    if renstra is None:
        raise NarasiGalat([f"{tahap.renja} belum dikaitkan dengan Renstra."])
    return f"{renstra.tahun_awal}-{renstra.tahun_akhir}"


def katalog_perencanaan() -> Katalog:
    """The placeholders of the plan's own data (the stage's rows, the Renja, its OPD, its proposals)."""
    angka = format_angka
    return Katalog(
        {
            "tahun": Isian("Tahun Renja", "2026", _tanpa_argumen(lambda t: str(t.renja.tahun))),
            "tahun_lalu": Isian("Tahun sebelumnya (n-1)", "2025", _tanpa_argumen(lambda t: str(t.renja.tahun - 1))),
            "tahun_evaluasi": Isian(
                "Tahun yang dievaluasi (n-2)", "2024", _tanpa_argumen(lambda t: str(t.renja.tahun - 2))
            ),
            "tahun_depan": Isian(
                "Tahun prakiraan maju (n+1)", "2027", _tanpa_argumen(lambda t: str(t.renja.tahun + 1))
            ),
            "periode_renstra": Isian("Periode Renstra", "2025-2029", _tanpa_argumen(_renstra)),
            "nama_tahap": Isian("Nama tahap", "Rancangan Akhir", _tanpa_argumen(str)),
            "nama_opd": Isian("Nama perangkat daerah", "Dinas Sosial", _tanpa_argumen(lambda t: _opd(t).nama)),
            "nama_pemda": Isian("Nama pemerintah daerah", "Kota Bekasi", _tanpa_argumen(lambda t: _opd(t).pemda.nama)),
            "kepala_nama": Isian(
                "Nama kepala perangkat daerah",
                "Drs. H. ALEXANDER ZULKARNAIN, M.Si.",
                _tanpa_argumen(lambda t: _kepala(t, "kepala_nama", "Nama")),
            ),
            "kepala_nip": Isian("NIP kepala perangkat daerah", "19660301 199003 1 010", _tanpa_argumen(_nip)),
            "kepala_jabatan": Isian(
                "Jabatan kepala perangkat daerah",
                "Kepala Dinas Sosial Kota Bekasi",
                _tanpa_argumen(lambda t: _kepala(t, "kepala_jabatan", "Jabatan")),
            ),
            "jumlah_program": Isian("Jumlah program", "6", _tanpa_argumen(lambda t: angka(len(_pohon(t).programs)))),
            "jumlah_kegiatan": Isian(
                "Jumlah kegiatan",
                "12",
                _tanpa_argumen(lambda t: angka(sum(len(p.children) for p in _pohon(t).programs))),
            ),
            "jumlah_sub_kegiatan": Isian(
                "Jumlah sub kegiatan",
                "51",
                _tanpa_argumen(lambda t: angka(sum(len(k.children) for p in _pohon(t).programs for k in p.children))),
            ),
            "jumlah_program_penunjang": Isian(
                "Jumlah program penunjang urusan (X.XX.01)",
                "1",
                _tanpa_argumen(lambda t: angka(_hitung_program(t, True))),
            ),
            "jumlah_kegiatan_penunjang": Isian(
                "Jumlah kegiatan program penunjang urusan",
                "6",
                _tanpa_argumen(lambda t: angka(_hitung_kegiatan(t, True))),
            ),
            "jumlah_program_urusan": Isian(
                "Jumlah program urusan (selain penunjang)",
                "5",
                _tanpa_argumen(lambda t: angka(_hitung_program(t, False))),
            ),
            "jumlah_kegiatan_urusan": Isian(
                "Jumlah kegiatan program urusan (selain penunjang)",
                "6",
                _tanpa_argumen(lambda t: angka(_hitung_kegiatan(t, False))),
            ),
            "pagu_total": Isian(
                "Pagu seluruh sub kegiatan",
                "Rp 26.736.518.416",
                _tanpa_argumen(lambda t: format_rupiah(_pohon(t).total_pagu)),
            ),
            "pagu_total_terbilang": Isian(
                "Pagu seluruh sub kegiatan, terbilang (argumen gaya: kecil, kalimat, judul, kapital)",
                "dua puluh enam miliar tujuh ratus tiga puluh enam juta lima ratus delapan belas ribu empat ratus "
                "enam belas rupiah",
                lambda t, a: rupiah_terbilang(_pohon(t).total_pagu, a),
                argumen="gaya terbilang",
            ),
            "prakiraan_pagu_total": Isian(
                "Prakiraan maju pagu (n+1) seluruh sub kegiatan",
                "Rp 21.207.221.000",
                _tanpa_argumen(lambda t: format_rupiah(_pohon(t).total_prakiraan_pagu)),
            ),
            "pagu_program": Isian(
                "Pagu satu program (argumen: kode program)",
                "Rp 2.387.000.000",
                lambda t, a: format_rupiah(_program(t, a).pagu),
                argumen="kode program",
                argumen_wajib=True,
            ),
            "pagu_program_terbilang": Isian(
                "Pagu satu program, terbilang (argumen: kode program)",
                "dua miliar tiga ratus delapan puluh tujuh juta rupiah",
                lambda t, a: rupiah_terbilang(_program(t, a).pagu, ""),
                argumen="kode program",
                argumen_wajib=True,
            ),
            "pagu_kegiatan": Isian(
                "Pagu satu kegiatan (argumen: kode kegiatan)",
                "Rp 2.387.000.000",
                lambda t, a: format_rupiah(_kegiatan(t, a).pagu),
                argumen="kode kegiatan",
                argumen_wajib=True,
            ),
            "nama_program": Isian(
                "Nama satu program (argumen: kode program)",
                "PROGRAM REHABILITASI SOSIAL",
                lambda t, a: _program(t, a).row.nama,
                argumen="kode program",
                argumen_wajib=True,
            ),
            "jumlah_kegiatan_program": Isian(
                "Jumlah kegiatan satu program (argumen: kode program)",
                "6",
                lambda t, a: angka(len(_program(t, a).children)),
                argumen="kode program",
                argumen_wajib=True,
            ),
            "jumlah_usulan": Isian("Jumlah usulan (semua sumber)", "0", _tanpa_argumen(lambda t: angka(_usulan(t)))),
            "jumlah_usulan_diterima": Isian(
                "Jumlah usulan yang diterima", "0", _tanpa_argumen(lambda t: angka(_usulan(t, "diterima")))
            ),
            "jumlah_usulan_ditolak": Isian(
                "Jumlah usulan yang ditolak", "0", _tanpa_argumen(lambda t: angka(_usulan(t, "ditolak")))
            ),
            "jumlah_usulan_ditunda": Isian(
                "Jumlah usulan yang ditunda", "0", _tanpa_argumen(lambda t: angka(_usulan(t, "ditunda")))
            ),
        }
    )


def markdown_html(teks: str) -> str:
    """Markdown (CommonMark, raw HTML disabled: typed tags are shown as text) to HTML, for the editor preview."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").render(teks)
