"""Realisation of a Renja (monitoring) and its quarterly verification workflow.

Values are stored per MONTH; a triwulan is the roll-up of its three months (renja.monev.selectors, with the
indicator's aggregation from renja.rumus.capaian.gabung_periode). A Pemda that reports quarterly types one value
per triwulan; it is stored as the value of the quarter's last month, which rolls up to the same figure under every
aggregation (sum, last, mean and max over the reported months). A blank is NULL ("belum ada data"), never 0.

Values attach to the rows of the stage in force (selectors.tahap_berlaku) when they are typed. When a Perubahan is
ditetapkan during the year, earlier values stay on the rows of the earlier stage and are read through
RenjaRow.disalin_dari (an indicator matches by its position `urutan` in the copied row).

The workflow is per unit per triwulan (StatusRealisasiUnit) and per OPD per triwulan (TriwulanOpd, which also holds
the deadline and the lock). Derived figures (totals, capaian, serapan) are never stored here.
"""

from django.conf import settings
from django.db import models

from renja.inti.fields import AngkaTepatField, MoneyField
from renja.organisasi.models import UnitKerja
from renja.perencanaan.models import Indikator, Renja, RenjaRow, SumberDana

BULAN_NAMA = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


class Triwulan(models.IntegerChoices):
    I = 1, "Triwulan I"  # noqa: E741 - the quarter's official numeral
    II = 2, "Triwulan II"
    III = 3, "Triwulan III"
    IV = 4, "Triwulan IV"


def bulan_triwulan(triwulan: int) -> tuple[int, int, int]:
    """The three months of a triwulan: 2 -> (4, 5, 6)."""
    awal = (int(triwulan) - 1) * 3 + 1
    return (awal, awal + 1, awal + 2)


def triwulan_bulan(bulan: int) -> int:
    """The triwulan of a month: 5 -> 2."""
    return (int(bulan) - 1) // 3 + 1


_BULAN_SAH = models.Q(bulan__gte=1, bulan__lte=12)
_TRIWULAN_SAH = models.Q(triwulan__gte=1, triwulan__lte=4)


class _Diubah(models.Model):
    version = models.PositiveIntegerField(default=1)
    diubah_pada = models.DateTimeField(auto_now=True)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True


class RealisasiKinerja(_Diubah):
    """The realised value of one indicator in one month: a number (AngkaTepatField) or a grade; both empty =
    belum ada data. What the number means ("this quarter" or "up to this quarter") follows Indikator.agregasi."""

    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="+")
    indikator = models.ForeignKey(Indikator, on_delete=models.RESTRICT, related_name="realisasi")
    bulan = models.PositiveSmallIntegerField()
    nilai = AngkaTepatField(null=True, blank=True)
    grade = models.CharField(max_length=4, blank=True)

    class Meta:
        verbose_name = "realisasi kinerja"
        verbose_name_plural = "realisasi kinerja"
        constraints = [
            models.UniqueConstraint(fields=["indikator", "bulan"], name="uniq_realisasi_kinerja_bulan"),
            models.CheckConstraint(condition=_BULAN_SAH, name="realisasi_kinerja_bulan_sah"),
        ]
        indexes = [models.Index(fields=["renja", "bulan"])]

    def __str__(self):
        return f"Realisasi {self.indikator_id} bulan {self.bulan}"


class RealisasiKeuangan(_Diubah):
    """Rupiah spent on one sub kegiatan from one sumber dana in one month (NULL = belum ada data)."""

    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="+")
    row = models.ForeignKey(RenjaRow, on_delete=models.RESTRICT, related_name="realisasi_keuangan")
    sumber_dana = models.ForeignKey(SumberDana, on_delete=models.RESTRICT, related_name="+")
    bulan = models.PositiveSmallIntegerField()
    jumlah = MoneyField(null=True, blank=True)

    class Meta:
        verbose_name = "realisasi keuangan"
        verbose_name_plural = "realisasi keuangan"
        constraints = [
            models.UniqueConstraint(fields=["row", "sumber_dana", "bulan"], name="uniq_realisasi_keuangan_bulan"),
            models.CheckConstraint(condition=_BULAN_SAH, name="realisasi_keuangan_bulan_sah"),
        ]
        indexes = [models.Index(fields=["renja", "bulan"])]

    def __str__(self):
        return f"Realisasi keuangan {self.row_id} {self.sumber_dana_id} bulan {self.bulan}"


class AsalKeuangan(models.TextChoices):
    KETIK = "ketik", "Diketik"
    IMPOR = "impor", "Impor SIPD"


class RealisasiKeuanganAsal(_Diubah):
    """Where the keuangan of one sub kegiatan in one triwulan comes from. One source at a time: a confirmed
    import replaces typed figures (and typing is refused while the source is an import). No row = typed."""

    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="+")
    row = models.ForeignKey(RenjaRow, on_delete=models.RESTRICT, related_name="+")
    triwulan = models.PositiveSmallIntegerField(choices=Triwulan.choices)
    asal = models.CharField(max_length=8, choices=AsalKeuangan.choices, default=AsalKeuangan.KETIK)
    keterangan = models.CharField(max_length=300, blank=True, help_text="mis. nama berkas impor")

    class Meta:
        verbose_name = "asal realisasi keuangan"
        verbose_name_plural = "asal realisasi keuangan"
        constraints = [
            models.UniqueConstraint(fields=["row", "triwulan"], name="uniq_asal_keuangan_triwulan"),
            models.CheckConstraint(condition=_TRIWULAN_SAH, name="asal_keuangan_triwulan_sah"),
        ]


class RealisasiFaktor(_Diubah):
    """Faktor pendorong, faktor penghambat and tindak lanjut of one sub kegiatan in one triwulan (E.81 footer)."""

    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="+")
    row = models.ForeignKey(RenjaRow, on_delete=models.RESTRICT, related_name="+")
    triwulan = models.PositiveSmallIntegerField(choices=Triwulan.choices)
    faktor_pendorong = models.TextField(blank=True)
    faktor_penghambat = models.TextField(blank=True)
    tindak_lanjut = models.TextField(blank=True)

    class Meta:
        verbose_name = "faktor realisasi"
        verbose_name_plural = "faktor realisasi"
        constraints = [
            models.UniqueConstraint(fields=["row", "triwulan"], name="uniq_faktor_triwulan"),
            models.CheckConstraint(condition=_TRIWULAN_SAH, name="faktor_triwulan_sah"),
        ]


def bukti_upload_to(instance, filename: str) -> str:
    # The stored name is ours (the original name is kept in nama_asli): no user text reaches the file system.
    ekstensi = {"pdf": "pdf", "png": "png", "jpeg": "jpg"}.get(instance.jenis, "bin")
    return f"bukti/{instance.renja_id}/tw{instance.triwulan}/{instance.row_id}/{instance.token}.{ekstensi}"


class BuktiRealisasi(models.Model):
    """An evidence file (PDF or image) of one sub kegiatan in one triwulan, kept through Django's storage API."""

    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="+")
    row = models.ForeignKey(RenjaRow, on_delete=models.RESTRICT, related_name="+")
    triwulan = models.PositiveSmallIntegerField(choices=Triwulan.choices)
    berkas = models.FileField(upload_to=bukti_upload_to, max_length=200)
    token = models.CharField(max_length=32, unique=True)
    nama_asli = models.CharField(max_length=200)
    jenis = models.CharField(max_length=8, help_text="jenis menurut isi: pdf, png, jpeg")
    ukuran = models.PositiveBigIntegerField()
    diunggah_pada = models.DateTimeField(auto_now_add=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "bukti realisasi"
        verbose_name_plural = "bukti realisasi"
        ordering = ["row", "triwulan", "diunggah_pada", "id"]
        constraints = [models.CheckConstraint(condition=_TRIWULAN_SAH, name="bukti_triwulan_sah")]

    def __str__(self):
        return self.nama_asli


class CatatanRealisasi(models.Model):
    """One message of the note thread of a sub kegiatan in one triwulan (verifier's notes and replies)."""

    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="+")
    row = models.ForeignKey(RenjaRow, on_delete=models.RESTRICT, related_name="+")
    triwulan = models.PositiveSmallIntegerField(choices=Triwulan.choices)
    penulis = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    teks = models.TextField()
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "catatan realisasi"
        verbose_name_plural = "catatan realisasi"
        ordering = ["row", "triwulan", "dibuat_pada", "id"]
        constraints = [models.CheckConstraint(condition=_TRIWULAN_SAH, name="catatan_triwulan_sah")]


class StatusUnit(models.TextChoices):
    DRAF = "draf", "Draf"
    DIAJUKAN = "diajukan", "Diajukan"
    DIVERIFIKASI = "diverifikasi", "Diverifikasi"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan"


class StatusRealisasiUnit(models.Model):
    """Where one unit's realisation of one triwulan stands. No row = draf."""

    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(UnitKerja, on_delete=models.RESTRICT, related_name="+")
    triwulan = models.PositiveSmallIntegerField(choices=Triwulan.choices)
    status = models.CharField(max_length=14, choices=StatusUnit.choices, default=StatusUnit.DRAF)
    diajukan_pada = models.DateTimeField(null=True, blank=True)
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diperiksa_pada = models.DateTimeField(null=True, blank=True, help_text="diverifikasi atau dikembalikan")
    diperiksa_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    catatan_pengembalian = models.TextField(blank=True)

    class Meta:
        verbose_name = "status realisasi unit"
        verbose_name_plural = "status realisasi unit"
        constraints = [
            models.UniqueConstraint(fields=["renja", "unit", "triwulan"], name="uniq_status_unit_triwulan"),
            models.CheckConstraint(condition=_TRIWULAN_SAH, name="status_unit_triwulan_sah"),
        ]

    def __str__(self):
        return f"{self.unit} TW {self.triwulan}: {self.get_status_display()}"


class StatusTriwulan(models.TextChoices):
    TERBUKA = "terbuka", "Terbuka"
    DISETUJUI = "disetujui", "Disetujui (terkunci)"


class TriwulanOpd(models.Model):
    """One triwulan of one Renja (OPD, year): its deadline, its approval by the pimpinan (= locked for
    everybody, admin included) and the last reopening with its reason. No row = terbuka, no deadline."""

    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="+")
    triwulan = models.PositiveSmallIntegerField(choices=Triwulan.choices)
    status = models.CharField(max_length=10, choices=StatusTriwulan.choices, default=StatusTriwulan.TERBUKA)
    batas_waktu = models.DateField(null=True, blank=True)
    pengingat_dikirim_pada = models.DateTimeField(null=True, blank=True)
    disetujui_pada = models.DateTimeField(null=True, blank=True)
    disetujui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dibuka_pada = models.DateTimeField(null=True, blank=True)
    dibuka_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    alasan_dibuka = models.TextField(blank=True)
    contoh = models.BooleanField(
        default=False, help_text="realisasi triwulan ini data contoh (demo), bukan data resmi; halaman menandainya"
    )

    class Meta:
        verbose_name = "triwulan OPD"
        verbose_name_plural = "triwulan OPD"
        constraints = [
            models.UniqueConstraint(fields=["renja", "triwulan"], name="uniq_triwulan_opd"),
            models.CheckConstraint(condition=_TRIWULAN_SAH, name="triwulan_opd_sah"),
        ]

    def __str__(self):
        return f"{self.renja} TW {self.triwulan}: {self.get_status_display()}"

    @property
    def terkunci(self) -> bool:
        return self.status == StatusTriwulan.DISETUJUI


from renja.monev.models_peringatan import AmbangPeringatan, PptkSubKegiatan, RencanaPenarikan  # noqa: E402, F401
from renja.monev.models_sipd import TransaksiSipd  # noqa: E402, F401 - SIPD import (renja.monev.impor)
