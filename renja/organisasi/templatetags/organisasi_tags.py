from django import template

from renja.organisasi import access

register = template.Library()


@register.filter
def boleh_kelola(user) -> bool:
    """Whether the navigation offers the administration pages."""
    return access.can_administer(user)
