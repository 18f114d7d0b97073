"""Writing a Renstra (issue 10 Build 3): tujuan, sasaran, IKU with baseline and yearly targets, the programme
table with yearly pagu indikatif and unit, draf -> ditetapkan (locked); and a Renja started from it.

Figures from the seed: Tabel 3.1 (IKU targets 2025-2029, lines 1053-1061) and the trailing table (lines
1410-1412: X XX 1 201 "Perencanaan, Penganggaran, dan Evaluasi Kinerja" 4 dokumen, Rp 50.000.000 in 2025 and
Rp 150.000.000 in 2026; X XX 1 202 "Administrasi Keuangan" 100%, Rp 9.295.981.000 and Rp 9.395.981.000)."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from renja.inti.models import AuditEvent
from renja.perencanaan import services
from renja.perencanaan.models import RenjaRow
from renja.perencanaan.selectors import renja_tree, renstra_program_table
from renja.perencanaan.services import RenstraIndikatorInput, RenstraProgramInput
from renja.perencanaan.targets import Target

pytestmark = pytest.mark.django_db


def t(**per_tahun) -> dict[int, Target]:
    return {int(k[1:]): Target(nilai=Decimal(v)) for k, v in per_tahun.items()}


@pytest.fixture
def renstra(dinsos_lain, dinsos_lain_users):
    perencana = dinsos_lain_users["perencana"]
    sekretariat = dinsos_lain.unit_kerja.get(kode="sekretariat")
    r = services.renstra_create(actor=perencana, opd=dinsos_lain, tahun_awal=2025, tahun_akhir=2029)
    tujuan = services.renstra_tujuan_save(
        actor=perencana, renstra=r, kode="T1", uraian="Terwujudnya keberfungsian PPKS dan PSKS"
    )
    sasaran = services.renstra_sasaran_save(
        actor=perencana, tujuan=tujuan, kode="S1", uraian="Meningkatnya keberfungsian PPKS"
    )
    services.renstra_indikator_save(
        actor=perencana,
        renstra=r,
        sasaran=sasaran,
        data=RenstraIndikatorInput(
            uraian="Persentase PPKS yang mendapatkan pelayanan kesejahteraan sosial",
            satuan="%",
            kondisi_awal="5",
            target=t(y2025=6, y2026=7, y2027=8, y2028=9, y2029=10),
        ),
    )
    program = services.renstra_program_save(
        actor=perencana, renstra=r, data=RenstraProgramInput(kode="1.06.01", unit=sekretariat, sasaran=sasaran)
    )
    k1 = services.renstra_program_save(
        actor=perencana,
        renstra=r,
        parent=program,
        data=RenstraProgramInput(
            kode="1.06.01.2.01", unit=sekretariat, pagu={2025: Decimal(50_000_000), 2026: Decimal(150_000_000)}
        ),
    )
    services.renstra_indikator_save(
        actor=perencana,
        renstra=r,
        program=k1,
        data=RenstraIndikatorInput(uraian="Jumlah Dokumen Perencanaan", satuan="Dokumen", target=t(y2025=4, y2026=4)),
    )
    k2 = services.renstra_program_save(
        actor=perencana,
        renstra=r,
        parent=program,
        data=RenstraProgramInput(
            kode="1.06.01.2.02", unit=sekretariat, pagu={2025: Decimal(9_295_981_000), 2026: Decimal(9_395_981_000)}
        ),
    )
    services.renstra_indikator_save(
        actor=perencana,
        renstra=r,
        program=k2,
        data=RenstraIndikatorInput(
            uraian="Optimalisasi Administrasi Keuangan Perangkat Daerah", satuan="%", target=t(y2025=100, y2026=100)
        ),
    )
    return r


def test_tabel_program_renstra_dan_pagu_turunan(renstra):
    table = renstra_program_table(renstra=renstra)
    [program] = table.programs
    assert program.program.nama == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    assert [k.program.kode for k in program.children] == ["1.06.01.2.01", "1.06.01.2.02"]
    # program pagu = sum of its kegiatan: 50.000.000 + 9.295.981.000; 150.000.000 + 9.395.981.000
    assert program.pagu[2025] == Decimal(9_345_981_000)
    assert program.pagu[2026] == Decimal(9_545_981_000)
    assert program.pagu[2027] == Decimal(0)
    assert table.total[2026] == Decimal(9_545_981_000)
    assert program.children[0].program.unit.nama == "Sekretariat"


def test_validasi_renstra(renstra, dinsos_lain_users):
    perencana = dinsos_lain_users["perencana"]
    with pytest.raises(ValidationError) as exc:
        services.renstra_create(actor=perencana, opd=renstra.opd, tahun_awal=2027, tahun_akhir=2031)
    assert exc.value.message_dict == {"tahun_awal": ["Periode bertumpang tindih dengan Renstra 2025-2029."]}
    with pytest.raises(ValidationError) as exc:
        services.renstra_program_save(actor=perencana, renstra=renstra, data=RenstraProgramInput(kode="1.03.02"))
    assert "di luar bidang urusan Dinas Sosial (1.06)" in exc.value.message_dict["kode"][0]
    program = renstra.program.get(kode="1.06.01")
    with pytest.raises(ValidationError) as exc:
        services.renstra_program_save(
            actor=perencana,
            renstra=renstra,
            parent=program,
            data=RenstraProgramInput(kode="1.06.01.2.06", pagu={2031: Decimal(1), 2027: Decimal("0.5")}),
        )
    assert exc.value.message_dict["pagu"] == [
        "Pagu 2027 harus Rupiah bulat ≥ 0, paling banyak 15 digit.",
        "Tahun 2031 di luar periode Renstra.",
    ]
    sasaran = renstra.tujuan.get().sasaran.get()
    with pytest.raises(ValidationError) as exc:
        services.renstra_indikator_save(
            actor=perencana,
            renstra=renstra,
            sasaran=sasaran,
            data=RenstraIndikatorInput(uraian="x", satuan="", target={2026: Target(nilai=Decimal("-1"))}),
        )
    assert exc.value.message_dict == {
        "satuan": ["Satuan wajib diisi."],
        "target": ["Target 2026: target tidak boleh negatif."],
    }


def test_ditetapkan_lalu_terkunci(renstra, dinsos_lain_users, users):
    perencana, pimpinan = dinsos_lain_users["perencana"], dinsos_lain_users["pimpinan"]
    with pytest.raises(PermissionDenied, match="Hanya pimpinan atau admin"):
        services.renstra_tetapkan(actor=perencana, renstra=renstra)
    with pytest.raises(PermissionDenied, match="tidak memiliki akses"):
        # the demo's perencana (Dinas Sosial Kota Bekasi, same OPD code) has no business here
        services.renstra_tujuan_save(actor=users["perencana"], renstra=renstra, kode="T9", uraian="x")
    services.renstra_tetapkan(actor=pimpinan, renstra=renstra)
    assert renstra.status == "ditetapkan"
    with pytest.raises(PermissionDenied, match="sudah ditetapkan dan terkunci"):
        services.renstra_tujuan_save(actor=perencana, renstra=renstra, kode="T2", uraian="Tujuan baru")
    tujuan = renstra.tujuan.get()
    with pytest.raises(PermissionDenied, match="sudah ditetapkan dan terkunci"):
        services.renstra_item_delete(actor=perencana, item=tujuan.sasaran.get(), expected_version=1)
    assert AuditEvent.objects.filter(action="renstra_tetapkan", object_id=str(renstra.pk)).count() == 1


def test_hapus_dan_versi(renstra, dinsos_lain_users):
    perencana = dinsos_lain_users["perencana"]
    program = renstra.program.get(kode="1.06.01")
    with pytest.raises(ValidationError, match="masih memiliki kegiatan"):
        services.renstra_item_delete(actor=perencana, item=program, expected_version=program.version)
    kegiatan = renstra.program.get(kode="1.06.01.2.01")
    with pytest.raises(ValidationError, match="sudah diubah orang lain"):
        services.renstra_item_delete(actor=perencana, item=kegiatan, expected_version=kegiatan.version + 1)
    services.renstra_item_delete(actor=perencana, item=kegiatan, expected_version=kegiatan.version)
    assert renstra_program_table(renstra=renstra).programs[0].pagu[2026] == Decimal(9_395_981_000)


def test_renja_dari_renstra(renstra, dinsos_lain_users):
    hasil = services.renja_start_from_renstra(actor=dinsos_lain_users["perencana"], renstra=renstra, tahun=2026)
    assert hasil.renja.renstra == renstra
    assert hasil.dipertahankan == ["1.06.01", "1.06.01.2.01", "1.06.01.2.02"] and hasil.tertunda == []
    k1 = RenjaRow.objects.get(tahap=hasil.tahap, kode="1.06.01.2.01")
    # the 2026 target and pagu indikatif of the Renstra, as a start
    assert [(i.uraian, i.target_nilai, i.satuan) for i in k1.indikator.all()] == [
        ("Jumlah Dokumen Perencanaan", Decimal(4), "Dokumen")
    ]
    assert k1.pagu_indikatif == Decimal(150_000_000)
    assert k1.unit.nama == "Sekretariat" and k1.parent.kode == "1.06.01"
    # the Renja's pagu is still the sum of sub kegiatan: none yet
    assert renja_tree(tahap=hasil.tahap).total_pagu == Decimal(0)
    with pytest.raises(ValidationError, match="di luar periode Renstra 2025-2029"):
        services.renja_start_from_renstra(actor=dinsos_lain_users["perencana"], renstra=renstra, tahun=2030)
