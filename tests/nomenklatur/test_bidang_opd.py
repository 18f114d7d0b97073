"""Nomenclature per OPD: every bidang urusan its SIPD unit code carries, plus the support programme X.XX.01
(issue 10: "An OPD code with two bidang urusan validates codes of both and refuses codes of a third")."""

import pytest
from django.core.exceptions import ValidationError

from renja.nomenklatur.selectors import (
    kode_dalam_lingkup_opd,
    nomenklatur_pilihan_opd,
    nomenklatur_validate_kode_opd,
)
from renja.organisasi.models import Pemda, PerangkatDaerah

pytestmark = pytest.mark.django_db


@pytest.fixture
def bappelitbangda(nomenklatur):
    # 5.01.5.05.0.00.01.0000: Perencanaan (5.01) and Penelitian dan Pengembangan (5.05) in one agency.
    pemda = Pemda.objects.create(kode="32.16", nama="Kabupaten Bekasi", jenis="kabupaten")
    return PerangkatDaerah.objects.create(
        pemda=pemda, kode="5.01.5.05.0.00.01.0000", nama="Bappelitbangda", bidang_urusan="5.01"
    )


def test_kode_kedua_bidang_sah(bappelitbangda):
    assert bappelitbangda.bidang_urusan_daftar == ["5.01", "5.05"]
    e1 = nomenklatur_validate_kode_opd(
        versi="2027", opd=bappelitbangda, kode="5.01.02.2.01.0001", induk_kode="5.01.02.2.01"
    )
    e2 = nomenklatur_validate_kode_opd(versi="2027", opd=bappelitbangda, kode="5.05.02.1.01.0001")
    assert (e1.kode, e2.kode) == ("5.01.02.2.01.0001", "5.05.02.1.01.0001")
    # the support programme, under the OPD's own bidang or as listed
    assert nomenklatur_validate_kode_opd(versi="2027", opd=bappelitbangda, kode="5.01.01").kode == "X.XX.01"
    assert kode_dalam_lingkup_opd(opd=bappelitbangda, kode="X.XX.01.2.02.0001") is None


def test_kode_bidang_ketiga_ditolak(bappelitbangda):
    # 1.06.04.2.01.0001 (Penyediaan Permakanan) exists in the 2027 list, but it is Dinas Sosial's bidang.
    with pytest.raises(ValidationError) as exc:
        nomenklatur_validate_kode_opd(versi="2027", opd=bappelitbangda, kode="1.06.04.2.01.0001")
    assert exc.value.messages == [
        "Kode '1.06.04.2.01.0001' berada di bidang urusan 1.06, di luar bidang urusan Bappelitbangda "
        "(5.01, 5.05) dan program penunjang X.XX.01."
    ]


def test_baris_renja_bidang_ketiga_ditolak_oleh_service(bappelitbangda, users):
    from renja.nomenklatur.models import NomenklaturVersi
    from renja.organisasi.services import peran_assign, user_create
    from renja.perencanaan import services
    from renja.perencanaan.models import Level

    perencana = user_create(actor=None, username="perencana.bappelitbangda", password="uji-Renja-2026!")
    peran_assign(actor=None, user=perencana, peran="perencana", opd=bappelitbangda)
    versi = NomenklaturVersi.objects.get(kode="2027")
    renja = services.renja_create(actor=perencana, opd=bappelitbangda, tahun=2027, nomenklatur_versi=versi)
    tahap = services.tahap_create(actor=perencana, renja=renja, jenis="rancangan_awal", kosong=True)
    ok = services.row_create(
        actor=perencana, tahap=tahap, level=Level.PROGRAM, data=services.RowInput(kode="5.05.02", nama="")
    )
    assert ok.nama.startswith("PROGRAM PENELITIAN DAN PENGEMBANGAN")
    with pytest.raises(ValidationError) as exc:
        services.row_create(
            actor=perencana, tahap=tahap, level=Level.PROGRAM, data=services.RowInput(kode="1.06.04", nama="")
        )
    assert "di luar bidang urusan Bappelitbangda (5.01, 5.05)" in exc.value.message_dict["kode"][0]


def test_pilihan_kode_hanya_bidang_opd(bappelitbangda):
    program = dict(nomenklatur_pilihan_opd(versi="2027", opd=bappelitbangda, tingkat="program"))
    assert {k.rsplit(".", 1)[0] for k in program} == {"5.01", "5.05"}
    # X.XX.01 is written with the OPD's first bidang, as a plan writes it
    assert program["5.01.01"] == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    kegiatan = nomenklatur_pilihan_opd(versi="2027", opd=bappelitbangda, tingkat="kegiatan", induk_kode="5.01.01")
    assert kegiatan[0][0] == "5.01.01.1.01"
    cari = nomenklatur_pilihan_opd(versi="2027", opd=bappelitbangda, tingkat="sub_kegiatan", q="musrenbang")
    assert cari and all(k.startswith(("5.01.", "5.05.")) for k, _ in cari)


def test_cari_awalan_kode_menemukan_program_penunjang(bappelitbangda):
    """Typing 5.01.0 (the start of 5.01.01) finds the support programme, listed as X.XX.01."""
    kode = [k for k, _ in nomenklatur_pilihan_opd(versi="2027", opd=bappelitbangda, tingkat="program", q="5.01.0")]
    assert kode[0] == "5.01.01" and len(kode) > 1 and all(k.startswith("5.01.0") for k in kode)
    kode = [k for k, _ in nomenklatur_pilihan_opd(versi="2027", opd=bappelitbangda, tingkat="program", q="5.05")]
    assert kode[0] == "5.01.01" and all(k.startswith("5.05.") for k in kode[1:])
