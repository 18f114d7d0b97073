"""Performance of the OPD beyond the Renja rows: IKU realisation per Renstra indicator per year (with the figures
behind it), the Renstra figures of a Renja indicator that the system cannot compute from its own realisation (a
baseline typed by the perencana, T-C.29 column 5 / E.81 columns 5-6), which programs support an IKU (the LKjIP
allocation tables), and the OPD's choice of efisiensi method. Derived figures (capaian, predikat, percentages behind
a count) are computed in renja.kinerja.selectors with renja.rumus, never stored."""

from django.conf import settings
from django.db import models

from renja.inti.fields import AngkaTepatField
from renja.organisasi.models import PerangkatDaerah
from renja.perencanaan.models import RenstraIndikator


class MetodeEfisiensi(models.TextChoices):
    A = "A", "Metode A: indeks efisiensi (capaian / serapan)"
    C = "C", "Metode C: selisih (capaian - serapan)"


class PengaturanEvaluasi(models.Model):
    """Per OPD: which efisiensi method its evaluation tables use (REGULASI.md §7; default A). No row = A."""

    opd = models.OneToOneField(PerangkatDaerah, on_delete=models.CASCADE, related_name="+")
    metode_efisiensi = models.CharField(max_length=1, choices=MetodeEfisiensi.choices, default=MetodeEfisiensi.A)
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "pengaturan evaluasi"
        verbose_name_plural = "pengaturan evaluasi"


class RealisasiIku(models.Model):
    """The realisation of one Renstra indicator (IKU) in one year: a number or a grade, and optionally the counts
    behind a percentage (e.g. 15.216 PPKS binaan mandiri of 125.326 PPKS). `jumlah_basis` is the population the
    percentage target applies to; the target count (5 % of 125.326 = 6.266) and the percentages are computed."""

    indikator = models.ForeignKey(RenstraIndikator, on_delete=models.CASCADE, related_name="realisasi_iku")
    tahun = models.PositiveSmallIntegerField()
    nilai = AngkaTepatField(null=True, blank=True)
    grade = models.CharField(max_length=4, blank=True)
    jumlah_realisasi = AngkaTepatField(null=True, blank=True, help_text="mis. 15.216 PPKS binaan yang mandiri")
    jumlah_basis = AngkaTepatField(null=True, blank=True, help_text="mis. 125.326 PPKS di Kota Bekasi")
    nilai_pendukung = models.CharField(max_length=120, blank=True, help_text="mis. nilai AKIP 77,29")
    keterangan = models.TextField(blank=True)
    sumber = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    diubah_pada = models.DateTimeField(auto_now=True)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "realisasi IKU"
        verbose_name_plural = "realisasi IKU"
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun"], name="uniq_realisasi_iku_tahun")]

    def __str__(self):
        return f"Realisasi {self.indikator} {self.tahun}"


class IkuPendukung(models.Model):
    """A program of the Renja of `tahun` that supports an IKU (LKjIP Tabel 3.9 / 3.16: allocation per IKU)."""

    indikator = models.ForeignKey(RenstraIndikator, on_delete=models.CASCADE, related_name="pendukung")
    tahun = models.PositiveSmallIntegerField()
    kode_program = models.CharField(max_length=24)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "program pendukung IKU"
        verbose_name_plural = "program pendukung IKU"
        ordering = ["indikator", "tahun", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun", "kode_program"], name="uniq_iku_pendukung")
        ]


class CapaianRenstraAwal(models.Model):
    """Renstra figures of one Renja indicator (row code + indicator position) the system cannot compute: the
        Renstra's end-of-period target and the realisation up to `sampai_tahun` (T-C.29 column 5, E.81 column 6) when
        that year's realisation is not in the system, and the next year's target when that Renja is not in the system
    (T-C.29 column 9). Typed by the perencana."""

    opd = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="+")
    kode = models.CharField(max_length=24)
    urutan = models.PositiveSmallIntegerField(default=0)
    target_akhir_nilai = AngkaTepatField(null=True, blank=True)
    target_akhir_grade = models.CharField(max_length=4, blank=True)
    sampai_tahun = models.PositiveSmallIntegerField(null=True, blank=True)
    realisasi_nilai = AngkaTepatField(null=True, blank=True)
    realisasi_grade = models.CharField(max_length=4, blank=True)
    target_berikut_nilai = AngkaTepatField(
        null=True, blank=True, help_text="target tahun berikutnya (T-C.29 kolom 9) bila Renja tahun itu belum ada"
    )
    target_berikut_grade = models.CharField(max_length=4, blank=True)
    sumber = models.TextField(blank=True)
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "capaian Renstra awal"
        verbose_name_plural = "capaian Renstra awal"
        constraints = [models.UniqueConstraint(fields=["opd", "kode", "urutan"], name="uniq_capaian_renstra_awal")]


# --- kinerja pelayanan (T-C.30) and SPM targets --------------------------------------------------------------


class JenisPelayananDasar(models.TextChoices):
    """The five basic services of SPM sosial kabupaten/kota (PP 2/2018; renja.rumus.spm, same keys and order)."""

    DISABILITAS_TERLANTAR = "disabilitas_terlantar", "Rehabilitasi sosial dasar penyandang disabilitas terlantar"
    ANAK_TERLANTAR = "anak_terlantar", "Rehabilitasi sosial dasar anak terlantar"
    LANSIA_TERLANTAR = "lansia_terlantar", "Rehabilitasi sosial dasar lanjut usia terlantar"
    GELANDANGAN_PENGEMIS = "gelandangan_pengemis", "Rehabilitasi sosial dasar gelandangan dan pengemis"
    KORBAN_BENCANA = "korban_bencana", "Perlindungan dan jaminan sosial korban bencana"


class KinerjaPelayanan(models.Model):
    """One line of the table of kinerja pelayanan (T-C.30; the seed's Tabel 2.3): the indicator of the service,
    the SPM indicator it answers, the IKK, a note; its figures per year are KinerjaPelayananTahun rows."""

    opd = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="+")
    urutan = models.PositiveSmallIntegerField(default=0)
    indikator = models.TextField(help_text="indikator kinerja pelayanan")
    spm = models.TextField(blank=True, help_text="indikator Standar Pelayanan Minimal / standar nasional")
    ikk = models.TextField(blank=True, help_text="indikator kinerja kunci")
    satuan = models.CharField(max_length=60, blank=True)
    catatan = models.TextField(blank=True, help_text="catatan analisis")
    sumber = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "kinerja pelayanan"
        verbose_name_plural = "kinerja pelayanan"
        ordering = ["opd", "urutan", "id"]

    def __str__(self):
        return self.spm or self.indikator


class KinerjaPelayananTahun(models.Model):
    """Figures of one T-C.30 line for one year: the Renstra target, the realisation, the projection. Empty =
    not known (never 0)."""

    baris = models.ForeignKey(KinerjaPelayanan, on_delete=models.CASCADE, related_name="tahun_nilai")
    tahun = models.PositiveSmallIntegerField()
    target = AngkaTepatField(null=True, blank=True)
    realisasi = AngkaTepatField(null=True, blank=True)
    proyeksi = AngkaTepatField(null=True, blank=True)

    class Meta:
        ordering = ["baris", "tahun"]
        constraints = [models.UniqueConstraint(fields=["baris", "tahun"], name="uniq_kinerja_pelayanan_tahun")]


class SpmTarget(models.Model):
    """The target of one basic service of SPM for one year (the seed's second Tabel 3.2: 300 Orang ...)."""

    opd = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="+")
    tahun = models.PositiveSmallIntegerField()
    jenis = models.CharField(max_length=24, choices=JenisPelayananDasar.choices)
    indikator = models.TextField(help_text="indikator capaian")
    target = AngkaTepatField(null=True, blank=True)
    satuan = models.CharField(max_length=60, blank=True)
    sumber = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "target SPM"
        verbose_name_plural = "target SPM"
        constraints = [models.UniqueConstraint(fields=["opd", "tahun", "jenis"], name="uniq_spm_target")]

    def __str__(self):
        return f"SPM {self.get_jenis_display()} {self.tahun}"
