"""Looking codes up, validating them against a version, searching."""

import pytest
from django.core.exceptions import ValidationError

from renja.nomenklatur.models import NomenklaturVersi
from renja.nomenklatur.selectors import (
    nomenklatur_get,
    nomenklatur_search,
    nomenklatur_validate_kode,
    remap_lookup,
)

pytestmark = pytest.mark.django_db


def pesan(**kwargs) -> str:
    with pytest.raises(ValidationError) as exc:
        nomenklatur_validate_kode(**kwargs)
    return " ".join(exc.value.messages)


def test_program_penunjang_memakai_kode_bidang_opd(nomenklatur):
    e = nomenklatur_get(versi="2027", kode="1.06.01.2.02.0001")
    assert (e.kode, e.nama) == ("X.XX.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN")
    assert nomenklatur_get(versi="2027", kode="X.XX.01.2.02.0001") == e
    versi = NomenklaturVersi.objects.get(kode="2027")
    assert nomenklatur_validate_kode(versi=versi, kode="1.06.01.2.02.0001", induk_kode="1.06.01.2.02") == e
    assert nomenklatur_validate_kode(versi=versi, kode="1.06.01.2.02", induk_kode="1.06.01").kode == "X.XX.01.2.02"
    assert nomenklatur_validate_kode(versi=versi, kode="1.06.01", induk_kode="1.06").kode == "X.XX.01"
    # the parent may also be written as listed
    assert nomenklatur_validate_kode(versi=versi, kode="1.06.01.2.02.0001", induk_kode="X.XX.01.2.02") == e
    with pytest.raises(ValidationError, match="induk sub kegiatan ini seharusnya 1.06.01.2.02"):
        nomenklatur_validate_kode(versi=versi, kode="1.06.01.2.02.0001", induk_kode="2.07.01.2.02")
    assert nomenklatur_get(versi="2027", kode="1.06.99.2.01.0001") is None
    assert nomenklatur_get(versi="1999", kode="1.06") is None


def test_kode_sah_dikembalikan(nomenklatur):
    e = nomenklatur_validate_kode(versi="2027", kode="1.06.04.2.01.0014", induk_kode="1.06.04.2.01")
    assert e.nama.startswith("Fasilitasi Pembuatan Dokumen Kependudukan bagi Penyandang Disabilitas Terlantar")
    assert nomenklatur_validate_kode(versi="2023", kode=" 1.06.04.2.01.0001 ").nama == "Penyediaan Permakanan"


def test_format_salah(nomenklatur):
    assert pesan(versi="2027", kode="1.06.04.02.01.0001") == (
        "Kode '1.06.04.02.01.0001' tidak sesuai format U.BB.PP.K.KK.SSSS: bagian kegiatan harus 1 digit "
        "jenis pemda + 2 digit urut (mis. 2.01)."
    )


def test_kode_tidak_ada_di_versi(nomenklatur):
    assert pesan(versi="2027", kode="1.06.04.2.01.0099") == (
        "Kode '1.06.04.2.01.0099' tidak ada di versi nomenklatur 2027."
    )
    # a code of the 2027 update that the 2023 list does not know
    assert pesan(versi="2023", kode="1.06.02.2.03.0013") == (
        "Kode '1.06.02.2.03.0013' tidak ada di versi nomenklatur 2023."
    )


def test_induk_tidak_cocok(nomenklatur):
    assert pesan(versi="2027", kode="1.06.04.2.01.0001", induk_kode="1.06.05.2.01") == (
        "Kode sub kegiatan '1.06.04.2.01.0001' tidak berada langsung di bawah kegiatan '1.06.05.2.01': "
        "induk sub kegiatan ini seharusnya 1.06.04.2.01."
    )
    # skipping a level is not "under" either
    assert pesan(versi="2027", kode="1.06.04.2.01.0001", induk_kode="1.06.04") == (
        "Kode sub kegiatan '1.06.04.2.01.0001' tidak berada langsung di bawah program '1.06.04': "
        "induk sub kegiatan ini seharusnya 1.06.04.2.01."
    )


def test_kode_lama_menyarankan_pengganti(nomenklatur):
    # 2023 "Pencatatan dan Pengumpulan Data Keluarga" was renumbered 0012 -> 0030 in the 2027 update
    assert remap_lookup(kode_lama="2.14.02.2.02.0012", versi_baru="2027") == ["2.14.02.2.02.0030"]
    assert nomenklatur_get(versi="2023", kode="2.14.02.2.02.0012").nama == "Pencatatan dan Pengumpulan Data Keluarga"
    assert pesan(versi="2027", kode="2.14.02.2.02.0012") == (
        "Kode '2.14.02.2.02.0012' tidak ada di versi nomenklatur 2027; penggantinya 2.14.02.2.02.0030."
    )
    assert remap_lookup(kode_lama="1.06.04.2.01.0001", versi_baru="2027") == []  # unchanged code


def test_cari_kata_pada_nama_tanpa_peduli_huruf_besar(nomenklatur):
    hasil = list(nomenklatur_search(versi="2027", q="PERMAKANAN"))
    assert "1.06.04.2.01.0001" in [e.kode for e in hasil]
    assert all("permakanan" in e.nama.lower() for e in hasil)
    assert len(hasil) == 9  # kab/kota and provincial panti variants, and one under 7.03
    dua_kata = nomenklatur_search(versi="2027", q="permakanan penyediaan", bidang="1.06", tingkat="sub_kegiatan")
    assert [e.kode for e in dua_kata if e.jenis_pemda == "KABKOT"] == [
        "1.06.04.2.01.0001",
        "1.06.04.2.02.0003",
    ]


def test_cari_awalan_kode(nomenklatur):
    kode = list(nomenklatur_search(versi="2027", q="1.06.04.2.01").values_list("kode", flat=True))
    assert kode[0] == "1.06.04.2.01"
    assert len(kode) == 17 and all(k.startswith("1.06.04.2.01") for k in kode)
    # a support-programme code as the OPD writes it finds the X.XX entries
    penunjang = list(nomenklatur_search(versi="2027", q="1.06.01.2.02").values_list("kode", flat=True))
    assert penunjang[:2] == ["X.XX.01.2.02", "X.XX.01.2.02.0001"]
    assert len(penunjang) == 9


def test_filter_tingkat_dan_bidang(nomenklatur):
    assert nomenklatur_search(versi="2023", tingkat="sub_kegiatan", bidang="1.06").count() == 68
    assert nomenklatur_search(versi="2023", bidang="1.06").count() == 98  # 1 bidang + 6 + 23 + 68
    assert nomenklatur_search(versi="2027", tingkat="sub_kegiatan", bidang="1.06").count() == 233
    semua = nomenklatur_search(versi="2027", bidang="1.06", penunjang=True)
    assert semua.count() == 543
    assert semua.filter(kode__startswith="X.XX.01").count() == 543 - 292
    assert nomenklatur_search(versi="2027", tingkat="urusan").count() == 10
    assert nomenklatur_search(versi="2027").count() == 8539
