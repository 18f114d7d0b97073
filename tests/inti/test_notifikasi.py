"""In-app notifications: unread count in the header, the list page, marking read, and email when EMAIL_HOST is
set (after the commit)."""

import pytest
from django.core import mail

from renja.inti.models import Notifikasi
from renja.inti.notifikasi import notifikasi_belum_dibaca, notifikasi_kirim

pytestmark = pytest.mark.django_db


def test_unread_count_in_the_header_and_the_list(client, users):
    op = users["operator.rehsos"]
    notifikasi_kirim(
        penerima=[op], jenis="uji", teks="Uji: realisasi dikembalikan. Catatan: lengkapi bukti.", tautan="/monev/"
    )
    notifikasi_kirim(penerima=[op], jenis="uji", teks="Kedua")
    client.force_login(op)
    html = client.get("/notifikasi/").content.decode()
    assert '<span class="badge-hitung" id="notifikasi-belum-dibaca">2</span>' in html
    assert "Catatan: lengkapi bukti." in html
    n = Notifikasi.objects.get(teks__startswith="Uji: realisasi")
    response = client.post("/notifikasi/baca/", {"id": n.pk, "buka": "1"})
    assert response.status_code == 302 and response["Location"] == "/monev/"
    assert notifikasi_belum_dibaca(user=op) == 1
    client.post("/notifikasi/baca/")
    assert notifikasi_belum_dibaca(user=op) == 0
    assert "notifikasi-belum-dibaca" not in client.get("/notifikasi/").content.decode()


def test_nobody_reads_or_marks_another_users_notifications(client, users):
    notifikasi_kirim(penerima=[users["operator.rehsos"]], jenis="uji", teks="rahasia unit rehsos")
    n = Notifikasi.objects.get(teks="rahasia unit rehsos")
    client.force_login(users["operator.linjamsos"])
    assert "rahasia unit rehsos" not in client.get("/notifikasi/").content.decode()
    client.post("/notifikasi/baca/", {"id": n.pk})
    n.refresh_from_db()
    assert n.dibaca is False


def test_a_key_sends_once_per_user(users):
    op = users["operator.rehsos"]
    assert notifikasi_kirim(penerima=[op], jenis="uji", teks="x", kunci="batas:1") == 1
    assert notifikasi_kirim(penerima=[op, users["perencana"]], jenis="uji", teks="x", kunci="batas:1") == 1


def test_inactive_users_get_nothing(users):
    op = users["operator.rehsos"]
    op.is_active = False
    op.save()
    assert notifikasi_kirim(penerima=[op], jenis="uji", teks="x") == 0


def test_email_goes_out_after_commit_when_email_host_is_set(users, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_HOST = "smtp.example.org"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.RENJA_URL = "https://renja.example.go.id"
    op = users["operator.rehsos"]
    op.email = "rehsos@example.go.id"
    op.save()
    with django_capture_on_commit_callbacks(execute=True):
        notifikasi_kirim(
            penerima=[op, users["pemeriksa"]], jenis="uji", teks="Realisasi TW I dikembalikan.", tautan="/monev/1/"
        )
    assert len(mail.outbox) == 1  # the pemeriksa has no email address
    assert mail.outbox[0].to == ["rehsos@example.go.id"]
    assert "https://renja.example.go.id/monev/1/" in mail.outbox[0].body


def test_no_email_without_email_host(users, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_HOST = ""
    op = users["operator.rehsos"]
    op.email = "rehsos@example.go.id"
    op.save()
    with django_capture_on_commit_callbacks(execute=True):
        notifikasi_kirim(penerima=[op], jenis="uji", teks="x")
    assert mail.outbox == []
