"""Template filters for Indonesian number formatting; the rules live in renja.rumus.angka."""

from django import template

from renja.inti.format import angka_ringkas
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
    return angka_ringkas(value)


@register.filter
def terbilang(value, gaya="kalimat"):
    """Rupiah in words for formal documents: 'Dua puluh enam miliar ... rupiah'."""
    if value is None or value == "":
        return ""
    from renja.rumus.terbilang import Gaya, terbilang_rupiah

    try:
        return terbilang_rupiah(value, gaya=Gaya(gaya))
    except ValueError:
        # Services keep totals within terbilang's range; a figure past it (an old row, a bulk load) must not
        # take the page down. The amount itself is shown in digits beside the words.
        return "jumlah terlalu besar untuk ditulis dengan huruf"
