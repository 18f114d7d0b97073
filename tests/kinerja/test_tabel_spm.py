"""Kinerja pelayanan (T-C.30, seed Tabel 2.3 baris 411-425) and SPM targets 2026 (seed second Tabel 3.2, baris
1038-1047): the demo holds the seed's figures, the tables write them to .xlsx (read back with openpyxl), the services
refuse bad input with a message naming what and where and write nothing, the page shows and saves them."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from openpyxl import load_workbook

from renja.inti.models import AuditEvent
from renja.inti.tabel import tulis_xlsx
from renja.kinerja import selectors, services
from renja.kinerja.html import tabel_html
from renja.kinerja.models import KinerjaPelayanan, KinerjaPelayananTahun, SpmTarget
from renja.kinerja.tabel_spm import tabel_spm, tabel_tc30
from renja.perencanaan.models import Renja

OPD = "1.06.0.00.0.00.01.0000"
# seed Tabel 3.2 (second), baris 1043-1047: 300 Orang, 350 Orang, 150 Lansia, 200 Orang, 450 Orang
SPM_2026 = [(300, "Orang"), (350, "Orang"), (150, "Lansia"), (200, "Orang"), (450, "Orang")]


def _ws(tabel):
    return load_workbook(io.BytesIO(tulis_xlsx(tabel))).active


def _kol(tabel, kunci):
    return next(i for i, k in enumerate(tabel.kolom, start=1) if k.kunci == kunci)


def _body(ws, tabel):
    """Body rows: below the header (whose 'spm'/'jenis' cell holds the column title or number), above the notes."""
    kunci = "spm" if any(k.kunci == "spm" for k in tabel.kolom) else "jenis"
    c = _kol(tabel, kunci)
    judul = next(k.judul for k in tabel.kolom if k.kunci == kunci)
    return [
        r
        for r in range(1, ws.max_row + 1)
        if ws.cell(row=r, column=c).value not in (None, judul, 3) and ws.cell(row=r, column=1).value != "Catatan"
    ]


def test_spm_targets_2026_equal_the_seed(renja2026):
    targets = selectors.spm_target_list(opd=renja2026.opd, tahun=2026)
    assert [(int(t.target), t.satuan) for t in targets] == SPM_2026
    tabel = tabel_spm(targets, tahun=2026, opd_nama=renja2026.opd.nama)
    ws = _ws(tabel)
    rows = _body(ws, tabel)
    assert len(rows) == 5
    got = [
        (ws.cell(row=r, column=_kol(tabel, "target")).value, ws.cell(row=r, column=_kol(tabel, "satuan")).value)
        for r in rows
    ]
    assert got == SPM_2026
    # the basic services in PP 2/2018 order, named as the regulation names them
    assert ws.cell(row=rows[0], column=_kol(tabel, "jenis")).value.startswith("Rehabilitasi sosial dasar penyandang")
    assert ws.cell(row=rows[4], column=_kol(tabel, "jenis")).value.startswith("Perlindungan dan jaminan sosial")
    # 300 + 350 + 150 + 200 + 450 = 1.450 warga negara targeted in 2026
    assert sum(v for v, _ in got) == 1450


def test_tc30_equals_the_seed_tabel_2_3(renja2026):
    baris = selectors.kinerja_pelayanan_list(opd=renja2026.opd)
    assert len(baris) == 5
    tabel = tabel_tc30(baris, tahun=2026, opd_nama=renja2026.opd.nama)
    ws = _ws(tabel)
    rows = _body(ws, tabel)
    assert len(rows) == 5
    # every figure of Tabel 2.3 is 100 %: target Renstra 2023-2026, realisasi 2023-2024, proyeksi 2025-2026
    for r in rows:
        for kunci in ("t2023", "t2024", "t2025", "t2026", "r2023", "r2024", "p2025", "p2026"):
            assert ws.cell(row=r, column=_kol(tabel, kunci)).value == 100, (r, kunci)
        assert ws.cell(row=r, column=_kol(tabel, "satuan")).value == "%"
    # two groups (the seed's No 1 and 2): the shared indicator and IKK printed once, on the group's first line
    nomor = [ws.cell(row=r, column=1).value for r in rows]
    assert nomor == ["1", None, None, None, "2"]
    assert ws.cell(row=rows[0], column=_kol(tabel, "ikk")).value == "Persentase PPKS Binaan yang mandiri"
    assert ws.cell(row=rows[4], column=_kol(tabel, "ikk")).value is None
    assert ws.cell(row=rows[2], column=_kol(tabel, "spm")).value.startswith("Persentase Lanjut Usia Terlantar")
    # header: Target Renstra over 4 years, Realisasi Capaian over 2, Proyeksi over 2, column numbers 1..14
    head = {ws.cell(row=r, column=c).value for r in range(1, 6) for c in range(1, ws.max_column + 1)}
    assert {"Target Renstra", "Realisasi Capaian", "Proyeksi", "Tahun 2023", "Tahun 2026"} <= head
    nomor_row = next(r for r in range(1, 10) if ws.cell(row=r, column=1).value == 1)
    assert [ws.cell(row=nomor_row, column=c).value for c in range(1, 15)] == list(range(1, 15))


def test_a_year_without_figures_stays_empty(renja2026):
    """T-C.30 of 2027: target 2027 and proyeksi 2027 were never entered, so they are empty, not 0."""
    baris = selectors.kinerja_pelayanan_list(opd=renja2026.opd)
    tabel = tabel_tc30(baris, tahun=2027, opd_nama="Dinas Sosial")
    ws = _ws(tabel)
    r = _body(ws, tabel)[0]
    assert ws.cell(row=r, column=_kol(tabel, "t2027")).value is None
    assert ws.cell(row=r, column=_kol(tabel, "p2027")).value is None
    assert ws.cell(row=r, column=_kol(tabel, "t2024")).value == 100


@pytest.mark.parametrize(
    "kwargs, pesan",
    [
        ({"target": Decimal(-1)}, "tidak boleh negatif"),
        ({"target": Decimal("1.23456")}, "paling banyak 4 angka di belakang koma"),
        ({"target": Decimal(10) ** 14}, "terlalu besar"),
        ({"indikator": "  "}, "indikator wajib diisi"),
        ({"indikator": "x" * 1001}, "paling banyak 1000 karakter (ada 1001)"),
        ({"satuan": "s" * 61}, "satuan paling banyak 60 karakter"),
        ({"tahun": 1999}, "tahun '1999' tidak sah"),
        ({"jenis": "lansia"}, "Jenis pelayanan dasar 'lansia' tidak dikenal"),
    ],
)
def test_spm_target_bad_input_is_refused_naming_it(renja2026, users, kwargs, pesan):
    before = list(SpmTarget.objects.order_by("pk").values_list("pk", "target", "indikator", "satuan", "version"))
    args = {
        "actor": users["perencana"],
        "opd": renja2026.opd,
        "tahun": 2026,
        "jenis": "lansia_terlantar",
        "indikator": "Jumlah lansia terlantar",
        "target": Decimal(150),
        "satuan": "Lansia",
    }
    args.update(kwargs)
    with pytest.raises(ValidationError) as exc:
        services.spm_target_record(**args)
    teks = " ".join(exc.value.messages)
    assert pesan in teks
    if "jenis" not in kwargs:
        assert "Target SPM Rehabilitasi sosial dasar lanjut usia terlantar" in teks
    assert (
        list(SpmTarget.objects.order_by("pk").values_list("pk", "target", "indikator", "satuan", "version")) == before
    )


def test_spm_target_update_is_audited_and_versioned(renja2026, users):
    obj = SpmTarget.objects.get(opd=renja2026.opd, tahun=2026, jenis="anak_terlantar")
    v = obj.version
    services.spm_target_record(
        actor=users["perencana"],
        opd=renja2026.opd,
        tahun=2026,
        jenis="anak_terlantar",
        indikator=obj.indikator,
        target=Decimal(375),
        satuan="Orang",
        expected_version=v,
    )
    obj.refresh_from_db()
    assert (obj.target, obj.version) == (Decimal(375), v + 1)
    ev = AuditEvent.objects.filter(action="spm_target_record", object_id=str(obj.pk)).latest("pk")
    assert ev.old["target"] == "350.0000" or Decimal(ev.old["target"]) == 350
    assert Decimal(ev.new["target"]) == 375
    # a save from a page loaded before that change is refused, nothing overwritten
    with pytest.raises(ValidationError, match="telah diubah pengguna lain"):
        services.spm_target_record(
            actor=users["perencana"],
            opd=renja2026.opd,
            tahun=2026,
            jenis="anak_terlantar",
            indikator=obj.indikator,
            target=Decimal(1),
            expected_version=v,
        )
    obj.refresh_from_db()
    assert obj.target == Decimal(375)


def test_only_the_perencana_may_write(renja2026, users):
    for username in ("pemeriksa", "pimpinan", "operator.rehsos"):
        with pytest.raises(PermissionDenied):
            services.spm_target_record(
                actor=users[username],
                opd=renja2026.opd,
                tahun=2026,
                jenis="korban_bencana",
                indikator="x",
                target=Decimal(1),
            )
    assert SpmTarget.objects.get(opd=renja2026.opd, tahun=2026, jenis="korban_bencana").target == 450


def test_kinerja_pelayanan_bad_figure_names_line_and_year(renja2026, users):
    baris = KinerjaPelayanan.objects.filter(opd=renja2026.opd).order_by("urutan").first()
    before = list(KinerjaPelayananTahun.objects.filter(baris=baris).values_list("tahun", "target", "realisasi"))
    with pytest.raises(ValidationError) as exc:
        services.kinerja_pelayanan_record(
            actor=users["perencana"],
            opd=renja2026.opd,
            baris=baris,
            indikator=baris.indikator,
            spm=baris.spm,
            nilai={2025: {"target": Decimal(90)}, 2024: {"realisasi": Decimal("-5")}},
        )
    teks = " ".join(exc.value.messages)
    assert "realisasi 2024" in teks and "tidak boleh negatif" in teks and "Persentase Penyandang" in teks
    assert list(KinerjaPelayananTahun.objects.filter(baris=baris).values_list("tahun", "target", "realisasi")) == before


def test_page_shows_the_tables_and_the_perencana_saves(client, renja2026, users):
    url = f"/evaluasi/{renja2026.pk}/spm/"
    client.raise_request_exception = False
    client.force_login(users["pimpinan"])
    html = client.get(url).content.decode()
    assert "Tabel T-C.30 Pencapaian Kinerja Pelayanan" in html
    assert "Rehabilitasi sosial dasar tuna sosial khususnya gelandangan dan pengemis di luar panti" in html
    assert 'id="isian-spm"' not in html  # no input cells for a reader
    assert client.post(url, {"bagian": "spm", "jenis": "korban_bencana", "target": "1"}).status_code == 403
    xlsx = client.get(url + "?format=xlsx")
    wb = load_workbook(io.BytesIO(xlsx.content))
    assert wb.sheetnames == ["T-C.30", "Target SPM"]

    client.force_login(users["perencana"])
    assert 'id="isian-spm"' in client.get(url).content.decode()
    obj = SpmTarget.objects.get(opd=renja2026.opd, tahun=2026, jenis="korban_bencana")
    r = client.post(
        url,
        {
            "bagian": "spm",
            "jenis": "korban_bencana",
            "indikator": obj.indikator,
            "target": "1.250",
            "satuan": "Orang",
            "version": obj.version,
        },
    )
    assert r.status_code == 302
    obj.refresh_from_db()
    assert obj.target == Decimal(1250)
    html = client.get(url).content.decode()
    assert "1.250" in html
    # a bad number comes back as a message naming the service, nothing stored
    r = client.post(
        url,
        {"bagian": "spm", "jenis": "korban_bencana", "indikator": obj.indikator, "target": "12,34567"},
        follow=True,
    )
    pesan = r.content.decode()
    assert "Target SPM Perlindungan dan jaminan sosial korban bencana 2026" in pesan
    assert "paling banyak 4 angka di belakang koma" in pesan
    obj.refresh_from_db()
    assert obj.target == Decimal(1250)
    # T-C.30: realisasi 2024 of the first line
    baris = selectors.kinerja_pelayanan_list(opd=renja2026.opd)[0]
    data = {"bagian": "pelayanan", "baris": baris.pk, "version": baris.version, "catatan": "tercapai"}
    for x in baris.tahun_nilai.all():
        for kunci, tahun in (("target", range(2023, 2027)), ("realisasi", (2023, 2024)), ("proyeksi", (2025, 2026))):
            if x.tahun in tahun and getattr(x, kunci) is not None:
                data[f"{kunci}_{x.tahun}"] = "100"
    data["realisasi_2024"] = "97,5"
    assert client.post(url, data).status_code == 302
    t = KinerjaPelayananTahun.objects.get(baris=baris, tahun=2024)
    assert (t.target, t.realisasi) == (Decimal(100), Decimal("97.5"))
    assert KinerjaPelayanan.objects.get(pk=baris.pk).catatan == "tercapai"
    assert "97,5" in client.get(url).content.decode()
    # unknown line or part: 404
    assert client.post(url, {"bagian": "pelayanan", "baris": "2147483647"}).status_code == 404
    assert client.post(url, {"bagian": "lain"}).status_code == 404


@st.composite
def angka(draw) -> Decimal:
    desimal = draw(st.integers(0, 4))
    n = draw(st.integers(0, 10 ** (14 + desimal) - 1))
    return Decimal(n).scaleb(-desimal)


class TestSpmRoundTrip(TestCase):
    """Any target the service accepts (0 ≤ x < 10^14, at most 4 decimals) reads back identical and renders in the
    SPM table (.xlsx value or exact text, HTML in the Indonesian form)."""

    @settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(nilai=angka(), satuan=st.text(alphabet="abcdefghij Orang/", max_size=60))
    @example(nilai=Decimal("99999999999999.9999"), satuan="Orang")
    @example(nilai=Decimal("0"), satuan="")
    def test_round_trip(self, nilai, satuan):
        from django.contrib.auth import get_user_model

        from renja.inti.format import angka_ringkas

        users = {u.username: u for u in get_user_model().objects.all()}
        renja = Renja.objects.select_related("opd").get(tahun=2026, opd__kode=OPD)
        services.spm_target_record(
            actor=users["perencana"],
            opd=renja.opd,
            tahun=2026,
            jenis="gelandangan_pengemis",
            indikator="Jumlah gelandangan dan pengemis",
            target=nilai,
            satuan=satuan,
        )
        obj = SpmTarget.objects.get(opd=renja.opd, tahun=2026, jenis="gelandangan_pengemis")
        assert obj.target == nilai and obj.satuan == satuan.strip()
        tabel = tabel_spm(selectors.spm_target_list(opd=renja.opd, tahun=2026), tahun=2026, opd_nama="Dinas Sosial")
        ws = _ws(tabel)
        cell = ws.cell(row=_body(ws, tabel)[3], column=_kol(tabel, "target")).value
        if isinstance(cell, str):  # more than 15 significant digits: exact text, Indonesian form
            assert cell == angka_ringkas(nilai)
        else:
            assert Decimal(str(cell)) == nilai
        html = tabel_html(tabel)
        assert angka_ringkas(nilai) in [s.teks for s in html["baris"][3]["sel"]]
        client = Client()
        client.force_login(users["pimpinan"])
        assert angka_ringkas(nilai) in client.get(f"/evaluasi/{renja.pk}/spm/").content.decode()


class TestKinerjaPelayananRoundTrip(TestCase):
    """Any T-C.30 figure and text the service accepts reads back identical and renders in T-C.30 (.xlsx, HTML)."""

    @settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        nilai=angka(),
        spm=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn")), min_size=1, max_size=1000).filter(
            lambda s: s.strip() == s and s
        ),
    )
    @example(nilai=Decimal("99999999999999.9999"), spm="x" * 1000)
    @example(nilai=Decimal("0.0001"), spm="=1+1")
    def test_round_trip(self, nilai, spm):
        from django.contrib.auth import get_user_model

        from renja.inti.format import angka_ringkas

        users = {u.username: u for u in get_user_model().objects.all()}
        renja = Renja.objects.select_related("opd").get(tahun=2026, opd__kode=OPD)
        baris = selectors.kinerja_pelayanan_list(opd=renja.opd)[1]
        services.kinerja_pelayanan_record(
            actor=users["perencana"],
            opd=renja.opd,
            baris=baris,
            indikator=baris.indikator,
            spm=spm,
            ikk=baris.ikk,
            satuan="%",
            nilai={2024: {"target": Decimal(100), "realisasi": nilai, "proyeksi": None}},
        )
        t = KinerjaPelayananTahun.objects.get(baris=baris, tahun=2024)
        assert t.realisasi == nilai and KinerjaPelayanan.objects.get(pk=baris.pk).spm == spm
        tabel = tabel_tc30(selectors.kinerja_pelayanan_list(opd=renja.opd), tahun=2026, opd_nama="Dinas Sosial")
        ws = _ws(tabel)
        r = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=_kol(tabel, "spm")).value == spm)
        cell = ws.cell(row=r, column=_kol(tabel, "r2024")).value
        if isinstance(cell, str):
            assert cell == angka_ringkas(nilai)
        else:
            assert Decimal(str(cell)) == nilai
        html = tabel_html(tabel)
        assert any(
            spm in [s.teks for s in b["sel"]] and angka_ringkas(nilai) in [s.teks for s in b["sel"]]
            for b in html["baris"]
        )


def test_page_queries_do_not_grow_with_lines(client, renja2026, users):
    """The page reads the lines with their years in a fixed number of queries: 5 more lines, same count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = f"/evaluasi/{renja2026.pk}/spm/"
    client.force_login(users["perencana"])
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    for i in range(5):
        services.kinerja_pelayanan_record(
            actor=users["perencana"],
            opd=renja2026.opd,
            indikator=f"Indikator uji {i}",
            spm=f"SPM uji {i}",
            satuan="%",
            nilai={2024: {"target": Decimal(100), "realisasi": Decimal(90)}, 2025: {"proyeksi": Decimal(95)}},
        )
    with CaptureQueriesContext(connection) as after:
        html = client.get(url).content.decode()
    assert "SPM uji 4" in html
    assert len(after.captured_queries) == len(before.captured_queries)
