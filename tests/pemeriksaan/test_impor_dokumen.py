"""A checked document in the T-C.33 layout imported as a new Renja stage (issue 8 part 4): the document is built
inside the test from the demo's Renja 2026 final stage (tests/pemeriksaan/tc33.py), as XLSX and as DOCX."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renja.inti.format import angka_ringkas
from renja.inti.impor import GalatImpor
from renja.pemeriksaan import dokumen as d
from renja.pemeriksaan.impor_dokumen import baris_dari_dokumen, dokumen_impor
from renja.perencanaan import services
from renja.perencanaan.models import Tahap
from renja.perencanaan.selectors import renja_tree
from tests.pemeriksaan import tc33
from tests.perencanaan.test_impor_tahap import isi_tahap

BUAT = {"xlsx": (tc33.xlsx_tc33, "renja.xlsx"), "docx": (tc33.docx_tc33, "renja.docx")}


@pytest.fixture
def renja_baru(renja2026, users):
    return services.renja_create(
        actor=users["admin"], opd=renja2026.opd, tahun=2027, nomenklatur_versi=renja2026.nomenklatur_versi
    )


def _impor(renja, data, nama, user, **kw):
    return dokumen_impor(data=data, nama=nama, renja=renja, jenis_tahap="rancangan_akhir", user=user, **kw)


@pytest.mark.parametrize("jenis", ["xlsx", "docx"])
def test_document_imports_as_a_stage_equal_to_its_source(renja_baru, tahap_final, users, jenis):
    """The demo's Rancangan Akhir written as a T-C.33 document and imported into a fresh Renja gives the same
    stage: every row, code, indicator, target, satuan, pagu, lokasi, unit; total Rp 26.736.518.416 (BAB IV
    baris 1235)."""
    buat, nama = BUAT[jenis]
    data = buat(tahap_final)
    pratinjau = _impor(renja_baru, data, nama, users["perencana"])
    assert pratinjau.galat == 0 and pratinjau.peringatan == 0, [t.teks() for t in pratinjau.temuan]
    assert pratinjau.hasil.tahap is None and pratinjau.hasil.total_pagu == Decimal("26736518416")
    assert not Tahap.objects.filter(renja=renja_baru).exists()  # the preview keeps nothing

    hasil = _impor(renja_baru, data, nama, users["perencana"], simpan=True).hasil
    sumber, baru = isi_tahap(tahap_final), isi_tahap(hasil.tahap)
    assert len(baru) == len(sumber) == 69  # 6 program + 12 kegiatan + 51 sub kegiatan (demo Rancangan Akhir)
    assert [r[1] for r in baru] == [r[1] for r in sumber]  # every code, in order
    assert baru == sumber
    tree = renja_tree(tahap=hasil.tahap)
    assert tree.total_pagu == Decimal("26736518416")
    assert hasil.jumlah == {"program": 6, "kegiatan": 12, "sub_kegiatan": 51}


def test_document_with_a_galat_is_refused_until_fixed(renja_baru, tahap_final, users):
    """A kegiatan pagu that is not the sum of its sub kegiatan is a galat of the checker: the preview shows it and
    offers no import, saving is refused; the fixed document imports."""
    rows = tc33.baris_tc33(tahap_final)
    i = next(n for n, r in enumerate(rows) if r[1] == "1.06.01.2.01")
    rows[i][5] = "16.000.000,00"  # its one sub kegiatan has Rp 15.000.000 (BAB IV baris 1239)
    salah = tc33.xlsx_tc33(tahap_final, rows=rows)
    p = _impor(renja_baru, salah, "salah.xlsx", users["perencana"])
    assert p.galat >= 1 and p.hasil is None
    assert any(t.aturan == "jumlah_tidak_cocok" and "15.000.000" in t.pesan for t in p.temuan)
    with pytest.raises(ValidationError, match="galat"):
        _impor(renja_baru, salah, "salah.xlsx", users["perencana"], simpan=True, terima_peringatan=True)
    assert not Tahap.objects.filter(renja=renja_baru).exists()
    rows[i][5] = "15.000.000,00"
    benar = tc33.xlsx_tc33(tahap_final, rows=rows)
    assert _impor(renja_baru, benar, "benar.xlsx", users["perencana"], simpan=True).hasil.tahap is not None


def test_warnings_need_acceptance(renja_baru, tahap_final, users):
    """A narrative count that matches no table is a peringatan: saving needs 'saya menerima peringatan'."""
    data = tc33.docx_tc33(
        tahap_final, narasi=["Renja ini memuat 9 Program, 99 Kegiatan dan 99 Sub Kegiatan dengan pagu Rp 1.000.000."]
    )
    p = _impor(renja_baru, data, "renja.docx", users["perencana"])
    assert p.galat == 0 and p.peringatan == 2 and p.perlu_persetujuan
    with pytest.raises(ValidationError, match="saya menerima peringatan"):
        _impor(renja_baru, data, "renja.docx", users["perencana"], simpan=True)
    assert not Tahap.objects.filter(renja=renja_baru).exists()
    hasil = _impor(renja_baru, data, "renja.docx", users["perencana"], simpan=True, terima_peringatan=True).hasil
    assert hasil.total_pagu == Decimal("26736518416")
    assert "2 peringatan diterima" in hasil.tahap.catatan


@pytest.mark.parametrize(
    ("kolom", "isi", "pesan"),
    [
        (4, "1,500 Orang", "kolom E (Rencana Tahun 2026 Target): '1,500 Orang' bermakna ganda"),
        (4, "banyak", "kolom E (Rencana Tahun 2026 Target): 'banyak' bukan target"),
        (11, "seratus", "kolom L (Prakiraan Maju Tahun 2027 Target): 'seratus' bukan target"),
        (7, "PAD, DAU", "kolom H (Rencana Tahun 2026 Sumber Dana): 'PAD, DAU' menyebut 2 sumber dana tanpa jumlah"),
        (7, "PAD: 10.000.000; DAU: 1.000.000", "tidak sama dengan pagu (15.000.000)"),
        (13, "Bidang Entah", "unit penanggung jawab 'Bidang Entah' bukan unit kerja"),
        (1, "1.06.01.2.01.9999", "1.06.01.2.01.9999"),
    ],
)
def test_a_bad_cell_refuses_the_whole_import_and_names_it(renja_baru, tahap_final, users, kolom, isi, pesan):
    rows = tc33.baris_tc33(tahap_final)
    i = next(n for n, r in enumerate(rows) if r[1] == "1.06.01.2.01.0006")
    rows[i][kolom] = isi
    data = tc33.xlsx_tc33(tahap_final, rows=rows)
    with pytest.raises(GalatImpor) as e:
        _impor(renja_baru, data, "renja.xlsx", users["perencana"], simpan=True, terima_peringatan=True)
    # the sheet's row: the title, three header rows, then the data rows (rows[0] is the OPD total)
    assert f"Tabel 4.1 Rumusan Rencana Program dan Kegiatan Tahun 2026 (T-C.33), baris {i + 5}" in str(e.value)
    assert pesan in str(e.value)
    assert not Tahap.objects.filter(renja=renja_baru).exists()


def test_seed_like_header_is_recognised():
    """The seed's BAB IV header: a code split over cells, titles over several columns, the target of the year among
    other target columns (Renstra end, 2025)."""
    teks = (
        "Tabel T-C.33\n"
        "No\tKode\t\t\t\t\tUraian Program / Kegiatan / Sub Kegiatan\tIndikator\tTarget Akhir Periode Renstra\t"
        "Prakiraan Capaian Target Tahun 2025\tCapaian Kinerja Dan Kerangka Pendanaan\t\t\t\t"
        "Prakiraan Maju Tahun 2027\t\t"
        "Perangkat Daerah Penanggung Jawab\n"
        "\t\t\t\t\t\t\t\t\t\tTarget 2026\tPagu Indikatif (Rp)\tLokasi\tSumber Dana\tTarget\tPagu Indikatif (Rp)\t\n"
        "1\t1\t06\t04\t\t\tPROGRAM REHABILITASI SOSIAL\tPersentase PPKS\t100 %\t100 %\t100 %\t15.000.000,00\t\t\t-\t"
        "20.000.000,00\tDINAS SOSIAL\n"
        "\t1\t06\t04\t2.01\t\tRehabilitasi Sosial Dasar Anak Terlantar\tJumlah Anak\t\t\t1.800 Orang\t15.000.000,00\t"
        "\t\t\t20.000.000,00\tDINAS SOSIAL\n"
        "\t1\t06\t04\t2.01\t0001\tPenyediaan Permakanan\tJumlah Anak Terlantar\t\t\t500 Orang\t15.000.000,00\t"
        "Kota Bekasi\tPENDAPATAN ASLI DAERAH (PAD)\t550 Orang\t20.000.000,00\tBidang Rehabilitasi Sosial\n"
    )
    baris = baris_dari_dokumen(d.susun(d.blok_teks(teks)), tahun=2026)
    assert [b.kode for b in baris] == ["1.06.04", "1.06.04.2.01", "1.06.04.2.01.0001"]
    sub = baris[2]
    assert (sub.indikator[0].target.nilai, sub.indikator[0].satuan) == (Decimal(500), "Orang")  # not 2025's column
    assert sub.pagu == {"PENDAPATAN ASLI DAERAH (PAD)": Decimal(15000000)}
    assert (sub.prakiraan_target.nilai, sub.prakiraan_satuan, sub.prakiraan_pagu) == (
        Decimal(550),
        "Orang",
        Decimal(20000000),
    )
    assert sub.unit == "Bidang Rehabilitasi Sosial" and sub.lokasi == ["Kota Bekasi"]
    assert baris[0].pagu == {} and baris[0].prakiraan_pagu is None  # a program's pagu is a sum, never read


def test_document_without_tc33_table(renja_baru, users):
    import io

    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Nama", "Umur"])
    wb.active.append(["A", 3])
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(GalatImpor, match="tidak ada tabel T-C.33"):
        _impor(renja_baru, out.getvalue(), "lain.xlsx", users["perencana"])


def test_only_docx_or_xlsx(renja_baru, users):
    with pytest.raises(d.DokumenTidakTerbaca, match="hanya diterima"):
        _impor(renja_baru, b"Tabel\tx\n1\t2\n", "renja.txt", users["perencana"])


# --- accepted values read back identical --------------------------------------------------------------------

target_nilai = st.decimals(min_value=0, max_value=Decimal("99999999999999.9999"), places=4, allow_nan=False)
pagu_nilai = st.integers(min_value=0, max_value=999_999_999_999)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=target_nilai, pagu=pagu_nilai)
def test_accepted_target_and_pagu_read_back_identical(renja_baru, tahap_final, users, target, pagu):
    """Any target the field holds (≤ 14 digits before the comma, ≤ 4 after) and any Rupiah pagu up to the bound,
    written the Indonesian way into a document, imports to the same value and renders as written."""
    rows = tc33.baris_tc33(tahap_final)
    # keep program 1.06.01 > kegiatan 1.06.01.2.01 > sub kegiatan 1.06.01.2.01.0006 only
    rows = [r for r in rows[1:] if r[1] in ("1.06.01", "1.06.01.2.01", "1.06.01.2.01.0006")]
    teks_target = tc33.angka_teks(target)
    teks_pagu = tc33.uang(pagu)
    for r in rows:
        r[5] = teks_pagu
        r[12] = "-"
    rows[2][4] = f"{teks_target} Orang"
    data = tc33.xlsx_tc33(tahap_final, rows=rows)
    with transaction.atomic():
        hasil = _impor(renja_baru, data, "renja.xlsx", users["perencana"], simpan=True).hasil
        sub = hasil.tahap.rows.get(kode="1.06.01.2.01.0006")
        ind = sub.indikator.get()
        assert ind.target_nilai == target and ind.satuan == "Orang"
        assert angka_ringkas(ind.target_nilai) == angka_ringkas(target)
        assert [p.jumlah for p in sub.pagu.all()] == [Decimal(pagu)]
        assert hasil.total_pagu == pagu
        transaction.set_rollback(True)
