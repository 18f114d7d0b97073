"""The upload guard: every file a user uploads passes :func:`periksa_unggahan` before anything reads it.

The kind is decided by the content, never by the name or the browser's Content-Type:

* ``%PDF-`` -> ``pdf`` (refused when encrypted: the text cannot be read and checked);
* PNG / JPEG signatures -> ``png`` / ``jpeg``;
* a ZIP -> checked as a zip (see below), then its ``[Content_Types].xml`` says ``docx`` or ``xlsx``; a
  macro-enabled workbook or document (``vbaProject.bin``, ``macroEnabled``) is refused;
* the old OLE2 formats (.doc/.xls) are refused with the advice to save as .docx/.xlsx;
* anything else must decode as UTF-8 text without NUL bytes: ``json`` when it parses as JSON, ``csv`` when its
  first lines (two or more) split into the same number (at least two) of fields on , ; or TAB, else ``teks``.

A name whose extension promises another kind (``laporan.docx`` holding junk, ``data.json`` holding CSV) is
refused with a message that says both. Sizes: the file itself (setting ``UNGGAH_UKURAN_MAKS``, environment
``RENJA_UNGGAH_MAKS_MB``, default 20 MB); inside a zip, every entry is actually decompressed with a running count
(declared sizes can lie): total at most ``ZIP_ISI_MAKS`` (200 MB), each entry at most ``ZIP_RASIO_MAKS`` (100)
times its compressed size, at most ``ZIP_ENTRI_MAKS`` (5.000) entries, no absolute or ``..`` paths, no encrypted
entries. Each refusal is a :class:`BerkasDitolak` (a ValidationError) with an Indonesian message naming the file.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterable
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

__all__ = ["BerkasDitolak", "JENIS", "periksa_unggahan", "ValidatorUnggahan"]

MB = 1024 * 1024
UKURAN_MAKS_BAWAAN = 20 * MB
ZIP_ISI_MAKS = 200 * MB
ZIP_RASIO_MAKS = 100
ZIP_RASIO_MULAI = 1 * MB  # small entries (XML parts) compress well and may exceed the ratio harmlessly
ZIP_ENTRI_MAKS = 5_000

# kind -> (what it is called in messages, the extensions that promise it, media type)
JENIS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "pdf": ("PDF", (".pdf",), "application/pdf"),
    "png": ("gambar PNG", (".png",), "image/png"),
    "jpeg": ("gambar JPEG", (".jpg", ".jpeg"), "image/jpeg"),
    "docx": (
        "dokumen Word (.docx)",
        (".docx",),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (
        "lembar kerja Excel (.xlsx)",
        (".xlsx",),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "json": ("JSON", (".json",), "application/json"),
    "csv": ("CSV", (".csv",), "text/csv"),
    "teks": ("teks", (".txt", ".yaml", ".yml"), "text/plain"),
}
_TEKS = {"json", "csv", "teks"}


class BerkasDitolak(ValidationError):
    """An uploaded file refused; ``alasan`` is a short code for tests and logs (ukuran, kosong, jenis, zip_rusak,
    zip_bom, zip_jalur, zip_sandi, zip_entri, makro, pdf_sandi, nama, tidak_diterima)."""

    def __init__(self, pesan: str, alasan: str):
        self.alasan = alasan
        super().__init__(pesan, code=alasan)

    def __str__(self) -> str:
        return self.messages[0]


def _ukuran_teks(n: int) -> str:
    if n >= MB:
        return f"{n / MB:.1f} MB".replace(".", ",")
    return f"{max(1, n // 1024)} KB"


def ukuran_maks() -> int:
    return int(getattr(settings, "UNGGAH_UKURAN_MAKS", UKURAN_MAKS_BAWAAN))


def _baca(berkas: Any, batas: int) -> tuple[bytes, str]:
    """(content, name) of bytes, an UploadedFile or a binary file-like; reads at most ``batas + 1`` bytes."""
    if isinstance(berkas, bytes | bytearray | memoryview):
        return bytes(berkas), ""
    nama = getattr(berkas, "name", "") or ""
    ukuran = getattr(berkas, "size", None)
    if isinstance(ukuran, int) and ukuran > batas:
        return b"", nama  # the caller reports the size; nothing is read
    if hasattr(berkas, "seek"):
        berkas.seek(0)
    data = berkas.read(batas + 1)
    if hasattr(berkas, "seek"):
        berkas.seek(0)
    return data, str(nama)


def periksa_unggahan(
    berkas: bytes | IO[bytes] | Any,
    *,
    nama: str | None = None,
    boleh: Iterable[str] | None = None,
    ukuran_maks_byte: int | None = None,
) -> str:
    """Check an uploaded file and return its kind (a key of :data:`JENIS`); raise :class:`BerkasDitolak`.

    ``boleh`` limits the kinds this upload accepts (``{"xlsx", "csv", "json"}``); ``nama`` overrides the file's
    own name (used for messages and the extension check).
    """
    batas = ukuran_maks_byte if ukuran_maks_byte is not None else ukuran_maks()
    ukuran_dilaporkan = getattr(berkas, "size", None)
    data, nama_asli = _baca(berkas, batas)
    nama = nama if nama is not None else nama_asli.rsplit("/", 1)[-1]
    label = f"Berkas '{nama}'" if nama else "Berkas"
    ukuran = ukuran_dilaporkan if isinstance(ukuran_dilaporkan, int) and ukuran_dilaporkan > batas else len(data)
    if ukuran > batas:
        teks_ukuran = _ukuran_teks(ukuran) if ukuran_dilaporkan else f"lebih dari {_ukuran_teks(batas)}"
        raise BerkasDitolak(f"{label} terlalu besar ({teks_ukuran}); batasnya {_ukuran_teks(batas)}.", "ukuran")
    if not data:
        raise BerkasDitolak(f"{label} kosong.", "kosong")

    jenis = _jenis(data, label)
    _periksa_nama(jenis, nama, label)
    if boleh is not None:
        boleh = set(boleh)
        if jenis not in boleh:
            diterima = ", ".join(JENIS[j][0] for j in sorted(boleh))
            raise BerkasDitolak(
                f"{label} adalah {JENIS[jenis][0]}; di sini hanya diterima: {diterima}.", "tidak_diterima"
            )
    return jenis


def _jenis(data: bytes, label: str) -> str:
    if data.startswith(b"%PDF-"):
        if re.search(rb"/Encrypt[\s/<\[0-9]", data):
            raise BerkasDitolak(
                f"{label} adalah PDF yang dikunci kata sandi; simpan ulang tanpa kata sandi lalu unggah lagi.",
                "pdf_sandi",
            )
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _jenis_ooxml(data, label)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise BerkasDitolak(
            f"{label} berformat Office lama (.doc/.xls); simpan ulang sebagai .docx atau .xlsx lalu unggah lagi.",
            "jenis",
        )
    return _jenis_teks(data, label)


def _jenis_teks(data: bytes, label: str) -> str:
    tidak_dikenal = BerkasDitolak(
        f"{label} tidak dikenali: isinya bukan PDF, gambar PNG/JPEG, dokumen Word, lembar kerja Excel, "
        "maupun teks UTF-8 (JSON/CSV).",
        "jenis",
    )
    if b"\x00" in data:
        raise tidak_dikenal
    try:
        teks = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise tidak_dikenal from None
    if any(ord(c) < 32 and c not in "\t\r\n\f" for c in teks[:65536]):
        raise tidak_dikenal
    try:
        json.loads(teks)
        return "json"
    except ValueError:
        pass
    baris = [b for b in teks.splitlines()[:20] if b.strip()]
    for pemisah in (",", ";", "\t"):
        jumlah = {b.count(pemisah) for b in baris}
        if len(baris) >= 2 and len(jumlah) == 1 and jumlah.pop() >= 1:
            return "csv"
    return "teks"


def _jenis_ooxml(data: bytes, label: str) -> str:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise BerkasDitolak(
            f"{label} rusak atau terpotong (arsip ZIP tidak utuh); unggah ulang.", "zip_rusak"
        ) from None
    with zf:
        _periksa_zip(zf, infos, label)
        names = {i.filename for i in infos}
        if "[Content_Types].xml" not in names:
            raise BerkasDitolak(f"{label} adalah arsip ZIP, bukan dokumen Word atau lembar kerja Excel.", "jenis")
        types = zf.read("[Content_Types].xml").decode("utf-8", "replace")
    if "vbaProject" in types or "macroEnabled" in types or any(n.lower().endswith("vbaproject.bin") for n in names):
        raise BerkasDitolak(
            f"{label} berisi makro (VBA); simpan sebagai .xlsx/.docx biasa tanpa makro lalu unggah lagi.", "makro"
        )
    if "wordprocessingml.document.main" in types:
        return "docx"
    if "spreadsheetml.sheet.main" in types:
        return "xlsx"
    raise BerkasDitolak(f"{label} adalah berkas Office yang bukan dokumen Word (.docx) atau Excel (.xlsx).", "jenis")


def _periksa_zip(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], label: str) -> None:
    if len(infos) > ZIP_ENTRI_MAKS:
        raise BerkasDitolak(f"{label} memuat {len(infos)} entri; paling banyak {ZIP_ENTRI_MAKS}.", "zip_entri")
    for info in infos:
        nama = info.filename.replace("\\", "/")
        if nama.startswith("/") or re.match(r"^[A-Za-z]:", nama) or ".." in nama.split("/"):
            raise BerkasDitolak(f"{label} memuat jalur berbahaya '{info.filename}'.", "zip_jalur")
        if info.flag_bits & 0x1:
            raise BerkasDitolak(f"{label} dikunci kata sandi; unggah berkas tanpa kata sandi.", "zip_sandi")
    wajar = _ukuran_teks(ZIP_ISI_MAKS)
    bom = BerkasDitolak(
        f"{label} mengembang terlalu besar bila dibuka (bom ZIP); isi wajar paling banyak {wajar}.", "zip_bom"
    )
    if sum(i.file_size for i in infos) > ZIP_ISI_MAKS:
        raise bom
    total = 0
    for info in infos:
        batas_entri = max(ZIP_RASIO_MULAI, info.compress_size * ZIP_RASIO_MAKS)
        dibaca = 0
        try:
            with zf.open(info) as f:
                while chunk := f.read(256 * 1024):
                    dibaca += len(chunk)
                    total += len(chunk)
                    if dibaca > batas_entri or total > ZIP_ISI_MAKS:
                        raise bom
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
            raise BerkasDitolak(
                f"{label} rusak atau terpotong (entri '{info.filename}'); unggah ulang.", "zip_rusak"
            ) from None


def _periksa_nama(jenis: str, nama: str, label: str) -> None:
    if "." not in nama:
        return
    ext = "." + nama.rsplit(".", 1)[-1].lower()
    dijanjikan = next((j for j, (_, exts, _) in JENIS.items() if ext in exts), None)
    if dijanjikan is None or dijanjikan == jenis:
        return
    if dijanjikan in _TEKS and jenis in _TEKS and dijanjikan != "json":
        return  # a .txt holding CSV, a .csv with one column: both text, the importer decides
    raise BerkasDitolak(
        f"{label} bernama {ext} tetapi isinya {JENIS[jenis][0]}, bukan {JENIS[dijanjikan][0]}"
        + (" yang sah" if dijanjikan == "json" and jenis in _TEKS else "")
        + ".",
        "nama",
    )


@deconstructible
class ValidatorUnggahan:
    """For a form's FileField: ``validators=[ValidatorUnggahan(boleh={"xlsx", "csv"})]``."""

    def __init__(self, boleh: Iterable[str] | None = None):
        self.boleh = sorted(boleh) if boleh is not None else None

    def __call__(self, berkas) -> None:
        periksa_unggahan(berkas, boleh=self.boleh)

    def __eq__(self, other) -> bool:
        return isinstance(other, ValidatorUnggahan) and other.boleh == self.boleh
