"""The all-or-nothing importer, through the three kinds of caller it was designed for: organisation bulk setup
(sheets OPD / Unit / Pengguna), SIPD realisation (JSON, or the same columns as CSV/XLSX) and IKM paper surveys
(one row per respondent). Values are the seed's: Dinas Sosial Kota Bekasi 1.06.0.00.0.00.01.0000, sub kegiatan
Permakanan 1.06.04.2.01.0001 with pagu Rp 1.000.000.000."""

import datetime as dt
import io
import json
from decimal import Decimal
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from renja.inti import impor
from renja.inti.impor import Asal, GalatImpor, Kolom, Skema
from renja.rumus import angka as angka_id

OPD = "1.06.0.00.0.00.01.0000"


def nip_18_digit(nilai):
    teks = impor.teks()(nilai)
    if not (teks.isdigit() and len(teks) == 18):
        raise ValueError("bukan NIP 18 digit")
    return teks


SKEMA_ORGANISASI = {
    "OPD": Skema(
        "OPD",
        [
            Kolom("kode", "Kode", wajib=True, catatan="kode SIPD perangkat daerah", contoh=OPD),
            Kolom("nama", "Nama", wajib=True, contoh="Dinas Sosial"),
            Kolom("singkatan", "Singkatan", contoh="Dinsos"),
            Kolom("nip_kepala", "NIP", alias=("nip kepala",), urai=nip_18_digit, contoh="197001011990031001"),
        ],
    ),
    "Unit": Skema(
        "Unit",
        [
            Kolom("opd", "Kode OPD", wajib=True),
            Kolom("nama", "Nama Unit", wajib=True, contoh="Bidang Rehabilitasi Sosial"),
        ],
    ),
    "Pengguna": Skema(
        "Pengguna",
        [
            Kolom("username", "Nama Pengguna", wajib=True),
            Kolom("unit", "Unit"),
            Kolom("peran", "Peran", wajib=True, urai=impor.pilihan(["admin", "perencana", "operator", "pimpinan"])),
        ],
    ),
}


def xlsx(lembar: dict[str, list[list]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for nama, rows in lembar.items():
        ws = wb.create_sheet(nama)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def berkas_organisasi(**ganti) -> bytes:
    opd = [
        ["Kode", "Nama", "Singkatan", "NIP"],
        [OPD, "Dinas Sosial", "Dinsos", "197001011990031001"],
    ]
    # rows 3-6 empty apart from one blank line, so the bad row is row 7 as the spreadsheet shows it
    opd += [[None, None, None, None]] * 4
    opd += [["1.06.0.00.0.00.02.0000", "Dinas Lain", "", ganti.get("nip", "1234")]]
    unit = [["Kode OPD", "Nama Unit"], [OPD, "Bidang Rehabilitasi Sosial"], [OPD, "Bidang Linjamsos"]]
    pengguna = [
        ["nama_pengguna", "UNIT", "peran"],
        ["operator.rehsos", "Bidang Rehabilitasi Sosial", "Operator"],
        ["operator.x", "Bidang X", "operator"],
    ]
    return xlsx({"OPD": opd, "Unit": unit, "Pengguna": pengguna, "Catatan": [["bebas"]]})


def test_organisation_sheets_read_into_typed_records():
    hasil = impor.baca_xlsx(berkas_organisasi(nip="197001011990031001"), SKEMA_ORGANISASI)
    assert hasil.galat == []
    assert [dict(r) for r in hasil["OPD"]][0] == {
        "kode": OPD,
        "nama": "Dinas Sosial",
        "singkatan": "Dinsos",
        "nip_kepala": "197001011990031001",
    }
    assert hasil["OPD"][1].asal_baris == Asal("OPD", 7)
    assert hasil["Pengguna"][0]["peran"] == "operator"  # "Operator" matched case-insensitively
    assert str(hasil["Pengguna"][1].asal("unit")) == "Lembar Pengguna, baris 3, kolom B (Unit)"


def test_every_bad_cell_is_named_once_with_callers_referential_checks():
    hasil = impor.baca_xlsx(berkas_organisasi(), SKEMA_ORGANISASI)
    units = {r["nama"] for r in hasil["Unit"]}
    for r in hasil["Pengguna"]:
        if r["unit"] and r["unit"] not in units:
            hasil.tolak(r, "unit", f"unit '{r['unit']}' tidak ada")
    with pytest.raises(GalatImpor) as e:
        hasil.periksa()
    assert [str(g) for g in e.value.galat] == [
        "Lembar OPD, baris 7, kolom D (NIP): '1234' bukan NIP 18 digit",
        "Lembar Pengguna, baris 3, kolom B (Unit): unit 'Bidang X' tidak ada",
    ]
    assert str(e.value).splitlines() == [
        "Impor dibatalkan, tidak ada yang disimpan: 2 galat.",
        "Lembar OPD, baris 7, kolom D (NIP): '1234' bukan NIP 18 digit",
        "Lembar Pengguna, baris 3, kolom B (Unit): unit 'Bidang X' tidak ada",
    ]


def test_headers_unknown_duplicate_and_missing_and_missing_values():
    data = xlsx(
        {
            "OPD": [["Kode", "Nama", "Nama", "Alamat"], [OPD, "", "Dinas Sosial", "Jl. Ir. H. Juanda"]],
            "Unit": [["Nama Unit"], ["Bidang Rehabilitasi Sosial"]],
        }
    )
    hasil = impor.baca_xlsx(data, SKEMA_ORGANISASI)
    assert [str(g) for g in hasil.galat] == [
        "Lembar OPD, baris 1, kolom C: kolom Nama muncul dua kali (juga 'Nama')",
        "Lembar OPD, baris 1, kolom D: judul 'Alamat' tidak dikenal (yang dikenal: Kode, Nama, Singkatan, NIP)",
        "Lembar OPD, baris 2, kolom B (Nama): wajib diisi",
        "Lembar OPD, baris 2, kolom C: 'Dinas Sosial' berada di kolom tanpa judul",
        "Lembar OPD, baris 2, kolom D: 'Jl. Ir. H. Juanda' berada di kolom tanpa judul",
        "Lembar Unit, baris 1: kolom wajib 'Kode OPD' tidak ada",
        "Lembar Pengguna: lembar 'Pengguna' tidak ada di berkas",
    ]


def test_broken_xlsx_is_a_message_not_a_traceback():
    hasil = impor.baca_xlsx(b"PK\x03\x04 bukan zip", SKEMA_ORGANISASI)
    assert [str(g) for g in hasil.galat] == ["Berkas: bukan berkas XLSX yang dapat dibaca (BadZipFile)"]


# --- SIPD realisation: JSON list of transactions, or the same columns as CSV / XLSX -----------------------

SKEMA_SIPD = Skema(
    "Realisasi",
    [
        Kolom("kode_sub_giat", "kode_sub_giat", wajib=True, contoh="1.06.04.2.01.0001"),
        Kolom("nilai_realisasi", "nilai_realisasi", wajib=True, urai=impor.bilangan_bulat(minimum=0)),
        Kolom("tanggal_dokumen", "tanggal_dokumen", wajib=True, urai=impor.waktu()),
    ],
    kolom_lain_diabaikan=True,
)


def test_sipd_json_with_extra_keys():
    data = json.dumps(
        [
            {
                "kode_sub_giat": "1.06.04.2.01.0001",
                "nama_sub_giat": "Pemenuhan Kebutuhan Permakanan",
                "nilai_realisasi": 250000000,
                "tanggal_dokumen": "2026-03-31T10:15:00+07:00",
            },
            {
                "kode_sub_giat": "1.06.04.2.01.0001",
                "nilai_realisasi": 125000000,
                "tanggal_dokumen": "2026-04-02T02:00Z",
            },
        ]
    ).encode()
    hasil = impor.baca_json(data, SKEMA_SIPD)
    assert hasil.galat == []
    a, b = hasil.rekaman
    assert a["nilai_realisasi"] == 250000000 and a["tanggal_dokumen"] == dt.datetime(
        2026, 3, 31, 10, 15, tzinfo=dt.timezone(dt.timedelta(hours=7))
    )
    assert b["tanggal_dokumen"].astimezone(ZoneInfo("Asia/Jakarta")).date() == dt.date(2026, 4, 2)
    assert sum(r["nilai_realisasi"] for r in hasil.rekaman) == 375000000


def test_sipd_json_errors_name_index_and_key():
    data = b"""[
      {"kode_sub_giat": "1.06.04.2.01.0001", "nilai_realisasi": 1.5, "tanggal_dokumen": "2026-03-31T10:15:00"},
      {"nilai_realisasi": "seratus", "tanggal_dokumen": "2026-03-31T10:15:00+07:00"},
      [1, 2]
    ]"""
    hasil = impor.baca_json(data, SKEMA_SIPD)
    assert [str(g) for g in hasil.galat] == [
        "Entri [0], kunci 'nilai_realisasi': 1.5 bukan bilangan bulat",
        "Entri [0], kunci 'tanggal_dokumen': '2026-03-31T10:15:00' tanpa zona waktu (tambahkan mis. +07:00)",
        "Entri [1], kunci 'nilai_realisasi': 'seratus' bukan angka yang sah: mengandung huruf 's'",
        "Entri [1], kunci 'kode_sub_giat': wajib ada",
        "Entri [2]: bukan objek, melainkan list",
    ]
    assert [r.sah for r in hasil.rekaman] == [False, False]


def test_sipd_same_columns_as_csv_and_xlsx():
    rows = [
        ["kode_sub_giat", "nilai_realisasi", "tanggal_dokumen"],
        ["1.06.04.2.01.0001", "250.000.000", "2026-03-31T10:15:00+07:00"],
    ]
    csv_data = "\ufeff" + "\r\n".join(";".join(r) for r in rows) + "\r\n"
    for hasil in (impor.baca_csv(csv_data.encode(), SKEMA_SIPD), impor.baca_xlsx(xlsx({"Sheet1": rows}), SKEMA_SIPD)):
        assert hasil.galat == []
        assert hasil.rekaman[0]["nilai_realisasi"] == 250000000
        assert hasil.rekaman[0].asal_baris.baris == 2


def test_csv_rows_counted_as_a_spreadsheet_shows_them():
    data = 'kode_sub_giat,nilai_realisasi,tanggal_dokumen\n"baris\ndua",1,2026-01-01T00:00Z\nx,-5,2026-01-01T00:00Z\n'
    hasil = impor.baca_csv(data.encode(), SKEMA_SIPD)
    assert [str(g) for g in hasil.galat] == ["Baris 3, kolom B (nilai_realisasi): '-5' kurang dari 0"]


def test_csv_escaped_by_our_writer_reads_back_with_apostrophe():
    """Our CSV writer escapes '=x' as \"'=x\"; the importer keeps what the file says (a caller decides)."""
    hasil = impor.baca_csv(b"kode_sub_giat,nilai_realisasi,tanggal_dokumen\n'=1+1,1,2026-01-01T00:00Z\n", SKEMA_SIPD)
    assert hasil.rekaman[0]["kode_sub_giat"] == "'=1+1"


def test_yaml_sections():
    data = "OPD:\n  - kode: '1.06.0.00.0.00.01.0000'\n    nama: Dinas Sosial\n    nip: 12\nUnit: []\nPengguna: []\n"
    hasil = impor.baca_yaml(data.encode(), SKEMA_ORGANISASI)
    assert [str(g) for g in hasil.galat] == ["Bagian OPD, entri [0], kunci 'nip': 12 bukan NIP 18 digit"]


# --- IKM paper surveys: one row per respondent -----------------------------------------------------------

SKEMA_IKM = Skema(
    "Responden",
    [
        Kolom("tanggal", "Tanggal", wajib=True, urai=impor.tanggal(), jenis="tanggal"),
        Kolom("jenis_kelamin", "Jenis Kelamin", urai=impor.pilihan({"L": "L", "P": "P", "laki-laki": "L"})),
        Kolom("umur", "Umur", urai=impor.bilangan_bulat(minimum=15, maksimum=120)),
        *[Kolom(f"u{i}", f"U{i}", wajib=True, urai=impor.bilangan_bulat(minimum=1, maksimum=4)) for i in range(1, 10)],
    ],
)


def test_ikm_respondents_from_xlsx_cells():
    header = ["Tanggal", "Jenis Kelamin", "Umur", *[f"U{i}" for i in range(1, 10)]]
    data = xlsx(
        {
            "Responden": [
                header,
                [dt.datetime(2026, 5, 4), "laki-laki", 34, 3, 3, 4, 3, 3, 3, 3, 4, 3],
                ["05/05/2026", "X", 12, 3, 3, 5, 3, 3, 3, 3, 3.0, None],
            ]
        }
    )
    hasil = impor.baca_xlsx(data, SKEMA_IKM)
    assert dict(hasil.rekaman[0])["jenis_kelamin"] == "L" and hasil.rekaman[0]["tanggal"] == dt.date(2026, 5, 4)
    assert [str(g) for g in hasil.galat] == [
        "Lembar Responden, baris 3, kolom B (Jenis Kelamin): 'X' bukan salah satu dari: L, P, laki-laki",
        "Lembar Responden, baris 3, kolom C (Umur): 12 kurang dari 15",
        "Lembar Responden, baris 3, kolom F (U3): 5 lebih dari 4",
        "Lembar Responden, baris 3, kolom L (U9): wajib diisi",
    ]
    assert hasil.rekaman[1]["tanggal"] == dt.date(2026, 5, 5) and hasil.rekaman[1]["u8"] == 3


def test_too_many_rows_is_refused_with_a_message():
    skema = Skema("Responden", SKEMA_IKM.kolom, baris_maks=2)
    rows = [["Tanggal", *[f"U{i}" for i in range(1, 10)]]] + [["2026-05-04", *[3] * 9]] * 3
    hasil = impor.baca_xlsx(xlsx({"Responden": rows}), skema)
    assert [str(g) for g in hasil.galat] == ["Lembar Responden: lebih dari 2 baris; bagi berkas menjadi beberapa"]


# --- template ---------------------------------------------------------------------------------------------


def test_template_has_headers_notes_and_an_example_and_reads_back():
    wb = openpyxl.load_workbook(io.BytesIO(impor.templat_xlsx(SKEMA_ORGANISASI)))
    assert wb.sheetnames == ["OPD", "Unit", "Pengguna", "Petunjuk"]
    ws = wb["OPD"]
    assert [c.value for c in ws[1]] == ["Kode", "Nama", "Singkatan", "NIP"]
    assert ws["A1"].comment.text == "Wajib diisi. kode SIPD perangkat daerah"
    assert ws.max_row == 1
    petunjuk = [[c.value for c in row] for row in wb["Petunjuk"].iter_rows(min_row=5)]
    assert petunjuk[0] == ["OPD", "Kode", "ya", "kode SIPD perangkat daerah", OPD]
    # fill the template and import it
    ws.append([OPD, "Dinas Sosial", None, "197001011990031001"])
    wb["Unit"].append([OPD, "Sekretariat"])
    wb["Pengguna"].append(["admin", None, "admin"])
    buf = io.BytesIO()
    wb.save(buf)
    hasil = impor.baca_xlsx(buf.getvalue(), SKEMA_ORGANISASI)
    assert hasil.galat == [] and hasil["Unit"][0]["nama"] == "Sekretariat"


def test_numbers_typed_the_indonesian_way():
    parse = impor.rupiah()
    assert parse("Rp 26.736.518.416") == Decimal("26736518416")
    assert parse(1000000000.0) == Decimal("1000000000.0")
    with pytest.raises(ValueError, match="paling banyak 2 angka di belakang koma"):
        parse("1,234")
    assert impor.persen()("89,73%") == Decimal("89.73")
    with pytest.raises(ValueError, match="bukan angka yang sah"):
        impor.angka()("23.11")  # the seed's typo for 23,11


@given(st.decimals(min_value=-(10**13), max_value=10**13, places=2, allow_nan=False))
def test_any_formatted_rupiah_reads_back(nilai):
    assert impor.rupiah(minimum=None)(angka_id.format_rupiah(nilai, desimal=2)) == nilai
