"""The seed's Renja 2026 held as data: totals are derived from sub kegiatan pagu, never typed.

Expected figures: seed Tabel 2.19 (lines 858-1000) and BAB IV (lines 1229-1402):
total Rp 26.736.518.416; programs 13.652.995.250 / 2.387.000.000 / 4.962.840.000 / 3.040.000.000 /
1.901.683.166 / 792.000.000 (13.652.995.250 + 2.387.000.000 + 4.962.840.000 + 3.040.000.000 + 1.901.683.166
+ 792.000.000 = 26.736.518.416).
"""

from decimal import Decimal

import pytest

from renja.organisasi import services as org
from renja.organisasi.models import Peran
from renja.perencanaan import services
from renja.perencanaan.models import Renja
from renja.perencanaan.selectors import renja_tree

PROGRAM_TOTALS = {
    "1.06.01": Decimal("13652995250"),
    "1.06.02": Decimal("2387000000"),
    "1.06.04": Decimal("4962840000"),
    "1.06.05": Decimal("3040000000"),
    "1.06.06": Decimal("1901683166"),
    "1.06.07": Decimal("792000000"),
}


@pytest.mark.parametrize("fixture", ["tahap_final", "tahap_rkpd"])
def test_program_totals_match_the_seed(db, request, fixture):
    tree = renja_tree(tahap=request.getfixturevalue(fixture))
    assert {p.row.kode: p.pagu for p in tree.programs} == PROGRAM_TOTALS
    assert tree.total_pagu == Decimal("26736518416")
    assert tree.counts["program"] == 6


def test_kegiatan_total_is_sum_of_sub_kegiatan(tahap_final):
    tree = renja_tree(tahap=tahap_final)
    kegiatan = {k.row.kode: k for p in tree.programs for k in p.children}
    # seed BAB IV line 1249: Administrasi Keuangan = 10.995.008.000 (gaji) + 10.000.000 (laporan keuangan)
    assert kegiatan["1.06.01.2.02"].pagu == Decimal("11005008000")
    # seed line 1373 ff.: Kesiapsiagaan Bencana 50.000.000 + 50.000.000 + 356.572.000 + 100.000.000 + 50.000.000
    assert kegiatan["1.06.06.2.02"].pagu == Decimal("606572000")


def test_unit_filter_keeps_only_that_units_rows(tahap_final, renja2026):
    rehsos = renja2026.opd.unit_kerja.get(kode="rehsos")
    tree = renja_tree(tahap=tahap_final, unit_id=rehsos.pk)
    assert [p.row.kode for p in tree.programs] == ["1.06.04"]
    assert tree.total_pagu == Decimal("4962840000")
    assert all(s.row.unit_id == rehsos.pk for p in tree.programs for k in p.children for s in k.children)


def test_renja_page_shows_seed_totals_to_perencana(client, users, renja2026):
    client.force_login(users["perencana"])
    response = client.get(f"/renja/{renja2026.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rp 26.736.518.416" in html
    for total in [
        "Rp 13.652.995.250",
        "Rp 2.387.000.000",
        "Rp 4.962.840.000",
        "Rp 3.040.000.000",
        "Rp 1.901.683.166",
        "Rp 792.000.000",
    ]:
        assert total in html
    assert "6 program" in html


def test_renja_list_shows_both_demo_years_newest_first(client, users, renja2026):
    renja2024 = Renja.objects.get(opd=renja2026.opd, tahun=2024)
    client.force_login(users["perencana"])
    response = client.get("/renja/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index(f'href="/renja/{renja2026.pk}/">2026</a>') < html.index(f'href="/renja/{renja2024.pk}/">2024</a>')


def test_renja_list_redirects_when_one_renja_is_visible(client, renja2026):
    dinkes = org.opd_upsert(
        actor=None,
        pemda=renja2026.opd.pemda,
        kode="1.02.0.00.0.00.01.0000",
        nama="Dinas Kesehatan",
        bidang_urusan="1.02",
    )
    renja = services.renja_create(actor=None, opd=dinkes, tahun=2026, nomenklatur_versi=renja2026.nomenklatur_versi)
    user = org.user_create(actor=None, username="perencana.dinkes", password="uji-Renja-2026!")
    org.peran_assign(actor=None, user=user, peran=Peran.PERENCANA, opd=dinkes)
    client.force_login(user)
    response = client.get("/renja/")
    assert response.status_code == 302
    assert response["Location"] == f"/renja/{renja.pk}/"


def test_stage_switcher_shows_the_chosen_stage(client, users, renja2026, tahap_rkpd):
    client.force_login(users["pemeriksa"])
    html = client.get(f"/renja/{renja2026.pk}/?tahap={tahap_rkpd.pk}").content.decode()
    assert 'id="status-tahap">Ditetapkan (terkunci)</span>' in html
    # Tabel 2.19 (first) gives Penyediaan Permakanan 1800 Orang; the page formats it the Indonesian way.
    assert "1.800" in html
