"""Acceptance of the document checker on the seed (tests/pemeriksaan/data, a copy of ../shared/seed).

Each test says why the finding is expected, with the hand computation; the same findings must come from the seed
rebuilt as DOCX and XLSX (tests/pemeriksaan/seed.py)."""

from __future__ import annotations

import re

import pytest

from renja.pemeriksaan.aturan import ATURAN
from renja.pemeriksaan.periksa import ada_galat, periksa_dokumen
from renja.pemeriksaan.temuan import Tingkat
from tests.pemeriksaan import seed


@pytest.fixture(scope="module")
def temuan():
    return periksa_dokumen(seed.teks(), nama="renja.txt")


def _dari(temuan, aturan):
    return [t for t in temuan if t.aturan == aturan]


def test_tabel_3_16_kegiatan_realisation_is_not_the_sum_of_its_rows(temuan):
    # Tabel 3.16: the kegiatan "Pengembangan Potensi Sumber Kesejahteraan Sosial" states a realisation of
    # 4.103.700.625 (and so does its program); its four sub kegiatan realised 738.208.000 + 156.858.000 +
    # 129.355.000 + 2.090.914.900 = 3.115.335.900, a difference of 988.364.725.
    jumlah = [t for t in _dari(temuan, "jumlah_tidak_cocok") if t.lokasi.tabel == "Tabel 3.16"]
    assert len(jumlah) == 1
    t = jumlah[0]
    assert t.tingkat == Tingkat.GALAT
    assert "jumlah 4 baris di bawahnya 3.115.335.900, tertulis 4.103.700.625, selisih 988.364.725" in t.pesan
    assert t.lokasi.kutipan == "4.103.700.625"
    assert t.lokasi.baris == 786
    # its pagu column holds: 807.500.000 + 162.000.000 + 100.000.000 + 3.426.000.000 = 4.495.500.000


def test_tabel_3_16_percentages_and_realisation_above_pagu(temuan):
    # Row "Peningkatan Kemampuan Potensi sumber Kesejahteraan Sosial Keluarga": pagu 100.000.000, realisation
    # "Rp. 129.355.000": above the pagu, and 129.355.000 / 100.000.000 = 129,36%, not the printed 96,79%.
    persen = {t.lokasi.baris: t for t in _dari(temuan, "persen_tidak_cocok") if t.lokasi.tabel == "Tabel 3.16"}
    assert "129.355.000 / 100.000.000 = 129,36%, tertulis 96,79%" in persen[789].pesan
    # Last row: 2.090.914.900 / 3.426.000.000 = 61,03%, printed 84,75%.
    assert "2.090.914.900 / 3.426.000.000 = 61,03%, tertulis 84,75%" in persen[790].pesan
    # Program row: tingkat efisiensi = capaian 100 - serapan 91,28 = 8,72 (as the kegiatan row prints), not 13,80.
    assert "= 8,72%, tertulis 13,80%" in persen[785].pesan
    # The other rows hold: 4.103.700.625 / 4.495.500.000 = 91,28%; 738.208.000 / 807.500.000 = 91,42%.
    assert set(persen) == {785, 789, 790}
    lebih = _dari(temuan, "realisasi_melebihi_pagu")
    assert [(t.lokasi.baris, t.lokasi.kutipan) for t in lebih] == [(789, "Rp. 129.355.000")]
    assert "realisasi 129.355.000 melebihi pagu 100.000.000 (selisih 29.355.000)" in lebih[0].pesan


def test_capaian_240_percent_in_the_text(temuan):
    # BAB II says: target 5% of 125.326 PPKS = 6.266, realisation 15.216 persons, "sehingga Capaian Kinerja 240%";
    # 15.216 / 6.266 x 100 = 242,83%, which rounds to 243%, not 240%. The sentence appears twice (lines 330-334,
    # cut by a page break, and line 487).
    capaian = _dari(temuan, "capaian_teks_tidak_cocok")
    assert len(capaian) == 2
    for t in capaian:
        assert t.pesan == "capaian kinerja tertulis 240%, padahal realisasi 15.216 / target 6.266 = 242,83%"
        assert "Capaian Kinerja 240%" in t.lokasi.kutipan
    assert [t.lokasi.baris for t in capaian] == [326, 487]


def test_malformed_rupiah(temuan):
    # Tabel 2.19 (first), row 6 "Pemberian Bimbingan Sosial kepada Keluarga ...": the analysis half prints
    # "Rp .350.000.000" (the RKPD half has Rp 1.350.000.000): a number cannot start with a thousands dot.
    cacat = _dari(temuan, "angka_cacat")
    assert [(t.lokasi.tabel, t.lokasi.baris, t.lokasi.kolom, t.lokasi.kutipan) for t in cacat] == [
        ("Tabel 2.19", 936, 9, "Rp .350.000.000")
    ]
    assert "titik ribuan tidak boleh di awal angka" in cacat[0].pesan
    # codes such as "2.01" or "1.06.01.01 - 04.2.01.01" are not taken for malformed numbers


def test_negative_targets_of_the_trailing_table(temuan):
    # The trailing Renstra-style table (line 1410 on) has targets -10, -6, -10, -85 and -2 for 2025 and 2026.
    negatif = _dari(temuan, "target_negatif")
    assert {(t.lokasi.baris, t.lokasi.kutipan) for t in negatif} == {
        (1442, "-10"),
        (1464, "-6"),
        (1465, "-10"),
        (1466, "-85"),
        (1467, "-2"),
    }
    assert len(negatif) == 10  # both years
    assert all(t.tingkat == Tingkat.GALAT and t.lokasi.tabel == "tabel di baris 1410" for t in negatif)
    assert "target negatif -10 di sub kegiatan 'Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD'" in [
        t.pesan for t in negatif
    ]


def test_targets_differ_between_tabel_2_19_and_bab_iv(temuan):
    # Penyediaan Permakanan: 1800 Orang in the first Tabel 2.19 (line 924), 500 Orang in BAB IV (line 1331).
    beda = [t for t in _dari(temuan, "beda_antar_tabel") if t.lokasi.tabel == "BAB IV"]
    permakanan = [t for t in beda if "'Penyediaan Permakanan'" in t.pesan and "Tabel 2.19 baris 924" in t.pesan]
    assert len(permakanan) == 1
    assert "target 1.800 di Tabel 2.19 baris 924, 500 di sini" in permakanan[0].pesan
    assert permakanan[0].lokasi.kutipan == "500 Orang"
    assert permakanan[0].tingkat == Tingkat.PERINGATAN
    # others the README mentions "for several rows": Pengelolaan Data Fakir Miskin 54.000 vs 5400 Usulan,
    # Pemberian Layanan Rujukan 100 vs 200 Orang
    pesan = " ".join(t.pesan for t in beda)
    assert "target 54.000 di Tabel 2.19 baris 962, 5.400 di sini" in pesan
    assert "target 100 di Tabel 2.19 baris 948, 200 di sini" in pesan


def test_no_false_alarm_on_tabel_3_9(temuan):
    # Tabel 3.9: every program/kegiatan/TOTAL equals the sum of its rows (e.g. program 04: 885.600.000 +
    # 114.000.000 + 760.000.000 + 427.500.000 + 212.600.000 + 1.870.000.000 + 55.800.000 + 242.828.000 +
    # 85.000.000 = 4.653.328.000; TOTAL 4.653.328.000 + 2.115.138.234 + 2.835.840.062 = 9.604.306.296) and every
    # percentage follows (4.259.258.784 / 4.653.328.000 = 91,53%; 8.915.908.979 / 9.604.306.296 = 92,83%).
    assert [t for t in temuan if t.lokasi.tabel == "Tabel 3.9"] == []


def test_no_false_alarm_on_the_second_tabel_2_19_summary(temuan):
    # "6 Program, 16 Kegiatan dan 68 Sub Kegiatan dengan usulan Pagu sebesar Rp. 39.606.686.100" (line 1213)
    # matches the second Tabel 2.19: programs I-VI, kegiatan i-xvi, sub kegiatan 1-68, and its kegiatan pagu sum to
    # 39.606.686.100.
    narasi = _dari(temuan, "narasi_tidak_cocok")
    assert not [t for t in narasi if t.lokasi.baris == 1213]
    # The 2024 sentence (line 139: 6 Program, 14 Kegiatan, 44 sub kegiatan, Rp. 31.132.479.236) matches no
    # table of this document: reported as peringatan.
    assert [(t.lokasi.baris, t.tingkat) for t in narasi] == [(139, Tingkat.PERINGATAN)] * 2


def test_terbilang_typo_is_reported(temuan):
    # Line 665: "Rp. 2.639.174.475 (Dua miliar ... serratus tujuh puluh empat ribu ...)": "serratus" is no number
    # word; the other amounts in words (e.g. Rp. 4.495.500.000,- "Empat Miliar empat ratus sembilan puluh lima juta
    # lima ratus ribu rupiah") match their figures.
    terbilang = _dari(temuan, "terbilang_tidak_cocok")
    assert [(t.lokasi.baris, t.tingkat) for t in terbilang] == [(665, Tingkat.PERINGATAN)]
    assert "serratus" in terbilang[0].pesan


def test_the_seed_has_galat(temuan):
    assert ada_galat(temuan)


def _kunci(temuan):
    # line numbers differ between formats (a DOCX has paragraphs and table rows, not lines)
    return sorted((t.aturan, re.sub(r"baris \d+", "baris N", t.pesan), t.lokasi.kutipan) for t in temuan)


@pytest.mark.parametrize("bentuk", ["docx", "xlsx"])
def test_same_findings_from_docx_and_xlsx(temuan, bentuk):
    # The seed's tables as real Word tables / worksheet rows, its text as paragraphs / column A.
    data = getattr(seed, bentuk)()
    lain = periksa_dokumen(data, nama=f"renja.{bentuk}")
    assert _kunci(lain) == _kunci(temuan)


def test_every_rule_has_an_explanation_and_an_example():
    assert len({a.kode for a in ATURAN}) == len(ATURAN) >= 9
    for a in ATURAN:
        assert a.penjelasan and a.contoh, a.kode
