"""Evidence uploads: PDF or image only, decided by the file's content through the project's upload guard
(renja.inti.unggah: kind by content, a name that promises another kind refused, encrypted PDF refused, size limit
from the setting UNGGAH_UKURAN_MAKS)."""

from __future__ import annotations

from renja.inti.unggah import JENIS, periksa_unggahan, ukuran_maks

JENIS_BUKTI = ("pdf", "png", "jpeg")


def periksa_bukti(berkas) -> str:
    """The kind of `berkas` (an UploadedFile): 'pdf', 'png' or 'jpeg'. Raises BerkasDitolak (a ValidationError)."""
    return periksa_unggahan(berkas, boleh=JENIS_BUKTI)


def media_type(jenis: str) -> str:
    return JENIS[jenis][2]


def batas_teks() -> str:
    return f"{ukuran_maks() // 2**20} MB"
