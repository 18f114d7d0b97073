"""Transactions imported from a SIPD-RI realisation export (renja.monev.impor).

One row per transaction line, keyed as SIPD keys it: nomor_dokumen + kode_rekening + kode_sub_giat (per Renja).
The realisation of a sub kegiatan in a month (RealisasiKeuangan) is derived from these when an import is confirmed;
they are kept so a re-import can tell a new transaction, a changed amount and an unchanged one apart. Transactions
whose sub kegiatan is not in the stage in force are kept too (row NULL) and listed, never dropped silently.
"""

from django.conf import settings
from django.db import models

from renja.inti.fields import MoneyField
from renja.perencanaan.models import Renja, RenjaRow


class TransaksiSipd(models.Model):
    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="+")
    row = models.ForeignKey(RenjaRow, null=True, blank=True, on_delete=models.RESTRICT, related_name="+")
    kode_sub_giat = models.CharField(max_length=60)
    nomor_dokumen = models.CharField(max_length=120)
    kode_rekening = models.CharField(max_length=60)
    nama_rekening = models.CharField(max_length=300, blank=True)
    jenis_dokumen = models.CharField(max_length=20, blank=True)
    jenis_transaksi = models.CharField(max_length=4)
    tanggal_dokumen = models.DateTimeField()
    bulan = models.PositiveSmallIntegerField(help_text="bulan tanggal_dokumen di Asia/Jakarta")
    nilai_realisasi = MoneyField()
    nilai_setoran = MoneyField()
    berkas = models.CharField(max_length=200, blank=True, help_text="nama berkas impor terakhir")
    diimpor_pada = models.DateTimeField(auto_now=True)
    diimpor_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "transaksi SIPD"
        verbose_name_plural = "transaksi SIPD"
        constraints = [
            models.UniqueConstraint(
                fields=["renja", "nomor_dokumen", "kode_rekening", "kode_sub_giat"], name="uniq_transaksi_sipd"
            ),
            models.CheckConstraint(condition=models.Q(bulan__gte=1, bulan__lte=12), name="transaksi_sipd_bulan_sah"),
        ]
        indexes = [models.Index(fields=["renja", "kode_sub_giat", "bulan"])]

    def __str__(self):
        return f"{self.nomor_dokumen} {self.kode_rekening} {self.kode_sub_giat}"
