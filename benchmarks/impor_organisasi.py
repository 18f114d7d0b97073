"""How long a bulk organisation import takes, and where the time goes, against references in the same run.

    .venv/bin/python benchmarks/impor_organisasi.py [--opd 10] [--pengguna 5]

A fresh temporary SQLite database (RENJA_VAR_DIR points at a temporary folder before Django starts; set
RENJA_BENCH_DATABASE_URL to an *empty scratch* PostgreSQL database to measure there). The file: N OPDs of a
Pemda, 4 units and M users with one role each per OPD, as one XLSX workbook.

Rows measured:
  baca xlsx       reading and checking every cell (renja.inti.impor), no database
  hash sandi      hashing one one-time password per user with the project's hasher (argon2): the floor of any
                  import that creates accounts, since each account needs its own hash
  impor           periksa + write everything through the services (one transaction, audited)
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(var_dir: str) -> None:
    os.environ["RENJA_VAR_DIR"] = var_dir
    os.environ["RENJA_DEMO"] = "0"
    os.environ.pop("DATABASE_URL", None)
    if os.environ.get("RENJA_BENCH_DATABASE_URL"):
        os.environ["DATABASE_URL"] = os.environ["RENJA_BENCH_DATABASE_URL"]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("nomenklatur_load", verbosity=0, stdout=io.StringIO())


def workbook(n_opd: int, n_user: int) -> bytes:
    from openpyxl import Workbook

    # bidang urusan of the 2027 list, so every derived code exists in the nomenclature
    bidang = ["1.01", "1.02", "1.03", "1.04", "1.05", "1.06", "2.07", "2.08", "2.09", "2.10"]
    wb = Workbook()
    wb.remove(wb.active)
    opd, unit, user, peran = (wb.create_sheet(n) for n in ("OPD", "Unit", "Pengguna", "Peran"))
    opd.append(["Kode OPD", "Nama", "NIP Kepala"])
    unit.append(["Kode OPD", "Kode Unit", "Nama Unit"])
    user.append(["Nama Pengguna", "Nama Lengkap", "Kode OPD"])
    peran.append(["Nama Pengguna", "Peran", "Kode OPD", "Kode Unit"])
    for i in range(n_opd):
        u, b = bidang[i % len(bidang)].split(".")
        kode = f"{u}.{b}.0.00.0.00.{i // len(bidang) + 1:02d}.0000"
        opd.append([kode, f"OPD {i}", "19700101 199503 2 001"])
        for k in ("sekretariat", "bidang-a", "bidang-b", "bidang-c"):
            unit.append([kode, k, k.title()])
        for j in range(n_user):
            name = f"u{i}.{j}"
            user.append([name, f"Pengguna {i} {j}", kode])
            peran.append([name, "operator", kode, "bidang-a"] if j else [name, "perencana", kode, ""])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def ukur(fungsi):
    mulai = time.perf_counter()
    hasil = fungsi()
    return time.perf_counter() - mulai, hasil


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--opd", type=int, default=10)
    parser.add_argument("--pengguna", type=int, default=5, help="pengguna per OPD")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="renja-bench-") as var_dir:
        setup_django(var_dir)
        from django.contrib.auth.hashers import make_password

        from renja.organisasi import impor, services

        pemda = services.pemda_create(actor=None, kode="32.99", nama="Kota Contoh", system=True)
        data = workbook(args.opd, args.pengguna)
        n_user = args.opd * args.pengguna
        t_baca, hasil = ukur(lambda: impor.baca(data, jenis="xlsx"))
        t_hash, _ = ukur(lambda: [make_password(services.sandi_sekali_buat()) for _ in range(n_user)])
        t_impor, out = ukur(
            lambda: impor.impor_organisasi(actor=None, pemda=pemda, hasil=impor.baca(data, jenis="xlsx"))
        )
        print(f"berkas: {args.opd} OPD, {args.opd * 4} unit, {n_user} pengguna, {n_user} peran ({len(data):,} byte)")
        print(f"{'langkah':<14}{'detik':>9}{'per pengguna (ms)':>20}")
        for nama, t in (("baca xlsx", t_baca), ("hash sandi", t_hash), ("impor", t_impor)):
            print(f"{nama:<14}{t:>9.2f}{t / n_user * 1000:>20.1f}")
        print(f"impor / hash sandi = {t_impor / t_hash:.2f}x  ({out.ringkasan()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
