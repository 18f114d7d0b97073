"""Evaluation of a Renja for a triwulan or the year (Permendagri 86/2017 E.81; LKjIP tables), computed, never stored.

Per sub kegiatan, rolled up to kegiatan, program and OPD, from the realisation of the stage in force:

* keuangan: pagu of the stage in force and realisasi up to the end of the period, both **sums of Rupiah**; serapan is
  then one percentage of those sums (renja.rumus.capaian.serapan_anggaran). Realisation above pagu is flagged.
* kinerja: each indicator's months combined with its aggregation (rumus.capaian.gabung_periode), capaian by polarity
  against the year's target (grade targets on the ordinal scale), predikat (Permendagri 86/2017 bands).
* efisiensi by the OPD's method (REGULASI.md §7): A = indeks capaian / serapan (default), B = the PMK form (nilai
  efisiensi from E = 1 - serapan/capaian per sub kegiatan, averaged above), C = capaian - serapan (the seed's
  Tabel 3.16). The capaian of a row is the mean of its indicators' capaian, or, for a kegiatan or program
  without an indicator of its own, the mean of its children's: an average of percentages, said so (`capaian_rerata`).

A blank stays blank: a sub kegiatan without pagu or without realisation is "belum ada data", counted and named in
:attr:`Evaluasi.tanpa_data`, and every total covers only the rows with data (:attr:`EvalBaris.baris_berdata`).
The number of queries does not grow with the number of rows (tests/monev/test_evaluasi.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from django.db import connection
from django.db.models import BigIntegerField, Count, Sum

from renja.monev.models import RealisasiFaktor, RealisasiKeuangan, RealisasiKinerja, TriwulanOpd, bulan_triwulan
from renja.monev.selectors import ROMAWI, asal_ke_berlaku, tahap_berlaku
from renja.perencanaan.models import Indikator, Level, Pagu, Renja, RenjaRow, StatusTahap, Tahap
from renja.perencanaan.selectors import tahap_rows
from renja.perencanaan.targets import Target
from renja.rumus import capaian as rumus
from renja.rumus.uang import bulatkan, dari_sen
from renja.rumus.uang import jumlah as jumlah_uang

_POLARITAS = {"naik": rumus.Polaritas.POSITIF, "turun": rumus.Polaritas.NEGATIF}


class MetodeEfisiensi(StrEnum):
    """REGULASI.md §7. B (the Kemenkeu PMK form) reads the volume ratio of each output as its capaian and the
    budget ratio as its serapan, and averages E over the outputs (sub kegiatan)."""

    A = "A"
    B = "B"
    C = "C"

    @property
    def label(self) -> str:
        return _LABEL_METODE[self]


_LABEL_METODE = {
    MetodeEfisiensi.A: "Metode A: indeks efisiensi = % capaian kinerja / % serapan anggaran (efisien bila >= 1)",
    MetodeEfisiensi.B: "Metode B (bentuk PMK): nilai efisiensi = 50 + (E/20 x 50), E = (1 - % serapan / % capaian) x "
    "100 per sub kegiatan, dibatasi +/-20, dirata-rata untuk baris di atasnya (efisien bila E >= 0)",
    MetodeEfisiensi.C: "Metode C: tingkat efisiensi = % capaian kinerja - % serapan anggaran (positif = efisien)",
}
METODE_BAWAAN = MetodeEfisiensi.A


@dataclass(frozen=True)
class Efisiensi:
    metode: MetodeEfisiensi
    nilai: Decimal | None  # A: the index (1,06); C: percentage points (8,58)
    efisien: bool | None

    @property
    def nilai_bulat(self) -> Decimal | None:
        return None if self.nilai is None else bulatkan(self.nilai, 2)


def efisiensi_hitung(
    *,
    metode: MetodeEfisiensi,
    capaian: Decimal | None,
    serapan: Decimal | None,
    keluaran: list[EvalBaris] | None = None,
) -> Efisiensi:
    """The row's efisiensi by `metode`; for B over several outputs (`keluaran`: the sub kegiatan of a kegiatan,
    program or OPD) the mean of their E (REGULASI.md §7), not one E of the summed figures."""
    if metode is MetodeEfisiensi.B:
        if keluaran is None:
            hasil_b = rumus.efisiensi_pmk(capaian=capaian, serapan=serapan)
        else:
            hasil_b = rumus.efisiensi_pmk_rata_rata(
                rumus.efisiensi_pmk(capaian=k.capaian, serapan=k.serapan.persen) for k in keluaran
            )
        return Efisiensi(metode, hasil_b.nilai, hasil_b.efisien)
    if metode is MetodeEfisiensi.C:
        nilai = rumus.efisiensi_selisih(capaian=capaian, serapan=serapan)
        return Efisiensi(metode, nilai, None if nilai is None else nilai >= 0)
    hasil = rumus.efisiensi_indeks(capaian=capaian, serapan=serapan)
    return Efisiensi(metode, hasil.indeks, hasil.efisien)


@dataclass
class EvalIndikator:
    indikator: Indikator
    per_triwulan: list[Target]  # TW I..IV, each the quarter's months combined (E.81 columns 8-11)
    realisasi: Target  # the year up to the end of the period (E.81 column 12)
    capaian: rumus.HasilCapaian

    @property
    def target(self) -> Target:
        return Target(nilai=self.indikator.target_nilai, grade=self.indikator.target_grade)

    @property
    def ada_data(self) -> bool:
        return not self.realisasi.kosong

    @property
    def predikat(self) -> rumus.PredikatCapaian | None:
        return rumus.predikat_capaian(self.capaian.persen)


@dataclass
class EvalBaris:
    row: RenjaRow
    indikator: list[EvalIndikator]
    anak: list[EvalBaris] = field(default_factory=list)
    # sub kegiatan: own figures; above: sums over the sub kegiatan with data
    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    realisasi_triwulan: list[Decimal | None] = field(default_factory=lambda: [None] * 4)
    faktor: RealisasiFaktor | None = None
    metode: MetodeEfisiensi = METODE_BAWAAN

    @property
    def level(self) -> str:
        return self.row.level

    @property
    def kode(self) -> str:
        return self.row.kode

    @property
    def nama(self) -> str:
        return self.row.nama

    # -- keuangan --------------------------------------------------------------------------------------------

    @property
    def sub_kegiatan(self) -> list[EvalBaris]:
        if self.level == Level.SUB_KEGIATAN:
            return [self]
        return [s for a in self.anak for s in a.sub_kegiatan]

    @property
    def ada_data_keuangan(self) -> bool:
        """A sub kegiatan has keuangan data when it has both a pagu and a realisation for the period."""
        if self.level == Level.SUB_KEGIATAN:
            return self.pagu is not None and self.realisasi is not None
        return any(s.ada_data_keuangan for s in self.sub_kegiatan)

    @property
    def baris_berdata(self) -> list[EvalBaris]:
        return [s for s in self.sub_kegiatan if s.ada_data_keuangan]

    @property
    def baris_tanpa_data(self) -> list[EvalBaris]:
        return [s for s in self.sub_kegiatan if not s.ada_data_keuangan]

    @property
    def pagu_total(self) -> Decimal | None:
        """Pagu of the rows with data (a sub kegiatan: its own pagu, also without realisation)."""
        if self.level == Level.SUB_KEGIATAN:
            return self.pagu
        rows = self.baris_berdata
        return jumlah_uang(s.pagu for s in rows) if rows else None

    @property
    def realisasi_total(self) -> Decimal | None:
        if self.level == Level.SUB_KEGIATAN:
            return self.realisasi
        rows = self.baris_berdata
        return jumlah_uang(s.realisasi for s in rows) if rows else None

    def realisasi_tw(self, triwulan: int) -> Decimal | None:
        if self.level == Level.SUB_KEGIATAN:
            return self.realisasi_triwulan[triwulan - 1]
        ada = [s.realisasi_triwulan[triwulan - 1] for s in self.baris_berdata]
        ada = [x for x in ada if x is not None]
        return jumlah_uang(ada) if ada else None

    @property
    def serapan(self) -> rumus.HasilCapaian:
        return rumus.serapan_anggaran(pagu=self.pagu_total, realisasi=self.realisasi_total)

    @property
    def melebihi_pagu(self) -> bool:
        return self.serapan.flag is rumus.Flag.MELEBIHI_PAGU

    @property
    def baris_melebihi_pagu(self) -> list[EvalBaris]:
        return [s for s in self.sub_kegiatan if s.melebihi_pagu]

    # -- kinerja ---------------------------------------------------------------------------------------------

    @property
    def capaian_rerata(self) -> bool:
        """True when the row's capaian is the mean of its children's (it has no indicator with data)."""
        return not any(i.capaian.persen is not None for i in self.indikator) and bool(self.anak)

    @property
    def capaian(self) -> Decimal | None:
        """Mean capaian of the row's own indicators, else of its children (an average of percentages)."""
        own = rumus.rata_rata_capaian(i.capaian for i in self.indikator)
        if own is not None or not self.anak:
            return own
        return rumus.rata_rata_capaian(rumus.HasilCapaian(a.capaian) for a in self.anak)

    @property
    def predikat(self) -> rumus.PredikatCapaian | None:
        return rumus.predikat_capaian(self.capaian)

    @property
    def efisiensi(self) -> Efisiensi:
        keluaran = None if self.level == Level.SUB_KEGIATAN else self.sub_kegiatan
        return efisiensi_hitung(
            metode=self.metode, capaian=self.capaian, serapan=self.serapan.persen, keluaran=keluaran
        )


@dataclass
class Evaluasi:
    renja: Renja
    tahap: Tahap | None
    triwulan: int | None  # None = the year
    program: list[EvalBaris]
    metode: MetodeEfisiensi
    triwulan_opd: dict[int, TriwulanOpd]

    @property
    def periode(self) -> str:
        if self.triwulan is None:
            return f"Tahun {self.renja.tahun}"
        return f"Triwulan {ROMAWI[self.triwulan]} {self.renja.tahun}"

    @property
    def contoh(self) -> bool:
        """Whether a quarter in the period holds example data (the demo's made-up 2026 figures)."""
        return any(t.contoh for tw, t in self.triwulan_opd.items() if tw <= self.triwulan_akhir)

    @property
    def triwulan_pilihan(self) -> list[tuple[int, str]]:
        return [(tw, f"s.d. Triwulan {ROMAWI[tw]}") for tw in range(1, 5)]

    @property
    def triwulan_akhir(self) -> int:
        return self.triwulan or 4

    def baris(self):
        """Every row in Renja order (program, its kegiatan, each with its sub kegiatan)."""
        for p in self.program:
            yield p
            for k in p.anak:
                yield k
                yield from k.anak

    @property
    def sub_kegiatan(self) -> list[EvalBaris]:
        return [s for p in self.program for s in p.sub_kegiatan]

    @property
    def tanpa_data(self) -> list[EvalBaris]:
        """Sub kegiatan without keuangan data for the period (no pagu or no realisation), by name."""
        return [s for s in self.sub_kegiatan if not s.ada_data_keuangan]

    @property
    def berdata(self) -> list[EvalBaris]:
        return [s for s in self.sub_kegiatan if s.ada_data_keuangan]

    @property
    def pagu_total(self) -> Decimal | None:
        rows = self.berdata
        return jumlah_uang(s.pagu for s in rows) if rows else None

    @property
    def realisasi_total(self) -> Decimal | None:
        rows = self.berdata
        return jumlah_uang(s.realisasi for s in rows) if rows else None

    @property
    def serapan(self) -> rumus.HasilCapaian:
        return rumus.serapan_anggaran(pagu=self.pagu_total, realisasi=self.realisasi_total)

    @property
    def melebihi_pagu(self) -> list[EvalBaris]:
        return [s for s in self.sub_kegiatan if s.melebihi_pagu]

    @property
    def capaian_rata_rata(self) -> Decimal | None:
        """E.81 footer "rata-rata capaian kinerja": mean over every indicator with a capaian (average of %)."""
        return rumus.rata_rata_capaian(i.capaian for b in self.baris() for i in b.indikator)

    @property
    def predikat(self) -> rumus.PredikatCapaian | None:
        return rumus.predikat_capaian(self.capaian_rata_rata)

    @property
    def efisiensi(self) -> Efisiensi:
        return efisiensi_hitung(
            metode=self.metode,
            capaian=self.capaian_rata_rata,
            serapan=self.serapan.persen,
            keluaran=self.sub_kegiatan,
        )

    def cari(self, kode: str) -> EvalBaris:
        for b in self.baris():
            if b.kode == kode:
                return b
        raise KeyError(kode)

    def gabungan(self, kode: list[str]) -> tuple[Decimal | None, Decimal | None, rumus.HasilCapaian]:
        """Pagu, realisasi and serapan of several rows together (e.g. the three programs of Tabel 3.9)."""
        rows = [s for k in kode for s in self.cari(k).baris_berdata]
        if not rows:
            return None, None, rumus.serapan_anggaran(pagu=None, realisasi=None)
        pagu, real = jumlah_uang(s.pagu for s in rows), jumlah_uang(s.realisasi for s in rows)
        return pagu, real, rumus.serapan_anggaran(pagu=pagu, realisasi=real)


def _triwulan_sah(triwulan: int | None) -> int | None:
    if triwulan is None:
        return None
    if int(triwulan) not in (1, 2, 3, 4):
        raise ValueError(f"Triwulan '{triwulan}' tidak dikenal; isi 1 sampai 4.")
    return int(triwulan)


def evaluasi_renja(
    *, renja: Renja, triwulan: int | None = None, metode: MetodeEfisiensi | str = METODE_BAWAAN
) -> Evaluasi:
    """The evaluation of `renja` up to the end of `triwulan` (None = the whole year). The caller checks access
    (access.access_realisasi_view) or gets `renja` from a scoped selector (renja_monev_get)."""
    triwulan = _triwulan_sah(triwulan)
    metode = MetodeEfisiensi(metode)
    tahap = tahap_berlaku(renja)
    tw_opd = {t.triwulan: t for t in TriwulanOpd.objects.filter(renja=renja)}
    if tahap is None:
        return Evaluasi(renja, None, triwulan, [], metode, tw_opd)
    akhir = bulan_triwulan(triwulan or 4)[-1]
    rows = tahap_rows(tahap)
    peta = asal_ke_berlaku(renja=renja, tahap=tahap)

    # (row of the stage in force, indicator position) -> month -> (nilai, grade); later ids (newer stages) win
    kinerja: dict[tuple[int, int], dict[int, tuple]] = defaultdict(dict)
    for row_id, urutan, bulan, nilai, grade in (
        RealisasiKinerja.objects.filter(renja=renja, bulan__lte=akhir)
        .order_by("id")
        .values_list("indikator__row_id", "indikator__urutan", "bulan", "nilai", "grade")
    ):
        if (target_row := peta.get(row_id)) is not None:
            kinerja[(target_row, urutan)][bulan] = (nilai, grade)
    keuangan: dict[int, dict[int, list[Decimal]]] = defaultdict(lambda: defaultdict(list))
    for row_id, bulan, jumlah in (
        RealisasiKeuangan.objects.filter(renja=renja, bulan__lte=akhir, jumlah__isnull=False)
        .order_by("id")
        .values_list("row_id", "bulan", "jumlah")
    ):
        if (target_row := peta.get(row_id)) is not None:
            keuangan[target_row][bulan].append(jumlah)
    # faktor pendorong / penghambat / tindak lanjut of the period's last triwulan (the year: triwulan IV, whose
    # tindak lanjut is the one for the next Renja; E.81 footer)
    faktor: dict[int, RealisasiFaktor] = {}
    for f in RealisasiFaktor.objects.filter(renja=renja, triwulan=triwulan or 4).order_by("id"):
        if (target_row := peta.get(f.row_id)) is not None:
            faktor[target_row] = f

    def eval_indikator(r: RenjaRow, ind: Indikator) -> EvalIndikator:
        bulanan = kinerja.get((r.pk, ind.urutan), {})
        grade = bool(ind.target_grade)

        def gabung(bulan) -> Target:
            if grade:
                ada = [bulanan[b][1] for b in bulan if b in bulanan and bulanan[b][1]]
                return Target(grade=ada[-1] if ada else "")
            return Target(nilai=rumus.gabung_periode([bulanan.get(b, (None,))[0] for b in bulan], cara=ind.agregasi))

        per_tw = [gabung(bulan_triwulan(tw)) if tw * 3 <= akhir else Target() for tw in range(1, 5)]
        realisasi = gabung(range(1, akhir + 1))
        if grade:
            hasil = rumus.capaian_peringkat(target=ind.target_grade, realisasi=realisasi.grade or None)
        else:
            hasil = rumus.capaian(
                target=ind.target_nilai,
                realisasi=realisasi.nilai,
                polaritas=_POLARITAS.get(ind.polaritas, rumus.Polaritas.POSITIF),
            )
        return EvalIndikator(indikator=ind, per_triwulan=per_tw, realisasi=realisasi, capaian=hasil)

    nodes: dict[int, EvalBaris] = {}
    program: list[EvalBaris] = []
    for r in rows:
        node = EvalBaris(row=r, indikator=[eval_indikator(r, i) for i in r.indikator.all()], metode=metode)
        if r.level == Level.SUB_KEGIATAN:
            pagu = list(r.pagu.all())
            node.pagu = jumlah_uang(p.jumlah for p in pagu) if pagu else None
            bulanan = keuangan.get(r.pk, {})
            per_tw = []
            for tw in range(1, 5):
                ada = [x for b in bulan_triwulan(tw) if b <= akhir for x in bulanan.get(b, [])]
                per_tw.append(jumlah_uang(ada) if ada else None)
            node.realisasi_triwulan = per_tw
            ada = [x for xs in bulanan.values() for x in xs]
            node.realisasi = jumlah_uang(ada) if ada else None
            node.faktor = faktor.get(r.pk)
        nodes[r.pk] = node
        if r.parent_id is None:
            program.append(node)
        elif r.parent_id in nodes:
            nodes[r.parent_id].anak.append(node)
    return Evaluasi(renja, tahap, triwulan, program, metode, tw_opd)


# --- OPD-level roll-up of many Renja at once (the province view, benchmarks/evaluasi_rollup.py) -------------------


@dataclass
class RingkasanKeuangan:
    """Pagu, realisasi and serapan of one Renja over its sub kegiatan with data: the same figures as
    Evaluasi.pagu_total / realisasi_total / serapan, without the per-row objects."""

    renja: Renja
    pagu: Decimal | None
    realisasi: Decimal | None
    berdata: int
    tanpa_data: int

    @property
    def serapan(self) -> rumus.HasilCapaian:
        return rumus.serapan_anggaran(pagu=self.pagu, realisasi=self.realisasi)


def ringkasan_keuangan(*, renjas: list[Renja], triwulan: int | None = None) -> list[RingkasanKeuangan]:
    """OPD-level keuangan of several Renja in a fixed number of queries whatever their number and size, with the
    rule of evaluasi_renja: a sub kegiatan of the stage in force counts when it has both a pagu and a realisation up
    to the period (on itself or, after a Perubahan, on the rows it was copied from); money is summed in integer sen.

    A stage in force without copied rows (no Perubahan) is added up entirely by the database (one grouped query);
    a stage with copied rows follows the lineage in Python (per-row sums from the database)."""
    akhir = bulan_triwulan(_triwulan_sah(triwulan) or 4)[-1]
    ids = [r.pk for r in renjas]
    berlaku: dict[int, int] = {}
    for renja_id, tahap_id in (
        Tahap.objects.filter(renja_id__in=ids, status=StatusTahap.DITETAPKAN)
        .order_by("renja_id", "-urutan", "-nomor")
        .values_list("renja_id", "id")
    ):
        berlaku.setdefault(renja_id, tahap_id)
    tahap_ids = set(berlaku.values())
    bergaris = set(
        RenjaRow.objects.filter(tahap_id__in=tahap_ids, disalin_dari__isnull=False)
        .values_list("tahap_id", flat=True)
        .distinct()
    )
    angka: dict[int, tuple[int, int, int, int]] = {}  # tahap -> (pagu sen, realisasi sen, berdata, sub kegiatan)
    angka.update(_ringkasan_langsung(tahap_ids - bergaris, akhir))
    angka.update(_ringkasan_garis({r: t for r, t in berlaku.items() if t in bergaris}, akhir))
    hasil = []
    for renja in renjas:
        pagu, real, berdata, semua = angka.get(berlaku.get(renja.pk), (0, 0, 0, 0))
        hasil.append(
            RingkasanKeuangan(
                renja=renja,
                pagu=dari_sen(pagu) if berdata else None,
                realisasi=dari_sen(real) if berdata else None,
                berdata=berdata,
                tanpa_data=semua - berdata,
            )
        )
    return hasil


_SEN = BigIntegerField()


_SQL_LANGSUNG = """
WITH pagu AS (
    SELECT p.row_id, SUM(p.jumlah) AS s FROM {pagu} p JOIN {row} r ON r.id = p.row_id
    WHERE r.tahap_id IN ({tahap}) AND r.level = %s GROUP BY p.row_id
), realisasi AS (
    SELECT k.row_id, SUM(k.jumlah) AS s FROM {keuangan} k JOIN {row} r ON r.id = k.row_id
    WHERE r.tahap_id IN ({tahap}) AND k.bulan <= %s AND k.jumlah IS NOT NULL GROUP BY k.row_id
)
SELECT r.tahap_id, SUM(pagu.s), SUM(realisasi.s), COUNT(*)
FROM pagu JOIN realisasi ON realisasi.row_id = pagu.row_id JOIN {row} r ON r.id = pagu.row_id
GROUP BY r.tahap_id
"""


def _ringkasan_langsung(tahap_ids: set[int], akhir: int) -> dict[int, tuple[int, int, int, int]]:
    """The database adds up (one grouped query, the same shape as the benchmark's reference SQL): money columns
    are integer sen, so the sums are exact on both databases."""
    if not tahap_ids:
        return {}
    subs = RenjaRow.objects.filter(tahap_id__in=tahap_ids, level=Level.SUB_KEGIATAN)
    out = {t: (0, 0, 0, n) for t, n in subs.values("tahap_id").annotate(n=Count("id")).values_list("tahap_id", "n")}
    tahap = sorted(tahap_ids)
    sql = _SQL_LANGSUNG.format(
        pagu=Pagu._meta.db_table,
        row=RenjaRow._meta.db_table,
        keuangan=RealisasiKeuangan._meta.db_table,
        tahap=", ".join(["%s"] * len(tahap)),
    )
    with connection.cursor() as cur:
        cur.execute(sql, [*tahap, Level.SUB_KEGIATAN.value, *tahap, akhir])
        for tahap_id, p, r, n in cur.fetchall():
            out[tahap_id] = (int(p), int(r), int(n), out[tahap_id][3])
    return out


def _ringkasan_garis(berlaku: dict[int, int], akhir: int) -> dict[int, tuple[int, int, int, int]]:
    if not berlaku:
        return {}
    ids, tahap_ids = list(berlaku), set(berlaku.values())
    induk: dict[int, int | None] = {}
    sub_berlaku: dict[int, list[int]] = defaultdict(list)  # tahap in force -> its sub kegiatan
    for row_id, asal, tahap_id, level in RenjaRow.objects.filter(tahap__renja_id__in=ids).values_list(
        "id", "disalin_dari_id", "tahap_id", "level"
    ):
        induk[row_id] = asal
        if tahap_id in tahap_ids and level == Level.SUB_KEGIATAN:
            sub_berlaku[tahap_id].append(row_id)
    peta: dict[int, int] = {}
    for rows in sub_berlaku.values():
        for row_id in rows:
            current, seen = row_id, set()
            while current is not None and current not in seen:
                seen.add(current)
                peta.setdefault(current, row_id)
                current = induk.get(current)
    pagu = dict(
        Pagu.objects.filter(row__tahap_id__in=tahap_ids)
        .values("row_id")
        .annotate(s=Sum("jumlah", output_field=_SEN))
        .values_list("row_id", "s")
    )
    realisasi: dict[int, int] = {}
    for row_id, s in (
        RealisasiKeuangan.objects.filter(renja_id__in=ids, bulan__lte=akhir, jumlah__isnull=False)
        .values("row_id")
        .annotate(s=Sum("jumlah", output_field=_SEN))
        .values_list("row_id", "s")
    ):
        if (target_row := peta.get(row_id)) is not None:
            realisasi[target_row] = realisasi.get(target_row, 0) + s
    out = {}
    for tahap_id in tahap_ids:
        rows = sub_berlaku.get(tahap_id, [])
        ada = [r for r in rows if r in pagu and r in realisasi]
        out[tahap_id] = (sum(pagu[r] for r in ada), sum(realisasi[r] for r in ada), len(ada), len(rows))
    return out
