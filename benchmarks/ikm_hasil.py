"""How long the results of a survey period take as respondents grow, against references measured in the same run.

    .venv/bin/python benchmarks/ikm_hasil.py [--responden 1000,10000,50000]

Runs against a fresh temporary SQLite database (RENJA_VAR_DIR is pointed at a temporary folder before Django
starts). Set RENJA_BENCH_DATABASE_URL to an *empty scratch* PostgreSQL database to measure there.

Rows measured, per number of respondents:
  baca baris      reading u1..u9 of every response (values_list): the floor of any per-respondent method
  naif            reading every response, then rumus.ikm.nrr_per_unsur over the answer matrix and rumus.ikm.ikm
  ringkasan       renja.ikm.hasil.ringkasan_keseluruhan: 36 counts in one SQL aggregate, then rumus (IKU link)
  halaman         renja.ikm.hasil.hasil_periode: everything the results page shows (per layanan, 4 profiles,
                  suggestions, trend): a fixed number of grouped queries
"""

from __future__ import annotations

import argparse
import datetime
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


def ukur(fungsi, ulang: int = 3):
    terbaik = None
    for _ in range(ulang):
        mulai = time.perf_counter()
        hasil = fungsi()
        lama = time.perf_counter() - mulai
        terbaik = lama if terbaik is None else min(terbaik, lama)
    return terbaik, hasil


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--responden", default="1000,10000,50000")
    args = parser.parse_args()
    jumlah = [int(x) for x in args.responden.split(",")]

    with tempfile.TemporaryDirectory() as var_dir:
        setup_django(var_dir)
        from renja.ikm import hasil as sel
        from renja.ikm import services
        from renja.ikm.models import Responden
        from renja.nomenklatur.services import nomenklatur_load
        from renja.organisasi import services as org
        from renja.organisasi.models import Peran
        from renja.rumus import ikm as rumus_ikm

        nomenklatur_load()  # the OPD code is checked against the bidang urusan
        pemda = org.pemda_upsert(actor=None, kode="32.75", nama="Kota Bekasi", jenis="kota")
        opd = org.opd_upsert(actor=None, pemda=pemda, kode="1.06.0.00.0.00.01.0000", nama="Dinas Sosial")
        user = org.user_create(actor=None, username="perencana", password="uji-Renja-2026!", nama_lengkap="P")
        org.peran_assign(actor=None, user=user, peran=Peran.PERENCANA, opd=opd)
        for kode in ("A", "B", "C"):
            services.layanan_create(actor=user, opd=opd, kode=kode, nama=f"Layanan {kode}", populasi=5000)

        kolom = [f"u{i}" for i in range(1, 10)]
        print(f"database: {os.environ.get('DATABASE_URL') and 'PostgreSQL' or 'SQLite'}")
        print(f"{'responden':>10} {'baca baris':>11} {'naif':>9} {'ringkasan':>10} {'halaman':>9}  IKM")
        for n in jumlah:
            periode = services.periode_create(
                actor=user,
                opd=opd,
                kode=f"B{n}",
                nama=f"Bench {n}",
                mulai=datetime.date(2025, 1, 1),
                selesai=datetime.date(2025, 12, 31),
            )
            pita = ("L", "P")
            baris = [
                (
                    "ABC"[k % 3],
                    services.Isian(
                        jawaban={u: 1 + (k * 7 + u * 3) % 4 for u in range(1, 10)},
                        jenis_kelamin=pita[k % 2],
                        saran="saran" if k % 50 == 0 else "",
                    ),
                )
                for k in range(n)
            ]
            services.responden_import_batch(actor=user, periode=periode, baris=baris, nama_berkas="bench")
            qs = Responden.objects.filter(periode=periode)
            t_baca, _ = ukur(lambda qs=qs: list(qs.values_list(*kolom)))

            def naif(qs=qs):
                matriks = list(qs.values_list(*kolom))
                return rumus_ikm.ikm(rumus_ikm.nrr_per_unsur(matriks))

            t_naif, h_naif = ukur(naif)
            t_ring, r = ukur(lambda p=periode: sel.ringkasan_keseluruhan(periode=p))
            t_hal, h = ukur(lambda p=periode: sel.hasil_periode(periode=p))
            assert h_naif.konversi == r.hasil.konversi == h.keseluruhan.hasil.konversi
            print(
                f"{n:>10} {t_baca * 1000:>9.1f}ms {t_naif * 1000:>7.1f}ms {t_ring * 1000:>8.1f}ms "
                f"{t_hal * 1000:>7.1f}ms  {r.hasil.konversi_bulat}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
