"""renja impor realisasi FILE --tahun N --opd KODE [--pemda KODE] [--tahap KODE] [--simpan]"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from renja.monev import impor
from renja.organisasi.selectors import OpdTidakDitemukan, opd_find_for_command
from renja.perencanaan.models import Renja
from renja.rumus.angka import format_rupiah


class Command(BaseCommand):
    help = (
        "Impor realisasi keuangan dari ekspor realisasi SIPD-RI (JSON, CSV atau XLSX): tanpa --simpan hanya "
        "mencetak pratinjau per sub kegiatan dan triwulan."
    )

    def add_arguments(self, parser):
        parser.add_argument("berkas", help="berkas ekspor realisasi SIPD (JSON, CSV atau XLSX)")
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--opd", required=True, help="kode perangkat daerah, mis. 1.06.0.00.0.00.01.0000")
        parser.add_argument("--pemda", help="kode pemerintah daerah, mis. 32.75 (wajib bila kode OPD tidak unik)")
        parser.add_argument("--tahap", help="jenis tahap; harus tahap yang berlaku (bawaan: tahap yang berlaku)")
        parser.add_argument("--simpan", action="store_true", help="simpan setelah pratinjau")
        parser.add_argument("--pengguna", default=None, help="nama pengguna pelaku (bawaan: admin sistem)")

    def handle(self, *args, berkas, tahun, opd, pemda=None, tahap=None, simpan=False, pengguna=None, **options):
        try:
            opd_obj = opd_find_for_command(opd=opd, pemda=pemda)
        except OpdTidakDitemukan as exc:
            raise CommandError(str(exc)) from exc
        renja = Renja.objects.select_related("opd__pemda").filter(tahun=tahun, opd=opd_obj).first()
        if renja is None:
            raise CommandError(f"Renja tahun {tahun} untuk perangkat daerah {opd} ({opd_obj.pemda}) tidak ditemukan.")
        actor = self._pelaku(pengguna)
        path = Path(berkas)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Berkas '{berkas}' tidak dapat dibaca: {exc.strerror}.") from exc
        try:
            p = impor.realisasi_impor_pratinjau(actor=actor, renja=renja, data=data, nama=path.name, tahap=tahap)
            self._cetak(p)
            if not simpan:
                self.stdout.write("Pratinjau saja; tambahkan --simpan untuk menyimpan.")
                return
            hasil = impor.realisasi_impor_simpan(
                actor=actor, renja=renja, data=data, nama=path.name, tahap=tahap, sidik=p.sidik
            )
        except (ValidationError, PermissionDenied) as exc:
            pesan = "\n".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            raise CommandError(pesan) from exc
        if hasil.berubah:
            self.stdout.write(
                f"Disimpan: {hasil.transaksi_ditulis} transaksi ditulis, {hasil.baris_ditulis} sub kegiatan-triwulan "
                "diperbarui."
            )
        else:
            self.stdout.write("Tidak ada yang berubah: semua transaksi sudah tersimpan.")

    def _pelaku(self, username):
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

    def _cetak(self, p: impor.Pratinjau) -> None:
        self.stdout.write(f"{p.renja} — tahap yang berlaku: {p.tahap}")
        self.stdout.write(
            f"Berkas {p.nama_berkas}: {p.transaksi} transaksi, jumlah bersih {format_rupiah(p.total_berkas)}"
        )
        for b in p.baris:
            tersimpan = "belum ada data" if b.jumlah_tersimpan is None else format_rupiah(b.jumlah_tersimpan)
            status = "dikenal" if b.dikenal else "TIDAK DIKENAL"
            self.stdout.write(
                f"  {b.kode}  TW {b.triwulan}  {b.transaksi:>4} transaksi  {format_rupiah(b.jumlah_berkas):>20}  "
                f"[{status}]  tersimpan: {tersimpan}  -> {b.keterangan}"
            )
        if p.tidak_dikenal:
            kode = sorted({b.kode for b in p.tidak_dikenal})
            self.stdout.write(f"Sub kegiatan tidak dikenal di tahap yang berlaku ({len(kode)}): {', '.join(kode)}")
