"""Early warning (issue 11, Build 5): sub kegiatan whose projected year-end serapan or capaian falls below the
Renja's thresholds, with the unit responsible and the PPTK where set.

Read from the evaluation (renja.monev.evaluasi.evaluasi_renja, up to the end of triwulan n) and projected with
renja.rumus.proyeksi:

* serapan, linearly: realisasi s.d. TW n x 4 / n over the pagu;
* serapan by the rencana penarikan dana (when the sub kegiatan has one): realisasi s.d. TW n / rencana s.d. TW n x
  rencana setahun, over the pagu;
* capaian, per indicator by its aggregation (proyeksi_nilai), capaian by polarity against the year's target, the
  row's capaian being the mean of its indicators' (as the evaluation does). Grade indicators are not projected.

The method used for a row is chosen per request: ``otomatis`` (the plan where the row has one, else linear),
``linear`` or ``rencana``. A sub kegiatan with no realisation at all up to TW n is listed as "belum ada data", not
as 0%. Writes (the plan, the PPTK, the thresholds) are services below: keyword-only, one transaction, one AuditEvent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from renja.inti.audit import audit_record
from renja.monev.evaluasi import EvalBaris, Evaluasi, evaluasi_renja
from renja.monev.models import RealisasiKeuangan, RealisasiKinerja, bulan_triwulan
from renja.monev.models_peringatan import AmbangPeringatan, PptkSubKegiatan, RencanaPenarikan
from renja.monev.selectors import ROMAWI, tahap_berlaku
from renja.organisasi import access
from renja.perencanaan.models import Level, Renja, RenjaRow
from renja.perencanaan.services import PAGU_MAKS
from renja.rumus import capaian as rumus
from renja.rumus.angka import format_rupiah
from renja.rumus.proyeksi import proyeksi_linear, proyeksi_nilai, proyeksi_rencana
from renja.rumus.uang import bulatkan
from renja.rumus.uang import jumlah as jumlah_uang

AMBANG_SERAPAN_BAWAAN = Decimal(getattr(settings, "PERINGATAN_AMBANG_SERAPAN", "80"))
AMBANG_CAPAIAN_BAWAAN = Decimal(getattr(settings, "PERINGATAN_AMBANG_CAPAIAN", "80"))
METODE = {
    "otomatis": "rencana penarikan dana bila ada, selain itu linear",
    "linear": "linear dari triwulan berjalan",
    "rencana": "rencana penarikan dana",
}
_POLARITAS = {"naik": rumus.Polaritas.POSITIF, "turun": rumus.Polaritas.NEGATIF}


@dataclass(frozen=True)
class Ambang:
    serapan: Decimal
    capaian: Decimal
    tersimpan: bool = False


def ambang_get(*, renja: Renja) -> Ambang:
    a = AmbangPeringatan.objects.filter(renja=renja).first()
    if a is None:
        return Ambang(AMBANG_SERAPAN_BAWAAN, AMBANG_CAPAIAN_BAWAAN)
    return Ambang(a.serapan, a.capaian, True)


@dataclass
class Peringatan:
    """One sub kegiatan: its figures up to TW n, both projections, and why it is listed."""

    baris: EvalBaris
    triwulan: int
    pagu: Decimal | None
    realisasi_sd: Decimal | None
    rencana_sd: Decimal | None
    rencana_setahun: Decimal | None
    proyeksi_linear: Decimal | None
    proyeksi_rencana: Decimal | None
    serapan_linear: Decimal | None
    serapan_rencana: Decimal | None
    capaian_proyeksi: Decimal | None
    metode: str  # "linear" or "rencana": the one that decides serapan here
    ambang: Ambang = field(default_factory=lambda: Ambang(AMBANG_SERAPAN_BAWAAN, AMBANG_CAPAIAN_BAWAAN))
    pptk: PptkSubKegiatan | None = None
    alasan: list[str] = field(default_factory=list)

    @property
    def row(self) -> RenjaRow:
        return self.baris.row

    @property
    def serapan_proyeksi(self) -> Decimal | None:
        return self.serapan_rencana if self.metode == "rencana" else self.serapan_linear

    @property
    def belum_ada_data(self) -> bool:
        return self.realisasi_sd is None and all(i.realisasi.kosong for i in self.baris.indikator)

    @property
    def lampu(self) -> str:
        """merah = listed, kuning = less than 10 points above a threshold, hijau = fine, abu = belum ada data."""
        if self.belum_ada_data:
            return "abu"
        if self.alasan:
            return "merah"
        dekat = [
            (nilai, batas)
            for nilai, batas in (
                (self.serapan_proyeksi, self.ambang.serapan),
                (self.capaian_proyeksi, self.ambang.capaian),
            )
            if nilai is not None
        ]
        return "kuning" if any(bulatkan(n, 2) < b + 10 for n, b in dekat) else "hijau"


@dataclass
class DaftarPeringatan:
    renja: Renja
    triwulan: int
    metode: str
    ambang: Ambang
    semua: list[Peringatan]

    @property
    def diperingatkan(self) -> list[Peringatan]:
        return [p for p in self.semua if p.alasan]

    @property
    def periode(self) -> str:
        return f"s.d. Triwulan {ROMAWI[self.triwulan]}"


def _persen(pembilang: Decimal | None, pagu: Decimal | None) -> Decimal | None:
    hasil = rumus.serapan_anggaran(pagu=pagu, realisasi=pembilang)
    return hasil.persen


def triwulan_terakhir_berdata(*, renja: Renja) -> int:
    """The last triwulan with any realisation (keuangan or kinerja); 1 when there is none."""
    keuangan = (
        RealisasiKeuangan.objects.filter(renja=renja, jumlah__isnull=False)
        .order_by("-bulan")
        .values_list("bulan", flat=True)
        .first()
    )
    kinerja = (
        RealisasiKinerja.objects.filter(Q(nilai__isnull=False) | ~Q(grade=""), renja=renja)
        .order_by("-bulan")
        .values_list("bulan", flat=True)
        .first()
    )
    return (max(keuangan or 1, kinerja or 1) - 1) // 3 + 1


def peringatan_dini(
    *, user, renja: Renja, triwulan: int | None = None, metode: str = "otomatis", evaluasi: Evaluasi | None = None
) -> DaftarPeringatan:
    """Every sub kegiatan of the stage in force with its projections up to the end of ``triwulan`` (default: the last
    triwulan with realisation); ``diperingatkan`` are those under a threshold. ``evaluasi``: the evaluation up to the
    same triwulan when the caller already has it (the dashboard)."""
    access.access_realisasi_view(user, renja.opd)
    if metode not in METODE:
        raise ValidationError(f"Metode proyeksi '{metode}' tidak dikenal; pilih {', '.join(METODE)}.")
    if triwulan is None:
        triwulan = triwulan_terakhir_berdata(renja=renja)
    if triwulan not in (1, 2, 3, 4):
        raise ValidationError(f"Triwulan '{triwulan}' tidak dikenal; isi 1 sampai 4.")
    ambang = ambang_get(renja=renja)
    ev = (
        evaluasi
        if evaluasi is not None and evaluasi.triwulan == triwulan
        else evaluasi_renja(renja=renja, triwulan=triwulan)
    )
    subs = ev.sub_kegiatan
    bulan_sd = range(1, bulan_triwulan(triwulan)[-1] + 1)
    rencana: dict[int, dict[int, Decimal]] = {}
    for row_id, bulan, jumlah in RencanaPenarikan.objects.filter(renja=renja).values_list("row_id", "bulan", "jumlah"):
        rencana.setdefault(row_id, {})[bulan] = jumlah
    pptk = {p.row_id: p for p in PptkSubKegiatan.objects.filter(renja=renja)}
    hasil = []
    for b in subs:
        plan = rencana.get(b.row.pk)
        rencana_sd = jumlah_uang(v for m, v in plan.items() if m in bulan_sd) if plan else None
        rencana_setahun = jumlah_uang(plan.values()) if plan else None
        p_linear = proyeksi_linear(nilai_sd=b.realisasi, triwulan=triwulan)
        p_rencana = proyeksi_rencana(
            realisasi_sd=b.realisasi if b.realisasi is not None else (Decimal(0) if plan else None),
            rencana_sd=rencana_sd,
            rencana_setahun=rencana_setahun,
        )
        dipakai = "rencana" if metode == "rencana" or (metode == "otomatis" and plan) else "linear"
        capaian = []
        for ei in b.indikator:
            ind = ei.indikator
            if ind.target_grade or ei.realisasi.kosong:
                continue
            nilai = proyeksi_nilai(nilai_sd=ei.realisasi.nilai, triwulan=triwulan, cara=ind.agregasi)
            c = rumus.capaian(
                target=ind.target_nilai,
                realisasi=nilai,
                polaritas=_POLARITAS.get(ind.polaritas, rumus.Polaritas.POSITIF),
            )
            if c.persen is not None:
                capaian.append(c.persen)
        p = Peringatan(
            baris=b,
            triwulan=triwulan,
            pagu=b.pagu,
            realisasi_sd=b.realisasi,
            rencana_sd=rencana_sd,
            rencana_setahun=rencana_setahun,
            proyeksi_linear=p_linear,
            proyeksi_rencana=p_rencana,
            serapan_linear=_persen(p_linear, b.pagu),
            serapan_rencana=_persen(p_rencana, b.pagu),
            capaian_proyeksi=(jumlah_uang(capaian) / len(capaian)) if capaian else None,
            metode=dipakai,
            ambang=ambang,
            pptk=pptk.get(b.row.pk),
        )
        if p.serapan_proyeksi is not None and bulatkan(p.serapan_proyeksi, 2) < ambang.serapan:
            p.alasan.append("serapan")
        if p.capaian_proyeksi is not None and bulatkan(p.capaian_proyeksi, 2) < ambang.capaian:
            p.alasan.append("capaian")
        hasil.append(p)
    return DaftarPeringatan(renja=renja, triwulan=triwulan, metode=metode, ambang=ambang, semua=hasil)


# --- the plan page ------------------------------------------------------------------------------------------------


@dataclass
class BarisRencana:
    row: RenjaRow
    pagu: Decimal | None
    bulan: list[Decimal | None]
    pptk: PptkSubKegiatan | None

    @property
    def total(self) -> Decimal | None:
        ada = [b for b in self.bulan if b is not None]
        return jumlah_uang(ada) if ada else None

    @property
    def selisih(self) -> Decimal | None:
        if self.total is None or self.pagu is None:
            return None
        return self.total - self.pagu


def rencana_penarikan_list(*, user, renja: Renja) -> list[BarisRencana]:
    access.access_realisasi_view(user, renja.opd)
    tahap = tahap_berlaku(renja)
    if tahap is None:
        return []
    rows = list(
        RenjaRow.objects.filter(tahap=tahap, level=Level.SUB_KEGIATAN)
        .select_related("unit")
        .prefetch_related("pagu")
        .order_by("kode")
    )
    rencana: dict[int, dict[int, Decimal]] = {}
    for row_id, bulan, jumlah in RencanaPenarikan.objects.filter(row__in=rows).values_list("row_id", "bulan", "jumlah"):
        rencana.setdefault(row_id, {})[bulan] = jumlah
    pptk = {p.row_id: p for p in PptkSubKegiatan.objects.filter(row__in=rows)}
    return [
        BarisRencana(
            row=r,
            pagu=jumlah_uang(p.jumlah for p in r.pagu.all()) if r.pagu.all() else None,
            bulan=[rencana.get(r.pk, {}).get(m) for m in range(1, 13)],
            pptk=pptk.get(r.pk),
        )
        for r in rows
    ]


def _row_berlaku(renja: Renja, row: RenjaRow) -> RenjaRow:
    tahap = tahap_berlaku(renja)
    row = RenjaRow.objects.select_related("tahap__renja", "unit").get(pk=row.pk)
    if tahap is None or row.tahap_id != tahap.pk or row.level != Level.SUB_KEGIATAN:
        raise ValidationError(f"Baris {row.kode} bukan sub kegiatan tahap yang berlaku ({tahap}).")
    return row


@transaction.atomic
def rencana_penarikan_set(*, actor, renja: Renja, row: RenjaRow, bulan: list[Decimal | None]) -> list[RencanaPenarikan]:
    """Set the 12 monthly amounts of one sub kegiatan's plan (None clears a month). Whole Rupiah, 0 to the pagu
    bound; a plan whose total differs from the pagu is accepted (the page shows the difference)."""
    access.access_rencana_penarikan_edit(actor, opd_id=renja.opd_id)
    row = _row_berlaku(renja, row)
    if len(bulan) != 12:
        raise ValidationError("Rencana penarikan diisi untuk 12 bulan.")
    from renja.monev.models import BULAN_NAMA

    for m, jumlah in enumerate(bulan, start=1):
        if jumlah is None:
            continue
        label = f"Rencana penarikan {row.kode} bulan {BULAN_NAMA[m - 1]}"
        if jumlah < 0:
            raise ValidationError({"jumlah": f"{label}: tidak boleh negatif."})
        if jumlah > PAGU_MAKS:
            raise ValidationError({"jumlah": f"{label}: melebihi batas {format_rupiah(PAGU_MAKS)}."})
        if bulatkan(jumlah) != jumlah:
            raise ValidationError({"jumlah": f"{label}: isi Rupiah bulat tanpa sen."})
    lama = {r.bulan: r for r in RencanaPenarikan.objects.select_for_update().filter(row=row)}
    old = {m: lama[m].jumlah for m in sorted(lama)}
    hasil = []
    for m, jumlah in enumerate(bulan, start=1):
        r = lama.get(m)
        if jumlah is None:
            if r is not None:
                r.delete()
            continue
        if r is None:
            r = RencanaPenarikan(renja=renja, row=row, bulan=m)
        elif r.jumlah == jumlah:
            hasil.append(r)
            continue
        r.jumlah = jumlah
        r.diubah_oleh = actor if getattr(actor, "pk", None) else None
        r.save()
        hasil.append(r)
    audit_record(
        actor=actor,
        event_type="update",
        action="rencana_penarikan_set",
        obj=row,
        scope=str(renja.opd_id),
        old={"bulan": old},
        new={"bulan": {m: j for m, j in enumerate(bulan, start=1) if j is not None}},
    )
    return hasil


@transaction.atomic
def pptk_set(*, actor, renja: Renja, row: RenjaRow, nama: str, nip: str = "") -> PptkSubKegiatan | None:
    """Name (or clear, with an empty name) the PPTK of a sub kegiatan."""
    access.access_rencana_penarikan_edit(actor, opd_id=renja.opd_id)
    row = _row_berlaku(renja, row)
    nama, nip = (nama or "").strip(), (nip or "").strip()
    if len(nama) > 150:
        raise ValidationError({"nama": f"Nama PPTK {row.kode}: paling banyak 150 karakter."})
    if nip and (not nip.isdigit() or len(nip) != 18):
        raise ValidationError({"nip": f"NIP PPTK {row.kode}: 18 angka tanpa spasi."})
    lama = PptkSubKegiatan.objects.filter(row=row).first()
    old = {"nama": lama.nama, "nip": lama.nip} if lama else None
    if not nama:
        if lama is not None:
            lama.delete()
            audit_record(actor=actor, event_type="delete", action="pptk_set", obj=row, scope=str(renja.opd_id), old=old)
        return None
    obj, _ = PptkSubKegiatan.objects.update_or_create(row=row, defaults={"renja": renja, "nama": nama, "nip": nip})
    audit_record(
        actor=actor,
        event_type="update" if lama else "create",
        action="pptk_set",
        obj=row,
        scope=str(renja.opd_id),
        old=old,
        new={"nama": nama, "nip": nip},
    )
    return obj


@transaction.atomic
def ambang_peringatan_set(*, actor, renja: Renja, serapan: Decimal, capaian: Decimal) -> AmbangPeringatan:
    """Set the Renja's thresholds (percent, 0 to 100 with at most 2 decimals)."""
    access.access_rencana_penarikan_edit(actor, opd_id=renja.opd_id)
    for nama, nilai in (("serapan", serapan), ("capaian", capaian)):
        if nilai is None or nilai < 0 or nilai > 100:
            raise ValidationError({nama: f"Ambang {nama} diisi 0 sampai 100 (persen)."})
        if bulatkan(nilai, 2) != nilai:
            raise ValidationError({nama: f"Ambang {nama}: paling banyak 2 angka di belakang koma."})
    lama = ambang_get(renja=renja)
    obj, _ = AmbangPeringatan.objects.update_or_create(renja=renja, defaults={"serapan": serapan, "capaian": capaian})
    audit_record(
        actor=actor,
        event_type="update",
        action="ambang_peringatan_set",
        obj=renja,
        scope=str(renja.opd_id),
        old={"serapan": lama.serapan, "capaian": lama.capaian},
        new={"serapan": serapan, "capaian": capaian},
    )
    return obj
