import json
import sys

from django.core.management.base import BaseCommand, CommandError

from renja.inti.tabel import Baris, Jenis, Kolom, Tabel, tulis_csv
from renja.organisasi.selectors import OpdTidakDitemukan, opd_find_for_command
from renja.perencanaan import selectors
from renja.perencanaan.models import JenisTahap, Renja
from renja.perencanaan.targets import target_of


def _rupiah(value) -> int | None:
    return None if value is None else int(value)


def _target(t) -> str:
    """Machine form for export: '1800', '12.5' or a grade; empty when there is no target."""
    if t.kosong:
        return ""
    if t.grade:
        return t.grade
    return format(t.nilai.normalize(), "f")


class Command(BaseCommand):
    help = (
        "Cetak baris Renja dan totalnya: renja export renja --tahun 2026 --opd KODE [--pemda KODE] [--tahap JENIS] "
        "--format json|csv"
    )

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["renja"])
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--opd", required=True, help="kode perangkat daerah, mis. 1.06.0.00.0.00.01.0000")
        parser.add_argument(
            "--pemda", help="kode wilayah Pemda, mis. 32.75 (wajib bila kode OPD dipakai beberapa Pemda)"
        )
        parser.add_argument("--tahap", help=f"jenis tahap: {', '.join(JenisTahap.values)} (bawaan: tahap terakhir)")
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args, what, tahun, opd, pemda=None, tahap=None, format="json", **options):
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
            chosen = [t for t in tahaps if t.jenis == tahap]
            if not chosen:
                raise CommandError(
                    f"Tahap '{tahap}' tidak ada pada {renja}. Tersedia: {', '.join(t.jenis for t in tahaps)}."
                )
            t = chosen[-1]
        else:
            t = selectors.tahap_default(tahaps)
            if t is None:
                raise CommandError(f"{renja} belum memiliki tahap.")
        tree = selectors.renja_tree(tahap=t)
        rows = []
        for n in tree.flat():
            r = n.row
            rows.append(
                {
                    "kode": r.kode,
                    "level": r.level,
                    "nama": r.nama,
                    "indikator": [
                        {"uraian": i.uraian, "target": _target(target_of(i)), "satuan": i.satuan}
                        for i in r.indikator.all()
                    ],
                    "pagu": _rupiah(n.pagu_tampil),
                    "pagu_per_sumber_dana": {p.sumber_dana.kode: _rupiah(p.jumlah) for p in r.pagu.all()},
                    "unit": r.unit.nama if r.unit_id else "",
                    "lokasi": list(r.lokasi or []),
                    "sumber_dana": n.sumber_dana,
                    "prakiraan_maju_target": _target(target_of(r, "prakiraan_target")),
                    "prakiraan_maju_satuan": r.prakiraan_satuan,
                    "prakiraan_maju_pagu": _rupiah(n.prakiraan_tampil),
                }
            )
        totals = {
            "pagu": _rupiah(tree.total_pagu),
            "prakiraan_maju_pagu": _rupiah(tree.total_prakiraan_pagu),
            "program": {p.row.kode: _rupiah(p.pagu_tampil) for p in tree.programs},
            "jumlah_program": tree.counts["program"],
            "jumlah_kegiatan": tree.counts["kegiatan"],
            "jumlah_sub_kegiatan": tree.counts["sub_kegiatan"],
        }
        if format == "json":
            payload = {
                "opd": {"kode": renja.opd.kode, "nama": renja.opd.nama, "pemda": str(renja.opd.pemda)},
                "tahun": renja.tahun,
                "tahap": {"jenis": t.jenis, "nama": str(t), "status": t.status},
                "rows": rows,
                "total": totals,
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            self._write_csv(rows, totals)

    def _write_csv(self, rows: list[dict], totals: dict) -> None:
        """One line per indicator (the SIPD layout); money only on a row's first line so columns add up.

        Written by the shared table writer (renja.inti.tabel), which escapes text that a spreadsheet would run
        as a formula (issue 6, defect 9)."""
        out = self.stdout._out if hasattr(self.stdout, "_out") else sys.stdout
        kolom = [
            Kolom("kode"),
            Kolom("level"),
            Kolom("nama"),
            Kolom("indikator"),
            Kolom("target"),
            Kolom("satuan"),
            Kolom("pagu", jenis=Jenis.RUPIAH),
            Kolom("unit"),
            Kolom("sumber_dana"),
            Kolom("lokasi"),
            Kolom("prakiraan_maju_target"),
            Kolom("prakiraan_maju_satuan"),
            Kolom("prakiraan_maju_pagu", jenis=Jenis.RUPIAH),
        ]
        baris = []
        for row in rows:
            for n, ind in enumerate(row["indikator"] or [{"uraian": "", "target": "", "satuan": ""}]):
                first = n == 0
                baris.append(
                    Baris(
                        {
                            "kode": row["kode"],
                            "level": row["level"],
                            "nama": row["nama"],
                            "indikator": ind["uraian"],
                            "target": ind["target"],
                            "satuan": ind["satuan"],
                            "pagu": row["pagu"] if first else None,
                            "unit": row["unit"],
                            "sumber_dana": row["sumber_dana"],
                            "lokasi": ", ".join(row["lokasi"]),
                            "prakiraan_maju_target": row["prakiraan_maju_target"] if first else "",
                            "prakiraan_maju_satuan": row["prakiraan_maju_satuan"] if first else "",
                            "prakiraan_maju_pagu": row["prakiraan_maju_pagu"] if first else None,
                        },
                        gaya=row["level"] if row["level"] in ("program", "kegiatan") else "",
                    )
                )
        kaki = [
            Baris(
                {
                    "level": "total",
                    "nama": "JUMLAH",
                    "pagu": totals["pagu"],
                    "prakiraan_maju_pagu": totals["prakiraan_maju_pagu"],
                },
                gaya="total",
            )
        ]
        tulis_csv(Tabel(kolom=kolom, baris=baris, kaki=kaki, nama_lembar="Renja"), out)
