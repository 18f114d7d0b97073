"""Rules of the code itself (U.BB.PP.K.KK.SSSS), without the database.

Only `django.core.exceptions` is imported so `convert` can use these without configuring Django.
Checks that need the database (does the code exist in a version, remaps) are in `selectors`.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError

POLA = "U.BB.PP.K.KK.SSSS"

URUTAN_TINGKAT = ("urusan", "bidang_urusan", "program", "kegiatan", "sub_kegiatan")
# Number of dot-separated parts at each level; a kegiatan adds two (K.KK), every other level one.
_TINGKAT_PER_BAGIAN = {1: "urusan", 2: "bidang_urusan", 3: "program", 5: "kegiatan", 6: "sub_kegiatan"}
_BAGIAN_PER_TINGKAT = {t: n for n, t in _TINGKAT_PER_BAGIAN.items()}

_PESAN_KEGIATAN = "bagian kegiatan harus 1 digit jenis pemda + 2 digit urut (mis. 2.01)"
# (regex, message) per part position; position 3 and 4 together are the kegiatan (K.KK).
_BAGIAN = (
    (re.compile(r"[0-9X]"), "bagian urusan harus 1 digit (mis. 1), atau X untuk program penunjang"),
    (
        re.compile(r"[0-9]{2}|XX"),
        "bagian bidang urusan harus 2 digit (mis. 06), atau XX untuk program penunjang",
    ),
    (re.compile(r"[0-9]{2}"), "bagian program harus 2 digit (mis. 02)"),
    (re.compile(r"[0-9]"), _PESAN_KEGIATAN),
    (re.compile(r"[0-9]{2}"), _PESAN_KEGIATAN),
    (re.compile(r"[0-9]{4}"), "bagian sub kegiatan harus 4 digit (mis. 0001)"),
)
# Program 01 of every bidang is the generic support programme, listed once as X.XX.01.
PROGRAM_PENUNJANG = "01"
KODE_PENUNJANG = "X.XX"


def kode_bersih(kode: str) -> str:
    """The code as written in the lists: no surrounding or inner spaces, X in capitals.

    Codes are pasted from documents and spreadsheets: full-width digits and full stops (１．０６) become ASCII
    (NFKC), and every kind of space and invisible format character (no-break, ideographic and zero-width
    spaces, a byte order mark) is dropped, so one code has one spelling.
    """
    teks = unicodedata.normalize("NFKC", kode or "")
    return "".join(c for c in teks if not c.isspace() and unicodedata.category(c) != "Cf").upper()


def kode_format_valid(kode: str) -> str | None:
    """None when `kode` is a well-formed code of any level, otherwise an Indonesian message saying why."""
    bersih = kode_bersih(kode)
    if not bersih:
        return "Kode kosong; isi kode dengan format U.BB.PP.K.KK.SSSS (mis. 1.06.04.2.01.0001)."
    bagian = bersih.split(".")
    awal = f"Kode '{(kode or '').strip()}' tidak sesuai format {POLA}"
    if len(bagian) > 6:
        return f"{awal}: terlalu banyak bagian ({len(bagian)}), paling banyak 6."
    for posisi, teks in enumerate(bagian):
        pola, pesan = _BAGIAN[posisi]
        if not pola.fullmatch(teks):
            return f"{awal}: {pesan}."
    if len(bagian) == 4:
        return f"{awal}: {_PESAN_KEGIATAN}; kode berhenti setelah digit jenis pemda."
    if len(bagian) >= 2 and (bagian[0] == "X") != (bagian[1] == "XX"):
        return f"{awal}: urusan X hanya dipakai bersama bidang XX (program penunjang X.XX.01)."
    return None


def validate_kode_format(kode: str) -> None:
    """Raise ValidationError (code "format") when `kode` is not a well-formed code of any level."""
    pesan = kode_format_valid(kode)
    if pesan:
        raise ValidationError(pesan, code="format")


def tingkat_dari_kode(kode: str) -> str:
    """urusan, bidang_urusan, program, kegiatan or sub_kegiatan; ValidationError when malformed."""
    validate_kode_format(kode)
    return _TINGKAT_PER_BAGIAN[len(kode_bersih(kode).split("."))]


def kode_induk(kode: str) -> str | None:
    """The code one level up (None for an urusan); `kode` must be well-formed."""
    bagian = kode_bersih(kode).split(".")
    tingkat = _TINGKAT_PER_BAGIAN[len(bagian)]
    posisi = URUTAN_TINGKAT.index(tingkat)
    if posisi == 0:
        return None
    return ".".join(bagian[: _BAGIAN_PER_TINGKAT[URUTAN_TINGKAT[posisi - 1]]])


def awalan_ke_nomenklatur(awalan: str) -> str:
    """Like `kode_ke_nomenklatur` but for any prefix of a code (used by search): 1.06.01.2 -> X.XX.01.2."""
    bagian = kode_bersih(awalan).split(".")
    if len(bagian) >= 3 and bagian[0] != "X" and bagian[2] == PROGRAM_PENUNJANG:
        return ".".join([KODE_PENUNJANG, *bagian[2:]])
    return kode_bersih(awalan)


def kode_ke_nomenklatur(kode: str) -> str:
    """The code under which a real plan code is listed.

    The support programme takes the OPD's bidang in a plan (1.06.01.2.02.0001 for Dinas Sosial) but is
    listed once as X.XX.01.2.02.0001; every other code is listed as written.
    """
    if kode_format_valid(kode):
        return kode_bersih(kode)
    return awalan_ke_nomenklatur(kode)


def kode_anak_langsung(kode: str, induk_kode: str) -> bool:
    """Is `kode` exactly one level below `induk_kode`, and written under it? Both must be well-formed."""
    return kode_induk(kode) == kode_bersih(induk_kode)
