"""Issue 10, Build 5 / acceptance: every command that names an OPD keeps two Pemda apart.

Kota Semarang (33.74) gets a Dinas Sosial under the very SIPD code of Bekasi's (1.06.0.00.0.00.01.0000). Then
`--opd` alone is ambiguous and must be refused naming both Pemda, and `--pemda` picks one: Semarang's OPD has no
Renja, so each command says that for Semarang instead of quietly using Bekasi's data.
"""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from renja.organisasi import services

DINSOS = "1.06.0.00.0.00.01.0000"
SIPD = "tests/monev/data/sipd_realisasi_2026.json"

# (command, arguments without --opd/--pemda): every management command of ours that takes --opd.
PERINTAH = [
    ("renja_export", ["renja", "--tahun", "2026", "--format", "json"]),
    ("renja_export_evaluasi", ["--tahun", "2024", "--format", "json"]),
    ("renja_impor_realisasi", [SIPD, "--tahun", "2026"]),
    ("renja_export_ikm", ["--periode", "2024", "--format", "json"]),
    ("renja_impor_ikm", ["templat-terisi.xlsx", "--periode", "2024"]),  # refused before the file is read
    ("renja_periksa_renja", ["--tahun", "2026"]),
    ("renja_impor_tahap", [SIPD, "--tahun", "2026", "--jenis", "perubahan"]),
    ("renja_dokumen", ["--tahun", "2026", "--format", "docx", "-o", "/tmp/renja-uji-opd-ganda.docx"]),
]


@pytest.fixture
def semarang(db):
    pemda = services.pemda_create(actor=None, kode="33.74", nama="Kota Semarang", jenis="kota", system=True)
    return services.opd_create(actor=None, pemda=pemda, kode=DINSOS, nama="Dinas Sosial", system=True)


def test_every_command_with_opd_is_listed():
    """A new command that takes --opd must join PERINTAH (and so this isolation test)."""
    from django.core.management import get_commands, load_command_class

    with_opd = set()
    for name, app in get_commands().items():
        if not name.startswith("renja_"):
            continue
        parser = load_command_class(app, name).create_parser("renja", name)
        if any("--opd" in a.option_strings for a in parser._actions):
            with_opd.add(name)
    assert with_opd == {name for name, _ in PERINTAH}


@pytest.mark.parametrize("name,args", PERINTAH, ids=[p[0] for p in PERINTAH])
def test_ambiguous_opd_is_refused_naming_both_pemda(semarang, name, args):
    with pytest.raises(CommandError) as exc:
        call_command(name, *args, "--opd", DINSOS, stdout=io.StringIO())
    pesan = str(exc.value)
    assert "32.75" in pesan and "Kota Bekasi" in pesan
    assert "33.74" in pesan and "Kota Semarang" in pesan


@pytest.mark.parametrize("name,args", PERINTAH, ids=[p[0] for p in PERINTAH])
def test_pemda_picks_the_other_pemda_and_never_bekasi_data(semarang, name, args):
    with pytest.raises(CommandError) as exc:
        call_command(name, *args, "--opd", DINSOS, "--pemda", "33.74", stdout=io.StringIO())
    assert "tidak ditemukan" in str(exc.value) and "Semarang" in str(exc.value)


def test_pemda_bekasi_still_exports_its_renja(semarang):
    """With --pemda 32.75 the export is Bekasi's: total Rp 26.736.518.416 (the demo's final Renja 2026)."""
    out = io.StringIO()
    call_command("renja_export", "renja", "--tahun", "2026", "--opd", DINSOS, "--pemda", "32.75", stdout=out)
    data = json.loads(out.getvalue())
    assert data["opd"]["pemda"] == "Kota Bekasi"
    assert data["total"]["pagu"] == 26_736_518_416
