from django.urls import path

from renja.kinerja import views

app_name = "kinerja"
urlpatterns = [
    path("<int:renja_id>/e81/", views.e81, name="e81"),
    path("<int:renja_id>/tc29/", views.tc29, name="tc29"),
    path("<int:renja_id>/lkjip/", views.lkjip, name="lkjip"),
    path("<int:renja_id>/basis-renstra/", views.basis, name="basis"),
    path("<int:renja_id>/iku/", views.iku, name="iku"),
    path("<int:renja_id>/metode-efisiensi/", views.metode_efisiensi, name="metode_efisiensi"),
    path("<int:renja_id>/spm/", views.spm, name="spm"),
]
