from django.shortcuts import render


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
