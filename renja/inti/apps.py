from django.apps import AppConfig


class IntiConfig(AppConfig):
    name = "renja.inti"
    label = "inti"
