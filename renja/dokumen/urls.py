from django.urls import path

from renja.dokumen import views

app_name = "dokumen"
urlpatterns = [
    path("tahap/<int:tahap_id>/", views.tahap_dokumen, name="tahap"),
    path("tahap/<int:tahap_id>/tabel/<str:kode>/", views.tabel, name="tabel"),
    path("berkas/<int:berkas_id>/", views.berkas, name="berkas"),
    path("berkas/<int:berkas_id>/unduh/", views.unduh, name="unduh"),
]
