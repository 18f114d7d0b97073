"""Evaluation pages: what the tables show on the demo's 2024 Renja, the .xlsx download, who may change the efisiensi
method, and a query count that does not grow with rows."""

import io
from decimal import Decimal

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
    # Renja 2026's stage in force has 51 sub kegiatan, 2024's has 69: the same number of queries, less one: E.81
    # column 6 Rp of 2026 looks for the Renja 2025 of its Renstra 2025-2029 (absent), 2024 opens its Renstra period
    assert len(large.captured_queries) == len(small.captured_queries) - 1


def test_basis_renstra_page_and_entry(client, users, renja2024):
    from renja.kinerja.models import CapaianRenstraAwal

    client.force_login(users["pemeriksa"])
    html = client.get(f"/evaluasi/{renja2024.pk}/basis-renstra/").content.decode()
    assert "1.06.01.2.02.0001" in html and "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN" in html
    assert 'name="target_akhir"' not in html  # read-only for the pemeriksa
    assert (
        client.post(
            f"/evaluasi/{renja2024.pk}/basis-renstra/", {"kode": "1.06.01.2.02.0001", "urutan": "0"}
        ).status_code
        == 403
    )
    client.force_login(users["perencana"])
    html = client.get(f"/evaluasi/{renja2024.pk}/basis-renstra/").content.decode()
    assert 'name="target_akhir"' in html
    assert 'form="basis-1.06.01.2.02.0001-0" name="realisasi"' in html and 'id="basis-1.06.01.2.02.0001-0"' in html
    client.post(
        f"/evaluasi/{renja2024.pk}/basis-renstra/",
        {
            "kode": "1.06.01.2.02.0001",
            "urutan": "0",
            "target_akhir": "1.050",
            "sampai_tahun": "2023",
            "realisasi": "42",
            "target_berikut": "42",
        },
    )
    a = CapaianRenstraAwal.objects.get(opd_id=renja2024.opd_id, kode="1.06.01.2.02.0001", urutan=0)
    assert a.target_akhir_nilai == 1050
    response = client.post(
        f"/evaluasi/{renja2024.pk}/basis-renstra/",
        {"kode": "1.06.01.2.02.0001", "urutan": "0", "target_akhir": "banyak"},
        follow=True,
    )
    assert "Target akhir Renstra 1.06.01.2.02.0001" in response.content.decode()
    a.refresh_from_db()
    assert a.target_akhir_nilai == 1050  # refused whole, nothing half-written
    # E.81 columns 13 and 14 now follow: 42 (2023) + 42 (2024) = 84 of 1.050 = 8,00 %
    xlsx = client.get(f"/evaluasi/{renja2024.pk}/e81/?format=xlsx").content
    ws = load_workbook(io.BytesIO(xlsx)).active
    r = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(row=r, column=3).value).startswith("1.06.01.2.02.0001"))
    assert [ws.cell(row=r, column=c).value for c in (5, 7, 21, 23)] == [1050, 42, 84, 8]


def test_iku_page_shows_the_figures_and_the_perencana_records(client, users, renja2024):
    from renja.kinerja.models import IkuPendukung, RealisasiIku

    client.force_login(users["pimpinan"])
    html = client.get(f"/evaluasi/{renja2024.pk}/iku/").content.decode()
    assert "242,83%" in html and "target 6.266" in html and "12,14%" in html
    assert 'name="jumlah_basis"' not in html
    client.force_login(users["perencana"])
    ikm = RealisasiIku.objects.get(tahun=2024, indikator__uraian="Nilai Indeks Kepuasan Masyarakat (IKM)")
    client.post(
        f"/evaluasi/{renja2024.pk}/iku/",
        {"indikator": ikm.indikator_id, "realisasi": "88,31", "program": "1.06.01"},
    )
    ikm.refresh_from_db()
    assert ikm.nilai == Decimal("88.31")
    assert list(
        IkuPendukung.objects.filter(indikator_id=ikm.indikator_id, tahun=2024).values_list("kode_program", flat=True)
    ) == ["1.06.01"]
    # a bad count is refused whole: neither the value nor the programs change
    response = client.post(
        f"/evaluasi/{renja2024.pk}/iku/",
        {
            "indikator": ikm.indikator_id,
            "realisasi": "90",
            "jumlah_realisasi": "x",
            "jumlah_basis": "10",
            "program": "",
        },
        follow=True,
    )
    assert "bukan angka" in response.content.decode()
    ikm.refresh_from_db()
    assert ikm.nilai == Decimal("88.31")


def test_example_data_is_marked_on_the_evaluation(client, users, renja2026, renja2024):
    client.force_login(users["perencana"])
    assert 'id="data-contoh"' in client.get(f"/evaluasi/{renja2026.pk}/e81/?triwulan=2").content.decode()
    assert 'id="data-contoh"' not in client.get(f"/evaluasi/{renja2024.pk}/e81/").content.decode()


def test_method_b_offered_beside_a_and_c_named_on_the_table(client, users, renja2024):
    """REGULASI.md §7 method B (PMK form), hand-computed on seed Tabel 3.16 baris 787, 1.06.02.2.03.0001: capaian
    100 %, serapan 91,42 % -> E = (1 - 91,42/100) x 100 = 8,58 -> nilai efisiensi = 50 + 8,58/20 x 50 = 71,45."""
    client.force_login(users["perencana"])
    html = client.get(f"/evaluasi/{renja2024.pk}/lkjip/").content.decode()
    assert all(f'<option value="{m}"' in html for m in "ABC")
    client.post(f"/evaluasi/{renja2024.pk}/metode-efisiensi/", {"metode": "B", "kembali": "lkjip"})
    assert PengaturanEvaluasi.objects.get(opd_id=renja2024.opd_id).metode_efisiensi == "B"
    html = client.get(f"/evaluasi/{renja2024.pk}/lkjip/").content.decode()
    assert "Nilai efisiensi (B)" in html and "Metode B (bentuk PMK)" in html
    baris = html[html.index("1.06.02.2.03.0001") :]
    baris = baris[: baris.index("</tr>")]
    assert "91,42%" in baris and "71,45" in baris
    ws = load_workbook(io.BytesIO(client.get(f"/evaluasi/{renja2024.pk}/e81/?format=xlsx").content)).active
    catatan = next(
        ws.cell(row=r, column=5).value for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "Catatan"
    )
    assert "Metode B (bentuk PMK)" in catatan
