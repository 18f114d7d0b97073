"""renja export ikm --opd KODE [--pemda KODE] --periode KODE [--layanan KODE] --format json [-o BERKAS]"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from renja.ikm import hasil as sel
from renja.ikm.ekspor import payload
from renja.ikm.models import Layanan, Periode
from renja.organisasi.selectors import OpdTidakDitemukan, opd_find_for_command


def periode_untuk_perintah(*, opd: str, pemda: str | None, periode: str) -> Periode:
    try:
        opd_obj = opd_find_for_command(opd=opd, pemda=pemda)
    except OpdTidakDitemukan as exc:
        raise CommandError(str(exc)) from exc
    try:
        return sel.periode_find(opd=opd_obj, kode=periode)
    except Periode.DoesNotExist as exc:
        ada = ", ".join(Periode.objects.filter(opd=opd_obj).values_list("kode", flat=True)) or "belum ada"
        raise CommandError(
            f"Periode survei '{periode}' untuk {opd_obj.nama} ({opd_obj.pemda}) tidak ditemukan "
            f"(periode yang ada: {ada})."
        ) from exc


class Command(BaseCommand):
    help = (
        "Hasil Survei Kepuasan Masyarakat satu periode sebagai JSON: renja export ikm --opd KODE [--pemda KODE] "
        "--periode KODE [--layanan KODE] --format json [-o BERKAS]"
    )

    def add_arguments(self, parser):
        parser.add_argument("--opd", required=True, help="kode perangkat daerah, mis. 1.06.0.00.0.00.01.0000")
        parser.add_argument("--pemda", help="kode Pemda, bila dua Pemda memakai kode perangkat daerah yang sama")
        parser.add_argument("--periode", required=True, help='kode periode survei, mis. "2024"')
        parser.add_argument("--layanan", help="kode layanan (bawaan: seluruh layanan)")
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("-o", "--output", help="berkas tujuan (bawaan: layar)")

    def handle(self, *args, opd, periode, pemda=None, layanan=None, output=None, **options):
        p = periode_untuk_perintah(opd=opd, pemda=pemda, periode=periode)
        try:
            lay = sel.layanan_dari_kode(p, layanan)
        except Layanan.DoesNotExist as exc:
            ada = ", ".join(Layanan.objects.filter(opd_id=p.opd_id).values_list("kode", flat=True)) or "belum ada"
            raise CommandError(f"Layanan '{layanan}' tidak ada di {p.opd.nama} (layanan yang ada: {ada}).") from exc
        teks = json.dumps(payload(sel.hasil_periode(periode=p, layanan=lay)), ensure_ascii=False, indent=2)
        if output:
            try:
                with open(output, "w", encoding="utf-8") as fh:
                    fh.write(teks + "\n")
            except OSError as exc:
                raise CommandError(f"Berkas {output} tidak dapat ditulis: {exc.strerror}.") from exc
        else:
            self.stdout.write(teks)
