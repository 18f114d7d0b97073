from django.shortcuts import redirect, render

from renja.organisasi import access


@access.login_required
def beranda(request):
    """Renja for those who plan; an admin whose scope holds no OPD yet is led to the setup pages."""
    ids = access.visible_opd_ids(request.user)
    if access.can_administer(request.user) and (ids == set() or (ids is None and not access.any_opd_exists())):
        return redirect("organisasi:kelola")
    return redirect("perencanaan:list")


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
