"""`renja export renja` names one OPD of one Pemda (issue 10 Build 5): OPD codes are unique only within a
Pemda, so an --opd that two Pemda use is refused with a message naming both, and --pemda picks one."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db
OPD = "1.06.0.00.0.00.01.0000"


def export(*args) -> str:
    out = io.StringIO()
    call_command("renja_export", "renja", "--tahun", "2026", "--opd", OPD, *args, stdout=out)
    return out.getvalue()


def test_opd_ganda_ditolak_dengan_nama_kedua_pemda(dinsos_lain):
    with pytest.raises(CommandError) as exc:
        export()
    assert str(exc.value) == (
        "Kode perangkat daerah 1.06.0.00.0.00.01.0000 dipakai lebih dari satu Pemda "
        "(32.16 Kabupaten Bekasi; 32.75 Kota Bekasi); sebutkan --pemda KODE."
    )


def test_pemda_memilih(dinsos_lain):
    data = json.loads(export("--pemda", "32.75"))
    assert data["opd"]["pemda"] == "Kota Bekasi"
    assert data["total"]["pagu"] == 26736518416  # the seed's total (lines 1235 and 1402)
    with pytest.raises(CommandError) as exc:
        export("--pemda", "32.16")
    assert str(exc.value) == (
        "Renja tahun 2026 untuk Dinas Sosial Kabupaten Bekasi (1.06.0.00.0.00.01.0000) tidak ditemukan."
    )
    with pytest.raises(CommandError, match="Pemda dengan kode wilayah 99.99 tidak ada."):
        export("--pemda", "99.99")


def test_tanpa_pemda_cukup_bila_kode_hanya_satu():
    assert json.loads(export())["total"]["pagu"] == 26736518416
