"""Issue 7 part 2 and the narrative half of part 6: the narrative of a stage (BAB I-V) as Markdown whose figures of
the plan's own data are placeholders, never typed. Figures are the demo's (seed): Rancangan Akhir 2026 holds
6 program, 12 kegiatan, 51 sub kegiatan, pagu Rp 26.736.518.416 (Tabel 2.19 first, seed lines 858-1000)."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from renja.inti.models import AuditEvent
from renja.monev.narasi import katalog_monev
from renja.perencanaan import services
from renja.perencanaan.models import NarasiBagian
from renja.perencanaan.narasi import (
    BAGIAN_BAWAAN,
    NarasiGalat,
    katalog_perencanaan,
    narasi_isi,
    narasi_periksa,
    placeholder_dalam,
)

from .test_edit_access import row_of
from .test_text_limits import _data

KALIMAT = (
    "{{jumlah_program}} program, {{jumlah_kegiatan}} kegiatan dan {{jumlah_sub_kegiatan}} sub kegiatan dengan pagu "
    "{{pagu_total}} ({{pagu_total_terbilang}})"
)
# 26.736.518.416 in words, by hand: 26 miliar, 736 juta, 518 ribu, 416.
TERBILANG = (
    "dua puluh enam miliar tujuh ratus tiga puluh enam juta lima ratus delapan belas ribu empat ratus enam belas rupiah"
)


@pytest.fixture
def katalog():
    return katalog_perencanaan() | katalog_monev()


def bagian(tahap, kode) -> NarasiBagian:
    return NarasiBagian.objects.get(tahap=tahap, kode=kode)


def test_the_issue_sentence_renders_the_demo_figures(tahap_final, katalog):
    assert narasi_isi(tahap=tahap_final, teks=KALIMAT, katalog=katalog) == (
        f"6 program, 12 kegiatan dan 51 sub kegiatan dengan pagu Rp 26.736.518.416 ({TERBILANG})"
    )


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [
        ("{{tahun}}", "2026"),
        ("{{tahun_evaluasi}}", "2024"),
        ("{{periode_renstra}}", "2025-2029"),
        ("{{nama_opd}} {{nama_pemda}}", "Dinas Sosial Kota Bekasi"),
        ("{{kepala_nama}}, NIP {{kepala_nip}}", "Drs. H. ALEXANDER ZULKARNAIN, M.Si., NIP 19660301 199003 1 010"),
        # program penunjang 1.06.01 with 6 kegiatan; 5 programs of the urusan with 1+1+1+2+1 = 6 kegiatan
        ("{{jumlah_program_penunjang}}/{{jumlah_kegiatan_penunjang}}", "1/6"),
        ("{{jumlah_program_urusan}}/{{jumlah_kegiatan_urusan}}", "5/6"),
        ("{{pagu_program:1.06.04}}", "Rp 4.962.840.000"),
        ("{{ pagu_program : 1.06.02 }}", "Rp 2.387.000.000"),
        ("{{pagu_program_terbilang:1.06.02}}", "dua miliar tiga ratus delapan puluh tujuh juta rupiah"),
        ("{{jumlah_usulan}}", "0"),  # seed line 1001: no proposal received
        ("{{pagu_total_terbilang:judul}}", TERBILANG.title()),
        # the year n-2 evaluation of the demo (Renja 2024: 6 program, 16 kegiatan, 69 sub kegiatan; 21 with pagu and
        # realisation: 12.031.244.879 / 14.099.806.296 = 85,33%)
        ("{{evaluasi_jumlah_program}}/{{evaluasi_jumlah_kegiatan}}/{{evaluasi_jumlah_sub_kegiatan}}", "6/16/69"),
        ("{{evaluasi_pagu}} {{evaluasi_realisasi}} {{evaluasi_serapan}}", "Rp 14.099.806.296 Rp 12.031.244.879 85,33%"),
    ],
)
def test_placeholders_render_the_data(tahap_final, katalog, teks, hasil):
    assert narasi_isi(tahap=tahap_final, teks=teks, katalog=katalog) == hasil


def test_changing_a_pagu_changes_every_place_including_terbilang(users, tahap_final, katalog):
    teks = KALIMAT + "; program 1.06.04: {{pagu_program:1.06.04}}; lagi {{pagu_total}}"
    row = row_of(tahap_final, "1.06.04.2.01.0001")  # Penyediaan Permakanan, Rp 1.000.000.000 PAD
    services.subkegiatan_update(
        actor=users["perencana"],
        row=row,
        expected_version=row.version,
        data=_data(row, pagu={"PAD": Decimal("1250000000")}),
    )
    # +250.000.000: total 26.986.518.416, program 1.06.04 4.962.840.000 + 250.000.000 = 5.212.840.000
    assert narasi_isi(tahap=tahap_final, teks=teks, katalog=katalog) == (
        "6 program, 12 kegiatan dan 51 sub kegiatan dengan pagu Rp 26.986.518.416 (dua puluh enam miliar sembilan "
        "ratus delapan puluh enam juta lima ratus delapan belas ribu empat ratus enam belas rupiah); program 1.06.04: "
        "Rp 5.212.840.000; lagi Rp 26.986.518.416"
    )


def test_demo_narrative_is_the_seed_text_with_placeholders(tahap_final, tahap_rkpd, katalog):
    for tahap in (tahap_final, tahap_rkpd):
        assert [b.kode for b in NarasiBagian.objects.filter(tahap=tahap)] == [k for k, _, _ in BAGIAN_BAWAAN]
    teks = bagian(tahap_final, "3.3").teks
    assert "**{{jumlah_program}}** Program, **{{jumlah_kegiatan}}** Kegiatan" in teks
    assert "26.736.518.416" not in teks  # never typed
    html = narasi_isi(tahap=tahap_final, teks=teks, katalog=katalog)
    assert "**6** Program, **12** Kegiatan dan **51** Sub Kegiatan dengan Pagu sebesar **Rp 26.736.518.416**" in html
    assert f"({TERBILANG.title()})" in html
    assert "12 Kecamatan" in html  # a statistic, text
    # regulation numbers stay text (seed line 84)
    assert "Undang-Undang Nomor 25 Tahun 2004" in bagian(tahap_final, "1.2").teks
    # every section of both stages renders with the full catalog, nothing left unknown
    for b in NarasiBagian.objects.filter(tahap__in=[tahap_final, tahap_rkpd]):
        assert "{{" not in narasi_isi(tahap=b.tahap, teks=b.teks, katalog=katalog)


def test_unknown_placeholder_is_refused_naming_it(users, tahap_final, katalog):
    b = bagian(tahap_final, "1.3")
    lama = b.teks
    for teks, pesan in [
        ("Pagu {{pagu_totl}}.", "{{pagu_totl}} tidak dikenal"),
        ("Pagu {{pagu_program:9.99.99}}.", "program 9.99.99 tidak ada di tahap Rancangan Akhir"),
        ("Pagu {{pagu_program}}.", "memerlukan kode program"),
        ("Pagu {{tahun:2027}}.", "tidak memakai argumen"),
        ("Baris satu\nPagu {{pagu_total", "Bagian 1.3, baris 2: tanda {{ tanpa penutup }}"),
    ]:
        with pytest.raises(ValidationError, match=pesan.replace("{", r"\{").replace("}", r"\}")):
            services.narasi_bagian_update(
                actor=users["perencana"], bagian=b, expected_version=b.version, teks=teks, katalog=katalog
            )
    versi = b.version
    b.refresh_from_db()
    assert b.teks == lama and b.version == versi


def test_narasi_isi_raises_instead_of_leaving_a_blank(tahap_final, katalog):
    with pytest.raises(NarasiGalat, match=r"\{\{jumlah_progam\}\} tidak dikenal"):
        narasi_isi(tahap=tahap_final, teks="Ada {{jumlah_progam}} program.", katalog=katalog)
    # perencanaan's catalog alone does not know monev's placeholders: an error, not a blank
    assert narasi_periksa(teks="{{evaluasi_serapan}}", katalog=katalog_perencanaan()) == [
        "Baris 1: placeholder {{evaluasi_serapan}} tidak dikenal; pilih dari daftar placeholder."
    ]
    assert [p.nama for p in placeholder_dalam("a {{tahun}} b {{pagu_program:1.06.02}}")] == ["tahun", "pagu_program"]


def test_update_writes_audit_and_version(users, tahap_final, katalog):
    b = bagian(tahap_final, "1.3")
    versi = b.version
    services.narasi_bagian_update(
        actor=users["perencana"], bagian=b, expected_version=versi, teks="Renja {{tahun}}.", katalog=katalog
    )
    b.refresh_from_db()
    assert (b.teks, b.version) == ("Renja {{tahun}}.", versi + 1)
    ev = AuditEvent.objects.filter(action="narasi_bagian_update", object_id=str(b.pk)).order_by("-pk").first()
    assert ev.new["teks"] == "Renja {{tahun}}." and ev.actor == users["perencana"]


def test_stale_version_is_refused(users, tahap_final, katalog):
    b = bagian(tahap_final, "1.3")
    versi = b.version
    services.narasi_bagian_update(actor=users["admin"], bagian=b, expected_version=versi, teks="A", katalog=katalog)
    with pytest.raises(ValidationError, match="sudah diubah orang lain"):
        services.narasi_bagian_update(
            actor=users["perencana"], bagian=b, expected_version=versi, teks="B", katalog=katalog
        )
    b.refresh_from_db()
    assert b.teks == "A"


def test_locked_stage_refuses_narrative_edits_even_admin(users, tahap_rkpd, katalog):
    b = bagian(tahap_rkpd, "1.3")
    with pytest.raises(PermissionDenied, match="sudah ditetapkan dan terkunci"):
        services.narasi_bagian_update(
            actor=users["admin"], bagian=b, expected_version=b.version, teks="x", katalog=katalog
        )


@pytest.mark.parametrize("username", ["pemeriksa", "pimpinan", "operator.rehsos"])
def test_readers_cannot_edit(users, tahap_final, katalog, username):
    b = bagian(tahap_final, "1.3")
    with pytest.raises(PermissionDenied):
        services.narasi_bagian_update(
            actor=users[username], bagian=b, expected_version=b.version, teks="x", katalog=katalog
        )


def test_stage_copy_carries_the_narrative(users, renja2026, tahap_final, katalog):
    b = bagian(tahap_final, "1.3")
    services.narasi_bagian_update(
        actor=users["perencana"], bagian=b, expected_version=b.version, teks="Baru {{tahun}}", katalog=katalog
    )
    services.tahap_submit(actor=users["perencana"], tahap=tahap_final)
    services.tahap_tetapkan(actor=users["pimpinan"], tahap=tahap_final)
    baru = services.tahap_create(actor=users["perencana"], renja=renja2026, jenis="penetapan")
    lama = {x.kode: x.teks for x in NarasiBagian.objects.filter(tahap=tahap_final)}
    assert {x.kode: x.teks for x in NarasiBagian.objects.filter(tahap=baru)} == lama
    assert lama["1.3"] == "Baru {{tahun}}"
    with pytest.raises(PermissionDenied):  # the old stage stays locked with its narrative
        services.narasi_bagian_update(
            actor=users["admin"], bagian=b, expected_version=b.version + 1, teks="x", katalog=katalog
        )


def test_new_year_from_previous_copies_the_narrative_reading_its_own_year(users, renja2026, tahap_rkpd, katalog):
    hasil = services.renja_start_from_previous(actor=users["perencana"], opd=renja2026.opd, tahun=2027)
    sumber = {x.kode: x.teks for x in NarasiBagian.objects.filter(tahap=tahap_rkpd)}  # 2026's stage in force
    assert {x.kode: x.teks for x in NarasiBagian.objects.filter(tahap=hasil.tahap)} == sumber
    assert narasi_isi(tahap=hasil.tahap, teks="{{tahun}}", katalog=katalog) == "2027"


def test_empty_renja_gets_the_seed_sections(users, renja2026):
    hasil = services.renja_start_empty(actor=users["perencana"], opd=renja2026.opd, tahun=2028)
    assert [(b.kode, b.judul, b.teks) for b in NarasiBagian.objects.filter(tahap=hasil.tahap)][:2] == [
        ("1.1", "Latar Belakang", ""),
        ("1.2", "Dasar Hukum", ""),
    ]


# --- pages ------------------------------------------------------------------------------------------------------


def test_editor_page_previews_with_the_data(client, users, tahap_final):
    client.force_login(users["pemeriksa"])
    b = bagian(tahap_final, "3.3")
    html = client.get(f"/renja/narasi/{b.pk}/").content.decode()
    assert "<strong>Rp 26.736.518.416</strong>" in html  # the preview, Markdown rendered
    assert "{{evaluasi_serapan}}" in html  # the full catalog (monev's too) is listed
    assert 'name="aksi"' not in html  # read-only for the pemeriksa
    assert client.get(f"/renja/tahap/{tahap_final.pk}/narasi/").status_code == 200


def test_editor_refuses_unknown_placeholder_with_message(client, users, tahap_final):
    client.force_login(users["perencana"])
    b = bagian(tahap_final, "1.3")
    versi = b.version
    r = client.post(f"/renja/narasi/{b.pk}/", {"version": versi, "teks": "X {{pagu_totl}}", "aksi": "simpan"})
    assert r.status_code == 400
    assert "{{pagu_totl}} tidak dikenal" in r.content.decode()
    b.refresh_from_db()
    assert b.version == versi
    r = client.post(f"/renja/narasi/{b.pk}/", {"version": versi, "teks": "Pagu {{pagu_total}}", "aksi": "simpan"})
    assert r.status_code == 302
    b.refresh_from_db()
    assert b.teks == "Pagu {{pagu_total}}"


def test_markdown_html_is_not_passed_through(client, users, tahap_final):
    client.force_login(users["perencana"])
    b = bagian(tahap_final, "1.3")
    r = client.post(
        f"/renja/narasi/{b.pk}/", {"version": b.version, "teks": "<script>x</script> *a*", "aksi": "pratinjau"}
    )
    html = r.content.decode()
    assert "&lt;script&gt;x&lt;/script&gt; <em>a</em>" in html and "<script>x" not in html


class TestNarasiRoundTrip(TestCase):
    """Any text the service accepts reads back identical and renders (text without placeholders renders as
    itself)."""

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(teks=st.text(max_size=200))
    @example(teks="\x00")
    @example(teks="Pagu {{pagu_total}} dan } { satu")
    def test_round_trip(self, teks):
        from django.contrib.auth import get_user_model

        from renja.perencanaan.models import Tahap

        user = get_user_model().objects.get(username="perencana")
        tahap = Tahap.objects.get(renja__tahun=2026, jenis="rancangan_akhir")
        b = NarasiBagian.objects.get(tahap=tahap, kode="1.4")
        katalog = katalog_perencanaan() | katalog_monev()
        try:
            services.narasi_bagian_update(actor=user, bagian=b, expected_version=b.version, teks=teks, katalog=katalog)
        except ValidationError as exc:
            assert set(exc.message_dict) == {"teks"}
            assert "{{" in teks or "karakter" in " ".join(exc.messages)
            return
        b.refresh_from_db()
        assert b.teks == teks.replace("\r\n", "\n")
        hasil = narasi_isi(tahap=tahap, teks=b.teks, katalog=katalog)
        if "{{" not in teks:
            assert hasil == b.teks


CONTOH_ARGUMEN = {
    "pagu_program": "1.06.02",
    "pagu_program_terbilang": "1.06.02",
    "pagu_kegiatan": "1.06.02.2.03",
    "nama_program": "1.06.04",
    "jumlah_kegiatan_program": "1.06.01",
}


def test_every_example_in_the_editor_list_is_what_the_demo_renders(tahap_final, katalog):
    """The editor lists each placeholder with an example "(data demo)": it must be the demo's real figure."""
    for nama, isian in katalog.items():
        argumen = CONTOH_ARGUMEN.get(nama)
        teks = "{{" + nama + (":" + argumen if argumen else "") + "}}"
        assert narasi_isi(tahap=tahap_final, teks=teks, katalog=katalog) == isian.contoh, nama


def test_a_session_reads_the_data_once_for_every_section(tahap_final, katalog):
    """The document (and the section list) renders 14 sections: inside narasi_sesi the stage's tree and the n-2
    evaluation are read once, so all sections cost what one section costs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from renja.perencanaan.narasi import narasi_sesi

    semua = list(NarasiBagian.objects.filter(tahap=tahap_final))
    tahap = type(tahap_final).objects.select_related("renja__opd__pemda", "renja__renstra").get(pk=tahap_final.pk)
    with CaptureQueriesContext(connection) as satu, narasi_sesi():
        narasi_isi(tahap=tahap, teks=bagian(tahap_final, "2.1").teks + bagian(tahap_final, "3.3").teks, katalog=katalog)
    with CaptureQueriesContext(connection) as banyak, narasi_sesi():
        for b in semua:
            narasi_isi(tahap=tahap, teks=b.teks, katalog=katalog)
    assert len(banyak.captured_queries) == len(satu.captured_queries)


def test_section_list_flags_sections_that_cannot_render(client, users, tahap_final, katalog):
    client.force_login(users["perencana"])
    url = f"/renja/tahap/{tahap_final.pk}/narasi/"
    assert "placeholder tidak dapat diisi" not in client.get(url).content.decode()  # the demo renders entirely
    # a text saved while valid that the data no longer fills: the program it names is gone from the stage
    b = bagian(tahap_final, "1.3")
    services.narasi_bagian_update(
        actor=users["perencana"], bagian=b, expected_version=b.version, teks="{{pagu_program:1.06.07}}", katalog=katalog
    )
    from renja.perencanaan.models import RenjaRow

    RenjaRow.objects.filter(tahap=tahap_final, kode="1.06.07").delete()  # cascades to its rows
    assert "1 placeholder tidak dapat diisi" in client.get(url).content.decode()


def test_stage_history_shows_narrative_changes(client, users, tahap_final, katalog):
    b = bagian(tahap_final, "1.3")
    services.narasi_bagian_update(
        actor=users["perencana"], bagian=b, expected_version=b.version, teks="Maksud {{tahun}}", katalog=katalog
    )
    client.force_login(users["pemeriksa"])
    html = client.get(f"/renja/tahap/{tahap_final.pk}/riwayat/").content.decode()
    assert "Maksud {{tahun}}" in html and "Teks narasi" in html
