"""OPD dashboard (issue 11, Build 6) on realisation typed through monev's services up to TW II:

* Penyediaan Permakanan 1.06.04.2.01.0001 (Rehsos): pagu Rp 1.000.000.000, spent 80.000.000 + 120.000.000, 450 + 450
  of 1.800 Orang -> capaian 50,00% (Sangat Rendah, < 51);
* Penyediaan Sandang 1.06.04.2.01.0002 (Rehsos): pagu Rp 100.000.000, spent 20.000.000 + 25.000.000, 100 + 100 of 770
  Orang -> capaian 25,97% (Sangat Rendah).

Program 1.06.04 over its rows with data: pagu 1.100.000.000, realisasi 245.000.000 = 22,27% (245 / 1.100 = 0,22272..).
"""

import json
import re
from decimal import Decimal

import pytest

from renja.inti.notifikasi import notifikasi_kirim
from renja.monev import dasbor, services
from renja.perencanaan.models import Level, RenjaRow
from renja.perencanaan.targets import Target

JUTA = 1_000_000


@pytest.fixture
def realisasi(users, permakanan, sandang, pad):
    perencana = users["perencana"]
    for row, (tw1, tw2), (k1, k2) in (
        (permakanan, (80 * JUTA, 120 * JUTA), (450, 450)),
        (sandang, (20 * JUTA, 25 * JUTA), (100, 100)),
    ):
        for bulan, jumlah in ((3, tw1), (6, tw2)):
            services.realisasi_keuangan_record(
                actor=perencana, row=row, sumber_dana_id=pad.pk, bulan=bulan, jumlah=Decimal(jumlah), expected_version=0
            )
        ind = row.indikator.order_by("urutan").first()
        for bulan, nilai in ((3, k1), (6, k2)):
            services.realisasi_kinerja_record(
                actor=perencana, indikator=ind, bulan=bulan, nilai=Target(nilai=Decimal(nilai)), expected_version=0
            )


def test_figures(users, renja2026, tahap_rkpd, realisasi):
    d = dasbor.dasbor_opd(user=users["pemeriksa"], renja=renja2026, triwulan=2)
    jumlah_sub = RenjaRow.objects.filter(tahap=tahap_rkpd, level=Level.SUB_KEGIATAN).count()
    assert d.realisasi_total == Decimal(245 * JUTA)
    assert d.pagu_total == Decimal(1100 * JUTA)
    assert d.tanpa_data == jumlah_sub - 2
    program = {p.kode: p for p in d.program}
    rehsos = program["1.06.04"]
    assert (rehsos.pagu, rehsos.realisasi, rehsos.berdata) == (Decimal(1100 * JUTA), Decimal(245 * JUTA), 2)
    assert rehsos.serapan.persen_bulat == Decimal("22.27")
    assert program["1.06.01"].realisasi is None  # no realisation typed: belum ada data, not 0
    unit = {u.nama: u for u in d.unit}
    assert unit["Bidang Rehabilitasi Sosial"].realisasi == Decimal(245 * JUTA)
    assert dict((k, n) for k, _, n in d.predikat) == {
        "ST": 0,
        "T": 0,
        "S": 0,
        "R": 0,
        "SR": 2,
        "-": jumlah_sub - 2,
    }
    # Permakanan: linear serapan 40% < 80; Sandang: projected capaian 51,95% < 80 -> both red; the rest have no data
    assert dict((k, n) for k, _, n in d.lampu) == {"merah": 2, "kuning": 0, "hijau": 0, "abu": jumlah_sub - 2}
    assert len(d.belum_mengisi.unit_belum_mengajukan) == len(d.belum_mengisi.unit) > 0


def test_page_charts_carry_the_table_figures(client, users, renja2026, realisasi):
    notifikasi_kirim(penerima=[users["pemeriksa"]], jenis="uji", teks="Realisasi TW II Rehsos diajukan")
    client.force_login(users["pemeriksa"])
    r = client.get(f"/monev/{renja2026.pk}/dasbor/?tw=2")
    assert r.status_code == 200
    html = r.content.decode()
    assert 'id="total-realisasi">Rp 245.000.000<' in html
    assert 'id="total-serapan">22,27%<' in html
    assert "Realisasi TW II Rehsos diajukan" in html
    # the table under the program chart and the chart's data hold the same figures
    baris = re.search(r'<tr data-kode="1.06.04">(.*?)</tr>', html, re.S).group(1)
    assert "Rp 1.100.000.000" in baris and "Rp 245.000.000" in baris and "22,27%" in baris
    data = json.loads(
        re.search(r'<script id="data-dasbor" type="application/json">(.*?)</script>', html, re.S).group(1)
    )
    i = next(i for i, label in enumerate(data["program"]["label"]) if label.startswith("1.06.04 "))
    assert (data["program"]["pagu"][i], data["program"]["realisasi"][i]) == (1_100_000_000, 245_000_000)
    assert data["predikat"]["jumlah"][4] == 2  # Sangat Rendah
    # Chart.js from the project's static files, no inline script or style (Content-Security-Policy)
    assert "/static/chartjs/chart.umd.min.js" in html and "/static/renja/dasbor.js" in html
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert " style=" not in html and "<style" not in html


def test_chartjs_is_vendored():
    from pathlib import Path

    import renja

    static = Path(renja.__file__).parent / "static"
    umd = (static / "chartjs" / "chart.umd.min.js").read_text(encoding="utf-8")
    assert umd.startswith("/*!\n * Chart.js v4.")
    assert (static / "chartjs" / "LICENSE.md").exists()


def test_query_count_does_not_grow_with_rows(client, users, renja2026, realisasi, django_assert_max_num_queries):
    client.force_login(users["pemeriksa"])
    with django_assert_max_num_queries(60):
        assert client.get(f"/monev/{renja2026.pk}/dasbor/?tw=2").status_code == 200


def test_home_is_the_dashboard_for_an_operator(client, users, renja2026):
    client.force_login(users["operator.rehsos"])
    assert client.get("/").url == f"/monev/{renja2026.pk}/dasbor/"
    client.force_login(users["perencana"])  # one OPD too: the dashboard is every OPD user's home
    assert client.get("/").url == f"/monev/{renja2026.pk}/dasbor/"
    r = client.get("/monev/dasbor/")
    assert r.status_code == 302  # one OPD: straight to its newest Renja with a stage in force
    assert r.url == f"/monev/{renja2026.pk}/dasbor/"


def test_dashboard_refused_outside_the_opd(client, renja2026, django_user_model):
    client.force_login(django_user_model.objects.create_user(username="tamu", password="x-Renja-2026!"))
    assert client.get(f"/monev/{renja2026.pk}/dasbor/").status_code in (403, 404)
