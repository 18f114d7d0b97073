"""When a Perubahan is set during the year, earlier quarters stay attached to the matching rows (through
RenjaRow.disalin_dari) and serapan uses the pagu of the stage in force."""

from decimal import Decimal

import pytest

from renja.monev import selectors, services
from renja.monev.models import RealisasiKeuangan, RealisasiKinerja
from renja.perencanaan import services as plan
from renja.perencanaan.models import Pagu, RenjaRow
from renja.perencanaan.targets import Target

pytestmark = pytest.mark.django_db


@pytest.fixture
def perubahan_setelah_tw1(users, renja2026, tahap_final, pad):
    """Rancangan Akhir ditetapkan and in force; TW I typed on it; then Perubahan 1 (a copy) raises the pagu of
    1.06.04.2.01.0002 Penyediaan Sandang from Rp 100.000.000 to Rp 150.000.000 and is ditetapkan."""
    admin, op = users["admin"], users["operator.rehsos"]
    plan.tahap_submit(actor=admin, tahap=tahap_final)
    plan.tahap_tetapkan(actor=admin, tahap=tahap_final)
    sandang = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01.0002")
    ind = sandang.indikator.get()
    services.realisasi_kinerja_record(
        actor=op, indikator=ind, bulan=3, nilai=Target(nilai=Decimal(200)), expected_version=0
    )
    services.realisasi_keuangan_record(
        actor=op, row=sandang, sumber_dana_id=pad.pk, bulan=3, jumlah=Decimal(60000000), expected_version=0
    )
    perubahan = plan.tahap_create(actor=admin, renja=renja2026, jenis="perubahan")
    baru = RenjaRow.objects.get(tahap=perubahan, kode="1.06.04.2.01.0002")
    Pagu.objects.filter(row=baru, sumber_dana=pad).update(jumlah=Decimal(150000000))
    plan.tahap_submit(actor=admin, tahap=perubahan)
    plan.tahap_tetapkan(actor=admin, tahap=perubahan)
    return perubahan, sandang, baru


def test_earlier_quarters_follow_the_copy_and_serapan_uses_the_new_pagu(users, renja2026, units, perubahan_setelah_tw1):
    perubahan, lama, baru = perubahan_setelah_tw1
    assert selectors.tahap_berlaku(renja2026) == perubahan
    grid = selectors.realisasi_grid(renja=renja2026, triwulan=1, unit=units["rehsos"], tahap=perubahan)
    b = next(x for x in grid.baris if x.row.kode == "1.06.04.2.01.0002")
    assert b.row.pk == baru.pk and baru.disalin_dari_id == lama.pk
    assert b.indikator[0].nilai_triwulan == "200"  # typed on the old row, shown on the new one
    assert b.keuangan_sd == Decimal(60000000)
    # serapan = 60.000.000 / 150.000.000 (pagu of Perubahan 1) = 40%, not 60% of the old pagu
    assert b.serapan.persen_bulat == Decimal(40)


def test_correcting_an_earlier_month_updates_the_value_in_place(users, renja2026, units, pad, perubahan_setelah_tw1):
    perubahan, lama, baru = perubahan_setelah_tw1
    op = users["operator.rehsos"]
    rec = RealisasiKinerja.objects.get(indikator__row=lama, bulan=3)
    services.realisasi_kinerja_record(
        actor=op,
        indikator=baru.indikator.get(),
        bulan=3,
        nilai=Target(nilai=Decimal(210)),
        expected_version=rec.version,
    )
    # one value for March, still on the old row (no second copy that would double-count)
    assert list(RealisasiKinerja.objects.filter(bulan=3).values_list("indikator__row_id", "nilai")) == [
        (lama.pk, Decimal(210))
    ]
    # a new month goes on the row of the stage in force
    services.realisasi_keuangan_record(
        actor=op, row=baru, sumber_dana_id=pad.pk, bulan=4, jumlah=Decimal(30000000), expected_version=0
    )
    assert RealisasiKeuangan.objects.get(bulan=4).row_id == baru.pk
    grid = selectors.realisasi_grid(renja=renja2026, triwulan=2, unit=units["rehsos"], tahap=perubahan)
    b = next(x for x in grid.baris if x.row.pk == baru.pk)
    assert b.keuangan_sd == Decimal(90000000) and b.serapan.persen_bulat == Decimal(60)


def test_rows_of_the_replaced_stage_no_longer_take_realisation(users, perubahan_setelah_tw1, pad):
    from django.core.exceptions import ValidationError

    _, lama, _ = perubahan_setelah_tw1
    with pytest.raises(ValidationError, match="tahap yang berlaku \\(Perubahan 1\\)"):
        services.realisasi_keuangan_record(
            actor=users["operator.rehsos"],
            row=lama,
            sumber_dana_id=pad.pk,
            bulan=5,
            jumlah=Decimal(1),
            expected_version=0,
        )


def test_the_page_says_which_stage_is_in_force(client, users, renja2026, units, perubahan_setelah_tw1):
    client.force_login(users["operator.rehsos"])
    html = client.get(f"/monev/{renja2026.pk}/tw/1/unit/{units['rehsos'].pk}/").content.decode()
    assert "Tahap yang berlaku: <strong>Perubahan 1</strong>" in html
    assert "Rp 150.000.000" in html and "40,00%" in html
