"""SIPD-RI realisation import (issue 11, Build 7) on the fixture tests/monev/data/sipd_realisasi_2026.json: 120
made-up transactions of Dinas Sosial 2026 over 6 sub kegiatan of the stage in force and 2 unknown codes (LS, UP,
GU, TU; one with nilai_setoran; pairs on both sides of the TW I/II and TW II/III boundaries in Asia/Jakarta).

Totals are computed here independently of renja.monev.impor: plain json, datetime.fromisoformat, zoneinfo."""

import copy
import csv
import datetime as dt
import io
import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from renja.inti.models import AuditEvent
from renja.inti.unggah import BerkasDitolak
from renja.monev import impor, services
from renja.monev.models import (
    AsalKeuangan,
    RealisasiKeuangan,
    RealisasiKeuanganAsal,
    StatusTriwulan,
    TransaksiSipd,
    TriwulanOpd,
)

FIXTURE = Path(__file__).parent / "data" / "sipd_realisasi_2026.json"
WIB = ZoneInfo("Asia/Jakarta")
KOLOM = list(json.loads(FIXTURE.read_text(encoding="utf-8"))[0])
UNKNOWN = {"1.06.04.2.01.0099", "1.06.99.2.01.0001"}
KNOWN = {
    "1.06.01.2.02.0001",
    "1.06.01.2.06.0004",
    "1.06.01.2.08.0002",
    "1.06.04.2.01.0001",
    "1.06.04.2.01.0002",
    "1.06.05.2.02.0001",
}


def entries() -> list[dict]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def as_json(data: list[dict]) -> bytes:
    return json.dumps(data).encode()


def as_csv(data: list[dict]) -> bytes:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=KOLOM)
    w.writeheader()
    w.writerows(data)
    return out.getvalue().encode()


def as_xlsx(data: list[dict]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    ws.append(KOLOM)
    for e in data:
        ws.append([e[k] for k in KOLOM])  # codes and dates as text, amounts as number cells
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def expected_totals(data: list[dict]) -> dict[tuple[str, int], int]:
    """sum(nilai_realisasi) - sum(nilai_setoran) per kode_sub_giat per triwulan of the Jakarta date."""
    totals: dict[tuple[str, int], int] = defaultdict(int)
    for e in data:
        ts = dt.datetime.fromisoformat(e["tanggal_dokumen"].replace("Z", "+00:00")).astimezone(WIB)
        totals[(e["kode_sub_giat"], (ts.month - 1) // 3 + 1)] += e["nilai_realisasi"] - e["nilai_setoran"]
    return dict(totals)


def preview_totals(p: impor.Pratinjau) -> dict[tuple[str, int], Decimal]:
    return {(b.kode, b.triwulan): b.jumlah_berkas for b in p.baris}


def stored_triwulan(renja, row, tw: int) -> Decimal | None:
    values = [
        r.jumlah
        for r in RealisasiKeuangan.objects.filter(row=row, bulan__in=range(3 * tw - 2, 3 * tw + 1))
        if r.jumlah is not None
    ]
    return sum(values, Decimal(0)) if values else None


@pytest.fixture
def perencana(users):
    return users["perencana"]


def preview(actor, renja, data: bytes, nama: str = "realisasi.json"):
    return impor.realisasi_impor_pratinjau(actor=actor, renja=renja, data=data, nama=nama)


def save(actor, renja, data: bytes, nama: str = "realisasi.json"):
    return impor.realisasi_impor_simpan(actor=actor, renja=renja, data=data, nama=nama)


def test_fixture_has_the_shape_the_issue_asks():
    data = entries()
    assert len(data) >= 100
    assert {e["kode_sub_giat"] for e in data} == KNOWN | UNKNOWN
    assert {"LS", "UP"} <= {e["jenis_transaksi"] for e in data}
    assert sum(1 for e in data if e["nilai_setoran"]) == 1


def test_totals_per_sub_kegiatan_per_triwulan_exact_to_the_rupiah(perencana, renja2026, row_of):
    data = entries()
    p = preview(perencana, renja2026, as_json(data))
    expected = expected_totals(data)
    assert preview_totals(p) == {k: Decimal(v) for k, v in expected.items()}
    assert p.transaksi == 120
    # The boundaries alone, by hand: Permakanan 12.345.000 at 23:30 WIB on 31 March is TW I, 7.654.321 at 17:30 UTC
    # on 31 March (00:30 WIB on 1 April) is TW II; Bahan Logistik 1.250.000 at 16:59:59 UTC on 30 June (23:59:59
    # WIB) is TW II, 2.500.000 at 17:00 UTC (00:00 WIB on 1 July) is TW III; Sandang's GU 30.000.000 with a
    # setoran of 4.321.500 is 25.678.500 in TW II.
    batas = preview(perencana, renja2026, as_json(data[:5]))
    assert preview_totals(batas) == {
        ("1.06.04.2.01.0001", 1): Decimal(12_345_000),
        ("1.06.04.2.01.0001", 2): Decimal(7_654_321),
        ("1.06.01.2.06.0004", 2): Decimal(1_250_000),
        ("1.06.01.2.06.0004", 3): Decimal(2_500_000),
        ("1.06.04.2.01.0002", 2): Decimal(25_678_500),
    }
    assert {b.kode for b in p.tidak_dikenal} == UNKNOWN
    assert {b.kode for b in p.dikenal} == KNOWN
    # Saving writes exactly those figures into the realisation of the known rows, per triwulan.
    hasil = save(perencana, renja2026, as_json(data))
    assert hasil.transaksi_ditulis == 120
    for (kode, tw), jumlah in expected.items():
        if kode in UNKNOWN:
            continue
        assert stored_triwulan(renja2026, row_of(kode), tw) == Decimal(jumlah), (kode, tw)
        asal = RealisasiKeuanganAsal.objects.get(row=row_of(kode), triwulan=tw)
        assert asal.asal == AsalKeuangan.IMPOR
    # The unknown codes are kept as transactions without a row, listed, never dropped.
    assert TransaksiSipd.objects.filter(renja=renja2026, row__isnull=True).count() == sum(
        1 for e in data if e["kode_sub_giat"] in UNKNOWN
    )
    assert AuditEvent.objects.filter(action="realisasi_impor_simpan").count() == 1


def test_json_csv_and_xlsx_give_identical_totals(perencana, renja2026):
    data = entries()
    dari_json = preview_totals(preview(perencana, renja2026, as_json(data), "sipd.json"))
    dari_csv = preview_totals(preview(perencana, renja2026, as_csv(data), "sipd.csv"))
    dari_xlsx = preview_totals(preview(perencana, renja2026, as_xlsx(data), "sipd.xlsx"))
    assert dari_json == dari_csv == dari_xlsx
    assert dari_json == {k: Decimal(v) for k, v in expected_totals(data).items()}


def _snapshot(renja):
    return (
        sorted(
            RealisasiKeuangan.objects.filter(renja=renja).values_list(
                "row_id", "sumber_dana_id", "bulan", "jumlah", "version"
            )
        ),
        sorted(
            TransaksiSipd.objects.filter(renja=renja).values_list("nomor_dokumen", "nilai_realisasi", "diimpor_pada")
        ),
        sorted(RealisasiKeuanganAsal.objects.filter(renja=renja).values_list("row_id", "triwulan", "asal", "version")),
        AuditEvent.objects.count(),
    )


def test_reimport_changes_nothing(perencana, renja2026):
    data = as_json(entries())
    save(perencana, renja2026, data)
    before = _snapshot(renja2026)
    p = preview(perencana, renja2026, data)
    assert p.berubah == []
    assert all(b.keterangan == "tidak berubah" for b in p.dikenal)
    hasil = save(perencana, renja2026, as_csv(entries()), "sama.csv")
    assert not hasil.berubah
    assert _snapshot(renja2026) == before


def test_changed_amount_shows_as_a_change(perencana, renja2026, row_of):
    data = entries()
    save(perencana, renja2026, as_json(data))
    ubah = copy.deepcopy(data)
    i = next(i for i, e in enumerate(ubah) if e["nomor_dokumen"].startswith("00001/"))  # Permakanan, TW I
    ubah[i]["nilai_realisasi"] += 1_000
    p = preview(perencana, renja2026, as_json(ubah))
    berubah = p.berubah
    assert [(b.kode, b.triwulan) for b in berubah] == [("1.06.04.2.01.0001", 1)]
    b = berubah[0]
    assert b.transaksi_berubah == 1 and b.transaksi_baru == 0
    assert b.jumlah_baru - b.jumlah_tersimpan == Decimal(1000)
    assert "1 transaksi berubah nilai" in b.keterangan
    save(perencana, renja2026, as_json(ubah))
    assert stored_triwulan(renja2026, row_of("1.06.04.2.01.0001"), 1) == Decimal(
        expected_totals(data)[("1.06.04.2.01.0001", 1)] + 1000
    )


def test_import_replaces_typed_figures_only_on_confirm(perencana, renja2026, permakanan, pad):
    # Typed: Rp 150.000.000 in February for Permakanan (TW I).
    services.realisasi_keuangan_record(
        actor=perencana, row=permakanan, sumber_dana_id=pad.pk, bulan=2, jumlah=Decimal(150_000_000), expected_version=0
    )
    data = as_json(entries())
    p = preview(perencana, renja2026, data)
    b = next(b for b in p.baris if b.kode == permakanan.kode and b.triwulan == 1)
    assert b.jumlah_tersimpan == Decimal(150_000_000)
    assert b.asal_tersimpan == AsalKeuangan.KETIK
    assert "menggantikan angka yang diketik" in b.keterangan
    # the preview wrote nothing
    assert stored_triwulan(renja2026, permakanan, 1) == Decimal(150_000_000)
    assert not TransaksiSipd.objects.filter(renja=renja2026).exists()
    save(perencana, renja2026, data)
    assert stored_triwulan(renja2026, permakanan, 1) == Decimal(expected_totals(entries())[(permakanan.kode, 1)])
    # one source at a time: typing into an imported triwulan is refused
    with pytest.raises(PermissionDenied, match="impor SIPD"):
        services.realisasi_keuangan_record(
            actor=perencana, row=permakanan, sumber_dana_id=pad.pk, bulan=2, jumlah=Decimal(1), expected_version=1
        )


def test_locked_triwulan_refuses_the_whole_import(perencana, renja2026):
    # TW I approved by the pimpinan (the workflow's end state, set directly: the workflow has its own tests).
    TriwulanOpd.objects.update_or_create(renja=renja2026, triwulan=1, defaults={"status": StatusTriwulan.DISETUJUI})
    p = preview(perencana, renja2026, as_json(entries()))
    assert not p.dapat_disimpan
    with pytest.raises(ValidationError, match="Triwulan I sudah disetujui"):
        save(perencana, renja2026, as_json(entries()))
    assert not TransaksiSipd.objects.filter(renja=renja2026).exists()
    assert not RealisasiKeuangan.objects.filter(renja=renja2026).exists()


def test_another_opds_file_is_refused(perencana, renja2026):
    data = entries()
    data[7]["kode_skpd"] = "1.02.0.00.0.00.01.0000"
    with pytest.raises(ValidationError) as exc:
        preview(perencana, renja2026, as_json(data))
    assert "Entri [7], kunci 'kode_skpd': '1.02.0.00.0.00.01.0000' bukan perangkat daerah ini" in str(exc.value)


@pytest.mark.parametrize(
    "rusak, pesan_json, pesan_csv",
    [
        (
            lambda e: e.update(nilai_realisasi="dua juta"),
            "Entri [42], kunci 'nilai_realisasi': 'dua juta' bukan angka",
            "Baris 44, kolom M (nilai_realisasi): 'dua juta' bukan angka",
        ),
        (
            lambda e: e.pop("nomor_dokumen"),
            "Entri [42], kunci 'nomor_dokumen': wajib ada",
            "Baris 44, kolom I (nomor_dokumen): wajib diisi",
        ),
        (
            lambda e: e.update(tanggal_dokumen="2026-02-30T10:00:00+07:00"),
            "Entri [42], kunci 'tanggal_dokumen': '2026-02-30T10:00:00+07:00' bukan waktu ISO 8601",
            "Baris 44, kolom L (tanggal_dokumen): '2026-02-30T10:00:00+07:00' bukan waktu ISO 8601",
        ),
    ],
    ids=["teks-di-nilai", "kunci-hilang", "tanggal-mustahil"],
)
def test_one_bad_row_refuses_the_whole_file(perencana, renja2026, rusak, pesan_json, pesan_csv):
    data = entries()
    rusak(data[42])  # entry [42] is CSV row 44 (header on row 1)
    with pytest.raises(ValidationError) as exc:
        save(perencana, renja2026, as_json(data))
    assert pesan_json in str(exc.value)
    assert "tidak ada yang disimpan" in str(exc.value)
    for e in data:
        e.setdefault("nomor_dokumen", "")
    with pytest.raises(ValidationError) as exc:
        save(perencana, renja2026, as_csv(data), "sipd.csv")
    assert pesan_csv in str(exc.value)
    assert not TransaksiSipd.objects.filter(renja=renja2026).exists()
    assert not RealisasiKeuangan.objects.filter(renja=renja2026).exists()
    assert not AuditEvent.objects.filter(action="realisasi_impor_simpan").exists()


def test_a_renamed_non_json_file_is_refused_by_content(perencana, renja2026):
    with pytest.raises(BerkasDitolak) as exc:
        preview(perencana, renja2026, as_xlsx(entries()), "realisasi.json")
    assert exc.value.alasan == "nama"
    with pytest.raises(BerkasDitolak) as exc:
        preview(perencana, renja2026, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "realisasi.json")
    assert "PDF" in str(exc.value)


def test_only_the_perencana_or_admin_imports(users, renja2026):
    with pytest.raises(PermissionDenied, match="Hanya perencana"):
        preview(users["operator.rehsos"], renja2026, as_json(entries()))
    with pytest.raises(PermissionDenied, match="Hanya perencana"):
        save(users["pimpinan"], renja2026, as_json(entries()))


def test_command_previews_without_simpan_and_saves_with_it(renja2026, tmp_path, capsys):
    berkas = tmp_path / "sipd.json"
    berkas.write_bytes(as_json(entries()))
    args = [str(berkas), "--tahun", "2026", "--opd", "1.06.0.00.0.00.01.0000", "--pemda", "32.75"]
    out = io.StringIO()
    call_command("renja_impor_realisasi", *args, stdout=out)
    teks = out.getvalue()
    assert "120 transaksi" in teks
    assert "Sub kegiatan tidak dikenal di tahap yang berlaku (2): 1.06.04.2.01.0099, 1.06.99.2.01.0001" in teks
    assert "Pratinjau saja" in teks
    assert not TransaksiSipd.objects.filter(renja=renja2026).exists()
    out = io.StringIO()
    call_command("renja_impor_realisasi", *args, "--simpan", stdout=out)
    assert "Disimpan: 120 transaksi ditulis" in out.getvalue()
    out = io.StringIO()
    call_command("renja_impor_realisasi", *args, "--simpan", stdout=out)
    assert "Tidak ada yang berubah" in out.getvalue()
    with pytest.raises(CommandError, match="tahap yang berlaku"):
        call_command("renja_impor_realisasi", *args, "--tahap", "rancangan_akhir", stdout=io.StringIO())
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("renja_impor_realisasi", str(berkas), "--tahun", "2025", "--opd", "1.06.0.00.0.00.01.0000")


def test_page_previews_then_saves_on_confirm(client, users, renja2026, row_of):
    client.force_login(users["perencana"])
    url = f"/monev/{renja2026.pk}/impor/"
    assert client.get(url).status_code == 200
    berkas = io.BytesIO(as_json(entries()))
    berkas.name = "sipd.json"
    r = client.post(url, {"berkas": berkas})
    assert r.status_code == 200
    html = r.content.decode()
    assert 'id="pratinjau"' in html and 'id="tidak-dikenal"' in html
    assert not TransaksiSipd.objects.filter(renja=renja2026).exists()
    p = r.context["pratinjau"]
    r = client.post(url, {"aksi": "simpan", "token": r.context["token"], "sidik": p.sidik}, follow=True)
    assert "disimpan: 120 transaksi" in r.content.decode()
    kode = "1.06.04.2.01.0001"
    assert stored_triwulan(renja2026, row_of(kode), 2) == Decimal(expected_totals(entries())[(kode, 2)])


def test_page_is_refused_to_the_operator(client, users, renja2026):
    client.force_login(users["operator.rehsos"])
    assert client.get(f"/monev/{renja2026.pk}/impor/").status_code == 403


def test_overview_offers_the_import_only_to_who_may_import(client, users, renja2026):
    url = f"/monev/{renja2026.pk}/"
    client.force_login(users["perencana"])
    assert 'id="tautan-impor"' in client.get(url).content.decode()
    client.force_login(users["operator.rehsos"])
    assert 'id="tautan-impor"' not in client.get(url).content.decode()


def test_a_transaction_moved_to_another_triwulan_changes_both(perencana, renja2026, row_of):
    data = entries()
    save(perencana, renja2026, as_json(data))
    totals = expected_totals(data)
    pindah = copy.deepcopy(data)
    pindah[0]["tanggal_dokumen"] = "2026-04-02T09:00:00+07:00"  # Permakanan's 12.345.000 leaves TW I for TW II
    p = preview(perencana, renja2026, as_json(pindah))
    assert sorted((b.kode, b.triwulan) for b in p.berubah) == [("1.06.04.2.01.0001", 1), ("1.06.04.2.01.0001", 2)]
    save(perencana, renja2026, as_json(pindah))
    row = row_of("1.06.04.2.01.0001")
    assert stored_triwulan(renja2026, row, 1) == Decimal(totals[(row.kode, 1)] - 12_345_000)
    assert stored_triwulan(renja2026, row, 2) == Decimal(totals[(row.kode, 2)] + 12_345_000)
