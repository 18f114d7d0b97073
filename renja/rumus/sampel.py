"""Sample size for a Survei Kepuasan Masyarakat: Krejcie & Morgan (1970).

PermenPANRB 14/2017 sets the SKM sample with the Krejcie-Morgan table or formula::

    S = λ² · N · P · Q / (d² · (N - 1) + λ² · P · Q)

with λ² = 3,841 (chi-square, dk = 1, α = 5%), P = Q = 0,5 and d = 0,05.  The result is rounded
half-up to a whole respondent, which reproduces the published table (10 -> 10, 100 -> 80,
1.000 -> 278, 1.000.000 -> 384) except at N = 100.000, where the printed table says 384 and the
formula gives 382,63 -> 383.
"""

from __future__ import annotations

from decimal import Decimal

from renja.rumus import parameter
from renja.rumus.uang import KONTEKS, bagi, bulatkan

__all__ = ["krejcie_morgan"]


def krejcie_morgan(populasi: int) -> int:
    """Minimum number of respondents for a population of ``populasi`` (>= 1) service users."""
    if isinstance(populasi, bool) or not isinstance(populasi, int):
        raise TypeError(f"populasi harus int, bukan {type(populasi).__name__}")
    if populasi < 1:
        raise ValueError(f"populasi harus paling sedikit 1, bukan {populasi}")
    lambda2 = parameter.LAMBDA_KUADRAT.nilai
    p = parameter.PROPORSI_POPULASI.nilai
    q = 1 - p
    d = parameter.TINGKAT_GALAT.nilai
    lpq = KONTEKS.multiply(KONTEKS.multiply(lambda2, p), q)
    pembilang = KONTEKS.multiply(lpq, Decimal(populasi))
    penyebut = KONTEKS.add(KONTEKS.multiply(KONTEKS.multiply(d, d), Decimal(populasi - 1)), lpq)
    return int(bulatkan(bagi(pembilang, penyebut)))
