from django.apps import AppConfig


class IkmConfig(AppConfig):
    name = "renja.ikm"
    label = "ikm"
    verbose_name = "Survei Kepuasan Masyarakat (IKM)"
