"""OPD-level evaluation roll-up of a province, through the project's selectors, against hand-written SQL.

Builds a synthetic province in a throwaway database (40 OPD, 100.000 sub kegiatan, 4 triwulan of realisation:
keuangan and kinerja in March, June, September and December), then times in the same run:

  - sql:       one hand-written GROUP BY giving per OPD the pagu and realisasi of the sub kegiatan with data and
               their count (the reference: the least the database must do);
  - ringkasan: renja.monev.evaluasi.ringkasan_keuangan over the 40 Renja (the OPD-level roll-up selector: the
               database sums per row, Python applies the lineage to the stage in force and the rows-with-data rule);
  - evaluasi:  renja.monev.evaluasi.evaluasi_renja for every OPD (the full evaluation behind the E.81 page: every
               row, every indicator's aggregation, capaian, predikat, efisiensi), read up to the OPD totals.

Both roll-ups are checked against the SQL figures. Runs on SQLite (a temporary file) and, when it answers, on the
local PostgreSQL (a temporary database dropped afterwards); each in its own process, so the settings are clean.

Run: .venv/bin/python benchmarks/evaluasi_rollup.py [--opd 40 --sub 100000] [--db sqlite|postgresql|keduanya]
(PG_URL to point elsewhere)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REPEAT = 3


def _pg_answers() -> bool:
    try:
        import psycopg

        psycopg.connect(PG_URL, connect_timeout=3).close()
        return True
    except Exception:
        return False


def build(n_opd: int, n_sub: int) -> list:
    from decimal import Decimal

    from renja.monev.models import RealisasiKeuangan, RealisasiKinerja
    from renja.nomenklatur.models import NomenklaturVersi
    from renja.organisasi.models import Pemda, PerangkatDaerah, UnitKerja
    from renja.perencanaan.models import Indikator, Level, Pagu, Renja, RenjaRow, SumberDana, Tahap

    versi = NomenklaturVersi.objects.create(kode="bench", nama="bench", tahun_berlaku=2025)
    pemda = Pemda.objects.create(kode="32", nama="Provinsi Sintetis", jenis="provinsi")
    pad, _ = SumberDana.objects.get_or_create(kode="PAD", defaults={"nama": "PAD"})  # a migration adds PAD
    per_opd = n_sub // n_opd
    per_kegiatan, per_program = 25, 10  # 25 sub kegiatan per kegiatan, 10 kegiatan per program
    renjas = []
    for o in range(n_opd):
        opd = PerangkatDaerah.objects.create(
            pemda=pemda, kode=f"1.{o:02d}.0.00.0.00.01.0000", nama=f"OPD {o + 1}", bidang_urusan="1.06"
        )
        unit = UnitKerja.objects.create(opd=opd, kode="bidang", nama="Bidang")
        renja = Renja.objects.create(opd=opd, tahun=2025, nomenklatur_versi=versi)
        tahap = Tahap.objects.create(renja=renja, jenis="penetapan", status="ditetapkan", urutan=4)
        n_keg = per_opd // per_kegiatan
        urutan = 0
        programs = RenjaRow.objects.bulk_create(
            [
                RenjaRow(tahap=tahap, level=Level.PROGRAM, kode=f"1.06.{p:02d}", nama=f"Program {p}", urutan=p)
                for p in range(max(1, n_keg // per_program))
            ]
        )
        kegiatan = RenjaRow.objects.bulk_create(
            [
                RenjaRow(
                    tahap=tahap,
                    level=Level.KEGIATAN,
                    kode=f"1.06.{k // per_program:02d}.2.{k:03d}",
                    nama=f"Kegiatan {k}",
                    parent=programs[min(k // per_program, len(programs) - 1)],
                    urutan=1000 + k,
                )
                for k in range(n_keg)
            ]
        )
        subs = []
        for k, keg in enumerate(kegiatan):
            for s in range(per_kegiatan):
                urutan += 1
                subs.append(
                    RenjaRow(
                        tahap=tahap,
                        level=Level.SUB_KEGIATAN,
                        kode=f"{keg.kode}.{s:04d}",
                        nama=f"Sub kegiatan {k}.{s}",
                        parent=keg,
                        urutan=100000 + urutan,
                        unit=unit,
                    )
                )
        subs = RenjaRow.objects.bulk_create(subs, batch_size=5000)
        inds = Indikator.objects.bulk_create(
            [Indikator(row=r, uraian="Jumlah orang", target_nilai=Decimal(100), satuan="Orang") for r in subs],
            batch_size=5000,
        )
        # every 20th sub kegiatan has no pagu and every 25th no realisation: "belum ada data" rows exist
        Pagu.objects.bulk_create(
            [
                Pagu(row=r, sumber_dana=pad, jumlah=Decimal(1_000_000 + i * 1000))
                for i, r in enumerate(subs)
                if i % 20 != 7
            ],
            batch_size=5000,
        )
        RealisasiKeuangan.objects.bulk_create(
            [
                RealisasiKeuangan(renja=renja, row=r, sumber_dana=pad, bulan=3 * tw, jumlah=Decimal(200_000 + i))
                for i, r in enumerate(subs)
                if i % 25 != 3
                for tw in range(1, 5)
            ],
            batch_size=5000,
        )
        RealisasiKinerja.objects.bulk_create(
            [
                RealisasiKinerja(renja=renja, indikator=ind, bulan=3 * tw, nilai=Decimal(24))
                for ind in inds
                for tw in (1, 2, 3, 4)
            ],
            batch_size=5000,
        )
        renjas.append(renja)
    return renjas


SQL = """
WITH pagu AS (
    SELECT p.row_id, SUM(p.jumlah) AS s
    FROM perencanaan_pagu p
    JOIN perencanaan_renjarow r ON r.id = p.row_id
    JOIN perencanaan_tahap t ON t.id = r.tahap_id
    WHERE t.status = 'ditetapkan' AND r.level = 'sub_kegiatan'
    GROUP BY p.row_id
), realisasi AS (
    SELECT row_id, SUM(jumlah) AS s
    FROM monev_realisasikeuangan
    WHERE bulan <= 12 AND jumlah IS NOT NULL
    GROUP BY row_id
)
SELECT t.renja_id, SUM(pagu.s), SUM(realisasi.s), COUNT(*)
FROM pagu
JOIN realisasi ON realisasi.row_id = pagu.row_id
JOIN perencanaan_renjarow r ON r.id = pagu.row_id
JOIN perencanaan_tahap t ON t.id = r.tahap_id
GROUP BY t.renja_id
"""


def time_it(fn, repeat=REPEAT):
    runs, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs), result


def run_one(n_opd: int, n_sub: int, lengkap: bool = True) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from renja.monev.evaluasi import evaluasi_renja, ringkasan_keuangan
    from renja.rumus.uang import dari_sen

    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    renjas = build(n_opd, n_sub)
    with connection.cursor() as cur:
        cur.execute("ANALYZE")  # fresh statistics after the bulk load, for the planner of both roll-ups
    dibangun = time.perf_counter() - t0

    def sql():
        with connection.cursor() as cur:
            cur.execute(SQL)
            return {rid: (dari_sen(int(p)), dari_sen(int(r)), n) for rid, p, r, n in cur.fetchall()}

    def ringkas():
        return {x.renja.pk: (x.pagu, x.realisasi, x.berdata) for x in ringkasan_keuangan(renjas=renjas)}

    def penuh():
        out = {}
        for renja in renjas:
            ev = evaluasi_renja(renja=renja)
            out[renja.pk] = (ev.pagu_total, ev.realisasi_total, len(ev.berdata))
        return out

    t_sql, ref = time_it(sql)
    t_ringkas, got = time_it(ringkas)
    assert got == ref, "ringkasan_keuangan differs from the SQL"
    t_penuh = None
    if lengkap:
        t_penuh, full = time_it(penuh, repeat=1)
        assert full == ref, "evaluasi_renja differs from the SQL"
    vendor = connection.vendor
    print(f"[{vendor}] {n_opd} OPD, {n_sub} sub kegiatan, 4 triwulan; data dibangun dalam {dibangun:.0f} s")
    print(f"{'':>4}{'cara':<46}{'waktu (s)':>10}{'rasio thd SQL':>15}")
    for label, t in (
        ("SQL GROUP BY tulisan tangan (rujukan)", t_sql),
        ("ringkasan_keuangan (selector roll-up OPD)", t_ringkas),
        ("evaluasi_renja x OPD (evaluasi lengkap)", t_penuh),
    ):
        if t is not None:
            print(f"{'':>4}{label:<46}{t:>10.3f}{t / t_sql:>15.1f}")
    print()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--opd", type=int, default=40)
    parser.add_argument("--sub", type=int, default=100_000)
    parser.add_argument("--tanpa-lengkap", action="store_true", help="lewati evaluasi_renja per OPD (lama)")
    parser.add_argument("--db", choices=["sqlite", "postgresql", "keduanya"], default="keduanya")
    parser.add_argument("--satu", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.satu:
        run_one(args.opd, args.sub, lengkap=not args.tanpa_lengkap)
        return 0
    me = [sys.executable, str(Path(__file__).resolve()), "--opd", str(args.opd), "--sub", str(args.sub)]
    if args.tanpa_lengkap:
        me.append("--tanpa-lengkap")
    with tempfile.TemporaryDirectory(prefix="renja-bench-") as var:
        env = {**os.environ, "RENJA_VAR_DIR": var, "DATABASE_URL": ""}
        if args.db in ("sqlite", "keduanya"):
            subprocess.run([*me, "--satu", "sqlite"], env=env, check=True)
        if args.db == "sqlite":
            return 0
        if not _pg_answers():
            print(f"PostgreSQL di {PG_URL} tidak menjawab: pengukuran PostgreSQL dilewati.")
            return 0
        import psycopg

        name = f"bench_evaluasi_{os.getpid()}"
        base = PG_URL.rsplit("/", 1)[0]
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        try:
            subprocess.run([*me, "--satu", "postgresql"], env={**env, "DATABASE_URL": f"{base}/{name}"}, check=True)
        finally:
            with psycopg.connect(PG_URL, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
