"""Numbers in Indonesian words (terbilang), and back.

Integers from 0 to 999 triliun (|n| < 10^15).  The "se-" forms are used wherever the language uses
them: ``sepuluh``, ``sebelas``, ``seratus``, ``seribu`` (only for exactly one thousand in the
thousands group: 1.001.000 is "satu juta seribu", 21.000 is "dua puluh satu ribu"); ``juta``,
``miliar`` and ``triliun`` take "satu" (``sejuta`` is informal).  Rupiah phrases end in
``rupiah``, followed by the sen in words when there are any.

The inverse (:func:`angka_dari_terbilang`, :func:`rupiah_dari_terbilang`) checks documents: by
default it accepts non-standard but unambiguous spellings (``satu ribu``, ``satu ratus``,
``sejuta``, ``milyar``, ``trilyun``); with ``ketat=True`` only the standard form this module
writes is accepted.  Words are case-insensitive.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from renja.rumus.uang import SEN_PER_RUPIAH, bulatkan, dari_sen, ke_decimal, ke_sen

__all__ = [
    "BATAS_TERBILANG",
    "Gaya",
    "TerbilangTidakValid",
    "terbilang",
    "terbilang_rupiah",
    "angka_dari_terbilang",
    "rupiah_dari_terbilang",
]

#: Exclusive upper bound of the absolute value: 999.999.999.999.999 is the largest.
BATAS_TERBILANG = 10**15

_SATUAN = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_NILAI_SATUAN = {kata: i for i, kata in enumerate(_SATUAN) if i}
_SKALA = (("triliun", 10**12), ("miliar", 10**9), ("juta", 10**6), ("ribu", 10**3))
_NILAI_SKALA = dict(_SKALA)
_ALIAS = {"milyar": "miliar", "trilyun": "triliun"}
_KOSAKATA = (
    set(_SATUAN)
    | set(_NILAI_SKALA)
    | set(_ALIAS)
    | {"sepuluh", "sebelas", "seratus", "seribu", "sejuta", "belas", "puluh", "ratus", "minus"}
)


class Gaya(StrEnum):
    """Capitalisation styles used in formal documents."""

    KECIL = "kecil"  #: tiga puluh satu miliar
    KALIMAT = "kalimat"  #: Tiga puluh satu miliar (the seed's "(Tiga puluh satu miliar ... rupiah)")
    JUDUL = "judul"  #: Tiga Puluh Satu Miliar
    KAPITAL = "kapital"  #: TIGA PULUH SATU MILIAR


class TerbilangTidakValid(ValueError):
    """Words that are not a valid Indonesian number; ``str()`` names the text and the reason."""

    def __init__(self, teks: str, alasan: str) -> None:
        self.teks = teks
        self.alasan = alasan
        super().__init__(f'"{teks}" bukan terbilang yang sah: {alasan}')


# ------------------------------------------------------------------------------------------------
# Number -> words
# ------------------------------------------------------------------------------------------------


def _ratusan(n: int) -> list[str]:
    """Words for 1..999."""
    kata: list[str] = []
    ratus, sisa = divmod(n, 100)
    if ratus == 1:
        kata.append("seratus")
    elif ratus > 1:
        kata += [_SATUAN[ratus], "ratus"]
    if sisa == 10:
        kata.append("sepuluh")
    elif sisa == 11:
        kata.append("sebelas")
    elif sisa >= 20:
        puluh, satuan = divmod(sisa, 10)
        kata += [_SATUAN[puluh], "puluh"] + ([_SATUAN[satuan]] if satuan else [])
    elif sisa >= 12:
        kata += [_SATUAN[sisa - 10], "belas"]
    elif sisa > 0:
        kata.append(_SATUAN[sisa])
    return kata


def _kata(n: int) -> list[str]:
    """Words for an integer with |n| < 10^15."""
    if n == 0:
        return ["nol"]
    kata = ["minus"] if n < 0 else []
    n = abs(n)
    for nama, nilai in _SKALA:
        kelompok, n = divmod(n, nilai)
        if kelompok == 1 and nama == "ribu":
            kata.append("seribu")
        elif kelompok:
            kata += _ratusan(kelompok) + [nama]
    if n:
        kata += _ratusan(n)
    return kata


def _terapkan_gaya(teks: str, gaya: Gaya) -> str:
    gaya = Gaya(gaya)
    if gaya is Gaya.KALIMAT:
        return teks[:1].upper() + teks[1:]
    if gaya is Gaya.JUDUL:
        return " ".join(kata.capitalize() for kata in teks.split(" "))
    if gaya is Gaya.KAPITAL:
        return teks.upper()
    return teks


def _periksa_bilangan_bulat(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"terbilang memerlukan int, bukan {type(n).__name__}")
    if abs(n) >= BATAS_TERBILANG:
        raise ValueError(f"{n} di luar jangkauan terbilang (|n| < 10^15, sampai 999 triliun)")
    return n


def terbilang(n: int, *, gaya: Gaya = Gaya.KECIL) -> str:
    """``31132479236`` -> ``"tiga puluh satu miliar seratus tiga puluh dua juta empat ratus tujuh
    puluh sembilan ribu dua ratus tiga puluh enam"``; negative numbers start with ``minus``."""
    return _terapkan_gaya(" ".join(_kata(_periksa_bilangan_bulat(n))), gaya)


def _kata_rupiah(total_sen: int) -> list[str]:
    kata = ["minus"] if total_sen < 0 else []
    rupiah, sen = divmod(abs(total_sen), SEN_PER_RUPIAH)
    if rupiah or not sen:
        kata += _kata(_periksa_bilangan_bulat(rupiah)) + ["rupiah"]
    if sen:
        kata += _kata(sen) + ["sen"]
    return kata


def terbilang_rupiah(nilai: Decimal | int | str, *, gaya: Gaya = Gaya.KECIL, sen: bool = True) -> str:
    """A Rupiah amount in words: ``"dua ribu lima ratus rupiah lima puluh sen"``.

    The amount is rounded half-up to a whole sen; the sen are spoken only when not zero
    (``"lima puluh sen"`` alone below one rupiah).  ``sen=False`` rounds half-up to a whole rupiah.
    """
    d = ke_decimal(nilai, "nilai")
    total_sen = ke_sen(d if sen else bulatkan(d))
    return _terapkan_gaya(" ".join(_kata_rupiah(total_sen)), gaya)


# ------------------------------------------------------------------------------------------------
# Words -> number
# ------------------------------------------------------------------------------------------------


def _token(teks: object) -> list[str]:
    if not isinstance(teks, str):
        raise TypeError(f"teks harus str, bukan {type(teks).__name__}")
    return teks.lower().split()


def _kelompok(kata: list[str], i: int, asli: str) -> tuple[int, int]:
    """Read one group 1..999 starting at ``kata[i]``; return (value, next index)."""

    def lihat(j: int) -> str | None:
        return kata[j] if j < len(kata) else None

    mulai, nilai = i, 0
    if kata[i] == "seratus":
        nilai, i = 100, i + 1
    elif kata[i] in _NILAI_SATUAN and lihat(i + 1) == "ratus":
        nilai, i = 100 * _NILAI_SATUAN[kata[i]], i + 2
    k, berikut = lihat(i), lihat(i + 1)
    if k == "sepuluh":
        nilai, i = nilai + 10, i + 1
    elif k == "sebelas":
        nilai, i = nilai + 11, i + 1
    elif k in _NILAI_SATUAN and berikut in ("puluh", "belas"):
        if k == "satu":
            baku = "sepuluh" if berikut == "puluh" else "sebelas"
            raise TerbilangTidakValid(asli, f"'satu {berikut}' tidak baku dan ambigu; tulis '{baku}'")
        if berikut == "belas":
            nilai, i = nilai + 10 + _NILAI_SATUAN[k], i + 2
        else:
            nilai, i = nilai + 10 * _NILAI_SATUAN[k], i + 2
            satuan = lihat(i)
            if satuan in _NILAI_SATUAN and lihat(i + 1) not in ("ratus", "puluh", "belas"):
                nilai, i = nilai + _NILAI_SATUAN[satuan], i + 1
    elif k in _NILAI_SATUAN and berikut not in ("ratus", "puluh", "belas"):
        nilai, i = nilai + _NILAI_SATUAN[k], i + 1
    if i == mulai:
        raise TerbilangTidakValid(asli, f"kata '{kata[i]}' tidak diharapkan di sini")
    return nilai, i


def _urai_kata(kata: list[str], asli: str) -> int:
    if not kata:
        raise TerbilangTidakValid(asli, "teks kosong")
    for k in kata:
        if k not in _KOSAKATA:
            raise TerbilangTidakValid(asli, f"kata tidak dikenal: '{k}'")
    negatif = kata[0] == "minus"
    kata = [_ALIAS.get(k, k) for k in kata[1:]] if negatif else [_ALIAS.get(k, k) for k in kata]
    if not kata:
        raise TerbilangTidakValid(asli, "tidak ada angka sesudah 'minus'")
    if "minus" in kata:
        raise TerbilangTidakValid(asli, "'minus' hanya boleh di awal")
    if "nol" in kata:
        if kata != ["nol"]:
            raise TerbilangTidakValid(asli, "'nol' hanya boleh berdiri sendiri")
        return 0
    total, skala_lalu, nama_lalu, i = 0, BATAS_TERBILANG, "", 0
    while i < len(kata):
        if kata[i] in ("seribu", "sejuta"):
            nama = kata[i]
            nilai, skala = 1, (10**3 if nama == "seribu" else 10**6)
            i += 1
        else:
            nilai, i = _kelompok(kata, i, asli)
            if i == len(kata):
                nama, skala = "", 1
            elif kata[i] in _NILAI_SKALA:
                nama, skala = kata[i], _NILAI_SKALA[kata[i]]
                i += 1
            else:
                raise TerbilangTidakValid(asli, f"kata '{kata[i]}' tidak diharapkan sesudah '{kata[i - 1]}'")
        if skala >= skala_lalu:
            raise TerbilangTidakValid(
                asli, f"urutan satuan salah: bagian '{nama or 'satuan'}' muncul sesudah '{nama_lalu}'"
            )
        total, skala_lalu, nama_lalu = total + nilai * skala, skala, nama
    return -total if negatif else total


def angka_dari_terbilang(teks: str, *, ketat: bool = False) -> int:
    """Words -> integer: ``"satu juta seribu"`` -> ``1001000``.

    Raises :class:`TerbilangTidakValid` naming the text and the reason (unknown word such as the
    seed's typo ``serratus``, words out of order, ``satu puluh``).  ``ketat=True`` also rejects
    non-standard spellings, naming the standard form.
    """
    kata = _token(teks)
    n = _urai_kata(kata, teks)
    if ketat and kata != _kata(n):
        raise TerbilangTidakValid(teks, f"bukan bentuk baku; bentuk baku: '{' '.join(_kata(n))}'")
    return n


def rupiah_dari_terbilang(teks: str, *, ketat: bool = False) -> Decimal:
    """Rupiah words -> Decimal with two places: ``"... tujuh puluh tujuh rupiah"``, ``"... rupiah
    lima puluh sen"``, ``"lima puluh sen"``.  See :func:`angka_dari_terbilang` for ``ketat``."""
    kata = _token(teks)
    negatif = kata[:1] == ["minus"]
    badan = kata[1:] if negatif else kata
    if "rupiah" in badan:
        posisi = badan.index("rupiah")
        if posisi == 0:
            raise TerbilangTidakValid(teks, "tidak ada angka sebelum 'rupiah'")
        rupiah, sisa = _urai_kata(badan[:posisi], teks), badan[posisi + 1 :]
        if sisa and (sisa[-1] != "sen" or len(sisa) == 1):
            raise TerbilangTidakValid(teks, "sesudah 'rupiah' hanya boleh ada jumlah sen diakhiri 'sen'")
    else:
        rupiah, sisa = 0, badan
        if sisa[-1:] != ["sen"]:
            raise TerbilangTidakValid(teks, "harus diakhiri 'rupiah' atau 'sen'")
        if len(sisa) == 1:
            raise TerbilangTidakValid(teks, "tidak ada angka sebelum 'sen'")
    sen = 0
    if sisa:
        sen = _urai_kata(sisa[:-1], teks)
        if not 0 < sen < SEN_PER_RUPIAH:
            raise TerbilangTidakValid(teks, f"jumlah sen harus 1-{SEN_PER_RUPIAH - 1}, bukan {sen}")
    if rupiah < 0:
        raise TerbilangTidakValid(teks, "'minus' hanya boleh di awal")
    total_sen = rupiah * SEN_PER_RUPIAH + sen
    total_sen = -total_sen if negatif else total_sen
    if ketat and kata != _kata_rupiah(total_sen):
        baku = " ".join(_kata_rupiah(total_sen))
        raise TerbilangTidakValid(teks, f"bukan bentuk baku; bentuk baku: '{baku}'")
    return dari_sen(total_sen)
