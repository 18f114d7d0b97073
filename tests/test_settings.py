"""Settings come from the environment; production settings pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    full_env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}} | env
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_in_production(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="k" * 20 + "-Renja-uji-produksi-" + "z9" * 20,
        RENJA_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_secret_key_refuses_to_start(tmp_path):
    result = run_manage("check", DEBUG="0", SECRET_KEY="", RENJA_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY wajib diisi" in result.stderr


def test_defaults(settings):
    assert settings.TIME_ZONE == "Asia/Jakarta"
    assert settings.LANGUAGE_CODE == "id"
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_sqlite_file_database_runs_in_wal_mode(tmp_path):
    code = (
        "from django.db import connection; c = connection.cursor(); c.execute('PRAGMA journal_mode'); "
        "print(c.fetchone()[0])"
    )
    # a folder that does not exist yet, as on a fresh checkout
    result = run_manage("shell", "-c", code, RENJA_VAR_DIR=str(tmp_path / "var-baru"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "wal"


def test_own_css_and_htmx_are_served(client, db):
    # the base template links both; a missing static file would leave the pages unstyled
    from django.contrib.staticfiles import finders

    assert finders.find("renja/renja.css")
    assert finders.find("django_htmx/htmx-2.min.js")
