"""Reads for the checks over stored data: one stage's rows with everything the data rules need, loaded in a fixed
number of queries whatever the size of the Renja (rows, indicators and pagu of the stage and of the stage it is
compared with, nomenclature entries, Renstra programs, realisation of the stage in force)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.http import Http404

from renja.monev import selectors as monev_selectors
from renja.monev.models import RealisasiKeuangan, RealisasiKinerja, triwulan_bulan
from renja.nomenklatur import selectors as nomenklatur_selectors
from renja.nomenklatur.models import Nomenklatur
from renja.organisasi import access
from renja.pemeriksaan.models import Penerimaan
from renja.perencanaan import selectors as perencanaan_selectors
from renja.perencanaan.models import Renja, RenjaRow, RenstraProgram, Tahap

NOL = Decimal(0)
AMBANG_SELISIH_BAWAAN = Decimal(20)


def ambang_selisih() -> Decimal:
    """Percent change of a target or pagu between two stages above which a finding is made (setting
    PERIKSA_AMBANG_SELISIH_PERSEN, environment RENJA_PERIKSA_AMBANG_SELISIH_PERSEN)."""
    return Decimal(str(getattr(settings, "PERIKSA_AMBANG_SELISIH_PERSEN", AMBANG_SELISIH_BAWAAN)))


@dataclass
class Realisasi:
    """Realisation of one row of the stage in force, per triwulan: keuangan (Rupiah, sum of the months typed) and
    whether any kinerja value was typed."""

    keuangan: dict[int, Decimal] = field(default_factory=dict)
    kinerja: set[int] = field(default_factory=set)

    @property
    def keuangan_total(self) -> Decimal:
        return sum(self.keuangan.values(), NOL)


@dataclass
class DataTahap:
    tahap: Tahap
    renja: Renja
    rows: list[RenjaRow]  # display order, indikator and pagu attached (perencanaan.selectors.tahap_rows)
    nomenklatur: dict[str, Nomenklatur]  # row code -> entry of the Renja's nomenclature version
    pengganti: dict[str, list[str]]  # row code missing from the version -> replacing codes (remap table)
    pembanding: Tahap | None  # the stage this one is compared with (the one it was copied from, or the previous)
    rows_pembanding: list[RenjaRow]
    program_renstra: set[str] | None  # None: no Renstra linked
    berlaku: bool  # this is the stage in force: realisation is typed on its rows
    realisasi: dict[int, Realisasi]  # row id -> realisation (stage in force only)
    ambang: Decimal
    versi_punya_spm: bool = True  # the nomenclature version flags its SPM sub kegiatan (2023's list does not)

    @property
    def by_id(self) -> dict[int, RenjaRow]:
        return {r.pk: r for r in self.rows}


def _pembanding(tahap: Tahap) -> Tahap | None:
    if tahap.dibuat_dari_id:
        return Tahap.objects.select_related("renja").filter(pk=tahap.dibuat_dari_id).first()
    sebelum = [t for t in perencanaan_selectors.tahap_list(renja=tahap.renja) if t.pk != tahap.pk]
    sebelum = [t for t in sebelum if (t.urutan, t.nomor) < (tahap.urutan, tahap.nomor)]
    return sebelum[-1] if sebelum else None


def _realisasi(renja: Renja, tahap: Tahap) -> dict[int, Realisasi]:
    """Realisation attached to the rows of `tahap` (and, through disalin_dari, to the rows they were copied
    from while an earlier stage was in force)."""
    peta = monev_selectors.asal_ke_berlaku(renja=renja, tahap=tahap)
    hasil: dict[int, Realisasi] = defaultdict(Realisasi)
    for row_id, bulan, jumlah in RealisasiKeuangan.objects.filter(renja=renja, jumlah__isnull=False).values_list(
        "row_id", "bulan", "jumlah"
    ):
        if row_id in peta:
            r = hasil[peta[row_id]]
            tw = triwulan_bulan(bulan)
            r.keuangan[tw] = r.keuangan.get(tw, NOL) + jumlah
    for row_id, bulan, nilai, grade in RealisasiKinerja.objects.filter(renja=renja).values_list(
        "indikator__row_id", "bulan", "nilai", "grade"
    ):
        if row_id in peta and (nilai is not None or grade):
            hasil[peta[row_id]].kinerja.add(triwulan_bulan(bulan))
    return dict(hasil)


def data_tahap(tahap: Tahap) -> DataTahap:
    """Everything the data rules read about `tahap` (no access check: callers check or are commands)."""
    renja = Renja.objects.select_related("opd__pemda", "nomenklatur_versi", "renstra").get(pk=tahap.renja_id)
    tahap.renja = renja
    rows = perencanaan_selectors.tahap_rows(tahap)
    kode_list = [r.kode for r in rows]
    nomenklatur = nomenklatur_selectors.nomenklatur_map(versi=renja.nomenklatur_versi, kode_list=kode_list)
    hilang = [k for k in kode_list if k not in nomenklatur]
    pengganti = (
        nomenklatur_selectors.kode_pengganti_map(kode_list=hilang, versi_baru=renja.nomenklatur_versi) if hilang else {}
    )
    pembanding = _pembanding(tahap)
    rows_pembanding = perencanaan_selectors.tahap_rows(pembanding) if pembanding else []
    program_renstra = None
    if renja.renstra_id:
        program_renstra = set(
            RenstraProgram.objects.filter(renstra_id=renja.renstra_id, level="program").values_list("kode", flat=True)
        )
    berlaku_tahap = monev_selectors.tahap_berlaku(renja)
    berlaku = berlaku_tahap is not None and berlaku_tahap.pk == tahap.pk
    return DataTahap(
        tahap=tahap,
        renja=renja,
        rows=rows,
        nomenklatur=nomenklatur,
        pengganti=pengganti,
        pembanding=pembanding,
        rows_pembanding=rows_pembanding,
        program_renstra=program_renstra,
        berlaku=berlaku,
        realisasi=_realisasi(renja, tahap) if berlaku else {},
        ambang=ambang_selisih(),
        versi_punya_spm=Nomenklatur.objects.filter(versi=renja.nomenklatur_versi, spm=True).exists(),
    )


def tahap_get(*, user, tahap_id: int) -> Tahap:
    """A stage the user may see (Http404 when it does not exist, PermissionDenied when not theirs)."""
    try:
        tahap = Tahap.objects.select_related("renja__opd__pemda", "renja__nomenklatur_versi").get(pk=tahap_id)
    except (Tahap.DoesNotExist, OverflowError) as exc:
        raise Http404("Tahap tidak ditemukan.") from exc
    access.access_opd_view(user, tahap.renja.opd)
    return tahap


def penerimaan_map(*, tahap: Tahap) -> dict[str, Penerimaan]:
    """Acceptances of findings of `tahap`, by the finding's key (Temuan.kunci)."""
    return {p.kunci: p for p in Penerimaan.objects.filter(tahap=tahap).select_related("diterima_oleh").order_by("id")}


def unit_row_ids(rows: list[RenjaRow], unit_id: int) -> set[str]:
    """Codes of the rows of one unit: its sub kegiatan and the kegiatan and programs above them."""
    by_id = {r.pk: r for r in rows}
    kode: set[str] = set()
    for r in rows:
        if r.unit_id == unit_id:
            current: RenjaRow | None = r
            while current is not None:
                kode.add(current.kode)
                current = by_id.get(current.parent_id) if current.parent_id else None
    return kode


__all__ = [
    "DataTahap",
    "ambang_selisih",
    "data_tahap",
    "penerimaan_map",
    "tahap_get",
    "unit_row_ids",
]
