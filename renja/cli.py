"""The `renja` command: a thin wrapper over Django's manage.py with a few named sub-commands.

renja serve [ADDR:PORT]      migrate, load demo data into an empty database, serve
renja demo [--reset]         load (or reload) the Dinas Sosial Kota Bekasi 2026 demo data
renja export renja ...       print a Renja as JSON or CSV
renja <any manage.py command>
"""

import os
import sys


def _setup_env() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.settings")


def manage_main(argv: list[str]) -> int:
    _setup_env()
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        return _dispatch(list(sys.argv if argv is None else argv))
    except BrokenPipeError:  # `renja export ... | head`: the reader left; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _dispatch(argv: list[str]) -> int:
    prog, args = "renja", argv[1:]
    if args and args[0] == "serve":
        return manage_main([prog, "renja_serve", *args[1:]])
    if args and args[0] == "demo":
        return manage_main([prog, "renja_demo", *args[1:]])
    if args and args[0] == "export":
        return manage_main([prog, "renja_export", *args[1:]])
    return manage_main([prog, *args])


if __name__ == "__main__":
    sys.exit(main())
