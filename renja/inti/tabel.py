"""One table model and its two writers (XLSX, CSV): every table file the project produces goes through here.

A :class:`Tabel` is what a government form prints: title lines, a header of one or more rows with merged cells,
an optional row of column numbers (E.81 numbers its columns 1..15, one number over each K/Rp pair), typed
columns, body rows with a level (program and kegiatan rows bold, indented), footer rows (totals) and signature
blocks. :func:`tulis_xlsx` and :func:`tulis_csv` write it; both return bytes or write into a file-like.

Number formats in XLSX (the choice, and why)
--------------------------------------------
Figures are written as numbers, never as formatted text, so that a reader can sum and sort them. A number format
code cannot force Indonesian separators: ``,`` and ``.`` in a format code *mean* "thousands" and "decimal" and the
spreadsheet shows them with the separators of the reader's locale. On an Indonesian system (the offices using
this) ``#,##0`` therefore shows ``26.736.518.416``; on an English one ``26,736,518,416``. The only "forced" form
would be text, which breaks sums, so we use the locale-neutral codes:

=============  ============================  ====================================================
jenis          format code                   shown on an Indonesian system
=============  ============================  ====================================================
``angka``      ``#,##0`` (``#,##0.00`` ...)  ``1.018.773``
``rupiah``     ``"Rp "#,##0.00``             ``Rp 26.736.518.416,00``
``persen``     ``#,##0.00"%"``               ``89,73%`` (the cell holds 89.73, the app's figure;
                                             a quoted ``%`` does not multiply by 100)
``desimal``    per cell, as typed            ``1.800`` / ``12,5`` / ``0,1234`` (targets: no trailing
                                             zeros; a grade such as ``BB`` stays text)
``tanggal``    ``dd/mm/yyyy``                ``15/01/2026`` (aware datetimes in Asia/Jakarta)
=============  ============================  ====================================================

A spreadsheet holds 15 significant digits; a figure with more (a target 1.234.567.890.123,4567, the value
9.007.199.254.740.993) is written as right-aligned text in the Indonesian form instead, so the sheet never shows
a changed number. Text cells are always stored as text (openpyxl would otherwise turn ``=...`` into a formula).

CSV
---
The same table flattened: one header line (the header cells over each column joined with `` / ``), the body
rows, the footer rows; title lines, the column-number row and signatures are left out. Numbers are written as
numbers in machine form (``26736518416``, ``12.5``) or, with ``angka="indonesia"``, the Indonesian way
(``26.736.518.416``; then use ``pemisah=";"``). Text cells that begin with ``= + - @``, TAB or CR get a leading
apostrophe (OWASP "CSV injection"), so a spreadsheet shows them instead of running them; numbers are never
escaped (``-5`` as a number stays ``-5``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import IO, Any

from renja.rumus import angka as angka_id

__all__ = [
    "Jenis",
    "Kolom",
    "Sel",
    "Baris",
    "Tabel",
    "escape_csv",
    "tulis_xlsx",
    "tulis_csv",
    "teks_sel",
]


class Jenis(StrEnum):
    TEKS = "teks"
    ANGKA = "angka"
    RUPIAH = "rupiah"
    PERSEN = "persen"
    DESIMAL = "desimal"  # targets and other exact decimals, shown as typed
    TANGGAL = "tanggal"


_NUMERIK = {Jenis.ANGKA, Jenis.RUPIAH, Jenis.PERSEN, Jenis.DESIMAL}
_DESIMAL_BAWAAN = {Jenis.ANGKA: 0, Jenis.RUPIAH: 2, Jenis.PERSEN: 2}


@dataclass(frozen=True)
class Kolom:
    """A column: ``kunci`` finds the value in a row given as a dict; ``judul`` is its header text when the table
    has no header rows of its own. ``lebar`` is the XLSX width in characters; ``desimal`` overrides the places
    shown for angka (0), rupiah (2) and persen (2)."""

    kunci: str
    judul: str = ""
    jenis: Jenis = Jenis.TEKS
    lebar: float | None = None
    desimal: int | None = None
    catatan: str = ""  # XLSX: a note on the column's bottom header cell (import templates say what to type)

    @property
    def tempat_desimal(self) -> int:
        return self.desimal if self.desimal is not None else _DESIMAL_BAWAAN.get(self.jenis, 0)


@dataclass(frozen=True)
class Sel:
    """A header cell, or a merged cell in a body/footer row (``colspan`` only there)."""

    teks: Any
    colspan: int = 1
    rowspan: int = 1


class Gaya(StrEnum):
    BIASA = ""
    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUBTOTAL = "subtotal"
    TOTAL = "total"


_TEBAL = {Gaya.PROGRAM, Gaya.KEGIATAN, Gaya.SUBTOTAL, Gaya.TOTAL}


@dataclass
class Baris:
    """A body or footer row. ``nilai`` is a dict by column key or a sequence in column order; a :class:`Sel`
    value spans ``colspan`` columns. ``tingkat`` indents the first text column (0, 1, 2 ...)."""

    nilai: dict[str, Any] | Sequence[Any]
    gaya: Gaya | str = Gaya.BIASA
    tingkat: int = 0

    @property
    def tebal(self) -> bool:
        return Gaya(self.gaya) in _TEBAL


@dataclass
class Tabel:
    kolom: list[Kolom]
    baris: list[Baris] = field(default_factory=list)
    judul: list[str] = field(default_factory=list)
    kepala: list[list[Sel | str]] | None = None
    # True numbers every column 1..n; a sequence gives how many columns each number spans ([1, 1, 2, 2] -> 1..4).
    nomor_kolom: bool | Sequence[int] = False
    kaki: list[Baris] = field(default_factory=list)
    # Signature blocks side by side, each a list of lines ("Bekasi, 15 Januari 2026", "Kepala Dinas", "", "Nama").
    tanda_tangan: list[list[str]] = field(default_factory=list)
    nama_lembar: str = "Tabel"
    # The column a row's ``tingkat`` indents (program > kegiatan > sub kegiatan); the first text column if unset.
    kolom_tingkat: str | None = None

    def __post_init__(self):
        if not self.kolom:
            raise ValueError("tabel tanpa kolom")
        kunci = [k.kunci for k in self.kolom]
        if len(set(kunci)) != len(kunci):
            raise ValueError(f"kunci kolom ganda: {kunci}")

    @cached_property
    def _indeks(self) -> dict[str, int]:
        return {k.kunci: i for i, k in enumerate(self.kolom)}

    # -- layout -------------------------------------------------------------------------------------------

    def kepala_tata(self) -> list[list[tuple[int, Sel]]]:
        """Header rows as (0-based column, cell), placed the way HTML places cells: each cell takes the next
        column not covered by a rowspan from above. Every header row must cover every column exactly."""
        rows = self.kepala or [[Sel(k.judul or k.kunci) for k in self.kolom]]
        n = len(self.kolom)
        terisi: list[set[int]] = [set() for _ in rows]
        hasil: list[list[tuple[int, Sel]]] = []
        for r, row in enumerate(rows):
            placed = []
            col = 0
            for sel in row:
                sel = sel if isinstance(sel, Sel) else Sel(sel)
                while col in terisi[r]:
                    col += 1
                if col + sel.colspan > n or r + sel.rowspan > len(rows):
                    raise ValueError(f"sel kepala '{sel.teks}' (baris {r + 1}) melewati batas tabel")
                for rr in range(r, r + sel.rowspan):
                    for cc in range(col, col + sel.colspan):
                        if cc in terisi[rr]:
                            raise ValueError(f"sel kepala '{sel.teks}' (baris {r + 1}) menimpa sel lain")
                        terisi[rr].add(cc)
                placed.append((col, sel))
                col += sel.colspan
            hasil.append(placed)
        for r, cols in enumerate(terisi):
            if len(cols) != n:
                raise ValueError(f"baris kepala {r + 1} menutup {len(cols)} dari {n} kolom")
        return hasil

    def nomor_tata(self) -> list[tuple[int, int, int]]:
        """(number, first column, colspan) of the column-number row; empty when there is none."""
        if self.nomor_kolom is False:
            return []
        spans = [1] * len(self.kolom) if self.nomor_kolom is True else list(self.nomor_kolom)
        if sum(spans) != len(self.kolom):
            raise ValueError(f"nomor kolom menutup {sum(spans)} dari {len(self.kolom)} kolom")
        hasil, col = [], 0
        for i, span in enumerate(spans, start=1):
            hasil.append((i, col, span))
            col += span
        return hasil

    def sel_baris(self, baris: Baris) -> list[tuple[int, int, Any]]:
        """(0-based column, colspan, value) of each cell of a body or footer row."""
        n = len(self.kolom)
        if isinstance(baris.nilai, dict):
            index = self._indeks
            unknown = baris.nilai.keys() - index.keys()
            if unknown:
                raise ValueError(f"kolom tidak dikenal: {sorted(unknown)}")
            items = sorted(((index[k], v) for k, v in baris.nilai.items()), key=lambda x: x[0])
        else:
            items, col = [], 0
            for v in baris.nilai:
                items.append((col, v))
                col += v.colspan if isinstance(v, Sel) else 1
        hasil, batas = [], 0
        for col, v in items:
            span = v.colspan if isinstance(v, Sel) else 1
            if col < batas or col + span > n:
                raise ValueError(f"baris {list(baris.nilai)!r}: sel di kolom {col + 1} tumpang tindih atau di luar")
            hasil.append((col, span, v.teks if isinstance(v, Sel) else v))
            batas = col + span
        return hasil

    def judul_datar(self) -> list[str]:
        """One header text per column: the header cells over it, top to bottom, joined with ' / '."""
        parts: list[list[str]] = [[] for _ in self.kolom]
        for row in self.kepala_tata():
            for col, sel in row:
                for c in range(col, col + sel.colspan):
                    teks = str(sel.teks)
                    if teks and teks not in parts[c]:
                        parts[c].append(teks)
        return [" / ".join(p) for p in parts]


# ---------------------------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------------------------

_PEMICU_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def escape_csv(teks: str) -> str:
    """OWASP CSV injection: a text cell starting with = + - @ TAB or CR gets a leading apostrophe."""
    return "'" + teks if teks.startswith(_PEMICU_FORMULA) else teks


def _angka(nilai: Any, kolom: Kolom) -> Decimal | int | None:
    """The number of a numeric cell, or None when the value is text (a grade, '-')."""
    if isinstance(nilai, bool):
        raise TypeError(f"kolom {kolom.kunci}: nilai bool")
    if isinstance(nilai, float):
        raise TypeError(f"kolom {kolom.kunci}: float tidak diterima ({nilai!r}); pakai Decimal atau int")
    if isinstance(nilai, int | Decimal):
        return nilai
    return None


def _tanpa_nol(nilai: Decimal) -> Decimal:
    if nilai == nilai.to_integral_value():
        return nilai.quantize(Decimal(1))
    return nilai.normalize()


def _mesin(nilai: int | Decimal) -> str:
    if isinstance(nilai, int):
        return str(nilai)
    return format(_tanpa_nol(nilai), "f")


def _desimal_tertulis(nilai: Decimal | int) -> int:
    if isinstance(nilai, int):
        return 0
    exponent = _tanpa_nol(nilai).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _indonesia(nilai: int | Decimal, kolom: Kolom) -> str:
    if kolom.jenis is Jenis.DESIMAL:
        return angka_id.format_angka(nilai, desimal=_desimal_tertulis(nilai))
    if kolom.jenis is Jenis.RUPIAH:
        return angka_id.format_rupiah(nilai, desimal=kolom.tempat_desimal, awalan=False)
    return angka_id.format_angka(nilai, desimal=kolom.tempat_desimal)


def _lokal(nilai: dt.datetime) -> dt.datetime:
    if nilai.tzinfo is not None:
        from django.utils import timezone

        nilai = timezone.localtime(nilai)
    return nilai.replace(tzinfo=None)


def _teks_csv(nilai: Any, kolom: Kolom, gaya_angka: str) -> str:
    if nilai is None:
        return ""
    if kolom.jenis in _NUMERIK:
        n = _angka(nilai, kolom)
        if n is not None:
            return _mesin(n) if gaya_angka == "mesin" else _indonesia(n, kolom)
    if isinstance(nilai, dt.datetime):
        return _lokal(nilai).isoformat(sep=" ", timespec="minutes")
    if isinstance(nilai, dt.date):
        return nilai.isoformat()
    if isinstance(nilai, int | Decimal) and not isinstance(nilai, bool):
        return _mesin(nilai)  # a number in a text column (a year, a count): still a number
    return escape_csv(str(nilai))


def teks_sel(nilai: Any, kolom: Kolom) -> str:
    """A cell as printed in a document (DOCX, PDF, a page): numbers the Indonesian way with the column's places
    (``26.736.518.416,00``, ``89,73``, targets as typed), dates ``15/01/2026``, empty for None."""
    if nilai is None:
        return ""
    if kolom.jenis in _NUMERIK:
        n = _angka(nilai, kolom)
        if n is not None:
            return _indonesia(n, kolom)
    if isinstance(nilai, dt.datetime):
        return _lokal(nilai).strftime("%d/%m/%Y %H.%M")
    if isinstance(nilai, dt.date):
        return nilai.strftime("%d/%m/%Y")
    if isinstance(nilai, int | Decimal) and not isinstance(nilai, bool):
        return _mesin(nilai)
    return str(nilai)


# ---------------------------------------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------------------------------------


def tulis_csv(
    tabel: Tabel,
    tujuan: IO | None = None,
    *,
    bom: bool = False,
    pemisah: str = ",",
    angka: str = "mesin",
) -> bytes | None:
    """The table as CSV (UTF-8; ``bom=True`` adds the byte-order mark Excel needs to read UTF-8).

    Without ``tujuan`` the bytes are returned; a text stream (sys.stdout, StringIO) gets str, any other
    file-like (a binary file, an HttpResponse) gets bytes.
    """
    if angka not in ("mesin", "indonesia"):
        raise ValueError("angka harus 'mesin' atau 'indonesia'")
    buf = io.StringIO()
    # RFC 4180 line ends: the csv module then also quotes a lone CR or LF inside a cell (with "\n" as the
    # terminator a CR in a name went out unquoted and split the row).
    writer = csv.writer(buf, delimiter=pemisah, lineterminator="\r\n")
    writer.writerow([escape_csv(j) for j in tabel.judul_datar()])
    for baris in [*tabel.baris, *tabel.kaki]:
        line = [""] * len(tabel.kolom)
        for col, _span, nilai in tabel.sel_baris(baris):
            line[col] = _teks_csv(nilai, tabel.kolom[col], angka)
        writer.writerow(line)
    teks = ("\ufeff" if bom else "") + buf.getvalue()
    if tujuan is None:
        return teks.encode("utf-8")
    if isinstance(tujuan, io.TextIOBase):
        tujuan.write(teks)
    else:
        tujuan.write(teks.encode("utf-8"))
    return None


# ---------------------------------------------------------------------------------------------------------
# XLSX
# ---------------------------------------------------------------------------------------------------------

# Control characters XML 1.0 cannot hold (openpyxl would refuse the whole file): shown as U+FFFD instead.
_BUKAN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _teks_xlsx(teks: str) -> str:
    """Text as a cell can hold it: a line break is LF in a spreadsheet (XML reads a bare CR as LF anyway)."""
    return _BUKAN_XML.sub("\ufffd", teks.replace("\r\n", "\n").replace("\r", "\n"))


FORMAT_TANGGAL = "dd/mm/yyyy"
FORMAT_WAKTU = "dd/mm/yyyy hh:mm"


def format_angka_xlsx(desimal: int) -> str:
    return "#,##0" + ("." + "0" * desimal if desimal else "")


def format_xlsx(kolom: Kolom, nilai: Any = None) -> str | None:
    """The number format code of a cell (see the module docstring for the choice)."""
    if kolom.jenis is Jenis.ANGKA:
        return format_angka_xlsx(kolom.tempat_desimal)
    if kolom.jenis is Jenis.RUPIAH:
        return f'"Rp "{format_angka_xlsx(kolom.tempat_desimal)}'
    if kolom.jenis is Jenis.PERSEN:
        return f'{format_angka_xlsx(kolom.tempat_desimal)}"%"'
    if kolom.jenis is Jenis.DESIMAL:
        return format_angka_xlsx(_desimal_tertulis(nilai) if isinstance(nilai, int | Decimal) else 0)
    if kolom.jenis is Jenis.TANGGAL:
        return FORMAT_WAKTU if isinstance(nilai, dt.datetime) else FORMAT_TANGGAL
    return None


DIGIT_XLSX_MAKS = 15


def _digit_bermakna(n: int | Decimal) -> int:
    if isinstance(n, int):
        return len(str(abs(n)).rstrip("0") or "0")
    digits = _tanpa_nol(n).as_tuple().digits
    teks = "".join(map(str, digits)).lstrip("0").rstrip("0")
    return len(teks)


def _nilai_xlsx(nilai: Any, kolom: Kolom) -> tuple[Any, str | None, bool]:
    """(value for openpyxl, number format, is text)."""
    if nilai is None:
        return None, None, False
    if kolom.jenis in _NUMERIK:
        n = _angka(nilai, kolom)
        if n is not None:
            if _digit_bermakna(n) > DIGIT_XLSX_MAKS:
                # A spreadsheet keeps 15 significant digits and would show 9.007.199.254.740.993 as
                # ...990: such a figure is written as text the Indonesian way, so what is shown is exact.
                return _indonesia(n, kolom), None, True
            if isinstance(n, Decimal) and n == n.to_integral_value():
                n = int(n)
            return n, format_xlsx(kolom, nilai), False
    if isinstance(nilai, dt.datetime):
        return _lokal(nilai), FORMAT_WAKTU, False
    if isinstance(nilai, dt.date):
        return nilai, FORMAT_TANGGAL, False
    if isinstance(nilai, int) and not isinstance(nilai, bool):
        return nilai, None, False
    return _teks_xlsx(str(nilai)), None, True


def _lebar(kolom: Kolom) -> float:
    if kolom.lebar:
        return kolom.lebar
    return {Jenis.TEKS: 30, Jenis.RUPIAH: 20, Jenis.ANGKA: 12, Jenis.PERSEN: 10, Jenis.DESIMAL: 12}.get(kolom.jenis, 12)


def _nama_lembar(nama: str, dipakai: set[str]) -> str:
    # Excel: at most 31 characters, none of []:*?/\ ; unique within the workbook.
    bersih = "".join("_" if c in "[]:*?/\\" else c for c in nama).strip("'") or "Tabel"
    bersih = bersih[:31]
    kandidat, i = bersih, 2
    while kandidat.lower() in dipakai:
        akhiran = f" ({i})"
        kandidat = bersih[: 31 - len(akhiran)] + akhiran
        i += 1
    dipakai.add(kandidat.lower())
    return kandidat


class _GayaSel:
    """Body cells get one named style per combination (format, bold, indent, alignment, wrap), registered once
    per workbook: assigning a named style is a lookup, while assigning font, border and alignment objects to
    each cell made openpyxl hash them every time (2.000 rows took 10x the unstyled write)."""

    def __init__(self, wb):
        self.wb = wb
        self.cache: dict[tuple, str] = {}

    def nama(self, fmt: str | None, tebal: bool, indent: int, horizontal: str | None, bungkus: bool) -> str:
        kunci = (fmt, tebal, indent, horizontal, bungkus)
        nama = self.cache.get(kunci)
        if nama is None:
            from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

            tipis = Side(style="thin")
            gaya = NamedStyle(name=f"Renja {len(self.cache) + 1}")
            gaya.font = Font(bold=tebal)
            gaya.border = Border(left=tipis, right=tipis, top=tipis, bottom=tipis)
            gaya.alignment = Alignment(vertical="top", wrap_text=bungkus, indent=indent, horizontal=horizontal)
            if fmt:
                gaya.number_format = fmt
            self.wb.add_named_style(gaya)
            nama = self.cache[kunci] = gaya.name
        return nama


def _isi_lembar(ws, tabel: Tabel, gaya: _GayaSel) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    n = len(tabel.kolom)
    tipis = Side(style="thin")
    garis = Border(left=tipis, right=tipis, top=tipis, bottom=tipis)
    tebal = Font(bold=True)
    abu = PatternFill("solid", fgColor="DDDDDD")
    tengah = Alignment(horizontal="center", vertical="center", wrap_text=True)

    r = 1
    for teks in tabel.judul:
        cell = ws.cell(row=r, column=1)
        cell.value = _teks_xlsx(teks)
        cell.data_type = "s"
        cell.font = tebal
        cell.alignment = Alignment(horizontal="center")
        if n > 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n)
        r += 1
    if tabel.judul:
        r += 1  # a blank line between the titles and the table

    kepala_awal = r
    kepala = tabel.kepala_tata()
    for i, row in enumerate(kepala):
        for col, sel in row:
            for rr in range(r + i, r + i + sel.rowspan):
                for cc in range(col + 1, col + 1 + sel.colspan):
                    c = ws.cell(row=rr, column=cc)
                    c.border, c.font, c.fill, c.alignment = garis, tebal, abu, tengah
            cell = ws.cell(row=r + i, column=col + 1)
            cell.value = _teks_xlsx(str(sel.teks))
            cell.data_type = "s"
            if sel.colspan > 1 or sel.rowspan > 1:
                ws.merge_cells(
                    start_row=r + i,
                    start_column=col + 1,
                    end_row=r + i + sel.rowspan - 1,
                    end_column=col + sel.colspan,
                )
    for i, row in enumerate(kepala):
        for col, sel in row:
            kolom = tabel.kolom[col]
            if sel.colspan == 1 and i + sel.rowspan == len(kepala) and kolom.catatan:
                ws.cell(row=r + i, column=col + 1).comment = Comment(kolom.catatan, "Renja", width=300, height=120)
    r += len(kepala)
    nomor = tabel.nomor_tata()
    if nomor:
        for num, col, span in nomor:
            for cc in range(col + 1, col + 1 + span):
                c = ws.cell(row=r, column=cc)
                c.border, c.alignment, c.font = garis, tengah, Font(italic=True)
            ws.cell(row=r, column=col + 1).value = num
            if span > 1:
                ws.merge_cells(start_row=r, start_column=col + 1, end_row=r, end_column=col + span)
        r += 1
    kepala_akhir = r - 1
    ws.freeze_panes = ws.cell(row=r, column=1)
    ws.print_title_rows = f"{kepala_awal}:{kepala_akhir}"

    if tabel.kolom_tingkat:
        teks_pertama = next(i for i, k in enumerate(tabel.kolom) if k.kunci == tabel.kolom_tingkat)
    else:
        teks_pertama = next((i for i, k in enumerate(tabel.kolom) if k.jenis is Jenis.TEKS), None)
    for baris in [*tabel.baris, *tabel.kaki]:
        isi = {col: (span, nilai) for col, span, nilai in tabel.sel_baris(baris)}
        for col in range(n):
            cell = ws.cell(row=r, column=col + 1)
            if col not in isi:  # empty or covered by a merge: only the grid line
                cell.style = gaya.nama(None, baris.tebal, 0, None, False)
                continue
            span, nilai = isi[col]
            kolom = tabel.kolom[col]
            value, fmt, teks = _nilai_xlsx(nilai, kolom)
            cell.value = value
            if teks:
                cell.data_type = "s"  # never a formula, whatever the text starts with
            if teks or kolom.jenis is Jenis.TEKS:
                indent = baris.tingkat if col == teks_pertama else 0
                horizontal = "right" if kolom.jenis in _NUMERIK else ("left" if indent else None)
                cell.style = gaya.nama(fmt, baris.tebal, indent, horizontal, True)
            else:
                cell.style = gaya.nama(fmt, baris.tebal, 0, None, False)
            if span > 1:
                ws.merge_cells(start_row=r, start_column=col + 1, end_row=r, end_column=col + span)
        r += 1

    if tabel.tanda_tangan:
        r += 1
        blok = len(tabel.tanda_tangan)
        lebar = max(1, n // blok)
        for b, lines in enumerate(tabel.tanda_tangan):
            awal = 1 + (n * b) // blok
            for i, teks in enumerate(lines):
                cell = ws.cell(row=r + i, column=awal)
                cell.value = _teks_xlsx(teks)
                cell.data_type = "s"
                cell.alignment = Alignment(horizontal="center")
                if lebar > 1:
                    ws.merge_cells(start_row=r + i, start_column=awal, end_row=r + i, end_column=awal + lebar - 1)

    for i, kolom in enumerate(tabel.kolom, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _lebar(kolom)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True


def tulis_xlsx(tabel: Tabel | Iterable[Tabel], tujuan: IO[bytes] | None = None) -> bytes | None:
    """One workbook, one sheet per table (named by ``nama_lembar``). Returns the bytes without ``tujuan``."""
    from openpyxl import Workbook

    tabels = [tabel] if isinstance(tabel, Tabel) else list(tabel)
    if not tabels:
        raise ValueError("tidak ada tabel untuk ditulis")
    wb = Workbook()
    wb.remove(wb.active)
    dipakai: set[str] = set()
    gaya = _GayaSel(wb)
    for t in tabels:
        ws = wb.create_sheet(_nama_lembar(t.nama_lembar, dipakai))
        _isi_lembar(ws, t, gaya)
    if tujuan is None:
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()
    wb.save(tujuan)
    return None
