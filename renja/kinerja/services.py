"""Writes of the kinerja app: each keyword-only, in one transaction, access-checked, audited."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from renja.inti.audit import audit_record
from renja.kinerja.models import (
    CapaianRenstraAwal,
    IkuPendukung,
    JenisPelayananDasar,
    KinerjaPelayanan,
    KinerjaPelayananTahun,
    MetodeEfisiensi,
    PengaturanEvaluasi,
    RealisasiIku,
    SpmTarget,
)
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
    """Choose the efisiensi method of the OPD's evaluation tables (REGULASI.md §7: A, or C as the seed's 3.16)."""
    access.access_kinerja_edit(actor, opd)
    if metode not in MetodeEfisiensi.values:
        raise ValidationError({"metode": f"Metode efisiensi '{metode}' tidak dikenal (A atau C)."})
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


# --- kinerja pelayanan (T-C.30) and SPM targets --------------------------------------------------------------

TEKS_MAKS = 1000  # indicator texts: the longest in the seed (Tabel 2.3) is 170 characters
CATATAN_MAKS = 4000


def _teks(nilai: str, label: str, field: str, *, wajib: bool = False, maks: int = TEKS_MAKS) -> str:
    nilai = (nilai or "").strip()
    if wajib and not nilai:
        raise ValidationError({field: f"{label}: {field.replace('_', ' ')} wajib diisi."})
    if len(nilai) > maks:
        raise ValidationError(
            {field: f"{label}: {field.replace('_', ' ')} paling banyak {maks} karakter (ada {len(nilai)})."}
        )
    return nilai


def _versi(obj, expected_version: int | None, label: str) -> None:
    if expected_version is not None and obj.version != expected_version:
        raise ValidationError(
            {"version": f"{label} telah diubah pengguna lain (versi {obj.version}); muat ulang halaman lalu ulangi."}
        )


@transaction.atomic
def kinerja_pelayanan_record(
    *,
    actor,
    opd: PerangkatDaerah,
    indikator: str,
    spm: str = "",
    ikk: str = "",
    satuan: str = "",
    catatan: str = "",
    sumber: str = "",
    nilai: dict[int, dict[str, Decimal | None]] | None = None,
    baris: KinerjaPelayanan | None = None,
    urutan: int | None = None,
    expected_version: int | None = None,
    system: bool = False,
) -> KinerjaPelayanan:
    """Create (``baris=None``) or update one line of the kinerja pelayanan table (T-C.30) with its figures per year:
    ``nilai={2024: {"target": Decimal(100), "realisasi": Decimal(100), "proyeksi": None}}``. Years not named keep
    their figures; a year given with every figure None is removed."""
    if not system:
        access.access_kinerja_edit(actor, opd)
    label = "Kinerja pelayanan" + (f" '{indikator.strip()[:50]}'" if indikator else "")
    indikator = _teks(indikator, label, "indikator", wajib=True)
    spm, ikk = _teks(spm, label, "spm"), _teks(ikk, label, "ikk")
    satuan = _teks(satuan, label, "satuan", maks=60)
    catatan = _teks(catatan, label, "catatan", maks=CATATAN_MAKS)
    bersih: dict[int, dict[str, Decimal | None]] = {}
    for tahun, isi in (nilai or {}).items():
        _tahun(tahun, label)
        unknown = set(isi) - {"target", "realisasi", "proyeksi"}
        if unknown:
            raise ValueError(f"kolom tidak dikenal: {sorted(unknown)}")
        bersih[tahun] = {k: _angka(isi.get(k), f"{label} {k} {tahun}", k) for k in ("target", "realisasi", "proyeksi")}
    if baris is None:
        obj = KinerjaPelayanan(opd=opd)
        if urutan is None:
            urutan = KinerjaPelayanan.objects.filter(opd=opd).count()
        old = None
    else:
        obj = KinerjaPelayanan.objects.select_for_update().get(pk=baris.pk)
        if obj.opd_id != opd.pk:
            raise ValidationError({"baris": f"{label}: baris ini milik perangkat daerah lain."})
        _versi(obj, expected_version, label)
        old = _pelayanan_snapshot(obj)
        obj.version += 1
    if urutan is not None:
        obj.urutan = urutan
    obj.indikator, obj.spm, obj.ikk, obj.satuan, obj.catatan = indikator, spm, ikk, satuan, catatan
    if sumber:
        obj.sumber = sumber
    obj.save()
    for tahun, isi in bersih.items():
        if all(v is None for v in isi.values()):
            KinerjaPelayananTahun.objects.filter(baris=obj, tahun=tahun).delete()
        else:
            KinerjaPelayananTahun.objects.update_or_create(baris=obj, tahun=tahun, defaults=isi)
    audit_record(
        actor=actor,
        event_type="update" if old else "create",
        action="kinerja_pelayanan_record",
        obj=obj,
        scope=f"opd:{opd.pk}",
        old=old,
        new=_pelayanan_snapshot(obj),
    )
    return obj


def _pelayanan_snapshot(obj: KinerjaPelayanan) -> dict:
    return {
        "indikator": obj.indikator,
        "spm": obj.spm,
        "ikk": obj.ikk,
        "satuan": obj.satuan,
        "catatan": obj.catatan,
        "tahun": {
            str(t.tahun): {
                k: None if getattr(t, k) is None else str(getattr(t, k)) for k in ("target", "realisasi", "proyeksi")
            }
            for t in KinerjaPelayananTahun.objects.filter(baris=obj).order_by("tahun")
        },
    }


@transaction.atomic
def spm_target_record(
    *,
    actor,
    opd: PerangkatDaerah,
    tahun: int,
    jenis: str,
    indikator: str,
    target: Decimal | None,
    satuan: str = "",
    sumber: str = "",
    expected_version: int | None = None,
    system: bool = False,
) -> SpmTarget:
    """The target of one basic service of SPM for a year (the second Tabel 3.2), as a number of warga negara."""
    if not system:
        access.access_kinerja_edit(actor, opd)
    if jenis not in JenisPelayananDasar.values:
        raise ValidationError({"jenis": f"Jenis pelayanan dasar '{jenis}' tidak dikenal."})
    label = f"Target SPM {JenisPelayananDasar(jenis).label}"
    tahun = _tahun(tahun, label)
    label = f"{label} {tahun}"
    indikator = _teks(indikator, label, "indikator", wajib=True)
    satuan = _teks(satuan, label, "satuan", maks=60)
    target = _angka(target, label, "target")
    obj = SpmTarget.objects.select_for_update().filter(opd=opd, tahun=tahun, jenis=jenis).first()
    old = None
    if obj is None:
        obj = SpmTarget(opd=opd, tahun=tahun, jenis=jenis)
    else:
        _versi(obj, expected_version, label)
        old = {
            "indikator": obj.indikator,
            "target": None if obj.target is None else str(obj.target),
            "satuan": obj.satuan,
        }
        obj.version += 1
    obj.indikator, obj.target, obj.satuan = indikator, target, satuan
    if sumber:
        obj.sumber = sumber
    obj.save()
    audit_record(
        actor=actor,
        event_type="update" if old else "create",
        action="spm_target_record",
        obj=obj,
        scope=f"opd:{opd.pk}",
        old=old,
        new={
            "tahun": tahun,
            "indikator": indikator,
            "target": None if target is None else str(target),
            "satuan": satuan,
        },
    )
    return obj
