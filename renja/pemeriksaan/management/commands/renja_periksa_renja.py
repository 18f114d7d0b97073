"""`renja periksa renja --tahun N --opd KODE [--pemda KODE] [--tahap KODE] [--format text|json]`: the data rules
over one stored Renja stage; exit 1 when a galat is not accepted."""

import json
from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from renja.organisasi.selectors import OpdTidakDitemukan, opd_find_for_command
from renja.pemeriksaan.periksa import galat_terbuka, periksa_tahap
from renja.perencanaan import selectors
from renja.perencanaan.models import JenisTahap, Renja


class Command(BaseCommand):
    help = (
        "Periksa data Renja yang tersimpan (kode, induk, indikator, target, pagu, prakiraan maju, Renstra, selisih "
        "antar tahap, SPM, realisasi): renja periksa renja --tahun 2026 --opd KODE [--pemda KODE] [--tahap JENIS]"
    )

    def add_arguments(self, parser):
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--opd", required=True, help="kode perangkat daerah, mis. 1.06.0.00.0.00.01.0000")
        parser.add_argument(
            "--pemda", help="kode wilayah Pemda, mis. 32.75 (wajib bila kode OPD dipakai beberapa Pemda)"
        )
        parser.add_argument("--tahap", help=f"jenis tahap: {', '.join(JenisTahap.values)} (bawaan: tahap terakhir)")
        parser.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args, tahun, opd, pemda=None, tahap=None, format="text", **options):
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
            dipilih = [t for t in tahaps if t.jenis == tahap]
            if not dipilih:
                raise CommandError(
                    f"Tahap '{tahap}' tidak ada pada {renja}. Tersedia: {', '.join(t.jenis for t in tahaps)}."
                )
            t = dipilih[-1]
        else:
            t = selectors.tahap_default(tahaps)
            if t is None:
                raise CommandError(f"{renja} belum memiliki tahap.")
        hasil = periksa_tahap(t)
        if format == "json":
            keluaran = {
                "renja": {"tahun": renja.tahun, "opd": opd_obj.kode, "pemda": opd_obj.pemda.kode, "tahap": t.jenis},
                "temuan": [
                    {
                        **h.temuan.sebagai_dict(),
                        "diterima": h.diterima,
                        "alasan_diterima": h.penerimaan.alasan if h.diterima else "",
                    }
                    for h in hasil
                ],
            }
            self.stdout.write(json.dumps(keluaran, ensure_ascii=False, indent=2))
        else:
            for h in hasil:
                baris = h.temuan.teks().split("\n")[0]
                if h.diterima:
                    baris += f"\n    diterima: {h.penerimaan.alasan}"
                self.stdout.write(baris)
            hitung = Counter(str(h.temuan.tingkat) for h in hasil if not h.diterima)
            diterima = sum(1 for h in hasil if h.diterima)
            self.stdout.write(
                f"{renja} ({t}): {hitung['galat']} galat, {hitung['peringatan']} peringatan, {hitung['info']} info"
                f"{f', {diterima} diterima' if diterima else ''}."
            )
        if galat_terbuka(hasil):
            raise SystemExit(1)
