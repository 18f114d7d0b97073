from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from renja.inti.cadangan import CadanganError, cadangan_buat


class Command(BaseCommand):
    help = (
        "Tulis satu cadangan konsisten (database + folder media + manifest) ke BERKAS, selagi aplikasi berjalan. "
        "PostgreSQL: pg_dump bila ada di PATH, selain itu dump sendiri (COPY per tabel dalam satu snapshot)."
    )

    def add_arguments(self, parser):
        parser.add_argument("berkas", help="berkas cadangan yang ditulis, mis. renja-2026-12-01.zip")
        parser.add_argument("--timpa", action="store_true", help="timpa berkas yang sudah ada")
        parser.add_argument("--portabel", action="store_true", help="PostgreSQL: dump sendiri walau pg_dump ada")

    def handle(self, *args, berkas, timpa=False, portabel=False, **options):
        try:
            hasil = cadangan_buat(tujuan=Path(berkas), timpa=timpa, portabel=portabel)
        except CadanganError as exc:
            raise CommandError(str(exc)) from exc
        m = hasil.manifest
        self.stdout.write(
            f"Cadangan ditulis: {hasil.path} ({m['database']['vendor']}, {m['database']['cara']}; {hasil.tabel} tabel, "
            f"{hasil.baris} baris, {hasil.media} berkas media, {hasil.path.stat().st_size:,} byte)."
        )
