"""A checked planning document's T-C.33 table (BAB IV: rumusan rencana program dan kegiatan tahun n dan prakiraan
maju n+1) as rows for the one stage import (renja.perencanaan.impor_tahap).

The table is found by its header: the columns are recognised by their titles (Kode; Urusan / Program / Kegiatan /
Sub Kegiatan; Indikator; Target; Pagu Indikatif; Lokasi; Sumber Dana; Prioritas Nasional / Daerah; Kelompok
Sasaran; Prakiraan Maju target and pagu; Perangkat Daerah / Unit Penanggung Jawab; Catatan), where a title over
several columns (the seed's "Capaian Kinerja Dan Kerangka Pendanaan", "Prakiraan Maju Rencana Tahun 2027") counts
for each column under it. A code may be one cell or split over the Kode columns. A target is a number with its
satuan ("500 Orang", "100 %") or a grade ("BB"), or a number when the table has its own Satuan column. Further
indicators of a row are its continuation lines. Program and kegiatan pagu are sums, not read.

Every cell that cannot be read without guessing (an ambiguous or malformed number, a pagu over several sumber dana
without the amount of each) is a :class:`renja.inti.impor.Galat` naming table, row, column and the text; all of
them are raised together as one GalatImpor, so nothing is imported from a document with one bad cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from openpyxl.utils import get_column_letter

from renja.inti.impor import Asal, Galat, GalatImpor
from renja.pemeriksaan import dokumen as d
from renja.perencanaan.impor_tahap import BarisImpor, IndikatorImpor
from renja.perencanaan.targets import GRADE_SAH, Target
from renja.rumus.angka import format_angka

__all__ = ["baris_dari_dokumen", "cari_tabel_tc33"]

_KOSONG = {"", "-", "–", "—"}

# role -> required to call a table T-C.33
_WAJIB = ("kode", "uraian", "indikator", "target", "pagu")


def _peran(judul: str) -> str | None:
    """The role of a column from its (combined, upper-case) header."""
    h = " ".join(judul.replace("/", " / ").split())
    if not h:
        return None
    if "KODE" in h:
        return "kode"
    if "INDIKATOR" in h:
        return "indikator"
    if "MAJU" in h:
        if "TARGET" in h:
            return "pm_target"
        if "SATUAN" in h:
            return "pm_satuan"
        if "PAGU" in h or "DANA" in h or "RP" in h.split():
            return "pm_pagu"
        return None
    if "SUMBER DANA" in h:
        return "sumber_dana"
    if "LOKASI" in h:
        return "lokasi"
    if "PRIORITAS" in h:
        return "prioritas_daerah" if "DAERAH" in h else "prioritas_nasional"
    if "KELOMPOK SASARAN" in h:
        return "kelompok_sasaran"
    if "PENANGGUNG" in h:
        return "penanggung_jawab"
    if "CATATAN" in h or "KETERANGAN" in h:
        return "catatan"
    if "SATUAN" in h:
        return "satuan"
    if "TARGET" in h and not any(k in h for k in ("AKHIR", "RENSTRA", "PRAKIRAAN", "REALISASI")):
        return "target"
    if ("PAGU" in h or "KEBUTUHAN DANA" in h) and "REALISASI" not in h:
        return "pagu"
    if any(k in h for k in ("URAIAN", "PROGRAM", "KEGIATAN", "URUSAN")):
        return "uraian"
    return None


def _baris_nomor_kolom(r: list[str]) -> bool:
    isi = [s.strip() for s in r if s.strip()]
    return len(isi) >= 3 and all(s.isdigit() for s in isi)


def _judul_kolom(t: d.Tabel) -> list[str]:
    """Each column's combined header, a title over several columns counting for each column under it."""
    kepala = [list(r) for r in t.kepala if not _baris_nomor_kolom(r)]
    lebar = max((len(r) for r in kepala), default=0)
    for r in kepala:
        r.extend([""] * (lebar - len(r)))
    for i, r in enumerate(kepala[:-1]):
        bawah = kepala[i + 1 :]
        kiri = ""
        for k in range(lebar):
            if r[k].strip():
                kiri = r[k]
            elif kiri and any(b[k].strip() for b in bawah):
                r[k] = kiri
            else:
                kiri = ""
    return [" ".join(r[k].strip() for r in kepala if r[k].strip()).upper() for k in range(lebar)]


@dataclass
class _Kolom:
    peran: dict[str, int]
    kode: tuple[int, int]  # cells [a, b) of the code
    judul: list[str]


def _kolom(t: d.Tabel, tahun: int | None) -> _Kolom | None:
    judul = _judul_kolom(t)
    peran: dict[str, int] = {}
    target: list[int] = []
    for k, j in enumerate(judul):
        p = _peran(j)
        if p == "target":
            target.append(k)
        elif p is not None and p not in peran:
            peran[p] = k
    if target:
        bertahun = [k for k in target if tahun is not None and str(tahun) in judul[k]]
        peran["target"] = (bertahun or target)[0]
    if any(p not in peran for p in _WAJIB):
        return None
    a = peran["kode"]
    b = a + 1
    while b < len(judul) and not judul[b].strip():
        b += 1
    return _Kolom(peran, (a, b), judul)


def cari_tabel_tc33(dok: d.Dokumen, *, tahun: int | None = None) -> tuple[d.Tabel, _Kolom]:
    """The document's T-C.33 table: the one with the columns of the form (most of them when several qualify)."""
    calon = [(t, k) for t in dok.tabel if (k := _kolom(t, tahun)) is not None]
    if not calon:
        raise GalatImpor(
            [
                Galat(
                    Asal(),
                    "tidak ada tabel T-C.33 di dokumen: perlu tabel dengan kolom Kode, Program/Kegiatan/Sub Kegiatan, "
                    "Indikator, Target dan Pagu Indikatif.",
                )
            ]
        )
    terbaik = max(len(k.peran) for _, k in calon)
    calon = [(t, k) for t, k in calon if len(k.peran) == terbaik]
    if len(calon) > 1:
        raise GalatImpor(
            [
                Galat(
                    Asal(),
                    "lebih dari satu tabel berbentuk T-C.33 ("
                    + "; ".join(t.judul for t, _ in calon)
                    + "); impor satu tabel per dokumen.",
                )
            ]
        )
    return calon[0]


# ------------------------------------------------------------------------------------------------
# Cells
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AsalTabel(Asal):
    """Where a cell of a document table is: the table's title (not a sheet), row, column letter and header."""

    def __str__(self) -> str:
        bagian = [self.lembar or "Tabel"]
        if self.baris is not None:
            bagian.append(f"baris {self.baris}")
        if self.kolom is not None:
            bagian.append(f"kolom {self.kolom}" + (f" ({self.judul})" if self.judul else ""))
        return ", ".join(bagian)


class _SelSalah(ValueError):
    """A cell that cannot be read; the message follows the quoted cell."""


def _teks(s: str) -> str:
    s = " ".join(s.split())
    return "" if s in _KOSONG else s


def _angka(s: str, *, apa: str) -> Decimal | None:
    s = _teks(s)
    if not s:
        return None
    try:
        a = d.baca_angka(s)
    except d.AngkaAmbigu:
        raise _SelSalah(
            f"bermakna ganda: koma ribuan atau koma desimal? Tulis ribuan dengan titik (1.000) dan desimal dengan "
            f"koma (1,5) pada {apa}."
        ) from None
    except d.AngkaCacat as e:
        raise _SelSalah(f"bukan angka yang sah untuk {apa}: {e}") from None
    if a is None or a.jenis not in ("rp", "angka"):
        raise _SelSalah(f"bukan angka {apa}.")
    return a.nilai


def _rupiah(s: str, *, apa: str) -> Decimal | None:
    nilai = _angka(s, apa=apa)
    if nilai is not None and nilai != nilai.to_integral_value():
        raise _SelSalah(f"{apa} harus Rupiah bulat tanpa sen.")
    return nilai


_ANGKA_DEPAN = re.compile(r"^(-?\(?[\d.,]*\d\)?)\s*(.*)$")


def _target(s: str, *, satuan_kolom: bool) -> tuple[Target, str]:
    """(target, satuan) of a target cell: '500 Orang', '100 %', 'BB', or a bare number beside a Satuan column."""
    s = _teks(s)
    if not s:
        return Target(), ""
    kata = s.split(maxsplit=1)
    if kata[0].upper() in GRADE_SAH:
        return Target(grade=kata[0].upper()), (kata[1] if len(kata) > 1 else "")
    m = _ANGKA_DEPAN.match(s)
    if m is None:
        raise _SelSalah("bukan target: tulis angka dengan satuannya (mis. 500 Orang) atau predikat (mis. BB).")
    nilai = _angka(m.group(1), apa="target")
    satuan = m.group(2).strip()
    if satuan_kolom and satuan:
        raise _SelSalah("memuat teks selain angka, padahal tabel punya kolom Satuan.")
    return Target(nilai=nilai), satuan


def _daftar(s: str) -> list[str]:
    return [x for x in (_teks(p) for p in re.split(r"[,;\n]", s)) if x]


_SUMBER_JUMLAH = re.compile(r"^(?P<nama>[^:]+):\s*(?P<jumlah>.+)$")


def _sumber_dana(s: str, pagu: Decimal | None) -> dict[str, Decimal]:
    """'Pendapatan Asli Daerah (PAD)' takes the whole pagu; several sources need their amounts:
    'PAD: 10.000.000; DAU: 5.000.000' (the amounts add up to the pagu)."""
    s = _teks(s)
    if ":" in s:
        hasil: dict[str, Decimal] = {}
        for bagian in (p.strip() for p in re.split(r"[;\n]", s) if p.strip()):
            m = _SUMBER_JUMLAH.match(bagian)
            if m is None:
                raise _SelSalah("tulis setiap sumber dana sebagai 'NAMA: jumlah', dipisah titik koma.")
            jumlah = _rupiah(m.group("jumlah"), apa=f"pagu sumber dana {m.group('nama').strip()}")
            hasil[m.group("nama").strip()] = jumlah if jumlah is not None else Decimal(0)
        if pagu is not None and sum(hasil.values(), Decimal(0)) != pagu:
            raise _SelSalah(
                f"jumlah per sumber dana ({format_angka(sum(hasil.values(), Decimal(0)))}) tidak sama dengan pagu "
                f"({format_angka(pagu)})."
            )
        return hasil
    nama = _daftar(s)
    if pagu is None:
        return {}
    if not nama:
        raise _SelSalah("kosong, padahal sub kegiatan ini berpagu; sebut sumber dananya.")
    if len(nama) > 1:
        raise _SelSalah(
            f"menyebut {len(nama)} sumber dana tanpa jumlah masing-masing; pagu tidak dapat dibagi tanpa menebak. "
            "Tulis 'PAD: jumlah; DAU: jumlah'."
        )
    return {nama[0]: pagu}


# ------------------------------------------------------------------------------------------------
# Rows
# ------------------------------------------------------------------------------------------------


def _sel(b: list[str], k: int | None) -> str:
    return b[k] if k is not None and k < len(b) else ""


def _indikator_lanjutan(baris: d.Baris, kol: _Kolom) -> list[list[str]]:
    """The row's own indicator cells, then each continuation line that carries another indicator. The first
    continuation was merged into the row's empty cells (dokumen._gabung): it is the row's own when the row had no
    indicator of its own."""
    ki, kt = kol.peran["indikator"], kol.peran["target"]
    hasil = [baris.sel]
    for n, lanjut in enumerate(baris.lanjutan):
        teks = _teks(_sel(lanjut, ki)) or _teks(_sel(lanjut, kt))
        if not teks:
            continue
        sama = _teks(_sel(lanjut, ki)) == _teks(_sel(baris.sel, ki)) and _teks(_sel(lanjut, kt)) == _teks(
            _sel(baris.sel, kt)
        )
        if n == 0 and sama:
            continue  # merged into the row already
        hasil.append(lanjut)
    return hasil


def baris_dari_dokumen(dok: d.Dokumen, *, tahun: int | None = None) -> list[BarisImpor]:
    """The T-C.33 rows of a document (program, kegiatan, sub kegiatan; totals and urusan rows skipped).
    Raises GalatImpor naming every cell that cannot be read."""
    tabel, kol = cari_tabel_tc33(dok, tahun=tahun)
    galat: list[Galat] = []
    hasil: list[BarisImpor] = []
    p = kol.peran
    satuan_kolom = "satuan" in p
    pm_satuan_kolom = "pm_satuan" in p

    for baris in tabel.baris:
        asal_baris = AsalTabel(tabel.judul, baris.nomor)

        def asal(peran: str, asal_baris=asal_baris) -> Asal:
            k = p[peran]
            return AsalTabel(tabel.judul, asal_baris.baris, get_column_letter(k + 1), kol.judul[k].title()[:60] or None)

        sel_kode = tuple(baris.sel[kol.kode[0] : kol.kode[1]])
        if not any(s.strip() for s in sel_kode):
            isi = [_teks(_sel(baris.sel, p[x])) for x in ("indikator", "target")]
            if any(isi) and baris.tingkat not in (d.TOTAL, d.URUSAN):
                galat.append(Galat(asal("kode"), f"baris '{baris.teks()[:80]}' tanpa kode; tulis kodenya."))
            continue
        kode, _tingkat, _ = d.kenali_kode(sel_kode)
        if not kode:
            kode = "".join(s.strip() for s in sel_kode)
        bagian = kode.split(".")
        if len(bagian) <= 2:
            continue  # urusan and bidang urusan rows: headings, not rows of the plan

        def baca(peran: str, fungsi, *args, asal=asal, sel=baris.sel, **kw):
            if peran not in p:
                return None
            try:
                return fungsi(_sel(sel, p[peran]), *args, **kw)
            except _SelSalah as e:
                galat.append(Galat(asal(peran), f"'{_teks(_sel(sel, p[peran]))[:60]}' {e}"))
                return None

        indikator: list[IndikatorImpor] = []
        for sel in _indikator_lanjutan(baris, kol):
            uraian = _teks(_sel(sel, p["indikator"]))
            teks_target = _sel(sel, p["target"])
            try:
                target, satuan = _target(teks_target, satuan_kolom=satuan_kolom)
            except _SelSalah as e:
                galat.append(Galat(asal("target"), f"'{_teks(teks_target)[:60]}' {e}"))
                continue
            if satuan_kolom:
                satuan = _teks(_sel(sel, p["satuan"]))
            if uraian or not target.kosong:
                if not uraian:
                    galat.append(Galat(asal("indikator"), f"target '{_teks(teks_target)}' tanpa uraian indikator."))
                    continue
                indikator.append(IndikatorImpor(uraian=uraian, target=target, satuan=satuan))

        pagu = baca("pagu", _rupiah, apa="pagu")
        sumber = {}
        if len(bagian) >= 6:  # a sub kegiatan carries its pagu; a program's or kegiatan's is their sum
            if "sumber_dana" in p:
                sumber = baca("sumber_dana", _sumber_dana, pagu) or {}
            elif pagu is not None:
                galat.append(Galat(asal("pagu"), "tabel tanpa kolom Sumber Dana: pagu tidak dapat dicatat."))
        pm_target, pm_satuan = Target(), ""
        if "pm_target" in p:
            try:
                pm_target, pm_satuan = _target(_sel(baris.sel, p["pm_target"]), satuan_kolom=pm_satuan_kolom)
            except _SelSalah as e:
                galat.append(Galat(asal("pm_target"), f"'{_teks(_sel(baris.sel, p['pm_target']))[:60]}' {e}"))
            if pm_satuan_kolom:
                pm_satuan = _teks(_sel(baris.sel, p["pm_satuan"]))
        pm_pagu = baca("pm_pagu", _rupiah, apa="pagu prakiraan maju") if len(bagian) >= 6 else None

        hasil.append(
            BarisImpor(
                kode=kode,
                uraian=_teks(_sel(baris.sel, p["uraian"])),
                indikator=indikator,
                pagu=sumber,
                lokasi=_daftar(_sel(baris.sel, p.get("lokasi"))),
                prioritas_nasional=_teks(_sel(baris.sel, p.get("prioritas_nasional"))),
                prioritas_daerah=_teks(_sel(baris.sel, p.get("prioritas_daerah"))),
                kelompok_sasaran=_teks(_sel(baris.sel, p.get("kelompok_sasaran"))),
                prakiraan_target=pm_target,
                prakiraan_satuan=pm_satuan,
                prakiraan_pagu=pm_pagu,
                unit=_teks(_sel(baris.sel, p.get("penanggung_jawab"))),
                sumber=f"{tabel.judul}, baris {baris.nomor}",
                catatan=_teks(_sel(baris.sel, p.get("catatan"))),
                asal=asal_baris,
            )
        )
    if galat:
        raise GalatImpor(galat)
    return hasil


# ------------------------------------------------------------------------------------------------
# Check, then import
# ------------------------------------------------------------------------------------------------

JENIS_BERKAS = {"docx", "xlsx"}


@dataclass
class HasilImporDokumen:
    """The findings of the check and, when the document may be imported, what the import stored (or would)."""

    temuan: list
    hasil: object | None  # renja.perencanaan.impor_tahap.HasilImporTahap
    galat: int
    peringatan: int

    @property
    def perlu_persetujuan(self) -> bool:
        return self.peringatan > 0


def dokumen_impor(
    *,
    data: bytes,
    nama: str,
    renja=None,
    opd=None,
    tahun: int | None = None,
    jenis_tahap: str,
    user,
    unit_bawaan=None,
    terima_peringatan: bool = False,
    simpan: bool = False,
) -> HasilImporDokumen:
    """Check a DOCX/XLSX document and import its T-C.33 table as stage `jenis_tahap` of `renja`, or, without a
    `renja`, as the first stage of a new Renja of `opd` for `tahun`.

    A document with a galat is never imported (the preview shows the findings, saving is refused); one with
    peringatan only when ``terima_peringatan``. ``simpan=False`` is the preview (tahap_import rolls back).
    Raises DokumenTidakTerbaca (unreadable or not DOCX/XLSX), GalatImpor (a bad cell or row, each named),
    ValidationError (refused as a whole), PermissionDenied.
    """
    from django.core.exceptions import ValidationError

    from renja.inti.unggah import BerkasDitolak, periksa_unggahan
    from renja.organisasi import access
    from renja.pemeriksaan import aturan
    from renja.pemeriksaan.temuan import Tingkat
    from renja.perencanaan.impor_tahap import tahap_import, tahap_import_renja_baru

    if renja is not None:
        access.access_tahap_create(user, renja)
        tahun = renja.tahun
    else:
        access.access_renja_start(user, opd)
    try:
        periksa_unggahan(data, nama=nama, boleh=JENIS_BERKAS)
    except BerkasDitolak as e:
        raise d.DokumenTidakTerbaca(" ".join(e.messages)) from None
    dok = d.baca(data, nama=nama)
    temuan = aturan.periksa(dok)
    galat = sum(1 for t in temuan if t.tingkat == Tingkat.GALAT)
    peringatan = sum(1 for t in temuan if t.tingkat == Tingkat.PERINGATAN)
    hasil_dok = HasilImporDokumen(temuan=temuan, hasil=None, galat=galat, peringatan=peringatan)
    if galat:
        if simpan:
            raise ValidationError(
                f"Dokumen memiliki {galat} galat; perbaiki dokumennya lalu periksa lagi. Tidak ada yang disimpan."
            )
        return hasil_dok
    if simpan and peringatan and not terima_peringatan:
        raise ValidationError(
            f"Dokumen memiliki {peringatan} peringatan; centang 'saya menerima peringatan' untuk mengimpornya."
        )
    baris = baris_dari_dokumen(dok, tahun=tahun)
    kw = dict(
        jenis_tahap=jenis_tahap,
        baris=baris,
        user=user,
        unit_bawaan=unit_bawaan,
        catatan=f"Diimpor dari dokumen '{nama}'" + (f", {peringatan} peringatan diterima" if peringatan else "") + ".",
        sumber=f"dokumen {nama}",
        simpan=simpan,
    )
    if renja is not None:
        hasil_dok.hasil = tahap_import(renja=renja, **kw)
    else:
        hasil_dok.hasil = tahap_import_renja_baru(opd=opd, tahun=tahun, **kw)
    return hasil_dok
