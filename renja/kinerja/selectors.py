"""Reads of the kinerja app. Every figure derived from inputs with renja.rumus: IKU capaian by polarity (grade
targets on the ordinal scale), the target count behind a percentage target, and the evaluation of monev."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from renja.kinerja.models import CapaianRenstraAwal, IkuPendukung, PengaturanEvaluasi, RealisasiIku
from renja.monev.evaluasi import METODE_BAWAAN, EvalBaris, Evaluasi, MetodeEfisiensi, evaluasi_renja
from renja.monev.selectors import tahap_berlaku
from renja.organisasi import access
from renja.organisasi.models import PerangkatDaerah
from renja.organisasi.selectors import OpdTidakDitemukan, opd_find_for_command
from renja.perencanaan.models import Indikator, Renja, Renstra, RenstraIndikator
from renja.perencanaan.targets import Target
from renja.rumus import capaian as rumus
from renja.rumus.capaian import persentase
from renja.rumus.uang import KONTEKS, bagi, bulatkan, jumlah

_POLARITAS = {"naik": rumus.Polaritas.POSITIF, "turun": rumus.Polaritas.NEGATIF}


def metode_efisiensi(opd: PerangkatDaerah) -> MetodeEfisiensi:
    """The OPD's efisiensi method (REGULASI.md §7), A when it never chose one."""
    obj = PengaturanEvaluasi.objects.filter(opd=opd).first()
    return MetodeEfisiensi(obj.metode_efisiensi) if obj else METODE_BAWAAN


def evaluasi_opd(*, user, renja: Renja, triwulan: int | None = None) -> Evaluasi:
    """monev's evaluation with the OPD's efisiensi method, for a user who may read the OPD."""
    access.access_realisasi_view(user, renja.opd)
    return evaluasi_renja(renja=renja, triwulan=triwulan, metode=metode_efisiensi(renja.opd))


def renja_find(*, user, tahun: int, opd_kode: str, pemda_kode: str | None = None) -> Renja:
    """The Renja of an OPD (by SIPD code; `pemda_kode` when two Pemda share a code) for a year, access-checked.
    The OPD is found as every command finds it (organisasi.selectors.opd_find_for_command), so an ambiguous code
    is refused naming the Pemda that have it."""
    try:
        opd = opd_find_for_command(opd=opd_kode, pemda=pemda_kode)
    except OpdTidakDitemukan as exc:
        raise Renja.DoesNotExist(str(exc)) from exc
    renja = Renja.objects.select_related("opd__pemda").filter(tahun=tahun, opd=opd).first()
    if renja is None:
        raise Renja.DoesNotExist(f"Renja {tahun} perangkat daerah {opd.kode} ({opd.pemda}) tidak ditemukan.")
    if user is not None:
        access.access_realisasi_view(user, renja.opd)
    return renja


def renstra_tahun(renja: Renja) -> Renstra | None:
    """The Renstra the Renja of a year answers to: its own link, else the OPD's Renstra covering that year (the
    latest starting one when periods overlap, as the 2024-2026 transition Renstra and 2025-2029 do)."""
    if renja.renstra_id:
        return renja.renstra
    return (
        Renstra.objects.filter(opd_id=renja.opd_id, tahun_awal__lte=renja.tahun, tahun_akhir__gte=renja.tahun)
        .order_by("tahun_awal")
        .first()
    )


# --- IKU ------------------------------------------------------------------------------------------------------


@dataclass
class IkuEval:
    indikator: RenstraIndikator
    sasaran: str
    tahun: int
    target: Target
    realisasi_obj: RealisasiIku | None

    @property
    def realisasi(self) -> Target:
        r = self.realisasi_obj
        if r is None:
            return Target()
        if r.grade:
            return Target(grade=r.grade)
        if r.nilai is not None:
            return Target(nilai=r.nilai)
        if r.jumlah_realisasi is not None:
            return Target(nilai=self.realisasi_persen)
        return Target()

    @property
    def ada_angka(self) -> bool:
        r = self.realisasi_obj
        return r is not None and r.jumlah_realisasi is not None and r.jumlah_basis is not None

    @property
    def realisasi_persen(self) -> Decimal | None:
        """Realisation count / basis x 100 (15.216 / 125.326 = 12,14 %)."""
        if not self.ada_angka:
            return None
        return persentase(self.realisasi_obj.jumlah_realisasi, self.realisasi_obj.jumlah_basis)

    @property
    def target_jumlah(self) -> Decimal | None:
        """The target as a count: target % of the basis, to whole units (5 % of 125.326 = 6.266,3 -> 6.266)."""
        if not self.ada_angka or self.target.nilai is None:
            return None
        return bulatkan(bagi(KONTEKS.multiply(self.target.nilai, self.realisasi_obj.jumlah_basis), 100), 0)

    @property
    def capaian(self) -> rumus.HasilCapaian:
        """By polarity. With counts behind a percentage, the IKU's own formula: realised count / target count."""
        if self.target.grade:
            return rumus.capaian_peringkat(target=self.target.grade, realisasi=self.realisasi.grade or None)
        polaritas = _POLARITAS.get(self.indikator.polaritas, rumus.Polaritas.POSITIF)
        if self.ada_angka and self.target_jumlah:
            return rumus.capaian(
                target=self.target_jumlah, realisasi=self.realisasi_obj.jumlah_realisasi, polaritas=polaritas
            )
        return rumus.capaian(target=self.target.nilai, realisasi=self.realisasi.nilai, polaritas=polaritas)

    @property
    def predikat(self) -> rumus.PredikatCapaian | None:
        return rumus.predikat_capaian(self.capaian.persen)


def iku_evaluasi(*, renstra: Renstra, tahun: int) -> list[IkuEval]:
    """Every sasaran indicator (IKU) of the Renstra with its target and realisation of `tahun` (Tabel 2.2)."""
    indikator = list(
        RenstraIndikator.objects.filter(Q(sasaran__tujuan__renstra=renstra) | Q(tujuan__renstra=renstra))
        .select_related("sasaran", "tujuan")
        .prefetch_related("target")
        .order_by("sasaran__tujuan__urutan", "sasaran__urutan", "urutan", "id")
    )
    realisasi = {r.indikator_id: r for r in RealisasiIku.objects.filter(indikator__in=indikator, tahun=tahun)}
    hasil = []
    for ind in indikator:
        if ind.sasaran is None:
            continue  # tujuan indicators are not IKU of a sasaran
        t = next((t for t in ind.target.all() if t.tahun == tahun), None)
        hasil.append(
            IkuEval(
                indikator=ind,
                sasaran=ind.sasaran.uraian,
                tahun=tahun,
                target=Target(nilai=t.nilai, grade=t.grade) if t else Target(),
                realisasi_obj=realisasi.get(ind.pk),
            )
        )
    return hasil


# --- LKjIP allocation per IKU (Tabel 3.9 / 3.16) ---------------------------------------------------------------


@dataclass
class AlokasiIku:
    iku: IkuEval
    program: list[EvalBaris]
    tidak_ditemukan: list[str] = field(default_factory=list)

    @property
    def baris_berdata(self) -> list[EvalBaris]:
        return [s for p in self.program for s in p.baris_berdata]

    @property
    def pagu(self) -> Decimal | None:
        rows = self.baris_berdata
        return jumlah(s.pagu for s in rows) if rows else None

    @property
    def realisasi(self) -> Decimal | None:
        rows = self.baris_berdata
        return jumlah(s.realisasi for s in rows) if rows else None

    @property
    def serapan(self) -> rumus.HasilCapaian:
        return rumus.serapan_anggaran(pagu=self.pagu, realisasi=self.realisasi)


def alokasi_iku(*, evaluasi: Evaluasi, iku: list[IkuEval]) -> list[AlokasiIku]:
    """Per IKU, the programs of the Renja supporting it with their pagu and realisation (sums of Rupiah)."""
    tahun = evaluasi.renja.tahun
    pendukung: dict[int, list[str]] = {}
    for p in IkuPendukung.objects.filter(indikator__in=[i.indikator for i in iku], tahun=tahun).order_by("urutan"):
        pendukung.setdefault(p.indikator_id, []).append(p.kode_program)
    by_kode = {p.kode: p for p in evaluasi.program}
    hasil = []
    for i in iku:
        kode = pendukung.get(i.indikator.pk, [])
        if not kode:
            continue
        hasil.append(
            AlokasiIku(
                iku=i,
                program=[by_kode[k] for k in kode if k in by_kode],
                tidak_ditemukan=[k for k in kode if k not in by_kode],
            )
        )
    return hasil


def capaian_renstra_awal(*, opd: PerangkatDaerah) -> dict[tuple[str, int], CapaianRenstraAwal]:
    return {(c.kode, c.urutan): c for c in CapaianRenstraAwal.objects.filter(opd=opd)}


def _renja_tahun(renja: Renja, tahun: int) -> Renja | None:
    return Renja.objects.filter(opd_id=renja.opd_id, tahun=tahun).select_related("opd__pemda").first()


def target_tahun_berikut(renja: Renja) -> dict[tuple[str, int], Target]:
    """Targets of the next year's Renja (its stage in force) by row code and indicator position (T-C.29 col. 9)."""
    berikut = _renja_tahun(renja, renja.tahun + 1)
    tahap = tahap_berlaku(berikut) if berikut else None
    if tahap is None:
        return {}
    return {
        (kode, urutan): Target(nilai=nilai, grade=grade)
        for kode, urutan, nilai, grade in Indikator.objects.filter(row__tahap=tahap).values_list(
            "row__kode", "urutan", "target_nilai", "target_grade"
        )
    }


def realisasi_tahun_sebelumnya(renja: Renja) -> dict[tuple[str, int], Target]:
    """The previous year's realisation per row code and indicator position, when that Renja is in the system
    (T-C.29 col. 5 before a typed baseline)."""
    sebelum = _renja_tahun(renja, renja.tahun - 1)
    if sebelum is None:
        return {}
    ev = evaluasi_renja(renja=sebelum)
    return {(b.kode, i.indikator.urutan): i.realisasi for b in ev.baris() for i in b.indikator if i.ada_data}


def pendukung_map(*, iku: list[IkuEval], tahun: int) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for p in IkuPendukung.objects.filter(indikator__in=[i.indikator for i in iku], tahun=tahun).order_by("urutan"):
        out.setdefault(p.indikator_id, []).append(p.kode_program)
    return out


# --- kinerja pelayanan (T-C.30) and SPM targets --------------------------------------------------------------


def kinerja_pelayanan_list(*, opd: PerangkatDaerah) -> list:
    """The OPD's T-C.30 lines with their yearly figures (two queries)."""
    from django.db.models import Prefetch

    from renja.kinerja.models import KinerjaPelayanan, KinerjaPelayananTahun

    return list(
        KinerjaPelayanan.objects.filter(opd=opd)
        .prefetch_related(Prefetch("tahun_nilai", queryset=KinerjaPelayananTahun.objects.order_by("tahun")))
        .order_by("urutan", "id")
    )


def spm_target_list(*, opd: PerangkatDaerah, tahun: int) -> list:
    """The SPM targets of a year, in the order of the basic services (PP 2/2018)."""
    from renja.kinerja.models import JenisPelayananDasar, SpmTarget

    urutan = {j: i for i, j in enumerate(JenisPelayananDasar.values)}
    return sorted(SpmTarget.objects.filter(opd=opd, tahun=tahun), key=lambda s: urutan[s.jenis])
