import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from renja.nomenklatur.services import nomenklatur_load
from renja.nomenklatur.sumber import VERSI_BAWAAN
from renja.nomenklatur.validators import URUTAN_TINGKAT


class Command(BaseCommand):
    help = "Muat daftar nomenklatur bawaan (renja/nomenklatur/data) ke basis data; aman dijalankan berulang."

    def add_arguments(self, parser):
        parser.add_argument(
            "--versi",
            choices=[v.kode for v in VERSI_BAWAAN],
            help="hanya versi ini (bawaan: semua versi)",
        )

    def handle(self, *args, versi=None, **options):
        mulai = time.perf_counter()
        try:
            hasil = nomenklatur_load(versi_kode=versi)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        detik = time.perf_counter() - mulai
        for kode, n in hasil.items():
            if kode == "remap":
                self.stdout.write(f"pemetaan kode: {n['total']}")
                continue
            per_tingkat = ", ".join(f"{t.replace('_', ' ')} {n[t]}" for t in URUTAN_TINGKAT)
            self.stdout.write(
                f"versi {kode}: {n['total']} kode ({per_tingkat}); "
                f"baru {n['dibuat']}, diubah {n['diubah']}, dihapus {n['dihapus']}"
            )
        self.stdout.write(self.style.SUCCESS(f"Selesai dalam {detik:.2f} detik."))
