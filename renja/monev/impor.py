"""Import realisasi keuangan from a SIPD-RI realisation export (issue 11, Build 7).

The export is a JSON list of transaction objects (or the same columns as CSV or XLSX)::

    {"kode_skpd": "1.06.0.00.0.00.01.0000", "kode_sub_skpd": "...", "kode_program": "1.06.04",
     "kode_giat": "1.06.04.2.01", "kode_sub_giat": "1.06.04.2.01.0001", "nama_sub_giat": "...",
     "kode_rekening": "5.1.02.01.01.0052", "nama_rekening": "...", "nomor_dokumen": "00012/SPP-LS/...",
     "jenis_dokumen": "SPP", "jenis_transaksi": "LS", "tanggal_dokumen": "2026-03-31T23:30:00+07:00",
     "nilai_realisasi": 15000000, "nilai_setoran": 0}

Realisation of a sub kegiatan in a month = sum(nilai_realisasi) - sum(nilai_setoran) of its transactions dated (in
Asia/Jakarta) in that month; a triwulan is the sum of its three months. The file passes the shared upload guard
(kind by content) and the shared importer (all-or-nothing; every bad row named). Then:

* :func:`realisasi_impor_pratinjau` (a read) says per sub kegiatan and triwulan: transactions, amount, known or
  unknown in the stage in force, what is stored now and its source, and the transactions that are new or changed;
* :func:`realisasi_impor_simpan` (the service) writes it in one transaction: transactions upserted by their SIPD
  key (nomor_dokumen + kode_rekening + kode_sub_giat), the months of every touched (sub kegiatan, triwulan)
  recomputed from every stored transaction, typed figures of those triwulan replaced and the source set to
  "impor" (RealisasiKeuanganAsal). Importing the same file twice changes nothing.

SIPD's realisation export names no sumber dana: the amount is recorded on the sumber dana of the row's pagu
(the largest one when a row has several; the preview says which).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from renja.inti import impor, unggah
from renja.inti.audit import audit_record
from renja.monev import selectors
from renja.monev.models import (
    AsalKeuangan,
    RealisasiKeuangan,
    RealisasiKeuanganAsal,
    StatusRealisasiUnit,
    StatusTriwulan,
    StatusUnit,
    TriwulanOpd,
    bulan_triwulan,
    triwulan_bulan,
)
from renja.monev.models_sipd import TransaksiSipd
from renja.organisasi import access
from renja.perencanaan.models import Level, Pagu, Renja, RenjaRow, Tahap
from renja.perencanaan.services import PAGU_MAKS

JAKARTA = ZoneInfo("Asia/Jakarta")
JENIS_TRANSAKSI = ("LS", "UP", "GU", "TU")
BERKAS_DITERIMA = ("json", "csv", "xlsx")
NOL = Decimal(0)
ROMAWI = selectors.ROMAWI


def _kode(maks: int):
    return impor.teks(maks=maks)


SKEMA_SIPD = impor.Skema(
    "Realisasi",
    [
        impor.Kolom("kode_skpd", "kode_skpd", wajib=True, urai=_kode(60)),
        impor.Kolom("kode_sub_skpd", "kode_sub_skpd", urai=_kode(60)),
        impor.Kolom("kode_program", "kode_program", urai=_kode(60)),
        impor.Kolom("kode_giat", "kode_giat", urai=_kode(60)),
        impor.Kolom("kode_sub_giat", "kode_sub_giat", wajib=True, urai=_kode(60)),
        impor.Kolom("nama_sub_giat", "nama_sub_giat", urai=impor.teks(maks=500)),
        impor.Kolom("kode_rekening", "kode_rekening", wajib=True, urai=_kode(60)),
        impor.Kolom("nama_rekening", "nama_rekening", urai=impor.teks(maks=300)),
        impor.Kolom("nomor_dokumen", "nomor_dokumen", wajib=True, urai=_kode(120)),
        impor.Kolom("jenis_dokumen", "jenis_dokumen", urai=_kode(20)),
        impor.Kolom("jenis_transaksi", "jenis_transaksi", wajib=True, urai=impor.pilihan(JENIS_TRANSAKSI)),
        impor.Kolom("tanggal_dokumen", "tanggal_dokumen", wajib=True, urai=impor.waktu(zona_wajib=False)),
        impor.Kolom(
            "nilai_realisasi", "nilai_realisasi", wajib=True, urai=impor.bilangan_bulat(minimum=0, maksimum=PAGU_MAKS)
        ),
        impor.Kolom("nilai_setoran", "nilai_setoran", urai=impor.bilangan_bulat(minimum=0, maksimum=PAGU_MAKS)),
    ],
    kolom_lain_diabaikan=True,
)


@dataclass(frozen=True)
class Transaksi:
    """One transaction line of the file, typed; ``asal`` names where it is in the file."""

    asal: str
    kode_sub_giat: str
    nomor_dokumen: str
    kode_rekening: str
    nama_rekening: str
    nama_sub_giat: str
    jenis_dokumen: str
    jenis_transaksi: str
    tanggal_dokumen: dt.datetime
    nilai_realisasi: Decimal
    nilai_setoran: Decimal

    @property
    def kunci(self) -> tuple[str, str, str]:
        return (self.nomor_dokumen, self.kode_rekening, self.kode_sub_giat)

    @property
    def tanggal_jakarta(self) -> dt.date:
        return self.tanggal_dokumen.astimezone(JAKARTA).date()

    @property
    def bulan(self) -> int:
        return self.tanggal_jakarta.month

    @property
    def triwulan(self) -> int:
        return triwulan_bulan(self.bulan)

    @property
    def bersih(self) -> Decimal:
        return self.nilai_realisasi - self.nilai_setoran


def berkas_baca(*, data: bytes, nama: str, renja: Renja) -> list[Transaksi]:
    """Guard, parse and check a SIPD export against the Renja's OPD and year; all or nothing (GalatImpor or
    BerkasDitolak, each a ValidationError naming the file, row and key/column)."""
    jenis = unggah.periksa_unggahan(data, nama=nama, boleh=BERKAS_DITERIMA)
    hasil = impor.baca(data, SKEMA_SIPD, jenis=jenis)
    rekaman = hasil.lembar.get(SKEMA_SIPD.nama, [])
    if not rekaman and hasil.sah:
        hasil.tolak(impor.Asal(), None, "tidak berisi transaksi")
    opd_kode = renja.opd.kode
    dilihat: dict[tuple[str, str, str], str] = {}
    daftar = []
    for r in rekaman:
        if not r.sah:
            continue
        if r["kode_skpd"] != opd_kode:
            hasil.tolak(
                r,
                "kode_skpd",
                f"'{r['kode_skpd']}' bukan perangkat daerah ini ({opd_kode} {renja.opd.nama}); berkas perangkat "
                "daerah lain tidak dapat diimpor ke sini",
            )
            continue
        setoran = r["nilai_setoran"] if r["nilai_setoran"] is not None else 0
        t = Transaksi(
            asal=str(r.asal_baris),
            kode_sub_giat=r["kode_sub_giat"],
            nomor_dokumen=r["nomor_dokumen"],
            kode_rekening=r["kode_rekening"],
            nama_rekening=r["nama_rekening"] or "",
            nama_sub_giat=r["nama_sub_giat"] or "",
            jenis_dokumen=r["jenis_dokumen"] or "",
            jenis_transaksi=r["jenis_transaksi"],
            tanggal_dokumen=r["tanggal_dokumen"],
            nilai_realisasi=Decimal(r["nilai_realisasi"]),
            nilai_setoran=Decimal(setoran),
        )
        if t.tanggal_jakarta.year != renja.tahun:
            hasil.tolak(
                r,
                "tanggal_dokumen",
                f"{t.tanggal_jakarta.isoformat()} (WIB) di luar tahun anggaran {renja.tahun}",
            )
            continue
        if t.kunci in dilihat:
            hasil.tolak(
                r,
                "nomor_dokumen",
                f"transaksi {t.nomor_dokumen} rekening {t.kode_rekening} sub kegiatan {t.kode_sub_giat} sudah ada "
                f"di {dilihat[t.kunci]} (kunci nomor_dokumen + kode_rekening + kode_sub_giat harus unik)",
            )
            continue
        dilihat[t.kunci] = str(r.asal_baris)
        daftar.append(t)
    hasil.periksa()
    return daftar


# --- preview ---------------------------------------------------------------------------------------------------


@dataclass
class BarisPratinjau:
    """One sub kegiatan in one triwulan: what the file gives and what is stored."""

    kode: str
    nama: str
    triwulan: int
    row: RenjaRow | None
    transaksi: int = 0
    jumlah_berkas: Decimal = NOL  # net of the file's transactions in this triwulan
    jumlah_baru: Decimal = NOL  # net of every transaction after the import (stored + file)
    jumlah_tersimpan: Decimal | None = None  # what the realisation holds now (None = belum ada data)
    asal_tersimpan: str = ""  # "", "ketik" or "impor"
    transaksi_baru: int = 0
    transaksi_berubah: int = 0
    sumber_dana: str = ""
    per_bulan: dict[int, Decimal] = field(default_factory=dict)
    terkunci: bool = False
    galat: str = ""  # why this row cannot be written (locked, unit submitted, no pagu, role)

    @property
    def dikenal(self) -> bool:
        return self.row is not None

    @property
    def berubah(self) -> bool:
        return self.dikenal and (
            self.jumlah_tersimpan != self.jumlah_baru
            or self.asal_tersimpan != AsalKeuangan.IMPOR
            or bool(self.transaksi_baru or self.transaksi_berubah)
        )

    @property
    def keterangan(self) -> str:
        if not self.dikenal:
            return "sub kegiatan tidak ada di tahap yang berlaku; tidak disimpan ke realisasi"
        if self.galat:
            return self.galat
        if not self.berubah:
            return "tidak berubah"
        bagian = []
        if self.asal_tersimpan == AsalKeuangan.KETIK and self.jumlah_tersimpan is not None:
            bagian.append("menggantikan angka yang diketik")
        if self.transaksi_baru:
            bagian.append(f"{self.transaksi_baru} transaksi baru")
        if self.transaksi_berubah:
            bagian.append(f"{self.transaksi_berubah} transaksi berubah nilai")
        return "; ".join(bagian) or "berubah"


@dataclass
class Pratinjau:
    renja: Renja
    tahap: Tahap
    nama_berkas: str
    sidik: str  # sha256 of the file: the confirmation must be of the file that was previewed
    baris: list[BarisPratinjau]
    transaksi: int

    @property
    def dikenal(self) -> list[BarisPratinjau]:
        return [b for b in self.baris if b.dikenal]

    @property
    def tidak_dikenal(self) -> list[BarisPratinjau]:
        return [b for b in self.baris if not b.dikenal]

    @property
    def berubah(self) -> list[BarisPratinjau]:
        return [b for b in self.baris if b.berubah]

    @property
    def galat(self) -> list[BarisPratinjau]:
        return [b for b in self.baris if b.dikenal and b.galat and b.berubah]

    @property
    def dapat_disimpan(self) -> bool:
        return not self.galat

    @property
    def total_berkas(self) -> Decimal:
        return sum((b.jumlah_berkas for b in self.baris), NOL)

    def total(self, kode: str, triwulan: int) -> Decimal | None:
        for b in self.baris:
            if b.kode == kode and b.triwulan == triwulan:
                return b.jumlah_berkas
        return None


def _tahap(renja: Renja, kode_tahap: str | None) -> Tahap:
    berlaku = selectors.tahap_berlaku(renja)
    if berlaku is None:
        raise ValidationError(f"{renja} belum memiliki tahap yang ditetapkan; realisasi belum dapat diimpor.")
    if kode_tahap and berlaku.jenis != kode_tahap:
        raise ValidationError(
            f"Realisasi diimpor ke tahap yang berlaku ({berlaku}), bukan tahap '{kode_tahap}'; "
            f"kosongkan --tahap atau isi {berlaku.jenis}."
        )
    return berlaku


def _sumber_utama(rows: list[RenjaRow]) -> dict[int, Pagu]:
    """The sumber dana an imported amount is recorded on: the row's pagu (the largest, then by kode)."""
    hasil: dict[int, Pagu] = {}
    for p in Pagu.objects.filter(row__in=rows).select_related("sumber_dana").order_by("row_id", "sumber_dana__kode"):
        if p.row_id not in hasil or p.jumlah > hasil[p.row_id].jumlah:
            hasil[p.row_id] = p
    return hasil


def _tersimpan(rows: list[RenjaRow]) -> dict[tuple[int, int], dict[int, Decimal]]:
    """(row id of the stage in force, month) -> {sumber dana id: jumlah} over each row's lineage."""
    garis = {r.pk: selectors.garis_baris(r) for r in rows}
    ke_baru = {old: new for new, ids in garis.items() for old in ids}
    hasil: dict[tuple[int, int], dict[int, Decimal]] = defaultdict(dict)
    semua = [i for ids in garis.values() for i in ids]
    for rk in RealisasiKeuangan.objects.filter(row_id__in=semua, jumlah__isnull=False):
        baru = ke_baru[rk.row_id]
        # the newest stage's record wins (as the grid reads it)
        kunci = (baru, rk.bulan)
        if rk.sumber_dana_id not in hasil[kunci] or rk.row_id == baru:
            hasil[kunci][rk.sumber_dana_id] = rk.jumlah
    return hasil


def _tulis_galat(row: RenjaRow, triwulan: int, actor, tw_opd: TriwulanOpd | None, status: str) -> str:
    try:
        access.access_realisasi_import_row(actor, row=row, status_unit=status, triwulan_opd=tw_opd)
    except PermissionDenied as exc:
        return str(exc)
    return ""


def realisasi_impor_pratinjau(*, actor, renja: Renja, data: bytes, nama: str, tahap: str | None = None) -> Pratinjau:
    """Read the file and say what saving it would change (nothing is written)."""
    access.access_realisasi_import(actor, opd_id=renja.opd_id)
    berlaku = _tahap(renja, tahap)
    daftar = berkas_baca(data=data, nama=nama, renja=renja)
    return _pratinjau(actor=actor, renja=renja, tahap=berlaku, daftar=daftar, nama=nama, data=data)


def _pratinjau(*, actor, renja: Renja, tahap: Tahap, daftar: list[Transaksi], nama: str, data: bytes) -> Pratinjau:
    kode_file = {t.kode_sub_giat for t in daftar}
    rows = {
        r.kode: r
        for r in RenjaRow.objects.filter(tahap=tahap, level=Level.SUB_KEGIATAN, kode__in=kode_file).select_related(
            "unit", "tahap__renja"
        )
    }
    lama = {
        (t.nomor_dokumen, t.kode_rekening, t.kode_sub_giat): t
        for t in TransaksiSipd.objects.filter(renja=renja, kode_sub_giat__in=kode_file)
    }
    kelompok: dict[tuple[str, int], BarisPratinjau] = {}
    for t in daftar:
        kunci = (t.kode_sub_giat, t.triwulan)
        b = kelompok.get(kunci)
        if b is None:
            row = rows.get(t.kode_sub_giat)
            b = kelompok[kunci] = BarisPratinjau(
                kode=t.kode_sub_giat, nama=row.nama if row else t.nama_sub_giat, triwulan=t.triwulan, row=row
            )
        b.transaksi += 1
        b.jumlah_berkas += t.bersih
        sebelum = lama.get(t.kunci)
        if sebelum is not None and triwulan_bulan(sebelum.bulan) != t.triwulan:
            # the transaction moves to another triwulan: the one it leaves changes too
            asal_kunci = (t.kode_sub_giat, triwulan_bulan(sebelum.bulan))
            if asal_kunci not in kelompok:
                row = rows.get(t.kode_sub_giat)
                kelompok[asal_kunci] = BarisPratinjau(
                    kode=t.kode_sub_giat,
                    nama=row.nama if row else t.nama_sub_giat,
                    triwulan=asal_kunci[1],
                    row=row,
                )
            kelompok[asal_kunci].transaksi_berubah += 1
        if sebelum is None:
            b.transaksi_baru += 1
        elif (sebelum.nilai_realisasi, sebelum.nilai_setoran, sebelum.bulan) != (
            t.nilai_realisasi,
            t.nilai_setoran,
            t.bulan,
        ):
            b.transaksi_berubah += 1
    # After the import: every stored transaction of the touched triwulan, overwritten by the file's.
    sesudah: dict[tuple[str, str, str], tuple[int, Decimal]] = {
        k: (t.bulan, t.nilai_realisasi - t.nilai_setoran) for k, t in lama.items()
    }
    sesudah.update({t.kunci: (t.bulan, t.bersih) for t in daftar})
    for (_, _, kode), (bulan, bersih) in sesudah.items():
        b = kelompok.get((kode, triwulan_bulan(bulan)))
        if b is not None:
            b.per_bulan[bulan] = b.per_bulan.get(bulan, NOL) + bersih
    dikenal_rows = [b.row for b in kelompok.values() if b.row is not None]
    utama = _sumber_utama(dikenal_rows)
    tersimpan = _tersimpan(dikenal_rows)
    asal = {
        (a.row_id, a.triwulan): a.asal
        for a in RealisasiKeuanganAsal.objects.filter(row__in=dikenal_rows, triwulan__in={1, 2, 3, 4})
    }
    tw_opd = {t.triwulan: t for t in TriwulanOpd.objects.filter(renja=renja)}
    status = {
        (unit_id, tw): st
        for unit_id, tw, st in StatusRealisasiUnit.objects.filter(renja=renja).values_list(
            "unit_id", "triwulan", "status"
        )
    }
    for b in kelompok.values():
        b.jumlah_baru = sum(b.per_bulan.values(), NOL)
        tw = tw_opd.get(b.triwulan)
        b.terkunci = tw is not None and tw.status == StatusTriwulan.DISETUJUI
        if b.row is None:
            continue
        nilai = [
            sum(tersimpan[(b.row.pk, m)].values(), NOL)
            for m in bulan_triwulan(b.triwulan)
            if tersimpan.get((b.row.pk, m))
        ]
        b.jumlah_tersimpan = sum(nilai, NOL) if nilai else None
        b.asal_tersimpan = asal.get((b.row.pk, b.triwulan), AsalKeuangan.KETIK if nilai else "")
        pagu = utama.get(b.row.pk)
        b.sumber_dana = pagu.sumber_dana.kode if pagu else ""
        b.galat = _tulis_galat(b.row, b.triwulan, actor, tw, status.get((b.row.unit_id, b.triwulan), StatusUnit.DRAF))
        if not b.galat and pagu is None:
            b.galat = f"sub kegiatan {b.kode} tidak memiliki pagu pada {b.row.tahap}; realisasi tidak dapat dicatat"
    baris = sorted(kelompok.values(), key=lambda b: (b.row is None, b.kode, b.triwulan))
    return Pratinjau(
        renja=renja,
        tahap=tahap,
        nama_berkas=nama,
        sidik=hashlib.sha256(data).hexdigest(),
        baris=baris,
        transaksi=len(daftar),
    )


# --- the service -----------------------------------------------------------------------------------------------


@dataclass
class HasilImpor:
    pratinjau: Pratinjau
    transaksi_ditulis: int
    baris_ditulis: int

    @property
    def berubah(self) -> bool:
        return bool(self.transaksi_ditulis or self.baris_ditulis)


@transaction.atomic
def realisasi_impor_simpan(
    *, actor, renja: Renja, data: bytes, nama: str, tahap: str | None = None, sidik: str | None = None
) -> HasilImpor:
    """Save a previewed SIPD export: all or nothing, one AuditEvent. ``sidik`` (the preview's sha256), when given,
    must match the file. Refused whole when a triwulan it touches is locked or a known row cannot be written."""
    access.access_realisasi_import(actor, opd_id=renja.opd_id)
    if sidik is not None and sidik != hashlib.sha256(data).hexdigest():
        raise ValidationError("Berkas yang disimpan bukan berkas yang dipratinjau; unggah dan periksa ulang.")
    berlaku = _tahap(renja, tahap)
    daftar = berkas_baca(data=data, nama=nama, renja=renja)
    # Lock every touched triwulan of the OPD first (as every realisation write does), then read the preview.
    triwulan = sorted({t.triwulan for t in daftar})
    for tw in triwulan:
        TriwulanOpd.objects.get_or_create(renja=renja, triwulan=tw)
    list(TriwulanOpd.objects.select_for_update(of=("self",)).filter(renja=renja, triwulan__in=triwulan))
    p = _pratinjau(actor=actor, renja=renja, tahap=berlaku, daftar=daftar, nama=nama, data=data)
    terkunci = sorted({b.triwulan for b in p.baris if b.terkunci})
    if terkunci:
        daftar_tw = ", ".join(ROMAWI[t] for t in terkunci)
        raise ValidationError(
            f"Triwulan {daftar_tw} sudah disetujui dan terkunci; impor ditolak seluruhnya. Pimpinan dapat membuka "
            "kembali triwulan itu dengan alasan."
        )
    if p.galat:
        raise ValidationError(
            "Impor ditolak seluruhnya, tidak ada yang disimpan:\n"
            + "\n".join(f"{b.kode} triwulan {ROMAWI[b.triwulan]}: {b.galat}" for b in p.galat)
        )
    pelaku = actor if getattr(actor, "pk", None) else None
    rows = {b.kode: b.row for b in p.baris if b.row is not None}
    lama = {
        (t.nomor_dokumen, t.kode_rekening, t.kode_sub_giat): t
        for t in TransaksiSipd.objects.select_for_update(of=("self",)).filter(
            renja=renja, kode_sub_giat__in={t.kode_sub_giat for t in daftar}
        )
    }
    ditulis = 0
    for t in daftar:
        row = rows.get(t.kode_sub_giat)
        nilai = {
            "row": row,
            "nama_rekening": t.nama_rekening[:300],
            "jenis_dokumen": t.jenis_dokumen,
            "jenis_transaksi": t.jenis_transaksi,
            "tanggal_dokumen": t.tanggal_dokumen,
            "bulan": t.bulan,
            "nilai_realisasi": t.nilai_realisasi,
            "nilai_setoran": t.nilai_setoran,
        }
        sebelum = lama.get(t.kunci)
        if sebelum is not None and all(
            getattr(sebelum, k if k != "row" else "row_id") == (v.pk if k == "row" and v is not None else v)
            for k, v in nilai.items()
        ):
            continue
        obj = sebelum or TransaksiSipd(
            renja=renja, kode_sub_giat=t.kode_sub_giat, nomor_dokumen=t.nomor_dokumen, kode_rekening=t.kode_rekening
        )
        for k, v in nilai.items():
            setattr(obj, k, v)
        obj.berkas = nama[:200]
        obj.diimpor_oleh = pelaku
        obj.save()
        ditulis += 1
    baris_ditulis = 0
    ringkas = []
    utama = _sumber_utama(list(rows.values()))
    for b in p.dikenal:
        if not b.berubah:
            continue
        baris_ditulis += 1
        row = b.row
        garis = selectors.garis_baris(row)
        bulan = bulan_triwulan(b.triwulan)
        # One source at a time: the typed (or earlier) figures of this triwulan make way for the import.
        RealisasiKeuangan.objects.filter(row_id__in=garis, bulan__in=bulan).exclude(
            row=row, sumber_dana=utama[row.pk].sumber_dana
        ).delete()
        ada = {
            rk.bulan: rk
            for rk in RealisasiKeuangan.objects.select_for_update(of=("self",)).filter(
                row=row, sumber_dana=utama[row.pk].sumber_dana, bulan__in=bulan
            )
        }
        for m in bulan:
            jumlah = b.per_bulan.get(m)
            rk = ada.get(m)
            if rk is None:
                if jumlah is None:
                    continue
                rk = RealisasiKeuangan(renja=renja, row=row, sumber_dana=utama[row.pk].sumber_dana, bulan=m)
            elif rk.jumlah == jumlah:
                continue
            else:
                rk.version += 1
            if jumlah is None:
                rk.delete()
                continue
            rk.jumlah = jumlah
            rk.diubah_oleh = pelaku
            rk.save()
        RealisasiKeuanganAsal.objects.update_or_create(
            row=row,
            triwulan=b.triwulan,
            defaults={"renja": renja, "asal": AsalKeuangan.IMPOR, "keterangan": f"impor SIPD {nama}"[:300]},
        )
        ringkas.append(
            {
                "kode": b.kode,
                "triwulan": b.triwulan,
                "lama": b.jumlah_tersimpan,
                "baru": b.jumlah_baru,
                "asal_lama": b.asal_tersimpan,
            }
        )
    if ditulis or baris_ditulis:
        audit_record(
            actor=actor,
            event_type="update",
            action="realisasi_impor_simpan",
            obj=renja,
            scope=str(renja.opd_id),
            old={},
            new={
                "berkas": nama,
                "sidik": p.sidik,
                "transaksi": p.transaksi,
                "transaksi_ditulis": ditulis,
                "sub_kegiatan": ringkas,
                "tidak_dikenal": sorted({b.kode for b in p.tidak_dikenal}),
            },
        )
    return HasilImpor(pratinjau=p, transaksi_ditulis=ditulis, baris_ditulis=baris_ditulis)
