"""Authoring pages over HTTP (issue 10 Build 3-5): a perencana starts Renja 2027, adds a program, a kegiatan and
a sub kegiatan picked from the nomenclature; who may not is refused; and everything of one Pemda is closed to the
users of another Pemda whose OPD has the same code (acceptance: "refuses ... everyone outside the OPD for
authoring. An isolation test walks every URL with the other Pemda's ids")."""

from decimal import Decimal

import pytest
from django.urls import reverse

from renja.inti.models import AuditEvent
from renja.perencanaan import services
from renja.perencanaan.models import BarisTertunda, Level, Renja, RenjaRow, Renstra
from renja.perencanaan.selectors import renja_tree
from renja.perencanaan.services import IndikatorInput, RenstraIndikatorInput, RenstraProgramInput, RowInput
from renja.perencanaan.targets import Target

pytestmark = pytest.mark.django_db


def indikator_post(prefix="indikator", rows=()):
    data = {f"{prefix}-TOTAL_FORMS": str(max(1, len(rows))), f"{prefix}-INITIAL_FORMS": "0"}
    for n, (uraian, target, satuan) in enumerate(rows):
        data.update({f"{prefix}-{n}-uraian": uraian, f"{prefix}-{n}-target": target, f"{prefix}-{n}-satuan": satuan})
    return data


def test_perencana_menyusun_renja_2027_dari_kosong(client, dinsos_lain, dinsos_lain_users):
    client.force_login(dinsos_lain_users["perencana"])
    assert client.get("/renja/baru/").status_code == 200
    r = client.post(
        "/renja/baru/", {"opd": dinsos_lain.pk, "tahun": "2027", "cara": "kosong", "jenis": "rancangan_awal"}
    )
    renja = Renja.objects.get(opd=dinsos_lain, tahun=2027)
    tahap = renja.tahap.get()
    assert r.status_code == 302 and r["Location"] == f"/renja/{renja.pk}/?tahap={tahap.pk}"
    page = client.get(r["Location"]).content.decode()
    assert "Tambah program" in page

    # search as you type: kegiatan codes under 1.06.04, as the OPD writes them
    opsi = client.get(f"/renja/tahap/{tahap.pk}/kode/?tingkat=program&kode=rehabilitasi").content.decode()
    assert '<option value="1.06.04">1.06.04 PROGRAM REHABILITASI SOSIAL</option>' in opsi
    opsi = client.get(f"/renja/tahap/{tahap.pk}/kode/?tingkat=program&q=1.03").content.decode()
    assert "<option" not in opsi  # PUPR's bidang is not this OPD's

    r = client.post(
        f"/renja/tahap/{tahap.pk}/program/baru/",
        {"kode": "1.06.04", "nama": "", "kelompok_sasaran": "PPKS Kabupaten Bekasi"}
        | indikator_post(rows=[("Persentase PPKS yang tertangani", "80", "%")]),
    )
    assert r.status_code == 302, r.content.decode()
    program = RenjaRow.objects.get(tahap=tahap, kode="1.06.04")
    assert (program.nama, program.kelompok_sasaran) == ("PROGRAM REHABILITASI SOSIAL", "PPKS Kabupaten Bekasi")
    r = client.post(
        f"/renja/baris/{program.pk}/kegiatan/baru/",
        {"kode": "1.06.04.2.01", "pagu_indikatif": "2.000.000.000", "prioritas_daerah": "Bekasi Sejahtera"}
        | indikator_post(rows=[("Jumlah PPKS yang mendapat layanan", "1.200", "Orang")]),
    )
    assert r.status_code == 302, r.content.decode()
    kegiatan = RenjaRow.objects.get(tahap=tahap, kode="1.06.04.2.01")
    assert kegiatan.pagu_indikatif == Decimal(2_000_000_000) and kegiatan.prioritas_daerah == "Bekasi Sejahtera"
    assert [(i.target_nilai, i.satuan) for i in kegiatan.indikator.all()] == [(Decimal(1200), "Orang")]
    sekretariat = dinsos_lain.unit_kerja.get(kode="sekretariat")
    r = client.post(
        f"/renja/baris/{kegiatan.pk}/tambah/",
        {"kode": "1.06.04.2.01.0001", "unit": sekretariat.pk}
        | indikator_post(rows=[("Jumlah orang", "500", "Orang")])
        | {
            "pagu-TOTAL_FORMS": "1",
            "pagu-INITIAL_FORMS": "0",
            "pagu-0-sumber_dana": "PAD",
            "pagu-0-jumlah": "1.500.000.000",
        },
    )
    assert r.status_code == 302, r.content.decode()
    assert renja_tree(tahap=tahap).total_pagu == Decimal(1_500_000_000)
    # a code outside the OPD's bidang is refused with the field named
    r = client.post(f"/renja/tahap/{tahap.pk}/program/baru/", {"kode": "1.03.02"} | indikator_post())
    assert r.status_code == 400
    assert "Kode: Kode &#x27;1.03.02&#x27; berada di bidang urusan 1.03, di luar bidang urusan" in r.content.decode()
    # edit: code of a program with kegiatan cannot change
    r = client.post(
        f"/renja/baris/{program.pk}/struktur/",
        {"version": program.version, "kode": "1.06.05"} | indikator_post(),
    )
    assert r.status_code == 400 and "tidak dapat diubah selama ada baris di bawahnya" in r.content.decode()
    assert AuditEvent.objects.filter(action="row_create", scope=str(dinsos_lain.pk)).count() == 3


def test_pindah_baris_dan_pptk(client, dinsos_lain, dinsos_lain_users):
    perencana = dinsos_lain_users["perencana"]
    hasil = services.renja_start_empty(actor=perencana, opd=dinsos_lain, tahun=2027)
    for kode in ("1.06.04", "1.06.05", "1.06.06"):
        services.row_create(actor=perencana, tahap=hasil.tahap, level=Level.PROGRAM, data=RowInput(kode=kode, nama=""))
    client.force_login(perencana)
    p3 = RenjaRow.objects.get(tahap=hasil.tahap, kode="1.06.06")
    assert client.post(f"/renja/baris/{p3.pk}/pindah/", {"arah": "naik"}).status_code == 302
    assert [n.row.kode for n in renja_tree(tahap=hasil.tahap).programs] == ["1.06.04", "1.06.06", "1.06.05"]
    client.post(f"/renja/baris/{p3.pk}/pindah/", {"arah": "naik"})
    r = client.post(f"/renja/baris/{p3.pk}/pindah/", {"arah": "naik"}, follow=True)
    assert "sudah di posisi teratas" in r.content.decode()
    assert [n.row.kode for n in renja_tree(tahap=hasil.tahap).programs] == ["1.06.06", "1.06.04", "1.06.05"]

    keg = services.row_create(
        actor=perencana,
        tahap=hasil.tahap,
        level=Level.KEGIATAN,
        parent=RenjaRow.objects.get(tahap=hasil.tahap, kode="1.06.04"),
        data=RowInput(kode="1.06.04.2.01", nama=""),
    )
    sub = services.row_create(
        actor=perencana,
        tahap=hasil.tahap,
        level=Level.SUB_KEGIATAN,
        parent=keg,
        data=RowInput(
            kode="1.06.04.2.01.0001",
            nama="",
            unit=dinsos_lain.unit_kerja.get(kode="sekretariat"),
            indikator=[IndikatorInput(uraian="Jumlah orang", target=Target(nilai=Decimal(5)), satuan="Orang")],
        ),
    )
    pimpinan = dinsos_lain_users["pimpinan"]
    page = client.get(f"/renja/baris/{sub.pk}/riwayat/").content.decode()
    assert "Simpan PPTK" in page
    r = client.post(f"/renja/baris/{sub.pk}/pptk/", {"version": sub.version, "pptk": pimpinan.pk})
    assert r.status_code == 302
    sub.refresh_from_db()
    assert sub.pptk == pimpinan and sub.version == 2
    # a user of another OPD cannot be named
    from django.contrib.auth import get_user_model

    orang_lain = get_user_model().objects.get(username="operator.rehsos")
    r = client.post(f"/renja/baris/{sub.pk}/pptk/", {"version": sub.version, "pptk": orang_lain.pk}, follow=True)
    assert "PPTK: Masukkan pilihan yang valid." in r.content.decode()
    sub.refresh_from_db()
    assert sub.pptk == pimpinan


def test_peran_baca_tidak_ditawari_dan_ditolak(client, dinsos_lain, dinsos_lain_users):
    hasil = services.renja_start_empty(actor=dinsos_lain_users["perencana"], opd=dinsos_lain, tahun=2027)
    client.force_login(dinsos_lain_users["pimpinan"])
    assert client.get("/renja/baru/").status_code == 403
    assert client.get(f"/renja/tahap/{hasil.tahap.pk}/program/baru/").status_code == 403
    page = client.get(f"/renja/{hasil.renja.pk}/").content.decode()
    assert "Tambah program" not in page and "Renja tahun lain" not in page


def test_renstra_lewat_halaman(client, dinsos_lain, dinsos_lain_users):
    client.force_login(dinsos_lain_users["perencana"])
    r = client.post("/renja/renstra/baru/", {"opd": dinsos_lain.pk, "tahun_awal": "2025", "tahun_akhir": "2029"})
    renstra = Renstra.objects.get(opd=dinsos_lain)
    assert r["Location"] == f"/renja/renstra/{renstra.pk}/"
    r = client.post(
        f"/renja/renstra/{renstra.pk}/tujuan/baru/", {"kode": "T1", "uraian": "Terwujudnya keberfungsian PPKS"}
    )
    tujuan = renstra.tujuan.get()
    r = client.post(
        f"/renja/renstra/{renstra.pk}/indikator/baru/?tujuan={tujuan.pk}",
        {
            "uraian": "Persentase PPKS yang terlayani",
            "satuan": "%",
            "polaritas": "naik",
            "kondisi_awal": "5",
            "target_2025": "6",
            "target_2026": "7",
            "target_2027": "8",
            "target_2028": "9",
            "target_2029": "10",
        },
    )
    assert r.status_code == 302
    r = client.post(f"/renja/renstra/{renstra.pk}/program/baru/", {"kode": "1.06.04"})
    program = renstra.program.get()
    r = client.post(
        f"/renja/renstra/{renstra.pk}/program/baru/?parent={program.pk}",
        {"kode": "1.06.04.2.01", "pagu_2027": "1.250.000.000", "pagu_2028": "x"},
    )
    assert r.status_code == 400
    assert "Pagu indikatif 2028: &#x27;x&#x27; bukan jumlah Rupiah yang sah" in r.content.decode()
    client.post(
        f"/renja/renstra/{renstra.pk}/program/baru/?parent={program.pk}",
        {"kode": "1.06.04.2.01", "pagu_2027": "1.250.000.000"},
    )
    page = client.get(f"/renja/renstra/{renstra.pk}/").content.decode()
    assert "Persentase PPKS yang terlayani" in page and "Rp 1.250.000.000" in page
    assert page.count("Rp 1.250.000.000") == 3  # kegiatan, program (sum), total
    client.force_login(dinsos_lain_users["pimpinan"])
    assert "Tetapkan Renstra" in client.get(f"/renja/renstra/{renstra.pk}/").content.decode()
    client.post(f"/renja/renstra/{renstra.pk}/tetapkan/")
    renstra.refresh_from_db()
    assert renstra.status == "ditetapkan"
    client.force_login(dinsos_lain_users["perencana"])
    assert client.get(f"/renja/renstra/{renstra.pk}/tujuan/baru/").status_code == 403
    page = client.get(f"/renja/renstra/{renstra.pk}/").content.decode()
    assert "Tambah tujuan" not in page and "sudah ditetapkan dan terkunci" in page


# --- isolation: every authoring URL with the other Pemda's ids -----------------------------------------


@pytest.fixture
def kabupaten(dinsos_lain, dinsos_lain_users):
    """Everything authoring creates, in Kabupaten Bekasi's Dinas Sosial (same OPD code as Kota Bekasi's)."""
    perencana = dinsos_lain_users["perencana"]
    renstra = services.renstra_create(actor=perencana, opd=dinsos_lain, tahun_awal=2025, tahun_akhir=2029)
    tujuan = services.renstra_tujuan_save(actor=perencana, renstra=renstra, kode="T1", uraian="Tujuan")
    sasaran = services.renstra_sasaran_save(actor=perencana, tujuan=tujuan, kode="S1", uraian="Sasaran")
    indikator = services.renstra_indikator_save(
        actor=perencana, renstra=renstra, sasaran=sasaran, data=RenstraIndikatorInput(uraian="IKU", satuan="%")
    )
    rprogram = services.renstra_program_save(actor=perencana, renstra=renstra, data=RenstraProgramInput(kode="1.06.04"))
    hasil = services.renja_start_empty(actor=perencana, opd=dinsos_lain, tahun=2027)
    program = services.row_create(
        actor=perencana, tahap=hasil.tahap, level=Level.PROGRAM, data=RowInput(kode="1.06.04", nama="")
    )
    kegiatan = services.row_create(
        actor=perencana,
        tahap=hasil.tahap,
        level=Level.KEGIATAN,
        parent=program,
        data=RowInput(kode="1.06.04.2.01", nama=""),
    )
    sub = services.row_create(
        actor=perencana,
        tahap=hasil.tahap,
        level=Level.SUB_KEGIATAN,
        parent=kegiatan,
        data=RowInput(
            kode="1.06.04.2.01.0001",
            nama="",
            unit=dinsos_lain.unit_kerja.get(kode="sekretariat"),
            indikator=[IndikatorInput(uraian="x", target=Target(nilai=Decimal(1)), satuan="Orang")],
        ),
    )
    tertunda = BarisTertunda.objects.create(
        tahap=hasil.tahap, level="sub_kegiatan", kode_lama="1.06.02.2.01.0001", nama="x", alasan="x"
    )
    return {
        "renstra_id": renstra.pk,
        "tujuan_id": tujuan.pk,
        "sasaran_id": sasaran.pk,
        "indikator_id": indikator.pk,
        "program_id": rprogram.pk,
        "tahap_id": hasil.tahap.pk,
        "parent_id": program.pk,
        "row_id": sub.pk,
        "kegiatan_id": kegiatan.pk,
        "tertunda_id": tertunda.pk,
    }


# url name -> kwargs (from the fixture's keys)
AUTHORING_URLS = {
    "program_create": {"tahap_id"},
    "kode_pilihan": {"tahap_id"},
    "tertunda_list": {"tahap_id"},
    "tertunda_decide": {"tertunda_id"},
    "kegiatan_create": {"parent_id"},
    "struktur_edit": {"row_id:kegiatan_id"},
    "row_move": {"row_id"},
    "row_pptk": {"row_id"},
    "renstra": {"renstra_id"},
    "renstra_tetapkan": {"renstra_id"},
    "renstra_kode": {"renstra_id"},
    "renstra_tujuan_create": {"renstra_id"},
    "renstra_tujuan_edit": {"tujuan_id"},
    "renstra_sasaran_create": {"tujuan_id"},
    "renstra_sasaran_edit": {"sasaran_id"},
    "renstra_indikator_create": {"renstra_id"},
    "renstra_indikator_edit": {"indikator_id"},
    "renstra_program_create": {"renstra_id"},
    "renstra_program_edit": {"program_id"},
    "renstra_tujuan_delete": {"item_id:tujuan_id"},
    "renstra_sasaran_delete": {"item_id:sasaran_id"},
    "renstra_indikator_delete": {"item_id:indikator_id"},
    "renstra_program_delete": {"item_id:program_id"},
}


def _url(name: str, ids: dict) -> str:
    kwargs = {}
    for spec in AUTHORING_URLS[name]:
        key, _, source = spec.partition(":")
        kwargs[key] = ids[source or key]
    return reverse(f"perencanaan:{name}", kwargs=kwargs)


def test_setiap_url_penyusunan_ada_di_daftar_isolasi():
    from renja.perencanaan import urls, views_penyusunan

    names = {p.name for p in urls.urlpatterns if p.callback.__module__ == views_penyusunan.__name__}
    assert names - {"renja_start", "renstra_list", "renstra_create"} == set(AUTHORING_URLS) - {"renstra"}


@pytest.mark.parametrize("username", ["perencana", "admin", "pimpinan", "pemeriksa", "operator.rehsos"])
def test_pemda_lain_ditolak_di_setiap_url(client, users, kabupaten, username):
    """Kota Bekasi's users (OPD code 1.06.0.00.0.00.01.0000, like Kabupaten Bekasi's) get 403 everywhere."""
    client.force_login(users[username])
    before = AuditEvent.objects.count()
    for name in AUTHORING_URLS:
        url = _url(name, kabupaten)
        for method in ("get", "post"):
            status = getattr(client, method)(
                url, {"arah": "naik", "catatan": "x", "kode": "T9", "uraian": "x"}
            ).status_code
            assert status in (403, 405), (username, name, method, status)
    assert AuditEvent.objects.count() == before
    # the create forms offer only the user's own OPD: posting the other Pemda's is refused, nothing created
    r = client.post("/renja/baru/", {"opd": kabupaten_opd_id(kabupaten), "tahun": "2030", "cara": "kosong"})
    assert r.status_code in (400, 403)
    assert not Renja.objects.filter(tahun=2030).exists()
    page = client.get("/renja/renstra/").content.decode()
    assert f"/renja/renstra/{kabupaten['renstra_id']}/" not in page


def kabupaten_opd_id(ids: dict) -> int:
    return Renstra.objects.get(pk=ids["renstra_id"]).opd_id


def test_opd_lain_sepemda_ditolak_di_setiap_url(client, kabupaten, pupr_users):
    """Dinas PUPR's perencana works in the same Pemda (Kabupaten Bekasi) but not in its Dinas Sosial."""
    client.force_login(pupr_users["perencana"])
    for name in AUTHORING_URLS:
        url = _url(name, kabupaten)
        for method in ("get", "post"):
            status = getattr(client, method)(url, {"arah": "naik", "kode": "T9", "uraian": "x"}).status_code
            assert status in (403, 405), (name, method, status)


BACA_SAJA = {"renstra", "kode_pilihan", "renstra_kode", "tertunda_list"}


@pytest.mark.parametrize("peran", ["pimpinan", "pemeriksa", "operator"])
def test_peran_dalam_opd_tanpa_hak_menyusun_ditolak(client, kabupaten, dinsos_lain_users, peran):
    """Inside the OPD, only the perencana (and admin) authors; the pimpinan only sets (tetapkan)."""
    client.force_login(dinsos_lain_users[peran])
    before = AuditEvent.objects.count()
    for name in set(AUTHORING_URLS) - BACA_SAJA - {"row_move", "row_pptk"}:
        if peran == "pimpinan" and name == "renstra_tetapkan":
            continue
        url = _url(name, kabupaten)
        for method in ("get", "post"):
            status = getattr(client, method)(url, {"arah": "naik", "kode": "T9", "uraian": "x"}).status_code
            assert status in (403, 405), (peran, name, method, status)
    for name in BACA_SAJA:
        assert client.get(_url(name, kabupaten)).status_code == 200, (peran, name)
    # the operator's own sub kegiatan (unit Sekretariat) may be moved and given a PPTK; nobody else's
    for name in ("row_move", "row_pptk"):
        status = client.post(_url(name, kabupaten), {"arah": "naik"}).status_code
        assert status == (302 if peran == "operator" else 403), (peran, name, status)
    assert AuditEvent.objects.count() == before
