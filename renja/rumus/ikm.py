"""Indeks Kepuasan Masyarakat from a Survei Kepuasan Masyarakat (PermenPANRB 14/2017).

1. NRR per unsur = sum of the answers (1-4) for that unsur / number of respondents who answered it.
2. IKM unit (1-4) = weighted sum of the NRR.  Weights: exactly 1/9 each by default (computed as the
   mean of the NRR, so an all-4 survey gives exactly 4), custom weights that sum to 1, or the
   printed worksheets' rounded weight 0,111 (``lembar_kerja=True``) to reproduce a printed report.
3. Konversi (25-100) = IKM x 25.
4. Mutu A-D and kinerja unit from the interval table, classified on the konversi rounded to two
   places: A >= 88,31; B >= 76,61; C >= 65,00; otherwise D.

Unsur nobody answered are left out and the weights of the answered ones are rescaled to sum to 1,
as the regulation's "total nilai persepsi per unsur / total unsur yang terisi" says.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from renja.rumus import parameter
from renja.rumus.uang import KONTEKS, bagi, bulatkan, jumlah, ke_decimal

__all__ = [
    "MutuIKM",
    "HasilIKM",
    "nrr",
    "nrr_hitungan",
    "nrr_per_unsur",
    "bobot_lembar_kerja",
    "ikm",
    "konversi_ikm",
    "mutu_ikm",
]

Angka = Decimal | int | str


@dataclass(frozen=True)
class MutuIKM:
    """A row of the interval table: nilai persepsi 1-4, mutu A-D, kinerja unit."""

    nilai_persepsi: int
    mutu: str
    kinerja: str


@dataclass(frozen=True)
class HasilIKM:
    """IKM unit (1-4), konversi (25-100), mutu; ``unsur_kosong`` lists unanswered unsur (1-based)."""

    nilai: Decimal
    konversi: Decimal
    mutu: MutuIKM
    unsur_kosong: tuple[int, ...] = ()

    @property
    def nilai_bulat(self) -> Decimal:
        """IKM unit rounded half-up to four places, as worksheets print it (3,2634)."""
        return bulatkan(self.nilai, 4)

    @property
    def konversi_bulat(self) -> Decimal:
        """Konversi rounded half-up to two places (81,59)."""
        return bulatkan(self.konversi, parameter.TEMPAT_DESIMAL_PERSEN.nilai)


def _jawaban_sah(nilai: object) -> int:
    rendah, tinggi = parameter.SKALA_JAWABAN_SKM.nilai
    if isinstance(nilai, bool) or not isinstance(nilai, int):
        raise TypeError(f"jawaban SKM harus int {rendah}-{tinggi}, bukan {nilai!r}")
    if not rendah <= nilai <= tinggi:
        raise ValueError(f"jawaban SKM harus {rendah}-{tinggi}, bukan {nilai}")
    return nilai


def nrr(jawaban: Sequence[int | None]) -> Decimal | None:
    """Nilai rata-rata of one unsur over the respondents who answered it (``None`` = not answered).

    ``None`` when nobody answered.
    """
    ada = [_jawaban_sah(j) for j in jawaban if j is not None]
    if not ada:
        return None
    return bagi(sum(ada), len(ada))


def nrr_hitungan(hitungan: Mapping[int, int]) -> Decimal | None:
    """NRR of one unsur from how many respondents gave each answer (``{1: 0, 2: 2, 3: 26, 4: 72}`` -> 3,70):
    exactly :func:`nrr` over the answers the counts stand for, without listing them (a database counts them;
    50.000 answers stay four numbers). ``None`` when nobody answered."""
    total = n = 0
    for nilai, banyak in hitungan.items():
        _jawaban_sah(nilai)
        if isinstance(banyak, bool) or not isinstance(banyak, int) or banyak < 0:
            raise ValueError(f"jumlah jawaban {nilai} harus bilangan bulat >= 0, bukan {banyak!r}")
        total += nilai * banyak
        n += banyak
    if n == 0:
        return None
    return bagi(total, n)


def nrr_per_unsur(
    responden: Sequence[Sequence[int | None]], *, jumlah_unsur: int | None = None
) -> tuple[Decimal | None, ...]:
    """NRR of each unsur from a respondents x unsur answer matrix (one row per respondent).

    ``jumlah_unsur`` defaults to the nine unsur of PermenPANRB 14/2017; every row must have that
    many answers (``None`` where the respondent skipped the question).
    """
    n = len(parameter.UNSUR_SKM.nilai) if jumlah_unsur is None else jumlah_unsur
    for i, baris in enumerate(responden, start=1):
        if len(baris) != n:
            raise ValueError(f"responden ke-{i} punya {len(baris)} jawaban, seharusnya {n}")
    return tuple(nrr([baris[u] for baris in responden]) for u in range(n))


def bobot_lembar_kerja(jumlah_unsur: int) -> Decimal:
    """The worksheet weight: 1 / jumlah unsur rounded half-up to three places (0,111 for 9 unsur)."""
    return bulatkan(bagi(1, jumlah_unsur), parameter.TEMPAT_DESIMAL_BOBOT_LEMBAR_KERJA.nilai)


def ikm(
    nilai_nrr: Sequence[Angka | None],
    *,
    bobot: Sequence[Angka] | None = None,
    lembar_kerja: bool = False,
) -> HasilIKM:
    """IKM unit, konversi and mutu from the NRR of each unsur (``None`` = nobody answered it).

    * default: every answered unsur weighs exactly the same (1/9 with nine unsur);
    * ``bobot``: one weight per unsur, non-negative, summing to exactly 1 (units may weight unsur
      differently, REGULASI.md §1.1);
    * ``lembar_kerja=True``: weight :func:`bobot_lembar_kerja` (0,111), reproducing printed
      worksheets, including their 99,9 for an all-4 survey.
    """
    if bobot is not None and lembar_kerja:
        raise ValueError("pilih bobot kustom atau mode lembar kerja, tidak keduanya")
    nilai = [None if v is None else ke_decimal(v, "NRR") for v in nilai_nrr]
    kosong = tuple(i for i, v in enumerate(nilai, start=1) if v is None)
    terisi = [i for i, v in enumerate(nilai) if v is not None]
    if not terisi:
        raise ValueError("tidak ada unsur yang terisi")
    rendah, tinggi = parameter.NILAI_IKM_MINIMUM.nilai, parameter.NILAI_IKM_MAKSIMUM.nilai
    for v in nilai:
        if v is not None and not rendah <= v <= tinggi:
            raise ValueError(f"NRR {v} di luar rentang {rendah}-{tinggi}")

    if bobot is not None:
        w = [ke_decimal(b, "bobot") for b in bobot]
        if len(w) != len(nilai):
            raise ValueError(f"jumlah bobot ({len(w)}) harus sama dengan jumlah unsur ({len(nilai)})")
        if any(b < 0 for b in w):
            raise ValueError("bobot tidak boleh negatif")
        if jumlah(w) != 1:
            raise ValueError(f"jumlah bobot harus tepat 1, ditemukan {jumlah(w)}")
        bobot_terisi = jumlah(w[i] for i in terisi)
        if bobot_terisi.is_zero():
            raise ValueError("semua unsur yang terisi berbobot nol")
        hasil = bagi(jumlah(KONTEKS.multiply(w[i], nilai[i]) for i in terisi), bobot_terisi)
    elif lembar_kerja:
        w_lk = bobot_lembar_kerja(len(terisi))
        hasil = KONTEKS.multiply(jumlah(nilai[i] for i in terisi), w_lk)
    else:
        hasil = bagi(jumlah(nilai[i] for i in terisi), len(terisi))

    konversi = KONTEKS.multiply(hasil, parameter.FAKTOR_KONVERSI_IKM.nilai)
    return HasilIKM(hasil, konversi, _klasifikasi(konversi), kosong)


def _klasifikasi(konversi: Decimal) -> MutuIKM:
    k = bulatkan(konversi, parameter.TEMPAT_DESIMAL_PERSEN.nilai)
    *atas, terendah = parameter.INTERVAL_MUTU_IKM.nilai
    for batas, persepsi, mutu, kinerja in atas:
        if k >= batas:
            return MutuIKM(persepsi, mutu, kinerja)
    return MutuIKM(*terendah[1:])


def konversi_ikm(nilai_ikm: Angka) -> Decimal:
    """Nilai konversi = IKM x 25; the IKM must lie in 1-4."""
    n = ke_decimal(nilai_ikm, "nilai IKM")
    rendah, tinggi = parameter.NILAI_IKM_MINIMUM.nilai, parameter.NILAI_IKM_MAKSIMUM.nilai
    if not rendah <= n <= tinggi:
        raise ValueError(f"nilai IKM {n} di luar rentang {rendah}-{tinggi}")
    return KONTEKS.multiply(n, parameter.FAKTOR_KONVERSI_IKM.nilai)


def mutu_ikm(konversi: Angka) -> MutuIKM:
    """Mutu pelayanan and kinerja unit for a nilai konversi in 25-100, classified on the value
    rounded half-up to two places: A >= 88,31; B >= 76,61; C >= 65,00; otherwise D.

    ``mutu_ikm(Decimal("92.06"))`` is A, Sangat Baik (seed Tabel 2.2 and 3.3).
    """
    k = ke_decimal(konversi, "nilai konversi")
    faktor = parameter.FAKTOR_KONVERSI_IKM.nilai
    rendah = KONTEKS.multiply(parameter.NILAI_IKM_MINIMUM.nilai, faktor)
    tinggi = KONTEKS.multiply(parameter.NILAI_IKM_MAKSIMUM.nilai, faktor)
    if not rendah <= k <= tinggi:
        raise ValueError(f"nilai konversi {k} di luar rentang {rendah}-{tinggi}")
    return _klasifikasi(k)
