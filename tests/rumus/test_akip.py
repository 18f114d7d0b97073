"""renja.rumus.akip: Evaluasi AKIP per PermenPANRB 88/2021 (REGULASI.md §2).

Seed figures: Tabel 3.2 "Hasil penilaian evaluasi AKIP", lines 435-445 of the seed document.
"""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renja.rumus import parameter
from renja.rumus.akip import (
    HasilAKIP,
    Komponen,
    PredikatAKIP,
    SubKomponen,
    bobot_komponen,
    bobot_subkomponen,
    nilai_akip,
    nilai_akip_dari_jawaban,
    nilai_subkomponen,
    predikat_akip,
)

D = Decimal
K, S = Komponen, SubKomponen

SEED_2024 = {
    K.PERENCANAAN: D("22.94"),
    K.PENGUKURAN: D("23.11"),
    K.PELAPORAN: D("11.23"),
    K.EVALUASI_INTERNAL: D("20.01"),
}
SEED_2023 = {
    K.PERENCANAAN: D("22.25"),
    K.PENGUKURAN: D("22.12"),
    K.PELAPORAN: D("12.42"),
    K.EVALUASI_INTERNAL: D("20.47"),
}


# -- weights ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("komponen", "bobot"),
    [(K.PERENCANAAN, 30), (K.PENGUKURAN, 30), (K.PELAPORAN, 15), (K.EVALUASI_INTERNAL, 25)],
)
def test_component_weights(komponen, bobot):
    """Lampiran PermenPANRB 88/2021: 30 / 30 / 15 / 25 (seed Tabel 3.2 column BOBOT)."""
    assert bobot_komponen(komponen) == bobot


@pytest.mark.parametrize(
    ("komponen", "bobot"),
    [
        (K.PERENCANAAN, ("6.0", "9.0", "15.0")),
        (K.PENGUKURAN, ("6.0", "9.0", "15.0")),
        (K.PELAPORAN, ("3.0", "4.5", "7.5")),
        (K.EVALUASI_INTERNAL, ("5.0", "7.5", "12.5")),
    ],
)
def test_sub_component_weights_split_20_30_50(komponen, bobot):
    """REGULASI.md §2.1 table: keberadaan 20%, kualitas 30%, pemanfaatan 50% of each component."""
    assert tuple(bobot_subkomponen(komponen, s) for s in SubKomponen) == tuple(D(b) for b in bobot)


# -- total and predikat from component scores -------------------------------------------------------------


def test_seed_2024_total_is_77_29_bb():
    """Seed Tabel 3.2, 2024: 22,94 + 23,11 + 11,23 + 20,01 = 77,29 -> BB (issue 3)."""
    hasil = nilai_akip(SEED_2024)
    assert hasil.total == D("77.29")
    assert hasil.predikat.kode == "BB"
    assert hasil.predikat.sebutan == "Sangat Baik"


def test_seed_2023_total_is_77_26_bb():
    """Seed Tabel 3.2, 2023: 22,25 + 22,12 + 12,42 + 20,47 = 77,26 -> BB."""
    hasil = nilai_akip(SEED_2023)
    assert hasil.total_bulat == D("77.26")
    assert hasil.predikat.kode == "BB"


def test_component_scores_may_be_keyed_by_their_string_value():
    assert nilai_akip({k.value: v for k, v in SEED_2024.items()}).total == D("77.29")


def test_result_is_read_only():
    hasil = nilai_akip(SEED_2024)
    with pytest.raises(TypeError):
        hasil.nilai_komponen[K.PERENCANAAN] = D(0)


def test_missing_component_is_rejected():
    skor = dict(SEED_2024)
    del skor[K.PELAPORAN]
    with pytest.raises(ValueError, match="pelaporan_kinerja tidak ada"):
        nilai_akip(skor)


@pytest.mark.parametrize("nilai", [D("30.01"), D("-0.01")])
def test_component_score_outside_0_to_its_weight_is_rejected(nilai):
    with pytest.raises(ValueError, match="di luar rentang 0-30"):
        nilai_akip({**SEED_2024, K.PERENCANAAN: nilai})


def test_unknown_component_is_rejected():
    """PermenPANRB 12/2015's fifth component "Capaian Kinerja" no longer exists."""
    with pytest.raises(ValueError, match="capaian_kinerja"):
        nilai_akip({**SEED_2024, "capaian_kinerja": D(10)})


@pytest.mark.parametrize(
    ("nilai", "kode"),
    [
        ("100", "AA"),
        ("90.01", "AA"),
        ("90", "A"),  # exactly 90 is A, not AA
        ("89.999", "A"),  # rounds to 90,00
        ("90.005", "AA"),  # rounds to 90,01
        ("80.01", "A"),
        ("80", "BB"),
        ("77.29", "BB"),
        ("70", "B"),
        ("60.01", "B"),
        ("60", "CC"),
        ("50", "C"),
        ("30.01", "C"),
        ("30", "D"),
        ("0", "D"),
    ],
)
def test_predikat_bands(nilai, kode):
    """Lampiran PermenPANRB 88/2021: > 90 AA, > 80 A, > 70 BB, > 60 B, > 50 CC, > 30 C, else D."""
    assert predikat_akip(D(nilai)).kode == kode


def test_predikat_carries_name_and_interpretation():
    predikat = predikat_akip(D(10))
    assert predikat == PredikatAKIP("D", "Sangat Kurang", parameter.PREDIKAT_AKIP_TERENDAH.nilai[2])
    for batas, *_ in parameter.PREDIKAT_AKIP.nilai:
        assert predikat_akip(batas + 1).interpretasi


@pytest.mark.parametrize("nilai", [D("100.01"), D("-0.01")])
def test_predikat_outside_0_to_100_is_rejected(nilai):
    with pytest.raises(ValueError, match="di luar rentang"):
        predikat_akip(nilai)


# -- scoring from criterion answers ----------------------------------------------------------------------


def test_sub_component_score_is_weight_times_mean_answer():
    """t-SEMAR scoring (REGULASI.md §2.1): 3 of 4 "Y" on Perencanaan/keberadaan (6) -> 4,5."""
    hasil = nilai_subkomponen(
        komponen=K.PERENCANAAN,
        subkomponen=S.KEBERADAAN,
        jawaban=["Y", "y", "T", " Y "],
        skala=parameter.SKALA_JAWABAN_LKE_YT.nilai,
    )
    assert hasil == D("4.5")


def test_sub_component_answers_may_be_fractions():
    hasil = nilai_subkomponen(komponen=K.PELAPORAN, subkomponen=S.PEMANFAATAN, jawaban=[D("0.66"), 1, 0])
    assert hasil == D("4.15")  # 7,5 x 1,66 / 3


def test_answer_codes_need_a_scale():
    with pytest.raises(ValueError, match="memerlukan skala"):
        nilai_subkomponen(komponen=K.PELAPORAN, subkomponen=S.KUALITAS, jawaban=["A"])


def test_unknown_answer_code_is_rejected():
    with pytest.raises(ValueError, match="'X' tidak ada dalam skala"):
        nilai_subkomponen(
            komponen=K.PELAPORAN,
            subkomponen=S.KUALITAS,
            jawaban=["X"],
            skala=parameter.SKALA_JAWABAN_LKE_ABCD.nilai,
        )


@pytest.mark.parametrize("jawaban", [D("1.01"), D("-0.1")])
def test_fraction_answers_must_lie_in_0_to_1(jawaban):
    with pytest.raises(ValueError, match="pecahan 0-1"):
        nilai_subkomponen(komponen=K.PELAPORAN, subkomponen=S.KUALITAS, jawaban=[jawaban])


def test_sub_component_without_answers_is_rejected():
    with pytest.raises(ValueError, match="tidak punya jawaban"):
        nilai_subkomponen(komponen=K.PELAPORAN, subkomponen=S.KUALITAS, jawaban=[])


def _semua(kode: str) -> dict:
    return {k: {s: [kode, kode] for s in SubKomponen} for k in Komponen}


def test_all_criteria_fully_met_scores_100_aa():
    hasil = nilai_akip_dari_jawaban(_semua("AA"), skala=parameter.SKALA_JAWABAN_LKE_AA_E.nilai)
    assert hasil.total == 100
    assert hasil.predikat.kode == "AA"


def test_all_criteria_at_bb_score_80_bb():
    """With the (L-confidence) LKE values, answering BB everywhere scores 80 -> BB (not > 80)."""
    hasil = nilai_akip_dari_jawaban(_semua("BB"), skala=parameter.SKALA_JAWABAN_LKE_AA_E.nilai)
    assert hasil.total == 80
    assert hasil.predikat.kode == "BB"


def test_no_criterion_met_scores_0_d():
    hasil = nilai_akip_dari_jawaban(_semua("T"), skala=parameter.SKALA_JAWABAN_LKE_YT.nilai)
    assert hasil == HasilAKIP(hasil.nilai_komponen, D(0), predikat_akip(0))
    assert hasil.predikat.kode == "D"


def test_answers_missing_a_sub_component_are_rejected():
    jawaban = _semua("Y")
    del jawaban[K.PENGUKURAN][S.KUALITAS]
    with pytest.raises(ValueError, match="kualitas pada pengukuran_kinerja tidak ada"):
        nilai_akip_dari_jawaban(jawaban, skala=parameter.SKALA_JAWABAN_LKE_YT.nilai)


# -- properties -------------------------------------------------------------------------------------------


@given(st.decimals(min_value=0, max_value=100, places=2), st.decimals(min_value=0, max_value=100, places=2))
def test_property_predikat_is_monotone(a, b):
    urutan = parameter.SKALA_PREDIKAT_AKIP.nilai
    kecil, besar = sorted((a, b))
    assert urutan.index(predikat_akip(kecil).kode) <= urutan.index(predikat_akip(besar).kode)


@given(st.lists(st.decimals(min_value=0, max_value=1, places=2), min_size=1, max_size=10))
def test_property_sub_component_score_stays_within_its_weight(jawaban):
    skor = nilai_subkomponen(komponen=K.PERENCANAAN, subkomponen=S.PEMANFAATAN, jawaban=jawaban)
    assert 0 <= skor <= 15
