"""Issue 7 parts 5 and 7: the document page of a stage starts a background build (django-tasks; the immediate
backend in tests), shows its progress and offers the file; a single table downloads at once; `renja dokumen`
writes the same files. Bad signer input is refused with a message naming the field, nothing recorded."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renja.dokumen import services
from renja.dokumen.keluaran_docx import tulis_docx
from renja.dokumen.model import Dokumen, TandaTangan
from renja.dokumen.models import DokumenBerkas, StatusBerkas
from renja.inti.models import AuditEvent
from tests.dokumen.bantu import docx_teks

DINSOS = "1.06.0.00.0.00.01.0000"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _isian(**lain) -> dict:
    return {
        "format": "docx",
        "sebutan": "",
        "nama": "Drs. H. ALEXANDER ZULKARNAIN, M.Si.",
        "pangkat": "Pembina Utama Muda (IV/c)",
        "nip": "19660301 199003 1 010",
        "jabatan": "Kepala Dinas Sosial Kota Bekasi",
        "tempat": "Bekasi",
        "tanggal": "2026-01-15",
        **lain,
    }


def test_page_prefills_the_kepala_dinas_and_lists_the_tables(client, users, tahap_final):
    client.force_login(users["perencana"])
    html = client.get(reverse("dokumen:tahap", args=[tahap_final.pk])).content.decode()
    assert 'value="Drs. H. ALEXANDER ZULKARNAIN, M.Si."' in html
    assert 'value="19660301 199003 1 010"' in html and 'value="Bekasi"' in html
    assert "Renja-2026-Dinas-Sosial-Kota-Bekasi-Rancangan-Akhir" in html
    assert 'data-tabel="T-C.29"' in html and 'data-tabel="T-C.33"' in html
    assert "<script>" not in html.split("</head>")[1]  # no inline script (CSP self-only)


def test_start_build_progress_and_download_a_plt_document(client, users, tahap_final, media):
    client.force_login(users["perencana"])
    r = client.post(
        reverse("dokumen:tahap", args=[tahap_final.pk]),
        _isian(sebutan="Plt.", nama="Hj. SITI AMINAH, S.Sos., M.M.", nip="19700512 199503 2 004",
               pangkat="Pembina Tingkat I (IV/b)"),
    )  # fmt: skip
    berkas = DokumenBerkas.objects.get(tahap=tahap_final)
    assert r.status_code == 302 and r["Location"] == reverse("dokumen:berkas", args=[berkas.pk])
    assert berkas.status == StatusBerkas.SELESAI and berkas.kemajuan == 100
    assert berkas.nama_berkas == "Renja-2026-Dinas-Sosial-Kota-Bekasi-Rancangan-Akhir.docx"
    assert berkas.ttd_sebutan == "Plt." and berkas.ttd_nip == "197005121995032004"
    assert berkas.berkas.name.startswith("dokumen/")
    assert AuditEvent.objects.filter(action="dokumen_minta", object_id=str(berkas.pk)).count() == 1
    # the progress fragment htmx polls: done, so no further polling and a download link
    frag = client.get(reverse("dokumen:berkas", args=[berkas.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert 'data-status="selesai"' in frag and "hx-trigger" not in frag
    assert reverse("dokumen:unduh", args=[berkas.pk]) in frag
    r = client.get(reverse("dokumen:unduh", args=[berkas.pk]))
    assert r.status_code == 200
    assert 'filename="Renja-2026-Dinas-Sosial-Kota-Bekasi-Rancangan-Akhir.docx"' in r["Content-Disposition"]
    teks = docx_teks(b"".join(r.streaming_content))
    i = teks.index("Bekasi, 15 Januari 2026")
    assert teks[i + 1] == "Plt. KEPALA DINAS SOSIAL KOTA BEKASI"
    assert "Hj. SITI AMINAH, S.Sos., M.M." in teks and "NIP. 19700512 199503 2 004" in teks
    assert "Drs. H. ALEXANDER ZULKARNAIN, M.Si." not in teks


def test_unfinished_build_polls_and_cannot_be_downloaded(client, users, tahap_final):
    berkas = DokumenBerkas.objects.create(tahap=tahap_final, format="pdf", ttd_nama="X", ttd_jabatan="Kepala",
                                          kemajuan=40, langkah="tabel", status=StatusBerkas.PROSES)  # fmt: skip
    client.force_login(users["pemeriksa"])
    html = client.get(reverse("dokumen:berkas", args=[berkas.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in html and "40%" in html and "(tabel)" in html
    assert client.get(reverse("dokumen:unduh", args=[berkas.pk])).status_code == 404


def test_failed_build_shows_its_reason(tahap_final, media, monkeypatch):
    def rusak(*a, **k):
        raise ValueError("Placeholder {{pagu_program:9.99}}: kode program 9.99 tidak ada di tahap ini.")

    monkeypatch.setattr("renja.dokumen.services.dokumen_renja", rusak)
    ttd = services.penandatangan_clean(nama="A", jabatan="Kepala")
    from django.contrib.auth import get_user_model

    berkas = services.dokumen_minta(
        actor=get_user_model().objects.get(username="perencana"), tahap=tahap_final, format="pdf", penandatangan=ttd
    )
    assert berkas.status == StatusBerkas.GAGAL and not berkas.berkas
    assert "kode program 9.99 tidak ada" in berkas.pesan


@pytest.mark.parametrize(
    "isian,field,pesan",
    [
        ({"nip": "1966"}, "nip", "harus 18 digit"),
        ({"nama": ""}, "nama", "wajib"),
        ({"sebutan": "Pj."}, "sebutan", "Pj."),
        ({"format": "odt"}, "format", "odt"),
        ({"jabatan": "x" * 121}, "jabatan", "121"),
        ({"tanggal": "2026-02-30"}, "tanggal", "tanggal"),
    ],
)
def test_bad_signer_is_refused_naming_the_field_and_nothing_is_recorded(client, users, tahap_final, isian, field,
                                                                         pesan):  # fmt: skip
    client.force_login(users["perencana"])
    r = client.post(reverse("dokumen:tahap", args=[tahap_final.pk]), _isian(**isian))
    assert r.status_code == 400
    assert pesan.lower() in " ".join(r.context["form"].errors.get(field, [])).lower()
    assert not DokumenBerkas.objects.exists()


def test_single_table_downloads_at_once(client, users, tahap_final):
    import openpyxl

    client.force_login(users["pimpinan"])
    r = client.get(reverse("dokumen:tabel", args=[tahap_final.pk, "T-C.29"]) + "?format=xlsx")
    assert r.status_code == 200
    assert 'filename="Renja-2026-Dinas-Sosial-Kota-Bekasi-Rancangan-Akhir-T-C29.xlsx"' in r["Content-Disposition"]
    ws = openpyxl.load_workbook(io.BytesIO(r.content))["T-C.29"]
    assert str(ws["A1"].value).startswith("Tabel T-C.29")
    assert not DokumenBerkas.objects.exists()  # no background task for one table
    assert client.get(reverse("dokumen:tabel", args=[tahap_final.pk, "T-C.99"])).status_code == 404


def test_command_writes_document_and_single_table(tmp_path, db):
    import docx

    out = tmp_path / "renja.docx"
    call_command("renja_dokumen", "--tahun", "2026", "--opd", DINSOS, "--tahap", "rancangan_akhir",
                 "--format", "docx", "-o", str(out), "--tanggal", "2026-01-15", stdout=io.StringIO())  # fmt: skip
    teks = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "Bekasi, 15 Januari 2026" in teks and "BAB V PENUTUP" in teks
    xlsx = tmp_path / "tc29.xlsx"
    call_command("renja_dokumen", "--tahun", "2026", "--opd", DINSOS, "--tabel", "t-c.29", "--format", "xlsx",
                 "-o", str(xlsx), stdout=io.StringIO())  # fmt: skip
    assert xlsx.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(
    "args,pesan",
    [
        (["--tabel", "T-C.99"], "Tabel 'T-C.99' tidak dikenal"),
        (["--tahap", "penetapan"], "Tahap 'penetapan' tidak ada"),
        (["--tanggal", "15-01-2026"], "--tanggal '15-01-2026' bukan tanggal"),
    ],
)
def test_command_errors_are_messages(tmp_path, db, args, pesan):
    with pytest.raises(CommandError, match=pesan):
        call_command("renja_dokumen", "--tahun", "2026", "--opd", DINSOS, "--format", "docx",
                     "-o", str(tmp_path / "x.docx"), *args, stdout=io.StringIO())  # fmt: skip
    assert not (tmp_path / "x.docx").exists()


# The signer's free-text fields within their bounds: accepted values read back identical from the record and
# print in the signature block of the DOCX.
_teks = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp", "Zs")), min_size=1, max_size=40
).map(lambda s: s.strip()).filter(bool)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(nama=_teks, pangkat=_teks, jabatan=_teks, tempat=_teks,
       tanggal=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))  # fmt: skip
def test_signer_fields_read_back_identical_and_render(tahap_final, nama, pangkat, jabatan, tempat, tanggal):
    ttd = services.penandatangan_clean(nama=nama, pangkat=pangkat, jabatan=jabatan, tempat=tempat, tanggal=tanggal,
                                       sebutan="Plh.")  # fmt: skip
    assert (ttd.nama, ttd.pangkat, ttd.jabatan, ttd.tempat, ttd.tanggal) == (nama, pangkat, jabatan, tempat, tanggal)
    berkas = DokumenBerkas.objects.create(
        tahap=tahap_final, format="docx", ttd_nama=ttd.nama, ttd_pangkat=ttd.pangkat, ttd_jabatan=ttd.jabatan,
        ttd_tempat=ttd.tempat, ttd_tanggal=ttd.tanggal, ttd_sebutan=ttd.sebutan,
    )  # fmt: skip
    berkas.refresh_from_db()
    kembali = services.penandatangan_dari(berkas)
    assert kembali == ttd
    from renja.dokumen.renja import tanggal_indonesia

    blok = TandaTangan(f"{ttd.tempat}, {tanggal_indonesia(ttd.tanggal)}", [ttd.jabatan.upper()], ttd.nama, ttd.pangkat,
                       sebutan=ttd.sebutan)  # fmt: skip
    teks = docx_teks(tulis_docx(Dokumen(judul="x", kepala_halaman="x", nama_berkas="x", blok=[blok])))
    assert f"Plh. {ttd.jabatan.upper()}" in teks and ttd.nama in teks and ttd.pangkat in teks
    assert f"{ttd.tempat}, {tanggal_indonesia(ttd.tanggal)}" in teks


def test_database_backend_queues_and_the_worker_builds(tahap_final, media, settings):
    """With the production backend (django-tasks-db) the request only queues a task row; the worker
    (`renja db_worker`) claims ready rows and calls their task, as done here by hand (the worker closes database
    connections between tasks, which a test's transaction does not survive)."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    ttd = services.penandatangan_clean(nama="A", jabatan="Kepala Dinas Sosial Kota Bekasi")
    from django.contrib.auth import get_user_model

    berkas = services.dokumen_minta(
        actor=get_user_model().objects.get(username="perencana"), tahap=tahap_final, format="xlsx", penandatangan=ttd
    )
    assert berkas.status == StatusBerkas.ANTRE and berkas.kemajuan == 0
    tugas = DBTaskResult.objects.ready().get()
    assert tugas.task_path == "renja.dokumen.tasks.buat_dokumen" and tugas.args_kwargs["args"] == [berkas.pk]
    tugas.claim("uji")
    tugas.task.call(*tugas.args_kwargs["args"], **tugas.args_kwargs["kwargs"])
    berkas.refresh_from_db()
    assert berkas.status == StatusBerkas.SELESAI and berkas.nama_berkas.endswith("Rancangan-Akhir.xlsx")
