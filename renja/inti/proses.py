"""`renja serve`: the processes of one Renja server, started and stopped together.

In production that is the web server (gunicorn) and the background-task worker of `proses_latar()` (django-tasks'
database backend, `renja db_worker`): one more supervised process, started, stopped and restarted with the web
server by the same `renja serve` (one systemd unit), or run on its own elsewhere. With DEBUG=1 (`make run`) the
worker runs beside Django's development server (`latar_berjalan()`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Proses:
    nama: str
    argv: list[str]


def alamat_bind(addrport: str) -> str:
    """`8000` -> `127.0.0.1:8000`; `0.0.0.0:80`, `[::1]:8000` and `unix:/run/renja.sock` stay as they are."""
    if addrport.startswith("unix:") or ":" in addrport:
        return addrport
    return f"127.0.0.1:{addrport}"


def jumlah_worker() -> int:
    """gunicorn's advice, (2 x CPU) + 1, unless RENJA_WORKERS says otherwise."""
    if settings.RENJA_WORKERS:
        return settings.RENJA_WORKERS
    return 2 * len(os.sched_getaffinity(0)) + 1


def proses_web(addrport: str) -> Proses:
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "renja.wsgi:application",
        "--bind",
        alamat_bind(addrport),
        "--workers",
        str(jumlah_worker()),
        "--threads",
        str(settings.RENJA_THREADS),
        "--graceful-timeout",
        "20",
        "--access-logfile",
        "-",
        "--name",
        "renja",
    ]
    return Proses("web", argv)


def proses_latar() -> list[Proses]:
    """Background processes beside the web server: the django-tasks worker when tasks go through the database
    backend (none when RENJA_TUGAS=langsung runs each task inside its request)."""
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    if not backend.startswith("django_tasks_db."):
        return []
    return [Proses("tugas", [sys.executable, "-m", "renja.cli", "db_worker"])]


@contextlib.contextmanager
def latar_berjalan(daftar: list[Proses] | None = None):
    """The background processes running for the duration of a `with` (the development server's), stopped
    with SIGTERM (then killed after 10 s) when it ends."""
    berjalan = [subprocess.Popen(p.argv) for p in (proses_latar() if daftar is None else daftar)]
    try:
        yield berjalan
    finally:
        for proc in berjalan:
            if proc.poll() is None:
                proc.terminate()
        for proc in berjalan:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def proses_jalankan(daftar: list[Proses], *, tulis=print) -> int:
    """Start every process; a SIGTERM/SIGINT is passed on to all of them; when one ends, the others are stopped.

    Returns 0 after a requested stop, else the exit code of the process that ended first."""
    berjalan = [(p, subprocess.Popen(p.argv)) for p in daftar]
    diminta_berhenti = False

    def berhenti(signum, _frame):
        nonlocal diminta_berhenti
        diminta_berhenti = True
        for _, proc in berjalan:
            if proc.poll() is None:
                proc.send_signal(signum)

    lama = {s: signal.signal(s, berhenti) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        while True:
            selesai = [(p, proc) for p, proc in berjalan if proc.poll() is not None]
            if selesai:
                break
            time.sleep(0.2)
        pertama, proc_pertama = selesai[0]
        if not diminta_berhenti:
            tulis(f"Proses {pertama.nama} berhenti (kode {proc_pertama.returncode}); menghentikan yang lain.")
        for _, proc in berjalan:
            if proc.poll() is None:
                proc.terminate()
        batas = time.monotonic() + 30
        for _, proc in berjalan:
            try:
                proc.wait(timeout=max(0.1, batas - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    finally:
        for s, handler in lama.items():
            signal.signal(s, handler)
    if diminta_berhenti:
        return 0
    return proc_pertama.returncode or 0
