"""`renja siapkan`: the first start of a real installation (RENJA_DEMO=0).

Migrates the database, loads the shipped nomenclature, creates the first installation admin and the Pemda, and
says what to do next. Interactive when a value is missing and the terminal asks; every value has a flag for
scripts (`--no-input` refuses to ask).
"""

import getpass
import sys

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from renja.organisasi import services
from renja.organisasi.models import Pemda, PenugasanPeran, Peran
from renja.organisasi.validators import jenis_dari_kode_wilayah


def _pesan(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return " ".join(m for msgs in exc.message_dict.values() for m in msgs)
    return " ".join(exc.messages)


class Command(BaseCommand):
    help = (
        "Siapkan instalasi baru: migrasi, muat nomenklatur, buat admin instalasi pertama dan Pemda. "
        "renja siapkan [--admin NAMA --sandi SANDI --pemda-kode 32.75 --pemda-nama 'Kota Contoh'] [--no-input]"
    )

    def add_arguments(self, parser):
        parser.add_argument("--admin", help="nama pengguna admin instalasi pertama, mis. admin")
        parser.add_argument("--admin-nama", default="", help="nama lengkap admin")
        parser.add_argument(
            "--sandi", help="kata sandi admin; bila kosong dibuat kata sandi sekali pakai yang wajib diganti"
        )
        parser.add_argument("--pemda-kode", help="kode wilayah Kemendagri: 32.75 (kota/kabupaten) atau 32 (provinsi)")
        parser.add_argument("--pemda-nama", help="nama resmi Pemda, mis. Kota Contoh")
        parser.add_argument("--pemda-jenis", choices=Pemda.Jenis.values, help="bawaan: menurut kode wilayah")
        parser.add_argument("--no-input", action="store_true", help="jangan bertanya; nilai yang kurang = galat")

    def handle(self, *args, **o):
        self.interaktif = not o["no_input"] and sys.stdin.isatty()
        self.stdout.write("1. Migrasi basis data...")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("2. Memuat nomenklatur bawaan...")
        call_command("nomenklatur_load", stdout=self.stdout)

        ada_admin = PenugasanPeran.objects.filter(peran=Peran.ADMIN, opd=None, pemda=None).exists()
        username = o["admin"] or (None if ada_admin else self._tanya("Nama pengguna admin instalasi", "admin"))
        pemda_kode = o["pemda_kode"] or (
            None if Pemda.objects.exists() and not self.interaktif else self._tanya("Kode wilayah Pemda (mis. 32.75)")
        )
        pemda_nama = o["pemda_nama"] or (self._tanya("Nama Pemda (mis. Kota Contoh)") if pemda_kode else None)
        jenis = o["pemda_jenis"] or (jenis_dari_kode_wilayah(pemda_kode) if pemda_kode else "") or ""
        sandi = o["sandi"]
        if username and sandi is None and self.interaktif:
            sandi = getpass.getpass("Kata sandi admin (kosong = buat sandi sekali pakai): ") or None

        try:
            with transaction.atomic():
                sekali = None
                if username:
                    sekali = None if sandi else services.sandi_sekali_buat()
                    admin = services.user_create(
                        actor=None,
                        username=username,
                        password=sandi or sekali,
                        nama_lengkap=o["admin_nama"] or "Admin Instalasi",
                        wajib_ganti_sandi=sekali is not None,
                    )
                    if sandi:
                        try:
                            password_validation.validate_password(sandi, admin)
                        except ValidationError as exc:
                            raise ValidationError({"sandi": [f"Kata sandi admin: {m}" for m in exc.messages]}) from exc
                    services.peran_assign(actor=None, user=admin, peran=Peran.ADMIN, system=True)
                    self.stdout.write(f"3. Admin instalasi '{username}' dibuat.")
                elif ada_admin:
                    self.stdout.write("3. Admin instalasi sudah ada; dilewati.")
                else:
                    raise CommandError("Belum ada admin instalasi: sebutkan --admin NAMA.")
                pemda = None
                if pemda_kode:
                    if not pemda_nama:
                        raise CommandError("Sebutkan nama Pemda dengan --pemda-nama.")
                    pemda = services.pemda_create(
                        actor=None, kode=pemda_kode, nama=pemda_nama, jenis=jenis, system=True
                    )
                    self.stdout.write(f"4. Pemda {pemda.nama} ({pemda.kode}, {pemda.get_jenis_display()}) dibuat.")
                elif Pemda.objects.exists():
                    self.stdout.write("4. Pemda sudah ada; dilewati.")
                else:
                    raise CommandError("Belum ada Pemda: sebutkan --pemda-kode dan --pemda-nama.")
        except ValidationError as exc:
            raise CommandError(_pesan(exc)) from exc

        self.stdout.write(self.style.SUCCESS("Instalasi siap."))
        if username and sekali:
            self.stdout.write(
                f"Kata sandi sekali pakai untuk '{username}': {sekali}\n"
                "(ditampilkan sekali ini saja; wajib diganti saat masuk pertama)."
            )
        kode = pemda.kode if pemda else "KODE"
        self.stdout.write(
            "Langkah berikutnya:\n"
            "  1. Jalankan server: renja serve 127.0.0.1:8080 (produksi: lihat README, bagian Produksi).\n"
            f"  2. Masuk sebagai admin, buka Administrasi (/kelola/): tambahkan perangkat daerah {kode}, unit kerja,\n"
            "     pengguna dan perannya; atau sekaligus dari berkas:\n"
            f"     renja impor organisasi BERKAS.xlsx --pemda {kode}  (templat: /kelola/impor/templat/)\n"
            "  3. Perencana OPD lalu menyusun Renstra dan Renja."
        )

    def _tanya(self, label: str, bawaan: str = "") -> str | None:
        if not self.interaktif:
            return None
        teks = input(f"{label}{f' [{bawaan}]' if bawaan else ''}: ").strip()
        return teks or bawaan or None
