"""The public form over HTTP: no login, one submission per browser per period (signed cookie), the rate limit per
client address, the honeypot, a closed period; the page states what is kept."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from renja.ikm import services
from renja.ikm.models import Responden

pytestmark = pytest.mark.django_db


def isi(nilai=4, **lain):
    data = {f"u{i}": str(nilai) for i in range(1, 10)}
    data.update(jenis_kelamin="L", kelompok_usia="20-29", pendidikan="D4-S1", pekerjaan="SWASTA", saran="")
    data.update(lain)
    return data


def url(tautan):
    return reverse("ikm_publik:survei", kwargs={"token": tautan.token})


def test_form_without_login_is_accessible_markup(client, tautan):
    assert url(tautan) == f"/s/{tautan.token}/" and len(tautan.token) == 8
    html = client.get(url(tautan)).content.decode()
    # one fieldset + legend per unsur and per profile band; every radio has its label
    assert html.count("<fieldset") == 9 + 4 and html.count("<legend>") == 9 + 4
    assert html.count('type="radio"') == 9 * 4 + 2 + 6 + 7 + 6
    assert html.count('<label class="pilihan" for=') == html.count('type="radio"')
    assert "1. Persyaratan" in html and "9. Sarana dan Prasarana" in html and "Dikelola dengan baik" in html
    assert "tidak menyimpan data pribadi" in html
    assert "<script" not in html and "style=" not in html  # works without JavaScript, CSP self-only


def test_submit_stores_sets_cookie_and_second_submission_is_refused(tautan):
    client = Client(REMOTE_ADDR="198.51.100.20")
    r = client.post(url(tautan), isi(3, saran="Ruang tunggu panas"))
    assert r.status_code == 302 and r["Location"] == f"/s/{tautan.token}/terima-kasih/"
    cookie = r.cookies[f"ikm_{tautan.periode.pk}"]
    assert cookie["path"] == "/s/" and cookie["httponly"] and cookie["samesite"] == "Lax"
    resp = Responden.objects.exclude(sumber="demo").get()
    assert resp.jawaban == [3] * 9 and resp.saran == "Ruang tunggu panas" and resp.pendidikan == "D4-S1"
    assert resp.kunci_klien == services.kunci_klien("198.51.100.20")
    assert "Terima kasih" in client.get(r["Location"]).content.decode()
    # same browser, same period: polite refusal, on GET (no form) and on POST (nothing stored)
    again = client.get(url(tautan))
    assert again.status_code == 200 and "Anda sudah mengisi" in again.content.decode()
    assert 'id="form-survei"' not in again.content.decode()
    again = client.post(url(tautan), isi(1))
    assert again.status_code == 403 and "cukup mengisi sekali dalam satu periode" in again.content.decode()
    assert Responden.objects.exclude(sumber="demo").count() == 1


def test_forged_cookie_does_not_block(tautan):
    client = Client()
    client.cookies[f"ikm_{tautan.periode.pk}"] = str(tautan.periode.pk)  # unsigned: ignored
    assert 'id="form-survei"' in client.get(url(tautan)).content.decode()


@override_settings(IKM_BATAS_PER_JAM=2)
def test_rate_limit_per_client_address(tautan):
    for _ in range(2):
        assert Client(REMOTE_ADDR="192.0.2.9").post(url(tautan), isi()).status_code == 302
    r = Client(REMOTE_ADDR="192.0.2.9").post(url(tautan), isi())
    assert r.status_code == 429 and "sudah masuk 2 jawaban dalam satu jam terakhir" in r.content.decode()
    assert Client(REMOTE_ADDR="192.0.2.10").post(url(tautan), isi()).status_code == 302  # another address
    assert Responden.objects.exclude(sumber="demo").count() == 3


@override_settings(IKM_BATAS_PER_JAM=1, BEHIND_PROXY=True, PROXY_TERPERCAYA=1)
def test_rate_limit_behind_proxy_uses_the_forwarded_address(tautan):
    c = Client(REMOTE_ADDR="10.0.0.1")
    assert c.post(url(tautan), isi(), HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 302
    assert (
        Client(REMOTE_ADDR="10.0.0.1").post(url(tautan), isi(), HTTP_X_FORWARDED_FOR="203.0.113.6").status_code == 302
    )
    assert (
        Client(REMOTE_ADDR="10.0.0.1").post(url(tautan), isi(), HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 429
    )
    assert set(Responden.objects.exclude(sumber="demo").values_list("kunci_klien", flat=True)) == {
        services.kunci_klien("203.0.113.5"),
        services.kunci_klien("203.0.113.6"),
    }


def test_honeypot_refuses_and_stores_nothing(client, tautan):
    r = client.post(url(tautan), isi(situs_web="http://spam.example"))
    assert r.status_code == 400 and "tidak dapat kami terima" in r.content.decode()
    assert not Responden.objects.exclude(sumber="demo").exists() and f"ikm_{tautan.periode.pk}" not in r.cookies


def test_closed_period_polite_message(client, tautan, users):
    p = tautan.periode
    services.periode_update(
        actor=users["perencana"], periode=p, version=1, nama=p.nama, mulai=p.mulai, selesai=p.selesai, terbuka=False
    )
    r = client.get(url(tautan))
    assert r.status_code == 200 and "sedang tidak menerima jawaban" in r.content.decode()
    assert 'id="form-survei"' not in r.content.decode()
    r = client.post(url(tautan), isi())
    assert r.status_code == 403 and "ditutup oleh penyelenggara" in r.content.decode()
    assert not Responden.objects.exclude(sumber="demo").exists()


def test_incomplete_form_comes_back_with_named_errors_and_kept_answers(client, tautan):
    data = isi()
    del data["u7"]
    data["u2"] = "2"
    data["saran"] = "Petugas ramah"
    r = client.post(url(tautan), data)
    html = r.content.decode()
    assert r.status_code == 400
    assert 'href="#u7-1">Unsur 7: pilih salah satu jawaban 1 sampai 4.' in html
    assert 'id="u2-2" name="u2" value="2" required checked' in html and "Petugas ramah</textarea>" in html
    assert not Responden.objects.exclude(sumber="demo").exists()


def test_unknown_token_is_404(client):
    assert client.get("/s/tidakada/").status_code == 404
    assert client.post("/s/tidakada/", isi()).status_code == 404
