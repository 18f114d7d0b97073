"""One entry point for the three file formats of a document (DOCX, PDF, XLSX of its tables)."""

from __future__ import annotations

from renja.dokumen.model import Dokumen
from renja.inti.tabel import Tabel, tulis_xlsx

JENIS_MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class TanpaTabel(ValueError):
    pass


def tulis(dok: Dokumen, format: str) -> bytes:
    if format == "docx":
        from renja.dokumen.keluaran_docx import tulis_docx

        return tulis_docx(dok)
    if format == "pdf":
        from renja.dokumen.keluaran_pdf import tulis_pdf

        return tulis_pdf(dok)
    if format == "xlsx":
        tabel = dok.tabel()
        if not tabel:
            raise TanpaTabel("Dokumen ini belum memuat tabel untuk ditulis sebagai XLSX.")
        return tulis_xlsx(tabel)
    raise ValueError(f"Format '{format}' tidak dikenal; pilih docx, pdf atau xlsx.")


def tulis_tabel(tabel: Tabel, format: str) -> bytes:
    """One table alone: XLSX through the shared writer, DOCX/PDF as a document holding just that table."""
    if format == "xlsx":
        return tulis_xlsx(tabel)
    from renja.dokumen.model import TabelBlok

    dok = Dokumen(
        judul=" ".join(tabel.judul) or tabel.nama_lembar,
        kepala_halaman=" ".join(tabel.judul[:1]),
        nama_berkas=tabel.nama_lembar,
    )
    dok.tambah(TabelBlok(tabel))
    return tulis(dok, format)
