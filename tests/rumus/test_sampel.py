"""renja.rumus.sampel: Krejcie & Morgan (1970), the SKM sample size under PermenPANRB 14/2017.

Expected values: REGULASI.md §1.5 (computed with λ² = 3,841, P = Q = 0,5, d = 0,05; they match the
published Krejcie-Morgan table except at N = 100.000).
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renja.rumus.sampel import krejcie_morgan


@pytest.mark.parametrize(
    ("populasi", "sampel"),
    [
        (10, 10),
        (20, 19),
        (30, 28),
        (50, 44),
        (100, 80),
        (150, 108),
        (200, 132),
        (300, 169),
        (500, 217),
        (1000, 278),
        (2000, 322),
        (5000, 357),
        (10000, 370),
        (1000000, 384),
    ],
)
def test_krejcie_morgan_table(populasi, sampel):
    assert krejcie_morgan(populasi) == sampel


def test_krejcie_morgan_100000_follows_the_formula_not_the_printed_table():
    """The formula gives 382,63 -> 383; the printed table says 384 (REGULASI.md §1.5)."""
    assert krejcie_morgan(100000) == 383


def test_population_of_one_needs_one_respondent():
    assert krejcie_morgan(1) == 1


@pytest.mark.parametrize("populasi", [0, -5])
def test_population_must_be_positive(populasi):
    with pytest.raises(ValueError, match="paling sedikit 1"):
        krejcie_morgan(populasi)


@pytest.mark.parametrize("populasi", [True, 100.0, "100"])
def test_population_must_be_int(populasi):
    with pytest.raises(TypeError):
        krejcie_morgan(populasi)


@given(st.integers(min_value=1, max_value=10**9))
def test_property_sample_is_between_1_and_the_population_and_at_most_384(n):
    s = krejcie_morgan(n)
    assert 1 <= s <= min(n, 384)
    # a larger population never needs a smaller sample (the formula is increasing in N)
    assert krejcie_morgan(n + 1) >= s


@given(st.integers(min_value=1, max_value=10**7), st.integers(min_value=0, max_value=10**4))
def test_property_sample_grows_with_the_population(n, tambah):
    assert krejcie_morgan(n) <= krejcie_morgan(n + tambah)
