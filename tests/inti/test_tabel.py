"""The table writer: XLSX read back with openpyxl, CSV read back with csv.

Figures are the seed's (Renja 2026 Dinas Sosial Kota Bekasi): OPD total Rp 26.736.518.416, program 1.06.04
Rp 4.962.840.000, sub kegiatan Permakanan 1.06.04.2.01.0001 Rp 1.000.000.000 with target 500 Orang.
"""

import csv
import datetime as dt
import io
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renja.inti.tabel import Baris, Jenis, Kolom, Sel, Tabel, escape_csv, tulis_csv, tulis_xlsx

KOLOM = [
    Kolom("kode", "Kode", lebar=22),
    Kolom("nama", "Program / Kegiatan / Sub Kegiatan", lebar=50),
    Kolom("target", "Target", Jenis.DESIMAL),
    Kolom("satuan", "Satuan", lebar=10),
    Kolom("pagu", "Pagu Indikatif", Jenis.RUPIAH),
    Kolom("capaian", "Capaian", Jenis.PERSEN),
    Kolom("jumlah", "Jumlah", Jenis.ANGKA),
    Kolom("tanggal", "Tanggal", Jenis.TANGGAL),
]


def renja_tabel(**kwargs) -> Tabel:
    return Tabel(
        kolom=KOLOM,
        judul=["RENCANA KERJA DINAS SOSIAL KOTA BEKASI", "TAHUN 2026"],
        kepala=[
            [Sel("Kode", rowspan=2), Sel("Program / Kegiatan / Sub Kegiatan", rowspan=2), Sel("Rencana", colspan=3)]
            + [Sel("Capaian", rowspan=2), Sel("Jumlah", rowspan=2), Sel("Tanggal", rowspan=2)],
            ["Target", "Satuan", "Pagu Indikatif"],
        ],
        nomor_kolom=True,
        baris=[
            Baris({"kode": "1.06.04", "nama": "PROGRAM REHABILITASI SOSIAL", "pagu": Decimal("4962840000")}, "program"),
            Baris(
                {"kode": "1.06.04.2.01", "nama": "Rehabilitasi Sosial Dasar", "pagu": Decimal(1000000000)},
                "kegiatan",
                tingkat=1,
            ),
            Baris(
                {
                    "kode": "1.06.04.2.01.0001",
                    "nama": "Pemenuhan Kebutuhan Permakanan",
                    "target": Decimal("500"),
                    "satuan": "Orang",
                    "pagu": Decimal("1000000000.00"),
                    "capaian": Decimal("89.7308"),
                    "jumlah": 1018773,
                    "tanggal": dt.date(2026, 1, 15),
                },
                tingkat=2,
            ),
            Baris({"kode": "x", "nama": "Target desimal", "target": Decimal("12.5000"), "satuan": "%"}, tingkat=2),
            Baris({"kode": "y", "nama": "Target grade", "target": "BB", "satuan": "Nilai"}, tingkat=2),
        ],
        kaki=[Baris([Sel("JUMLAH", colspan=4), Decimal("26736518416")], "total")],
        tanda_tangan=[["Bekasi, 15 Januari 2026", "Kepala Dinas Sosial", "", "", "(nama)"], ["Mengetahui", "Bappeda"]],
        nama_lembar="Renja 2026",
        kolom_tingkat="nama",
        **kwargs,
    )


def baca_csv(data: bytes, **kwargs) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), **kwargs))


def baca_xlsx(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def test_xlsx_header_merges_numbers_and_freeze():
    ws = baca_xlsx(tulis_xlsx(renja_tabel()))["Renja 2026"]
    # titles on rows 1-2 merged over all 8 columns, blank row 3, header rows 4-5, column numbers row 6
    assert ws["A1"].value == "RENCANA KERJA DINAS SOSIAL KOTA BEKASI" and ws["A1"].font.b
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert {"A1:H1", "A2:H2", "A4:A5", "B4:B5", "C4:E4", "F4:F5", "G4:G5", "H4:H5"} <= merged
    assert [ws.cell(row=5, column=c).value for c in (3, 4, 5)] == ["Target", "Satuan", "Pagu Indikatif"]
    assert [ws.cell(row=6, column=c).value for c in range(1, 9)] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert ws.freeze_panes == "A7"
    assert ws.print_title_rows == "$4:$6"


def test_xlsx_values_and_number_formats():
    ws = baca_xlsx(tulis_xlsx(renja_tabel()))["Renja 2026"]
    assert ws["A7"].value == "1.06.04" and ws["A7"].font.b  # program row bold
    assert ws["E7"].value == 4962840000 and ws["E7"].number_format == '"Rp "#,##0.00'
    assert ws["B8"].alignment.indent == 1 and ws["B9"].alignment.indent == 2
    assert not ws["A9"].font.b
    assert ws["C9"].value == 500 and ws["C9"].number_format == "#,##0"
    assert ws["F9"].value == pytest.approx(89.7308) and ws["F9"].number_format == '#,##0.00"%"'
    assert ws["G9"].value == 1018773 and ws["G9"].number_format == "#,##0"
    assert ws["H9"].value == dt.datetime(2026, 1, 15) and ws["H9"].number_format == "dd/mm/yyyy"
    assert ws["C10"].value == 12.5 and ws["C10"].number_format == "#,##0.0"  # as typed: 12,5
    assert ws["C11"].value == "BB" and ws["C11"].data_type == "s"
    # footer: JUMLAH merged over four columns, total in the pagu column
    assert ws["A12"].value == "JUMLAH" and "A12:D12" in {str(m) for m in ws.merged_cells.ranges}
    assert ws["E12"].value == 26736518416 and ws["E12"].font.b
    # signature blocks side by side below a blank row
    assert ws["A14"].value == "Bekasi, 15 Januari 2026" and ws["E14"].value == "Mengetahui"


def test_xlsx_print_setup_and_widths():
    ws = baca_xlsx(tulis_xlsx(renja_tabel()))["Renja 2026"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.column_dimensions["A"].width == 22 and ws.column_dimensions["B"].width == 50


def test_xlsx_several_tables_are_several_sheets_with_valid_names():
    a = renja_tabel()
    b = Tabel(kolom=[Kolom("n", "No", Jenis.ANGKA)], baris=[Baris([1])], nama_lembar="Renja 2026")
    c = Tabel(kolom=[Kolom("n", "No")], nama_lembar="Evaluasi E.81 [TW I]: a/b*c?" + "x" * 40)
    wb = baca_xlsx(tulis_xlsx([a, b, c]))
    assert wb.sheetnames[:2] == ["Renja 2026", "Renja 2026 (2)"]
    assert wb.sheetnames[2] == "Evaluasi E.81 _TW I__ a_b_c_xxx" and len(wb.sheetnames[2]) == 31


def test_xlsx_text_starting_with_equals_is_text_not_formula():
    t = Tabel(kolom=[Kolom("nama", "Nama")], baris=[Baris(['=HYPERLINK("http://x.example","klik")'])])
    ws = baca_xlsx(tulis_xlsx(t)).active
    assert ws["A2"].value == '=HYPERLINK("http://x.example","klik")' and ws["A2"].data_type == "s"


def test_xlsx_characters_xml_cannot_hold_do_not_break_the_file():
    t = Tabel(kolom=[Kolom("nama", "Nama")], baris=[Baris(["a\x01b\tc\uffff"])])
    assert baca_xlsx(tulis_xlsx(t)).active["A2"].value == "a\ufffdb\tc\ufffd"


def test_xlsx_aware_datetime_in_jakarta_time():
    t = Tabel(
        kolom=[Kolom("t", "Waktu", Jenis.TANGGAL)],
        baris=[Baris([dt.datetime(2026, 1, 15, 3, 0, tzinfo=ZoneInfo("UTC"))])],
    )
    ws = baca_xlsx(tulis_xlsx(t)).active
    assert ws["A2"].value == dt.datetime(2026, 1, 15, 10, 0)  # UTC+7
    assert ws["A2"].number_format == "dd/mm/yyyy hh:mm"


def test_xlsx_writes_into_a_file_like():
    buf = io.BytesIO()
    assert tulis_xlsx(renja_tabel(), buf) is None
    assert baca_xlsx(buf.getvalue())["Renja 2026"]["E12"].value == 26736518416


def test_csv_flattens_header_and_writes_numbers_as_numbers():
    rows = baca_csv(tulis_csv(renja_tabel()))
    assert rows[0] == [
        "Kode",
        "Program / Kegiatan / Sub Kegiatan",
        "Rencana / Target",
        "Rencana / Satuan",
        "Rencana / Pagu Indikatif",
        "Capaian",
        "Jumlah",
        "Tanggal",
    ]
    assert rows[1] == ["1.06.04", "PROGRAM REHABILITASI SOSIAL", "", "", "4962840000", "", "", ""]
    assert rows[3] == [
        "1.06.04.2.01.0001",
        "Pemenuhan Kebutuhan Permakanan",
        "500",
        "Orang",
        "1000000000",
        "89.7308",
        "1018773",
        "2026-01-15",
    ]
    assert rows[4][2] == "12.5" and rows[5][2] == "BB"
    assert rows[-1] == ["JUMLAH", "", "", "", "26736518416", "", "", ""]


def test_csv_indonesian_numbers_and_bom():
    data = tulis_csv(renja_tabel(), bom=True, pemisah=";", angka="indonesia")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = baca_csv(data, delimiter=";")
    assert rows[3][2:7] == ["500", "Orang", "1.000.000.000,00", "89,73", "1.018.773"]
    assert rows[4][2] == "12,5"
    assert rows[-1][4] == "26.736.518.416,00"


@pytest.mark.parametrize("teks", ["=1+1", '=HYPERLINK("http://x","y")', "+62 812", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_escapes_formula_starts(teks):
    t = Tabel(kolom=[Kolom("nama", "Nama"), Kolom("n", "N", Jenis.ANGKA)], baris=[Baris([teks, -5])])
    rows = baca_csv(tulis_csv(t))
    assert rows[1] == ["'" + teks, "-5"]  # the negative number is a number, not escaped


def test_csv_line_breaks_inside_a_cell_stay_in_the_cell():
    t = Tabel(kolom=[Kolom("a", "A"), Kolom("b", "B")], baris=[Baris(["satu\rdua\ntiga", "x"])])
    assert baca_csv(tulis_csv(t))[1] == ["satu\rdua\ntiga", "x"]


def test_csv_escapes_header_text_too():
    t = Tabel(kolom=[Kolom("a", "=cmd")])
    assert tulis_csv(t).decode() == "'=cmd\r\n"


def test_csv_to_text_and_binary_streams():
    t = Tabel(kolom=[Kolom("a", "A")], baris=[Baris(["ß"])])
    text, binary = io.StringIO(), io.BytesIO()
    tulis_csv(t, text)
    tulis_csv(t, binary)
    assert text.getvalue() == "A\r\nß\r\n" and binary.getvalue() == "A\r\nß\r\n".encode()


def test_float_is_refused():
    t = Tabel(kolom=[Kolom("p", "Pagu", Jenis.RUPIAH)], baris=[Baris([0.1])])
    with pytest.raises(TypeError, match="float"):
        tulis_csv(t)


def test_header_must_cover_every_column():
    with pytest.raises(ValueError, match="baris kepala 2 menutup 1 dari 2 kolom"):
        Tabel(kolom=[Kolom("a"), Kolom("b")], kepala=[[Sel("AB", colspan=2)], ["A"]]).kepala_tata()


def test_e81_numbers_pairs_of_columns():
    """E.81: 15 numbered columns over 25 leaf columns; columns 5-14 are K/Rp pairs (REGULASI.md 3.3)."""
    kolom = [Kolom(f"c{i}") for i in range(25)]
    spans = [1, 1, 1, 1] + [2] * 10 + [1]
    ws = baca_xlsx(tulis_xlsx(Tabel(kolom=kolom, nomor_kolom=spans))).active
    assert ws.cell(row=2, column=5).value == 5 and ws.cell(row=2, column=7).value == 6
    assert ws.cell(row=2, column=25).value == 15
    assert "E2:F2" in {str(m) for m in ws.merged_cells.ranges}


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("=+-@\t\r\n\x00\x0b\ufffe\uffff\"'")))
def test_any_text_survives_both_writers(teks):
    t = Tabel(kolom=[Kolom("a", "A")], baris=[Baris([teks])])
    back = baca_csv(tulis_csv(t))[1][0]
    assert back == escape_csv(teks)
    value = baca_xlsx(tulis_xlsx(t)).active["A2"].value
    expected = re.sub(
        "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", teks.replace("\r\n", "\n").replace("\r", "\n")
    )
    assert (value or "") == expected
