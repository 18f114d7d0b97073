"""Template filters for Indonesian number formatting; the rules live in renja.rumus.angka."""

from django import template

from renja.rumus import angka

register = template.Library()


@register.filter
def rupiah(value, desimal=0):
    if value is None or value == "":
        return "-"
    return angka.format_rupiah(value, desimal=int(desimal))


@register.filter(name="angka")
def angka_filter(value, desimal=0):
    if value is None or value == "":
        return "-"
    return angka.format_angka(value, desimal=int(desimal))


@register.filter
def persen(value, desimal=2):
    if value is None or value == "":
        return "-"
    return angka.format_persen(value, desimal=int(desimal))


@register.filter
def angka_target(value):
    """A target number as typed: 1.176, 12,5 — no trailing zeros of the DecimalField."""
    if value is None or value == "":
        return "-"
    from decimal import Decimal

    nilai = Decimal(value)
    if nilai == nilai.to_integral_value():
        return angka.format_angka(nilai, desimal=0)
    exp = -nilai.normalize().as_tuple().exponent
    return angka.format_angka(nilai, desimal=min(4, max(0, exp)))


@register.filter
def terbilang(value, gaya="kalimat"):
    """Rupiah in words for formal documents: 'Dua puluh enam miliar ... rupiah'."""
    if value is None or value == "":
        return ""
    from renja.rumus.terbilang import Gaya, terbilang_rupiah

    return terbilang_rupiah(value, gaya=Gaya(gaya))
