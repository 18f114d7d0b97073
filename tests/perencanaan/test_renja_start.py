"""Starting the Renja of a new year (issue 10 Build 4): empty, from the Renstra, or copying last year's Renja
across a nomenclature change (acceptance: "keeps every row whose code exists, remaps the codes the remap table
maps, and lists the rest; a test names one of each kind")."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from renja.inti.models import AuditEvent
from renja.nomenklatur.models import NomenklaturVersi
from renja.perencanaan import services
from renja.perencanaan.models import BarisTertunda, Level, RenjaRow
from renja.perencanaan.selectors import renja_tree
from renja.perencanaan.services import IndikatorInput, RowInput
from renja.perencanaan.targets import Target

pytestmark = pytest.mark.django_db

# Kept: in the 2023 and the 2027 list. Remapped: 2027's remap table (subkegiatan_sebelumnya) replaces
# 1.03.05.2.01.0040 "Pembinaan dan Pemberdayaan Masyarakat dalam Pengembangan SPALD" by 1.03.05.2.01.0048.
# Listed: 1.03.02.2.01.0030 "Rehabilitasi Bangunan Sabo" is not in the 2027 list and no remap names it.
DIPERTAHANKAN = "1.03.05.2.01.0019"
DIPETAKAN_LAMA, DIPETAKAN_BARU = "1.03.05.2.01.0040", "1.03.05.2.01.0048"
TERTUNDA = "1.03.02.2.01.0030"

# (program, kegiatan, sub kegiatan, target, satuan, pagu PAD)
BARIS_2026 = [
    ("1.03.01", "1.03.01.2.02", "1.03.01.2.02.0001", "42", "Orang", 1_000_000_000),
    ("1.03.05", "1.03.05.2.01", DIPERTAHANKAN, "2", "Unit", 250_000_000),
    ("1.03.05", "1.03.05.2.01", DIPETAKAN_LAMA, "150", "Orang", 120_000_000),
    ("1.03.02", "1.03.02.2.01", TERTUNDA, "3", "Unit", 75_000_000),
    ("1.03.02", "1.03.02.2.01", "1.03.02.2.01.0013", "1", "Dokumen", 300_000_000),
]
TOTAL_2026 = Decimal(1_745_000_000)  # 1.000.000.000 + 250.000.000 + 120.000.000 + 75.000.000 + 300.000.000


@pytest.fixture
def renja_pupr_2026(pupr, pupr_users):
    """Renja 2026 of Dinas PUPR Kabupaten Bekasi on the 2023 nomenclature, ditetapkan."""
    perencana = pupr_users["perencana"]
    sda = pupr.unit_kerja.get(kode="sda")
    hasil = services.renja_start_empty(
        actor=perencana, opd=pupr, tahun=2026, nomenklatur_versi=NomenklaturVersi.objects.get(kode="2023")
    )
    rows: dict[str, RenjaRow] = {}
    for prog, keg, sub, target, satuan, pagu in BARIS_2026:
        for level, kode, parent in ((Level.PROGRAM, prog, None), (Level.KEGIATAN, keg, prog)):
            if kode not in rows:
                rows[kode] = services.row_create(
                    actor=perencana,
                    tahap=hasil.tahap,
                    level=level,
                    parent=rows.get(parent),
                    data=RowInput(kode=kode, nama=""),
                )
        rows[sub] = services.row_create(
            actor=perencana,
            tahap=hasil.tahap,
            level=Level.SUB_KEGIATAN,
            parent=rows[keg],
            data=RowInput(
                kode=sub,
                nama="",
                unit=sda,
                indikator=[
                    IndikatorInput(uraian=f"Indikator {sub}", target=Target(nilai=Decimal(target)), satuan=satuan)
                ],
                pagu={"PAD": Decimal(pagu)},
                lokasi=["Cikarang"],
            ),
        )
    services.tahap_submit(actor=perencana, tahap=hasil.tahap)
    services.tahap_tetapkan(actor=pupr_users["pimpinan"], tahap=hasil.tahap)
    assert renja_tree(tahap=hasil.tahap).total_pagu == TOTAL_2026
    return hasil.renja


def test_salin_renja_lalu_menyimpan_memetakan_dan_mendaftar(renja_pupr_2026, pupr, pupr_users):
    hasil = services.renja_start_from_previous(actor=pupr_users["perencana"], opd=pupr, tahun=2027)
    assert hasil.renja.nomenklatur_versi.kode == "2027"
    assert hasil.tahap.jenis == "rancangan_awal" and hasil.tahap.status == "draft"
    # kept, as it was
    assert DIPERTAHANKAN in hasil.dipertahankan
    kept = RenjaRow.objects.get(tahap=hasil.tahap, kode=DIPERTAHANKAN)
    assert kept.nomenklatur.versi.kode == "2027"
    assert kept.disalin_dari.kode == DIPERTAHANKAN and kept.disalin_dari.tahap.renja.tahun == 2026
    # remapped: the new code, the 2027 name, targets and pagu carried
    assert hasil.dipetakan == [(DIPETAKAN_LAMA, DIPETAKAN_BARU)]
    remapped = RenjaRow.objects.get(tahap=hasil.tahap, kode=DIPETAKAN_BARU)
    assert remapped.nama.startswith("Pembinaan dan Pemberdayaan Masyarakat dalam Penyel")
    assert remapped.parent.kode == "1.03.05.2.01"
    assert [(i.target_nilai, i.satuan) for i in remapped.indikator.all()] == [(Decimal(150), "Orang")]
    assert [(p.sumber_dana.kode, p.jumlah) for p in remapped.pagu.all()] == [("PAD", Decimal(120_000_000))]
    assert not RenjaRow.objects.filter(tahap=hasil.tahap, kode=DIPETAKAN_LAMA).exists()
    # listed for a decision, not in the stage, not dropped
    assert [t.kode_lama for t in hasil.tertunda] == [TERTUNDA]
    tertunda = BarisTertunda.objects.get(tahap=hasil.tahap)
    assert tertunda.status == "menunggu" and tertunda.nama == "Rehabilitasi Bangunan Sabo"
    assert tertunda.alasan == "Kode tidak ada di nomenklatur versi 2027 dan tidak ada pemetaan kodenya."
    assert not RenjaRow.objects.filter(tahap=hasil.tahap, kode=TERTUNDA).exists()
    # 1.745.000.000 - 75.000.000 (the listed row) = 1.670.000.000
    tree = renja_tree(tahap=hasil.tahap)
    assert tree.total_pagu == Decimal(1_670_000_000)
    assert tree.counts == {"program": 3, "kegiatan": 3, "sub_kegiatan": 4}
    event = AuditEvent.objects.get(action="renja_start_from_previous", object_id=str(hasil.renja.pk))
    assert event.new["dipetakan"] == [f"{DIPETAKAN_LAMA} → {DIPETAKAN_BARU}"]
    assert event.new["tertunda"] == [TERTUNDA]


def test_baris_tertunda_dilanjutkan_dengan_kode_baru(renja_pupr_2026, pupr, pupr_users):
    perencana = pupr_users["perencana"]
    hasil = services.renja_start_from_previous(actor=perencana, opd=pupr, tahun=2027)
    tertunda = hasil.tertunda[0]
    with pytest.raises(ValidationError) as exc:
        services.baris_tertunda_decide(actor=perencana, tertunda=tertunda, kode_baru="1.03.02.2.01")
    assert exc.value.message_dict["kode_baru"] == ["Kode 1.03.02.2.01 bukan sub kegiatan; pilih kode setingkat."]
    with pytest.raises(PermissionDenied):
        services.baris_tertunda_decide(actor=pupr_users["operator"], tertunda=tertunda, kode_baru="1.03.02.2.01.0015")
    services.baris_tertunda_decide(
        actor=perencana, tertunda=tertunda, kode_baru="1.03.02.2.01.0015", catatan="Sabo masuk rehabilitasi"
    )
    row = RenjaRow.objects.get(tahap=hasil.tahap, kode="1.03.02.2.01.0015")
    assert row.parent.kode == "1.03.02.2.01"
    assert [(p.sumber_dana.kode, p.jumlah) for p in row.pagu.all()] == [("PAD", Decimal(75_000_000))]
    assert renja_tree(tahap=hasil.tahap).total_pagu == TOTAL_2026
    tertunda.refresh_from_db()
    assert (tertunda.status, tertunda.kode_baru, tertunda.diputuskan_oleh) == (
        "dipakai",
        "1.03.02.2.01.0015",
        perencana,
    )
    with pytest.raises(ValidationError, match="sudah diputuskan"):
        services.baris_tertunda_decide(actor=perencana, tertunda=tertunda, catatan="lagi")


def test_baris_tertunda_dilepas_wajib_alasan(renja_pupr_2026, pupr, pupr_users):
    perencana = pupr_users["perencana"]
    tertunda = services.renja_start_from_previous(actor=perencana, opd=pupr, tahun=2027).tertunda[0]
    with pytest.raises(ValidationError) as exc:
        services.baris_tertunda_decide(actor=perencana, tertunda=tertunda)
    assert exc.value.message_dict == {"catatan": ["Tulis alasan baris ini tidak dilanjutkan."]}
    services.baris_tertunda_decide(actor=perencana, tertunda=tertunda, catatan="Sabo selesai 2026")
    tertunda.refresh_from_db()
    assert tertunda.status == "dilepas"


def test_renja_kosong_dan_penolakan(pupr, pupr_users, users):
    perencana = pupr_users["perencana"]
    hasil = services.renja_start_empty(actor=perencana, opd=pupr, tahun=2028)
    assert hasil.renja.nomenklatur_versi.kode == "2027"  # the newest version in force in 2028
    assert hasil.tahap.rows.count() == 0
    with pytest.raises(ValidationError, match="sudah ada"):
        services.renja_start_empty(actor=perencana, opd=pupr, tahun=2028)
    with pytest.raises(ValidationError, match="tidak ada; tidak ada yang disalin"):
        services.renja_start_from_previous(actor=perencana, opd=pupr, tahun=2030)
    with pytest.raises(PermissionDenied, match="Hanya perencana atau admin"):
        services.renja_start_empty(actor=pupr_users["pimpinan"], opd=pupr, tahun=2029)
    # the demo's perencana works for Dinas Sosial Kota Bekasi, not for this OPD
    with pytest.raises(PermissionDenied, match="tidak memiliki akses"):
        services.renja_start_empty(actor=users["perencana"], opd=pupr, tahun=2029)


def test_salin_renja_2024_demo_ke_nomenklatur_2027(users):
    """The demo's Renja 2024 (seed Tabel 2.1, 2023 list) copied into 2025 on the 2027 list: the 2027 list dropped
    7 of its 91 codes and its remap table names none of bidang 1.06, so 84 rows are kept and 7 listed."""
    from renja.organisasi.models import PerangkatDaerah

    opd = PerangkatDaerah.objects.get(pemda__kode="32.75", kode="1.06.0.00.0.00.01.0000")
    versi = NomenklaturVersi.objects.get(kode="2027")
    hasil = services.renja_start_from_previous(actor=users["perencana"], opd=opd, tahun=2025, nomenklatur_versi=versi)
    assert (len(hasil.dipertahankan), hasil.dipetakan) == (84, [])
    assert sorted(t.kode_lama for t in hasil.tertunda) == [
        "1.06.02.2.02.0001",
        "1.06.02.2.03.0001",
        "1.06.02.2.03.0002",
        "1.06.04.2.01.0007",
        "1.06.05.2.02.0002",
        "1.06.05.2.02.0003",
        "1.06.06.2.01.0003",
    ]
    assert hasil.tahap.dibuat_dari.renja.tahun == 2024
    # NIK/akta for penyandang disabilitas continues as 2027's 1.06.04.2.01.0014, its target carried
    nik = next(t for t in hasil.tertunda if t.kode_lama == "1.06.04.2.01.0007")
    services.baris_tertunda_decide(actor=users["perencana"], tertunda=nik, kode_baru="1.06.04.2.01.0014")
    row = RenjaRow.objects.get(tahap=hasil.tahap, kode="1.06.04.2.01.0014")
    assert row.nama.startswith("Fasilitasi Pembuatan Dokumen Kependudukan bagi Penyandang Disabilitas Terlantar")
    assert [(i.target_nilai, i.satuan) for i in row.indikator.all()] == [(Decimal(100), "Orang")]
    assert row.disalin_dari.tahap.renja.tahun == 2024
