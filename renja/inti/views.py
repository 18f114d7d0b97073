from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from renja.organisasi import access


def _error(request, template: str, status: int, pesan: str):
    return render(request, template, {"pesan": pesan}, status=status)


def error_403(request, exception=None):
    pesan = str(exception) if exception and str(exception) else "Anda tidak memiliki akses ke halaman ini."
    return _error(request, "403.html", 403, pesan)


def error_404(request, exception=None):
    pesan = str(exception) if exception and str(exception) and "Resolver404" not in repr(exception) else ""
    return _error(request, "404.html", 404, pesan or "Halaman yang Anda cari tidak ditemukan.")


def error_500(request):
    return render(request, "500.html", status=500)


@access.login_required
def notifikasi_list(request):
    """The signed-in user's own notifications; nobody reads another user's."""
    from renja.inti.notifikasi import notifikasi_list as daftar

    return render(request, "inti/notifikasi.html", {"daftar": list(daftar(user=request.user))})


@require_POST
@access.login_required
def notifikasi_baca(request):
    """Mark one (`id`) or all notifications read; with `buka`, go to the notification's page."""
    from renja.inti.models import Notifikasi
    from renja.inti.notifikasi import notifikasi_tandai_dibaca

    try:
        notif_id = int(request.POST.get("id", ""))
    except ValueError:
        notif_id = None
    notifikasi_tandai_dibaca(actor=request.user, notifikasi_id=notif_id)
    if notif_id is not None and request.POST.get("buka"):
        tautan = Notifikasi.objects.filter(pk=notif_id, penerima=request.user).values_list("tautan", flat=True).first()
        if tautan and url_has_allowed_host_and_scheme(tautan, allowed_hosts={request.get_host()}):
            return redirect(tautan)
    return redirect("notifikasi")
