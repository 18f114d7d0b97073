"""Issue 6 defect 5: login had no throttling (40 wrong passwords in 9 seconds, then the right one logged in)."""

import pytest
from django.urls import reverse

from renja.inti.models import AuditEvent
from tests.conftest import TEST_PASSWORD


def masuk(client, password, username="perencana", **extra):
    return client.post(reverse("masuk"), {"username": username, "password": password}, **extra)


def test_six_wrong_passwords_then_the_right_one_is_refused(client, users):
    # default limit 5 (RENJA_LOGIN_GAGAL_MAKS): tries 1-4 are plain failures, the 5th locks
    for _ in range(4):
        r = masuk(client, "salah")
        assert r.status_code == 200 and "Nama pengguna atau kata sandi salah" in r.content.decode()
    for _ in range(2):
        r = masuk(client, "salah")
        assert r.status_code == 429
    r = masuk(client, TEST_PASSWORD)
    assert r.status_code == 429
    html = r.content.decode()
    assert "Terlalu banyak percobaan masuk yang gagal (5 kali)" in html
    assert "Coba lagi setelah 15 menit" in html
    assert "_auth_user_id" not in client.session
    # another user from the same address is not affected (lockout is per user name + address)
    assert masuk(client, TEST_PASSWORD, username="pimpinan").status_code == 302


def test_one_audit_event_per_lockout(client, users):
    for _ in range(7):
        masuk(client, "salah")
    events = AuditEvent.objects.filter(action="login_lockout")
    assert events.count() == 1
    event = events.get()
    assert event.event_type == "login" and event.object_type == "auth.user"
    assert event.object_id == str(users["perencana"].pk)
    assert event.new == {"username": "perencana", "alamat": "127.0.0.1", "gagal": 5}


def test_lockout_of_unknown_user_name_is_audited_too(client, db):
    for _ in range(5):
        masuk(client, "salah", username="tidak-ada")
    event = AuditEvent.objects.get(action="login_lockout")
    assert event.object_type == "axes.accessattempt" and event.new["username"] == "tidak-ada"


def test_success_before_the_limit_resets_the_count(client, users):
    for _ in range(4):
        masuk(client, "salah")
    assert masuk(client, TEST_PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert masuk(client, "salah").status_code == 200


def test_x_forwarded_for_is_ignored_without_proxy(client, users, settings):
    settings.BEHIND_PROXY = False
    for i in range(5):
        masuk(client, "salah", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}")
    # a new forged address does not unlock
    assert masuk(client, TEST_PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429


def test_x_forwarded_for_names_the_client_behind_proxy(client, users, settings):
    settings.BEHIND_PROXY = True
    for _ in range(5):
        masuk(client, "salah", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert masuk(client, TEST_PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    # the same user from another client behind the same proxy may log in
    assert masuk(client, TEST_PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 302
    assert AuditEvent.objects.get(action="login_lockout").new["alamat"] == "203.0.113.7"


@pytest.mark.parametrize("menit, teks", [(30, "Coba lagi setelah 30 menit")])
def test_cool_off_from_settings(client, users, settings, menit, teks):
    from datetime import timedelta

    settings.AXES_COOLOFF_TIME = timedelta(minutes=menit)
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        r = masuk(client, "salah")
    assert r.status_code == 429 and teks in r.content.decode() and "(3 kali)" in r.content.decode()
