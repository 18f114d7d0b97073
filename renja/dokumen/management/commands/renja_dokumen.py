import dataclasses
import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from renja.dokumen.keluaran import TanpaTabel, tulis, tulis_tabel
from renja.dokumen.renja import DAFTAR_TABEL, dokumen_renja, jenis_tabel, penandatangan_bawaan
from renja.organisasi.selectors import OpdTidakDitemukan, opd_find_for_command
from renja.perencanaan import selectors
from renja.perencanaan.models import JenisTahap, Renja


class Command(BaseCommand):
    help = (
        "Dokumen Renja (atau satu tabelnya): renja dokumen --tahun 2026 --opd KODE [--pemda KODE] [--tahap JENIS] "
        "[--tabel T-C.33] --format docx|pdf|xlsx -o BERKAS"
    )

    def add_arguments(self, parser):
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--opd", required=True, help="kode perangkat daerah, mis. 1.06.0.00.0.00.01.0000")
        parser.add_argument("--pemda", help="kode wilayah Pemda, bila dua Pemda memakai kode perangkat daerah sama")
        parser.add_argument("--tahap", help=f"jenis tahap: {', '.join(JenisTahap.values)} (bawaan: tahap terakhir)")
        parser.add_argument("--tabel", help=f"satu tabel saja: {', '.join(t.kode for t in DAFTAR_TABEL)}")
        parser.add_argument("--format", choices=["docx", "pdf", "xlsx"], required=True)
        parser.add_argument("--tanggal", help="tanggal tanda tangan kata pengantar, TTTT-BB-HH (bawaan: kosong)")
        parser.add_argument("-o", "--output", required=True, help="berkas tujuan")

    def handle(self, *args, tahun, opd, output, format, pemda=None, tahap=None, tabel=None, tanggal=None, **options):
        try:
            opd_obj = opd_find_for_command(opd=opd, pemda=pemda)
        except OpdTidakDitemukan as exc:
            raise CommandError(str(exc)) from exc
        try:
            renja = selectors.renja_find_for_opd(tahun=tahun, opd=opd_obj)
        except Renja.DoesNotExist as exc:
            raise CommandError(
                f"Renja tahun {tahun} untuk {opd_obj.nama} {opd_obj.pemda} ({opd_obj.kode}) tidak ditemukan."
            ) from exc
        tahaps = selectors.tahap_list(renja=renja)
        if tahap:
            pilihan = [t for t in tahaps if t.jenis == tahap]
            if not pilihan:
                raise CommandError(
                    f"Tahap '{tahap}' tidak ada pada {renja}. Tersedia: {', '.join(t.jenis for t in tahaps)}."
                )
            t = pilihan[-1]
        else:
            t = selectors.tahap_default(tahaps)
            if t is None:
                raise CommandError(f"{renja} belum memiliki tahap.")
        if tabel:
            jenis = jenis_tabel(tabel)
            if jenis is None:
                raise CommandError(
                    f"Tabel '{tabel}' tidak dikenal. Pilih salah satu: {', '.join(x.kode for x in DAFTAR_TABEL)}."
                )
            isi = jenis.buat(t)
            if isi is None:
                raise CommandError(f"Tabel {jenis.kode} belum tersedia di versi ini.")
            if isinstance(isi, str):
                raise CommandError(f"Tabel {jenis.kode}: {isi}")
            data = tulis_tabel(isi, format)
        else:
            ttd = penandatangan_bawaan(opd_obj)
            if tanggal:
                try:
                    ttd = dataclasses.replace(ttd, tanggal=dt.date.fromisoformat(tanggal))
                except ValueError as exc:
                    raise CommandError(f"--tanggal '{tanggal}' bukan tanggal TTTT-BB-HH.") from exc
            try:
                data = tulis(dokumen_renja(tahap=t, penandatangan=ttd), format)
            except (TanpaTabel, ValueError) as exc:  # NarasiGalat names the placeholder that cannot be filled
                raise CommandError(str(exc)) from exc
        try:
            Path(output).write_bytes(data)
        except OSError as exc:
            raise CommandError(f"Tidak dapat menulis {output}: {exc.strerror}.") from exc
        self.stdout.write(f"{output}: {len(data):,} byte ({format}, {renja.opd.nama} {renja.tahun}, {t}).")
