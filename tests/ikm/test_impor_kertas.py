"""Issue 9 part 4: paper questionnaires through the period's XLSX template and the shared all-or-nothing importer.
A template with one bad cell is refused whole, naming the cell; a good one adds exactly its rows."""

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renja.ikm import hasil as sel
from renja.ikm import impor as ikm_impor
from renja.ikm import services
from renja.ikm.models import Responden
from renja.inti.impor import GalatImpor

DINSOS = "1.06.0.00.0.00.01.0000"


@pytest.fixture
def periode(db, users):
    from renja.organisasi.models import PerangkatDaerah

    opd = PerangkatDaerah.objects.get(kode=DINSOS)
    return services.periode_create(
        actor=users["perencana"],
        opd=opd,
        kode="2025-S1",
        nama="Semester I 2025",
        mulai=datetime.date(2025, 1, 1),
        selesai=datetime.date(2025, 6, 30),
    )


def isi_templat(periode, baris: list[dict]) -> bytes:
    """The period's template as downloaded, with ``baris`` typed from row 2 (keys: the header texts)."""
    wb = openpyxl.load_workbook(io.BytesIO(ikm_impor.templat_xlsx(periode)))
    ws = wb["Responden"]
    judul = {c.value: c.column for c in ws[1] if c.value}
    for r, isi in enumerate(baris, start=2):
        for k, v in isi.items():
            cell = ws.cell(row=r, column=judul[k])
            cell.value = v
            if isinstance(v, str):
                cell.data_type = "s"  # text stays text ("=..." is not a formula)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def baris_baik(layanan="DTKS", nilai=(4, 3, 3, 4, 3, 4, 4, 2, 3), **lain):
    d = {"Layanan": layanan, **{f"U{i}": v for i, v in enumerate(nilai, start=1)}}
    d.update(lain)
    return d


def test_template_has_the_period_columns_and_a_guide(periode):
    wb = openpyxl.load_workbook(io.BytesIO(ikm_impor.templat_xlsx(periode)))
    judul = [c.value for c in wb["Responden"][1] if c.value]
    assert judul == [
        "Layanan",
        "Jenis kelamin",
        "Kelompok usia",
        "Pendidikan",
        "Pekerjaan",
        *[f"U{i}" for i in range(1, 10)],
        "Saran",
    ]
    petunjuk = [row for row in wb["Petunjuk"].iter_rows(values_only=True)]
    u4 = next(row for row in petunjuk if row[1] == "U4")
    assert "Biaya/Tarif: 1 = Sangat mahal; 2 = Cukup mahal; 3 = Murah; 4 = Gratis" in u4[3]
    layanan = next(row for row in petunjuk if row[1] == "Layanan")
    assert layanan[2] == "ya" and "DTKS" in layanan[3] and "JAMSOS" in layanan[3]


def test_a_good_template_adds_exactly_its_rows(periode, users):
    data = isi_templat(
        periode,
        [
            baris_baik(**{"Jenis kelamin": "Perempuan", "Kelompok usia": "30-39", "Saran": "Antrean lebih tertib"}),
            baris_baik("REHAB", (4,) * 9, **{"Pendidikan": "SMA"}),
            baris_baik("JAMSOS", (2, 2, 2, 2, None, 2, 2, 2, 2)),  # U5 not answered on paper
        ],
    )
    semua = Responden.objects.count()
    h = ikm_impor.ikm_impor(actor=users["perencana"], periode=periode, data=data, nama="kertas.xlsx")
    assert h.jumlah == 3 and Responden.objects.count() == semua + 3
    rs = list(Responden.objects.filter(periode=periode).order_by("id"))
    assert [r.sumber for r in rs] == ["kertas"] * 3 and rs[0].impor_id == h.impor.pk
    assert (rs[0].layanan.kode, rs[0].jenis_kelamin, rs[0].kelompok_usia, rs[0].saran) == (
        "DTKS",
        "P",
        "30-39",
        "Antrean lebih tertib",
    )
    assert rs[2].jawaban == [2, 2, 2, 2, None, 2, 2, 2, 2]
    # U5 answered by 2 of 3: NRR (3 + 4) / 2 = 3,5; U8: (2 + 4 + 2) / 3 = 2,667
    r = sel.hasil_periode(periode=periode).keseluruhan
    assert (r.unsur[4].jumlah_jawaban, str(r.unsur[4].nrr)) == (2, "3.5")


def test_one_bad_cell_refuses_the_whole_file_naming_it(periode, users):
    data = isi_templat(periode, [baris_baik(), baris_baik(), baris_baik(U3=5), baris_baik()])
    sebelum = Responden.objects.count()
    with pytest.raises(GalatImpor) as exc:
        ikm_impor.ikm_impor(actor=users["perencana"], periode=periode, data=data, nama="kertas.xlsx")
    assert [str(g) for g in exc.value.galat] == [
        "Lembar Responden, baris 4, kolom H (U3): 5 bukan jawaban U3 yang sah: isi 1, 2, 3 atau 4 "
        "(kosongkan bila tidak dijawab)"
    ]
    assert Responden.objects.count() == sebelum


def test_every_bad_cell_is_named_with_what_is_allowed(periode, users):
    data = isi_templat(
        periode,
        [
            baris_baik("NGAWUR"),
            baris_baik(**{"Jenis kelamin": "X", "U9": "empat"}),
            baris_baik(Saran="s" * 1001),
        ],
    )
    with pytest.raises(GalatImpor) as exc:
        ikm_impor.ikm_impor(actor=users["perencana"], periode=periode, data=data, nama="kertas.xlsx")
    pesan = [str(g) for g in exc.value.galat]
    assert (
        pesan[0] == "Lembar Responden, baris 2, kolom A (Layanan): 'NGAWUR' bukan salah satu dari: DTKS, JAMSOS, REHAB"
    )
    assert pesan[1].startswith(
        "Lembar Responden, baris 3, kolom B (Jenis kelamin): 'X' tidak dikenal; isi salah satu: L"
    )
    assert pesan[2].startswith("Lembar Responden, baris 3, kolom N (U9): 'empat' bukan jawaban U9 yang sah")
    assert (
        pesan[3]
        == "Lembar Responden, baris 4, kolom O (Saran): '"
        + "s" * 57
        + "...' terlalu panjang (1001 karakter, paling banyak 1000)"
    )
    assert len(pesan) == 4 and not Responden.objects.filter(periode=periode).exists()


def test_only_the_perencana_or_admin_imports(periode, users):
    data = isi_templat(periode, [baris_baik()])
    with pytest.raises(Exception, match="perencana atau admin"):
        ikm_impor.ikm_impor(actor=users["pemeriksa"], periode=periode, data=data, nama="kertas.xlsx")
    assert not Responden.objects.filter(periode=periode).exists()


def test_import_page_good_and_bad(client, periode, users):
    client.force_login(users["perencana"])
    url = f"/ikm/hasil/{periode.pk}/impor/"
    assert client.get(url).status_code == 200
    r = client.get(f"/ikm/hasil/{periode.pk}/templat.xlsx")
    assert r.status_code == 200 and r.content[:2] == b"PK"
    buruk = io.BytesIO(isi_templat(periode, [baris_baik(), baris_baik(U1=0)]))
    buruk.name = "kertas.xlsx"
    r = client.post(url, {"berkas": buruk})
    assert r.status_code == 400
    assert "baris 3, kolom F (U1): 0 bukan jawaban U1 yang sah" in r.content.decode()
    assert not Responden.objects.filter(periode=periode).exists()
    baik = io.BytesIO(isi_templat(periode, [baris_baik(), baris_baik("REHAB")]))
    baik.name = "kertas.xlsx"
    r = client.post(url, {"berkas": baik})
    assert r.status_code == 302 and r["Location"] == f"/ikm/hasil/{periode.pk}/"
    assert Responden.objects.filter(periode=periode).count() == 2
    bukan = io.BytesIO(b"%PDF-1.4 bukan templat")
    bukan.name = "kertas.pdf"
    r = client.post(url, {"berkas": bukan})
    assert r.status_code == 400 and "hanya diterima" in r.content.decode()


def test_command_imports_all_or_nothing(periode, tmp_path):
    berkas = tmp_path / "kertas.xlsx"
    berkas.write_bytes(isi_templat(periode, [baris_baik(), baris_baik(U2="")]))
    out = io.StringIO()
    call_command("renja_impor_ikm", str(berkas), "--opd", DINSOS, "--periode", "2025-S1", stdout=out)
    assert "2 responden ditambahkan" in out.getvalue()
    berkas.write_bytes(isi_templat(periode, [baris_baik(), baris_baik(U2=7)]))
    with pytest.raises(CommandError, match=r"1 galat\.\nLembar Responden, baris 3, kolom G \(U2\): 7 bukan"):
        call_command("renja_impor_ikm", str(berkas), "--opd", DINSOS, "--periode", "2025-S1", stdout=io.StringIO())
    assert Responden.objects.filter(periode=periode).count() == 2


_SARAN = st.text(
    alphabet=st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters="\x00"), max_size=1000
).map(str.strip)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(saran=_SARAN)
def test_accepted_suggestion_reads_back_identical_and_renders(client, periode, users, saran):
    """Saran is bounded (1.000 characters): what the import accepts is stored as typed and shown escaped."""
    data = isi_templat(periode, [baris_baik(Saran=saran)])
    try:
        h = ikm_impor.ikm_impor(actor=users["perencana"], periode=periode, data=data, nama="kertas.xlsx")
    except ValidationError:  # pragma: no cover - the strategy only makes acceptable text
        raise
    r = h.impor.responden.get()
    assert r.saran == saran
    if saran:
        client.force_login(users["perencana"])
        html = client.get(f"/ikm/hasil/{periode.pk}/").content.decode()
        assert escape(saran) in html
