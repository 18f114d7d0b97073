"""Production start (issue 6, Build 1 and defect 6): `renja serve` with DEBUG=0 migrates, collects the static
files and runs gunicorn; /masuk/ and its CSS answer on a fresh database without any step by hand."""

import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.database_baru import PRODUCTION, ROOT, database_baru, renja_argv


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


def wait_for(url: str, proc: subprocess.Popen, seconds: float = 180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"renja serve ended early with {proc.returncode}: {proc.stdout.read()}")
        try:
            return fetch(url)
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {seconds}s")


@pytest.mark.django_db
def test_renja_serve_in_production_serves_login_page_and_css(tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with database_baru(tmp_path, **PRODUCTION, RENJA_WORKERS="2") as env:
        proc = subprocess.Popen(
            renja_argv("serve", f"127.0.0.1:{port}"),
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            status, ctype, body = wait_for(f"{base}/masuk/", proc)
            assert status == 200
            assert ctype.startswith("text/html")
            html = body.decode()
            assert "Masuk" in html
            # the manifest's hashed name: collectstatic ran and whitenoise serves the result
            css = re.search(r'href="(/static/renja/renja\.[0-9a-f]{12}\.css)"', html)
            assert css, html[:500]
            status, ctype, body = fetch(base + css.group(1))
            assert (status, ctype.split(";")[0]) == (200, "text/css")
            assert b"body" in body
            js = re.search(r'src="(/static/django_htmx/htmx-2\.min\.[0-9a-f]{12}\.js)"', html)
            status, ctype, _ = fetch(base + js.group(1))
            assert status == 200 and "javascript" in ctype
            # gunicorn answers, not Django's development server
            with urllib.request.urlopen(f"{base}/masuk/", timeout=10) as response:
                assert "gunicorn" in response.headers.get("Server", "")
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                out, _ = proc.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                out, _ = proc.communicate()
    assert proc.returncode == 0, out
    assert "Traceback" not in out
    assert "gunicorn, 2 worker x 1 thread" in out


def test_missing_static_files_say_which_command_to_run(tmp_path, settings):
    """Defect 6: without collectstatic every page failed with "Missing staticfiles manifest entry"."""
    from renja.inti.static import RenjaStaticStorage, static_check_collected

    storage = RenjaStaticStorage(location=tmp_path, base_url="/static/")
    with pytest.raises(ImproperlyConfigured, match="renja collectstatic --noinput"):
        storage.url("renja/renja.css")

    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path
    with pytest.raises(ImproperlyConfigured, match="Berkas statis belum dikumpulkan"):
        static_check_collected()
