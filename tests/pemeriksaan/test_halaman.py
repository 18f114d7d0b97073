"""Issue 8 parts 1-3 and the upload page: the rules' help page, the findings of a stage (filters, acceptance), the
count on the Renja page, and checking an uploaded document (never stored, hostile files get a message)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renja.inti.models import AuditEvent
from renja.pemeriksaan.aturan import ATURAN
from renja.pemeriksaan.aturan_data import ATURAN_DATA
from renja.pemeriksaan.models import ALASAN_MAKS, Penerimaan
from renja.perencanaan.models import Indikator, RenjaRow
from tests import berkas_jahat
from tests.pemeriksaan import seed

PERMAKANAN = "1.06.04.2.01.0001"


def test_help_page_lists_every_rule_from_the_rules_themselves(client, users):
    client.force_login(users["pemeriksa"])
    html = client.get("/periksa/aturan/").content.decode()
    for a in [*ATURAN, *ATURAN_DATA]:
        assert f'id="aturan-{a.ranah}-{a.kode}"' in html
    assert "Penyediaan Permakanan: target 1.800 Orang di Rancangan Akhir RKPD" in html  # an example, rendered
    assert "Ambang selisih antar tahap saat ini 20%" in html


def test_findings_page_filters_by_severity_and_unit(client, users, tahap_final):
    """The demo's final stage: 38 peringatan and 1 info (test_data). Filtered to info: the Renstra note only;
    filtered to unit Rehsos: the rows of its sub kegiatan and their kegiatan/program (Permakanan's drift among
    them), never Linjamsos's."""
    client.force_login(users["pemeriksa"])
    url = f"/periksa/tahap/{tahap_final.pk}/"
    html = client.get(url).content.decode()
    assert "0 galat" in html and "38 peringatan" in html and "1 info" in html
    assert "39 dari 39 temuan ditampilkan" in html
    info = client.get(url, {"tingkat": "info"}).content.decode()
    assert "1 dari 39 temuan" in info and "belum berisi tabel program" in info
    rehsos = RenjaRow.objects.get(tahap=tahap_final, kode=PERMAKANAN).unit
    html_unit = client.get(url, {"unit": rehsos.pk}).content.decode()
    kode = set(re.findall(r'data-kode="([^"]*)"', html_unit))
    assert PERMAKANAN in kode
    assert all(k.startswith("1.06.04") for k in kode), kode
    assert "Terima" not in html  # pemeriksa reads only


def test_renja_page_loads_the_count_from_pemeriksaan(client, users, renja2026, tahap_final):
    client.force_login(users["perencana"])
    page = client.get(f"/renja/{renja2026.pk}/?tahap={tahap_final.pk}").content.decode()
    assert f'hx-get="/periksa/tahap/{tahap_final.pk}/ringkas/"' in page
    frag = client.get(f"/periksa/tahap/{tahap_final.pk}/ringkas/").content.decode()
    assert "38 peringatan" in frag and "1 info" in frag and "galat" not in frag.split("peringatan")[0]
    assert f'href="/periksa/tahap/{tahap_final.pk}/"' in frag


def _negatif(tahap):
    row = RenjaRow.objects.get(tahap=tahap, kode=PERMAKANAN)
    Indikator.objects.filter(row=row).update(target_nilai=Decimal("-10"))
    return row


def _form(client, tahap, aturan):
    html = client.get(f"/periksa/tahap/{tahap.pk}/", {"tingkat": "galat"}).content.decode()
    m = re.search(r'name="kunci" value="([^"]*)"><input type="hidden" name="sidik" value="([^"]*)"', html)
    assert m and m.group(1).startswith(aturan)
    return {"kunci": m.group(1).replace("&#x27;", "'"), "sidik": m.group(2)}


def test_perencana_accepts_a_finding_with_a_reason_audited(client, users, tahap_final):
    _negatif(tahap_final)
    client.force_login(users["perencana"])
    data = _form(client, tahap_final, "target_negatif")
    ditolak = client.post(f"/periksa/tahap/{tahap_final.pk}/terima/", {**data, "alasan": "   "}, follow=True)
    assert "Alasan menerima temuan wajib diisi." in ditolak.content.decode()
    assert not Penerimaan.objects.exists()
    r = client.post(f"/periksa/tahap/{tahap_final.pk}/terima/", {**data, "alasan": "target dikoreksi di SIPD"})
    assert r.status_code == 302
    p = Penerimaan.objects.get()
    assert (p.aturan, p.alasan, p.diterima_oleh.username) == ("target_negatif", "target dikoreksi di SIPD", "perencana")
    ev = AuditEvent.objects.get(action="temuan_terima")
    assert ev.new["alasan"] == "target dikoreksi di SIPD" and ev.scope == str(tahap_final.renja.opd_id)
    html = client.get(f"/periksa/tahap/{tahap_final.pk}/").content.decode()
    assert "0 galat" in html and "1 diterima" in html and "target dikoreksi di SIPD" in html


def test_stale_digest_is_refused(client, users, tahap_final):
    """The figures changed after the page was opened: the acceptance is refused, nothing written."""
    row = _negatif(tahap_final)
    client.force_login(users["perencana"])
    data = _form(client, tahap_final, "target_negatif")
    Indikator.objects.filter(row=row).update(target_nilai=Decimal("-11"))
    r = client.post(f"/periksa/tahap/{tahap_final.pk}/terima/", {**data, "alasan": "x"}, follow=True)
    assert "berubah sejak halaman dibuka" in r.content.decode()
    assert not Penerimaan.objects.exists()


def test_operator_and_pemeriksa_cannot_accept(client, users, tahap_final):
    _negatif(tahap_final)
    client.force_login(users["perencana"])
    data = _form(client, tahap_final, "target_negatif")
    for nama in ("pemeriksa", "operator.rehsos", "pimpinan"):
        client.force_login(users[nama])
        r = client.post(f"/periksa/tahap/{tahap_final.pk}/terima/", {**data, "alasan": "x"})
        assert r.status_code == 403, nama
    assert not Penerimaan.objects.exists()


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(alasan=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=0, max_size=600))
def test_reason_bound_property(client, users, tahap_final, alasan):
    """Any reason up to 500 characters (after spaces are collapsed) reads back identical and renders on the
    findings page; a longer or blank one is refused with a message, nothing stored."""
    from django.core.exceptions import ValidationError
    from django.utils.html import escape

    from renja.pemeriksaan import services
    from renja.pemeriksaan.periksa import periksa_tahap

    Penerimaan.objects.all().delete()
    h = next(h for h in periksa_tahap(tahap_final) if h.temuan.aturan == "prakiraan_maju_kosong")
    bersih = " ".join(alasan.split())
    try:
        services.temuan_terima(
            actor=users["perencana"], tahap=tahap_final, kunci=h.temuan.kunci, sidik=h.temuan.sidik, alasan=alasan
        )
    except ValidationError as e:
        assert not bersih or len(bersih) > ALASAN_MAKS
        assert "Alasan menerima temuan" in e.messages[0]
        assert not Penerimaan.objects.exists()
        return
    assert bersih and len(bersih) <= ALASAN_MAKS
    assert Penerimaan.objects.get().alasan == bersih
    client.force_login(users["pemeriksa"])
    html = client.get(f"/periksa/tahap/{tahap_final.pk}/", {"status": "diterima"}).content.decode()
    assert "1 dari 39 temuan" in html and escape(bersih) in html


# --- the document upload page ----------------------------------------------------------------------------


def test_upload_seed_text_shows_findings_with_location_and_quote(client, users, tmp_path):
    """The seed text: Tabel 3.16's kegiatan realisation 4.103.700.625 is not the sum of its rows (3.115.335.900);
    the page quotes the cell and names table, line and column. Nothing is stored."""
    client.force_login(users["pemeriksa"])
    sebelum = set(p.name for p in tmp_path.iterdir())
    berkas = SimpleUploadedFile("renja.txt", seed.SEED.read_bytes(), content_type="text/plain")
    r = client.post("/periksa/dokumen/", {"berkas": berkas})
    html = r.content.decode()
    assert r.status_code == 200
    assert "29 galat" in html and "49 peringatan" in html
    assert "Tabel 3.16, baris 786, kolom 5" in html and "<q>4.103.700.625</q>" in html
    assert set(p.name for p in tmp_path.iterdir()) == sebelum


@pytest.mark.parametrize(
    ("jahat", "pesan"),
    [
        ("zip_terpotong", "rusak"),
        ("zip_bom", "bom ZIP"),
        ("berkas_50mb", "terlalu besar"),
        ("pdf_terenkripsi", "kata sandi"),
        ("sampah_bernama_docx", "laporan.docx"),
    ],
)
def test_hostile_uploads_get_their_message_never_a_500(client, users, jahat, pesan):
    client.force_login(users["perencana"])
    client.raise_request_exception = False
    nama, isi = berkas_jahat.buat(jahat)
    r = client.post("/periksa/dokumen/", {"berkas": SimpleUploadedFile(nama, isi)})
    html = r.content.decode()
    assert r.status_code == 400
    galat = re.search(r'id="galat-berkas">([^<]*)<', html).group(1)
    assert pesan in galat.replace("&#x27;", "'"), galat


def test_scanned_pdf_without_text_gets_its_message(client, users):
    client.force_login(users["perencana"])
    r = client.post("/periksa/dokumen/", {"berkas": SimpleUploadedFile("pindaian.pdf", berkas_jahat.pdf_sah())})
    assert r.status_code == 400
    assert "tidak memiliki lapisan teks" in r.content.decode()
