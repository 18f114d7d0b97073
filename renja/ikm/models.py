"""Survei Kepuasan Masyarakat (PermenPANRB 14/2017, REGULASI.md §1): the service units (layanan) of an OPD, its
survey periods, the questionnaire of a period (9 unsur, 4 answers each, plus optional extra questions), the public
link of a layanan in a period, and the responses. Derived figures (NRR, IKM, konversi, mutu, sample size) are
computed by renja.rumus.ikm / renja.rumus.sampel in selectors, never stored.

A response keeps no personal data beyond the profile bands: the client address is kept only as a keyed hash
(HMAC with SECRET_KEY) for the rate limit, never the address itself."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from renja.organisasi.models import PerangkatDaerah

JUMLAH_UNSUR = 9
SARAN_MAKS = 1000  # characters of the optional suggestion, public form and paper import alike
TEKS_TAMBAHAN_MAKS = 500  # characters of a free-text answer to an extra question


class Layanan(models.Model):
    """A public service unit of the OPD that is surveyed; `populasi` (users per period) sets the sample size."""

    opd = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="layanan_ikm")
    kode = models.CharField(max_length=20, help_text="mis. REHSOS")
    nama = models.CharField(max_length=200)
    populasi = models.PositiveIntegerField(null=True, blank=True, help_text="jumlah pengguna layanan per periode")
    aktif = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "layanan"
        verbose_name_plural = "layanan"
        ordering = ["opd", "kode"]
        constraints = [models.UniqueConstraint(fields=["opd", "kode"], name="uniq_ikm_layanan_kode")]

    def __str__(self):
        return f"{self.kode} {self.nama}"


class Periode(models.Model):
    """A survey period of the OPD (a year "2024" or a semester "2025-S1"). Responses are accepted while `terbuka`
    and today is within mulai..selesai."""

    opd = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="periode_ikm")
    kode = models.CharField(max_length=20, help_text='mis. "2024" atau "2025-S1"')
    nama = models.CharField(max_length=200)
    mulai = models.DateField()
    selesai = models.DateField()
    terbuka = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "periode survei"
        verbose_name_plural = "periode survei"
        ordering = ["opd", "-mulai", "kode"]
        constraints = [models.UniqueConstraint(fields=["opd", "kode"], name="uniq_ikm_periode_kode")]

    def __str__(self):
        return f"{self.kode} {self.nama}"


class Unsur(models.Model):
    """One of the 9 unsur of the period's questionnaire, with the question and its 4 answers (1 worst .. 4 best).
    Copied from the regulation's wording when the period is made; editable until the first response."""

    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="unsur")
    nomor = models.PositiveSmallIntegerField()
    nama = models.CharField(max_length=120)
    pertanyaan = models.CharField(max_length=300)
    pilihan_1 = models.CharField(max_length=80)
    pilihan_2 = models.CharField(max_length=80)
    pilihan_3 = models.CharField(max_length=80)
    pilihan_4 = models.CharField(max_length=80)

    class Meta:
        verbose_name = "unsur"
        verbose_name_plural = "unsur"
        ordering = ["periode", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["periode", "nomor"], name="uniq_ikm_unsur_nomor"),
            models.CheckConstraint(condition=models.Q(nomor__gte=1, nomor__lte=JUMLAH_UNSUR), name="ikm_unsur_1_9"),
        ]

    def __str__(self):
        return f"U{self.nomor} {self.nama}"

    @property
    def pilihan(self) -> list[tuple[int, str]]:
        return [(1, self.pilihan_1), (2, self.pilihan_2), (3, self.pilihan_3), (4, self.pilihan_4)]


class PertanyaanTambahan(models.Model):
    """An optional extra question of the period: answered on the same 1-4 scale, or as free text. Not part of the
    IKM (the regulation's index is over the 9 unsur); reported beside it. Frozen with the questionnaire."""

    class Jenis(models.TextChoices):
        SKALA = "skala", "Skala 1-4"
        TEKS = "teks", "Teks bebas"

    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="pertanyaan_tambahan")
    nomor = models.PositiveSmallIntegerField()
    teks = models.CharField(max_length=300)
    jenis = models.CharField(max_length=10, choices=Jenis.choices, default=Jenis.SKALA)

    class Meta:
        verbose_name = "pertanyaan tambahan"
        verbose_name_plural = "pertanyaan tambahan"
        ordering = ["periode", "nomor"]
        constraints = [models.UniqueConstraint(fields=["periode", "nomor"], name="uniq_ikm_tambahan_nomor")]

    def __str__(self):
        return f"T{self.nomor} {self.teks}"


class Tautan(models.Model):
    """The public short link (/s/<token>/) of one layanan in one period; the QR code and poster encode it."""

    layanan = models.ForeignKey(Layanan, on_delete=models.CASCADE, related_name="tautan")
    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="tautan")
    token = models.CharField(max_length=16, unique=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "tautan survei"
        verbose_name_plural = "tautan survei"
        constraints = [models.UniqueConstraint(fields=["layanan", "periode"], name="uniq_ikm_tautan")]

    def __str__(self):
        return f"/s/{self.token}/"


class ImporIkm(models.Model):
    """One import of paper questionnaires (all or nothing): the rows it added point to it."""

    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="impor")
    nama_berkas = models.CharField(max_length=255, blank=True)
    jumlah = models.PositiveIntegerField(default=0)
    diimpor_pada = models.DateTimeField(default=timezone.now)
    diimpor_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "impor IKM"
        verbose_name_plural = "impor IKM"
        ordering = ["-diimpor_pada", "-id"]

    def __str__(self):
        return f"Impor {self.nama_berkas} ({self.jumlah} responden)"


class JenisKelamin(models.TextChoices):
    L = "L", "Laki-laki"
    P = "P", "Perempuan"


class KelompokUsia(models.TextChoices):
    U_DI_BAWAH_20 = "<20", "Di bawah 20 tahun"
    U_20_29 = "20-29", "20–29 tahun"
    U_30_39 = "30-39", "30–39 tahun"
    U_40_49 = "40-49", "40–49 tahun"
    U_50_59 = "50-59", "50–59 tahun"
    U_60 = "60+", "60 tahun ke atas"


class Pendidikan(models.TextChoices):
    SD = "SD", "SD atau di bawahnya"
    SMP = "SMP", "SMP/sederajat"
    SMA = "SMA", "SMA/SMK/sederajat"
    D3 = "D1-D3", "Diploma (D1–D3)"
    S1 = "D4-S1", "D4/S1"
    S2 = "S2", "S2"
    S3 = "S3", "S3"


class Pekerjaan(models.TextChoices):
    PNS = "PNS", "PNS/TNI/Polri"
    SWASTA = "SWASTA", "Pegawai swasta"
    WIRASWASTA = "WIRASWASTA", "Wiraswasta/usaha"
    PELAJAR = "PELAJAR", "Pelajar/mahasiswa"
    TIDAK = "TIDAK", "Tidak bekerja/ibu rumah tangga"
    LAINNYA = "LAINNYA", "Lainnya"


class Responden(models.Model):
    """One completed questionnaire. u1..u9 are the answers 1-4 (None: not answered, paper forms only). The profile
    bands may be blank on a paper form. No audit event per response (the public form would flood the log); the
    responses themselves are the count, and an import writes one event for its batch."""

    class Sumber(models.TextChoices):
        DARING = "daring", "Daring"
        KERTAS = "kertas", "Kertas"
        DEMO = "demo", "Demo (sintetis)"

    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="responden")
    layanan = models.ForeignKey(Layanan, on_delete=models.PROTECT, related_name="responden")
    waktu = models.DateTimeField(default=timezone.now)
    sumber = models.CharField(max_length=10, choices=Sumber.choices, default=Sumber.DARING)
    jenis_kelamin = models.CharField(max_length=1, choices=JenisKelamin.choices, blank=True)
    kelompok_usia = models.CharField(max_length=5, choices=KelompokUsia.choices, blank=True)
    pendidikan = models.CharField(max_length=5, choices=Pendidikan.choices, blank=True)
    pekerjaan = models.CharField(max_length=10, choices=Pekerjaan.choices, blank=True)
    saran = models.CharField(max_length=SARAN_MAKS, blank=True)
    u1 = models.PositiveSmallIntegerField(null=True, blank=True)
    u2 = models.PositiveSmallIntegerField(null=True, blank=True)
    u3 = models.PositiveSmallIntegerField(null=True, blank=True)
    u4 = models.PositiveSmallIntegerField(null=True, blank=True)
    u5 = models.PositiveSmallIntegerField(null=True, blank=True)
    u6 = models.PositiveSmallIntegerField(null=True, blank=True)
    u7 = models.PositiveSmallIntegerField(null=True, blank=True)
    u8 = models.PositiveSmallIntegerField(null=True, blank=True)
    u9 = models.PositiveSmallIntegerField(null=True, blank=True)
    kunci_klien = models.CharField(max_length=64, blank=True, help_text="HMAC-SHA256 alamat klien, bukan alamatnya")
    impor = models.ForeignKey(ImporIkm, null=True, blank=True, on_delete=models.CASCADE, related_name="responden")

    class Meta:
        verbose_name = "responden"
        verbose_name_plural = "responden"
        ordering = ["periode", "waktu", "id"]
        indexes = [
            models.Index(fields=["periode", "layanan"]),
            models.Index(fields=["kunci_klien", "waktu"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"u{i}__isnull": True}) | models.Q(**{f"u{i}__gte": 1, f"u{i}__lte": 4}),
                name=f"ikm_responden_u{i}_1_4",
            )
            for i in range(1, JUMLAH_UNSUR + 1)
        ]

    def __str__(self):
        return f"Responden #{self.pk} {self.periode.kode}"

    @property
    def jawaban(self) -> list[int | None]:
        return [getattr(self, f"u{i}") for i in range(1, JUMLAH_UNSUR + 1)]


class JawabanTambahan(models.Model):
    """The answer of one respondent to one extra question: `nilai` 1-4 for a scale question, `teks` for free
    text."""

    responden = models.ForeignKey(Responden, on_delete=models.CASCADE, related_name="jawaban_tambahan")
    pertanyaan = models.ForeignKey(PertanyaanTambahan, on_delete=models.CASCADE, related_name="jawaban")
    nilai = models.PositiveSmallIntegerField(null=True, blank=True)
    teks = models.CharField(max_length=TEKS_TAMBAHAN_MAKS, blank=True)

    class Meta:
        verbose_name = "jawaban tambahan"
        verbose_name_plural = "jawaban tambahan"
        constraints = [
            models.UniqueConstraint(fields=["responden", "pertanyaan"], name="uniq_ikm_jawaban_tambahan"),
            models.CheckConstraint(
                condition=models.Q(nilai__isnull=True) | models.Q(nilai__gte=1, nilai__lte=4),
                name="ikm_jawaban_tambahan_1_4",
            ),
        ]


from renja.ikm.models_iku import TautanIku  # noqa: E402, F401 - the IKU link (renja.ikm.services_iku), migration 0002
