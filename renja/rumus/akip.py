"""Evaluasi Akuntabilitas Kinerja Instansi Pemerintah (PermenPANRB 88/2021).

Four components weigh 30 / 30 / 15 / 25; each splits into keberadaan, kualitas and pemanfaatan in
the ratio 20 : 30 : 50 (so Perencanaan Kinerja = 6 + 9 + 15).  A sub-component scores its weight
times the mean of its criterion answers (each a fraction 0-1 of the criterion, given directly or
through an answer scale of the LKE); a component scores the sum of its sub-components; the
evaluation scores the sum of the components (0-100).

Predikat: > 90 AA, > 80 A, > 70 BB, > 60 B, > 50 CC, > 30 C, otherwise D; exactly 90 is A.  The
total is rounded half-up to two places (as the LHE prints it) before it is rated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from renja.rumus import parameter
from renja.rumus.uang import KONTEKS, bagi, bulatkan, jumlah, ke_decimal

__all__ = [
    "Komponen",
    "SubKomponen",
    "PredikatAKIP",
    "HasilAKIP",
    "bobot_komponen",
    "bobot_subkomponen",
    "predikat_akip",
    "nilai_akip",
    "nilai_subkomponen",
    "nilai_akip_dari_jawaban",
]

Angka = Decimal | int | str


class Komponen(StrEnum):
    """The four components of the 2021 evaluation, in the regulation's order."""

    PERENCANAAN = "perencanaan_kinerja"
    PENGUKURAN = "pengukuran_kinerja"
    PELAPORAN = "pelaporan_kinerja"
    EVALUASI_INTERNAL = "evaluasi_akip_internal"


class SubKomponen(StrEnum):
    """The three sub-components of every component."""

    KEBERADAAN = "keberadaan"
    KUALITAS = "kualitas"
    PEMANFAATAN = "pemanfaatan"


@dataclass(frozen=True)
class PredikatAKIP:
    """Predikat (AA..D), its name and the interpretation of the evaluation category."""

    kode: str
    sebutan: str
    interpretasi: str


@dataclass(frozen=True)
class HasilAKIP:
    """Scores per component, total (0-100, unrounded) and predikat."""

    nilai_komponen: Mapping[Komponen, Decimal]
    total: Decimal
    predikat: PredikatAKIP

    @property
    def total_bulat(self) -> Decimal:
        """Total rounded half-up to two places, as the LHE prints it."""
        return bulatkan(self.total, 2)


def bobot_komponen(komponen: Komponen) -> Decimal:
    """Weight of a component: 30, 30, 15 or 25."""
    return parameter.BOBOT_KOMPONEN_AKIP.nilai[Komponen(komponen).value]


def bobot_subkomponen(komponen: Komponen, subkomponen: SubKomponen) -> Decimal:
    """Weight of a sub-component: component weight x 20% / 30% / 50%."""
    proporsi = parameter.PROPORSI_SUBKOMPONEN_AKIP.nilai[SubKomponen(subkomponen).value]
    return KONTEKS.multiply(bobot_komponen(komponen), proporsi)


def predikat_akip(nilai: Angka) -> PredikatAKIP:
    """Predikat for an evaluation score 0-100 (rounded half-up to two places first).

    ``predikat_akip(Decimal("77.29"))`` is BB Sangat Baik (seed Tabel 3.2); 90 is A, 90,01 is AA.
    """
    n = bulatkan(nilai, 2)
    maksimum = parameter.NILAI_AKIP_MAKSIMUM.nilai
    if not 0 <= n <= maksimum:
        raise ValueError(f"nilai AKIP {n} di luar rentang 0-{maksimum}")
    for batas, kode, sebutan, interpretasi in parameter.PREDIKAT_AKIP.nilai:
        if n > batas:
            return PredikatAKIP(kode, sebutan, interpretasi)
    return PredikatAKIP(*parameter.PREDIKAT_AKIP_TERENDAH.nilai)


def nilai_akip(nilai_komponen: Mapping[Komponen, Angka]) -> HasilAKIP:
    """Total and predikat from the four component scores (as an LHE reports them).

    Every component must be present and lie between 0 and its weight.
    Seed Tabel 3.2, 2024: 22,94 + 23,11 + 11,23 + 20,01 = 77,29 -> BB.
    """
    hasil: dict[Komponen, Decimal] = {}
    for k in Komponen:
        if k not in nilai_komponen:
            raise ValueError(f"nilai komponen {k.value} tidak ada")
        n = ke_decimal(nilai_komponen[k], f"nilai {k.value}")
        if not 0 <= n <= bobot_komponen(k):
            raise ValueError(f"nilai {k.value} {n} di luar rentang 0-{bobot_komponen(k)}")
        hasil[k] = n
    lain = set(nilai_komponen) - set(Komponen)
    if lain:
        raise ValueError(f"komponen tidak dikenal: {sorted(map(str, lain))}")
    total = jumlah(hasil.values())
    return HasilAKIP(MappingProxyType(hasil), total, predikat_akip(total))


def _nilai_jawaban(jawaban: str | Decimal | int, skala: Mapping[str, Decimal] | None) -> Decimal:
    if isinstance(jawaban, str):
        if skala is None:
            raise ValueError(f"jawaban berupa kode ({jawaban!r}) memerlukan skala jawaban")
        kode = jawaban.strip().upper()
        if kode not in skala:
            raise ValueError(f"jawaban {jawaban!r} tidak ada dalam skala {', '.join(skala)}")
        return skala[kode]
    n = ke_decimal(jawaban, "jawaban")
    if not 0 <= n <= 1:
        raise ValueError(f"jawaban {n} harus pecahan 0-1 dari nilai kriteria")
    return n


def nilai_subkomponen(
    *,
    komponen: Komponen,
    subkomponen: SubKomponen,
    jawaban: Sequence[str | Decimal | int],
    skala: Mapping[str, Decimal] | None = None,
) -> Decimal:
    """Score of one sub-component: its weight x the mean of the criterion answers.

    Answers are fractions 0-1 (``Decimal("0.66")``, ``1``), or codes (str) looked up in ``skala``, e.g.
    :data:`~renja.rumus.parameter.SKALA_JAWABAN_LKE_YT` (``"Y"`` / ``"T"``).
    """
    if not jawaban:
        raise ValueError(f"sub-komponen {subkomponen} pada {komponen} tidak punya jawaban kriteria")
    nilai = [_nilai_jawaban(j, skala) for j in jawaban]
    return KONTEKS.multiply(bobot_subkomponen(komponen, subkomponen), bagi(jumlah(nilai), len(nilai)))


def nilai_akip_dari_jawaban(
    jawaban: Mapping[Komponen, Mapping[SubKomponen, Sequence[str | Decimal | int]]],
    *,
    skala: Mapping[str, Decimal] | None = None,
) -> HasilAKIP:
    """Evaluate from criterion answers: every component needs all three sub-components."""
    komponen: dict[Komponen, Decimal] = {}
    for k, per_sub in jawaban.items():
        nilai_sub = []
        for s in SubKomponen:
            if s not in per_sub:
                raise ValueError(f"sub-komponen {s.value} pada {Komponen(k).value} tidak ada")
            nilai_sub.append(nilai_subkomponen(komponen=k, subkomponen=s, jawaban=per_sub[s], skala=skala))
        komponen[k] = jumlah(nilai_sub)
    return nilai_akip(komponen)
