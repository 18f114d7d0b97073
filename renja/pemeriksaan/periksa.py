"""Entry points of the checker: a document (bytes in, findings out, no database, nothing kept) and a stored
Renja stage (findings with their acceptances)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from renja.pemeriksaan import aturan, dokumen
from renja.pemeriksaan.dokumen import DokumenTidakTerbaca
from renja.pemeriksaan.temuan import Temuan, Tingkat

if TYPE_CHECKING:
    from renja.pemeriksaan.models import Penerimaan

__all__ = ["DokumenTidakTerbaca", "TemuanTahap", "ada_galat", "galat_terbuka", "periksa_dokumen", "periksa_tahap"]


def periksa_dokumen(data: bytes, *, nama: str = "") -> list[Temuan]:
    """Read a document (kind decided by content) and run every rule. Raises DokumenTidakTerbaca."""
    return aturan.periksa(dokumen.baca(data, nama=nama))


def ada_galat(temuan: list[Temuan]) -> bool:
    return any(t.tingkat == Tingkat.GALAT for t in temuan)


# --- stored data ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TemuanTahap:
    """A finding of a stage with its acceptance: ``diterima`` while the accepted digest still matches;
    ``penerimaan`` without ``diterima`` means it was accepted once and the data changed since (it came back)."""

    temuan: Temuan
    penerimaan: Penerimaan | None

    @property
    def diterima(self) -> bool:
        return self.penerimaan is not None and self.penerimaan.sidik == self.temuan.sidik

    @property
    def kembali(self) -> bool:
        return self.penerimaan is not None and not self.diterima


def periksa_tahap(tahap) -> list[TemuanTahap]:
    """Every data rule over one stage, each finding with its acceptance (renja.pemeriksaan.aturan_data)."""
    from renja.pemeriksaan.aturan_data import periksa_data
    from renja.pemeriksaan.selectors import data_tahap, penerimaan_map

    temuan = periksa_data(data_tahap(tahap))
    diterima = penerimaan_map(tahap=tahap)
    return [TemuanTahap(t, diterima.get(t.kunci)) for t in temuan]


def galat_terbuka(hasil: list[TemuanTahap]) -> list[TemuanTahap]:
    """The galat not accepted: what makes `renja periksa renja` exit 1."""
    return [h for h in hasil if h.temuan.tingkat == Tingkat.GALAT and not h.diterima]
