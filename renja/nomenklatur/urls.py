from django.urls import path

from renja.nomenklatur import views

app_name = "nomenklatur"
urlpatterns = [
    path("", views.nomenklatur_list, name="list"),
    path("<str:versi>/<str:kode>/", views.nomenklatur_detail, name="detail"),
]
