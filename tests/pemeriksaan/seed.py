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
