"""Backup and restore (issue 6, Build 3): `renja cadangkan` / `renja pulihkan`, with the restore drill."""

import json
import os
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from renja.inti import cadangan
from tests.database_baru import ROOT, database_baru, renja_argv, session_is_postgresql
from tests.inti.tabel_checksum import folder_checksums, tabel_checksums

ROW = "1.06.04.2.01.0002"  # Penyediaan Sandang (Rehsos): 150 Orang, Rp 100.000.000 in the final stage
PDF = b"%PDF-1.4\n% lampiran uji pemulihan\n" + bytes(range(256)) * 40


def _edit_through_the_service():
    from django.contrib.auth import get_user_model

    from renja.inti.models import AuditEvent
    from renja.perencanaan import services
    from renja.perencanaan.models import RenjaRow
    from renja.perencanaan.services import IndikatorInput, RowInput
    from renja.perencanaan.targets import Target

    row = RenjaRow.objects.get(tahap__jenis="rancangan_akhir", tahap__renja__tahun=2026, kode=ROW)
    data = RowInput(
        kode=row.kode,
        nama=row.nama,
        unit=row.unit,
        lokasi=row.lokasi,
        indikator=[
            IndikatorInput(uraian=row.indikator.get().uraian, target=Target(nilai=Decimal(175)), satuan="Orang")
        ],
        pagu={"PAD": Decimal(120000000)},
    )
    operator = get_user_model().objects.get(username="operator.rehsos")
    services.subkegiatan_update(actor=operator, row=row, expected_version=row.version, data=data)
    assert AuditEvent.objects.filter(action="subkegiatan_update", object_id=str(row.pk)).count() == 1


def _restored(env, media: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "tests.inti.tabel_checksum", str(media)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


# The new row takes the next id after the restored ones: sequences (PostgreSQL) / sqlite_sequence came along.
NEW_ROW = """
from renja.organisasi import services
from renja.organisasi.models import PerangkatDaerah
from renja.inti.models import AuditEvent
opd = PerangkatDaerah.objects.get(kode="1.06.0.00.0.00.01.0000")
unit = services.unit_upsert(actor=None, opd=opd, kode="uji-pulih", nama="Unit uji setelah pemulihan")
print(unit.pk, AuditEvent.objects.order_by("-pk").first().pk)
"""


def _drill(tmp_path: Path, name: str, *, cara: str, portabel_path: str | None = None) -> None:
    backup = tmp_path / f"{name}.zip"
    if portabel_path is not None:
        old_path = os.environ["PATH"]
        os.environ["PATH"] = portabel_path
    try:
        call_command("renja_cadangkan", str(backup))
    finally:
        if portabel_path is not None:
            os.environ["PATH"] = old_path
    manifest = cadangan.cadangan_manifest(backup)
    assert manifest["database"] == {"vendor": connection.vendor, "cara": cara}
    # every inti migration this code has (0001_initial, and 0002_notifikasi since monev), as applied
    assert manifest["skema"]["inti"] == sorted(
        name for app, name in MigrationRecorder(connection).applied_migrations() if app == "inti"
    )
    assert manifest["skema"]["inti"][0] == "0001_initial"
    assert manifest["berkas"]["media/lampiran/renja-2026.pdf"]["bytes"] == len(PDF)

    before = tabel_checksums(connection)
    assert before["inti_auditevent"][0] > 0 and before["perencanaan_renjarow"][0] > 0
    from django.conf import settings

    before_media = folder_checksums(settings.MEDIA_ROOT)
    assert list(before_media) == ["lampiran/renja-2026.pdf"]

    target_var = tmp_path / f"pulih-{name}"
    with database_baru(target_var, **({"PATH": portabel_path} if portabel_path else {})) as env:
        result = subprocess.run(
            renja_argv("pulihkan", str(backup)), cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert f"{manifest_rows(manifest)} baris, 1 berkas media" in result.stdout
        after = _restored(env, target_var / "media")
        assert after["tabel"] == before  # every table: the same rows, audit log included
        assert after["media"] == before_media

        from renja.inti.models import AuditEvent
        from renja.organisasi.models import UnitKerja

        result = subprocess.run(
            renja_argv("shell", "-c", NEW_ROW), cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr
        unit_pk, event_pk = map(int, result.stdout.strip().splitlines()[-1].split())
        # No restored id is given again. A dump (pg_dump, SQLite's backup) carries the counters as they were,
        # so the next id is the source's next one, past ids that earlier tests of the session used and rolled
        # back; the portable copy sets each counter to the highest restored id.
        for model, pk in ((UnitKerja, unit_pk), (AuditEvent, event_pk)):
            highest = model.objects.order_by("-pk").first().pk
            assert pk == (highest + 1 if cara == "copy" else _next_id(model)), model.__name__


def _next_id(model) -> int:
    """The id the source database would give the next row of `model`, read without taking it."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
            (sequence,) = cursor.fetchone()
            cursor.execute(f"SELECT last_value, is_called FROM {sequence}")
            last, called = cursor.fetchone()
            return last + 1 if called else last
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        return (row[0] if row else 0) + 1


def manifest_rows(manifest: dict) -> int:
    return sum(t["baris"] for t in manifest["tabel"].values())


@pytest.mark.django_db(transaction=True)
def test_restore_drill(tmp_path, settings):
    from renja.demo import loader
    from tests.conftest import TEST_PASSWORD

    if not loader.demo_is_loaded():  # transactional tests start from the flushed database
        loader.demo_load(passwords={u[0]: TEST_PASSWORD for u in loader.DEMO_USERS})
    _edit_through_the_service()
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "lampiran").mkdir(parents=True)
    (settings.MEDIA_ROOT / "lampiran" / "renja-2026.pdf").write_bytes(PDF)

    if session_is_postgresql():
        _drill(tmp_path, "pg_dump", cara="pg_dump")
        no_pg_dump = tmp_path / "bin-tanpa-pg_dump"  # nothing on the PATH: no pg_dump, no pg_restore
        no_pg_dump.mkdir()
        _drill(tmp_path, "portabel", cara="copy", portabel_path=str(no_pg_dump))
    else:
        _drill(tmp_path, "sqlite", cara="sqlite-backup")


def _fake_backup(path: Path, **manifest) -> Path:
    base = {
        "format": cadangan.FORMAT,
        "versi_format": cadangan.FORMAT_VERSI,
        "dibuat": "2026-12-01T10:00:00+00:00",
        "database": {"vendor": connection.vendor, "cara": "copy"},
        "skema": {"inti": ["0001_initial"]},
        "tabel": {},
        "berkas": {},
    }
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(cadangan.MANIFEST, json.dumps(base | manifest))
    return path


def test_restore_refuses_a_backup_from_a_newer_schema(tmp_path, db):
    path = _fake_backup(tmp_path / "baru.zip", skema={"inti": ["0001_initial", "0002_dari_versi_baru"]})
    with pytest.raises(
        CommandError, match=r"skema yang lebih baru .* migrasi inti\.0002_dari_versi_baru tidak dikenal"
    ):
        call_command("renja_pulihkan", str(path))


def test_restore_refuses_a_newer_file_format(tmp_path, db):
    path = _fake_backup(tmp_path / "format.zip", versi_format=cadangan.FORMAT_VERSI + 1)
    with pytest.raises(CommandError, match="format cadangan versi 2 dari Renja yang lebih baru"):
        call_command("renja_pulihkan", str(path))


def test_restore_refuses_a_database_that_is_not_empty(tmp_path, db):
    path = _fake_backup(tmp_path / "isi.zip")
    with pytest.raises(CommandError, match="Database tujuan tidak kosong"):
        call_command("renja_pulihkan", str(path))


def test_restore_refuses_another_vendor(tmp_path, db):
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    path = _fake_backup(tmp_path / "lain.zip", database={"vendor": other, "cara": "copy"})
    with pytest.raises(CommandError, match=f"Cadangan ini dari {other}"):
        call_command("renja_pulihkan", str(path))


def test_restore_refuses_what_is_not_a_backup(tmp_path, db):
    path = tmp_path / "bukan.zip"
    path.write_text("ini bukan zip")
    with pytest.raises(CommandError, match="bukan berkas cadangan Renja"):
        call_command("renja_pulihkan", str(path))


def test_backup_does_not_overwrite_an_existing_file(tmp_path, db):
    path = tmp_path / "ada.zip"
    path.write_bytes(b"cadangan kemarin")
    with pytest.raises(CommandError, match="sudah ada. Pilih nama lain atau pakai --timpa"):
        call_command("renja_cadangkan", str(path))
    assert path.read_bytes() == b"cadangan kemarin"
