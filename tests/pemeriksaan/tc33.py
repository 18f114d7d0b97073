"""Build a planning document in the T-C.33 layout (BAB IV) from a stored stage, as XLSX or DOCX, the way an OPD
would type it: a title, two header rows with titles over several columns, the column-number row, an OPD total
row, then program / kegiatan / sub kegiatan rows with the code in one cell, further indicators on continuation
lines, targets as "500 Orang", money as "15.000.000,00"."""

from __future__ import annotations

import io
from decimal import Decimal

from renja.inti.format import angka_ringkas
from renja.perencanaan.selectors import renja_tree
from renja.perencanaan.targets import target_of
from renja.rumus.angka import format_angka

KEPALA_1 = [
    "No", "Kode", "Urusan / Program / Kegiatan / Sub Kegiatan", "Indikator Kinerja", "Rencana Tahun {tahun}",
    "", "", "", "Prioritas", "", "Kelompok Sasaran", "Prakiraan Maju Tahun {lanjut}", "",
    "Perangkat Daerah Penanggung Jawab",
]  # fmt: skip
KEPALA_2 = [
    "", "", "", "", "Target", "Pagu Indikatif (Rp)", "Lokasi", "Sumber Dana", "Nasional", "Daerah", "", "Target",
    "Pagu Indikatif (Rp)", "",
]  # fmt: skip
KOLOM = len(KEPALA_1)


def angka_teks(nilai: Decimal) -> str:
    """A target as typed: '1.176', '12,5'; a value with exactly three decimals and no thousands gets a fourth
    digit ('12,3450'), since '12,345' reads as either twelve thousand or twelve (the checker reports it)."""
    teks = angka_ringkas(nilai)
    if "," in teks and "." not in teks and len(teks.split(",")[1]) == 3:
        teks += "0"
    return teks


def target_teks(t, satuan: str) -> str:
    if t.kosong:
        return "-"
    nilai = t.grade or angka_teks(t.nilai)
    return f"{nilai} {satuan}".strip()


def uang(nilai) -> str:
    return "-" if nilai is None else format_angka(Decimal(nilai), 2)


def baris_tc33(tahap) -> list[list[str]]:
    """The data rows (with the OPD total first) of `tahap` in the T-C.33 layout."""
    tree = renja_tree(tahap=tahap)
    rows = [
        [
            "",
            "",
            tahap.renja.opd.nama,
            "",
            "",
            uang(tree.total_pagu),
            "",
            "",
            "",
            "",
            "",
            "",
            uang(tree.total_prakiraan_pagu),
            "",
        ]
    ]
    nomor = 0
    for n in tree.flat():
        r = n.row
        if r.level == "program":
            nomor += 1
        ind = n.indikator
        sub = r.level == "sub_kegiatan"
        if sub and len(n.pagu_rows) > 1:
            sumber = "; ".join(f"{p.sumber_dana.kode}: {uang(p.jumlah)}" for p in n.pagu_rows)
        else:
            sumber = ", ".join(p.sumber_dana.nama for p in n.pagu_rows)
        pm = target_of(r, "prakiraan_target")
        rows.append(
            [
                str(nomor) if r.level == "program" else "",
                r.kode,
                r.nama,
                ind[0].uraian if ind else "",
                target_teks(target_of(ind[0]), ind[0].satuan) if ind else "",
                uang(n.pagu),
                ", ".join(r.lokasi or []),
                sumber,
                r.prioritas_nasional,
                r.prioritas_daerah,
                r.kelompok_sasaran,
                target_teks(pm, r.prakiraan_satuan) if not pm.kosong else "",
                uang(r.prakiraan_pagu) if sub else uang(n.prakiraan_pagu),
                r.unit.nama if r.unit_id else "",
            ]
        )
        for i in ind[1:]:
            rows.append(["", "", "", i.uraian, target_teks(target_of(i), i.satuan), *[""] * (KOLOM - 5)])
    return rows


def _kepala(tahun: int) -> list[list[str]]:
    return [
        [s.format(tahun=tahun, lanjut=tahun + 1) for s in KEPALA_1],
        KEPALA_2,
        [str(k) for k in range(1, KOLOM + 1)],
    ]


def xlsx_tc33(tahap, *, rows=None, narasi: list[str] = ()) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "BAB IV"
    ws.append([f"Tabel 4.1 Rumusan Rencana Program dan Kegiatan Tahun {tahap.renja.tahun} (T-C.33)"])
    for r in _kepala(tahap.renja.tahun):
        ws.append(r)
    ws.merge_cells(start_row=2, start_column=5, end_row=2, end_column=8)
    ws.merge_cells(start_row=2, start_column=9, end_row=2, end_column=10)
    ws.merge_cells(start_row=2, start_column=12, end_row=2, end_column=13)
    for r in rows if rows is not None else baris_tc33(tahap):
        ws.append(r)
    ws.append([])
    for teks in narasi:
        ws.append([teks])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def docx_tc33(tahap, *, rows=None, narasi: list[str] = ()) -> bytes:
    import docx

    doc = docx.Document()
    doc.add_paragraph("BAB IV RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH")
    doc.add_paragraph(f"Tabel 4.1 Rumusan Rencana Program dan Kegiatan Tahun {tahap.renja.tahun} (T-C.33)")
    data = rows if rows is not None else baris_tc33(tahap)
    kepala = _kepala(tahap.renja.tahun)
    t = doc.add_table(rows=len(kepala) + len(data), cols=KOLOM)
    for row, r in zip(t.rows, [*kepala, *data], strict=True):  # row.cells once per row: t.cell() is O(table)
        for cell, s in zip(row.cells, r, strict=True):
            if s:
                cell.text = s
    t.cell(0, 4).merge(t.cell(0, 7))
    t.cell(0, 8).merge(t.cell(0, 9))
    t.cell(0, 11).merge(t.cell(0, 12))
    t.cell(0, 4).text = KEPALA_1[4].format(tahun=tahap.renja.tahun)
    t.cell(0, 8).text = "Prioritas"
    t.cell(0, 11).text = KEPALA_1[11].format(lanjut=tahap.renja.tahun + 1)
    for teks in narasi:
        doc.add_paragraph(teks)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
