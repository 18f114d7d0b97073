"""renja.rumus.ikm: Survei Kepuasan Masyarakat per PermenPANRB 14/2017 (REGULASI.md §1).

The worked example (NRR 3,2 / 3,1 / 3,0 / 3,8 / 3,3 / 3,4 / 3,5 / 2,9 / 3,2) is REGULASI.md §1.6; the
interval table is the regulation's Lampiran, reprinted in the seed as Tabel 3.3 (lines 456-466).
"""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renja.rumus.ikm import (
    HasilIKM,
    MutuIKM,
    bobot_lembar_kerja,
    ikm,
    konversi_ikm,
    mutu_ikm,
    nrr,
    nrr_per_unsur,
)
from renja.rumus.uang import bulatkan

D = Decimal
CONTOH_NRR = [D(x) for x in ("3.2", "3.1", "3.0", "3.8", "3.3", "3.4", "3.5", "2.9", "3.2")]


# -- NRR ---------------------------------------------------------------------------------------------------


def test_nrr_is_the_mean_over_respondents_who_answered():
    """Lampiran: NRR per unsur = jumlah nilai / jumlah responden yang mengisi."""
    assert bulatkan(nrr([4, 3, None, 4]), 6) == D("3.666667")  # 11 / 3


def test_nrr_of_an_unanswered_unsur_is_none():
    assert nrr([None, None]) is None
    assert nrr([]) is None


@pytest.mark.parametrize("jawaban", [0, 5, -1])
def test_answers_must_be_on_the_1_to_4_scale(jawaban):
    with pytest.raises(ValueError, match="1-4"):
        nrr([jawaban])


@pytest.mark.parametrize("jawaban", [True, 3.0, "3", D(3)])
def test_answers_must_be_int(jawaban):
    with pytest.raises(TypeError):
        nrr([jawaban])


def test_nrr_per_unsur_reads_a_respondent_by_unsur_matrix():
    responden = [
        [4, 3, 3, 4, 3, 3, 4, 2, 3],
        [4, 4, 3, 4, 3, None, 4, 3, 3],
    ]
    hasil = nrr_per_unsur(responden)
    assert len(hasil) == 9
    assert hasil[0] == D(4)
    assert hasil[5] == D(3)  # the second respondent skipped U6
    assert hasil[7] == D("2.5")


def test_nrr_per_unsur_rejects_rows_of_the_wrong_length():
    with pytest.raises(ValueError, match="responden ke-2 punya 8 jawaban, seharusnya 9"):
        nrr_per_unsur([[4] * 9, [4] * 8])


def test_nrr_per_unsur_with_the_old_fourteen_unsur():
    """KEP/25/M.PAN/2/2004 had 14 unsur."""
    assert nrr_per_unsur([[3] * 14], jumlah_unsur=14) == (D(3),) * 14


# -- IKM -------------------------------------------------------------------------------------------------


def test_ikm_with_exact_one_ninth_weights():
    """REGULASI.md §1.6: with exactly 1/9, IKM = 3,2667 and konversi = 81,67 -> B (Baik)."""
    hasil = ikm(CONTOH_NRR)
    assert hasil.nilai_bulat == D("3.2667")
    assert hasil.konversi_bulat == D("81.67")
    assert hasil.mutu == MutuIKM(3, "B", "Baik")


def test_ikm_in_worksheet_mode_reproduces_the_printed_0_111():
    """REGULASI.md §1.6: with 0,111, IKM = 3,2634 and konversi = 81,59 -> B."""
    hasil = ikm(CONTOH_NRR, lembar_kerja=True)
    assert hasil.nilai == D("3.2634")
    assert hasil.konversi_bulat == D("81.59")
    assert hasil.mutu.mutu == "B"


def test_perfect_survey_is_exactly_100_with_exact_weights():
    """REGULASI.md §1.3: the Tubaba worksheet shows 100 for an all-4 survey."""
    assert ikm([4] * 9).konversi == D(100)


def test_perfect_survey_is_99_9_in_worksheet_mode():
    """REGULASI.md §1.3: 0,111 x 9 = 0,999, so an all-4 worksheet prints 99,9."""
    assert ikm([4] * 9, lembar_kerja=True).konversi == D("99.900")


def test_worst_survey_in_worksheet_mode_is_d_not_an_error():
    hasil = ikm([1] * 9, lembar_kerja=True)
    assert hasil.konversi == D("24.975")
    assert hasil.mutu.mutu == "D"


def test_unanswered_unsur_are_left_out_and_listed():
    """Lampiran: "total nilai persepsi per unsur / total unsur yang terisi"."""
    hasil = ikm([D(4), None, D(2), None])
    assert hasil.nilai == D(3)
    assert hasil.unsur_kosong == (2, 4)


def test_worksheet_weight_follows_the_number_of_answered_unsur():
    hasil = ikm([D(4)] * 8 + [None], lembar_kerja=True)
    assert hasil.nilai == D("4.000")  # 8 x 4 x 0,125


@pytest.mark.parametrize(("jumlah", "bobot"), [(9, "0.111"), (14, "0.071"), (8, "0.125")])
def test_bobot_lembar_kerja(jumlah, bobot):
    """Lampiran: bobot = jumlah bobot / jumlah unsur = 1/9 = 0,111 (1/14 = 0,071 under KEP/25/2004)."""
    assert bobot_lembar_kerja(jumlah) == D(bobot)


def test_custom_weights_that_sum_to_one():
    """REGULASI.md §1.1: units may weight unsur differently if the weights sum to 1."""
    hasil = ikm([D(4), D(2)], bobot=[D("0.75"), D("0.25")])
    assert hasil.nilai == D("3.5")


def test_custom_weights_are_rescaled_over_answered_unsur():
    hasil = ikm([D(4), None, D(2)], bobot=[D("0.5"), D("0.25"), D("0.25")])
    assert bulatkan(hasil.nilai, 6) == D("3.333333")  # (0,5 x 4 + 0,25 x 2) / 0,75
    assert hasil.unsur_kosong == (2,)


@pytest.mark.parametrize(
    ("bobot", "pesan"),
    [
        ([D("0.5"), D("0.4")], "tepat 1"),
        ([D(1)], "jumlah bobot \\(1\\) harus sama dengan jumlah unsur \\(2\\)"),
        ([D("1.5"), D("-0.5")], "tidak boleh negatif"),
    ],
)
def test_invalid_custom_weights_are_rejected(bobot, pesan):
    with pytest.raises(ValueError, match=pesan):
        ikm([D(3), D(3)], bobot=bobot)


def test_answered_unsur_with_zero_weight_only_is_rejected():
    with pytest.raises(ValueError, match="berbobot nol"):
        ikm([None, D(3)], bobot=[D(1), D(0)])


def test_custom_weights_and_worksheet_mode_exclude_each_other():
    with pytest.raises(ValueError, match="tidak keduanya"):
        ikm([D(3)], bobot=[D(1)], lembar_kerja=True)


def test_survey_with_no_answered_unsur_is_rejected():
    with pytest.raises(ValueError, match="tidak ada unsur yang terisi"):
        ikm([None, None])


@pytest.mark.parametrize("nilai", [D("0.99"), D("4.01")])
def test_nrr_outside_1_to_4_is_rejected(nilai):
    with pytest.raises(ValueError, match="di luar rentang"):
        ikm([nilai])


# -- konversi and mutu ----------------------------------------------------------------------------------


def test_seed_ikm_92_06_is_a_sangat_baik():
    """Seed Tabel 2.2 (line 316) and Tabel 3.3 (lines 462-466): 92,06 -> A, Sangat Baik.  The text on
    line 328 calls it "Baik"; line 454 says "Sangat Baik", which the table confirms."""
    assert mutu_ikm(D("92.06")) == MutuIKM(4, "A", "Sangat Baik")


@pytest.mark.parametrize(
    ("konversi", "mutu"),
    [
        ("100", "A"),
        ("88.31", "A"),
        ("88.305", "A"),  # rounds to 88,31
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25", "D"),
    ],
)
def test_mutu_interval_boundaries(konversi, mutu):
    """Lampiran PermenPANRB 14/2017 interval table; classify on the value rounded to 2 places."""
    assert mutu_ikm(D(konversi)).mutu == mutu


@pytest.mark.parametrize("konversi", [D("24.99"), D("100.01")])
def test_mutu_outside_25_to_100_is_rejected(konversi):
    with pytest.raises(ValueError, match="di luar rentang"):
        mutu_ikm(konversi)


def test_konversi_is_ikm_times_25():
    """Lampiran: IKM unit x 25. 3,6824 x 25 = 92,06 (seed Tabel 2.2)."""
    assert konversi_ikm(D("3.6824")) == D("92.0600")


@pytest.mark.parametrize("nilai", [D("0.5"), D("4.5")])
def test_konversi_outside_1_to_4_is_rejected(nilai):
    with pytest.raises(ValueError, match="di luar rentang"):
        konversi_ikm(nilai)


def test_hasil_ikm_rounded_views():
    hasil = HasilIKM(D("3.26666"), D("81.6665"), MutuIKM(3, "B", "Baik"))
    assert hasil.nilai_bulat == D("3.2667")
    assert hasil.konversi_bulat == D("81.67")


# -- properties -------------------------------------------------------------------------------------------


@given(st.integers(min_value=1, max_value=4), st.integers(min_value=1, max_value=9))
def test_property_uniform_answers_give_exactly_that_value(v, jumlah_unsur):
    hasil = ikm([nrr([v, v, v])] * jumlah_unsur)
    assert hasil.nilai == v
    assert hasil.konversi == 25 * v


@given(st.lists(st.lists(st.integers(min_value=1, max_value=4), min_size=9, max_size=9), min_size=1, max_size=30))
def test_property_ikm_lies_between_1_and_4(responden):
    per_unsur = nrr_per_unsur(responden)
    hasil = ikm(per_unsur)
    assert 1 <= hasil.nilai <= 4
    assert 25 <= hasil.konversi <= 100
    # with the default weights of exactly 1/9 the IKM is the plain mean of the nine NRR, never the 0,111 sum
    # (PermenPANRB 14/2017 Lampiran; REGULASI.md §1.3 note), and konversi is IKM x 25
    assert bulatkan(hasil.nilai, 10) == bulatkan(sum(per_unsur) / Decimal(9), 10)
    assert bulatkan(hasil.konversi, 8) == bulatkan(hasil.nilai * 25, 8)
