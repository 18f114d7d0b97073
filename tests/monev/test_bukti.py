"""Evidence files: PDF or image decided by content, size limit, stored through Django's storage API, downloaded
only by those who may read the OPD."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from renja.monev import services
from renja.monev.models import BuktiRealisasi

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload(user, row, name, content):
    return services.realisasi_bukti_upload(actor=user, row=row, triwulan=1, berkas=SimpleUploadedFile(name, content))


def test_pdf_and_image_are_stored_under_our_own_name(users, permakanan, media):
    b = upload(users["operator.rehsos"], permakanan, "../../daftar penerima.pdf", PDF)
    assert (b.jenis, b.nama_asli, b.ukuran) == ("pdf", "daftar penerima.pdf", len(PDF))
    assert b.berkas.name.startswith(f"bukti/{permakanan.tahap.renja_id}/tw1/{permakanan.pk}/")
    assert (media / b.berkas.name).read_bytes() == PDF
    assert upload(users["operator.rehsos"], permakanan, "foto.png", PNG).jenis == "png"


@pytest.mark.parametrize(
    ("name", "content", "pesan"),
    [
        ("laporan.pdf", b"MZ\x90\x00\x03\x00\x00\x00binary", "laporan.pdf"),
        ("catatan.pdf", b"hanya teks biasa", "catatan.pdf"),
        ("data.json", b'{"a": 1}', "adalah JSON; di sini hanya diterima: gambar JPEG, PDF, gambar PNG"),
        ("foto.jpg", PNG, "foto.jpg"),
        ("kosong.pdf", b"", "kosong"),
        ("besar.pdf", b"%PDF-" + b"0" * 20 * 2**20, "batasnya 20,0 MB"),
    ],
)
def test_other_files_are_refused(users, permakanan, name, content, pesan):
    with pytest.raises(ValidationError, match=pesan):
        upload(users["operator.rehsos"], permakanan, name, content)
    assert not BuktiRealisasi.objects.exists()


def test_other_unit_cannot_upload(users, permakanan):
    with pytest.raises(PermissionDenied, match="operator unit lain"):
        upload(users["operator.linjamsos"], permakanan, "a.pdf", PDF)


def test_download_and_delete_over_http(
    client, users, renja2026, permakanan, media, django_user_model, django_capture_on_commit_callbacks
):
    b = upload(users["operator.rehsos"], permakanan, "daftar.pdf", PDF)
    client.force_login(users["pemeriksa"])
    response = client.get(f"/monev/bukti/{b.pk}/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    client.post(f"/monev/bukti/{b.pk}/hapus/")  # a reader cannot delete
    assert BuktiRealisasi.objects.filter(pk=b.pk).exists()
    outsider = django_user_model.objects.create_user("luar", password="x-Renja-2026!")
    client.force_login(outsider)
    assert client.get(f"/monev/bukti/{b.pk}/").status_code == 403
    client.force_login(users["operator.rehsos"])
    path = media / b.berkas.name
    with django_capture_on_commit_callbacks(execute=True):  # the file goes once the deletion commits
        client.post(f"/monev/bukti/{b.pk}/hapus/")
    assert not BuktiRealisasi.objects.filter(pk=b.pk).exists()
    assert not path.exists()


def test_upload_page(client, users, renja2026, permakanan):
    client.force_login(users["operator.rehsos"])
    url = f"/monev/{renja2026.pk}/tw/1/baris/{permakanan.pk}/bukti/"
    response = client.post(url, {"berkas": SimpleUploadedFile("nota.pdf", PDF)}, follow=True)
    html = response.content.decode()
    assert "Bukti &#x27;nota.pdf&#x27; diunggah." in html and ">nota.pdf</a>" in html
    response = client.post(url, {"berkas": SimpleUploadedFile("nota.pdf", b"hello")}, follow=True)
    assert "nota.pdf" in response.content.decode() and 'class="msg error"' in response.content.decode()
    assert BuktiRealisasi.objects.count() == 1
