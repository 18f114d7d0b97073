"""Paths found in review: locked and submitted stages, other units' kegiatan, other OPDs, conflicts, history."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import Client

from renja.inti.models import AuditEvent
from renja.organisasi import services as org
from renja.perencanaan import services
from renja.perencanaan.models import RenjaRow
from renja.perencanaan.selectors import renja_tree, tahap_diff
from renja.perencanaan.services import IndikatorInput, RowInput
from renja.perencanaan.targets import Target

from .test_add_delete_http import new_form
from .test_edit_access import form_data, row_of


def test_operator_cannot_add_under_a_kegiatan_of_another_unit(client, users, tahap_final, renja2026):
    bencana = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.06.2.02")  # Linjamsos rows only
    rehsos = renja2026.opd.unit_kerja.get(kode="rehsos")
    client.force_login(users["operator.rehsos"])
    response = client.post(f"/renja/baris/{bencana.pk}/tambah/", new_form(kode="1.06.06.2.02.0003", unit=rehsos.pk))
    assert response.status_code == 403
    assert "minta perencana menambahkannya" in response.content.decode()
    assert not RenjaRow.objects.filter(tahap=tahap_final, kode="1.06.06.2.02.0003").exists()


@pytest.mark.parametrize("username", ["admin", "perencana"])
def test_add_and_delete_refused_on_locked_stage(client, users, tahap_rkpd, username):
    kegiatan = RenjaRow.objects.get(tahap=tahap_rkpd, kode="1.06.04.2.01")
    row = RenjaRow.objects.get(tahap=tahap_rkpd, kode="1.06.04.2.01.0002")
    client.force_login(users[username])
    assert client.post(f"/renja/baris/{kegiatan.pk}/tambah/", new_form()).status_code == 403
    response = client.post(f"/renja/baris/{row.pk}/hapus/", {"version": row.version})
    assert response.status_code == 403 and "terkunci" in response.content.decode()
    assert RenjaRow.objects.filter(pk=row.pk).exists()


def test_submitted_stage_refuses_edits_until_returned(client, users, tahap_final):
    services.tahap_submit(actor=users["perencana"], tahap=tahap_final)
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    client.force_login(users["perencana"])
    response = client.post(f"/renja/baris/{row.pk}/ubah/", form_data(row, **{"indikator-0-target": "1"}))
    assert response.status_code == 403 and "sedang diajukan" in response.content.decode()


def test_operator_cannot_delete_another_units_row(client, users, tahap_final):
    row = row_of(tahap_final, "1.06.06.2.01.0001")
    client.force_login(users["operator.rehsos"])
    assert client.post(f"/renja/baris/{row.pk}/hapus/", {"version": row.version}).status_code == 403
    assert RenjaRow.objects.filter(pk=row.pk).exists()


def test_conflict_keeps_input_and_allows_a_deliberate_overwrite(users, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0005")
    first, second = Client(), Client()
    first.force_login(users["perencana"])
    second.force_login(users["operator.rehsos"])
    mine = form_data(row, **{"indikator-0-target": "300"})
    assert (
        first.post(f"/renja/baris/{row.pk}/ubah/", form_data(row, **{"indikator-0-target": "250"})).status_code == 302
    )
    refused = second.post(f"/renja/baris/{row.pk}/ubah/", mine)
    assert refused.status_code == 409
    assert 'name="version" value="2"' in refused.content.decode()  # now carries the version just shown
    mine["version"] = 2  # the user read the stored values and presses Simpan again
    assert second.post(f"/renja/baris/{row.pk}/ubah/", mine).status_code == 302
    assert row_of(tahap_final, "1.06.04.2.01.0005").indikator.get().target_nilai == Decimal(300)


def test_diff_shows_funding_unit_and_location_changes(users, tahap_rkpd, tahap_final, renja2026):
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    services.subkegiatan_update(
        actor=users["perencana"],
        row=row,
        expected_version=1,
        data=RowInput(
            kode=row.kode,
            nama=row.nama,
            unit=renja2026.opd.unit_kerja.get(kode="linjamsos"),
            lokasi=["Bekasi Utara"],
            indikator=[
                IndikatorInput(uraian=row.indikator.get().uraian, target=Target(nilai=Decimal(500)), satuan="Orang")
            ],
            pagu={"DAU": Decimal(1000000000)},
        ),
    )
    changes = {d.kode: d.perubahan for d in tahap_diff(a=tahap_rkpd, b=tahap_final).rows}["1.06.04.2.01.0001"]
    assert "pagu PAD Rp 1.000.000.000 → DAU Rp 1.000.000.000" in changes
    assert "unit Bidang Rehabilitasi Sosial → Bidang Perlindungan dan Jaminan Sosial" in changes
    assert "lokasi - → Bekasi Utara" in changes


def test_history_follows_a_row_into_its_copy_and_shows_deletions(client, users, renja2026, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0002")
    services.subkegiatan_update(
        actor=users["perencana"],
        row=row,
        expected_version=1,
        data=RowInput(
            kode=row.kode,
            nama=row.nama,
            unit=row.unit,
            pagu={"PAD": Decimal(90000000)},
            indikator=[IndikatorInput(uraian="Jumlah Orang", target=Target(nilai=Decimal(150)), satuan="Orang")],
        ),
    )
    services.tahap_submit(actor=users["perencana"], tahap=tahap_final)
    services.tahap_tetapkan(actor=users["pimpinan"], tahap=tahap_final)
    penetapan = services.tahap_create(actor=users["perencana"], renja=renja2026, jenis="penetapan")
    copy = penetapan.rows.get(kode="1.06.04.2.01.0002")
    client.force_login(users["pemeriksa"])
    html = client.get(f"/renja/baris/{copy.pk}/riwayat/").content.decode()
    assert "PAD Rp 100.000.000</td><td>PAD Rp 90.000.000" in html  # the edit made in the earlier stage
    services.row_delete(actor=users["perencana"], row=copy, expected_version=copy.version)
    html = client.get(f"/renja/tahap/{penetapan.pk}/riwayat/").content.decode()
    assert "Dihapus" in html and "1.06.04.2.01.0002" in html


def test_other_opd_sees_nothing(client, users, renja2026, tahap_final, tahap_rkpd, django_user_model):
    pemda = renja2026.opd.pemda
    dinkes = org.opd_upsert(
        actor=None, pemda=pemda, kode="1.02.0.00.0.00.01.0000", nama="Dinas Kesehatan", bidang_urusan="1.02"
    )
    other = django_user_model.objects.create_user("perencana.dinkes", password="x-Renja-2026!")
    org.peran_assign(actor=None, user=other, peran="perencana", opd=dinkes)
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    kegiatan = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01")
    client.force_login(other)
    urls = [
        f"/renja/{renja2026.pk}/",
        f"/renja/{renja2026.pk}/selisih/",
        f"/renja/renstra/{renja2026.renstra_id}/",
        f"/renja/baris/{row.pk}/ubah/",
        f"/renja/baris/{row.pk}/riwayat/",
        f"/renja/baris/{kegiatan.pk}/tambah/",
        f"/renja/tahap/{tahap_final.pk}/riwayat/",
    ]
    for url in urls:
        assert client.get(url).status_code == 403, url
    for url in [
        f"/renja/tahap/{tahap_final.pk}/ajukan/",
        f"/renja/{renja2026.pk}/tahap/baru/",
        f"/renja/baris/{row.pk}/hapus/",
        f"/renja/baris/{row.pk}/ubah/",
    ]:
        assert client.post(url, {"version": 1, "jenis": "penetapan"}).status_code == 403, url
    tahap_final.refresh_from_db()
    assert tahap_final.status == "draft" and RenjaRow.objects.filter(pk=row.pk).exists()


def test_prakiraan_total_marked_incomplete(client, users, renja2026):
    client.force_login(users["perencana"])
    html = client.get(f"/renja/{renja2026.pk}/").content.decode()
    tree = renja_tree(tahap=renja2026.tahap.get(jenis="rancangan_akhir"))
    assert tree.prakiraan_kosong > 0  # lost pages of BAB IV: renja/demo/data/README.md
    assert f"{tree.prakiraan_kosong} sub kegiatan belum berisi pagu prakiraan maju" in html


def test_demo_reset_keeps_other_opds_audit(users, renja2026, settings, tmp_path):
    settings.RENJA_DEMO = True
    settings.VAR_DIR = tmp_path  # the reloaded demo writes its logins file there
    dinkes = org.opd_upsert(
        actor=None,
        pemda=renja2026.opd.pemda,
        kode="1.02.0.00.0.00.01.0000",
        nama="Dinas Kesehatan",
        bidang_urusan="1.02",
    )
    kept = AuditEvent.objects.filter(scope=str(dinkes.pk)).count()
    assert kept == 1
    call_command("renja_demo", "--reset")
    assert AuditEvent.objects.filter(scope=str(dinkes.pk)).count() == kept
    # Renja 2026: two stages of 6 + 12 + 51 rows; Renja 2024: one stage of 6 + 16 + 69 rows
    assert RenjaRow.objects.filter(tahap__renja__opd__kode="1.06.0.00.0.00.01.0000").count() == 2 * 69 + 91
    assert (tmp_path / "demo-akun.txt").read_text().count("\n") == 6
