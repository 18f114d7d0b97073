from django.urls import path

from renja.ikm import views_hasil as views

app_name = "ikm_hasil"
urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("<int:periode_id>/", views.hasil, name="hasil"),
    path("<int:periode_id>/laporan.pdf", views.laporan_pdf, name="laporan_pdf"),
    path("<int:periode_id>/laporan.docx", views.laporan_docx, name="laporan_docx"),
    path("<int:periode_id>/responden.xlsx", views.responden_xlsx, name="responden_xlsx"),
    path("<int:periode_id>/templat.xlsx", views.templat, name="templat"),
    path("<int:periode_id>/impor/", views.impor, name="impor"),
    path("<int:periode_id>/iku/", views.iku, name="iku"),
]
