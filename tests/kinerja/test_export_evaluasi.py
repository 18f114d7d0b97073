"""renja export evaluasi: JSON numbers plain (Rupiah integers, percentages with two decimals, blanks null), the xlsx
holds the E.81 form and the LKjIP tables; errors are a message (exit 1), never a traceback."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

OPD = "1.06.0.00.0.00.01.0000"


def _json(*args):
    out = io.StringIO()
    call_command("renja_export_evaluasi", "--tahun", "2024", "--opd", OPD, *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_json_year_2024():
    data = _json("--format", "json")
    rows = {r["kode"]: r for r in data["rows"]}
    p = rows["1.06.04"]
    assert (p["pagu"], p["realisasi"], p["serapan"]) == (4653328000, 4259258784, 91.53)
    assert rows["1.06.02"]["realisasi"] == 3115335900  # not the printed 4.103.700.625
    assert rows["1.06.02.2.03.0003"]["melebihi_pagu"] is True
    assert rows["1.06.02.2.03.0003"]["serapan"] == 129.36
    assert rows["1.06.01.2.02.0001"]["pagu"] is None  # no seed figure: null, not 0
    total = data["total"]
    assert (total["pagu"], total["realisasi"], total["serapan"]) == (14099806296, 12031244879, 85.33)
    assert total["sub_kegiatan_berdata"] == 21 and len(total["sub_kegiatan_tanpa_data"]) == 48
    assert total["melebihi_pagu"] == ["1.06.02.2.03.0003"]
    assert data["metode_efisiensi"]["kode"] == "A"
    assert rows["1.06.04.2.01.0001"]["indikator"][0]["capaian"] == 100.0


@pytest.mark.django_db
def test_json_triwulan_1_is_empty_not_zero():
    data = _json("--triwulan", "1", "--format", "json")
    assert data["periode"] == "Triwulan I 2024"
    assert data["total"]["realisasi"] is None and data["total"]["serapan"] is None


@pytest.mark.django_db
def test_xlsx_to_file(tmp_path):
    target = tmp_path / "evaluasi.xlsx"
    call_command(
        "renja_export_evaluasi",
        "--tahun",
        "2024",
        "--opd",
        OPD,
        "--format",
        "xlsx",
        "-o",
        str(target),
        stderr=io.StringIO(),
    )
    wb = load_workbook(target)
    assert wb.sheetnames[:3] == ["E.81", "T-C.29", "IKU"]
    assert len(wb.sheetnames) == 5  # + allocation tables of the two IKU with supporting programs (3.9, 3.16)


@pytest.mark.django_db
def test_errors_are_messages():
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("renja_export_evaluasi", "--tahun", "2019", "--opd", OPD)
    with pytest.raises(CommandError, match="-o"):
        call_command("renja_export_evaluasi", "--tahun", "2024", "--opd", OPD, "--format", "xlsx")


@pytest.mark.django_db
def test_pemda_narrows_the_opd():
    assert _json("--pemda", "32.75", "--format", "json")["opd"]["pemda"] == "32.75"
    with pytest.raises(CommandError, match="Pemda dengan kode wilayah 99.99 tidak ada"):
        call_command("renja_export_evaluasi", "--tahun", "2024", "--opd", OPD, "--pemda", "99.99")
