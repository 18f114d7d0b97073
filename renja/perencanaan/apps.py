from django.apps import AppConfig


class PerencanaanConfig(AppConfig):
    name = "renja.perencanaan"
    label = "perencanaan"
