"""Codes and numbers of the organisation: kode wilayah (Kemendagri), SIPD unit code, NIP."""

import pytest

from renja.organisasi.models import bidang_dari_kode_opd
from renja.organisasi.validators import (
    jenis_dari_kode_wilayah,
    kode_opd_masalah,
    kode_wilayah_masalah,
    nip_bersih,
    nip_masalah,
    nip_tampil,
)


@pytest.mark.parametrize(
    "kode,jenis",
    [("32.75", "kota"), ("32.04", "kabupaten"), ("32", "provinsi"), ("11.71", "kota"), ("31.01", "kabupaten")],
)
def test_kode_wilayah_gives_its_jenis(kode, jenis):
    # 01-70 after the dot are kabupaten, 71-99 kota (32.75 Kota Bekasi, 32.04 Kab. Bandung, 11.71 Banda Aceh)
    assert jenis_dari_kode_wilayah(kode) == jenis
    assert kode_wilayah_masalah(kode, jenis) is None


@pytest.mark.parametrize(
    "kode,jenis,bagian",
    [
        ("3275", "kota", "tidak sesuai format Kemendagri"),
        ("32.7", "kota", "tidak sesuai format Kemendagri"),
        ("32.75.01", "kota", "tidak sesuai format Kemendagri"),
        ("09", "provinsi", "kode provinsi 09 tidak ada"),
        ("32.00", "kota", "nomor kabupaten/kota 00 tidak ada"),
        ("32.75", "kabupaten", "nomor 71-99 setelah titik adalah kota"),
        ("32.04", "kota", "nomor 01-70 setelah titik adalah kabupaten"),
        ("32", "kota", "kode 2 digit adalah provinsi"),
        ("", "kota", "wajib diisi"),
    ],
)
def test_bad_kode_wilayah_is_named(kode, jenis, bagian):
    assert bagian in kode_wilayah_masalah(kode, jenis)


def test_bidang_urusan_from_sipd_code():
    assert bidang_dari_kode_opd("1.06.0.00.0.00.01.0000") == ["1.06"]
    assert bidang_dari_kode_opd("5.01.5.05.0.00.01.0000") == ["5.01", "5.05"]
    assert bidang_dari_kode_opd("4.01.4.02.4.03.01.0000") == ["4.01", "4.02", "4.03"]


@pytest.mark.parametrize(
    "kode,pesan",
    [
        ("1.06.0.00.0.00.01", "harus 8 bagian dipisah titik, tertulis 7"),
        ("1.6.0.00.0.00.01.0000", "bagian ke-2 (bidang urusan pertama) '6' harus 2 digit"),
        ("1.06.0.00.0.00.01.000", "bagian ke-8 (nomor sub unit) '000' harus 4 digit"),
        ("1.06.0.00.0.00.1A.0000", "bagian ke-7 (nomor unit) '1A' harus 2 digit"),
        ("1.06.5.00.0.00.01.0000", "urusan kedua '5' dan bidang urusan kedua '00' harus sama-sama kosong"),
        ("0.00.0.00.0.00.01.0000", "bidang urusan pertama wajib terisi"),
    ],
)
def test_bad_opd_code_names_the_part(kode, pesan):
    assert pesan in kode_opd_masalah(kode)


def test_good_opd_codes():
    assert kode_opd_masalah("1.06.0.00.0.00.01.0000") is None
    assert kode_opd_masalah(" 5.01.5.05.0.00.01.0000 ") is None


def test_nip_typed_with_or_without_spaces():
    # the demo's kepala as printed in the seed (line 26): "NIP. 19660301 199003 1 010"
    assert nip_bersih("19660301 199003 1 010") == "196603011990031010"
    assert nip_masalah("19660301 199003 1 010") is None
    assert nip_masalah("196603011990031010") is None
    assert nip_tampil("196603011990031010") == "19660301 199003 1 010"


@pytest.mark.parametrize(
    "nip,pesan",
    [
        ("1966030119900310", "harus 18 digit"),
        ("19660301 199003 1 01O", "harus 18 digit"),
        ("19661301 199003 1 010", "bukan tanggal lahir"),
        ("19660301 199013 1 010", "tahun dan bulan TMT"),
        ("19660301 199003 3 010", "digit ke-15 (3) harus 1 (pria) atau 2 (wanita)"),
    ],
)
def test_bad_nip_says_why(nip, pesan):
    assert pesan in nip_masalah(nip)
