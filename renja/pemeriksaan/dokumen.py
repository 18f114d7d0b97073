"""Reading a planning document into tables and narrative.

Every format is first turned into a sequence of *blocks* in document order: a text block (a paragraph or line) or
a row of cells (a tab-separated line, a DOCX table row, an XLSX row, a PDF table row). :func:`susun` then
recognises the tables (a run of cell rows, titled by the "Tabel ..." line before it), their header rows, the data
rows with their code and level, and the narrative paragraphs. The checks (renja.pemeriksaan.aturan) only see
:class:`Dokumen`.
"""

from __future__ import annotations

import bisect
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from renja.rumus.angka import AngkaTidakValid, parse_nilai_satuan, parse_persen, parse_rupiah

# Levels of a row in the planning hierarchy.
TOTAL, URUSAN, PROGRAM, KEGIATAN, SUB = 0, 1, 2, 3, 4
NAMA_TINGKAT = {TOTAL: "total", URUSAN: "urusan", PROGRAM: "program", KEGIATAN: "kegiatan", SUB: "sub kegiatan"}


class DokumenTidakTerbaca(ValueError):
    """The file cannot be read as a document (corrupt, encrypted, no text layer); the message says why."""


@dataclass(frozen=True)
class Blok:
    nomor: int  # line in a text file; running row number (1-based) otherwise
    teks: str = ""
    sel: tuple[str, ...] | None = None
    tabel: str = ""  # the title a reader already knows (XLSX sheet name), else ""


# ------------------------------------------------------------------------------------------------
# Cells: numbers
# ------------------------------------------------------------------------------------------------

_BENTUK_ANGKA = re.compile(r"^\(?-?\s*(rp\.?\s*)?[-\d.,()\s]*\d[\d.,()\s]*(,-)?\s*%?\)?$", re.IGNORECASE)
_RIBUAN_KOMA = re.compile(r"^\d{1,3}(,\d{3})+$")  # "1,000": thousands comma or decimal comma?


@dataclass(frozen=True)
class Angka:
    """A numeric cell: ``nilai`` (Decimal), ``jenis`` ("rp", "persen", "angka", "satuan"), the unit of a
    "500 Orang" target, and the number of decimals printed (for rounding comparisons)."""

    nilai: Decimal
    jenis: str
    satuan: str = ""
    desimal: int = 0


class AngkaCacat(ValueError):
    """A cell that has the shape of a number but is not a valid one (message from renja.rumus.angka)."""


class AngkaAmbigu(ValueError):
    """A cell such as "1,000" whose comma may be a thousands or a decimal separator."""


def _desimal(nilai: Decimal) -> int:
    return max(0, -int(nilai.as_tuple().exponent))


def baca_angka(teks: str) -> Angka | None:
    """The number in a cell, or None when the cell is not numeric. Raises AngkaCacat / AngkaAmbigu."""
    hasil = _baca_angka_tersimpan(teks)
    if isinstance(hasil, Exception):
        raise type(hasil)(*hasil.args)
    return hasil


@lru_cache(maxsize=65536)
def _baca_angka_tersimpan(teks: str) -> Angka | None | Exception:
    """The rules look at the same cells many times: each distinct cell text is parsed once."""
    try:
        return _baca_angka(teks)
    except (AngkaCacat, AngkaAmbigu) as e:
        return e


def _baca_angka(teks: str) -> Angka | None:
    s = " ".join(teks.replace("*", "").split())
    if not s or s in {"-", "–"} or not any(c.isdigit() for c in s):
        return None
    if _KODE_LAMA.match(s) or (re.fullmatch(r"\d+(\.\d+)+", s) and any(len(g) != 3 for g in s.split(".")[1:])):
        return None  # a code ("2.01", "1.06.01.01 - 04"), not a number
    negatif_kurung = s.startswith("(") and s.endswith(")")
    if negatif_kurung:
        s = s[1:-1].strip()
    if _BENTUK_ANGKA.match(s):
        if _RIBUAN_KOMA.match(s):
            raise AngkaAmbigu(s)
        try:
            if s.endswith("%"):
                nilai, jenis = parse_persen(s), "persen"
            elif s[:2].lower() == "rp" or s.endswith(",-"):
                nilai, jenis = parse_rupiah(s), "rp"
            else:
                nilai = parse_rupiah(s)
                jenis = "rp" if ("." in s and abs(nilai) >= 1000) or s.endswith(",00") else "angka"
        except AngkaTidakValid as e:
            raise AngkaCacat(str(e)) from None
        desimal = _desimal(nilai)
        if jenis == "rp" and s.endswith(",00"):
            desimal = 0
        return Angka(-nilai if negatif_kurung else nilai, jenis, desimal=desimal)
    # "500 Orang", "1176 Orang/Bulan": a value with its unit
    if not s[0].isdigit() and s[0] not in "-\u2212":
        return None
    try:
        ns = parse_nilai_satuan(s)
    except AngkaTidakValid:
        return None  # free text that starts with a digit ("3x1 hari ..."): not a number cell
    if ns.label:
        return None
    return Angka(ns.nilai, "satuan", satuan=ns.satuan, desimal=_desimal(ns.nilai))


def aman_angka(teks: str) -> Angka | None:
    hasil = _baca_angka_tersimpan(teks)
    return None if isinstance(hasil, Exception) else hasil


# ------------------------------------------------------------------------------------------------
# Codes and levels
# ------------------------------------------------------------------------------------------------

_KODE_LAMA = re.compile(r"^(\d+(?:\.\d+)*)\s*-\s*(\d+(?:\.\d+)*)$")  # "1.06.01.01 - 04.2.01.01"
_KODE_TITIK = re.compile(r"^\d+(?:\.\d+){1,6}$")  # "1.06.04.2.01.0001"
_BAGIAN_KODE = re.compile(r"^(\d{1,4}|\d\.\d{2}|X{1,2})$")  # one part of a code split over cells
_ROMAWI = re.compile(r"^[IVXLC]+$")
_ROMAWI_KECIL = re.compile(r"^[ivxlc]+$")


def _tingkat_kode_baku(bagian: list[str]) -> int:
    """Level of a Permendagri 90 code given as its parts: 1.06 = bidang, +program, +kegiatan (2 parts:
    "2.01"), +sub kegiatan."""
    n = len(bagian)
    if n <= 2:
        return URUSAN
    if n == 3:
        return PROGRAM
    if n <= 5:
        return KEGIATAN
    return SUB


def kenali_kode(sel: tuple[str, ...]) -> tuple[str, int | None, int]:
    """(normalised code, level or None, index of the first cell after the code) of a row."""
    i = 0
    while i < len(sel) and not sel[i].strip():
        i += 1
    if i == len(sel):
        return "", None, i
    pertama = sel[i].strip()
    m = _KODE_LAMA.match(pertama)
    if m:
        program = m.group(2).split(".")
        tingkat = {1: PROGRAM, 2: KEGIATAN, 3: KEGIATAN}.get(len(program), SUB)
        return f"{m.group(1)}-{m.group(2)}", tingkat, i + 1
    if _KODE_TITIK.match(pertama) and len(pertama.replace(".", "")) >= 3:
        bagian = pertama.split(".")
        return pertama, _tingkat_kode_baku(bagian), i + 1
    # a code split over cells: "1 | 06 | 04 | 2.01 | 0001", or the old "X | XX | 1 | 201 | 6"
    bagian: list[str] = []
    j = i
    while j < len(sel) and _BAGIAN_KODE.match(sel[j].strip()):
        bagian.append(sel[j].strip())
        j += 1
    if len(bagian) >= 3:
        datar = [b for p in bagian for b in p.split(".")]
        if bagian[0].startswith("X"):  # old Renstra form: X XX program kegiatan sub
            tingkat = {3: PROGRAM, 4: KEGIATAN}.get(len(bagian), SUB)
        else:
            tingkat = _tingkat_kode_baku(datar)
        return ".".join(bagian), tingkat, j
    return "", None, i


@dataclass
class Baris:
    nomor: int
    sel: list[str]
    kode: str = ""
    nomor_urut: str = ""  # "I", "ii", "12" for rows numbered without codes
    tingkat: int | None = None
    nama: str = ""
    lanjutan: list[list[str]] = field(default_factory=list)  # continuation lines (indicator rows)

    def angka(self, kolom: int) -> Angka | None:
        if kolom < len(self.sel):
            return aman_angka(self.sel[kolom])
        return None

    def teks(self) -> str:
        return " | ".join(s.strip() for s in self.sel if s.strip())


@dataclass
class Tabel:
    judul: str
    nomor: int
    kepala: list[list[str]]
    baris: list[Baris]

    def judul_kolom(self, kolom: int) -> str:
        return " ".join(r[kolom].strip() for r in self.kepala if kolom < len(r) and r[kolom].strip()).upper()


@dataclass
class Paragraf:
    nomor: int
    teks: str


@dataclass
class Dokumen:
    tabel: list[Tabel]
    paragraf: list[Paragraf]


# ------------------------------------------------------------------------------------------------
# Structure
# ------------------------------------------------------------------------------------------------

_JUDUL = re.compile(r"^\W*(tabel|table|bab)\b", re.IGNORECASE)
_KATA_TOTAL = re.compile(
    r"(total|jumlah|jumlah total|grand total|total keseluruhan|jumlah keseluruhan)\s*:?", re.IGNORECASE
)


def _total(teks: str) -> bool:
    """ "TOTAL", "Jumlah", and the letter-spaced "J U M L A H"."""
    t = teks.strip()
    if re.fullmatch(r"(\w )+\w", t):
        t = t.replace(" ", "")
    return bool(_KATA_TOTAL.fullmatch(t))


def _baris_nomor_kolom(sel: tuple[str, ...]) -> bool:
    """The "1 2 3 4 ..." row under a header."""
    isi = [s.strip() for s in sel if s.strip()]
    return len(isi) >= 3 and all(s.isdigit() for s in isi) and [int(s) for s in isi] == sorted(int(s) for s in isi)


def _baris_data(sel: tuple[str, ...]) -> bool:
    if _baris_nomor_kolom(sel):
        return False
    if kenali_kode(sel)[1] is not None:
        return True
    isi = [x.strip() for x in sel if x.strip()]
    if len(isi) >= 2 and (_ROMAWI.match(isi[0]) or _ROMAWI_KECIL.match(isi[0]) or isi[0].isdigit()):
        if sum(c.isalpha() for c in isi[1]) > 3:
            return True
    return any(aman_angka(s) is not None and aman_angka(s).jenis in ("rp", "satuan") for s in sel) or any(
        _total(s) for s in sel if s.strip()
    )


def _isi_baris(b: Blok) -> Baris:
    sel = list(b.sel or ())
    kode, tingkat, sesudah = kenali_kode(tuple(sel))
    baris = Baris(nomor=b.nomor, sel=sel, kode=kode, tingkat=tingkat)
    teks_sel = [(k, s.strip()) for k, s in enumerate(sel) if s.strip()]
    if not kode and teks_sel:
        k0, pertama = teks_sel[0]
        if _ROMAWI.match(pertama) or _ROMAWI_KECIL.match(pertama) or pertama.isdigit():
            baris.nomor_urut = pertama
            sesudah = k0 + 1
    nama_sel = [s for k, s in teks_sel if k >= sesudah and aman_angka(s) is None and any(c.isalpha() for c in s)]
    program = [s for s in nama_sel if s.upper().startswith("PROGRAM ")]
    if program or nama_sel:
        baris.nama = " ".join((program or nama_sel)[0].replace("*", "").split())
    if baris.nama.upper().startswith("PROGRAM "):
        baris.tingkat = PROGRAM  # the name wins over a code glued to the row number ("1 | 1 | 06 | 01")
    if baris.tingkat is None:
        nama = baris.nama
        if any(_total(s) for _, s in teks_sel[:2]):
            baris.tingkat = TOTAL
        elif nama.upper().startswith("URUSAN"):
            baris.tingkat = URUSAN
        elif nama.upper().startswith("PROGRAM") or _ROMAWI.match(baris.nomor_urut):
            baris.tingkat = PROGRAM
        elif _ROMAWI_KECIL.match(baris.nomor_urut):
            baris.tingkat = KEGIATAN
        # else (arabic numbers or none): sub kegiatan or kegiatan, decided by the sums (_simpulkan)
    return baris


def _lanjutan(b: Blok, sebelumnya: Baris | None) -> bool:
    """A line without code, number or name that continues the row above (BAB IV's indicator lines)."""
    if sebelumnya is None or not sebelumnya.kode:
        return False
    sel = b.sel or ()
    return bool(sel) and not sel[0].strip() and kenali_kode(sel)[1] is None and len(sel) > 1 and not sel[1].strip()


def _gabung(baris: Baris, b: Blok) -> None:
    baris.lanjutan.append(list(b.sel or ()))
    for k, s in enumerate(b.sel or ()):
        if not s.strip():
            continue
        if k >= len(baris.sel):
            baris.sel.extend([""] * (k + 1 - len(baris.sel)))
        if not baris.sel[k].strip():
            baris.sel[k] = s


def _simpulkan(baris: list[Baris]) -> None:
    """Rows numbered without codes and without a level (the seed's "1" for both kegiatan and sub kegiatan, or no
    number at all as in Tabel 3.16): a row whose amount equals the sum of the rows right after it is their
    kegiatan; those rows are sub kegiatan. A row left undecided keeps level None (no sum is checked over it)."""
    i = 0
    while i < len(baris):
        b = baris[i]
        if b.tingkat is not None:
            i += 1
            continue
        ujung = _jumlah_awalan(baris, i)
        if ujung is not None:
            b.tingkat = KEGIATAN
            for anak in baris[i + 1 : ujung + 1]:
                anak.tingkat = SUB
            i = ujung + 1
        else:
            i += 1


def _kolom_uang(b: Baris) -> list[int]:
    return [k for k, s in enumerate(b.sel) if (a := aman_angka(s)) is not None and a.jenis == "rp"]


def _jumlah_awalan(baris: list[Baris], i: int) -> int | None:
    induk = baris[i]
    for k in _kolom_uang(induk):
        target = induk.angka(k).nilai
        if target == 0:
            continue
        total = Decimal(0)
        for j in range(i + 1, len(baris)):
            b = baris[j]
            if b.tingkat is not None:
                break
            a = b.angka(k)
            if a is None:
                break
            total += a.nilai
            if total == target and j > i:
                return j
            if total > target:
                break
    return None


def susun(blok: list[Blok]) -> Dokumen:
    tabel: list[Tabel] = []
    paragraf: list[Paragraf] = []
    judul_terakhir = ""
    teks_sejak_judul = 99
    sekarang: tuple[Tabel, list[Blok]] | None = None
    para: list[Blok] = []

    def tutup_para() -> None:
        if para:
            teks = " ".join(p.teks.strip() for p in para)
            lalu = paragraf[-1] if paragraf else None
            if lalu is not None and lalu.teks[-1:] not in ".:;!?)" and (teks[:1].isdigit() or teks[:1].islower()):
                lalu.teks += " " + teks  # a sentence cut by a page break
            else:
                paragraf.append(Paragraf(para[0].nomor, teks))
            para.clear()

    def tutup_tabel() -> None:
        nonlocal sekarang
        if sekarang is not None:
            tabel.append(_bangun_tabel(*sekarang))
            sekarang = None

    for b in blok:
        if b.sel is not None and sum(1 for s in b.sel if s.strip()) >= 1 and len(b.sel) >= 2:
            tutup_para()
            if sekarang is not None and sekarang[1] and _sesudah_total(sekarang[1][-1]):
                tutup_tabel()  # a table ends with its TOTAL row; what follows is another table
            if sekarang is None or (b.tabel and b.tabel != sekarang[0].judul):
                judul = b.tabel or (judul_terakhir if teks_sejak_judul <= 8 else "")
                judul_terakhir = ""
                sekarang = (Tabel(judul or f"tabel di baris {b.nomor}", b.nomor, [], []), [])
            sekarang[1].append(b)
            continue
        teks = (b.teks if b.sel is None else " ".join(b.sel)).strip()
        if not teks:
            tutup_para()
            continue
        if _JUDUL.match(teks) or (sekarang is not None and len(teks) > 100):
            tutup_tabel()
        if _JUDUL.match(teks):
            judul_terakhir, teks_sejak_judul = teks.replace("*", ""), 0
        else:
            teks_sejak_judul += 1
        para.append(b)
    tutup_para()
    tutup_tabel()
    dilihat: dict[str, int] = {}
    for t in tabel:  # the seed has two "Tabel 2.19": name the later one by its line
        dilihat[t.judul] = dilihat.get(t.judul, 0) + 1
        if dilihat[t.judul] > 1:
            t.judul = f"{t.judul} (ke-{dilihat[t.judul]}, baris {t.nomor})"
    return Dokumen(tabel, paragraf)


def _sesudah_total(b: Blok) -> bool:
    isi = [s for s in (b.sel or ()) if s.strip()]
    return bool(isi) and any(_total(s) for s in isi[:2])


def _bangun_tabel(t: Tabel, blok: list[Blok]) -> Tabel:
    mulai_data = False
    for b in blok:
        if not mulai_data and not _baris_data(b.sel or ()):
            t.kepala.append(list(b.sel or ()))
            continue
        mulai_data = True
        if t.baris and _lanjutan(b, t.baris[-1]):
            _gabung(t.baris[-1], b)
            continue
        t.baris.append(_isi_baris(b))
    if any(_ROMAWI_KECIL.match(b.nomor_urut) for b in t.baris):
        # I, i, 1 numbering (the seed's second Tabel 2.19): arabic numbers are sub kegiatan
        for b in t.baris:
            if b.tingkat is None and b.nomor_urut.isdigit():
                b.tingkat = SUB
    _simpulkan(t.baris)
    return t


# ------------------------------------------------------------------------------------------------
# Readers
# ------------------------------------------------------------------------------------------------


def blok_teks(teks: str) -> list[Blok]:
    return [
        Blok(n, sel=tuple(baris.split("\t"))) if "\t" in baris else Blok(n, teks=baris)
        for n, baris in enumerate(teks.splitlines(), start=1)
    ]


def blok_docx(data: bytes) -> list[Blok]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    d = docx.Document(io.BytesIO(data))
    hasil: list[Blok] = []
    n = 0
    for unsur in d.iter_inner_content():
        if isinstance(unsur, Paragraph):
            n += 1
            hasil.append(Blok(n, teks=unsur.text))
        elif isinstance(unsur, Table):
            for row in unsur.rows:
                n += 1
                sel: list[str] = []
                sebelum = None
                for c in row.cells:  # a merged cell repeats: keep it once, the others empty
                    sel.append("" if c._tc is sebelum else c.text)
                    sebelum = c._tc
                hasil.append(Blok(n, sel=tuple(sel)))
            n += 1
            hasil.append(Blok(n, teks=""))
    return hasil


def _sel_xlsx(v: object) -> str:
    from renja.rumus.angka import format_angka

    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return format_angka(v)
    if isinstance(v, float):
        d = Decimal(repr(v))
        return format_angka(d, _desimal(d.normalize()) if d != d.to_integral() else 0)
    return str(v)


def blok_xlsx(data: bytes) -> list[Blok]:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    hasil: list[Blok] = []
    for ws in wb.worksheets:
        for n, row in enumerate(ws.iter_rows(values_only=True), start=1):
            sel = tuple(_sel_xlsx(v) for v in row)
            if not any(s.strip() for s in sel[1:]) and not re.fullmatch(
                r"[\divxlcIVXLC.]{1,6}", sel[0].strip() if sel else ""
            ):
                # only column A: a line of text (a lone row number such as "24" stays a table row)
                hasil.append(Blok(n, teks=sel[0] if sel else ""))
            else:
                hasil.append(Blok(n, sel=sel, tabel=f"Lembar {ws.title}" if len(wb.worksheets) > 1 else ""))
        hasil.append(Blok(0, teks=""))
    wb.close()
    return hasil


def blok_pdf(data: bytes) -> list[Blok]:
    """The ruled tables of each page as cell rows, the text outside them as lines, in reading order (top to bottom,
    so a table follows its title). Read with PDFium (pypdfium2, C code): the thin path objects of a page are its
    ruling lines and give each table's grid; every character goes, by the middle of its box, to the cell it lies
    in or to a line of text outside the tables. pdfplumber did the same in pure Python and needed about 40 s for
    the 24 pages of the seed (issue 8); this needs about 2 s (benchmarks/periksa.py --pdf)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    hasil: list[Blok] = []
    ada_teks = False
    tepi_terakhir: tuple[float, float] | None = None  # left and right edges of the table ending the last page
    pdf = pdfium.PdfDocument(data)
    try:
        for halaman in pdf:
            tinggi = halaman.get_height()
            garis = [o.get_bounds() for o in halaman.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH])]
            tabel = _tabel_pdf(garis, tinggi, halaman.get_width())
            teks = halaman.get_textpage()
            luar = _bagi_huruf(teks, tinggi, tabel)
            teks.close()
            halaman.close()
            urutan: list[tuple[float, int, list[Blok]]] = []
            tepi: dict[int, tuple[float, float]] = {}
            for t in tabel:
                blok = [*(Blok(0, sel=t.baris(r)) for r in range(len(t.pita))), Blok(0, teks="")]
                tepi[id(blok)] = (t.kotak[0], t.kotak[2])
                urutan.append((t.kotak[1], 1, blok))
            for atas, isi in luar:
                urutan.append((atas, 0, [Blok(0, teks=isi)]))
            urutan.sort(key=lambda u: (u[0], u[1]))
            if urutan and urutan[0][1] == 1 and hasil and _tepi_sama(tepi_terakhir, tepi[id(urutan[0][2])]):
                hasil.pop()  # a table running on from the previous page (same left and right edges): one table
            for _, _, blok in urutan:
                for b in blok:
                    hasil.append(Blok(len(hasil) + 1, teks=b.teks, sel=b.sel))
                    ada_teks = ada_teks or bool(b.teks.strip()) or any(s.strip() for s in b.sel)
            tepi_terakhir = tepi[id(urutan[-1][2])] if urutan and urutan[-1][1] == 1 else None
    finally:
        pdf.close()
    if not ada_teks:
        raise DokumenTidakTerbaca(
            "PDF ini tidak memiliki lapisan teks (hasil pindaian?); simpan dari aplikasi aslinya atau jalankan OCR."
        )
    return hasil


_TIPIS = 2.0  # a ruling line: a path at most this thick (points)
_TOLERANSI = 1.5  # segments this close belong to one grid line or one table


def _kelompok(nilai: list[float]) -> list[float]:
    """Sorted values with those closer than the tolerance merged (a line drawn twice, borders of adjacent cells)."""
    hasil: list[float] = []
    for v in sorted(nilai):
        if not hasil or v - hasil[-1] > _TOLERANSI:
            hasil.append(v)
    return hasil


@dataclass
class _TabelPdf:
    kotak: tuple[float, float, float, float]  # x0, top, x1, bottom (from the top of the page)
    kolom: list[float]  # the x of every vertical grid line
    pita: list[tuple[float, float, list[float]]]  # rows: top, bottom, the x of the vertical lines crossing them
    isi: dict[tuple[int, int], list[str]] = field(default_factory=dict)  # (row, first grid column) -> characters

    def sel_di(self, x: float, y: float) -> tuple[int, int] | None:
        """(row, grid column where the cell starts) of the cell holding the point, None outside every cell."""
        r = bisect.bisect_right([p[0] for p in self.pita], y) - 1
        if r < 0 or y > self.pita[r][1]:
            return None
        xs = self.pita[r][2]
        c = bisect.bisect_right(xs, x) - 1
        if c < 0 or c >= len(xs) - 1:
            return None
        return r, bisect.bisect_left(self.kolom, xs[c] - _TOLERANSI)

    def baris(self, r: int) -> tuple[str, ...]:
        """Row `r` on the table's full column grid: a cell spanning columns has its text in the first and "" in
        the others (as pdfplumber gave None)."""
        return tuple(" ".join("".join(self.isi.get((r, k), ())).split()) for k in range(len(self.kolom) - 1))


def _tabel_pdf(garis, tinggi: float, lebar: float) -> list[_TabelPdf]:
    """Tables from the bounds (left, bottom, right, top) of a page's path objects: thin ones are ruling lines,
    a box gives its four edges (a page-size background gives none); lines whose vertical extents touch form one
    table (tables of these documents stand one above the other)."""
    mendatar: list[tuple[float, float, float]] = []  # y, x0, x1
    tegak: list[tuple[float, float, float]] = []  # x, top, bottom
    for kiri, bawah, kanan, atas in garis:
        y0, y1 = tinggi - atas, tinggi - bawah
        lebar_g, tinggi_g = kanan - kiri, atas - bawah
        if tinggi_g <= _TIPIS and lebar_g > _TIPIS:
            mendatar.append(((y0 + y1) / 2, kiri, kanan))
        elif lebar_g <= _TIPIS and tinggi_g > _TIPIS:
            tegak.append(((kiri + kanan) / 2, y0, y1))
        elif lebar_g > _TIPIS and tinggi_g > _TIPIS and lebar_g * tinggi_g < 0.9 * lebar * tinggi:
            mendatar += [(y0, kiri, kanan), (y1, kiri, kanan)]
            tegak += [(kiri, y0, y1), (kanan, y0, y1)]
    if not mendatar or not tegak:
        return []
    rentang = sorted([(t, b) for _, t, b in tegak] + [(y, y) for y, _, _ in mendatar])
    wilayah: list[list[float]] = []
    for a, b in rentang:
        if wilayah and a <= wilayah[-1][1] + _TOLERANSI:
            wilayah[-1][1] = max(wilayah[-1][1], b)
        else:
            wilayah.append([a, b])
    hasil = []
    for atas, bawah in wilayah:
        h = [g for g in mendatar if atas - _TOLERANSI <= g[0] <= bawah + _TOLERANSI]
        v = [g for g in tegak if g[1] >= atas - _TOLERANSI and g[2] <= bawah + _TOLERANSI]
        ys = _kelompok([g[0] for g in h])
        if len(ys) < 2:
            continue
        kelompok: list[list[tuple[float, float, list[float]]]] = []
        for ya, yb in zip(ys, ys[1:], strict=False):
            tengah = (ya + yb) / 2
            xs = _kelompok([x for x, t, b in v if t <= tengah <= b])
            if len(xs) < 2:
                continue
            if kelompok and _tabel_sama(kelompok[-1][-1][2], xs) and abs(kelompok[-1][-1][1] - ya) <= _TOLERANSI:
                kelompok[-1].append((ya, yb, xs))
            else:
                kelompok.append([(ya, yb, xs)])
        for pita in kelompok:
            kolom = _kelompok([x for p in pita for x in p[2]])
            hasil.append(_TabelPdf((kolom[0], pita[0][0], kolom[-1], pita[-1][1]), kolom, pita))
    return hasil


def _tepi_sama(a: tuple[float, float] | None, b: tuple[float, float]) -> bool:
    return a is not None and abs(a[0] - b[0]) <= _TOLERANSI and abs(a[1] - b[1]) <= _TOLERANSI


def _tabel_sama(a: list[float], b: list[float]) -> bool:
    """Do two consecutive rows belong to one table? Same outer edges, and one row's column lines a subset of the
    other's (a cell spanning columns leaves lines out); two tables printed one against the other differ."""

    def dalam(x: list[float], y: list[float]) -> bool:
        return all(any(abs(u - w) <= _TOLERANSI for w in y) for u in x)

    tepi = abs(a[0] - b[0]) <= _TOLERANSI and abs(a[-1] - b[-1]) <= _TOLERANSI
    return tepi and (dalam(a, b) or dalam(b, a))


def _bagi_huruf(teks, tinggi: float, tabel: list[_TabelPdf]) -> list[tuple[float, str]]:
    """Put every character of the page (in the order of the text layer, PDFium's generated spaces and line breaks
    included) into its table cell, by the middle of its box; the others form the lines outside the tables,
    returned as (top, text). A space or line break follows the character before it."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    jumlah = teks.count_chars()
    huruf = teks.get_text_range()
    kiri, kanan, bawah, atas = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    asal_x, asal_y = ctypes.c_double(), ctypes.c_double()
    garis: list[list] = []  # [top, baseline, characters]
    tujuan: list[str] | None = None
    baru = True
    for i in range(min(jumlah, len(huruf))):
        ch = huruf[i]
        if ch in "\r\n":
            if tujuan is not None:
                tujuan.append(" ")
            baru = True
            continue
        if ch.isspace():
            if tujuan is not None:
                tujuan.append(" ")
            continue
        pdfium_c.FPDFText_GetCharBox(teks.raw, i, kiri, kanan, bawah, atas)
        pdfium_c.FPDFText_GetCharOrigin(teks.raw, i, asal_x, asal_y)
        # by the baseline, not the glyph's middle: a full stop or a hyphen sits lower or higher than the letters
        dasar = tinggi - asal_y.value
        x, y = (kiri.value + kanan.value) / 2, dasar - 1.0
        tujuan = None
        for t in tabel:
            if t.kotak[0] <= x <= t.kotak[2] and t.kotak[1] <= y <= t.kotak[3]:
                sel = t.sel_di(x, y)
                if sel is not None:
                    tujuan = t.isi.setdefault(sel, [])
                break
        if tujuan is None:
            if baru or not garis or abs(garis[-1][1] - dasar) > _TOLERANSI:
                garis.append([tinggi - atas.value, dasar, []])
            garis[-1][0] = min(garis[-1][0], tinggi - atas.value)
            tujuan = garis[-1][2]
        baru = False
        tujuan.append(ch)
    return [(g[0], " ".join("".join(g[2]).split())) for g in garis if "".join(g[2]).strip()]


def baca(data: bytes, *, nama: str = "") -> Dokumen:
    """Read a document whose kind is decided by its content (renja.inti.unggah). Raises DokumenTidakTerbaca."""
    from renja.inti.unggah import BerkasDitolak, periksa_unggahan

    try:
        jenis = periksa_unggahan(io.BytesIO(data), nama=nama, boleh={"teks", "csv", "docx", "xlsx", "pdf"})
    except BerkasDitolak as e:
        raise DokumenTidakTerbaca(" ".join(e.messages)) from None
    label = f"Berkas '{nama}'" if nama else "Berkas"
    try:
        if jenis in ("teks", "csv"):
            blok = blok_teks(data.decode("utf-8-sig", errors="replace"))
        elif jenis == "docx":
            blok = blok_docx(data)
        elif jenis == "xlsx":
            blok = blok_xlsx(data)
        else:
            blok = blok_pdf(data)
    except DokumenTidakTerbaca:
        raise
    except Exception as e:  # a reader library failing on a damaged file: a message, never a traceback
        raise DokumenTidakTerbaca(
            f"{label} tidak dapat dibaca sebagai {jenis.upper()}: {e.__class__.__name__}."
        ) from None
    return susun(blok)
