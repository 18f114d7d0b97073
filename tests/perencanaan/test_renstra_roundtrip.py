"""Renstra targets and pagu indikatif, as a property: any value the Renstra services accept reads back identical,
renders on the Renstra page as typed, and carries unchanged into a Renja started from the Renstra (the year's
target on the kegiatan's indicator, the year's pagu indikatif as its ceiling), shown on the Renja page.

Targets: numbers below 10^14 with up to 4 decimals, or a grade (renja.perencanaan.targets). Pagu indikatif:
whole Rupiah up to PAGU_MAKS (what terbilang can write)."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from renja.inti.format import angka_ringkas
from renja.perencanaan import services
from renja.perencanaan.models import RenjaRow, Renstra
from renja.perencanaan.services import PAGU_MAKS, RenstraIndikatorInput, RenstraProgramInput
from renja.perencanaan.targets import GRADE_SAH, Target
from renja.rumus.angka import format_rupiah

OPD = "1.06.0.00.0.00.01.0000"


@st.composite
def angka_target(draw) -> Decimal:
    desimal = draw(st.integers(0, 4))
    n = draw(st.integers(0, 10 ** (14 + desimal) - 1))
    return Decimal(n).scaleb(-desimal)


targets = st.one_of(
    angka_target().map(lambda n: Target(nilai=n)), st.sampled_from(GRADE_SAH).map(lambda g: Target(grade=g))
)


def shown(target: Target) -> str:
    return target.grade or angka_ringkas(target.nilai)


class TestRenstraValuesReadBackAndCarry(TestCase):
    @settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(target=targets, pagu=st.integers(0, int(PAGU_MAKS)))
    @example(target=Target(nilai=Decimal("99999999999999.9999")), pagu=int(PAGU_MAKS))
    @example(target=Target(grade="BB"), pagu=0)
    def test_round_trip(self, target, pagu):
        perencana = get_user_model().objects.get(username="perencana")
        renstra = Renstra.objects.select_related("opd").get(opd__pemda__kode="32.75", opd__kode=OPD, tahun_awal=2025)
        program = services.renstra_program_save(
            actor=perencana, renstra=renstra, data=RenstraProgramInput(kode="1.06.04")
        )
        kegiatan = services.renstra_program_save(
            actor=perencana,
            renstra=renstra,
            parent=program,
            data=RenstraProgramInput(kode="1.06.04.2.01", pagu={2027: Decimal(pagu)}),
        )
        services.renstra_indikator_save(
            actor=perencana,
            renstra=renstra,
            program=kegiatan,
            data=RenstraIndikatorInput(uraian="Indikator uji", satuan="Orang", target={2027: target}),
        )
        stored = kegiatan.indikator.get().target.get(tahun=2027)
        assert (stored.nilai, stored.grade) == (target.nilai, target.grade)
        assert kegiatan.pagu.get(tahun=2027).jumlah == Decimal(pagu)

        client = Client()
        client.force_login(perencana)
        page = client.get(f"/renja/renstra/{renstra.pk}/").content.decode()
        assert shown(target) in page and format_rupiah(Decimal(pagu)) in page

        hasil = services.renja_start_from_renstra(actor=perencana, renstra=renstra, tahun=2027)
        row = RenjaRow.objects.get(tahap=hasil.tahap, kode="1.06.04.2.01")
        ind = row.indikator.get()
        assert (ind.target_nilai, ind.target_grade, row.pagu_indikatif) == (target.nilai, target.grade, Decimal(pagu))
        page = client.get(f"/renja/{hasil.renja.pk}/").content.decode()
        assert f"pagu indikatif {format_rupiah(Decimal(pagu))}" in page
        assert shown(target) in page
