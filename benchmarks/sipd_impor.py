"""How the SIPD realisation import (renja.monev.impor) scales with the number of transactions.

Loads the demo into a fresh temporary SQLite database, opens TW I (the demo approved it), generates N transactions
in the SIPD-RI export's shape over the demo's sub kegiatan (not stored), then times
  - baca:      upload guard + shared importer + the file's own checks (berkas_baca),
  - pratinjau: the preview (reads what is stored),
  - simpan:    the first save (every transaction new),
  - ulang:     the same file again (nothing changes),
  - referensi: json.loads of the same bytes plus a dict sum per (kode_sub_giat, month): the least any import does,
and prints each with its ratio to the reference.

Run: .venv/bin/python benchmarks/sipd_impor.py [--n 20000]
"""

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["RENJA_VAR_DIR"] = tempfile.mkdtemp(prefix="renja-bench-")
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402


def transaksi(n: int, kode: list[str]) -> bytes:
    rnd = random.Random(11)
    out = []
    for i in range(n):
        k = kode[rnd.randrange(len(kode))]
        bulan = rnd.randint(1, 12)
        out.append(
            {
                "kode_skpd": "1.06.0.00.0.00.01.0000",
                "kode_sub_skpd": "1.06.0.00.0.00.01.0000",
                "kode_program": k[:7],
                "kode_giat": k[:12],
                "kode_sub_giat": k,
                "nama_sub_giat": "",
                "kode_rekening": f"5.1.02.01.01.{rnd.randrange(100):04d}",
                "nama_rekening": "Belanja",
                "nomor_dokumen": f"{i:06d}/SPP-LS/2026",
                "jenis_dokumen": "SPP",
                "jenis_transaksi": rnd.choice(["LS", "UP", "GU", "TU"]),
                "tanggal_dokumen": f"2026-{bulan:02d}-{rnd.randint(1, 28):02d}T10:00:00+07:00",
                "nilai_realisasi": rnd.randrange(100_000, 5_000_000, 500),
                "nilai_setoran": 0,
            }
        )
    return json.dumps(out).encode()


def waktu(fn):
    mulai = time.perf_counter()
    hasil = fn()
    return time.perf_counter() - mulai, hasil


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20_000)
    n = parser.parse_args().n
    call_command("migrate", verbosity=0)
    from renja.demo import loader

    loader.demo_load(passwords={})
    from django.contrib.auth import get_user_model

    from renja.monev import impor
    from renja.monev.models import StatusRealisasiUnit, TriwulanOpd
    from renja.monev.selectors import tahap_berlaku
    from renja.perencanaan.models import Level, Renja

    renja = Renja.objects.select_related("opd").get(tahun=2026, opd__kode="1.06.0.00.0.00.01.0000")
    # the bench writes every triwulan: reopen the demo's approved TW I and put every unit back in draf
    TriwulanOpd.objects.filter(renja=renja).update(status="terbuka")
    StatusRealisasiUnit.objects.filter(renja=renja).update(status="draf")
    kode = list(tahap_berlaku(renja).rows.filter(level=Level.SUB_KEGIATAN).values_list("kode", flat=True))
    admin = get_user_model().objects.get(username="admin")
    data = transaksi(n, kode)

    def referensi():
        jumlah = {}
        for e in json.loads(data):
            kunci = (e["kode_sub_giat"], e["tanggal_dokumen"][5:7])
            jumlah[kunci] = jumlah.get(kunci, 0) + e["nilai_realisasi"] - e["nilai_setoran"]
        return jumlah

    t_ref, _ = waktu(referensi)
    t_baca, _ = waktu(lambda: impor.berkas_baca(data=data, nama="sipd.json", renja=renja))
    t_pra, p = waktu(lambda: impor.realisasi_impor_pratinjau(actor=admin, renja=renja, data=data, nama="sipd.json"))
    t_simpan, h = waktu(lambda: impor.realisasi_impor_simpan(actor=admin, renja=renja, data=data, nama="sipd.json"))
    t_ulang, h2 = waktu(lambda: impor.realisasi_impor_simpan(actor=admin, renja=renja, data=data, nama="sipd.json"))
    assert h.transaksi_ditulis == n and not h2.berubah
    print(f"{n} transaksi, {len(kode)} sub kegiatan, {len(p.baris)} sub kegiatan-triwulan, {len(data) // 1024} KB")
    for nama, t in (
        ("referensi", t_ref),
        ("baca", t_baca),
        ("pratinjau", t_pra),
        ("simpan", t_simpan),
        ("ulang", t_ulang),
    ):
        print(f"  {nama:<10} {t * 1000:9.0f} ms   x{t / t_ref:6.1f}")


if __name__ == "__main__":
    main()
