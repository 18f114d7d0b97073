"""The document model as DOCX (python-docx), no Office needed to make it.

* A4 portrait for text; every wide table (:attr:`TabelBlok.lebar`) in a landscape section of its own (next
  wide tables share it), portrait again after it.
* Header rows of a table (and its column-number row) carry ``w:tblHeader``, so Word repeats them on every page.
* Running header "Rencana Kerja <OPD> Tahun <n>" and a PAGE field in the footer of every section but the cover.
* Headings in Word's own "Heading 1-3" styles; the daftar isi is a TOC field (``TOC \\o "1-3" \\h \\z \\u``)
  holding the headings as its current result, and ``w:updateFields`` asks Word to fill in the page numbers on
  opening.

Tables are written as one XML string per table and parsed once: python-docx's cell API looks cells up through
the whole grid (quadratic in rows), which made a 500-row table take seconds.
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from renja.dokumen.model import (
    Daftar,
    DaftarIsi,
    Dokumen,
    HalamanBaru,
    Judul,
    Paragraf,
    Sampul,
    TabelBlok,
    TandaTangan,
    Teks,
    lebar_kolom,
)
from renja.inti.tabel import Jenis, Tabel, teks_sel

_BUKAN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NUMERIK = {Jenis.ANGKA, Jenis.RUPIAH, Jenis.PERSEN, Jenis.DESIMAL}

# A4 and margins in twentieths of a point (twips); 1 cm = 567 twips.
A4_PENDEK, A4_PANJANG = 11906, 16838
MARGIN = 1134  # 2 cm
LEBAR_POTRET = A4_PENDEK - 2 * MARGIN
LEBAR_LANSKAP = A4_PANJANG - 2 * MARGIN
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _x(teks: str) -> str:
    return escape(_BUKAN_XML.sub("\ufffd", str(teks)))


def _run(teks: str, *, tebal=False, miring=False, ukuran: int | None = None) -> str:
    rpr = ("<w:b/>" if tebal else "") + ("<w:i/>" if miring else "")
    if ukuran:
        rpr += f'<w:sz w:val="{ukuran}"/><w:szCs w:val="{ukuran}"/>'
    bagian = str(teks).split("\n")
    isi = "<w:br/>".join(f'<w:t xml:space="preserve">{_x(b)}</w:t>' for b in bagian)
    return f"<w:r>{'<w:rPr>' + rpr + '</w:rPr>' if rpr else ''}{isi}</w:r>"


def _lebar_kolom(tabel: Tabel, total: int) -> list[int]:
    # characters of a line: Arial 8 pt on A4 landscape (~175), 9 pt on portrait (~105)
    kolom = lebar_kolom(tabel, 175 if total > LEBAR_POTRET else 105)
    jumlah = sum(kolom)
    return [max(300, int(total * x / jumlah)) for x in kolom]


def _sel(
    teks: str,
    lebar: int,
    *,
    span=1,
    vmerge: str | None = None,
    tebal=False,
    kanan=False,
    tengah=False,
    abu=False,
    indent=0,
    ukuran=16,
) -> str:
    tcpr = f'<w:tcW w:w="{lebar}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        tcpr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        tcpr += "<w:vMerge/>"
    if abu:
        tcpr += '<w:shd w:val="clear" w:color="auto" w:fill="DDDDDD"/>'
    if tengah:
        tcpr += '<w:vAlign w:val="center"/>'
    jc = "center" if tengah else ("right" if kanan else "left")
    ppr = f'<w:spacing w:before="0" w:after="0"/><w:jc w:val="{jc}"/>'
    if indent:
        ppr += f'<w:ind w:left="{indent * 170}"/>'
    run = _run(teks, tebal=tebal, ukuran=ukuran) if teks != "" else ""
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr><w:p><w:pPr>{ppr}</w:pPr>{run}</w:p></w:tc>"


def tabel_xml(tabel: Tabel, total: int) -> str:
    """One ``w:tbl`` for `tabel`: header rows (merged with gridSpan/vMerge) and the column-number row marked
    ``w:tblHeader``; body and footer rows with the Indonesian number formats of :func:`teks_sel`."""
    n = len(tabel.kolom)
    lebar = _lebar_kolom(tabel, total)
    ukuran = 16 if n > 10 else 18  # half-points: 8 pt for wide forms, 9 pt otherwise
    bagian = [
        f'<w:tbl {W}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(lebar)}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/><w:tblBorders>'
        + "".join(
            f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for s in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + '</w:tblBorders><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{w}"/>' for w in lebar),
        "</w:tblGrid>",
    ]
    kepala = tabel.kepala_tata()
    # (row, col) -> (colspan) of cells continued from a rowspan above
    lanjut: dict[tuple[int, int], int] = {}
    for r, row in enumerate(kepala):
        for col, sel in row:
            for rr in range(r + 1, r + sel.rowspan):
                lanjut[(rr, col)] = sel.colspan
    kepala_tr = "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
    for r, row in enumerate(kepala):
        mulai = {col: sel for col, sel in row}
        sel_xml = []
        col = 0
        while col < n:
            if col in mulai:
                sel = mulai[col]
                w = sum(lebar[col : col + sel.colspan])
                sel_xml.append(
                    _sel(
                        str(sel.teks),
                        w,
                        span=sel.colspan,
                        vmerge="restart" if sel.rowspan > 1 else None,
                        tebal=True,
                        tengah=True,
                        abu=True,
                        ukuran=ukuran,
                    )
                )
                col += sel.colspan
            elif (r, col) in lanjut:
                span = lanjut[(r, col)]
                sel_xml.append(
                    _sel("", sum(lebar[col : col + span]), span=span, vmerge="continue", abu=True, ukuran=ukuran)
                )
                col += span
            else:  # kepala_tata guarantees full coverage; keep the grid whole regardless
                sel_xml.append(_sel("", lebar[col]))
                col += 1
        bagian.append(f"<w:tr>{kepala_tr}{''.join(sel_xml)}</w:tr>")
    nomor = tabel.nomor_tata()
    if nomor:
        sel_xml = [
            _sel(str(num), sum(lebar[col : col + span]), span=span, tengah=True, ukuran=ukuran - 2)
            for num, col, span in nomor
        ]
        bagian.append(f"<w:tr>{kepala_tr}{''.join(sel_xml)}</w:tr>")
    if tabel.kolom_tingkat:
        kolom_tingkat = next(i for i, k in enumerate(tabel.kolom) if k.kunci == tabel.kolom_tingkat)
    else:
        kolom_tingkat = next((i for i, k in enumerate(tabel.kolom) if k.jenis is Jenis.TEKS), None)
    for baris in [*tabel.baris, *tabel.kaki]:
        isi = {col: (span, nilai) for col, span, nilai in tabel.sel_baris(baris)}
        sel_xml = []
        col = 0
        while col < n:
            span, nilai = isi.get(col, (1, None))
            kolom = tabel.kolom[col]
            sel_xml.append(
                _sel(
                    teks_sel(nilai, kolom),
                    sum(lebar[col : col + span]),
                    span=span,
                    tebal=baris.tebal,
                    kanan=kolom.jenis in _NUMERIK,
                    indent=baris.tingkat if col == kolom_tingkat else 0,
                    ukuran=ukuran,
                )
            )
            col += span
        bagian.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(sel_xml)}</w:tr>")
    bagian.append("</w:tbl>")
    return "".join(bagian)


# --- the document -----------------------------------------------------------------------------------------


def _field(paragraph, instr: str, hasil: str = "") -> None:
    """A complex field (begin / instrText / separate / result / end) at the end of `paragraph`."""
    from docx.oxml import parse_xml

    p = paragraph._p
    for xml in (
        f'<w:r {W}><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>',
        f'<w:r {W}><w:instrText xml:space="preserve"> {_x(instr)} </w:instrText></w:r>',
        f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r {W}><w:t xml:space="preserve">{_x(hasil)}</w:t></w:r>',
        f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        p.append(parse_xml(xml))


def _atur_halaman(section, lanskap: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Twips

    section.orientation = WD_ORIENT.LANDSCAPE if lanskap else WD_ORIENT.PORTRAIT
    section.page_width = Twips(A4_PANJANG if lanskap else A4_PENDEK)
    section.page_height = Twips(A4_PENDEK if lanskap else A4_PANJANG)
    for sisi in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, sisi, Twips(MARGIN))


def _gaya(doc) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for i, ukuran in ((1, 14), (2, 12), (3, 11)):
        h = doc.styles[f"Heading {i}"]
        h.font.name = "Arial"
        h.font.size = Pt(ukuran)
        h.font.bold = True
        h.font.italic = False
        h.font.color.rgb = RGBColor(0, 0, 0)
        if i == 1:
            h.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _tambah_runs(p, isi: list[Teks]) -> None:
    for t in isi:
        bagian = t.teks.split("\n")
        for j, b in enumerate(bagian):
            r = p.add_run(_BUKAN_XML.sub("\ufffd", b))
            r.bold = t.tebal or None
            r.italic = t.miring or None
            if j < len(bagian) - 1:
                r.add_break()


def tulis_docx(dok: Dokumen, tujuan=None) -> bytes | None:
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import parse_xml
    from docx.shared import Pt

    doc = Document()
    _gaya(doc)
    doc.core_properties.title = dok.judul
    doc.core_properties.author = "Renja"
    pertama = doc.sections[0]
    _atur_halaman(pertama, False)
    pertama.different_first_page_header_footer = True  # the cover has neither header nor page number
    kepala = pertama.header.paragraphs[0]
    kepala.text = dok.kepala_halaman
    kepala.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for r in kepala.runs:
        r.italic = True
        r.font.size = Pt(9)
    kaki = pertama.footer.paragraphs[0]
    kaki.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(kaki, "PAGE", "1")
    # Word asks to update fields on opening, which fills the daftar isi's page numbers.
    settings = doc.settings.element
    settings.append(parse_xml(f'<w:updateFields {W} w:val="true"/>'))

    lanskap = False
    body = doc.element.body
    halaman_baru_tertunda = False

    def ganti_bagian(ke_lanskap: bool):
        nonlocal lanskap
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        _atur_halaman(section, ke_lanskap)
        section.different_first_page_header_footer = False
        lanskap = ke_lanskap

    for b in dok.blok:
        if isinstance(b, TabelBlok):
            if b.lebar != lanskap:
                ganti_bagian(b.lebar)
                halaman_baru_tertunda = False
        elif lanskap:
            ganti_bagian(False)
            halaman_baru_tertunda = False
        if halaman_baru_tertunda and not isinstance(b, HalamanBaru):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            halaman_baru_tertunda = False

        if isinstance(b, Sampul):
            for i, teks in enumerate(b.baris):
                p = doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.paragraph_format.space_before = Pt(60 if i == 0 else 6)
                r = p.add_run(teks)
                r.bold = True
                r.font.size = Pt(20 if i < 3 else 16)
        elif isinstance(b, HalamanBaru):
            halaman_baru_tertunda = True
        elif isinstance(b, Judul):
            doc.add_heading(b.teks, level=b.tingkat)
        elif isinstance(b, Paragraf):
            p = doc.add_paragraph()
            p.alignment = {
                "center": WD_ALIGN_PARAGRAPH.CENTER,
                "left": WD_ALIGN_PARAGRAPH.LEFT,
            }.get(b.rata, WD_ALIGN_PARAGRAPH.JUSTIFY)
            _tambah_runs(p, b.isi)
        elif isinstance(b, Daftar):
            for butir in b.butir:
                p = doc.add_paragraph(style="List Number" if b.bernomor else "List Bullet")
                _tambah_runs(p, butir)
        elif isinstance(b, DaftarIsi):
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(b.judul)
            r.bold = True
            r.font.size = Pt(14)
            isi = "\n".join(("    " * (j.tingkat - 1)) + j.teks for j in dok.judul_daftar_isi())
            _field(doc.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', isi)
        elif isinstance(b, TandaTangan):
            for teks in b.baris():
                p = doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.paragraph_format.left_indent = Pt(230)
                p.paragraph_format.space_after = Pt(0)
                r = p.add_run(teks)
                if teks == b.nama:
                    r.bold = True
                    r.underline = True
        elif isinstance(b, TabelBlok):
            for teks in [*([b.keterangan] if b.keterangan else []), *b.tabel.judul]:
                p = doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.paragraph_format.space_after = Pt(2)
                p.paragraph_format.keep_with_next = True
                r = p.add_run(teks)
                r.bold = True
                r.font.size = Pt(10)
            tbl = parse_xml(tabel_xml(b.tabel, LEBAR_LANSKAP if b.lebar else LEBAR_POTRET))
            # the table goes before the body's final sectPr, as python-docx's own add_table does
            body._insert_tbl(tbl)
            for blok_ttd in b.tabel.tanda_tangan:
                for teks in blok_ttd:
                    p = doc.add_paragraph(teks)
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    p.paragraph_format.space_after = Pt(0)
            doc.add_paragraph()  # Word needs a paragraph between a table and the next section/table
    if tujuan is None:
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()
    doc.save(tujuan)
    return None
