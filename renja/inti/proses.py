"""`renja serve` in production: the processes of one Renja server, started and stopped together.

Today that is the web server (gunicorn). The background-task worker joins the list in `proses_latar()` once the
project has background tasks; it is then one more supervised process, started, stopped and restarted with the web
server by the same `renja serve` (one systemd unit), or run on its own elsewhere.
"""

from __future__ import annotations

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
    """Background processes beside the web server. None yet: when django-tasks lands, its worker goes here,
    e.g. Proses("tugas", [sys.executable, "-m", "renja.cli", "db_worker"])."""
    return []


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
