"""Shared fixtures: one test database per session holding the nomenclature and the seed's demo data."""

import pytest

TEST_PASSWORD = "uji-Renja-2026!"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from renja.demo import loader

    with django_db_blocker.unblock():
        if not loader.demo_is_loaded():
            loader.demo_load(passwords={u[0]: TEST_PASSWORD for u in loader.DEMO_USERS})


@pytest.fixture
def users(db):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    return {u.username: u for u in User.objects.all()}


@pytest.fixture
def renja2026(db):
    from renja.perencanaan.models import Renja

    return Renja.objects.select_related("opd").get(tahun=2026, opd__kode="1.06.0.00.0.00.01.0000")


@pytest.fixture
def tahap_rkpd(renja2026):
    return renja2026.tahap.get(jenis="rancangan_akhir_rkpd")


@pytest.fixture
def tahap_final(renja2026):
    return renja2026.tahap.get(jenis="rancangan_akhir")


def login(client, user):
    client.force_login(user)
    return client


@pytest.fixture(scope="session", autouse=True)
def tugas_langsung():
    """Background tasks run at once inside the test (django-tasks' immediate backend), as RENJA_TUGAS=langsung."""
    from django.test import override_settings

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}):
        yield
