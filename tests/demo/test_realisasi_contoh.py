"""The demo's TW I and II 2026 realisation (renja/demo/data/realisasi_2026_contoh.yaml): made-up example data on
the rows of the stage in force, marked as such on the pages; TW I approved and locked, TW II in draf."""

from decimal import Decimal

import pytest

from renja.monev import selectors
from renja.monev.models import StatusTriwulan, StatusUnit, TriwulanOpd

pytestmark = pytest.mark.django_db


@pytest.fixture
def rehsos(renja2026):
    return renja2026.opd.unit_kerja.get(kode="rehsos")


def grid(renja, tahap, unit, tw):
    return selectors.realisasi_grid(renja=renja, triwulan=tw, unit=unit, tahap=tahap)


def test_workflow_state_and_example_mark(renja2026):
    tw = {t.triwulan: t for t in TriwulanOpd.objects.filter(renja=renja2026)}
    assert tw[1].status == StatusTriwulan.DISETUJUI and tw[1].contoh
    assert tw[2].status == StatusTriwulan.TERBUKA and tw[2].contoh
    assert str(tw[2].batas_waktu) == "2026-07-10"
    statuses = {s.status for s in selectors.status_unit_map(renja=renja2026, triwulan=1).values()}
    assert statuses == {StatusUnit.DIVERIFIKASI}


def test_figures_of_rehsos(renja2026, tahap_rkpd, rehsos):
    g = grid(renja2026, tahap_rkpd, rehsos, 2)
    permakanan = next(b for b in g.baris if b.row.kode == "1.06.04.2.01.0001")
    ind = permakanan.indikator[0]
    assert ind.nilai_triwulan == "540"
    assert ind.realisasi_sd.nilai == 954  # 414 + 540
    assert ind.capaian.persen_bulat == Decimal(53)  # 954 / 1.800
    assert permakanan.keuangan_sd == Decimal(420000000)  # 150.000.000 + 270.000.000
    assert permakanan.serapan.persen_bulat == Decimal(42)
    # Rehsos (12 sub kegiatan, pagu Rp 4.962.840.000): TW I Rp 645.000.000 + TW II Rp 1.275.600.000
    assert g.total_pagu == Decimal(4962840000)
    assert g.total_keuangan_sd == Decimal(1920600000)
    assert g.total_serapan.persen_bulat == Decimal("38.70")  # 1.920.600.000 / 4.962.840.000
    assert not any(b.melebihi_pagu for b in g.baris)


def test_zero_and_blank_in_the_example(renja2026, tahap_rkpd):
    sekretariat = renja2026.opd.unit_kerja.get(kode="sekretariat")
    g = grid(renja2026, tahap_rkpd, sekretariat, 2)
    listrik = next(b for b in g.baris if b.row.kode == "1.06.01.2.06.0001")
    assert listrik.indikator[0].nilai_triwulan == "0"  # typed 0: a value
    tamu = next(b for b in g.baris if b.row.kode == "1.06.01.2.06.0008")
    assert tamu.kinerja_kosong and tamu.keuangan_kosong  # null in the file: belum ada data
    r = selectors.belum_mengisi(renja=renja2026, triwulan=2)
    assert sorted(b.row.kode for b in r.baris_kosong) == [
        "1.06.01.2.06.0008",
        "1.06.02.2.03.0013",
        "1.06.07.2.01.0001",
    ]
    assert len(r.unit_belum_mengajukan) == 5


def test_pages_say_it_is_example_data(client, users, renja2026, rehsos):
    client.force_login(users["operator.rehsos"])
    html = client.get(f"/monev/{renja2026.pk}/tw/1/unit/{rehsos.pk}/").content.decode()
    assert "Data contoh." in html and "Triwulan disetujui pimpinan (terkunci)" in html
    assert 'class="isian"' not in html  # TW I is locked
    html = client.get(f"/monev/{renja2026.pk}/").content.decode()
    assert html.count("data contoh") == 2


def test_demo_history_starts_with_an_empty_bell(users):
    from renja.inti.notifikasi import notifikasi_belum_dibaca

    assert all(notifikasi_belum_dibaca(user=u) == 0 for u in users.values())
