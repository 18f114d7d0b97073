"""Creating and deleting rows through services: validation against the nomenclature, audit, totals follow."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from renja.inti.models import AuditEvent
from renja.perencanaan import services
from renja.perencanaan.models import Level, RenjaRow
from renja.perencanaan.selectors import renja_tree
from renja.perencanaan.services import IndikatorInput, RowInput
from renja.perencanaan.targets import Target


def kegiatan(tahap, kode):
    return RenjaRow.objects.select_related("tahap__renja").get(tahap=tahap, kode=kode)


def test_create_sub_kegiatan_adds_to_totals(users, tahap_final, renja2026):
    parent = kegiatan(tahap_final, "1.06.04.2.01")
    rehsos = renja2026.opd.unit_kerja.get(kode="rehsos")
    data = RowInput(
        kode="1.06.04.2.01.0017",
        nama="Penyediaan Perbekalan Kesehatan",
        unit=rehsos,
        indikator=[IndikatorInput(uraian="Jumlah orang", target=Target(nilai=Decimal(40)), satuan="Orang")],
        pagu={"PAD": Decimal(75000000)},
    )
    row = services.row_create(
        actor=users["operator.rehsos"], tahap=tahap_final, level=Level.SUB_KEGIATAN, parent=parent, data=data
    )
    assert row.nomenklatur.kode == "1.06.04.2.01.0017"
    tree = renja_tree(tahap=tahap_final)
    # 26.736.518.416 + 75.000.000
    assert tree.total_pagu == Decimal("26811518416")
    assert AuditEvent.objects.filter(
        action="row_create", object_id=str(row.pk), actor=users["operator.rehsos"]
    ).exists()


def test_create_refuses_code_outside_parent(users, tahap_final):
    parent = kegiatan(tahap_final, "1.06.04.2.01")
    data = RowInput(
        kode="1.06.06.2.01.0003",
        nama="x",
        indikator=[IndikatorInput(uraian="x", target=Target(nilai=Decimal(1)), satuan="Orang")],
    )
    with pytest.raises(ValidationError) as exc:
        services.row_create(
            actor=users["perencana"], tahap=tahap_final, level=Level.SUB_KEGIATAN, parent=parent, data=data
        )
    assert "kode" in exc.value.message_dict


def test_delete_sub_kegiatan_and_refuse_parent_with_children(users, tahap_final):
    row = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01.0002")  # Sandang, Rp 100.000.000
    with pytest.raises(ValidationError, match="masih memiliki baris"):
        services.row_delete(actor=users["perencana"], row=kegiatan(tahap_final, "1.06.04.2.01"), expected_version=1)
    services.row_delete(actor=users["perencana"], row=row, expected_version=row.version)
    assert renja_tree(tahap=tahap_final).total_pagu == Decimal("26636518416")
    event = AuditEvent.objects.get(action="row_delete", object_id=str(row.pk))
    assert event.old["pagu"] == {"PAD": "100000000.00"}
