"""The checker on a PDF's text layer: the seed's Tabel 3.16 (lines 779-791) rendered from HTML by chromium.

The whole seed as one PDF reads too (renja.pemeriksaan.dokumen.blok_pdf) but pdfplumber needs about a minute and a
half for its 1,6 MB on this machine and wraps long cells, so only this table is tested (see the report)."""

from __future__ import annotations

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
