"""Targets are a non-negative number or a grade on an ordinal scale, always with a satuan."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError

from renja.inti.fields import ANGKA_MAKS_EKSKLUSIF, SKALA_DESIMAL
from renja.inti.format import angka_ringkas
from renja.rumus import angka

# Ordinal grades used as targets: AKIP predikat (PermenPANRB 88/2021) and IKM mutu (PermenPANRB 14/2017).
GRADE_SAH = ("AA", "A", "BB", "B", "CC", "C", "D")


@dataclass(frozen=True)
class Target:
    nilai: Decimal | None = None
    grade: str = ""

    @property
    def kosong(self) -> bool:
        return self.nilai is None and not self.grade

    def tampil(self) -> str:
        if self.grade:
            return self.grade
        if self.nilai is None:
            return "-"
        return format_nilai(self.nilai)


# Target columns are exact scaled integers (renja.inti.fields.AngkaTepatField): at most 4 decimals and
# 14 digits before the comma. This is the one bound; the field refuses anything past it rather than round.
DESIMAL_MAKS = SKALA_DESIMAL
NILAI_MAKS = ANGKA_MAKS_EKSKLUSIF


def target_problem(target: Target) -> str | None:
    """Why a target cannot be stored, or None."""
    if target.nilai is None:
        return None
    if target.nilai < 0:
        return "target tidak boleh negatif."
    if abs(target.nilai) >= NILAI_MAKS:
        return "target terlalu besar (paling banyak 14 digit sebelum koma)."
    exponent = target.nilai.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > DESIMAL_MAKS:
        return f"target paling banyak {DESIMAL_MAKS} angka di belakang koma."
    return None


def format_nilai(nilai: Decimal) -> str:
    return angka_ringkas(nilai)


def parse_target(teks: str | None, *, wajib: bool = True, label: str = "Target") -> Target:
    """'1.000' -> 1000, '12,5' -> 12.5, 'bb' -> grade BB. Raises ValidationError with an Indonesian message."""
    teks = (teks or "").strip()
    if not teks:
        if wajib:
            raise ValidationError(f"{label} wajib diisi (angka ≥ 0 atau predikat {', '.join(GRADE_SAH)}).")
        return Target()
    if teks.upper() in GRADE_SAH:
        return Target(grade=teks.upper())
    try:
        nilai = angka.parse_angka(teks)
    except ValueError as exc:
        raise ValidationError(
            f"{label} '{teks}' tidak sah: isi angka ≥ 0 (mis. 1.000 atau 12,5) atau predikat "
            f"{', '.join(GRADE_SAH)}. ({exc})"
        ) from exc
    if nilai < 0:
        raise ValidationError(f"{label} '{teks}' tidak boleh negatif.")
    target = Target(nilai=nilai)
    if (problem := target_problem(target)) is not None:
        raise ValidationError(f"{label} '{teks}': {problem}")
    return target


def target_of(obj, prefix: str = "target") -> Target:
    return Target(nilai=getattr(obj, f"{prefix}_nilai"), grade=getattr(obj, f"{prefix}_grade"))


def agregasi_bawaan(satuan: str) -> str:
    """How quarters combine when nobody said: a percentage or index is a level (last value), a count is a flow."""
    s = satuan.strip().lower()
    return "terakhir" if s in {"%", "persen", "indeks", "nilai"} or s.startswith("%") else "jumlah"
