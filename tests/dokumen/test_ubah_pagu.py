"""Issue 7 acceptance: changing a pagu and regenerating changes every place that figure appears (the sub kegiatan's
cell, its kegiatan and program subtotals, the total, the narrative and the terbilang) and nothing else: the text
of the two DOCX files is compared line by line (every paragraph and table cell is a line)."""

from __future__ import annotations

import difflib
import re
from decimal import Decimal

from renja.dokumen.keluaran import tulis
from renja.dokumen.renja import dokumen_renja, ringkasan
from renja.perencanaan.models import Pagu
from renja.rumus.angka import format_angka
from renja.rumus.terbilang import Gaya, terbilang_rupiah
from tests.dokumen.bantu import docx_teks
from tests.dokumen.test_dokumen_renja import TTD

TAMBAH = Decimal(100_000)


def test_changing_one_pagu_changes_its_figures_everywhere_and_nothing_else(tahap_final):
    pagu = (
        Pagu.objects.filter(row__tahap=tahap_final, row__level="sub_kegiatan")
        .select_related("row__parent__parent")
        .order_by("row__urutan")
        .first()
    )
    sub, kegiatan, program = pagu.row, pagu.row.parent, pagu.row.parent.parent
    before_total = ringkasan(tahap_final).pagu
    assert before_total == Decimal("26736518416")
    from renja.perencanaan.selectors import renja_tree

    def angka_terkait():
        tree = renja_tree(tahap=tahap_final)
        n = {x.row.pk: x for x in tree.flat()}
        return [n[sub.pk].pagu, n[kegiatan.pk].pagu, n[program.pk].pagu, tree.total_pagu]

    lama = angka_terkait()
    teks_lama = docx_teks(tulis(dokumen_renja(tahap=tahap_final, penandatangan=TTD), "docx"))

    pagu.jumlah += TAMBAH  # MoneyField: Rupiah in Python, sen in the database
    pagu.save(update_fields=["jumlah"])

    baru = angka_terkait()
    assert [b - a for a, b in zip(lama, baru, strict=True)] == [TAMBAH] * 4
    assert baru[3] == Decimal("26736618416")  # 26.736.518.416 + 100.000
    teks_baru = docx_teks(tulis(dokumen_renja(tahap=tahap_final, penandatangan=TTD), "docx"))

    assert len(teks_lama) == len(teks_baru)  # no line appeared or vanished
    berubah = [(a, b) for a, b in zip(teks_lama, teks_baru, strict=True) if a != b]
    assert berubah, "the figure appears at least in the kata pengantar"
    for a, b in berubah:
        assert _naik_sebesar(a, b, TAMBAH) or _catatan_review(a, b), "\n".join(difflib.ndiff([a], [b]))
    gabung = "\n".join(teks_baru)
    assert "Rp 26.736.618.416 (Dua puluh enam miliar tujuh ratus tiga puluh enam juta enam ratus delapan belas ribu " \
           "empat ratus enam belas rupiah)" in gabung  # fmt: skip
    # the total prints anew; with T-C.33 in the document also the sub kegiatan's figure and its subtotals
    from renja.dokumen.renja import jenis_tabel

    ada_tc33 = jenis_tabel("T-C.33").buat(tahap_final) is not None
    for x in baru if ada_tc33 else baru[-1:]:
        assert format_angka(x) in gabung
    # (the old figures may still print: T-C.31 sets the unchanged Rancangan Akhir RKPD stage beside this one)


_ANGKA = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _naik_sebesar(a: str, b: str, tambah: Decimal) -> bool:
    """`b` is `a` with some printed amounts raised by exactly `tambah` (and their terbilang following), nothing
    else changed."""
    na, nb = _ANGKA.findall(a), _ANGKA.findall(b)
    if len(na) != len(nb):
        return False
    for x, y in zip(na, nb, strict=True):
        dx, dy = Decimal(x.replace(".", "")), Decimal(y.replace(".", ""))
        if dy not in (dx, dx + tambah):
            return False
        for gaya in (Gaya.KALIMAT, Gaya.JUDUL, Gaya.KECIL):
            a = a.replace(terbilang_rupiah(dx, gaya=gaya, sen=False), "#T")
            b = b.replace(terbilang_rupiah(dy, gaya=gaya, sen=False), "#T")
    return _ANGKA.sub("#", a) == _ANGKA.sub("#", b)


def _catatan_review(a: str, b: str) -> bool:
    """T-C.31 (review against the Rancangan Akhir RKPD) lists what changed between the two stages: the changed
    pagu now appears in its catatan ("pagu Rp 15.000.000 → Rp 15.100.000; ...") and in the difference line."""
    if a == "" and b == "selisih Rp 100.000":
        return True
    m = re.search(r"pagu (?:PAD )?Rp ([\d.]+) → (?:PAD )?Rp ([\d.]+); ", b)
    if not m:
        return False
    x, y = (Decimal(g.replace(".", "")) for g in m.groups())
    return y - x == TAMBAH and b.replace(m.group(0), "") == a
