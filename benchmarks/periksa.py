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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kali", type=int, default=5)
    parser.add_argument("--pdf", action="store_true", help="also the seed printed to PDF by chromium")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.settings")
    import django

    django.setup()
    from renja.pemeriksaan import dokumen
    from renja.pemeriksaan.periksa import periksa_dokumen
    from tests.pemeriksaan import seed

    dingin = dokumen._baca_angka_tersimpan.cache_clear  # every run starts cold: no cell parsed before

    print(f"{'berkas':<8}{'ukuran':>10}{'rujukan':>11}{'baca':>9}{'periksa':>10}{'temuan':>8}")
    for nama, data, rujukan in (
        ("teks", seed.teks(), rujukan_teks),
        ("docx", seed.docx(), rujukan_docx),
        ("xlsx", seed.xlsx(), rujukan_xlsx),
    ):
        label = f"seed.{nama}"
        t_ruj = terbaik(lambda r=rujukan, b=data: r(b), args.kali)
        t_baca = terbaik(lambda b=data, n=label: (dingin(), dokumen.baca(b, nama=n)), args.kali)
        t_periksa = terbaik(lambda b=data, n=label: (dingin(), periksa_dokumen(b, nama=n)), args.kali)
        n = len(periksa_dokumen(data, nama=f"seed.{nama}"))
        print(f"{nama:<8}{len(data) // 1024:>8} KB{t_ruj:>10.3f}s{t_baca:>8.3f}s{t_periksa:>9.3f}s{n:>8}")
    if args.pdf:
        import tempfile

        import pypdfium2

        with tempfile.TemporaryDirectory() as tmp:
            data = seed.pdf(seed.html(), Path(tmp))

        def rujukan_pdf(b: bytes = data) -> int:
            pdf = pypdfium2.PdfDocument(b)
            try:
                return sum(len(h.get_textpage().get_text_range()) for h in pdf)
            finally:
                pdf.close()

        t_ruj = terbaik(rujukan_pdf, args.kali)
        t_baca = terbaik(lambda: (dingin(), dokumen.baca(data, nama="seed.pdf")), args.kali)
        t_periksa = terbaik(lambda: (dingin(), periksa_dokumen(data, nama="seed.pdf")), args.kali)
        n = len(periksa_dokumen(data, nama="seed.pdf"))
        print(f"{'pdf':<8}{len(data) // 1024:>8} KB{t_ruj:>10.3f}s{t_baca:>8.3f}s{t_periksa:>9.3f}s{n:>8}")


if __name__ == "__main__":
    main()
