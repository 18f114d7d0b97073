"""Issue 7 parts 3-4: the Renja document of the demo (Dinas Sosial Kota Bekasi, Renja 2026, Rancangan Akhir) built
from data and written as DOCX, PDF and XLSX; the files are opened with python-docx, pypdf/pdfplumber and
openpyxl and compared with the data."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest

from renja.dokumen.keluaran import tulis
from renja.dokumen.renja import BELUM_ADA_REALISASI, Penandatangan, dokumen_renja, nama_berkas, ringkasan
from renja.inti.tabel import teks_sel
from renja.rumus.terbilang import rupiah_dari_terbilang
from tests.dokumen.bantu import W_NS, docx_buka, docx_tabel_sel, docx_teks, pdf_halaman

# Every test here is a database test, so pytest-django runs them before the transactional tests that flush the
# session's demo data (the module fixture below reads it once).
pytestmark = pytest.mark.django_db

TTD = Penandatangan(
    nama="Drs. H. ALEXANDER ZULKARNAIN, M.Si.",
    jabatan="Kepala Dinas Sosial Kota Bekasi",
    pangkat="Pembina Utama Muda (IV/c)",
    nip="19660301 199003 1 010",
    tempat="Bekasi",
    tanggal=dt.date(2026, 1, 15),
)
# The demo's final Renja 2026 (seed BAB IV / Tabel 2.19 first): 6 program, 12 kegiatan, 51 sub kegiatan,
# pagu Rp 26.736.518.416.
TOTAL = Decimal("26736518416")
KALIMAT = "6 program, 12 kegiatan dan 51 sub kegiatan dengan pagu Rp 26.736.518.416"


@pytest.fixture(scope="module")
def berkas(django_db_setup, django_db_blocker):
    """The demo document once per module, in the three formats (the data is only read)."""
    from renja.perencanaan.models import Tahap

    with django_db_blocker.unblock():
        tahap = Tahap.objects.select_related("renja__opd__pemda").get(
            renja__tahun=2026, renja__opd__kode="1.06.0.00.0.00.01.0000", jenis="rancangan_akhir"
        )
        dok = dokumen_renja(tahap=tahap, penandatangan=TTD)
        return {"dok": dok, "tahap": tahap, **{f: tulis(dok, f) for f in ("docx", "pdf", "xlsx")}}


def test_file_name_and_running_header(berkas):
    assert nama_berkas(berkas["tahap"]) == "Renja-2026-Dinas-Sosial-Kota-Bekasi-Rancangan-Akhir"
    assert berkas["dok"].kepala_halaman == "Rencana Kerja Dinas Sosial Kota Bekasi Tahun 2026"


def test_summary_counts_total_and_terbilang_come_from_the_data(tahap_final):
    from renja.perencanaan.models import Pagu, RenjaRow

    r = ringkasan(tahap_final)
    rows = RenjaRow.objects.filter(tahap=tahap_final)
    assert (r.program, r.kegiatan, r.sub_kegiatan) == (
        rows.filter(level="program").count(),
        rows.filter(level="kegiatan").count(),
        rows.filter(level="sub_kegiatan").count(),
    ) == (6, 12, 51)
    assert r.pagu == sum(p.jumlah for p in Pagu.objects.filter(row__tahap=tahap_final)) == TOTAL
    assert KALIMAT in r.kalimat()


def test_docx_structure_headings_toc_header_footer(berkas):
    doc = docx_buka(berkas["docx"])
    teks = docx_teks(berkas["docx"])
    assert "RANCANGAN AKHIR" in teks and "DINAS SOSIAL KOTA BEKASI" in teks and "TAHUN 2026" in teks
    gaya = {p.text: p.style.name for p in doc.paragraphs if p.style.name.startswith("Heading")}
    assert gaya["KATA PENGANTAR"] == "Heading 1"
    assert gaya["BAB I PENDAHULUAN"] == "Heading 1"
    assert gaya["BAB IV RENCANA KERJA DAN PENDANAAN"] == "Heading 1"
    assert gaya["1.1 Latar Belakang"] == "Heading 2"
    # the daftar isi is a TOC field over heading levels 1-3, and Word is asked to update fields on opening
    instr = [el.text for el in doc.element.body.iter(W_NS + "instrText")]
    assert any('TOC \\o "1-3"' in i for i in instr)
    assert doc.settings.element.find(W_NS + "updateFields") is not None
    # running header and a PAGE field in the footer; the cover page has neither
    s0 = doc.sections[0]
    assert s0.header.paragraphs[0].text == "Rencana Kerja Dinas Sosial Kota Bekasi Tahun 2026"
    assert s0.different_first_page_header_footer
    assert any("PAGE" in (el.text or "") for el in s0.footer._element.iter(W_NS + "instrText"))
    assert all(s.header.is_linked_to_previous for s in doc.sections[1:])


def test_docx_kata_pengantar_signature_and_summary(berkas):
    teks = docx_teks(berkas["docx"])
    kalimat = next(t for t in teks if KALIMAT in t)
    # the terbilang printed after the figure reads back as the same amount
    terbilang = re.search(r"\(([^)]*rupiah)\)", kalimat).group(1)
    assert rupiah_dari_terbilang(terbilang) == TOTAL
    assert terbilang.startswith("Dua puluh enam miliar tujuh ratus tiga puluh enam juta")
    i = teks.index("Bekasi, 15 Januari 2026")
    assert teks[i + 1] == "KEPALA DINAS SOSIAL KOTA BEKASI"
    assert TTD.nama in teks[i:] and "Pembina Utama Muda (IV/c)" in teks[i:] and "NIP. 19660301 199003 1 010" in teks


def test_docx_wide_tables_in_landscape_sections_with_repeating_headers(berkas):
    doc = docx_buka(berkas["docx"])
    body = doc.element.body
    tables = [el for el in body if el.tag == W_NS + "tbl"]
    assert tables, "the demo document holds T-C.29 at least"
    # each table's section: the first sectPr after it (inside a paragraph, or the body's own)
    for tbl in tables:
        sect = None
        for el in tbl.itersiblings():
            found = el.find(f"{W_NS}pPr/{W_NS}sectPr") if el.tag == W_NS + "p" else None
            if el.tag == W_NS + "sectPr":
                found = el
            if found is not None:
                sect = found
                break
        pgsz = sect.find(W_NS + "pgSz")
        ncol = len(tbl.find(W_NS + "tblGrid"))
        if ncol > 7:
            assert pgsz.get(W_NS + "orient") == "landscape", f"tabel {ncol} kolom tidak mendatar"
            assert int(pgsz.get(W_NS + "w")) > int(pgsz.get(W_NS + "h"))
        rows = list(tbl.iter(W_NS + "tr"))
        header = [tr for tr in rows if tr.find(f"{W_NS}trPr/{W_NS}tblHeader") is not None]
        assert header and rows[: len(header)] == header  # the header rows, and only the top ones
    # the text sections stay portrait
    assert doc.sections[0].page_width < doc.sections[0].page_height


def test_tc29_numbers_in_docx_and_xlsx_equal_the_evaluation(db, berkas):
    """T-C.29 (evaluation of Renja 2024 in the Renja 2026 document): each printed target and realisation equals
    monev's evaluation of the same row, in both files."""
    import openpyxl

    from renja.dokumen.renja import tabel_tc29_renja
    from renja.monev.evaluasi import evaluasi_renja
    from renja.perencanaan.models import Renja

    tabel = tabel_tc29_renja(berkas["tahap"])
    assert tabel is not None and tabel.judul[0].startswith("Tabel T-C.29")
    ev = evaluasi_renja(renja=Renja.objects.get(tahun=2024, opd__kode="1.06.0.00.0.00.01.0000"))
    tbl = next(
        el for el in docx_buka(berkas["docx"]).element.body if el.tag == W_NS + "tbl"
    )  # the first table of the document is T-C.29 (section 2.1)
    sel = docx_tabel_sel(tbl)
    kepala = len(tabel.kepala_tata()) + 1  # + the column-number row
    badan = sel[kepala:]
    assert len(badan) == len(tabel.baris) + len(tabel.kaki)
    diperiksa = 0
    by_kode = {b.kode: b for b in ev.baris()}
    for row in badan:
        b = by_kode.get(row[0])
        if b is None or not b.indikator:
            continue
        ind = b.indikator[0]
        k6 = tabel.kolom[5]
        if ind.target.nilai is not None:
            assert row[5] == teks_sel(ind.target.nilai, k6), row
            diperiksa += 1
        if ind.realisasi.nilai is not None:
            assert row[6] == teks_sel(ind.realisasi.nilai, k6), row
    assert diperiksa > 20
    wb = openpyxl.load_workbook(io.BytesIO(berkas["xlsx"]))
    ws = wb["T-C.29"]
    assert ws.freeze_panes is not None and ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    kode_xlsx = {c.value for c in ws["A"] if c.value}
    assert {b.kode for b in ev.baris()} <= kode_xlsx


def test_pdf_text_title_summary_and_daftar_isi_pages(berkas):
    halaman = pdf_halaman(berkas["pdf"])
    semua = "\n".join(halaman)
    assert "RANCANGAN AKHIR" in halaman[0] and "DINAS SOSIAL KOTA BEKASI" in halaman[0]
    assert "Rencana Kerja Dinas Sosial Kota Bekasi Tahun 2026" in halaman[1]  # the running header
    assert re.sub(r"\s+", " ", KALIMAT) in re.sub(r"\s+", " ", semua)
    # daftar isi: every BAB with the page it starts on (target-counter), and that page holds the heading
    isi = next(h for h in halaman if "DAFTAR ISI" in h)
    for bab in ("BAB I PENDAHULUAN", "BAB IV RENCANA KERJA DAN PENDANAAN", "BAB V PENUTUP"):
        m = re.search(re.escape(bab) + r"[ .]*?(\d+)\s*$", isi, re.M)
        assert m, bab
        assert bab in halaman[int(m.group(1)) - 1]


def test_pdf_no_table_wider_than_its_page(berkas):
    import pdfplumber

    with pdfplumber.open(io.BytesIO(berkas["pdf"])) as pdf:
        for page in pdf.pages:
            for rect in page.rects + page.lines:
                assert rect["x0"] >= -0.5 and rect["x1"] <= page.width + 0.5, (page.page_number, rect)
            for ch in page.chars:
                assert ch["x1"] <= page.width + 0.5, (page.page_number, ch["text"])


def test_tc29_without_realisation_says_so(tahap_final):
    """A Renja 2025 quotes the Renja of 2023, which the demo does not hold: the document prints the sentence in
    section 2.1 instead of an empty table."""
    from renja.dokumen.renja import tabel_dokumen
    from renja.perencanaan.models import Renja, Tahap

    renja = Renja.objects.create(
        opd=tahap_final.renja.opd, tahun=2025, nomenklatur_versi=tahap_final.renja.nomenklatur_versi
    )
    tahap = Tahap.objects.create(renja=renja, jenis="rancangan_akhir", urutan=3)
    isi = tabel_dokumen(tahap)["2.1"]
    assert isi == [BELUM_ADA_REALISASI.format(tahun=2023)]
    teks = docx_teks(tulis(dokumen_renja(tahap=tahap, penandatangan=TTD), "docx"))
    assert "Belum ada data realisasi Renja tahun 2023 di aplikasi ini." in teks


# --- T-C.33 in the document (its builder, renja.perencanaan.tabel_renja, comes with the tables branch) --------

# The seed's program subtotals (BAB IV baris 1238 ff., Tabel 2.19 baris 866 ff.): 13.652.995.250 + 2.387.000.000
# + 4.962.840.000 + 3.040.000.000 + 1.901.683.166 + 792.000.000 = 26.736.518.416.
PROGRAM_SEED = {
    "1.06.01": "13.652.995.250",
    "1.06.02": "2.387.000.000",
    "1.06.04": "4.962.840.000",
    "1.06.05": "3.040.000.000",
    "1.06.06": "1.901.683.166",
    "1.06.07": "792.000.000",
}


def _tc33_docx(berkas):
    """(T-C.33 table model, its DOCX rows as cell texts): the document's tables are written in order."""
    pytest.importorskip("renja.perencanaan.tabel_renja", reason="T-C.33 builder not in this code base yet")
    tabel = berkas["dok"].tabel()
    i = next(i for i, t in enumerate(tabel) if t.nama_lembar == "T-C.33")
    tbl = [el for el in docx_buka(berkas["docx"]).element.body if el.tag == W_NS + "tbl"][i]
    return tabel[i], docx_tabel_sel(tbl)


def test_tc33_in_docx_every_sub_kegiatan_its_pagu_and_the_seed_totals(db, berkas):
    from renja.perencanaan.models import Pagu, RenjaRow

    tabel, sel = _tc33_docx(berkas)
    tahap = berkas["tahap"]
    kode_col = next(i for i, k in enumerate(tabel.kolom) if k.kunci == "kode")
    pagu_col = next(i for i, k in enumerate(tabel.kolom) if k.kunci == "pagu")
    badan = sel[len(tabel.kepala_tata()) + (1 if tabel.nomor_tata() else 0) :]
    assert len(badan) == len(tabel.baris) + len(tabel.kaki)
    baris = {r[kode_col]: r for r in badan if len(r) == len(tabel.kolom) and r[kode_col]}
    subs = RenjaRow.objects.filter(tahap=tahap, level="sub_kegiatan")
    assert subs.count() == 51 and {s.kode for s in subs} <= baris.keys()
    for s in subs:  # every pagu printed equals the data (sum of its sumber dana)
        jumlah = sum(p.jumlah for p in Pagu.objects.filter(row=s))
        assert baris[s.kode][pagu_col] == teks_sel(jumlah, tabel.kolom[pagu_col]), s.kode
    for kode, pagu in PROGRAM_SEED.items():
        assert baris[kode][pagu_col] == pagu, kode
    assert any("26.736.518.416" in c for r in badan[-3:] for c in r)  # the TOTAL line


def test_tc33_in_pdf_and_xlsx_total(berkas):
    import openpyxl

    _tc33_docx(berkas)
    semua = " ".join(" ".join(h.split()) for h in pdf_halaman(berkas["pdf"]))
    assert "26.736.518.416" in semua
    for pagu in PROGRAM_SEED.values():
        assert pagu in semua
    wb = openpyxl.load_workbook(io.BytesIO(berkas["xlsx"]))
    ws = wb["T-C.33"]
    angka = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, int | float | Decimal)]
    assert 26736518416 in angka
