"""How long loading the shipped nomenclature takes, against references measured in the same run.

    .venv/bin/python benchmarks/nomenklatur_load.py [--naif N]

Runs against a fresh temporary SQLite database (RENJA_VAR_DIR is pointed at a temporary folder before
Django starts). Set RENJA_BENCH_DATABASE_URL to an *empty scratch* PostgreSQL database to measure there.

Rows measured:
  baca berkas     reading and validating the .csv.gz files only (the floor: no database work)
  muat (kosong)   nomenklatur_load() into empty tables: every version, level by level, plus remaps
  muat ulang      nomenklatur_load() again: nothing changes (idempotent upsert)
  naif            Nomenklatur.objects.create() one row at a time with a parent lookup per row, for the
                  first N rows of the 2023 list, extrapolated to all rows; one transaction (its best case)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(var_dir: str) -> None:
    os.environ["RENJA_VAR_DIR"] = var_dir
    os.environ.pop("DATABASE_URL", None)
    if os.environ.get("RENJA_BENCH_DATABASE_URL"):
        os.environ["DATABASE_URL"] = os.environ["RENJA_BENCH_DATABASE_URL"]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def ukur(fungsi):
    mulai = time.perf_counter()
    hasil = fungsi()
    return time.perf_counter() - mulai, hasil


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--naif", type=int, default=1500, help="baris untuk rujukan satu per satu (1500)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="renja-bench-") as var_dir:
        setup_django(var_dir)
        from django.db import connection, transaction

        from renja.nomenklatur import services
        from renja.nomenklatur.models import Nomenklatur, NomenklaturVersi
        from renja.nomenklatur.sumber import KOLOM_NOMENKLATUR, VERSI_BAWAAN
        from renja.nomenklatur.validators import kode_induk

        if Nomenklatur.objects.exists():
            print("Basis data tidak kosong; pakai basis data uji yang kosong.", file=sys.stderr)
            return 1

        def baca_semua():
            return {
                v.kode: services._baris_ke_isi(v.berkas(), services._baca_gz(v.berkas(), KOLOM_NOMENKLATUR))
                for v in VERSI_BAWAAN
            }

        t_baca, isi = ukur(baca_semua)
        total = sum(len(x) for x in isi.values())
        t_muat, hasil = ukur(services.nomenklatur_load)
        assert sum(hasil[v.kode]["dibuat"] for v in VERSI_BAWAAN) == total
        t_ulang, hasil_ulang = ukur(services.nomenklatur_load)
        assert all(hasil_ulang[v.kode]["dibuat"] == hasil_ulang[v.kode]["diubah"] == 0 for v in VERSI_BAWAAN)

        contoh = list(isi["2023"].items())[: args.naif]

        @transaction.atomic
        def naif():
            versi = NomenklaturVersi.objects.create(kode="naif", nama="rujukan", tahun_berlaku=1900)
            for kode, nilai in contoh:
                induk = kode_induk(kode)
                Nomenklatur.objects.create(
                    versi=versi,
                    kode=kode,
                    induk=Nomenklatur.objects.get(versi=versi, kode=induk) if induk else None,
                    **nilai,
                )
            transaction.set_rollback(True)

        t_naif_contoh, _ = ukur(naif)
        t_naif = t_naif_contoh / len(contoh) * total

        mesin = connection.vendor
        print(
            f"Memuat nomenklatur: {total:,} kode ({', '.join(f'{k} {len(v):,}' for k, v in isi.items())}), "
            f"{hasil['remap']['total']} pemetaan; basis data {mesin}\n"
        )
        baris = [
            ("baca berkas saja", total, t_baca),
            ("muat (tabel kosong)", total, t_muat),
            ("muat ulang (tanpa perubahan)", total, t_ulang),
            (f"naif satu per satu (ekstrapolasi dari {len(contoh):,})", total, t_naif),
        ]
        print(f"{'langkah':<44} {'kode':>7} {'detik':>8} {'kode/detik':>11} {'× muat':>8}")
        print("-" * 82)
        for nama, n, t in baris:
            print(f"{nama:<44} {n:>7,} {t:>8.2f} {n / t:>11,.0f} {t / t_muat:>8.2f}")
        print(
            f"\nmuat lebih cepat {t_naif / t_muat:.0f}× daripada cara naif; "
            f"{t_muat / t_baca:.1f}× waktu membaca berkas saja."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
