"""The checker on a PDF's text layer: the seed's Tabel 3.16 (lines 779-791) and the whole seed, rendered from HTML
by chromium and read with PDFium (renja.pemeriksaan.dokumen.blok_pdf: about 3 s for the 24 pages; pdfplumber,
used before, needed about 40 s and split numbers of wrapped cells into false findings)."""

from __future__ import annotations

import re

import pytest

from renja.pemeriksaan.periksa import periksa_dokumen
from tests.pemeriksaan import seed


@pytest.fixture(scope="module")
def temuan(tmp_path_factory):
    data = seed.pdf(seed.html(779, 791), tmp_path_factory.mktemp("pdf"))
    return periksa_dokumen(data, nama="tabel_3_16.pdf")


def test_tabel_3_16_from_pdf(temuan):
    # Same findings as from the text (tests/pemeriksaan/test_aturan.py): 738.208.000 + 156.858.000 + 129.355.000
    # + 2.090.914.900 = 3.115.335.900 against the kegiatan's 4.103.700.625; 129.355.000 above its pagu 100.000.000
    # (129,36%, printed 96,79%); 2.090.914.900 / 3.426.000.000 = 61,03% (printed 84,75%); efisiensi 100 - 91,28 =
    # 8,72 (printed 13,80).
    pesan = sorted((t.aturan, t.pesan.split(": ", 1)[1]) for t in temuan)
    assert pesan == [
        ("jumlah_tidak_cocok", "jumlah 4 baris di bawahnya 3.115.335.900, tertulis 4.103.700.625, selisih 988.364.725"),
        ("persen_tidak_cocok", "129.355.000 / 100.000.000 = 129,36%, tertulis 96,79%"),
        ("persen_tidak_cocok", "2.090.914.900 / 3.426.000.000 = 61,03%, tertulis 84,75%"),
        ("persen_tidak_cocok", "tingkat efisiensi = capaian kinerja 100% - serapan 91,28% = 8,72%, tertulis 13,80%"),
        ("realisasi_melebihi_pagu", "realisasi 129.355.000 melebihi pagu 100.000.000 (selisih 29.355.000)"),
    ]
    assert {t.lokasi.tabel for t in temuan} == {"Tabel 3.16"}  # the title above the table is read before it


@pytest.fixture(scope="module")
def seluruh(tmp_path_factory):
    data = seed.pdf(seed.html(), tmp_path_factory.mktemp("pdf_seluruh"))
    return periksa_dokumen(data, nama="seed.pdf")


def test_whole_seed_pdf_gives_the_acceptance_findings(seluruh):
    """Issue 8's acceptance findings, now from the whole seed as PDF (the same as from the text,
    tests/pemeriksaan/test_aturan.py): Tabel 3.16's 4.103.700.625 vs 3.115.335.900; the capaian 240% that
    15.216 / 6.266 makes 242,83%; the malformed "Rp .350.000.000"; the negative targets -10, -6, -10, -85, -2 of
    the trailing table for both years; Penyediaan Permakanan 1.800 Orang (Tabel 2.19) vs 500 Orang (BAB IV)."""
    pesan = [re.sub(r"baris \d+", "baris N", t.pesan) for t in seluruh]
    assert any("3.115.335.900, tertulis 4.103.700.625, selisih 988.364.725" in p for p in pesan)
    assert pesan.count("capaian kinerja tertulis 240%, padahal realisasi 15.216 / target 6.266 = 242,83%") == 2
    assert [t.lokasi.kutipan for t in seluruh if t.aturan == "angka_cacat"] == ["Rp .350.000.000"]
    negatif = sorted(t.lokasi.kutipan for t in seluruh if t.aturan == "target_negatif")
    assert negatif == sorted(["-10", "-6", "-10", "-85", "-2"] * 2)
    assert any("'Penyediaan Permakanan': target 1.800 di Tabel 2.19 baris N, 500 di sini" in p for p in pesan)


def test_whole_seed_pdf_no_false_alarm_on_tabel_3_9_and_the_summary(seluruh):
    """Tabel 3.9's sums and percentages all hold; "6 Program, 16 Kegiatan dan 68 Sub Kegiatan ... Rp.
    39.606.686.100" matches the second Tabel 2.19 (see test_aturan.py for the figures)."""
    assert [t for t in seluruh if t.lokasi.tabel == "Tabel 3.9"] == []
    narasi = [t for t in seluruh if t.aturan == "narasi_tidak_cocok"]
    assert not [t for t in narasi if "39.606.686.100" in t.lokasi.kutipan]
