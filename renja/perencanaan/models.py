from django.conf import settings
from django.db import models

from renja.inti.fields import AngkaTepatField, MoneyField
from renja.nomenklatur.models import Nomenklatur, NomenklaturVersi
from renja.organisasi.models import PerangkatDaerah, UnitKerja


class SumberDana(models.Model):
    kode = models.CharField(max_length=20, unique=True)
    nama = models.CharField(max_length=200)

    class Meta:
        verbose_name = "sumber dana"
        verbose_name_plural = "sumber dana"
        ordering = ["kode"]

    def __str__(self):
        return self.kode


class Polaritas(models.TextChoices):
    NAIK = "naik", "Semakin tinggi semakin baik"
    TURUN = "turun", "Semakin rendah semakin baik"


class Agregasi(models.TextChoices):
    """How the four quarters of realisasi combine (renja.rumus.capaian)."""

    JUMLAH = "jumlah", "Dijumlahkan (arus)"
    TERAKHIR = "terakhir", "Nilai terakhir (stok, persentase, indeks)"
    RATA_RATA = "rata_rata", "Rata-rata"
    MAKSIMUM = "maksimum", "Nilai tertinggi"


# --- Renstra ---------------------------------------------------------------------------------------------


class StatusRenstra(models.TextChoices):
    DRAFT = "draft", "Draf"
    DITETAPKAN = "ditetapkan", "Ditetapkan (terkunci)"


class Renstra(models.Model):
    opd = models.ForeignKey(PerangkatDaerah, on_delete=models.PROTECT, related_name="renstra")
    tahun_awal = models.PositiveSmallIntegerField()
    tahun_akhir = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=12, choices=StatusRenstra.choices, default=StatusRenstra.DRAFT)
    ditetapkan_pada = models.DateTimeField(null=True, blank=True)
    ditetapkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = "renstra"
        constraints = [models.UniqueConstraint(fields=["opd", "tahun_awal"], name="uniq_renstra_periode")]

    def __str__(self):
        return f"Renstra {self.opd.nama} {self.tahun_awal}-{self.tahun_akhir}"

    @property
    def tahun_list(self) -> list[int]:
        return list(range(self.tahun_awal, self.tahun_akhir + 1))

    @property
    def terkunci(self) -> bool:
        return self.status == StatusRenstra.DITETAPKAN


class RenstraTujuan(models.Model):
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="tujuan")
    kode = models.CharField(max_length=20)
    uraian = models.TextField()
    urutan = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["urutan"]

    def __str__(self):
        return f"{self.kode} {self.uraian}"


class RenstraSasaran(models.Model):
    tujuan = models.ForeignKey(RenstraTujuan, on_delete=models.CASCADE, related_name="sasaran")
    kode = models.CharField(max_length=20)
    uraian = models.TextField()
    urutan = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["urutan"]

    def __str__(self):
        return f"{self.kode} {self.uraian}"


class RenstraProgram(models.Model):
    """A program or kegiatan of the Renstra's programme table (the seed's trailing table): indicators with yearly
    targets, yearly pagu indikatif (typed on kegiatan; a program's is their sum) and the unit responsible."""

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="program")
    level = models.CharField(max_length=14, choices=[("program", "Program"), ("kegiatan", "Kegiatan")])
    kode = models.CharField(max_length=24)
    nama = models.TextField()
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    sasaran = models.ForeignKey(RenstraSasaran, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    unit = models.ForeignKey(UnitKerja, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    urutan = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "program renstra"
        verbose_name_plural = "program renstra"
        ordering = ["renstra", "urutan", "id"]
        constraints = [models.UniqueConstraint(fields=["renstra", "kode"], name="uniq_renstra_program_kode")]

    def __str__(self):
        return f"{self.kode} {self.nama}"


class RenstraPagu(models.Model):
    """Pagu indikatif of a Renstra kegiatan for one year."""

    program = models.ForeignKey(RenstraProgram, on_delete=models.CASCADE, related_name="pagu")
    tahun = models.PositiveSmallIntegerField()
    jumlah = MoneyField()

    class Meta:
        ordering = ["tahun"]
        constraints = [models.UniqueConstraint(fields=["program", "tahun"], name="uniq_renstra_pagu_tahun")]


class RenstraIndikator(models.Model):
    """An IKU (or tujuan indicator), or the indicator of a Renstra program/kegiatan, with one target per year."""

    tujuan = models.ForeignKey(RenstraTujuan, null=True, blank=True, on_delete=models.CASCADE, related_name="indikator")
    sasaran = models.ForeignKey(
        RenstraSasaran, null=True, blank=True, on_delete=models.CASCADE, related_name="indikator"
    )
    program = models.ForeignKey(
        RenstraProgram, null=True, blank=True, on_delete=models.CASCADE, related_name="indikator"
    )
    version = models.PositiveIntegerField(default=1)
    uraian = models.TextField()
    satuan = models.CharField(max_length=60, blank=True)
    polaritas = models.CharField(max_length=5, choices=Polaritas.choices, default=Polaritas.NAIK)
    kondisi_awal = models.CharField(max_length=60, blank=True)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["urutan"]

    def __str__(self):
        return self.uraian


class RenstraTarget(models.Model):
    indikator = models.ForeignKey(RenstraIndikator, on_delete=models.CASCADE, related_name="target")
    tahun = models.PositiveSmallIntegerField()
    nilai = AngkaTepatField(null=True, blank=True)
    grade = models.CharField(max_length=4, blank=True)

    class Meta:
        ordering = ["tahun"]
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun"], name="uniq_renstra_target_tahun")]


# --- Renja ---------------------------------------------------------------------------------------------


class Renja(models.Model):
    opd = models.ForeignKey(PerangkatDaerah, on_delete=models.PROTECT, related_name="renja")
    tahun = models.PositiveSmallIntegerField()
    nomenklatur_versi = models.ForeignKey(NomenklaturVersi, on_delete=models.PROTECT, related_name="+")
    renstra = models.ForeignKey(Renstra, null=True, blank=True, on_delete=models.SET_NULL, related_name="renja")

    class Meta:
        verbose_name_plural = "renja"
        constraints = [models.UniqueConstraint(fields=["opd", "tahun"], name="uniq_renja_opd_tahun")]
        ordering = ["-tahun"]

    def __str__(self):
        return f"Renja {self.opd.nama} {self.tahun}"


class JenisTahap(models.TextChoices):
    RANCANGAN_AWAL = "rancangan_awal", "Rancangan Awal"
    RANCANGAN = "rancangan", "Rancangan"
    RANCANGAN_AKHIR_RKPD = "rancangan_akhir_rkpd", "Rancangan Akhir RKPD"
    RANCANGAN_AKHIR = "rancangan_akhir", "Rancangan Akhir"
    PENETAPAN = "penetapan", "Penetapan"
    PERUBAHAN = "perubahan", "Perubahan"


URUTAN_TAHAP = {jenis: i for i, jenis in enumerate(JenisTahap.values)}


class StatusTahap(models.TextChoices):
    DRAFT = "draft", "Draf"
    DIAJUKAN = "diajukan", "Diajukan"
    DITETAPKAN = "ditetapkan", "Ditetapkan (terkunci)"


class Tahap(models.Model):
    """One stage (snapshot) of a Renja. Once ditetapkan it is locked for everybody, admin included."""

    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="tahap")
    jenis = models.CharField(max_length=24, choices=JenisTahap.choices)
    nomor = models.PositiveSmallIntegerField(default=1, help_text="ke-berapa, untuk Perubahan yang berulang")
    status = models.CharField(max_length=12, choices=StatusTahap.choices, default=StatusTahap.DRAFT)
    dibuat_dari = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    urutan = models.PositiveSmallIntegerField(default=0)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diajukan_pada = models.DateTimeField(null=True, blank=True)
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ditetapkan_pada = models.DateTimeField(null=True, blank=True)
    ditetapkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    catatan = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "tahap"
        ordering = ["renja", "urutan", "nomor"]
        constraints = [models.UniqueConstraint(fields=["renja", "jenis", "nomor"], name="uniq_tahap")]

    def __str__(self):
        label = self.get_jenis_display()
        return f"{label} {self.nomor}" if self.jenis == JenisTahap.PERUBAHAN else label

    @property
    def opd_id(self) -> int:
        return self.renja.opd_id

    @property
    def terkunci(self) -> bool:
        return self.status == StatusTahap.DITETAPKAN


class Level(models.TextChoices):
    PROGRAM = "program", "Program"
    KEGIATAN = "kegiatan", "Kegiatan"
    SUB_KEGIATAN = "sub_kegiatan", "Sub Kegiatan"


class RenjaRow(models.Model):
    """A program, kegiatan or sub kegiatan of one tahap. Pagu is typed only on sub kegiatan (per sumber dana);
    kegiatan, program and OPD totals are derived (perencanaan.selectors)."""

    tahap = models.ForeignKey(Tahap, on_delete=models.CASCADE, related_name="rows")
    level = models.CharField(max_length=14, choices=Level.choices)
    kode = models.CharField(max_length=24)
    nama = models.TextField()
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    nomenklatur = models.ForeignKey(Nomenklatur, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    urutan = models.PositiveIntegerField(default=0)
    unit = models.ForeignKey(UnitKerja, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    lokasi = models.JSONField(default=list, blank=True)
    prioritas_nasional = models.TextField(blank=True)
    prioritas_daerah = models.TextField(blank=True)
    kelompok_sasaran = models.CharField(max_length=300, blank=True)
    prakiraan_target_nilai = AngkaTepatField(null=True, blank=True)
    prakiraan_target_grade = models.CharField(max_length=4, blank=True)
    prakiraan_satuan = models.CharField(max_length=60, blank=True)
    prakiraan_pagu = MoneyField(null=True, blank=True)
    pagu_indikatif = MoneyField(
        null=True, blank=True, help_text="plafon dari Renstra (program/kegiatan); pagu baris tetap jumlah sub kegiatan"
    )
    pptk = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="pejabat pelaksana teknis kegiatan (sub kegiatan): pengguna perangkat daerah ini",
    )
    sumber = models.TextField(blank=True, help_text="asal data, mis. baris dokumen")
    catatan = models.TextField(blank=True)
    disalin_dari = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="baris asal di tahap sebelumnya",
    )
    version = models.PositiveIntegerField(default=1)
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "baris renja"
        verbose_name_plural = "baris renja"
        ordering = ["tahap", "urutan"]
        constraints = [models.UniqueConstraint(fields=["tahap", "kode"], name="uniq_row_kode_per_tahap")]

    def __str__(self):
        return f"{self.kode} {self.nama}"

    @property
    def opd_id(self) -> int:
        return self.tahap.renja.opd_id


class Indikator(models.Model):
    row = models.ForeignKey(RenjaRow, on_delete=models.CASCADE, related_name="indikator")
    urutan = models.PositiveSmallIntegerField(default=0)
    uraian = models.TextField()
    target_nilai = AngkaTepatField(null=True, blank=True)
    target_grade = models.CharField(max_length=4, blank=True)
    satuan = models.CharField(max_length=60, blank=True)
    polaritas = models.CharField(max_length=5, choices=Polaritas.choices, default=Polaritas.NAIK)
    agregasi = models.CharField(max_length=10, choices=Agregasi.choices, default=Agregasi.JUMLAH)

    class Meta:
        verbose_name_plural = "indikator"
        ordering = ["row", "urutan", "id"]

    def __str__(self):
        return self.uraian


class Pagu(models.Model):
    row = models.ForeignKey(RenjaRow, on_delete=models.CASCADE, related_name="pagu")
    sumber_dana = models.ForeignKey(SumberDana, on_delete=models.PROTECT, related_name="+")
    jumlah = MoneyField()

    class Meta:
        verbose_name_plural = "pagu"
        ordering = ["row", "sumber_dana__kode"]
        constraints = [models.UniqueConstraint(fields=["row", "sumber_dana"], name="uniq_pagu_sumber_per_row")]


class StatusTertunda(models.TextChoices):
    MENUNGGU = "menunggu", "Menunggu keputusan"
    DIPAKAI = "dipakai", "Dilanjutkan dengan kode baru"
    DILEPAS = "dilepas", "Tidak dilanjutkan"


class BarisTertunda(models.Model):
    """A row of last year's Renja that a copy could not carry over (its code is not in the new nomenclature
    version and the remap table names no replacement). Listed for a decision, never dropped silently."""

    tahap = models.ForeignKey(Tahap, on_delete=models.CASCADE, related_name="tertunda")
    asal = models.ForeignKey(RenjaRow, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    level = models.CharField(max_length=14, choices=Level.choices)
    kode_lama = models.CharField(max_length=24)
    nama = models.TextField()
    alasan = models.TextField()
    isi = models.JSONField(default=dict, blank=True, help_text="indikator, pagu dan isian lain untuk dilanjutkan")
    status = models.CharField(max_length=10, choices=StatusTertunda.choices, default=StatusTertunda.MENUNGGU)
    kode_baru = models.CharField(max_length=24, blank=True)
    catatan = models.TextField(blank=True)
    diputuskan_pada = models.DateTimeField(null=True, blank=True)
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "baris tertunda"
        verbose_name_plural = "baris tertunda"
        ordering = ["tahap", "kode_lama"]

    def __str__(self):
        return f"{self.kode_lama} {self.nama}"


# --- usulan (T-C.32) and the narrative of a stage (issue 7) -------------------------------------------------


class SumberUsulan(models.TextChoices):
    MUSRENBANG = "musrenbang", "Musrenbang"
    POKIR = "pokir", "Pokok pikiran DPRD"
    FORUM_PD = "forum_pd", "Forum Perangkat Daerah"


class StatusUsulan(models.TextChoices):
    BARU = "baru", "Belum diputuskan"
    DITERIMA = "diterima", "Diterima"
    DITOLAK = "ditolak", "Ditolak"
    DITUNDA = "ditunda", "Ditunda"


class Usulan(models.Model):
    """A proposal from the stakeholders for the Renja of one year (Permendagri 86/2017 T-C.32): who proposed it,
    where, how much, and the decision with its reason; the sub kegiatan that takes it up is named by its code (a
    code of the stage in force, checked by the service), so the proposal outlives the stages that copy rows."""

    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="usulan")
    sumber = models.CharField(max_length=12, choices=SumberUsulan.choices)
    pengusul = models.CharField(max_length=300)
    uraian = models.TextField()
    lokasi = models.CharField(max_length=200, blank=True)
    volume = AngkaTepatField(null=True, blank=True)
    satuan = models.CharField(max_length=60, blank=True)
    perkiraan_biaya = MoneyField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=StatusUsulan.choices, default=StatusUsulan.BARU)
    alasan = models.TextField(blank=True, help_text="wajib untuk usulan yang ditolak atau ditunda")
    kode_sub_kegiatan = models.CharField(max_length=24, blank=True, help_text="sub kegiatan yang menampung usulan")
    diputuskan_pada = models.DateTimeField(null=True, blank=True)
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name_plural = "usulan"
        ordering = ["renja", "id"]

    def __str__(self):
        return f"Usulan {self.get_sumber_display()}: {self.uraian[:80]}"

    @property
    def opd_id(self) -> int:
        return self.renja.opd_id


class NarasiBagian(models.Model):
    """One section of the Renja document's narrative (BAB I-V, e.g. "1.1 Latar Belakang") in a stage: Markdown
    with placeholders such as {{pagu_total}} for every figure of the plan's own data (renja.perencanaan.narasi).
    Part of the stage: copied with it, locked with it."""

    tahap = models.ForeignKey(Tahap, on_delete=models.CASCADE, related_name="narasi")
    kode = models.CharField(max_length=12)
    bab = models.PositiveSmallIntegerField()
    judul = models.CharField(max_length=300)
    urutan = models.PositiveSmallIntegerField(default=0)
    teks = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "bagian narasi"
        verbose_name_plural = "bagian narasi"
        ordering = ["tahap", "urutan", "kode"]
        constraints = [models.UniqueConstraint(fields=["tahap", "kode"], name="uniq_narasi_kode_per_tahap")]

    def __str__(self):
        return f"{self.kode} {self.judul}"

    @property
    def opd_id(self) -> int:
        return self.tahap.renja.opd_id
