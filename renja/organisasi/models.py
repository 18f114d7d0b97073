from django.conf import settings
from django.db import models

from renja.organisasi.validators import nip_tampil


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
    kepala_pangkat = models.CharField(
        max_length=80, blank=True, help_text="pangkat/golongan, mis. Pembina Utama Muda (IV/c)"
    )
    kepala_nip = models.CharField(max_length=30, blank=True, help_text="18 digit, disimpan tanpa spasi")
    kepala_jabatan = models.CharField(max_length=120, blank=True)

    class Meta:
        verbose_name = "perangkat daerah"
        verbose_name_plural = "perangkat daerah"
        constraints = [models.UniqueConstraint(fields=["pemda", "kode"], name="uniq_opd_kode_per_pemda")]
        ordering = ["kode"]

    def __str__(self):
        return f"{self.nama} {self.pemda}"

    @property
    def kepala_nip_tampil(self) -> str:
        return nip_tampil(self.kepala_nip)

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
    """A user's role in one scope: one OPD (operators: one unit of it), one whole Pemda (admin, pemeriksa), or
    the installation (admin with neither OPD nor Pemda)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="penugasan")
    peran = models.CharField(max_length=12, choices=Peran.choices)
    pemda = models.ForeignKey(Pemda, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    opd = models.ForeignKey(PerangkatDaerah, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(UnitKerja, null=True, blank=True, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "penugasan peran"
        verbose_name_plural = "penugasan peran"
        # NULLs are distinct in unique indexes on both databases, so each scope gets its own partial index.
        constraints = [
            models.UniqueConstraint(
                fields=["user", "peran", "unit"], condition=models.Q(unit__isnull=False), name="uniq_penugasan_unit"
            ),
            models.UniqueConstraint(
                fields=["user", "peran", "opd"],
                condition=models.Q(opd__isnull=False, unit__isnull=True),
                name="uniq_penugasan_opd",
            ),
            models.UniqueConstraint(
                fields=["user", "peran", "pemda"], condition=models.Q(pemda__isnull=False), name="uniq_penugasan_pemda"
            ),
            models.UniqueConstraint(
                fields=["user", "peran"],
                condition=models.Q(opd__isnull=True, pemda__isnull=True),
                name="uniq_penugasan_instalasi",
            ),
            models.CheckConstraint(
                condition=models.Q(opd__isnull=False, pemda__isnull=True)
                | models.Q(opd__isnull=True, pemda__isnull=False, peran__in=["admin", "pemeriksa"])
                | models.Q(opd__isnull=True, pemda__isnull=True, peran="admin"),
                name="penugasan_lingkup",
            ),
            models.CheckConstraint(
                condition=~models.Q(peran="operator") | models.Q(unit__isnull=False), name="operator_unit_wajib"
            ),
        ]

    def __str__(self):
        where = self.unit or self.opd or self.pemda or "seluruh instalasi"
        return f"{self.user} — {self.get_peran_display()} — {where}"

    @property
    def lingkup(self) -> str:
        if self.opd_id:
            return "unit" if self.unit_id else "opd"
        return "pemda" if self.pemda_id else "instalasi"


class Akun(models.Model):
    """What Renja keeps about a user beside Django's User: the scope whose admins manage the account (a Pemda,
    optionally one OPD of it; neither for installation admins), NIP and jabatan, and whether the password is a
    one-time password that must be changed at the next login."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="akun")
    pemda = models.ForeignKey(Pemda, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    opd = models.ForeignKey(PerangkatDaerah, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    nip = models.CharField(max_length=18, blank=True)
    jabatan = models.CharField(max_length=120, blank=True)
    wajib_ganti_sandi = models.BooleanField(default=False)

    class Meta:
        verbose_name = "akun"
        verbose_name_plural = "akun"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opd__isnull=True) | models.Q(pemda__isnull=False), name="akun_opd_dalam_pemda"
            )
        ]

    def __str__(self):
        return str(self.user)

    @property
    def nip_tampil(self) -> str:
        return nip_tampil(self.nip)
