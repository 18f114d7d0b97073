"""The rows of the Renja page as one precompiled fragment.

The same HTML as perencanaan/_tree_rows_template.html (tests/perencanaan/test_tree_render.py proves it), built
with str.format instead of the template engine: a page of 2.000 sub kegiatan costs ~25 template nodes per row
through the engine, 20x the time of fetching the rows (benchmarks/renja_page.py). Numbers are formatted by the
same functions as the rupiah and angka_target filters; every text is escaped.
"""

from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString

from renja.inti.format import angka_ringkas
from renja.perencanaan.models import Level
from renja.rumus import angka

register = template.Library()

_SENTINEL = 987654321


def _url_pattern(name: str) -> tuple[str, str]:
    """reverse() once per page, not once per row: the URL split around a sentinel id."""
    before, _, after = reverse(name, args=[_SENTINEL]).partition(str(_SENTINEL))
    return before, after


def _target_text(grade: str, nilai) -> str:
    if grade:
        return escape(grade)
    if nilai is not None:
        return angka_ringkas(nilai)
    return "-"


def _unit_nama(row) -> str:
    nama = getattr(row, "unit_nama", None)
    if nama is None:  # a model row (renja_tree) rather than a PageRow
        nama = row.unit.nama if row.unit_id else ""
    return nama


class _Memo(dict):
    """Text of values that repeat down the page (units, satuan, sumber dana, amounts, targets): made once."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, key):
        value = self[key] = self.make(*key) if isinstance(key, tuple) else self.make(key)
        return value


def _aksi_struktur(pk: int, level: str, kode: str, urls: dict, csrf: str) -> str:
    """perencanaan/_aksi_struktur.html as a string: add kegiatan, edit program/kegiatan, move up/down."""
    out = ""
    if level == Level.PROGRAM.value:
        a, b = urls["kegiatan_create"]
        out += f' <a href="{a}{pk}{b}">Tambah kegiatan</a>'
    if level != Level.SUB_KEGIATAN.value:
        a, b = urls["struktur_edit"]
        out += f' · <a href="{a}{pk}{b}">Ubah {level}</a>'
    a, b = urls["row_move"]
    out += (
        f'\n<form method="post" action="{a}{pk}{b}" class="inline">{csrf}'
        f'<button class="link" type="submit" name="arah" value="naik" title="Pindah ke atas" '
        f'aria-label="Pindah {kode} ke atas">▲</button><button class="link" type="submit" name="arah" value="turun" '
        f'title="Pindah ke bawah" aria-label="Pindah {kode} ke bawah">▼</button></form>\n'
    )
    return out


@register.simple_tag
def renja_rows(tree, editable_ids, addable_ids, can_structure=False, csrf_token="") -> SafeString:
    """All rows of `tree` (selectors.renja_page_tree): 'Tambah sub' on the kegiatan in `addable_ids`, 'Ubah' on
    the rows in `editable_ids`, 'Rincian' on every sub kegiatan; with `can_structure` the program/kegiatan
    actions of perencanaan/_aksi_struktur.html (their move form carries `csrf_token`)."""
    tambah, ubah, rincian = (
        _url_pattern(f"perencanaan:{name}") for name in ("subkegiatan_create", "subkegiatan_edit", "row_history")
    )
    struktur_urls = (
        {name: _url_pattern(f"perencanaan:{name}") for name in ("kegiatan_create", "struktur_edit", "row_move")}
        if can_structure
        else {}
    )
    csrf = (
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(str(csrf_token))}">'
        if csrf_token and csrf_token != "NOTPROVIDED"
        else ""
    )
    rupiah = _Memo(angka.format_rupiah)
    teks = _Memo(escape)
    target = _Memo(_target_text)
    sub_kegiatan = Level.SUB_KEGIATAN.value
    out = []
    for n in tree.flat():
        r = n.row
        pk = r.pk
        level = r.level
        aksi = ""
        if pk in addable_ids:
            aksi += f'<a href="{tambah[0]}{pk}{tambah[1]}">Tambah sub</a>'
        if pk in editable_ids:
            aksi += f'<a href="{ubah[0]}{pk}{ubah[1]}">Ubah</a> · '
        if level == sub_kegiatan:
            aksi += f'<a href="{rincian[0]}{pk}{rincian[1]}">Rincian</a>'
        if can_structure:
            aksi += _aksi_struktur(pk, level, escape(r.kode), struktur_urls, csrf)
        indikatif = getattr(r, "pagu_indikatif", None)
        plafon = (
            f'<div class="kecil muted plafon">pagu indikatif {rupiah[indikatif]}</div>' if indikatif is not None else ""
        )
        uraian = satuan = nilai = ""
        for i in n.indikator:
            uraian += f"<div>{teks[i.uraian]}</div>"
            nilai += f'<div class="target">{target[i.target_grade, i.target_nilai]}</div>'
            satuan += f"<div>{teks[i.satuan]}</div>"
        kode = escape(r.kode)
        out.append(
            f'<tr class="lvl-{level}" id="row-{pk}" data-kode="{kode}"><td class="kode">{kode}</td>'
            f"<td>{escape(r.nama)}</td><td>{uraian}</td>"
            f'<td class="num">{nilai}</td><td>{satuan}</td>'
            f'<td class="num pagu">{rupiah[n.pagu_tampil]}{plafon}</td>'
            f"<td>{teks[n.sumber_dana]}</td><td>{teks[_unit_nama(r)]}</td>"
            f'<td class="num">{rupiah[n.prakiraan_tampil]}</td>'
            f'<td class="kecil">{aksi}</td></tr>\n'
        )
    return SafeString("".join(out))
