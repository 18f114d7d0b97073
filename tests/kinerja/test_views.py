"""Evaluation pages: what the tables show on the demo's 2024 Renja, the .xlsx download, who may change the efisiensi
method, and a query count that does not grow with rows."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from renja.kinerja.models import PengaturanEvaluasi
from renja.perencanaan.models import Renja


@pytest.fixture
def renja2024(db):
    return Renja.objects.get(tahun=2024, opd__kode="1.06.0.00.0.00.01.0000")


def test_e81_page_shows_computed_figures_and_names_rows_without_data(client, users, renja2024):
    client.force_login(users["pemeriksa"])
    html = client.get(f"/evaluasi/{renja2024.pk}/e81/").content.decode()
    assert "Rp 4.259.258.784" in html  # Program Rehabilitasi Sosial, Tabel 3.9 baris 578
    assert "91,53%" in html
    assert "Rp 3.115.335.900" in html  # Tabel 3.16's program, computed (printed 4.103.700.625)
    assert "4.103.700.625" not in html
    assert "129,36%" in html and "1.06.02.2.03.0003" in html
    assert "<strong>21</strong> sub kegiatan berdata" in html
    assert "<strong>48</strong> sub kegiatan belum ada data" in html
    assert "Penyediaan Gaji dan Tunjangan ASN" in html
    assert "Metode A" in html
    assert 'action="/evaluasi/' not in html  # the pemeriksa is not offered the method form


def test_e81_xlsx_download(client, users, renja2024):
    client.force_login(users["perencana"])
    response = client.get(f"/evaluasi/{renja2024.pk}/e81/?triwulan=4&format=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws.title == "E.81"


def test_lkjip_page(client, users, renja2024):
    client.force_login(users["pimpinan"])
    html = client.get(f"/evaluasi/{renja2024.pk}/lkjip/").content.decode()
    assert "242,83%" in html  # 15.216 / 6.266 (IKU PPKS binaan mandiri)
    assert "Rp 8.915.908.979" in html and "92,83%" in html  # Tabel 3.9 total
    assert client.get(f"/evaluasi/{renja2024.pk}/tc29/").status_code == 200


def test_only_the_perencana_sets_the_efisiensi_method(client, users, renja2024):
    client.force_login(users["operator.rehsos"])
    assert client.post(f"/evaluasi/{renja2024.pk}/metode-efisiensi/", {"metode": "C"}).status_code == 403
    assert not PengaturanEvaluasi.objects.filter(opd_id=renja2024.opd_id).exists()
    client.force_login(users["perencana"])
    client.post(f"/evaluasi/{renja2024.pk}/metode-efisiensi/", {"metode": "C", "kembali": "lkjip"})
    assert PengaturanEvaluasi.objects.get(opd_id=renja2024.opd_id).metode_efisiensi == "C"
    html = client.get(f"/evaluasi/{renja2024.pk}/lkjip/").content.decode()
    assert "Metode C" in html and "8,58" in html  # 100 - 91,42 (Tabel 3.16 baris 787)


def test_bad_triwulan_is_404(client, users, renja2024):
    client.force_login(users["perencana"])
    assert client.get(f"/evaluasi/{renja2024.pk}/e81/?triwulan=5").status_code == 404


def test_query_count_constant_in_rows(client, users, renja2024, renja2026):
    client.force_login(users["perencana"])
    client.get(f"/evaluasi/{renja2026.pk}/e81/")  # warm the session and role caches
    with CaptureQueriesContext(connection) as small:
        client.get(f"/evaluasi/{renja2026.pk}/e81/")
    with CaptureQueriesContext(connection) as large:
        client.get(f"/evaluasi/{renja2024.pk}/e81/")
    # Renja 2026's stage in force has 51 sub kegiatan, 2024's has 69: the same number of queries
    assert len(large.captured_queries) == len(small.captured_queries)
