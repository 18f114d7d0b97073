"""The upload guard: kind by content, size, zip checks; each hostile file of tests/berkas_jahat.py gets its message."""

import io

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

from renja.inti.unggah import BerkasDitolak, ValidatorUnggahan, periksa_unggahan
from tests import berkas_jahat

PNG = b"\x89PNG\r\n\x1a\n" + bytes(32)
JPEG = b"\xff\xd8\xff\xe0" + bytes(32)


@pytest.mark.parametrize(
    "nama, isi, jenis",
    [
        ("realisasi.xlsx", berkas_jahat.xlsx_sah(), "xlsx"),
        ("renja.docx", berkas_jahat.docx_sah(), "docx"),
        ("bukti.pdf", berkas_jahat.pdf_sah(), "pdf"),
        ("foto.png", PNG, "png"),
        ("foto.jpg", JPEG, "jpeg"),
        ("realisasi.json", b'[{"kode_sub_giat": "1.06.04.2.01.0001", "nilai_realisasi": 250000000}]', "json"),
        ("realisasi.csv", "\ufeffkode;nilai\n1.06.04.2.01.0001;1.000.000.000\n".encode(), "csv"),
        ("catatan.txt", b"Rapat Forum PD, 12 Februari 2026", "teks"),
        ("tanpa-nama", berkas_jahat.xlsx_sah(), "xlsx"),
    ],
)
def test_kind_is_decided_by_content(nama, isi, jenis):
    assert periksa_unggahan(isi, nama=nama) == jenis


def test_uploaded_file_and_allowed_kinds():
    berkas = SimpleUploadedFile("realisasi.xlsx", berkas_jahat.xlsx_sah())
    assert periksa_unggahan(berkas, boleh={"xlsx", "csv", "json"}) == "xlsx"
    assert berkas.read(2) == b"PK"  # left at the start for the reader after us
    with pytest.raises(BerkasDitolak) as e:
        periksa_unggahan(SimpleUploadedFile("bukti.pdf", berkas_jahat.pdf_sah()), boleh={"xlsx", "csv"})
    assert str(e.value) == "Berkas 'bukti.pdf' adalah PDF; di sini hanya diterima: CSV, lembar kerja Excel (.xlsx)."


PESAN = {
    "zip_terpotong": "Berkas 'realisasi.xlsx' rusak atau terpotong (arsip ZIP tidak utuh); unggah ulang.",
    "zip_bom": "Berkas 'realisasi.xlsx' mengembang terlalu besar bila dibuka (bom ZIP); isi wajar paling banyak "
    "200,0 MB.",
    "berkas_50mb": "Berkas 'lampiran.pdf' terlalu besar (50,0 MB); batasnya 20,0 MB.",
    "pdf_terenkripsi": "Berkas 'bukti.pdf' adalah PDF yang dikunci kata sandi; simpan ulang tanpa kata sandi lalu "
    "unggah lagi.",
    "sampah_bernama_docx": "Berkas 'laporan.docx' tidak dikenali: isinya bukan PDF, gambar PNG/JPEG, dokumen Word, "
    "lembar kerja Excel, maupun teks UTF-8 (JSON/CSV).",
    "bukan_json_bernama_json": "Berkas 'realisasi.json' bernama .json tetapi isinya CSV, bukan JSON yang sah.",
    "zip_jalur_naik": "Berkas 'renja.docx' memuat jalur berbahaya '../../../etc/cron.d/renja'.",
    "docx_terenkripsi": "Berkas 'renja.docx' dikunci kata sandi; unggah berkas tanpa kata sandi.",
    "xlsx_bermakro": "Berkas 'anggaran.xlsx' berisi makro (VBA); simpan sebagai .xlsx/.docx biasa tanpa makro lalu "
    "unggah lagi.",
}


@pytest.mark.parametrize("jahat", sorted(berkas_jahat.SEMUA))
def test_every_hostile_file_gets_its_message(jahat):
    nama, isi = berkas_jahat.buat(jahat)
    with pytest.raises(BerkasDitolak) as e:
        periksa_unggahan(SimpleUploadedFile(nama, isi))
    assert e.value.alasan == berkas_jahat.SEMUA[jahat][1]
    assert str(e.value) == PESAN[jahat]


def test_size_limit_from_settings_without_reading_the_file(settings):
    settings.UNGGAH_UKURAN_MAKS = 1024 * 1024
    berkas = SimpleUploadedFile("lampiran.pdf", b"%PDF-1.7\n" + bytes(2 * 1024 * 1024))
    with pytest.raises(BerkasDitolak, match=r"terlalu besar \(2,0 MB\); batasnya 1,0 MB"):
        periksa_unggahan(berkas)


def test_stream_without_size_is_read_only_up_to_the_limit():
    stream = io.BytesIO(b"%PDF-1.7\n" + bytes(3000))
    with pytest.raises(BerkasDitolak, match=r"terlalu besar \(lebih dari 1 KB\); batasnya 1 KB"):
        periksa_unggahan(stream, ukuran_maks_byte=1024)


def test_empty_file():
    with pytest.raises(BerkasDitolak, match="^Berkas 'a.csv' kosong.$"):
        periksa_unggahan(b"", nama="a.csv")


def test_zip_without_office_content_and_old_office_format():
    buf = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "x")
    with pytest.raises(BerkasDitolak, match="arsip ZIP, bukan dokumen Word"):
        periksa_unggahan(buf.getvalue(), nama="renja.zip")
    with pytest.raises(BerkasDitolak, match=r"format Office lama \(.doc/.xls\)"):
        periksa_unggahan(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), nama="renja.xls")


def test_absolute_path_in_zip():
    import zipfile

    buf = io.BytesIO(berkas_jahat.docx_sah())
    with zipfile.ZipFile(buf, "a") as z:
        z.writestr("/etc/passwd", b"x")
    with pytest.raises(BerkasDitolak, match="memuat jalur berbahaya '/etc/passwd'"):
        periksa_unggahan(buf.getvalue(), nama="renja.docx")


def test_name_promising_another_kind():
    with pytest.raises(BerkasDitolak, match=r"bernama .pdf tetapi isinya lembar kerja Excel \(.xlsx\), bukan PDF"):
        periksa_unggahan(berkas_jahat.xlsx_sah(), nama="laporan.pdf")


def test_validator_on_a_form_field():
    class Form(forms.Form):
        berkas = forms.FileField(validators=[ValidatorUnggahan(boleh={"xlsx"})])

    nama, isi = berkas_jahat.xlsx_bermakro()
    form = Form(files={"berkas": SimpleUploadedFile(nama, isi)})
    assert not form.is_valid()
    assert form.errors["berkas"] == [PESAN["xlsx_bermakro"]]
    assert Form(files={"berkas": SimpleUploadedFile("a.xlsx", berkas_jahat.xlsx_sah())}).is_valid()
