"""`renja periksa renja --tahun N --opd KODE [--pemda KODE] [--tahap KODE] [--format text|json]`: the data rules
over a stored stage; exit 1 when a galat is not accepted."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from renja.perencanaan.models import Indikator, RenjaRow

DINSOS = "1.06.0.00.0.00.01.0000"


def _jalankan(*args):
    out = io.StringIO()
    try:
        call_command("renja_periksa_renja", *args, stdout=out)
        kode = 0
    except SystemExit as e:
        kode = e.code
    return kode, out.getvalue()


def test_demo_prints_its_findings_and_exits_0(db):
    """The demo's latest stage (Rancangan Akhir) has no galat: 38 peringatan and 1 info (tests/pemeriksaan/
    test_data.py), so the command exits 0."""
    kode, out = _jalankan("--tahun", "2026", "--opd", DINSOS)
    assert kode == 0
    assert out.strip().endswith("Renja Dinas Sosial 2026 (Rancangan Akhir): 0 galat, 38 peringatan, 1 info.")
    assert (
        "[peringatan] selisih_antar_tahap (Dinas Sosial Kota Bekasi, Renja 2026 Rancangan Akhir, baris "
        "1.06.04.2.01.0001, indikator 1: target)"
    ) in out


def test_a_negative_target_exits_1_naming_the_row(db, tahap_final):
    row = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01.0001")
    Indikator.objects.filter(row=row).update(target_nilai=Decimal("-10"))
    kode, out = _jalankan("--tahun", "2026", "--opd", DINSOS, "--pemda", "32.75")
    assert kode == 1
    assert (
        "[galat] target_negatif (Dinas Sosial Kota Bekasi, Renja 2026 Rancangan Akhir, baris 1.06.04.2.01.0001, "
        "indikator 1: target): target indikator 1 sub kegiatan 1.06.04.2.01.0001 ('Jumlah Orang yang Mendapatkan"
    ) in out
    assert "negatif: -10 Orang." in out
    assert "1 galat, 38 peringatan, 1 info." in out


def test_json_and_stage_choice(db):
    kode, out = _jalankan("--tahun", "2026", "--opd", DINSOS, "--tahap", "rancangan_akhir_rkpd", "--format", "json")
    assert kode == 0
    data = json.loads(out)
    assert data["renja"] == {"tahun": 2026, "opd": DINSOS, "pemda": "32.75", "tahap": "rancangan_akhir_rkpd"}
    prakiraan = [t for t in data["temuan"] if t["aturan"] == "prakiraan_maju_kosong"]
    assert len(prakiraan) == 51  # Tabel 2.19 prints no prakiraan maju
    assert set(prakiraan[0]["lokasi"]) == {"kutipan", "opd", "tahap", "kode", "isian"}
    assert prakiraan[0]["diterima"] is False and len(prakiraan[0]["sidik"]) == 32


@pytest.mark.parametrize(
    ("args", "pesan"),
    [
        (["--tahun", "2030", "--opd", DINSOS], "Renja tahun 2030 untuk Dinas Sosial"),
        (["--tahun", "2026", "--opd", DINSOS, "--tahap", "perubahan"], "Tahap 'perubahan' tidak ada"),
        (["--tahun", "2026", "--opd", "9.99.0.00.0.00.01.0000"], "9.99.0.00.0.00.01.0000"),
    ],
)
def test_errors_are_messages(db, args, pesan):
    with pytest.raises(CommandError) as exc:
        call_command("renja_periksa_renja", *args, stdout=io.StringIO())
    assert pesan in str(exc.value)
