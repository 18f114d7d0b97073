"""How long copying last year's Renja into a new year takes, across a nomenclature change.

Builds, in a fresh temporary SQLite database with the shipped nomenclature, a ditetapkan Renja 2026 on the 2023
list with N sub kegiatan (the first N sub kegiatan codes of the 2023 list, with their program and kegiatan,
one indicator and one pagu each), then times
  - the copy: services.renja_start_from_previous into 2027 on the 2027 list (codes kept, remapped through the
    remap table, or listed for a decision), and
  - the reference: copying the same rows into a new stage of the same Renja (services._copy_rows, bulk inserts,
    no nomenclature work): the least a copy costs.
The ratio is the figure to watch.

Run: .venv/bin/python benchmarks/renja_salin.py
"""

import os
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

from django.core.management import call_command  # noqa: E402


def build(n_sub: int, pemda_kode: str):
    from renja.nomenklatur.models import Nomenklatur, NomenklaturVersi
    from renja.organisasi.models import Pemda, PenugasanPeran, PerangkatDaerah
    from renja.perencanaan.models import Indikator, Level, Pagu, Renja, RenjaRow, SumberDana, Tahap

    versi = NomenklaturVersi.objects.get(kode="2023")
    pemda = Pemda.objects.create(kode=pemda_kode, nama=f"Pemda {pemda_kode}", jenis="kota")
    opd = PerangkatDaerah.objects.create(pemda=pemda, kode="1.03.0.00.0.00.01.0000", nama="Dinas", bidang_urusan="1.03")
    pad, _ = SumberDana.objects.get_or_create(kode="PAD", defaults={"nama": "PAD"})
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username=f"perencana{pemda_kode}", password="x")
    PenugasanPeran.objects.create(user=user, peran="perencana", opd=opd)
    renja = Renja.objects.create(opd=opd, tahun=2026, nomenklatur_versi=versi)
    tahap = Tahap.objects.create(renja=renja, jenis="penetapan", status="ditetapkan")
    subs = list(
        Nomenklatur.objects.filter(versi=versi, tingkat="sub_kegiatan")
        .exclude(kode__startswith="X")
        .order_by("kode")[:n_sub]
    )
    entries = {e.kode: e for e in Nomenklatur.objects.filter(versi=versi, tingkat__in=["program", "kegiatan"])}
    rows: dict[str, RenjaRow] = {}
    urutan = 0
    for s in subs:
        keg_kode = s.kode.rsplit(".", 1)[0]
        prog_kode = ".".join(keg_kode.split(".")[:3])
        for level, kode, parent in ((Level.PROGRAM, prog_kode, None), (Level.KEGIATAN, keg_kode, prog_kode)):
            if kode not in rows:
                urutan += 1
                rows[kode] = RenjaRow.objects.create(
                    tahap=tahap, level=level, kode=kode, nama=entries[kode].nama, parent=rows.get(parent), urutan=urutan
                )
        urutan += 1
        rows[s.kode] = RenjaRow(
            tahap=tahap, level=Level.SUB_KEGIATAN, kode=s.kode, nama=s.nama, parent=rows[keg_kode], urutan=urutan
        )
    created = RenjaRow.objects.bulk_create([r for r in rows.values() if r.pk is None])
    Indikator.objects.bulk_create(
        [Indikator(row=r, uraian="Jumlah", target_nilai=Decimal(10), satuan="Unit") for r in created]
    )
    Pagu.objects.bulk_create([Pagu(row=r, sumber_dana=pad, jumlah=Decimal(1_000_000)) for r in created])
    return user, opd, renja, tahap, len(rows)


def main():
    call_command("migrate", verbosity=0)
    from renja.nomenklatur.services import nomenklatur_load
    from renja.perencanaan import services
    from renja.perencanaan.models import Tahap

    nomenklatur_load()
    print(
        f"{'baris':>6} | {'salin antar-tahun (ms)':>22} | {'rujukan (ms)':>12} | {'rasio':>6} | tetap/petakan/tertunda"
    )
    print("-" * 84)
    for n, pemda_kode in ((200, "91.01"), (2000, "91.02")):
        user, opd, renja, tahap, n_rows = build(n, pemda_kode)
        t0 = time.perf_counter()
        hasil = services.renja_start_from_previous(actor=user, opd=opd, tahun=2027)
        salin = (time.perf_counter() - t0) * 1000
        target = Tahap.objects.create(renja=renja, jenis="perubahan")
        t0 = time.perf_counter()
        services._copy_rows(source=tahap, target=target)
        rujukan = (time.perf_counter() - t0) * 1000
        counts = f"{len(hasil.dipertahankan)}/{len(hasil.dipetakan)}/{len(hasil.tertunda)}"
        print(f"{n_rows:>6} | {salin:>22.1f} | {rujukan:>12.1f} | {salin / rujukan:>6.1f} | {counts}")


if __name__ == "__main__":
    main()
