"""Recording realisation per cell: blank vs 0, monthly -> triwulan roll-up by aggregation, over-pagu flag,
optimistic version check, bounds and the stage in force."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from renja.inti.models import AuditEvent
from renja.monev import selectors, services
from renja.monev.models import AsalKeuangan, RealisasiKeuangan, RealisasiKeuanganAsal, RealisasiKinerja
from renja.perencanaan.targets import Target
from renja.rumus.capaian import Flag

pytestmark = pytest.mark.django_db


def kinerja(actor, row, bulan, nilai, version=0, urutan=0):
    ind = row.indikator.get(urutan=urutan)
    return services.realisasi_kinerja_record(
        actor=actor,
        indikator=ind,
        bulan=bulan,
        nilai=Target(nilai=Decimal(nilai)) if nilai is not None else Target(),
        expected_version=version,
    )


def keuangan(actor, row, pad, bulan, jumlah, version=0):
    return services.realisasi_keuangan_record(
        actor=actor,
        row=row,
        sumber_dana_id=pad.pk,
        bulan=bulan,
        jumlah=Decimal(jumlah) if jumlah is not None else None,
        expected_version=version,
    )


def baris(renja, tahap, unit, row, triwulan):
    grid = selectors.realisasi_grid(renja=renja, triwulan=triwulan, unit=unit, tahap=tahap)
    return next(b for b in grid.baris if b.row.pk == row.pk)


def test_blank_stays_blank_and_zero_is_a_value(users, renja2026, tahap_rkpd, units, permakanan, sandang):
    op = users["operator.rehsos"]
    # Typing nothing into an empty cell stores nothing: "belum ada data", never 0.
    assert kinerja(op, permakanan, 3, None).record is None
    assert not RealisasiKinerja.objects.filter(indikator__row=permakanan).exists()
    b = baris(renja2026, tahap_rkpd, units["rehsos"], permakanan, 1)
    assert b.kinerja_kosong and b.indikator[0].realisasi_sd.kosong
    assert b.indikator[0].capaian.persen is None and b.indikator[0].capaian.flag is Flag.REALISASI_KOSONG
    # 0 is a value: stored, shown as 0, capaian 0% (not blank, not 100%).
    kinerja(op, sandang, 3, "0")
    b = baris(renja2026, tahap_rkpd, units["rehsos"], sandang, 1)
    assert b.indikator[0].sel_isian_triwulan.tampil() == "0"
    assert b.indikator[0].capaian.persen == 0
    assert not b.kinerja_kosong


def test_clearing_a_value_keeps_the_record_blank(users, renja2026, tahap_rkpd, units, permakanan):
    op = users["operator.rehsos"]
    rec = kinerja(op, permakanan, 3, "450").record
    kinerja(op, permakanan, 3, None, version=rec.version)
    rec.refresh_from_db()
    assert rec.nilai is None and rec.version == 2
    assert baris(renja2026, tahap_rkpd, units["rehsos"], permakanan, 1).indikator[0].realisasi_sd.kosong


def test_monthly_values_roll_up_to_the_triwulan_and_the_year_so_far(users, renja2026, tahap_rkpd, units, permakanan):
    """Permakanan counts people served (aggregation jumlah): a triwulan is the sum of its months."""
    op = users["operator.rehsos"]
    kinerja(op, permakanan, 3, "300")  # TW I typed quarterly: stored in March
    for bulan, nilai in ((4, "100"), (5, "150"), (6, "200")):  # TW II typed monthly
        kinerja(op, permakanan, bulan, nilai)
    ind = baris(renja2026, tahap_rkpd, units["rehsos"], permakanan, 2).indikator[0]
    assert ind.makna == "triwulan ini"
    assert ind.nilai_triwulan == "450"  # 100 + 150 + 200
    assert ind.diisi_per_bulan  # the quarterly cell would hide April and May: the grid shows the roll-up
    assert ind.realisasi_sd == Target(nilai=Decimal(750))  # 300 + 450
    # capaian s.d. TW II = 750 / 1.800 x 100 = 41,666..%
    assert ind.capaian.persen_bulat == Decimal("41.67")
    ind1 = baris(renja2026, tahap_rkpd, units["rehsos"], permakanan, 1).indikator[0]
    assert ind1.nilai_triwulan == "300" and not ind1.diisi_per_bulan


def test_a_level_indicator_takes_the_last_value_up_to_the_triwulan(users, renja2026, tahap_rkpd, units, permakanan):
    ind = permakanan.indikator.get()
    ind.agregasi = "terakhir"  # as for a percentage: the value is the position up to the quarter
    ind.save()
    op = users["operator.rehsos"]
    kinerja(op, permakanan, 3, "400")
    kinerja(op, permakanan, 6, "900")
    g = baris(renja2026, tahap_rkpd, units["rehsos"], permakanan, 2).indikator[0]
    assert g.makna == "s.d. triwulan ini"
    assert g.realisasi_sd == Target(nilai=Decimal(900))  # not 1.300: levels are not added
    assert g.capaian.persen_bulat == Decimal(50)  # 900 / 1.800


def test_keuangan_rolls_up_and_above_pagu_is_accepted_and_flagged(users, renja2026, tahap_rkpd, units, sandang, pad):
    op = users["operator.rehsos"]
    assert keuangan(op, sandang, pad, 2, "60000000").melebihi_pagu is False
    hasil = keuangan(op, sandang, pad, 5, "50000000")
    # 60.000.000 + 50.000.000 = 110.000.000 > pagu 100.000.000: stored as typed, flagged, never capped
    assert hasil.melebihi_pagu is True
    assert hasil.record.jumlah == Decimal(50000000)
    b = baris(renja2026, tahap_rkpd, units["rehsos"], sandang, 2)
    assert b.keuangan_triwulan == Decimal(50000000)
    assert b.keuangan_sd == Decimal(110000000)
    assert b.serapan.persen_bulat == Decimal(110)
    assert b.melebihi_pagu
    event = AuditEvent.objects.filter(action="realisasi_keuangan_record").first()
    assert event.new["melebihi_pagu"] is True


def test_stale_cell_is_refused_naming_who_changed_it(users, permakanan):
    rec = kinerja(users["operator.rehsos"], permakanan, 3, "10").record
    kinerja(users["perencana"], permakanan, 3, "12", version=rec.version)
    with pytest.raises(services.SelKedaluwarsa) as exc:
        kinerja(users["operator.rehsos"], permakanan, 3, "11", version=rec.version)
    assert "Sub Bagian Perencanaan" in str(exc.value)
    assert "tersimpan sekarang: 12" in str(exc.value)
    assert exc.value.version == 2
    # a second save with the version now stored is a deliberate overwrite
    kinerja(users["operator.rehsos"], permakanan, 3, "11", version=2)
    assert RealisasiKinerja.objects.get(indikator__row=permakanan, bulan=3).nilai == 11


@pytest.mark.parametrize(
    ("nilai", "pesan"),
    [
        (Target(nilai=Decimal(-1)), "tidak boleh negatif"),
        (Target(nilai=Decimal("1.23456")), "paling banyak 4 angka di belakang koma"),
        (Target(nilai=Decimal(10) ** 14), "terlalu besar"),
        (Target(grade="BB"), "bertarget angka"),
    ],
)
def test_bad_values_are_refused_naming_the_cell(users, permakanan, nilai, pesan):
    with pytest.raises(ValidationError) as exc:
        services.realisasi_kinerja_record(
            actor=users["operator.rehsos"],
            indikator=permakanan.indikator.get(),
            bulan=4,
            nilai=nilai,
            expected_version=0,
        )
    text = " ".join(exc.value.messages)
    assert pesan in text and "1.06.04.2.01.0001" in text and "April" in text
    assert not RealisasiKinerja.objects.exists()


def test_keuangan_bounds(users, sandang, pad):
    for jumlah, pesan in (("-5", "tidak boleh negatif"), ("10.50", "Rupiah bulat")):
        with pytest.raises(ValidationError, match=pesan):
            keuangan(users["operator.rehsos"], sandang, pad, 1, jumlah)
    assert not RealisasiKeuangan.objects.exists()


def test_only_rows_of_the_stage_in_force_take_realisation(users, tahap_final, pad):
    from renja.perencanaan.models import RenjaRow

    draft_row = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01.0001")
    with pytest.raises(ValidationError, match="tahap yang berlaku \\(Rancangan Akhir RKPD\\)"):
        keuangan(users["operator.rehsos"], draft_row, pad, 1, "1000")


def test_typing_is_refused_while_keuangan_comes_from_an_import(users, renja2026, sandang, pad):
    RealisasiKeuanganAsal.objects.create(
        renja=renja2026, row=sandang, triwulan=1, asal=AsalKeuangan.IMPOR, keterangan="sipd-tw1.json"
    )
    with pytest.raises(PermissionDenied, match="berasal dari impor SIPD \\(sipd-tw1.json\\)"):
        keuangan(users["operator.rehsos"], sandang, pad, 2, "1000")
    keuangan(users["operator.rehsos"], sandang, pad, 4, "1000")  # TW II is still typed


def test_every_record_is_audited(users, permakanan):
    kinerja(users["operator.rehsos"], permakanan, 3, "12,5".replace(",", "."))
    event = AuditEvent.objects.get(action="realisasi_kinerja_record")
    assert event.new["nilai"] == "12,5" and event.new["bulan"] == 3
    assert event.actor == users["operator.rehsos"]
