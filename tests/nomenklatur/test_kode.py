"""Rules of the code itself (U.BB.PP.K.KK.SSSS), no database."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from renja.nomenklatur.validators import (
    kode_anak_langsung,
    kode_format_valid,
    kode_induk,
    kode_ke_nomenklatur,
    tingkat_dari_kode,
    validate_kode_format,
)


@pytest.mark.parametrize(
    ("kode", "tingkat"),
    [
        ("1", "urusan"),
        ("1.06", "bidang_urusan"),
        ("1.06.04", "program"),
        ("1.06.04.2.01", "kegiatan"),
        ("1.06.04.2.01.0001", "sub_kegiatan"),
        ("X.XX.01.2.02.0001", "sub_kegiatan"),
        (" x.xx.01 ", "program"),
    ],
)
def test_tingkat_dari_kode(kode, tingkat):
    assert kode_format_valid(kode) is None
    assert tingkat_dari_kode(kode) == tingkat


@pytest.mark.parametrize(
    ("kode", "pesan"),
    [
        (
            "1.06.04.02.01.0001",
            "Kode '1.06.04.02.01.0001' tidak sesuai format U.BB.PP.K.KK.SSSS: bagian kegiatan harus 1 digit "
            "jenis pemda + 2 digit urut (mis. 2.01).",
        ),
        (
            "1.6.04.2.01.0001",
            "Kode '1.6.04.2.01.0001' tidak sesuai format U.BB.PP.K.KK.SSSS: "
            "bagian bidang urusan harus 2 digit (mis. 06), atau XX untuk program penunjang.",
        ),
        (
            "1.06.04.2.01.1",
            "Kode '1.06.04.2.01.1' tidak sesuai format U.BB.PP.K.KK.SSSS: bagian sub kegiatan harus 4 digit "
            "(mis. 0001).",
        ),
        (
            "1.06.4",
            "Kode '1.06.4' tidak sesuai format U.BB.PP.K.KK.SSSS: bagian program harus 2 digit (mis. 02).",
        ),
        (
            "1.06.04.2",
            "Kode '1.06.04.2' tidak sesuai format U.BB.PP.K.KK.SSSS: "
            "bagian kegiatan harus 1 digit jenis pemda + 2 digit urut (mis. 2.01); "
            "kode berhenti setelah digit jenis pemda.",
        ),
        (
            "1.06.04.2.01.0001.01",
            "Kode '1.06.04.2.01.0001.01' tidak sesuai format U.BB.PP.K.KK.SSSS: terlalu banyak bagian (7), "
            "paling banyak 6.",
        ),
        (
            "X.06.01",
            "Kode 'X.06.01' tidak sesuai format U.BB.PP.K.KK.SSSS: urusan X hanya dipakai bersama bidang XX "
            "(program penunjang X.XX.01).",
        ),
        ("", "Kode kosong; isi kode dengan format U.BB.PP.K.KK.SSSS (mis. 1.06.04.2.01.0001)."),
    ],
)
def test_format_salah_dijelaskan(kode, pesan):
    assert kode_format_valid(kode) == pesan
    with pytest.raises(ValidationError) as exc:
        validate_kode_format(kode)
    assert exc.value.messages == [pesan]
    assert exc.value.code == "format"


@pytest.mark.parametrize(
    ("kode", "daftar"),
    [
        ("1.06.01.2.02.0001", "X.XX.01.2.02.0001"),  # Dinas Sosial's support programme
        ("2.07.01.2.02.0001", "X.XX.01.2.02.0001"),  # any bidang
        ("1.06.01.2.02", "X.XX.01.2.02"),
        ("1.06.01", "X.XX.01"),
        ("1.06", "1.06"),  # a bidang is itself
        ("1.06.02.2.03.0013", "1.06.02.2.03.0013"),  # not program 01
        ("X.XX.01.2.02.0001", "X.XX.01.2.02.0001"),
        ("1.06.01.02", "1.06.01.02"),  # malformed: unchanged, the format check reports it
    ],
)
def test_kode_ke_nomenklatur(kode, daftar):
    assert kode_ke_nomenklatur(kode) == daftar


def test_induk_dan_anak_langsung():
    assert kode_induk("1.06.04.2.01.0001") == "1.06.04.2.01"
    assert kode_induk("1.06.04.2.01") == "1.06.04"
    assert kode_induk("1.06.04") == "1.06"
    assert kode_induk("1.06") == "1"
    assert kode_induk("1") is None
    assert kode_anak_langsung("1.06.04.2.01.0001", "1.06.04.2.01")
    assert not kode_anak_langsung("1.06.04.2.01.0001", "1.06.04")  # two levels up
    assert not kode_anak_langsung("1.06.04.2.01.0001", "1.06.05.2.01")


bagian = st.tuples(
    st.integers(1, 9).map(str),
    st.integers(1, 99).map(lambda n: f"{n:02d}"),
    st.integers(1, 99).map(lambda n: f"{n:02d}"),
    st.integers(1, 8).map(str),
    st.integers(1, 99).map(lambda n: f"{n:02d}"),
    st.integers(1, 9999).map(lambda n: f"{n:04d}"),
)


@given(bagian, st.sampled_from([1, 2, 3, 5, 6]))
def test_setiap_awalan_kode_sah_dan_induknya_rantai(parts, panjang):
    kode = ".".join(parts[:panjang])
    assert kode_format_valid(kode) is None
    # Walking up the parents always reaches the urusan in at most four steps, each one level up.
    langkah = 0
    while (induk := kode_induk(kode)) is not None:
        assert kode_anak_langsung(kode, induk)
        kode, langkah = induk, langkah + 1
    assert kode == parts[0]
    assert langkah == {1: 0, 2: 1, 3: 2, 5: 3, 6: 4}[panjang]


@given(bagian)
def test_program_penunjang_selalu_ke_xxx(parts):
    kode = ".".join(parts)
    hasil = kode_ke_nomenklatur(kode)
    if parts[2] == "01":
        assert hasil == "X.XX." + ".".join(parts[2:])
    else:
        assert hasil == kode
