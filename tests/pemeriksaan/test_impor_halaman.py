"""The page that imports a checked document as a new Renja stage: upload -> findings and preview -> confirm."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from renja.perencanaan import services
from renja.perencanaan.models import Tahap
from renja.perencanaan.selectors import renja_tree
from tests.pemeriksaan import tc33


@pytest.fixture
def renja_baru(renja2026, users):
    return services.renja_create(
        actor=users["admin"], opd=renja2026.opd, tahun=2027, nomenklatur_versi=renja2026.nomenklatur_versi
    )


def _unggah(client, renja, data, nama="renja.xlsx", jenis="rancangan_akhir"):
    return client.post(
        reverse("pemeriksaan_impor:tahap", args=[renja.pk]),
        {"berkas": SimpleUploadedFile(nama, data), "jenis": jenis, "unit_bawaan": ""},
    )


def test_upload_preview_then_save(client, users, renja_baru, tahap_final):
    client.force_login(users["perencana"])
    url = reverse("pemeriksaan_impor:tahap", args=[renja_baru.pk])
    assert client.get(url).status_code == 200
    r = _unggah(client, renja_baru, tc33.xlsx_tc33(tahap_final))
    teks = r.content.decode()
    assert r.status_code == 200
    assert "0 galat, 0 peringatan" in teks
    assert 'id="total-pagu">Rp 26.736.518.416<' in teks  # BAB IV baris 1235
    assert not Tahap.objects.filter(renja=renja_baru).exists()  # nothing before the confirmation
    token = r.context["token"]
    r = client.post(url, {"aksi": "simpan", "token": token})
    tahap = Tahap.objects.get(renja=renja_baru)
    assert r.status_code == 302 and r["Location"].endswith(f"?tahap={tahap.pk}")
    assert tahap.jenis == "rancangan_akhir"
    assert renja_tree(tahap=tahap).total_pagu == Decimal("26736518416")
    # the preview's file is gone with the import: a second confirmation finds nothing to save
    r = client.post(url, {"aksi": "simpan", "token": token}, follow=True)
    assert "kedaluwarsa" in r.content.decode()


def test_warnings_shown_and_the_box_must_be_ticked(client, users, renja_baru, tahap_final):
    client.force_login(users["perencana"])
    url = reverse("pemeriksaan_impor:tahap", args=[renja_baru.pk])
    data = tc33.docx_tc33(tahap_final, narasi=["Renja ini memuat 9 Program, 99 Kegiatan dan 99 Sub Kegiatan."])
    r = _unggah(client, renja_baru, data, "renja.docx")
    teks = r.content.decode()
    assert "0 galat, 1 peringatan" in teks and "saya menerima peringatan" in teks
    assert 'data-tingkat="peringatan"' in teks
    token = r.context["token"]
    r = client.post(url, {"aksi": "simpan", "token": token}, follow=True)
    assert "centang" in r.content.decode()
    assert not Tahap.objects.filter(renja=renja_baru).exists()
    r = _unggah(client, renja_baru, data, "renja.docx")
    r = client.post(url, {"aksi": "simpan", "token": r.context["token"], "terima": "1"})
    assert r.status_code == 302 and Tahap.objects.filter(renja=renja_baru).count() == 1


def test_a_document_with_a_galat_offers_no_import(client, users, renja_baru, tahap_final):
    client.force_login(users["perencana"])
    rows = tc33.baris_tc33(tahap_final)
    i = next(n for n, r in enumerate(rows) if r[1] == "1.06.01.2.01")
    rows[i][5] = "16.000.000,00"  # its one sub kegiatan has Rp 15.000.000 (BAB IV baris 1239)
    r = _unggah(client, renja_baru, tc33.xlsx_tc33(tahap_final, rows=rows))
    teks = r.content.decode()
    assert "tidak dapat diimpor" in teks and 'id="form-simpan"' not in teks
    assert "jumlah_tidak_cocok" in teks


def test_a_bad_cell_is_named_and_nothing_stored(client, users, renja_baru, tahap_final):
    client.force_login(users["perencana"])
    rows = tc33.baris_tc33(tahap_final)
    i = next(n for n, r in enumerate(rows) if r[1] == "1.06.01.2.01.0006")
    rows[i][13] = "Bidang Entah"
    r = _unggah(client, renja_baru, tc33.xlsx_tc33(tahap_final, rows=rows))
    assert r.status_code == 400
    assert "unit penanggung jawab &#x27;Bidang Entah&#x27; bukan unit kerja" in r.content.decode()
    assert not Tahap.objects.filter(renja=renja_baru).exists()


def test_unreadable_and_wrong_kind(client, users, renja_baru):
    client.force_login(users["perencana"])
    r = _unggah(client, renja_baru, b"PK\x03\x04 rusak", "renja.docx")
    assert r.status_code == 400 and "galat-impor" in r.content.decode()
    r = _unggah(client, renja_baru, b"Tabel\t1\n", "renja.txt")
    assert r.status_code == 400 and "hanya diterima" in r.content.decode()


def test_operator_cannot(client, users, renja_baru):
    client.force_login(users["operator.rehsos"])
    assert client.get(reverse("pemeriksaan_impor:tahap", args=[renja_baru.pk])).status_code == 403


def test_new_year_renja_from_a_document(client, users, renja2026, tahap_final):
    """The Renja of a year that has none yet, with its first stage from the document; the preview keeps neither."""
    from renja.perencanaan.models import Renja

    client.force_login(users["perencana"])
    url = reverse("pemeriksaan_impor:renja_baru", args=[renja2026.opd_id])
    assert client.get(url).status_code == 200
    r = client.post(
        url,
        {
            "berkas": SimpleUploadedFile("renja.xlsx", tc33.xlsx_tc33(tahap_final)),
            "jenis": "rancangan_awal",
            "tahun": "2027",
            "unit_bawaan": "",
        },
    )
    assert r.status_code == 200 and 'id="total-pagu">Rp 26.736.518.416<' in r.content.decode()
    assert not Renja.objects.filter(opd=renja2026.opd, tahun=2027).exists()
    r = client.post(url, {"aksi": "simpan", "token": r.context["token"]})
    renja = Renja.objects.get(opd=renja2026.opd, tahun=2027)
    assert r.status_code == 302 and r["Location"].startswith(reverse("perencanaan:detail", args=[renja.pk]))
    assert renja.nomenklatur_versi.kode == "2027"
    tahap = renja.tahap.get()
    assert (tahap.jenis, renja_tree(tahap=tahap).total_pagu) == ("rancangan_awal", Decimal("26736518416"))


def test_new_year_refused_when_the_renja_exists(client, users, renja2026, tahap_final):
    client.force_login(users["perencana"])
    url = reverse("pemeriksaan_impor:renja_baru", args=[renja2026.opd_id])
    r = client.post(
        url,
        {
            "berkas": SimpleUploadedFile("r.xlsx", tc33.xlsx_tc33(tahap_final)),
            "jenis": "rancangan_awal",
            "tahun": "2026",
        },
    )
    assert r.status_code == 400 and "sudah ada" in r.content.decode()
