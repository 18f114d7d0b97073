"""Deadline reminders three days ahead, once per deadline, to the operators of units that have not submitted."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from renja.inti.models import Notifikasi
from renja.monev import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def batas_10_juli(users, renja2026):
    return services.triwulan_batas_waktu_set(
        actor=users["perencana"], renja=renja2026, triwulan=2, batas_waktu=date(2026, 7, 10)
    )


def jalankan(tanggal: str) -> str:
    out = StringIO()
    call_command("renja_periksa_tenggat", "--tanggal", tanggal, stdout=out)
    return out.getvalue()


def test_reminder_three_days_ahead_once_and_only_to_units_not_submitted(users, renja2026, units, batas_10_juli):
    services.realisasi_submit(actor=users["operator.linjamsos"], renja=renja2026, unit=units["linjamsos"], triwulan=2)
    assert jalankan("2026-07-06") == "0 notifikasi batas waktu dikirim.\n"  # four days ahead: not yet
    assert jalankan("2026-07-07") == "1 notifikasi batas waktu dikirim.\n"
    n = Notifikasi.objects.get(jenis="realisasi_batas_waktu")
    assert n.penerima == users["operator.rehsos"]  # Linjamsos submitted; the other units have no operator
    assert "10-07-2026 (3 hari lagi)" in n.teks and "12 sub kegiatan belum berisi realisasi" in n.teks
    assert jalankan("2026-07-08") == "0 notifikasi batas waktu dikirim.\n"  # once per deadline


def test_a_new_deadline_gets_a_new_reminder(users, renja2026, batas_10_juli):
    assert jalankan("2026-07-07") == "2 notifikasi batas waktu dikirim.\n"  # operators of Rehsos and Linjamsos
    services.triwulan_batas_waktu_set(
        actor=users["pimpinan"], renja=renja2026, triwulan=2, batas_waktu=date(2026, 7, 17)
    )
    assert jalankan("2026-07-14") == "2 notifikasi batas waktu dikirim.\n"
    assert Notifikasi.objects.filter(jenis="realisasi_batas_waktu").count() == 4


def test_past_deadlines_get_no_reminder(users, renja2026, batas_10_juli):
    assert jalankan("2026-07-11") == "0 notifikasi batas waktu dikirim.\n"


def test_bad_date_is_a_clear_error():
    with pytest.raises(CommandError, match="Tanggal '7 Juli' tidak sah"):
        call_command("renja_periksa_tenggat", "--tanggal", "7 Juli")


def test_the_page_shows_the_deadline(client, users, renja2026, units, batas_10_juli):
    client.force_login(users["operator.rehsos"])
    html = client.get(f"/monev/{renja2026.pk}/tw/2/unit/{units['rehsos'].pk}/").content.decode()
    assert "Batas waktu: <strong>10-07-2026</strong>" in html
