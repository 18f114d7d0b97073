"""A finding of the checker: rule code, severity, Indonesian message with the figures, and where it is."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum


class Tingkat(StrEnum):
    """Severity: a galat makes `renja periksa` exit 1; peringatan and info do not."""

    GALAT = "galat"
    PERINGATAN = "peringatan"
    INFO = "info"


@dataclass(frozen=True)
class Lokasi:
    """Where a finding is. In a document: the table (its title), the line in the file (text) or row of the table
    (DOCX/XLSX/PDF), the column (1-based cell position) and the quoted text or cell. In stored data: the OPD, the
    stage, the row code and the field (``isian``, e.g. "indikator 1: target")."""

    tabel: str = ""
    baris: int | None = None
    kolom: int | None = None
    kutipan: str = ""
    opd: str = ""
    tahap: str = ""
    kode: str = ""
    isian: str = ""

    def teks(self) -> str:
        if self.opd or self.tahap or self.kode:
            data = [self.opd, self.tahap, f"baris {self.kode}" if self.kode else "", self.isian]
            return ", ".join(b for b in data if b)
        bagian = []
        if self.tabel:
            bagian.append(self.tabel)
        if self.baris is not None:
            bagian.append(f"baris {self.baris}")
        if self.kolom is not None:
            bagian.append(f"kolom {self.kolom}")
        return ", ".join(bagian) or "dokumen"


@dataclass(frozen=True)
class Temuan:
    aturan: str
    tingkat: Tingkat
    pesan: str
    lokasi: Lokasi
    # Stored-data findings: a digest of the figures the finding is about. An acceptance ("diterima") holds while
    # the digest is the same; when the data changes the finding comes back (renja.pemeriksaan.services).
    sidik: str = ""

    @property
    def kunci(self) -> str:
        """What the finding is about, stable while the figures change: rule, row code and field."""
        return f"{self.aturan}|{self.lokasi.kode}|{self.lokasi.isian}"

    def sebagai_dict(self) -> dict:
        """JSON form: a document finding keeps its table/row/column/quote, a data finding its OPD/stage/code/field
        and digest; the other kind's empty fields are left out."""
        d = asdict(self)
        d["tingkat"] = str(self.tingkat)
        lokasi = d["lokasi"]
        data = ("opd", "tahap", "kode", "isian")
        if any(lokasi[k] for k in data):
            for k in ("tabel", "baris", "kolom"):
                if lokasi[k] in ("", None):
                    del lokasi[k]
        else:
            for k in data:
                del lokasi[k]
        if not d["sidik"]:
            del d["sidik"]
        return d

    def teks(self) -> str:
        kutipan = self.lokasi.kutipan
        if len(kutipan) > 120:
            kutipan = kutipan[:117] + "..."
        baris = f"[{self.tingkat}] {self.aturan} ({self.lokasi.teks()}): {self.pesan}"
        return baris + (f'\n    "{kutipan}"' if kutipan else "")
