"""Who may edit which row (organisasi/access.py) through HTTP and through the service."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from renja.perencanaan import services
from renja.perencanaan.models import RenjaRow
from renja.perencanaan.services import IndikatorInput, RowInput
from renja.perencanaan.targets import Target


def row_of(tahap, kode) -> RenjaRow:
    return RenjaRow.objects.select_related("tahap__renja", "unit").get(tahap=tahap, kode=kode)


def form_data(row: RenjaRow, **overrides) -> dict:
    """The edit form as a browser would post it, with the row's current values."""
    inds = list(row.indikator.all())
    pagus = list(row.pagu.select_related("sumber_dana"))
    data = {
        "version": row.version,
        "kode": row.kode,
        "nama": row.nama,
        "unit": row.unit_id or "",
        "lokasi": ", ".join(row.lokasi),
        "prioritas_nasional": row.prioritas_nasional,
        "prioritas_daerah": row.prioritas_daerah,
        "kelompok_sasaran": row.kelompok_sasaran,
        "prakiraan_target": "",
        "prakiraan_satuan": row.prakiraan_satuan,
        "prakiraan_pagu": "" if row.prakiraan_pagu is None else str(int(row.prakiraan_pagu)),
        "indikator-TOTAL_FORMS": len(inds),
        "indikator-INITIAL_FORMS": len(inds),
        "indikator-MIN_NUM_FORMS": 0,
        "indikator-MAX_NUM_FORMS": 1000,
        "pagu-TOTAL_FORMS": len(pagus),
        "pagu-INITIAL_FORMS": len(pagus),
        "pagu-MIN_NUM_FORMS": 0,
        "pagu-MAX_NUM_FORMS": 1000,
    }
    for n, i in enumerate(inds):
        target = i.target_grade or (str(int(i.target_nilai)) if i.target_nilai is not None else "")
        data |= {f"indikator-{n}-uraian": i.uraian, f"indikator-{n}-target": target, f"indikator-{n}-satuan": i.satuan}
    for n, p in enumerate(pagus):
        data |= {f"pagu-{n}-sumber_dana": p.sumber_dana.kode, f"pagu-{n}-jumlah": str(int(p.jumlah))}
    data.update(overrides)
    return data


def test_operator_rehsos_edits_a_rehsos_row(client, users, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0001")  # Penyediaan Permakanan, Bidang Rehsos
    client.force_login(users["operator.rehsos"])
    response = client.post(f"/renja/baris/{row.pk}/ubah/", form_data(row, **{"indikator-0-target": "650"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    row.refresh_from_db()
    assert row.indikator.get().target_nilai == Decimal("650")
    assert row.version == 2


def test_operator_rehsos_is_refused_on_a_linjamsos_row(client, users, tahap_final):
    row = row_of(tahap_final, "1.06.06.2.01.0001")  # Penyediaan Makanan korban bencana, Bidang Linjamsos
    assert row.unit.kode == "linjamsos"
    client.force_login(users["operator.rehsos"])
    for response in (
        client.get(f"/renja/baris/{row.pk}/ubah/"),
        client.post(f"/renja/baris/{row.pk}/ubah/", form_data(row, **{"indikator-0-target": "1"})),
    ):
        assert response.status_code == 403
        assert "operator unit lain" in response.content.decode()
    assert row.indikator.get().target_nilai == Decimal("700")


def test_operator_cannot_hand_a_row_to_another_unit(client, users, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0002")
    linjamsos = row.tahap.renja.opd.unit_kerja.get(kode="linjamsos")
    client.force_login(users["operator.rehsos"])
    response = client.post(f"/renja/baris/{row.pk}/ubah/", form_data(row, unit=linjamsos.pk))
    assert response.status_code == 403
    row.refresh_from_db()
    assert row.unit.kode == "rehsos"


def test_pemeriksa_can_read_but_edit_nothing(client, users, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    client.force_login(users["pemeriksa"])
    assert client.get(f"/renja/{tahap_final.renja_id}/").status_code == 200
    response = client.post(f"/renja/baris/{row.pk}/ubah/", form_data(row, **{"indikator-0-target": "1"}))
    assert response.status_code == 403
    assert "hanya dapat membaca" in response.content.decode()
    assert row.indikator.get().target_nilai == Decimal("500")


def test_edit_links_follow_the_role(client, users, tahap_final):
    client.force_login(users["operator.rehsos"])
    html = client.get(f"/renja/{tahap_final.renja_id}/?tahap={tahap_final.pk}").content.decode()
    rehsos = row_of(tahap_final, "1.06.04.2.01.0001")
    linjamsos = row_of(tahap_final, "1.06.06.2.01.0001")
    assert f"/renja/baris/{rehsos.pk}/ubah/" in html
    assert f"/renja/baris/{linjamsos.pk}/ubah/" not in html


@pytest.mark.parametrize("username", ["admin", "perencana", "operator.rehsos", "pimpinan"])
def test_nobody_edits_a_ditetapkan_stage(client, users, tahap_rkpd, username):
    assert tahap_rkpd.status == "ditetapkan"
    row = row_of(tahap_rkpd, "1.06.04.2.01.0001")
    client.force_login(users[username])
    response = client.post(f"/renja/baris/{row.pk}/ubah/", form_data(row, **{"indikator-0-target": "1"}))
    assert response.status_code == 403
    assert "terkunci" in response.content.decode()
    assert row.indikator.get().target_nilai == Decimal("1800")


def test_service_refuses_locked_stage_even_for_superuser(tahap_rkpd, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "x-Renja-2026!")
    row = row_of(tahap_rkpd, "1.06.04.2.01.0001")
    data = RowInput(
        kode=row.kode,
        nama=row.nama,
        unit=row.unit,
        indikator=[IndikatorInput(uraian="x", target=Target(nilai=Decimal(1)), satuan="Orang")],
        pagu={"PAD": Decimal(1)},
    )
    with pytest.raises(PermissionDenied, match="terkunci"):
        services.subkegiatan_update(actor=root, row=row, expected_version=row.version, data=data)


def test_anonymous_is_sent_to_login(client, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    response = client.get(f"/renja/baris/{row.pk}/ubah/")
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk/")
