"""renja.rumus.angka: Indonesian number formatting and strict parsing (issue 3 item 6).

Forms come from the seed document (/work/shared/seed/000_398de3946be2833b.txt, line numbers cited);
the convention (dot = thousands, comma = decimals) is the seed README's "numbers are written the
Indonesian way".
"""

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renja.rumus.angka import (
    AngkaTidakValid,
    NilaiSatuan,
    format_angka,
    format_persen,
    format_rupiah,
    parse_angka,
    parse_nilai_satuan,
    parse_persen,
    parse_rupiah,
)
from renja.rumus.uang import bulatkan

desimal = st.decimals(min_value=-(10**15), max_value=10**15, allow_nan=False, allow_infinity=False, places=4)


# -- formatting -----------------------------------------------------------------------------------


def test_format_angka_groups_thousands_with_dots():
    """Seed line 858: total Renja 2026 "26.736.518.416"."""
    assert format_angka(26736518416) == "26.736.518.416"


def test_format_angka_uses_decimal_comma():
    assert format_angka(Decimal("1234.5"), 2) == "1.234,50"


def test_format_angka_negative():
    assert format_angka(-1000) == "-1.000"


def test_format_angka_none_is_dash():
    assert format_angka(None) == "-"


@pytest.mark.parametrize(
    ("nilai", "desimal", "teks"),
    [
        (0, 0, "0"),
        (999, 0, "999"),
        (1000, 0, "1.000"),
        ("-0.4", 0, "0"),
        ("0.5", 0, "1"),
        (123456, 0, "123.456"),
    ],
)
def test_format_angka_small_values_and_rounding(nilai, desimal, teks):
    assert format_angka(nilai, desimal) == teks


def test_format_angka_rounds_half_up():
    """Seed line 606: 27.935.447.177 / 31.132.479.236 printed as 89,73."""
    assert format_angka(Decimal("89.73087869178399281146155102"), 2) == "89,73"


def test_format_angka_rejects_float():
    with pytest.raises(TypeError):
        format_angka(1.5)


def test_format_rupiah_has_rp_prefix():
    assert format_rupiah(26736518416) == "Rp 26.736.518.416"


def test_format_rupiah_without_prefix():
    assert format_rupiah(26736518416, awalan=False) == "26.736.518.416"


def test_format_rupiah_with_sen():
    """Seed BAB IV writes pagu as "100.000.000,00"."""
    assert format_rupiah(26736518416, 2) == "Rp 26.736.518.416,00"


def test_format_rupiah_negative_puts_sign_before_rp():
    assert format_rupiah(-1000) == "-Rp 1.000"
    assert format_rupiah(-1000, awalan=False) == "-1.000"


def test_format_rupiah_none_is_dash():
    assert format_rupiah(None) == "-"


def test_format_persen_two_places_by_default():
    assert format_persen(Decimal("89.73087869178399281146155102")) == "89,73%"


def test_format_persen_other_places_and_none():
    assert format_persen(Decimal("89.73"), 0) == "90%"
    assert format_persen(None) == "-"


# -- AngkaTidakValid ---------------------------------------------------------------------------------


def test_error_is_a_value_error_naming_text_and_reason():
    """Seed line 936: "Rp .350.000.000" (the leading 1 of Rp 1.350.000.000 was lost)."""
    with pytest.raises(AngkaTidakValid) as info:
        parse_rupiah("Rp .350.000.000")
    assert isinstance(info.value, ValueError)
    assert str(info.value) == '"Rp .350.000.000" bukan angka yang sah: titik ribuan tidak boleh di awal angka'
    assert info.value.teks == "Rp .350.000.000"
    assert info.value.alasan == "titik ribuan tidak boleh di awal angka"


# -- parse_angka -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("26.736.518.416,00", Decimal("26736518416.00")),  # seed line 858 (BAB IV form)
        ("1.000", Decimal(1000)),
        ("12,5", Decimal("12.5")),
        ("-10", Decimal(-10)),  # seed line 1442 (a typo target, but a valid number)
        ("1176", Decimal(1176)),  # seed line 870
        ("1000", Decimal(1000)),
        (" 4.653.328.000 ", Decimal(4653328000)),  # seed line 578
        ("22,94", Decimal("22.94")),  # seed line 440
        ("0,00", Decimal(0)),
        ("\u22125", Decimal(-5)),  # typographic minus
        ("-0", Decimal(0)),
    ],
)
def test_parse_angka_accepts_indonesian_forms(teks, nilai):
    assert parse_angka(teks) == nilai


def test_parse_angka_keeps_written_decimal_places():
    assert str(parse_angka("1,50")) == "1.50"


def test_parse_angka_negative_zero_is_zero():
    assert str(parse_angka("-0,00")) == "0.00"


def test_parse_angka_comma_is_always_decimal():
    """Decision: Indonesian form only; "1,000" is one with three decimals, never a thousand."""
    assert parse_angka("1,000") == Decimal(1)


@pytest.mark.parametrize(
    ("teks", "alasan"),
    [
        ("", "teks kosong"),
        ("   ", "teks kosong"),
        ("-", "tidak ada digit"),
        ("1.00.000", "ditemukan '00'"),
        (".350.000.000", "titik ribuan tidak boleh di awal angka"),
        ("1,000,000", "lebih dari satu koma"),
        ("23.11", "ditemukan '11'"),  # seed line 441: AKIP "23.11" for 23,11
        ("1000.000", "kelompok pertama"),
        ("0.500", "tidak boleh diawali 0"),
        ("1..000", "dua titik berurutan"),
        ("1.000.", "di akhir"),
        ("12,", "koma desimal harus diikuti digit"),
        (",5", "koma desimal harus didahului digit"),
        ("1,5.000", "sesudah koma desimal"),
        ("12a", "huruf 'a'"),
        ("abc", "huruf 'a'"),
        ("-.", "tidak ada digit"),
        ("\u0663", "tanda '\u0663'"),  # an Arabic-Indic digit is not accepted
        ("1 000", "spasi di dalam angka"),
        ("1_000", "tanda '_'"),
        ("+5", "tanda '+'"),
    ],
)
def test_parse_angka_rejects_malformed_numbers_with_a_reason(teks, alasan):
    with pytest.raises(AngkaTidakValid, match=re.escape(alasan)):
        parse_angka(teks)


def test_parse_angka_requires_str():
    with pytest.raises(TypeError):
        parse_angka(1000)


# -- parse_rupiah / parse_persen ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("Rp 26.736.518.416", Decimal(26736518416)),  # seed line 858
        ("Rp. 4.495.500.000,-", Decimal(4495500000)),  # seed line 792
        ("Rp 26.736.518.416,00", Decimal(26736518416)),
        ("rp1.000", Decimal(1000)),
        ("RP. 129.355.000", Decimal(129355000)),  # seed line 789
        ("Rp.350.000.000", Decimal(350000000)),  # "Rp." directly followed by digits is the prefix
        ("-Rp 1.000", Decimal(-1000)),
        ("Rp -1.000", Decimal(-1000)),
        ("1.000", Decimal(1000)),
        ("Rp\u00a015.000.000", Decimal(15000000)),  # no-break space
    ],
)
def test_parse_rupiah_accepts_document_forms(teks, nilai):
    assert parse_rupiah(teks) == nilai


@pytest.mark.parametrize(
    ("teks", "alasan"),
    [
        ("Rp .350.000.000", "titik ribuan tidak boleh di awal angka"),  # seed line 936
        ("Rp", "tidak ada angka sesudah 'Rp'"),
        ("-Rp -5", "tanda minus ganda"),
        ("Rp 1.000jt", "huruf 'j'"),
    ],
)
def test_parse_rupiah_rejects_with_a_reason(teks, alasan):
    with pytest.raises(AngkaTidakValid, match=re.escape(alasan)):
        parse_rupiah(teks)


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("89,73%", Decimal("89.73")),  # seed line 606
        ("100 %", Decimal(100)),  # seed line 716
        ("93,06 %", Decimal("93.06")),  # seed line 652
        ("5%", Decimal(5)),
        ("100", Decimal(100)),  # "Persen" columns print bare numbers (seed Tabel 3.4)
    ],
)
def test_parse_persen(teks, nilai):
    assert parse_persen(teks) == nilai


def test_parse_persen_rejects_sign_without_number():
    with pytest.raises(AngkaTidakValid, match="tidak ada digit"):
        parse_persen("%")


# -- parse_nilai_satuan -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [
        ("1.018.773 org", NilaiSatuan(Decimal(1018773), "org")),  # seed line 1480
        ("4 Dokumen", NilaiSatuan(Decimal(4), "Dokumen")),  # seed line 163
        ("PBI : 400.000 Orang", NilaiSatuan(Decimal(400000), "Orang", "PBI")),  # seed line 274
        ("100 %", NilaiSatuan(Decimal(100), "%")),  # seed line 716
        ("100%", NilaiSatuan(Decimal(100), "%")),  # seed line 204
        ("1176 Orang/Bulan", NilaiSatuan(Decimal(1176), "Orang/Bulan")),  # seed line 870
        ("6 desa/ kelurahan", NilaiSatuan(Decimal(6), "desa/kelurahan")),  # seed line 987
        ("1.000 Orang", NilaiSatuan(Decimal(1000), "Orang")),  # seed line 989
        ("150 oran", NilaiSatuan(Decimal(150), "oran")),  # seed line 256: spelling kept as written
        ("Rp 15.000.000", NilaiSatuan(Decimal(15000000), "Rp")),  # seed line 867
        ("Pagu : Rp 1.000", NilaiSatuan(Decimal(1000), "Rp", "Pagu")),
        ("42", NilaiSatuan(Decimal(42))),  # seed Tabel 2.1 bare targets
        ("-10", NilaiSatuan(Decimal(-10))),  # seed line 1442
        ("8 UNIT", NilaiSatuan(Decimal(8), "UNIT")),  # seed line 1465
        ("  12   Paket  ", NilaiSatuan(Decimal(12), "Paket")),
        ("1.018.773org", NilaiSatuan(Decimal(1018773), "org")),
    ],
)
def test_parse_nilai_satuan_reads_seed_forms(teks, hasil):
    assert parse_nilai_satuan(teks) == hasil


@pytest.mark.parametrize(
    ("teks", "alasan"),
    [
        ("Rp .350.000.000", "titik ribuan tidak boleh di awal angka"),  # seed line 936
        (
            # seed line 274: one cell holding five values
            "PBI : 400.000 Orang, Data LKM : 20.000 KPM PKH : 45.000, BPNT : 60.000 Kube e-warung : 60 Warung",
            "satu sel hanya boleh berisi satu nilai",
        ),
        ("Orang", "tidak diawali angka"),
        ("", "teks kosong"),
        ("PBI :", "tidak ada digit"),
        (": 5 Orang", "label sebelum ':' kosong"),
        ("2024 : 5 Orang", "tidak boleh memuat angka"),
        ("1.00.000 Orang", "ditemukan '00'"),
        ("A : 5 Orang : x", "lebih dari satu label"),
        ("9.", "di akhir"),  # seed line 32: a list number, not a value
    ],
)
def test_parse_nilai_satuan_rejects_with_a_reason(teks, alasan):
    with pytest.raises(AngkaTidakValid, match=re.escape(alasan)):
        parse_nilai_satuan(teks)


def test_parse_nilai_satuan_error_names_the_whole_cell():
    with pytest.raises(AngkaTidakValid, match='^"PBI : 4.00 Orang"'):
        parse_nilai_satuan("PBI : 4.00 Orang")


@pytest.mark.parametrize(
    ("nilai_satuan", "teks"),
    [
        (NilaiSatuan(Decimal(1018773), "org"), "1.018.773 org"),
        (NilaiSatuan(Decimal(400000), "Orang", "PBI"), "PBI : 400.000 Orang"),
        (NilaiSatuan(Decimal(100), "%"), "100%"),
        (NilaiSatuan(Decimal("12.5"), "%"), "12,5%"),
        (NilaiSatuan(Decimal(15000000), "Rp"), "Rp 15.000.000"),
        (NilaiSatuan(Decimal(42)), "42"),
    ],
)
def test_nilai_satuan_str_writes_the_indonesian_form(nilai_satuan, teks):
    assert str(nilai_satuan) == teks


@pytest.mark.parametrize(
    "teks", ["1.018.773 org", "PBI : 400.000 Orang", "100 %", "6 desa/ kelurahan", "Rp 15.000.000"]
)
def test_nilai_satuan_round_trips(teks):
    sekali = parse_nilai_satuan(teks)
    assert parse_nilai_satuan(str(sekali)) == sekali


# -- properties ---------------------------------------------------------------------------------------


@given(desimal, st.integers(min_value=0, max_value=4))
def test_property_parse_angka_inverts_format_angka(x, k):
    assert parse_angka(format_angka(x, k)) == bulatkan(x, k)


@given(desimal, st.integers(min_value=0, max_value=2))
def test_property_parse_rupiah_inverts_format_rupiah(x, k):
    assert parse_rupiah(format_rupiah(x, k)) == bulatkan(x, k)


@given(desimal)
def test_property_parse_persen_inverts_format_persen(x):
    assert parse_persen(format_persen(x)) == bulatkan(x, 2)
