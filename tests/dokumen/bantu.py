"""Readers of generated documents (python-docx, openpyxl, pypdf, pdfplumber) and a synthetic wide table."""

from __future__ import annotations

import io
from decimal import Decimal

from renja.inti.tabel import Baris, Gaya, Jenis, Kolom, Sel, Tabel

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_buka(data: bytes):
    import docx

    return docx.Document(io.BytesIO(data))


def docx_teks(data: bytes) -> list[str]:
    """Every paragraph and every table cell of the body, in document order, one line each."""
    doc = docx_buka(data)
    lines = []
    for el in doc.element.body.iter():
        if el.tag == W_NS + "p":
            lines.append("".join(t.text or "" for t in el.iter(W_NS + "t")))
    return lines


def docx_tabel_sel(tbl_el) -> list[list[str]]:
    """Rows of a w:tbl as the texts of their w:tc (merged cells once)."""
    rows = []
    for tr in tbl_el.iter(W_NS + "tr"):
        rows.append(["".join(t.text or "" for t in tc.iter(W_NS + "t")) for tc in tr.iter(W_NS + "tc")])
    return rows


def pdf_halaman(data: bytes) -> list[str]:
    import pypdf

    return [p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def tabel_sintetis(n: int = 500) -> Tabel:
    """A T-C.33-shaped table of `n` sub kegiatan under programs of 25 rows: 13 columns (wide), a two-row header
    with merges, numbered columns, a TOTAL footer. Pagu of row i is 1.000.000 + i x 1.000."""
    kolom = [
        Kolom("kode", "Kode", lebar=20),
        Kolom("nama", "Program/Kegiatan/Sub Kegiatan", lebar=36),
        Kolom("indikator", "Indikator", lebar=30),
        Kolom("target", "Target", Jenis.DESIMAL),
        Kolom("satuan", "Satuan", lebar=10),
        Kolom("pagu", "Pagu", Jenis.RUPIAH, desimal=0),
        Kolom("lokasi", "Lokasi", lebar=14),
        Kolom("sumber", "Sumber Dana", lebar=10),
        Kolom("pn", "Prioritas Nasional", lebar=14),
        Kolom("pd", "Prioritas Daerah", lebar=14),
        Kolom("target1", "Target n+1", Jenis.DESIMAL),
        Kolom("pagu1", "Pagu n+1", Jenis.RUPIAH, desimal=0),
        Kolom("pj", "Penanggung Jawab", lebar=14),
    ]
    kepala = [
        [Sel("Kode", rowspan=2), Sel("Program/Kegiatan/Sub Kegiatan", rowspan=2), Sel("Indikator", rowspan=2),
         Sel("Rencana Tahun 2026", colspan=5), Sel("Prioritas", colspan=2), Sel("Prakiraan Maju 2027", colspan=2),
         Sel("Penanggung Jawab", rowspan=2)],
        ["Target", "Satuan", "Pagu", "Lokasi", "Sumber Dana", "Nasional", "Daerah", "Target", "Pagu"],
    ]  # fmt: skip
    baris = []
    total = Decimal(0)
    for i in range(n):
        if i % 25 == 0:
            baris.append(Baris({"kode": f"1.06.{i // 25:02d}", "nama": f"PROGRAM SINTETIS {i // 25}"}, Gaya.PROGRAM))
        pagu = Decimal(1_000_000 + i * 1000)
        total += pagu
        baris.append(
            Baris(
                {
                    "kode": f"1.06.{i // 25:02d}.2.01.{i:04d}",
                    "nama": f"Sub kegiatan sintetis nomor {i} dengan nama yang cukup panjang untuk dibungkus",
                    "indikator": "Jumlah penerima manfaat yang terlayani",
                    "target": Decimal(100 + i),
                    "satuan": "Orang",
                    "pagu": pagu,
                    "lokasi": "Kota Bekasi",
                    "sumber": "PAD",
                    "pn": "PN 1",
                    "pd": "PD 2",
                    "target1": Decimal(110 + i),
                    "pagu1": pagu + 1000,
                    "pj": "Bidang Rehabilitasi Sosial",
                },
                tingkat=2,
            )
        )
    kaki = [Baris([Sel("TOTAL", 5), total], Gaya.TOTAL)]
    return Tabel(
        kolom=kolom,
        baris=baris,
        judul=["Tabel Sintetis Rencana Program", "OPD Sintetis"],
        kepala=kepala,
        nomor_kolom=True,
        kaki=kaki,
        nama_lembar="Sintetis",
        kolom_tingkat="nama",
    )
