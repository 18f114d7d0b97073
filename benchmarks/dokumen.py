"""The Renja document (renja.dokumen) as DOCX, PDF and XLSX: the demo and a synthetic OPD of 500 sub kegiatan,
beside a bare write of the same cells as the reference.

In a throwaway SQLite database (a temporary RENJA_VAR_DIR) it migrates, loads the demo (Dinas Sosial Kota Bekasi,
Renja 2026 Rancangan Akhir) and builds a synthetic OPD whose Renja 2026 holds 500 sub kegiatan (20 kegiatan of 25
under 4 programs, one indicator and one pagu each) and whose Renja 2024 holds the same rows with a year of
realisation (so T-C.29 has 500 sub kegiatan too). Then, per OPD, it times (median of --ulang runs):

  - model: dokumen_renja (reading the data, filling the narrative, building every table);
  - docx, pdf, xlsx: writing the model (renja.dokumen.keluaran.tulis);
  - reference: the same table cells written bare: openpyxl cells without styles (one sheet per table) and a
    python-docx document with one unstyled table per table (python-docx's own cell API).

and prints the times, the ratio to the reference and the time per 100 table rows. Targets (issue 7): demo DOCX and
XLSX within 1 s, PDF within 3 s. The machine's load average is printed with the figures: on a shared 2-core box
the PDF (WeasyPrint, pure-Python layout) slows with the load.

Run: .venv/bin/python benchmarks/dokumen.py [--sub 500] [--ulang 3]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def time_it(fn, ulang: int):
    runs, hasil = [], None
    for _ in range(ulang):
        t0 = time.perf_counter()
        hasil = fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs), hasil


def opd_sintetis(n_sub: int):
    """Renja 2024 (penetapan, with realisation) and Renja 2026 (rancangan akhir) of n_sub sub kegiatan each."""
    from decimal import Decimal

    from renja.monev.models import RealisasiKeuangan, RealisasiKinerja
    from renja.nomenklatur.models import NomenklaturVersi
    from renja.organisasi.models import Pemda, PerangkatDaerah, UnitKerja
    from renja.perencanaan.models import Indikator, Level, Pagu, Renja, RenjaRow, SumberDana, Tahap

    versi = NomenklaturVersi.objects.order_by("-tahun_berlaku").first()
    pemda = Pemda.objects.create(kode="33.74", nama="Kota Sintetis", jenis="kota")
    opd = PerangkatDaerah.objects.create(
        pemda=pemda, kode="1.06.0.00.0.00.01.0000", nama="Dinas Sintetis", bidang_urusan="1.06",
        kepala_nama="Dr. SINTETIS, M.Si.", kepala_nip="197001012000031001", kepala_jabatan="Kepala Dinas Sintetis",
    )  # fmt: skip
    unit = UnitKerja.objects.create(opd=opd, kode="bidang", nama="Bidang Sintetis")
    pad = SumberDana.objects.get(kode="PAD")
    per_keg, per_prog = 25, 5
    n_keg = max(1, n_sub // per_keg)
    hasil = {}
    for tahun, jenis, status in ((2024, "penetapan", "ditetapkan"), (2026, "rancangan_akhir", "draft")):
        renja = Renja.objects.create(opd=opd, tahun=tahun, nomenklatur_versi=versi)
        tahap = Tahap.objects.create(renja=renja, jenis=jenis, status=status, urutan=3)
        program = RenjaRow.objects.bulk_create(
            [
                RenjaRow(tahap=tahap, level=Level.PROGRAM, kode=f"1.06.{p + 1:02d}", nama=f"PROGRAM SINTETIS {p + 1}",
                         urutan=p * 10000)  # fmt: skip
                for p in range((n_keg + per_prog - 1) // per_prog)
            ]
        )
        kegiatan = RenjaRow.objects.bulk_create(
            [
                RenjaRow(
                    tahap=tahap,
                    level=Level.KEGIATAN,
                    kode=f"{program[k // per_prog].kode}.2.{k % per_prog + 1:02d}",
                    nama=f"Kegiatan sintetis {k + 1}",
                    parent=program[k // per_prog],
                    urutan=(k // per_prog) * 10000 + (k % per_prog + 1) * 100,
                )
                for k in range(n_keg)
            ]
        )
        subs = RenjaRow.objects.bulk_create(
            [
                RenjaRow(
                    tahap=tahap,
                    level=Level.SUB_KEGIATAN,
                    kode=f"{kegiatan[i // per_keg].kode}.{i % per_keg + 1:04d}",
                    nama=f"Sub kegiatan sintetis {i + 1} untuk penanganan pemerlu pelayanan kesejahteraan sosial",
                    parent=kegiatan[i // per_keg],
                    urutan=kegiatan[i // per_keg].urutan + i % per_keg + 1,
                    unit=unit,
                    lokasi=["Kota Sintetis"],
                    prakiraan_pagu=Decimal(1_100_000 + i * 1000),
                )
                for i in range(n_keg * per_keg)
            ]
        )
        ind = Indikator.objects.bulk_create(
            [Indikator(row=r, uraian="Jumlah penerima manfaat yang terlayani", target_nilai=Decimal(100 + i),
                       satuan="Orang") for i, r in enumerate(subs)]  # fmt: skip
        )
        Pagu.objects.bulk_create(
            [Pagu(row=r, sumber_dana=pad, jumlah=Decimal(1_000_000 + i * 1000)) for i, r in enumerate(subs)]
        )
        if tahun == 2024:
            RealisasiKeuangan.objects.bulk_create(
                [RealisasiKeuangan(renja=renja, row=r, sumber_dana=pad, bulan=12, jumlah=Decimal(900_000 + i * 900))
                 for i, r in enumerate(subs)]  # fmt: skip
            )
            RealisasiKinerja.objects.bulk_create(
                [RealisasiKinerja(renja=renja, indikator=x, bulan=12, nilai=Decimal(95 + i)) for i, x in enumerate(ind)]
            )
        hasil[tahun] = tahap
    return hasil[2026]


def sel_tabel(tabel) -> list[list[str]]:
    """The printed cells of a table (header texts, then body and footer) as plain strings."""
    from renja.inti.tabel import teks_sel

    n = len(tabel.kolom)
    rows = [tabel.judul_datar()]
    for b in [*tabel.baris, *tabel.kaki]:
        line = [""] * n
        for col, _span, nilai in tabel.sel_baris(b):
            line[col] = teks_sel(nilai, tabel.kolom[col])
        rows.append(line)
    return rows


def acuan_xlsx(tabels) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for i, t in enumerate(tabels):
        ws = wb.create_sheet(f"T{i + 1}")
        for row in sel_tabel(t):
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def acuan_docx(tabels) -> bytes:
    import docx

    doc = docx.Document()
    for t in tabels:
        rows = sel_tabel(t)
        table = doc.add_table(rows=len(rows), cols=len(t.kolom))
        for tr, vals in zip(table.rows, rows, strict=True):
            for cell, v in zip(tr.cells, vals, strict=True):
                cell.text = v
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def ukur(nama: str, tahap, ulang: int) -> None:
    from renja.dokumen.keluaran import tulis
    from renja.dokumen.renja import dokumen_renja

    t_model, dok = time_it(lambda: dokumen_renja(tahap=tahap), ulang)
    tabels = dok.tabel()
    baris = sum(len(t.baris) + len(t.kaki) for t in tabels)
    t_docx, docx_b = time_it(lambda: tulis(dok, "docx"), ulang)
    t_pdf, pdf_b = time_it(lambda: tulis(dok, "pdf"), max(1, ulang - 1))
    t_xlsx, xlsx_b = time_it(lambda: tulis(dok, "xlsx"), ulang)
    r_docx, _ = time_it(lambda: acuan_docx(tabels), ulang)
    r_xlsx, _ = time_it(lambda: acuan_xlsx(tabels), ulang)
    import pypdf

    halaman = len(pypdf.PdfReader(io.BytesIO(pdf_b)).pages)
    print(f"\n{nama}: {len(tabels)} tabel, {baris} baris tabel, PDF {halaman} halaman "
          f"(beban mesin {os.getloadavg()[0]:.1f})")  # fmt: skip
    print(f"  {'langkah':<8}{'waktu (s)':>11}{'acuan (s)':>11}{'rasio':>8}{'per 100 baris (s)':>19}{'ukuran':>10}")
    for label, t, ref, size in (
        ("model", t_model, None, None),
        ("docx", t_docx, r_docx, len(docx_b)),
        ("pdf", t_pdf, None, len(pdf_b)),
        ("xlsx", t_xlsx, r_xlsx, len(xlsx_b)),
    ):
        ratio = f"{t / ref:.1f}x" if ref else "-"
        ref_s = f"{ref:.3f}" if ref else "-"
        size_s = f"{size // 1024} KiB" if size else ""
        print(f"  {label:<8}{t:>11.3f}{ref_s:>11}{ratio:>8}{100 * t / max(1, baris):>19.3f}{size_s:>10}")
    if nama.startswith("demo"):
        for label, t, batas in (("docx", t_docx, 1), ("xlsx", t_xlsx, 1), ("pdf", t_pdf, 3)):
            print(f"  target {label} <= {batas} s: {'tercapai' if t <= batas else 'BELUM'} ({t:.2f} s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sub", type=int, default=500)
    ap.add_argument("--ulang", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="renja-bench-dokumen-") as tmp:
        os.environ["RENJA_VAR_DIR"] = tmp
        os.environ["DATABASE_URL"] = ""
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.settings")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        from renja.perencanaan.models import Tahap

        t0 = time.perf_counter()
        call_command("migrate", verbosity=0)
        call_command("renja_demo", verbosity=0)
        sintetis = opd_sintetis(args.sub)
        print(f"database sekali pakai siap dalam {time.perf_counter() - t0:.1f} s (demo + OPD sintetis {args.sub} "
              "sub kegiatan)")  # fmt: skip
        import weasyprint

        weasyprint.HTML(string="<p>pemanasan</p>").write_pdf()  # Pango/fontconfig start-up, once per worker
        demo = Tahap.objects.select_related("renja__opd__pemda").get(
            renja__tahun=2026, renja__opd__pemda__kode="32.75", jenis="rancangan_akhir"
        )
        ukur("demo (Dinas Sosial Kota Bekasi, Renja 2026 Rancangan Akhir)", demo, args.ulang)
        ukur(f"OPD sintetis ({args.sub} sub kegiatan)", sintetis, args.ulang)


if __name__ == "__main__":
    main()
