"""The browse page /nomenklatur/ and the detail page, through HTTP."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.fixture
def pengguna(db):
    return get_user_model().objects.create_user(username="tamu.nomenklatur", password="Rahasia-uji-2026!")


@pytest.fixture
def klien(client, pengguna, nomenklatur):
    client.force_login(pengguna)
    return client


def kode_di_tabel(html: str) -> list[str]:
    return re.findall(r'<td class="kode"><a href="[^"]+">([^<]+)</a>', html)


def test_tamu_diarahkan_ke_halaman_masuk(client):
    for url in ("/nomenklatur/", "/nomenklatur/2027/1.06.04.2.01.0001/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/masuk/?next=")


def test_daftar_mencari_kode(klien):
    response = klien.get("/nomenklatur/", {"versi": "2027", "q": "1.06.04.2.01", "bidang": ""})
    assert response.status_code == 200
    html = response.content.decode()
    kode = kode_di_tabel(html)
    assert kode[:2] == ["1.06.04.2.01", "1.06.04.2.01.0001"]
    assert len(kode) == 17
    assert "Penyediaan Permakanan" in html
    assert '<span class="badge" title="Standar Pelayanan Minimal">SPM</span>' in html
    assert "17 kode" in html
    assert "<form" in html and "Semua bidang" in html  # the full page, not the partial


def test_halaman_pertama_memakai_bidang_opd_pengguna(client, pengguna, nomenklatur):
    """A perencana of a Dinas Sosial (bidang 1.06) sees 1.06 + X.XX.01 first."""
    from renja.organisasi.models import Pemda, PenugasanPeran, Peran, PerangkatDaerah

    pemda = Pemda.objects.create(kode="99.01", nama="Uji Nomenklatur", jenis=Pemda.Jenis.KOTA)
    dinsos = PerangkatDaerah.objects.create(
        pemda=pemda, kode="1.06.0.00.0.00.01.0000", nama="Dinas Sosial", bidang_urusan="1.06"
    )
    PenugasanPeran.objects.create(user=pengguna, peran=Peran.PERENCANA, opd=dinsos)
    client.force_login(pengguna)
    html = client.get("/nomenklatur/").content.decode()
    assert '<option value="1.06" selected>' in html
    assert "543 kode" in html  # 292 under 1.06 and 251 of the support programme, version 2027
    # the user can clear it: an empty bidang from the form means every bidang
    html = client.get("/nomenklatur/", {"versi": "2027", "bidang": ""}).content.decode()
    assert "8.539 kode" in html


def test_tanpa_opd_tidak_ada_bidang_bawaan(klien):
    html = klien.get("/nomenklatur/").content.decode()
    assert "8.539 kode" in html  # newest version (2027) first, no bidang filter
    html = klien.get("/nomenklatur/", {"versi": "2023"}).content.decode()
    assert "4.367 kode" in html
    assert "Kepmendagri 900.1.15.5-1317/2023 (Kab/Kota)" in html


def test_filter_tingkat_dan_htmx_mengembalikan_potongan(klien):
    response = klien.get(
        "/nomenklatur/",
        {"versi": "2023", "bidang": "1.06", "tingkat": "program", "per": "25"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<form" not in html and "<html" not in html
    assert kode_di_tabel(html) == ["1.06.02", "1.06.03", "1.06.04", "1.06.05", "1.06.06", "1.06.07"]
    assert "HX-Request" in response["Vary"]


def test_halaman_berikutnya(klien):
    html = klien.get("/nomenklatur/", {"versi": "2027", "bidang": "1.06", "per": "25", "page": "2"}).content.decode()
    assert "Halaman 2 dari 12" in html  # 292 rows / 25
    assert len(kode_di_tabel(html)) == 25
    assert "page=3" in html and "page=1" in html


def test_pencarian_tanpa_hasil(klien):
    html = klien.get("/nomenklatur/", {"versi": "2027", "q": "zzzz", "bidang": ""}).content.decode()
    assert "Tidak ada kode yang cocok" in html


def jumlah_query(client, per: int) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/nomenklatur/", {"versi": "2027", "bidang": "", "per": str(per)})
    assert response.status_code == 200
    return len(ctx.captured_queries), len(kode_di_tabel(response.content.decode()))


def test_jumlah_query_tetap_untuk_ukuran_halaman_berbeda(klien):
    jumlah_query(klien, 25)  # warm up the session/user caches
    kecil, baris_kecil = jumlah_query(klien, 25)
    besar, baris_besar = jumlah_query(klien, 200)
    assert (baris_kecil, baris_besar) == (25, 200)
    assert kecil == besar
    assert besar <= 8


def test_jumlah_query_detail_tidak_tumbuh_dengan_anak(klien):
    klien.get("/nomenklatur/2027/1.06/")  # warm up the session/user caches
    jumlah = {}
    for kode in ("1.06.04.2.01.0001", "1.06.04.2.01", "X.XX.01"):  # 0, 16 and 34 children
        with CaptureQueriesContext(connection) as ctx:
            assert klien.get(f"/nomenklatur/2027/{kode}/").status_code == 200
        jumlah[kode] = len(ctx.captured_queries)
    assert len(set(jumlah.values())) == 1, jumlah


def test_detail_dengan_anak_definisi_dan_induk(klien):
    response = klien.get("/nomenklatur/2027/1.06.04.2.01/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar" in html
    assert "1.06.04.2.01.0014" in html  # a child
    assert "16 kode di bawahnya" in html
    html = klien.get("/nomenklatur/2027/1.06.04.2.01.0001/").content.decode()
    assert "Definisi operasional" in html
    assert "Pemenuhan permakanan sesuai Standar Gizi Minimal" in html
    assert 'href="/nomenklatur/2023/1.06.04.2.01.0001/"' in html  # same code in the other version


def test_detail_kode_penunjang_opd(klien):
    html = klien.get("/nomenklatur/2027/1.06.01.2.02.0001/").content.decode()
    assert "Penyediaan Gaji dan Tunjangan ASN" in html
    assert "Kode 1.06.01.2.02.0001 memakai program penunjang, yang di daftar ditulis X.XX.01.2.02.0001" in html


def test_detail_pemetaan_dua_arah(klien):
    lama = klien.get("/nomenklatur/2023/2.14.02.2.02.0012/").content.decode()
    assert "Diganti oleh" in lama and 'href="/nomenklatur/2027/2.14.02.2.02.0030/"' in lama
    baru = klien.get("/nomenklatur/2027/2.14.02.2.02.0030/").content.decode()
    assert "Menggantikan" in baru and "2.14.02.2.02.0012" in baru


def test_detail_kode_lama_di_versi_baru_menunjuk_pengganti(klien):
    response = klien.get("/nomenklatur/2027/2.14.02.2.02.0012/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "tidak ada di versi nomenklatur 2027; penggantinya 2.14.02.2.02.0030." in html
    assert 'href="/nomenklatur/2027/2.14.02.2.02.0030/"' in html


def test_detail_versi_atau_format_salah(klien):
    assert klien.get("/nomenklatur/1999/1.06/").status_code == 404
    response = klien.get("/nomenklatur/2027/1.06.04.02/")
    assert response.status_code == 404
    assert "tidak sesuai format U.BB.PP.K.KK.SSSS" in response.content.decode()
