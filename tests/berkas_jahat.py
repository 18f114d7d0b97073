"""Hostile files for every upload of the project, built at test time (nothing big is committed).

Each builder returns ``(name, content)``. :data:`SEMUA` maps a short name to the builder and the refusal code of
renja.inti.unggah.BerkasDitolak, so a later upload feature can check all of them in one parametrised test::

    @pytest.mark.parametrize("jahat", berkas_jahat.SEMUA, ids=str)
    def test_upload_refuses_hostile_files(client, jahat):
        nama, isi = berkas_jahat.buat(jahat)
        response = client.post(url, {"berkas": SimpleUploadedFile(nama, isi)})
        assert "..." in response.content.decode()
"""

from __future__ import annotations

import io
import random
import zipfile

MB = 1024 * 1024


def xlsx_sah(baris: list[list] | None = None) -> bytes:
    """A small valid workbook (the base of several hostile ones)."""
    from openpyxl import Workbook

    wb = Workbook()
    for row in baris or [["kode", "nilai"], ["1.06.04.2.01.0001", 1000000000]]:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx_sah() -> bytes:
    """A minimal valid .docx package (content types, relationships, document part)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
            'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main'
            '+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Renja 2026</w:t></w:r></w:p></w:body></w:document>',
        )
    return buf.getvalue()


def pdf_sah(kata_sandi: str | None = None) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if kata_sandi:
        writer.encrypt(kata_sandi)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def zip_terpotong() -> tuple[str, bytes]:
    data = xlsx_sah()
    return "realisasi.xlsx", data[: len(data) // 2]


def zip_bom() -> tuple[str, bytes]:
    """150 MB of zeros deflated to about 150 KB, inside an otherwise valid workbook."""
    buf = io.BytesIO(xlsx_sah())
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as z, z.open("xl/media/nol.bin", "w", force_zip64=True) as f:
        nol = bytes(MB)
        for _ in range(150):
            f.write(nol)
    return "realisasi.xlsx", buf.getvalue()


def berkas_50mb() -> tuple[str, bytes]:
    return "lampiran.pdf", b"%PDF-1.7\n" + bytes(50 * MB)


def pdf_terenkripsi() -> tuple[str, bytes]:
    return "bukti.pdf", pdf_sah(kata_sandi="rahasia")


def sampah_bernama_docx() -> tuple[str, bytes]:
    return "laporan.docx", random.Random(2026).randbytes(64 * 1024)


def bukan_json_bernama_json() -> tuple[str, bytes]:
    return "realisasi.json", b"kode_sub_giat,nilai_realisasi\n1.06.04.2.01.0001,250000000\n"


def zip_jalur_naik() -> tuple[str, bytes]:
    buf = io.BytesIO(docx_sah())
    with zipfile.ZipFile(buf, "a") as z:
        z.writestr("../../../etc/cron.d/renja", "* * * * * root sh -c 'id'\n")
    return "renja.docx", buf.getvalue()


def docx_terenkripsi() -> tuple[str, bytes]:
    """A .docx with an entry marked encrypted (bit 0 of the general purpose flags, as ZipCrypto sets it)."""
    buf = io.BytesIO(docx_sah())
    with zipfile.ZipFile(buf, "a") as z:
        z.writestr("word/rahasia.xml", b"<rahasia/>")
    data = bytearray(buf.getvalue())
    pusat = data.rfind(b"PK\x01\x02")  # central directory header of the entry just added
    data[pusat + 8] |= 0x1
    lokal = data.rfind(b"PK\x03\x04")
    data[lokal + 6] |= 0x1
    return "renja.docx", bytes(data)


def xlsx_bermakro() -> tuple[str, bytes]:
    """A workbook with a VBA project part and the macro-enabled content type, renamed .xlsx."""
    asli = zipfile.ZipFile(io.BytesIO(xlsx_sah()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in asli.infolist():
            isi = asli.read(info)
            if info.filename == "[Content_Types].xml":
                isi = isi.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                ).replace(
                    b"</Types>",
                    b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
                )
            z.writestr(info, isi)
        z.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    return "anggaran.xlsx", buf.getvalue()


# name -> (builder, BerkasDitolak.alasan)
SEMUA = {
    "zip_terpotong": (zip_terpotong, "zip_rusak"),
    "zip_bom": (zip_bom, "zip_bom"),
    "berkas_50mb": (berkas_50mb, "ukuran"),
    "pdf_terenkripsi": (pdf_terenkripsi, "pdf_sandi"),
    "sampah_bernama_docx": (sampah_bernama_docx, "jenis"),
    "bukan_json_bernama_json": (bukan_json_bernama_json, "nama"),
    "zip_jalur_naik": (zip_jalur_naik, "zip_jalur"),
    "xlsx_bermakro": (xlsx_bermakro, "makro"),
    "docx_terenkripsi": (docx_terenkripsi, "zip_sandi"),
}


def buat(nama: str) -> tuple[str, bytes]:
    return SEMUA[nama][0]()
