"""Issue 6 defects 1 and 2: targets beyond the bound are refused with a message, targets within it come back exact.

Before "targets stored exactly" (main 6811417) a prakiraan maju target of 9.999.999.999.999.999 was stored and
then broke every page on SQLite, and 1.234.567.890.123,4567 came back as 1.234.567.890.123,46.
"""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from renja.inti.models import AuditEvent
from renja.perencanaan import services
from renja.perencanaan.models import Indikator, RenjaRow
from renja.perencanaan.services import IndikatorInput, RowInput
from renja.perencanaan.targets import Target

from .test_edit_access import form_data, row_of

TERLALU_BESAR = "9.999.999.999.999.999"  # 10^16 - 1: passed the old "< 10^16" check, past the 10^14 bound


def _row_input(row: RenjaRow, *, target: Target, prakiraan: Target | None = None) -> RowInput:
    prakiraan = prakiraan or Target()
    return RowInput(
        kode=row.kode,
        nama=row.nama,
        unit=row.unit,
        indikator=[IndikatorInput(uraian="Jumlah Orang", target=target, satuan="Orang")],
        pagu={"PAD": Decimal(1000000000)},
        prakiraan_target=prakiraan,
        prakiraan_satuan="Orang" if not prakiraan.kosong else "",
    )


@pytest.mark.parametrize("field", ["prakiraan_target", "indikator-0-target"])
def test_defect_1_target_past_the_bound_is_refused_over_http(client, users, tahap_final, field):
    """Defect 1: 9.999.999.999.999.999 as prakiraan maju or indicator target: a form error, nothing stored."""
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    events = AuditEvent.objects.count()
    client.force_login(users["perencana"])
    data = form_data(row, **{field: TERLALU_BESAR, "prakiraan_satuan": "Orang"})
    response = client.post(f"/renja/baris/{row.pk}/ubah/", data)
    assert response.status_code == 400
    assert "target terlalu besar (paling banyak 14 digit sebelum koma)" in response.content.decode()
    row.refresh_from_db()
    assert row.version == 1 and row.prakiraan_target_nilai is None
    assert row.indikator.get().target_nilai == Decimal(500)  # seed line 1321: 500 Orang
    assert AuditEvent.objects.count() == events


@pytest.mark.parametrize("where", ["prakiraan", "indikator"])
def test_defect_1_service_refuses_target_past_the_bound(users, tahap_final, where):
    """Defect 1: the service is the boundary; a caller that skips the form gets the same refusal."""
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    big = Target(nilai=Decimal("9999999999999999"))
    data = (
        _row_input(row, target=Target(nilai=Decimal(500)), prakiraan=big)
        if where == "prakiraan"
        else _row_input(row, target=big)
    )
    with pytest.raises(ValidationError, match="target terlalu besar"):
        services.subkegiatan_update(actor=users["perencana"], row=row, expected_version=row.version, data=data)
    row.refresh_from_db()
    assert row.version == 1 and row.prakiraan_target_nilai is None


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("1.234.567.890.123,4567", Decimal("1234567890123.4567"), "1.234.567.890.123,4567"),
        ("90.071.992.547.409,93", Decimal("90071992547409.93"), "90.071.992.547.409,93"),  # past a float's 2^53
        ("0,0001", Decimal("0.0001"), "0,0001"),  # the smallest step
        ("99.999.999.999.999,9999", Decimal("99999999999999.9999"), "99.999.999.999.999,9999"),  # the largest
    ],
)
def test_defect_2_long_targets_read_back_exactly(client, users, tahap_final, typed, stored, shown):
    """Defect 2: more than 15 significant digits come back unchanged on SQLite and PostgreSQL."""
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    client.force_login(users["perencana"])
    data = form_data(row, **{"indikator-0-target": typed, "prakiraan_target": typed, "prakiraan_satuan": "Orang"})
    assert client.post(f"/renja/baris/{row.pk}/ubah/", data).status_code == 302
    fresh = RenjaRow.objects.get(pk=row.pk)
    assert fresh.prakiraan_target_nilai == stored
    assert Indikator.objects.get(row=fresh).target_nilai == stored
    assert str(Indikator.objects.get(row=fresh).target_nilai) == str(stored)
    html = client.get(f"/renja/baris/{row.pk}/riwayat/").content.decode()
    assert f"{shown} Orang" in html
