"""Inputs of the early warning (renja.monev.peringatan): the monthly disbursement plan (rencana penarikan dana) per
sub kegiatan, the PPTK of a sub kegiatan, and the thresholds per Renja. Projections are computed, never stored."""

from django.conf import settings
from django.db import models

from renja.inti.fields import AngkaTepatField, MoneyField
from renja.perencanaan.models import Renja, RenjaRow


class RencanaPenarikan(models.Model):
    """Rupiah planned to be disbursed on one sub kegiatan (row of the stage in force) in one month."""

    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="+")
    row = models.ForeignKey(RenjaRow, on_delete=models.RESTRICT, related_name="+")
    bulan = models.PositiveSmallIntegerField()
    jumlah = MoneyField()
    diubah_pada = models.DateTimeField(auto_now=True)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "rencana penarikan dana"
        verbose_name_plural = "rencana penarikan dana"
        constraints = [
            models.UniqueConstraint(fields=["row", "bulan"], name="uniq_rencana_penarikan_bulan"),
            models.CheckConstraint(condition=models.Q(bulan__gte=1, bulan__lte=12), name="rencana_penarikan_bulan_sah"),
        ]


class PptkSubKegiatan(models.Model):
    """The Pejabat Pelaksana Teknis Kegiatan of a sub kegiatan, named on the early-warning list when set."""

    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="+")
    row = models.OneToOneField(RenjaRow, on_delete=models.RESTRICT, related_name="+")
    nama = models.CharField(max_length=150)
    nip = models.CharField(max_length=18, blank=True)

    class Meta:
        verbose_name = "PPTK sub kegiatan"
        verbose_name_plural = "PPTK sub kegiatan"


class AmbangPeringatan(models.Model):
    """Thresholds (percent) under which a projected year-end serapan or capaian is listed; none = the defaults."""

    renja = models.OneToOneField(Renja, on_delete=models.CASCADE, related_name="+")
    serapan = AngkaTepatField()
    capaian = AngkaTepatField()
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "ambang peringatan dini"
        verbose_name_plural = "ambang peringatan dini"
