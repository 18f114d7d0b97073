"""Capaian kinerja, serapan anggaran, efisiensi and predikat (Permendagri 86/2017 and LKjIP practice).

Percentages are returned unrounded in :class:`HasilCapaian` (``persen``) and rounded half-up to two
places only at presentation (``persen_bulat``).  A target of zero, a negative target or a missing
value never raises: the result has ``persen=None`` and a :class:`Flag` saying why.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from renja.rumus import parameter
from renja.rumus.uang import KONTEKS, bagi, bulatkan, jumlah, ke_decimal

__all__ = [
    "Polaritas",
    "RumusNegatif",
    "CaraGabung",
    "Flag",
    "HasilCapaian",
    "HasilEfisiensi",
    "PredikatCapaian",
    "persentase",
    "capaian",
    "capaian_peringkat",
    "gabung_periode",
    "capaian_kumulatif_renstra",
    "rata_rata_capaian",
    "predikat_capaian",
    "serapan_anggaran",
    "efisiensi_indeks",
    "efisiensi_selisih",
    "HasilEfisiensiPmk",
    "efisiensi_pmk",
    "efisiensi_pmk_rata_rata",
]

Angka = Decimal | int | str
_SERATUS = Decimal(100)


class Polaritas(StrEnum):
    """Direction of an indicator."""

    POSITIF = "positif"  #: higher is better (most indicators)
    NEGATIF = "negatif"  #: lower is better (e.g. jumlah PPKS terlantar)


class RumusNegatif(StrEnum):
    """The two practices for lower-is-better indicators (REGULASI.md §3.4), chosen per indicator."""

    SELISIH = "selisih"  #: (2 x target - realisasi) / target x 100, floored at 0
    KEBALIKAN = "kebalikan"  #: target / realisasi x 100


class CaraGabung(StrEnum):
    """How quarterly (or yearly) values of one indicator combine."""

    JUMLAH = "jumlah"  #: flow indicators ("jumlah orang yang ..."): sum
    TERAKHIR = "terakhir"  #: stock, percentage, index: the latest reported value
    RATA_RATA = "rata_rata"  #: mean of the reported values
    MAKSIMUM = "maksimum"  #: the highest reported value


class Flag(StrEnum):
    """Why a result is missing or needs a second look."""

    TARGET_KOSONG = "target_kosong"
    TARGET_NOL = "target_nol"
    TARGET_NEGATIF = "target_negatif"
    REALISASI_KOSONG = "realisasi_kosong"
    REALISASI_NOL = "realisasi_nol"
    REALISASI_NEGATIF = "realisasi_negatif"
    DIBATASI_NOL = "dibatasi_nol"
    PAGU_KOSONG = "pagu_kosong"
    PAGU_NOL = "pagu_nol"
    PAGU_NEGATIF = "pagu_negatif"
    MELEBIHI_PAGU = "melebihi_pagu"
    CAPAIAN_KOSONG = "capaian_kosong"
    CAPAIAN_NOL = "capaian_nol"
    SERAPAN_KOSONG = "serapan_kosong"
    SERAPAN_NOL = "serapan_nol"
    SASARAN_NOL = "sasaran_nol"
    MELEBIHI_SASARAN = "melebihi_sasaran"

    @property
    def pesan(self) -> str:
        """A short Indonesian explanation for the user."""
        return _PESAN_FLAG[self]


_PESAN_FLAG = {
    Flag.TARGET_KOSONG: "target belum diisi",
    Flag.TARGET_NOL: "target bernilai nol; capaian tidak dapat dihitung",
    Flag.TARGET_NEGATIF: "target bernilai negatif; periksa data",
    Flag.REALISASI_KOSONG: "realisasi belum diisi",
    Flag.REALISASI_NOL: "realisasi nol pada indikator negatif (rumus target/realisasi tidak terdefinisi)",
    Flag.REALISASI_NEGATIF: "realisasi bernilai negatif; rumus target/realisasi tidak bermakna",
    Flag.DIBATASI_NOL: "realisasi melebihi dua kali target pada indikator negatif; capaian dibatasi 0%",
    Flag.PAGU_KOSONG: "pagu belum diisi",
    Flag.PAGU_NOL: "pagu bernilai nol; serapan tidak dapat dihitung",
    Flag.PAGU_NEGATIF: "pagu bernilai negatif; periksa data",
    Flag.MELEBIHI_PAGU: "realisasi anggaran melebihi pagu; periksa data",
    Flag.CAPAIAN_KOSONG: "capaian kinerja tidak tersedia",
    Flag.CAPAIAN_NOL: "capaian kinerja nol; efisiensi metode B tidak terdefinisi",
    Flag.SERAPAN_KOSONG: "serapan anggaran tidak tersedia",
    Flag.SERAPAN_NOL: "serapan anggaran nol; indeks efisiensi tidak terdefinisi",
    Flag.SASARAN_NOL: "tidak ada warga negara yang berhak; capaian tidak dapat dihitung",
    Flag.MELEBIHI_SASARAN: "jumlah terlayani melebihi jumlah yang berhak; periksa data",
}


@dataclass(frozen=True)
class HasilCapaian:
    """A percentage (unrounded, in percentage points) with an optional flag."""

    persen: Decimal | None
    flag: Flag | None = None

    @property
    def persen_bulat(self) -> Decimal | None:
        """``persen`` rounded half-up to :data:`~renja.rumus.parameter.TEMPAT_DESIMAL_PERSEN` places."""
        if self.persen is None:
            return None
        return bulatkan(self.persen, parameter.TEMPAT_DESIMAL_PERSEN.nilai)


@dataclass(frozen=True)
class PredikatCapaian:
    """Rating of a capaian (Permendagri 86/2017): ``ST``/``T``/``S``/``R``/``SR``."""

    kode: str
    kriteria: str
    label_lkjip: str


@dataclass(frozen=True)
class HasilEfisiensi:
    """Indeks efisiensi IE = % capaian / % serapan; efisien when IE >= 1."""

    indeks: Decimal | None
    efisien: bool | None
    flag: Flag | None = None

    @property
    def tingkat_efisiensi(self) -> Decimal | None:
        """TE = IE - 1 (positive = efisien)."""
        return None if self.indeks is None else KONTEKS.subtract(self.indeks, 1)


def _opsional(nilai: Angka | None, nama: str) -> Decimal | None:
    return None if nilai is None else ke_decimal(nilai, nama)


def persentase(bagian: Angka, keseluruhan: Angka) -> Decimal:
    """``bagian / keseluruhan x 100``, unrounded (34 significant digits)."""
    return bagi(KONTEKS.multiply(ke_decimal(bagian, "bagian"), _SERATUS), keseluruhan)


def capaian(
    *,
    target: Angka | None,
    realisasi: Angka | None,
    polaritas: Polaritas = Polaritas.POSITIF,
    rumus_negatif: RumusNegatif = RumusNegatif.SELISIH,
) -> HasilCapaian:
    """Capaian kinerja in percent (Permendagri 86/2017, T-C.29 col. 8; REGULASI.md §3.4).

    * higher is better: ``realisasi / target x 100``;
    * lower is better, :attr:`RumusNegatif.SELISIH`: ``(2 x target - realisasi) / target x 100``,
      floored at 0 (flag ``DIBATASI_NOL``);
    * lower is better, :attr:`RumusNegatif.KEBALIKAN`: ``target / realisasi x 100``.

    Target missing, zero or negative, or realisasi missing: ``persen=None`` with a flag.
    ``polaritas`` and ``rumus_negatif`` also accept their string values (``"negatif"``).
    """
    polaritas, rumus_negatif = Polaritas(polaritas), RumusNegatif(rumus_negatif)
    t = _opsional(target, "target")
    if t is None:
        return HasilCapaian(None, Flag.TARGET_KOSONG)
    if t.is_zero():
        return HasilCapaian(None, Flag.TARGET_NOL)
    if t < 0:
        return HasilCapaian(None, Flag.TARGET_NEGATIF)
    r = _opsional(realisasi, "realisasi")
    if r is None:
        return HasilCapaian(None, Flag.REALISASI_KOSONG)
    if polaritas is Polaritas.POSITIF:
        return HasilCapaian(persentase(r, t))
    if rumus_negatif is RumusNegatif.SELISIH:
        persen = persentase(KONTEKS.subtract(KONTEKS.multiply(t, 2), r), t)
        if persen < 0:
            return HasilCapaian(Decimal(0), Flag.DIBATASI_NOL)
        return HasilCapaian(persen)
    if r.is_zero():
        return HasilCapaian(None, Flag.REALISASI_NOL)
    if r < 0:
        return HasilCapaian(None, Flag.REALISASI_NEGATIF)
    return HasilCapaian(persentase(t, r))


def _peringkat(nilai: str | None, skala: Sequence[str], nama: str) -> int | None:
    if nilai is None or nilai.strip() == "":
        return None
    kode = nilai.strip().upper()
    if kode not in skala:
        raise ValueError(f"{nama} {nilai!r} tidak ada dalam skala {' < '.join(skala)}")
    return skala.index(kode) + 1


def capaian_peringkat(
    *,
    target: str | None,
    realisasi: str | None,
    skala: Sequence[str] = parameter.SKALA_PREDIKAT_AKIP.nilai,
) -> HasilCapaian:
    """Capaian of a grade target on an ordinal scale (AKIP ``D < C < CC < B < BB < A < AA``, mutu IKM
    ``D < C < B < A``): ``position(realisasi) / position(target) x 100``, positions counted from 1 at
    the lowest grade.

    Target BB, realisasi BB gives 100% (seed Tabel 2.2); realisasi A against target BB gives 120%.
    This ratio of ordinal positions is a design choice of this project: no regulation fixes it.
    Grades are case-insensitive; an unknown grade raises :class:`ValueError`.
    """
    t = _peringkat(target, skala, "target")
    r = _peringkat(realisasi, skala, "realisasi")
    if t is None:
        return HasilCapaian(None, Flag.TARGET_KOSONG)
    if r is None:
        return HasilCapaian(None, Flag.REALISASI_KOSONG)
    return HasilCapaian(persentase(r, t))


def gabung_periode(nilai: Iterable[Angka | None], *, cara: CaraGabung) -> Decimal | None:
    """Combine the values reported per quarter (or per year) of one indicator.

    Unreported periods (``None``) are skipped; when nothing is reported the result is ``None``.
    ``JUMLAH`` for flows, ``TERAKHIR`` for stocks, percentages and indices (REGULASI.md §3.3, §7),
    ``RATA_RATA`` and ``MAKSIMUM`` where the indicator definition says so.  ``cara`` also accepts
    its string value (``"jumlah"``).
    """
    cara = CaraGabung(cara)
    ada = [ke_decimal(v, "nilai periode") for v in nilai if v is not None]
    if not ada:
        return None
    if cara is CaraGabung.JUMLAH:
        return jumlah(ada)
    if cara is CaraGabung.TERAKHIR:
        return ada[-1]
    if cara is CaraGabung.RATA_RATA:
        return bagi(jumlah(ada), len(ada))
    return max(ada)


def capaian_kumulatif_renstra(
    *,
    target_akhir: Angka | None,
    realisasi_tahunan: Iterable[Angka | None],
    cara: CaraGabung,
    polaritas: Polaritas = Polaritas.POSITIF,
    rumus_negatif: RumusNegatif = RumusNegatif.SELISIH,
) -> HasilCapaian:
    """Tingkat capaian Renstra (T-C.29 col. 11; evaluation form col. g; REGULASI.md §7).

    Flow indicators (``cara=JUMLAH``): sum of the yearly realisations / end-of-period target x 100.
    Stock, percentage and index indicators (``cara=TERAKHIR``): latest realisation / end target.
    """
    realisasi = gabung_periode(realisasi_tahunan, cara=cara)
    return capaian(target=target_akhir, realisasi=realisasi, polaritas=polaritas, rumus_negatif=rumus_negatif)


def rata_rata_capaian(hasil: Iterable[HasilCapaian]) -> Decimal | None:
    """Mean of the defined capaian (footer row "rata-rata capaian"); ``None`` if none is defined."""
    nilai = [h.persen for h in hasil if h.persen is not None]
    if not nilai:
        return None
    return bagi(jumlah(nilai), len(nilai))


def predikat_capaian(persen: Angka | None) -> PredikatCapaian | None:
    """Rating of a capaian per Permendagri 86/2017: >= 91 Sangat Tinggi, >= 76 Tinggi, >= 66 Sedang,
    >= 51 Rendah, otherwise Sangat Rendah.

    The value is first rounded half-up to two places (what the user sees), so 90,996% shows as
    91,00% and is rated Sangat Tinggi.  ``None`` in, ``None`` out.
    """
    if persen is None:
        return None
    nilai = bulatkan(persen, parameter.TEMPAT_DESIMAL_PERSEN.nilai)
    for batas, kode, kriteria, label in parameter.PREDIKAT_CAPAIAN.nilai:
        if nilai >= batas:
            return PredikatCapaian(kode, kriteria, label)
    return PredikatCapaian(*parameter.PREDIKAT_CAPAIAN_TERENDAH.nilai)


def serapan_anggaran(*, pagu: Angka | None, realisasi: Angka | None) -> HasilCapaian:
    """Serapan anggaran = realisasi Rp / pagu x 100 (REGULASI.md §3.4).

    Realisation above the pagu is computed and flagged ``MELEBIHI_PAGU`` (an APBD cannot be
    overspent, so it is a data error worth showing).
    """
    p = _opsional(pagu, "pagu")
    if p is None:
        return HasilCapaian(None, Flag.PAGU_KOSONG)
    if p.is_zero():
        return HasilCapaian(None, Flag.PAGU_NOL)
    if p < 0:
        return HasilCapaian(None, Flag.PAGU_NEGATIF)
    r = _opsional(realisasi, "realisasi")
    if r is None:
        return HasilCapaian(None, Flag.REALISASI_KOSONG)
    return HasilCapaian(persentase(r, p), Flag.MELEBIHI_PAGU if r > p else None)


def efisiensi_indeks(
    *,
    capaian: Angka | None,
    serapan: Angka | None,
    batas_capaian: Angka | None = None,
) -> HasilEfisiensi:
    """Indeks efisiensi IE = % capaian / % serapan; efisien when IE >= 1 (REGULASI.md §7, method A).

    ``batas_capaian`` (e.g. 120) optionally caps the capaian used, so an overshooting target does
    not make any spending look efficient; the cap is a design choice, not a regulation.
    """
    c = _opsional(capaian, "capaian")
    s = _opsional(serapan, "serapan")
    if c is None:
        return HasilEfisiensi(None, None, Flag.CAPAIAN_KOSONG)
    if s is None:
        return HasilEfisiensi(None, None, Flag.SERAPAN_KOSONG)
    if s.is_zero():
        return HasilEfisiensi(None, None, Flag.SERAPAN_NOL)
    if s < 0:
        raise ValueError(f"serapan negatif ({s}) tidak bermakna")
    if batas_capaian is not None:
        c = min(c, ke_decimal(batas_capaian, "batas_capaian"))
    indeks = bagi(c, s)
    return HasilEfisiensi(indeks, indeks >= parameter.AMBANG_INDEKS_EFISIENSI.nilai)


def efisiensi_selisih(*, capaian: Angka | None, serapan: Angka | None) -> Decimal | None:
    """Tingkat efisiensi as a gap: % capaian - % serapan (positive = efisien; REGULASI.md §7,
    method C, the form of the seed's Tabel 3.16: 100 - 91,42 = 8,58).  ``None`` if either is missing.
    """
    c = _opsional(capaian, "capaian")
    s = _opsional(serapan, "serapan")
    if c is None or s is None:
        return None
    return KONTEKS.subtract(c, s)


@dataclass(frozen=True)
class HasilEfisiensiPmk:
    """Method B (REGULASI.md §7, the Kemenkeu PMK form): ``efisiensi`` E in percent, bounded to
    ±:data:`~renja.rumus.parameter.EFISIENSI_MAKSIMAL_PMK`, and ``nilai`` = 50 + E / 20 × 50 (0-100)."""

    efisiensi: Decimal | None
    nilai: Decimal | None
    flag: Flag | None = None

    @property
    def efisien(self) -> bool | None:
        """Efisien when E >= 0 (the budget share used is not above the output share achieved)."""
        return None if self.efisiensi is None else self.efisiensi >= 0


def _nilai_pmk(efisiensi: Decimal) -> HasilEfisiensiPmk:
    batas = parameter.EFISIENSI_MAKSIMAL_PMK.nilai
    e = max(-batas, min(batas, efisiensi))
    separuh = parameter.NILAI_DASAR_EFISIENSI_PMK.nilai
    return HasilEfisiensiPmk(e, KONTEKS.add(separuh, KONTEKS.multiply(bagi(e, batas), separuh)))


def efisiensi_pmk(*, capaian: Angka | None, serapan: Angka | None) -> HasilEfisiensiPmk:
    """Method B for one output: E = [1 - (realisasi anggaran / pagu) / (realisasi volume / target volume)] × 100,
    i.e. (1 - % serapan / % capaian) × 100; nilai efisiensi = 50 + (E / 20 × 50) (REGULASI.md §7, LAKIP Itjen 2019
    quoting the PMK form; take the formula, not that report's numbers).

    Example: capaian 100 %, serapan 90 % -> E = (1 - 0,9) × 100 = 10 -> nilai = 50 + 10/20 × 50 = 75.
    E is bounded to ±20 (the formula's own maximum, so the nilai stays within 0-100)."""
    c = _opsional(capaian, "capaian")
    s = _opsional(serapan, "serapan")
    if c is None:
        return HasilEfisiensiPmk(None, None, Flag.CAPAIAN_KOSONG)
    if s is None:
        return HasilEfisiensiPmk(None, None, Flag.SERAPAN_KOSONG)
    if c <= 0:
        return HasilEfisiensiPmk(None, None, Flag.CAPAIAN_NOL)
    if s < 0:
        raise ValueError(f"serapan negatif ({s}) tidak bermakna")
    return _nilai_pmk(KONTEKS.multiply(KONTEKS.subtract(1, bagi(s, c)), _SERATUS))


def efisiensi_pmk_rata_rata(hasil: Iterable[HasilEfisiensiPmk]) -> HasilEfisiensiPmk:
    """Method B over several outputs: the mean of their E ("dirata-ratakan untuk seluruh keluaran"), then its
    nilai; outputs without an E are left out; none at all gives no result."""
    nilai = [h.efisiensi for h in hasil if h.efisiensi is not None]
    if not nilai:
        return HasilEfisiensiPmk(None, None, Flag.CAPAIAN_KOSONG)
    return _nilai_pmk(bagi(jumlah(nilai), len(nilai)))
