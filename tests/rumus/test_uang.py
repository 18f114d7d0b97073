"""renja.rumus.uang: Decimal basics and the one rounding rule (half-up).

Source of the rounding rule: Indonesian financial documents round half up ("dibulatkan"); the seed
prints 27.935.447.177 / 31.132.479.236 = 89,7308...% as 89,73%.
"""

from decimal import ROUND_DOWN, Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renja.rumus import parameter
from renja.rumus.uang import (
    SEN_PER_RUPIAH,
    bagi,
    bulatkan,
    dari_sen,
    jumlah,
    ke_decimal,
    ke_sen,
)

desimal = st.decimals(min_value=-(10**15), max_value=10**15, allow_nan=False, allow_infinity=False, places=6)


def test_sen_per_rupiah_is_100_from_parameter():
    """UU 7/2011: one rupiah is 100 sen; the value lives in renja.rumus.parameter."""
    assert SEN_PER_RUPIAH == 100
    assert SEN_PER_RUPIAH is parameter.SEN_PER_RUPIAH.nilai


@pytest.mark.parametrize(
    ("nilai", "tempat", "hasil"),
    [
        ("2.675", 2, "2.68"),
        ("2.665", 2, "2.67"),  # half-even would give 2.66
        ("0.5", 0, "1"),
        ("1.5", 0, "2"),
        ("-2.5", 0, "-3"),  # half away from zero
        ("1.005", 2, "1.01"),
        ("89.73087869178399281146155102", 2, "89.73"),  # seed: 89,73%
        ("242.8343440791573571656559208", 2, "242.83"),  # issue 3: 15.216 / 6.266
    ],
)
def test_bulatkan_rounds_half_up(nilai, tempat, hasil):
    assert bulatkan(Decimal(nilai), tempat) == Decimal(hasil)


def test_bulatkan_result_has_exactly_the_requested_places():
    assert str(bulatkan(1, 2)) == "1.00"


def test_bulatkan_accepts_int_and_machine_string():
    assert bulatkan(7) == Decimal(7)
    assert bulatkan("7.45", 1) == Decimal("7.5")


def test_bulatkan_never_returns_negative_zero():
    assert str(bulatkan("-0.4")) == "0"


@pytest.mark.parametrize("nilai", [0.1, 1.0, True, None, [1]])
def test_bulatkan_rejects_float_bool_and_non_numbers(nilai):
    with pytest.raises(TypeError):
        bulatkan(nilai)


def test_float_rejection_says_floats_are_not_money():
    with pytest.raises(TypeError, match="float bukan uang"):
        ke_decimal(0.1)


@pytest.mark.parametrize("teks", ["1.000,00", "1e3", " 1", "NaN", "", "1.", "Rp 5"])
def test_strings_must_be_machine_decimal_literals(teks):
    with pytest.raises(ValueError, match="literal desimal mesin"):
        bulatkan(teks)


@pytest.mark.parametrize("nilai", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_non_finite_decimals_are_rejected(nilai):
    with pytest.raises(ValueError, match="terhingga"):
        bulatkan(nilai)


def test_bulatkan_rejects_negative_places():
    with pytest.raises(ValueError, match="tidak boleh negatif"):
        bulatkan(1, -3)


@pytest.mark.parametrize("tempat", [1.0, True, "2"])
def test_bulatkan_rejects_non_int_places(tempat):
    with pytest.raises(TypeError):
        bulatkan(1, tempat)


def test_results_do_not_depend_on_the_callers_decimal_context():
    with localcontext() as ctx:
        ctx.prec = 5
        ctx.rounding = ROUND_DOWN
        assert bulatkan("123456.785", 2) == Decimal("123456.79")
        assert len(bagi(1, 3).as_tuple().digits) == 34


def test_bagi_by_zero_raises_zero_division():
    with pytest.raises(ZeroDivisionError):
        bagi(1, 0)


def test_jumlah_sums_exactly_and_empty_is_zero():
    assert jumlah(["1.10", 2, Decimal("0.05")]) == Decimal("3.15")
    assert jumlah([]) == 0


@pytest.mark.parametrize(
    ("rupiah", "sen"),
    [
        ("1.005", 101),
        (1, 100),
        ("-0.005", -1),
        (Decimal("26736518416.00"), 2673651841600),  # seed: total Renja 2026
        ("0.004", 0),
    ],
)
def test_ke_sen_rounds_half_up_to_a_whole_sen(rupiah, sen):
    assert ke_sen(rupiah) == sen


def test_ke_sen_returns_int():
    assert type(ke_sen("1.5")) is int


@pytest.mark.parametrize(
    ("sen", "teks"), [(150, "1.50"), (-5, "-0.05"), (0, "0.00"), (2673651841600, "26736518416.00")]
)
def test_dari_sen_gives_rupiah_with_two_places(sen, teks):
    assert str(dari_sen(sen)) == teks


@pytest.mark.parametrize("sen", [Decimal(1), True, 1.0, "1"])
def test_dari_sen_accepts_only_int(sen):
    with pytest.raises(TypeError):
        dari_sen(sen)


@given(desimal, st.integers(min_value=0, max_value=6))
def test_property_bulatkan_is_idempotent(x, k):
    assert bulatkan(bulatkan(x, k), k) == bulatkan(x, k)


@given(desimal, st.integers(min_value=0, max_value=6))
def test_property_bulatkan_moves_at_most_half_a_unit(x, k):
    assert abs(bulatkan(x, k) - x) <= Decimal("0.5").scaleb(-k)


@given(desimal, desimal, st.integers(min_value=0, max_value=4))
def test_property_bulatkan_is_monotone(x, y, k):
    kecil, besar = sorted((x, y))
    assert bulatkan(kecil, k) <= bulatkan(besar, k)


@given(st.integers(min_value=-(10**17), max_value=10**17))
def test_property_sen_round_trip(sen):
    assert ke_sen(dari_sen(sen)) == sen


@given(desimal)
def test_property_dari_sen_of_ke_sen_is_rounding_to_two_places(x):
    assert dari_sen(ke_sen(x)) == bulatkan(x, 2)
