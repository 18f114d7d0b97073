"""renja.rumus.spm: capaian SPM bidang sosial (PP 2/2018; Permendagri 59/2021; REGULASI.md §5).

Seed figures: 2024 rehabilitasi sosial dasar by group (lines 613-620) and disaster victims (Tabel
3.10, lines 636-646) of the seed document.
"""

from decimal import Decimal

import pytest

from renja.rumus import parameter
from renja.rumus.capaian import Flag, HasilCapaian
from renja.rumus.spm import JenisPelayananDasar, capaian_spm, capaian_spm_keseluruhan, spm_tercapai

J = JenisPelayananDasar

SEED_2024 = {
    J.DISABILITAS_TERLANTAR: (1128, 1128),
    J.ANAK_TERLANTAR: (1152, 1152),
    J.LANSIA_TERLANTAR: (370, 370),
    J.GELANDANGAN_PENGEMIS: (670, 670),
    J.KORBAN_BENCANA: (2000, 2000),
}


def test_five_basic_services_in_regulation_order():
    """PP 2/2018: five jenis pelayanan dasar for a kabupaten/kota."""
    assert len(J) == 5
    assert J.DISABILITAS_TERLANTAR.nama == parameter.JENIS_PELAYANAN_DASAR_SOSIAL_KABKOTA.nilai[0]
    assert "bencana" in J.KORBAN_BENCANA.nama


def test_capaian_per_service_is_served_over_entitled():
    """Permendagri 59/2021: terlayani sesuai standar / berhak x 100%. Seed line 615: 1128 / 1128."""
    assert capaian_spm(terlayani=1128, berhak=1128) == HasilCapaian(Decimal(100))


def test_capaian_per_service_partial():
    assert capaian_spm(terlayani=270, berhak=300).persen == Decimal(90)


def test_nobody_entitled_is_flagged_not_raised():
    assert capaian_spm(terlayani=0, berhak=0) == HasilCapaian(None, Flag.SASARAN_NOL)


def test_more_served_than_entitled_is_flagged():
    hasil = capaian_spm(terlayani=460, berhak=450)
    assert hasil.flag is Flag.MELEBIHI_SASARAN
    assert hasil.persen_bulat == Decimal("102.22")


@pytest.mark.parametrize(("terlayani", "berhak"), [(-1, 5), (5, -1)])
def test_negative_counts_are_rejected(terlayani, berhak):
    with pytest.raises(ValueError, match="tidak boleh negatif"):
        capaian_spm(terlayani=terlayani, berhak=berhak)


@pytest.mark.parametrize(("terlayani", "berhak"), [(5.0, 5), (5, True), ("5", 5)])
def test_counts_must_be_int(terlayani, berhak):
    with pytest.raises(TypeError):
        capaian_spm(terlayani=terlayani, berhak=berhak)


def test_overall_seed_2024_is_100():
    """Seed lines 613-646 and Tabel 3.7: every service at 100% in 2024."""
    assert capaian_spm_keseluruhan(SEED_2024) == HasilCapaian(Decimal(100))


def test_overall_is_the_unweighted_mean_of_services():
    """Each basic service counts the same, whatever its size: (100 + 50) / 2 = 75."""
    hasil = capaian_spm_keseluruhan({J.ANAK_TERLANTAR: (1000, 1000), J.LANSIA_TERLANTAR: (1, 2)})
    assert hasil.persen == Decimal(75)


def test_overall_leaves_out_services_with_nobody_entitled_and_flags_it():
    hasil = capaian_spm_keseluruhan({J.ANAK_TERLANTAR: (9, 10), J.KORBAN_BENCANA: (0, 0)})
    assert hasil == HasilCapaian(Decimal(90), Flag.SASARAN_NOL)


def test_overall_with_nobody_entitled_anywhere_is_none():
    assert capaian_spm_keseluruhan({J.KORBAN_BENCANA: (0, 0)}) == HasilCapaian(None, Flag.SASARAN_NOL)


def test_overall_flags_overservice():
    hasil = capaian_spm_keseluruhan({J.ANAK_TERLANTAR: (11, 10), J.KORBAN_BENCANA: (10, 10)})
    assert hasil.flag is Flag.MELEBIHI_SASARAN


def test_overall_accepts_string_keys():
    assert capaian_spm_keseluruhan({"korban_bencana": (1, 1)}).persen == Decimal(100)


def test_overall_rejects_unknown_service():
    with pytest.raises(ValueError):
        capaian_spm_keseluruhan({"pendidikan_dasar": (1, 1)})


def test_overall_needs_at_least_one_service():
    with pytest.raises(ValueError, match="tidak ada jenis"):
        capaian_spm_keseluruhan({})


@pytest.mark.parametrize(
    ("hasil", "tercapai"),
    [
        (HasilCapaian(Decimal(100)), True),
        (HasilCapaian(Decimal("102.22"), Flag.MELEBIHI_SASARAN), True),
        (HasilCapaian(Decimal("99.99")), False),
        (HasilCapaian(None, Flag.SASARAN_NOL), None),
    ],
)
def test_spm_target_is_100_percent(hasil, tercapai):
    """Permendagri 59/2021: the target of every basic service is 100%."""
    assert spm_tercapai(hasil) is tercapai
