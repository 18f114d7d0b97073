"""Small template helpers for the realisation pages (display only; figures come from the selectors)."""

from django import template

from renja.monev.models import StatusUnit

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def status_label(value) -> str:
    try:
        return StatusUnit(value).label
    except ValueError:
        return value or ""


@register.filter
def gagal_di(gagal, sel_id) -> bool:
    """Whether the refused save `gagal` (dict from the view) belongs to this cell."""
    return bool(gagal) and gagal.get("id") == sel_id
