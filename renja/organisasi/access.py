"""Every permission decision of Renja lives here.

Views, services and selectors call these `access_*` / `can_*` functions; nothing else inspects roles.
Objects from upper apps (Renja rows, Tahap) are read duck-typed through their `opd_id`, `unit_id` and
`status` attributes so this module never imports upward.

Roles (PenugasanPeran), each in a scope: the installation (admin only), one Pemda (admin, pemeriksa: every OPD
of it), one OPD (every role; operators one unit of it):
  admin      everything in its scope, except changing a locked (ditetapkan) tahap; the scope decides which
             administration pages it reaches: installation (all Pemda), Pemda (its OPDs), OPD (units, users, roles)
  perencana  whole OPD: read, edit every row of a draft tahap, create and submit tahap
  operator   one unit: read the OPD, edit the rows whose unit penanggung jawab is that unit
  pimpinan   read, submit, return (kembalikan) and penetapan
  pemeriksa  read-only (Bappeda, Inspektorat)

Realisation (renja.monev, access_realisasi_*): the operator types and submits their unit's figures, the perencana
verifies or returns them with a note (and may type figures while a unit is in draf), the pimpinan approves the
OPD's triwulan, which then locks it for everybody, admin included; only the pimpinan reopens it, with a reason.
"""

from functools import wraps

import rules
from django.contrib.auth.decorators import login_required as _login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from renja.organisasi.models import Akun, PenugasanPeran, Peran, PerangkatDaerah

ROLE_MARK = "_renja_access"
TAHAP_TERKUNCI = "ditetapkan"


# --- role lookup (one query per request, cached on the user object) --------------------------------


def _assignments(user) -> list[PenugasanPeran]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_renja_penugasan", None)
    if cached is None:
        cached = list(PenugasanPeran.objects.filter(user=user).only("peran", "opd_id", "unit_id", "pemda_id"))
        user._renja_penugasan = cached
    return cached


def _pemda_roles(user) -> dict[int, set[str]]:
    """Roles held for a whole Pemda, by pemda id."""
    roles: dict[int, set[str]] = {}
    for a in _assignments(user):
        if a.pemda_id is not None:
            roles.setdefault(a.pemda_id, set()).add(a.peran)
    return roles


def _opd_pemda(user) -> dict[int, int]:
    """opd id -> pemda id for the OPDs of the Pemda the user holds a Pemda-wide role in (one query, cached;
    none at all for users without such a role)."""
    cached = getattr(user, "_renja_opd_pemda", None)
    if cached is None:
        pemda_ids = set(_pemda_roles(user))
        cached = (
            dict(PerangkatDaerah.objects.filter(pemda_id__in=pemda_ids).values_list("id", "pemda_id"))
            if pemda_ids
            else {}
        )
        user._renja_opd_pemda = cached
    return cached


def forget_roles(user) -> None:
    for attr in ("_renja_penugasan", "_renja_opd_pemda"):
        if hasattr(user, attr):
            delattr(user, attr)


def is_global_admin(user) -> bool:
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return any(a.peran == Peran.ADMIN and a.opd_id is None and a.pemda_id is None for a in _assignments(user))


def roles_in_opd(user, opd_id: int) -> set[str]:
    roles = {a.peran for a in _assignments(user) if a.opd_id == opd_id}
    pemda_roles = _pemda_roles(user)
    if pemda_roles:
        roles |= pemda_roles.get(_opd_pemda(user).get(opd_id), set())
    if is_global_admin(user):
        roles.add(Peran.ADMIN)
    return roles


def operator_units(user, opd_id: int) -> set[int]:
    return {a.unit_id for a in _assignments(user) if a.peran == Peran.OPERATOR and a.opd_id == opd_id}


def visible_opd_ids(user) -> set[int] | None:
    """OPD ids the user may read; None means every OPD (global admin)."""
    if is_global_admin(user):
        return None
    ids = {a.opd_id for a in _assignments(user) if a.opd_id is not None}
    return ids | set(_opd_pemda(user))


def any_opd_exists() -> bool:
    return PerangkatDaerah.objects.exists()


def admin_pemda_ids(user) -> set[int] | None:
    """Pemda the user administers as a whole; None means every Pemda (installation admin)."""
    if is_global_admin(user):
        return None
    return {pemda_id for pemda_id, roles in _pemda_roles(user).items() if Peran.ADMIN in roles}


def admin_opd_ids(user) -> set[int] | None:
    """OPDs whose administration pages the user reaches (OPD admin, or admin of its Pemda); None: every OPD."""
    if is_global_admin(user):
        return None
    direct = {a.opd_id for a in _assignments(user) if a.peran == Peran.ADMIN and a.opd_id is not None}
    pemda_ids = admin_pemda_ids(user)
    return direct | {opd_id for opd_id, pemda_id in _opd_pemda(user).items() if pemda_id in pemda_ids}


# --- predicates (django-rules) ------------------------------------------------------------------------


@rules.predicate
def can_view_opd(user, opd) -> bool:
    opd_id = getattr(opd, "pk", opd)
    return bool(roles_in_opd(user, opd_id))


@rules.predicate
def can_plan_opd(user, opd) -> bool:
    opd_id = getattr(opd, "pk", opd)
    return bool(roles_in_opd(user, opd_id) & {Peran.ADMIN, Peran.PERENCANA})


@rules.predicate
def can_approve_opd(user, opd) -> bool:
    opd_id = getattr(opd, "pk", opd)
    return bool(roles_in_opd(user, opd_id) & {Peran.ADMIN, Peran.PIMPINAN})


@rules.predicate
def can_submit_opd(user, opd) -> bool:
    opd_id = getattr(opd, "pk", opd)
    return bool(roles_in_opd(user, opd_id) & {Peran.ADMIN, Peran.PERENCANA, Peran.PIMPINAN})


def _edit_scope(user, opd_id: int) -> tuple[bool, set[int]]:
    """Which rows of an OPD `user` may edit: (every row?, else the rows of these unit ids)."""
    roles = roles_in_opd(user, opd_id)
    if roles & {Peran.ADMIN, Peran.PERENCANA}:
        return True, set()
    if Peran.OPERATOR in roles:
        return False, operator_units(user, opd_id)
    return False, set()


def can_edit_row(user, row) -> bool:
    """Role part of editing a row: perencana/admin anywhere in the OPD, operator only in own unit."""
    every_row, units = _edit_scope(user, row.opd_id)
    return every_row or (row.unit_id is not None and row.unit_id in units)


# --- access_* : raise PermissionDenied with an Indonesian message --------------------------------------


def access_opd_view(user, opd) -> None:
    if not can_view_opd(user, opd):
        raise PermissionDenied("Anda tidak memiliki akses ke perangkat daerah ini.")


def access_row_edit(user, row, *, tahap) -> None:
    """May `user` change `row` (a Renja row) in `tahap`? Checks the lock first: nobody edits a locked tahap."""
    _check_tahap_open(tahap, "mengubah baris")
    if can_edit_row(user, row):
        return
    roles = roles_in_opd(user, row.opd_id)
    if Peran.OPERATOR in roles:
        if row.unit_id is None:
            raise PermissionDenied("Operator wajib memilih unit kerjanya sendiri sebagai unit penanggung jawab.")
        raise PermissionDenied(
            f"Anda operator unit lain: baris ini menjadi tanggung jawab {row.unit}, "
            "Anda hanya dapat mengubah baris unit Anda."
        )
    if roles:
        raise PermissionDenied("Peran Anda hanya dapat membaca Renja ini, tidak dapat mengubahnya.")
    raise PermissionDenied("Anda tidak memiliki akses ke perangkat daerah ini.")


def _check_tahap_open(tahap, verb: str) -> None:
    if tahap.status == TAHAP_TERKUNCI:
        raise PermissionDenied(
            f"Tahap {tahap} sudah ditetapkan dan terkunci; perubahan hanya lewat tahap Perubahan baru."
        )
    if tahap.status != "draft":
        raise PermissionDenied(f"Tahap {tahap} sedang diajukan; kembalikan ke draf dulu untuk {verb}.")


def can_add_rows(user, tahap) -> bool:
    """Whether to offer 'add' at all (the unit and kegiatan are checked by access_row_add)."""
    return tahap.status == "draft" and bool(
        roles_in_opd(user, tahap.opd_id) & {Peran.ADMIN, Peran.PERENCANA, Peran.OPERATOR}
    )


def can_edit_row_in(user, row, tahap) -> bool:
    """Whether to offer 'edit' on a row: an open (draft) stage and a role that may edit it."""
    return tahap.status == "draft" and can_edit_row(user, row)


def rows_editable_in(user, rows, tahap) -> set[int]:
    """The ids of `rows` (all of `tahap`) on which to offer 'edit': can_edit_row_in for a whole page at once,
    with one role lookup instead of one per row (the Renja page shows thousands)."""
    if tahap.status != "draft":
        return set()
    every_row, units = _edit_scope(user, tahap.opd_id)
    return {r.pk for r in rows if every_row or (r.unit_id is not None and r.unit_id in units)}


def access_row_create(user, tahap) -> None:
    """May `user` open the form that adds rows to `tahap`?"""
    _check_tahap_open(tahap, "menambah baris")
    if not can_add_rows(user, tahap):
        raise PermissionDenied("Peran Anda hanya dapat membaca Renja ini, tidak dapat menambah baris.")


def access_row_add(user, tahap, *, unit, units_under_parent: set) -> None:
    """May `user` add a row for `unit` under a kegiatan whose rows belong to `units_under_parent`?

    An operator adds rows only for their own unit, and only under a kegiatan their unit already works in;
    a new kegiatan for a unit is the perencana's decision.
    """
    access_row_create(user, tahap)
    roles = roles_in_opd(user, tahap.opd_id)
    if roles & {Peran.ADMIN, Peran.PERENCANA}:
        return
    own = operator_units(user, tahap.opd_id)
    if unit is None or unit.pk not in own:
        raise PermissionDenied("Operator hanya dapat menambah sub kegiatan untuk unit kerjanya sendiri.")
    if not own & units_under_parent:
        raise PermissionDenied("Kegiatan ini belum memuat sub kegiatan unit Anda; minta perencana menambahkannya.")


def can_add_under(user, tahap, *, units_under_parent: set) -> bool:
    """Whether to offer 'add a sub kegiatan' under a kegiatan whose rows belong to `units_under_parent`: the
    same rule as access_row_add for the unit the user would pick (an operator: their own)."""
    return bool(kegiatan_addable_in(user, tahap, units_by_kegiatan={0: units_under_parent}))


def kegiatan_addable_in(user, tahap, *, units_by_kegiatan: dict[int, set]) -> set[int]:
    """can_add_under for a whole page at once: the kegiatan ids (keys of `units_by_kegiatan`, each with the
    units of its sub kegiatan) under which to offer 'add a sub kegiatan', with one role lookup."""
    if not can_add_rows(user, tahap):
        return set()
    if roles_in_opd(user, tahap.opd_id) & {Peran.ADMIN, Peran.PERENCANA}:
        return set(units_by_kegiatan)
    own = operator_units(user, tahap.opd_id)
    return {pk for pk, units in units_by_kegiatan.items() if own & units}


def access_row_add_under(user, tahap, *, units_under_parent: set) -> None:
    """May `user` open the form that adds a sub kegiatan under this kegiatan? Refused exactly where every
    POST of the form would be refused by access_row_add, whatever unit is chosen."""
    access_row_create(user, tahap)
    if not can_add_under(user, tahap, units_under_parent=units_under_parent):
        raise PermissionDenied("Kegiatan ini belum memuat sub kegiatan unit Anda; minta perencana menambahkannya.")


def access_tahap_create(user, renja) -> None:
    if not can_plan_opd(user, renja.opd_id):
        raise PermissionDenied("Hanya perencana atau admin yang dapat membuat tahap baru.")


def access_tahap_submit(user, tahap) -> None:
    if not can_submit_opd(user, tahap.opd_id):
        raise PermissionDenied("Hanya perencana, pimpinan atau admin yang dapat mengajukan tahap.")


def access_tahap_approve(user, tahap) -> None:
    """Penetapan and kembalikan (return to draft) are the pimpinan's."""
    if not can_approve_opd(user, tahap.opd_id):
        raise PermissionDenied("Hanya pimpinan atau admin yang dapat menetapkan atau mengembalikan tahap.")


# --- administration: installation, Pemda, OPD, accounts --------------------------------------------------

# What each role may do, for the pages that show who may do what.
PERAN_BOLEH = {
    Peran.ADMIN: "mengelola lingkupnya (perangkat daerah, unit, pengguna, peran) dan semua pekerjaan Renja, "
    "kecuali mengubah tahap yang sudah ditetapkan",
    Peran.PERENCANA: "mengubah semua baris tahap draf, membuat dan mengajukan tahap",
    Peran.OPERATOR: "mengubah dan menambah sub kegiatan unit kerjanya sendiri",
    Peran.PIMPINAN: "membaca, mengajukan, mengembalikan dan menetapkan tahap",
    Peran.PEMERIKSA: "membaca saja",
}


def can_administer(user) -> bool:
    """Whether to offer the administration pages at all."""
    return is_global_admin(user) or any(a.peran == Peran.ADMIN for a in _assignments(user))


def can_manage_installation(user) -> bool:
    return is_global_admin(user)


def can_manage_pemda(user, pemda) -> bool:
    pemda_id = getattr(pemda, "pk", pemda)
    ids = admin_pemda_ids(user)
    return ids is None or pemda_id in ids


def can_manage_opd(user, opd) -> bool:
    opd_id = getattr(opd, "pk", opd)
    return Peran.ADMIN in roles_in_opd(user, opd_id)


def _akun_of(target) -> Akun | None:
    try:
        return target.akun
    except Akun.DoesNotExist:
        return None


def can_manage_user(user, target) -> bool:
    """An account is managed by the admins of its home scope (Akun: OPD, else Pemda); accounts without a home
    (installation admins, accounts made before Akun existed) only by installation admins."""
    if is_global_admin(user):
        return True
    akun = _akun_of(target)
    if akun is None or akun.pemda_id is None:
        return False
    if not _admin_scopes_within(user, target):
        return False
    if akun.opd_id is not None and can_manage_opd(user, akun.opd_id):
        return True
    return can_manage_pemda(user, akun.pemda_id)


def _admin_scopes_within(user, target) -> bool:
    """An admin manages no account that administers more than it does (an OPD admin cannot reset the password
    of its Pemda's admin, nobody but an installation admin touches an installation admin)."""
    if getattr(target, "is_superuser", False):
        return False
    for a in _assignments(target):
        if a.peran != Peran.ADMIN:
            continue
        if a.opd_id is not None:
            if not can_manage_opd(user, a.opd_id):
                return False
        elif a.pemda_id is not None:
            if not can_manage_pemda(user, a.pemda_id):
                return False
        else:
            return False
    return True


def can_assign_in(user, *, pemda=None, opd=None) -> bool:
    """May `user` give or take roles in this scope (an OPD, a whole Pemda, or with neither the installation)?"""
    if opd is not None:
        return can_manage_opd(user, opd)
    if pemda is not None:
        return can_manage_pemda(user, pemda)
    return can_manage_installation(user)


def access_installation_manage(user) -> None:
    if not can_manage_installation(user):
        raise PermissionDenied("Hanya admin instalasi yang dapat mengelola daftar Pemda dan admin instalasi.")


def access_pemda_manage(user, pemda) -> None:
    if not can_manage_pemda(user, pemda):
        raise PermissionDenied("Hanya admin Pemda ini (atau admin instalasi) yang dapat mengelola Pemda ini.")


def access_opd_manage(user, opd) -> None:
    if not can_manage_opd(user, opd):
        raise PermissionDenied(
            "Hanya admin perangkat daerah ini, admin Pemdanya, atau admin instalasi yang dapat mengelolanya."
        )


def access_user_manage(user, target) -> None:
    if not can_manage_user(user, target):
        raise PermissionDenied(
            f"Akun {target.username} dikelola oleh admin perangkat daerah atau Pemda asalnya; Anda tidak dapat "
            "mengubahnya."
        )


def access_peran_assign(user, *, pemda=None, opd=None) -> None:
    if not can_assign_in(user, pemda=pemda, opd=opd):
        where = "perangkat daerah ini" if opd is not None else "Pemda ini" if pemda is not None else "instalasi"
        raise PermissionDenied(f"Anda bukan admin {where}; Anda tidak dapat memberi atau mencabut peran di sini.")


def password_change_view(view):
    """Mark the one view a user with a one-time password may open (apply before login_required)."""
    view._renja_ganti_sandi = True
    return view


# --- realisasi (renja.monev): quarterly realisation and its verification --------------------------------
#
# Objects are read duck-typed: a row has `opd_id`, `unit_id` (and `unit`), a unit status is its status string
# (draf / diajukan / diverifikasi / dikembalikan), a TriwulanOpd has `status` and `triwulan` (or is None: open).
# The lock comes first everywhere: once the pimpinan approves a triwulan nobody changes it, the admin included,
# until the pimpinan reopens it with a reason.

TRIWULAN_TERKUNCI = "disetujui"
UNIT_DAPAT_DIUBAH = ("draf", "dikembalikan")
_ANGKA_ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _triwulan_terkunci(triwulan_opd) -> bool:
    return triwulan_opd is not None and triwulan_opd.status == TRIWULAN_TERKUNCI


def _check_triwulan_open(triwulan_opd) -> None:
    if _triwulan_terkunci(triwulan_opd):
        tw = _ANGKA_ROMAWI.get(triwulan_opd.triwulan, triwulan_opd.triwulan)
        raise PermissionDenied(
            f"Triwulan {tw} sudah disetujui pimpinan dan terkunci; tidak seorang pun (admin pun) dapat mengubahnya "
            "sampai pimpinan membukanya kembali dengan alasan."
        )


def _realisasi_role_ok(user, *, opd_id: int, unit_id: int | None) -> bool:
    """Who types realisation: the operator of the row's unit; the perencana and the admin anywhere in the OPD.
    Rows without a unit (program and kegiatan indicators) are the perencana's."""
    roles = roles_in_opd(user, opd_id)
    if roles & {Peran.ADMIN, Peran.PERENCANA}:
        return True
    return unit_id is not None and Peran.OPERATOR in roles and unit_id in operator_units(user, opd_id)


def can_view_realisasi(user, opd) -> bool:
    return can_view_opd(user, opd)


def access_realisasi_view(user, opd) -> None:
    access_opd_view(user, opd)


def can_edit_realisasi(user, *, row, status_unit: str, triwulan_opd) -> bool:
    """Whether to offer input cells: open triwulan, the unit's realisation in draf or dikembalikan, a role."""
    if _triwulan_terkunci(triwulan_opd):
        return False
    if row.unit_id is not None and status_unit not in UNIT_DAPAT_DIUBAH:
        return False
    return _realisasi_role_ok(user, opd_id=row.opd_id, unit_id=row.unit_id)


def access_realisasi_edit(user, *, row, status_unit: str, triwulan_opd) -> None:
    """May `user` change realisation (values, faktor, evidence) of `row` in this triwulan?"""
    _check_triwulan_open(triwulan_opd)
    if not _realisasi_role_ok(user, opd_id=row.opd_id, unit_id=row.unit_id):
        roles = roles_in_opd(user, row.opd_id)
        if Peran.OPERATOR in roles and row.unit_id is not None:
            raise PermissionDenied(
                f"Anda operator unit lain: sub kegiatan {row.kode} menjadi tanggung jawab {row.unit}; "
                "Anda hanya dapat mengisi realisasi unit Anda."
            )
        if Peran.OPERATOR in roles:
            raise PermissionDenied("Realisasi indikator program dan kegiatan diisi oleh perencana.")
        if roles:
            raise PermissionDenied("Peran Anda hanya dapat membaca realisasi, tidak dapat mengisinya.")
        raise PermissionDenied("Anda tidak memiliki akses ke perangkat daerah ini.")
    if row.unit_id is not None and status_unit not in UNIT_DAPAT_DIUBAH:
        raise PermissionDenied(
            f"Realisasi {row.unit} triwulan ini berstatus {status_unit}; perubahan hanya pada status draf atau "
            "dikembalikan (minta perencana mengembalikannya bila perlu diperbaiki)."
        )


def can_submit_realisasi(user, *, opd_id: int, unit_id: int) -> bool:
    roles = roles_in_opd(user, opd_id)
    return Peran.ADMIN in roles or (Peran.OPERATOR in roles and unit_id in operator_units(user, opd_id))


def access_realisasi_submit(user, *, opd_id: int, unit, triwulan_opd) -> None:
    """Submitting (mengajukan) is the unit operator's act (the admin may stand in)."""
    _check_triwulan_open(triwulan_opd)
    if not can_submit_realisasi(user, opd_id=opd_id, unit_id=unit.pk):
        if Peran.OPERATOR in roles_in_opd(user, opd_id):
            raise PermissionDenied(f"Hanya operator {unit} yang dapat mengajukan realisasi unit itu.")
        raise PermissionDenied("Realisasi diajukan oleh operator unit kerjanya.")


def can_verify_realisasi(user, *, opd_id: int) -> bool:
    return bool(roles_in_opd(user, opd_id) & {Peran.ADMIN, Peran.PERENCANA})


def access_realisasi_verify(user, *, opd_id: int, triwulan_opd) -> None:
    """Verifying or returning a unit's realisation is the perencana's (the admin may stand in)."""
    _check_triwulan_open(triwulan_opd)
    if not can_verify_realisasi(user, opd_id=opd_id):
        raise PermissionDenied("Hanya perencana yang dapat memverifikasi atau mengembalikan realisasi.")


def can_approve_realisasi(user, *, opd_id: int) -> bool:
    return bool(roles_in_opd(user, opd_id) & {Peran.ADMIN, Peran.PIMPINAN})


def access_realisasi_approve(user, *, opd_id: int, triwulan_opd) -> None:
    _check_triwulan_open(triwulan_opd)
    if not can_approve_realisasi(user, opd_id=opd_id):
        raise PermissionDenied("Hanya pimpinan yang dapat menyetujui realisasi triwulan perangkat daerah.")


def can_reopen_realisasi(user, *, opd_id: int) -> bool:
    """Only the pimpinan: not the admin, not a global admin (the lock protects approved figures from them too)."""
    return Peran.PIMPINAN in {a.peran for a in _assignments(user) if a.opd_id == opd_id}


def access_realisasi_reopen(user, *, opd_id: int) -> None:
    if not can_reopen_realisasi(user, opd_id=opd_id):
        raise PermissionDenied("Hanya pimpinan yang dapat membuka kembali triwulan yang sudah disetujui.")


def can_set_deadline_realisasi(user, *, opd_id: int) -> bool:
    return bool(roles_in_opd(user, opd_id) & {Peran.ADMIN, Peran.PERENCANA, Peran.PIMPINAN})


def access_realisasi_deadline(user, *, opd_id: int, triwulan_opd) -> None:
    _check_triwulan_open(triwulan_opd)
    if not can_set_deadline_realisasi(user, opd_id=opd_id):
        raise PermissionDenied("Hanya perencana atau pimpinan yang dapat menetapkan batas waktu pengisian.")


def can_note_realisasi(user, *, row, triwulan_opd) -> bool:
    if _triwulan_terkunci(triwulan_opd):
        return False
    roles = roles_in_opd(user, row.opd_id)
    if roles & {Peran.ADMIN, Peran.PERENCANA, Peran.PIMPINAN}:
        return True
    return _realisasi_role_ok(user, opd_id=row.opd_id, unit_id=row.unit_id)


def access_realisasi_note(user, *, row, triwulan_opd) -> None:
    """Notes and replies on a row: the verifiers (perencana, pimpinan, admin) and the row's operator."""
    _check_triwulan_open(triwulan_opd)
    if not can_note_realisasi(user, row=row, triwulan_opd=triwulan_opd):
        if roles_in_opd(user, row.opd_id):
            raise PermissionDenied("Peran Anda tidak dapat menulis catatan pada baris ini.")
        raise PermissionDenied("Anda tidak memiliki akses ke perangkat daerah ini.")


def can_import_realisasi(user, *, opd_id: int) -> bool:
    """Importing a SIPD realisation export for the whole OPD: the perencana (the admin may stand in)."""
    return bool(roles_in_opd(user, opd_id) & {Peran.ADMIN, Peran.PERENCANA})


def access_realisasi_import(user, *, opd_id: int) -> None:
    if not can_import_realisasi(user, opd_id=opd_id):
        if roles_in_opd(user, opd_id):
            raise PermissionDenied("Hanya perencana yang dapat mengimpor realisasi keuangan dari SIPD.")
        raise PermissionDenied("Anda tidak memiliki akses ke perangkat daerah ini.")


def access_realisasi_import_row(user, *, row, status_unit: str, triwulan_opd) -> None:
    """An import writes a row's keuangan as typing would: open triwulan, the unit in draf or dikembalikan."""
    access_realisasi_import(user, opd_id=row.opd_id)
    access_realisasi_edit(user, row=row, status_unit=status_unit, triwulan_opd=triwulan_opd)


def can_edit_kinerja(user, opd) -> bool:
    """IKU realisation, Renstra baselines, supporting programs and the efisiensi method: the perencana's (admin)."""
    return bool(can_plan_opd(user, opd))


def access_kinerja_edit(user, opd) -> None:
    if can_edit_kinerja(user, opd):
        return
    if roles_in_opd(user, getattr(opd, "pk", opd)):
        raise PermissionDenied("Realisasi IKU dan pengaturan evaluasi diisi oleh perencana perangkat daerah.")
    raise PermissionDenied("Anda tidak memiliki akses ke perangkat daerah ini.")


def can_edit_rencana_penarikan(user, *, opd_id: int) -> bool:
    """The disbursement plan, PPTK and early-warning thresholds of an OPD: the perencana (the admin may stand in)."""
    return bool(roles_in_opd(user, opd_id) & {Peran.ADMIN, Peran.PERENCANA})


def access_rencana_penarikan_edit(user, *, opd_id: int) -> None:
    if not can_edit_rencana_penarikan(user, opd_id=opd_id):
        if roles_in_opd(user, opd_id):
            raise PermissionDenied("Rencana penarikan dana, PPTK dan ambang peringatan diisi oleh perencana.")
        raise PermissionDenied("Anda tidak memiliki akses ke perangkat daerah ini.")


def opd_ids_visible_in(user, opd_ids) -> set[int]:
    """Which of `opd_ids` (e.g. every OPD of one Pemda) the user may read. A Pemda-wide pemeriksa reads them all
    once visible_opd_ids knows that scope; a global admin always does."""
    visible = visible_opd_ids(user)
    return set(opd_ids) if visible is None else set(opd_ids) & visible


def access_realisasi_pemda_view(user, *, opd_ids) -> None:
    """The Pemda-wide pages list the OPD the user may read; a user who reads none of them is refused."""
    if not opd_ids_visible_in(user, opd_ids):
        raise PermissionDenied("Anda tidak memiliki akses ke perangkat daerah mana pun di pemerintah daerah ini.")


# --- survei kepuasan masyarakat (renja.ikm) --------------------------------------------------------------


def can_edit_ikm(user, opd) -> bool:
    """Layanan, periode, kuesioner and public links of the survey: the perencana (the admin may stand in)."""
    return bool(can_plan_opd(user, opd))


def access_ikm_view(user, opd) -> None:
    """Every role of the OPD reads the survey setup and results (pimpinan, pemeriksa included)."""
    access_opd_view(user, opd)


def access_ikm_edit(user, opd) -> None:
    if can_edit_ikm(user, opd):
        return
    if roles_in_opd(user, getattr(opd, "pk", opd)):
        raise PermissionDenied("Pengaturan survei kepuasan diubah oleh perencana atau admin perangkat daerah.")
    raise PermissionDenied("Anda tidak memiliki akses ke perangkat daerah ini.")


# --- view markers: every URL must say how it is guarded (tests/organisasi/test_every_url_checked.py) ----


def public(view):
    """A view anyone may open (login page, static health)."""
    setattr(view, ROLE_MARK, "public")
    return view


SESI_WAJIB_GANTI_SANDI = "renja_wajib_ganti_sandi"


def login_required(view):
    """A view for signed-in users; it must call an access_* function for any object it shows.

    A user who logged in with a one-time password (the login view marks the session) is sent to the password
    page first; only that page (marked with `password_change_view`) opens before the password is changed."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.session.get(SESI_WAJIB_GANTI_SANDI) and not getattr(view, "_renja_ganti_sandi", False):
            return redirect("organisasi:sandi")
        return view(request, *args, **kwargs)

    guarded = _login_required(wrapped)
    setattr(guarded, ROLE_MARK, "login")
    return guarded


# --- authoring: starting a Renja, program/kegiatan structure, Renstra (issue 10) -----------------------


def access_renja_start(user, opd) -> None:
    """May `user` start the Renja of a new year for `opd` (empty, from the Renstra, or copying last year)?"""
    if not can_plan_opd(user, opd):
        if can_view_opd(user, opd):
            raise PermissionDenied("Hanya perencana atau admin perangkat daerah ini yang dapat membuat Renja baru.")
        raise PermissionDenied("Anda tidak memiliki akses ke perangkat daerah ini.")


def can_structure_rows(user, tahap) -> bool:
    """Whether to offer adding, changing, moving or deleting programs and kegiatan (the perencana's decision)."""
    return tahap.status == "draft" and can_plan_opd(user, tahap.opd_id)


def access_row_structure(user, tahap) -> None:
    """May `user` add, change, move or delete programs and kegiatan (and decide on rows a copy left over)?"""
    _check_tahap_open(tahap, "mengubah susunan program dan kegiatan")
    if not can_plan_opd(user, tahap.opd_id):
        if can_view_opd(user, tahap.opd_id):
            raise PermissionDenied("Hanya perencana atau admin yang dapat mengubah program dan kegiatan.")
        raise PermissionDenied("Anda tidak memiliki akses ke perangkat daerah ini.")


def can_edit_renstra(user, renstra) -> bool:
    return renstra.status == "draft" and can_plan_opd(user, renstra.opd_id)


def access_renstra_create(user, opd) -> None:
    if not can_plan_opd(user, opd):
        if can_view_opd(user, opd):
            raise PermissionDenied("Hanya perencana atau admin perangkat daerah ini yang dapat membuat Renstra.")
        raise PermissionDenied("Anda tidak memiliki akses ke perangkat daerah ini.")


def access_renstra_edit(user, renstra) -> None:
    """May `user` change `renstra`? Nobody changes a Renstra once it is ditetapkan."""
    if renstra.status == TAHAP_TERKUNCI:
        raise PermissionDenied(f"{renstra} sudah ditetapkan dan terkunci.")
    if not can_plan_opd(user, renstra.opd_id):
        if can_view_opd(user, renstra.opd_id):
            raise PermissionDenied("Peran Anda hanya dapat membaca Renstra ini, tidak dapat mengubahnya.")
        raise PermissionDenied("Anda tidak memiliki akses ke perangkat daerah ini.")


def can_approve_renstra(user, renstra) -> bool:
    return renstra.status == "draft" and can_approve_opd(user, renstra.opd_id)


def access_renstra_tetapkan(user, renstra) -> None:
    if not can_approve_opd(user, renstra.opd_id):
        raise PermissionDenied("Hanya pimpinan atau admin yang dapat menetapkan Renstra.")


# --- usulan (T-C.32) and the narrative of a stage (issue 7) ---------------------------------------------------


def can_edit_usulan(user, renja) -> bool:
    """Proposals are the OPD's planning decision: the perencana's (and admin's), like programs and kegiatan."""
    return can_plan_opd(user, renja.opd_id)


def access_usulan_edit(user, renja) -> None:
    """May `user` enter, change or decide the proposals of `renja`?"""
    if not can_edit_usulan(user, renja):
        if can_view_opd(user, renja.opd_id):
            raise PermissionDenied("Hanya perencana atau admin yang dapat mengisi dan memutuskan usulan.")
        raise PermissionDenied("Anda tidak memiliki akses ke perangkat daerah ini.")


def can_edit_narasi(user, tahap) -> bool:
    """Whether to offer editing the narrative of `tahap`: an open (draft) stage and a planner of the OPD."""
    return tahap.status == "draft" and can_plan_opd(user, tahap.opd_id)


def access_narasi_edit(user, tahap) -> None:
    """May `user` change the narrative of `tahap`? Locked with the stage, like its rows."""
    _check_tahap_open(tahap, "mengubah narasi")
    if not can_plan_opd(user, tahap.opd_id):
        if can_view_opd(user, tahap.opd_id):
            raise PermissionDenied("Peran Anda hanya dapat membaca narasi ini, tidak dapat mengubahnya.")
        raise PermissionDenied("Anda tidak memiliki akses ke perangkat daerah ini.")


# --- pemeriksaan (issue 8): findings over stored data -------------------------------------------------------


def can_accept_temuan(user, tahap) -> bool:
    """Marking a finding "diterima" is the perencana's judgement (admin of the OPD too); any stage status."""
    return can_plan_opd(user, tahap.renja.opd_id)


def access_temuan_terima(user, tahap) -> None:
    if not can_accept_temuan(user, tahap):
        if can_view_opd(user, tahap.renja.opd_id):
            raise PermissionDenied("Hanya perencana atau admin perangkat daerah ini yang dapat menerima temuan.")
        raise PermissionDenied("Anda tidak memiliki akses ke perangkat daerah ini.")
