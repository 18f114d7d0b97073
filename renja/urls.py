from django.contrib.auth import views as auth_views
from django.urls import include, path

from renja.monev import views_dasbor as monev_dasbor
from renja.monev.narasi import katalog_monev
from renja.organisasi import access, views_notifikasi
from renja.organisasi import views as organisasi_views
from renja.perencanaan import urls as perencanaan_urls
from renja.perencanaan.narasi import katalog_perencanaan


def katalog_narasi():
    """Every narrative placeholder: the plan's own figures and the year n-2 evaluation (monev)."""
    return katalog_perencanaan() | katalog_monev()


urlpatterns = [
    path("", monev_dasbor.beranda, name="beranda"),  # setup for a new admin, dashboard for operators, else Renja
    path("masuk/", access.public(organisasi_views.Masuk.as_view()), name="masuk"),
    path("keluar/", access.public(auth_views.LogoutView.as_view()), name="keluar"),
    path("notifikasi/", views_notifikasi.notifikasi_list, name="notifikasi"),
    path("notifikasi/baca/", views_notifikasi.notifikasi_baca, name="notifikasi_baca"),
    path("nomenklatur/", include("renja.nomenklatur.urls")),
    path("renja/", include((perencanaan_urls.urlpatterns_dengan(katalog_narasi), "perencanaan"))),
    path("", include("renja.organisasi.urls")),
    path("monev/", include("renja.monev.urls")),
    path("evaluasi/", include("renja.kinerja.urls")),
    path("periksa/", include("renja.pemeriksaan.urls")),
    path("ikm/", include("renja.ikm.urls")),
    path("s/", include("renja.ikm.urls_publik")),  # short public survey links (QR codes)
    path("ikm/hasil/", include("renja.ikm.urls_hasil")),  # results, reports, paper import, IKU link (ikmb)
    path("periksa/impor-tahap/", include("renja.pemeriksaan.urls_impor")),
    path("dokumen/", include("renja.dokumen.urls")),
]

handler403 = "renja.inti.views.error_403"
handler404 = "renja.inti.views.error_404"
handler500 = "renja.inti.views.error_500"
