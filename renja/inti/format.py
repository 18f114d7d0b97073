"""Display helpers shared by templates and services; the number rules themselves are renja.rumus.angka."""

from decimal import Decimal

from renja.rumus import angka

DESIMAL_TARGET_MAKS = 4  # target columns are DECIMAL(20, 4)


def angka_ringkas(nilai) -> str:
    """A stored number as a person typed it: 1.176 and 12,5, without the DecimalField's trailing zeros."""
    nilai = Decimal(nilai)
    if nilai == nilai.to_integral_value():
        return angka.format_angka(nilai, desimal=0)
    exponent = -nilai.normalize().as_tuple().exponent
    return angka.format_angka(nilai, desimal=min(DESIMAL_TARGET_MAKS, max(0, exponent)))
