from django.apps import AppConfig


class PemeriksaanConfig(AppConfig):
    name = "renja.pemeriksaan"
    label = "pemeriksaan"
    verbose_name = "Pemeriksaan"
