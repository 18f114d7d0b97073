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
