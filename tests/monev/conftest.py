"""Fixtures for realisation tests: the demo's Renja 2026, its stage in force (Rancangan Akhir RKPD, ditetapkan)
and the units and rows the seed gives (Bidang Rehsos owns the 1.06.04 sub kegiatan)."""

import pytest

from renja.organisasi.models import UnitKerja
from renja.perencanaan.models import RenjaRow


@pytest.fixture
def units(renja2026):
    return {u.kode: u for u in UnitKerja.objects.filter(opd=renja2026.opd)}


@pytest.fixture
def row_of(tahap_rkpd):
    def get(kode: str) -> RenjaRow:
        return RenjaRow.objects.select_related("unit", "tahap__renja").get(tahap=tahap_rkpd, kode=kode)

    return get


@pytest.fixture
def permakanan(row_of):
    """1.06.04.2.01.0001 Penyediaan Permakanan (Rehsos): target 1.800 Orang, pagu PAD Rp 1.000.000.000."""
    return row_of("1.06.04.2.01.0001")


@pytest.fixture
def sandang(row_of):
    """1.06.04.2.01.0002 Penyediaan Sandang (Rehsos): target 770 Orang, pagu PAD Rp 100.000.000."""
    return row_of("1.06.04.2.01.0002")


@pytest.fixture
def pad(db):
    from renja.perencanaan.models import SumberDana

    return SumberDana.objects.get(kode="PAD")


@pytest.fixture(autouse=True)
def realisasi_kosong(db, renja2026):
    """Unit tests here start without realisation: the demo's example TW I and II 2026 figures (checked in
    tests/demo/test_realisasi_contoh.py) and its 2024 realisation (tests/demo/test_realisasi_2024_load.py; the
    evaluation tests, which read it, override this fixture) are removed inside the test's transaction, so they come
    back after it."""
    from renja.inti.models import AuditEvent, Notifikasi
    from renja.monev import models as m

    for model in (
        m.RealisasiKinerja,
        m.RealisasiKeuangan,
        m.RealisasiKeuanganAsal,
        m.RealisasiFaktor,
        m.BuktiRealisasi,
        m.CatatanRealisasi,
        m.StatusRealisasiUnit,
        m.TriwulanOpd,
    ):
        model.objects.all().delete()
    Notifikasi.objects.all().delete()
    AuditEvent.objects.filter(object_type__startswith="monev.").delete()
