from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from renja.inti.cadangan import CadanganError, cadangan_pulihkan


class Command(BaseCommand):
    help = (
        "Pulihkan cadangan dari BERKAS ke database KOSONG (jenis yang sama) dan folder media kosong. Menolak cadangan "
        "dari skema yang lebih baru daripada kode ini."
    )
    requires_system_checks = []  # the database is empty on purpose

    def add_arguments(self, parser):
        parser.add_argument("berkas", help="berkas cadangan dari `renja cadangkan`")

    def handle(self, *args, berkas, **options):
        try:
            hasil = cadangan_pulihkan(sumber=Path(berkas))
        except CadanganError as exc:
            raise CommandError(str(exc)) from exc
        except DatabaseError as exc:
            raise CommandError(f"Pemulihan gagal di database: {exc}".strip()) from exc
        self.stdout.write(
            f"Dipulihkan dari {hasil.path} (dibuat {hasil.manifest['dibuat']}): {hasil.tabel} tabel, {hasil.baris} "
            f"baris, {hasil.media} berkas media. Jalankan `renja migrate` (atau `renja serve`) bila kode lebih baru."
        )
