"""Year-end projections (renja.rumus.proyeksi): hand computations in the comments."""

from decimal import Decimal

import pytest

from renja.rumus.proyeksi import proyeksi_linear, proyeksi_nilai, proyeksi_rencana


def test_linear():
    # 200.000.000 in two triwulan -> 100.000.000 a triwulan -> 400.000.000 a year
    assert proyeksi_linear(nilai_sd=200_000_000, triwulan=2) == Decimal(400_000_000)
    # 100 in three triwulan -> 133,33... a year (exact to 34 digits, rounded only for display)
    assert proyeksi_linear(nilai_sd=100, triwulan=3).quantize(Decimal("0.01")) == Decimal("133.33")
    assert proyeksi_linear(nilai_sd=None, triwulan=1) is None
    with pytest.raises(ValueError):
        proyeksi_linear(nilai_sd=1, triwulan=5)


def test_by_plan():
    # 200 spent of 250 planned so far (80%) of a 1.000 plan -> 800
    assert proyeksi_rencana(realisasi_sd=200, rencana_sd=250, rencana_setahun=1000) == Decimal(800)
    # 45 of 90 planned so far (50%) of a 100 plan -> 50
    assert proyeksi_rencana(realisasi_sd=45, rencana_sd=90, rencana_setahun=100) == Decimal(50)
    assert proyeksi_rencana(realisasi_sd=45, rencana_sd=0, rencana_setahun=100) is None
    assert proyeksi_rencana(realisasi_sd=None, rencana_sd=90, rencana_setahun=100) is None


def test_indicator_by_aggregation():
    assert proyeksi_nilai(nilai_sd=300, triwulan=2, cara="jumlah") == Decimal(600)
    assert proyeksi_nilai(nilai_sd=30, triwulan=1, cara="terakhir") == Decimal(120)
    assert proyeksi_nilai(nilai_sd=Decimal("87.5"), triwulan=2, cara="rata_rata") == Decimal("87.5")
    assert proyeksi_nilai(nilai_sd=9, triwulan=3, cara="maksimum") == Decimal(9)
    assert proyeksi_nilai(nilai_sd=None, triwulan=3, cara="maksimum") is None
