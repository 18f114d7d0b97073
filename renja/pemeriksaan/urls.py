from django.urls import path

from renja.pemeriksaan import views

app_name = "pemeriksaan"
urlpatterns = [
    path("aturan/", views.aturan_list, name="aturan"),
    path("dokumen/", views.dokumen_periksa, name="dokumen"),
    path("tahap/<int:tahap_id>/", views.tahap_temuan, name="tahap"),
    path("tahap/<int:tahap_id>/ringkas/", views.tahap_ringkas, name="ringkas"),
    path("tahap/<int:tahap_id>/terima/", views.temuan_terima, name="terima"),
]
