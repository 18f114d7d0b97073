from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """One row per change made through a service: who, when, what, old -> new."""

    class Jenis(models.TextChoices):
        CREATE = "create", "Dibuat"
        UPDATE = "update", "Diubah"
        DELETE = "delete", "Dihapus"
        TRANSITION = "transition", "Perubahan status"
        LOGIN = "login", "Masuk"
        IMPORT = "import", "Impor"

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    event_type = models.CharField(max_length=20, choices=Jenis.choices)
    action = models.CharField(max_length=80, help_text="service name, e.g. subkegiatan_update")
    object_type = models.CharField(max_length=80)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=300, blank=True)
    scope = models.CharField(max_length=40, blank=True, help_text="kode OPD the object belongs to")
    old = models.JSONField(null=True, blank=True)
    new = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_type}#{self.object_id}"

    @property
    def changes(self) -> list[tuple[str, object, object]]:
        old, new = self.old or {}, self.new or {}
        keys = list(dict.fromkeys([*old.keys(), *new.keys()]))
        return [(k, old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k)]


class Notifikasi(models.Model):
    """An in-app message to one user (submission, return, approval, deadline). Created by services only."""

    penerima = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifikasi")
    jenis = models.CharField(max_length=40, help_text="mis. realisasi_dikembalikan")
    teks = models.TextField()
    tautan = models.CharField(max_length=300, blank=True)
    kunci = models.CharField(max_length=120, blank=True, help_text="sekali per penerima, mis. pengingat batas waktu")
    dibaca = models.BooleanField(default=False)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "notifikasi"
        verbose_name_plural = "notifikasi"
        ordering = ["-dibuat_pada", "-id"]
        indexes = [models.Index(fields=["penerima", "dibaca"])]

    def __str__(self):
        return f"{self.penerima} {self.jenis}"
