"""Changes to the organisation: pemda, perangkat daerah, units, users and their roles.

Each service validates its input once (renja.organisasi.validators), checks access unless `system=True` (the
demo loader, `renja siapkan`, `renja impor organisasi` from the command line), writes in one transaction and
records one AuditEvent. The older `*_upsert` functions are the system path of the loaders; they validate too.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Max

from renja.inti.audit import audit_record
from renja.organisasi import access
from renja.organisasi.models import (
    Akun,
    Pemda,
    PenugasanPeran,
    Peran,
    PerangkatDaerah,
    UnitKerja,
    bidang_dari_kode_opd,
)
from renja.organisasi.validators import (
    jenis_dari_kode_wilayah,
    kode_bersih,
    kode_opd_masalah,
    kode_wilayah_masalah,
    nip_bersih,
    nip_masalah,
)

BATAS = {"nama": 200, "singkatan": 30, "kepala_nama": 120, "kepala_pangkat": 80, "kepala_jabatan": 120}


def _teks(value: str, *, field: str, label: str, wajib: bool = False, batas: int = 200) -> str:
    value = " ".join((value or "").split())
    if wajib and not value:
        raise ValidationError({field: f"{label} wajib diisi."})
    if len(value) > batas:
        raise ValidationError({field: f"{label} paling banyak {batas} karakter (tertulis {len(value)})."})
    return value


# --- Pemda -----------------------------------------------------------------------------------------------


def _pemda_clean(*, kode: str, nama: str, jenis: str, pemda: Pemda | None = None) -> dict:
    kode = kode_bersih(kode)
    masalah = kode_wilayah_masalah(kode, "")
    if masalah:
        raise ValidationError({"kode": masalah})
    jenis = (jenis or "").strip().lower() or (jenis_dari_kode_wilayah(kode) or "")
    if jenis not in Pemda.Jenis.values:
        raise ValidationError({"jenis": f"Jenis Pemda '{jenis}' tidak dikenal; pilih provinsi, kabupaten atau kota."})
    masalah = kode_wilayah_masalah(kode, jenis)
    if masalah:
        raise ValidationError({"kode": masalah})
    lain = Pemda.objects.filter(kode=kode)
    if pemda is not None:
        lain = lain.exclude(pk=pemda.pk)
    if lain.exists():
        raise ValidationError({"kode": f"Kode wilayah {kode} sudah dipakai {lain.first()}."})
    return {"kode": kode, "nama": _teks(nama, field="nama", label="Nama Pemda", wajib=True, batas=120), "jenis": jenis}


@transaction.atomic
def pemda_upsert(*, actor, kode: str, nama: str, jenis: str) -> Pemda:
    """System path (loaders): create or update the Pemda with this kode wilayah."""
    existing = Pemda.objects.filter(kode=kode_bersih(kode)).first()
    data = _pemda_clean(kode=kode, nama=nama, jenis=jenis, pemda=existing)
    pemda, created = Pemda.objects.update_or_create(kode=data["kode"], defaults=data)
    audit_record(actor=actor, event_type="create" if created else "update", action="pemda_upsert", obj=pemda, new=data)
    return pemda


@transaction.atomic
def pemda_create(*, actor, kode: str, nama: str, jenis: str = "", system: bool = False) -> Pemda:
    if not system:
        access.access_installation_manage(actor)
    data = _pemda_clean(kode=kode, nama=nama, jenis=jenis)
    pemda = Pemda.objects.create(**data)
    audit_record(actor=actor, event_type="create", action="pemda_create", obj=pemda, new=data)
    return pemda


@transaction.atomic
def pemda_update(*, actor, pemda: Pemda, kode: str, nama: str, jenis: str) -> Pemda:
    access.access_installation_manage(actor)
    pemda = Pemda.objects.select_for_update().get(pk=pemda.pk)
    old = {"kode": pemda.kode, "nama": pemda.nama, "jenis": pemda.jenis}
    data = _pemda_clean(kode=kode, nama=nama, jenis=jenis, pemda=pemda)
    for k, v in data.items():
        setattr(pemda, k, v)
    pemda.save()
    audit_record(actor=actor, event_type="update", action="pemda_update", obj=pemda, old=old, new=data)
    return pemda


# --- Perangkat daerah ------------------------------------------------------------------------------------


def bidang_tidak_dikenal(bidang: list[str]) -> list[str]:
    """Bidang urusan that no loaded nomenclature version has. The nomenclature app sits above organisasi, so
    its model is looked up by name instead of imported (ARCHITECTURE.md: no import runs upward)."""
    Nomenklatur = apps.get_model("nomenklatur", "Nomenklatur")
    ada = set(
        Nomenklatur.objects.filter(tingkat="bidang_urusan", kode__in=bidang).values_list("kode", flat=True).distinct()
    )
    return [b for b in bidang if b not in ada]


def opd_kode_validate(kode: str) -> list[str]:
    """The OPD code's format and its bidang urusan (each must exist in the nomenclature); returns the bidang."""
    masalah = kode_opd_masalah(kode)
    if masalah:
        raise ValidationError({"kode": masalah})
    bidang = bidang_dari_kode_opd(kode_bersih(kode))
    asing = bidang_tidak_dikenal(bidang)
    if asing:
        raise ValidationError(
            {
                "kode": f"Kode perangkat daerah {kode_bersih(kode)}: bidang urusan {', '.join(asing)} tidak ada di "
                "nomenklatur (muat nomenklatur dengan `renja nomenklatur_load` bila belum)."
            }
        )
    return bidang


def _kepala_clean(*, nama: str, pangkat: str, nip: str, jabatan: str) -> dict:
    masalah = nip_masalah(nip)
    if masalah:
        raise ValidationError({"kepala_nip": masalah})
    return {
        "kepala_nama": _teks(nama, field="kepala_nama", label="Nama kepala", batas=BATAS["kepala_nama"]),
        "kepala_pangkat": _teks(pangkat, field="kepala_pangkat", label="Pangkat/golongan", batas=80),
        "kepala_nip": nip_bersih(nip),
        "kepala_jabatan": _teks(jabatan, field="kepala_jabatan", label="Jabatan kepala", batas=120),
    }


def _opd_clean(*, pemda: Pemda, kode: str, nama: str, singkatan: str, opd: PerangkatDaerah | None = None) -> dict:
    bidang = opd_kode_validate(kode)
    kode = kode_bersih(kode)
    lain = PerangkatDaerah.objects.filter(pemda=pemda, kode=kode)
    if opd is not None:
        lain = lain.exclude(pk=opd.pk)
    if lain.exists():
        raise ValidationError({"kode": f"Kode {kode} sudah dipakai {lain.first().nama} di {pemda}."})
    return {
        "kode": kode,
        "nama": _teks(nama, field="nama", label="Nama perangkat daerah", wajib=True),
        "singkatan": _teks(singkatan, field="singkatan", label="Singkatan", batas=30),
        "bidang_urusan": bidang[0],
    }


@transaction.atomic
def opd_upsert(
    *,
    actor,
    pemda: Pemda,
    kode: str,
    nama: str,
    bidang_urusan: str = "",
    singkatan: str = "",
    kepala_nama: str = "",
    kepala_nip: str = "",
    kepala_jabatan: str = "",
    kepala_pangkat: str = "",
) -> PerangkatDaerah:
    """System path (loaders). `bidang_urusan` is derived from the code; the argument is kept for old callers."""
    existing = PerangkatDaerah.objects.filter(pemda=pemda, kode=kode_bersih(kode)).first()
    data = _opd_clean(pemda=pemda, kode=kode, nama=nama, singkatan=singkatan, opd=existing)
    data |= _kepala_clean(nama=kepala_nama, pangkat=kepala_pangkat, nip=kepala_nip, jabatan=kepala_jabatan)
    opd, created = PerangkatDaerah.objects.update_or_create(pemda=pemda, kode=data["kode"], defaults=data)
    audit_record(
        actor=actor,
        event_type="create" if created else "update",
        action="opd_upsert",
        obj=opd,
        scope=str(opd.pk),
        new=data,
    )
    return opd


@transaction.atomic
def opd_create(
    *,
    actor,
    pemda: Pemda,
    kode: str,
    nama: str,
    singkatan: str = "",
    kepala_nama: str = "",
    kepala_pangkat: str = "",
    kepala_nip: str = "",
    kepala_jabatan: str = "",
    system: bool = False,
) -> PerangkatDaerah:
    if not system:
        access.access_pemda_manage(actor, pemda)
    data = _opd_clean(pemda=pemda, kode=kode, nama=nama, singkatan=singkatan)
    data |= _kepala_clean(nama=kepala_nama, pangkat=kepala_pangkat, nip=kepala_nip, jabatan=kepala_jabatan)
    opd = PerangkatDaerah.objects.create(pemda=pemda, **data)
    access.forget_roles(actor)
    audit_record(actor=actor, event_type="create", action="opd_create", obj=opd, scope=str(opd.pk), new=data)
    return opd


def _opd_snapshot(opd: PerangkatDaerah) -> dict:
    fields = ["kode", "nama", "singkatan", "bidang_urusan", "kepala_nama", "kepala_pangkat", "kepala_nip"]
    return {f: getattr(opd, f) for f in [*fields, "kepala_jabatan"]}


@transaction.atomic
def opd_update(*, actor, opd: PerangkatDaerah, kode: str, nama: str, singkatan: str = "") -> PerangkatDaerah:
    """Identity of an OPD (code, name): the Pemda's admin decides it."""
    opd = PerangkatDaerah.objects.select_for_update().select_related("pemda").get(pk=opd.pk)
    access.access_pemda_manage(actor, opd.pemda)
    old = _opd_snapshot(opd)
    data = _opd_clean(pemda=opd.pemda, kode=kode, nama=nama, singkatan=singkatan, opd=opd)
    for k, v in data.items():
        setattr(opd, k, v)
    opd.save()
    audit_record(
        actor=actor, event_type="update", action="opd_update", obj=opd, scope=str(opd.pk), old=old,
        new=_opd_snapshot(opd),
    )  # fmt: skip
    return opd


@transaction.atomic
def opd_kepala_update(
    *, actor, opd: PerangkatDaerah, nama: str, pangkat: str = "", nip: str = "", jabatan: str = ""
) -> PerangkatDaerah:
    """The head of the OPD who signs its documents: the OPD's own admin keeps it current."""
    opd = PerangkatDaerah.objects.select_for_update().get(pk=opd.pk)
    access.access_opd_manage(actor, opd)
    old = _opd_snapshot(opd)
    data = _kepala_clean(nama=nama, pangkat=pangkat, nip=nip, jabatan=jabatan)
    for k, v in data.items():
        setattr(opd, k, v)
    opd.save()
    audit_record(
        actor=actor, event_type="update", action="opd_kepala_update", obj=opd, scope=str(opd.pk), old=old,
        new=_opd_snapshot(opd),
    )  # fmt: skip
    return opd


# --- Unit kerja ------------------------------------------------------------------------------------------


def _unit_clean(*, opd: PerangkatDaerah, kode: str, nama: str, unit: UnitKerja | None = None) -> dict:
    kode = (kode or "").strip().lower()
    if not kode:
        raise ValidationError({"kode": "Kode unit wajib diisi (huruf kecil, angka, - atau _; mis. rehsos)."})
    if len(kode) > 30 or not all(c.isascii() and (c.isalnum() or c in "-_") for c in kode):
        raise ValidationError(
            {"kode": f"Kode unit '{kode}' hanya boleh huruf, angka, - dan _ (paling banyak 30 karakter)."}
        )
    lain = UnitKerja.objects.filter(opd=opd, kode=kode)
    if unit is not None:
        lain = lain.exclude(pk=unit.pk)
    if lain.exists():
        raise ValidationError({"kode": f"Kode unit {kode} sudah dipakai {lain.first().nama}."})
    return {"kode": kode, "nama": _teks(nama, field="nama", label="Nama unit", wajib=True)}


@transaction.atomic
def unit_upsert(*, actor, opd: PerangkatDaerah, kode: str, nama: str, urutan: int = 0) -> UnitKerja:
    """System path (loaders)."""
    existing = UnitKerja.objects.filter(opd=opd, kode=(kode or "").strip().lower()).first()
    data = _unit_clean(opd=opd, kode=kode, nama=nama, unit=existing)
    unit, created = UnitKerja.objects.update_or_create(
        opd=opd, kode=data["kode"], defaults={"nama": data["nama"], "urutan": urutan}
    )
    audit_record(
        actor=actor,
        event_type="create" if created else "update",
        action="unit_upsert",
        obj=unit,
        scope=str(opd.pk),
        new={"kode": unit.kode, "nama": unit.nama},
    )
    return unit


@transaction.atomic
def unit_create(*, actor, opd: PerangkatDaerah, kode: str, nama: str, system: bool = False) -> UnitKerja:
    """A new unit goes last; unit_move reorders."""
    if not system:
        access.access_opd_manage(actor, opd)
    data = _unit_clean(opd=opd, kode=kode, nama=nama)
    terakhir = UnitKerja.objects.filter(opd=opd).aggregate(m=Max("urutan"))["m"]
    unit = UnitKerja.objects.create(opd=opd, urutan=0 if terakhir is None else terakhir + 1, **data)
    audit_record(actor=actor, event_type="create", action="unit_create", obj=unit, scope=str(opd.pk), new=data)
    return unit


@transaction.atomic
def unit_update(*, actor, unit: UnitKerja, kode: str, nama: str) -> UnitKerja:
    unit = UnitKerja.objects.select_for_update().select_related("opd").get(pk=unit.pk)
    access.access_opd_manage(actor, unit.opd)
    old = {"kode": unit.kode, "nama": unit.nama}
    data = _unit_clean(opd=unit.opd, kode=kode, nama=nama, unit=unit)
    unit.kode, unit.nama = data["kode"], data["nama"]
    unit.save()
    audit_record(
        actor=actor, event_type="update", action="unit_update", obj=unit, scope=str(unit.opd_id), old=old, new=data
    )
    return unit


@transaction.atomic
def unit_move(*, actor, unit: UnitKerja, arah: str) -> list[UnitKerja]:
    """Move a unit one place up ('naik') or down ('turun'); the OPD's units are renumbered 0, 1, 2, ..."""
    if arah not in ("naik", "turun"):
        raise ValidationError({"arah": "Arah harus 'naik' atau 'turun'."})
    access.access_opd_manage(actor, unit.opd_id)
    units = list(UnitKerja.objects.select_for_update().filter(opd_id=unit.opd_id).order_by("urutan", "kode"))
    old = [u.kode for u in units]
    i = next(n for n, u in enumerate(units) if u.pk == unit.pk)
    j = i - 1 if arah == "naik" else i + 1
    if 0 <= j < len(units):
        units[i], units[j] = units[j], units[i]
    for n, u in enumerate(units):
        if u.urutan != n:
            u.urutan = n
            u.save(update_fields=["urutan"])
    audit_record(
        actor=actor, event_type="update", action="unit_move", obj=unit, scope=str(unit.opd_id),
        old={"urutan": old}, new={"urutan": [u.kode for u in units]},
    )  # fmt: skip
    return units


# --- Users -----------------------------------------------------------------------------------------------

_HURUF_SANDI = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def sandi_sekali_buat() -> str:
    """A one-time password: 14 characters without look-alikes (l/1, O/0), about 80 bits."""
    return "".join(secrets.choice(_HURUF_SANDI) for _ in range(14))


def _username_clean(username: str) -> str:
    username = (username or "").strip()
    if not username:
        raise ValidationError({"username": "Nama pengguna wajib diisi."})
    if len(username) > 150:
        raise ValidationError({"username": "Nama pengguna paling banyak 150 karakter."})
    try:
        UnicodeUsernameValidator()(username)
    except ValidationError as exc:
        raise ValidationError(
            {"username": f"Nama pengguna '{username}' hanya boleh huruf, angka dan @ . + - _ (tanpa spasi)."}
        ) from exc
    if get_user_model().objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": f"Nama pengguna '{username}' sudah dipakai."})
    return username


def _akun_clean(*, nip: str, jabatan: str, email: str) -> dict:
    masalah = nip_masalah(nip)
    if masalah:
        raise ValidationError({"nip": masalah})
    email = (email or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise ValidationError({"email": f"Alamat surel '{email}' tidak sah."}) from exc
    return {"nip": nip_bersih(nip), "jabatan": _teks(jabatan, field="jabatan", label="Jabatan", batas=120)}


def _nama_split(nama_lengkap: str) -> tuple[str, str]:
    nama = _teks(nama_lengkap, field="nama_lengkap", label="Nama lengkap", batas=150)
    depan, _, belakang = nama.partition(" ")
    return depan, belakang


@transaction.atomic
def user_create(
    *,
    actor,
    username: str,
    password: str,
    nama_lengkap: str = "",
    email: str = "",
    pemda: Pemda | None = None,
    opd: PerangkatDaerah | None = None,
    nip: str = "",
    jabatan: str = "",
    wajib_ganti_sandi: bool = False,
):
    """System path (loaders, `renja siapkan`, imports): the password is given."""
    username = _username_clean(username)
    akun_data = _akun_clean(nip=nip, jabatan=jabatan, email=email)
    if opd is not None:
        pemda = opd.pemda
    depan, belakang = _nama_split(nama_lengkap)
    user = get_user_model().objects.create_user(
        username=username, password=password, email=(email or "").strip(), first_name=depan, last_name=belakang
    )
    Akun.objects.create(user=user, pemda=pemda, opd=opd, wajib_ganti_sandi=wajib_ganti_sandi, **akun_data)
    audit_record(
        actor=actor,
        event_type="create",
        action="user_create",
        obj=user,
        scope=str(opd.pk) if opd else "",
        new={"username": username, "nama": nama_lengkap, "pemda": pemda, "opd": opd, **akun_data},
    )
    return user


@dataclass
class SandiSekali:
    """A user and the one-time password to hand over; shown once, never stored in clear."""

    user: object
    password: str


@transaction.atomic
def user_register(
    *,
    actor,
    username: str,
    nama_lengkap: str,
    pemda: Pemda | None = None,
    opd: PerangkatDaerah | None = None,
    email: str = "",
    nip: str = "",
    jabatan: str = "",
) -> SandiSekali:
    """An admin creates an account in its scope (an OPD, else a Pemda); the user gets a one-time password and
    must choose their own at the first login."""
    if opd is None and pemda is None:
        access.access_installation_manage(actor)
    else:
        access.access_peran_assign(actor, pemda=pemda if opd is None else None, opd=opd)
    _teks(nama_lengkap, field="nama_lengkap", label="Nama lengkap", wajib=True, batas=150)
    password = sandi_sekali_buat()
    user = user_create(
        actor=actor, username=username, password=password, nama_lengkap=nama_lengkap, email=email, pemda=pemda,
        opd=opd, nip=nip, jabatan=jabatan, wajib_ganti_sandi=True,
    )  # fmt: skip
    return SandiSekali(user=user, password=password)


def _akun_for(user) -> Akun:
    akun, _ = Akun.objects.get_or_create(user=user)
    return akun


def _user_snapshot(user, akun: Akun) -> dict:
    return {
        "nama": user.get_full_name(),
        "email": user.email,
        "nip": akun.nip,
        "jabatan": akun.jabatan,
        "aktif": user.is_active,
    }


@transaction.atomic
def user_update(*, actor, user, nama_lengkap: str, email: str = "", nip: str = "", jabatan: str = ""):
    access.access_user_manage(actor, user)
    _teks(nama_lengkap, field="nama_lengkap", label="Nama lengkap", wajib=True, batas=150)
    akun = _akun_for(user)
    old = _user_snapshot(user, akun)
    akun_data = _akun_clean(nip=nip, jabatan=jabatan, email=email)
    user.first_name, user.last_name = _nama_split(nama_lengkap)
    user.email = (email or "").strip()
    user.save(update_fields=["first_name", "last_name", "email"])
    akun.nip, akun.jabatan = akun_data["nip"], akun_data["jabatan"]
    akun.save(update_fields=["nip", "jabatan"])
    audit_record(
        actor=actor, event_type="update", action="user_update", obj=user, old=old, new=_user_snapshot(user, akun)
    )
    return user


@transaction.atomic
def user_set_active(*, actor, user, aktif: bool):
    """Deactivate (never delete: the audit log keeps the name) or activate again."""
    access.access_user_manage(actor, user)
    if not aktif and getattr(actor, "pk", None) == user.pk:
        raise ValidationError("Anda tidak dapat menonaktifkan akun Anda sendiri.")
    if user.is_active == aktif:
        return user
    user.is_active = aktif
    user.save(update_fields=["is_active"])
    audit_record(
        actor=actor,
        event_type="update",
        action="user_activate" if aktif else "user_deactivate",
        obj=user,
        old={"aktif": not aktif},
        new={"aktif": aktif},
    )
    return user


def user_deactivate(*, actor, user):
    return user_set_active(actor=actor, user=user, aktif=False)


def user_activate(*, actor, user):
    return user_set_active(actor=actor, user=user, aktif=True)


@transaction.atomic
def user_password_reset(*, actor, user) -> str:
    """A new one-time password (returned once, to show once). The user's sessions end (Django ties a session to
    the password hash) and the next login asks for a new password."""
    access.access_user_manage(actor, user)
    password = sandi_sekali_buat()
    user.set_password(password)
    user.save(update_fields=["password"])
    akun = _akun_for(user)
    akun.wajib_ganti_sandi = True
    akun.save(update_fields=["wajib_ganti_sandi"])
    audit_record(actor=actor, event_type="update", action="user_password_reset", obj=user, new={"sandi": "direset"})
    return password


@transaction.atomic
def user_password_change(*, actor, old_password: str, new_password1: str, new_password2: str):
    """A user changes their own password; Django's validators decide what is strong enough (messages in the
    active language, Indonesian)."""
    user = actor
    if not user.check_password(old_password or ""):
        raise ValidationError({"old_password": "Kata sandi lama salah."})
    if not new_password1:
        raise ValidationError({"new_password1": "Kata sandi baru wajib diisi."})
    if new_password1 != new_password2:
        raise ValidationError({"new_password2": "Kedua kata sandi baru tidak sama."})
    if new_password1 == old_password:
        raise ValidationError({"new_password1": "Kata sandi baru harus berbeda dari kata sandi lama."})
    try:
        password_validation.validate_password(new_password1, user)
    except ValidationError as exc:
        raise ValidationError({"new_password1": exc.messages}) from exc
    user.set_password(new_password1)
    user.save(update_fields=["password"])
    Akun.objects.filter(user=user).update(wajib_ganti_sandi=False)
    audit_record(actor=actor, event_type="update", action="user_password_change", obj=user, new={"sandi": "diganti"})
    return user


# --- Roles -----------------------------------------------------------------------------------------------


def _peran_clean(*, actor, user, peran: str, pemda, opd, unit, system: bool):
    if peran not in Peran.values:
        raise ValidationError({"peran": f"Peran '{peran}' tidak dikenal."})
    if opd is not None and pemda is not None:
        raise ValidationError({"opd": "Pilih satu lingkup: satu perangkat daerah atau seluruh Pemda."})
    if pemda is not None and peran not in (Peran.ADMIN, Peran.PEMERIKSA):
        raise ValidationError({"peran": "Untuk seluruh Pemda hanya peran admin atau pemeriksa."})
    if peran != Peran.ADMIN and opd is None and pemda is None:
        raise ValidationError({"opd": "Peran selain admin wajib untuk satu perangkat daerah."})
    if peran == Peran.OPERATOR and unit is None:
        raise ValidationError({"unit": "Operator wajib ditugaskan pada satu unit kerja."})
    if unit is not None and (opd is None or unit.opd_id != opd.pk):
        raise ValidationError({"unit": "Unit kerja harus bagian dari perangkat daerah yang sama."})
    if peran != Peran.OPERATOR:
        unit = None
    akun = Akun.objects.filter(user=user).first()
    target_pemda_id = pemda.pk if pemda is not None else opd.pemda_id if opd is not None else None
    if target_pemda_id is not None:
        home = akun.pemda_id if akun is not None else None
        if home is not None and home != target_pemda_id:
            raise ValidationError(
                {"user": f"Pengguna {user.username} terdaftar di Pemda lain; tidak dapat diberi peran di sini."}
            )
        # An account without a home Pemda (an installation admin, a legacy account) gets roles in a Pemda only
        # from an installation admin or a loader: otherwise a Pemda admin could adopt it and then manage it.
        if home is None and not system and not access.is_global_admin(actor):
            raise ValidationError(
                {"user": f"Akun {user.username} bukan akun Pemda ini; minta admin instalasi memberi perannya."}
            )
    return unit


def _akun_home_from_first_role(*, user, pemda, opd) -> None:
    """An account without a home (made by a loader, or before accounts had one) belongs to the scope of its
    first OPD or Pemda role, so that scope's admins can manage it."""
    if (opd is None and pemda is None) or access.is_global_admin(user):
        return
    akun = _akun_for(user)
    if akun.pemda_id is None:
        akun.pemda = pemda or opd.pemda
        akun.opd = opd
        akun.save(update_fields=["pemda", "opd"])


@transaction.atomic
def peran_assign(
    *,
    actor,
    user,
    peran: str,
    opd: PerangkatDaerah | None = None,
    unit: UnitKerja | None = None,
    pemda: Pemda | None = None,
    system: bool = False,
) -> PenugasanPeran:
    """Give `user` a role in one OPD (operators: one unit), a whole Pemda (admin, pemeriksa) or, with neither,
    the installation (admin). Giving a role one already holds changes nothing."""
    system = system or actor is None  # loaders pass no actor
    if not system:
        access.access_peran_assign(actor, pemda=pemda, opd=opd)
    unit = _peran_clean(actor=actor, user=user, peran=peran, pemda=pemda, opd=opd, unit=unit, system=system)
    penugasan, _ = PenugasanPeran.objects.get_or_create(user=user, peran=peran, opd=opd, unit=unit, pemda=pemda)
    access.forget_roles(user)
    _akun_home_from_first_role(user=user, pemda=pemda, opd=opd)
    audit_record(
        actor=actor,
        event_type="create",
        action="peran_assign",
        obj=penugasan,
        scope=str(opd.pk) if opd else "",
        new={
            "user": user.username,
            "peran": peran,
            "opd": opd.kode if opd else None,
            "unit": unit.kode if unit else None,
            "pemda": pemda.kode if pemda else None,
        },
    )
    return penugasan


@transaction.atomic
def peran_revoke(*, actor, penugasan: PenugasanPeran) -> None:
    access.access_peran_assign(actor, pemda=penugasan.pemda, opd=penugasan.opd)
    if (
        penugasan.user_id == getattr(actor, "pk", None)
        and penugasan.peran == Peran.ADMIN
        and penugasan.lingkup == "instalasi"
        and not PenugasanPeran.objects.filter(peran=Peran.ADMIN, opd=None, pemda=None, user__is_active=True)
        .exclude(pk=penugasan.pk)
        .exists()
    ):
        raise ValidationError("Ini admin instalasi terakhir; tunjuk admin instalasi lain dulu.")
    old = {
        "user": penugasan.user.username,
        "peran": penugasan.peran,
        "opd": penugasan.opd.kode if penugasan.opd_id else None,
        "unit": penugasan.unit.kode if penugasan.unit_id else None,
        "pemda": penugasan.pemda.kode if penugasan.pemda_id else None,
    }
    audit_record(
        actor=actor,
        event_type="delete",
        action="peran_revoke",
        obj=penugasan,
        scope=str(penugasan.opd_id or ""),
        old=old,
    )
    user = penugasan.user
    penugasan.delete()
    access.forget_roles(user)
