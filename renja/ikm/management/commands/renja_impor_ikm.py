"""renja impor ikm FILE --opd KODE [--pemda KODE] --periode KODE [--pengguna NAMA]

A filled paper-survey template (XLSX, or CSV with the same headers): every row added, or none and every bad cell
listed (exit 1)."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from renja.ikm.impor import ikm_impor
from renja.ikm.management.commands.renja_export_ikm import periode_untuk_perintah


class Command(BaseCommand):
    help = (
        "Impor kuesioner kertas Survei Kepuasan Masyarakat dari templat XLSX terisi: renja impor ikm BERKAS "
        "--opd KODE [--pemda KODE] --periode KODE; semua baris atau tidak sama sekali."
    )

    def add_arguments(self, parser):
        parser.add_argument("berkas", help="templat terisi (.xlsx; unduh dari halaman hasil survei)")
        parser.add_argument("--opd", required=True, help="kode perangkat daerah, mis. 1.06.0.00.0.00.01.0000")
        parser.add_argument("--pemda", help="kode Pemda, bila dua Pemda memakai kode perangkat daerah yang sama")
        parser.add_argument("--periode", required=True, help='kode periode survei, mis. "2024"')
        parser.add_argument("--pengguna", default=None, help="nama pengguna pelaku (bawaan: admin sistem)")

    def handle(self, *args, berkas, opd, periode, pemda=None, pengguna=None, **options):
        p = periode_untuk_perintah(opd=opd, pemda=pemda, periode=periode)
        actor = _pelaku(pengguna)
        path = Path(berkas)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Berkas '{berkas}' tidak dapat dibaca: {exc.strerror}.") from exc
        try:
            hasil = ikm_impor(actor=actor, periode=p, data=data, nama=path.name)
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from exc
        except PermissionDenied as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{hasil.jumlah} responden ditambahkan ke periode {p.kode} {p.opd.nama}.")


def _pelaku(username):
    User = get_user_model()
    if username:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"Pengguna '{username}' tidak ada atau tidak aktif.")
        return user
    user = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
    if user is None:
        user = User.objects.filter(username="admin", is_active=True).first()
    if user is None:
        raise CommandError("Tidak ada admin sistem; isi --pengguna dengan perencana perangkat daerah ini.")
    return user
