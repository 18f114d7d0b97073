"""Reads of realisation, always scoped to what the user may see. Roll-ups are computed here with renja.rumus,
never stored: a triwulan is the combination of its months, the year so far the combination of every month up to
the triwulan, each with the indicator's aggregation (rumus.capaian.gabung_periode)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from django.contrib.auth import get_user_model
from django.db.models import F, Q

from renja.monev.models import (
    BULAN_NAMA,
    AsalKeuangan,
    BuktiRealisasi,
    CatatanRealisasi,
    RealisasiFaktor,
    RealisasiKeuangan,
    RealisasiKeuanganAsal,
    RealisasiKinerja,
    StatusRealisasiUnit,
    StatusTriwulan,
    StatusUnit,
    TriwulanOpd,
    bulan_triwulan,
)
from renja.organisasi import access
from renja.organisasi.models import PenugasanPeran, Peran, UnitKerja
from renja.perencanaan.models import Agregasi, Indikator, Level, Pagu, Renja, RenjaRow, StatusTahap, Tahap
from renja.perencanaan.selectors import tahap_rows
from renja.perencanaan.targets import Target, target_of
from renja.rumus import capaian as rumus
from renja.rumus.angka import format_angka
from renja.rumus.uang import jumlah as jumlah_uang

NOL = Decimal(0)
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}

# What one typed value means, by the indicator's aggregation (REGULASI.md §3.3): the grid says it on every row.
MAKNA_NILAI = {
    Agregasi.JUMLAH: ("triwulan ini", "capaian triwulan ini saja; setahun = jumlah triwulan"),
    Agregasi.TERAKHIR: ("s.d. triwulan ini", "posisi s.d. triwulan ini (kumulatif); setahun = nilai terakhir"),
    Agregasi.RATA_RATA: ("triwulan ini", "nilai triwulan ini; setahun = rata-rata triwulan"),
    Agregasi.MAKSIMUM: ("triwulan ini", "nilai triwulan ini; setahun = nilai tertinggi"),
}

_POLARITAS = {"naik": rumus.Polaritas.POSITIF, "turun": rumus.Polaritas.NEGATIF}


def tahap_berlaku(renja: Renja) -> Tahap | None:
    """The stage in force: the latest ditetapkan stage in the regulation's order (a ditetapkan Perubahan wins
    over Penetapan, Perubahan 2 over Perubahan 1). None while no stage is ditetapkan."""
    return (
        Tahap.objects.filter(renja=renja, status=StatusTahap.DITETAPKAN)
        .select_related("renja__opd")
        .order_by("-urutan", "-nomor")
        .first()
    )


def renja_monev_get(*, user, renja_id: int) -> Renja:
    renja = Renja.objects.select_related("opd__pemda", "nomenklatur_versi").get(pk=renja_id)
    access.access_realisasi_view(user, renja.opd)
    return renja


def renja_monev_visible(*, user) -> list[Renja]:
    qs = Renja.objects.select_related("opd__pemda").order_by("-tahun", "opd__pemda__kode", "opd__kode")
    ids = access.visible_opd_ids(user)
    return list(qs if ids is None else qs.filter(opd_id__in=ids))


# --- lineage: rows of the stage in force and the rows they were copied from ---------------------------------


def asal_ke_berlaku(*, renja: Renja, tahap: Tahap) -> dict[int, int]:
    """Map every row id of the Renja that is an ancestor (through disalin_dari) of a row of `tahap`, and every
    row of `tahap` itself, to that row of `tahap`. Realisation typed while an earlier stage was in force is found
    through it. Two queries' worth of ids, whatever the number of stages."""
    induk = dict(RenjaRow.objects.filter(tahap__renja=renja).values_list("id", "disalin_dari_id"))
    peta: dict[int, int] = {}
    for row_id in RenjaRow.objects.filter(tahap=tahap).values_list("id", flat=True):
        current, seen = row_id, set()
        while current is not None and current not in seen:
            seen.add(current)
            peta.setdefault(current, row_id)
            current = induk.get(current)
    return peta


def garis_baris(row: RenjaRow) -> list[int]:
    """The row and the rows it was copied from, newest first."""
    ids, current = [row.pk], row.disalin_dari_id
    while current is not None and current not in ids:
        ids.append(current)
        current = RenjaRow.objects.filter(pk=current).values_list("disalin_dari_id", flat=True).first()
    return ids


# --- status --------------------------------------------------------------------------------------------------


def triwulan_opd_get(*, renja: Renja, triwulan: int) -> TriwulanOpd | None:
    return TriwulanOpd.objects.filter(renja=renja, triwulan=triwulan).select_related("dibuka_oleh").first()


def status_unit_map(*, renja: Renja, triwulan: int) -> dict[int, StatusRealisasiUnit]:
    return {
        s.unit_id: s
        for s in StatusRealisasiUnit.objects.filter(renja=renja, triwulan=triwulan).select_related("diperiksa_oleh")
    }


def status_unit_of(statuses: dict[int, StatusRealisasiUnit], unit_id: int | None) -> str:
    s = statuses.get(unit_id)
    return s.status if s else StatusUnit.DRAF


def unit_penanggung_jawab(*, tahap: Tahap) -> list[UnitKerja]:
    """Units responsible for at least one sub kegiatan of the stage: they report, and the OPD's approval waits
    for each of them."""
    ids = RenjaRow.objects.filter(tahap=tahap, level=Level.SUB_KEGIATAN, unit__isnull=False).values("unit_id")
    return list(UnitKerja.objects.filter(pk__in=ids).order_by("urutan", "kode"))


def penerima(*, opd_id: int, peran: str, unit_id: int | None = None) -> list:
    """Active users holding `peran` in the OPD (for operators: in `unit_id`), to notify."""
    q = Q(penugasan__opd_id=opd_id, penugasan__peran=peran)
    if unit_id is not None:
        q &= Q(penugasan__unit_id=unit_id)
    return list(get_user_model().objects.filter(q, is_active=True).distinct().order_by("pk"))


# --- the grid ------------------------------------------------------------------------------------------------


@dataclass
class SelKinerja:
    indikator: Indikator
    bulan: int
    record: RealisasiKinerja | None

    @property
    def bulan_nama(self) -> str:
        return BULAN_NAMA[self.bulan - 1]

    @property
    def sel_id(self) -> str:
        return f"k-{self.indikator.pk}-{self.bulan}"

    @property
    def version(self) -> int:
        return self.record.version if self.record else 0

    @property
    def nilai(self) -> Decimal | None:
        return self.record.nilai if self.record else None

    @property
    def grade(self) -> str:
        return self.record.grade if self.record else ""

    @property
    def kosong(self) -> bool:
        return self.nilai is None and not self.grade

    def tampil(self) -> str:
        return Target(nilai=self.nilai, grade=self.grade).tampil() if not self.kosong else ""


@dataclass
class SelKeuangan:
    row: RenjaRow
    sumber_dana_id: int
    bulan: int
    record: RealisasiKeuangan | None

    @property
    def bulan_nama(self) -> str:
        return BULAN_NAMA[self.bulan - 1]

    @property
    def sel_id(self) -> str:
        return f"u-{self.row.pk}-{self.sumber_dana_id}-{self.bulan}"

    @property
    def version(self) -> int:
        return self.record.version if self.record else 0

    @property
    def jumlah(self) -> Decimal | None:
        return self.record.jumlah if self.record else None

    def tampil(self) -> str:
        return "" if self.jumlah is None else format_angka(self.jumlah)

    @property
    def kosong(self) -> bool:
        return self.jumlah is None


def _gabung(records_by_bulan: dict[int, object], bulan: list[int], cara: str, attr: str):
    return rumus.gabung_periode([getattr(records_by_bulan.get(b), attr, None) for b in bulan], cara=cara)


@dataclass
class IndikatorGrid:
    indikator: Indikator
    triwulan: int
    sel: dict[int, SelKinerja]  # month -> cell, every month 1..12

    @property
    def target(self) -> Target:
        return target_of(self.indikator)

    @property
    def grade(self) -> bool:
        return bool(self.indikator.target_grade)

    @property
    def makna(self) -> str:
        return MAKNA_NILAI[Agregasi(self.indikator.agregasi)][0]

    @property
    def makna_panjang(self) -> str:
        return MAKNA_NILAI[Agregasi(self.indikator.agregasi)][1]

    def _nilai(self, bulan: list[int]) -> Decimal | None:
        return rumus.gabung_periode([self.sel[b].nilai for b in bulan], cara=self.indikator.agregasi)

    def _grade(self, bulan: list[int]) -> str:
        ada = [self.sel[b].grade for b in bulan if self.sel[b].grade]
        return ada[-1] if ada else ""

    @property
    def sel_triwulan(self) -> list[SelKinerja]:
        return [self.sel[b] for b in bulan_triwulan(self.triwulan)]

    @property
    def sel_isian_triwulan(self) -> SelKinerja:
        """The one cell a quarterly reporter types: the quarter's last month (see models' docstring)."""
        return self.sel[bulan_triwulan(self.triwulan)[-1]]

    @property
    def diisi_per_bulan(self) -> bool:
        """True when an earlier month of the quarter holds a value: the quarterly cell would hide it."""
        return any(not self.sel[b].kosong for b in bulan_triwulan(self.triwulan)[:-1])

    @property
    def nilai_triwulan(self) -> str:
        bulan = list(bulan_triwulan(self.triwulan))
        if self.grade:
            return self._grade(bulan)
        nilai = self._nilai(bulan)
        return "" if nilai is None else Target(nilai=nilai).tampil()

    @cached_property
    def realisasi_sd(self) -> Target:
        """The year up to the end of this triwulan, combined with the indicator's aggregation."""
        bulan = list(range(1, bulan_triwulan(self.triwulan)[-1] + 1))
        if self.grade:
            return Target(grade=self._grade(bulan))
        return Target(nilai=self._nilai(bulan))

    @cached_property
    def capaian(self) -> rumus.HasilCapaian:
        """Capaian of the year so far against the year's target (renja.rumus.capaian)."""
        if self.grade:
            return rumus.capaian_peringkat(
                target=self.indikator.target_grade, realisasi=self.realisasi_sd.grade or None
            )
        return rumus.capaian(
            target=self.indikator.target_nilai,
            realisasi=self.realisasi_sd.nilai,
            polaritas=_POLARITAS.get(self.indikator.polaritas, rumus.Polaritas.POSITIF),
        )


@dataclass
class KeuanganGrid:
    row: RenjaRow
    pagu: Pagu
    triwulan: int
    sel: dict[int, SelKeuangan]

    @property
    def label(self) -> str:
        return f"keuangan {self.pagu.sumber_dana.kode}"

    @property
    def sel_triwulan(self) -> list[SelKeuangan]:
        return [self.sel[b] for b in bulan_triwulan(self.triwulan)]

    @property
    def sel_isian_triwulan(self) -> SelKeuangan:
        return self.sel[bulan_triwulan(self.triwulan)[-1]]

    @property
    def diisi_per_bulan(self) -> bool:
        return any(not self.sel[b].kosong for b in bulan_triwulan(self.triwulan)[:-1])

    def _jumlah(self, bulan) -> Decimal | None:
        ada = [self.sel[b].jumlah for b in bulan if self.sel[b].jumlah is not None]
        return jumlah_uang(ada) if ada else None

    @property
    def jumlah_triwulan(self) -> Decimal | None:
        return self._jumlah(bulan_triwulan(self.triwulan))

    @property
    def jumlah_sd(self) -> Decimal | None:
        return self._jumlah(range(1, bulan_triwulan(self.triwulan)[-1] + 1))

    @property
    def melebihi_pagu(self) -> bool:
        return self.jumlah_sd is not None and self.jumlah_sd > self.pagu.jumlah

    @cached_property
    def serapan(self) -> rumus.HasilCapaian:
        return rumus.serapan_anggaran(pagu=self.pagu.jumlah, realisasi=self.jumlah_sd)


@dataclass
class BarisGrid:
    row: RenjaRow
    triwulan: int
    indikator: list[IndikatorGrid]
    keuangan: list[KeuanganGrid]
    faktor: RealisasiFaktor | None = None
    bukti: list[BuktiRealisasi] = field(default_factory=list)
    catatan: list[CatatanRealisasi] = field(default_factory=list)
    asal_keuangan: str = AsalKeuangan.KETIK
    dapat_diubah: bool = False

    @property
    def pagu(self) -> Decimal:
        return jumlah_uang([k.pagu.jumlah for k in self.keuangan]) if self.keuangan else NOL

    @property
    def keuangan_triwulan(self) -> Decimal | None:
        ada = [k.jumlah_triwulan for k in self.keuangan if k.jumlah_triwulan is not None]
        return jumlah_uang(ada) if ada else None

    @property
    def keuangan_sd(self) -> Decimal | None:
        ada = [k.jumlah_sd for k in self.keuangan if k.jumlah_sd is not None]
        return jumlah_uang(ada) if ada else None

    @cached_property
    def serapan(self) -> rumus.HasilCapaian:
        """Serapan of the year so far against the pagu of the stage in force (flags realisation above pagu)."""
        return rumus.serapan_anggaran(pagu=self.pagu if self.keuangan else None, realisasi=self.keuangan_sd)

    @property
    def melebihi_pagu(self) -> bool:
        return self.serapan.flag is rumus.Flag.MELEBIHI_PAGU or any(k.melebihi_pagu for k in self.keuangan)

    @property
    def kinerja_kosong(self) -> bool:
        return all(s.kosong for i in self.indikator for s in i.sel_triwulan)

    @property
    def keuangan_kosong(self) -> bool:
        return all(s.kosong for k in self.keuangan for s in k.sel_triwulan)

    @property
    def diimpor(self) -> bool:
        return self.asal_keuangan == AsalKeuangan.IMPOR

    @property
    def keuangan_dapat_diubah(self) -> bool:
        """Typed keuangan is refused while the triwulan's figures come from an import (one source at a time)."""
        return self.dapat_diubah and not self.diimpor


@dataclass
class Grid:
    renja: Renja
    tahap: Tahap
    triwulan: int
    unit: UnitKerja | None
    status_unit: StatusRealisasiUnit | None
    triwulan_opd: TriwulanOpd | None
    baris: list[BarisGrid]
    konteks: dict[int, RenjaRow]  # program and kegiatan rows above the unit's sub kegiatan, by id
    atas: bool = False  # program and kegiatan indicators instead of a unit's sub kegiatan

    @property
    def status(self) -> str:
        return self.status_unit.status if self.status_unit else StatusUnit.DRAF

    @property
    def terkunci(self) -> bool:
        return self.triwulan_opd is not None and self.triwulan_opd.status == StatusTriwulan.DISETUJUI

    @property
    def romawi(self) -> str:
        return ROMAWI[self.triwulan]

    def urut(self):
        """(level, row or BarisGrid) in display order: program, kegiatan, then its sub kegiatan of this unit."""
        shown = set()
        if self.atas:
            for b in self.baris:
                yield b.row.level, b
            return
        for b in self.baris:
            kegiatan = self.konteks.get(b.row.parent_id)
            program = self.konteks.get(kegiatan.parent_id) if kegiatan else None
            for r in (program, kegiatan):
                if r is not None and r.pk not in shown:
                    shown.add(r.pk)
                    yield r.level, r
            yield Level.SUB_KEGIATAN, b

    @property
    def total_pagu(self) -> Decimal:
        return jumlah_uang([b.pagu for b in self.baris]) if self.baris else NOL

    @property
    def total_keuangan_sd(self) -> Decimal | None:
        ada = [b.keuangan_sd for b in self.baris if b.keuangan_sd is not None]
        return jumlah_uang(ada) if ada else None

    @property
    def total_serapan(self) -> rumus.HasilCapaian:
        return rumus.serapan_anggaran(pagu=self.total_pagu if self.baris else None, realisasi=self.total_keuangan_sd)


def realisasi_grid(
    *,
    renja: Renja,
    triwulan: int,
    unit: UnitKerja | None,
    tahap: Tahap,
    rows: list[RenjaRow] | None = None,
    atas: bool = False,
) -> Grid:
    """Everything the entry grid of one unit and triwulan shows, in a fixed number of queries.

    `unit=None` gives every sub kegiatan of the OPD (the belum-mengisi page and the overview); `atas=True` gives
    the program and kegiatan rows instead (their outcome and output indicators, entered by the perencana)."""
    all_rows = rows if rows is not None else tahap_rows(tahap)
    by_id = {r.pk: r for r in all_rows}
    if atas:
        subs = [r for r in all_rows if r.level != Level.SUB_KEGIATAN and list(r.indikator.all())]
    else:
        subs = [r for r in all_rows if r.level == Level.SUB_KEGIATAN and (unit is None or r.unit_id == unit.pk)]
    peta = asal_ke_berlaku(renja=renja, tahap=tahap)
    akhir = bulan_triwulan(triwulan)[-1]

    kinerja: dict[tuple[int, int], dict[int, RealisasiKinerja]] = defaultdict(dict)  # (row, urutan) -> bulan
    for rec in (
        RealisasiKinerja.objects.filter(renja=renja, bulan__lte=akhir)
        .annotate(asal_row=F("indikator__row_id"), asal_urutan=F("indikator__urutan"))
        .order_by("id")
    ):
        row_id = peta.get(rec.asal_row)
        if row_id is not None:
            kinerja[(row_id, rec.asal_urutan)][rec.bulan] = rec  # later ids (newer stages) win
    keuangan: dict[tuple[int, int], dict[int, RealisasiKeuangan]] = defaultdict(dict)
    for rec in RealisasiKeuangan.objects.filter(renja=renja, bulan__lte=akhir).order_by("id"):
        row_id = peta.get(rec.row_id)
        if row_id is not None:
            keuangan[(row_id, rec.sumber_dana_id)][rec.bulan] = rec

    def per_row(model, **extra):
        out = defaultdict(list)
        for obj in model.objects.filter(renja=renja, triwulan=triwulan, **extra).order_by("id"):
            if (row_id := peta.get(obj.row_id)) is not None:
                out[row_id].append(obj)
        return out

    faktor = per_row(RealisasiFaktor)
    bukti = per_row(BuktiRealisasi)
    catatan_qs = defaultdict(list)
    for c in CatatanRealisasi.objects.filter(renja=renja, triwulan=triwulan).select_related("penulis").order_by("id"):
        if (row_id := peta.get(c.row_id)) is not None:
            catatan_qs[row_id].append(c)
    asal = {row_id: objs[-1].asal for row_id, objs in per_row(RealisasiKeuanganAsal).items()}

    baris = []
    for r in subs:
        baris.append(
            BarisGrid(
                row=r,
                triwulan=triwulan,
                indikator=[
                    IndikatorGrid(
                        indikator=i,
                        triwulan=triwulan,
                        sel={b: SelKinerja(i, b, kinerja[(r.pk, i.urutan)].get(b)) for b in range(1, 13)},
                    )
                    for i in r.indikator.all()
                ],
                keuangan=[
                    KeuanganGrid(
                        row=r,
                        pagu=p,
                        triwulan=triwulan,
                        sel={
                            b: SelKeuangan(r, p.sumber_dana_id, b, keuangan[(r.pk, p.sumber_dana_id)].get(b))
                            for b in range(1, 13)
                        },
                    )
                    for p in r.pagu.all()
                ],
                faktor=(faktor.get(r.pk) or [None])[-1],
                bukti=bukti.get(r.pk, []),
                catatan=catatan_qs.get(r.pk, []),
                asal_keuangan=asal.get(r.pk, AsalKeuangan.KETIK),
            )
        )
    konteks = {r.pk: r for r in all_rows if r.level != Level.SUB_KEGIATAN}
    statuses = status_unit_map(renja=renja, triwulan=triwulan)
    return Grid(
        renja=renja,
        tahap=tahap,
        triwulan=triwulan,
        unit=unit,
        status_unit=statuses.get(unit.pk) if unit else None,
        triwulan_opd=triwulan_opd_get(renja=renja, triwulan=triwulan),
        baris=baris,
        konteks=konteks if by_id and not atas else {},
        atas=atas,
    )


# --- who has not reported --------------------------------------------------------------------------------------


@dataclass
class UnitBelum:
    unit: UnitKerja
    status: str
    baris_kosong: list[BarisGrid]
    baris_total: int


@dataclass
class BelumMengisi:
    renja: Renja
    tahap: Tahap | None
    triwulan: int
    triwulan_opd: TriwulanOpd | None
    unit: list[UnitBelum]

    @property
    def unit_belum_mengajukan(self) -> list[UnitBelum]:
        return [u for u in self.unit if u.status in (StatusUnit.DRAF, StatusUnit.DIKEMBALIKAN)]

    @property
    def baris_kosong(self) -> list[BarisGrid]:
        return [b for u in self.unit for b in u.baris_kosong]

    @property
    def batas_waktu(self) -> date | None:
        return self.triwulan_opd.batas_waktu if self.triwulan_opd else None


def belum_mengisi(*, renja: Renja, triwulan: int) -> BelumMengisi:
    """Units that have not submitted the triwulan and sub kegiatan without realisation (kinerja or keuangan)."""
    tahap = tahap_berlaku(renja)
    if tahap is None:
        return BelumMengisi(renja, None, triwulan, triwulan_opd_get(renja=renja, triwulan=triwulan), [])
    grid = realisasi_grid(renja=renja, triwulan=triwulan, unit=None, tahap=tahap)
    statuses = status_unit_map(renja=renja, triwulan=triwulan)
    per_unit: dict[int, list[BarisGrid]] = defaultdict(list)
    for b in grid.baris:
        per_unit[b.row.unit_id].append(b)
    units = {u.pk: u for u in unit_penanggung_jawab(tahap=tahap)}
    hasil = [
        UnitBelum(
            unit=units[uid],
            status=status_unit_of(statuses, uid),
            baris_kosong=[b for b in rows if b.kinerja_kosong or b.keuangan_kosong],
            baris_total=len(rows),
        )
        for uid, rows in per_unit.items()
        if uid in units
    ]
    hasil.sort(key=lambda u: (u.unit.urutan, u.unit.kode))
    return BelumMengisi(renja, tahap, triwulan, grid.triwulan_opd, hasil)


@dataclass
class OpdBelum:
    renja: Renja
    ringkasan: BelumMengisi


def belum_mengisi_pemda(*, user, pemda, tahun: int, triwulan: int) -> list[OpdBelum]:
    """The same across every OPD of a Pemda the user may read (a Pemda-wide pemeriksa reads them all)."""
    renjas = list(
        Renja.objects.filter(opd__pemda=pemda, tahun=tahun).select_related("opd__pemda").order_by("opd__kode")
    )
    visible = access.opd_ids_visible_in(user, [r.opd_id for r in renjas])
    return [OpdBelum(r, belum_mengisi(renja=r, triwulan=triwulan)) for r in renjas if r.opd_id in visible]


def opd_ids_of_pemda(pemda) -> list[int]:
    return list(pemda.perangkat_daerah.values_list("pk", flat=True))


# --- overview per Renja ---------------------------------------------------------------------------------------


@dataclass
class RingkasTriwulan:
    triwulan: int
    triwulan_opd: TriwulanOpd | None
    status: dict[int, str]  # unit id -> status

    @property
    def romawi(self) -> str:
        return ROMAWI[self.triwulan]

    @property
    def terkunci(self) -> bool:
        return self.triwulan_opd is not None and self.triwulan_opd.status == StatusTriwulan.DISETUJUI

    @property
    def semua_diverifikasi(self) -> bool:
        return bool(self.status) and all(s == StatusUnit.DIVERIFIKASI for s in self.status.values())


def ringkasan_triwulan(*, renja: Renja, tahap: Tahap | None, units: list[UnitKerja]) -> list[RingkasTriwulan]:
    statuses: dict[int, dict[int, str]] = defaultdict(dict)
    for s in StatusRealisasiUnit.objects.filter(renja=renja):
        statuses[s.triwulan][s.unit_id] = s.status
    tw_opd = {t.triwulan: t for t in TriwulanOpd.objects.filter(renja=renja).select_related("dibuka_oleh")}
    return [
        RingkasTriwulan(
            triwulan=tw,
            triwulan_opd=tw_opd.get(tw),
            status={u.pk: statuses[tw].get(u.pk, StatusUnit.DRAF) for u in units},
        )
        for tw in range(1, 5)
    ]


def operator_penugasan(*, opd_id: int) -> list[PenugasanPeran]:
    return list(PenugasanPeran.objects.filter(opd_id=opd_id, peran=Peran.OPERATOR).select_related("user", "unit"))
