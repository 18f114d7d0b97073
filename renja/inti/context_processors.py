from functools import cache

from django.conf import settings

from renja.inti.notifikasi import notifikasi_belum_dibaca


def renja(request):
    user = getattr(request, "user", None)

    @cache
    def belum_dibaca() -> int:  # counted only when a template shows it, once per response
        return notifikasi_belum_dibaca(user=user)

    return {"RENJA_DEMO": settings.RENJA_DEMO, "notifikasi_belum_dibaca": belum_dibaca}
