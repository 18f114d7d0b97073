"""Which survey period feeds which IKU realisation (issue 9 part 6). The IKU's realisation itself lives in
renja.kinerja (RealisasiIku, an input there); this row remembers that it was taken from a survey, so the survey page
can show the link, offer to refresh it when the responses changed, and the IKU's `sumber` can point back here."""

from django.conf import settings
from django.db import models

from renja.ikm.models import Periode
from renja.perencanaan.models import RenstraIndikator


class TautanIku(models.Model):
    """The IKM of `periode` taken as the realisation of IKU `indikator` in `tahun` (one survey per IKU-year)."""

    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="tautan_iku")
    indikator = models.ForeignKey(RenstraIndikator, on_delete=models.CASCADE, related_name="+")
    tahun = models.PositiveSmallIntegerField()
    diubah_pada = models.DateTimeField(auto_now=True)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "tautan IKU"
        verbose_name_plural = "tautan IKU"
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun"], name="uniq_ikm_tautan_iku_tahun")]

    def __str__(self):
        return f"IKM {self.periode.kode} -> IKU {self.indikator_id} {self.tahun}"
