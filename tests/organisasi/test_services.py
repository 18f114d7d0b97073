"""Organisation services: validation once at the boundary, access by admin scope, one AuditEvent per write."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from renja.inti.models import AuditEvent
from renja.organisasi import access, services
from renja.organisasi.models import Akun, PenugasanPeran, Peran, PerangkatDaerah, UnitKerja
from tests.organisasi.conftest import DINSOS


def test_demo_kepala_nip_stored_as_digits_shown_grouped(dinsos):
    # seed line 26 prints "NIP. 19660301 199003 1 010"; stored as the 18 digits, shown grouped 8-6-1-3
    assert dinsos.kepala_nip == "196603011990031010"
    assert dinsos.kepala_nip_tampil == "19660301 199003 1 010"


def test_pemda_kode_and_jenis_checked(root):
    with pytest.raises(ValidationError, match="nomor 71-99 setelah titik adalah kota"):
        services.pemda_create(actor=root, kode="33.74", nama="Kota Semarang", jenis="kabupaten")
    with pytest.raises(ValidationError, match="sudah dipakai Kota Bekasi"):
        services.pemda_create(actor=root, kode="32.75", nama="Kota Bekasi lagi", jenis="kota")
    pemda = services.pemda_create(actor=root, kode=" 33.74 ", nama="Kota Semarang")
    assert (pemda.kode, pemda.jenis) == ("33.74", "kota")  # jenis from the code when left empty
    event = AuditEvent.objects.filter(action="pemda_create").first()
    assert event.actor == root and event.new["kode"] == "33.74"


def test_only_installation_admin_creates_pemda(users, admin_bekasi):
    for user in (admin_bekasi, users["admin"], users["perencana"]):
        with pytest.raises(PermissionDenied, match="Hanya admin instalasi"):
            services.pemda_create(actor=user, kode="33.74", nama="Kota Semarang")


def test_opd_code_with_two_bidang_derives_both(root, bekasi):
    # 5.01 perencanaan and 5.05 penelitian dan pengembangan: a Bappelitbangda carries both
    opd = services.opd_create(
        actor=root, pemda=bekasi, kode="5.01.5.05.0.00.01.0000", nama="Bappelitbangda", kepala_nip="198501012010011001"
    )
    assert opd.bidang_urusan_daftar == ["5.01", "5.05"]
    assert opd.bidang_urusan == "5.01"


def test_opd_code_whose_bidang_is_not_in_the_nomenclature_is_refused(root, bekasi):
    with pytest.raises(ValidationError, match="bidang urusan 1.99 tidak ada di nomenklatur"):
        services.opd_create(actor=root, pemda=bekasi, kode="1.99.0.00.0.00.01.0000", nama="Dinas Khayalan")
    with pytest.raises(ValidationError, match=r"bagian ke-2 \(bidang urusan pertama\) '6' harus 2 digit"):
        services.opd_create(actor=root, pemda=bekasi, kode="1.6.0.00.0.00.01.0000", nama="Dinas Sosial")


def test_same_opd_code_in_two_pemda_but_not_twice_in_one(semarang, dinsos, root):
    assert semarang["opd"].kode == dinsos.kode == DINSOS
    with pytest.raises(ValidationError, match="sudah dipakai Dinas Sosial di Kota Semarang"):
        services.opd_create(actor=root, pemda=semarang["pemda"], kode=DINSOS, nama="Dinas Sosial 2")


def test_pemda_admin_creates_opds_of_its_pemda_only(admin_bekasi, bekasi, semarang):
    opd = services.opd_create(actor=admin_bekasi, pemda=bekasi, kode="1.01.0.00.0.00.01.0000", nama="Dinas Pendidikan")
    assert opd.pemda == bekasi
    with pytest.raises(PermissionDenied, match="Hanya admin Pemda ini"):
        services.opd_create(actor=admin_bekasi, pemda=semarang["pemda"], kode="1.01.0.00.0.00.01.0000", nama="X")
    # the Pemda admin is admin of every OPD of its Pemda, including the new one, and of no other
    assert access.can_manage_opd(admin_bekasi, opd) and access.can_plan_opd(admin_bekasi, opd)
    assert not access.can_manage_opd(admin_bekasi, semarang["opd"])


def test_opd_admin_keeps_kepala_but_not_the_code(users, dinsos):
    opd = services.opd_kepala_update(
        actor=users["admin"],
        opd=dinsos,
        nama="Drs. H. ALEXANDER ZULKARNAIN, M.Si.",
        pangkat="Pembina Utama Muda (IV/c)",
        nip="19660301199003 1 010",
        jabatan="Kepala Dinas Sosial Kota Bekasi",
    )
    assert opd.kepala_nip == "196603011990031010" and opd.kepala_pangkat == "Pembina Utama Muda (IV/c)"
    with pytest.raises(ValidationError) as err:
        services.opd_kepala_update(actor=users["admin"], opd=dinsos, nama="X", nip="1966 0301")
    assert "harus 18 digit" in err.value.message_dict["kepala_nip"][0]
    with pytest.raises(PermissionDenied, match="Hanya admin Pemda ini"):
        services.opd_update(actor=users["admin"], opd=dinsos, kode=DINSOS, nama="Dinas Sosial Baru")
    with pytest.raises(PermissionDenied):
        services.opd_kepala_update(actor=users["perencana"], opd=dinsos, nama="X")


def test_units_created_last_and_reordered(users, dinsos):
    unit = services.unit_create(actor=users["admin"], opd=dinsos, kode="Uptd", nama="UPTD Panti Sosial")
    assert unit.kode == "uptd"
    kodes = list(UnitKerja.objects.filter(opd=dinsos).order_by("urutan").values_list("kode", flat=True))
    assert kodes == ["sekretariat", "rehsos", "linjamsos", "pemsos", "gulmakin", "uptd"]
    services.unit_move(actor=users["admin"], unit=unit, arah="naik")
    kodes = list(UnitKerja.objects.filter(opd=dinsos).order_by("urutan").values_list("kode", flat=True))
    assert kodes == ["sekretariat", "rehsos", "linjamsos", "pemsos", "uptd", "gulmakin"]
    with pytest.raises(ValidationError, match="sudah dipakai Bidang Rehabilitasi Sosial"):
        services.unit_create(actor=users["admin"], opd=dinsos, kode="rehsos", nama="Rehsos 2")
    with pytest.raises(PermissionDenied):
        services.unit_create(actor=users["operator.rehsos"], opd=dinsos, kode="x", nama="X")


def test_pemda_wide_pemeriksa_reads_every_opd_of_it(root, bekasi, semarang):
    pendidikan = services.opd_create(actor=root, pemda=bekasi, kode="1.01.0.00.0.00.01.0000", nama="Dinas Pendidikan")
    baru = services.user_register(actor=root, username="bappeda", nama_lengkap="Pemeriksa Bappeda", pemda=bekasi)
    services.peran_assign(actor=root, user=baru.user, peran=Peran.PEMERIKSA, pemda=bekasi)
    user = baru.user
    dinsos = PerangkatDaerah.objects.get(pemda=bekasi, kode=DINSOS)
    assert access.visible_opd_ids(user) == {dinsos.pk, pendidikan.pk}
    assert access.roles_in_opd(user, pendidikan.pk) == {Peran.PEMERIKSA}
    assert not access.can_plan_opd(user, dinsos) and not access.can_manage_opd(user, dinsos)
    assert not access.can_view_opd(user, semarang["opd"])
    with pytest.raises(ValidationError, match="hanya peran admin atau pemeriksa"):
        services.peran_assign(actor=root, user=user, peran=Peran.PERENCANA, pemda=bekasi)


def test_role_scope_constraints_in_the_database(users, bekasi, dinsos):
    user = users["pemeriksa"]
    with pytest.raises(IntegrityError), transaction.atomic():  # a pemda-wide perencana is not a scope
        PenugasanPeran.objects.create(user=user, peran=Peran.PERENCANA, pemda=bekasi)
    with pytest.raises(IntegrityError), transaction.atomic():  # both an OPD and a Pemda
        PenugasanPeran.objects.create(user=user, peran=Peran.ADMIN, pemda=bekasi, opd=dinsos)
    PenugasanPeran.objects.create(user=user, peran=Peran.ADMIN)
    with pytest.raises(IntegrityError), transaction.atomic():  # the same installation admin twice
        PenugasanPeran.objects.create(user=user, peran=Peran.ADMIN)


def test_register_gives_one_time_password_that_must_be_changed(users, dinsos):
    baru = services.user_register(
        actor=users["admin"], username="budi", nama_lengkap="Budi Santoso", opd=dinsos, nip="19850101 201001 1 001"
    )
    assert len(baru.password) == 14 and baru.user.check_password(baru.password)
    akun = Akun.objects.get(user=baru.user)
    assert (akun.opd, akun.pemda, akun.wajib_ganti_sandi, akun.nip) == (
        dinsos,
        dinsos.pemda,
        True,
        "198501012010011001",
    )
    with pytest.raises(ValidationError, match="sudah dipakai"):
        services.user_register(actor=users["admin"], username="BUDI", nama_lengkap="Budi Lain", opd=dinsos)
    with pytest.raises(ValidationError, match="hanya boleh huruf, angka"):
        services.user_register(actor=users["admin"], username="budi santoso", nama_lengkap="Budi", opd=dinsos)


def test_deactivate_never_deletes_and_keeps_the_name(users, dinsos):
    operator = users["operator.rehsos"]
    services.user_deactivate(actor=users["admin"], user=operator)
    operator.refresh_from_db()
    assert not operator.is_active and PenugasanPeran.objects.filter(user=operator).exists()
    assert AuditEvent.objects.filter(action="user_deactivate", object_id=str(operator.pk)).count() == 1
    with pytest.raises(ValidationError, match="akun Anda sendiri"):
        services.user_deactivate(actor=users["admin"], user=users["admin"])
    services.user_activate(actor=users["admin"], user=operator)
    operator.refresh_from_db()
    assert operator.is_active


def test_reset_password_by_the_right_admin_only(users, semarang):
    sandi = services.user_password_reset(actor=users["admin"], user=users["perencana"])
    users["perencana"].refresh_from_db()
    assert users["perencana"].check_password(sandi)
    assert Akun.objects.get(user=users["perencana"]).wajib_ganti_sandi
    for actor, target in ((users["admin"], semarang["operator"]), (semarang["admin"], users["perencana"])):
        with pytest.raises(PermissionDenied, match="dikelola oleh admin"):
            services.user_password_reset(actor=actor, user=target)
    with pytest.raises(PermissionDenied):
        services.user_password_reset(actor=users["perencana"], user=users["operator.rehsos"])


def test_own_password_change_uses_django_validators_in_indonesian(users):
    user = users["perencana"]
    with pytest.raises(ValidationError) as err:
        services.user_password_change(
            actor=user, old_password="uji-Renja-2026!", new_password1="12345678", new_password2="12345678"
        )
    text = " ".join(err.value.message_dict["new_password1"])
    assert text == "Kata sandi ini terlalu umum. Kata sandi ini seluruhnya terdiri dari angka."
    with pytest.raises(ValidationError, match="Kata sandi lama salah"):
        services.user_password_change(actor=user, old_password="salah", new_password1="x", new_password2="x")
    with pytest.raises(ValidationError, match="tidak sama"):
        services.user_password_change(
            actor=user, old_password="uji-Renja-2026!", new_password1="Bekasi-Renja-9x", new_password2="lain"
        )
    services.user_password_change(
        actor=user, old_password="uji-Renja-2026!", new_password1="Bekasi-Renja-9x", new_password2="Bekasi-Renja-9x"
    )
    user.refresh_from_db()
    assert user.check_password("Bekasi-Renja-9x")


def test_roles_only_in_own_scope_and_never_to_another_pemdas_user(users, dinsos, semarang):
    admin = users["admin"]
    with pytest.raises(PermissionDenied, match="bukan admin perangkat daerah ini"):
        services.peran_assign(actor=admin, user=users["pemeriksa"], peran=Peran.PEMERIKSA, opd=semarang["opd"])
    with pytest.raises(ValidationError, match="terdaftar di Pemda lain"):
        services.peran_assign(actor=admin, user=semarang["operator"], peran=Peran.PEMERIKSA, opd=dinsos)
    with pytest.raises(PermissionDenied):
        services.peran_revoke(actor=admin, penugasan=semarang["penugasan"])
    p = services.peran_assign(actor=admin, user=users["pemeriksa"], peran=Peran.PERENCANA, opd=dinsos)
    assert Peran.PERENCANA in access.roles_in_opd(users["pemeriksa"], dinsos.pk)
    services.peran_revoke(actor=admin, penugasan=p)
    assert access.roles_in_opd(users["pemeriksa"], dinsos.pk) == {Peran.PEMERIKSA}
    assert AuditEvent.objects.filter(action="peran_revoke").first().old["peran"] == "perencana"


def test_no_admin_adopts_or_manages_an_account_above_it(users, root, admin_bekasi, dinsos, bekasi):
    """Escalation paths: a Pemda admin giving a role to the installation admin (then owning its account), an OPD
    admin resetting the password of its Pemda's admin."""
    with pytest.raises(ValidationError, match="bukan akun Pemda ini"):
        services.peran_assign(actor=admin_bekasi, user=root, peran=Peran.PEMERIKSA, pemda=bekasi)
    assert not access.can_manage_user(admin_bekasi, root)
    # the Pemda admin's account lives in Dinas Sosial, yet its OPD admin may not touch it
    services.peran_assign(actor=root, user=users["pimpinan"], peran=Peran.ADMIN, pemda=bekasi)
    with pytest.raises(PermissionDenied):
        services.user_password_reset(actor=users["admin"], user=users["pimpinan"])
    assert access.can_manage_user(admin_bekasi, users["pimpinan"])
