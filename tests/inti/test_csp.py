"""Issue 6 defect 11 (CSP half): every page carries a Content-Security-Policy without inline script, inline style
or eval, and no template relies on inline JS/CSS (which that policy would block)."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.conftest import login

TEMPLATES = Path(__file__).resolve().parents[2] / "renja" / "templates"


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in header.split(";")) if d}


def test_login_page_has_the_policy(client, db):
    p = policy(client.get(reverse("masuk")))
    assert p["default-src"] == ["'self'"]
    assert p["script-src"] == ["'self'"] and p["style-src"] == ["'self'"]
    assert p["object-src"] == ["'none'"] and p["frame-ancestors"] == ["'none'"]
    assert p["form-action"] == ["'self'"]


@pytest.mark.parametrize("url", ["/renja/", "/nomenklatur/", "/tidak-ada/"])
def test_pages_and_error_pages_have_the_policy(client, users, url):
    login(client, users["perencana"])
    response = client.get(url, follow=True)
    header = response["Content-Security-Policy"]
    assert "script-src 'self'" in header
    assert "unsafe-inline" not in header and "unsafe-eval" not in header


def test_htmx_partial_responses_have_the_policy(client, users, renja2026):
    login(client, users["pemeriksa"])
    response = client.get(reverse("perencanaan:detail", args=[renja2026.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "script-src 'self'" in response["Content-Security-Policy"]


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "<style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "on* event attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
    (re.compile(r"\bhx-on\b|hx-on:|hx-on-", re.I), "hx-on (needs eval)"),
    (re.compile(r"""hx-(vals|headers)\s*=\s*['"]\s*(js|javascript):""", re.I), "htmx js: expression (needs eval)"),
]


def test_no_template_uses_inline_script_or_style():
    problems = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for pattern, what in INLINE:
            for m in pattern.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                problems.append(f"{path.relative_to(TEMPLATES)}:{line}: {what}")
    assert problems == []


def test_htmx_is_told_not_to_inject_styles_or_eval(client, db):
    html = client.get(reverse("masuk")).content.decode()
    assert '"includeIndicatorStyles": false' in html and '"allowEval": false' in html
    assert "htmx-2.min.js" in html and "renja/renja.js" in html
