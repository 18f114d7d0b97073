"""The seed text as a fixture, and the same document rebuilt as DOCX and XLSX (python-docx, openpyxl)."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

SEED = Path(__file__).parent / "data" / "renja_dinsos_bekasi_2026.txt"


@cache
def teks() -> bytes:
    return SEED.read_bytes()


def _bagian() -> list[tuple[str, object]]:
    """The seed as ("teks", line) and ("tabel", [rows of cells]) in order, tables as runs of tab lines (blank and
    short page-header lines inside a run stay inside the table, as in the text reader)."""
    hasil: list[tuple[str, object]] = []
    for baris in teks().decode("utf-8").splitlines():
        if "\t" in baris:
            if hasil and hasil[-1][0] == "tabel":
                hasil[-1][1].append(baris.split("\t"))
            else:
                hasil.append(("tabel", [baris.split("\t")]))
        else:
            hasil.append(("teks", baris))
    return hasil


@cache
def docx() -> bytes:
    import docx as python_docx

    d = python_docx.Document()
    for jenis, isi in _bagian():
        if jenis == "teks":
            d.add_paragraph(isi)
            continue
        lebar = max(len(r) for r in isi)
        tabel = d.add_table(rows=len(isi), cols=lebar)
        for i, r in enumerate(isi):
            for j, sel in enumerate(r):
                if sel:
                    tabel.cell(i, j).text = sel
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@cache
def xlsx() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for jenis, isi in _bagian():
        if jenis == "teks":
            ws.append([isi] if isi else [])
        else:
            for r in isi:
                ws.append([sel if sel else None for sel in r])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def html(dari: int = 1, sampai: int | None = None) -> str:
    """Lines dari..sampai (1-based, inclusive) of the seed as HTML: text as paragraphs, tab runs as ruled tables."""
    from html import escape

    baris = teks().decode("utf-8").splitlines()[dari - 1 : sampai]
    out = [
        '<html><head><meta charset="utf-8"><style>table{border-collapse:collapse;font-size:9px}'
        "td{border:1px solid #000}p{font-size:10px}</style></head><body>"
    ]
    tabel: list[list[str]] = []

    def tutup() -> None:
        if tabel:
            lebar = max(len(r) for r in tabel)
            out.append("<table>")
            for r in tabel:
                out.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r + [""] * (lebar - len(r))) + "</tr>")
            out.append("</table>")
            tabel.clear()

    for b in baris:
        if "\t" in b:
            tabel.append(b.split("\t"))
        else:
            tutup()
            out.append(f"<p>{escape(b)}</p>" if b.strip() else "")
    tutup()
    out.append("</body></html>")
    return "\n".join(out)


def pdf(isi_html: str, tmp_path: Path) -> bytes:
    """The HTML printed to PDF by Debian's chromium (headless), as the e2e tests use it."""
    import subprocess

    sumber = tmp_path / "dokumen.html"
    sumber.write_text(isi_html, encoding="utf-8")
    tujuan = tmp_path / "dokumen.pdf"
    subprocess.run(
        [
            "/usr/bin/chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={tmp_path / 'profil'}",
            f"--print-to-pdf={tujuan}",
            sumber.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    return tujuan.read_bytes()
