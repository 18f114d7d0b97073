import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from renja.inti import proses


class Command(BaseCommand):
    help = (
        "Migrasi dan jalankan Renja. DEBUG=0: collectstatic lalu gunicorn (produksi); "
        "DEBUG=1: server pengembangan Django dengan data demo (make run)."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000", help="ALAMAT:PORT, PORT atau unix:BERKAS")
        parser.add_argument("--noreload", action="store_true", help="server pengembangan tanpa pemuat ulang")

    def handle(self, *args, addrport="127.0.0.1:8000", noreload=False, **options):
        if settings.DEBUG and os.environ.get("RUN_MAIN") == "true":
            # the autoreloader's child: the parent did the set-up
            call_command("runserver", addrport, use_reloader=True)
            return
        call_command("migrate", interactive=False, verbosity=0)
        if not settings.DEBUG:
            # Defect 6: with DEBUG=0 every page needs the collected, hashed static files (whitenoise manifest).
            call_command("collectstatic", interactive=False, verbosity=0)
        if settings.RENJA_DEMO:
            call_command("renja_demo", if_empty=True)
        if settings.DEBUG:
            latar = proses.proses_latar()
            self.stdout.write(
                f"Renja (pengembangan, DEBUG=1) berjalan di http://{proses.alamat_bind(addrport)}/"
                + "".join(f"; {p.nama}" for p in latar)
            )
            with proses.latar_berjalan(latar):
                call_command("runserver", addrport, use_reloader=not noreload)
            return
        daftar = [proses.proses_web(addrport), *proses.proses_latar()]
        self.stdout.write(
            f"Renja (produksi) di {proses.alamat_bind(addrport)}: gunicorn, {proses.jumlah_worker()} worker x "
            f"{settings.RENJA_THREADS} thread" + "".join(f"; {p.nama}" for p in daftar[1:])
        )
        self.stdout.flush()
        code = proses.proses_jalankan(daftar, tulis=self.stdout.write)
        if code:
            raise CommandError(f"Server berhenti dengan kode {code}.", returncode=code)
