"""Login throttling with django-axes: lock out a user name + client address after repeated failures.

Settings (README "Pengaturan"): RENJA_LOGIN_GAGAL_MAKS failures (default 5), then RENJA_LOGIN_JEDA_MENIT minutes
(default 15) of cool-off counted from the lockout. The client address is renja.inti.klien.alamat_klien.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import render

from renja.inti.services import login_lockout_record


def _menit() -> int:
    jeda = settings.AXES_COOLOFF_TIME
    return max(1, int(jeda.total_seconds() // 60)) if jeda else 0


def pesan_terkunci() -> str:
    menit = _menit()
    tunggu = f"Coba lagi setelah {menit} menit" if menit else "Hubungi admin untuk membukanya"
    return (
        f"Terlalu banyak percobaan masuk yang gagal ({settings.AXES_FAILURE_LIMIT} kali) untuk nama pengguna ini "
        f"dari alamat Anda. Akun dikunci sementara. {tunggu}."
    )


def respons_terkunci(request, original_response=None, credentials=None):
    """The login page again, with the lockout message (HTTP 429)."""
    username = get_client_username(request, credentials) or ""
    form = AuthenticationForm(request, initial={"username": username})
    context = {"form": form, "terkunci": pesan_terkunci(), "next": request.POST.get("next", "")}
    return render(request, "inti/masuk.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


class PenanganAxes(AxesDatabaseHandler):
    """axes' database handler, plus one AuditEvent at the moment a lockout starts (not for each later try)."""

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        sudah_terkunci = bool(getattr(request, "axes_locked_out", False))
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is None or sudah_terkunci or not getattr(request, "axes_locked_out", False):
            return
        username = get_client_username(request, credentials) or ""
        attempt = (
            AccessAttempt.objects.filter(username=username, ip_address=request.axes_ip_address)
            .order_by("-attempt_time")
            .first()
        )
        login_lockout_record(
            username=username,
            alamat=request.axes_ip_address,
            gagal=getattr(request, "axes_failures_since_start", 0),
            attempt=attempt,
        )
