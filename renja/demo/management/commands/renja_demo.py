from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from renja.demo import loader


class Command(BaseCommand):
    help = "Muat data demo Dinas Sosial Kota Bekasi 2026 (Renja, Renstra, akun demo); migrasi dulu bila perlu."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="hapus data demo lalu muat ulang")
        parser.add_argument("--if-empty", action="store_true", help="muat hanya bila database belum berisi demo")

    def handle(self, *args, reset=False, if_empty=False, **options):
        if not settings.RENJA_DEMO:
            raise CommandError("Mode demo mati (RENJA_DEMO=0); data demo tidak dimuat.")
        # Defect 12: on a database that was never migrated the loader met "no such table"; migrating an
        # up-to-date database is a no-op, so always do it first.
        call_command("migrate", interactive=False, verbosity=0)
        if reset:
            loader.demo_reset()
        if loader.demo_is_loaded():
            if not if_empty:
                raise CommandError("Data demo sudah dimuat. Pakai --reset untuk memuat ulang.")
        else:
            self.stdout.write("Memuat data demo...")
            result = loader.demo_load()
            loader.demo_write_logins(result.users)
            dimuat = ", ".join(str(r) for r in (result.renja, result.renja_2024) if r is not None)
            self.stdout.write(self.style.SUCCESS(f"Data demo dimuat: {dimuat}."))
        text = loader.demo_logins_text()
        if text:
            self.stdout.write(text)
