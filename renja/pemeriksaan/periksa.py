"""The document checker's entry point: bytes in, findings out (no database, nothing kept)."""

from __future__ import annotations

from renja.pemeriksaan import aturan, dokumen
from renja.pemeriksaan.dokumen import DokumenTidakTerbaca
from renja.pemeriksaan.temuan import Temuan, Tingkat

__all__ = ["DokumenTidakTerbaca", "ada_galat", "periksa_dokumen"]


def periksa_dokumen(data: bytes, *, nama: str = "") -> list[Temuan]:
    """Read a document (kind decided by content) and run every rule. Raises DokumenTidakTerbaca."""
    return aturan.periksa(dokumen.baca(data, nama=nama))


def ada_galat(temuan: list[Temuan]) -> bool:
    return any(t.tingkat == Tingkat.GALAT for t in temuan)
