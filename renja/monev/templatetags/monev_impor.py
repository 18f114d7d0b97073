from django import template

from renja.organisasi import access

register = template.Library()


@register.filter
def boleh_impor(user, renja) -> bool:
    """Whether to offer the SIPD import page on the realisation overview."""
    return access.can_import_realisasi(user, opd_id=renja.opd_id)
