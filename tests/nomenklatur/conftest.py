"""The shipped nomenclature, loaded once per test database (the session's demo data may have loaded it
already; the load is idempotent, so calling it again only returns the counts)."""

import pytest

from renja.nomenklatur.services import nomenklatur_load


@pytest.fixture(scope="session")
def nomenklatur_dimuat(django_db_setup, django_db_blocker) -> dict:
    with django_db_blocker.unblock():
        return nomenklatur_load()


@pytest.fixture
def nomenklatur(nomenklatur_dimuat, db) -> dict:
    return nomenklatur_dimuat
