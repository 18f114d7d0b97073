"""Evaluation tables read back from real .xlsx files with openpyxl: values, number formats, merged headers and the
E.81 column numbers 1-15 in order. Figures: demo 2024 (seed Tabel 3.9, 3.16, 2.2)."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from renja.inti.tabel import tulis_xlsx
from renja.kinerja import selectors
from renja.kinerja.tabel import tabel_alokasi, tabel_e81, tabel_iku, tabel_tc29
from renja.monev.evaluasi import MetodeEfisiensi, evaluasi_renja
from renja.perencanaan.models import Renja


@pytest.fixture
def renja2024(db):
    return Renja.objects.select_related("opd__pemda").get(tahun=2024, opd__kode="1.06.0.00.0.00.01.0000")


def _sheet(tabel):
    return load_workbook(io.BytesIO(tulis_xlsx(tabel))).active


def _row_of(ws, col: int, prefix: str) -> int:
    for r in range(1, ws.max_row + 1):
        v = ws.cell(row=r, column=col).value
        if isinstance(v, str) and v.startswith(prefix):
            return r
    raise AssertionError(prefix)


def test_e81_column_numbers_1_to_15_in_order_then_ours(renja2024):
    ws = _sheet(tabel_e81(evaluasi_renja(renja=renja2024)))
    nomor_row = next(r for r in range(1, 12) if ws.cell(row=r, column=1).value == 1)
    numbers = [ws.cell(row=nomor_row, column=c).value for c in range(1, ws.max_column + 1)]
    assert [n for n in numbers if n is not None] == list(range(1, 18))
    # 5..14 each stand over a K/Rp pair: number 5 at column 5, 6 at column 7, ..., 15 at column 25
    assert numbers[4] == 5 and numbers[6] == 6 and numbers[24] == 15
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert f"E{nomor_row}:F{nomor_row}" in merged
    head = [ws.cell(row=r, column=c).value for r in range(1, nomor_row) for c in range(1, ws.max_column + 1)]
    assert "Realisasi Kinerja Pada Triwulan" in head
    assert "Tambahan aplikasi (bukan kolom E.81)" in head
    assert "Unit PD Penanggung Jawab" in head


def test_e81_values_and_number_formats(renja2024):
    ws = _sheet(tabel_e81(evaluasi_renja(renja=renja2024)))
    r = _row_of(ws, 3, "1.06.04 ")
    # column 7 (Rp) pagu, 12 (Rp) realisasi, ours: serapan 91,53
    assert ws.cell(row=r, column=10).value == 4653328000  # rp7
    assert ws.cell(row=r, column=20).value == 4259258784  # rp12
    assert ws.cell(row=r, column=19).number_format == "#,##0"  # k12: a percentage indicator, as typed
    assert ws.cell(row=r, column=20).number_format == '"Rp "#,##0'
    assert ws.cell(row=r, column=27).value == pytest.approx(91.53)
    assert ws.cell(row=r, column=27).number_format == '#,##0.00"%"'
    over = _row_of(ws, 3, "1.06.02.2.03.0003")
    assert ws.cell(row=over, column=27).value == pytest.approx(129.36)
    gaji = _row_of(ws, 3, "1.06.01.2.02.0001")
    assert ws.cell(row=gaji, column=10).value is None  # no pagu in the seed: empty, not 0
    catatan = _row_of(ws, 1, "Catatan")
    assert "21 sub kegiatan yang berdata" in ws.cell(row=catatan, column=5).value
    assert "48 sub kegiatan belum ada data" in ws.cell(row=catatan, column=5).value


def test_alokasi_tabel_3_16_with_method_c(renja2024):
    ev = evaluasi_renja(renja=renja2024, metode=MetodeEfisiensi.C)
    renstra = selectors.renstra_tahun(renja2024)
    alokasi = {
        a.iku.indikator.uraian: a
        for a in selectors.alokasi_iku(evaluasi=ev, iku=selectors.iku_evaluasi(renstra=renstra, tahun=2024))
    }
    psks = alokasi["Persentase PSKS yang berfungsi"]
    assert (psks.pagu, psks.realisasi) == (Decimal("4495500000"), Decimal("3115335900"))
    ws = _sheet(tabel_alokasi(psks, metode=MetodeEfisiensi.C, nomor="Tabel 3.16"))
    r = _row_of(ws, 1, "1.06.02.2.03.0001")
    assert ws.cell(row=r, column=7).value == pytest.approx(8.58)  # 100 - 91,42 (baris 787)
    over = _row_of(ws, 1, "1.06.02.2.03.0003")
    assert ws.cell(row=over, column=8).value == "realisasi melebihi pagu"
    total = _row_of(ws, 1, "Total")
    assert ws.cell(row=total, column=4).value == 3115335900  # the seed printed 4.103.700.625
    assert any("Metode C" in str(ws.cell(row=x, column=3).value) for x in range(total, ws.max_row + 1))
    ppks = alokasi["Persentase PPKS binaan yang mandiri"]
    assert (ppks.pagu, ppks.realisasi) == (Decimal("9604306296"), Decimal("8915908979"))  # Tabel 3.9 baris 605
    assert ppks.serapan.persen_bulat == Decimal("92.83")


def test_iku_tabel_2_2(renja2024):
    renstra = selectors.renstra_tahun(renja2024)
    ws = _sheet(tabel_iku(selectors.iku_evaluasi(renstra=renstra, tahun=2024), tahun=2024, opd_nama="Dinas Sosial"))
    r = _row_of(ws, 3, "Persentase PPKS binaan yang mandiri")
    assert ws.cell(row=r, column=5).value == 5
    assert ws.cell(row=r, column=6).value == pytest.approx(12.14)
    assert ws.cell(row=r, column=7).value == pytest.approx(242.83)
    assert "15.216 dari basis 125.326" in ws.cell(row=r, column=9).value
    assert "target 6.266" in ws.cell(row=r, column=9).value
    akip = _row_of(ws, 3, "Nilai Akuntabilitas")
    assert (ws.cell(row=akip, column=5).value, ws.cell(row=akip, column=6).value) == ("BB", "BB")


def test_tc29_from_the_realisation_baseline_and_next_target(renja2024):
    ws = _sheet(
        tabel_tc29(
            evaluasi_renja(renja=renja2024),
            awal=selectors.capaian_renstra_awal(opd=renja2024.opd),
            target_n1=selectors.target_tahun_berikut(renja2024),  # no Renja 2025 in the demo: from the baseline
            realisasi_n3=selectors.realisasi_tahun_sebelumnya(renja2024),  # no Renja 2023: from the baseline
            tahun_akhir_renstra=2026,
        )
    )
    nomor_row = next(r for r in range(1, 12) if ws.cell(row=r, column=1).value == 1)
    assert [ws.cell(row=nomor_row, column=c).value for c in range(1, 13)] == list(range(1, 13))
    # seed Tabel 2.1 baris 165: Penyediaan Gaji dan Tunjangan ASN, 42 Orang in 2023, 2024 (target and realisation)
    # and 2025; a flow (jumlah): column 10 = 5 + 7 + 9 = 42 + 42 + 42 = 126, column 11 empty (no end target)
    r = _row_of(ws, 1, "1.06.01.2.02.0001")
    values = [ws.cell(row=r, column=c).value for c in range(4, 12)]
    assert values[:6] == [None, 42, 42, 42, pytest.approx(100), 42]
    assert values[6:] == [126, None]
    # a percentage (a level): column 10 = the latest, the 2025 target (program 1.06.01, 100 %)
    p = _row_of(ws, 1, "1.06.01")
    assert ws.cell(row=p, column=10).value == 100


# --- E.81 column 2, the Rp halves of 5, 6, 13, 14, the footer and the signatures (issue 11) -------------------


def _e81(renja, triwulan=None):
    return _sheet(tabel_e81(evaluasi_renja(renja=renja, triwulan=triwulan), konteks=selectors.konteks_e81(renja)))


def _kaki(ws, label: str):
    return ws.cell(row=_row_of(ws, 1, label), column=5).value


def test_e81_sasaran_from_the_iku_a_program_supports_else_empty(renja2024):
    ws = _e81(renja2024)
    # demo: Tabel 3.9 ties 1.06.04, 1.06.05, 1.06.06 to the IKU "Persentase PPKS binaan yang mandiri" of the sasaran
    # below; Tabel 3.16 ties 1.06.02 to the PSKS sasaran; 1.06.01 (penunjang) supports no IKU: empty, not guessed
    sasaran = {
        kode: ws.cell(row=_row_of(ws, 3, kode + " "), column=2).value for kode in ("1.06.01", "1.06.02", "1.06.04")
    }
    assert sasaran["1.06.02"] == "Meningkatnya keberfungsian Potensi Sumber Kesejahteraan Sosial (PSKS)"
    assert sasaran["1.06.04"].startswith("Meningkatnya") and "PPKS" in sasaran["1.06.04"]
    assert sasaran["1.06.01"] is None
    # kegiatan rows carry no sasaran of their own
    assert ws.cell(row=_row_of(ws, 3, "1.06.04.2.01 "), column=2).value is None


def test_e81_rp_of_columns_5_6_13_14_from_the_renstra_programme_table(renja2024, users):
    from renja.perencanaan import services as plan

    renstra = selectors.renstra_tahun(renja2024)
    assert (renstra.tahun_awal, renstra.tahun_akhir) == (2024, 2026)  # the transition Renstra; 2024 is its first year
    sasaran = next(s for t in renstra.tujuan.all() for s in t.sasaran.all() if "PPKS" in s.uraian)
    program = plan.renstra_program_save(
        actor=users["perencana"], renstra=renstra, data=plan.RenstraProgramInput(kode="1.06.04", sasaran=sasaran)
    )
    plan.renstra_program_save(
        actor=users["perencana"],
        renstra=renstra,
        parent=program,
        data=plan.RenstraProgramInput(
            kode="1.06.04.2.01",
            pagu={2024: Decimal("2000000000"), 2025: Decimal("2500000000"), 2026: Decimal("3000000000")},
        ),
    )
    ws = _e81(renja2024)
    r = _row_of(ws, 3, "1.06.04.2.01 ")
    rp = {n: ws.cell(row=r, column=c).value for n, c in (("5", 6), ("6", 8), ("12", 20), ("13", 22), ("14", 24))}
    assert rp["5"] == 7500000000  # 2.000.000.000 + 2.500.000.000 + 3.000.000.000 (period 2024-2026)
    assert rp["6"] == 0  # first year of the Renstra period: nothing realised before it
    # 13 = 6 + 12; the kegiatan holds all of the program's realisation with data (seed Tabel 3.9: 4.259.258.784)
    assert rp["13"] == rp["12"] == 4259258784
    # 14 = 13 / 5 x 100 = 4.259.258.784 / 7.500.000.000 x 100 = 56,7901... -> 56,79
    assert rp["14"] == pytest.approx(56.79)
    assert ws.cell(row=r, column=24).number_format == '#,##0.00"%"'
    # the program: Rp5 = the sum of its kegiatan in the Renstra; its sasaran now also from the programme table
    p = _row_of(ws, 3, "1.06.04 ")
    assert ws.cell(row=p, column=6).value == 7500000000
    assert ws.cell(row=p, column=22).value == 4259258784  # 0 + Rp12 of the program (seed Tabel 3.9)
    # a row outside the Renstra programme table keeps 5 and 14 empty, never 0
    gaji = _row_of(ws, 3, "1.06.01 ")
    assert ws.cell(row=gaji, column=6).value is None and ws.cell(row=gaji, column=24).value is None
    assert "tahun pertama periode Renstra" in _kaki(ws, "Catatan")


def test_e81_footer_faktor_and_tindak_lanjut_by_period_and_signatures(renja2024, users):
    from renja.monev import services as monev
    from renja.perencanaan.models import RenjaRow

    row = RenjaRow.objects.get(tahap__renja=renja2024, tahap__status="ditetapkan", kode="1.06.04.2.01.0001")
    monev.realisasi_faktor_record(
        actor=users["perencana"],
        row=row,
        triwulan=1,
        faktor_pendorong="Data penerima DTKS mutakhir",
        faktor_penghambat="Pencairan anggaran terlambat",
        tindak_lanjut="Percepat pengadaan triwulan II",
        expected_version=0,
    )
    ws = _e81(renja2024, triwulan=1)
    assert _kaki(ws, "Faktor pendorong") == "1.06.04.2.01.0001: Data penerima DTKS mutakhir"
    assert _kaki(ws, "Faktor penghambat") == "1.06.04.2.01.0001: Pencairan anggaran terlambat"
    assert (
        _kaki(ws, "Tindak lanjut yang diperlukan dalam triwulan") == "1.06.04.2.01.0001: Percepat pengadaan triwulan II"
    )
    assert _kaki(ws, "Tindak lanjut yang diperlukan dalam Renja") is None

    # triwulan IV (approved and locked in the demo): the pimpinan reopens, the perencana returns the unit, the
    # tindak lanjut typed then is the one for the next Renja (the year's table shows it)
    monev.realisasi_reopen(actor=users["pimpinan"], renja=renja2024, triwulan=4, alasan="Lengkapi faktor")
    monev.realisasi_return(actor=users["perencana"], renja=renja2024, unit=row.unit, triwulan=4, catatan="Isi faktor")
    monev.realisasi_faktor_record(
        actor=users["perencana"],
        row=row,
        triwulan=4,
        faktor_pendorong="",
        faktor_penghambat="",
        tindak_lanjut="Naikkan pagu permakanan 2025",
        expected_version=0,
    )
    ws = _e81(renja2024)
    assert _kaki(ws, "Tindak lanjut yang diperlukan dalam Renja") == "1.06.04.2.01.0001: Naikkan pagu permakanan 2025"
    assert _kaki(ws, "Tindak lanjut yang diperlukan dalam triwulan") is None
    # signatures: disusun by the head of the dinas (name and NIP from the seed), dievaluasi by the head of Bappeda
    teks = [ws.cell(row=r, column=c).value for r in range(1, ws.max_row + 1) for c in (1, 14)]
    assert "Disusun" in teks and "Dievaluasi" in teks
    assert "Kepala Dinas Sosial Kota Bekasi" in teks and "Drs. H. ALEXANDER ZULKARNAIN, M.Si." in teks
    assert "NIP 19660301 199003 1 010" in teks and "Kepala Bappeda Kota Bekasi" in teks
