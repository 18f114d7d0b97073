"""The demo's Renja 2024 as loaded through the planning services (renja.demo.loader.load_renja_2024).

Figures: seed Tabel 3.9 (lines 578-605) and Tabel 3.16 (lines 785-790); see renja/demo/data/README.md.
"""

from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from django.core.exceptions import PermissionDenied

from renja.inti.models import AuditEvent
from renja.perencanaan import services
from renja.perencanaan.models import Level, Pagu, Renja, RenjaRow
from renja.perencanaan.selectors import renja_tree
from renja.perencanaan.targets import parse_target, target_of

DATA = Path(__file__).resolve().parents[2] / "renja" / "demo" / "data"


@pytest.fixture
def renja2024(db):
    return Renja.objects.select_related("opd", "nomenklatur_versi").get(tahun=2024, opd__kode="1.06.0.00.0.00.01.0000")


@pytest.fixture
def tahap2024(renja2024):
    return renja2024.tahap.get()


def test_renja_2024_is_one_ditetapkan_stage_on_the_2023_nomenclature(renja2024, tahap2024):
    assert renja2024.nomenklatur_versi.kode == "2023"
    assert (tahap2024.jenis, tahap2024.status) == ("penetapan", "ditetapkan")
    # written through the services: created by the one stage import (perencanaan.impor_tahap), submitted and set,
    # each audited
    actions = set(
        AuditEvent.objects.filter(object_type="perencanaan.tahap", object_id=str(tahap2024.pk)).values_list(
            "action", flat=True
        )
    )
    assert actions == {"tahap_create", "tahap_import", "tahap_submit", "tahap_tetapkan"}


def test_rows_and_codes_are_those_of_the_2023_nomenclature(tahap2024):
    tree = renja_tree(tahap=tahap2024)
    assert tree.counts == {"program": 6, "kegiatan": 16, "sub_kegiatan": 69}
    rows = RenjaRow.objects.filter(tahap=tahap2024).select_related("nomenklatur__versi")
    assert all(r.nomenklatur is not None and r.nomenklatur.versi.kode == "2023" for r in rows)
    # the support programme is written with the dinas' bidang, the list holds it as X.XX.01
    gaji = rows.get(kode="1.06.01.2.02.0001")
    assert gaji.nomenklatur.kode == "X.XX.01.2.02.0001"


def test_program_totals_are_sums_of_the_rows_with_pagu(tahap2024):
    tree = renja_tree(tahap=tahap2024)
    totals = {p.row.kode: p.pagu for p in tree.programs}
    assert totals["1.06.04"] == Decimal("4653328000")  # Tabel 3.9 line 578
    assert totals["1.06.06"] == Decimal("2115138234")  # line 589
    assert totals["1.06.05"] == Decimal("2835840062")  # line 602
    assert totals["1.06.02"] == Decimal("4495500000")  # Tabel 3.16 line 785
    # 9.604.306.296 + 4.495.500.000; the dinas total 31.132.479.236 (text line 607) has no rows behind it
    assert tree.total_pagu == Decimal("14099806296")


def test_only_the_rows_the_seed_gives_have_pagu(tahap2024):
    pagu = Pagu.objects.filter(row__tahap=tahap2024).select_related("row", "sumber_dana")
    assert pagu.count() == 21
    by_sumber = {}
    for p in pagu:
        by_sumber.setdefault(p.sumber_dana.kode, []).append(p.row.kode)
    # DBHCHT is the only funding source the seed names for 2024 (line 667, BLT); the rest is "tidak tertulis"
    assert by_sumber["DBHCHT"] == ["1.06.05.2.02.0003"]
    assert len(by_sumber["TT"]) == 20
    tanpa = RenjaRow.objects.filter(tahap=tahap2024, level=Level.SUB_KEGIATAN, pagu__isnull=True)
    assert tanpa.count() == 48


def test_every_target_reads_back_as_written_in_the_yaml(tahap2024):
    with open(DATA / "renja_2024_penetapan.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    expected = {}
    for p in data["program"]:
        for row in [p, *p["kegiatan"], *(s for k in p["kegiatan"] for s in k["sub_kegiatan"])]:
            expected[row["kode"]] = [
                (i["uraian"], parse_target(i["target"]), i["satuan"]) for i in row.get("indikator") or []
            ]
    loaded = {
        r.kode: [(i.uraian, target_of(i), i.satuan) for i in r.indikator.all()]
        for r in RenjaRow.objects.filter(tahap=tahap2024).prefetch_related("indikator")
    }
    assert loaded == expected
    # the composite cell of Tabel 2.1 line 274, split into five indicators
    assert [t.nilai for _, t, _ in loaded["1.06.05.2.02.0002"]] == [400000, 20000, 45000, 60000, 60]


def test_the_set_stage_refuses_changes_even_from_admin(users, tahap2024):
    row = RenjaRow.objects.get(tahap=tahap2024, kode="1.06.04.2.01.0001")
    data = services.RowInput(kode=row.kode, nama=row.nama, unit=row.unit)
    with pytest.raises(PermissionDenied, match="sudah ditetapkan"):
        services.subkegiatan_update(actor=users["admin"], row=row, expected_version=row.version, data=data)


def test_renja_2024_page_shows_the_derived_programme_total(client, users, renja2024):
    client.force_login(users["pemeriksa"])
    html = client.get(f"/renja/{renja2024.pk}/").content.decode()
    assert "Renja 2024" in html
    assert "Rp 4.653.328.000" in html  # Program Rehabilitasi Sosial, Tabel 3.9
    assert "Rp 14.099.806.296" in html
