"""Writes of inti itself: security events that belong to no app above it."""

from django.contrib.auth import get_user_model
from django.db import transaction

from renja.inti.audit import audit_record
from renja.inti.models import AuditEvent


def login_lockout_record(*, username: str, alamat: str, gagal: int, attempt) -> AuditEvent:
    """One AuditEvent when a user name + client address is locked out after repeated failed logins.

    The object is the user when the name exists (so the user's history shows it), else the lockout record."""
    with transaction.atomic():
        user = get_user_model().objects.filter(username=username).first() if username else None
        return audit_record(
            actor=None,
            event_type=AuditEvent.Jenis.LOGIN,
            action="login_lockout",
            obj=user or attempt,
            new={"username": username, "alamat": alamat, "gagal": gagal},
        )
