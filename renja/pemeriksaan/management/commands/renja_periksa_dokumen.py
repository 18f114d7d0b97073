"""`renja periksa dokumen FILE [--format text|json]`: check a planning document made by hand."""

import json
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from renja.inti.unggah import ukuran_maks
from renja.pemeriksaan.periksa import DokumenTidakTerbaca, ada_galat, periksa_dokumen


class Command(BaseCommand):
    help = "Periksa dokumen perencanaan (DOCX, XLSX, PDF, teks): jumlah, persentase, angka, target antar tabel."

    def add_arguments(self, parser):
        parser.add_argument("berkas", metavar="FILE")
        parser.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args, berkas: str, format: str, **options):
        path = Path(berkas)
        if not path.is_file():
            raise CommandError(f"Berkas '{berkas}' tidak ditemukan.")
        batas = ukuran_maks()
        if path.stat().st_size > batas:
            raise CommandError(
                f"Berkas '{path.name}' terlalu besar ({path.stat().st_size // (1024 * 1024)} MB); "
                f"batasnya {batas // (1024 * 1024)} MB."
            )
        try:
            temuan = periksa_dokumen(path.read_bytes(), nama=path.name)
        except DokumenTidakTerbaca as e:
            raise CommandError(str(e)) from None
        except OSError as e:
            raise CommandError(f"Berkas '{path.name}' tidak dapat dibaca: {e.strerror}.") from None
        if format == "json":
            self.stdout.write(json.dumps([t.sebagai_dict() for t in temuan], ensure_ascii=False, indent=2))
        else:
            for t in temuan:
                self.stdout.write(t.teks())
            hitung = Counter(str(t.tingkat) for t in temuan)
            self.stdout.write(
                f"{path.name}: {hitung['galat']} galat, {hitung['peringatan']} peringatan, {hitung['info']} info."
            )
        if ada_galat(temuan):
            raise SystemExit(1)
