"""Parsing typed text into inputs for the services; the bounds and the meaning are checked in the services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError

from renja.perencanaan.targets import GRADE_SAH, Target
from renja.rumus import angka


def parse_kinerja(teks: str | None, *, label: str) -> Target:
    """'' -> blank (belum ada data), '1.250' -> 1250, '12,5' -> 12.5, 'bb' -> grade BB."""
    teks = (teks or "").strip()
    if not teks:
        return Target()
    if teks.upper() in GRADE_SAH:
        return Target(grade=teks.upper())
    try:
        return Target(nilai=angka.parse_angka(teks))
    except ValueError as exc:
        raise ValidationError(
            f"{label}: '{teks}' bukan angka yang sah (mis. 1.250 atau 12,5) atau predikat {', '.join(GRADE_SAH)}."
        ) from exc


def parse_keuangan(teks: str | None, *, label: str) -> Decimal | None:
    """'' -> blank, 'Rp 1.250.000' or '1250000' -> 1250000."""
    teks = (teks or "").strip()
    if not teks:
        return None
    try:
        return angka.parse_rupiah(teks)
    except ValueError as exc:
        raise ValidationError(f"{label}: '{teks}' bukan jumlah Rupiah yang sah (mis. 1.250.000).") from exc


def parse_tanggal(teks: str | None) -> date | None:
    teks = (teks or "").strip()
    if not teks:
        return None
    try:
        return date.fromisoformat(teks)
    except ValueError as exc:
        raise ValidationError(f"Tanggal '{teks}' tidak sah (pilih tanggal dari kalender).") from exc


def parse_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
