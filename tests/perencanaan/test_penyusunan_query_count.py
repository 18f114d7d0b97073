"""The authoring list pages cost the same number of queries for few and for many rows: the Renstra page
(programme table), the Renstra list and the list of rows waiting for a decision."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from renja.perencanaan import services
from renja.perencanaan.models import (
    BarisTertunda,
    Renstra,
    RenstraIndikator,
    RenstraPagu,
    RenstraProgram,
    RenstraTarget,
    Tahap,
)

pytestmark = pytest.mark.django_db


def isi_renstra(renstra: Renstra, n_program: int) -> None:
    for p in range(n_program):
        program = RenstraProgram.objects.create(
            renstra=renstra, level="program", kode=f"1.06.{p + 10:02d}", nama=f"P{p}", urutan=p * 10
        )
        for k in range(3):
            keg = RenstraProgram.objects.create(
                renstra=renstra,
                level="kegiatan",
                kode=f"1.06.{p + 10:02d}.2.{k + 1:02d}",
                nama=f"K{k}",
                parent=program,
                urutan=p * 10 + k + 1,
                unit=renstra.opd.unit_kerja.first(),
            )
            ind = RenstraIndikator.objects.create(program=keg, uraian="Jumlah", satuan="Orang")
            RenstraTarget.objects.bulk_create(
                [RenstraTarget(indikator=ind, tahun=t, nilai=Decimal(t - 2000)) for t in renstra.tahun_list]
            )
            RenstraPagu.objects.bulk_create(
                [RenstraPagu(program=keg, tahun=t, jumlah=Decimal(1_000_000)) for t in renstra.tahun_list]
            )


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_halaman_renstra_konstan(client, dinsos_lain, dinsos_lain_users):
    perencana = dinsos_lain_users["perencana"]
    kecil = services.renstra_create(actor=perencana, opd=dinsos_lain, tahun_awal=2020, tahun_akhir=2024)
    besar = services.renstra_create(actor=perencana, opd=dinsos_lain, tahun_awal=2025, tahun_akhir=2029)
    isi_renstra(kecil, 1)
    isi_renstra(besar, 30)
    client.force_login(perencana)
    q_kecil = queries(client, f"/renja/renstra/{kecil.pk}/")
    q_besar = queries(client, f"/renja/renstra/{besar.pk}/")
    assert q_kecil == q_besar
    page = client.get(f"/renja/renstra/{besar.pk}/").content.decode()
    # 30 programs x 3 kegiatan x Rp 1.000.000 = Rp 90.000.000 a year
    assert page.count("Rp 90.000.000") == 5
    assert queries(client, "/renja/renstra/") <= 8


def test_daftar_tertunda_konstan(client, dinsos_lain, dinsos_lain_users):
    perencana = dinsos_lain_users["perencana"]
    hasil = services.renja_start_empty(actor=perencana, opd=dinsos_lain, tahun=2027)
    client.force_login(perencana)

    def tambah(n):
        BarisTertunda.objects.bulk_create(
            [
                BarisTertunda(
                    tahap=hasil.tahap, level="sub_kegiatan", kode_lama=f"1.06.02.2.01.{i:04d}", nama="x", alasan="x"
                )
                for i in range(n)
            ]
        )

    tambah(2)
    q2 = queries(client, f"/renja/tahap/{hasil.tahap.pk}/tertunda/")
    BarisTertunda.objects.filter(tahap=hasil.tahap).delete()
    tambah(200)
    q200 = queries(client, f"/renja/tahap/{hasil.tahap.pk}/tertunda/")
    assert q2 == q200
    assert Tahap.objects.get(pk=hasil.tahap.pk).tertunda.count() == 200
