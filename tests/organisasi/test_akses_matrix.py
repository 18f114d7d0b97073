"""Every cell of the access matrix (tests/organisasi/akses_matrix.py) as a request, and docs/akses.md in step."""

import re
from collections import Counter

import pytest
from django.contrib.messages import constants as message_levels
from django.contrib.messages import get_messages
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.http import urlencode

from renja.organisasi import services as org
from renja.organisasi.models import Peran
from tests.organisasi import akses_matrix as m

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # force_login needs no real password


@pytest.fixture
def demo(db, users, renja2026, tahap_final, tahap_rkpd, settings, tmp_path) -> m.Demo:
    """The seed's demo plus the identities the demo lacks, made through the organisasi services."""
    from renja.organisasi.models import PenugasanPeran
    from renja.perencanaan.models import RenjaRow, RenstraIndikator, RenstraProgram, RenstraSasaran, RenstraTujuan

    settings.MEDIA_ROOT = tmp_path / "media"  # evidence files uploaded by a row's prepare or POST
    with override_settings(PASSWORD_HASHERS=FAST_HASHER):
        bekasi = renja2026.opd.pemda
        dinkes = org.opd_upsert(
            actor=None, pemda=bekasi, kode="1.02.0.00.0.00.01.0000", nama="Dinas Kesehatan", bidang_urusan="1.02"
        )
        kab = org.pemda_upsert(actor=None, kode="32.16", nama="Kabupaten Bekasi", jenis="kabupaten")
        # the same OPD code as the demo's Dinas Sosial: two Pemda may share an OPD code
        dinsos_kab = org.opd_upsert(
            actor=None, pemda=kab, kode=renja2026.opd.kode, nama="Dinas Sosial", bidang_urusan="1.06"
        )
        extra = {}
        for ident, username, peran, opd in (
            ("admin_global", "admin.global", Peran.ADMIN, None),
            ("other_opd", "perencana.dinkes", Peran.PERENCANA, dinkes),
            ("other_pemda", "admin.dinsos.kab", Peran.ADMIN, dinsos_kab),
        ):
            user = org.user_create(actor=None, username=username, password="matriks-akses-2026")
            org.peran_assign(actor=None, user=user, peran=peran, opd=opd)
            extra[ident] = user
    row = RenjaRow.objects.select_related("unit", "parent").get(tahap=tahap_final, kode="1.06.04.2.01.0001")
    assert row.unit.kode == "rehsos"
    renstra = renja2026.renstra
    tujuan = RenstraTujuan.objects.filter(renstra=renstra).order_by("pk").first()
    return m.Demo(
        renja=renja2026,
        tahap=tahap_final,
        tahap_terkunci=tahap_rkpd,
        row=row,
        kegiatan=row.parent,
        renstra=renja2026.renstra,
        users={
            **extra,
            "admin_opd": users["admin"],
            "perencana": users["perencana"],
            "operator_unit": users["operator.rehsos"],
            "operator_other": users["operator.linjamsos"],
            "pimpinan": users["pimpinan"],
            "pemeriksa": users["pemeriksa"],
            "anonymous": None,
        },
        tujuan=tujuan,
        sasaran=RenstraSasaran.objects.filter(tujuan=tujuan).order_by("pk").first(),
        program=RenstraProgram.objects.filter(renstra=renstra).order_by("pk").first(),
        indikator=RenstraIndikator.objects.filter(sasaran__tujuan__renstra=renstra).order_by("pk").first(),
        penugasan=PenugasanPeran.objects.filter(user=users["operator.rehsos"]).order_by("pk").first(),
        row_berlaku=RenjaRow.objects.select_related("unit").get(tahap=tahap_rkpd, kode="1.06.04.2.01.0001"),
    )


def outcome(response) -> str:
    status = response.status_code
    if status != 302:
        return str(status)
    if response["Location"].startswith(reverse("masuk")) and response.wsgi_request.user.is_anonymous:
        return m.LOGIN
    levels = {msg.level for msg in get_messages(response.wsgi_request)}
    return m.REFUSED if message_levels.ERROR in levels else m.REDIRECT


def error_messages(response) -> list[str]:
    return [str(msg) for msg in get_messages(response.wsgi_request) if msg.level == message_levels.ERROR]


def request_cell(row: m.Row, d: m.Demo, ident: str) -> str:
    client = Client(raise_request_exception=False)
    if d.users[ident] is not None:
        client.force_login(d.users[ident])
    url = reverse(row.name, kwargs=row.kwargs(d))
    if row.query:
        url += "?" + urlencode(row.query(d))
    if row.method == "GET":
        response = client.get(url)
    else:
        response = client.post(url, row.data(d) if row.data else {})
    seen = outcome(response)
    if seen == m.REFUSED and row.alasan:
        # the refusal must be the access check's, not the object's state (e.g. a status the action cannot take)
        pesan = " ".join(error_messages(response))
        assert re.search(row.alasan, pesan), f"{row.key}, {ident}: ditolak bukan karena akses: {pesan}"
    return seen


@pytest.mark.parametrize("row", m.ROWS, ids=lambda b: b.key)
def test_matrix_row(demo, row):
    if row.prepare:
        row.prepare(demo)
    seen = {}
    for ident in m.IDENTITIES:
        # each identity in its own savepoint, rolled back: one identity's successful POST must not change
        # what the next one sees
        with transaction.atomic():
            seen[ident] = request_cell(row, demo, ident)
            transaction.set_rollback(True)
    assert seen == row.outcomes, f"teramati untuk {row.key}: {seen}"


def test_every_row_names_every_identity_once():
    keys = [b.key for b in m.ROWS]
    assert len(keys) == len(set(keys)), "satu baris per URL dan metode"
    for b in m.ROWS:
        assert set(b.outcomes) == set(m.IDENTITIES), b.key
        assert set(b.outcomes.values()) <= set(m.MEANING), b.key


def test_every_url_has_a_get_and_a_post_row(demo):
    covered = {(b.name, b.method) for b in m.ROWS}
    routes = m.routes()
    missing = [(name, method) for name in routes for method in ("GET", "POST") if (name, method) not in covered]
    drafts = "\n".join(draft_row(name, method, routes[name], demo) for name, method in missing)
    assert not missing, (
        "URL tanpa baris di tests/organisasi/akses_matrix.py (cara: lihat awal berkas itu). Draf dengan hasil "
        "yang teramati sekarang; periksa setiap sel sebelum menempelnya:\n" + drafts
    )


CONSTANT = {v: k for k, v in vars(m).items() if k.isupper() and isinstance(v, str) and v in m.MEANING}


def draft_row(name: str, method: str, route: str, d: m.Demo) -> str:
    """A Row for a URL the table lacks, with the outcomes observed now (kwargs guessed from their names)."""
    names = re.findall(r"<(?:\w+:)?(\w+)>", route)
    unknown = [n for n in names if n not in m.GUESS_KWARGS]
    source = "lambda d: {" + ", ".join(f'"{n}": {m.GUESS_KWARGS.get(n, "...")}' for n in names) + "}"
    if not names:
        source = "kw_none"
    if unknown:
        return f'    Row("{name}", "{method}", {source}, expect(...)),  # kwargs {unknown}: isi sendiri'
    row = m.Row(name, method, eval(source, {"kw_none": m.kw_none, "MISSING_ID": m.MISSING_ID}), {})  # noqa: S307 - our own text, built just above
    seen = {}
    for ident in m.IDENTITIES:
        with transaction.atomic():
            seen[ident] = request_cell(row, d, ident)
            transaction.set_rollback(True)
    default = Counter(seen.values()).most_common(1)[0][0]
    others = "".join(f", {i}={CONSTANT.get(v, repr(v))}" for i, v in seen.items() if v != default)
    return f'    Row("{name}", "{method}", {source}, expect({CONSTANT.get(default, repr(default))}{others})),'


def test_every_row_names_an_existing_url():
    assert {b.name for b in m.ROWS} - set(m.routes()) == set()


def test_docs_akses_is_generated_from_the_table():
    assert m.docs_path().read_text(encoding="utf-8") == m.markdown(), (
        "docs/akses.md berbeda dari tabel: jalankan .venv/bin/python -m tests.organisasi.akses_matrix"
    )


def _expected(name: str, method: str, ident: str) -> str:
    return next(r for r in m.ROWS if r.name == name and r.method == method and not r.variant).outcomes[ident]


@pytest.mark.parametrize("ident", [i for i in m.IDENTITIES if _expected("perencanaan:detail", "GET", i) == m.OK])
def test_renja_page_offers_what_the_matrix_allows(demo, ident):
    """The Renja page offers an action exactly where the matrix lets the same identity take it."""
    client = Client()
    client.force_login(demo.users[ident])
    html = client.get(reverse("perencanaan:detail", kwargs=m.kw_renja(demo)) + f"?tahap={demo.tahap.pk}")
    html = html.content.decode()
    offered = {
        "edit": reverse("perencanaan:subkegiatan_edit", kwargs=m.kw_row(demo)) in html,
        "submit": f'action="{reverse("perencanaan:tahap_submit", kwargs=m.kw_tahap(demo))}"' in html,
        "add": reverse("perencanaan:subkegiatan_create", kwargs=m.kw_kegiatan(demo)) in html,
    }
    allowed = {
        "edit": _expected("perencanaan:subkegiatan_edit", "POST", ident) == m.REDIRECT,
        "submit": _expected("perencanaan:tahap_submit", "POST", ident) == m.REDIRECT,
        "add": _expected("perencanaan:subkegiatan_create", "GET", ident) == m.OK
        and _expected("perencanaan:subkegiatan_create", "POST", ident) == m.REDIRECT,
    }
    assert offered == allowed
