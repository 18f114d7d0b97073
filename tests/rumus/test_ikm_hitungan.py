"""rumus.ikm.nrr_hitungan: the NRR of an unsur from counts per answer equals rumus.ikm.nrr over the answers."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renja.rumus.ikm import nrr, nrr_hitungan


def test_demo_unsur_1_from_counts():
    # 0 x 1 + 2 x 2 + 26 x 3 + 72 x 4 = 370 over 100 answers (renja/demo/data/ikm_2024.yaml)
    assert nrr_hitungan({1: 0, 2: 2, 3: 26, 4: 72}) == Decimal("3.7")


def test_nobody_answered_is_none():
    assert nrr_hitungan({}) is None
    assert nrr_hitungan({1: 0, 2: 0, 3: 0, 4: 0}) is None


@pytest.mark.parametrize("hitungan", [{5: 1}, {0: 1}, {"4": 1}], ids=["lima", "nol", "teks"])
def test_answer_outside_the_scale_is_refused(hitungan):
    with pytest.raises((ValueError, TypeError), match="jawaban SKM"):
        nrr_hitungan(hitungan)


@pytest.mark.parametrize("banyak", [-1, True, 2.0, "3"])
def test_count_must_be_a_whole_number_not_below_zero(banyak):
    with pytest.raises(ValueError, match="jumlah jawaban 3 harus bilangan bulat >= 0"):
        nrr_hitungan({3: banyak})


@given(st.lists(st.integers(min_value=0, max_value=500), min_size=4, max_size=4))
def test_same_as_nrr_over_the_answers(banyak):
    jawaban = [v for v, c in zip((1, 2, 3, 4), banyak, strict=True) for _ in range(c)]
    assert nrr_hitungan(dict(zip((1, 2, 3, 4), banyak, strict=True))) == nrr(jawaban)
