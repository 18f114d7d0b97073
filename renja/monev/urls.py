from django.urls import path

from renja.monev import views, views_dasbor, views_impor, views_peringatan

app_name = "monev"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:renja_id>/", views.renja_ringkasan, name="renja"),
    path("<int:renja_id>/tw/<int:tw>/unit/<int:unit_id>/", views.grid, name="grid"),
    path("<int:renja_id>/tw/<int:tw>/unit/<int:unit_id>/ajukan/", views.unit_ajukan, name="unit_ajukan"),
    path("<int:renja_id>/tw/<int:tw>/unit/<int:unit_id>/verifikasi/", views.unit_verifikasi, name="unit_verifikasi"),
    path("<int:renja_id>/tw/<int:tw>/unit/<int:unit_id>/kembalikan/", views.unit_kembalikan, name="unit_kembalikan"),
    path("<int:renja_id>/tw/<int:tw>/program-kegiatan/", views.grid_atas, name="grid_atas"),
    path("<int:renja_id>/tw/<int:tw>/sel/", views.sel_simpan, name="sel"),
    path("<int:renja_id>/tw/<int:tw>/baris/<int:row_id>/", views.baris, name="baris"),
    path("<int:renja_id>/tw/<int:tw>/baris/<int:row_id>/catatan/", views.catatan_tambah, name="catatan"),
    path("<int:renja_id>/tw/<int:tw>/baris/<int:row_id>/bukti/", views.bukti_unggah, name="bukti_unggah"),
    path("<int:renja_id>/tw/<int:tw>/setujui/", views.triwulan_setujui, name="setujui"),
    path("<int:renja_id>/tw/<int:tw>/buka/", views.triwulan_buka, name="buka"),
    path("<int:renja_id>/tw/<int:tw>/batas-waktu/", views.triwulan_batas_waktu, name="batas_waktu"),
    path("<int:renja_id>/tw/<int:tw>/belum-mengisi/", views.belum_mengisi, name="belum_mengisi"),
    path(
        "pemda/<int:pemda_id>/<int:tahun>/tw/<int:tw>/belum-mengisi/",
        views.belum_mengisi_pemda,
        name="belum_mengisi_pemda",
    ),
    path("dasbor/", views_dasbor.dasbor_index, name="dasbor_index"),
    path("<int:renja_id>/dasbor/", views_dasbor.dasbor_opd, name="dasbor"),
    path("<int:renja_id>/impor/", views_impor.impor_realisasi, name="impor"),
    path("<int:renja_id>/peringatan/", views_peringatan.peringatan_dini, name="peringatan"),
    path("<int:renja_id>/rencana-penarikan/", views_peringatan.rencana_penarikan, name="rencana_penarikan"),
    path(
        "<int:renja_id>/rencana-penarikan/<int:row_id>/",
        views_peringatan.rencana_penarikan_simpan,
        name="rencana_penarikan_simpan",
    ),
    path("<int:renja_id>/ambang-peringatan/", views_peringatan.ambang_simpan, name="ambang_simpan"),
    path("bukti/<int:bukti_id>/", views.bukti_unduh, name="bukti"),
    path("bukti/<int:bukti_id>/hapus/", views.bukti_hapus, name="bukti_hapus"),
]
