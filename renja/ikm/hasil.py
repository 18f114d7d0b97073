"""Results of a survey period (selectors): NRR and NRR tertimbang per unsur, IKM, konversi, mutu and kinerja, per
layanan and overall, by respondent profile; the sample size needed against the responses collected; the lowest
unsur as priorities; the suggestions; the trend over the OPD's periods.

The database counts, Python computes: one grouped query gives, per layanan (or per profile band, or per period),
how many respondents answered 1, 2, 3 and 4 on each unsur (36 filtered counts). Every figure is then computed by
renja.rumus.ikm (NRR, IKM, konversi, mutu) and renja.rumus.sampel (Krejcie-Morgan) from those counts; nothing is
recomputed here. The cost of a results page is a fixed number of queries whatever the number of respondents.

NRR tertimbang is the NRR times the weight rumus.ikm applies: exactly 1/9 (1 / the number of answered unsur), so
the NRR tertimbang add up to the IKM unit. Printed worksheets use 0,111 instead (REGULASI.md §1.3); the page says
which weight it uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q

from renja.ikm.models import (
    JUMLAH_UNSUR,
    JenisKelamin,
    KelompokUsia,
    Layanan,
    Pekerjaan,
    Pendidikan,
    Periode,
    Responden,
    Unsur,
)
from renja.organisasi import access
from renja.rumus import ikm as rumus_ikm
from renja.rumus.parameter import UNSUR_SKM
from renja.rumus.sampel import krejcie_morgan
from renja.rumus.uang import bagi

SKALA = (1, 2, 3, 4)
JUMLAH_PRIORITAS = 3  # the lowest unsur listed as priorities for improvement
SARAN_DITAMPILKAN = 200

PROFIL = (
    ("jenis_kelamin", "Jenis kelamin", JenisKelamin),
    ("kelompok_usia", "Kelompok usia", KelompokUsia),
    ("pendidikan", "Pendidikan", Pendidikan),
    ("pekerjaan", "Pekerjaan", Pekerjaan),
)

# One aggregate per unsur and answer value: u3_4 = respondents who answered 4 on unsur 3.
_HITUNG = {f"u{i}_{v}": Count("id", filter=Q(**{f"u{i}": v})) for i in range(1, JUMLAH_UNSUR + 1) for v in SKALA}


# ---------------------------------------------------------------------------------------------------------
# Counts
# ---------------------------------------------------------------------------------------------------------


@dataclass
class Sebaran:
    """How many respondents, and per unsur how many answered 1, 2, 3, 4 (index 0..3)."""

    responden: int = 0
    jawaban: list[list[int]] = field(default_factory=lambda: [[0, 0, 0, 0] for _ in range(JUMLAH_UNSUR)])

    @classmethod
    def dari_baris(cls, baris: dict) -> Sebaran:
        return cls(
            responden=baris["n"] or 0,
            jawaban=[[baris[f"u{i}_{v}"] or 0 for v in SKALA] for i in range(1, JUMLAH_UNSUR + 1)],
        )

    def tambah(self, lain: Sebaran) -> None:
        self.responden += lain.responden
        for i in range(JUMLAH_UNSUR):
            for v in range(4):
                self.jawaban[i][v] += lain.jawaban[i][v]


def _per(qs, kolom: str) -> dict:
    """Sebaran per value of ``kolom`` (one query). ``order_by()`` drops the model's ordering, which would
    otherwise join the GROUP BY and split the groups."""
    return {b[kolom]: Sebaran.dari_baris(b) for b in qs.order_by().values(kolom).annotate(n=Count("id"), **_HITUNG)}


_KELOMPOK = ("layanan", "sumber", "jenis_kelamin", "kelompok_usia", "pendidikan", "pekerjaan")


def _per_kelompok(qs) -> dict[str, dict]:
    """Sebaran per layanan, per source and per value of each profile band, from ONE scan: the responses are grouped
    by all of them at once (at most layanan x 2 x 3 x 7 x 8 x 7 groups, whatever the number of respondents) and the
    groups are summed here per dimension."""
    hasil: dict[str, dict] = {k: {} for k in _KELOMPOK}
    for b in qs.order_by().values(*_KELOMPOK).annotate(n=Count("id"), **_HITUNG):
        s = Sebaran.dari_baris(b)
        for k in _KELOMPOK:
            hasil[k].setdefault(b[k], Sebaran()).tambah(s)
    return hasil


# ---------------------------------------------------------------------------------------------------------
# Figures of one group of respondents
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnsurHasil:
    nomor: int
    nama: str
    sebaran: tuple[int, int, int, int]  # answered 1, 2, 3, 4
    nrr: Decimal | None  # None: nobody answered this unsur
    nrr_tertimbang: Decimal | None
    prioritas: bool = False

    @property
    def jumlah_jawaban(self) -> int:
        return sum(self.sebaran)

    @property
    def jumlah_nilai(self) -> int:
        return sum(v * c for v, c in zip(SKALA, self.sebaran, strict=True))

    @property
    def konversi(self) -> Decimal | None:
        """The unsur's own NRR on the 25-100 scale (NRR x 25), for the chart and the priority list."""
        return None if self.nrr is None else rumus_ikm.konversi_ikm(self.nrr)


@dataclass(frozen=True)
class Ringkasan:
    """The figures of one group of respondents (a layanan, all of them, a profile band)."""

    judul: str
    responden: int
    unsur: list[UnsurHasil]
    hasil: rumus_ikm.HasilIKM | None  # None when nobody answered anything

    @property
    def prioritas(self) -> list[UnsurHasil]:
        return sorted((u for u in self.unsur if u.prioritas), key=lambda u: (u.nrr, u.nomor))

    @property
    def bobot(self) -> Decimal | None:
        terisi = sum(1 for u in self.unsur if u.nrr is not None)
        return bagi(1, terisi) if terisi else None


def _nrr(sebaran: list[int]) -> Decimal | None:
    """rumus.ikm.nrr_hitungan: the NRR from the counts per answer the database gives."""
    return rumus_ikm.nrr_hitungan(dict(zip(SKALA, sebaran, strict=True)))


def ringkas(judul: str, sebaran: Sebaran, nama_unsur: list[str]) -> Ringkasan:
    nrr = [_nrr(s) for s in sebaran.jawaban]
    terisi = [n for n in nrr if n is not None]
    hasil = rumus_ikm.ikm(nrr) if terisi else None
    urut = sorted((n, i) for i, n in enumerate(nrr) if n is not None)
    prioritas = {i for _, i in urut[:JUMLAH_PRIORITAS]} if len(urut) > JUMLAH_PRIORITAS else set()
    unsur = [
        UnsurHasil(
            nomor=i + 1,
            nama=nama_unsur[i],
            sebaran=tuple(sebaran.jawaban[i]),
            nrr=n,
            nrr_tertimbang=None if n is None else bagi(n, len(terisi)),
            prioritas=i in prioritas,
        )
        for i, n in enumerate(nrr)
    ]
    return Ringkasan(judul=judul, responden=sebaran.responden, unsur=unsur, hasil=hasil)


# ---------------------------------------------------------------------------------------------------------
# A period
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sampel:
    populasi: int | None  # None: no population given
    dibutuhkan: int | None  # Krejcie-Morgan
    terkumpul: int

    @property
    def kurang(self) -> int:
        if self.dibutuhkan is None:
            return 0
        return max(0, self.dibutuhkan - self.terkumpul)


def _sampel(populasi: int | None, terkumpul: int) -> Sampel:
    return Sampel(populasi, None if not populasi else krejcie_morgan(populasi), terkumpul)


@dataclass(frozen=True)
class HasilLayanan:
    layanan: Layanan
    ringkasan: Ringkasan
    sampel: Sampel


@dataclass(frozen=True)
class BarisProfil:
    kode: str
    label: str
    ringkasan: Ringkasan


@dataclass(frozen=True)
class Saran:
    layanan: str
    teks: str
    sumber: str


@dataclass(frozen=True)
class TitikTren:
    periode: Periode
    responden: int
    hasil: rumus_ikm.HasilIKM | None


@dataclass
class HasilPeriode:
    periode: Periode
    layanan_dipilih: Layanan | None
    nama_unsur: list[str]
    keseluruhan: Ringkasan
    sampel: Sampel
    populasi_lengkap: bool  # every layanan counted has a population (else the overall sample size is a floor)
    per_layanan: list[HasilLayanan]
    profil: list[tuple[str, str, list[BarisProfil]]]  # (field, label, rows)
    saran: list[Saran]
    jumlah_saran: int
    tren: list[TitikTren]
    sumber: dict[str, int]  # responses per source (daring, kertas, demo)

    @property
    def sintetis(self) -> bool:
        return self.sumber.get(Responden.Sumber.DEMO, 0) > 0

    @property
    def kekurangan_sampel(self) -> list[HasilLayanan]:
        return [h for h in self.per_layanan if h.sampel.kurang]


def nama_unsur(periode: Periode) -> list[str]:
    """The unsur names of the period's questionnaire (the regulation's names where a row is missing)."""
    nama = list(UNSUR_SKM.nilai)
    for nomor, teks in Unsur.objects.filter(periode=periode).values_list("nomor", "nama"):
        if 1 <= nomor <= JUMLAH_UNSUR:
            nama[nomor - 1] = teks
    return nama


def periode_get(*, user, periode_id: int) -> Periode:
    """The period, if ``user`` may read its OPD's survey (Periode.DoesNotExist otherwise; PermissionDenied)."""
    periode = Periode.objects.select_related("opd", "opd__pemda").get(pk=periode_id)
    access.access_ikm_view(user, periode.opd)
    return periode


def periode_find(*, opd, kode: str) -> Periode:
    return Periode.objects.select_related("opd", "opd__pemda").get(opd=opd, kode=kode)


def hasil_periode(
    *, periode: Periode, layanan: Layanan | None = None, saran_maks: int = SARAN_DITAMPILKAN
) -> HasilPeriode:
    nama = nama_unsur(periode)
    qs = Responden.objects.filter(periode=periode)
    if layanan is not None:
        qs = qs.filter(layanan=layanan)
    kelompok = _per_kelompok(qs)
    per_layanan_sebaran = kelompok["layanan"]
    layanan_semua = {lay.pk: lay for lay in Layanan.objects.filter(opd_id=periode.opd_id).order_by("kode")}
    per_layanan = []
    total = Sebaran()
    for pk, lay in layanan_semua.items():
        if layanan is not None and pk != layanan.pk:
            continue
        s = per_layanan_sebaran.get(pk)
        if s is None and not lay.aktif:
            continue
        s = s or Sebaran()
        total.tambah(s)
        per_layanan.append(HasilLayanan(lay, ringkas(lay.nama, s, nama), _sampel(lay.populasi, s.responden)))
    judul = layanan.nama if layanan is not None else "Seluruh layanan"
    keseluruhan = ringkas(judul, total, nama)
    populasi = [h.layanan.populasi for h in per_layanan]
    populasi_lengkap = bool(populasi) and all(populasi)
    sampel = _sampel(sum(p for p in populasi if p) or None, total.responden)

    profil = []
    for kolom, label, pilihan in PROFIL:
        per = kelompok[kolom]
        baris = [BarisProfil(k, lbl, ringkas(lbl, per[k], nama)) for k, lbl in pilihan.choices if k in per]
        if "" in per:
            baris.append(BarisProfil("", "Tidak diisi", ringkas("Tidak diisi", per[""], nama)))
        profil.append((kolom, label, baris))

    saran_qs = qs.exclude(saran="").select_related("layanan").order_by("-waktu", "-id")
    saran = [Saran(r.layanan.nama, r.saran, r.get_sumber_display()) for r in saran_qs[:saran_maks]]
    jumlah_saran = len(saran) if len(saran) < saran_maks else saran_qs.count()
    sumber = {k: v.responden for k, v in kelompok["sumber"].items()}
    return HasilPeriode(
        periode=periode,
        layanan_dipilih=layanan,
        nama_unsur=nama,
        keseluruhan=keseluruhan,
        sampel=sampel,
        populasi_lengkap=populasi_lengkap,
        per_layanan=per_layanan,
        profil=profil,
        saran=saran,
        jumlah_saran=jumlah_saran,
        tren=tren(opd=periode.opd, layanan=layanan),
        sumber=sumber,
    )


def ringkasan_keseluruhan(*, periode: Periode) -> Ringkasan:
    """The overall figures of a period only (one aggregate query), for the IKU link and the export list."""
    s = Sebaran.dari_baris(Responden.objects.filter(periode=periode).order_by().aggregate(n=Count("id"), **_HITUNG))
    return ringkas("Seluruh layanan", s, nama_unsur(periode))


def tren(*, opd, layanan: Layanan | None = None) -> list[TitikTren]:
    """IKM of every period of the OPD, oldest first (one query for the counts)."""
    periodes = list(Periode.objects.filter(opd=opd).order_by("mulai", "kode"))
    qs = Responden.objects.filter(periode__opd=opd)
    if layanan is not None:
        qs = qs.filter(layanan=layanan)
    per = _per(qs, "periode")
    titik = []
    for p in periodes:
        s = per.get(p.pk, Sebaran())
        r = ringkas(p.nama, s, list(UNSUR_SKM.nilai))
        titik.append(TitikTren(p, s.responden, r.hasil))
    return titik


def periode_daftar(*, user) -> list[Periode]:
    """Survey periods of every OPD the user may read, newest first."""
    qs = Periode.objects.select_related("opd").order_by("opd__nama", "-mulai", "kode")
    visible = access.visible_opd_ids(user)
    if visible is not None:
        qs = qs.filter(opd_id__in=visible)
    return list(qs)


def layanan_dari_kode(periode: Periode, kode: str | None) -> Layanan | None:
    """The layanan a command or a query string names (Layanan.DoesNotExist when the OPD has no such code)."""
    if not kode:
        return None
    return Layanan.objects.get(opd_id=periode.opd_id, kode=kode)
