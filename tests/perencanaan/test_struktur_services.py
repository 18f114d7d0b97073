"""Programs and kegiatan through services (issue 10 Build 4): only the perencana (or admin) shapes them; changes
carry a version; indicators, prioritas, kelompok sasaran and prakiraan maju target are editable on them too."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from renja.inti.models import AuditEvent
from renja.perencanaan import services
from renja.perencanaan.models import Level, RenjaRow
from renja.perencanaan.services import IndikatorInput, RowInput
from renja.perencanaan.targets import Target

pytestmark = pytest.mark.django_db


def test_operator_tidak_membuat_program_atau_kegiatan(users, tahap_final):
    program = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04")
    with pytest.raises(PermissionDenied, match="Hanya perencana atau admin"):
        services.row_structure_create(
            actor=users["operator.rehsos"],
            tahap=tahap_final,
            level=Level.KEGIATAN,
            parent=program,
            data=RowInput(kode="1.06.04.2.02", nama=""),
        )
    with pytest.raises(PermissionDenied, match="Hanya perencana atau admin"):
        services.row_update(
            actor=users["operator.rehsos"],
            row=program,
            expected_version=program.version,
            data=RowInput(kode="1.06.04", nama="x"),
        )


def test_ubah_kegiatan_dengan_versi(users, tahap_final):
    perencana = users["perencana"]
    kegiatan = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01")
    data = RowInput(
        kode="1.06.04.2.01",
        nama=kegiatan.nama,
        indikator=[
            IndikatorInput(uraian="Jumlah PPKS terlayani", target=Target(nilai=Decimal("1800")), satuan="Orang")
        ],
        prioritas_nasional="Asta Cita 4",
        prioritas_daerah="Bekasi Sehat",
        kelompok_sasaran="PPKS Kota Bekasi",
        prakiraan_target=Target(nilai=Decimal("1900")),
        prakiraan_satuan="Orang",
    )
    row = services.row_update(
        actor=perencana,
        row=kegiatan,
        expected_version=kegiatan.version,
        data=data,
        pagu_indikatif=Decimal(5_000_000_000),
    )
    assert (row.version, row.pagu_indikatif, row.kelompok_sasaran) == (2, Decimal(5_000_000_000), "PPKS Kota Bekasi")
    assert row.prakiraan_target_nilai == Decimal(1900)
    event = AuditEvent.objects.get(action="row_update", object_id=str(row.pk))
    assert event.new["pagu_indikatif"] == "5000000000" and event.old["pagu_indikatif"] is None
    with pytest.raises(services.VersiKedaluwarsa):
        services.row_update(actor=perencana, row=kegiatan, expected_version=1, data=data)
    data.prakiraan_pagu = Decimal(1)
    with pytest.raises(ValidationError) as exc:
        services.row_update(actor=perencana, row=kegiatan, expected_version=2, data=data)
    assert exc.value.message_dict == {
        "prakiraan_pagu": ["Pagu prakiraan maju program dan kegiatan dihitung dari sub kegiatan."]
    }


def test_pagu_indikatif_hanya_kegiatan(users, tahap_final):
    with pytest.raises(ValidationError) as exc:
        services.row_structure_create(
            actor=users["perencana"],
            tahap=tahap_final,
            level=Level.PROGRAM,
            data=RowInput(kode="1.06.03", nama=""),
            pagu_indikatif=Decimal(1),
        )
    assert exc.value.message_dict == {"pagu_indikatif": ["Pagu indikatif (kegiatan) harus Rupiah bulat ≥ 0."]}
