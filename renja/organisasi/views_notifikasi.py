"""The signed-in user's notifications (the model and its services are renja.inti.notifikasi). The pages live here,
beside the other pages that need a signed-in user, because inti stands below organisasi and its access marks."""

from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from renja.inti.models import Notifikasi
from renja.inti.notifikasi import notifikasi_list as daftar
from renja.inti.notifikasi import notifikasi_tandai_dibaca
from renja.organisasi import access


@access.login_required
def notifikasi_list(request):
    """The signed-in user's own notifications; nobody reads another user's."""
    return render(request, "inti/notifikasi.html", {"daftar": list(daftar(user=request.user))})


@require_POST
@access.login_required
def notifikasi_baca(request):
    """Mark one (`id`) or all notifications read; with `buka`, go to the notification's page."""
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
