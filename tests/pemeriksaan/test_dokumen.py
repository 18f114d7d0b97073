"""Reading documents: numbers in their forms, codes in their forms, levels, hostile and unreadable files."""

from __future__ import annotations

from decimal import Decimal

import pytest

from renja.pemeriksaan import dokumen as d
from renja.pemeriksaan.periksa import periksa_dokumen
from tests import berkas_jahat


@pytest.mark.parametrize(
    ("teks", "nilai", "jenis"),
    [
        ("4.103.700.625", Decimal("4103700625"), "rp"),
        ("Rp. 129.355.000", Decimal("129355000"), "rp"),
        ("Rp 4.495.500.000,-", Decimal("4495500000"), "rp"),
        ("26.736.518.416,00", Decimal("26736518416.00"), "rp"),
        ("89,73%", Decimal("89.73"), "persen"),
        ("(1.500.000)", Decimal("-1500000"), "rp"),  # parentheses: negative
        ("-10", Decimal("-10"), "angka"),
        ("91,28", Decimal("91.28"), "angka"),
        ("1800 Orang", Decimal("1800"), "satuan"),
        ("1176 Orang/Bulan", Decimal("1176"), "satuan"),
    ],
)
def test_numbers_in_their_forms(teks, nilai, jenis):
    a = d.baca_angka(teks)
    assert (a.nilai, a.jenis) == (nilai, jenis)


@pytest.mark.parametrize("teks", ["", "-", "Penyediaan Permakanan", "2.01", "1.06.01.01 - 04.2.01.01", "0001"])
def test_not_numbers(teks):
    assert d.baca_angka(teks) is None or d.baca_angka(teks).jenis == "angka"  # "0001" is a plain number


def test_malformed_and_ambiguous():
    with pytest.raises(d.AngkaCacat, match="titik ribuan tidak boleh di awal angka"):
        d.baca_angka("Rp .350.000.000")
    with pytest.raises(d.AngkaAmbigu):
        d.baca_angka("1,000")  # thousand (English) or one (Indonesian)? reported, not guessed


@pytest.mark.parametrize(
    ("sel", "tingkat"),
    [
        (("1.06.01.01 - 04",), d.PROGRAM),
        (("1.06.01.01 - 04.2.01",), d.KEGIATAN),
        (("1.06.01.01 - 04.2.01.01",), d.SUB),
        (("", "1", "06", "04", "2.01", "0001", "Penyediaan Permakanan"), d.SUB),
        (("", "1", "06", "04", "2.01", "", "Rehabilitasi Sosial Dasar"), d.KEGIATAN),
        (("1.06.04.2.01.0001", "Penyediaan Permakanan"), d.SUB),
        (("", "", "X", "XX", "1", "201", "6", "-", "Koordinasi"), d.SUB),
    ],
)
def test_codes_in_their_forms(sel, tingkat):
    assert d.kenali_kode(sel)[1] == tingkat


def test_rows_numbered_without_codes_get_their_level_from_numbering_and_sums():
    teks = "\n".join(
        [
            "Tabel 9.9",
            "NO\tPROGRAM/KEGIATAN\tPAGU",
            "I\tPROGRAM A\tRp 300.000",
            "1\tKegiatan A1\tRp 300.000",
            "1\tSub A1a\tRp 100.000",
            "2\tSub A1b\tRp 200.000",
        ]
    )
    dok = d.baca(teks.encode())
    (t,) = dok.tabel
    assert [b.tingkat for b in t.baris] == [d.PROGRAM, d.KEGIATAN, d.SUB, d.SUB]
    assert periksa_dokumen(teks.encode()) == []  # 100.000 + 200.000 = 300.000 at both levels


def test_total_row_is_checked_and_the_ambiguous_number_is_reported():
    teks = "\n".join(
        [
            "Tabel 1",
            "KODE\tURAIAN\tANGGARAN",
            "1.06.01.01 - 04\tProgram A\t1.000.000",
            "1.06.01.01 - 05\tProgram B\t2.000.000",
            "TOTAL\t\t3.500.000",
            "1.06.01.01 - 06\tProgram C\t1,000",
        ]
    )
    temuan = periksa_dokumen(teks.encode())
    assert [(t.aturan, t.lokasi.baris) for t in temuan] == [("angka_ambigu", 6), ("jumlah_tidak_cocok", 5)]
    # 1.000.000 + 2.000.000 = 3.000.000, TOTAL says 3.500.000
    assert "jumlah 2 baris di bawahnya 3.000.000, tertulis 3.500.000, selisih 500.000" in temuan[1].pesan


def test_terbilang_that_says_another_number():
    teks = "Pagu sebesar Rp. 4.495.500.000,- (Empat Miliar empat ratus sembilan puluh lima juta rupiah) dan 2 (tiga)."
    temuan = periksa_dokumen(teks.encode())
    # the words say 4.495.000.000 (five hundred thousand missing), and three instead of 2
    assert [t.pesan for t in temuan] == [
        "angka 4.495.500.000 ditulis dengan kata-kata sebagai 4.495.000.000",
        "angka 2 ditulis dengan kata-kata sebagai 3",
    ]


@pytest.mark.parametrize("jahat", sorted(berkas_jahat.SEMUA), ids=str)
def test_hostile_files_get_their_message(jahat):
    nama, isi = berkas_jahat.buat(jahat)
    with pytest.raises(d.DokumenTidakTerbaca) as e:
        d.baca(isi, nama=nama)
    assert nama in str(e.value) or "terlalu besar" in str(e.value)


def test_xml_bomb_inside_a_workbook_is_refused_by_the_reader():
    nama, isi = berkas_jahat.xlsx_bom_xml()
    with pytest.raises(d.DokumenTidakTerbaca, match="tidak dapat dibaca sebagai XLSX"):
        d.baca(isi, nama=nama)


def test_pdf_without_text_layer():
    # a blank page, as a scan without OCR would be
    with pytest.raises(d.DokumenTidakTerbaca, match="tidak memiliki lapisan teks"):
        d.baca(berkas_jahat.pdf_sah(), nama="pindaian.pdf")


def test_empty_docx_reads_as_an_empty_document():
    assert periksa_dokumen(berkas_jahat.docx_sah(), nama="kosong.docx") == []
