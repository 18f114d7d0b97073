"""Deadline-day load: N users log in and save sub kegiatan rows of their own unit through the real edit form,
against the production server (`renja serve`, DEBUG=0, gunicorn) on PostgreSQL.

Set-up, all in a throwaway database on the local PostgreSQL (dropped at the end): migrate, the demo (Dinas Sosial
Kota Bekasi, draft stage "Rancangan Akhir", 51 sub kegiatan over 5 units), and N operator accounts spread over the
units, created through the organisasi services (argon2 passwords, as real accounts). Then every simulated user (an
asyncio httpx client with its own session) logs in, waits for the others, and does --simpan saves: GET the edit
form of a random row of its unit, change `kelompok_sasaran` to a marker unique to that save, POST it. A 302 is an
acknowledged save, a 409 a refused stale save (another user saved the row in between), anything else an error.

Afterwards the database is checked for lost updates: every acknowledged marker is in the audit log, no refused one
is, and every row's version grew by exactly its number of acknowledged saves, ending at the last acknowledged value.

Printed beside it: the reference of the machine (pgbench TPS, TPC-B-like, on the same server) and where the time
goes (one argon2 password check; one save through the service in-process, no HTTP).

Bounded: --pengguna users x --simpan saves, a hard --batas seconds; traffic only to 127.0.0.1.
Run: .venv/bin/python benchmarks/beban.py [--pengguna 300] [--simpan 5] [--workers N] [--threads N]
"""

import argparse
import asyncio
import os
import random
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
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "Beban-uji-2026!"
HOST = "127.0.0.1"  # never anything else


def args_parse():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--pengguna", type=int, default=300, help="simulated users (default 300)")
    p.add_argument("--simpan", type=int, default=5, help="saves per user (default 5)")
    p.add_argument("--workers", type=int, default=0, help="gunicorn workers (0: renja serve's default)")
    p.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker")
    p.add_argument("--pg", default=os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    p.add_argument("--batas", type=float, default=900, help="hard time limit of the HTTP phase, seconds")
    p.add_argument("--pgbench-detik", type=int, default=10)
    a = p.parse_args()
    if not (1 <= a.pengguna <= 2000 and 1 <= a.simpan <= 100):
        p.error("--pengguna 1..2000, --simpan 1..100")
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


# --- the form, read as a browser would -----------------------------------------------------------------------


class FormFields(HTMLParser):
    """Name -> value of the page's own POST form (no action: it posts to the page itself, unlike the logout
    form in the menu): inputs, checked boxes, textareas, selected options."""

    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}
        self._in_form = self._done = False
        self._textarea = self._select = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self._done:
            return
        if tag == "form" and (a.get("method") or "").lower() == "post" and not a.get("action"):
            self._in_form = True
        if not self._in_form:
            return
        if tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in {"checkbox", "radio"}:
                if "checked" in a:
                    self.fields[a["name"]] = a.get("value") or "on"
            elif kind not in {"submit", "button"}:
                self.fields[a["name"]] = a.get("value") or ""
        elif tag == "textarea":
            self._textarea, self._text = a.get("name"), []
        elif tag == "select":
            self._select = a.get("name")
            self.fields.setdefault(self._select, "")
        elif tag == "option" and self._select and "selected" in a:
            self.fields[self._select] = a.get("value") or ""

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if not self._in_form:
            return
        if tag == "textarea" and self._textarea:
            # a textarea's content starts after one optional newline (HTML spec)
            self.fields[self._textarea] = "".join(self._text).removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._in_form, self._done = False, True


def form_fields(html: str) -> dict[str, str]:
    parser = FormFields()
    parser.feed(html)
    return parser.fields


# --- set-up ---------------------------------------------------------------------------------------------------


def setup_database(n_users: int) -> dict[str, list[int]]:
    """Migrate, load the demo, create the operators. Returns {username: [row ids of its unit]}."""
    from django.core.management import call_command

    from renja.demo import loader
    from renja.organisasi import services as org
    from renja.organisasi.models import Peran, PerangkatDaerah
    from renja.perencanaan.models import Level, RenjaRow

    call_command("migrate", verbosity=0)
    loader.demo_load()
    opd = PerangkatDaerah.objects.get(kode=loader.OPD_KODE)
    units = list(opd.unit_kerja.order_by("urutan"))
    rows = {
        u.pk: list(
            RenjaRow.objects.filter(
                tahap__renja__opd=opd, tahap__jenis="rancangan_akhir", level=Level.SUB_KEGIATAN, unit=u
            ).values_list("pk", flat=True)
        )
        for u in units
    }
    users = {}
    for i in range(n_users):
        unit = units[i % len(units)]
        username = f"beban.{unit.kode}.{i:04d}"
        user = org.user_create(actor=None, username=username, password=PASSWORD, nama_lengkap=f"Operator beban {i}")
        org.peran_assign(actor=None, user=user, peran=Peran.OPERATOR, opd=opd, unit=unit)
        users[username] = rows[unit.pk]
    return users


def reference_costs(rows: list[int]) -> dict[str, float]:
    """Milliseconds of one argon2 password check, and of one save through the service (no HTTP, no template)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import check_password, make_password

    from renja.perencanaan import services
    from renja.perencanaan.forms import (
        IndikatorFormSet,
        PaguFormSet,
        SubKegiatanForm,
        build_row_input,
        indikator_initial,
        pagu_initial,
    )
    from renja.perencanaan.models import RenjaRow

    encoded = make_password(PASSWORD)
    t = time.perf_counter()
    for _ in range(10):
        check_password(PASSWORD, encoded)
    argon2_ms = (time.perf_counter() - t) / 10 * 1000

    admin = get_user_model().objects.get(username="perencana")
    times = []
    for n in range(30):
        row = RenjaRow.objects.select_related("tahap__renja").get(pk=rows[n % len(rows)])
        initial = SubKegiatanForm.initial_for(row)
        units = row.tahap.renja.opd.unit_kerja.all()
        form = SubKegiatanForm({**initial, "kelompok_sasaran": f"referensi {n}"}, units=units)
        ind = IndikatorFormSet(initial=indikator_initial(row), prefix="indikator")
        pagu = PaguFormSet(initial=pagu_initial(row), prefix="pagu")
        ind = IndikatorFormSet(_formset_data(ind), prefix="indikator")
        pagu = PaguFormSet(_formset_data(pagu), prefix="pagu")
        assert form.is_valid() and ind.is_valid() and pagu.is_valid(), (form.errors, ind.errors, pagu.errors)
        t = time.perf_counter()
        data = build_row_input(form, ind, pagu, existing_row=row)
        services.subkegiatan_update(actor=admin, row=row, expected_version=row.version, data=data)
        times.append((time.perf_counter() - t) * 1000)
    return {"argon2_ms": argon2_ms, "service_ms": statistics.median(times)}


def _formset_data(fs) -> dict:
    data = {f"{fs.prefix}-TOTAL_FORMS": str(len(fs.initial or [])), f"{fs.prefix}-INITIAL_FORMS": "0"}
    for i, item in enumerate(fs.initial or []):
        for k, v in item.items():
            data[f"{fs.prefix}-{i}-{k}"] = v
    return data


def pgbench_tps(admin_url: str, seconds: int) -> tuple[float, str]:
    import psycopg

    if not shutil.which("pgbench"):
        return float("nan"), "pgbench tidak ada di PATH"
    name = f"renja_beban_pgbench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    try:
        url = with_db(admin_url, name)
        subprocess.run(["pgbench", "-q", "-i", "-s", "10", url], check=True, capture_output=True, text=True)
        r = subprocess.run(
            ["pgbench", "-c", "16", "-j", "2", "-T", str(seconds), url], check=True, capture_output=True, text=True
        )
        tps = next(float(line.split("=")[1].split()[0]) for line in r.stdout.splitlines() if line.startswith("tps"))
        return tps, "TPC-B-like, 16 clients, scale 10"
    finally:
        with psycopg.connect(admin_url, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- the load -------------------------------------------------------------------------------------------------


class Stats:
    def __init__(self):
        self.login_ms: list[float] = []
        self.form_ms: list[float] = []
        self.save_ms: list[float] = []
        self.acked: list[tuple[int, str]] = []
        self.refused: list[tuple[int, str]] = []
        self.errors: Counter = Counter()
        self.logged_in = 0


async def one_user(client_factory, username, rows, simpan, stats: Stats, all_in: asyncio.Event, n_users, rng):
    async with client_factory() as c:
        ok = False
        try:
            r = await c.get("/masuk/")
            token = form_fields(r.text).get("csrfmiddlewaretoken", "")
            t = time.perf_counter()
            r = await c.post("/masuk/", data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token})
            stats.login_ms.append((time.perf_counter() - t) * 1000)
            ok = r.status_code == 302
            if not ok:
                stats.errors[f"login {r.status_code}"] += 1
        except Exception as exc:  # noqa: BLE001  (counted, the run goes on)
            stats.errors[f"login {type(exc).__name__}"] += 1
        stats.logged_in += 1
        if stats.logged_in == n_users:
            all_in.set()
        await all_in.wait()
        if not ok:
            return
        for s in range(simpan):
            row = rng.choice(rows)
            url = f"/renja/baris/{row}/ubah/"
            marker = f"{username}#{s}"
            try:
                t = time.perf_counter()
                r = await c.get(url)
                stats.form_ms.append((time.perf_counter() - t) * 1000)
                if r.status_code != 200:
                    stats.errors[f"form {r.status_code}"] += 1
                    continue
                data = form_fields(r.text)
                data["kelompok_sasaran"] = marker
                t = time.perf_counter()
                r = await c.post(url, data=data)
                stats.save_ms.append((time.perf_counter() - t) * 1000)
            except Exception as exc:  # noqa: BLE001
                stats.errors[f"save {type(exc).__name__}"] += 1
                continue
            if r.status_code == 302:
                stats.acked.append((row, marker))
            elif r.status_code == 409:
                stats.refused.append((row, marker))
            else:
                stats.errors[f"save {r.status_code}"] += 1


async def run_load(base: str, users: dict[str, list[int]], simpan: int, batas: float) -> tuple[Stats, float]:
    import httpx

    stats = Stats()
    all_in = asyncio.Event()
    rng = random.Random(2026)

    def client_factory():
        return httpx.AsyncClient(base_url=base, follow_redirects=False, timeout=httpx.Timeout(120.0))

    tasks = [
        one_user(client_factory, u, rows, simpan, stats, all_in, len(users), random.Random(rng.random()))
        for u, rows in users.items()
    ]
    start_saves = None

    async def mark_start():
        nonlocal start_saves
        await all_in.wait()
        start_saves = time.perf_counter()

    await asyncio.wait_for(asyncio.gather(mark_start(), *tasks), timeout=batas)
    return stats, time.perf_counter() - start_saves


def lost_updates(stats: Stats, versions_before: dict[int, int], started) -> dict[str, int]:
    from renja.inti.models import AuditEvent
    from renja.perencanaan.models import RenjaRow

    events = list(
        AuditEvent.objects.filter(action="subkegiatan_update", created_at__gte=started)
        .order_by("pk")
        .values_list("object_id", "new")
    )
    stored = Counter((int(oid), (new or {}).get("kelompok_sasaran")) for oid, new in events)
    last = {}
    for oid, new in events:
        last[int(oid)] = (new or {}).get("kelompok_sasaran")
    acked_per_row = Counter(row for row, _ in stats.acked)
    rows = RenjaRow.objects.in_bulk(list(versions_before))
    return {
        "acknowledged, not stored": sum(1 for key in stats.acked if stored[key] != 1),
        "refused, but stored": sum(1 for key in stats.refused if stored[key]),
        "rows whose version is off": sum(
            1 for pk, row in rows.items() if row.version != versions_before[pk] + acked_per_row[pk]
        ),
        "rows not at their last save": sum(1 for pk in acked_per_row if rows[pk].kelompok_sasaran != last.get(pk)),
    }


def main():
    a = args_parse()
    import psycopg

    db = f"renja_beban_{uuid.uuid4().hex[:8]}"
    var_dir = Path(tempfile.mkdtemp(prefix="renja-beban-"))
    with psycopg.connect(a.pg, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{db}"')
    env = {
        "DATABASE_URL": with_db(a.pg, db),
        "RENJA_VAR_DIR": str(var_dir),
        "DEBUG": "0",
        "SECRET_KEY": "beban-" + uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "RENJA_DEMO": "0",
        "RENJA_THREADS": str(a.threads),
        "DJANGO_SETTINGS_MODULE": "renja.settings",
    }
    if a.workers:
        env["RENJA_WORKERS"] = str(a.workers)
    os.environ.update(env)
    server = None
    try:
        import django

        django.setup()
        from django.conf import settings
        from django.db import connections
        from django.utils import timezone

        from renja.inti.proses import jumlah_worker
        from renja.perencanaan.models import RenjaRow

        print(f"Menyiapkan database {db}: migrasi, demo, {a.pengguna} operator (argon2)...", flush=True)
        t = time.perf_counter()
        users = setup_database(a.pengguna)
        setup_s = time.perf_counter() - t
        all_rows = sorted({r for rows in users.values() for r in rows})
        ref = reference_costs(all_rows)
        tps, tps_note = pgbench_tps(a.pg, a.pgbench_detik)
        versions_before = dict(RenjaRow.objects.filter(pk__in=all_rows).values_list("pk", "version"))
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
                if httpx.get(base + "/masuk/", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"renja serve tidak menjawab; lihat {var_dir / 'server.log'}")
            time.sleep(0.5)

        started = timezone.now()
        print(
            f"Beban: {a.pengguna} pengguna x {a.simpan} simpan, gunicorn {jumlah_worker()} worker x "
            f"{settings.RENJA_THREADS} thread, {len(os.sched_getaffinity(0))} CPU...",
            flush=True,
        )
        stats, seconds = asyncio.run(run_load(base, users, a.simpan, a.batas))
        lost = lost_updates(stats, versions_before, started)
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
        with psycopg.connect(a.pg, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        shutil.rmtree(var_dir, ignore_errors=True)

    handled = len(stats.acked) + len(stats.refused)
    print()
    print(f"{'ukuran':<44} {'nilai':>12}")
    print(f"{'-' * 44} {'-' * 12}")
    rows_out = [
        ("pengguna / simpan per pengguna", f"{a.pengguna} / {a.simpan}"),
        ("fase simpan (detik)", f"{seconds:.1f}"),
        ("simpan diterima (302)", len(stats.acked)),
        ("simpan ditolak basi (409)", len(stats.refused)),
        ("simpan diterima / detik", f"{len(stats.acked) / seconds:.1f}"),
        ("simpan ditangani (302+409) / detik", f"{handled / seconds:.1f}"),
        ("latensi simpan p50 / p95 / p99 (ms)", " / ".join(f"{pct(stats.save_ms, q):.0f}" for q in (50, 95, 99))),
        ("latensi buka formulir p50 / p95 (ms)", " / ".join(f"{pct(stats.form_ms, q):.0f}" for q in (50, 95))),
        ("latensi masuk p50 / p95 (ms)", " / ".join(f"{pct(stats.login_ms, q):.0f}" for q in (50, 95))),
        ("galat", sum(stats.errors.values())),
        *[(f"  {k}", v) for k, v in sorted(stats.errors.items())],
        *[(f"hilang: {k}", v) for k, v in lost.items()],
        ("referensi: pgbench TPS", f"{tps:.0f}"),
        ("biaya: satu cek kata sandi argon2 (ms)", f"{ref['argon2_ms']:.0f}"),
        ("biaya: satu simpan lewat service, tanpa HTTP (ms)", f"{ref['service_ms']:.1f}"),
        ("persiapan (detik)", f"{setup_s:.0f}"),
    ]
    for k, v in rows_out:
        print(f"{k:<44} {v!s:>12}")
    print(f"\n({tps_note}; target isu 6: >= 200 simpan/detik, p95 <= 250 ms, 0 hilang)")
    if any(lost.values()):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
