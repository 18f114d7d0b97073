from django.apps import AppConfig


class OrganisasiConfig(AppConfig):
    name = "renja.organisasi"
    label = "organisasi"
