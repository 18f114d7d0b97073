"""Stage lifecycle: draft -> diajukan -> ditetapkan (locked); a new stage starts as a copy."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from renja.inti.models import AuditEvent
from renja.perencanaan import services
from renja.perencanaan.selectors import renja_tree


def tetapkan(users, tahap):
    services.tahap_submit(actor=users["perencana"], tahap=tahap)
    services.tahap_tetapkan(actor=users["pimpinan"], tahap=tahap)


def test_copy_keeps_rows_and_totals(users, renja2026, tahap_final):
    tetapkan(users, tahap_final)
    baru = services.tahap_create(actor=users["perencana"], renja=renja2026, jenis="penetapan")
    assert baru.status == "draft" and baru.nomor == 1 and baru.dibuat_dari == tahap_final
    a, b = renja_tree(tahap=tahap_final), renja_tree(tahap=baru)
    assert b.total_pagu == a.total_pagu == Decimal("26736518416")
    assert b.counts == a.counts
    assert baru.rows.count() == tahap_final.rows.count()
    copy = baru.rows.get(kode="1.06.04.2.01.0001")
    assert copy.disalin_dari == tahap_final.rows.get(kode="1.06.04.2.01.0001")


def test_one_open_stage_at_a_time(users, renja2026, tahap_rkpd):
    # the demo's Rancangan Akhir is still draft
    with pytest.raises(ValidationError, match="Rancangan Akhir belum ditetapkan"):
        services.tahap_create(actor=users["perencana"], renja=renja2026, jenis="penetapan", dari=tahap_rkpd)


def test_stages_follow_the_regulation_order(users, renja2026, tahap_final):
    tetapkan(users, tahap_final)
    with pytest.raises(ValidationError, match="Rancangan Awal tidak dapat dibuat setelah Rancangan Akhir"):
        services.tahap_create(actor=users["perencana"], renja=renja2026, jenis="rancangan_awal")


def test_new_stage_copies_the_latest_only(users, renja2026, tahap_rkpd, tahap_final):
    tetapkan(users, tahap_final)
    with pytest.raises(ValidationError, match="harus disalin dari tahap terakhir"):
        services.tahap_create(actor=users["perencana"], renja=renja2026, jenis="penetapan", dari=tahap_rkpd)
    with pytest.raises(ValidationError, match="hanya tahap pertama yang boleh kosong"):
        services.tahap_create(actor=users["perencana"], renja=renja2026, jenis="penetapan", kosong=True)


def test_perubahan_after_penetapan_is_numbered(users, renja2026, tahap_final):
    tetapkan(users, tahap_final)
    p1 = services.tahap_create(actor=users["perencana"], renja=renja2026, jenis="perubahan", dari=tahap_final)
    assert (str(p1), p1.nomor, p1.status) == ("Perubahan 1", 1, "draft")
    assert renja_tree(tahap=p1).total_pagu == Decimal("26736518416")
    tetapkan(users, p1)
    p2 = services.tahap_create(actor=users["perencana"], renja=renja2026, jenis="perubahan")
    assert (str(p2), p2.dibuat_dari) == ("Perubahan 2", p1)


def test_perubahan_needs_every_stage_ditetapkan(users, renja2026, tahap_final):
    # the final stage of the demo is still draft
    with pytest.raises(ValidationError, match="belum ditetapkan"):
        services.tahap_create(actor=users["perencana"], renja=renja2026, jenis="perubahan", dari=tahap_final)


def test_lifecycle_roles_and_audit(users, tahap_final):
    with pytest.raises(PermissionDenied):
        services.tahap_submit(actor=users["pemeriksa"], tahap=tahap_final)
    services.tahap_submit(actor=users["perencana"], tahap=tahap_final)
    assert tahap_final.status == "diajukan"
    with pytest.raises(PermissionDenied, match="pimpinan"):
        services.tahap_tetapkan(actor=users["perencana"], tahap=tahap_final)
    with pytest.raises(ValidationError, match="Alasan"):
        services.tahap_return(actor=users["pimpinan"], tahap=tahap_final, alasan=" ")
    services.tahap_return(actor=users["pimpinan"], tahap=tahap_final, alasan="Target permakanan dicek ulang")
    assert tahap_final.status == "draft"
    services.tahap_submit(actor=users["perencana"], tahap=tahap_final)
    services.tahap_tetapkan(actor=users["pimpinan"], tahap=tahap_final)
    tahap_final.refresh_from_db()
    assert tahap_final.status == "ditetapkan" and tahap_final.ditetapkan_oleh == users["pimpinan"]
    actions = list(
        AuditEvent.objects.filter(object_type="perencanaan.tahap", object_id=str(tahap_final.pk))
        .order_by("id")
        .values_list("action", "actor__username")
    )
    assert actions[-4:] == [
        ("tahap_submit", "perencana"),
        ("tahap_return", "pimpinan"),
        ("tahap_submit", "perencana"),
        ("tahap_tetapkan", "pimpinan"),
    ]
    with pytest.raises(ValidationError):
        services.tahap_submit(actor=users["perencana"], tahap=tahap_final)


def test_http_transitions(client, users, tahap_final):
    client.force_login(users["perencana"])
    response = client.post(f"/renja/tahap/{tahap_final.pk}/ajukan/")
    assert response.status_code == 302
    tahap_final.refresh_from_db()
    assert tahap_final.status == "diajukan"
    # a perencana cannot set it; the refusal is shown as a message and nothing changes
    response = client.post(f"/renja/tahap/{tahap_final.pk}/tetapkan/", follow=True)
    assert "Hanya pimpinan atau admin" in response.content.decode()
    tahap_final.refresh_from_db()
    assert tahap_final.status == "diajukan"
    client.force_login(users["pimpinan"])
    client.post(f"/renja/tahap/{tahap_final.pk}/tetapkan/")
    tahap_final.refresh_from_db()
    assert tahap_final.status == "ditetapkan"
    assert client.get(f"/renja/tahap/{tahap_final.pk}/tetapkan/").status_code == 405


def test_new_stage_from_page(client, users, renja2026, tahap_final):
    tetapkan(users, tahap_final)
    client.force_login(users["pemeriksa"])
    response = client.post(
        f"/renja/{renja2026.pk}/tahap/baru/", {"jenis": "penetapan", "dari": tahap_final.pk}, follow=True
    )
    assert "Hanya perencana atau admin" in response.content.decode()
    client.force_login(users["perencana"])
    response = client.post(
        f"/renja/{renja2026.pk}/tahap/baru/", {"jenis": "penetapan", "dari": tahap_final.pk}, follow=True
    )
    assert "Tahap Penetapan dibuat dari salinan Rancangan Akhir." in response.content.decode()
    assert renja2026.tahap.filter(jenis="penetapan").count() == 1
    response = client.post(f"/renja/{renja2026.pk}/tahap/baru/", {"jenis": "penetapan"}, follow=True)
    assert "Penetapan belum ditetapkan" in response.content.decode()
