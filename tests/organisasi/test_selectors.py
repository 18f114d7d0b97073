"""Reads: the OPD a command names (--opd/--pemda), and list pages whose cost does not grow with rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from renja.organisasi import selectors, services
from renja.organisasi.models import Peran
from renja.organisasi.validators import nip_bersih, nip_masalah, nip_tampil
from tests.organisasi.conftest import DINSOS


def test_opd_code_of_one_pemda_needs_no_pemda(dinsos):
    assert selectors.opd_find_for_command(opd=DINSOS) == dinsos
    assert selectors.opd_find_for_command(opd=f" {DINSOS} ", pemda="32.75") == dinsos


def test_ambiguous_opd_code_names_the_pemda_that_have_it(dinsos, semarang):
    with pytest.raises(selectors.OpdTidakDitemukan) as err:
        selectors.opd_find_for_command(opd=DINSOS)
    assert str(err.value) == (
        "Kode perangkat daerah 1.06.0.00.0.00.01.0000 dipakai lebih dari satu Pemda "
        "(32.75 Kota Bekasi; 33.74 Kota Semarang); sebutkan --pemda KODE."
    )
    assert selectors.opd_find_for_command(opd=DINSOS, pemda="33.74") == semarang["opd"]
    assert selectors.opd_find_for_command(opd=DINSOS, pemda="32.75") == dinsos


def test_unknown_opd_or_pemda_is_said(dinsos):
    with pytest.raises(selectors.OpdTidakDitemukan, match="Perangkat daerah dengan kode 1.01.0.00.0.00.01.0000 tidak"):
        selectors.opd_find_for_command(opd="1.01.0.00.0.00.01.0000")
    with pytest.raises(selectors.OpdTidakDitemukan, match="Pemda dengan kode wilayah 35.78 tidak ada"):
        selectors.opd_find_for_command(opd=DINSOS, pemda="35.78")
    with pytest.raises(selectors.OpdTidakDitemukan, match="tidak ada di Pemda 32.75"):
        selectors.opd_find_for_command(opd="1.01.0.00.0.00.01.0000", pemda="32.75")


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_pemda_page_queries_do_not_grow_with_opds(client, root, bekasi):
    client.force_login(root)
    url = reverse("organisasi:pemda", args=[bekasi.pk])
    n1 = _count(client, url)
    for i in range(2, 12):  # ten more OPDs, each with a role holder
        opd = services.opd_create(
            actor=None, pemda=bekasi, kode=f"1.06.0.00.0.00.{i:02d}.0000", nama=f"UPTD {i}", system=True
        )
        u = services.user_create(actor=None, username=f"p{i}", password="x-Renja-2026!", opd=opd)
        services.peran_assign(actor=None, user=u, peran=Peran.PERENCANA, opd=opd, system=True)
    assert _count(client, url) == n1


def test_opd_page_queries_do_not_grow_with_users(client, users, dinsos):
    client.force_login(users["admin"])
    url = reverse("organisasi:opd", args=[dinsos.pk])
    n1 = _count(client, url)
    for i in range(10):
        u = services.user_create(actor=None, username=f"op{i}", password="x-Renja-2026!", opd=dinsos)
        services.peran_assign(
            actor=None, user=u, peran=Peran.OPERATOR, opd=dinsos, unit=dinsos.unit_kerja.first(), system=True
        )
    assert _count(client, url) == n1


NIPS = st.builds(
    lambda y, m, d, ty, tm, g, n: f"{y:04d}{m:02d}{d:02d}{ty:04d}{tm:02d}{g}{n:03d}",
    st.integers(1950, 2005),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(1975, 2030),
    st.integers(1, 12),
    st.sampled_from("12"),
    st.integers(0, 999),
)


@given(nip=NIPS, spaced=st.booleans())
@settings(max_examples=60, deadline=None)
def test_any_accepted_nip_reads_back_as_typed_digits_and_shows_grouped(nip, spaced):
    typed = nip_tampil(nip) if spaced else nip
    assert nip_masalah(typed) is None
    assert nip_bersih(typed) == nip
    assert nip_tampil(nip).replace(" ", "") == nip and [len(p) for p in nip_tampil(nip).split()] == [8, 6, 1, 3]
