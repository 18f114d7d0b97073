"""The all-or-nothing importer: read a table, name every bad cell once, let the caller write in one transaction.

Input is an XLSX workbook (one :class:`Skema` per sheet), a CSV file, a JSON list of objects (or an object of
sections, each a list) or the same as YAML. Every value is remembered with where it came from (:class:`Asal`:
sheet, the row number a spreadsheet shows, column letter and header / JSON index and key), so each problem reads

    Lembar OPD, baris 7, kolom D (NIP): '1234' bukan NIP 18 digit

The reader collects *every* problem (unknown, duplicate or missing headers, missing required values, values a
parser refuses) and the caller adds its own (``hasil.tolak(rekaman, "unit", "unit 'X' tidak ada")``) before
``hasil.periksa()`` raises one :class:`GalatImpor` listing them all. Only then does the caller write, inside one
``transaction.atomic()``: nothing is half-written.

A caller declares its columns::

    SKEMA_OPD = Skema("OPD", [
        Kolom("kode", "Kode OPD", wajib=True, urai=kode_teks(r"\\d\\.\\d\\d\\..*")),
        Kolom("nip", "NIP", alias=("nip kepala",), urai=nip_18_digit, catatan="18 digit tanpa spasi"),
    ])
    hasil = impor.baca_xlsx(data, {"OPD": SKEMA_OPD, "Unit": SKEMA_UNIT})

and gets :class:`Rekaman` (a mapping of typed values) per row. :func:`templat_xlsx` writes the empty workbook
(headers with notes, a "Petunjuk" sheet with each column's meaning and an example row) through the table writer.

Header matching ignores case, spaces, ``_`` and ``-`` (``Kode Sub Giat`` = ``kode_sub_giat``). The header of a
sheet is its first non-empty row; empty rows are skipped; sheets the schema does not name are ignored.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from renja.inti import tabel
from renja.rumus import angka as angka_id

__all__ = [
    "Asal",
    "Galat",
    "GalatImpor",
    "Kolom",
    "Skema",
    "Rekaman",
    "Hasil",
    "baca",
    "baca_xlsx",
    "baca_csv",
    "baca_json",
    "baca_yaml",
    "templat_xlsx",
    "teks",
    "angka",
    "rupiah",
    "persen",
    "bilangan_bulat",
    "tanggal",
    "waktu",
    "pilihan",
]

BARIS_MAKS = 50_000  # rows per sheet; more is refused with a message, not read
GALAT_DITAMPILKAN = 200  # the message lists this many; GalatImpor.galat holds them all


# ---------------------------------------------------------------------------------------------------------
# Where a value came from, and what was wrong with it
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Asal:
    """Where a value (or a row, or a sheet) came from. Spreadsheet rows are 1-based as a spreadsheet shows them;
    JSON entries are 0-based indices as a programmer reads them."""

    lembar: str | None = None  # sheet (XLSX) or section (JSON/YAML object); None for CSV or a plain JSON list
    baris: int | None = None  # spreadsheet / CSV row
    kolom: str | None = None  # column letter
    judul: str | None = None  # the header as written in the file / the JSON key
    indeks: int | None = None  # JSON / YAML entry

    def __str__(self) -> str:
        parts = []
        if self.lembar is not None:
            parts.append(f"{'Bagian' if self.indeks is not None else 'Lembar'} {self.lembar}")
        if self.indeks is not None:
            parts.append(f"entri [{self.indeks}]")
            if self.judul is not None:
                parts.append(f"kunci '{self.judul}'")
        else:
            if self.baris is not None:
                parts.append(f"baris {self.baris}")
            if self.kolom is not None:
                parts.append(f"kolom {self.kolom}" + (f" ({self.judul})" if self.judul else ""))
            elif self.judul is not None:
                parts.append(f"kolom '{self.judul}'")
        teks = ", ".join(parts) or "Berkas"
        return teks[0].upper() + teks[1:]


@dataclass(frozen=True)
class Galat:
    asal: Asal
    pesan: str

    def __str__(self) -> str:
        return f"{self.asal}: {self.pesan}"


class GalatImpor(ValidationError):
    """Every problem of one import; ``galat`` holds them all, the message lists them one per line."""

    def __init__(self, galat: list[Galat]):
        self.galat = list(galat)
        lines = [str(g) for g in self.galat[:GALAT_DITAMPILKAN]]
        if len(self.galat) > GALAT_DITAMPILKAN:
            lines.append(f"... dan {len(self.galat) - GALAT_DITAMPILKAN} galat lain.")
        kepala = f"Impor dibatalkan, tidak ada yang disimpan: {len(self.galat)} galat."
        super().__init__("\n".join([kepala, *lines]))

    def __str__(self) -> str:
        return self.messages[0]


def _tampil(nilai: Any) -> str:
    if isinstance(nilai, str):
        teks = nilai if len(nilai) <= 60 else nilai[:57] + "..."
        return f"'{teks}'"
    if isinstance(nilai, Decimal):
        return format(nilai, "f")
    if isinstance(nilai, dt.datetime | dt.date):
        return nilai.isoformat()
    return repr(nilai) if isinstance(nilai, float) else str(nilai)


# ---------------------------------------------------------------------------------------------------------
# Schema
# ---------------------------------------------------------------------------------------------------------


def _kunci_judul(teks: Any) -> str:
    return re.sub(r"[^0-9a-z%]+", " ", str(teks).casefold()).strip()


def _kosong(nilai: Any) -> bool:
    return nilai is None or (isinstance(nilai, str) and not nilai.strip())


@dataclass(frozen=True)
class Kolom:
    """One column: ``nama`` is the key in the record; ``judul`` the header in the template (and matched);
    ``alias`` other headers or JSON keys accepted. ``urai`` turns the raw value (str from CSV, whatever the
    cell or JSON holds otherwise; never empty) into the typed value or raises ValueError with an Indonesian
    reason written to follow the quoted value ("bukan NIP 18 digit")."""

    nama: str
    judul: str = ""
    wajib: bool = False
    urai: Callable[[Any], Any] | None = None
    alias: tuple[str, ...] = ()
    catatan: str = ""
    contoh: Any = ""
    jenis: tabel.Jenis = tabel.Jenis.TEKS  # for the template's column
    lebar: float | None = None

    @property
    def judul_tampil(self) -> str:
        return self.judul or self.nama

    def nama_dikenal(self) -> set[str]:
        return {_kunci_judul(n) for n in (self.nama, self.judul_tampil, *self.alias)}


@dataclass(frozen=True)
class Skema:
    nama: str  # the sheet name in XLSX templates, the section in JSON/YAML
    kolom: list[Kolom]
    kolom_lain_diabaikan: bool = False  # SIPD JSON carries many keys we do not read
    wajib_ada: bool = True  # the sheet/section must be present
    baris_maks: int = BARIS_MAKS

    def __post_init__(self):
        peta: dict[str, Kolom] = {}
        for k in self.kolom:
            for n in k.nama_dikenal():
                if peta.setdefault(n, k) is not k:
                    raise ValueError(f"skema {self.nama}: judul '{n}' dipakai kolom {peta[n].nama} dan {k.nama}")
        object.__setattr__(self, "_peta", peta)

    def cari(self, judul: Any) -> Kolom | None:
        return self._peta.get(_kunci_judul(judul))


# ---------------------------------------------------------------------------------------------------------
# Records and results
# ---------------------------------------------------------------------------------------------------------


class _AsalKolom(Mapping[str, Asal]):
    """Where each column of one row is, built only when asked (a problem to name): the column -> place map is
    shared by every row of a sheet / JSON key set, so a row stores two references instead of one Asal per cell."""

    def __init__(self, asal_baris: Asal, tempat: Mapping[str, Any], judul: Mapping[str, str], per_entri: bool):
        self._baris, self._tempat, self._judul, self._per_entri = asal_baris, tempat, judul, per_entri

    def __getitem__(self, nama: str) -> Asal:
        return _asal_sel(self._baris, self._tempat[nama], self._judul.get(nama), self._per_entri)

    def __iter__(self) -> Iterator[str]:
        return iter(self._tempat)

    def __len__(self) -> int:
        return len(self._tempat)


def _asal_sel(asal_baris: Asal, tempat: Any, judul: str | None, per_entri: bool) -> Asal:
    """The place of one cell: a JSON/YAML entry's key, or a sheet row's column letter with its header."""
    if per_entri:
        return Asal(asal_baris.lembar, None, None, str(tempat), asal_baris.indeks)
    return Asal(asal_baris.lembar, asal_baris.baris, tempat, judul)


class Rekaman(Mapping[str, Any]):
    """One row: typed values by column name (None when empty or refused), and where each came from."""

    def __init__(self, asal: Asal, nilai: dict[str, Any], asal_kolom: Mapping[str, Asal], sah: bool):
        self.asal_baris = asal
        self._nilai = nilai
        self._asal = asal_kolom
        self.sah = sah  # False when one of its cells was refused (the caller's checks may skip it)

    def __getitem__(self, key: str) -> Any:
        return self._nilai[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._nilai)

    def __len__(self) -> int:
        return len(self._nilai)

    def asal(self, kunci: str) -> Asal:
        """Where column ``kunci`` of this row is (also for a column missing from the file: the row)."""
        return self._asal.get(kunci, self.asal_baris)

    def __repr__(self) -> str:
        return f"Rekaman({self.asal_baris}, {self._nilai!r})"


@dataclass
class Hasil:
    """Records per sheet/section plus every problem found so far."""

    lembar: dict[str, list[Rekaman]] = field(default_factory=dict)
    galat: list[Galat] = field(default_factory=list)

    def __getitem__(self, nama: str) -> list[Rekaman]:
        return self.lembar[nama]

    @property
    def rekaman(self) -> list[Rekaman]:
        """The records of a single-schema import."""
        if len(self.lembar) != 1:
            raise ValueError("hasil berisi lebih dari satu lembar; pakai hasil['Nama']")
        return next(iter(self.lembar.values()))

    def tolak(self, rekaman: Rekaman | Asal, kunci: str | None, pesan: str) -> None:
        """Add a problem the caller found (a referential check): ``tolak(r, "unit", "unit 'X' tidak ada")``."""
        asal = rekaman if isinstance(rekaman, Asal) else (rekaman.asal(kunci) if kunci else rekaman.asal_baris)
        self.galat.append(Galat(asal, pesan))

    @property
    def sah(self) -> bool:
        return not self.galat

    def periksa(self) -> None:
        """Raise one GalatImpor listing every problem, if there is any."""
        if self.galat:
            raise GalatImpor(self.galat)


def _satu_skema(skema: Skema | Mapping[str, Skema]) -> dict[str, Skema]:
    if isinstance(skema, Skema):
        return {skema.nama: skema}
    return dict(skema)


class _Pembaca:
    """Turns (header, rows) of one sheet into records, adding problems to ``hasil``."""

    def __init__(self, hasil: Hasil, skema: Skema, lembar: str | None):
        self.hasil, self.skema, self.lembar = hasil, skema, lembar
        self._judul_asing: set[str] = set()  # JSON: an unknown key is reported once per section, not per entry
        self._nama = [k.nama for k in skema.kolom]
        self._wajib = [k for k in skema.kolom if k.wajib]
        self._judul = {k.nama: k.judul_tampil for k in skema.kolom}
        # per header map (one per sheet, one per JSON key set): column -> place and -> position, built once
        self._tata: dict[int, tuple[dict, dict[str, Any], dict[str, int]]] = {}

    def _tata_peta(self, peta: dict[Any, Kolom], sel: list[tuple[Any, Any]]) -> tuple[dict[str, Any], dict[str, int]]:
        tata = self._tata.get(id(peta))
        if tata is None or tata[0] is not peta:
            tempat = {kolom.nama: t for t, kolom in peta.items()}
            posisi = {t: i for i, (t, _) in enumerate(sel)}
            urutan = {nama: posisi.get(t, len(sel)) for nama, t in tempat.items()}
            tata = self._tata[id(peta)] = (peta, tempat, urutan)  # the map is kept alive with its layout
        return tata[1], tata[2]

    def _galat(self, asal: Asal, pesan: str) -> None:
        self.hasil.galat.append(Galat(asal, pesan))

    def kepala(self, judul: list[tuple[str | None, int | None, Any]], baris: int | None) -> dict[Any, Kolom]:
        """Match headers (column letter or None, JSON index or None, text) to columns; report the bad ones."""
        dipakai: dict[str, Any] = {}
        peta: dict[Any, Kolom] = {}
        for huruf, indeks, teks in judul:
            tempat = huruf if huruf is not None else teks
            if _kosong(teks):
                continue
            kolom = self.skema.cari(teks)
            asal = Asal(self.lembar, baris, huruf, None if huruf else str(teks), indeks)
            if kolom is None:
                if not self.skema.kolom_lain_diabaikan and str(teks) not in self._judul_asing:
                    self._judul_asing.add(str(teks))
                    kenal = ", ".join(k.judul_tampil for k in self.skema.kolom)
                    apa = "judul" if huruf else "kunci"
                    self._galat(asal, f"{apa} '{teks}' tidak dikenal (yang dikenal: {kenal})")
                continue
            if kolom.nama in dipakai:
                self._galat(asal, f"kolom {kolom.judul_tampil} muncul dua kali (juga '{dipakai[kolom.nama]}')")
                continue
            dipakai[kolom.nama] = teks
            peta[tempat] = kolom
        return peta

    def kolom_hilang(self, peta: dict[Any, Kolom], asal: Asal) -> None:
        ada = {k.nama for k in peta.values()}
        for k in self.skema.kolom:
            if k.wajib and k.nama not in ada:
                self._galat(asal, f"kolom wajib '{k.judul_tampil}' tidak ada")

    def rekaman(
        self, asal_baris: Asal, sel: list[tuple[Any, Any]], peta: dict[Any, Kolom], *, per_entri: bool
    ) -> Rekaman:
        """``sel``: (place key, raw value) of each cell of the row, in the order of the header map's sheet or key
        set. ``per_entri``: JSON/YAML, where each entry has its own keys, so a missing required key is reported per
        entry (a sheet reports it once). Where a cell is (Asal) is built only to name a problem."""
        tempat_kolom, urutan = self._tata_peta(peta, sel)
        nilai: dict[str, Any] = dict.fromkeys(self._nama)
        gagal: set[str] = set()
        galat: list[tuple[int, Galat]] = []  # reported in the row's column order
        for posisi, (tempat, mentah) in enumerate(sel):
            kolom = peta.get(tempat)
            if kolom is None:
                if not per_entri and not _kosong(mentah) and not self.skema.kolom_lain_diabaikan:
                    asal = _asal_sel(asal_baris, tempat, None, per_entri)
                    galat.append((posisi, Galat(asal, f"{_tampil(mentah)} berada di kolom tanpa judul")))
                    gagal.add("")
                continue
            if _kosong(mentah):
                continue
            if isinstance(mentah, str):
                mentah = mentah.strip()
            try:
                nilai[kolom.nama] = kolom.urai(mentah) if kolom.urai else _teks_bawaan(mentah)
            except ValueError as exc:
                asal = _asal_sel(asal_baris, tempat, kolom.judul_tampil, per_entri)
                galat.append((posisi, Galat(asal, f"{_tampil(mentah)} {exc}")))
                gagal.add(kolom.nama)
            except ArithmeticError:  # decimal.InvalidOperation and kin: a number no rule can work with
                asal = _asal_sel(asal_baris, tempat, kolom.judul_tampil, per_entri)
                galat.append((posisi, Galat(asal, f"{_tampil(mentah)} bukan angka yang dapat diolah")))
                gagal.add(kolom.nama)
        for kolom in self._wajib:
            if nilai[kolom.nama] is not None or kolom.nama in gagal:
                continue
            if kolom.nama in tempat_kolom:
                asal = _asal_sel(asal_baris, tempat_kolom[kolom.nama], kolom.judul_tampil, per_entri)
                galat.append((urutan[kolom.nama], Galat(asal, "wajib diisi")))
                gagal.add(kolom.nama)
            elif per_entri:
                asal = Asal(asal_baris.lembar, None, None, kolom.nama, asal_baris.indeks)
                galat.append((len(sel), Galat(asal, "wajib ada")))
                gagal.add(kolom.nama)
        if galat:
            self.hasil.galat.extend(g for _, g in sorted(galat, key=lambda x: x[0]))
        return Rekaman(asal_baris, nilai, _AsalKolom(asal_baris, tempat_kolom, self._judul, per_entri), not gagal)

    def terlalu_banyak(self, asal: Asal, jumlah: int) -> bool:
        if jumlah > self.skema.baris_maks:
            self._galat(
                asal, f"lebih dari {self.skema.baris_maks:,} baris; bagi berkas menjadi beberapa".replace(",", ".")
            )
            return True
        return False


def _teks_bawaan(mentah: Any) -> str:
    return _TEKS_BAWAAN(mentah)


# ---------------------------------------------------------------------------------------------------------
# Readers
# ---------------------------------------------------------------------------------------------------------


def _baris_lembar(pembaca: _Pembaca, rows: Iterable[tuple[int, tuple]], lembar: str | None) -> list[Rekaman]:
    """Rows (1-based number, cell values) of a sheet or CSV: first non-empty row is the header."""
    from openpyxl.utils import get_column_letter

    hasil: list[Rekaman] = []
    peta: dict[Any, Kolom] | None = None
    lebar = 0
    huruf: list[str] = []  # column letters, computed once per sheet (and extended for a longer row)
    for nomor, values in rows:
        if all(_kosong(v) for v in values):
            continue
        if peta is None:
            judul = [(get_column_letter(i + 1), None, v) for i, v in enumerate(values)]
            peta = pembaca.kepala(judul, nomor)
            pembaca.kolom_hilang(peta, Asal(lembar, nomor))
            lebar = len(values)
            continue
        if pembaca.terlalu_banyak(Asal(lembar), len(hasil) + 1):
            break
        if len(values) < lebar:  # a row ends at its last filled cell (CSV lines and XLSX rows alike)
            values = values + (None,) * (lebar - len(values))
        while len(huruf) < len(values):
            huruf.append(get_column_letter(len(huruf) + 1))
        sel = list(zip(huruf, values, strict=False))  # huruf may be longer than this row: zip stops at the row
        hasil.append(pembaca.rekaman(Asal(lembar, nomor), sel, peta, per_entri=False))
    if peta is None:
        pembaca.kolom_hilang({}, Asal(lembar))
    return hasil


_XLSX_RUSAK = "bukan berkas XLSX yang dapat dibaca (arsip atau XML di dalamnya rusak atau tidak diizinkan)"


def baca_xlsx(data: bytes, skema: Skema | Mapping[str, Skema]) -> Hasil:
    """Read the sheets the schema names (by name, case-insensitive; a single schema also takes the workbook's only
    sheet whatever it is called). Formulas count by their last computed value."""
    from openpyxl import load_workbook

    skemas = _satu_skema(skema)
    hasil = Hasil()
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken file; all mean the same to the user
        hasil.galat.append(Galat(Asal(), _XLSX_RUSAK))
        return hasil
    try:
        nama_lembar = {n.casefold().strip(): n for n in wb.sheetnames}
        data_lembar = [n for n in wb.sheetnames if n.casefold() != "petunjuk"]
        for nama, sk in skemas.items():
            asli = nama_lembar.get(nama.casefold())
            if asli is None and len(skemas) == 1 and len(data_lembar) == 1:
                asli = data_lembar[0]
            if asli is None:
                hasil.lembar[nama] = []
                if sk.wajib_ada:
                    hasil.galat.append(Galat(Asal(nama), f"lembar '{nama}' tidak ada di berkas"))
                continue
            ws = wb[asli]
            # read-only rows are padded to the declared dimension; a file declaring A1:XFD1048576 would make every
            # row 16.384 cells long, so the declaration is dropped and rows are as long as their cells
            ws.reset_dimensions()
            rows = ((i, tuple(r)) for i, r in enumerate(ws.iter_rows(values_only=True), start=1))
            try:
                hasil.lembar[nama] = _baris_lembar(_Pembaca(hasil, sk, nama), rows, nama)
            except (ValueError, KeyError, OSError, EOFError, SyntaxError, zipfile.BadZipFile):
                # a sheet's XML is parsed lazily: broken or hostile XML (defusedxml refuses entity bombs)
                hasil.lembar[nama] = []
                hasil.galat.append(Galat(Asal(nama), _XLSX_RUSAK))
    finally:
        wb.close()
    return hasil


def _dekode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's "CSV (Comma delimited)" on Windows writes cp1252; its bytes 0x81 0x8d 0x8f 0x90 0x9d are unmapped.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ValueError("berkas bukan teks UTF-8") from exc


def baca_csv(data: bytes | str, skema: Skema, *, pemisah: str | None = None) -> Hasil:
    """CSV in UTF-8 (with or without BOM; cp1252 as Excel writes it is accepted too). The separator is , ; or
    TAB, chosen from the header line unless given. Rows are numbered as a spreadsheet shows them."""
    hasil = Hasil()
    try:
        teks_csv = _dekode(data)
    except ValueError as exc:
        hasil.galat.append(Galat(Asal(), str(exc)))
        hasil.lembar[skema.nama] = []
        return hasil
    if pemisah is None:
        pertama = teks_csv.split("\n", 1)[0]
        pemisah = max([",", ";", "\t"], key=lambda p: pertama.count(p))
    reader = csv.reader(io.StringIO(teks_csv, newline=""), delimiter=pemisah)
    pembaca = _Pembaca(hasil, skema, None)
    try:
        hasil.lembar[skema.nama] = _baris_lembar(pembaca, enumerate(map(tuple, reader), start=1), None)
    except csv.Error as exc:
        hasil.galat.append(Galat(Asal(None, reader.line_num), f"CSV rusak: {exc}"))
        hasil.lembar.setdefault(skema.nama, [])
    return hasil


def _baca_entri(hasil: Hasil, skema: Skema, entri: Any, bagian: str | None) -> list[Rekaman]:
    pembaca = _Pembaca(hasil, skema, bagian)
    if not isinstance(entri, list):
        pembaca._galat(Asal(bagian), "harus berupa daftar (list) objek")
        return []
    if pembaca.terlalu_banyak(Asal(bagian), len(entri)):
        return []
    rekaman = []
    peta_per_kunci: dict[tuple, dict[Any, Kolom]] = {}
    for i, obj in enumerate(entri):
        asal = Asal(bagian, None, None, None, i)
        if not isinstance(obj, dict):
            pembaca._galat(asal, f"bukan objek, melainkan {type(obj).__name__}")
            continue
        kunci = tuple(obj)
        peta = peta_per_kunci.get(kunci)
        if peta is None:  # entries usually share their keys: match (and report) them once
            peta = peta_per_kunci[kunci] = pembaca.kepala([(None, i, k) for k in obj], None)
        rekaman.append(pembaca.rekaman(asal, list(obj.items()), peta, per_entri=True))
    return rekaman


def _baca_struktur(data: Any, skema: Skema | Mapping[str, Skema]) -> Hasil:
    skemas = _satu_skema(skema)
    hasil = Hasil()
    if isinstance(data, list) and len(skemas) == 1:
        nama, sk = next(iter(skemas.items()))
        hasil.lembar[nama] = _baca_entri(hasil, sk, data, None)
        return hasil
    if not isinstance(data, dict):
        hasil.galat.append(Galat(Asal(), "isi berkas harus daftar objek atau objek berisi bagian " + ", ".join(skemas)))
        return hasil
    bagian = {str(k).casefold(): k for k in data}
    for nama, sk in skemas.items():
        kunci = bagian.get(nama.casefold())
        if kunci is None:
            hasil.lembar[nama] = []
            if sk.wajib_ada:
                hasil.galat.append(Galat(Asal(), f"bagian '{nama}' tidak ada"))
            continue
        hasil.lembar[nama] = _baca_entri(hasil, sk, data[kunci], nama)
    return hasil


def baca_json(data: bytes | str, skema: Skema | Mapping[str, Skema]) -> Hasil:
    """A JSON list of objects (one schema) or an object whose keys are sections. Decimals stay exact."""
    try:
        isi = json.loads(_dekode(data), parse_float=Decimal)
    except ValueError as exc:
        hasil = Hasil()
        hasil.galat.append(Galat(Asal(), f"bukan JSON yang sah ({exc})"))
        return hasil
    return _baca_struktur(isi, skema)


def baca_yaml(data: bytes | str, skema: Skema | Mapping[str, Skema]) -> Hasil:
    """YAML with the same structure as JSON (safe loader only)."""
    import yaml

    try:
        isi = yaml.safe_load(_dekode(data))
    except (ValueError, yaml.YAMLError) as exc:
        hasil = Hasil()
        hasil.galat.append(Galat(Asal(), f"bukan YAML yang sah ({str(exc).splitlines()[0]})"))
        return hasil
    return _baca_struktur(isi, skema)


def baca(data: bytes, skema: Skema | Mapping[str, Skema], *, jenis: str) -> Hasil:
    """Dispatch on the kind the upload guard decided (renja.inti.unggah): xlsx, csv, json, yaml."""
    if jenis == "xlsx":
        return baca_xlsx(data, skema)
    if jenis in ("csv", "teks"):
        skemas = _satu_skema(skema)
        if len(skemas) != 1:
            raise ValueError("CSV hanya memuat satu lembar")
        return baca_csv(data, next(iter(skemas.values())))
    if jenis == "json":
        return baca_json(data, skema)
    if jenis == "yaml":
        return baca_yaml(data, skema)
    raise ValueError(f"jenis berkas '{jenis}' tidak dapat diimpor")


# ---------------------------------------------------------------------------------------------------------
# Parsers: each takes a non-empty raw value and returns the typed value or raises ValueError(reason)
# ---------------------------------------------------------------------------------------------------------


def _bukan_float(nilai: Any) -> Any:
    """A number from a spreadsheet cell comes as float; its shortest text is what the cell shows."""
    if isinstance(nilai, float):
        if nilai != nilai or nilai in (float("inf"), float("-inf")):
            raise ValueError("bukan angka")
        return Decimal(repr(nilai))
    return nilai


def teks(*, maks: int = 500) -> Callable[[Any], str]:
    """Text, stripped; a whole number from a spreadsheet cell becomes its digits (a NIP typed as a number)."""

    def urai(nilai: Any) -> str:
        if type(nilai) is str:  # the common case (CSV, JSON text), without the checks for other types below
            hasil = nilai.strip()
            if len(hasil) > maks:
                raise ValueError(f"terlalu panjang ({len(hasil)} karakter, paling banyak {maks})")
            return hasil
        nilai = _bukan_float(nilai)
        if isinstance(nilai, bool):
            raise ValueError("bukan teks")
        if isinstance(nilai, Decimal):
            nilai = format(nilai if nilai == nilai.to_integral_value() else nilai.normalize(), "f")
        if isinstance(nilai, dict | list):
            raise ValueError("bukan teks")
        hasil = str(nilai).strip()
        if len(hasil) > maks:
            raise ValueError(f"terlalu panjang ({len(hasil)} karakter, paling banyak {maks})")
        return hasil

    return urai


_TEKS_BAWAAN = teks()


def _ke_decimal(nilai: Any, parser: Callable[[str], Decimal]) -> Decimal:
    nilai = _bukan_float(nilai)
    if isinstance(nilai, bool):
        raise ValueError("bukan angka")
    if isinstance(nilai, int | Decimal):
        return Decimal(nilai)
    if not isinstance(nilai, str):
        raise ValueError("bukan angka")
    try:
        return parser(nilai)
    except angka_id.AngkaTidakValid as exc:
        raise ValueError(f"bukan angka yang sah: {exc.alasan}") from exc


def _batas(hasil: Decimal, minimum, maksimum, desimal: int | None) -> Decimal:
    if minimum is not None and hasil < minimum:
        raise ValueError(f"kurang dari {angka_id.format_angka(minimum, _tempat(minimum))}")
    if maksimum is not None and hasil > maksimum:
        raise ValueError(f"lebih dari {angka_id.format_angka(maksimum, _tempat(maksimum))}")
    if desimal is not None:
        exp = hasil.normalize().as_tuple().exponent
        if isinstance(exp, int) and -exp > desimal:
            raise ValueError(f"paling banyak {desimal} angka di belakang koma")
    return hasil


def _tempat(d) -> int:
    exp = Decimal(d).normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def angka(*, minimum=None, maksimum=None, desimal: int | None = 4) -> Callable[[Any], Decimal]:
    """A number written the Indonesian way ("1.018.773", "12,5") or a numeric cell."""
    return lambda nilai: _batas(_ke_decimal(nilai, angka_id.parse_angka), minimum, maksimum, desimal)


def rupiah(*, minimum=0, maksimum=None) -> Callable[[Any], Decimal]:
    """Rupiah: "Rp 1.000.000.000", "1.000.000.000,00", a numeric cell; at most 2 decimals (sen)."""
    return lambda nilai: _batas(_ke_decimal(nilai, angka_id.parse_rupiah), minimum, maksimum, 2)


def persen(*, minimum=None, maksimum=None) -> Callable[[Any], Decimal]:
    """Percentage points: "89,73%", "89,73", a numeric cell holding 89.73."""
    return lambda nilai: _batas(_ke_decimal(nilai, angka_id.parse_persen), minimum, maksimum, 4)


def bilangan_bulat(*, minimum: int | None = None, maksimum: int | None = None) -> Callable[[Any], int]:
    """A whole number: JSON integer, numeric cell without fraction, or digits ("1000000", "1.000.000")."""

    def urai(nilai: Any) -> int:
        d = _ke_decimal(nilai, angka_id.parse_angka)
        if d != d.to_integral_value():
            raise ValueError("bukan bilangan bulat")
        return int(_batas(d, minimum, maksimum, None))

    return urai


_FORMAT_TANGGAL = ("%d/%m/%Y", "%d-%m-%Y")


def tanggal() -> Callable[[Any], dt.date]:
    """A date: a date cell, ISO "2026-01-15" or "15/01/2026" (day first, as Indonesia writes it)."""

    def urai(nilai: Any) -> dt.date:
        if isinstance(nilai, dt.datetime):
            return nilai.date()
        if isinstance(nilai, dt.date):
            return nilai
        if isinstance(nilai, str):
            try:
                return dt.date.fromisoformat(nilai)
            except ValueError:
                pass
            for fmt in _FORMAT_TANGGAL:
                try:
                    return dt.datetime.strptime(nilai, fmt).date()
                except ValueError:
                    pass
        raise ValueError("bukan tanggal (tulis 2026-01-15 atau 15/01/2026)")

    return urai


def waktu(*, zona_wajib: bool = True) -> Callable[[Any], dt.datetime]:
    """A moment: ISO 8601 with a time zone ("2026-03-31T10:15:00+07:00", "...Z"). A spreadsheet's date-time cell
    has no zone; with ``zona_wajib=False`` it (and zone-less text) is taken as Asia/Jakarta time."""

    def urai(nilai: Any) -> dt.datetime:
        from django.utils import timezone

        if isinstance(nilai, dt.datetime):
            hasil = nilai
        elif isinstance(nilai, str):
            try:
                hasil = dt.datetime.fromisoformat(nilai)
            except ValueError as exc:
                raise ValueError("bukan waktu ISO 8601 (mis. 2026-03-31T10:15:00+07:00)") from exc
        else:
            raise ValueError("bukan waktu ISO 8601 (mis. 2026-03-31T10:15:00+07:00)")
        if hasil.tzinfo is None:
            if zona_wajib:
                raise ValueError("tanpa zona waktu (tambahkan mis. +07:00)")
            hasil = timezone.make_aware(hasil)
        return hasil

    return urai


def pilihan(pilihan: Mapping[str, Any] | Iterable[str]) -> Callable[[Any], Any]:
    """One of a fixed set, case-insensitive; a mapping turns the typed word into the stored value."""
    peta = dict(pilihan) if isinstance(pilihan, Mapping) else {p: p for p in pilihan}
    kunci = {_kunci_judul(k): v for k, v in peta.items()}

    dikenal: dict[Any, Any] = {}  # typed word -> value, so each distinct word is normalised once per schema

    def urai(nilai: Any) -> Any:
        ketikan = _TEKS_BAWAAN(nilai)
        hasil = dikenal.get(ketikan, _TIDAK_ADA)
        if hasil is _TIDAK_ADA:
            hasil = kunci.get(_kunci_judul(ketikan), _TIDAK_ADA)
            if hasil is _TIDAK_ADA:
                raise ValueError(f"bukan salah satu dari: {', '.join(peta)}")
            if len(dikenal) < 1000:
                dikenal[ketikan] = hasil
        return hasil

    return urai


_TIDAK_ADA = object()


# ---------------------------------------------------------------------------------------------------------
# Template
# ---------------------------------------------------------------------------------------------------------


def templat_xlsx(skema: Skema | Mapping[str, Skema]) -> bytes:
    """An empty workbook to fill: one sheet per schema with its headers (a note on each says what to type) and a
    "Petunjuk" sheet listing every column, whether it is required, its meaning and an example."""
    skemas = _satu_skema(skema)
    tabels = []
    petunjuk = []
    for nama, sk in skemas.items():
        kolom = [
            tabel.Kolom(
                k.nama,
                k.judul_tampil,
                k.jenis,
                lebar=k.lebar or max(12, min(40, len(k.judul_tampil) + 4)),
                catatan=(("Wajib diisi. " if k.wajib else "") + k.catatan).strip(),
            )
            for k in sk.kolom
        ]
        tabels.append(tabel.Tabel(kolom=kolom, nama_lembar=nama))
        for k in sk.kolom:
            contoh = k.contoh
            if isinstance(contoh, int | Decimal) and not isinstance(contoh, bool):
                contoh = angka_id.format_angka(contoh, _tempat(contoh))
            petunjuk.append(tabel.Baris([nama, k.judul_tampil, "ya" if k.wajib else "", k.catatan, contoh]))
    tabels.append(
        tabel.Tabel(
            kolom=[
                tabel.Kolom("lembar", "Lembar", lebar=16),
                tabel.Kolom("kolom", "Kolom", lebar=24),
                tabel.Kolom("wajib", "Wajib", lebar=8),
                tabel.Kolom("keterangan", "Keterangan", lebar=60),
                tabel.Kolom("contoh", "Contoh isian", lebar=30),
            ],
            judul=[
                "PETUNJUK PENGISIAN",
                "Isi setiap lembar mulai baris 2, satu baris per data; jangan ubah judul kolom. "
                "Angka ditulis cara Indonesia (1.000.000 atau 12,5) atau sebagai angka sel. "
                "Bila ada satu isian salah, tidak ada yang disimpan; pesan galat menyebut lembar, baris dan kolomnya.",
            ],
            baris=petunjuk,
            nama_lembar="Petunjuk",
        )
    )
    return tabel.tulis_xlsx(tabels)
