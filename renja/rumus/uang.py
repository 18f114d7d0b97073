"""Money and exact-decimal basics: the one rounding rule of the project.

Every figure the system shows is computed in :class:`decimal.Decimal` and rounded by
:func:`bulatkan` only, half away from zero (``ROUND_HALF_UP``), the rule Indonesian financial
documents use ("dibulatkan ke atas bila ≥ 5").  Floats are refused everywhere: 0.1 + 0.2 is not
0.3 in binary floating point, and a planning system must never show such a figure.

Strings accepted here are *machine* decimal literals (``"1234.5"``: dot as decimal point, no
grouping), the form a database or JSON gives.  Text written the Indonesian way
(``"1.234,50"``) is parsed by :mod:`renja.rumus.angka`, never here: ``"1.500"`` would mean one and a
half in one convention and fifteen hundred in the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal

from renja.rumus import parameter

__all__ = [
    "SEN_PER_RUPIAH",
    "KONTEKS",
    "ke_decimal",
    "bulatkan",
    "bagi",
    "jumlah",
    "ke_sen",
    "dari_sen",
]

#: One rupiah is one hundred sen; the value and its source live in :mod:`renja.rumus.parameter`.
SEN_PER_RUPIAH: int = parameter.SEN_PER_RUPIAH.nilai

#: Arithmetic context for every division and multiplication in renja.rumus, so that results do
#: not depend on whatever :func:`decimal.getcontext` a caller has set.  34 significant digits is
#: IEEE decimal128; intermediate rounding is half-even (it only touches the 34th digit), while
#: presentation rounding is always :func:`bulatkan` (half-up).
KONTEKS = Context(prec=34, rounding=ROUND_HALF_EVEN)

# A wider context for quantize(): large sums with many decimal places must never fail for lack of
# precision.
_KONTEKS_BULATKAN = Context(prec=60, rounding=ROUND_HALF_UP)

_LITERAL = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


def ke_decimal(nilai: Decimal | int | str, nama: str = "nilai") -> Decimal:
    """Return ``nilai`` as a finite Decimal; reject float, bool and non-numbers.

    ``str`` must be a machine literal such as ``"-1234.50"`` (see the module docstring).
    """
    if isinstance(nilai, bool) or not isinstance(nilai, Decimal | int | str):
        if isinstance(nilai, float):
            raise TypeError(f"{nama} berupa float ({nilai!r}); float bukan uang, pakai Decimal, int atau str")
        raise TypeError(f"{nama} harus Decimal, int atau str, bukan {type(nilai).__name__}")
    if isinstance(nilai, str):
        if not _LITERAL.fullmatch(nilai):
            raise ValueError(
                f"{nama} {nilai!r} bukan literal desimal mesin (contoh '1234.50'); "
                "teks berformat Indonesia diurai dengan renja.rumus.angka.parse_angka"
            )
        return Decimal(nilai)
    hasil = Decimal(nilai)
    if not hasil.is_finite():
        raise ValueError(f"{nama} harus bilangan terhingga, bukan {nilai!r}")
    return hasil


def bulatkan(nilai: Decimal | int | str, tempat: int = 0) -> Decimal:
    """Round half away from zero (``ROUND_HALF_UP``) to ``tempat`` decimal places.

    ``bulatkan(Decimal("2.675"), 2) == Decimal("2.68")``; ``bulatkan(-2.5) == -3``.  The result
    always has exactly ``tempat`` decimal places, and a zero result is never negative.
    """
    if isinstance(tempat, bool) or not isinstance(tempat, int):
        raise TypeError("tempat harus int")
    if tempat < 0:
        raise ValueError("tempat tidak boleh negatif; untuk membulatkan ke ribuan bagi dulu dengan 1000")
    d = ke_decimal(nilai)
    hasil = d.quantize(Decimal(1).scaleb(-tempat), context=_KONTEKS_BULATKAN)
    return hasil.copy_abs() if hasil.is_zero() else hasil


def bagi(pembilang: Decimal | int | str, penyebut: Decimal | int | str) -> Decimal:
    """Divide in :data:`KONTEKS` (34 significant digits), independent of the caller's context.

    Division by zero raises :class:`ZeroDivisionError`; the rules check for zero first and return a
    flagged result instead.
    """
    a = ke_decimal(pembilang, "pembilang")
    b = ke_decimal(penyebut, "penyebut")
    if b.is_zero():
        raise ZeroDivisionError("pembagian dengan nol")
    return KONTEKS.divide(a, b)


def jumlah(nilai: Iterable[Decimal | int | str]) -> Decimal:
    """Sum in :data:`KONTEKS`; the empty sum is ``Decimal(0)``."""
    total = Decimal(0)
    for n in nilai:
        total = KONTEKS.add(total, ke_decimal(n))
    return total


def ke_sen(rupiah: Decimal | int | str) -> int:
    """Rupiah -> whole sen, rounding half-up to a whole sen: ``ke_sen("1.005") == 101``."""
    sen = _KONTEKS_BULATKAN.multiply(ke_decimal(rupiah, "rupiah"), SEN_PER_RUPIAH)
    return int(bulatkan(sen))


def dari_sen(sen: int) -> Decimal:
    """Whole sen -> Decimal rupiah with exactly two places: ``dari_sen(150) == Decimal("1.50")``."""
    if isinstance(sen, bool) or not isinstance(sen, int):
        raise TypeError(f"sen harus int, bukan {type(sen).__name__}")
    return bulatkan(_KONTEKS_BULATKAN.divide(Decimal(sen), SEN_PER_RUPIAH), 2)
