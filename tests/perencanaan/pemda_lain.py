"""A second Pemda for authoring tests: Kabupaten Bekasi (32.16) with its Dinas PUPR and, for isolation, its
own Dinas Sosial under the same OPD code as the demo's (1.06.0.00.0.00.01.0000). Built through the services."""

from decimal import Decimal

import pytest

from renja.organisasi import services as org
from renja.organisasi.models import Pemda, PerangkatDaerah
from tests.conftest import TEST_PASSWORD

KODE_DINSOS = "1.06.0.00.0.00.01.0000"
KODE_PUPR = "1.03.0.00.0.00.01.0000"


def _pemda() -> Pemda:
    return Pemda.objects.get_or_create(kode="32.16", defaults={"nama": "Kabupaten Bekasi", "jenis": "kabupaten"})[0]


def _opd(kode: str, nama: str, bidang: str) -> PerangkatDaerah:
    opd = PerangkatDaerah.objects.filter(pemda=_pemda(), kode=kode).first()
    return opd or PerangkatDaerah.objects.create(pemda=_pemda(), kode=kode, nama=nama, bidang_urusan=bidang)


def _user(username: str, peran: str, opd, unit=None):
    user = org.user_create(actor=None, username=username, password=TEST_PASSWORD, nama_lengkap=username)
    org.peran_assign(actor=None, user=user, peran=peran, opd=opd, unit=unit)
    return user


@pytest.fixture
def pupr(db):
    opd = _opd(KODE_PUPR, "Dinas Pekerjaan Umum dan Penataan Ruang", "1.03")
    org.unit_upsert(actor=None, opd=opd, kode="sekretariat", nama="Sekretariat", urutan=0)
    org.unit_upsert(actor=None, opd=opd, kode="sda", nama="Bidang Sumber Daya Air", urutan=1)
    return opd


@pytest.fixture
def pupr_users(pupr):
    return {
        "perencana": _user("perencana.pupr", "perencana", pupr),
        "pimpinan": _user("pimpinan.pupr", "pimpinan", pupr),
        "operator": _user("operator.pupr", "operator", pupr, pupr.unit_kerja.get(kode="sda")),
    }


@pytest.fixture
def dinsos_lain(db):
    """Dinas Sosial of Kabupaten Bekasi: the same OPD code as the demo's Dinas Sosial Kota Bekasi."""
    opd = _opd(KODE_DINSOS, "Dinas Sosial", "1.06")
    org.unit_upsert(actor=None, opd=opd, kode="sekretariat", nama="Sekretariat", urutan=0)
    return opd


@pytest.fixture
def dinsos_lain_users(dinsos_lain):
    return {
        "perencana": _user("perencana.kabbekasi", "perencana", dinsos_lain),
        "pimpinan": _user("pimpinan.kabbekasi", "pimpinan", dinsos_lain),
        "pemeriksa": _user("pemeriksa.kabbekasi", "pemeriksa", dinsos_lain),
        "operator": _user(
            "operator.kabbekasi", "operator", dinsos_lain, dinsos_lain.unit_kerja.get(kode="sekretariat")
        ),
    }


def rp(n: int) -> Decimal:
    return Decimal(n)
