from django.apps import AppConfig


class DokumenConfig(AppConfig):
    name = "renja.dokumen"
    label = "dokumen"
    verbose_name = "Dokumen"
