"""The planning tables of the Renja document (T-C.33, T-C.31, Tabel 3.1, Asta Cita) from the demo, written through
renja.inti.tabel.tulis_xlsx and read back with openpyxl. Figures: seed BAB IV (baris 1229-1402), first Tabel 2.19
(baris 858-1000), Tabel 3.1 (baris 1053-1061)."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from renja.inti.tabel import tulis_csv, tulis_xlsx
from renja.perencanaan.models import Level, RenjaRow, RenstraPagu, RenstraProgram
from renja.perencanaan.selectors import tahap_diff
from renja.perencanaan.tabel_renja import tabel_iku, tabel_prioritas, tabel_tc31, tabel_tc33


def _sheet(tabel):
    return load_workbook(io.BytesIO(tulis_xlsx(tabel))).active


def _kol(tabel, kunci: str) -> int:
    """1-based sheet column of a key."""
    return next(i for i, k in enumerate(tabel.kolom, start=1) if k.kunci == kunci)


def _first_body_row(ws) -> int:
    """The row after the column-number row (the one whose first cell is 1 and second 2)."""
    for r in range(1, 20):
        if ws.cell(row=r, column=1).value == 1 and ws.cell(row=r, column=2).value == 2:
            return r + 1
    raise AssertionError("no column-number row")


def _rows_by_kode(ws, tabel, start: int) -> dict[str, int]:
    c = _kol(tabel, "kode")
    return {ws.cell(row=r, column=c).value: r for r in range(start, ws.max_row + 1) if ws.cell(row=r, column=c).value}


# Program subtotals printed in the seed (BAB IV baris 1238 ff. and Tabel 2.19 baris 866 ff.), each equal to the sum
# of its sub kegiatan in the demo file: 13.652.995.250 + 2.387.000.000 + 4.962.840.000 + 3.040.000.000
# + 1.901.683.166 + 792.000.000 = 26.736.518.416 (the printed total, baris 1235 and 1402).
PROGRAM_SEED = {
    "1.06.01": 13652995250,
    "1.06.02": 2387000000,
    "1.06.04": 4962840000,
    "1.06.05": 3040000000,
    "1.06.06": 1901683166,
    "1.06.07": 792000000,
}


def test_program_subtotals_add_up_to_the_seed_total():
    assert sum(PROGRAM_SEED.values()) == 26736518416


def test_tc33_xlsx_holds_every_sub_kegiatan_with_its_plan(tahap_final):
    tabel = tabel_tc33(tahap_final)
    ws = _sheet(tabel)
    start = _first_body_row(ws)
    # the form's numbers 1..17 over 19 columns (target+satuan of n and n+1 share one number)
    nomor = [ws.cell(row=start - 1, column=c).value for c in range(1, ws.max_column + 1)]
    assert [x for x in nomor if x is not None] == list(range(1, 18))
    by_kode = _rows_by_kode(ws, tabel, start)
    subs = list(RenjaRow.objects.filter(tahap=tahap_final, level=Level.SUB_KEGIATAN))
    assert len(subs) == 51
    for s in subs:
        r = by_kode[s.kode]
        assert ws.cell(row=r, column=_kol(tabel, "indikator")).value, s.kode
        assert ws.cell(row=r, column=_kol(tabel, "target")).value is not None, s.kode
        assert ws.cell(row=r, column=_kol(tabel, "satuan")).value, s.kode
        assert ws.cell(row=r, column=_kol(tabel, "pagu")).value > 0, s.kode
        assert ws.cell(row=r, column=_kol(tabel, "sumber_dana")).value, s.kode
    # BAB IV baris 1321 (final stage): Penyediaan Permakanan 500 Orang, Rp 1.020.000.000 under PAD
    r = by_kode["1.06.04.2.01.0001"]
    assert ws.cell(row=r, column=_kol(tabel, "target")).value == 500
    assert ws.cell(row=r, column=_kol(tabel, "satuan")).value == "Orang"
    assert ws.cell(row=r, column=_kol(tabel, "sumber_dana")).value == "PAD"
    # the program rows carry the summed pagu, bold
    for kode, pagu in PROGRAM_SEED.items():
        cell = ws.cell(row=by_kode[kode], column=_kol(tabel, "pagu"))
        assert cell.value == pagu, kode
        assert cell.font.b
    # TOTAL footer: Rp 26.736.518.416 (seed baris 1235)
    total_row = next(r for r in range(start, ws.max_row + 1) if ws.cell(row=r, column=1).value == "TOTAL")
    assert ws.cell(row=total_row, column=_kol(tabel, "pagu")).value == 26736518416
    assert ws.cell(row=total_row, column=_kol(tabel, "pagu")).number_format == '"Rp "#,##0'
    # prakiraan maju 2027: printed total Rp 26.911.721.000 (BAB IV baris 1235) minus what the 19 unreadable rows
    # imply (demo README: 50.000.000 + 457.500.000 + 675.000.000 + 450.000.000 + 1.300.000.000 + 0 + 2.772.000.000
    # = 5.704.500.000) = 21.207.221.000: the sum of the known values, with a note that it is incomplete
    assert ws.cell(row=total_row, column=_kol(tabel, "pagu_n1")).value == 21207221000
    catatan = " ".join(str(ws.cell(row=total_row + 1, column=c).value or "") for c in range(1, ws.max_column + 1))
    assert "19 sub kegiatan belum memiliki pagu" in catatan


def test_tc33_leaves_missing_lokasi_and_prakiraan_empty(tahap_final):
    tabel = tabel_tc33(tahap_final)
    ws = _sheet(tabel)
    start = _first_body_row(ws)
    by_kode = _rows_by_kode(ws, tabel, start)
    subs = list(RenjaRow.objects.filter(tahap=tahap_final, level=Level.SUB_KEGIATAN))
    tanpa_lokasi = [s.kode for s in subs if ws.cell(row=by_kode[s.kode], column=_kol(tabel, "lokasi")).value is None]
    tanpa_prakiraan = [
        s.kode for s in subs if ws.cell(row=by_kode[s.kode], column=_kol(tabel, "pagu_n1")).value is None
    ]
    # demo README: 19 sub kegiatan filled wholly from Tabel 2.19 have neither; the salary row's lokasi is "-" in
    # BAB IV, left out of the data (19 + 1 = 20)
    assert len(tanpa_lokasi) == 20
    assert len(tanpa_prakiraan) == 19
    assert set(tanpa_prakiraan) <= set(tanpa_lokasi)
    assert {s.kode for s in subs if not s.lokasi} == set(tanpa_lokasi)
    assert {s.kode for s in subs if s.prakiraan_pagu is None} == set(tanpa_prakiraan)
    # a printed 0,00 stays a 0: 1.06.01.2.01.0006 prakiraan maju 2027 Rp 0 (BAB IV baris 1239)
    assert ws.cell(row=by_kode["1.06.01.2.01.0006"], column=_kol(tabel, "pagu_n1")).value == 0


def test_tc33_csv_has_one_header_line_and_the_total(tahap_final):
    teks = tulis_csv(tabel_tc33(tahap_final)).decode()
    lines = teks.splitlines()
    assert lines[0].startswith("No,Kode,Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan,")
    assert any(line.startswith("TOTAL,") and ",26736518416," in line for line in lines)


def test_tc31_lists_the_same_changes_as_the_diff_page(tahap_rkpd, tahap_final):
    diff = tahap_diff(a=tahap_rkpd, b=tahap_final)
    tabel = tabel_tc31(tahap_rkpd, tahap_final)
    ws = _sheet(tabel)
    c_cat, c_a = _kol(tabel, "catatan"), _kol(tabel, "a_uraian")
    catatan = {}
    for r in range(1, ws.max_row + 1):
        a = ws.cell(row=r, column=c_a).value
        if isinstance(a, str) and a[:1].isdigit():
            catatan[a.split(" ", 1)[0]] = ws.cell(row=r, column=c_cat).value
    assert len(catatan) == len(diff.rows) == 6 + 12 + 51
    for d in diff.rows:
        assert (catatan[d.kode] or "") == ("; ".join(d.perubahan) if d.status != "sama" else ""), d.kode
    # seed: Tabel 2.19 baris 924 1800 Orang, BAB IV baris 1331 500 Orang
    assert "target 1.800 Orang → 500 Orang" in catatan["1.06.04.2.01.0001"]
    assert sum(1 for v in catatan.values() if v and "target " in v) == diff.count_kind("target")
    # both totals Rp 26.736.518.416 (Tabel 2.19 baris 865, both halves)
    total_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "TOTAL")
    assert ws.cell(row=total_row, column=_kol(tabel, "a_pagu")).value == 26736518416
    assert ws.cell(row=total_row, column=_kol(tabel, "b_pagu")).value == 26736518416


def test_iku_tabel_3_1_targets_2025_2029(renja2026):
    tabel = tabel_iku(renja2026.renstra)
    ws = _sheet(tabel)
    c_ind = _kol(tabel, "indikator")
    rows = {
        ws.cell(row=r, column=c_ind).value: [
            ws.cell(row=r, column=_kol(tabel, f"t{t}")).value for t in range(2025, 2030)
        ]
        for r in range(1, ws.max_row + 1)
        if isinstance(ws.cell(row=r, column=c_ind).value, str)
        and ws.cell(row=r, column=c_ind).value.startswith("Persentase")
    }
    # seed Tabel 3.1 baris 1058-1061
    assert rows == {
        "Persentase PPKS yang terlayani": [6, 7, 8, 9, 10],
        "Persentase PSKS yang berfungsi": [100] * 5,
        "Persentase PPKS yang mendapatkan pelayanan kesejahteraan sosial": [6, 7, 8, 9, 10],
        "Persentase PSKS yang dibina": [100] * 5,
    }
    merged = {str(m) for m in ws.merged_cells.ranges}
    # "Target Tahun" over the five year columns (F..J) in the first header row (row 4: two titles + blank line)
    assert "F4:J4" in merged


def test_prioritas_groups_programs_under_each_national_priority(tahap_final):
    tabel = tabel_prioritas(tahap_final)
    ws = _sheet(tabel)
    c_pn, c_prog, c_n = _kol(tabel, "prioritas"), _kol(tabel, "program"), _kol(tabel, "pagu_n")
    groups: dict[str, dict[str, int]] = {}
    current = None
    for r in range(1, ws.max_row + 1):
        pn, prog = ws.cell(row=r, column=c_pn).value, ws.cell(row=r, column=c_prog).value
        if isinstance(pn, str) and pn.startswith("Memperkuat"):
            current = groups.setdefault(pn[:40], {})
        elif current is not None and isinstance(prog, str) and prog.startswith("1.06"):
            current[prog.split(" ", 1)[0]] = ws.cell(row=r, column=c_n).value
            assert ws.cell(row=r, column=_kol(tabel, "pengampu")).value == "Sosial"
    # demo: Asta Cita 4 (SDM) on the rows of five programs; Asta Cita 8 (harmoni) on the TMP program (1.06.07)
    assert set(groups) == {"Memperkuat pembangunan sumber daya manus", "Memperkuat penyelarasan kehidupan yang h"}
    # pagu 2026 of the sub kegiatan carrying each priority = program pagu minus its 19 rows filled from Tabel 2.19
    # (no priority there; demo README): 1.06.01 13.652.995.250 - (10.000.000 + 195.988.250 + 60.000.000 + 50.000.000
    # + 468.000.000 + 350.000.000 + 124.230.000 + 400.000.000) = 11.994.777.000; 1.06.04 4.962.840.000 - (629.840.000
    # + 683.000.000 + 100.000.000 + 200.000.000) = 3.350.000.000; 1.06.05 3.040.000.000 - 350.000.000; 1.06.06
    # 1.901.683.166 - (595.111.166 + 150.000.000 + 150.000.000 + 50.000.000 + 50.000.000) = 906.572.000; 1.06.07:
    # only 0002 (Rp 542.000.000, BAB IV baris 1401) carries Asta Cita 8
    assert groups == {
        "Memperkuat pembangunan sumber daya manus": {
            "1.06.01": 11994777000,
            "1.06.02": 2387000000,
            "1.06.04": 3350000000,
            "1.06.05": 2690000000,
            "1.06.06": 906572000,
        },
        "Memperkuat penyelarasan kehidupan yang h": {"1.06.07": 542000000},
    }
    # the Renstra of the demo holds no programme pagu: the year columns stay empty
    c25 = _kol(tabel, "p2025")
    assert not any(isinstance(ws.cell(row=r, column=c25).value, int) for r in range(1, ws.max_row + 1))


@pytest.mark.django_db
def test_prioritas_reads_the_renstra_pagu_per_year(tahap_final, renja2026):
    # the seed's Asta Cita table (baris 1029-1034): Program Perlindungan dan Jaminan Sosial, pagu indikatif
    # 2.325 / 2.700 / 3.240 / 3.888 / 4.666 juta for 2025-2029; typed on a kegiatan, the program sums it
    renstra = renja2026.renstra
    program = RenstraProgram.objects.create(
        renstra=renstra, level="program", kode="1.06.05", nama="PROGRAM PERLINDUNGAN"
    )
    kegiatan = RenstraProgram.objects.create(
        renstra=renstra, level="kegiatan", kode="1.06.05.2.02", nama="Kegiatan", parent=program, urutan=1
    )
    juta = {2025: 2325, 2026: 2700, 2027: 3240, 2028: 3888, 2029: 4666}
    for tahun, j in juta.items():
        RenstraPagu.objects.create(program=kegiatan, tahun=tahun, jumlah=Decimal(j * 1_000_000))
    tabel = tabel_prioritas(tahap_final)
    ws = _sheet(tabel)
    c_prog = _kol(tabel, "program")
    rows = [
        r for r in range(1, ws.max_row + 1) if str(ws.cell(row=r, column=c_prog).value or "").startswith("1.06.05 ")
    ]
    assert rows
    for r in rows:
        assert [ws.cell(row=r, column=_kol(tabel, f"p{t}")).value for t in juta] == [
            j * 1_000_000 for j in juta.values()
        ]
