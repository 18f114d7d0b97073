"""Administration pages: each opens for its admin scope only, and Pemda stay apart.

Scopes: the installation admin (root) reaches everything; the Pemda admin (admin.bekasi) Kota Bekasi and its OPDs;
the OPD admin (the demo's `admin`) Dinas Sosial's units, users and roles; every other role nothing.
"""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import URLPattern, get_resolver, reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from renja.organisasi import services
from renja.organisasi.models import PenugasanPeran, Peran, UnitKerja
from tests.organisasi.test_selectors import NIPS

IDENTITIES = ["root", "admin.bekasi", "admin", "perencana", "operator.rehsos", "pimpinan", "pemeriksa", "luar"]
SEMUA_ADMIN = {"root", "admin.bekasi", "admin"}


@pytest.fixture
def who(users, root, admin_bekasi, semarang):
    return {**users, "root": root, "admin.bekasi": admin_bekasi, "luar": semarang["admin"]}


def _organisasi_routes():
    resolver = get_resolver()
    for p in resolver.url_patterns:
        if getattr(p, "namespace", None) == "organisasi":
            for q in p.url_patterns:
                if isinstance(q, URLPattern):
                    yield q.name, str(q.pattern)


POST_ONLY = {"pemda_peran", "opd_peran", "unit_move", "peran_cabut", "pengguna_aktif", "pengguna_reset_sandi"}


def _pages(bekasi, dinsos, users):
    """Every GET page of the administration with the scope it needs (the identities that get 200)."""
    rehsos = UnitKerja.objects.get(opd=dinsos, kode="rehsos")
    op = users["operator.rehsos"].pk
    return {
        reverse("organisasi:pemda_create"): {"root"},
        reverse("organisasi:admin_create"): {"root"},
        reverse("organisasi:pemda", args=[bekasi.pk]): {"root", "admin.bekasi"},
        reverse("organisasi:pemda_edit", args=[bekasi.pk]): {"root"},
        reverse("organisasi:opd_create", args=[bekasi.pk]): {"root", "admin.bekasi"},
        reverse("organisasi:pemda_pengguna_create", args=[bekasi.pk]): {"root", "admin.bekasi"},
        reverse("organisasi:impor", args=[bekasi.pk]): {"root", "admin.bekasi"},
        reverse("organisasi:impor_templat"): SEMUA_ADMIN | {"luar"},  # any admin may read the empty template
        reverse("organisasi:opd", args=[dinsos.pk]): SEMUA_ADMIN,
        reverse("organisasi:opd_edit", args=[dinsos.pk]): {"root", "admin.bekasi"},
        reverse("organisasi:opd_kepala", args=[dinsos.pk]): SEMUA_ADMIN,
        reverse("organisasi:unit_create", args=[dinsos.pk]): SEMUA_ADMIN,
        reverse("organisasi:opd_pengguna_create", args=[dinsos.pk]): SEMUA_ADMIN,
        reverse("organisasi:unit_edit", args=[rehsos.pk]): SEMUA_ADMIN,
        reverse("organisasi:pengguna", args=[op]): SEMUA_ADMIN,
        reverse("organisasi:pengguna_edit", args=[op]): SEMUA_ADMIN,
    }


def test_every_page_opens_for_its_admin_scope_only(client, who, bekasi, dinsos):
    pages = _pages(bekasi, dinsos, who)
    named = {name for name, _ in _organisasi_routes()} - POST_ONLY - {"kelola", "sandi"}
    covered = {re.sub(r"\d+", "0", url) for url in pages}
    assert len(covered) == len(named)  # a new page must be added to this table
    wrong = []
    for url, allowed in pages.items():
        for name in IDENTITIES:
            client.force_login(who[name])
            status = client.get(url).status_code
            if status != (200 if name in allowed else 403):
                wrong.append((url, name, status))
    assert wrong == []


def test_post_actions_refuse_everyone_outside_the_scope(client, who, dinsos):
    rehsos = UnitKerja.objects.get(opd=dinsos, kode="rehsos")
    pen = PenugasanPeran.objects.get(user=who["operator.rehsos"])
    op = who["operator.rehsos"].pk
    posts = {
        reverse("organisasi:opd_peran", args=[dinsos.pk]): {"username": "pemeriksa", "peran": "perencana"},
        reverse("organisasi:unit_move", args=[rehsos.pk]): {"arah": "naik"},
        reverse("organisasi:peran_cabut", args=[pen.pk]): {},
        reverse("organisasi:pengguna_aktif", args=[op]): {"aktif": "0"},
        reverse("organisasi:pengguna_reset_sandi", args=[op]): {},
    }
    for url, data in posts.items():
        for name in ["perencana", "pimpinan", "pemeriksa", "luar"]:
            client.force_login(who[name])
            assert client.post(url, data).status_code == 403, (url, name)
    assert PenugasanPeran.objects.filter(pk=pen.pk).exists()
    assert who["operator.rehsos"].is_active


def test_kelola_leads_each_admin_to_its_scope(client, who, bekasi, dinsos, semarang):
    expected = {
        "admin.bekasi": reverse("organisasi:pemda", args=[bekasi.pk]),
        "admin": reverse("organisasi:opd", args=[dinsos.pk]),
        "luar": reverse("organisasi:opd", args=[semarang["opd"].pk]),
    }
    for name, url in expected.items():
        client.force_login(who[name])
        assert client.get("/kelola/")["Location"] == url
    client.force_login(who["root"])
    html = client.get("/kelola/").content.decode()
    assert "Kota Bekasi" in html and "Kota Semarang" in html and "Tambah Pemda" in html
    client.force_login(who["perencana"])
    assert client.get("/kelola/").status_code == 403


def test_isolation_every_url_with_the_other_pemdas_ids(client, who, semarang):
    """Bekasi's admins (OPD and Pemda) walk every administration URL with Kota Semarang's ids: 403 or 404."""
    ids = {
        "pemda_id": semarang["pemda"].pk,
        "opd_id": semarang["opd"].pk,
        "unit_id": semarang["unit"].pk,
        "user_id": semarang["operator"].pk,
        "penugasan_id": semarang["penugasan"].pk,
    }
    walked = 0
    for route_name, route in _organisasi_routes():
        names = re.findall(r"<int:([a-z_]+)>", route)
        if not names:
            continue
        url = reverse(f"organisasi:{route_name}", kwargs={n: ids[n] for n in names})
        for name in ("admin", "admin.bekasi", "perencana", "pemeriksa"):
            client.force_login(who[name])
            if route_name not in POST_ONLY:
                assert client.get(url).status_code in (403, 404), (url, name)
            assert client.post(url, {"arah": "naik", "aktif": "0", "username": "x", "peran": "admin"}).status_code in (
                403,
                404,
            ), (url, name)
            walked += 1
    assert walked == 4 * 19  # every administration URL that takes an id (19 today)
    semarang["operator"].refresh_from_db()
    assert semarang["operator"].is_active and PenugasanPeran.objects.filter(pk=semarang["penugasan"].pk).exists()


def test_missing_ids_are_404(client, who):
    client.force_login(who["root"])
    for url in (
        "/kelola/pemda/999999/",
        "/kelola/opd/999999/",
        "/kelola/pengguna/999999/",
        "/kelola/unit/999999/ubah/",
    ):
        assert client.get(url).status_code == 404


def test_pemda_page_shows_stage_status_per_year(client, who, bekasi):
    client.force_login(who["admin.bekasi"])
    html = client.get(reverse("organisasi:pemda", args=[bekasi.pk])).content.decode()
    assert "Renja 2026" in html
    # the demo's two stages of Renja 2026 and their status
    assert "Rancangan Akhir RKPD" in html and "Rancangan Akhir" in html
    assert "Dinas Sosial" in html and "Ubah Pemda" not in html  # only the installation admin edits the Pemda


def test_opd_page_shows_who_may_do_what(client, who, dinsos):
    client.force_login(who["admin"])
    html = client.get(reverse("organisasi:opd", args=[dinsos.pk])).content.decode()
    assert "operator.rehsos" in html and "unit Bidang Rehabilitasi Sosial" in html
    assert "mengubah dan menambah sub kegiatan unit kerjanya sendiri" in html
    assert "19660301 199003 1 010" in html  # kepala NIP grouped 8-6-1-3
    assert "Ubah kode/nama" not in html  # the OPD admin does not change the OPD's identity


def test_create_opd_through_the_page(client, who, bekasi):
    client.force_login(who["admin.bekasi"])
    url = reverse("organisasi:opd_create", args=[bekasi.pk])
    bad = client.post(url, {"kode": "1.01.0.00.0.00.01", "nama": "Dinas Pendidikan", "kepala_nip": "123"})
    assert bad.status_code == 400
    assert "harus 8 bagian dipisah titik, tertulis 7" in bad.content.decode()
    ok = client.post(url, {"kode": "1.01.0.00.0.00.01.0000", "nama": "Dinas Pendidikan", "kepala_nip": ""})
    assert ok.status_code == 302
    assert bekasi.perangkat_daerah.get(kode="1.01.0.00.0.00.01.0000").bidang_urusan_daftar == ["1.01"]


def test_new_user_gets_one_time_password_and_must_change_it_at_first_login(client, who, dinsos, django_user_model):
    client.force_login(who["admin"])
    url = reverse("organisasi:opd_pengguna_create", args=[dinsos.pk])
    response = client.post(url, {"username": "sari", "nama_lengkap": "Sari Dewi", "peran": Peran.PIMPINAN})
    assert response.status_code == 200
    sandi = re.search(r'id="sandi-sekali">([^<]+)<', response.content.decode()).group(1)
    assert response["Cache-Control"].startswith("max-age=0")
    client.logout()
    masuk = client.post("/masuk/", {"username": "sari", "password": sandi})
    assert masuk["Location"] == reverse("organisasi:sandi")
    assert client.get("/renja/")["Location"] == reverse("organisasi:sandi")  # nothing else opens first
    weak = client.post(
        reverse("organisasi:sandi"), {"old_password": sandi, "new_password1": "sari", "new_password2": "sari"}
    )
    assert (
        weak.status_code == 400
        and "Kata sandi terlalu pendek. Harus mengandung setidaknya 8 karakter." in weak.content.decode()
    )
    baru = "Kepala-Dinsos-2027"
    done = client.post(
        reverse("organisasi:sandi"), {"old_password": sandi, "new_password1": baru, "new_password2": baru}
    )
    assert done.status_code == 302
    after = client.get("/renja/")
    assert after.status_code in (200, 302) and after.get("Location") != reverse("organisasi:sandi")
    assert django_user_model.objects.get(username="sari").akun.wajib_ganti_sandi is False


def test_admin_without_opd_is_led_to_setup(client, db):
    """A Pemda admin whose Pemda has no OPD yet lands on the setup pages, not on an empty Renja list."""
    pemda = services.pemda_create(actor=None, kode="33.74", nama="Kota Semarang", system=True)
    user = services.user_create(actor=None, username="admin.smg", password="x-Renja-2026!", pemda=pemda)
    services.peran_assign(actor=None, user=user, peran=Peran.ADMIN, pemda=pemda, system=True)
    client.force_login(user)
    assert client.get("/")["Location"] == "/kelola/"
    assert client.get("/kelola/")["Location"] == reverse("organisasi:pemda", args=[pemda.pk])
    html = client.get(reverse("organisasi:pemda", args=[pemda.pk])).content.decode()
    assert "Belum ada perangkat daerah" in html and "Tambah perangkat daerah" in html


def test_planner_home_is_the_dashboard_of_their_opd_with_a_link_to_the_renja_list(client, users, renja2026):
    """Issue 11: every user whose scope is one OPD lands on its dashboard (the newest Renja with a stage in force,
    2026 in the demo), which links to the Renja list; a Pemda-wide user keeps the Renja list."""
    for username in ("perencana", "pimpinan", "operator.rehsos"):
        client.force_login(users[username])
        assert client.get("/")["Location"] == f"/monev/{renja2026.pk}/dasbor/", username
    html = client.get(f"/monev/{renja2026.pk}/dasbor/").content.decode()
    assert 'href="/renja/">Daftar Renja</a>' in html and f'href="/renja/{renja2026.pk}/">Renja 2026</a>' in html


def test_pemda_wide_user_home_stays_the_renja_list(client, bekasi):
    user = services.user_create(actor=None, username="bappeda.bks", password="x-Renja-2026!", pemda=bekasi)
    services.peran_assign(actor=None, user=user, peran=Peran.PEMERIKSA, pemda=bekasi, system=True)
    client.force_login(user)
    assert client.get("/")["Location"] == "/renja/"


WORDS = st.lists(
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp")), min_size=1, max_size=12),
    min_size=1,
    max_size=8,
).map(" ".join)


@given(nama=WORDS, pangkat=WORDS, nip=NIPS)
@hyp_settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_kepala_the_service_accepts_reads_back_and_renders(client, users, dinsos, nama, pangkat, nip):
    before = (dinsos.kepala_nama, dinsos.kepala_pangkat, dinsos.kepala_nip)
    try:
        opd = services.opd_kepala_update(actor=users["admin"], opd=dinsos, nama=nama, pangkat=pangkat, nip=nip)
    except ValidationError as exc:
        # refused (e.g. a pangkat over 80 characters): with a message naming the field, and nothing stored
        assert set(exc.message_dict) <= {"kepala_nama", "kepala_pangkat", "kepala_nip"}
        assert len(nama) > 120 or len(pangkat) > 80
        dinsos.refresh_from_db()
        assert (dinsos.kepala_nama, dinsos.kepala_pangkat, dinsos.kepala_nip) == before
        return
    opd.refresh_from_db()
    assert (opd.kepala_nama, opd.kepala_pangkat, opd.kepala_nip) == (nama, pangkat, nip)
    client.force_login(users["admin"])
    html = client.get(reverse("organisasi:opd", args=[dinsos.pk])).content.decode()
    assert escape(nama) in html and escape(pangkat) in html and opd.kepala_nip_tampil in html


def test_opd_admin_is_not_offered_to_revoke_a_pemda_wide_role(client, who, dinsos, bekasi):
    baru = services.user_register(actor=who["root"], username="bappeda", nama_lengkap="Bappeda", pemda=bekasi)
    pemda_role = services.peran_assign(actor=who["root"], user=baru.user, peran=Peran.PEMERIKSA, pemda=bekasi)
    own = PenugasanPeran.objects.get(user=who["perencana"])
    url = reverse("organisasi:opd", args=[dinsos.pk])
    client.force_login(who["admin"])
    html = client.get(url).content.decode()
    assert "seluruh Kota Bekasi" in html  # shown: the Bappeda reviewer reads this OPD
    assert reverse("organisasi:peran_cabut", args=[pemda_role.pk]) not in html
    assert reverse("organisasi:peran_cabut", args=[own.pk]) in html
    assert client.post(reverse("organisasi:peran_cabut", args=[pemda_role.pk])).status_code == 403
    client.force_login(who["admin.bekasi"])
    assert reverse("organisasi:peran_cabut", args=[pemda_role.pk]) in client.get(url).content.decode()
