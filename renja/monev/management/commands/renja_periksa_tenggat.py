from datetime import date

from django.core.management.base import BaseCommand, CommandError

from renja.monev.services import HARI_PENGINGAT, realisasi_pengingat_kirim


class Command(BaseCommand):
    help = (
        f"Kirim pengingat batas waktu pengisian realisasi ({HARI_PENGINGAT} hari sebelumnya) kepada operator unit "
        "yang belum mengajukan. Jalankan sekali sehari (cron); setiap batas waktu diingatkan sekali."
    )

    def add_arguments(self, parser):
        parser.add_argument("--tanggal", help="anggap hari ini tanggal ini (YYYY-MM-DD), untuk uji dan pengulangan")

    def handle(self, *args, tanggal=None, **options):
        try:
            hari_ini = date.fromisoformat(tanggal) if tanggal else None
        except ValueError as exc:
            raise CommandError(f"Tanggal '{tanggal}' tidak sah; tulis YYYY-MM-DD, mis. 2026-07-07.") from exc
        n = realisasi_pengingat_kirim(hari_ini=hari_ini)
        self.stdout.write(f"{n} notifikasi batas waktu dikirim.")
