from django.conf import settings
from django.db import models


class Pemda(models.Model):
    class Jenis(models.TextChoices):
        PROVINSI = "provinsi", "Provinsi"
        KABUPATEN = "kabupaten", "Kabupaten"
        KOTA = "kota", "Kota"

    kode = models.CharField(max_length=10, unique=True, help_text="kode wilayah Kemendagri, mis. 32.75")
    nama = models.CharField(max_length=120, help_text="nama resmi lengkap, mis. Kota Bekasi")
    jenis = models.CharField(max_length=12, choices=Jenis.choices)

    class Meta:
        verbose_name = "pemerintah daerah"
        verbose_name_plural = "pemerintah daerah"

    def __str__(self):
        return self.nama


class PerangkatDaerah(models.Model):
    pemda = models.ForeignKey(Pemda, on_delete=models.PROTECT, related_name="perangkat_daerah")
    kode = models.CharField(max_length=30, help_text="kode unit SIPD, mis. 1.06.0.00.0.00.01.0000")
    nama = models.CharField(max_length=200)
    singkatan = models.CharField(max_length=30, blank=True)
    bidang_urusan = models.CharField(max_length=5, help_text="bidang urusan utama, mis. 1.06")
    kepala_nama = models.CharField(max_length=120, blank=True)
    kepala_nip = models.CharField(max_length=30, blank=True)
    kepala_jabatan = models.CharField(max_length=120, blank=True)

    class Meta:
        verbose_name = "perangkat daerah"
        verbose_name_plural = "perangkat daerah"
        constraints = [models.UniqueConstraint(fields=["pemda", "kode"], name="uniq_opd_kode_per_pemda")]
        ordering = ["kode"]

    def __str__(self):
        return f"{self.nama} {self.pemda}"

    @property
    def bidang_urusan_daftar(self) -> list[str]:
        """The bidang urusan this OPD carries, read from its SIPD unit code (see bidang_dari_kode_opd)."""
        return bidang_dari_kode_opd(self.kode) or ([self.bidang_urusan] if self.bidang_urusan else [])


def bidang_dari_kode_opd(kode: str) -> list[str]:
    """The one to three bidang urusan carried by an SIPD unit code X.XX.X.XX.X.XX.XX.XXXX, in order.

    1.06.0.00.0.00.01.0000 -> ['1.06']; 5.01.5.05.0.00.01.0000 -> ['5.01', '5.05'] ("0.00" is an empty slot).
    Returns [] when the code does not have the eight parts.
    """
    parts = (kode or "").strip().split(".")
    if len(parts) != 8:
        return []
    hasil = []
    for urusan, bidang in ((parts[0], parts[1]), (parts[2], parts[3]), (parts[4], parts[5])):
        if urusan != "0" and bidang.strip("0"):
            hasil.append(f"{urusan}.{bidang}")
    return hasil


class UnitKerja(models.Model):
    opd = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="unit_kerja")
    kode = models.SlugField(max_length=30)
    nama = models.CharField(max_length=200)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "unit kerja"
        verbose_name_plural = "unit kerja"
        constraints = [models.UniqueConstraint(fields=["opd", "kode"], name="uniq_unit_kode_per_opd")]
        ordering = ["opd", "urutan", "kode"]

    def __str__(self):
        return self.nama


class Peran(models.TextChoices):
    ADMIN = "admin", "Admin"
    PERENCANA = "perencana", "Perencana (seluruh OPD)"
    OPERATOR = "operator", "Operator (baris unit kerja)"
    PIMPINAN = "pimpinan", "Pimpinan (baca, ajukan, tetapkan)"
    PEMERIKSA = "pemeriksa", "Pemeriksa (baca saja: Bappeda, Inspektorat)"


class PenugasanPeran(models.Model):
    """A user's role in one OPD (and, for operators, one unit). Admin with no OPD is a global admin."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="penugasan")
    peran = models.CharField(max_length=12, choices=Peran.choices)
    opd = models.ForeignKey(PerangkatDaerah, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(UnitKerja, null=True, blank=True, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "penugasan peran"
        verbose_name_plural = "penugasan peran"
        constraints = [
            models.UniqueConstraint(fields=["user", "peran", "opd", "unit"], name="uniq_penugasan"),
            models.CheckConstraint(
                condition=models.Q(peran="admin") | models.Q(opd__isnull=False), name="penugasan_opd_wajib"
            ),
            models.CheckConstraint(
                condition=~models.Q(peran="operator") | models.Q(unit__isnull=False), name="operator_unit_wajib"
            ),
        ]

    def __str__(self):
        where = self.unit or self.opd or "semua OPD"
        return f"{self.user} — {self.get_peran_display()} — {where}"
