"""The public survey form at the short address /s/<token>/ (no login)."""

from django.urls import path

from renja.ikm import views_publik

app_name = "ikm_publik"
urlpatterns = [
    path("<str:token>/", views_publik.survei, name="survei"),
    path("<str:token>/terima-kasih/", views_publik.selesai, name="selesai"),
]
