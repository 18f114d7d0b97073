"""renja.rumus.parameter: every regulation-fixed value lives here with its source.

STYLE.md, OpenFisca row: each parameter a regulation fixes lives in one place with its source and date.
"""

from decimal import Decimal

import pytest

from renja.rumus import parameter
from renja.rumus.parameter import KEYAKINAN, SEMUA, Parameter, Sumber


def test_registry_holds_every_parameter_of_the_module():
    didefinisikan = {n for n, v in vars(parameter).items() if isinstance(v, Parameter)}
    assert set(SEMUA) == didefinisikan
    assert len(SEMUA) >= 20


@pytest.mark.parametrize("nama", sorted(SEMUA))
def test_every_parameter_names_regulation_part_date_and_confidence(nama):
    sumber = SEMUA[nama].sumber
    assert sumber.peraturan.strip()
    assert sumber.bagian.strip()
    assert sumber.tanggal.strip()
    assert sumber.keyakinan in KEYAKINAN


def test_unknown_confidence_is_rejected():
    with pytest.raises(ValueError, match="keyakinan"):
        Sumber("X", "Pasal 1", "2020", "sangat yakin")


def test_parameters_cannot_be_changed():
    with pytest.raises(AttributeError):
        parameter.FAKTOR_KONVERSI_IKM.nilai = Decimal(20)
    with pytest.raises(TypeError):
        parameter.BOBOT_KOMPONEN_AKIP.nilai["pelaporan_kinerja"] = Decimal(20)


def test_akip_component_weights_sum_to_100():
    """PermenPANRB 88/2021: 30 + 30 + 15 + 25 = 100."""
    assert sum(parameter.BOBOT_KOMPONEN_AKIP.nilai.values()) == parameter.NILAI_AKIP_MAKSIMUM.nilai == 100


def test_akip_sub_component_proportions_sum_to_1():
    assert sum(parameter.PROPORSI_SUBKOMPONEN_AKIP.nilai.values()) == 1


@pytest.mark.parametrize("nama", ["PREDIKAT_CAPAIAN", "INTERVAL_MUTU_IKM", "PREDIKAT_AKIP"])
def test_threshold_tables_run_from_high_to_low(nama):
    batas = [baris[0] for baris in SEMUA[nama].nilai]
    assert batas == sorted(batas, reverse=True)
    assert len(set(batas)) == len(batas)


def test_ikm_conversion_bounds_match_the_1_to_4_interval_column():
    """Lampiran PermenPANRB 14/2017 (seed Tabel 3.3): NI lower bounds 2,60 / 3,0644 / 3,5324 x 25."""
    faktor = parameter.FAKTOR_KONVERSI_IKM.nilai
    batas = [baris[0] for baris in parameter.INTERVAL_MUTU_IKM.nilai]
    assert batas[:3] == [Decimal("3.5324") * faktor, Decimal("3.0644") * faktor, Decimal("2.60") * faktor]
    assert batas[3] == parameter.NILAI_IKM_MINIMUM.nilai * faktor


def test_nine_unsur_in_regulation_order():
    """PermenPANRB 14/2017: U8 is complaints handling, U9 facilities (some apps swap them)."""
    unsur = parameter.UNSUR_SKM.nilai
    assert len(unsur) == 9
    assert unsur[7].startswith("Penanganan Pengaduan")
    assert unsur[8] == "Sarana dan Prasarana"


def test_ordinal_scales_match_their_predikat_tables():
    akip = [baris[1] for baris in parameter.PREDIKAT_AKIP.nilai] + [parameter.PREDIKAT_AKIP_TERENDAH.nilai[0]]
    assert tuple(reversed(akip)) == parameter.SKALA_PREDIKAT_AKIP.nilai
    mutu = [baris[2] for baris in parameter.INTERVAL_MUTU_IKM.nilai]
    assert tuple(reversed(mutu)) == parameter.SKALA_MUTU_IKM.nilai


def test_answer_scales_run_from_0_to_1():
    for nama in ("SKALA_JAWABAN_LKE_AA_E", "SKALA_JAWABAN_LKE_YT", "SKALA_JAWABAN_LKE_ABCD"):
        nilai = list(SEMUA[nama].nilai.values())
        assert max(nilai) == 1
        assert min(nilai) == 0
        assert nilai == sorted(nilai, reverse=True)
