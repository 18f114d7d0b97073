"""The stage in force: the latest ditetapkan stage in the regulation's order; a ditetapkan Perubahan wins."""

import pytest

from renja.monev.selectors import tahap_berlaku
from renja.perencanaan import services as plan

pytestmark = pytest.mark.django_db


def test_demo_stage_in_force_is_rancangan_akhir_rkpd(renja2026, tahap_rkpd):
    # The demo's Rancangan Akhir RKPD is ditetapkan; the later Rancangan Akhir is still a draft.
    assert tahap_berlaku(renja2026) == tahap_rkpd


def test_a_later_ditetapkan_stage_takes_over_and_perubahan_wins(renja2026, tahap_final, users):
    admin = users["admin"]
    plan.tahap_submit(actor=admin, tahap=tahap_final)
    plan.tahap_tetapkan(actor=admin, tahap=tahap_final)
    assert tahap_berlaku(renja2026) == tahap_final
    perubahan = plan.tahap_create(actor=admin, renja=renja2026, jenis="perubahan")
    assert tahap_berlaku(renja2026) == tahap_final  # a draft Perubahan is not in force
    plan.tahap_submit(actor=admin, tahap=perubahan)
    plan.tahap_tetapkan(actor=admin, tahap=perubahan)
    assert tahap_berlaku(renja2026) == perubahan


def test_no_stage_in_force_without_penetapan(renja2026):
    from renja.perencanaan.models import Renja

    kosong = Renja.objects.create(opd=renja2026.opd, tahun=2031, nomenklatur_versi=renja2026.nomenklatur_versi)
    assert tahap_berlaku(kosong) is None
