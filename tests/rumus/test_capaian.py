"""renja.rumus.capaian: capaian, quarters, Renstra kumulatif, predikat, serapan and efisiensi.

Sources: Permendagri 86/2017 (T-C.29, evaluation form, rating scale; REGULASI.md §3.3-3.4) and
LKjIP practice (REGULASI.md §7).  Seed figures cite lines of /work/shared/seed/000_398de3946be2833b.txt.
"""

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from renja.rumus import parameter
from renja.rumus.capaian import (
    CaraGabung,
    Flag,
    HasilCapaian,
    HasilEfisiensi,
    HasilEfisiensiPmk,
    Polaritas,
    PredikatCapaian,
    RumusNegatif,
    capaian,
    capaian_kumulatif_renstra,
    capaian_peringkat,
    efisiensi_indeks,
    efisiensi_pmk,
    efisiensi_pmk_rata_rata,
    efisiensi_selisih,
    gabung_periode,
    persentase,
    predikat_capaian,
    rata_rata_capaian,
    serapan_anggaran,
)
from renja.rumus.uang import bulatkan

D = Decimal
positif = st.decimals(min_value=D("0.01"), max_value=D(10**12), places=2)
realisasi_st = st.decimals(min_value=D(0), max_value=D(10**12), places=2)


# -- capaian, higher is better ----------------------------------------------------------------------


def test_capaian_ppks_binaan_mandiri_from_counts():
    """Seed lines 343 and 488-496: 15.216 / 6.266 x 100 = 242,83% (the seed rounds it to 240%)."""
    hasil = capaian(target=6266, realisasi=15216)
    assert hasil.persen_bulat == D("242.83")
    assert hasil.flag is None


def test_capaian_ppks_binaan_mandiri_from_percentages():
    """Seed Tabel 3.4, line 484: target 5%, realisasi 12%, capaian 240."""
    assert capaian(target=5, realisasi=12).persen == D(240)


def test_capaian_ikm_against_its_target():
    """Seed Tabel 2.2, line 316: target 80,50, realisasi 92,06 -> 114,36% (printed 114%; the text
    on line 328 says 116% and line 454 says 106%: both contradict the table)."""
    assert capaian(target=D("80.50"), realisasi=D("92.06")).persen_bulat == D("114.36")


def test_capaian_blt_rounds_half_up_not_down():
    """Seed line 652: 9.896 / 10.368 = 95,4475...% is 95,45 half-up (the seed prints 95,44)."""
    assert capaian(target=10368, realisasi=9896).persen_bulat == D("95.45")


def test_capaian_keeps_the_unrounded_value():
    assert capaian(target=3, realisasi=1).persen == D("33.33333333333333333333333333333333")


def test_capaian_accepts_machine_strings():
    assert capaian(target="250", realisasi="250").persen == D(100)


def test_capaian_rejects_float():
    with pytest.raises(TypeError):
        capaian(target=5.0, realisasi=12)


# -- capaian, missing and degenerate inputs --------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "realisasi", "flag"),
    [
        (None, 5, Flag.TARGET_KOSONG),
        (0, 5, Flag.TARGET_NOL),
        (0, 0, Flag.TARGET_NOL),
        (0, None, Flag.TARGET_NOL),  # the target problem is reported first
        (-10, 10, Flag.TARGET_NEGATIF),  # seed line 1442: target "-10"
        (10, None, Flag.REALISASI_KOSONG),
    ],
)
def test_capaian_without_a_usable_target_or_realisasi_is_flagged_not_raised(target, realisasi, flag):
    assert capaian(target=target, realisasi=realisasi) == HasilCapaian(None, flag)


def test_persen_bulat_is_none_when_persen_is_none():
    assert HasilCapaian(None, Flag.TARGET_NOL).persen_bulat is None


def test_every_flag_has_a_message():
    for flag in Flag:
        assert flag.pesan


# -- capaian, lower is better (REGULASI.md §3.4) ------------------------------------------------------------


def test_negative_polarity_selisih():
    """(2 x target - realisasi) / target x 100: target 10, realisasi 8 -> 120%."""
    assert capaian(target=10, realisasi=8, polaritas=Polaritas.NEGATIF).persen == D(120)


def test_negative_polarity_selisih_is_floored_at_zero():
    assert capaian(target=10, realisasi=25, polaritas=Polaritas.NEGATIF) == HasilCapaian(D(0), Flag.DIBATASI_NOL)


def test_negative_polarity_selisih_exactly_zero_is_not_flagged():
    assert capaian(target=10, realisasi=20, polaritas=Polaritas.NEGATIF) == HasilCapaian(D(0))


def test_negative_polarity_kebalikan():
    """target / realisasi x 100: target 10, realisasi 8 -> 125%."""
    hasil = capaian(target=10, realisasi=8, polaritas=Polaritas.NEGATIF, rumus_negatif=RumusNegatif.KEBALIKAN)
    assert hasil.persen == D(125)


@pytest.mark.parametrize(("realisasi", "flag"), [(0, Flag.REALISASI_NOL), (-2, Flag.REALISASI_NEGATIF)])
def test_negative_polarity_kebalikan_undefined_realisasi_is_flagged(realisasi, flag):
    hasil = capaian(target=10, realisasi=realisasi, polaritas=Polaritas.NEGATIF, rumus_negatif=RumusNegatif.KEBALIKAN)
    assert hasil == HasilCapaian(None, flag)


def test_options_accept_their_string_values():
    """Stored settings come back as strings ("negatif", "kebalikan", "jumlah")."""
    assert capaian(target=10, realisasi=8, polaritas="negatif", rumus_negatif="kebalikan").persen == D(125)
    assert gabung_periode([1, 2], cara="jumlah") == D(3)


@pytest.mark.parametrize(
    "opsi",
    [{"polaritas": "turun"}, {"rumus_negatif": "rasio"}],
)
def test_unknown_option_values_are_rejected(opsi):
    with pytest.raises(ValueError):
        capaian(target=10, realisasi=8, **opsi)


def test_unknown_combining_rule_is_rejected():
    with pytest.raises(ValueError):
        gabung_periode([1, 2], cara="median")


# -- grade targets ---------------------------------------------------------------------------------------


def test_grade_target_met_exactly_is_100_percent():
    """Seed Tabel 2.2, line 315: AKIP target BB, realisasi BB, capaian 100%."""
    assert capaian_peringkat(target="BB", realisasi="BB").persen == D(100)


@pytest.mark.parametrize(("realisasi", "persen"), [("A", "120"), ("AA", "140"), ("B", "80"), ("D", "20")])
def test_grade_capaian_is_the_ratio_of_ordinal_positions(realisasi, persen):
    """Design choice (no regulation): D=1 < C=2 < CC=3 < B=4 < BB=5 < A=6 < AA=7."""
    assert capaian_peringkat(target="BB", realisasi=realisasi).persen == D(persen)


def test_grade_capaian_on_the_ikm_mutu_scale():
    hasil = capaian_peringkat(target="B", realisasi="A", skala=parameter.SKALA_MUTU_IKM.nilai)
    assert hasil.persen_bulat == D("133.33")


def test_grade_codes_are_case_and_space_insensitive():
    assert capaian_peringkat(target=" bb ", realisasi="Bb").persen == D(100)


def test_unknown_grade_raises():
    with pytest.raises(ValueError, match="BBB"):
        capaian_peringkat(target="BB", realisasi="BBB")


@pytest.mark.parametrize(
    ("target", "realisasi", "flag"),
    [(None, "BB", Flag.TARGET_KOSONG), ("", "BB", Flag.TARGET_KOSONG), ("BB", None, Flag.REALISASI_KOSONG)],
)
def test_missing_grade_is_flagged(target, realisasi, flag):
    assert capaian_peringkat(target=target, realisasi=realisasi) == HasilCapaian(None, flag)


# -- quarters and years ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cara", "hasil"),
    [
        (CaraGabung.JUMLAH, D(45)),  # flow: sum
        (CaraGabung.TERAKHIR, D(5)),  # stock/percentage/index: last reported value
        (CaraGabung.RATA_RATA, D(15)),
        (CaraGabung.MAKSIMUM, D(30)),
    ],
)
def test_quarters_combine_per_indicator(cara, hasil):
    """REGULASI.md §3.3: realisasi per triwulan; e = combination of TW I-IV."""
    assert gabung_periode([10, 30, None, 5], cara=cara) == hasil


@pytest.mark.parametrize("cara", list(CaraGabung))
def test_nothing_reported_combines_to_none(cara):
    assert gabung_periode([None, None], cara=cara) is None
    assert gabung_periode([], cara=cara) is None


def test_renstra_kumulatif_flow_sums_the_years():
    """REGULASI.md §7 / T-C.29 col. 10-11: (30 + 40) / 100 = 70%."""
    hasil = capaian_kumulatif_renstra(target_akhir=100, realisasi_tahunan=[30, 40], cara=CaraGabung.JUMLAH)
    assert hasil.persen == D(70)


def test_renstra_kumulatif_stock_takes_the_latest_year():
    """REGULASI.md §7: percentages are not summed. Seed Tabel 3.1: % PPKS terlayani ends at 10% in
    2029; realisasi 6% then 7% -> 7 / 10 = 70%."""
    hasil = capaian_kumulatif_renstra(target_akhir=10, realisasi_tahunan=[6, 7, None], cara=CaraGabung.TERAKHIR)
    assert hasil.persen == D(70)


def test_renstra_kumulatif_without_realisasi_is_flagged():
    hasil = capaian_kumulatif_renstra(target_akhir=10, realisasi_tahunan=[], cara=CaraGabung.JUMLAH)
    assert hasil.flag is Flag.REALISASI_KOSONG


def test_rata_rata_capaian_skips_undefined_results():
    hasil = [HasilCapaian(D(100)), HasilCapaian(None, Flag.TARGET_NOL), HasilCapaian(D(80))]
    assert rata_rata_capaian(hasil) == D(90)


def test_rata_rata_capaian_of_nothing_is_none():
    assert rata_rata_capaian([HasilCapaian(None, Flag.TARGET_NOL)]) is None


# -- predikat (Permendagri 86/2017) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persen", "kode"),
    [
        ("242.83", "ST"),
        ("91", "ST"),
        ("90.995", "ST"),  # shown as 91,00% -> rated on what is shown
        ("90.99", "T"),  # in the regulation's gap 90-91
        ("76", "T"),
        ("75.99", "S"),
        ("66", "S"),
        ("65.99", "R"),
        ("51", "R"),
        ("50.99", "SR"),
        ("0", "SR"),
    ],
)
def test_predikat_capaian_thresholds(persen, kode):
    assert predikat_capaian(D(persen)).kode == kode


def test_predikat_capaian_names_and_lkjip_labels():
    assert predikat_capaian(D("89.73")) == PredikatCapaian("T", "Tinggi", "Baik")
    assert predikat_capaian(D(10)) == PredikatCapaian("SR", "Sangat Rendah", "Sangat Kurang")


def test_predikat_of_nothing_is_none():
    assert predikat_capaian(None) is None


# -- serapan anggaran ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pagu", "realisasi", "persen"),
    [
        (31132479236, 27935447177, "89.73"),  # seed line 606: APBD Dinsos 2024
        (4653328000, 4259258784, "91.53"),  # seed Tabel 3.9, line 578
        (9604306296, 8915908979, "92.83"),  # seed Tabel 3.9 TOTAL, line 605
        (807500000, 738208000, "91.42"),  # seed Tabel 3.16, line 787
        (4495500000, 4103700625, "91.28"),  # seed Tabel 3.16, line 785
    ],
)
def test_serapan_anggaran_seed_figures(pagu, realisasi, persen):
    hasil = serapan_anggaran(pagu=pagu, realisasi=realisasi)
    assert hasil.persen_bulat == D(persen)
    assert hasil.flag is None


def test_serapan_above_pagu_is_computed_and_flagged():
    """Seed Tabel 3.16, line 789: realisasi 129.355.000 on pagu 100.000.000 (printed 96,79%)."""
    hasil = serapan_anggaran(pagu=100000000, realisasi=129355000)
    assert hasil.persen_bulat == D("129.36")
    assert hasil.flag is Flag.MELEBIHI_PAGU


@pytest.mark.parametrize(
    ("pagu", "realisasi", "flag"),
    [
        (None, 5, Flag.PAGU_KOSONG),
        (0, 5, Flag.PAGU_NOL),
        (-5, 5, Flag.PAGU_NEGATIF),
        (100, None, Flag.REALISASI_KOSONG),
    ],
)
def test_serapan_without_usable_pagu_or_realisasi_is_flagged(pagu, realisasi, flag):
    assert serapan_anggaran(pagu=pagu, realisasi=realisasi) == HasilCapaian(None, flag)


# -- efisiensi -----------------------------------------------------------------------------------------------


def test_efisiensi_indeks_bpom_example():
    """REGULASI.md §7 method A (LKj BPOM 2021): 99,92 / 94,00 = 1,063, efisien."""
    hasil = efisiensi_indeks(capaian=D("99.92"), serapan=D("94.00"))
    assert bulatkan(hasil.indeks, 3) == D("1.063")
    assert hasil.efisien is True
    assert hasil.flag is None


def test_efisiensi_indeks_not_efficient_below_one():
    assert efisiensi_indeks(capaian=90, serapan=95).efisien is False


def test_efisiensi_indeks_exactly_one_is_efficient():
    assert efisiensi_indeks(capaian=D("91.42"), serapan=D("91.42")).efisien is True


def test_tingkat_efisiensi_is_index_minus_one():
    assert efisiensi_indeks(capaian=100, serapan=80).tingkat_efisiensi == D("0.25")
    assert HasilEfisiensi(None, None, Flag.SERAPAN_NOL).tingkat_efisiensi is None


def test_efisiensi_indeks_optional_cap_on_capaian():
    """Design choice (REGULASI.md §7): cap an overshooting capaian, e.g. 242,83% at 120%."""
    hasil = efisiensi_indeks(capaian=D("242.83"), serapan=D(80), batas_capaian=120)
    assert hasil.indeks == D("1.5")


@pytest.mark.parametrize(
    ("capaian_", "serapan", "flag"),
    [(None, 90, Flag.CAPAIAN_KOSONG), (100, None, Flag.SERAPAN_KOSONG), (100, 0, Flag.SERAPAN_NOL)],
)
def test_efisiensi_indeks_undefined_is_flagged(capaian_, serapan, flag):
    assert efisiensi_indeks(capaian=capaian_, serapan=serapan) == HasilEfisiensi(None, None, flag)


def test_efisiensi_indeks_rejects_negative_serapan():
    with pytest.raises(ValueError, match="negatif"):
        efisiensi_indeks(capaian=100, serapan=-1)


@pytest.mark.parametrize(
    ("serapan", "selisih"),
    [
        ("91.42", "8.58"),  # seed Tabel 3.16 line 787: 100 - 91,42 = 8,58 (issue 3)
        ("96.83", "3.17"),  # line 788
        ("91.28", "8.72"),  # line 786 (line 785 prints 13,80 for the same figures: a seed error)
        ("84.75", "15.25"),  # line 790
    ],
)
def test_efisiensi_selisih_seed_tabel_3_16(serapan, selisih):
    assert efisiensi_selisih(capaian=100, serapan=D(serapan)) == D(selisih)


def test_efisiensi_selisih_missing_input_is_none():
    assert efisiensi_selisih(capaian=None, serapan=90) is None
    assert efisiensi_selisih(capaian=100, serapan=None) is None


def test_persentase():
    assert persentase(1, 8) == D("12.5")


# -- properties ------------------------------------------------------------------------------------------


@given(positif, realisasi_st, realisasi_st)
def test_property_capaian_is_monotone_in_realisasi_for_higher_is_better(target, r1, r2):
    kecil, besar = sorted((r1, r2))
    assert capaian(target=target, realisasi=kecil).persen <= capaian(target=target, realisasi=besar).persen


@given(positif, realisasi_st, realisasi_st)
def test_property_capaian_is_antitone_in_realisasi_for_lower_is_better_selisih(target, r1, r2):
    kecil, besar = sorted((r1, r2))
    a = capaian(target=target, realisasi=kecil, polaritas=Polaritas.NEGATIF).persen
    b = capaian(target=target, realisasi=besar, polaritas=Polaritas.NEGATIF).persen
    assert a >= b >= 0


@given(positif, positif, positif)
def test_property_capaian_is_antitone_in_realisasi_for_lower_is_better_kebalikan(target, r1, r2):
    kecil, besar = sorted((r1, r2))
    opsi = {"polaritas": Polaritas.NEGATIF, "rumus_negatif": RumusNegatif.KEBALIKAN}
    assert (
        capaian(target=target, realisasi=kecil, **opsi).persen >= capaian(target=target, realisasi=besar, **opsi).persen
    )


@given(positif)
def test_property_realisasi_equal_to_target_is_100_percent(target):
    for polaritas in Polaritas:
        for rumus in RumusNegatif:
            assert capaian(target=target, realisasi=target, polaritas=polaritas, rumus_negatif=rumus).persen == 100


@given(st.decimals(min_value=0, max_value=1000, places=3), st.decimals(min_value=0, max_value=1000, places=3))
def test_property_predikat_is_monotone(a, b):
    assume(a != b)
    urutan = ["SR", "R", "S", "T", "ST"]
    kecil, besar = sorted((a, b))
    assert urutan.index(predikat_capaian(kecil).kode) <= urutan.index(predikat_capaian(besar).kode)


# -- efisiensi, method B (PMK form; REGULASI.md §7) ----------------------------------------------------------


def test_efisiensi_pmk_hand_computed():
    """capaian 100 %, serapan 90 %: E = (1 - 90/100) x 100 = 10; nilai = 50 + 10/20 x 50 = 75, efisien."""
    hasil = efisiensi_pmk(capaian=100, serapan=90)
    assert (hasil.efisiensi, hasil.nilai, hasil.efisien, hasil.flag) == (D(10), D(75), True, None)


def test_efisiensi_pmk_spending_above_output_is_not_efficient():
    """capaian 80 %, serapan 88 %: E = (1 - 88/80) x 100 = -10; nilai = 50 - 10/20 x 50 = 25."""
    hasil = efisiensi_pmk(capaian=80, serapan=88)
    assert (hasil.efisiensi, hasil.nilai, hasil.efisien) == (D(-10), D(25), False)


def test_efisiensi_pmk_is_bounded_to_plus_minus_20():
    """capaian 100 %, serapan 50 %: E = 50 -> bounded to 20, nilai 100; serapan 200 %: E = -100 -> -20, nilai 0."""
    assert efisiensi_pmk(capaian=100, serapan=50).nilai == D(100)
    assert efisiensi_pmk(capaian=100, serapan=200) == HasilEfisiensiPmk(D(-20), D(0))


@pytest.mark.parametrize(
    ("capaian_", "serapan", "flag"),
    [(None, 90, Flag.CAPAIAN_KOSONG), (100, None, Flag.SERAPAN_KOSONG), (0, 50, Flag.CAPAIAN_NOL)],
)
def test_efisiensi_pmk_undefined_is_flagged(capaian_, serapan, flag):
    hasil = efisiensi_pmk(capaian=capaian_, serapan=serapan)
    assert hasil == HasilEfisiensiPmk(None, None, flag) and hasil.efisien is None
    assert flag.pesan


def test_efisiensi_pmk_rejects_negative_serapan():
    with pytest.raises(ValueError, match="negatif"):
        efisiensi_pmk(capaian=100, serapan=-1)


def test_efisiensi_pmk_mean_over_outputs():
    """E 10 and -10 and one output without data: mean E = 0 -> nilai 50; no output with E: no result."""
    hasil = efisiensi_pmk_rata_rata(
        [
            efisiensi_pmk(capaian=100, serapan=90),
            efisiensi_pmk(capaian=80, serapan=88),
            efisiensi_pmk(capaian=None, serapan=1),
        ]
    )
    assert (hasil.efisiensi, hasil.nilai) == (D(0), D(50))
    assert efisiensi_pmk_rata_rata([]).nilai is None
