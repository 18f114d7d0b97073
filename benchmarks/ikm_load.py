"""IKM survey load: N respondents (default 1.000) fill the public form concurrently against the production server
(`renja serve`, DEBUG=0, gunicorn) on a throwaway PostgreSQL database (or SQLite with --sqlite).

Set-up, in that database (dropped at the end): migrate, the demo (Dinas Sosial Kota Bekasi), one layanan and a
survey period open today with its public link, through the renja.ikm services. The server is started with the
per-address rate limit raised (every simulated respondent comes from 127.0.0.1; the value is printed).

Phases, each with every client in flight at once (asyncio + httpx, each respondent its own client and cookie jar):
  1. reference: N GETs of a trivial page of the same server (the thank-you page: one query, a small template);
  2. survey: each respondent GETs the form (CSRF cookie + token), then POSTs the 9 answers, the profile and a
     suggestion carrying a marker unique to that respondent; a 302 to the thank-you page is an accepted response;
  3. duplicates: each respondent that was accepted POSTs again with its cookie jar (the signed "sudah mengisi"
     cookie): every one must be refused (403), none stored.
Then the database is checked: stored responses == accepted, every accepted marker stored exactly once, no refused
or failed one stored.

Bounded: --responden 1..5000, a hard --batas seconds per phase; traffic only to 127.0.0.1.
Run: .venv/bin/python benchmarks/ikm_load.py [--responden 1000] [--serentak 1000] [--workers N] [--sqlite]
"""

import argparse
import asyncio
import contextlib
import datetime
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOST = "127.0.0.1"  # never anything else
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def args_parse():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--responden", type=int, default=1000, help="simulated respondents (default 1000)")
    p.add_argument("--serentak", type=int, default=0, help="clients in flight at once (0: all of them)")
    p.add_argument("--workers", type=int, default=0, help="gunicorn workers (0: renja serve's default)")
    p.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker")
    p.add_argument("--pg", default=os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    p.add_argument("--sqlite", action="store_true", help="a throwaway SQLite file instead of PostgreSQL")
    p.add_argument("--batas", type=float, default=600, help="hard time limit of each HTTP phase, seconds")
    a = p.parse_args()
    if not 1 <= a.responden <= 5000:
        p.error("--responden 1..5000")
    return a


def with_db(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def pct(values, q):
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def setup_database() -> str:
    """Migrate, the demo, a layanan and an open period with its link. Returns the link's token."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from renja.demo import loader
    from renja.ikm import services
    from renja.organisasi.models import PerangkatDaerah

    call_command("migrate", verbosity=0)
    loader.demo_load()
    opd = PerangkatDaerah.objects.get(kode=loader.OPD_KODE)
    perencana = get_user_model().objects.get(username="perencana")
    layanan = services.layanan_create(
        actor=perencana, opd=opd, kode="BEBAN", nama="Layanan uji beban", populasi=100_000
    )
    hari_ini = timezone.localdate()
    periode = services.periode_create(
        actor=perencana,
        opd=opd,
        kode="BEBAN",
        nama="Periode uji beban",
        mulai=hari_ini - datetime.timedelta(days=1),
        selesai=hari_ini + datetime.timedelta(days=1),
    )
    services.tautan_buat(actor=perencana, periode=periode)
    return periode.tautan.get(layanan=layanan).token


class Fase:
    def __init__(self):
        self.ms: list[float] = []
        self.status: Counter = Counter()
        self.detik = 0.0


class Survei:
    def __init__(self):
        self.form = Fase()
        self.kirim = Fase()
        self.ulang = Fase()
        self.diterima: list[str] = []  # markers of accepted responses
        self.ditolak: list[str] = []  # markers of responses not accepted (any non-302)
        self.cookies: dict[str, object] = {}  # marker -> cookie jar after an accepted response


_TRANSPORT = None


@contextlib.asynccontextmanager
async def _client(base: str, cookies=None):
    """A respondent's own client and cookie jar, over the connection pool of the phase: building an httpx client
    with its own pool costs ~85 ms of client CPU (its TLS context), which on this machine would measure the client,
    not the server. Not closed here: closing a client closes the shared pool (_Pool does that)."""
    import httpx

    yield httpx.AsyncClient(
        base_url=base, follow_redirects=False, timeout=httpx.Timeout(900.0), cookies=cookies, transport=_TRANSPORT
    )


class _Pool:
    """The shared connection pool of one phase (as many connections as clients in flight), closed at its end."""

    def __init__(self, serentak: int):
        self.serentak = serentak

    async def __aenter__(self):
        import httpx

        global _TRANSPORT
        _TRANSPORT = httpx.AsyncHTTPTransport(
            limits=httpx.Limits(max_connections=self.serentak, max_keepalive_connections=self.serentak)
        )
        return _TRANSPORT

    async def __aexit__(self, *exc):
        global _TRANSPORT
        await _TRANSPORT.aclose()
        _TRANSPORT = None


async def _gather(coros, serentak: int, batas: float) -> float:
    sem = asyncio.Semaphore(serentak)

    async def guarded(c):
        async with sem:
            await c

    async with _Pool(serentak):
        t = time.perf_counter()
        await asyncio.wait_for(asyncio.gather(*(guarded(c) for c in coros)), timeout=batas)
        return time.perf_counter() - t


async def referensi(base: str, token: str, n: int, serentak: int, batas: float) -> Fase:
    fase = Fase()

    async def satu():
        async with _client(base) as c:
            t = time.perf_counter()
            try:
                r = await c.get(f"/s/{token}/terima-kasih/")
                fase.status[r.status_code] += 1
            except Exception as exc:  # noqa: BLE001  (counted, the run goes on)
                fase.status[type(exc).__name__] += 1
                return
            fase.ms.append((time.perf_counter() - t) * 1000)

    fase.detik = await _gather([satu() for _ in range(n)], serentak, batas)
    return fase


async def pemanasan(base: str, token: str, n: int) -> None:
    async def satu():
        async with _client(base) as c:
            await c.get(f"/s/{token}/")

    await _gather([satu() for _ in range(n)], n, 300)


def _isian(i: int, csrf: str) -> dict:
    data = {f"u{u}": str(1 + (i + u) % 4) for u in range(1, 10)}
    data.update(
        jenis_kelamin="LP"[i % 2],
        kelompok_usia=["<20", "20-29", "30-39", "40-49", "50-59", "60+"][i % 6],
        pendidikan=["SD", "SMP", "SMA", "D1-D3", "D4-S1", "S2", "S3"][i % 7],
        pekerjaan=["PNS", "SWASTA", "WIRASWASTA", "PELAJAR", "TIDAK", "LAINNYA"][i % 6],
        saran=f"beban #{i}",
        csrfmiddlewaretoken=csrf,
    )
    return data


async def survei(base: str, token: str, n: int, serentak: int, batas: float) -> Survei:
    s = Survei()
    url = f"/s/{token}/"

    async def satu(i: int):
        marker = f"beban #{i}"
        async with _client(base) as c:
            try:
                t = time.perf_counter()
                r = await c.get(url)
                s.form.ms.append((time.perf_counter() - t) * 1000)
                s.form.status[r.status_code] += 1
                m = CSRF.search(r.text)
                if r.status_code != 200 or not m:
                    s.ditolak.append(marker)
                    return
                t = time.perf_counter()
                r = await c.post(url, data=_isian(i, m.group(1)), headers={"Referer": base + url})
                s.kirim.ms.append((time.perf_counter() - t) * 1000)
                s.kirim.status[r.status_code] += 1
            except Exception as exc:  # noqa: BLE001
                s.kirim.status[type(exc).__name__] += 1
                s.ditolak.append(marker)
                return
            if r.status_code == 302 and r.headers.get("location", "").endswith("/terima-kasih/"):
                s.diterima.append(marker)
                s.cookies[marker] = c.cookies
            else:
                s.ditolak.append(marker)

    s.kirim.detik = await _gather([satu(i) for i in range(n)], serentak, batas)
    return s


async def ulang(base: str, token: str, s: Survei, serentak: int, batas: float) -> None:
    """Each accepted respondent submits again from its own cookie jar: every one must be refused."""
    url = f"/s/{token}/"

    async def satu(marker: str, jar):
        async with _client(base, cookies=jar) as c:
            try:
                # the form is no longer offered to this browser: the CSRF token comes from its cookie
                csrf = c.cookies.get("csrftoken", "")
                i = int(marker.split("#")[1])
                t = time.perf_counter()
                r = await c.post(url, data=_isian(i, csrf), headers={"Referer": base + url})
                s.ulang.ms.append((time.perf_counter() - t) * 1000)
                # 403 is also what a CSRF failure answers: only the polite "sudah mengisi" page counts
                sudah = r.status_code == 403 and "cukup mengisi sekali" in r.text
                s.ulang.status["403 sudah mengisi" if sudah else r.status_code] += 1
            except Exception as exc:  # noqa: BLE001
                s.ulang.status[type(exc).__name__] += 1

    s.ulang.detik = await _gather([satu(m, j) for m, j in s.cookies.items()], serentak, batas)


def periksa(s: Survei) -> dict[str, int]:
    from renja.ikm.models import Responden

    saran = Counter(Responden.objects.filter(periode__kode="BEBAN").values_list("saran", flat=True))
    diterima = set(s.diterima)
    return {
        "tersimpan": sum(saran.values()),
        "diterima, tidak tersimpan": sum(1 for m in diterima if saran[m] == 0),
        "tersimpan lebih dari sekali": sum(1 for m, k in saran.items() if k > 1),
        "tidak diterima, tetapi tersimpan": sum(1 for m in s.ditolak if saran[m]),
        "tersimpan, tidak dikenal": sum(1 for m in saran if m not in diterima and m not in set(s.ditolak)),
    }


def main():
    a = args_parse()
    serentak = a.serentak or a.responden
    var_dir = Path(tempfile.mkdtemp(prefix="renja-ikm-beban-"))
    db = f"renja_ikm_beban_{uuid.uuid4().hex[:8]}"
    batas_per_jam = 10 * a.responden * 3  # raised: every respondent comes from 127.0.0.1 (three phases)
    env = {
        "RENJA_VAR_DIR": str(var_dir),
        "DEBUG": "0",
        "SECRET_KEY": "ikm-beban-" + uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "RENJA_DEMO": "0",
        "RENJA_THREADS": str(a.threads),
        "RENJA_IKM_BATAS_PER_JAM": str(batas_per_jam),
        "DJANGO_SETTINGS_MODULE": "renja.settings",
    }
    if a.sqlite:
        env["DATABASE_URL"] = ""
    else:
        import psycopg

        with psycopg.connect(a.pg, autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{db}"')
        env["DATABASE_URL"] = with_db(a.pg, db)
    if a.workers:
        env["RENJA_WORKERS"] = str(a.workers)
    os.environ.update(env)
    server = None
    try:
        import django

        django.setup()
        from django.conf import settings
        from django.db import connections

        from renja.inti.proses import jumlah_worker

        basis = "SQLite (berkas sekali pakai)" if a.sqlite else f"PostgreSQL (database sekali pakai {db})"
        print(f"Menyiapkan {basis}: migrasi, demo, layanan dan periode survei...", flush=True)
        t = time.perf_counter()
        token = setup_database()
        setup_s = time.perf_counter() - t
        connections.close_all()

        port = free_port()
        log = open(var_dir / "server.log", "w")  # noqa: SIM115
        server = subprocess.Popen(
            [sys.executable, "-m", "renja.cli", "serve", f"{HOST}:{port}"],
            cwd=ROOT,
            env=os.environ.copy(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://{HOST}:{port}"
        import httpx

        deadline = time.monotonic() + 180
        while True:
            try:
                if httpx.get(f"{base}/s/{token}/terima-kasih/", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"renja serve tidak menjawab; lihat {var_dir / 'server.log'}")
            time.sleep(0.5)

        print(
            f"Server produksi (renja serve, gunicorn {jumlah_worker()} worker x {settings.RENJA_THREADS} thread, "
            f"{len(os.sched_getaffinity(0))} CPU) di {base}; batas kiriman per alamat dinaikkan untuk pengukuran: "
            f"RENJA_IKM_BATAS_PER_JAM={batas_per_jam} (bawaan 60).",
            flush=True,
        )
        # warm-up, not measured: every worker imports the templates and opens its database connection
        asyncio.run(referensi(base, token, 4 * jumlah_worker(), 4 * jumlah_worker(), a.batas))
        asyncio.run(pemanasan(base, token, 4 * jumlah_worker()))
        beban_awal = os.getloadavg()[0]
        print(f"Referensi: {a.responden} GET halaman terima kasih, {serentak} serentak...", flush=True)
        ref = asyncio.run(referensi(base, token, a.responden, serentak, a.batas))
        print(f"Survei: {a.responden} responden (GET formulir + POST), {serentak} serentak...", flush=True)
        s = asyncio.run(survei(base, token, a.responden, serentak, a.batas))
        print(f"Ulang: {len(s.diterima)} responden mengirim lagi dari peramban yang sama...", flush=True)
        asyncio.run(ulang(base, token, s, serentak, a.batas))
        beban_akhir = os.getloadavg()[0]
        hasil = periksa(s)
    finally:
        if server is not None and server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: BLE001
            pass
        if not a.sqlite:
            import psycopg

            with psycopg.connect(a.pg, autocommit=True) as c:
                c.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        shutil.rmtree(var_dir, ignore_errors=True)

    def status(c: Counter) -> str:
        return ", ".join(f"{k}: {v}" for k, v in sorted(c.items(), key=lambda kv: str(kv[0])))

    lat = " / ".join
    print()
    print(f"{'ukuran':<52} {'nilai':>22}")
    print(f"{'-' * 52} {'-' * 22}")
    baris = [
        ("responden / serentak", f"{a.responden} / {serentak}"),
        ("referensi: permintaan / detik", f"{sum(ref.status.values()) / ref.detik:.1f}"),
        ("referensi: latensi p50 / p95 / p99 (ms)", lat(f"{pct(ref.ms, q):.0f}" for q in (50, 95, 99))),
        ("referensi: status", status(ref.status)),
        ("survei: fase (detik)", f"{s.kirim.detik:.1f}"),
        ("survei: jawaban diterima (302)", len(s.diterima)),
        ("survei: jawaban diterima / detik", f"{len(s.diterima) / s.kirim.detik:.1f}"),
        ("survei: permintaan (GET+POST) / detik", f"{(len(s.form.ms) + len(s.kirim.ms)) / s.kirim.detik:.1f}"),
        ("survei: latensi kirim (POST) p50 / p95 / p99 (ms)", lat(f"{pct(s.kirim.ms, q):.0f}" for q in (50, 95, 99))),
        ("survei: latensi formulir (GET) p50 / p95 / p99 (ms)", lat(f"{pct(s.form.ms, q):.0f}" for q in (50, 95, 99))),
        ("survei: status GET", status(s.form.status)),
        ("survei: status POST", status(s.kirim.status)),
        ("ulang dari peramban yang sama: status", status(s.ulang.status)),
        ("rasio p50 kirim / p50 referensi", f"{pct(s.kirim.ms, 50) / pct(ref.ms, 50):.1f}"),
        *[(f"database: {k}", v) for k, v in hasil.items()],
        ("persiapan (detik)", f"{setup_s:.0f}"),
        ("beban mesin (load average 1 menit) awal / akhir", f"{beban_awal:.1f} / {beban_akhir:.1f}"),
    ]
    for k, v in baris:
        print(f"{k:<52} {v!s:>22}")
    salah = (
        hasil["tersimpan"] != len(s.diterima)
        or any(v for k, v in hasil.items() if k != "tersimpan")
        or s.ulang.status.get("403 sudah mengisi", 0) != len(s.diterima)
    )
    print(
        "\n"
        + (
            "GAGAL: jumlah tersimpan tidak sama dengan yang diterima"
            if salah
            else "OK: tersimpan = diterima, tidak ada yang hilang atau ganda; setiap kiriman ulang ditolak"
        )
    )
    if salah:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
