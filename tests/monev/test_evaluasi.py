"""Evaluation selectors (renja.monev.evaluasi) on the demo's 2024 realisation: the seed's correct figures come out of
its rows, its wrong ones do not (Tabel 3.16), rows without data stay empty and are named.

Figures: seed Tabel 3.9 (baris 578-605), Tabel 3.16 (baris 785-790); renja/demo/data/README.md."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from renja.monev.evaluasi import MetodeEfisiensi, evaluasi_renja
from renja.perencanaan.models import Renja
from renja.rumus.capaian import Flag


@pytest.fixture(autouse=True)
def realisasi_kosong():
    """These tests read the demo's 2024 realisation: monev's conftest fixture that empties realisation is off."""


@pytest.fixture
def renja2024(db):
    return Renja.objects.select_related("opd").get(tahun=2024, opd__kode="1.06.0.00.0.00.01.0000")


@pytest.fixture
def tahun(renja2024):
    return evaluasi_renja(renja=renja2024)


def test_program_rehabilitasi_sosial_reproduces_tabel_3_9(tahun):
    p = tahun.cari("1.06.04")
    assert p.pagu_total == Decimal("4653328000")  # baris 578
    assert p.realisasi_total == Decimal("4259258784")
    # 4.259.258.784 / 4.653.328.000 x 100 = 91,5315... -> 91,53
    assert p.serapan.persen_bulat == Decimal("91.53")
    assert p.serapan.flag is None


def test_three_programs_of_tabel_3_9_together(tahun):
    pagu, realisasi, serapan = tahun.gabungan(["1.06.04", "1.06.06", "1.06.05"])
    assert (pagu, realisasi) == (Decimal("9604306296"), Decimal("8915908979"))  # baris 605
    assert serapan.persen_bulat == Decimal("92.83")


def test_tabel_3_16_program_realisation_is_the_sum_of_its_rows_not_the_printed_figure(tahun):
    p = tahun.cari("1.06.02")
    # 738.208.000 + 156.858.000 + 129.355.000 + 2.090.914.900 = 3.115.335.900 (seed printed 4.103.700.625)
    assert p.realisasi_total == Decimal("3115335900")
    assert p.pagu_total == Decimal("4495500000")
    assert p.serapan.persen_bulat == Decimal("69.30")
    assert [b.kode for b in p.baris_melebihi_pagu] == ["1.06.02.2.03.0003"]


def test_over_pagu_row_is_computed_and_flagged_never_capped(tahun):
    row = tahun.cari("1.06.02.2.03.0003")
    assert (row.pagu_total, row.realisasi_total) == (Decimal("100000000"), Decimal("129355000"))
    assert row.serapan.persen_bulat == Decimal("129.36")  # seed printed 96,79
    assert row.serapan.flag is Flag.MELEBIHI_PAGU
    assert [b.kode for b in tahun.melebihi_pagu] == ["1.06.02.2.03.0003"]


def test_rows_without_data_stay_empty_are_counted_and_named(tahun):
    assert len(tahun.berdata) == 21
    assert len(tahun.tanpa_data) == 48  # 69 sub kegiatan, 21 with seed figures
    gaji = tahun.cari("1.06.01.2.02.0001")
    assert gaji in tahun.tanpa_data
    assert (gaji.pagu_total, gaji.realisasi_total, gaji.serapan.persen) == (None, None, None)
    # the support programme has no row with money: no total, not Rp 0
    assert tahun.cari("1.06.01").pagu_total is None
    # totals cover only the 21 rows with data: 14.099.806.296 / 12.031.244.879 = 85,33 % (not the text's 89,73 %)
    assert (tahun.pagu_total, tahun.realisasi_total) == (Decimal("14099806296"), Decimal("12031244879"))
    assert tahun.serapan.persen_bulat == Decimal("85.33")


def test_kinerja_capaian_and_predikat_by_indicator(tahun):
    permakanan = tahun.cari("1.06.04.2.01.0001").indikator[0]
    assert permakanan.target.nilai == permakanan.realisasi.nilai
    assert permakanan.capaian.persen_bulat == Decimal("100.00")
    assert permakanan.predikat.kode == "ST"


def test_efisiensi_method_c_is_capaian_minus_serapan_as_tabel_3_16(renja2024):
    ev = evaluasi_renja(renja=renja2024, metode=MetodeEfisiensi.C)
    # baris 787: capaian 100, serapan 738.208.000 / 807.500.000 = 91,42 % -> 8,58
    assert ev.cari("1.06.02.2.03.0001").efisiensi.nilai_bulat == Decimal("8.58")
    ev_a = evaluasi_renja(renja=renja2024)
    # method A (default): 100 / 91,4189... = 1,0938...
    eff = ev_a.cari("1.06.02.2.03.0001").efisiensi
    assert (eff.metode, eff.nilai_bulat, eff.efisien) == (MetodeEfisiensi.A, Decimal("1.09"), True)


def test_quarters_before_the_annual_entry_are_empty(renja2024):
    # the seed gives annual figures only, stored as December: TW I-III show no data, never 0 or 100 %
    tw1 = evaluasi_renja(renja=renja2024, triwulan=1)
    assert tw1.berdata == [] and tw1.pagu_total is None and tw1.serapan.persen is None
    assert tw1.cari("1.06.04.2.01.0001").indikator[0].capaian.flag is Flag.REALISASI_KOSONG
    tw4 = evaluasi_renja(renja=renja2024, triwulan=4)
    assert tw4.cari("1.06.04").realisasi_tw(4) == Decimal("4259258784")


def test_query_count_does_not_grow_with_rows(renja2024, renja2026):
    with CaptureQueriesContext(connection) as small:
        evaluasi_renja(renja=renja2026, triwulan=2)
    with CaptureQueriesContext(connection) as large:
        ev = evaluasi_renja(renja=renja2024)
    assert len(list(ev.baris())) > 0
    # the same queries for the year as for a triwulan (the year reads triwulan IV's faktor for the E.81 footer)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_ringkasan_keuangan_equals_the_full_evaluation(renja2024, renja2026):
    from renja.monev.evaluasi import ringkasan_keuangan

    for tw in (None, 1, 2, 4):
        ringkas = {r.renja.pk: r for r in ringkasan_keuangan(renjas=[renja2024, renja2026], triwulan=tw)}
        for renja in (renja2024, renja2026):
            ev = evaluasi_renja(renja=renja, triwulan=tw)
            r = ringkas[renja.pk]
            assert (r.pagu, r.realisasi, r.berdata, r.tanpa_data) == (
                ev.pagu_total,
                ev.realisasi_total,
                len(ev.berdata),
                len(ev.tanpa_data),
            )
    year = {r.renja.pk: r for r in ringkasan_keuangan(renjas=[renja2024])}[renja2024.pk]
    assert (year.pagu, year.realisasi) == (Decimal("14099806296"), Decimal("12031244879"))


def test_after_a_perubahan_realisation_follows_the_copy_in_both_roll_ups(users, renja2024):
    """A Perubahan 2024 set after the year: the December figures sit on the Penetapan rows (the copies' origin);
    both the full evaluation and the OPD roll-up (its lineage path) read them, against the new pagu."""
    from renja.monev.evaluasi import ringkasan_keuangan
    from renja.perencanaan import services as plan
    from renja.perencanaan.models import Pagu, RenjaRow

    admin = users["admin"]
    perubahan = plan.tahap_create(actor=admin, renja=renja2024, jenis="perubahan")
    row = RenjaRow.objects.get(tahap=perubahan, kode="1.06.02.2.03.0003")  # 129.355.000 realised of 100.000.000
    Pagu.objects.filter(row=row).update(jumlah=Decimal(130000000))
    plan.tahap_submit(actor=admin, tahap=perubahan)
    plan.tahap_tetapkan(actor=admin, tahap=perubahan)
    ev = evaluasi_renja(renja=renja2024)
    assert ev.tahap == perubahan
    assert ev.realisasi_total == Decimal("12031244879")
    assert ev.pagu_total == Decimal("14129806296")  # 14.099.806.296 + 30.000.000
    assert ev.melebihi_pagu == []
    r = ringkasan_keuangan(renjas=[renja2024])[0]
    assert (r.pagu, r.realisasi, r.berdata, r.tanpa_data) == (ev.pagu_total, ev.realisasi_total, 21, 48)
