"""Static files in production: whitenoise's manifest storage, with a failure that says what to run.

With DEBUG=0 every `{% static %}` is looked up in STATIC_ROOT/staticfiles.json, which `collectstatic` writes.
Without it Django's message is "Missing staticfiles manifest entry" on every page; ours names the command.
`renja serve` runs collectstatic itself, so this is for servers started some other way (gunicorn renja.wsgi).
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from whitenoise.storage import CompressedManifestStaticFilesStorage

PESAN_BELUM_DIKUMPULKAN = (
    "Berkas statis belum dikumpulkan di {root} (tidak ada {manifest}): jalankan `renja collectstatic --noinput`, "
    "atau mulai server dengan `renja serve` yang melakukannya sendiri."
)


class RenjaStaticStorage(CompressedManifestStaticFilesStorage):
    def stored_name(self, name):
        if not self.hashed_files and not self.exists(self.manifest_name):
            raise ImproperlyConfigured(PESAN_BELUM_DIKUMPULKAN.format(root=self.location, manifest=self.manifest_name))
        return super().stored_name(name)


def static_check_collected() -> None:
    """Fail at start (not on the first page) when production static files were never collected."""
    if settings.DEBUG:
        return
    manifest = Path(settings.STATIC_ROOT) / RenjaStaticStorage.manifest_name
    if not manifest.exists():
        raise ImproperlyConfigured(
            PESAN_BELUM_DIKUMPULKAN.format(root=settings.STATIC_ROOT, manifest=RenjaStaticStorage.manifest_name)
        )
