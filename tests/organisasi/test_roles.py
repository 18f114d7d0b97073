import pytest
from django.core.exceptions import ValidationError

from renja.organisasi import access, services
from renja.organisasi.models import Peran


def test_demo_roles(users, renja2026):
    opd = renja2026.opd
    assert access.roles_in_opd(users["perencana"], opd.pk) == {Peran.PERENCANA}
    assert access.operator_units(users["operator.rehsos"], opd.pk) == {opd.unit_kerja.get(kode="rehsos").pk}
    assert access.can_view_opd(users["pemeriksa"], opd)
    assert not access.can_plan_opd(users["pemeriksa"], opd)
    assert access.can_approve_opd(users["pimpinan"], opd)


def test_operator_needs_a_unit(users, renja2026):
    with pytest.raises(ValidationError, match="Operator wajib"):
        services.peran_assign(actor=None, user=users["pemeriksa"], peran="operator", opd=renja2026.opd)


def test_user_without_role_sees_no_renja(client, django_user_model, renja2026):
    tamu = django_user_model.objects.create_user("tamu", password="x-Renja-2026!")
    client.force_login(tamu)
    assert "Belum ada Renja" in client.get("/renja/").content.decode()
    response = client.get(f"/renja/{renja2026.pk}/")
    assert response.status_code == 403
    assert "tidak memiliki akses" in response.content.decode()


def test_passwords_are_hashed_with_argon2(users):
    assert users["perencana"].password.startswith("argon2")


def test_login_page_in_indonesian(client, db):
    html = client.get("/masuk/").content.decode()
    assert "Masuk ke Renja" in html and "Kata sandi" in html
    response = client.post("/masuk/", {"username": "perencana", "password": "salah"})
    assert "Nama pengguna atau kata sandi salah" in response.content.decode()
