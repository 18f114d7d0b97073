"""Length limits of the texts planning services take, and the one check that enforces them.

The limits leave room above the longest text of the official lists and the seed (nomenclature names up to 410
characters, indicator texts up to 699, the demo's longest catatan 574) and fit the model's max_length where the
column has one (kelompok_sasaran 300, satuan 60, kode 24).
"""

from renja.rumus.angka import format_angka

BATAS_TEKS = {
    "kode": 24,
    "nama": 1000,
    "uraian": 1000,
    "satuan": 60,
    "lokasi": 200,
    "prioritas_nasional": 1000,
    "prioritas_daerah": 1000,
    "kelompok_sasaran": 300,
    "prakiraan_satuan": 60,
    "sumber": 1000,
    "catatan": 4000,
    "alasan": 2000,
}
LOKASI_MAKS = 100  # places per row
INDIKATOR_MAKS = 50  # indicators per row

# Tab, line feed and carriage return are text; every other control character (NUL above all, which PostgreSQL
# refuses in text) is not.
_KENDALI_BOLEH = {"\t", "\n", "\r"}


def teks_problem(label: str, value: str, batas: int) -> str | None:
    """Why `value` cannot be stored as a text of at most `batas` characters, naming the field, or None."""
    if len(value) > batas:
        return f"{label} paling banyak {format_angka(batas)} karakter (terisi {format_angka(len(value))})."
    if any((ord(c) < 32 or ord(c) == 127) and c not in _KENDALI_BOLEH for c in value):
        return f"{label} memuat karakter kendali (mis. NUL) yang tidak dapat disimpan; hapus karakter itu."
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return f"{label} memuat karakter yang tidak sah (bukan teks Unicode yang utuh)."
    return None
