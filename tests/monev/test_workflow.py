"""Every transition of the quarterly workflow and every refusal: role, wrong unit, wrong status, locked triwulan,
missing note or reason. A locked triwulan cannot be changed by anyone, the admin included, until the pimpinan
reopens it with a reason."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from renja.inti.models import AuditEvent, Notifikasi
from renja.monev import services
from renja.monev.models import StatusRealisasiUnit, StatusTriwulan, StatusUnit, TriwulanOpd
from renja.perencanaan.targets import Target

pytestmark = pytest.mark.django_db

UNITS = ("sekretariat", "pemsos", "rehsos", "gulmakin", "linjamsos")  # units with sub kegiatan in the stage


def status(renja, unit, tw=1) -> str:
    s = StatusRealisasiUnit.objects.filter(renja=renja, unit=unit, triwulan=tw).first()
    return s.status if s else StatusUnit.DRAF


def submit(actor, renja, unit, tw=1):
    return services.realisasi_submit(actor=actor, renja=renja, unit=unit, triwulan=tw)


def verify(actor, renja, unit, tw=1):
    return services.realisasi_verify(actor=actor, renja=renja, unit=unit, triwulan=tw)


def all_verified(users, renja, units, tw=1):
    for kode in UNITS:
        submit(users["admin"], renja, units[kode], tw)  # the demo has operators for two units only
        verify(users["perencana"], renja, units[kode], tw)


def record(actor, row, bulan=3, nilai="5", version=None):
    ind = row.indikator.get()
    if version is None:
        existing = ind.realisasi.filter(bulan=bulan).first()
        version = existing.version if existing else 0
    return services.realisasi_kinerja_record(
        actor=actor, indikator=ind, bulan=bulan, nilai=Target(nilai=Decimal(nilai)), expected_version=version
    )


# --- submit -----------------------------------------------------------------------------------------------------


def test_operator_submits_own_unit_and_the_perencana_is_notified(users, renja2026, units):
    s = submit(users["operator.rehsos"], renja2026, units["rehsos"])
    assert s.status == StatusUnit.DIAJUKAN and s.diajukan_oleh == users["operator.rehsos"]
    event = AuditEvent.objects.get(action="realisasi_submit")
    assert event.old == {"status": "draf"} and event.new["status"] == "diajukan"
    n = Notifikasi.objects.get(penerima=users["perencana"], jenis="realisasi_diajukan")
    assert "Bidang Rehabilitasi Sosial mengajukan realisasi triwulan I 2026" in n.teks
    assert n.tautan == f"/monev/{renja2026.pk}/tw/1/unit/{units['rehsos'].pk}/"


@pytest.mark.parametrize(
    ("username", "pesan"),
    [
        ("operator.linjamsos", "Hanya operator Bidang Rehabilitasi Sosial"),
        ("perencana", "diajukan oleh operator unit"),
        ("pimpinan", "diajukan oleh operator unit"),
        ("pemeriksa", "diajukan oleh operator unit"),
    ],
)
def test_submit_refused_for_other_roles_and_units(users, renja2026, units, username, pesan):
    with pytest.raises(PermissionDenied, match=pesan):
        submit(users[username], renja2026, units["rehsos"])
    assert status(renja2026, units["rehsos"]) == StatusUnit.DRAF


def test_submit_twice_is_refused(users, renja2026, units):
    submit(users["operator.rehsos"], renja2026, units["rehsos"])
    with pytest.raises(ValidationError, match="berstatus diajukan"):
        submit(users["operator.rehsos"], renja2026, units["rehsos"])


def test_unit_of_another_opd_is_refused(users, renja2026):
    from renja.organisasi.models import Pemda, PerangkatDaerah, UnitKerja

    pemda = Pemda.objects.create(kode="32.16", nama="Kabupaten Bekasi", jenis="kabupaten")
    opd = PerangkatDaerah.objects.create(pemda=pemda, kode="1.06.0.00.0.00.01.0000", nama="Dinas Sosial")
    asing = UnitKerja.objects.create(opd=opd, kode="rehsos", nama="Bidang Rehsos Kabupaten")
    with pytest.raises(ValidationError, match="bukan unit kerja Dinas Sosial"):
        submit(users["admin"], renja2026, asing)


# --- verify and return ----------------------------------------------------------------------------------------


def test_perencana_verifies_and_the_operator_is_notified(users, renja2026, units):
    submit(users["operator.rehsos"], renja2026, units["rehsos"])
    s = verify(users["perencana"], renja2026, units["rehsos"])
    assert s.status == StatusUnit.DIVERIFIKASI and s.diperiksa_oleh == users["perencana"]
    assert Notifikasi.objects.filter(penerima=users["operator.rehsos"], jenis="realisasi_diverifikasi").exists()


@pytest.mark.parametrize("username", ["operator.rehsos", "operator.linjamsos", "pimpinan", "pemeriksa"])
def test_verify_and_return_refused_for_other_roles(users, renja2026, units, username):
    submit(users["operator.rehsos"], renja2026, units["rehsos"])
    with pytest.raises(PermissionDenied, match="Hanya perencana"):
        verify(users[username], renja2026, units["rehsos"])
    with pytest.raises(PermissionDenied, match="Hanya perencana"):
        services.realisasi_return(
            actor=users[username], renja=renja2026, unit=units["rehsos"], triwulan=1, catatan="perbaiki"
        )
    assert status(renja2026, units["rehsos"]) == StatusUnit.DIAJUKAN


def test_verify_needs_a_submitted_unit(users, renja2026, units):
    with pytest.raises(ValidationError, match="berstatus draf; aksi ini hanya untuk status diajukan"):
        verify(users["perencana"], renja2026, units["rehsos"])


def test_return_needs_a_note(users, renja2026, units):
    submit(users["operator.rehsos"], renja2026, units["rehsos"])
    for catatan in ("", "   "):
        with pytest.raises(ValidationError, match="Catatan pengembalian wajib diisi"):
            services.realisasi_return(
                actor=users["perencana"], renja=renja2026, unit=units["rehsos"], triwulan=1, catatan=catatan
            )
    assert status(renja2026, units["rehsos"]) == StatusUnit.DIAJUKAN


def test_return_with_note_reaches_the_operator_who_corrects_and_resubmits(users, renja2026, units, permakanan):
    op = users["operator.rehsos"]
    record(op, permakanan, nilai="450")
    submit(op, renja2026, units["rehsos"])
    with pytest.raises(PermissionDenied, match="berstatus diajukan"):
        record(op, permakanan, nilai="460")  # a submitted triwulan waits for the verifier
    s = services.realisasi_return(
        actor=users["perencana"],
        renja=renja2026,
        unit=units["rehsos"],
        triwulan=1,
        catatan="Permakanan TW I: lampirkan daftar penerima.",
    )
    assert (
        s.status == StatusUnit.DIKEMBALIKAN and s.catatan_pengembalian == "Permakanan TW I: lampirkan daftar penerima."
    )
    n = Notifikasi.objects.get(penerima=op, jenis="realisasi_dikembalikan")
    assert "Catatan: Permakanan TW I: lampirkan daftar penerima." in n.teks
    record(op, permakanan, nilai="460")  # editable again
    assert submit(op, renja2026, units["rehsos"]).status == StatusUnit.DIAJUKAN
    actions = list(AuditEvent.objects.filter(object_type="monev.statusrealisasiunit").values_list("action", flat=True))
    assert sorted(actions) == ["realisasi_return", "realisasi_submit", "realisasi_submit"]


def test_a_verified_unit_can_still_be_returned_before_approval(users, renja2026, units):
    submit(users["operator.rehsos"], renja2026, units["rehsos"])
    verify(users["perencana"], renja2026, units["rehsos"])
    s = services.realisasi_return(
        actor=users["perencana"], renja=renja2026, unit=units["rehsos"], triwulan=1, catatan="angka Maret salah"
    )
    assert s.status == StatusUnit.DIKEMBALIKAN


def test_operator_cannot_enter_another_units_rows(users, permakanan):
    with pytest.raises(PermissionDenied, match="Anda operator unit lain"):
        record(users["operator.linjamsos"], permakanan)


@pytest.mark.parametrize("username", ["pimpinan", "pemeriksa"])
def test_readers_cannot_enter_realisation(users, permakanan, username):
    with pytest.raises(PermissionDenied, match="hanya dapat membaca"):
        record(users[username], permakanan)


# --- approval, lock and reopen --------------------------------------------------------------------------------


def test_approve_waits_for_every_unit(users, renja2026, units):
    submit(users["operator.rehsos"], renja2026, units["rehsos"])
    verify(users["perencana"], renja2026, units["rehsos"])
    with pytest.raises(ValidationError) as exc:
        services.realisasi_approve(actor=users["pimpinan"], renja=renja2026, triwulan=1)
    text = " ".join(exc.value.messages)
    assert "belum diverifikasi: Sekretariat, Bidang Perlindungan dan Jaminan Sosial" in text
    assert "Bidang Rehabilitasi Sosial" not in text


def test_pimpinan_is_told_when_all_units_are_verified(users, renja2026, units):
    all_verified(users, renja2026, units)
    assert Notifikasi.objects.filter(penerima=users["pimpinan"], jenis="realisasi_siap_disetujui").count() == 1


@pytest.mark.parametrize("username", ["perencana", "operator.rehsos", "pemeriksa"])
def test_approve_refused_for_other_roles(users, renja2026, units, username):
    all_verified(users, renja2026, units)
    with pytest.raises(PermissionDenied, match="Hanya pimpinan"):
        services.realisasi_approve(actor=users[username], renja=renja2026, triwulan=1)


def test_pimpinan_approves_and_everyone_is_notified(users, renja2026, units):
    all_verified(users, renja2026, units)
    tw = services.realisasi_approve(actor=users["pimpinan"], renja=renja2026, triwulan=1)
    assert tw.status == StatusTriwulan.DISETUJUI and tw.disetujui_oleh == users["pimpinan"]
    penerima = set(Notifikasi.objects.filter(jenis="realisasi_disetujui").values_list("penerima__username", flat=True))
    assert penerima == {"operator.rehsos", "operator.linjamsos", "perencana"}
    assert AuditEvent.objects.filter(action="realisasi_approve", new__status="disetujui").exists()


@pytest.fixture
def locked(users, renja2026, units, permakanan, sandang, pad):
    op = users["operator.rehsos"]
    record(op, permakanan, nilai="450")
    services.realisasi_keuangan_record(
        actor=op, row=sandang, sumber_dana_id=pad.pk, bulan=3, jumlah=Decimal(25000000), expected_version=0
    )
    all_verified(users, renja2026, units)
    services.realisasi_approve(actor=users["pimpinan"], renja=renja2026, triwulan=1)


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("akar", "akar@example.org", "x-Renja-2026!")


def test_locked_triwulan_refuses_every_change_by_everyone(
    users, superuser, renja2026, units, permakanan, sandang, pad, locked
):
    everybody = [*users.values(), superuser]
    for user in everybody:
        with pytest.raises(PermissionDenied, match="sudah disetujui pimpinan dan terkunci"):
            record(user, permakanan, nilai="1")
        with pytest.raises(PermissionDenied, match="terkunci"):
            services.realisasi_keuangan_record(
                actor=user, row=sandang, sumber_dana_id=pad.pk, bulan=2, jumlah=Decimal(1), expected_version=0
            )
        with pytest.raises(PermissionDenied, match="terkunci"):
            services.realisasi_faktor_record(
                actor=user,
                row=permakanan,
                triwulan=1,
                faktor_pendorong="x",
                faktor_penghambat="",
                tindak_lanjut="",
                expected_version=0,
            )
        with pytest.raises(PermissionDenied, match="terkunci"):
            services.realisasi_catatan_add(actor=user, row=permakanan, triwulan=1, teks="x")
        with pytest.raises(PermissionDenied, match="terkunci"):
            services.realisasi_bukti_upload(
                actor=user, row=permakanan, triwulan=1, berkas=SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")
            )
        for fn in (services.realisasi_submit, services.realisasi_verify):
            with pytest.raises(PermissionDenied, match="terkunci"):
                fn(actor=user, renja=renja2026, unit=units["rehsos"], triwulan=1)
        with pytest.raises(PermissionDenied, match="terkunci"):
            services.realisasi_return(actor=user, renja=renja2026, unit=units["rehsos"], triwulan=1, catatan="x")
        with pytest.raises(PermissionDenied, match="terkunci"):
            services.triwulan_batas_waktu_set(actor=user, renja=renja2026, triwulan=1, batas_waktu=None)
    # the stored figures are untouched
    assert permakanan.indikator.get().realisasi.get(bulan=3).nilai == 450
    # another triwulan stays open
    record(users["operator.rehsos"], permakanan, bulan=4, nilai="100")


@pytest.mark.parametrize("username", ["admin", "perencana", "operator.rehsos", "pemeriksa"])
def test_only_the_pimpinan_reopens(users, renja2026, locked, username):
    with pytest.raises(PermissionDenied, match="Hanya pimpinan yang dapat membuka kembali"):
        services.realisasi_reopen(actor=users[username], renja=renja2026, triwulan=1, alasan="koreksi")
    assert TriwulanOpd.objects.get(renja=renja2026, triwulan=1).status == StatusTriwulan.DISETUJUI


def test_superuser_cannot_reopen_either(superuser, renja2026, locked):
    with pytest.raises(PermissionDenied, match="Hanya pimpinan"):
        services.realisasi_reopen(actor=superuser, renja=renja2026, triwulan=1, alasan="koreksi")


def test_reopen_needs_a_reason(users, renja2026, locked):
    with pytest.raises(ValidationError, match="Alasan membuka kembali wajib diisi"):
        services.realisasi_reopen(actor=users["pimpinan"], renja=renja2026, triwulan=1, alasan=" ")


def test_reopen_of_an_open_triwulan_is_refused(users, renja2026):
    with pytest.raises(ValidationError, match="belum disetujui"):
        services.realisasi_reopen(actor=users["pimpinan"], renja=renja2026, triwulan=2, alasan="x")


def test_reopen_with_reason_then_return_lets_the_unit_correct(users, client, renja2026, units, permakanan, locked):
    tw = services.realisasi_reopen(
        actor=users["pimpinan"], renja=renja2026, triwulan=1, alasan="Koreksi data Permakanan dari BPK"
    )
    assert tw.status == StatusTriwulan.TERBUKA and tw.alasan_dibuka == "Koreksi data Permakanan dari BPK"
    event = AuditEvent.objects.get(action="realisasi_reopen")
    assert event.actor == users["pimpinan"] and event.new["alasan"] == "Koreksi data Permakanan dari BPK"
    assert Notifikasi.objects.filter(penerima=users["operator.rehsos"], jenis="realisasi_dibuka").exists()
    # the reason is shown on the page
    client.force_login(users["pemeriksa"])
    html = client.get(f"/monev/{renja2026.pk}/").content.decode()
    assert "Alasan: Koreksi data Permakanan dari BPK" in html
    # units keep their verified status until the perencana returns the one that must correct
    with pytest.raises(PermissionDenied, match="berstatus diverifikasi"):
        record(users["operator.rehsos"], permakanan, nilai="470")
    services.realisasi_return(
        actor=users["perencana"], renja=renja2026, unit=units["rehsos"], triwulan=1, catatan="koreksi BPK"
    )
    record(users["operator.rehsos"], permakanan, nilai="470")
    assert permakanan.indikator.get().realisasi.get(bulan=3).nilai == 470


def test_approval_can_be_repeated_after_a_reopen(users, renja2026, units, locked):
    services.realisasi_reopen(actor=users["pimpinan"], renja=renja2026, triwulan=1, alasan="cek ulang")
    tw = services.realisasi_approve(actor=users["pimpinan"], renja=renja2026, triwulan=1)
    assert tw.status == StatusTriwulan.DISETUJUI
    with pytest.raises(PermissionDenied, match="terkunci"):
        services.realisasi_approve(actor=users["pimpinan"], renja=renja2026, triwulan=1)


def test_deadline_is_set_by_perencana_or_pimpinan_only(users, renja2026):
    from datetime import date

    tw = services.triwulan_batas_waktu_set(
        actor=users["perencana"], renja=renja2026, triwulan=2, batas_waktu=date(2026, 7, 10)
    )
    assert tw.batas_waktu == date(2026, 7, 10)
    for username in ("operator.rehsos", "pemeriksa"):
        with pytest.raises(PermissionDenied, match="batas waktu"):
            services.triwulan_batas_waktu_set(actor=users[username], renja=renja2026, triwulan=2, batas_waktu=None)
    with pytest.raises(ValidationError, match="jauh dari tahun 2026"):
        services.triwulan_batas_waktu_set(
            actor=users["pimpinan"], renja=renja2026, triwulan=2, batas_waktu=date(2030, 1, 1)
        )


def test_bad_triwulan_is_refused(users, renja2026, units):
    with pytest.raises(ValidationError, match="Triwulan '5' tidak dikenal"):
        submit(users["operator.rehsos"], renja2026, units["rehsos"], tw=5)
