"""Issue 6 defect 4: "1.06.04.2.01. 0001" was stored as typed and passed the duplicate check, so a stage held the
same sub kegiatan twice. Codes are normalised once, at the service boundary."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from renja.perencanaan import services
from renja.perencanaan.models import RenjaRow
from renja.perencanaan.services import IndikatorInput, RowInput
from renja.perencanaan.targets import Target

from .test_add_delete_http import new_form
from .test_edit_access import form_data, row_of

# Spellings of 1.06.04.2.01.0001 (Penyediaan Permakanan) a user can paste from a document or a spreadsheet.
VARIAN = [
    "1.06.04.2.01. 0001",  # the inner space of the report
    " 1.06.04.2.01.0001 ",
    "1.06.04.2.01.\u00a00001",  # no-break space
    "1.06.04.2.01.\u30000001",  # ideographic space
    "1.06.04.2.01.\u200b0001",  # zero-width space
    "\ufeff1.06.04.2.01.0001",  # byte order mark at the start of a pasted cell
    "１.０６.０４.２.０１.０００１",  # full-width digits
    "1．06．04．2．01．0001",  # full-width full stops
    "1.06.04.2.01.0001\t",
]


def _data(kode: str, unit) -> RowInput:
    return RowInput(
        kode=kode,
        nama="",
        unit=unit,
        indikator=[IndikatorInput(uraian="Jumlah Orang", target=Target(nilai=Decimal(1)), satuan="Orang")],
        pagu={"PAD": Decimal(1)},
    )


@pytest.mark.parametrize("kode", VARIAN)
def test_defect_4_variant_spelling_is_a_duplicate(users, tahap_final, kode):
    """Defect 4: the variant is the code that already exists, refused as a duplicate."""
    kegiatan = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01")
    unit = row_of(tahap_final, "1.06.04.2.01.0001").unit
    with pytest.raises(ValidationError, match="Kode 1.06.04.2.01.0001 sudah ada di tahap Rancangan Akhir"):
        services.row_create(
            actor=users["perencana"], tahap=tahap_final, level="sub_kegiatan", parent=kegiatan, data=_data(kode, unit)
        )
    assert tahap_final.rows.filter(kode__contains="0001", parent=kegiatan).count() == 1


def test_defect_4_over_http(client, users, tahap_final):
    kegiatan = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01")
    before = kegiatan.children.count()
    client.force_login(users["perencana"])
    unit = row_of(tahap_final, "1.06.04.2.01.0001").unit
    response = client.post(f"/renja/baris/{kegiatan.pk}/tambah/", new_form(kode="1.06.04.2.01. 0001", unit=unit.pk))
    assert response.status_code == 400
    assert "sudah ada" in response.content.decode()
    assert kegiatan.children.count() == before


def test_new_code_is_stored_in_its_clean_form(users, tahap_final):
    kegiatan = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01")
    unit = row_of(tahap_final, "1.06.04.2.01.0001").unit
    row = services.row_create(
        actor=users["perencana"],
        tahap=tahap_final,
        level="sub_kegiatan",
        parent=kegiatan,
        data=_data("１.06.04.2.01. 0017\u200b", unit),
    )
    assert RenjaRow.objects.get(pk=row.pk).kode == "1.06.04.2.01.0017"
    assert row.nama == "Penyediaan Perbekalan Kesehatan"


def test_editing_a_row_into_another_rows_code_is_refused(client, users, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0002")
    client.force_login(users["perencana"])
    response = client.post(f"/renja/baris/{row.pk}/ubah/", form_data(row, kode="1.06.04.2.01.\u00a00001"))
    assert response.status_code == 400
    assert "Kode 1.06.04.2.01.0001 sudah dipakai baris lain" in response.content.decode()


def test_editing_keeps_the_own_code_in_another_spelling(client, users, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0002")
    client.force_login(users["perencana"])
    response = client.post(f"/renja/baris/{row.pk}/ubah/", form_data(row, kode=" 1.06.04.2.01. 0002"))
    assert response.status_code == 302
    assert RenjaRow.objects.get(pk=row.pk).kode == "1.06.04.2.01.0002"
