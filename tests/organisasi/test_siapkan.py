"""`renja siapkan`: the first start of a real installation."""

import os
import sqlite3
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from renja.organisasi import access
from renja.organisasi.models import Akun, Pemda, PenugasanPeran, Peran

ROOT = Path(__file__).resolve().parents[2]


def siapkan(**kwargs) -> str:
    out = StringIO()
    call_command("renja_siapkan", no_input=True, stdout=out, **kwargs)
    return out.getvalue()


@pytest.mark.django_db
def test_siapkan_creates_admin_and_pemda_and_says_what_next(django_user_model):
    out = siapkan(admin="kepala.it", sandi="Contoh-Renja-2027!", pemda_kode="33.74", pemda_nama="Kota Semarang")
    user = django_user_model.objects.get(username="kepala.it")
    assert user.check_password("Contoh-Renja-2027!") and access.is_global_admin(user)
    assert PenugasanPeran.objects.get(user=user).lingkup == "instalasi"
    pemda = Pemda.objects.get(kode="33.74")
    assert (pemda.nama, pemda.jenis) == ("Kota Semarang", "kota")  # jenis from the code: 74 >= 71
    assert "Pemda Kota Semarang (33.74, Kota) dibuat." in out
    assert "renja impor organisasi BERKAS.xlsx --pemda 33.74" in out and "/kelola/" in out


@pytest.mark.django_db
def test_siapkan_without_password_prints_a_one_time_password(django_user_model):
    out = siapkan(admin="admin2", pemda_kode="33", pemda_nama="Provinsi Jawa Tengah")
    line = next(x for x in out.splitlines() if x.startswith("Kata sandi sekali pakai untuk 'admin2': "))
    sandi = line.rsplit(": ", 1)[1]
    assert django_user_model.objects.get(username="admin2").check_password(sandi)
    assert Akun.objects.get(user__username="admin2").wajib_ganti_sandi
    assert Pemda.objects.get(kode="33").jenis == "provinsi"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kwargs,pesan",
    [
        (
            {"pemda_kode": "33.74", "pemda_nama": "X", "pemda_jenis": "kabupaten"},
            "nomor 71-99 setelah titik adalah kota",
        ),
        ({"pemda_kode": "3374", "pemda_nama": "X"}, "tidak sesuai format Kemendagri"),
        (
            {"sandi": "12345678", "pemda_kode": "33.74", "pemda_nama": "X"},
            "Kata sandi admin: Kata sandi ini terlalu umum",
        ),
    ],
)
def test_siapkan_refuses_bad_input_and_writes_nothing(kwargs, pesan, django_user_model):
    with pytest.raises(CommandError, match=pesan):
        siapkan(admin="baru", **kwargs)
    assert not django_user_model.objects.filter(username="baru").exists()
    assert not Pemda.objects.filter(kode__startswith="33").exists()


def test_siapkan_on_an_empty_database_without_demo(tmp_path):
    """From nothing (RENJA_DEMO=0, SQLite in a fresh folder): migrate, nomenclature, admin, Pemda; exit 0."""
    env = {**os.environ, "RENJA_VAR_DIR": str(tmp_path), "RENJA_DEMO": "0", "DATABASE_URL": "", "DEBUG": "1"}
    cmd = [sys.executable, "-m", "renja.cli", "siapkan", "--admin", "admin", "--sandi", "Contoh-Renja-2027!"]
    cmd += ["--pemda-kode", "32.99", "--pemda-nama", "Kota Contoh", "--no-input"]
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Instalasi siap." in result.stdout and "Traceback" not in result.stderr
    db = sqlite3.connect(tmp_path / "renja.sqlite3")
    assert db.execute("select kode, nama, jenis from organisasi_pemda").fetchall() == [("32.99", "Kota Contoh", "kota")]
    assert db.execute("select count(*) from organisasi_perangkatdaerah").fetchone() == (0,)
    # both shipped versions: 2023 (4.367 codes) and 2027 (8.539 codes)
    assert db.execute("select count(*) from nomenklatur_nomenklatur").fetchone() == (4367 + 8539,)
    peran = db.execute(
        "select u.username, p.peran, p.opd_id, p.pemda_id"
        " from organisasi_penugasanperan p join auth_user u on u.id = p.user_id"
    ).fetchall()
    assert peran == [("admin", Peran.ADMIN, None, None)]
    # a second run keeps what is there and adds nothing
    again = subprocess.run(cmd[:4] + ["--no-input"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "Admin instalasi sudah ada; dilewati." in again.stdout and "Pemda sudah ada; dilewati." in again.stdout


@pytest.mark.django_db
def test_siapkan_asks_when_run_in_a_terminal(monkeypatch, django_user_model):
    answers = iter(["", "33.74", "Kota Semarang"])  # admin name: the default 'admin'... taken by the demo
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    monkeypatch.setattr("getpass.getpass", lambda prompt: "")
    out = StringIO()
    with pytest.raises(CommandError, match="Nama pengguna 'admin' sudah dipakai"):
        call_command("renja_siapkan", stdout=out)
    answers = iter(["kepala.it", "33.74", "Kota Semarang"])
    call_command("renja_siapkan", stdout=out)
    assert access.is_global_admin(django_user_model.objects.get(username="kepala.it"))
    assert Pemda.objects.get(kode="33.74").jenis == "kota"
    assert "Kata sandi sekali pakai untuk 'kepala.it': " in out.getvalue()
