"""The document checker (renja.pemeriksaan) on the seed, beside only reading and tokenising the same file.

    .venv/bin/python benchmarks/periksa.py [--kali 5]

No database is touched. Rows measured (each the best of --kali runs), for the seed text and the same document
rebuilt as DOCX and XLSX (tests/pemeriksaan/seed.py):
  rujukan    read the bytes and split them into lines and cells (text), or open the package and walk every
             paragraph/table cell (python-docx) or every row (openpyxl read-only): the floor of any checker
  baca       renja.pemeriksaan.dokumen.baca: kind by content (upload guard), blocks, tables, codes, levels
  periksa    baca + every rule (renja.pemeriksaan.periksa.periksa_dokumen)
The cache of parsed cells is emptied before every run (cold).
--pdf adds the seed printed to PDF by Debian's chromium: rujukan = PDFium's plain text of every page (pypdfium2),
periksa = ruling lines, tables, each character to its cell or line, rules. (pdfplumber, used before, needed about 40 s
for the same 24 pages; PDFium about 2-3 s.)
--dibuat adds the demo's Renja 2026 (Dinas Sosial Kota Bekasi, Rancangan Akhir) as renja.dokumen writes it: DOCX,
XLSX of its tables and PDF (WeasyPrint), built in a throwaway SQLite database (a temporary RENJA_VAR_DIR: migrate,
renja_demo); rujukan as above (python-docx walk, openpyxl rows, PDFium's plain text of every page). The correct
generated files give no finding from the tables; the narrative's two (the seed's 240%, a pagu no table totals)
remain (tests/pemeriksaan/test_dokumen_dibuat.py).
Target (issue 8): the whole check of the seed text within 1 s.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def terbaik(fungsi, kali: int) -> float:
    hasil = []
    for _ in range(kali):
        mulai = time.perf_counter()
        fungsi()
        hasil.append(time.perf_counter() - mulai)
    return min(hasil)


def rujukan_teks(data: bytes) -> int:
    return sum(len(baris.split("\t")) for baris in data.decode("utf-8").splitlines())


def rujukan_docx(data: bytes) -> int:
    import docx

    d = docx.Document(io.BytesIO(data))
    n = len(d.paragraphs)
    for t in d.tables:
        for r in t.rows:
            n += sum(len(c.text) > 0 for c in r.cells)
    return n


def rujukan_xlsx(data: bytes) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    return sum(len(r) for ws in wb.worksheets for r in ws.iter_rows(values_only=True))


def rujukan_pdfium(data: bytes) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        return sum(len(h.get_textpage().get_text_range()) for h in pdf)
    finally:
        pdf.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kali", type=int, default=5)
    parser.add_argument("--pdf", action="store_true", help="also the seed printed to PDF by chromium")
    parser.add_argument("--dibuat", action="store_true", help="also the demo's generated DOCX, XLSX and PDF")
    args = parser.parse_args()
    if args.dibuat:
        import tempfile

        os.environ["RENJA_VAR_DIR"] = tempfile.mkdtemp(prefix="renja-bench-periksa-")
        os.environ["DATABASE_URL"] = ""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.settings")
    import django

    django.setup()
    from renja.pemeriksaan import dokumen
    from renja.pemeriksaan.periksa import periksa_dokumen
    from tests.pemeriksaan import seed

    dingin = dokumen._baca_angka_tersimpan.cache_clear  # every run starts cold: no cell parsed before

    def baris(nama: str, label: str, data: bytes, rujukan) -> None:
        t_ruj = terbaik(lambda: rujukan(data), args.kali)
        t_baca = terbaik(lambda: (dingin(), dokumen.baca(data, nama=label)), args.kali)
        t_periksa = terbaik(lambda: (dingin(), periksa_dokumen(data, nama=label)), args.kali)
        n = len(periksa_dokumen(data, nama=label))
        print(f"{nama:<8}{len(data) // 1024:>8} KB{t_ruj:>10.3f}s{t_baca:>8.3f}s{t_periksa:>9.3f}s{n:>8}")

    print(f"{'berkas':<8}{'ukuran':>10}{'rujukan':>11}{'baca':>9}{'periksa':>10}{'temuan':>8}")
    for nama, data, rujukan in (
        ("teks", seed.teks(), rujukan_teks),
        ("docx", seed.docx(), rujukan_docx),
        ("xlsx", seed.xlsx(), rujukan_xlsx),
    ):
        baris(nama, f"seed.{nama}", data, rujukan)
    if args.pdf:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            data = seed.pdf(seed.html(), Path(tmp))

        rujukan_pdf = rujukan_pdfium
        baris("pdf", "seed.pdf", data, rujukan_pdf)
    if args.dibuat:
        from django.core.management import call_command

        from renja.dokumen.keluaran import tulis
        from renja.dokumen.renja import dokumen_renja, penandatangan_bawaan
        from renja.perencanaan.models import Tahap

        call_command("migrate", verbosity=0)
        call_command("renja_demo", verbosity=0, stdout=io.StringIO())  # demo account passwords: not printed
        tahap = Tahap.objects.select_related("renja__opd__pemda").get(
            renja__tahun=2026, renja__opd__kode="1.06.0.00.0.00.01.0000", jenis="rancangan_akhir"
        )
        dok = dokumen_renja(tahap=tahap, penandatangan=penandatangan_bawaan(tahap.renja.opd))
        print("Renja 2026 demo, dibuat oleh renja.dokumen:")
        for nama, rujukan in (("docx", rujukan_docx), ("xlsx", rujukan_xlsx), ("pdf", rujukan_pdfium)):
            baris(nama, f"renja.{nama}", tulis(dok, nama), rujukan)


if __name__ == "__main__":
    main()
