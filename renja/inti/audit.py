"""Writing AuditEvents. Called only from services, inside their transaction."""

from decimal import Decimal

from django.db import models

from renja.inti.models import AuditEvent


def _jsonable(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def audit_record(
    *,
    actor,
    event_type: str,
    action: str,
    obj: models.Model,
    scope: str = "",
    old: dict | None = None,
    new: dict | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        event_type=event_type,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        scope=scope,
        old=_jsonable(old) if old is not None else None,
        new=_jsonable(new) if new is not None else None,
    )
