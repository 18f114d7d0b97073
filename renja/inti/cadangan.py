"""Backup and restore: one file holding a consistent snapshot of the database and the media folder.

The file is a ZIP archive (random access: the manifest is read without unpacking the rest):

  database/renja.sqlite3        SQLite, through the online backup API (one read transaction, so consistent
                                while the app writes), or
  database/renja.pgdump         PostgreSQL, pg_dump's custom format when pg_dump is on the PATH, or
  database/tabel/<tabel>.copy   PostgreSQL without pg_dump: every table as COPY text, all read in one
                                REPEATABLE READ, READ ONLY transaction (PostgreSQL's own exact text form)
  media/...                     every file under MEDIA_ROOT
  manifest.json                 written last: format version, created at, vendor and method, the schema (applied
                                migrations per app), rows and columns per table, sha256 and size of every member

The rows per table and the schema come from the same snapshot as the dump (pg_dump is given the snapshot of
our transaction with --snapshot). Media files are copied after the database snapshot; uploads are written once,
so a file the database names is in the backup.

Restore goes into an EMPTY database of the same vendor only (SQLite to SQLite, PostgreSQL to PostgreSQL), and an
empty or absent MEDIA_ROOT. A file whose schema has migrations this code does not know (made by a newer Renja) is
refused. A restored older schema is brought up to date by `renja migrate` (`renja serve` does it). The restore is
not written to the audit log: the restored database is exactly the backed-up one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

FORMAT = "renja-cadangan"
FORMAT_VERSI = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database/renja.sqlite3"
PGDUMP_MEMBER = "database/renja.pgdump"
COPY_DIR = "database/tabel/"
MEDIA_DIR = "media/"
_CHUNK = 1 << 20


class CadanganError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do, in Indonesian."""


@dataclass
class Ringkasan:
    path: Path
    manifest: dict

    @property
    def tabel(self) -> int:
        return len(self.manifest["tabel"])

    @property
    def baris(self) -> int:
        return sum(t["baris"] for t in self.manifest["tabel"].values())

    @property
    def media(self) -> int:
        return sum(1 for name in self.manifest["berkas"] if name.startswith(MEDIA_DIR))


# --- backup ---------------------------------------------------------------------------------------------------


def cadangan_buat(*, tujuan: Path, timpa: bool = False, portabel: bool = False, using: str = DEFAULT_DB_ALIAS):
    """Write one backup file. `portabel` uses our own COPY dump on PostgreSQL even when pg_dump is present."""
    tujuan = Path(tujuan)
    if tujuan.exists() and not timpa:
        raise CadanganError(f"Berkas {tujuan} sudah ada. Pilih nama lain atau pakai --timpa.")
    if not tujuan.parent.is_dir():
        raise CadanganError(f"Folder {tujuan.parent} tidak ada.")
    connection = connections[using]
    sementara = tujuan.with_name(tujuan.name + ".sebagian")
    berkas: dict[str, dict] = {}
    try:
        with (
            tempfile.TemporaryDirectory(prefix="renja-cadangan-") as tmp,
            zipfile.ZipFile(sementara, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf,
        ):
            tmp = Path(tmp)
            if connection.vendor == "sqlite":
                database = _sqlite_backup(connection, tmp, zf, berkas)
            elif connection.vendor == "postgresql":
                database = _pg_backup(connection, tmp, zf, berkas, portabel=portabel)
            else:
                raise CadanganError(f"Database {connection.vendor} tidak didukung untuk cadangan.")
            _media_backup(zf, berkas)
            manifest = {
                "format": FORMAT,
                "versi_format": FORMAT_VERSI,
                "dibuat": timezone.now().isoformat(),
                "database": {"vendor": connection.vendor, "cara": database["cara"]},
                "skema": database["skema"],
                "tabel": database["tabel"],
                "berkas": berkas,
            }
            zf.writestr(MANIFEST, json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False))
        os.replace(sementara, tujuan)
    finally:
        sementara.unlink(missing_ok=True)
    return Ringkasan(tujuan, manifest)


def _add_file(zf: zipfile.ZipFile, berkas: dict, source: Path, arcname: str) -> None:
    """Stream a file into the archive, hashing exactly the bytes written."""
    digest = hashlib.sha256()
    size = 0
    with open(source, "rb") as src, zf.open(arcname, "w", force_zip64=True) as dst:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
            dst.write(chunk)
    berkas[arcname] = {"sha256": digest.hexdigest(), "bytes": size}


def _schema_from_rows(rows) -> dict[str, list[str]]:
    skema: dict[str, list[str]] = {}
    for app, name in rows:
        skema.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(skema.items())}


def _sqlite_backup(connection, tmp: Path, zf, berkas: dict) -> dict:
    copy = tmp / "renja.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(copy)
    try:
        connection.connection.backup(target)  # all pages in one step: one consistent read
    finally:
        target.close()
    db = sqlite3.connect(copy)
    try:
        names = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        if "django_migrations" not in names:
            raise CadanganError("Database belum dimigrasi: tidak ada yang dicadangkan. Jalankan `renja migrate`.")
        tabel = {n: {"baris": db.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0]} for n in names}
        skema = _schema_from_rows(db.execute("SELECT app, name FROM django_migrations"))
        db.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    finally:
        db.close()
    _add_file(zf, berkas, copy, SQLITE_MEMBER)
    return {"cara": "sqlite-backup", "skema": skema, "tabel": tabel}


def _pg_conninfo(connection) -> dict:
    s = connection.settings_dict
    info = {"dbname": s["NAME"], "user": s.get("USER") or None, "password": s.get("PASSWORD") or None}
    info["host"] = s.get("HOST") or None
    info["port"] = str(s["PORT"]) if s.get("PORT") else None
    return {k: v for k, v in info.items() if v}


def _pg_connect(connection):
    import psycopg

    return psycopg.connect(**_pg_conninfo(connection))


def _pg_cli_args(connection) -> tuple[list[str], dict]:
    info = _pg_conninfo(connection)
    args = []
    if "host" in info:
        args += ["--host", info["host"]]
    if "port" in info:
        args += ["--port", info["port"]]
    if "user" in info:
        args += ["--username", info["user"]]
    env = dict(os.environ)
    if "password" in info:
        env["PGPASSWORD"] = info["password"]
    return [*args, "--dbname", info["dbname"]], env


def _pg_tables(cur) -> dict[str, list[str]]:
    cur.execute(
        "SELECT c.relname, a.attname FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema() "
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' "
        "WHERE c.relkind IN ('r', 'p') ORDER BY c.relname, a.attnum"
    )
    tables: dict[str, list[str]] = {}
    for name, column in cur.fetchall():
        tables.setdefault(name, []).append(column)
    return tables


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _pg_backup(connection, tmp: Path, zf, berkas: dict, *, portabel: bool) -> dict:
    from psycopg import IsolationLevel

    pg_dump = None if portabel else shutil.which("pg_dump")
    with _pg_connect(connection) as conn:
        conn.isolation_level = IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        with conn.cursor() as cur:
            tables = _pg_tables(cur)  # the first query fixes the snapshot every later one reads
            if "django_migrations" not in tables:
                raise CadanganError("Database belum dimigrasi: tidak ada yang dicadangkan. Jalankan `renja migrate`.")
            cur.execute("SELECT app, name FROM django_migrations")
            skema = _schema_from_rows(cur.fetchall())
            tabel = {}
            for name, columns in tables.items():
                cur.execute(f"SELECT COUNT(*) FROM {_ident(name)}")
                tabel[name] = {"baris": cur.fetchone()[0], "kolom": columns}
            if pg_dump:
                cur.execute("SELECT pg_export_snapshot()")
                snapshot = cur.fetchone()[0]
                out = tmp / "renja.pgdump"
                args, env = _pg_cli_args(connection)
                result = subprocess.run(
                    [pg_dump, "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                     f"--file={out}", *args],
                    env=env, capture_output=True, text=True,
                )  # fmt: skip
                if result.returncode != 0:
                    raise CadanganError(
                        f"pg_dump gagal: {result.stderr.strip()} (ulangi dengan --portabel untuk dump tanpa pg_dump)."
                    )
                _add_file(zf, berkas, out, PGDUMP_MEMBER)
                cara = "pg_dump"
            else:
                for name, columns in tables.items():
                    _pg_copy_out(cur, zf, berkas, name, columns)
                cara = "copy"
        conn.rollback()
    return {"cara": cara, "skema": skema, "tabel": tabel}


def _pg_copy_out(cur, zf, berkas: dict, name: str, columns: list[str]) -> None:
    arcname = f"{COPY_DIR}{name}.copy"
    digest = hashlib.sha256()
    size = 0
    kolom = ", ".join(_ident(c) for c in columns)
    with zf.open(arcname, "w", force_zip64=True) as dst, cur.copy(f"COPY {_ident(name)} ({kolom}) TO STDOUT") as cp:
        for data in cp:
            chunk = bytes(data)
            digest.update(chunk)
            size += len(chunk)
            dst.write(chunk)
    berkas[arcname] = {"sha256": digest.hexdigest(), "bytes": size}


def _media_backup(zf, berkas: dict) -> None:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
        _add_file(zf, berkas, path, MEDIA_DIR + path.relative_to(root).as_posix())


# --- reading and checking a backup file ------------------------------------------------------------------------


def cadangan_manifest(path: Path) -> dict:
    """The manifest of a backup file, after checking it is one of ours and of a format this code reads."""
    path = Path(path)
    if not path.is_file():
        raise CadanganError(f"Berkas {path} tidak ada.")
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read(MANIFEST))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CadanganError(f"{path} bukan berkas cadangan Renja (manifest tidak terbaca: {exc}).") from exc
    if manifest.get("format") != FORMAT:
        raise CadanganError(f"{path} bukan berkas cadangan Renja.")
    if int(manifest.get("versi_format", 0)) > FORMAT_VERSI:
        raise CadanganError(
            f"{path} memakai format cadangan versi {manifest['versi_format']} dari Renja yang lebih baru "
            f"(versi ini membaca sampai {FORMAT_VERSI}). Pasang Renja yang lebih baru untuk memulihkannya."
        )
    return manifest


def _check_members(zf: zipfile.ZipFile, manifest: dict) -> None:
    names = {i.filename for i in zf.infolist() if not i.is_dir()} - {MANIFEST}
    expected = set(manifest["berkas"])
    if names != expected:
        beda = sorted(names ^ expected)[:5]
        raise CadanganError(f"Isi berkas cadangan tidak sesuai manifest: {', '.join(beda)}. Berkas rusak?")
    for name in sorted(names):
        p = PurePosixPath(name)
        if p.is_absolute() or ".." in p.parts or not (name.startswith(("database/", MEDIA_DIR))):
            raise CadanganError(f"Nama berkas tidak sah di dalam cadangan: {name}.")
        digest = hashlib.sha256()
        with zf.open(name) as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != manifest["berkas"][name]["sha256"]:
            raise CadanganError(f"Checksum {name} tidak cocok dengan manifest: berkas cadangan rusak.")


def _check_schema(manifest: dict) -> None:
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [
        f"{app}.{name}" for app, names in manifest["skema"].items() for name in names if (app, name) not in known
    ]
    if unknown:
        contoh = ", ".join(unknown[:5]) + (f" dan {len(unknown) - 5} lainnya" if len(unknown) > 5 else "")
        raise CadanganError(
            f"Cadangan ini dari skema yang lebih baru daripada kode ini: migrasi {contoh} tidak dikenal. "
            "Pasang versi Renja yang sama atau lebih baru dengan yang membuat cadangan, lalu ulangi."
        )


# --- restore --------------------------------------------------------------------------------------------------


def cadangan_pulihkan(*, sumber: Path, using: str = DEFAULT_DB_ALIAS) -> Ringkasan:
    """Restore a backup file into the (empty) database and media folder of these settings."""
    sumber = Path(sumber)
    manifest = cadangan_manifest(sumber)
    connection = connections[using]
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise CadanganError(
            f"Cadangan ini dari {vendor}; database tujuan {connection.vendor}. Pemulihan hanya ke jenis database "
            "yang sama."
        )
    _check_schema(manifest)
    tables_now = connection.introspection.table_names()
    if tables_now:
        raise CadanganError(
            f"Database tujuan tidak kosong ({len(tables_now)} tabel, mis. {', '.join(sorted(tables_now)[:3])}). "
            "Pulihkan hanya ke database kosong: buat database baru (PostgreSQL) atau pakai berkas SQLite baru."
        )
    media = Path(settings.MEDIA_ROOT)
    if media.exists() and any(media.iterdir()):
        raise CadanganError(f"Folder media {media} tidak kosong. Pulihkan hanya ke folder media yang kosong.")
    with zipfile.ZipFile(sumber) as zf:
        _check_members(zf, manifest)
        cara = manifest["database"]["cara"]
        if cara == "sqlite-backup":
            _sqlite_restore(connection, zf)
        elif cara == "pg_dump":
            _pg_restore(connection, zf)
        elif cara == "copy":
            _copy_restore(connection, zf, manifest)
        else:
            raise CadanganError(f"Cara cadangan '{cara}' tidak dikenal.")
        _check_counts(connection, manifest)
        _media_restore(zf, manifest, media)
    return Ringkasan(sumber, manifest)


def _sqlite_restore(connection, zf) -> None:
    name = connection.settings_dict["NAME"]
    connection.close()
    with tempfile.TemporaryDirectory(prefix="renja-pulih-") as tmp:
        copy = Path(tmp) / "renja.sqlite3"
        with zf.open(SQLITE_MEMBER) as src, open(copy, "wb") as dst:
            shutil.copyfileobj(src, dst, _CHUNK)
        source = sqlite3.connect(copy)
        target = sqlite3.connect(name)
        try:
            source.backup(target)  # one step: the target gets all pages in one write transaction
            target.execute("PRAGMA journal_mode=WAL")
        finally:
            target.close()
            source.close()


def _pg_restore(connection, zf) -> None:
    pg_restore = shutil.which("pg_restore")
    if not pg_restore:
        raise CadanganError(
            "Cadangan ini dibuat dengan pg_dump; pemulihannya memerlukan pg_restore di PATH (paket postgresql-client)."
        )
    connection.close()
    with tempfile.TemporaryDirectory(prefix="renja-pulih-") as tmp:
        dump = Path(tmp) / "renja.pgdump"
        with zf.open(PGDUMP_MEMBER) as src, open(dump, "wb") as dst:
            shutil.copyfileobj(src, dst, _CHUNK)
        args, env = _pg_cli_args(connection)
        result = subprocess.run(
            [pg_restore, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", *args, str(dump)],
            env=env,
            capture_output=True,
            text=True,
        )
    if result.returncode != 0:
        raise CadanganError(f"pg_restore gagal (database tetap kosong): {result.stderr.strip()}")


def _copy_restore(connection, zf, manifest: dict) -> None:
    """Schema by our own migrations up to the backup's state, then every table's rows, in one transaction."""
    with transaction.atomic(using=connection.alias):
        executor = MigrationExecutor(connection)
        targets = _leaf_migrations(executor.loader.graph, manifest["skema"])
        executor.migrate(targets, plan=executor.migration_plan(targets))
        tables = manifest["tabel"]
        missing = sorted(set(tables) - set(connection.introspection.table_names()))
        if missing:
            raise CadanganError(f"Tabel {', '.join(missing)} tidak dibuat oleh migrasi kode ini; pemulihan dibatalkan.")
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE " + ", ".join(_ident(t) for t in tables))  # rows migrations wrote
            # Django's foreign keys are DEFERRABLE; the schema editor left them IMMEDIATE in this transaction.
            # Deferred, tables load in any order and every key is checked at commit.
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            raw = cursor.cursor
            for name, info in tables.items():
                kolom = ", ".join(_ident(c) for c in info["kolom"])
                with (
                    zf.open(f"{COPY_DIR}{name}.copy") as src,
                    raw.copy(f"COPY {_ident(name)} ({kolom}) FROM STDIN") as cp,
                ):
                    while chunk := src.read(_CHUNK):
                        cp.write(chunk)
            _pg_reset_sequences(cursor, tables)
            _check_counts(connection, manifest)


def _leaf_migrations(graph, skema: dict[str, list[str]]) -> list[tuple[str, str]]:
    """Per app the recorded migrations no other recorded one of the app follows: migrating to them (forwards only)
    rebuilds exactly the recorded schema."""
    recorded = {(app, name) for app, names in skema.items() for name in names}
    return sorted(
        node
        for node in recorded
        if not any(child.key in recorded and child.key[0] == node[0] for child in graph.node_map[node].children)
    )


def _pg_reset_sequences(cursor, tables: dict) -> None:
    for name, info in tables.items():
        for column in info["kolom"]:
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [_ident(name), column])
            sequence = cursor.fetchone()[0]
            if sequence:
                cursor.execute(
                    f"SELECT setval(%s, COALESCE(MAX({_ident(column)}), 1), MAX({_ident(column)}) IS NOT NULL) "
                    f"FROM {_ident(name)}",
                    [sequence],
                )


def _check_counts(connection, manifest: dict) -> None:
    with connection.cursor() as cursor:
        beda = []
        for name, info in manifest["tabel"].items():
            cursor.execute(f"SELECT COUNT(*) FROM {_ident(name)}")
            n = cursor.fetchone()[0]
            if n != info["baris"]:
                beda.append(f"{name}: {n} baris, cadangan {info['baris']}")
    if beda:
        raise CadanganError("Hasil pemulihan tidak cocok dengan cadangan: " + "; ".join(beda[:5]))


def _media_restore(zf, manifest: dict, media: Path) -> None:
    names = sorted(n for n in manifest["berkas"] if n.startswith(MEDIA_DIR))
    if not names:
        return
    media.parent.mkdir(parents=True, exist_ok=True)
    sementara = Path(tempfile.mkdtemp(prefix=".media-pulih-", dir=media.parent))
    try:
        for name in names:
            target = sementara / PurePosixPath(name).relative_to(MEDIA_DIR.rstrip("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(name) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst, _CHUNK)
        if media.exists():
            media.rmdir()  # checked empty before the restore began
        os.replace(sementara, media)
    finally:
        if sementara.exists():
            shutil.rmtree(sementara)
