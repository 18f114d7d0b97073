"""Template filters format the Indonesian way through renja.rumus (the one place the rules live)."""

from decimal import Decimal

from django.template import Context, Template


def render(src: str, **ctx) -> str:
    return Template(src).render(Context(ctx))


def test_rupiah_angka_persen():
    assert render("{{ v|rupiah }}", v=Decimal("26736518416")) == "Rp 26.736.518.416"
    assert render("{{ v|angka }}", v=Decimal("1018773")) == "1.018.773"
    assert render("{{ v|persen }}", v=Decimal("89.7300")) == "89,73%"
    assert render("{{ v|rupiah }}", v=None) == "-"


def test_angka_target_drops_trailing_zeros():
    assert render("{{ v|angka_target }}", v=Decimal("1176.0000")) == "1.176"
    assert render("{{ v|angka_target }}", v=Decimal("12.5000")) == "12,5"


def test_terbilang_total_of_the_seed():
    # seed total Rp 26.736.518.416
    assert render("{{ v|terbilang }}", v=Decimal("26736518416")) == (
        "Dua puluh enam miliar tujuh ratus tiga puluh enam juta lima ratus delapan belas ribu "
        "empat ratus enam belas rupiah"
    )
