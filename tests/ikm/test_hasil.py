"""Issue 9 parts 3, 5, 7 and 8: the results of a survey period, the same on the page, in the JSON export and in the
PDF report; the demo period; the mutu boundaries; the cost of the page."""

import datetime
import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from renja.ikm import hasil as sel
from renja.ikm import services
from renja.ikm.models import Periode, Responden

DINSOS = "1.06.0.00.0.00.01.0000"

# The worked example: 30 respondents, counts of answers 1/2/3/4 per unsur, computed by hand:
#   U1  0/ 3/15/12  ->  6 + 45 + 48      =  99  NRR  99/30 = 3,300   tertimbang 3,3/9      = 0,3667
#   U2  0/ 4/16/10  ->  8 + 48 + 40      =  96  NRR  96/30 = 3,200   tertimbang            = 0,3556
#   U3  1/ 8/15/ 6  ->  1 + 16 + 45 + 24 =  86  NRR  86/30 = 2,867   tertimbang 2,8667/9   = 0,3185
#   U4  0/ 0/ 3/27  ->  9 + 108          = 117  NRR 117/30 = 3,900   tertimbang            = 0,4333
#   U5  0/ 3/18/ 9  ->  6 + 54 + 36      =  96  NRR  96/30 = 3,200   tertimbang            = 0,3556
#   U6  0/ 0/15/15  ->  45 + 60          = 105  NRR 105/30 = 3,500   tertimbang            = 0,3889
#   U7  0/ 1/11/18  ->  2 + 33 + 72      = 107  NRR 107/30 = 3,567   tertimbang 3,5667/9   = 0,3963
#   U8  3/12/12/ 3  ->  3 + 24 + 36 + 12 =  75  NRR  75/30 = 2,500   tertimbang            = 0,2778
#   U9  0/ 5/17/ 8  -> 10 + 51 + 32      =  93  NRR  93/30 = 3,100   tertimbang            = 0,3444
#   jumlah nilai 874; IKM = 874 / (30 x 9) = 3,237037... -> 3,2370; konversi = x 25 = 80,9259... -> 80,93
#   80,93 >= 76,61 and < 88,31 -> mutu B, kinerja Baik. Priorities (lowest NRR): U8, U3, U9.
CONTOH_30 = {
    1: [0, 3, 15, 12],
    2: [0, 4, 16, 10],
    3: [1, 8, 15, 6],
    4: [0, 0, 3, 27],
    5: [0, 3, 18, 9],
    6: [0, 0, 15, 15],
    7: [0, 1, 11, 18],
    8: [3, 12, 12, 3],
    9: [0, 5, 17, 8],
}
NRR_30 = ["3,300", "3,200", "2,867", "3,900", "3,200", "3,500", "3,567", "2,500", "3,100"]
NRR_30_JSON = [3.3, 3.2, 2.867, 3.9, 3.2, 3.5, 3.567, 2.5, 3.1]
TERTIMBANG_30 = ["0,3667", "0,3556", "0,3185", "0,4333", "0,3556", "0,3889", "0,3963", "0,2778", "0,3444"]


def jawaban_per_responden(hitungan: dict[int, list[int]]) -> list[dict[int, int]]:
    """Respondent k answers unsur u with the k-th answer of that unsur's expanded counts."""
    kolom = {u: [v for v, n in zip((1, 2, 3, 4), c, strict=True) for _ in range(n)] for u, c in hitungan.items()}
    n = len(next(iter(kolom.values())))
    return [{u: kolom[u][k] for u in kolom} for k in range(n)]


@pytest.fixture
def opd(db):
    from renja.organisasi.models import PerangkatDaerah

    return PerangkatDaerah.objects.get(kode=DINSOS)


def buat_periode(opd, users, kode: str, jawaban: list[dict[int, int]], *, layanan_kode="CONTOH", populasi=None):
    perencana = users["perencana"]
    layanan = services.layanan_create(
        actor=perencana, opd=opd, kode=layanan_kode, nama=f"Layanan {layanan_kode}", populasi=populasi
    )
    periode = services.periode_create(
        actor=perencana,
        opd=opd,
        kode=kode,
        nama=f"Periode {kode}",
        mulai=datetime.date(2025, 1, 1),
        selesai=datetime.date(2025, 6, 30),
    )
    services.responden_import_batch(
        actor=perencana,
        periode=periode,
        baris=[(layanan.kode, services.Isian(jawaban=j, jenis_kelamin="P")) for j in jawaban],
    )
    return periode, layanan


def _json(periode, *extra) -> dict:
    out = io.StringIO()
    call_command("renja_export_ikm", "--opd", DINSOS, "--periode", periode.kode, "--format", "json", *extra, stdout=out)
    return json.loads(out.getvalue())


def _pdf_teks(client, periode) -> str:
    import pypdf

    r = client.get(f"/ikm/hasil/{periode.pk}/laporan.pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(r.content)).pages)


def test_worked_example_of_30_is_the_same_on_page_json_and_pdf(client, opd, users):
    periode, _ = buat_periode(opd, users, "CONTOH30", jawaban_per_responden(CONTOH_30))
    r = sel.hasil_periode(periode=periode).keseluruhan
    assert (r.responden, r.hasil.nilai_bulat, r.hasil.konversi_bulat) == (30, Decimal("3.2370"), Decimal("80.93"))
    assert (r.hasil.mutu.mutu, r.hasil.mutu.kinerja) == ("B", "Baik")
    assert [u.nomor for u in r.prioritas] == [8, 3, 9]

    client.force_login(users["pemeriksa"])
    html = client.get(f"/ikm/hasil/{periode.pk}/").content.decode()
    assert 'id="ikm-konversi">80,93<' in html and 'id="ikm-nilai">3,2370<' in html and 'id="ikm-mutu">B<' in html
    for nrr, tertimbang in zip(NRR_30, TERTIMBANG_30, strict=True):
        assert f'<td class="num nrr">{nrr}</td><td class="num">{tertimbang}</td>' in html

    data = _json(periode)
    assert (data["responden"], data["ikm"], data["konversi"], data["mutu"], data["kinerja"]) == (
        30,
        3.237,
        80.93,
        "B",
        "Baik",
    )
    assert [u["nrr"] for u in data["unsur"]] == NRR_30_JSON
    assert [u["jumlah_nilai"] for u in data["unsur"]] == [99, 96, 86, 117, 96, 105, 107, 75, 93]
    assert data["prioritas"] == [8, 3, 9]

    pdf = _pdf_teks(client, periode)
    assert "Nilai IKM unit pelayanan 3,2370, nilai konversi 80,93, mutu pelayanan B, kinerja unit pelayanan Baik" in pdf
    for nrr, tertimbang in zip(NRR_30, TERTIMBANG_30, strict=True):
        assert f"{nrr} {tertimbang}" in pdf


@pytest.mark.parametrize(
    "nilai,konversi,ikm_teks,mutu",
    [(4, "100,00", "4,0000", "A"), (1, "25,00", "1,0000", "D")],
    ids=["semua-4", "semua-1"],
)
def test_all_4_gives_100_and_all_1_gives_25(client, opd, users, nilai, konversi, ikm_teks, mutu):
    periode, _ = buat_periode(opd, users, f"SERAGAM{nilai}", [{u: nilai for u in range(1, 10)}] * 12)
    client.force_login(users["perencana"])
    html = client.get(f"/ikm/hasil/{periode.pk}/").content.decode()
    assert f'id="ikm-konversi">{konversi}<' in html and f'id="ikm-nilai">{ikm_teks}<' in html
    assert f'id="ikm-mutu">{mutu}<' in html
    assert _json(periode)["konversi"] == float(konversi.replace(",", "."))


def _sebaran_dengan_jumlah(jumlah_per_unsur: list[int]) -> sel.Sebaran:
    """100 respondents; per unsur a sum S of answers: 3s and 4s above 300, 2s and 3s below."""
    s = sel.Sebaran(responden=100)
    for i, total in enumerate(jumlah_per_unsur):
        s.jawaban[i] = (
            [0, 0, 100 - (total - 300), total - 300] if total >= 300 else [0, 100 - (total - 200), total - 200, 0]
        )
    return s


# konversi = jumlah semua nilai / (100 x 9) x 25 = jumlah / 36, classified rounded to two places (rumus.ikm):
#   3179 / 36 = 88,3055... -> 88,31 -> A      3178 / 36 = 88,2777... -> 88,28 -> B   (8 x 353 + 355 / + 354)
#   2758 / 36 = 76,6111... -> 76,61 -> B      2757 / 36 = 76,5833... -> 76,58 -> C   (8 x 306 + 310 / + 309)
#   2340 / 36 = 65,0000    -> 65,00 -> C      2339 / 36 = 64,9722... -> 64,97 -> D   (9 x 260 / 8 x 260 + 259)
@pytest.mark.parametrize(
    "jumlah,konversi,mutu",
    [
        ([353] * 8 + [355], "88.31", "A"),
        ([353] * 8 + [354], "88.28", "B"),
        ([306] * 8 + [310], "76.61", "B"),
        ([306] * 8 + [309], "76.58", "C"),
        ([260] * 9, "65.00", "C"),
        ([260] * 8 + [259], "64.97", "D"),
    ],
)
def test_mutu_boundaries_as_rumus_documents(jumlah, konversi, mutu):
    r = sel.ringkas("batas", _sebaran_dengan_jumlah(jumlah), [f"U{i}" for i in range(1, 10)])
    assert (r.hasil.konversi_bulat, r.hasil.mutu.mutu) == (Decimal(konversi), mutu)


def test_demo_period_shows_92_06_a_sangat_baik_and_says_synthetic(client, users):
    periode = Periode.objects.get(opd__kode=DINSOS, kode="2024")
    client.force_login(users["pimpinan"])
    html = client.get(f"/ikm/hasil/{periode.pk}/").content.decode()
    assert 'id="ikm-konversi">92,06<' in html and 'id="ikm-mutu">A<' in html
    assert 'id="ikm-kinerja">Sangat Baik<' in html and 'id="ikm-nilai">3,6822<' in html
    assert 'id="data-sintetis"' in html and "responden sintetis" in html
    # the data file's hand-made counts: NRR 3,70 3,65 3,58 3,95 3,68 3,72 3,80 3,49 3,57; priorities U8, U9, U3
    data = _json(periode)
    assert [u["nrr"] for u in data["unsur"]] == [3.7, 3.65, 3.58, 3.95, 3.68, 3.72, 3.8, 3.49, 3.57]
    assert (data["responden"], data["konversi"], data["mutu"], data["sintetis"]) == (100, 92.06, "A", True)
    assert data["prioritas"] == [8, 9, 3]
    # Krejcie-Morgan: populasi 50 -> 44 (45 ada), 30 -> 28 (30), 40 -> 36 (25: kurang 11); total 120 -> 92 (100)
    assert data["sampel"] == {"populasi": 120, "dibutuhkan": 92, "terkumpul": 100, "kurang": 0}
    kurang = {x["kode"]: x["sampel"]["kurang"] for x in data["per_layanan"]}
    assert kurang == {"DTKS": 0, "JAMSOS": 11, "REHAB": 0}
    assert 'data-layanan="JAMSOS">Sampel layanan' in html and "kurang 11 responden" in html
    assert [(b["kode"], b["responden"]) for b in data["profil"]["jenis_kelamin"]] == [("L", 46), ("P", 54)]
    assert data["jumlah_saran"] == 6
    pdf = _pdf_teks(client, periode)
    assert "nilai konversi 92,06, mutu pelayanan A, kinerja unit pelayanan Sangat Baik" in pdf and "SINTETIS" in pdf


def test_one_layanan_and_its_export(client, users):
    periode = Periode.objects.get(opd__kode=DINSOS, kode="2024")
    data = _json(periode, "--layanan", "JAMSOS")
    assert data["layanan"]["kode"] == "JAMSOS" and data["responden"] == 25
    client.force_login(users["perencana"])
    lay = periode.opd.layanan_ikm.get(kode="JAMSOS")
    html = client.get(f"/ikm/hasil/{periode.pk}/?layanan={lay.pk}").content.decode()
    assert f'id="ikm-konversi">{data["konversi"]:.2f}<'.replace(".", ",") in html
    assert client.get(f"/ikm/hasil/{periode.pk}/?layanan=987654321").status_code == 404
    assert client.get(f"/ikm/hasil/{periode.pk}/?layanan=abc").status_code == 404


def test_unknown_period_or_layanan_in_the_command_is_a_clear_message(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Periode survei '1999' .* tidak ditemukan .*periode yang ada: 2024"):
        call_command("renja_export_ikm", "--opd", DINSOS, "--periode", "1999", stdout=io.StringIO())
    with pytest.raises(CommandError, match="Layanan 'X' tidak ada .*DTKS"):
        call_command("renja_export_ikm", "--opd", DINSOS, "--periode", "2024", "--layanan", "X", stdout=io.StringIO())


def test_results_page_cost_does_not_grow_with_respondents(client, opd, users):
    """Counts are aggregated in SQL: 30 more respondents add no query."""
    periode, layanan = buat_periode(opd, users, "BIAYA", jawaban_per_responden(CONTOH_30)[:5])
    client.force_login(users["perencana"])
    url = f"/ikm/hasil/{periode.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as sedikit:
        assert client.get(url).status_code == 200
    services.responden_import_batch(
        actor=users["perencana"],
        periode=periode,
        baris=[(layanan.kode, services.Isian(jawaban=j)) for j in jawaban_per_responden(CONTOH_30)],
    )
    with CaptureQueriesContext(connection) as banyak:
        assert client.get(url).status_code == 200
    assert Responden.objects.filter(periode=periode).count() == 35
    assert len(banyak) == len(sedikit)


def test_docx_and_raw_xlsx_hold_the_figures(client, users):
    import docx
    import openpyxl

    periode = Periode.objects.get(opd__kode=DINSOS, kode="2024")
    client.force_login(users["pemeriksa"])
    r = client.get(f"/ikm/hasil/{periode.pk}/laporan.docx")
    doc = docx.Document(io.BytesIO(r.content))
    teks = "\n".join(p.text for p in doc.paragraphs)
    assert "nilai konversi 92,06, mutu pelayanan A" in teks
    sel_tabel = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "3,490" in sel_tabel and "92,06" in sel_tabel
    r = client.get(f"/ikm/hasil/{periode.pk}/responden.xlsx")
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    ws = wb["Responden"]
    rows = [row for row in ws.iter_rows(values_only=True) if isinstance(row[0], int)]
    assert len(rows) == 100
    judul = next(row for row in ws.iter_rows(values_only=True) if row[0] == "ID")
    u8 = judul.index("U8")
    assert sum(row[u8] for row in rows) == 349  # U8: NRR 3,49 x 100


def test_chart_and_export_round_half_up_like_the_tables():
    # An NRR of 3,1225 (e.g. 1.249 points from 400 answers) is printed 3,123 in the tables (rumus rounds half up);
    # Python's round() on a Decimal rounds half to even and would give 3,122 to the chart and the JSON.
    from renja.ikm import ekspor

    assert round(Decimal("3.1225"), 3) == Decimal("3.122")  # what the chart data used before
    assert ekspor.angka(Decimal("3.1225"), 3) == 3.123
    assert ekspor.angka(Decimal("92.055"), 2) == 92.06
    assert ekspor.angka(None, 2) is None
