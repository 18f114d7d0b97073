"""Every permission decision of Renja lives here.

Views, services and selectors call these `access_*` / `can_*` functions; nothing else inspects roles.
Objects from upper apps (Renja rows, Tahap) are read duck-typed through their `opd_id`, `unit_id` and
`status` attributes so this module never imports upward.

Roles (PenugasanPeran):
  admin      global (no OPD) or for one OPD: everything, except changing a locked (ditetapkan) tahap
  perencana  whole OPD: read, edit every row of a draft tahap, create and submit tahap
  operator   one unit: read the OPD, edit the rows whose unit penanggung jawab is that unit
  pimpinan   read, submit, return (kembalikan) and penetapan
  pemeriksa  read-only (Bappeda, Inspektorat)
"""

from functools import wraps

import rules
from django.contrib.auth.decorators import login_required as _login_required
from django.core.exceptions import PermissionDenied

from renja.organisasi.models import PenugasanPeran, Peran

ROLE_MARK = "_renja_access"
TAHAP_TERKUNCI = "ditetapkan"


# --- role lookup (one query per request, cached on the user object) --------------------------------


def _assignments(user) -> list[PenugasanPeran]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_renja_penugasan", None)
    if cached is None:
        cached = list(PenugasanPeran.objects.filter(user=user).only("peran", "opd_id", "unit_id"))
        user._renja_penugasan = cached
    return cached


def forget_roles(user) -> None:
    if hasattr(user, "_renja_penugasan"):
        del user._renja_penugasan


def is_global_admin(user) -> bool:
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return any(a.peran == Peran.ADMIN and a.opd_id is None for a in _assignments(user))


def roles_in_opd(user, opd_id: int) -> set[str]:
    roles = {a.peran for a in _assignments(user) if a.opd_id == opd_id}
    if is_global_admin(user):
        roles.add(Peran.ADMIN)
    return roles


def operator_units(user, opd_id: int) -> set[int]:
    return {a.unit_id for a in _assignments(user) if a.peran == Peran.OPERATOR and a.opd_id == opd_id}


def visible_opd_ids(user) -> set[int] | None:
    """OPD ids the user may read; None means every OPD (global admin)."""
    if is_global_admin(user):
        return None
    return {a.opd_id for a in _assignments(user) if a.opd_id is not None}


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


# --- view markers: every URL must say how it is guarded (tests/organisasi/test_every_url_checked.py) ----


def public(view):
    """A view anyone may open (login page, static health)."""
    setattr(view, ROLE_MARK, "public")
    return view


def login_required(view):
    """A view for signed-in users; it must call an access_* function for any object it shows."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    guarded = _login_required(wrapped)
    setattr(guarded, ROLE_MARK, "login")
    return guarded
