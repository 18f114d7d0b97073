"""The `renja` command: `renja VERB [NOUN] ...` over Django's management commands.

`renja VERB NOUN ...` runs the management command `renja_VERB_NOUN` when an app provides one (e.g.
`renja impor organisasi FILE` -> `renja_impor_organisasi FILE`), else `renja_VERB` with NOUN as its first
argument (`renja export renja ...` -> `renja_export renja ...`). So each app adds its commands without editing
this file, and the README lists them (tests/test_docs.py). Anything else goes to manage.py as it is
(`renja migrate`, `renja createsuperuser`).
"""

import os
import sys

# The verbs of ARCHITECTURE.md's command grammar.
VERBS = ("serve", "demo", "export", "impor", "periksa", "siapkan", "dokumen", "cadangkan", "pulihkan")


def _setup_env() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.settings")


def manage_main(argv: list[str]) -> int:
    _setup_env()
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
    return 0


def main(argv: list[str] | None = None) -> int:
    from django.db import DatabaseError

    try:
        return _dispatch(list(sys.argv if argv is None else argv))
    except BrokenPipeError:  # `renja export ... | head`: the reader left; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except DatabaseError:
        pesan = _unmigrated_message()
        if pesan is None:
            raise
        sys.stderr.write(pesan + "\n")
        return 1


def _unmigrated_message() -> str | None:
    """After a database error: "run renja migrate" when migrations are pending (the usual cause of "no such
    table" / "relation does not exist"); None when the schema is up to date and the error is something else."""
    try:
        from django.db import DEFAULT_DB_ALIAS, connections
        from django.db.migrations.executor import MigrationExecutor

        connection = connections[DEFAULT_DB_ALIAS]
        connection.close()  # a PostgreSQL transaction that failed accepts no further query
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception:
        return None
    if not plan:
        return None
    return (
        f"renja: database belum dimigrasi ({len(plan)} migrasi belum dijalankan): "
        "jalankan `renja migrate` lalu ulangi perintah ini."
    )


def command_for(args: list[str], available) -> tuple[str, list[str]] | None:
    """(management command, its arguments) for `renja ARGS`, or None when ARGS is no verb of ours."""
    if not args or args[0] not in VERBS:
        return None
    verb, rest = args[0], args[1:]
    if rest and f"renja_{verb}_{rest[0]}" in available:
        return f"renja_{verb}_{rest[0]}", rest[1:]
    return f"renja_{verb}", rest


def _dispatch(argv: list[str]) -> int:
    prog, args = "renja", argv[1:]
    if not args or args[0] not in VERBS:
        return manage_main([prog, *args])
    _setup_env()
    import django
    from django.core.management import get_commands

    django.setup()
    available = get_commands()
    name, rest = command_for(args, available)
    if name not in available:
        sys.stderr.write(f"renja: perintah '{' '.join(args[:2])}' tidak dikenal. Lihat README, bagian Perintah.\n")
        return 2
    return manage_main([prog, name, *rest])


if __name__ == "__main__":
    sys.exit(main())
