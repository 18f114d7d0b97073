"""A fresh, never-migrated database for commands run in a subprocess, on the vendor of the test session.

SQLite: a new RENJA_VAR_DIR (the database file is created there). PostgreSQL: a throwaway database created on the
session's server and dropped afterwards. Yields the environment for the subprocess.
"""

import contextlib
import os
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "uji-produksi-" + "k9" * 30,
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "0",
    "SESSION_COOKIE_SECURE": "0",
    "CSRF_COOKIE_SECURE": "0",
    "SECURE_HSTS_SECONDS": "0",
    "RENJA_DEMO": "0",
}


def session_is_postgresql() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


def _admin_url() -> str:
    return os.environ["DATABASE_URL"]


def _with_dbname(url: str, name: str) -> str:
    base, _, _old = url.rpartition("/")
    return f"{base}/{name}"


@contextlib.contextmanager
def postgres_database(prefix: str = "renja_uji"):
    """Create a throwaway PostgreSQL database next to the session's; yields its URL; drops it afterwards."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(_admin_url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _with_dbname(_admin_url(), name)
    finally:
        with psycopg.connect(_admin_url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def database_baru(var_dir: Path, **extra):
    """Environment for a subprocess that uses a fresh database (and var_dir for files)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env |= {"RENJA_VAR_DIR": str(var_dir), "PYTHONPATH": str(ROOT), **extra}
    if session_is_postgresql():
        with postgres_database() as url:
            yield env | {"DATABASE_URL": url}
    else:
        yield env


def renja_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "renja.cli", *args]
