"""Row count and checksum of every table of a database, and of the files of a folder: the restore drill compares
the backed-up database with the restored one by these. Run as a module it prints them for the database of the
environment (`python -m tests.inti.tabel_checksum MEDIA_DIR`), so a subprocess can read the restored one."""

import hashlib
import json
import sys
from pathlib import Path


def _text(value) -> str:
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    return repr(value)


def tabel_checksums(connection) -> dict[str, list]:
    """{table: [rows, sha256 of its rows sorted]}; Python sorts, so collation does not matter."""
    out = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f'SELECT * FROM "{table}"')
            rows = sorted("\x1f".join(_text(v) for v in row) for row in cursor.fetchall())
            out[table] = [len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest()]
    return out


def folder_checksums(folder: Path) -> dict[str, str]:
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


if __name__ == "__main__":
    import django

    django.setup()
    from django.db import connection

    print(json.dumps({"tabel": tabel_checksums(connection), "media": folder_checksums(Path(sys.argv[1]))}))
