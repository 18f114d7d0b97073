"""The seed's 2024 realisation as loaded through monev's services (renja.demo.realisasi_2024): annual values stored
as December, TW IV taken through the workflow and locked; rows without a seed figure stay empty."""

from decimal import Decimal

import pytest

from renja.monev.models import RealisasiKeuangan, RealisasiKinerja, StatusTriwulan, TriwulanOpd
from renja.perencanaan.models import Renja


@pytest.fixture
def renja2024(db):
    return Renja.objects.get(tahun=2024, opd__kode="1.06.0.00.0.00.01.0000")


def test_keuangan_only_on_the_21_rows_the_seed_gives_all_in_december(renja2024):
    rows = RealisasiKeuangan.objects.filter(renja=renja2024)
    assert rows.count() == 21  # Tabel 3.9: 17 rows, Tabel 3.16: 4 rows
    assert set(rows.values_list("bulan", flat=True)) == {12}
    over = rows.get(row__kode="1.06.02.2.03.0003")
    assert over.jumlah == Decimal("129355000")  # Tabel 3.16 baris 789, above its pagu of 100.000.000: kept, not capped


def test_every_indicator_with_a_realisation_is_stored_once(renja2024):
    kinerja = RealisasiKinerja.objects.filter(renja=renja2024)
    assert set(kinerja.values_list("bulan", flat=True)) == {12}
    # the YAML's indicators with a 2024 realisation: 73 on the 69 sub kegiatan, 8 on programs, 1 on a kegiatan
    assert kinerja.filter(indikator__row__level="sub_kegiatan").count() == 73
    assert kinerja.filter(indikator__row__level="program").count() == 8
    assert kinerja.filter(indikator__row__level="kegiatan").count() == 1


def test_triwulan_iv_2024_is_approved_and_locked(renja2024):
    tw = TriwulanOpd.objects.get(renja=renja2024, triwulan=4)
    assert tw.status == StatusTriwulan.DISETUJUI
    assert not TriwulanOpd.objects.filter(renja=renja2024, triwulan__lt=4, status=StatusTriwulan.DISETUJUI).exists()
