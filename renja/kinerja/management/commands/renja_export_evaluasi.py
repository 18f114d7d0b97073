"""renja export evaluasi --tahun 2024 --opd KODE [--pemda KODE] [--triwulan N] --format json|xlsx [-o FILE]

JSON (to stdout or FILE): rows and totals with pagu, realisasi, serapan and capaian; Rupiah as integers, percentages
as numbers with two decimals, blanks as null. XLSX (to FILE): the E.81 form, T-C.29 and the LKjIP tables."""

from __future__ import annotations

import json
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError

from renja.inti.tabel import tulis_xlsx
from renja.kinerja import selectors
from renja.kinerja.tabel import tabel_alokasi, tabel_e81, tabel_iku, tabel_tc29
from renja.monev.evaluasi import EvalBaris, Evaluasi, evaluasi_renja
from renja.perencanaan.models import Renja
from renja.perencanaan.targets import Target
from renja.rumus.uang import bulatkan


def _rp(x: Decimal | None) -> int | None:
    """Rupiah as an integer (money is kept in sen; a sen remainder is rounded half up, as on every page)."""
    return None if x is None else int(bulatkan(x, 0))


def _pct(h) -> float | None:
    p = getattr(h, "persen_bulat", h)
    return None if p is None else float(p)


def _target(t: Target) -> str | float | None:
    if t.kosong:
        return None
    if t.grade:
        return t.grade
    n = t.nilai
    return int(n) if n == n.to_integral_value() else float(n)


def _baris(b: EvalBaris) -> dict:
    out = {
        "kode": b.kode,
        "level": b.level,
        "nama": b.nama,
        "pagu": _rp(b.pagu_total),
        "realisasi": _rp(b.realisasi_total),
        "serapan": _pct(b.serapan),
        "melebihi_pagu": b.melebihi_pagu,
        "realisasi_triwulan": [_rp(b.realisasi_tw(tw)) for tw in range(1, 5)],
        "capaian": None if b.capaian is None else float(Decimal(b.capaian).quantize(Decimal("0.01"))),
        "capaian_rata_rata_anak": b.capaian_rerata,
        "predikat": b.predikat.kode if b.predikat else None,
        "efisiensi": None if b.efisiensi.nilai_bulat is None else float(b.efisiensi.nilai_bulat),
        "indikator": [
            {
                "uraian": i.indikator.uraian,
                "satuan": i.indikator.satuan,
                "agregasi": i.indikator.agregasi,
                "polaritas": i.indikator.polaritas,
                "target": _target(i.target),
                "realisasi": _target(i.realisasi),
                "realisasi_triwulan": [_target(t) for t in i.per_triwulan],
                "capaian": _pct(i.capaian),
                "predikat": i.predikat.kode if i.predikat else None,
            }
            for i in b.indikator
        ],
    }
    if b.level != "sub_kegiatan":
        out["sub_kegiatan_berdata"] = len(b.baris_berdata)
        out["sub_kegiatan_tanpa_data"] = len(b.baris_tanpa_data)
    return out


def payload(ev: Evaluasi) -> dict:
    r = ev.renja
    return {
        "opd": {"kode": r.opd.kode, "nama": r.opd.nama, "pemda": r.opd.pemda.kode},
        "tahun": r.tahun,
        "triwulan": ev.triwulan,
        "periode": ev.periode,
        "tahap": {"jenis": ev.tahap.jenis, "nama": str(ev.tahap)} if ev.tahap else None,
        "metode_efisiensi": {"kode": ev.metode.value, "uraian": ev.metode.label},
        "rows": [_baris(b) for b in ev.baris()],
        "total": {
            "pagu": _rp(ev.pagu_total),
            "realisasi": _rp(ev.realisasi_total),
            "serapan": _pct(ev.serapan),
            "capaian_rata_rata": None
            if ev.capaian_rata_rata is None
            else float(Decimal(ev.capaian_rata_rata).quantize(Decimal("0.01"))),
            "predikat": ev.predikat.kode if ev.predikat else None,
            "cakupan": "hanya sub kegiatan berdata",
            "sub_kegiatan_berdata": len(ev.berdata),
            "sub_kegiatan_tanpa_data": [{"kode": b.kode, "nama": b.nama} for b in ev.tanpa_data],
            "melebihi_pagu": [b.kode for b in ev.melebihi_pagu],
        },
    }


def tabel_semua(ev: Evaluasi) -> list:
    renja = ev.renja
    renstra = selectors.renstra_tahun(renja)
    awal = selectors.capaian_renstra_awal(opd=renja.opd)
    akhir = renstra.tahun_akhir if renstra else None
    tables = [tabel_e81(ev, konteks=selectors.konteks_e81(renja))]
    if ev.triwulan is None:
        tables.append(
            tabel_tc29(
                ev,
                awal=awal,
                target_n1=selectors.target_tahun_berikut(renja),
                realisasi_n3=selectors.realisasi_tahun_sebelumnya(renja),
                tahun_akhir_renstra=akhir,
            )
        )
        if renstra is not None:
            iku = selectors.iku_evaluasi(renstra=renstra, tahun=renja.tahun)
            if iku:
                tables.append(tabel_iku(iku, tahun=renja.tahun, opd_nama=renja.opd.nama))
            for a in selectors.alokasi_iku(evaluasi=ev, iku=iku):
                tables.append(tabel_alokasi(a, metode=ev.metode))
    return tables


class Command(BaseCommand):
    help = (
        "Evaluasi Renja: renja export evaluasi --tahun 2024 --opd KODE [--pemda KODE] [--triwulan N] "
        "--format json|xlsx [-o BERKAS]"
    )

    def add_arguments(self, parser):
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--opd", required=True, help="kode perangkat daerah, mis. 1.06.0.00.0.00.01.0000")
        parser.add_argument("--pemda", help="kode Pemda, bila dua Pemda memakai kode perangkat daerah yang sama")
        parser.add_argument("--triwulan", type=int, choices=[1, 2, 3, 4], help="s.d. triwulan N (bawaan: setahun)")
        parser.add_argument("--format", choices=["json", "xlsx"], default="json")
        parser.add_argument("-o", "--output", help="berkas tujuan (wajib untuk xlsx)")

    def handle(self, *args, tahun, opd, pemda=None, triwulan=None, format="json", output=None, **options):
        try:
            renja = selectors.renja_find(user=None, tahun=tahun, opd_kode=opd, pemda_kode=pemda)
        except (Renja.DoesNotExist, Renja.MultipleObjectsReturned) as exc:
            raise CommandError(str(exc.args[0]) if exc.args else str(exc)) from exc
        ev = evaluasi_renja(renja=renja, triwulan=triwulan, metode=selectors.metode_efisiensi(renja.opd))
        if ev.tahap is None:
            raise CommandError(f"{renja} belum memiliki tahap yang ditetapkan; belum ada yang dievaluasi.")
        if format == "xlsx":
            if not output:
                raise CommandError("Format xlsx ditulis ke berkas: tambahkan -o BERKAS.xlsx.")
            try:
                with open(output, "wb") as fh:
                    tulis_xlsx(tabel_semua(ev), fh)
            except OSError as exc:
                raise CommandError(f"Berkas {output} tidak dapat ditulis: {exc.strerror}.") from exc
            self.stderr.write(f"Evaluasi {ev.periode} {renja.opd.nama} ditulis ke {output}.")
            return
        teks = json.dumps(payload(ev), ensure_ascii=False, indent=2)
        if output:
            try:
                with open(output, "w", encoding="utf-8") as fh:
                    fh.write(teks + "\n")
            except OSError as exc:
                raise CommandError(f"Berkas {output} tidak dapat ditulis: {exc.strerror}.") from exc
        else:
            self.stdout.write(teks)
