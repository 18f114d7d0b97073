"""Year-end projections for the early warning (issue 11, Build 5): pure functions on Decimal, no database.

* linear: what has happened in the first ``n`` triwulan goes on at the same pace, so the year is
  ``nilai_sd x 4 / n``;
* by a disbursement plan (rencana penarikan dana): the year keeps the ratio of actual to planned so far,
  ``realisasi_sd / rencana_sd x rencana_setahun`` (a plan that puts most spending late in the year expects little
  early, and the reverse);
* an indicator value by its aggregation (rumus.capaian.CaraGabung): a flow (``jumlah``) and a cumulative position
  (``terakhir``) grow linearly; a mean or a maximum is taken as it stands.
"""

from __future__ import annotations

from decimal import Decimal

from renja.rumus.capaian import CaraGabung
from renja.rumus.uang import KONTEKS, bagi, ke_decimal

__all__ = ["proyeksi_linear", "proyeksi_rencana", "proyeksi_nilai"]

Angka = Decimal | int | str


def _triwulan(triwulan: int) -> int:
    if isinstance(triwulan, bool) or triwulan not in (1, 2, 3, 4):
        raise ValueError(f"triwulan harus 1 sampai 4, bukan {triwulan!r}")
    return int(triwulan)


def proyeksi_linear(*, nilai_sd: Angka | None, triwulan: int) -> Decimal | None:
    """``nilai_sd`` up to the end of ``triwulan`` carried on at the same pace to the year's end; None in, None out.

    ``proyeksi_linear(nilai_sd=200_000_000, triwulan=2) == 400_000_000``."""
    tw = _triwulan(triwulan)
    if nilai_sd is None:
        return None
    return bagi(KONTEKS.multiply(ke_decimal(nilai_sd, "nilai_sd"), Decimal(4)), Decimal(tw))


def proyeksi_rencana(
    *, realisasi_sd: Angka | None, rencana_sd: Angka | None, rencana_setahun: Angka | None
) -> Decimal | None:
    """The year's realisation if the ratio of actual to plan so far holds: ``realisasi_sd / rencana_sd x
    rencana_setahun``. None when there is no realisation or plan, or nothing was planned so far (no ratio).

    ``proyeksi_rencana(realisasi_sd=200, rencana_sd=250, rencana_setahun=1000) == 800``."""
    if realisasi_sd is None or rencana_sd is None or rencana_setahun is None:
        return None
    sd = ke_decimal(rencana_sd, "rencana_sd")
    if sd <= 0:
        return None
    rasio = bagi(ke_decimal(realisasi_sd, "realisasi_sd"), sd)
    return KONTEKS.multiply(rasio, ke_decimal(rencana_setahun, "rencana_setahun"))


def proyeksi_nilai(*, nilai_sd: Angka | None, triwulan: int, cara: CaraGabung | str) -> Decimal | None:
    """An indicator's year-end value from its value up to ``triwulan`` combined by its aggregation ``cara``:
    ``jumlah`` and ``terakhir`` linearly (flows and cumulative positions grow), ``rata_rata`` and ``maksimum`` as
    they stand."""
    cara = CaraGabung(cara)
    if cara in (CaraGabung.JUMLAH, CaraGabung.TERAKHIR):
        return proyeksi_linear(nilai_sd=nilai_sd, triwulan=triwulan)
    _triwulan(triwulan)
    return None if nilai_sd is None else ke_decimal(nilai_sd, "nilai_sd")
