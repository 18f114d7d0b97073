from django.urls import path

from renja.pemeriksaan import views_impor

app_name = "pemeriksaan_impor"

urlpatterns = [
    path("<int:renja_id>/", views_impor.impor_tahap, name="tahap"),
    path("opd/<int:opd_id>/", views_impor.impor_renja_baru, name="renja_baru"),
]
