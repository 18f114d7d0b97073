"""Acceptances of findings over stored data: the perencana says a finding is known and why ("diterima")."""

from django.conf import settings
from django.db import models

from renja.perencanaan.models import Tahap

ALASAN_MAKS = 500


class Penerimaan(models.Model):
    """A finding of a stage marked accepted, with its reason. It holds while the figures the finding is about are
    unchanged: `sidik` is their digest when accepted; when the stage's data changes, the finding is recomputed with
    another digest and is listed as open again (the row stays, for the history, until accepted anew)."""

    tahap = models.ForeignKey(Tahap, on_delete=models.CASCADE, related_name="+")
    aturan = models.CharField(max_length=60)
    kunci = models.CharField(max_length=300, help_text="aturan|kode baris|isian (Temuan.kunci)")
    sidik = models.CharField(max_length=64, help_text="sidik angka yang diterima")
    alasan = models.CharField(max_length=ALASAN_MAKS)
    pesan = models.TextField(blank=True, help_text="pesan temuan ketika diterima")
    diterima_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diterima_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "temuan diterima"
        verbose_name_plural = "temuan diterima"
        constraints = [models.UniqueConstraint(fields=["tahap", "kunci"], name="uniq_penerimaan_temuan")]

    def __str__(self):
        return f"{self.kunci} diterima"
