"""The OPD dashboard (issue 11, Build 6): one read of the evaluation up to triwulan n, shown as figures, charts and
the tables under them. Every figure comes from renja.monev.evaluasi (sums of Rupiah, then percentages, computed with
renja.rumus) and renja.monev.peringatan; nothing here is stored.

* pagu vs realisasi per program and per unit (rows with data only, as the evaluation's totals; the number of rows
  without data is shown next to them);
* capaian by predikat: sub kegiatan per Permendagri 86 predikat, and those without kinerja data;
* traffic lights: the early warning's merah / kuning / hijau / belum ada data;
* missing submissions: units that have not submitted triwulan n (renja.monev.selectors.belum_mengisi);
* the user's unread notifications.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from renja.inti.models import Notifikasi
from renja.monev import selectors
from renja.monev.evaluasi import EvalBaris, Evaluasi, evaluasi_renja
from renja.monev.peringatan import DaftarPeringatan, peringatan_dini, triwulan_terakhir_berdata
from renja.organisasi import access
from renja.perencanaan.models import Renja
from renja.rumus import capaian as rumus
from renja.rumus.uang import jumlah as jumlah_uang

PREDIKAT = [("ST", "Sangat Tinggi"), ("T", "Tinggi"), ("S", "Sedang"), ("R", "Rendah"), ("SR", "Sangat Rendah")]
LAMPU = [
    ("merah", "Merah (di bawah ambang)"),
    ("kuning", "Kuning (dekat ambang)"),
    ("hijau", "Hijau"),
    ("abu", "Belum ada data"),
]


@dataclass
class BarisUang:
    """One bar of a pagu-vs-realisasi chart: a program or a unit."""

    kode: str
    nama: str
    pagu: Decimal | None
    realisasi: Decimal | None
    berdata: int
    tanpa_data: int

    @property
    def serapan(self) -> rumus.HasilCapaian:
        return rumus.serapan_anggaran(pagu=self.pagu, realisasi=self.realisasi)


@dataclass
class Dasbor:
    renja: Renja
    triwulan: int
    evaluasi: Evaluasi
    program: list[BarisUang]
    unit: list[BarisUang]
    predikat: list[tuple[str, str, int]]  # (kode, label, number of sub kegiatan)
    lampu: list[tuple[str, str, int]]
    peringatan: DaftarPeringatan
    belum_mengisi: selectors.BelumMengisi
    notifikasi: list[Notifikasi]
    notifikasi_belum_dibaca: int

    @property
    def tahap(self):
        return self.evaluasi.tahap

    @property
    def pagu_total(self) -> Decimal | None:
        return self.evaluasi.pagu_total

    @property
    def realisasi_total(self) -> Decimal | None:
        return self.evaluasi.realisasi_total

    @property
    def serapan(self) -> rumus.HasilCapaian:
        return self.evaluasi.serapan

    @property
    def tanpa_data(self) -> int:
        return len(self.evaluasi.tanpa_data)

    def grafik(self) -> dict:
        """The charts' data for renja/static/renja/dasbor.js (Rupiah as integers, percentages with 2 decimals): the
        same figures as the tables under the charts."""

        def rp(x):
            return None if x is None else int(x)

        def uang(baris: list[BarisUang]) -> dict:
            return {
                "label": [f"{b.kode} {b.nama}".strip() for b in baris],
                "pagu": [rp(b.pagu) for b in baris],
                "realisasi": [rp(b.realisasi) for b in baris],
            }

        return {
            "program": uang(self.program),
            "unit": uang(self.unit),
            "predikat": {"label": [x[1] for x in self.predikat], "jumlah": [x[2] for x in self.predikat]},
            "lampu": {"label": [x[1] for x in self.lampu], "jumlah": [x[2] for x in self.lampu]},
        }


def _uang(kode: str, nama: str, subs: list[EvalBaris]) -> BarisUang:
    berdata = [s for s in subs if s.ada_data_keuangan]
    return BarisUang(
        kode=kode,
        nama=nama,
        pagu=jumlah_uang(s.pagu for s in berdata) if berdata else None,
        realisasi=jumlah_uang(s.realisasi for s in berdata) if berdata else None,
        berdata=len(berdata),
        tanpa_data=len(subs) - len(berdata),
    )


def dasbor_opd(*, user, renja: Renja, triwulan: int | None = None) -> Dasbor:
    """The dashboard of ``renja``'s OPD up to the end of ``triwulan`` (default: the last triwulan with realisation)."""
    access.access_realisasi_view(user, renja.opd)
    if triwulan not in (1, 2, 3, 4):
        triwulan = triwulan_terakhir_berdata(renja=renja)
    ev = evaluasi_renja(renja=renja, triwulan=triwulan)
    program = [_uang(p.kode, p.nama, p.sub_kegiatan) for p in ev.program]
    per_unit: dict[int | None, list[EvalBaris]] = {}
    unit_nama: dict[int | None, tuple[str, str, int]] = {}
    for s in ev.sub_kegiatan:
        u = s.row.unit
        per_unit.setdefault(s.row.unit_id, []).append(s)
        unit_nama[s.row.unit_id] = (u.kode, u.nama, u.urutan) if u else ("", "Tanpa unit", 10**6)
    unit = [
        _uang("", unit_nama[uid][1], subs)
        for uid, subs in sorted(per_unit.items(), key=lambda x: (unit_nama[x[0]][2], unit_nama[x[0]][0]))
    ]
    hitung = {kode: 0 for kode, _ in PREDIKAT}
    tanpa_kinerja = 0
    for s in ev.sub_kegiatan:
        p = s.predikat
        if p is None:
            tanpa_kinerja += 1
        else:
            hitung[p.kode] += 1
    predikat = [(kode, label, hitung[kode]) for kode, label in PREDIKAT] + [
        ("-", "Belum ada data kinerja", tanpa_kinerja)
    ]
    daftar = peringatan_dini(user=user, renja=renja, triwulan=triwulan, evaluasi=ev)
    warna = {kode: 0 for kode, _ in LAMPU}
    for p in daftar.semua:
        warna[p.lampu] += 1
    lampu = [(kode, label, warna[kode]) for kode, label in LAMPU]
    notif = list(Notifikasi.objects.filter(penerima=user, dibaca=False).order_by("-dibuat_pada", "-id")[:5])
    return Dasbor(
        renja=renja,
        triwulan=triwulan,
        evaluasi=ev,
        program=program,
        unit=unit,
        predikat=predikat,
        lampu=lampu,
        peringatan=daftar,
        belum_mengisi=selectors.belum_mengisi(renja=renja, triwulan=triwulan),
        notifikasi=notif,
        notifikasi_belum_dibaca=Notifikasi.objects.filter(penerima=user, dibaca=False).count(),
    )


def renja_dasbor(*, user) -> Renja | None:
    """The Renja whose dashboard is a user's home: the latest year of the user's OPD that has a stage in force (or,
    for a user who reads several OPD, None: they choose)."""
    renjas = selectors.renja_monev_visible(user=user)
    opd = {r.opd_id for r in renjas}
    if len(opd) != 1:
        return None
    for r in renjas:  # newest year first
        if selectors.tahap_berlaku(r) is not None:
            return r
    return None
