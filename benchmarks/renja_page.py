"""How the Renja page scales with rows.

Builds Renja trees of 50 and 2,000 sub kegiatan in a fresh temporary SQLite database, then times
  - the reference: fetching the same rows, indicators and pagu as plain tuples (the least the database must do),
  - the old way: renja_tree() (model instances) + the rows as a Django template (_tree_rows_template.html),
  - the page: the whole Renja page as a perencana gets it (every row editable, so every link is built),
    through the view: renja_page_tree() (plain values) + the precompiled row fragment (renja_rows),
and prints each with its ratio to the reference. The ratio, not the milliseconds, is the figure to watch
between runs; the page's target is at most 5x the reference.

Run: .venv/bin/python benchmarks/renja_page.py
"""

import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["RENJA_VAR_DIR"] = tempfile.mkdtemp(prefix="renja-bench-")
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

REPEAT = 7


def build(n_sub: int, tahun: int):
    from renja.nomenklatur.models import NomenklaturVersi
    from renja.organisasi import services as org
    from renja.organisasi.models import Pemda, PerangkatDaerah, UnitKerja
    from renja.perencanaan.models import Indikator, Level, Pagu, Renja, RenjaRow, SumberDana, Tahap

    versi, _ = NomenklaturVersi.objects.get_or_create(kode="bench", defaults={"nama": "bench", "tahun_berlaku": 2026})
    pemda, _ = Pemda.objects.get_or_create(kode="32.75", defaults={"nama": "Kota Bekasi", "jenis": "kota"})
    opd, _ = PerangkatDaerah.objects.get_or_create(
        pemda=pemda, kode="1.06.0.00.0.00.01.0000", defaults={"nama": "Dinas Sosial", "bidang_urusan": "1.06"}
    )
    unit, _ = UnitKerja.objects.get_or_create(opd=opd, kode="rehsos", defaults={"nama": "Bidang Rehsos"})
    pad, _ = SumberDana.objects.get_or_create(kode="PAD", defaults={"nama": "PAD"})
    User = get_user_model()
    if not User.objects.filter(username="perencana").exists():
        user = org.user_create(actor=None, username="perencana", password="bench-Renja-2026!")
        org.peran_assign(actor=None, user=user, peran="perencana", opd=opd)
    renja = Renja.objects.create(opd=opd, tahun=tahun, nomenklatur_versi=versi)
    tahap = Tahap.objects.create(renja=renja, jenis="rancangan")
    urutan = 0
    subs = []
    per_kegiatan = 20
    n_keg = max(1, n_sub // per_kegiatan)
    program = RenjaRow.objects.create(tahap=tahap, level=Level.PROGRAM, kode="1.06.04", nama="Program", urutan=0)
    for k in range(n_keg):
        urutan += 1
        keg = RenjaRow.objects.create(
            tahap=tahap, level=Level.KEGIATAN, kode=f"1.06.04.2.{k:02d}", nama="Kegiatan", parent=program, urutan=urutan
        )
        for s in range(per_kegiatan):
            urutan += 1
            subs.append(
                RenjaRow(
                    tahap=tahap,
                    level=Level.SUB_KEGIATAN,
                    kode=f"1.06.04.2.{k:02d}.{s:04d}",
                    nama=f"Sub kegiatan {s}",
                    parent=keg,
                    urutan=urutan,
                    unit=unit,
                )
            )
    subs = RenjaRow.objects.bulk_create(subs)
    Indikator.objects.bulk_create(
        [Indikator(row=r, uraian="Jumlah orang", target_nilai=Decimal(100), satuan="Orang") for r in subs]
    )
    Pagu.objects.bulk_create([Pagu(row=r, sumber_dana=pad, jumlah=Decimal(1_000_000)) for r in subs])
    return renja, tahap


def time_all(*fns) -> list[float]:
    """Median milliseconds of each function, run in turns (a, b, c, a, b, c, ...) so that a busy machine slows
    every one of them alike and the ratios hold."""
    runs = [[] for _ in fns]
    for fn in fns:  # warm up: templates compiled, URL resolver and caches filled
        fn()
    for _ in range(REPEAT):
        for fn, times in zip(fns, runs, strict=True):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
    return [statistics.median(times) * 1000 for times in runs]


def main():
    call_command("migrate", verbosity=0)
    setup_test_environment()  # the test client's host name
    from django.contrib.auth.models import AnonymousUser

    from renja.perencanaan import selectors
    from renja.perencanaan.models import Indikator, Pagu, RenjaRow

    anonymous = RequestFactory().get("/")
    anonymous.user = AnonymousUser()
    print(
        f"{'sub kegiatan':>12} | {'rujukan (ms)':>12} | {'cara lama (ms)':>14} | {'rasio':>6} "
        f"| {'halaman (ms)':>12} | {'rasio':>6}"
    )
    print("-" * 80)
    for n, tahun in ((50, 2100), (2000, 2101)):
        renja, tahap = build(n, tahun)
        perencana = get_user_model().objects.get(username="perencana")

        def reference(tahap=tahap):
            list(RenjaRow.objects.filter(tahap=tahap).values_list("id", "kode", "nama", "parent_id", "unit_id"))
            list(Indikator.objects.filter(row__tahap=tahap).values_list("row_id", "uraian", "target_nilai", "satuan"))
            list(Pagu.objects.filter(row__tahap=tahap).values_list("row_id", "sumber_dana_id", "jumlah"))

        def old_way(renja=renja, tahap=tahap):
            tree = selectors.renja_tree(tahap=tahap)
            render_to_string(
                "perencanaan/_tree_rows_template.html",
                {"renja": renja, "tahap": tahap, "tree": tree, "editable_ids": set()},
                request=anonymous,
            )

        client = Client()
        client.force_login(perencana)

        def page(renja=renja, client=client):
            response = client.get(f"/renja/{renja.pk}/")
            assert response.status_code == 200 and b"Ubah</a>" in response.content

        r, o, p = time_all(reference, old_way, page)
        print(f"{n:>12} | {r:>12.1f} | {o:>14.1f} | {o / r:>6.1f} | {p:>12.1f} | {p / r:>6.1f}")


if __name__ == "__main__":
    main()
