"""The setup list pages cost the same number of queries whatever the number of layanan, periods and links."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from renja.ikm import services

pytestmark = pytest.mark.django_db


def _kueri(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_opd_and_periode_pages_do_not_grow_with_rows(client, users, opd, periode, layanan, tautan):
    client.force_login(users["pimpinan"])
    url_opd = reverse("ikm:opd", args=[opd.pk])
    url_periode = reverse("ikm:periode", args=[periode.pk])
    sebelum = (_kueri(client, url_opd), _kueri(client, url_periode))
    tautan_awal = periode.tautan.count()  # REHSOS plus the demo survey's own layanan
    for i in range(5):
        services.layanan_create(actor=users["perencana"], opd=opd, kode=f"L{i}", nama=f"Layanan {i}", populasi=100 + i)
        services.periode_create(
            actor=users["perencana"],
            opd=opd,
            kode=f"P{i}",
            nama=f"Periode {i}",
            mulai=datetime.date(2020 + i, 1, 1),
            selesai=datetime.date(2020 + i, 12, 31),
        )
    services.tautan_buat(actor=users["perencana"], periode=periode)
    assert periode.tautan.count() == tautan_awal + 5
    assert (_kueri(client, url_opd), _kueri(client, url_periode)) == sebelum
