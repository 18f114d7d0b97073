from django.apps import AppConfig


class MonevConfig(AppConfig):
    name = "renja.monev"
    label = "monev"
    verbose_name = "Monitoring dan evaluasi"
