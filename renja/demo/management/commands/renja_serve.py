import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from renja.demo import loader


class Command(BaseCommand):
    help = "Migrasi, muat demo bila database kosong (mode demo), lalu jalankan server di 127.0.0.1:8000."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--noreload", action="store_true")

    def handle(self, *args, addrport="127.0.0.1:8000", noreload=False, **options):
        if os.environ.get("RUN_MAIN") == "true":  # the autoreloader's child: the parent did the set-up
            call_command("runserver", addrport, use_reloader=True)
            return
        call_command("migrate", interactive=False, verbosity=0)
        if settings.RENJA_DEMO:
            if not loader.demo_is_loaded():
                self.stdout.write("Memuat data demo (sekali, database kosong)...")
                call_command("renja_demo")
            text = loader.demo_logins_text()
            if text:
                self.stdout.write(text)
        self.stdout.write(f"Renja berjalan di http://{addrport}/")
        call_command("runserver", addrport, use_reloader=not noreload)
