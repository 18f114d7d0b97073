from django.urls import path

from renja.organisasi import views

app_name = "organisasi"
urlpatterns = [
    path("akun/sandi/", views.sandi, name="sandi"),
    path("kelola/", views.kelola, name="kelola"),
    path("kelola/pemda/baru/", views.pemda_create, name="pemda_create"),
    path("kelola/admin/baru/", views.instalasi_pengguna_create, name="admin_create"),
    path("kelola/pemda/<int:pemda_id>/", views.pemda_detail, name="pemda"),
    path("kelola/pemda/<int:pemda_id>/ubah/", views.pemda_edit, name="pemda_edit"),
    path("kelola/pemda/<int:pemda_id>/opd/baru/", views.opd_create, name="opd_create"),
    path("kelola/pemda/<int:pemda_id>/pengguna/baru/", views.pemda_pengguna_create, name="pemda_pengguna_create"),
    path("kelola/pemda/<int:pemda_id>/peran/", views.pemda_peran, name="pemda_peran"),
    path("kelola/pemda/<int:pemda_id>/impor/", views.impor_organisasi, name="impor"),
    path("kelola/impor/templat/", views.impor_templat, name="impor_templat"),
    path("kelola/opd/<int:opd_id>/", views.opd_detail, name="opd"),
    path("kelola/opd/<int:opd_id>/ubah/", views.opd_edit, name="opd_edit"),
    path("kelola/opd/<int:opd_id>/kepala/", views.opd_kepala, name="opd_kepala"),
    path("kelola/opd/<int:opd_id>/unit/baru/", views.unit_create, name="unit_create"),
    path("kelola/opd/<int:opd_id>/pengguna/baru/", views.opd_pengguna_create, name="opd_pengguna_create"),
    path("kelola/opd/<int:opd_id>/peran/", views.opd_peran, name="opd_peran"),
    path("kelola/unit/<int:unit_id>/ubah/", views.unit_edit, name="unit_edit"),
    path("kelola/unit/<int:unit_id>/geser/", views.unit_move, name="unit_move"),
    path("kelola/peran/<int:penugasan_id>/cabut/", views.peran_cabut, name="peran_cabut"),
    path("kelola/pengguna/<int:user_id>/", views.user_detail, name="pengguna"),
    path("kelola/pengguna/<int:user_id>/ubah/", views.user_edit, name="pengguna_edit"),
    path("kelola/pengguna/<int:user_id>/aktif/", views.user_aktif, name="pengguna_aktif"),
    path("kelola/pengguna/<int:user_id>/reset-sandi/", views.user_reset_sandi, name="pengguna_reset_sandi"),
]
