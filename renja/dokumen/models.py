from django.conf import settings
from django.db import models

from renja.perencanaan.models import Tahap


class Format(models.TextChoices):
    DOCX = "docx", "Word (DOCX)"
    PDF = "pdf", "PDF"
    XLSX = "xlsx", "Excel (XLSX, satu lembar per tabel)"


class StatusBerkas(models.TextChoices):
    ANTRE = "antre", "Menunggu giliran"
    PROSES = "proses", "Sedang dibuat"
    SELESAI = "selesai", "Selesai"
    GAGAL = "gagal", "Gagal"


class DokumenBerkas(models.Model):
    """One requested Renja document of a stage: the signer printed on it (the Kepala Dinas, or a Plt./Plh. named
    for this document, with place and date), its progress while the background task builds it, and the file
    in the media folder when done. Requests are kept, so what was printed for whom stays known."""

    tahap = models.ForeignKey(Tahap, on_delete=models.CASCADE, related_name="dokumen_berkas")
    format = models.CharField(max_length=4, choices=Format.choices)
    status = models.CharField(max_length=8, choices=StatusBerkas.choices, default=StatusBerkas.ANTRE)
    kemajuan = models.PositiveSmallIntegerField(default=0, help_text="persen, 0-100")
    langkah = models.CharField(max_length=80, blank=True)
    pesan = models.TextField(blank=True, help_text="mengapa pembuatan gagal")
    berkas = models.FileField(upload_to="dokumen/%Y/", blank=True, max_length=300)
    nama_berkas = models.CharField(max_length=200, blank=True)
    ttd_nama = models.CharField(max_length=120)
    ttd_pangkat = models.CharField(max_length=80, blank=True)
    ttd_nip = models.CharField(max_length=30, blank=True)
    ttd_jabatan = models.CharField(max_length=120)
    ttd_sebutan = models.CharField(
        max_length=4, blank=True, choices=[("", "Definitif"), ("Plt.", "Plt."), ("Plh.", "Plh.")]
    )
    ttd_tempat = models.CharField(max_length=60, blank=True)
    ttd_tanggal = models.DateField(null=True, blank=True)
    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diminta_pada = models.DateTimeField(auto_now_add=True)
    selesai_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "berkas dokumen"
        verbose_name_plural = "berkas dokumen"
        ordering = ["-diminta_pada", "-id"]

    def __str__(self):
        return f"{self.nama_berkas or 'Dokumen'} ({self.get_format_display()}, {self.get_status_display()})"

    @property
    def opd_id(self) -> int:
        return self.tahap.renja.opd_id

    @property
    def selesai(self) -> bool:
        return self.status in (StatusBerkas.SELESAI, StatusBerkas.GAGAL)
