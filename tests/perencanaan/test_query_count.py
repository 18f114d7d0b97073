"""The Renja page costs the same number of queries for 10 and for 1,000 sub kegiatan."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from renja.perencanaan.models import Indikator, Level, Pagu, Renja, RenjaRow, SumberDana, Tahap


def make_renja(opd, versi, tahun: int, n_sub: int) -> Renja:
    renja = Renja.objects.create(opd=opd, tahun=tahun, nomenklatur_versi=versi)
    tahap = Tahap.objects.create(renja=renja, jenis="rancangan", urutan=1)
    units = list(opd.unit_kerja.all())
    pad = SumberDana.objects.get(kode="PAD")
    program = RenjaRow.objects.create(tahap=tahap, level=Level.PROGRAM, kode="1.06.04", nama="P", urutan=0)
    kegiatan = RenjaRow.objects.create(
        tahap=tahap, level=Level.KEGIATAN, kode="1.06.04.2.01", nama="K", parent=program, urutan=1
    )
    subs = RenjaRow.objects.bulk_create(
        [
            RenjaRow(
                tahap=tahap,
                level=Level.SUB_KEGIATAN,
                kode=f"1.06.04.2.01.{i:04d}",
                nama=f"S{i}",
                parent=kegiatan,
                urutan=i + 2,
                unit=units[i % len(units)],
            )
            for i in range(n_sub)
        ]
    )
    if any(s.pk is None for s in subs):
        subs = list(RenjaRow.objects.filter(tahap=tahap, level=Level.SUB_KEGIATAN))
    Indikator.objects.bulk_create(
        [Indikator(row=s, uraian="Jumlah", target_nilai=Decimal(5), satuan="Orang") for s in subs]
    )
    Pagu.objects.bulk_create([Pagu(row=s, sumber_dana=pad, jumlah=Decimal(1000)) for s in subs])
    return renja


def page_queries(client, renja) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"/renja/{renja.pk}/")
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


@pytest.mark.parametrize("username", ["perencana", "operator.rehsos"])
def test_renja_page_queries_do_not_grow_with_rows(client, users, renja2026, username):
    small = make_renja(renja2026.opd, renja2026.nomenklatur_versi, 2030, 10)
    large = make_renja(renja2026.opd, renja2026.nomenklatur_versi, 2031, 1000)
    client.force_login(users[username])
    n_small, html_small = page_queries(client, small)
    n_large, html_large = page_queries(client, large)
    assert "Rp 10.000" in html_small  # 10 x Rp 1.000
    assert "Rp 1.000.000" in html_large  # 1.000 x Rp 1.000
    assert n_small == n_large
    assert n_large <= 12
