from django.apps import AppConfig


class NomenklaturConfig(AppConfig):
    name = "renja.nomenklatur"
    label = "nomenklatur"
