"""`renja impor organisasi FILE [--pemda KODE]`: bulk setup of a Pemda's OPDs, units, users and roles."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from renja.inti import unggah
from renja.organisasi import impor, selectors


class Command(BaseCommand):
    help = (
        "Impor OPD, unit kerja, pengguna dan peran satu Pemda dari berkas XLSX atau YAML (semua atau tidak sama "
        "sekali): renja impor organisasi BERKAS [--pemda KODE] [--templat BERKAS.xlsx]"
    )

    def add_arguments(self, parser):
        parser.add_argument("berkas", nargs="?", help="berkas .xlsx (lembar OPD, Unit, Pengguna, Peran) atau .yaml")
        parser.add_argument("--pemda", help="kode wilayah Pemda tujuan (wajib bila ada lebih dari satu Pemda)")
        parser.add_argument("--templat", metavar="XLSX", help="tulis templat kosong ke berkas ini lalu selesai")

    def handle(self, *args, berkas=None, pemda=None, templat=None, **options):
        if templat:
            Path(templat).write_bytes(impor.templat())
            self.stdout.write(f"Templat ditulis ke {templat}.")
            return
        if not berkas:
            raise CommandError("Sebutkan berkas yang diimpor, atau --templat BERKAS.xlsx untuk templatnya.")
        path = Path(berkas)
        if not path.is_file():
            raise CommandError(f"Berkas {berkas} tidak ada.")
        try:
            tujuan = selectors.pemda_find_for_command(pemda=pemda)
        except selectors.OpdTidakDitemukan as exc:
            raise CommandError(str(exc)) from exc
        data = path.read_bytes()
        try:
            jenis = unggah.periksa_unggahan(data, nama=path.name, boleh=impor.JENIS_BERKAS)
            hasil = impor.impor_organisasi(actor=None, pemda=tujuan, hasil=impor.baca(data, jenis=jenis))
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from exc
        self.stdout.write(self.style.SUCCESS(f"Diimpor ke {tujuan.nama}: {hasil.ringkasan()}."))
        if hasil.pengguna:
            self.stdout.write("Kata sandi sekali pakai (ditampilkan sekali ini; wajib diganti saat masuk pertama):")
            for username, sandi in hasil.pengguna:
                self.stdout.write(f"  {username}\t{sandi}")
