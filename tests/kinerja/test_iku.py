"""IKU realisation 2024 (renja.kinerja) as the seed's Tabel 2.2 gives it, with the figures behind it; capaian by
polarity computed, never the printed one where the print is wrong (renja/demo/data/README.md)."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from renja.kinerja import services
from renja.kinerja.selectors import iku_evaluasi, renstra_tahun
from renja.perencanaan.models import Renja
from renja.perencanaan.targets import Target


@pytest.fixture
def renja2024(db):
    return Renja.objects.select_related("opd").get(tahun=2024, opd__kode="1.06.0.00.0.00.01.0000")


@pytest.fixture
def iku(renja2024):
    renstra = renstra_tahun(renja2024)
    assert (renstra.tahun_awal, renstra.tahun_akhir) == (2024, 2026)
    return {i.indikator.uraian: i for i in iku_evaluasi(renstra=renstra, tahun=2024)}


def test_ppks_binaan_mandiri_with_the_counts_behind_it(iku):
    ppks = iku["Persentase PPKS binaan yang mandiri"]
    assert ppks.target.nilai == Decimal("5")
    # 5 % of 125.326 PPKS = 6.266,3 -> 6.266 PPKS (baris 329-334)
    assert ppks.target_jumlah == Decimal("6266")
    # 15.216 / 125.326 x 100 = 12,141... % (printed 12 %)
    assert ppks.realisasi_persen.quantize(Decimal("0.01")) == Decimal("12.14")
    # the IKU's own formula (baris 493-495): 15.216 / 6.266 x 100 = 242,83 % (the seed printed 240 % = 12/5)
    assert ppks.capaian.persen_bulat == Decimal("242.83")
    assert ppks.predikat.kode == "ST"


def test_akip_grade_target_and_ikm_number(iku):
    akip = iku["Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP)"]
    assert (akip.target.grade, akip.realisasi.grade) == ("BB", "BB")
    assert akip.capaian.persen_bulat == Decimal("100.00")
    ikm = iku["Nilai Indeks Kepuasan Masyarakat (IKM)"]
    # 92,06 / 80,50 x 100 = 114,36 % (printed 114 %, 116 % and 106 % in three places)
    assert ikm.capaian.persen_bulat == Decimal("114.36")
    psks = iku["Persentase PSKS yang berfungsi"]
    assert (psks.realisasi_persen, psks.capaian.persen_bulat) == (Decimal("100"), Decimal("100.00"))


def test_only_the_perencana_records_iku(iku, users):
    ind = iku["Persentase PSKS yang berfungsi"].indikator
    with pytest.raises(PermissionDenied, match="perencana"):
        services.realisasi_iku_record(actor=users["operator.rehsos"], indikator=ind, tahun=2024, nilai=Target())
    with pytest.raises(ValidationError, match="bersama-sama"):
        services.realisasi_iku_record(
            actor=users["perencana"], indikator=ind, tahun=2024, nilai=Target(), jumlah_realisasi=Decimal(1)
        )
    obj = services.realisasi_iku_record(
        actor=users["perencana"], indikator=ind, tahun=2025, nilai=Target(nilai=Decimal("99.5"))
    )
    assert obj.nilai == Decimal("99.5")
