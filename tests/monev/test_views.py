"""The realisation pages over HTTP: what each role is offered, htmx cell saves (Enter), stale saves that keep the
input, the page naming the stage in force, and query counts that do not grow with rows."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from renja.monev import services
from renja.monev.models import RealisasiKinerja
from renja.perencanaan.targets import Target

pytestmark = pytest.mark.django_db


def grid_url(renja, unit, tw=1, mode=""):
    return f"/monev/{renja.pk}/tw/{tw}/unit/{unit.pk}/" + (f"?mode={mode}" if mode else "")


def test_index_lists_the_renja_the_user_may_read(client, users, renja2026):
    client.force_login(users["operator.rehsos"])
    html = client.get("/monev/").content.decode()
    assert f'href="/monev/{renja2026.pk}/"' in html  # 2026; the demo also holds the 2024 Renja
    assert ">2024</a>" in html and ">2026</a>" in html


def test_overview_names_the_stage_in_force_and_offers_actions_per_role(client, users, renja2026):
    client.force_login(users["pimpinan"])
    html = client.get(f"/monev/{renja2026.pk}/").content.decode()
    assert "Tahap yang berlaku: <strong>Rancangan Akhir RKPD</strong>" in html
    assert "Menunggu semua unit diverifikasi" in html
    assert 'name="batas_waktu"' in html
    client.force_login(users["operator.rehsos"])
    html = client.get(f"/monev/{renja2026.pk}/").content.decode()
    assert "Menunggu semua unit" not in html and 'name="batas_waktu"' not in html
    assert "(unit Anda)" in html


def test_operator_grid_offers_inputs_and_submit_for_own_unit_only(client, users, renja2026, units):
    client.force_login(users["operator.rehsos"])
    html = client.get(grid_url(renja2026, units["rehsos"])).content.decode()
    assert html.count('class="isian"') == 24  # 12 sub kegiatan x (1 indikator + 1 keuangan PAD)
    assert "Ajukan untuk diverifikasi" in html
    assert "Tahap yang berlaku: <strong>Rancangan Akhir RKPD</strong>" in html
    assert "triwulan ini" in html
    html = client.get(grid_url(renja2026, units["linjamsos"])).content.decode()
    assert 'class="isian"' not in html and "Ajukan untuk diverifikasi" not in html


def test_month_view_has_three_cells_per_line(client, users, renja2026, units):
    client.force_login(users["operator.rehsos"])
    html = client.get(grid_url(renja2026, units["rehsos"], tw=2, mode="bulan")).content.decode()
    assert html.count('class="isian"') == 72  # 24 lines x April, Mei, Juni
    assert '<th class="num">Mei</th>' in html


@pytest.mark.parametrize("username", ["pemeriksa", "pimpinan"])
def test_readers_see_no_inputs(client, users, renja2026, units, username):
    client.force_login(users[username])
    html = client.get(grid_url(renja2026, units["rehsos"])).content.decode()
    assert 'class="isian"' not in html and "belum ada data" in html


def post_cell(client, renja, **data):
    return client.post(f"/monev/{renja.pk}/tw/1/sel/", data, HTTP_HX_REQUEST="true")


def test_enter_saves_a_cell_and_returns_the_block_with_roll_ups(client, users, renja2026, permakanan):
    client.force_login(users["operator.rehsos"])
    ind = permakanan.indikator.get()
    response = post_cell(client, renja2026, jenis="kinerja", indikator=ind.pk, bulan=3, version=0, nilai="1.250")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith(f'<tbody id="baris-{permakanan.pk}"')
    assert 'value="1.250"' in html
    assert "69,44%" in html  # capaian 1.250 / 1.800
    assert RealisasiKinerja.objects.get(indikator=ind, bulan=3).nilai == 1250


def test_keuangan_cell_above_pagu_is_flagged_on_the_page(client, users, renja2026, sandang, pad):
    client.force_login(users["operator.rehsos"])
    html = post_cell(
        client,
        renja2026,
        jenis="keuangan",
        row=sandang.pk,
        sumber_dana=pad.pk,
        bulan=3,
        version=0,
        nilai="Rp 120.000.000",
    ).content.decode()
    assert "melebihi pagu" in html and "120,00%" in html and "Rp 120.000.000" in html


def test_stale_save_answers_409_keeping_the_typed_value(client, users, renja2026, permakanan):
    ind = permakanan.indikator.get()
    services.realisasi_kinerja_record(
        actor=users["perencana"], indikator=ind, bulan=3, nilai=Target(nilai=Decimal(7)), expected_version=0
    )
    client.force_login(users["operator.rehsos"])
    response = post_cell(client, renja2026, jenis="kinerja", indikator=ind.pk, bulan=3, version=0, nilai="99")
    assert response.status_code == 409
    html = response.content.decode()
    assert 'value="99"' in html  # the user's input stays
    assert "tersimpan sekarang: 7" in html and 'role="alert"' in html
    assert re.search(rf'id="isian-k-{ind.pk}-3"', html)
    assert 'name="version" value="1"' in html  # Enter again overwrites deliberately
    assert RealisasiKinerja.objects.get(indikator=ind, bulan=3).nilai == 7


def test_bad_input_answers_400_with_the_message_beside_the_cell(client, users, renja2026, permakanan):
    client.force_login(users["operator.rehsos"])
    ind = permakanan.indikator.get()
    response = post_cell(client, renja2026, jenis="kinerja", indikator=ind.pk, bulan=3, version=0, nilai="banyak")
    assert response.status_code == 400
    assert "&#x27;banyak&#x27; bukan angka yang sah" in response.content.decode()


def test_cell_of_another_unit_is_refused_with_403(client, users, renja2026, permakanan):
    client.force_login(users["operator.linjamsos"])
    ind = permakanan.indikator.get()
    response = post_cell(client, renja2026, jenis="kinerja", indikator=ind.pk, bulan=3, version=0, nilai="5")
    assert response.status_code == 403 and "operator unit lain" in response.content.decode()
    assert not RealisasiKinerja.objects.exists()


def test_without_htmx_a_save_redirects_back_to_the_grid(client, users, renja2026, units, permakanan):
    client.force_login(users["operator.rehsos"])
    ind = permakanan.indikator.get()
    response = client.post(
        f"/monev/{renja2026.pk}/tw/1/sel/",
        {"jenis": "kinerja", "indikator": ind.pk, "bulan": 3, "version": 0, "nilai": "8"},
    )
    assert response.status_code == 302 and f"/unit/{units['rehsos'].pk}/" in response["Location"]


def test_other_opd_cannot_open_the_pages(client, users, renja2026, units, django_user_model):
    outsider = django_user_model.objects.create_user("luar", password="x-Renja-2026!")
    client.force_login(outsider)
    assert client.get(f"/monev/{renja2026.pk}/").status_code == 403
    assert client.get(grid_url(renja2026, units["rehsos"])).status_code == 403


def test_submit_return_buttons_follow_the_status(client, users, renja2026, units):
    client.force_login(users["operator.rehsos"])
    response = client.post(f"/monev/{renja2026.pk}/tw/1/unit/{units['rehsos'].pk}/ajukan/", follow=True)
    html = response.content.decode()
    assert "diajukan untuk diverifikasi" in html and "Ajukan untuk diverifikasi" not in html
    client.force_login(users["perencana"])
    html = client.get(grid_url(renja2026, units["rehsos"])).content.decode()
    assert "Verifikasi" in html and "Kembalikan dengan catatan" in html
    response = client.post(
        f"/monev/{renja2026.pk}/tw/1/unit/{units['rehsos'].pk}/kembalikan/", {"catatan": ""}, follow=True
    )
    assert "Catatan pengembalian wajib diisi" in response.content.decode()


def test_baris_page_saves_faktor_and_thread(client, users, renja2026, permakanan):
    client.force_login(users["operator.rehsos"])
    url = f"/monev/{renja2026.pk}/tw/1/baris/{permakanan.pk}/"
    response = client.post(
        url,
        {"version": 0, "faktor_pendorong": "Dukungan kelurahan", "faktor_penghambat": "", "tindak_lanjut": "Pendataan"},
        follow=True,
    )
    html = response.content.decode()
    assert "Dukungan kelurahan" in html and "disimpan" in html
    client.post(url + "catatan/", {"teks": "Data penerima dilampirkan."})
    client.force_login(users["perencana"])
    html = client.get(url).content.decode()
    assert "Data penerima dilampirkan." in html and "Operator Bidang Rehsos" in html


def test_grid_queries_do_not_grow_with_rows(client, users, renja2026, units, permakanan, sandang, pad):
    """Rehsos has 12 sub kegiatan, Linjamsos 11, Sekretariat 19: the grid costs the same for each."""
    client.force_login(users["admin"])
    counts = {}
    for kode in ("rehsos", "linjamsos", "sekretariat"):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(grid_url(renja2026, units[kode])).status_code == 200
        counts[kode] = len(ctx.captured_queries)
    assert len(set(counts.values())) == 1, counts
    assert counts["rehsos"] <= 25


def test_program_and_kegiatan_indicators_are_the_perencanas(client, users, renja2026, row_of):
    """Outcome and output indicators (E.81 column 4) have no unit: the perencana types them, the lock applies."""
    program = row_of("1.06.01")  # Persentase Pelayanan Penunjang ..., target 100 %
    ind = program.indikator.get()
    url = f"/monev/{renja2026.pk}/tw/1/program-kegiatan/"
    client.force_login(users["perencana"])
    html = client.get(url).content.decode()
    assert f'id="isian-k-{ind.pk}-3"' in html and "s.d. triwulan ini" in html  # a percentage is a level
    response = post_cell(client, renja2026, jenis="kinerja", indikator=ind.pk, bulan=3, version=0, nilai="97,5")
    assert response.status_code == 200 and "97,50%" in response.content.decode()  # 97,5 / 100
    client.force_login(users["operator.rehsos"])
    assert 'class="isian"' not in client.get(url).content.decode()
    response = post_cell(client, renja2026, jenis="kinerja", indikator=ind.pk, bulan=3, version=1, nilai="99")
    assert response.status_code == 403 and "diisi oleh perencana" in response.content.decode()


def test_grid_shows_no_pagu_as_blank_not_rp_0(client, users):
    """Issue 11: 1.06.01.2.02.0001 (Gaji dan Tunjangan ASN, Sekretariat) has no pagu in the 2024 demo."""
    from renja.organisasi.models import UnitKerja
    from renja.perencanaan.models import Renja

    renja = Renja.objects.get(tahun=2024, opd__kode="1.06.0.00.0.00.01.0000")
    unit = UnitKerja.objects.get(opd=renja.opd, kode="sekretariat")
    client.force_login(users["perencana"])
    html = client.get(f"/monev/{renja.pk}/tw/4/unit/{unit.pk}/").content.decode()
    blok = html[html.index('data-kode="1.06.01.2.02.0001"') :]
    assert "Pagu - (belum ada pagu)" in blok[: blok.index("</tbody>")]
    assert "Pagu Rp 0<" not in html
