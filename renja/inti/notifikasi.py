"""In-app notifications: written by the services of other apps inside their transaction, read by the header
(unread count) and the list page. Email goes out too, after the commit, when EMAIL_HOST is set."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import QuerySet

from renja.inti.audit import audit_record
from renja.inti.models import Notifikasi

log = logging.getLogger(__name__)


def notifikasi_kirim(*, penerima: Iterable, jenis: str, teks: str, tautan: str = "", kunci: str = "") -> int:
    """Notify each user once. With `kunci`, a user who already holds a notification with that key is skipped
    (a reminder sent by a daily job arrives once). Returns how many were created. Called inside a service's
    transaction: the service's AuditEvent records the act; the notification is its consequence."""
    users = {u.pk: u for u in penerima if getattr(u, "pk", None) and u.is_active}
    if kunci:
        sudah = set(
            Notifikasi.objects.filter(penerima_id__in=list(users), kunci=kunci).values_list("penerima_id", flat=True)
        )
        users = {pk: u for pk, u in users.items() if pk not in sudah}
    if not users:
        return 0
    Notifikasi.objects.bulk_create(
        [Notifikasi(penerima=u, jenis=jenis, teks=teks, tautan=tautan, kunci=kunci) for u in users.values()]
    )
    alamat = [u.email for u in users.values() if u.email]
    if getattr(settings, "EMAIL_HOST", "") and alamat:
        transaction.on_commit(lambda: _kirim_email(alamat, teks, tautan))
    return len(users)


def _kirim_email(alamat: list[str], teks: str, tautan: str) -> None:
    dasar = getattr(settings, "RENJA_URL", "").rstrip("/")
    isi = teks + (f"\n\n{dasar}{tautan}" if tautan and dasar else (f"\n\nBuka Renja: {tautan}" if tautan else ""))
    subjek = "[Renja] " + teks.split("\n", 1)[0][:120]
    pesan = [(subjek, isi, settings.DEFAULT_FROM_EMAIL, [a]) for a in alamat]
    try:
        send_mass_mail(pesan, fail_silently=False)
    except Exception:  # the notification is stored; a mail server outage must not undo the user's action
        log.exception("Email notifikasi gagal dikirim ke %d alamat", len(alamat))


@transaction.atomic
def notifikasi_tandai_dibaca(*, actor, notifikasi_id: int | None = None) -> int:
    """Mark one notification of `actor` (or all of them) as read. Returns how many changed."""
    qs = Notifikasi.objects.filter(penerima=actor, dibaca=False)
    if notifikasi_id is not None:
        qs = qs.filter(pk=notifikasi_id)
    n = qs.update(dibaca=True)
    if n:
        audit_record(
            actor=actor,
            event_type="update",
            action="notifikasi_tandai_dibaca",
            obj=actor,
            new={"dibaca": n, "notifikasi": notifikasi_id or "semua"},
        )
    return n


def notifikasi_belum_dibaca(*, user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notifikasi.objects.filter(penerima=user, dibaca=False).count()


def notifikasi_list(*, user, batas: int = 200) -> QuerySet[Notifikasi]:
    return Notifikasi.objects.filter(penerima=user).order_by("-dibuat_pada", "-id")[:batas]
