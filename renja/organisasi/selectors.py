"""Reads of the organisation, scoped to what the asking user may administer or see."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from renja.organisasi import access
from renja.organisasi.models import Akun, Pemda, PenugasanPeran, Peran, PerangkatDaerah, UnitKerja
from renja.organisasi.validators import kode_bersih

# --- commands: which OPD does `--opd KODE [--pemda KODE]` mean? -------------------------------------------


class OpdTidakDitemukan(Exception):
    """The message says why (unknown code, ambiguous code naming the Pemda that have it); commands print it."""


def opd_find_for_command(*, opd: str, pemda: str | None = None) -> PerangkatDaerah:
    """The OPD a command names. OPD codes are unique only within a Pemda: with one Pemda holding the code,
    `--opd` alone is enough; with several, `--pemda` is required and the message names them."""
    kode = kode_bersih(opd)
    qs = PerangkatDaerah.objects.select_related("pemda").filter(kode=kode).order_by("pemda__kode")
    if pemda:
        pemda_kode = kode_bersih(pemda)
        if not Pemda.objects.filter(kode=pemda_kode).exists():
            raise OpdTidakDitemukan(f"Pemda dengan kode wilayah {pemda_kode} tidak ada.")
        found = qs.filter(pemda__kode=pemda_kode).first()
        if found is None:
            raise OpdTidakDitemukan(f"Perangkat daerah {kode} tidak ada di Pemda {pemda_kode}.")
        return found
    found = list(qs)
    if not found:
        raise OpdTidakDitemukan(f"Perangkat daerah dengan kode {kode} tidak ada.")
    if len(found) > 1:
        names = "; ".join(f"{o.pemda.kode} {o.pemda.nama}" for o in found)
        raise OpdTidakDitemukan(
            f"Kode perangkat daerah {kode} dipakai lebih dari satu Pemda ({names}); sebutkan --pemda KODE."
        )
    return found[0]


def pemda_find_for_command(*, pemda: str | None) -> Pemda:
    """The Pemda a command names; without --pemda, the only Pemda of the installation."""
    if pemda:
        found = Pemda.objects.filter(kode=kode_bersih(pemda)).first()
        if found is None:
            raise OpdTidakDitemukan(f"Pemda dengan kode wilayah {kode_bersih(pemda)} tidak ada.")
        return found
    semua = list(Pemda.objects.order_by("kode")[:3])
    if len(semua) == 1:
        return semua[0]
    if not semua:
        raise OpdTidakDitemukan("Belum ada Pemda; jalankan `renja siapkan` dulu.")
    names = "; ".join(f"{p.kode} {p.nama}" for p in Pemda.objects.order_by("kode"))
    raise OpdTidakDitemukan(f"Ada lebih dari satu Pemda ({names}); sebutkan --pemda KODE.")


# --- administration pages --------------------------------------------------------------------------------


def pemda_manageable(*, user) -> QuerySet[Pemda]:
    qs = Pemda.objects.order_by("kode")
    ids = access.admin_pemda_ids(user)
    return qs if ids is None else qs.filter(pk__in=ids)


def pemda_get_for_admin(*, user, pemda_id: int) -> Pemda:
    pemda = Pemda.objects.filter(pk=pemda_id).first()
    if pemda is None:
        raise Http404("Pemda tidak ditemukan.")
    access.access_pemda_manage(user, pemda)
    return pemda


def opd_get_for_admin(*, user, opd_id: int) -> PerangkatDaerah:
    opd = PerangkatDaerah.objects.select_related("pemda").filter(pk=opd_id).first()
    if opd is None:
        raise Http404("Perangkat daerah tidak ditemukan.")
    access.access_opd_manage(user, opd)
    return opd


def unit_get_for_admin(*, user, unit_id: int) -> UnitKerja:
    unit = UnitKerja.objects.select_related("opd__pemda").filter(pk=unit_id).first()
    if unit is None:
        raise Http404("Unit kerja tidak ditemukan.")
    access.access_opd_manage(user, unit.opd)
    return unit


def user_get_for_admin(*, user, user_id: int):
    target = get_user_model().objects.select_related("akun__pemda", "akun__opd").filter(pk=user_id).first()
    if target is None:
        raise Http404("Pengguna tidak ditemukan.")
    access.access_user_manage(user, target)
    return target


def penugasan_get_for_admin(*, user, penugasan_id: int) -> PenugasanPeran:
    p = PenugasanPeran.objects.select_related("user", "opd__pemda", "unit", "pemda").filter(pk=penugasan_id).first()
    if p is None:
        raise Http404("Penugasan peran tidak ditemukan.")
    access.access_peran_assign(user, pemda=p.pemda, opd=p.opd)
    return p


def opd_list(*, pemda: Pemda) -> list[PerangkatDaerah]:
    return list(PerangkatDaerah.objects.filter(pemda=pemda).order_by("kode"))


def unit_list(*, opd: PerangkatDaerah) -> list[UnitKerja]:
    return list(UnitKerja.objects.filter(opd=opd).order_by("urutan", "kode"))


def admin_home(*, user) -> tuple[str, int | None] | None:
    """Where the administration menu leads this user: ('instalasi', None), ('pemda', id), ('opd', id) or None."""
    if access.can_manage_installation(user):
        return ("instalasi", None)
    pemda_ids = access.admin_pemda_ids(user) or set()
    if pemda_ids:
        return ("pemda", min(pemda_ids))
    opd_ids = access.admin_opd_ids(user) or set()
    if opd_ids:
        return ("opd", min(opd_ids))
    return None


@dataclass
class Pemegang:
    """One role holder as the 'who may do what' tables show it."""

    user: object
    penugasan: list[PenugasanPeran] = field(default_factory=list)


def _group_by_user(penugasan) -> list[Pemegang]:
    by_user: dict[int, Pemegang] = {}
    for p in penugasan:
        by_user.setdefault(p.user_id, Pemegang(user=p.user)).penugasan.append(p)
    return sorted(by_user.values(), key=lambda h: h.user.username)


def penugasan_of_opd(*, opd: PerangkatDaerah) -> list[Pemegang]:
    """Everyone with a role in this OPD: directly, or for its whole Pemda (admin, pemeriksa)."""
    qs = (
        PenugasanPeran.objects.filter(Q(opd=opd) | Q(pemda_id=opd.pemda_id))
        .select_related("user", "unit", "opd", "pemda")
        .order_by("user__username", "peran")
    )
    return _group_by_user(qs)


def penugasan_of_pemda(*, pemda: Pemda) -> list[Pemegang]:
    qs = PenugasanPeran.objects.filter(pemda=pemda).select_related("user", "pemda").order_by("user__username")
    return _group_by_user(qs)


def global_admins() -> list[Pemegang]:
    qs = PenugasanPeran.objects.filter(peran=Peran.ADMIN, opd=None, pemda=None).select_related("user")
    return _group_by_user(qs.order_by("user__username"))


def penugasan_of_user(*, user) -> list[PenugasanPeran]:
    return list(
        PenugasanPeran.objects.filter(user=user)
        .select_related("opd__pemda", "unit", "pemda")
        .order_by("pemda__kode", "opd__kode", "peran")
    )


def users_of_scope(*, pemda: Pemda | None = None, opd: PerangkatDaerah | None = None):
    """Accounts whose home is this OPD (or this Pemda, not counting its OPDs' accounts)."""
    qs = get_user_model().objects.select_related("akun").order_by("username")
    if opd is not None:
        return list(qs.filter(akun__opd=opd))
    return list(qs.filter(akun__pemda=pemda, akun__opd__isnull=True))


def users_assignable(*, opd: PerangkatDaerah) -> list:
    """Active users an OPD admin may give a role: accounts of the same Pemda (never another Pemda's)."""
    return list(
        get_user_model()
        .objects.filter(is_active=True, akun__pemda_id=opd.pemda_id)
        .order_by("username")
        .only("id", "username", "first_name", "last_name")
    )


def akun_of(user) -> Akun | None:
    return Akun.objects.filter(user=user).select_related("pemda", "opd").first()


# --- Pemda overview: the status of each Renja stage per year per OPD ---------------------------------------


@dataclass
class StatusRenja:
    opd: PerangkatDaerah
    per_tahun: dict[int, list[tuple[str, str]]]  # tahun -> [(tahap label, status)]


def pemda_overview(*, pemda: Pemda) -> tuple[list[int], list[StatusRenja]]:
    """Years and, per OPD, the stages of its Renja of each year with their status, in one query.

    Renja and Tahap belong to perencanaan, above organisasi: they are read through the reverse relations by
    name (`renja__tahap__...`), and the stage labels from the model's own choices, without importing upward.
    """
    opds = opd_list(pemda=pemda)
    rows = (
        PerangkatDaerah.objects.filter(pemda=pemda, renja__isnull=False, renja__tahap__isnull=False)
        .values_list("id", "renja__tahun", "renja__tahap__jenis", "renja__tahap__nomor", "renja__tahap__status")
        .order_by("id", "renja__tahun", "renja__tahap__urutan", "renja__tahap__nomor")
    )
    labels = _tahap_labels()
    by_opd: dict[int, dict[int, list[tuple[str, str]]]] = {o.pk: {} for o in opds}
    years: set[int] = set()
    for opd_id, tahun, jenis, nomor, status in rows:
        label = labels["jenis"].get(jenis, jenis)
        if jenis == "perubahan":
            label = f"{label} {nomor}"
        by_opd[opd_id].setdefault(tahun, []).append((label, labels["status"].get(status, status)))
        years.add(tahun)
    return sorted(years), [StatusRenja(opd=o, per_tahun=by_opd[o.pk]) for o in opds]


def _tahap_labels() -> dict[str, dict[str, str]]:
    tahap = apps.get_model("perencanaan", "Tahap")
    return {
        "jenis": dict(tahap._meta.get_field("jenis").choices),
        "status": dict(tahap._meta.get_field("status").choices),
    }


def opd_with_units(*, pemda: Pemda) -> list[PerangkatDaerah]:
    return list(
        PerangkatDaerah.objects.filter(pemda=pemda)
        .prefetch_related(Prefetch("unit_kerja", queryset=UnitKerja.objects.order_by("urutan", "kode")))
        .order_by("kode")
    )
