"""Renstra 2025-2029 IKU from seed Tabel 3.1 (lines 1053-1061)."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from renja.perencanaan.models import RenstraIndikator


def test_iku_targets_per_year(renja2026):
    ind = RenstraIndikator.objects.get(uraian="Persentase PPKS yang mendapatkan pelayanan kesejahteraan sosial")
    assert {t.tahun: t.nilai for t in ind.target.all()} == {
        2025: Decimal(6),
        2026: Decimal(7),
        2027: Decimal(8),
        2028: Decimal(9),
        2029: Decimal(10),
    }
    assert ind.satuan == "%" and ind.sasaran.tujuan.renstra == renja2026.renstra


def test_renstra_page(client, users, renja2026):
    client.force_login(users["pemeriksa"])
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"/renja/renstra/{renja2026.renstra_id}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Renstra Dinas Sosial Kota Bekasi 2025–2029" in html
    assert "Persentase PSKS yang dibina" in html
    assert len(ctx.captured_queries) <= 12
