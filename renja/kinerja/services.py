"""Writes of the kinerja app: each keyword-only, in one transaction, access-checked, audited."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from renja.inti.audit import audit_record
from renja.kinerja.models import CapaianRenstraAwal, IkuPendukung, MetodeEfisiensi, PengaturanEvaluasi, RealisasiIku
from renja.organisasi import access
from renja.organisasi.models import PerangkatDaerah
from renja.perencanaan.models import RenstraIndikator
from renja.perencanaan.targets import GRADE_SAH, Target, target_problem

TAHUN_MIN, TAHUN_MAKS = 2000, 2100


def _opd_of(indikator: RenstraIndikator) -> PerangkatDaerah:
    ind = RenstraIndikator.objects.select_related("tujuan__renstra__opd", "sasaran__tujuan__renstra__opd").get(
        pk=indikator.pk
    )
    tujuan = ind.tujuan or ind.sasaran.tujuan
    return tujuan.renstra.opd


def _tahun(tahun: int, label: str) -> int:
    if isinstance(tahun, bool) or not isinstance(tahun, int) or not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        raise ValidationError({"tahun": f"{label}: tahun '{tahun}' tidak sah ({TAHUN_MIN}-{TAHUN_MAKS})."})
    return tahun


def _angka(nilai: Decimal | None, label: str, field: str) -> Decimal | None:
    if nilai is None:
        return None
    if (problem := target_problem(Target(nilai=nilai))) is not None:
        raise ValidationError({field: f"{label}: {problem.replace('target', 'nilai')}"})
    return nilai


def _grade(grade: str, label: str) -> str:
    grade = (grade or "").strip().upper()
    if grade and grade not in GRADE_SAH:
        raise ValidationError({"grade": f"{label}: predikat '{grade}' tidak dikenal ({', '.join(GRADE_SAH)})."})
    return grade


@transaction.atomic
def realisasi_iku_record(
    *,
    actor,
    indikator: RenstraIndikator,
    tahun: int,
    nilai: Target,
    jumlah_realisasi: Decimal | None = None,
    jumlah_basis: Decimal | None = None,
    nilai_pendukung: str = "",
    keterangan: str = "",
    sumber: str = "",
    system: bool = False,
) -> RealisasiIku:
    """Record the realisation of an IKU for a year, with the counts behind a percentage where there are any."""
    opd = _opd_of(indikator)
    if not system:
        access.access_kinerja_edit(actor, opd)
    label = f"Realisasi IKU '{indikator.uraian[:60]}'"
    tahun = _tahun(tahun, label)
    if nilai.grade:
        _grade(nilai.grade, label)
    _angka(nilai.nilai, label, "nilai")
    _angka(jumlah_realisasi, label, "jumlah_realisasi")
    _angka(jumlah_basis, label, "jumlah_basis")
    if jumlah_basis is not None and jumlah_basis == 0:
        raise ValidationError({"jumlah_basis": f"{label}: jumlah basis tidak boleh nol."})
    if (jumlah_realisasi is None) != (jumlah_basis is None):
        raise ValidationError(
            {"jumlah_basis": f"{label}: isi jumlah realisasi dan jumlah basis bersama-sama, atau keduanya kosong."}
        )
    obj = RealisasiIku.objects.select_for_update().filter(indikator=indikator, tahun=tahun).first()
    old = None
    if obj is None:
        obj = RealisasiIku(indikator=indikator, tahun=tahun)
    else:
        old = {"nilai": Target(obj.nilai, obj.grade).tampil(), "jumlah_realisasi": obj.jumlah_realisasi}
        obj.version += 1
    obj.nilai, obj.grade = nilai.nilai, nilai.grade
    obj.jumlah_realisasi, obj.jumlah_basis = jumlah_realisasi, jumlah_basis
    obj.nilai_pendukung, obj.keterangan, obj.sumber = nilai_pendukung[:120], keterangan, sumber
    obj.diubah_oleh = actor if getattr(actor, "pk", None) else None
    obj.save()
    audit_record(
        actor=actor,
        event_type="update" if old else "create",
        action="realisasi_iku_record",
        obj=obj,
        scope=f"opd:{opd.pk}",
        old=old,
        new={"tahun": tahun, "nilai": nilai.tampil(), "jumlah_realisasi": jumlah_realisasi, "basis": jumlah_basis},
    )
    return obj


@transaction.atomic
def iku_pendukung_set(
    *, actor, indikator: RenstraIndikator, tahun: int, kode_program: list[str], system: bool = False
) -> list[IkuPendukung]:
    """The programs of the year's Renja that support an IKU (replaces the earlier list)."""
    opd = _opd_of(indikator)
    if not system:
        access.access_kinerja_edit(actor, opd)
    tahun = _tahun(tahun, "Program pendukung IKU")
    kode = [k.strip() for k in kode_program if k.strip()]
    if len(set(kode)) != len(kode):
        raise ValidationError({"kode_program": "Program pendukung IKU tercantum dua kali."})
    old = list(IkuPendukung.objects.filter(indikator=indikator, tahun=tahun).values_list("kode_program", flat=True))
    IkuPendukung.objects.filter(indikator=indikator, tahun=tahun).delete()
    objs = [
        IkuPendukung.objects.create(indikator=indikator, tahun=tahun, kode_program=k, urutan=n)
        for n, k in enumerate(kode)
    ]
    audit_record(
        actor=actor,
        event_type="update",
        action="iku_pendukung_set",
        obj=indikator,
        scope=f"opd:{opd.pk}",
        old={"tahun": tahun, "program": old},
        new={"tahun": tahun, "program": kode},
    )
    return objs


@transaction.atomic
def efisiensi_metode_set(*, actor, opd: PerangkatDaerah, metode: str) -> PengaturanEvaluasi:
    """Choose the efisiensi method of the OPD's evaluation tables (REGULASI.md §7: A, B the PMK form, or C as the
    seed's 3.16)."""
    access.access_kinerja_edit(actor, opd)
    if metode not in MetodeEfisiensi.values:
        raise ValidationError({"metode": f"Metode efisiensi '{metode}' tidak dikenal (A, B atau C)."})
    obj, _ = PengaturanEvaluasi.objects.select_for_update().get_or_create(opd=opd)
    old = obj.metode_efisiensi
    obj.metode_efisiensi = metode
    obj.save()
    audit_record(
        actor=actor,
        event_type="update",
        action="efisiensi_metode_set",
        obj=obj,
        scope=f"opd:{opd.pk}",
        old={"metode": old},
        new={"metode": metode},
    )
    return obj


@transaction.atomic
def capaian_renstra_awal_record(
    *,
    actor,
    opd: PerangkatDaerah,
    kode: str,
    urutan: int,
    target_akhir: Target,
    sampai_tahun: int | None,
    realisasi: Target,
    target_berikut: Target | None = None,
    sumber: str = "",
    system: bool = False,
) -> CapaianRenstraAwal:
    """The Renstra end target and the realisation up to `sampai_tahun` of one Renja indicator (row code and
    indicator position), for the years whose realisation the system does not hold."""
    if not system:
        access.access_kinerja_edit(actor, opd)
    label = f"Capaian Renstra {kode} indikator {urutan + 1}"
    target_berikut = target_berikut or Target()
    for t, f in ((target_akhir, "target_akhir"), (realisasi, "realisasi"), (target_berikut, "target_berikut")):
        _angka(t.nilai, label, f)
        _grade(t.grade, label)
    if sampai_tahun is not None:
        _tahun(sampai_tahun, label)
    if not realisasi.kosong and sampai_tahun is None:
        raise ValidationError({"sampai_tahun": f"{label}: sebutkan realisasi itu sampai tahun berapa."})
    obj, created = CapaianRenstraAwal.objects.select_for_update().get_or_create(opd=opd, kode=kode, urutan=urutan)
    old = None if created else {"target_akhir": Target(obj.target_akhir_nilai, obj.target_akhir_grade).tampil()}
    obj.target_akhir_nilai, obj.target_akhir_grade = target_akhir.nilai, target_akhir.grade
    obj.sampai_tahun = sampai_tahun
    obj.realisasi_nilai, obj.realisasi_grade = realisasi.nilai, realisasi.grade
    obj.target_berikut_nilai, obj.target_berikut_grade = target_berikut.nilai, target_berikut.grade
    obj.sumber = sumber
    obj.save()
    audit_record(
        actor=actor,
        event_type="create" if created else "update",
        action="capaian_renstra_awal_record",
        obj=obj,
        scope=f"opd:{opd.pk}",
        old=old,
        new={
            "target_akhir": target_akhir.tampil(),
            "sampai_tahun": sampai_tahun,
            "realisasi": realisasi.tampil(),
            "target_berikut": target_berikut.tampil(),
        },
    )
    return obj
