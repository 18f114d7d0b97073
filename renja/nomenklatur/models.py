from django.db import models


class NomenklaturVersi(models.Model):
    """One official list of codes (a Kepmendagri or a SIPD update)."""

    kode = models.CharField(max_length=10, unique=True, help_text="mis. 2023, 2027")
    nama = models.CharField(max_length=200)
    dasar_hukum = models.CharField(max_length=300, blank=True)
    tahun_berlaku = models.PositiveSmallIntegerField(help_text="tahun anggaran pertama yang memakai versi ini")

    class Meta:
        verbose_name = "versi nomenklatur"
        verbose_name_plural = "versi nomenklatur"
        ordering = ["tahun_berlaku"]

    def __str__(self):
        return self.nama


class Tingkat(models.TextChoices):
    URUSAN = "urusan", "Urusan"
    BIDANG_URUSAN = "bidang_urusan", "Bidang Urusan"
    PROGRAM = "program", "Program"
    KEGIATAN = "kegiatan", "Kegiatan"
    SUB_KEGIATAN = "sub_kegiatan", "Sub Kegiatan"


class Nomenklatur(models.Model):
    """One code of one version. The generic support programme is stored as X.XX.01... as in the lists."""

    versi = models.ForeignKey(NomenklaturVersi, on_delete=models.CASCADE, related_name="entri")
    kode = models.CharField(max_length=24)
    tingkat = models.CharField(max_length=14, choices=Tingkat.choices)
    nama = models.TextField()
    induk = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="anak")
    kinerja = models.TextField(blank=True)
    indikator = models.TextField(blank=True)
    satuan = models.CharField(max_length=120, blank=True)
    spm = models.BooleanField(default=False)
    jenis_pemda = models.CharField(max_length=8, blank=True, help_text="PROV, KABKOT, atau kosong bila keduanya")
    definisi = models.TextField(blank=True)

    class Meta:
        verbose_name = "nomenklatur"
        verbose_name_plural = "nomenklatur"
        constraints = [models.UniqueConstraint(fields=["versi", "kode"], name="uniq_nomenklatur_versi_kode")]
        # The browse page filters one version by level, ordered by code.
        indexes = [models.Index(fields=["versi", "tingkat", "kode"], name="nomenklatur_tingkat_idx")]
        ordering = ["versi", "kode"]

    def __str__(self):
        return f"{self.kode} {self.nama}"


class KodeRemap(models.Model):
    """A code of an older version and the code that replaces it in a newer one."""

    versi_lama = models.ForeignKey(NomenklaturVersi, on_delete=models.CASCADE, related_name="+")
    kode_lama = models.CharField(max_length=24)
    nama_lama = models.TextField(blank=True, help_text="nama sub kegiatan lama seperti tertulis di daftar baru")
    versi_baru = models.ForeignKey(NomenklaturVersi, on_delete=models.CASCADE, related_name="remap")
    kode_baru = models.CharField(max_length=24)

    class Meta:
        verbose_name = "pemetaan kode"
        verbose_name_plural = "pemetaan kode"
        constraints = [
            models.UniqueConstraint(fields=["versi_baru", "kode_lama", "kode_baru"], name="uniq_remap"),
        ]
        # "what replaced this old code" and "what did this new code replace", both asked per code.
        indexes = [
            models.Index(fields=["versi_lama", "kode_lama"], name="remap_lama_idx"),
            models.Index(fields=["versi_baru", "kode_baru"], name="remap_baru_idx"),
        ]

    def __str__(self):
        return f"{self.kode_lama} → {self.kode_baru}"
