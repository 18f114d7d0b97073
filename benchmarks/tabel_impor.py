"""The shared table writer, importer and upload guard against the bare libraries, measured in the same run.

    .venv/bin/python benchmarks/tabel_impor.py [--baris 2000] [--impor 10000]

No database is touched. Rows measured (each the best of 3):
  tulis XLSX      renja.inti.tabel.tulis_xlsx of a Renja-like table (13 columns, titles, 2-row header, styles)
  rujukan         openpyxl ws.append of the same values, no styles, no merges (the floor)
  tulis CSV       renja.inti.tabel.tulis_csv (escaping, typed numbers) / rujukan csv.writer
  impor XLSX      renja.inti.impor.baca_xlsx of SIPD-like rows (3 typed columns) / rujukan openpyxl read-only rows
  impor JSON      renja.inti.impor.baca_json of the same rows / rujukan json.loads
  unggah XLSX     renja.inti.unggah.periksa_unggahan of the imported workbook (decompresses every entry)
                  / rujukan zipfile.testzip (CRC check of every entry)
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import time
import zipfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def terbaik(fungsi, kali: int = 3) -> float:
    hasil = []
    for _ in range(kali):
        mulai = time.perf_counter()
        fungsi()
        hasil.append(time.perf_counter() - mulai)
    return min(hasil)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baris", type=int, default=2000, help="baris tabel yang ditulis (2000)")
    parser.add_argument("--impor", type=int, default=10000, help="baris yang diimpor (10000)")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.settings")
    import django

    django.setup()
    from openpyxl import Workbook, load_workbook

    from renja.inti import impor, tabel, unggah

    kolom = [tabel.Kolom("kode", "Kode"), tabel.Kolom("nama", "Nama")]
    kolom += [tabel.Kolom(f"t{i}", f"Target {i}", tabel.Jenis.DESIMAL) for i in range(5)]
    kolom += [tabel.Kolom(f"p{i}", f"Pagu {i}", tabel.Jenis.RUPIAH) for i in range(5)]
    kolom += [tabel.Kolom("c", "Capaian", tabel.Jenis.PERSEN)]
    nilai = [
        [
            f"1.06.04.2.01.{n:04d}",
            f"=Sub kegiatan {n}",
            *[Decimal(n) / 4] * 5,
            *[Decimal(n * 1000)] * 5,
            Decimal("89.73"),
        ]
        for n in range(args.baris)
    ]
    t = tabel.Tabel(
        kolom=kolom,
        judul=["RENCANA KERJA", "TAHUN 2026"],
        kepala=[
            [tabel.Sel("Kode", rowspan=2), tabel.Sel("Nama", rowspan=2), tabel.Sel("Target", colspan=5)]
            + [tabel.Sel("Pagu", colspan=5), tabel.Sel("Capaian", rowspan=2)],
            [f"T{i}" for i in range(5)] + [f"P{i}" for i in range(5)],
        ],
        nomor_kolom=True,
        baris=[tabel.Baris(v, "program" if n % 50 == 0 else "", tingkat=n % 3) for n, v in enumerate(nilai)],
    )

    def rujukan_xlsx():
        wb = Workbook()
        for row in nilai:
            wb.active.append(row)
        wb.save(io.BytesIO())

    def rujukan_csv():
        buf = io.StringIO()
        w = csv.writer(buf)
        for row in nilai:
            w.writerow(row)

    skema = impor.Skema(
        "Realisasi",
        [
            impor.Kolom("kode_sub_giat", wajib=True),
            impor.Kolom("nilai_realisasi", wajib=True, urai=impor.bilangan_bulat(minimum=0)),
            impor.Kolom("tanggal_dokumen", wajib=True, urai=impor.waktu()),
        ],
    )
    rows = [
        {
            "kode_sub_giat": f"1.06.04.2.01.{n:04d}",
            "nilai_realisasi": n * 1000,
            "tanggal_dokumen": "2026-03-31T10:15:00+07:00",
        }
        for n in range(args.impor)
    ]
    wb = Workbook()
    wb.active.append(list(rows[0]))
    for r in rows:
        wb.active.append(list(r.values()))
    buf = io.BytesIO()
    wb.save(buf)
    data_xlsx = buf.getvalue()
    data_json = json.dumps(rows).encode()

    def rujukan_baca_xlsx():
        wb = load_workbook(io.BytesIO(data_xlsx), read_only=True, data_only=True)
        for _ in wb.active.iter_rows(values_only=True):
            pass
        wb.close()

    def impor_xlsx():
        hasil = impor.baca_xlsx(data_xlsx, skema)
        assert hasil.sah and len(hasil.rekaman) == args.impor

    ukuran = [
        ("tulis XLSX", args.baris, lambda: tabel.tulis_xlsx(t), rujukan_xlsx),
        ("tulis CSV", args.baris, lambda: tabel.tulis_csv(t), rujukan_csv),
        ("impor XLSX", args.impor, impor_xlsx, rujukan_baca_xlsx),
        ("impor JSON", args.impor, lambda: impor.baca_json(data_json, skema), lambda: json.loads(data_json)),
        (
            f"unggah XLSX {len(data_xlsx) // 1024} KB",
            1,
            lambda: unggah.periksa_unggahan(data_xlsx, nama="r.xlsx"),
            lambda: zipfile.ZipFile(io.BytesIO(data_xlsx)).testzip(),
        ),
    ]
    print(f"{'ukuran':<24}{'baris':>8}{'renja (ms)':>12}{'rujukan (ms)':>14}{'rasio':>8}")
    for nama, n, kita, rujukan in ukuran:
        a, b = terbaik(kita), terbaik(rujukan)
        print(f"{nama:<24}{n:>8}{a * 1000:>12.1f}{b * 1000:>14.1f}{a / b:>7.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
