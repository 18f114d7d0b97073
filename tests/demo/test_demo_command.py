"""Defect 12 (issue 6): `renja demo` on a database that was never migrated ended in a "no such table" traceback."""

import subprocess

import pytest

from tests.database_baru import ROOT, database_baru, renja_argv


@pytest.mark.django_db
def test_demo_on_a_never_migrated_database_migrates_first(tmp_path):
    with database_baru(tmp_path, DEBUG="1", RENJA_DEMO="1") as env:
        result = subprocess.run(renja_argv("demo"), cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    # the demo's Renja, and the six demo logins printed once it is there
    assert "Data demo dimuat: Renja Dinas Sosial 2026" in result.stdout
    assert "operator.linjamsos" in result.stdout


@pytest.mark.django_db
def test_any_renja_command_on_an_unmigrated_database_says_to_migrate(tmp_path):
    with database_baru(tmp_path) as env:
        result = subprocess.run(
            renja_argv("export", "renja", "--tahun", "2026", "--opd", "1.06.0.00.0.00.01.0000"),
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "database belum dimigrasi" in result.stderr
    assert "jalankan `renja migrate`" in result.stderr
