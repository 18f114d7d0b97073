"""Setup pages over HTTP: who edits, the sample size beside the population, the frozen questionnaire, QR and poster."""

import io
import re

import pytest
import segno
from django.urls import reverse

from renja.ikm import services
from renja.ikm.models import Layanan, Periode, PertanyaanTambahan, Unsur
from tests.ikm.conftest import isian_lengkap

pytestmark = pytest.mark.django_db


def test_opd_page_shows_population_and_krejcie_morgan_sample(client, users, opd, layanan):
    services.layanan_create(actor=users["perencana"], opd=opd, kode="LINJAM", nama="Jaminan sosial", populasi=100000)
    client.force_login(users["pimpinan"])
    html = client.get(reverse("ikm:opd", args=[opd.pk])).content.decode()
    # Krejcie-Morgan (REGULASI.md §1.5): N = 1.000 -> 278; N = 100.000 -> 383 (the formula; the printed table says 384)
    assert re.search(
        r"REHSOS</td><td>Rekomendasi rehabilitasi sosial</td>\s*<td class=\"num\">1.000</td>\s*"
        r"<td class=\"num\">278</td>",
        html,
    )
    assert ">100.000</td>" in html and ">383</td>" in html
    assert reverse("ikm:layanan_create", args=[opd.pk]) not in html  # the pimpinan reads only


def test_perencana_adds_layanan_and_periode_through_the_forms(client, users, opd):
    client.force_login(users["perencana"])
    r = client.post(
        reverse("ikm:layanan_create", args=[opd.pk]), {"kode": "PPKS", "nama": "Pendataan PPKS", "populasi": "300"}
    )
    assert r.status_code == 302
    lay = Layanan.objects.get(opd=opd, kode="PPKS")
    assert (lay.populasi, lay.aktif) == (300, False)  # an unticked box is "tidak aktif"
    r = client.post(
        reverse("ikm:periode_create", args=[opd.pk]),
        {"kode": "2025-S1", "nama": "Semester I 2025", "mulai": "2025-01-01", "selesai": "2025-06-30", "terbuka": "on"},
    )
    p = Periode.objects.get(opd=opd, kode="2025-S1")
    assert r["Location"] == reverse("ikm:periode", args=[p.pk]) and p.unsur.count() == 9
    r = client.post(
        reverse("ikm:periode_create", args=[opd.pk]),
        {"kode": "2025-S2", "nama": "Semester II", "mulai": "2025-12-31", "selesai": "2025-07-01"},
    )
    assert r.status_code == 400 and "Tanggal selesai (01-07-2025) sebelum tanggal mulai." in r.content.decode()
    r = client.post(reverse("ikm:layanan_create", args=[opd.pk]), {"kode": "PPKS", "nama": "Lagi"})
    assert r.status_code == 400 and "Kode layanan PPKS sudah dipakai" in r.content.decode()


def test_stale_layanan_edit_is_refused(client, users, layanan):
    client.force_login(users["perencana"])
    url = reverse("ikm:layanan_edit", args=[layanan.pk])
    data = {"kode": "REHSOS", "nama": "Versi A", "populasi": "10", "aktif": "on", "version": "1"}
    assert client.post(url, data).status_code == 302
    r = client.post(url, {**data, "nama": "Versi B"})
    assert r.status_code == 400 and "sudah diubah orang lain" in r.content.decode()
    assert Layanan.objects.get(pk=layanan.pk).nama == "Versi A"


def test_questionnaire_frozen_after_first_response_says_so(client, users, periode, tautan):
    client.force_login(users["perencana"])
    url = reverse("ikm:periode", args=[periode.pk])
    u1 = periode.unsur.get(nomor=1)
    html = client.get(url).content.decode()
    assert reverse("ikm:unsur_edit", args=[u1.pk]) in html and 'id="kuesioner-beku"' not in html
    r = client.post(reverse("ikm:tambahan_create", args=[periode.pk]), {"teks": "Saran lain?", "jenis": "teks"})
    assert r.status_code == 302 and PertanyaanTambahan.objects.get(periode=periode).jenis == "teks"
    services.responden_submit(tautan=tautan, isian=isian_lengkap())
    html = client.get(url).content.decode()
    assert 'id="kuesioner-beku"' in html and reverse("ikm:unsur_edit", args=[u1.pk]) not in html
    r = client.post(
        reverse("ikm:unsur_edit", args=[u1.pk]),
        {"nama": "X", "pertanyaan": "X?", "pilihan_1": "a", "pilihan_2": "b", "pilihan_3": "c", "pilihan_4": "d"},
        follow=True,
    )
    assert "sudah dibekukan karena sudah ada responden" in r.content.decode()
    assert Unsur.objects.get(pk=u1.pk).nama == "Persyaratan"


def test_qr_codes_encode_the_short_link_and_poster_prints_it(client, users, tautan, settings):
    settings.RENJA_URL = "https://renja.bekasikota.go.id"
    alamat = f"https://renja.bekasikota.go.id/s/{tautan.token}/"
    client.force_login(users["pemeriksa"])
    png = client.get(reverse("ikm:qr_png", args=[tautan.pk]))
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG\r\n\x1a\n")
    expected = io.BytesIO()
    segno.make(alamat, error="m", micro=False).save(expected, kind="png", scale=10, border=4)
    assert png.content == expected.getvalue()  # the same symbol segno makes for exactly that address
    svg = client.get(reverse("ikm:qr_svg", args=[tautan.pk]))
    assert svg["Content-Type"] == "image/svg+xml"
    assert b"<title>Kode QR survei kepuasan Rekomendasi rehabilitasi sosial</title>" in svg.content
    poster = client.get(reverse("ikm:poster", args=[tautan.pk])).content.decode()
    assert alamat in poster and reverse("ikm:qr_svg", args=[tautan.pk]) in poster
    assert "<style" not in poster and "style=" not in poster and "poster.css" in poster


def test_readers_cannot_edit(client, users, periode, layanan):
    for who in ("pimpinan", "pemeriksa", "operator.rehsos"):
        client.force_login(users[who])
        assert client.get(reverse("ikm:periode", args=[periode.pk])).status_code == 200
        assert client.post(reverse("ikm:tautan_buat", args=[periode.pk])).status_code == 403
        assert client.get(reverse("ikm:layanan_edit", args=[layanan.pk])).status_code == 403
    assert not periode.tautan.exists()
