"""renja impor tahap FILE --tahun N --opd KODE [--pemda KODE] --jenis KODE [--unit KODE] [--terima-peringatan]
[--simpan]"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from renja.organisasi.selectors import OpdTidakDitemukan, opd_find_for_command
from renja.pemeriksaan.dokumen import DokumenTidakTerbaca
from renja.pemeriksaan.impor_dokumen import dokumen_impor
from renja.perencanaan.models import JenisTahap, Renja
from renja.rumus.angka import format_angka, format_rupiah


class Command(BaseCommand):
    help = (
        "Periksa dokumen Renja (DOCX/XLSX, tabel T-C.33) lalu impor sebagai tahap baru, semua atau tidak sama "
        "sekali; tanpa --simpan hanya temuan dan pratinjau."
    )

    def add_arguments(self, parser):
        parser.add_argument("berkas", help="dokumen Renja DOCX atau XLSX dengan tabel T-C.33 (BAB IV)")
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--opd", required=True, help="kode perangkat daerah, mis. 1.06.0.00.0.00.01.0000")
        parser.add_argument("--pemda", help="kode pemerintah daerah, mis. 32.75 (wajib bila kode OPD tidak unik)")
        parser.add_argument("--jenis", required=True, choices=JenisTahap.values, help="jenis tahap yang dibuat")
        parser.add_argument("--unit", help="kode unit kerja bawaan untuk sub kegiatan tanpa penanggung jawab")
        parser.add_argument("--terima-peringatan", action="store_true", help="impor walau ada peringatan")
        parser.add_argument("--simpan", action="store_true", help="simpan setelah pratinjau")
        parser.add_argument("--pengguna", default=None, help="nama pengguna pelaku (bawaan: admin sistem)")

    def handle(self, *args, berkas, tahun, opd, jenis, pemda=None, unit=None, simpan=False, pengguna=None, **opsi):
        try:
            opd_obj = opd_find_for_command(opd=opd, pemda=pemda)
        except OpdTidakDitemukan as exc:
            raise CommandError(str(exc)) from exc
        renja = Renja.objects.select_related("opd__pemda", "nomenklatur_versi").filter(tahun=tahun, opd=opd_obj).first()
        if renja is None:
            raise CommandError(f"Renja tahun {tahun} untuk perangkat daerah {opd} ({opd_obj.pemda}) tidak ditemukan.")
        unit_obj = None
        if unit:
            unit_obj = renja.opd.unit_kerja.filter(kode=unit).first()
            if unit_obj is None:
                raise CommandError(f"Unit kerja '{unit}' tidak ada di {renja.opd.nama}.")
        actor = self._pelaku(pengguna)
        path = Path(berkas)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Berkas '{berkas}' tidak dapat dibaca: {exc.strerror}.") from exc
        kw = dict(data=data, nama=path.name, renja=renja, jenis_tahap=jenis, user=actor, unit_bawaan=unit_obj)
        try:
            p = dokumen_impor(**kw)
            for t in p.temuan:
                self.stdout.write(t.teks())
            self.stdout.write(f"{p.galat} galat, {p.peringatan} peringatan.")
            if p.hasil is None:
                raise CommandError("Dokumen memiliki galat dan tidak dapat diimpor; perbaiki dulu.")
            h = p.hasil
            self.stdout.write(
                f"Pratinjau tahap {h.jenis_label} {renja}: {format_angka(h.jumlah['program'])} program, "
                f"{format_angka(h.jumlah['kegiatan'])} kegiatan, {format_angka(h.jumlah['sub_kegiatan'])} sub "
                f"kegiatan; total pagu {format_rupiah(h.total_pagu)}; prakiraan maju "
                f"{format_rupiah(h.total_prakiraan_pagu)}."
            )
            if not simpan:
                self.stdout.write("Pratinjau saja; tambahkan --simpan untuk menyimpan.")
                return
            h = dokumen_impor(**kw, simpan=True, terima_peringatan=opsi.get("terima_peringatan", False)).hasil
        except (ValidationError, PermissionDenied, DokumenTidakTerbaca) as exc:
            pesan = "\n".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            raise CommandError(pesan) from exc
        self.stdout.write(f"Disimpan: tahap {h.tahap} {renja}, {format_angka(h.jumlah_baris)} baris.")

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
