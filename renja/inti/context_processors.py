from django.conf import settings


def renja(request):
    return {"RENJA_DEMO": settings.RENJA_DEMO}
