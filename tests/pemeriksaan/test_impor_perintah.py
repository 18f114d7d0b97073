"""`renja impor tahap FILE --tahun N --opd KODE --jenis KODE [--simpan]`: the same check and import as the page."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from renja.perencanaan import services
from renja.perencanaan.models import Tahap
from tests.pemeriksaan import tc33

DINSOS = "1.06.0.00.0.00.01.0000"


@pytest.fixture
def renja_baru(renja2026, users):
    return services.renja_create(
        actor=users["admin"], opd=renja2026.opd, tahun=2027, nomenklatur_versi=renja2026.nomenklatur_versi
    )


def _jalan(*args):
    out = io.StringIO()
    call_command("renja_impor_tahap", *args, stdout=out)
    return out.getvalue()


def test_preview_then_save(tmp_path, renja_baru, tahap_final):
    berkas = tmp_path / "renja.docx"
    berkas.write_bytes(tc33.docx_tc33(tahap_final))
    args = [str(berkas), "--tahun", "2027", "--opd", DINSOS, "--jenis", "rancangan_awal", "--pengguna", "perencana"]
    out = _jalan(*args)
    assert "0 galat, 0 peringatan." in out
    # 6 program, 12 kegiatan, 51 sub kegiatan; total Rp 26.736.518.416 (BAB IV baris 1235)
    assert "6 program, 12 kegiatan, 51 sub kegiatan; total pagu Rp 26.736.518.416" in out
    assert "Pratinjau saja" in out and not Tahap.objects.filter(renja=renja_baru).exists()
    out = _jalan(*args, "--simpan")
    assert "Disimpan: tahap Rancangan Awal Renja Dinas Sosial 2027, 69 baris." in out
    assert Tahap.objects.get(renja=renja_baru).jenis == "rancangan_awal"


def test_operator_is_refused(tmp_path, renja_baru, tahap_final):
    berkas = tmp_path / "renja.xlsx"
    berkas.write_bytes(tc33.xlsx_tc33(tahap_final))
    with pytest.raises(CommandError, match="perencana atau admin"):
        _jalan(
            str(berkas),
            "--tahun",
            "2027",
            "--opd",
            DINSOS,
            "--jenis",
            "rancangan_awal",
            "--pengguna",
            "operator.rehsos",
        )


def test_missing_file_and_unknown_unit(renja_baru):
    with pytest.raises(CommandError, match="tidak dapat dibaca"):
        _jalan("/tidak/ada.docx", "--tahun", "2027", "--opd", DINSOS, "--jenis", "rancangan_awal")
    with pytest.raises(CommandError, match="Unit kerja 'entah' tidak ada"):
        _jalan("x.docx", "--tahun", "2027", "--opd", DINSOS, "--jenis", "rancangan_awal", "--unit", "entah")
