"""`renja periksa dokumen FILE [--format text|json]`: findings, exit 1 on a galat, messages for unreadable files."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests import berkas_jahat
from tests.pemeriksaan import seed

ROOT = Path(__file__).resolve().parents[2]


def _jalankan(*args):
    out = io.StringIO()
    try:
        call_command("renja_periksa_dokumen", *args, stdout=out)
        kode = 0
    except SystemExit as e:
        kode = e.code
    return kode, out.getvalue()


def test_seed_text_exits_1_with_its_findings():
    kode, out = _jalankan(str(seed.SEED))
    assert kode == 1  # the seed has galat (e.g. Tabel 3.16's sums)
    assert "[galat] jumlah_tidak_cocok (Tabel 3.16, baris 786, kolom 5)" in out
    assert '"4.103.700.625"' in out  # the cell is quoted
    assert out.strip().endswith("renja_dinsos_bekasi_2026.txt: 29 galat, 49 peringatan, 0 info.")


def test_json_format(tmp_path):
    kode, out = _jalankan(str(seed.SEED), "--format", "json")
    assert kode == 1
    data = json.loads(out)
    assert len(data) == 78
    cacat = [t for t in data if t["aturan"] == "angka_cacat"]
    assert cacat == [
        {
            "aturan": "angka_cacat",
            "tingkat": "galat",
            "pesan": cacat[0]["pesan"],
            "lokasi": {"tabel": "Tabel 2.19", "baris": 936, "kolom": 9, "kutipan": "Rp .350.000.000"},
        }
    ]


def test_clean_document_exits_0(tmp_path):
    berkas = tmp_path / "bersih.txt"
    berkas.write_text("Tabel 1\nKODE\tURAIAN\tPAGU\n1.06.01.01 - 04\tProgram A\t1.000.000\nTOTAL\t\t1.000.000\n")
    kode, out = _jalankan(str(berkas))
    assert kode == 0
    assert out.strip() == "bersih.txt: 0 galat, 0 peringatan, 0 info."


@pytest.mark.parametrize("jahat", ["zip_terpotong", "zip_bom", "pdf_terenkripsi", "sampah_bernama_docx"])
def test_unreadable_files_get_a_message(tmp_path, jahat):
    nama, isi = berkas_jahat.buat(jahat)
    berkas = tmp_path / nama
    berkas.write_bytes(isi)
    with pytest.raises(CommandError, match=nama.replace(".", r"\.")):
        _jalankan(str(berkas))


def test_missing_file():
    with pytest.raises(CommandError, match="tidak ditemukan"):
        _jalankan("/tidak/ada.docx")


def test_through_the_renja_command_no_traceback(tmp_path):
    nama, isi = berkas_jahat.berkas_50mb()
    berkas = tmp_path / nama
    berkas.write_bytes(isi)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "renja.settings", "RENJA_VAR_DIR": str(tmp_path)}
    renja = [sys.executable, "-m", "renja.cli"] if not (ROOT / ".venv/bin/renja").exists() else [".venv/bin/renja"]
    r = subprocess.run([*renja, "periksa", "dokumen", str(berkas)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert r.returncode == 1
    assert "terlalu besar" in r.stderr and "Traceback" not in r.stderr
    r = subprocess.run(
        [*renja, "periksa", "dokumen", str(seed.SEED), "--format", "json"], cwd=ROOT, env=env, capture_output=True
    )
    assert r.returncode == 1 and json.loads(r.stdout)
    r = subprocess.run([*renja, "periksa", "dokumen"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert r.returncode == 2  # usage
