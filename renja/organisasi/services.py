"""Changes to the organisation: pemda, perangkat daerah, units, users and their roles."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from renja.inti.audit import audit_record
from renja.organisasi import access
from renja.organisasi.models import Pemda, PenugasanPeran, Peran, PerangkatDaerah, UnitKerja


@transaction.atomic
def pemda_upsert(*, actor, kode: str, nama: str, jenis: str) -> Pemda:
    pemda, created = Pemda.objects.update_or_create(kode=kode, defaults={"nama": nama, "jenis": jenis})
    audit_record(
        actor=actor,
        event_type="create" if created else "update",
        action="pemda_upsert",
        obj=pemda,
        new={"kode": kode, "nama": nama, "jenis": jenis},
    )
    return pemda


@transaction.atomic
def opd_upsert(
    *,
    actor,
    pemda: Pemda,
    kode: str,
    nama: str,
    bidang_urusan: str,
    singkatan: str = "",
    kepala_nama: str = "",
    kepala_nip: str = "",
    kepala_jabatan: str = "",
) -> PerangkatDaerah:
    opd, created = PerangkatDaerah.objects.update_or_create(
        pemda=pemda,
        kode=kode,
        defaults={
            "nama": nama,
            "bidang_urusan": bidang_urusan,
            "singkatan": singkatan,
            "kepala_nama": kepala_nama,
            "kepala_nip": kepala_nip,
            "kepala_jabatan": kepala_jabatan,
        },
    )
    audit_record(
        actor=actor,
        event_type="create" if created else "update",
        action="opd_upsert",
        obj=opd,
        scope=str(opd.pk),
        new={"kode": kode, "nama": nama},
    )
    return opd


@transaction.atomic
def unit_upsert(*, actor, opd: PerangkatDaerah, kode: str, nama: str, urutan: int = 0) -> UnitKerja:
    unit, created = UnitKerja.objects.update_or_create(opd=opd, kode=kode, defaults={"nama": nama, "urutan": urutan})
    audit_record(
        actor=actor,
        event_type="create" if created else "update",
        action="unit_upsert",
        obj=unit,
        scope=str(opd.pk),
        new={"kode": kode, "nama": nama},
    )
    return unit


@transaction.atomic
def user_create(*, actor, username: str, password: str, nama_lengkap: str = "", email: str = ""):
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ValidationError({"username": f"Nama pengguna '{username}' sudah dipakai."})
    depan, _, belakang = nama_lengkap.partition(" ")
    user = User.objects.create_user(
        username=username, password=password, email=email, first_name=depan, last_name=belakang
    )
    audit_record(actor=actor, event_type="create", action="user_create", obj=user, new={"username": username})
    return user


@transaction.atomic
def peran_assign(
    *, actor, user, peran: str, opd: PerangkatDaerah | None = None, unit: UnitKerja | None = None
) -> PenugasanPeran:
    if peran not in Peran.values:
        raise ValidationError({"peran": f"Peran '{peran}' tidak dikenal."})
    if peran != Peran.ADMIN and opd is None:
        raise ValidationError({"opd": "Peran selain admin wajib untuk satu perangkat daerah."})
    if peran == Peran.OPERATOR and unit is None:
        raise ValidationError({"unit": "Operator wajib ditugaskan pada satu unit kerja."})
    if unit is not None and opd is not None and unit.opd_id != opd.pk:
        raise ValidationError({"unit": "Unit kerja harus bagian dari perangkat daerah yang sama."})
    if peran != Peran.OPERATOR:
        unit = None
    penugasan, _ = PenugasanPeran.objects.get_or_create(user=user, peran=peran, opd=opd, unit=unit)
    access.forget_roles(user)
    audit_record(
        actor=actor,
        event_type="create",
        action="peran_assign",
        obj=penugasan,
        scope=str(opd.pk) if opd else "",
        new={"user": user.username, "peran": peran, "unit": unit.kode if unit else None},
    )
    return penugasan
