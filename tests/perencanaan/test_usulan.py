"""Issue 7 part 1: the proposal register (Musrenbang, Pokir DPRD, Forum Perangkat Daerah) and T-C.32. The seed
received no proposal (lines 999-1001); the demo has none, and T-C.32 says so."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from renja.inti.models import AuditEvent
from renja.inti.tabel import tulis_csv
from renja.perencanaan import services
from renja.perencanaan.models import Usulan
from renja.perencanaan.services import UsulanInput
from renja.perencanaan.tabel_usulan import tabel_tc32

DATA = UsulanInput(
    sumber="musrenbang",
    pengusul="Kelurahan Margahayu",
    uraian="Permakanan lansia terlantar",
    lokasi="Bekasi Timur",
    volume=Decimal("120"),
    satuan="Orang",
    perkiraan_biaya=Decimal("150000000"),
)


@pytest.fixture
def usulan(users, renja2026):
    return services.usulan_create(actor=users["perencana"], renja=renja2026, data=DATA)


def test_demo_has_no_proposal_and_tc32_says_so(renja2026):
    tabel = tabel_tc32(renja2026)
    assert len(tabel.baris) == 1
    ((_, span, teks),) = tabel.sel_baris(tabel.baris[0])
    assert span == 6
    assert teks.startswith("Tidak ada usulan program dan kegiatan") and "tahun 2026" in teks


def test_create_reads_back_and_audits(usulan, users):
    u = Usulan.objects.get(pk=usulan.pk)
    assert (u.sumber, u.pengusul, u.volume, u.satuan, u.perkiraan_biaya, u.status) == (
        "musrenbang",
        "Kelurahan Margahayu",
        Decimal("120"),
        "Orang",
        Decimal("150000000.00"),
        "baru",
    )
    ev = AuditEvent.objects.get(action="usulan_create", object_id=str(u.pk))
    assert ev.actor == users["perencana"] and ev.new["pengusul"] == "Kelurahan Margahayu"


@pytest.mark.parametrize("status", ["ditolak", "ditunda"])
def test_reason_is_required_for_ditolak_and_ditunda(usulan, users, status):
    with pytest.raises(ValidationError, match=f"Alasan wajib diisi untuk usulan yang {status}"):
        services.usulan_decide(actor=users["perencana"], usulan=usulan, expected_version=1, status=status, alasan="  ")
    usulan.refresh_from_db()
    assert (usulan.status, usulan.version) == ("baru", 1)
    services.usulan_decide(
        actor=users["perencana"], usulan=usulan, expected_version=1, status=status, alasan="Di luar kewenangan"
    )
    usulan.refresh_from_db()
    assert (usulan.status, usulan.alasan, usulan.version) == (status, "Di luar kewenangan", 2)


def test_accepted_needs_a_sub_kegiatan_of_the_stage_in_force(usulan, users, renja2026):
    with pytest.raises(ValidationError, match="wajib menyebut kode sub kegiatan"):
        services.usulan_decide(actor=users["perencana"], usulan=usulan, expected_version=1, status="diterima")
    with pytest.raises(
        ValidationError, match=r"Sub kegiatan 1.06.04.2.01.9999 tidak ada di tahap Rancangan Akhir RKPD"
    ):
        services.usulan_decide(
            actor=users["perencana"],
            usulan=usulan,
            expected_version=1,
            status="diterima",
            kode_sub_kegiatan="1.06.04.2.01.9999",
        )
    services.usulan_decide(
        actor=users["perencana"],
        usulan=usulan,
        expected_version=1,
        status="diterima",
        kode_sub_kegiatan=" 1.06.04.2.01.0001 ",
    )
    usulan.refresh_from_db()
    assert (usulan.status, usulan.kode_sub_kegiatan, usulan.diputuskan_oleh) == (
        "diterima",
        "1.06.04.2.01.0001",
        users["perencana"],
    )
    tabel = tabel_tc32(renja2026)
    (baris,) = tabel.baris
    assert baris.nilai["no"] == 1
    assert (
        "Ditampung: 1.06.04" in baris.nilai["program"]
        and "1.06.04.2.01.0001 Penyediaan Permakanan" in baris.nilai["program"]
    )
    assert baris.nilai["volume"] == "120 Orang"
    assert baris.nilai["catatan"] == "Musrenbang, Kelurahan Margahayu; perkiraan biaya Rp 150.000.000; Diterima"
    assert "Permakanan lansia terlantar" in tulis_csv(tabel).decode("utf-8")


def test_stale_version_is_refused(usulan, users):
    services.usulan_update(actor=users["admin"], usulan=usulan, expected_version=1, data=DATA)
    with pytest.raises(ValidationError, match="sudah diubah orang lain"):
        services.usulan_decide(
            actor=users["perencana"], usulan=usulan, expected_version=1, status="ditolak", alasan="x"
        )
    usulan.refresh_from_db()
    assert usulan.status == "baru"


@pytest.mark.parametrize("username", ["pemeriksa", "pimpinan", "operator.rehsos"])
def test_readers_cannot_enter_or_decide(users, renja2026, usulan, username):
    with pytest.raises(PermissionDenied):
        services.usulan_create(actor=users[username], renja=renja2026, data=DATA)
    with pytest.raises(PermissionDenied):
        services.usulan_decide(actor=users[username], usulan=usulan, expected_version=1, status="ditolak", alasan="x")


def test_bad_input_is_named(users, renja2026):
    from dataclasses import replace

    with pytest.raises(ValidationError) as exc:
        services.usulan_create(
            actor=users["perencana"],
            renja=renja2026,
            data=replace(DATA, sumber="rapat", pengusul="", volume=Decimal("-1"), perkiraan_biaya=Decimal("1.5")),
        )
    assert exc.value.message_dict == {
        "sumber": [
            "Sumber usulan 'rapat' tidak dikenal; pilih Musrenbang, Pokok pikiran DPRD, Forum Perangkat Daerah."
        ],
        "pengusul": ["Pengusul wajib diisi."],
        "volume": ["Volume: volume tidak boleh negatif."],
        "perkiraan_biaya": ["Perkiraan biaya harus Rupiah bulat antara 0 dan Rp 999.999.999.999.999."],
    }
    assert not Usulan.objects.exists()


# --- pages ------------------------------------------------------------------------------------------------------


def test_list_filters_and_shows_tc32(client, users, renja2026, usulan):
    services.usulan_create(
        actor=users["perencana"], renja=renja2026, data=UsulanInput("pokir", "Fraksi A", "Alat bantu")
    )
    client.force_login(users["pemeriksa"])
    html = client.get(f"/renja/{renja2026.pk}/usulan/").content.decode()
    assert "Kelurahan Margahayu" in html and "Fraksi A" in html and 'id="tc32"' in html
    assert "Usulan baru" not in html  # read-only
    html = client.get(f"/renja/{renja2026.pk}/usulan/?sumber=pokir").content.decode()
    assert "Fraksi A" in html and "Kelurahan Margahayu" not in html


def test_create_and_decide_over_http(client, users, renja2026):
    client.force_login(users["perencana"])
    r = client.post(
        f"/renja/{renja2026.pk}/usulan/baru/",
        {
            "sumber": "forum_pd",
            "pengusul": "LKS Bina",
            "uraian": "Pelatihan",
            "volume": "1.500",
            "satuan": "Orang",
            "perkiraan_biaya": "Rp 25.000.000",
        },
    )
    assert r.status_code == 302
    u = Usulan.objects.get(pengusul="LKS Bina")
    assert (u.volume, u.perkiraan_biaya) == (Decimal("1500"), Decimal("25000000.00"))
    r = client.post(f"/renja/usulan/{u.pk}/putuskan/", {"version": 1, "status": "ditunda", "alasan": ""})
    assert r.status_code == 400 and "Alasan wajib diisi untuk usulan yang ditunda" in r.content.decode()
    r = client.post(f"/renja/usulan/{u.pk}/putuskan/", {"version": 1, "status": "ditunda", "alasan": "Anggaran 2027"})
    assert r.status_code == 302
    u.refresh_from_db()
    assert (u.status, u.alasan) == ("ditunda", "Anggaran 2027")


class TestUsulanRoundTrip(TestCase):
    """Any pengusul, uraian and volume the service accepts reads back identical and the list page shows it."""

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        pengusul=st.text(max_size=40),
        uraian=st.text(max_size=80),
        volume=st.one_of(st.none(), st.decimals(min_value=-1, max_value=10**15, places=5, allow_nan=False)),
        biaya=st.one_of(st.none(), st.decimals(min_value=-1, max_value=10**15 + 1, places=1, allow_nan=False)),
    )
    @example(pengusul="\x00", uraian="x", volume=None, biaya=None)
    @example(
        pengusul="<b>A</b>", uraian="Rp 1.000", volume=Decimal("99999999999999.9999"), biaya=Decimal("999999999999999")
    )
    def test_round_trip(self, pengusul, uraian, volume, biaya):
        from django.contrib.auth import get_user_model
        from django.test import Client
        from django.utils.html import escape

        from renja.perencanaan.models import Renja

        user = get_user_model().objects.get(username="perencana")
        renja = Renja.objects.get(tahun=2026)
        data = UsulanInput("musrenbang", pengusul, uraian, volume=volume, satuan="Unit", perkiraan_biaya=biaya)
        try:
            u = services.usulan_create(actor=user, renja=renja, data=data)
        except ValidationError as exc:
            assert set(exc.message_dict) <= {"pengusul", "uraian", "volume", "perkiraan_biaya"}
            assert not Usulan.objects.filter(renja=renja).exists()  # nothing half-written
            return
        u.refresh_from_db()
        assert (u.pengusul, u.uraian, u.volume, u.perkiraan_biaya) == (pengusul.strip(), uraian.strip(), volume, biaya)
        client = Client()
        client.force_login(user)
        html = client.get(f"/renja/{renja.pk}/usulan/").content.decode()
        assert escape(u.pengusul) in html
        if biaya is not None:
            from renja.rumus.angka import format_rupiah

            assert format_rupiah(biaya) in html


def test_list_page_costs_the_same_for_one_and_for_twenty_proposals(client, users, renja2026):
    """House rule 9: the list (with its T-C.32) does not grow a query per proposal."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(users["perencana"])
    url = f"/renja/{renja2026.pk}/usulan/"

    def buat(n: int) -> int:
        for i in range(n):
            u = services.usulan_create(
                actor=users["perencana"], renja=renja2026, data=UsulanInput("pokir", f"Fraksi {i}", f"Usulan {i}")
            )
            services.usulan_decide(
                actor=users["perencana"],
                usulan=u,
                expected_version=1,
                status="diterima",
                kode_sub_kegiatan="1.06.04.2.01.0001",
            )
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    satu = buat(1)
    assert buat(19) == satu
