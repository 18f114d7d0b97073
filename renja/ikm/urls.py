from django.urls import path

from renja.ikm import views_atur

app_name = "ikm"
urlpatterns = [
    path("", views_atur.index, name="index"),
    path("opd/<int:opd_id>/", views_atur.opd, name="opd"),
    path("opd/<int:opd_id>/layanan/baru/", views_atur.layanan_create, name="layanan_create"),
    path("opd/<int:opd_id>/periode/baru/", views_atur.periode_create, name="periode_create"),
    path("layanan/<int:layanan_id>/", views_atur.layanan_edit, name="layanan_edit"),
    path("periode/<int:periode_id>/", views_atur.periode, name="periode"),
    path("periode/<int:periode_id>/tambahan/", views_atur.tambahan_create, name="tambahan_create"),
    path("periode/<int:periode_id>/tautan/", views_atur.tautan_buat, name="tautan_buat"),
    path("unsur/<int:unsur_id>/", views_atur.unsur_edit, name="unsur_edit"),
    path("tambahan/<int:pertanyaan_id>/hapus/", views_atur.tambahan_delete, name="tambahan_delete"),
    path("tautan/<int:tautan_id>/qr.png", views_atur.tautan_qr_png, name="qr_png"),
    path("tautan/<int:tautan_id>/qr.svg", views_atur.tautan_qr_svg, name="qr_svg"),
    path("tautan/<int:tautan_id>/poster/", views_atur.tautan_poster, name="poster"),
]
