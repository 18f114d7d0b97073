"""Layout of the renderers, on a synthetic 13-column table of 500 sub kegiatan (+ 20 program rows, a TOTAL):
in the PDF no table is wider than its page box and the header repeats on every page the table runs over; in
the DOCX the table sits in a landscape section between portrait text and its header rows carry w:tblHeader."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from renja.dokumen.keluaran import tulis, tulis_tabel
from renja.dokumen.markdown import markdown_blok
from renja.dokumen.model import Daftar, Dokumen, Judul, Paragraf, TabelBlok, Teks
from tests.dokumen.bantu import W_NS, docx_buka, docx_tabel_sel, tabel_sintetis

N = 500
# sum of 1.000.000 + i x 1.000 for i = 0..499 = 500 x 1.000.000 + 1.000 x (499 x 500 / 2) = 624.750.000
TOTAL = Decimal(624_750_000)


@pytest.fixture(scope="module")
def dok():
    d = Dokumen(judul="Uji", kepala_halaman="Rencana Kerja OPD Sintetis Tahun 2026", nama_berkas="uji")
    d.tambah(Judul("BAB I UJI", 1), Paragraf.dari("Teks tegak sebelum tabel."))
    d.tambah(TabelBlok(tabel_sintetis(N), keterangan="Tabel 4.1"))
    d.tambah(Paragraf.dari("Teks tegak sesudah tabel."))
    return d


@pytest.fixture(scope="module")
def pdf(dok):
    return tulis(dok, "pdf")


def test_synthetic_total_is_the_hand_computed_one():
    t = tabel_sintetis(N)
    assert t.kaki[0].nilai[1] == TOTAL
    assert sum(1 for b in t.baris if b.tingkat == 2) == N


def test_pdf_500_rows_header_on_every_page_inside_the_page_box(pdf):
    """One pass over the pages (reading a PDF is the slow part): the table's pages are landscape, each repeats
    the header, every row and the TOTAL are printed, and nothing (rule, border, character) leaves the page box."""
    import pdfplumber

    halaman_tabel = 0
    semua = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            teks = " ".join((page.extract_text() or "").split())
            semua.append(teks)
            if "Sub kegiatan sintetis" in teks:
                halaman_tabel += 1
                assert page.width > page.height, page.page_number  # the landscape named page
                for judul in ("Indikator", "Satuan", "Prioritas", "Prakiraan", "Penanggung"):  # header words only
                    assert judul in teks, (page.page_number, judul)
            else:
                assert page.width < page.height
            for obj in page.rects + page.lines:
                assert obj["x0"] >= -0.5 and obj["x1"] <= page.width + 0.5, (page.page_number, obj)
            for ch in page.chars:
                assert 0 <= ch["x0"] and ch["x1"] <= page.width, (page.page_number, ch["text"])
    assert halaman_tabel >= 10  # 500 wrapped rows run over many pages
    teks = " ".join(semua)
    for i in range(N):
        assert f"1.06.{i // 25:02d}.2.01.{i:04d}" in teks
    assert "TOTAL 624.750.000" in teks


def test_docx_500_rows_landscape_section_and_header_repeat(dok):
    data = tulis(dok, "docx")
    doc = docx_buka(data)
    orient = [s.orientation for s in doc.sections]
    assert [int(o) for o in orient] == [0, 1, 0]  # portrait, landscape (the table), portrait again
    tbl = next(el for el in doc.element.body if el.tag == W_NS + "tbl")
    rows = list(tbl.iter(W_NS + "tr"))
    header = [tr for tr in rows if tr.find(f"{W_NS}trPr/{W_NS}tblHeader") is not None]
    assert len(header) == 3  # two header rows and the column numbers
    assert len(rows) == 3 + N + N // 25 + 1
    sel = docx_tabel_sel(tbl)
    assert sel[0][:4] == ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Rencana Tahun 2026"]
    assert sel[2] == [str(i) for i in range(1, 14)]
    assert sel[-1] == ["TOTAL", "624.750.000"] + [""] * 7  # TOTAL spans 5 columns: 9 cells for 13 columns
    # every pagu printed equals the row's figure: row i carries 1.000.000 + i x 1.000
    for r in sel[3:-1]:
        if r[0].count(".") == 5:
            i = int(r[0].rsplit(".", 1)[1])
            assert r[5] == f"{1_000_000 + i * 1000:,}".replace(",", ".")
    # the landscape section's page is wider than tall and the table fits its text width
    s = doc.sections[1]
    lebar = sum(int(g.get(W_NS + "w")) for g in tbl.find(W_NS + "tblGrid"))
    assert s.page_width > s.page_height and lebar * 635 <= s.page_width - s.left_margin - s.right_margin  # EMU per twip


def test_single_table_xlsx_has_frozen_header_and_print_setup():
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(tulis_tabel(tabel_sintetis(50), "xlsx")))
    ws = wb["Sintetis"]
    # titles (2) + blank + 2 header rows + number row: the body starts on row 7, frozen above it
    assert ws.freeze_panes == "A7"
    assert ws.print_title_rows == "$4:$6"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.column_dimensions["B"].width == 36
    assert ws.max_row == 6 + 50 + 2 + 1  # body rows, 2 program rows, TOTAL


def test_markdown_bold_italic_lists_and_raw_html_stays_text():
    blok = markdown_blok("Dasar **hukum** dan *arah*.\n\n- satu\n- dua\n\n1. a\n2. b\n\n<script>x()</script>")
    assert blok[0] == Paragraf([Teks("Dasar "), Teks("hukum", tebal=True), Teks(" dan "), Teks("arah", miring=True),
                                Teks(".")])  # fmt: skip
    assert blok[1] == Daftar([[Teks("satu")], [Teks("dua")]], bernomor=False)
    assert blok[2] == Daftar([[Teks("a")], [Teks("b")]], bernomor=True)
    assert blok[3] == Paragraf([Teks("<script>x()</script>")])
    d = Dokumen(judul="x", kepala_halaman="x", nama_berkas="x", blok=blok)
    from renja.dokumen.keluaran_pdf import html_dokumen

    html = html_dokumen(d)
    assert "<strong>hukum</strong>" in html and "<em>arah</em>" in html
    assert "<script>" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html
