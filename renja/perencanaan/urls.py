from django.urls import path

from renja.perencanaan import views

app_name = "perencanaan"
urlpatterns = [
    path("", views.renja_list, name="list"),
    path("<int:renja_id>/", views.renja_detail, name="detail"),
    path("<int:renja_id>/selisih/", views.renja_diff, name="diff"),
    path("<int:renja_id>/tahap/baru/", views.tahap_create, name="tahap_create"),
    path("tahap/<int:tahap_id>/ajukan/", views.tahap_submit, name="tahap_submit"),
    path("tahap/<int:tahap_id>/tetapkan/", views.tahap_tetapkan, name="tahap_tetapkan"),
    path("tahap/<int:tahap_id>/kembalikan/", views.tahap_return, name="tahap_return"),
    path("tahap/<int:tahap_id>/riwayat/", views.tahap_history, name="tahap_history"),
    path("renstra/<int:renstra_id>/", views.renstra_detail, name="renstra"),
    path("baris/<int:row_id>/ubah/", views.subkegiatan_edit, name="subkegiatan_edit"),
    path("baris/<int:parent_id>/tambah/", views.subkegiatan_create, name="subkegiatan_create"),
    path("baris/<int:row_id>/hapus/", views.row_delete, name="row_delete"),
    path("baris/<int:row_id>/riwayat/", views.row_history, name="row_history"),
]
