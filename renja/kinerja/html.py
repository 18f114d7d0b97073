"""A renja.inti.tabel model as HTML: the same header (merged cells), column numbers, rows and footer as the
.xlsx, with numbers formatted the Indonesian way (renja.rumus.angka). A page shows exactly what the file holds."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from renja.inti.tabel import Jenis, Tabel
from renja.rumus.angka import format_angka, format_persen, format_rupiah


@dataclass
class SelHtml:
    teks: str
    colspan: int = 1
    rowspan: int = 1
    angka: bool = False


def _teks(nilai, jenis: Jenis, desimal: int) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, int | Decimal) and not isinstance(nilai, bool):
        if jenis is Jenis.RUPIAH:
            return format_rupiah(nilai, desimal=desimal)
        if jenis is Jenis.PERSEN:
            return format_persen(nilai, desimal=desimal)
        if jenis is Jenis.DESIMAL:
            d = Decimal(nilai)
            return format_angka(
                d, desimal=0 if d == d.to_integral_value() else max(0, -d.normalize().as_tuple().exponent)
            )
        return format_angka(nilai, desimal=desimal)
    return str(nilai)


def tabel_html(tabel: Tabel) -> dict:
    kepala = [[SelHtml(str(sel.teks), sel.colspan, sel.rowspan) for _col, sel in row] for row in tabel.kepala_tata()]
    nomor = [SelHtml(str(num), span) for num, _col, span in tabel.nomor_tata()]

    def baris(items):
        out = []
        for b in items:
            sel = []
            for col, span, nilai in tabel.sel_baris(b):
                k = tabel.kolom[col]
                sel.append(SelHtml(_teks(nilai, k.jenis, k.tempat_desimal), span, angka=k.jenis is not Jenis.TEKS))
            out.append({"gaya": str(b.gaya), "tingkat": b.tingkat, "sel": sel})
        return out

    return {
        "judul": tabel.judul,
        "kepala": kepala,
        "nomor": nomor,
        "baris": baris(tabel.baris),
        "kaki": baris(tabel.kaki),
        "tanda_tangan": tabel.tanda_tangan,
        "nama": tabel.nama_lembar,
    }
