"""Checks on an evidence upload: PDF or image, decided by the file's content (never its name), and a size limit.

Uses the project's upload guard renja.inti.unggah when it is available; until then a small content check of our
own with the same contract (raise ValidationError with an Indonesian message, return the kind)."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError

BUKTI_UKURAN_MAKS = 10 * 1024 * 1024  # 10 MB: a scanned report or a few photos
JENIS_BUKTI = ("pdf", "png", "jpeg")
_EKSTENSI = {"pdf": "pdf", "png": "png", "jpeg": "jpg"}

_TANDA = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
)


def _jenis_dari_isi(kepala: bytes) -> str | None:
    for tanda, jenis in _TANDA:
        if kepala.startswith(tanda):
            return jenis
    return None


def periksa_bukti(berkas) -> str:
    """The kind of `berkas` (an UploadedFile): 'pdf', 'png' or 'jpeg'. Raises ValidationError otherwise."""
    nama = getattr(berkas, "name", "") or "berkas"
    ukuran = getattr(berkas, "size", None) or 0
    if ukuran == 0:
        raise ValidationError({"berkas": f"Berkas '{nama}' kosong."})
    if ukuran > BUKTI_UKURAN_MAKS:
        mb = f"{ukuran / 2**20:.1f}".replace(".", ",")
        batas = BUKTI_UKURAN_MAKS // 2**20
        raise ValidationError({"berkas": f"Berkas '{nama}' berukuran {mb} MB; batasnya {batas} MB."})
    berkas.seek(0)
    kepala = berkas.read(16)
    berkas.seek(0)
    jenis = _jenis_dari_isi(kepala)
    if jenis is None:
        raise ValidationError(
            {"berkas": f"Berkas '{nama}' bukan PDF, PNG atau JPEG menurut isinya; bukti hanya boleh PDF atau gambar."}
        )
    return jenis


def nama_simpan(jenis: str) -> str:
    return f"{secrets.token_hex(8)}.{_EKSTENSI[jenis]}"
