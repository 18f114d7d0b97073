"""Numbers written the Indonesian way: formatting and strict parsing.

Indonesian form only: the dot groups thousands (``26.736.518.416``) and the comma is the decimal
separator (``89,73``).  There is no guessing between conventions: ``"1,000,000"`` is rejected (two
decimal commas), ``"1,000"`` is one with three decimals, and ``"23.11"`` is rejected (a group after a
thousands dot must have exactly three digits), which is how the seed's typo ``23.11`` for ``23,11``
is caught.  Ungrouped digits (``"1176"``, ``"1000"``) are accepted because documents use them.

Every rejection is an :class:`AngkaTidakValid` whose message names the text and the reason.
Rounding for display is :func:`renja.rumus.uang.bulatkan` (half-up); floats are refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from renja.rumus import parameter
from renja.rumus.uang import bulatkan

__all__ = [
    "AngkaTidakValid",
    "NilaiSatuan",
    "format_angka",
    "format_rupiah",
    "format_persen",
    "parse_angka",
    "parse_rupiah",
    "parse_persen",
    "parse_nilai_satuan",
]

_MINUS = "-\u2212"  # hyphen-minus and the typographic minus sign
_AWALAN_RP = re.compile(r"rp\.?", re.IGNORECASE)
_TOKEN_ANGKA = re.compile(r"[-\u2212]?[0-9.,]*")


class AngkaTidakValid(ValueError):
    """Text that is not a valid Indonesian number; ``str()`` names the text and the reason."""

    def __init__(self, teks: str, alasan: str) -> None:
        self.teks = teks
        self.alasan = alasan
        super().__init__(f'"{teks}" bukan angka yang sah: {alasan}')


# ------------------------------------------------------------------------------------------------
# Formatting
# ------------------------------------------------------------------------------------------------


def _kelompokkan(digit: str) -> str:
    """'26736518416' -> '26.736.518.416'."""
    kepala = len(digit) % 3 or 3
    kelompok = [digit[:kepala]] + [digit[i : i + 3] for i in range(kepala, len(digit), 3)]
    return ".".join(kelompok)


def _format_tanpa_tanda(nilai: Decimal, desimal: int) -> str:
    bulat, _, pecahan = f"{abs(nilai):f}".partition(".")
    teks = _kelompokkan(bulat)
    return f"{teks},{pecahan}" if desimal else teks


def format_angka(nilai: Decimal | int | str | None, desimal: int = 0) -> str:
    """``26736518416`` -> ``"26.736.518.416"``; ``desimal=2`` -> ``"1.234,50"``; None -> ``"-"``.

    The value is rounded half-up to ``desimal`` places first.
    """
    if nilai is None:
        return "-"
    d = bulatkan(nilai, desimal)
    tanda = "-" if d < 0 else ""
    return tanda + _format_tanpa_tanda(d, desimal)


def format_rupiah(nilai: Decimal | int | str | None, desimal: int = 0, awalan: bool = True) -> str:
    """``"Rp 26.736.518.416"``; ``desimal=2`` -> ``"Rp 26.736.518.416,00"``; negative ``"-Rp 1.000"``.

    ``awalan=False`` leaves out ``"Rp "``.  None -> ``"-"``.
    """
    if nilai is None:
        return "-"
    d = bulatkan(nilai, desimal)
    tanda = "-" if d < 0 else ""
    return tanda + ("Rp " if awalan else "") + _format_tanpa_tanda(d, desimal)


def format_persen(nilai: Decimal | int | str | None, desimal: int = parameter.TEMPAT_DESIMAL_PERSEN.nilai) -> str:
    """Percentage points to text: ``Decimal("89.7308")`` -> ``"89,73%"``; None -> ``"-"``.

    ``desimal`` defaults to :data:`renja.rumus.parameter.TEMPAT_DESIMAL_PERSEN` (2).
    """
    if nilai is None:
        return "-"
    return format_angka(nilai, desimal) + "%"


# ------------------------------------------------------------------------------------------------
# Parsing
# ------------------------------------------------------------------------------------------------


def _periksa_str(teks: object) -> str:
    if not isinstance(teks, str):
        raise TypeError(f"teks harus str, bukan {type(teks).__name__}")
    return teks


def _urai(s: str, asli: str) -> Decimal:
    """Parse the bare number ``s`` (already stripped); errors name ``asli``."""
    if s == "":
        raise AngkaTidakValid(asli, "teks kosong" if asli.strip() == "" else "tidak ada digit")
    negatif = s[0] in _MINUS
    if negatif:
        s = s[1:]
    for c in s:
        if c in "0123456789.,":
            continue
        if c.isspace():
            raise AngkaTidakValid(asli, "spasi di dalam angka tidak diperbolehkan")
        if c.isalpha():
            raise AngkaTidakValid(asli, f"mengandung huruf '{c}'")
        raise AngkaTidakValid(asli, f"mengandung tanda '{c}' yang bukan bagian dari angka")
    if not any(c in "0123456789" for c in s):
        raise AngkaTidakValid(asli, "tidak ada digit")
    if s.count(",") > 1:
        raise AngkaTidakValid(
            asli,
            "lebih dari satu koma; dalam bentuk Indonesia koma adalah pemisah desimal dan hanya boleh sekali",
        )
    bulat, koma, pecahan = s.partition(",")
    if koma and bulat == "":
        raise AngkaTidakValid(asli, "koma desimal harus didahului digit")
    if koma and pecahan == "":
        raise AngkaTidakValid(asli, "koma desimal harus diikuti digit")
    if "." in pecahan:
        raise AngkaTidakValid(asli, "titik ribuan tidak boleh sesudah koma desimal")
    if bulat.startswith("."):
        raise AngkaTidakValid(asli, "titik ribuan tidak boleh di awal angka")
    if bulat.endswith("."):
        raise AngkaTidakValid(asli, "titik ribuan tidak boleh di akhir bagian bulat")
    if "." in bulat:
        kelompok = bulat.split(".")
        if "" in kelompok:
            raise AngkaTidakValid(asli, "dua titik berurutan")
        if len(kelompok[0]) > 3:
            raise AngkaTidakValid(
                asli,
                f"kelompok pertama sebelum titik ribuan paling banyak tiga digit, ditemukan '{kelompok[0]}'",
            )
        if kelompok[0].startswith("0"):
            raise AngkaTidakValid(asli, "angka dengan titik ribuan tidak boleh diawali 0")
        for k in kelompok[1:]:
            if len(k) != 3:
                raise AngkaTidakValid(
                    asli,
                    f"kelompok sesudah titik ribuan harus tepat tiga digit, ditemukan '{k}' "
                    "(titik memisahkan ribuan; desimal ditulis dengan koma)",
                )
    literal = bulat.replace(".", "") + (f".{pecahan}" if koma else "")
    hasil = Decimal(literal)
    return -hasil if negatif and not hasil.is_zero() else hasil


def parse_angka(teks: str) -> Decimal:
    """Parse an Indonesian-form number: ``"26.736.518.416,00"``, ``"1.000"``, ``"12,5"``, ``"-10"``,
    ``"1176"``.  Surrounding whitespace is ignored.  Raises :class:`AngkaTidakValid`.

    The result keeps the written decimal places (``"1,50"`` -> ``Decimal("1.50")``).
    """
    teks = _periksa_str(teks)
    return _urai(teks.strip(), teks)


def _urai_rupiah(s: str, asli: str) -> Decimal:
    negatif = False
    if s[:1] and s[0] in _MINUS and _AWALAN_RP.match(s, 1):
        negatif = True
        s = s[1:]
    awalan = _AWALAN_RP.match(s)
    if awalan:
        s = s[awalan.end() :].lstrip()
        if s == "":
            raise AngkaTidakValid(asli, "tidak ada angka sesudah 'Rp'")
        if negatif and s[0] in _MINUS:
            raise AngkaTidakValid(asli, "tanda minus ganda")
    if s.endswith(",-"):
        s = s[:-2].rstrip()
    nilai = _urai(s, asli)
    return -nilai if negatif else nilai


def parse_rupiah(teks: str) -> Decimal:
    """Parse a Rupiah amount: optional ``Rp``/``Rp.`` prefix (any case, spaces after it), optional
    ``,00`` or ``,-`` ending, sign before or after ``Rp``: ``"Rp. 4.495.500.000,-"``.

    ``"Rp .350.000.000"`` is rejected: the dot belongs to the number, and a number cannot start
    with a thousands dot (the seed lost a leading ``1``).
    """
    teks = _periksa_str(teks)
    return _urai_rupiah(teks.strip(), teks)


def parse_persen(teks: str) -> Decimal:
    """Parse percentage points: ``"89,73%"`` -> ``Decimal("89.73")``, ``"100 %"`` -> ``100``.

    The ``%`` sign is optional (tables with a "Persen" unit column print bare numbers).
    """
    teks = _periksa_str(teks)
    s = teks.strip()
    if s.endswith("%"):
        s = s[:-1].rstrip()
    return _urai(s, teks)


# ------------------------------------------------------------------------------------------------
# Value with unit (issue 3 item 6)
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NilaiSatuan:
    """A target/realisation cell such as ``"PBI : 400.000 Orang"``.

    ``label`` is the text before a colon (``"PBI"``), empty when there is none; ``satuan`` is
    ``"Rp"`` for Rupiah amounts, ``"%"`` for percentages, empty for a bare number.
    """

    nilai: Decimal
    satuan: str = ""
    label: str = ""

    def __str__(self) -> str:
        desimal = max(0, -int(self.nilai.as_tuple().exponent))
        if self.satuan == "Rp":
            teks = format_rupiah(self.nilai, desimal)
        elif self.satuan == "%":
            teks = format_persen(self.nilai, desimal)
        else:
            teks = " ".join(filter(None, (format_angka(self.nilai, desimal), self.satuan)))
        return f"{self.label} : {teks}" if self.label else teks


def parse_nilai_satuan(teks: str) -> NilaiSatuan:
    """Parse a value with its unit, as the seed writes targets.

    ``"1.018.773 org"``, ``"4 Dokumen"``, ``"PBI : 400.000 Orang"``, ``"100 %"``,
    ``"1176 Orang/Bulan"``, ``"6 desa/ kelurahan"``, ``"Rp 15.000.000"``, ``"42"``.

    Whitespace in the unit is collapsed and removed around ``/`` (``"desa/kelurahan"``); the
    unit's spelling is kept (``org`` stays ``org``).  A cell holding several values (a second
    number in the unit, such as the seed's ``"PBI : 400.000 Orang, Data LKM : 20.000 ..."``) is
    rejected, as is any malformed number.
    """
    teks = _periksa_str(teks)
    s = " ".join(teks.split())
    label = ""
    if ":" in s:
        label, _, s = s.partition(":")
        label, s = label.strip(), s.strip()
        if label == "":
            raise AngkaTidakValid(teks, "label sebelum ':' kosong")
        if any(c.isdigit() for c in label):
            raise AngkaTidakValid(teks, f"label sebelum ':' tidak boleh memuat angka ('{label}')")
    if _AWALAN_RP.match(s.lstrip(_MINUS)):
        return NilaiSatuan(_urai_rupiah(s, teks), "Rp", label)
    token = _TOKEN_ANGKA.match(s).group()
    if s and not any(c.isdigit() for c in token):
        raise AngkaTidakValid(teks, "tidak diawali angka")
    nilai = _urai(token, teks)
    satuan = re.sub(r"\s*/\s*", "/", s[len(token) :].strip())
    if any(c.isdigit() for c in satuan):
        raise AngkaTidakValid(teks, f"satuan '{satuan}' memuat angka lain; satu sel hanya boleh berisi satu nilai")
    if ":" in satuan:
        raise AngkaTidakValid(teks, "lebih dari satu label ':'; satu sel hanya boleh berisi satu nilai")
    return NilaiSatuan(nilai, satuan, label)
