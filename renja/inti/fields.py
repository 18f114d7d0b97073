from decimal import Decimal

from django.core import checks
from django.db import models

from renja.rumus.uang import dari_sen, ke_sen


class MoneyField(models.BigIntegerField):
    """Rupiah held as integer sen in the database and as Decimal rupiah in Python.

    Integer sen keeps sums exact on SQLite and PostgreSQL alike; conversion and rounding happen in
    one place (renja.rumus.uang), never with floats.
    """

    description = "Jumlah uang (Rupiah) disimpan sebagai sen bulat"

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return dari_sen(int(value))

    def to_python(self, value):
        if value is None or isinstance(value, Decimal):
            return value
        if isinstance(value, float):
            raise TypeError("MoneyField tidak menerima float")
        return Decimal(value)

    def get_prep_value(self, value):
        if value is None:
            return None
        if hasattr(value, "resolve_expression"):
            return value
        return ke_sen(value)

    def check(self, **kwargs):
        return [*super().check(**kwargs), *self._check_no_default_float()]

    def _check_no_default_float(self):
        if isinstance(self.default, float):
            return [checks.Error("MoneyField default must not be a float", obj=self)]
        return []


# Targets (and later realisation values) are exact decimals with at most SKALA_DESIMAL places. They are held as
# a scaled integer (value x 10^4) because SQLite's DECIMAL keeps only 15 significant digits
# (1.234.567.890.123,4567 came back as ...123,46). The bound is what a BIGINT holds with margin.
SKALA_DESIMAL = 4
_FAKTOR = 10**SKALA_DESIMAL
ANGKA_MAKS_EKSKLUSIF = Decimal(10) ** 14  # 14 digits before the comma, 4 after: 10^18 < 2^63


def tanpa_nol_belakang(nilai: Decimal) -> Decimal:
    """1800.0000 -> 1800, 12.5000 -> 12.5 (never the exponent form 1.8E+3 that normalize() gives)."""
    if nilai == nilai.to_integral_value():
        return nilai.quantize(Decimal(1))
    return nilai.normalize()


class AngkaTepatField(models.BigIntegerField):
    """An exact non-money decimal (a target, a realisation value): integer of 1/10.000 in the database,
    Decimal in Python. Values with more than 4 decimals or of 10^14 and above are refused, never rounded:
    the services bound their inputs first (renja.perencanaan.targets.target_problem) with a message."""

    description = "Angka desimal tepat (4 angka di belakang koma) disimpan sebagai bilangan bulat berskala"

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return tanpa_nol_belakang(Decimal(int(value)).scaleb(-SKALA_DESIMAL))

    def to_python(self, value):
        if value is None or isinstance(value, Decimal):
            return value
        if isinstance(value, float):
            raise TypeError("AngkaTepatField tidak menerima float")
        return Decimal(value)

    def get_prep_value(self, value):
        if value is None:
            return None
        if hasattr(value, "resolve_expression"):
            return value
        if isinstance(value, float):
            raise TypeError("AngkaTepatField tidak menerima float")
        nilai = Decimal(value)
        scaled = nilai * _FAKTOR
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{nilai} memiliki lebih dari {SKALA_DESIMAL} angka di belakang koma")
        if abs(nilai) >= ANGKA_MAKS_EKSKLUSIF:
            raise ValueError(f"{nilai} melebihi batas angka yang dapat disimpan")
        return int(scaled)
