"""renja.rumus.terbilang: numbers and Rupiah in Indonesian words, and back.

Source of the word forms: standard Indonesian (KBBI: sepuluh, sebelas, seratus, seribu) as used in
formal financial documents; seed examples cite lines of the seed document.
"""

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renja.rumus.terbilang import (
    BATAS_TERBILANG,
    Gaya,
    TerbilangTidakValid,
    angka_dari_terbilang,
    rupiah_dari_terbilang,
    terbilang,
    terbilang_rupiah,
)
from renja.rumus.uang import dari_sen

ANGGARAN_2024 = (
    "tiga puluh satu miliar seratus tiga puluh dua juta empat ratus tujuh puluh sembilan ribu dua ratus tiga puluh enam"
)


def test_seed_budget_2024_in_words():
    """Issue 3 and seed line 606: Rp 31.132.479.236."""
    assert terbilang(31132479236) == ANGGARAN_2024


@pytest.mark.parametrize(
    ("n", "kata"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (100, "seratus"),
        (101, "seratus satu"),
        (110, "seratus sepuluh"),
        (111, "seratus sebelas"),
        (200, "dua ratus"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (2000, "dua ribu"),
        (10000, "sepuluh ribu"),
        (11000, "sebelas ribu"),
        (21000, "dua puluh satu ribu"),
        (100000, "seratus ribu"),
        (101000, "seratus satu ribu"),
        (1000000, "satu juta"),
        (1001000, "satu juta seribu"),
        (1000001, "satu juta satu"),
        (10**9, "satu miliar"),
        (10**12, "satu triliun"),
        (1001001001001, "satu triliun satu miliar satu juta seribu satu"),
    ],
)
def test_se_forms_everywhere_they_apply(n, kata):
    assert terbilang(n) == kata


def test_largest_number_is_999_triliun_and_more():
    assert terbilang(BATAS_TERBILANG - 1).startswith("sembilan ratus sembilan puluh sembilan triliun")
    assert terbilang(BATAS_TERBILANG - 1).endswith("sembilan ratus sembilan puluh sembilan")


@pytest.mark.parametrize("n", [BATAS_TERBILANG, -BATAS_TERBILANG])
def test_beyond_999_triliun_is_rejected(n):
    with pytest.raises(ValueError, match="di luar jangkauan"):
        terbilang(n)


@pytest.mark.parametrize("n", [True, 1.0, "1", Decimal(1)])
def test_terbilang_needs_an_int(n):
    with pytest.raises(TypeError):
        terbilang(n)


def test_negative_numbers_start_with_minus():
    assert terbilang(-1500) == "minus seribu lima ratus"


@pytest.mark.parametrize(
    ("gaya", "teks"),
    [
        (Gaya.KECIL, "tiga puluh satu miliar"),
        (Gaya.KALIMAT, "Tiga puluh satu miliar"),  # seed line 606 "(Tiga puluh satu miliar ...)"
        (Gaya.JUDUL, "Tiga Puluh Satu Miliar"),
        (Gaya.KAPITAL, "TIGA PULUH SATU MILIAR"),
    ],
)
def test_capitalisation_styles(gaya, teks):
    assert terbilang(31 * 10**9, gaya=gaya) == teks


def test_style_accepts_its_string_value_and_rejects_unknown_ones():
    assert terbilang(11, gaya="judul") == "Sebelas"
    with pytest.raises(ValueError):
        terbilang(11, gaya="miring")


# -- Rupiah ---------------------------------------------------------------------------------------------


def test_rupiah_phrase_title_case():
    assert terbilang_rupiah(31132479236, gaya=Gaya.JUDUL) == (
        "Tiga Puluh Satu Miliar Seratus Tiga Puluh Dua Juta Empat Ratus Tujuh Puluh Sembilan Ribu "
        "Dua Ratus Tiga Puluh Enam Rupiah"
    )


@pytest.mark.parametrize(
    ("nilai", "kata"),
    [
        (Decimal("2500.50"), "dua ribu lima ratus rupiah lima puluh sen"),
        (Decimal("2500.00"), "dua ribu lima ratus rupiah"),
        (Decimal("0.50"), "lima puluh sen"),
        (0, "nol rupiah"),
        ("0.005", "satu sen"),  # half-up to a whole sen
        ("-12.345", "minus dua belas rupiah tiga puluh lima sen"),
    ],
)
def test_rupiah_with_optional_sen(nilai, kata):
    assert terbilang_rupiah(nilai) == kata


def test_rupiah_without_sen_rounds_to_whole_rupiah():
    assert terbilang_rupiah(Decimal("1.50"), sen=False) == "dua rupiah"


def test_rupiah_rejects_float():
    with pytest.raises(TypeError):
        terbilang_rupiah(1.5)


def test_rupiah_beyond_range_is_rejected():
    with pytest.raises(ValueError, match="di luar jangkauan"):
        terbilang_rupiah(BATAS_TERBILANG)


# -- words -> number ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        # seed line 606
        (
            "Tiga puluh satu miliar seratus tiga puluh dua juta empat ratus tujuh puluh sembilan ribu "
            "dua ratus tiga puluh enam rupiah",
            "31132479236",
        ),
        (
            "Dua puluh tujuh miliar sembilan ratus tiga puluh lima juta empat ratus empat puluh tujuh ribu "
            "seratus tujuh puluh tujuh rupiah",
            "27935447177",
        ),
        (
            "Sembilan miliar enam ratus empat juta tiga ratus enam ribu dua ratus sembilan puluh enam rupiah",
            "9604306296",
        ),
        # seed line 650
        (
            "Dua miliar delapan ratus tiga puluh lima juta delapan ratus empat puluh ribu enam puluh dua rupiah",
            "2835840062",
        ),
        # seed line 792
        ("Empat Miliar empat ratus sembilan puluh lima juta lima ratus ribu rupiah", "4495500000"),
        ("Empat Miliar seratus tiga juta tujuh ratus ribu enam ratus dua puluh lima rupiah", "4103700625"),
    ],
)
def test_seed_rupiah_words_match_their_figures(teks, nilai):
    assert rupiah_dari_terbilang(teks) == Decimal(nilai)


def test_seed_typo_serratus_is_reported():
    """Seed line 650: "... Sembilan juta serratus tujuh puluh empat ribu ..." for 2.639.174.475."""
    teks = (
        "Dua miliar enam ratus tiga puluh Sembilan juta serratus tujuh puluh empat ribu empat ratus tujuh "
        "puluh lima rupiah"
    )
    with pytest.raises(TerbilangTidakValid, match="kata tidak dikenal: 'serratus'"):
        rupiah_dari_terbilang(teks)


def test_error_is_a_value_error_naming_text_and_reason():
    with pytest.raises(TerbilangTidakValid) as info:
        angka_dari_terbilang("satu puluh")
    assert isinstance(info.value, ValueError)
    assert (
        str(info.value)
        == "\"satu puluh\" bukan terbilang yang sah: 'satu puluh' tidak baku dan ambigu; tulis 'sepuluh'"
    )
    assert info.value.teks == "satu puluh"


@pytest.mark.parametrize(
    ("teks", "alasan"),
    [
        ("", "teks kosong"),
        ("satu belas", "tulis 'sebelas'"),
        ("dua ribu tiga ribu", "urutan satuan salah: bagian 'ribu' muncul sesudah 'ribu'"),
        ("seribu dua juta", "urutan satuan salah: bagian 'juta' muncul sesudah 'seribu'"),
        ("dua ribu seribu", "urutan satuan salah: bagian 'seribu' muncul sesudah 'ribu'"),
        ("ribu", "kata 'ribu' tidak diharapkan di sini"),
        ("seribu triliun", "kata 'triliun' tidak diharapkan di sini"),
        ("lima enam", "kata 'enam' tidak diharapkan sesudah 'lima'"),
        ("dua ratus tiga ratus", "kata 'tiga' tidak diharapkan sesudah 'ratus'"),
        ("dua puluh tiga ratus", "kata 'tiga' tidak diharapkan sesudah 'puluh'"),
        ("nol ribu", "'nol' hanya boleh berdiri sendiri"),
        ("minus", "tidak ada angka sesudah 'minus'"),
        ("lima minus", "'minus' hanya boleh di awal"),
        ("lima apel", "kata tidak dikenal: 'apel'"),
    ],
)
def test_malformed_words_are_rejected_with_a_reason(teks, alasan):
    with pytest.raises(TerbilangTidakValid, match=re.escape(alasan)):
        angka_dari_terbilang(teks)


@pytest.mark.parametrize(
    ("teks", "nilai", "baku"),
    [
        ("satu ribu", 1000, "seribu"),
        ("satu ratus", 100, "seratus"),
        ("sejuta", 10**6, "satu juta"),
        ("dua milyar", 2 * 10**9, "dua miliar"),
        ("tiga trilyun", 3 * 10**12, "tiga triliun"),
        ("satu juta satu ribu", 1001000, "satu juta seribu"),
        ("minus nol", 0, "nol"),
    ],
)
def test_non_standard_but_unambiguous_forms_are_read_and_rejected_when_strict(teks, nilai, baku):
    assert angka_dari_terbilang(teks) == nilai
    with pytest.raises(TerbilangTidakValid, match=f"bentuk baku: '{baku}'"):
        angka_dari_terbilang(teks, ketat=True)


def test_words_are_case_insensitive():
    assert angka_dari_terbilang("SERIBU Dua Ratus") == 1200


def test_inverse_needs_str():
    with pytest.raises(TypeError):
        angka_dari_terbilang(1000)


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("dua ribu lima ratus rupiah lima puluh sen", "2500.50"),
        ("lima puluh sen", "0.50"),
        ("nol rupiah", "0.00"),
        ("minus lima rupiah", "-5.00"),
        ("minus satu sen", "-0.01"),
    ],
)
def test_rupiah_words_to_value(teks, nilai):
    assert str(rupiah_dari_terbilang(teks)) == nilai


@pytest.mark.parametrize(
    ("teks", "alasan"),
    [
        ("", "harus diakhiri 'rupiah' atau 'sen'"),
        ("rupiah", "tidak ada angka sebelum 'rupiah'"),
        ("lima", "harus diakhiri 'rupiah' atau 'sen'"),
        ("lima rupiah dua", "hanya boleh ada jumlah sen"),
        ("lima rupiah sen", "hanya boleh ada jumlah sen"),
        ("lima rupiah seratus sen", "jumlah sen harus 1-99, bukan 100"),
        ("lima rupiah nol sen", "jumlah sen harus 1-99, bukan 0"),
        ("minus minus lima rupiah", "'minus' hanya boleh di awal"),
        ("sen", "tidak ada angka sebelum 'sen'"),
    ],
)
def test_malformed_rupiah_words_are_rejected(teks, alasan):
    with pytest.raises(TerbilangTidakValid, match=re.escape(alasan)):
        rupiah_dari_terbilang(teks)


def test_rupiah_words_strict_mode():
    assert rupiah_dari_terbilang("lima puluh sen", ketat=True) == Decimal("0.50")
    with pytest.raises(TerbilangTidakValid, match="bentuk baku: 'lima puluh sen'"):
        rupiah_dari_terbilang("nol rupiah lima puluh sen", ketat=True)


# -- properties -------------------------------------------------------------------------------------------


@given(st.integers(min_value=-(BATAS_TERBILANG - 1), max_value=BATAS_TERBILANG - 1))
def test_property_words_to_number_inverts_terbilang(n):
    """Issue 3: words -> number of terbilang(n) == n for all n < 10^15 (strict: standard form)."""
    assert angka_dari_terbilang(terbilang(n), ketat=True) == n


@given(st.integers(min_value=0, max_value=BATAS_TERBILANG - 1), st.sampled_from(list(Gaya)))
def test_property_every_style_reads_back(n, gaya):
    assert angka_dari_terbilang(terbilang(n, gaya=gaya)) == n


@given(st.integers(min_value=-(BATAS_TERBILANG * 100 - 1), max_value=BATAS_TERBILANG * 100 - 1))
def test_property_rupiah_words_invert_terbilang_rupiah(sen):
    assert rupiah_dari_terbilang(terbilang_rupiah(dari_sen(sen)), ketat=True) == dari_sen(sen)
