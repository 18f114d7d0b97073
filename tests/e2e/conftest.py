"""Browser tests: Debian's /usr/bin/chromium driven by pytest-playwright against a live server.

No browser is ever downloaded; `make test` installs the Debian package when it is missing.
"""

import os
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    if not shutil.which(CHROMIUM):
        skip = pytest.mark.skip(reason=f"{CHROMIUM} tidak ada (make test memasangnya dari Debian)")
        for item in items:
            if "e2e" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": FLAGS, "headless": True}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "locale": "id-ID",
        "timezone_id": "Asia/Jakarta",
        "viewport": {"width": 1400, "height": 900},
    }


@pytest.fixture(scope="session", autouse=True)
def _allow_orm_beside_playwright():
    # Playwright's sync API runs an event loop in the test thread; the ORM calls the test itself makes
    # (creating the test database, loading data) are synchronous and safe. Only while browser tests run.
    old = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if old is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = old


@pytest.fixture
def demo_live(transactional_db, live_server):
    """The demo data in the live server's database (transactional tests start from an empty one)."""
    from renja.demo import loader
    from tests.conftest import TEST_PASSWORD

    if not loader.demo_is_loaded():
        loader.demo_load(passwords={u[0]: TEST_PASSWORD for u in loader.DEMO_USERS})
    return live_server
