"""The document model as HTML with CSS paged media, and that HTML as PDF through WeasyPrint.

* ``@page`` A4 portrait for text, the named page ``lanskap`` (A4 landscape) for every wide table, the named page
  ``sampul`` (no header, no number) for the cover.
* Running header "Rencana Kerja <OPD> Tahun <n>" (``@top-right``) and the page number (``@bottom-center``).
* Table headers are ``<thead>``: WeasyPrint repeats them on every page a table runs over. ``table-layout:
  fixed`` with column widths in per cent of the page box and ``overflow-wrap: anywhere`` keep every table inside
  its page box, however long a name or code.
* The daftar isi links to each heading and prints its page with ``target-counter()``.
* Fonts: DejaVu from the Debian packages fonts-dejavu-core/-extra (found through fontconfig); nothing is
  downloaded. WeasyPrint is imported only when a PDF is written (it loads Pango at import).
"""

from __future__ import annotations

import re
from html import escape

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


def _h(teks) -> str:
    return escape(_BUKAN_XML.sub("\ufffd", str(teks)))


def _css_str(teks: str) -> str:
    """A CSS string literal: backslash, quotes and line ends escaped (an OPD name is data)."""
    bersih = _BUKAN_XML.sub("", teks).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{bersih}"'


def css(dok: Dokumen) -> str:
    return f"""
@page {{
  size: A4 portrait; margin: 2.2cm 2cm 2cm 2.5cm;
  @top-right {{ content: {_css_str(dok.kepala_halaman)}; font-size: 8pt; font-style: italic; }}
  @bottom-center {{ content: counter(page); font-size: 9pt; }}
}}
@page lanskap {{ size: A4 landscape; margin: 2cm 1.5cm 1.8cm 1.5cm; }}
@page sampul {{ @top-right {{ content: none; }} @bottom-center {{ content: none; }} }}
html {{ font-family: "DejaVu Sans Condensed", "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.35; }}
.sampul {{ page: sampul; text-align: center; padding-top: 5cm; break-after: page; }}
.sampul p {{ font-weight: bold; font-size: 16pt; margin: 0.3em 0; text-align: center; }}
.sampul p.besar {{ font-size: 20pt; }}
.lanskap {{ page: lanskap; }}
.halaman-baru {{ break-after: page; }}
h1 {{ font-size: 13pt; text-align: center; margin: 0 0 1em; }}
h2 {{ font-size: 11.5pt; margin: 1.2em 0 0.5em; }}
h3 {{ font-size: 10.5pt; margin: 1em 0 0.4em; }}
h1, h2, h3 {{ break-after: avoid; }}
p {{ text-align: justify; margin: 0 0 0.6em; }}
p.tengah {{ text-align: center; }}
p.kiri {{ text-align: left; white-space: pre-wrap; }}
nav.daftar-isi h1 {{ margin-bottom: 1em; }}
nav.daftar-isi ol {{ list-style: none; padding: 0; margin: 0; }}
nav.daftar-isi li {{ margin: 0.15em 0; }}
nav.daftar-isi li.t2 {{ padding-left: 1.5em; }}
nav.daftar-isi li.t3 {{ padding-left: 3em; }}
nav.daftar-isi a {{ color: black; text-decoration: none; }}
nav.daftar-isi a::after {{ content: leader(".") target-counter(attr(href), page); }}
.ttd {{ margin-left: 55%; text-align: center; break-inside: avoid; }}
.ttd p {{ text-align: center; margin: 0; min-height: 1.2em; }}
.ttd .nama {{ font-weight: bold; text-decoration: underline; }}
.keterangan {{ text-align: center; font-weight: bold; font-size: 9.5pt; margin: 0.8em 0 0.3em; break-after: avoid; }}
table {{ width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 7.5pt; line-height: 1.2;
        margin-bottom: 1em; }}
table.lebar {{ font-size: 6.5pt; }}
th, td {{ border: 0.5pt solid black; padding: 1.5pt 2pt; vertical-align: top; overflow-wrap: anywhere; }}
thead {{ display: table-header-group; }}
th {{ background: #ddd; text-align: center; vertical-align: middle; }}
th.nomor {{ background: none; font-weight: normal; font-style: italic; }}
tr {{ break-inside: avoid; }}
td.n {{ text-align: right; white-space: normal; }}
tr.b td {{ font-weight: bold; }}
td.i1 {{ padding-left: 8pt; }} td.i2 {{ padding-left: 14pt; }} td.i3 {{ padding-left: 20pt; }}
.tabel-ttd {{ display: flex; justify-content: space-around; text-align: center; break-inside: avoid; }}
.tabel-ttd p {{ text-align: center; margin: 0; min-height: 1.1em; }}
"""


def _runs(isi: list[Teks]) -> str:
    hasil = []
    for t in isi:
        h = _h(t.teks).replace("\n", "<br>")
        if t.miring:
            h = f"<em>{h}</em>"
        if t.tebal:
            h = f"<strong>{h}</strong>"
        hasil.append(h)
    return "".join(hasil)


# Characters of a table line: A4 landscape at 6.5 pt DejaVu Sans Condensed, portrait at 7.5 pt, less the padding.
KAPASITAS = {True: 175, False: 95}


def _lebar_persen(tabel: Tabel, lebar: bool) -> list[float]:
    kolom = lebar_kolom(tabel, KAPASITAS[lebar])
    jumlah = sum(kolom)
    return [100 * x / jumlah for x in kolom]


def tabel_html(tabel: Tabel, *, lebar: bool = False) -> str:
    n = len(tabel.kolom)
    bagian = [f'<table class="{"lebar" if lebar else ""}"><colgroup>']
    bagian += [f'<col style="width:{w:.2f}%">' for w in _lebar_persen(tabel, lebar)]
    bagian.append("</colgroup><thead>")
    for row in tabel.kepala_tata():
        bagian.append("<tr>")
        for _col, sel in row:
            span = (f' colspan="{sel.colspan}"' if sel.colspan > 1 else "") + (
                f' rowspan="{sel.rowspan}"' if sel.rowspan > 1 else ""
            )
            bagian.append(f"<th{span}>{_h(sel.teks)}</th>")
        bagian.append("</tr>")
    nomor = tabel.nomor_tata()
    if nomor:
        bagian.append("<tr>")
        for num, _col, span in nomor:
            bagian.append(f'<th class="nomor"{f" colspan={span}" if span > 1 else ""}>{num}</th>')
        bagian.append("</tr>")
    bagian.append("</thead><tbody>")
    if tabel.kolom_tingkat:
        kolom_tingkat = next(i for i, k in enumerate(tabel.kolom) if k.kunci == tabel.kolom_tingkat)
    else:
        kolom_tingkat = next((i for i, k in enumerate(tabel.kolom) if k.jenis is Jenis.TEKS), None)
    for baris in [*tabel.baris, *tabel.kaki]:
        isi = {col: (span, nilai) for col, span, nilai in tabel.sel_baris(baris)}
        bagian.append('<tr class="b">' if baris.tebal else "<tr>")
        col = 0
        while col < n:
            span, nilai = isi.get(col, (1, None))
            kolom = tabel.kolom[col]
            kelas = []
            if kolom.jenis in _NUMERIK:
                kelas.append("n")
            if col == kolom_tingkat and baris.tingkat:
                kelas.append(f"i{min(3, baris.tingkat)}")
            attr = (f' class="{" ".join(kelas)}"' if kelas else "") + (f' colspan="{span}"' if span > 1 else "")
            bagian.append(f"<td{attr}>{_h(teks_sel(nilai, kolom))}</td>")
            col += span
        bagian.append("</tr>")
    bagian.append("</tbody></table>")
    if tabel.tanda_tangan:
        bagian.append('<div class="tabel-ttd">')
        for blok in tabel.tanda_tangan:
            bagian.append("<div>" + "".join(f"<p>{_h(t)}</p>" for t in blok) + "</div>")
        bagian.append("</div>")
    return "".join(bagian)


def html_dokumen(dok: Dokumen) -> str:
    judul_id = {id(j): f"j{i}" for i, j in enumerate(dok.judul_daftar_isi(), start=1)}
    bagian = [
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{_h(dok.judul)}</title>'
        f"<style>{css(dok)}</style></head><body>"
    ]
    for b in dok.blok:
        if isinstance(b, Sampul):
            bagian.append('<section class="sampul">')
            bagian += [f'<p class="{"besar" if i < 3 else ""}">{_h(t)}</p>' for i, t in enumerate(b.baris)]
            bagian.append("</section>")
        elif isinstance(b, HalamanBaru):
            bagian.append('<div class="halaman-baru"></div>')
        elif isinstance(b, Judul):
            anchor = f' id="{judul_id[id(b)]}"' if id(b) in judul_id else ""
            bagian.append(f"<h{b.tingkat}{anchor}>{_h(b.teks)}</h{b.tingkat}>")
        elif isinstance(b, Paragraf):
            kelas = {"center": ' class="tengah"', "left": ' class="kiri"'}.get(b.rata, "")
            bagian.append(f"<p{kelas}>{_runs(b.isi)}</p>")
        elif isinstance(b, Daftar):
            tag = "ol" if b.bernomor else "ul"
            bagian.append(f"<{tag}>" + "".join(f"<li>{_runs(x)}</li>" for x in b.butir) + f"</{tag}>")
        elif isinstance(b, DaftarIsi):
            bagian.append(f'<nav class="daftar-isi"><h1>{_h(b.judul)}</h1><ol>')
            for j in dok.judul_daftar_isi():
                bagian.append(f'<li class="t{j.tingkat}"><a href="#{judul_id[id(j)]}">{_h(j.teks)}</a></li>')
            bagian.append("</ol></nav>")
        elif isinstance(b, TandaTangan):
            baris = b.baris()
            bagian.append('<div class="ttd">')
            for t in baris:
                kelas = ' class="nama"' if t == b.nama else ""
                bagian.append(f"<p{kelas}>{_h(t)}</p>")
            bagian.append("</div>")
        elif isinstance(b, TabelBlok):
            pembuka = '<div class="lanskap">' if b.lebar else "<div>"
            judul = [b.keterangan] if b.keterangan else []
            judul += b.tabel.judul
            bagian.append(pembuka + "".join(f'<p class="keterangan">{_h(t)}</p>' for t in judul))
            bagian.append(tabel_html(b.tabel, lebar=b.lebar) + "</div>")
    bagian.append("</body></html>")
    return "".join(bagian)


def tulis_pdf(dok: Dokumen, tujuan=None) -> bytes | None:
    import weasyprint  # lazily: it loads Pango and fontconfig at import

    html = weasyprint.HTML(string=html_dokumen(dok))
    if tujuan is None:
        return html.write_pdf()
    html.write_pdf(tujuan)
    return None
