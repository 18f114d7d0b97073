"""A second Pemda beside the demo's Kota Bekasi, whose Dinas Sosial uses the same OPD code, and one user per
admin scope. Everything is made through the organisasi services (system path), as `renja siapkan` and imports do."""

import pytest

from renja.organisasi import services
from renja.organisasi.models import Pemda, Peran, PerangkatDaerah
from tests.conftest import TEST_PASSWORD

DINSOS = "1.06.0.00.0.00.01.0000"


@pytest.fixture
def bekasi(db):
    return Pemda.objects.get(kode="32.75")


@pytest.fixture
def dinsos(bekasi):
    return PerangkatDaerah.objects.get(pemda=bekasi, kode=DINSOS)


@pytest.fixture
def semarang(db):
    """Kota Semarang (kode wilayah 33.74) with its own Dinas Sosial under the same SIPD code as Bekasi's."""
    pemda = services.pemda_create(actor=None, kode="33.74", nama="Kota Semarang", jenis="kota", system=True)
    opd = services.opd_create(actor=None, pemda=pemda, kode=DINSOS, nama="Dinas Sosial", system=True)
    unit = services.unit_create(actor=None, opd=opd, kode="sekretariat", nama="Sekretariat", system=True)
    admin = services.user_create(actor=None, username="admin.semarang", password=TEST_PASSWORD, opd=opd)
    services.peran_assign(actor=None, user=admin, peran=Peran.ADMIN, opd=opd, system=True)
    operator = services.user_create(actor=None, username="operator.semarang", password=TEST_PASSWORD, opd=opd)
    pen = services.peran_assign(actor=None, user=operator, peran=Peran.OPERATOR, opd=opd, unit=unit, system=True)
    return {"pemda": pemda, "opd": opd, "unit": unit, "admin": admin, "operator": operator, "penugasan": pen}


@pytest.fixture
def root(db):
    """An installation admin, as `renja siapkan` makes one."""
    user = services.user_create(actor=None, username="root", password=TEST_PASSWORD, nama_lengkap="Admin Instalasi")
    services.peran_assign(actor=None, user=user, peran=Peran.ADMIN, system=True)
    return user


@pytest.fixture
def admin_bekasi(bekasi):
    """Admin of the whole Pemda Kota Bekasi (not of the installation)."""
    user = services.user_create(actor=None, username="admin.bekasi", password=TEST_PASSWORD, pemda=bekasi)
    services.peran_assign(actor=None, user=user, peran=Peran.ADMIN, pemda=bekasi, system=True)
    return user
