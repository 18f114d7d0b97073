"""Any value the services accept reads back identical and renders the Indonesian way, and parses back from what
the grid shows (the input cell holds the rendered text); anything past the bound is refused with a message and
nothing is stored. The bound lives in one place (services.nilai_problem over AngkaTepatField's limits)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renja.inti.fields import ANGKA_MAKS_EKSKLUSIF
from renja.monev import services
from renja.monev.forms import parse_keuangan, parse_kinerja
from renja.monev.models import RealisasiKeuangan, RealisasiKinerja
from renja.perencanaan.services import PAGU_MAKS
from renja.perencanaan.targets import Target
from renja.rumus.angka import format_angka

pytestmark = pytest.mark.django_db

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

nilai_sah = st.decimals(min_value=0, max_value=ANGKA_MAKS_EKSKLUSIF - Decimal("0.0001"), places=4)


@SETTINGS
@given(nilai=nilai_sah)
def test_every_accepted_kinerja_value_reads_back_and_renders(users, permakanan, nilai):
    ind = permakanan.indikator.get()
    current = RealisasiKinerja.objects.filter(indikator=ind, bulan=6).first()
    services.realisasi_kinerja_record(
        actor=users["operator.rehsos"],
        indikator=ind,
        bulan=6,
        nilai=Target(nilai=nilai),
        expected_version=current.version if current else 0,
    )
    stored = RealisasiKinerja.objects.get(indikator=ind, bulan=6).nilai
    assert stored == nilai
    shown = Target(nilai=stored).tampil()
    assert parse_kinerja(shown, label="uji").nilai == nilai


@SETTINGS
@given(
    nilai=st.one_of(
        st.decimals(min_value=ANGKA_MAKS_EKSKLUSIF, max_value=Decimal(10) ** 20, places=0),
        st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("-0.0001"), places=4),
        st.decimals(min_value=0, max_value=1000, places=6).filter(lambda d: d != d.quantize(Decimal("0.0001"))),
    )
)
def test_values_past_the_bound_are_refused_and_nothing_is_stored(users, permakanan, nilai):
    with pytest.raises(ValidationError):
        services.realisasi_kinerja_record(
            actor=users["operator.rehsos"],
            indikator=permakanan.indikator.get(),
            bulan=5,
            nilai=Target(nilai=nilai),
            expected_version=0,
        )
    assert not RealisasiKinerja.objects.filter(bulan=5).exists()


@SETTINGS
@given(jumlah=st.integers(min_value=0, max_value=int(PAGU_MAKS)))
def test_every_accepted_rupiah_reads_back_and_renders(users, sandang, pad, jumlah):
    current = RealisasiKeuangan.objects.filter(row=sandang, bulan=6).first()
    services.realisasi_keuangan_record(
        actor=users["operator.rehsos"],
        row=sandang,
        sumber_dana_id=pad.pk,
        bulan=6,
        jumlah=Decimal(jumlah),
        expected_version=current.version if current else 0,
    )
    stored = RealisasiKeuangan.objects.get(row=sandang, bulan=6).jumlah
    assert stored == jumlah
    assert parse_keuangan(format_angka(stored), label="uji") == jumlah
