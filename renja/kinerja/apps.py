from django.apps import AppConfig


class KinerjaConfig(AppConfig):
    name = "renja.kinerja"
    label = "kinerja"
    verbose_name = "Kinerja (IKU, LKjIP)"
